/**
 * What a cell stores when a script writes a value, following Sheets' reading of typed input: '=...' and
 * other entries starting with a sign ("+1+1") are formulas, a leading apostrophe forces text, numeric and
 * percent texts become numbers, TRUE/FALSE become booleans and ISO or US dates become dates, unless the
 * cell is formatted as plain text (`@`).
 */
import type { CellScalar, EvalValue } from './formula-types';
import { TEXT_FORMAT } from './number-format';
import { zonedTime } from './time';

/** A formula cell: its text and its last evaluation (valid while `version` matches the workbook's). */
export class FormulaCell {
  version = -1;
  value: EvalValue = '';
  /** Size of the spilled area when the result spilled (rows x columns, origin included). */
  spillRows = 0;
  spillCols = 0;
  evaluating = false;
  constructor(readonly text: string) {}
}

/** A stored cell: a non-blank scalar or a formula. A blank cell stores nothing. */
export type Content = Exclude<CellScalar, ''> | FormulaCell;

export interface ParsedInput {
  content: Content | undefined;
  /** The number format Sheets picks for the typed text (e.g. '0%' for "45%"), when the cell had none. */
  format?: string;
}

/** Cross-realm safe: scripts run in a vm context whose Date is not this realm's. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))\s?%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function validDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function parseText(typed: string, timeZone: string): ParsedInput {
  if (typed.startsWith("'")) return { content: typed.length > 1 ? typed.slice(1) : undefined };
  if (typed.length > 1 && typed.startsWith('=')) return { content: new FormulaCell(typed) };
  // Blanks around a number, a boolean or a date are ignored, as when typed.
  const text = typed.trim();
  if (NUMBER.test(text)) return { content: Number(text) };
  // Any other entry starting with a sign is read as a formula ("+1+1" is =+1+1, 2).
  if (/^[+-]./.test(text)) return { content: new FormulaCell(`=${text}`) };
  if (GROUPED.test(text)) {
    return { content: Number(text.replace(/,/g, '')), format: text.includes('.') ? '#,##0.00' : '#,##0' };
  }
  const percent = PERCENT.exec(text);
  if (percent) {
    const digits = percent[1] ?? '0';
    return { content: Number(digits) / 100, format: digits.includes('.') ? '0.00%' : '0%' };
  }
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { content: upper === 'TRUE' };
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (validDay(y, m, d)) return { content: zonedTime(timeZone, y, m, d), format: 'yyyy-mm-dd' };
  }
  const us = US_DATE.exec(text);
  if (us) {
    const [m, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
    if (validDay(y, m, d)) return { content: zonedTime(timeZone, y, m, d), format: 'M/d/yyyy' };
  }
  return { content: typed };
}

/** Reads a value written by setValue/setValues/appendRow into what the cell stores. */
export function parseInput(value: unknown, cellFormat: string | undefined, timeZone: string): ParsedInput {
  if (value === null || value === undefined || value === '') return { content: undefined };
  if (typeof value === 'number' || typeof value === 'boolean') return { content: value };
  if (isDate(value)) return { content: new Date(value.getTime()) };
  if (typeof value === 'string') {
    if (cellFormat === TEXT_FORMAT) return { content: value };
    return parseText(value, timeZone);
  }
  return { content: String(value) };
}

/** What getValues returns for a computed value: error cells show their code, sparklines ''. */
export function toCellScalar(value: EvalValue): CellScalar {
  if (typeof value !== 'object') return value;
  if (isDate(value)) return new Date(value.getTime());
  if (value.kind === 'error') return value.code;
  return '';
}
