/**
 * Display text of a cell value under a Sheets number format, as getDisplayValues shows it. Covers
 * general numbers, `0`, `0.00`, `#,##0(.00)`, percentages (`0%`, `0.0%`), quoted literals, `@` (plain text)
 * and date/time patterns (`yyyy-mm-dd`, `m/d/yyyy h:mm:ss`, `mmm d`, `AM/PM`); anything else falls back to
 * the general format.
 */
import { serialToWallClock } from '../src/core/sheets-dates';
import type { EvalValue } from './formula-types';
import { dayName, monthName, pad, toSerial, zonedFromUtcFields, zonedParts } from './time';

/** What getNumberFormat returns for a cell nobody formatted. */
export const GENERAL_FORMAT = '0.###############';
export const TEXT_FORMAT = '@';

export function isGeneral(format: string | undefined): boolean {
  return (
    format === undefined || format === '' || format === GENERAL_FORMAT || format.toLowerCase() === 'general'
  );
}

/** Removes quoted text, escaped characters and [bracketed] parts, leaving the pattern letters. */
function patternLetters(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string | undefined): boolean {
  if (isGeneral(format) || format === TEXT_FORMAT || format === undefined) return false;
  const letters = patternLetters(format.split(';')[0] ?? '');
  return /[ydhs]/i.test(letters) || /m/i.test(letters.replace(/am\/pm|a\/p/gi, ''));
}

export function formatGeneralNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-9 || abs >= 1e15))
    return n
      .toExponential(5)
      .replace(/\.?0+e/, 'E')
      .replace('E+', 'E+');
  return String(Number.parseFloat(n.toPrecision(10)));
}

function serialToDate(serial: number, timeZone: string): Date {
  return zonedFromUtcFields(timeZone, serialToWallClock(serial));
}

/** A Date with no explicit format shows like Sheets' default date-time (or date when at midnight). */
function defaultDateText(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const day = `${p.month}/${p.day}/${p.year}`;
  if (p.hour === 0 && p.minute === 0 && p.second === 0) return day;
  return `${day} ${p.hour}:${pad(p.minute, 2)}:${pad(p.second, 2)}`;
}

export function formatDisplay(value: EvalValue, format: string | undefined, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (value instanceof Date) {
    if (isDateFormat(format) && format) return formatDatePattern(value, format, timeZone);
    if (isGeneral(format) || format === TEXT_FORMAT) return defaultDateText(value, timeZone);
    return formatNumberPattern(toSerial(value, timeZone), format ?? GENERAL_FORMAT);
  }
  if (typeof value === 'number') {
    if (isGeneral(format) || format === TEXT_FORMAT || format === undefined)
      return formatGeneralNumber(value);
    if (isDateFormat(format)) return formatDatePattern(serialToDate(value, timeZone), format, timeZone);
    return formatNumberPattern(value, format);
  }
  if (value.kind === 'error') return value.code;
  return ''; // a sparkline draws, it shows no text
}

interface NumberPattern {
  prefix: string;
  suffix: string;
  minInt: number;
  minDecimals: number;
  maxDecimals: number;
  grouping: boolean;
  percent: boolean;
}

