/**
 * The built add-on in an emulated document, as Apps Script runs it: dist/Code.js in one global scope
 * holding only the services, its HTML pages available to HtmlService, and every entry point callable
 * from a cell (Apps Script lets a cell call any global function; @customfunction only adds help). The
 * tests, the preview and the bench load it here, with the names the build wrote to entry-points.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { createFormulaEngine } from './formula-engine';
import type { CustomFunction } from './formula-types';
import { createWorkbook, type Workbook, type WorkbookOptions } from './index';

type ScriptFunction = (...args: unknown[]) => unknown;

/** dist/entry-points.json: every name written once in the source, as the build found it. */
export interface EntryPoints {
  /** Every global function (src/main.ts's exports). */
  readonly functions: readonly string[];
  /** Those with @customfunction. */
  readonly customFunctions: readonly string[];
  /** The add-on menu as onOpen builds it. */
  readonly menu: readonly { readonly label: string; readonly handler: string }[];
  /** The sidebar pages (dist/NAME.html). */
  readonly pages: readonly string[];
}

export function readEntryPoints(distDir: string): EntryPoints {
  return JSON.parse(readFileSync(join(distDir, 'entry-points.json'), 'utf8')) as EntryPoints;
}

/** The global scope after running `source` in a context that holds `globals` and nothing else. */
export function runScript(source: string, globals: object = {}): Record<string, ScriptFunction> {
  const context = createContext({ ...globals });
  runInContext(source, context, { filename: 'Code.js' });
  return context as Record<string, ScriptFunction>;
}

export interface LoadedAddon {
  readonly wb: Workbook;
  readonly entryPoints: EntryPoints;
  /** The script's global scope. */
  readonly g: Record<string, ScriptFunction>;
  /** Calls an entry point (a menu item, a trigger, a sidebar handler) as Apps Script would. */
  run(name: string, ...args: unknown[]): unknown;
}

/** The project's time zone (appsscript.json): Apps Script runs the script there. */
export function manifestTimeZone(distDir: string): string {
  return JSON.parse(readFileSync(join(distDir, 'appsscript.json'), 'utf8')).timeZone;
}

export function loadAddon(distDir: string, options: WorkbookOptions = {}): LoadedAddon {
  const entryPoints = readEntryPoints(distDir);
  const htmlFiles = Object.fromEntries(
    entryPoints.pages.map((name) => [name, readFileSync(join(distDir, `${name}.html`), 'utf8')]),
  );
  const wb = createWorkbook({ htmlFiles, scriptTimeZone: manifestTimeZone(distDir), ...options });
  const g = runScript(readFileSync(join(distDir, 'Code.js'), 'utf8'), wb.globals);
  const functions = Object.fromEntries(
    entryPoints.functions.map((name) => [name, g[name] as CustomFunction]),
  );
  wb.setFormulaEngine(createFormulaEngine(functions));
  wb.setTemplateScope(g);
  return {
    wb,
    entryPoints,
    g,
    run(name, ...args) {
      const fn = g[name];
      if (!entryPoints.functions.includes(name) || typeof fn !== 'function')
        throw new Error(`Script function not found: ${name}`);
      return fn(...args);
    },
  };
}
