/**
 * A reader's message in the words of the user's table: the field names the readers use ("value must
 * be a number") become the user's own headers ("\"Actual\" must be a number"). Only the message's
 * subject, before its first colon or comma, names fields; text in quotes is the user's content and
 * stays as it is.
 */
import type { CellValue } from './cell';
import type { ColumnMap, Field } from './tables';

/** How the readers name each field in their messages. */
const MESSAGE_NAMES: readonly (readonly [Field, string])[] = [
  ['suddenLimit', 'sudden-change limit'],
  ['value', 'value'],
  ['current', 'current'],
  ['target', 'target'],
  ['start', 'start'],
  ['kind', 'kind'],
  ['warning', 'warning'],
  ['critical', 'critical'],
  ['direction', 'direction'],
  ['tolerance', 'tolerance'],
  ['weight', 'weight'],
  ['confidence', 'confidence'],
];

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** `message` with each field name of a mapped column in its subject replaced by its header. */
export function inUserWords(message: string, map: ColumnMap, header: readonly CellValue[]): string {
  const names = MESSAGE_NAMES.flatMap(([field, word]) => {
    const column = map[field];
    const text = column === undefined ? '' : String(header[column - 1] ?? '').trim();
    return text === '' ? [] : [[word, `"${text}"`] as const];
  });
  if (names.length === 0) return message;
  const words = new RegExp(`\\b(${names.map(([word]) => escaped(word)).join('|')})\\b`, 'g');
  const headers = new Map(names);
  const end = message.search(/[:,]/);
  const subject = end < 0 ? message : message.slice(0, end);
  // Even pieces lie outside quotes, odd ones inside ("\"Budget used\" does not say").
  const named = subject
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(words, (word) => headers.get(word) ?? word)))
    .join('');
  return named + message.slice(subject.length);
}
