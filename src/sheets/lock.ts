/**
 * Serialises writers of one document. getDocumentLock blocks only this document's users (a script
 * lock would block every user of the add-on everywhere); flush before release so the next holder reads
 * what this one wrote.
 */
export class BusyError extends Error {
  override readonly name = 'BusyError';
}

export const BUSY_MESSAGE =
  'Someone else is updating this spreadsheet right now. Please try again in a moment.';

export function withDocumentLock<T>(action: () => T, waitMs = 10_000): T {
  const lock = LockService.getDocumentLock();
  // Null outside a document context, where there is no one to race with.
  if (!lock) return action();
  if (!lock.tryLock(waitMs)) throw new BusyError(BUSY_MESSAGE);
  try {
    return action();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
