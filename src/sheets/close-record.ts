/**
 * The recorded close: the plan of a close in progress, kept in the document's properties from before
 * its first write until its last, so the next attempt finishes it. A property value holds at most
 * 9 KB, so the plan is split into chunks written with one setProperties (all or nothing); the head
 * names the chunks and is deleted first when the close is done.
 */
import { type ClosePlan, decodeClosePlan, encodeClosePlan } from '../core';

const HEAD = 'okrClose';
const CHUNK = `${HEAD}.`;
/** Characters per chunk: the encoding is ASCII, so this is bytes, under the 9 KB a value may hold. */
const CHUNK_SIZE = 8_000;
/** What a close may record, leaving room in the 500 KB store for the rest of the add-on. */
const MAX_PLAN = 400_000;

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** The recorded close, if any, and every property key a close may have left (chunks included). */
export interface RecordedClose {
  readonly plan: ClosePlan | null;
  readonly keys: readonly string[];
}

/**
 * The close in progress, if any (one read). The head holds the chunk count and the first chunk, so a
 * plan of one chunk is one property, recorded and forgotten in one call each.
 */
export function readRecordedClose(): RecordedClose {
  const all = store().getProperties();
  const keys = Object.keys(all).filter((key) => key === HEAD || key.startsWith(CHUNK));
  const head = all[HEAD];
  if (head === undefined) return { plan: null, keys };
  const bar = head.indexOf('|');
  const count = Number(head.slice(0, bar));
  const chunks = [
    head.slice(bar + 1),
    ...Array.from({ length: count - 1 }, (_, i) => all[`${CHUNK}${i + 1}`]),
  ];
  if (bar < 1 || !Number.isInteger(count) || count < 1 || chunks.some((c) => c === undefined)) {
    throw new Error(
      'The record of an interrupted close of the cycle is incomplete, so it cannot be finished. Nothing more was changed: check the OKR tables and the archive sheet.',
    );
  }
  return { plan: decodeClosePlan(chunks.join('')), keys };
}

/** Records the plan before its first write (returns the keys written); a plan too large is refused. */
export function recordClose(plan: ClosePlan): string[] {
  const text = encodeClosePlan(plan);
  if (text.length > MAX_PLAN) {
    throw new Error(
      `Closing ${plan.cycle.name} would need to record ${Math.ceil(text.length / 1024)} KB to be safe from interruptions, more than the ${MAX_PLAN / 1000} KB a spreadsheet can keep: close fewer key results at a time (for example, move some to another spreadsheet). Nothing was changed.`,
    );
  }
  const count = Math.ceil(text.length / CHUNK_SIZE);
  const chunk = (i: number) => text.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
  const entries: Record<string, string> = { [HEAD]: `${count}|${chunk(0)}` };
  for (let i = 1; i < count; i++) entries[`${CHUNK}${i}`] = chunk(i);
  store().setProperties(entries);
  return Object.keys(entries);
}

/**
 * Forgets a close: the head first (it alone makes a close pending), then any chunks, also those an
 * earlier close left when it stopped between the two.
 */
export function clearRecordedClose(keys: readonly string[]): void {
  const props = store();
  if (keys.includes(HEAD)) props.deleteProperty(HEAD);
  for (const key of new Set(keys)) if (key !== HEAD) props.deleteProperty(key);
}
