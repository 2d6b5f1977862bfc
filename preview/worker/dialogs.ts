/**
 * Makes the add-on's dialogs real. Alerts and prompts: the emulator answers them from a scripted queue,
 * so while the queue is empty the answer is asked of the user instead, blocking this thread as Apps
 * Script's synchronous ui.alert does. HtmlService dialogs do not block the script: each one shown is
 * reported, and the page shows it until it is closed.
 */
import type { UiRecorder } from '../../emulator';
import { BUTTON_SETS, type DialogAnswer, type DialogRequest, type HtmlDialogRequest } from '../shared/view';

export type Ask = (request: Omit<DialogRequest, 'id'>) => DialogAnswer;

/** From now on, alerts and prompts with no scripted answer queued are asked through `ask`. */
export function askUserForDialogs(recorder: UiRecorder, ask: Ask): void {
  recorder.respondWith((request) => {
    const answer = ask(request);
    const allowed = BUTTON_SETS[request.buttons] ?? ['OK'];
    // An answer that is none of the dialog's buttons counts as closing it.
    const button = allowed.includes(answer.button) ? answer.button : 'CLOSE';
    return { button, text: answer.text };
  });
}

/** Reports, once each, the HtmlService dialogs shown since the last call. */
export function htmlDialogWatcher(
  recorder: UiRecorder,
  report: (dialog: Omit<HtmlDialogRequest, 'id'>) => void,
): () => void {
  let seen = recorder.dialogs.length;
  return () => {
    const shown = recorder.dialogs.length;
    // Only the newest counts: in Sheets a dialog opened after another replaces it.
    const record = recorder.dialogs[shown - 1];
    if (shown > seen && record) {
      report({
        kind: 'html',
        index: shown - 1,
        modal: record.kind === 'modal',
        title: record.title,
        width: record.width ?? null,
        height: record.height ?? null,
      });
    }
    seen = shown;
  };
}
