/**
 * Starts the local preview: the add-on worker (demo workbook or an opened .xlsx) and the HTTP server on
 * 127.0.0.1. Dialogs the add-on opens are pushed to the page (and to every page opened while they wait);
 * every finished execution tells the page to redraw.
 */
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventStream } from './events';
import { type Assets, route } from './http';
import { UnansweredDialogs } from './unanswered-dialogs';
import { WorkerHost } from './worker-host';

/** How long an open dialog waits with no page open before it is closed (`--dialog-timeout`). */
export const DEFAULT_DIALOG_TIMEOUT_MS = 60_000;

export interface PreviewOptions {
  readonly port: number;
  readonly distDir: string;
  /** The built worker script (preview/worker/worker.ts bundled). */
  readonly workerPath: string;
  readonly assets: Assets;
  readonly xlsxPath: string | null;
  readonly savePath: string | null;
  readonly timeZone: string;
  /** See UnansweredDialogs; DEFAULT_DIALOG_TIMEOUT_MS when not given. */
  readonly dialogTimeoutMs?: number;
  /** Where the preview reports what it did on its own (a dialog closed for want of a page). */
  readonly log?: (line: string) => void;
}

export interface Preview {
  readonly url: string;
  /** What the opened .xlsx held that the preview left out (conditional-format rules it cannot show). */
  readonly leftOut: readonly string[];
  /** On stopping: closes open dialogs, then writes the workbook to the --out path, if one was given. */
  save(): Promise<string | null>;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const host = new WorkerHost(options.workerPath, {
    distDir: options.distDir,
    xlsxPath: options.xlsxPath,
    timeZone: options.timeZone,
  });
  let leftOut: readonly string[] = [];
  try {
    leftOut = await host.ready;
  } catch (error) {
    await host.close();
    throw error;
  }
  const events = new EventStream();
  const timeoutMs = options.dialogTimeoutMs ?? DEFAULT_DIALOG_TIMEOUT_MS;
  const unanswered = new UnansweredDialogs(timeoutMs, () => {
    for (const title of host.closeOpenDialogs()) {
      options.log?.(
        `No page open for ${timeoutMs / 1000} s: closed the dialog "${title}" as its close button would.`,
      );
    }
  });
  const watch = () => unanswered.update(events.pages, host.openDialogs().length > 0);
  events.on('pages', watch);
  host.on('dialog', (dialog) => {
    events.send('dialog', dialog);
    watch();
  });
  host.on('dialog-closed', (id) => {
    events.send('dialog-closed', { id });
    watch();
  });
  host.on('changed', () => events.send('changed', {}));

  const context = { host, events, assets: options.assets, savePath: options.savePath };
  const server = createServer((request, response) => {
    void route(context, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    leftOut,
    async save() {
      if (!options.savePath) return null;
      // Called on the way out: an execution waiting on a dialog must end before the export can run.
      host.closeDialogs();
      await writeFile(options.savePath, await host.request<Uint8Array>({ op: 'export' }));
      return options.savePath;
    },
    async close() {
      unanswered.stop();
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await host.close();
    },
  };
}
