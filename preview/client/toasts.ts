/** Spreadsheet.toast(): a small note in the bottom right, gone after its timeout (5 s by default). */
import type { ToastView } from '../shared/view';
import { byId, h } from './dom';

export function showToast(
  toast: Pick<ToastView, 'title' | 'message' | 'timeoutSeconds'>,
  kind: 'info' | 'error' = 'info',
): void {
  const close = h('button', { type: 'button', class: 'icon', 'aria-label': 'Dismiss' }, '×');
  const element = h(
    'div',
    { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h(
      'div',
      { class: 'toast-body' },
      toast.title ? h('strong', {}, toast.title) : null,
      h('p', {}, toast.message),
    ),
    close,
  );
  close.addEventListener('click', () => element.remove());
  byId('toasts').append(element);
  const seconds = toast.timeoutSeconds ?? 5;
  // A negative timeout keeps the toast until it is dismissed, as in Sheets.
  if (seconds >= 0) setTimeout(() => element.remove(), Math.max(seconds, 2) * 1000);
}
