/** The add-on's alerts and prompts as modal dialogs; the add-on waits on the server until one is answered. */
import { BUTTON_SETS, type ButtonName, type DialogAnswer, type DialogRequest } from '../shared/view';
import { byId, h } from './dom';

const LABELS: Record<ButtonName, string> = {
  OK: 'OK',
  CANCEL: 'Cancel',
  YES: 'Yes',
  NO: 'No',
  CLOSE: 'Close',
};

/**
 * Answers are taken from the buttons, Enter and Escape directly, not from the <dialog>'s asynchronous
 * close event, so a dialog that follows at once can never receive the previous one's answer.
 */
export class DialogView {
  private readonly dialog = byId<HTMLDialogElement>('dialog');
  private readonly input = byId<HTMLInputElement>('dialog-input');
  private current: DialogRequest | null = null;

  constructor(private readonly onAnswer: (id: number, answer: DialogAnswer) => void) {
    byId('dialog-x').addEventListener('click', () => this.answer('CLOSE'));
    this.dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.answer('CLOSE');
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || !this.current) return;
      event.preventDefault();
      this.answer(BUTTON_SETS[this.current.buttons]?.[0] ?? 'OK');
    });
  }

  private answer(button: ButtonName): void {
    const request = this.current;
    if (!request) return;
    this.current = null;
    this.dialog.close();
    this.onAnswer(request.id, { button, text: this.input.value });
  }

  show(request: DialogRequest): void {
    if (this.current?.id === request.id) return;
    this.current = request;
    byId('dialog-title').textContent = request.title || (request.kind === 'prompt' ? 'Prompt' : 'Alert');
    byId('dialog-message').textContent = request.message;
    this.input.hidden = request.kind !== 'prompt';
    this.input.value = '';
    // Default button first; CSS shows them right to left, as Sheets does.
    const names = BUTTON_SETS[request.buttons] ?? ['OK'];
    byId('dialog-buttons').replaceChildren(
      ...names.map((name, i) => {
        const button = h('button', { type: 'button', class: i === 0 ? 'primary' : undefined }, LABELS[name]);
        button.addEventListener('click', () => this.answer(name));
        return button;
      }),
    );
    if (!this.dialog.open) this.dialog.showModal();
    (request.kind === 'prompt'
      ? this.input
      : this.dialog.querySelector<HTMLButtonElement>('button.primary')
    )?.focus();
  }

  /** Closes without answering (the dialog was answered in another window). */
  dismiss(id: number): void {
    if (this.current?.id !== id) return;
    this.current = null;
    this.dialog.close();
  }
}
