/**
 * Starts the local preview: the add-on worker (demo workbook or an opened .xlsx) and the HTTP server on
 * 127.0.0.1. Dialogs the add-on opens are pushed to the page; every finished execution tells the page to
 * redraw.
 */
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventStream } from './events';
import { type Assets, route } from './http';
import { WorkerHost } from './worker-host';

export interface PreviewOptions {
  readonly port: number;
  readonly distDir: string;
  /** The built worker script (preview/worker/worker.ts bundled). */
  readonly workerPath: string;
  readonly assets: Assets;
  readonly xlsxPath: string | null;
  readonly savePath: string | null;
  readonly timeZone: string;
}

export interface Preview {
  readonly url: string;
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
  try {
    await host.ready;
  } catch (error) {
    await host.close();
    throw error;
  }
  const events = new EventStream();
  host.on('dialog', (dialog) => events.send('dialog', dialog));
  host.on('dialog-closed', (id) => events.send('dialog-closed', { id }));
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
    async save() {
      if (!options.savePath) return null;
      // Called on the way out: an execution waiting on a dialog must end before the export can run.
      host.closeDialogs();
      await writeFile(options.savePath, await host.request<Uint8Array>({ op: 'export' }));
      return options.savePath;
    },
    async close() {
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await host.close();
    },
  };
}
