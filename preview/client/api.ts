/** Calls to the preview server. */
import type { DialogAnswer, RunResult, SelectionView, ViewState } from '../shared/view';

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reply = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(reply.error ?? `${path}: HTTP ${response.status}`);
  return reply;
}

export async function fetchView(): Promise<ViewState> {
  const response = await fetch('/api/view');
  if (!response.ok) throw new Error(`the preview server answered ${response.status}`);
  return (await response.json()) as ViewState;
}

export function runFunction(fn: string): Promise<RunResult> {
  return post<RunResult>('/api/run', { fn });
}

export function select(selection: SelectionView): Promise<unknown> {
  return post('/api/select', selection);
}

export function activate(sheet: string): Promise<unknown> {
  return post('/api/activate', { sheet });
}

export function answerDialog(id: number, answer: DialogAnswer): Promise<unknown> {
  return post('/api/dialog', { id, ...answer });
}

/** The workbook as .xlsx, and where the server also wrote it (--out), if anywhere. */
export async function exportXlsx(): Promise<{ blob: Blob; savedTo: string | null }> {
  const response = await fetch('/api/export.xlsx');
  if (!response.ok) throw new Error(`export failed: HTTP ${response.status}`);
  const savedTo = response.headers.get('x-saved-to');
  return { blob: await response.blob(), savedTo: savedTo && decodeURIComponent(savedTo) };
}
