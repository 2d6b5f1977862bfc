/**
 * One way into every action a user starts, a menu item or a sidebar handler: the document lock with a
 * bounded wait, the "someone else is updating" message when it can't be had, and any unexpected error
 * ended in words the user sees (a plain alert for a menu item, a form message for a sidebar) instead of
 * a raw failure. The lock is taken for the writes only, never around a dialog: a question left open
 * would otherwise block everyone else's check-ins and Refresh.
 */
import { BUSY_MESSAGE, BusyError, withDocumentLock } from '../sheets/lock';

/** What an action gets from the wrapper: the document lock, with the wrapper's wait. */
export interface Entry {
  /** Runs `work` holding the document lock; a busy document ends the action with BUSY_MESSAGE. */
  locked<T>(work: () => T): T;
}

/** A sidebar reply when the action could not run: one message for the whole form. */
export interface FormFailure {
  readonly ok: false;
  readonly errors: { readonly form: string };
}

/** How long an action waits for the lock: a menu click waits longer than a form being saved. */
export const MENU_WAIT_MS = 10_000;
export const SIDEBAR_WAIT_MS = 5_000;

function entryWith(waitMs: number): Entry {
  return { locked: (work) => withDocumentLock(work, waitMs) };
}

/** The words for a failure: the busy message as it is, anything else as what went wrong. */
export function failureMessage(error: unknown): string {
  if (error instanceof BusyError) return BUSY_MESSAGE;
  // Apps Script errors come as Error ("Exception: Service Spreadsheets failed…"); anything else as text.
  const text = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : error;
  const message = typeof text === 'string' ? text : String(error);
  console.error(error);
  return `Something went wrong: ${message}`;
}

/** A menu item's function: runs `action`, and ends any failure in an alert titled `title`. */
export function menuAction(title: string, action: (entry: Entry) => void): () => void {
  return () => {
    try {
      action(entryWith(MENU_WAIT_MS));
    } catch (error) {
      const ui = SpreadsheetApp.getUi();
      ui.alert(title, failureMessage(error), ui.ButtonSet.OK);
    }
  };
}

/** A sidebar handler: runs `handler` on the payload; a failure comes back as a message for the form. */
export function sidebarHandler<R>(
  handler: (input: unknown, entry: Entry) => R,
): (input: unknown) => R | FormFailure {
  return (input) => {
    try {
      return handler(input, entryWith(SIDEBAR_WAIT_MS));
    } catch (error) {
      return { ok: false, errors: { form: failureMessage(error) } };
    }
  };
}
