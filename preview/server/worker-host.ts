/**
 * The main thread's side of the add-on worker: sends requests and matches replies, and relays the
 * add-on's alerts and prompts (the worker is blocked on them) to whoever answers them.
 */
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { DialogAnswer, DialogRequest } from '../shared/view';
import {
  type Request,
  SHARED_BYTES,
  type WorkerEvent,
  type WorkerOptions,
  writeAnswer,
} from '../worker/protocol';

const CLOSED: DialogAnswer = { button: 'CLOSE', text: '' };

export interface HostEvents {
  dialog: [DialogRequest];
  'dialog-closed': [number];
  /** An execution ended: the spreadsheet may have changed. */
  changed: [];
}

export class WorkerHost extends EventEmitter<HostEvents> {
  private readonly worker: Worker;
  private readonly shared = new SharedArrayBuffer(SHARED_BYTES);
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  private dialogCount = 0;
  private closingDialogs = false;
  /** The alert or prompt the add-on is blocked on, if any. */
  pendingDialog: DialogRequest | null = null;
  readonly ready: Promise<string>;

  constructor(workerPath: string, options: Omit<WorkerOptions, 'shared'>) {
    super();
    this.worker = new Worker(workerPath, { workerData: { ...options, shared: this.shared } });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (event: WorkerEvent) => {
        if (event.type === 'ready') resolve(event.title);
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
      this.dialogCount += 1;
      this.pendingDialog = { id: this.dialogCount, ...event.request };
      if (this.closingDialogs) this.answer(this.dialogCount, CLOSED);
      else this.emit('dialog', this.pendingDialog);
      return;
    }
    const pending = this.waiting.get(event.id);
    if (!pending) return;
    this.waiting.delete(event.id);
    if (event.ok) pending.resolve(event.value);
    else pending.reject(new Error(event.error));
  }

  request<T>(request: Request): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  /** Runs a global function of the add-on; `changed` follows whether it returned or threw. */
  async run(fn: string, args: readonly unknown[] = []): Promise<unknown> {
    try {
      return await this.request({ op: 'run', fn, args });
    } finally {
      this.emit('changed');
    }
  }

  /** The user's answer to the pending dialog; false when `id` is not the dialog waiting. */
  answer(id: number, answer: DialogAnswer): boolean {
    if (!this.pendingDialog || this.pendingDialog.id !== id) return false;
    this.pendingDialog = null;
    writeAnswer(this.shared, answer);
    this.emit('dialog-closed', id);
    return true;
  }

  /** From now on every dialog is closed unanswered, as when the user closes the spreadsheet. */
  closeDialogs(): void {
    this.closingDialogs = true;
    if (this.pendingDialog) this.answer(this.pendingDialog.id, CLOSED);
  }

  async close(): Promise<void> {
    // Free a worker blocked on a dialog before stopping it.
    this.closeDialogs();
    await this.worker.terminate();
  }
}
