/**
 * Messages between the HTTP server (main thread) and the worker that runs the add-on. The worker does
 * one request at a time, in order; while the add-on waits on an alert or prompt it blocks on the shared
 * buffer until the main thread writes the user's answer there.
 */
import type { DialogAnswer, DialogRequest } from '../shared/view';

export interface WorkerOptions {
  /** The built add-on: Code.js and the HTML files. */
  readonly distDir: string;
  /** An exported workbook to open instead of the demo. */
  readonly xlsxPath: string | null;
  readonly timeZone: string;
  /** Where alert and prompt answers are written (see dialog-channel.ts). */
  readonly shared: SharedArrayBuffer;
}

export type Request =
  | { readonly op: 'run'; readonly fn: string; readonly args: readonly unknown[] }
  | { readonly op: 'view' }
  | {
      readonly op: 'select';
      readonly sheet: string;
      readonly row: number;
      readonly col: number;
      readonly numRows: number;
      readonly numCols: number;
    }
  | { readonly op: 'activate'; readonly sheet: string }
  | { readonly op: 'sidebar'; readonly index: number }
  | { readonly op: 'export' };

export type Envelope = Request & { readonly id: number };

export type Reply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

export type WorkerEvent =
  | { readonly type: 'ready'; readonly title: string }
  | { readonly type: 'fatal'; readonly error: string }
  | { readonly type: 'dialog'; readonly request: Omit<DialogRequest, 'id'> }
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

/** Blocks the calling thread until writeAnswer runs on another one. */
export function waitForAnswer(shared: SharedArrayBuffer): DialogAnswer {
  const header = new Int32Array(shared, 0, 2);
  Atomics.wait(header, 0, WAITING);
  const length = Atomics.load(header, 1);
  // A copy: TextDecoder refuses views of shared memory.
  const text = new TextDecoder().decode(new Uint8Array(shared, SHARED_HEADER_BYTES, length).slice());
  Atomics.store(header, 0, WAITING);
  return JSON.parse(text) as DialogAnswer;
}
