/**
 * Makes the add-on's alerts and prompts real: the emulator answers them from a scripted queue, so while
 * the queue is empty the answer is asked of the user instead, blocking this thread as Apps Script's
 * synchronous ui.alert does.
 *
 * The emulator has no hook for this: its UiRecorder asks `_answer(buttons)` for each answer, without the
 * dialog's title and message. So Ui.alert/prompt are wrapped to note their text first, and the
 * recorder's `_answer` is replaced on this workbook's recorder.
 */
import type { UiRecorder } from '../../emulator';
import { EmUi } from '../../emulator/ui';
import type { ButtonName, ButtonSetName, DialogAnswer, DialogRequest } from '../shared/view';

export type Ask = (request: Omit<DialogRequest, 'id'>) => DialogAnswer;

const BUTTONS: Record<ButtonSetName, readonly ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** The text of the dialog being opened, noted by the wrapped Ui methods for `_answer`. */
let opening: { kind: 'alert' | 'prompt'; title: string; message: string } | null = null;

/** alert/prompt take (message), (message, buttons) or (title, message, buttons). */
function textOf(args: readonly unknown[]): { title: string; message: string } {
  if (args.length >= 3) return { title: String(args[0]), message: String(args[1]) };
  return { title: '', message: String(args[0] ?? '') };
}

function noteText(kind: 'alert' | 'prompt'): void {
  const proto = EmUi.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = proto[kind];
  if (!original || (original as { previewWrapped?: boolean }).previewWrapped) return;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    opening = { kind, ...textOf(args) };
    try {
      return original.apply(this, args);
    } finally {
      opening = null;
    }
  };
  proto[kind] = Object.assign(wrapped, { previewWrapped: true });
}

/** From now on, alerts and prompts with no scripted answer queued are asked through `ask`. */
export function askUserForDialogs(recorder: UiRecorder, ask: Ask): void {
  noteText('alert');
  noteText('prompt');
  const scripted = recorder._answer.bind(recorder);
  recorder._answer = (buttons) => {
    if (recorder.pending().length > 0 || !opening) return scripted(buttons);
    const set = buttons as ButtonSetName;
    const answer = ask({ ...opening, buttons: set });
    const allowed = BUTTONS[set] ?? ['OK'];
    const button = answer.button === 'CLOSE' || allowed.includes(answer.button) ? answer.button : 'CLOSE';
    return { button, text: answer.text };
  };
}
