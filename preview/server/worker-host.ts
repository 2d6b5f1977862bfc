/**
 * The main thread's side of the add-on worker: sends requests and reads and matches replies, and keeps
 * the dialogs open in the preview: the alert or prompt the add-on is blocked on, and the HtmlService
 * dialog it showed last, each until it is answered or closed.
 */
import { EventEmitter } from 'node:events';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { DialogAnswer, DialogRequest, HtmlDialogRequest, OpenDialog } from '../shared/view';
import {
  type Read,
  type Reply,
  type Request,
  SHARED_BYTES,
  type WorkerEvent,
  type WorkerOptions,
  writeAnswer,
} from '../worker/protocol';

/** The answer of a dialog's close button (ui.Button.CLOSE), as Sheets gives when a dialog is closed. */
const CLOSED: DialogAnswer = { button: 'CLOSE', text: '' };

export interface HostEvents {
  dialog: [OpenDialog];
  'dialog-closed': [number];
  /** An execution ended: the spreadsheet may have changed. */
  changed: [];
}

export class WorkerHost extends EventEmitter<HostEvents> {
  private readonly worker: Worker;
  private readonly shared = new SharedArrayBuffer(SHARED_BYTES);
  private readonly reads = new MessageChannel();
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  private dialogCount = 0;
  private closingDialogs = false;
  /** The alert or prompt the add-on is blocked on, if any. */
  private pendingDialog: DialogRequest | null = null;
  /** The HtmlService dialog shown and not closed yet, if any. */
  private htmlDialog: HtmlDialogRequest | null = null;
  /** Resolves, once the workbook is open, to what an opened .xlsx held that was left out. */
  readonly ready: Promise<readonly string[]>;

  constructor(workerPath: string, options: Omit<WorkerOptions, 'shared' | 'reads'>) {
    super();
    this.worker = new Worker(workerPath, {
      workerData: { ...options, shared: this.shared, reads: this.reads.port2 },
      transferList: [this.reads.port2],
    });
    this.reads.port1.on('message', (reply: Reply) => this.settle(reply));
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (event: WorkerEvent) => {
        if (event.type === 'ready') resolve(event.leftOut);
        else if (event.type === 'fatal') reject(new Error(event.error));
        else this.onEvent(event);
      });
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => {
        const error = new Error(`the add-on worker stopped (exit code ${code})`);
        reject(error);
        for (const pending of this.waiting.values()) pending.reject(error);
        this.waiting.clear();
      });
    });
  }

  private onEvent(event: Exclude<WorkerEvent, { type: 'ready' | 'fatal' }>): void {
    if (event.type === 'dialog') {
      this.pendingDialog = { id: ++this.dialogCount, ...event.request };
      this.open(this.pendingDialog);
    } else if (event.type === 'html-dialog') {
      // A dialog shown replaces the one before it, as in Sheets.
      if (this.htmlDialog) this.answer(this.htmlDialog.id, CLOSED);
      this.htmlDialog = { id: ++this.dialogCount, ...event.dialog };
      this.open(this.htmlDialog);
    } else this.settle(event);
  }

  private open(dialog: OpenDialog): void {
    if (this.closingDialogs) this.answer(dialog.id, CLOSED);
    else this.emit('dialog', dialog);
  }

  private settle(reply: Reply): void {
    const pending = this.waiting.get(reply.id);
    if (!pending) return;
    this.waiting.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new Error(reply.error));
  }

  private send<T>(post: (id: number) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      post(id);
    });
  }

  /** A request done in turn, after the ones before it (a run waiting on a dialog holds the rest). */
  request<T>(request: Request): Promise<T> {
    return this.send((id) => this.worker.postMessage({ ...request, id }));
  }

  /** A read, answered even while the add-on waits on a dialog. */
  read<T>(read: Read): Promise<T> {
    return this.send((id) => this.reads.port1.postMessage({ ...read, id }));
  }

  /** Runs a global function of the add-on; `changed` follows whether it returned or threw. */
  async run(fn: string, args: readonly unknown[] = []): Promise<unknown> {
    try {
      return await this.request({ op: 'run', fn, args });
    } finally {
      this.emit('changed');
    }
  }

  /** The dialogs a page should show, oldest first. */
  openDialogs(): OpenDialog[] {
    return [this.htmlDialog, this.pendingDialog].filter((dialog) => dialog !== null);
  }

  /** The user's answer to an open dialog (an HTML dialog only closes); false when `id` is not open. */
  answer(id: number, answer: DialogAnswer): boolean {
    if (this.pendingDialog?.id === id) {
      this.pendingDialog = null;
      writeAnswer(this.shared, answer);
    } else if (this.htmlDialog?.id === id) this.htmlDialog = null;
    else return false;
    this.emit('dialog-closed', id);
    return true;
  }

  /** Closes every open dialog as its close button would; returns the titles of those it closed. */
  closeOpenDialogs(): string[] {
    return this.openDialogs().map((dialog) => {
      this.answer(dialog.id, CLOSED);
      return dialog.title;
    });
  }

  /** From now on every dialog is closed unanswered, as when the user closes the spreadsheet. */
  closeDialogs(): void {
    this.closingDialogs = true;
    this.closeOpenDialogs();
  }

  async close(): Promise<void> {
    // Free a worker blocked on a dialog before stopping it.
    this.closeDialogs();
    this.reads.port1.close();
    await this.worker.terminate();
  }
}
