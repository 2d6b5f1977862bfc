/** The add-on's alerts and prompts as modal dialogs; the add-on waits on the server until one is answered. */
import type { ButtonName, ButtonSetName, DialogAnswer, DialogRequest } from '../shared/view';
import { byId, h } from './dom';

const LABELS: Record<ButtonName, string> = {
  OK: 'OK',
  CANCEL: 'Cancel',
  YES: 'Yes',
  NO: 'No',
  CLOSE: 'Close',
};
// Default button first: Enter in a prompt submits with the first button. CSS shows them right to left.
const BUTTONS: Record<ButtonSetName, readonly ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class DialogView {
  private readonly dialog = byId<HTMLDialogElement>('dialog');
  private readonly input = byId<HTMLInputElement>('dialog-input');
  private current: DialogRequest | null = null;

  constructor(private readonly onAnswer: (id: number, answer: DialogAnswer) => void) {
    byId('dialog-x').addEventListener('click', () => this.dialog.close('CLOSE'));
    this.dialog.addEventListener('close', () => {
      const request = this.current;
      this.current = null;
      if (!request) return;
      const value = this.dialog.returnValue as ButtonName;
      const button = value in LABELS ? value : 'CLOSE';
      this.onAnswer(request.id, { button, text: this.input.value });
    });
  }

  show(request: DialogRequest): void {
    if (this.current?.id === request.id) return;
    if (this.current) this.dismiss();
    this.current = request;
    this.dialog.returnValue = '';
    byId('dialog-title').textContent = request.title || (request.kind === 'prompt' ? 'Prompt' : 'Alert');
    byId('dialog-message').textContent = request.message;
    this.input.hidden = request.kind !== 'prompt';
    this.input.value = '';
    const names = BUTTONS[request.buttons] ?? ['OK'];
    byId('dialog-buttons').replaceChildren(
      ...names.map((name, i) =>
        h('button', { type: 'submit', value: name, class: i === 0 ? 'primary' : undefined }, LABELS[name]),
      ),
    );
    this.dialog.showModal();
    (request.kind === 'prompt'
      ? this.input
      : this.dialog.querySelector<HTMLButtonElement>('button.primary')
    )?.focus();
  }

  /** Closes without answering (the dialog was answered elsewhere). */
  dismiss(id?: number): void {
    if (!this.current || (id !== undefined && this.current.id !== id)) return;
    this.current = null;
    this.dialog.close();
  }
}
