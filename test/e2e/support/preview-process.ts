/** Starts `node scripts/preview.mjs` as a child process on a free port and stops it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '../../../scripts/preview.mjs');

export interface PreviewProcess {
  readonly url: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export function startPreview(args: readonly string[] = [], timeoutMs = 90_000): Promise<PreviewProcess> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '' },
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the preview did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /preview: (http:\/\/localhost:\d+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ url, output: () => output, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the preview exited (${code}) before it started:\n${output}`));
    });
  });
}

/** Waits until the preview has printed `text`. */
export async function waitForOutput(
  preview: PreviewProcess,
  text: string,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!preview.output().includes(text)) {
    if (Date.now() > until) throw new Error(`the preview never printed "${text}":\n${preview.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
