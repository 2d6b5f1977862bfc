/**
 * The add-on's HtmlService dialogs (showModalDialog, showModelessDialog): its HTML in a sandboxed iframe
 * under a title bar with a close button, as Sheets shows them. google.script.host.close() in the dialog,
 * or the close button, closes it; setWidth/setHeight resize it.
 */
import type { HtmlDialogRequest } from '../shared/view';
import { byId } from './dom';

/** The size Sheets gives a dialog whose HtmlOutput sets none. */
const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 400;

interface FrameMessage {
  readonly source?: string;
  readonly type?: string;
  readonly width?: number;
  readonly height?: number;
}

export class HtmlDialogView {
  private readonly dialog = byId<HTMLDialogElement>('html-dialog');
  private readonly frame = byId<HTMLIFrameElement>('html-dialog-frame');
  private current: HtmlDialogRequest | null = null;

  constructor(private readonly onClose: (id: number) => void) {
    byId('html-dialog-x').addEventListener('click', () => this.close());
    this.dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.close();
    });
    window.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as FrameMessage | null;
      if (event.source !== this.frame.contentWindow || data?.source !== 'okr-preview-sidebar') return;
      if (data.type === 'close') this.close();
      if (data.type === 'width' && typeof data.width === 'number') this.frame.style.width = `${data.width}px`;
      if (data.type === 'height' && typeof data.height === 'number')
        this.frame.style.height = `${data.height}px`;
    });
  }

  private close(): void {
    const request = this.current;
    if (!request) return;
    this.dismiss(request.id);
    this.onClose(request.id);
  }

  show(request: HtmlDialogRequest): void {
    if (this.current?.id === request.id) return;
    this.current = request;
    byId('html-dialog-title').textContent = request.title;
    this.frame.style.width = `${request.width ?? DEFAULT_WIDTH}px`;
    this.frame.style.height = `${request.height ?? DEFAULT_HEIGHT}px`;
    this.frame.src = `/dialog/${request.index}`;
    if (this.dialog.open) this.dialog.close();
    if (request.modal) this.dialog.showModal();
    else this.dialog.show();
  }

  /** Closes without telling the server (it was closed elsewhere, or by the server). */
  dismiss(id: number): void {
    if (this.current?.id !== id) return;
    this.current = null;
    this.dialog.close();
    this.frame.src = 'about:blank';
  }
}
