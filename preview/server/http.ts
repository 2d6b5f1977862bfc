/**
 * The preview's HTTP routes: the page and its assets, the view of the spreadsheet, menu clicks,
 * selection, dialog answers, sidebars and HTML dialogs with their google.script.run endpoint, and .xlsx
 * export.
 */
import { writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DialogAnswer, RunResult, ViewState } from '../shared/view';
import type { Read } from '../worker/protocol';
import type { EventStream } from './events';
import { ADDON_CSS_STAND_IN, LOCAL_ADDON_CSS, sidebarPage } from './sidebar-page';
import type { WorkerHost } from './worker-host';

export interface Assets {
  readonly indexHtml: string;
  readonly appJs: string;
  readonly stylesCss: string;
  readonly shimJs: string;
}

export interface RouteContext {
  readonly host: WorkerHost;
  readonly events: EventStream;
  readonly assets: Assets;
  /** Where "Save as .xlsx" writes (--out), or null to download in the browser. */
  readonly savePath: string | null;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY = 1024 * 1024;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
    return body as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'the body must be a JSON object');
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

function json(response: ServerResponse, value: unknown, status = 200): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '')
    throw new HttpError(400, `${name} must be a non-empty string`);
  return value;
}

function positive(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new HttpError(400, `${name} must be a positive integer`);
  return value;
}

async function run(context: RouteContext, body: Record<string, unknown>): Promise<RunResult> {
  const fn = text(body.fn, 'fn');
  const args = body.args === undefined ? [] : body.args;
  if (!Array.isArray(args)) throw new HttpError(400, 'args must be an array');
  // Apps Script keeps functions whose names end with "_" private to the server.
  if (fn.endsWith('_')) return { ok: false, error: `Script function not found: ${fn}` };
  try {
    return { ok: true, value: await context.host.run(fn, args) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

async function view(context: RouteContext): Promise<ViewState> {
  const state = await context.host.read<Omit<ViewState, 'savePath'>>({ op: 'view' });
  return { ...state, savePath: context.savePath };
}

async function exportXlsx(context: RouteContext, response: ServerResponse): Promise<void> {
  const bytes = await context.host.request<Uint8Array>({ op: 'export' });
  const headers: Record<string, string> = {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': 'attachment; filename="preview.xlsx"',
    'cache-control': 'no-store',
  };
  if (context.savePath) {
    await writeFile(context.savePath, bytes);
    headers['x-saved-to'] = encodeURIComponent(context.savePath);
  }
  response.writeHead(200, headers);
  response.end(bytes);
}

/** A sidebar's or dialog's page. */
async function addonPage(context: RouteContext, read: Read, response: ServerResponse): Promise<void> {
  const html = await context.host.read<string>(read);
  send(response, 200, 'text/html; charset=utf-8', sidebarPage(html, context.assets.shimJs));
}

async function rpc(context: RouteContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // The sidebar frame is sandboxed (an opaque origin), as in Sheets: it reaches /rpc cross-origin.
  response.setHeader('access-control-allow-origin', '*');
  if (request.method === 'OPTIONS') {
    response.setHeader('access-control-allow-methods', 'POST');
    response.setHeader('access-control-allow-headers', 'content-type');
    response.writeHead(204).end();
    return;
  }
  json(response, await run(context, await readJson(request)));
}

/** Only pages of this server, and sidebars in it, may drive it; and only under a local host name. */
function checkCaller(request: IncomingMessage, path: string): void {
  const hostName = (request.headers.host ?? '').replace(/:\d+$/, '');
  if (!['localhost', '127.0.0.1', '[::1]'].includes(hostName)) throw new HttpError(403, 'unexpected Host');
  const origin = request.headers.origin;
  if (request.method === 'GET' || origin === undefined) return;
  if (path === '/rpc' && origin === 'null') return;
  if (origin !== `http://${request.headers.host}`) throw new HttpError(403, 'cross-origin request refused');
}

export async function route(
  context: RouteContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const method = request.method ?? 'GET';
  const { host, assets } = context;
  try {
    checkCaller(request, path);
    if (method === 'GET' && path === '/')
      return send(response, 200, 'text/html; charset=utf-8', assets.indexHtml);
    if (method === 'GET' && path === '/app.js')
      return send(response, 200, 'text/javascript; charset=utf-8', assets.appJs);
    if (method === 'GET' && path === '/styles.css')
      return send(response, 200, 'text/css; charset=utf-8', assets.stylesCss);
    if (method === 'GET' && path === LOCAL_ADDON_CSS)
      return send(response, 200, 'text/css; charset=utf-8', ADDON_CSS_STAND_IN);
    if (method === 'GET' && path === '/api/view') return json(response, await view(context));
    if (method === 'GET' && path === '/api/events') {
      // A page opened while dialogs are open shows them: they are still waiting.
      const hello = host.openDialogs().map((dialog) => ({ event: 'dialog', data: dialog }));
      return context.events.attach(response, hello);
    }
    if (method === 'GET' && path === '/api/export.xlsx') return await exportXlsx(context, response);
    const page = /^\/(sidebar|dialog)\/(\d+)$/.exec(path);
    if (method === 'GET' && page) {
      const index = Number(page[2]);
      const read: Read = page[1] === 'sidebar' ? { op: 'sidebar', index } : { op: 'dialog-html', index };
      return await addonPage(context, read, response);
    }
    if (path === '/rpc' && (method === 'POST' || method === 'OPTIONS'))
      return await rpc(context, request, response);
    if (method !== 'POST') throw new HttpError(404, 'not found');
    const body = await readJson(request);
    if (path === '/api/run') return json(response, await run(context, body));
    if (path === '/api/select') {
      await host.request({
        op: 'select',
        sheet: text(body.sheet, 'sheet'),
        row: positive(body.row, 'row'),
        col: positive(body.col, 'col'),
        numRows: positive(body.numRows ?? 1, 'numRows'),
        numCols: positive(body.numCols ?? 1, 'numCols'),
      });
      return json(response, { ok: true });
    }
    if (path === '/api/activate') {
      await host.request({ op: 'activate', sheet: text(body.sheet, 'sheet') });
      return json(response, { ok: true });
    }
    if (path === '/api/dialog') {
      const answer: DialogAnswer = {
        button: text(body.button, 'button') as DialogAnswer['button'],
        text: String(body.text ?? ''),
      };
      return json(response, { ok: host.answer(positive(body.id, 'id'), answer) });
    }
    throw new HttpError(404, 'not found');
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500;
    if (!response.headersSent) json(response, { ok: false, error: (error as Error).message }, status);
    else response.end();
  }
}
