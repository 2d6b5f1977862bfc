/**
 * Messages between the HTTP server (main thread) and the worker that runs the add-on. The worker does
 * one request at a time, in order; while the add-on waits on an alert or prompt it blocks on the shared
 * buffer until the main thread writes the user's answer there. Reads (the view a page draws, the HTML of
 * a sidebar or dialog) come on a port of their own and are answered even while the add-on waits, so a
 * page loaded meanwhile shows the spreadsheet and the dialog still pending.
 */
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { DialogAnswer, DialogRequest, HtmlDialogRequest } from '../shared/view';

export interface WorkerOptions {
  /** The built add-on: Code.js and the HTML files. */
  readonly distDir: string;
  /** An exported workbook to open instead of the demo. */
  readonly xlsxPath: string | null;
  readonly timeZone: string;
  /** Where alert and prompt answers are written (writeAnswer / waitForAnswer). */
  readonly shared: SharedArrayBuffer;
  /** Where reads arrive (transferred to the worker). */
  readonly reads: MessagePort;
}

export type Request =
  | { readonly op: 'run'; readonly fn: string; readonly args: readonly unknown[] }
  | {
      readonly op: 'select';
      readonly sheet: string;
      readonly row: number;
      readonly col: number;
      readonly numRows: number;
      readonly numCols: number;
    }
  | { readonly op: 'activate'; readonly sheet: string }
  | { readonly op: 'export' };

/** Requests that change nothing: answered at once, even while the add-on waits on a dialog. */
export type Read =
  | { readonly op: 'view' }
  | { readonly op: 'sidebar'; readonly index: number }
  | { readonly op: 'dialog-html'; readonly index: number };

export type Envelope<T extends Request | Read = Request> = T & { readonly id: number };

export type Reply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

export type WorkerEvent =
  /** `leftOut`: what an opened .xlsx held that the preview could not take (see importXlsx). */
  | { readonly type: 'ready'; readonly leftOut: readonly string[] }
  | { readonly type: 'fatal'; readonly error: string }
  | { readonly type: 'dialog'; readonly request: Omit<DialogRequest, 'id'> }
  | { readonly type: 'html-dialog'; readonly dialog: Omit<HtmlDialogRequest, 'id'> }
  | ({ readonly type: 'reply' } & Reply);

/** Layout of the shared buffer: [state, byte length] as Int32, then the answer as UTF-8 JSON. */
export const SHARED_HEADER_BYTES = 8;
export const SHARED_BYTES = 64 * 1024;
export const WAITING = 0;
export const ANSWERED = 1;

export function writeAnswer(shared: SharedArrayBuffer, answer: DialogAnswer): void {
  const bytes = new TextEncoder().encode(JSON.stringify(answer));
  if (bytes.length > SHARED_BYTES - SHARED_HEADER_BYTES) throw new Error('answer too long');
  const header = new Int32Array(shared, 0, 2);
  new Uint8Array(shared, SHARED_HEADER_BYTES, bytes.length).set(bytes);
  Atomics.store(header, 1, bytes.length);
  Atomics.store(header, 0, ANSWERED);
  Atomics.notify(header, 0);
}

/** How often a thread waiting for an answer looks for reads to answer meanwhile. */
const READ_POLL_MS = 25;

/**
 * Blocks the calling thread until writeAnswer runs on another one, answering the reads that arrive on
 * `reads` meanwhile with `answerRead`.
 */
export function waitForAnswer(
  shared: SharedArrayBuffer,
  reads: MessagePort,
  answerRead: (envelope: Envelope<Read>) => void,
): DialogAnswer {
  const header = new Int32Array(shared, 0, 2);
  while (Atomics.wait(header, 0, WAITING, READ_POLL_MS) === 'timed-out') {
    for (let read = receiveMessageOnPort(reads); read; read = receiveMessageOnPort(reads))
      answerRead(read.message as Envelope<Read>);
  }
  const length = Atomics.load(header, 1);
  // A copy: TextDecoder refuses views of shared memory.
  const text = new TextDecoder().decode(new Uint8Array(shared, SHARED_HEADER_BYTES, length).slice());
  Atomics.store(header, 0, WAITING);
  return JSON.parse(text) as DialogAnswer;
}
