/**
 * The worker thread that holds the emulated spreadsheet and runs the add-on in it. Requests come one at
 * a time from the HTTP server; an alert or prompt blocks this thread (Atomics.wait) until the user
 * answers in the browser, as Apps Script's synchronous ui.alert blocks the script. Reads are answered
 * meanwhile (see protocol.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Addon, openAddon } from './addon';
import { buildDemo } from './demo';
import { askUserForDialogs, htmlDialogWatcher } from './dialogs';
import {
  type Envelope,
  type Read,
  type Reply,
  type Request,
  type WorkerEvent,
  type WorkerOptions,
  waitForAnswer,
} from './protocol';
import { viewOf } from './view';
import { exportXlsx } from './xlsx-export';
import { importXlsx } from './xlsx-import';

const port = parentPort;
if (!port) throw new Error('preview worker: not started as a worker thread');
const options = workerData as WorkerOptions;

function send(event: WorkerEvent, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(event, transfer);
}

/** An error's message; errors the add-on throws come from the vm's realm, so no instanceof. */
function message(error: unknown): string {
  const text =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof text === 'string' ? text : String(error);
}

/** What google.script.run hands the page: JSON data only (a Date arrives as its ISO text here). */
function plainJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function select(addon: Addon, request: Extract<Request, { op: 'select' }>): void {
  const sheet = addon.wb.sheet(request.sheet);
  addon.wb.spreadsheet.setActiveSheet(sheet);
  sheet.setActiveRange(sheet.getRange(request.row, request.col, request.numRows, request.numCols));
}

function replyOf(id: number, run: () => unknown): Reply & { type: 'reply' } {
  try {
    return { type: 'reply', id, ok: true, value: run() };
  } catch (error) {
    return { type: 'reply', id, ok: false, error: message(error) };
  }
}

function read(addon: Addon, request: Read): unknown {
  switch (request.op) {
    case 'view':
      return viewOf(addon.wb);
    case 'sidebar': {
      const record = addon.wb.ui.sidebars[request.index];
      if (!record) throw new Error(`no sidebar ${request.index}`);
      return record.html;
    }
    case 'dialog-html': {
      const record = addon.wb.ui.dialogs[request.index];
      if (!record) throw new Error(`no dialog ${request.index}`);
      return record.html;
    }
  }
}

async function handle(addon: Addon, request: Request, reportDialogs: () => void): Promise<unknown> {
  switch (request.op) {
    case 'run':
      try {
        return plainJson(addon.run(request.fn, ...request.args));
      } finally {
        reportDialogs();
      }
    case 'select':
      select(addon, request);
      return null;
    case 'activate':
      addon.wb.spreadsheet.setActiveSheet(addon.wb.sheet(request.sheet));
      return null;
    case 'export':
      return exportXlsx(addon.wb, addon.entryPoints.functions);
  }
}

async function start(): Promise<{ addon: Addon; reportDialogs: () => void; leftOut: string[] }> {
  const addon = openAddon(options.distDir, options.timeZone);
  let leftOut: string[] = [];
  if (options.xlsxPath) {
    leftOut = await importXlsx(addon.wb, options.xlsxPath, options.timeZone);
    addon.run('onOpen');
  } else buildDemo(addon);
  const { reads } = options;
  const answerRead = (envelope: Envelope<Read>) =>
    reads.postMessage(replyOf(envelope.id, () => read(addon, envelope)));
  reads.on('message', answerRead);
  const reportDialogs = htmlDialogWatcher(addon.wb.ui, (dialog) => send({ type: 'html-dialog', dialog }));
  askUserForDialogs(addon.wb.ui, (request) => {
    // An HTML dialog opened before this alert is shown first.
    reportDialogs();
    send({ type: 'dialog', request });
    return waitForAnswer(options.shared, reads, answerRead);
  });
  return { addon, reportDialogs, leftOut };
}

// Requests are handled strictly in order, even when one awaits (an export writing its zip).
let queue: Promise<unknown> = Promise.resolve();

start().then(
  ({ addon, reportDialogs, leftOut }) => {
    port.on('message', (envelope: Envelope) => {
      queue = queue.then(async () => {
        try {
          const value = await handle(addon, envelope, reportDialogs);
          const transfer = value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : [];
          send({ type: 'reply', id: envelope.id, ok: true, value }, transfer);
        } catch (error) {
          send({ type: 'reply', id: envelope.id, ok: false, error: message(error) });
        }
      });
    });
    send({ type: 'ready', leftOut });
  },
  (error: unknown) =>
    send({ type: 'fatal', error: (error as { stack?: string } | null)?.stack ?? message(error) }),
);
