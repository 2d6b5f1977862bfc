/**
 * The worker thread that holds the emulated spreadsheet and runs the add-on in it. Requests come one at
 * a time from the HTTP server; an alert or prompt blocks this thread (Atomics.wait) until the user
 * answers in the browser, as Apps Script's synchronous ui.alert blocks the script.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Addon, openAddon } from './addon';
import { buildDemo } from './demo';
import { askUserForDialogs } from './dialogs';
import { type Envelope, type Request, type WorkerEvent, type WorkerOptions, waitForAnswer } from './protocol';
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

async function handle(addon: Addon, request: Request): Promise<unknown> {
  switch (request.op) {
    case 'run':
      return plainJson(addon.run(request.fn, request.args));
    case 'view':
      return viewOf(addon.wb);
    case 'select':
      select(addon, request);
      return null;
    case 'activate':
      addon.wb.spreadsheet.setActiveSheet(addon.wb.sheet(request.sheet));
      return null;
    case 'sidebar': {
      const record = addon.wb.ui.sidebars[request.index];
      if (!record) throw new Error(`no sidebar ${request.index}`);
      return record.html;
    }
    case 'export':
      return exportXlsx(addon.wb, addon.functions);
  }
}

async function start(): Promise<Addon> {
  const addon = openAddon(options.distDir, options.timeZone);
  if (options.xlsxPath) {
    await importXlsx(addon.wb, options.xlsxPath, options.timeZone);
    addon.run('onOpen');
  } else buildDemo(addon);
  askUserForDialogs(addon.wb.ui, (request) => {
    send({ type: 'dialog', request });
    return waitForAnswer(options.shared);
  });
  return addon;
}

// Requests are handled strictly in order, even when one awaits (an export writing its zip).
let queue: Promise<unknown> = Promise.resolve();

start().then(
  (addon) => {
    port.on('message', (envelope: Envelope) => {
      queue = queue.then(async () => {
        try {
          const value = await handle(addon, envelope);
          const transfer = value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : [];
          send({ type: 'reply', id: envelope.id, ok: true, value }, transfer);
        } catch (error) {
          send({ type: 'reply', id: envelope.id, ok: false, error: message(error) });
        }
      });
    });
    send({ type: 'ready', title: addon.wb.spreadsheet.getName() });
  },
  (error: unknown) =>
    send({ type: 'fatal', error: (error as { stack?: string } | null)?.stack ?? message(error) }),
);
