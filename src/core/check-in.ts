/**
 * A weekly check-in on a key result: a new value (or done / not done for a milestone), a confidence,
 * a comment. Confidence is either the usual 1–10 or a word people already use in reviews.
 */
import { type CellValue, isBlank, parseNumericText } from './cell';
import type { KeyResultKind } from './key-result';

export const CONFIDENCE_WORDS = ['on track', 'at risk', 'off track'] as const;
export type ConfidenceWord = (typeof CONFIDENCE_WORDS)[number];
export type Confidence = number | ConfidenceWord;

/** The words on the 1-10 scale, so "on track" to "at risk" is a fall of 3 and words average with numbers. */
export const CONFIDENCE_WORD_LEVELS: Readonly<Record<ConfidenceWord, number>> = {
  'on track': 8,
  'at risk': 5,
  'off track': 2,
};

export type CheckInValue =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'done'; readonly done: boolean };

export interface CheckIn {
  readonly krId: string;
  /** null: no new value (a key result that follows a KPI, whose value has none to record). */
  readonly value: CheckInValue | null;
  readonly confidence: Confidence;
  readonly comment: string;
}

/** A KR ID as logs and tables are matched on: the trimmed text; null for a blank. */
export function krIdOf(cell: CellValue): string | null {
  return isBlank(cell) ? null : String(cell).trim();
}

/** Confidence as typed in a form: "7", "on track". Undefined when it is neither. */
export function parseConfidence(text: string): Confidence | undefined {
  const word = text.trim().toLowerCase();
  if ((CONFIDENCE_WORDS as readonly string[]).includes(word)) return word as ConfidenceWord;
  const n = parseNumericText(word);
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 10 ? n : undefined;
}

/** Whether the value suits the key result: a milestone takes done / not done, the rest a number. */
export function valueFitsKind(value: CheckInValue, kind: KeyResultKind): boolean {
  return (value.kind === 'done') === (kind === 'milestone');
}
