/** Loads the built add-on as Apps Script does: one script in one global scope holding only the services. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript } from '../../emulator/script';

export const BUNDLE_PATH = join(__dirname, '../../dist/Code.js');

export function bundleSource(): string {
  return readFileSync(BUNDLE_PATH, 'utf8');
}

/** The global scope after loading dist/Code.js into a context that holds `globals` and nothing else. */
export function loadBundle(
  globals: Record<string, unknown> = {},
): Record<string, (...args: unknown[]) => unknown> {
  return runScript(bundleSource(), globals);
}