function parseNumberSection(section: string): NumberPattern | undefined {
  let prefix = '';
  let suffix = '';
  let body = '';
  let inBody = false;
  let bodyDone = false;
  let percent = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section.charAt(i);
    let literal: string | undefined;
    if (ch === '"') {
      const close = section.indexOf('"', i + 1);
      const end = close < 0 ? section.length : close;
      literal = section.slice(i + 1, end);
      i = end;
    } else if (ch === '\\') {
      literal = section.charAt(i + 1);
      i += 1;
    } else if (ch === '[') {
      const close = section.indexOf(']', i);
      i = close < 0 ? section.length : close;
      continue;
    } else if (ch === '_' || ch === '*') {
      i += 1; // padding directives take the next character
      continue;
    } else if ('0#?,.'.includes(ch) && !bodyDone) {
      body += ch;
      inBody = true;
      continue;
    } else if (ch === '%') {
      percent = true;
      literal = '%';
    } else {
      literal = ch;
    }
    if (inBody) bodyDone = true;
    if (bodyDone) suffix += literal;
    else prefix += literal;
  }
  if (!body) return undefined;
  const [intPart = '', decPart = ''] = body.split('.');
  return {
    prefix,
    suffix,
    minInt: (intPart.match(/0/g) ?? []).length,
    minDecimals: (decPart.match(/0/g) ?? []).length,
    maxDecimals: (decPart.match(/[0#?]/g) ?? []).length,
    grouping: intPart.includes(','),
    percent,
  };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatNumberPattern(n: number, format: string): string {
  const sections = format.split(';');
  let section = sections[0] ?? '';
  let value = n;
  if (n < 0 && sections.length > 1 && sections[1]) {
    section = sections[1];
    value = -n; // the negative section carries its own sign, if any
  } else if (n === 0 && sections.length > 2 && sections[2]) {
    section = sections[2];
  }
  const pattern = parseNumberSection(section);
  if (!pattern) return formatGeneralNumber(n);
  let scaled = pattern.percent ? value * 100 : value;
  const negative = scaled < 0;
  scaled = Math.abs(scaled);
  let text = scaled.toFixed(pattern.maxDecimals);
  let [intDigits = '0', decimals = ''] = text.split('.');
  while (decimals.length > pattern.minDecimals && decimals.endsWith('0')) decimals = decimals.slice(0, -1);
  intDigits = intDigits.replace(/^0+/, '');
  if (intDigits.length < pattern.minInt) intDigits = intDigits.padStart(pattern.minInt, '0');
  if (pattern.grouping) intDigits = groupThousands(intDigits);
  text = decimals
    ? `${intDigits}.${decimals}`
    : pattern.maxDecimals > 0 && pattern.minDecimals === 0
      ? `${intDigits}.`
      : intDigits;
  if (text.endsWith('.')) text = text.slice(0, -1);
  if (text === '') text = '0';
  const isZero = Number(text.replace(/,/g, '')) === 0;
  return `${negative && !isZero ? '-' : ''}${pattern.prefix}${text}${pattern.suffix}`;
}

interface DateToken {
  kind: 'literal' | 'field';
  text: string;
}

function tokenizeDate(format: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format.charAt(i);
    if (ch === '"') {
      const close = format.indexOf('"', i + 1);
      const end = close < 0 ? format.length : close;
      tokens.push({ kind: 'literal', text: format.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (ch === '\\') {
      tokens.push({ kind: 'literal', text: format.charAt(i + 1) });
      i += 2;
      continue;
    }
    if (ch === '[') {
      const close = format.indexOf(']', i);
      i = close < 0 ? format.length : close + 1;
      continue;
    }
    const rest = format.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      tokens.push({ kind: 'field', text: ampm[0].toUpperCase() });
      i += ampm[0].length;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('ymdhs'.includes(lower)) {
      let n = 1;
      while (format.charAt(i + n).toLowerCase() === lower) n += 1;
      tokens.push({ kind: 'field', text: lower.repeat(n) });
      i += n;
      continue;
    }
    if (ch === '.' && format.charAt(i + 1) === '0') {
      let n = 1;
      while (format.charAt(i + 1 + n) === '0') n += 1;
      tokens.push({ kind: 'field', text: `.${'0'.repeat(n)}` });
      i += n + 1;
      continue;
    }
    tokens.push({ kind: 'literal', text: ch });
    i += 1;
  }
  return tokens;
}

export function formatDatePattern(date: Date, format: string, timeZone: string): string {
  const tokens = tokenizeDate(format.split(';')[0] ?? format);
  const p = zonedParts(date, timeZone);
  const twelveHour = tokens.some((t) => t.kind === 'field' && (t.text === 'AM/PM' || t.text === 'A/P'));
  const fields = tokens.map((t) => (t.kind === 'field' ? t.text : ''));
  let out = '';
  tokens.forEach((token, index) => {
    if (token.kind === 'literal') {
      out += token.text;
      return;
    }
    const t = token.text;
    if (t.startsWith('y')) out += t.length <= 2 ? pad(p.year % 100, 2) : String(p.year);
    else if (t.startsWith('m')) {
      // `m`/`mm` mean minutes right after an hour field or right before a seconds field.
      const before = fields.slice(0, index).filter(Boolean).pop() ?? '';
      const after = fields.slice(index + 1).find(Boolean) ?? '';
      const minutes = t.length <= 2 && (before.startsWith('h') || after.startsWith('s'));
      if (minutes) out += t.length === 2 ? pad(p.minute, 2) : String(p.minute);
      else if (t.length >= 4) out += monthName(p.month, false);
      else if (t.length === 3) out += monthName(p.month, true);
      else out += t.length === 2 ? pad(p.month, 2) : String(p.month);
    } else if (t.startsWith('d')) {
      if (t.length >= 4) out += dayName(p.weekday, false);
      else if (t.length === 3) out += dayName(p.weekday, true);
      else out += t.length === 2 ? pad(p.day, 2) : String(p.day);
    } else if (t.startsWith('h')) {
      const hour = twelveHour ? (p.hour % 12 === 0 ? 12 : p.hour % 12) : p.hour;
      out += t.length >= 2 ? pad(hour, 2) : String(hour);
    } else if (t.startsWith('s')) out += t.length >= 2 ? pad(p.second, 2) : String(p.second);
    else if (t.startsWith('.')) out += `.${pad(p.millisecond, 3).slice(0, t.length - 1)}`;
    else if (t === 'AM/PM') out += p.hour < 12 ? 'AM' : 'PM';
    else if (t === 'A/P') out += p.hour < 12 ? 'A' : 'P';
  });
  return out;
}
