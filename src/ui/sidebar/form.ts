/**
 * The submit cycle both sidebars share: validate with the form's schema, show errors beside the
 * fields, send, and on any failure keep every field as typed.
 */
import type { Validated } from '../form-errors';

type Errors = Readonly<Record<string, string | undefined>>;
type Reply = { readonly ok: true } | { readonly ok: false; readonly errors: Errors };

export interface SubmitCycle<F, R extends Reply> {
  readonly button: HTMLButtonElement;
  readonly idleLabel: string;
  readonly read: () => F;
  readonly validate: (form: F) => Validated<F>;
  readonly send: (form: F) => Promise<R>;
  readonly showErrors: (errors: Errors) => void;
  readonly saved: (reply: Extract<R, { ok: true }>) => void;
  /** Whether the button stays disabled once done. */
  readonly locked?: () => boolean;
}

export async function submitCycle<F, R extends Reply>(cycle: SubmitCycle<F, R>): Promise<void> {
  const form = cycle.read();
  const checked = cycle.validate(form);
  if (!checked.ok) {
    cycle.showErrors(checked.errors);
    return;
  }
  cycle.showErrors({});
  cycle.button.disabled = true;
  cycle.button.textContent = 'Saving…';
  try {
    const reply = await cycle.send(form);
    if (reply.ok) cycle.saved(reply as Extract<R, { ok: true }>);
    else cycle.showErrors((reply as { errors: Errors }).errors);
  } catch (error) {
    cycle.showErrors({ form: `Not saved: ${(error as Error).message}. Your entries are kept; try again.` });
  } finally {
    cycle.button.textContent = cycle.idleLabel;
    cycle.button.disabled = cycle.locked?.() ?? false;
  }
}
