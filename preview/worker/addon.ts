/**
 * The built add-on in an emulated spreadsheet, as Apps Script runs it: dist/Code.js in one global scope
 * made of the emulator's services, its HTML files available to HtmlService, and every global function
 * callable from a cell (Apps Script lets a cell call any global function; @customfunction only adds help).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { createWorkbook, type Workbook } from '../../emulator';
import { createFormulaEngine } from '../../emulator/formula-engine';
import type { CustomFunction } from '../../emulator/formula-types';

type Globals = Record<string, unknown>;

export interface Addon {
  readonly wb: Workbook;
  /** Names of the script's global functions (entry points and custom functions). */
  readonly functions: readonly string[];
  /** Calls a global function as Apps Script would for a menu click or google.script.run. */
  run(name: string, args?: readonly unknown[]): unknown;
}

function htmlFilesIn(distDir: string): Record<string, string> {
  const files = readdirSync(distDir).filter((name) => name.endsWith('.html'));
  return Object.fromEntries(
    files.map((name) => [basename(name, '.html'), readFileSync(join(distDir, name), 'utf8')]),
  );
}

export function openAddon(distDir: string, timeZone: string): Addon {
  const wb = createWorkbook({ name: 'OKR & KPI Tracker preview', timeZone, htmlFiles: htmlFilesIn(distDir) });
  const serviceNames = new Set(Object.keys(wb.globals));
  const context = createContext({ ...wb.globals }) as Globals;
  runInContext(readFileSync(join(distDir, 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  const functions = Object.keys(context).filter(
    (name) => !serviceNames.has(name) && typeof context[name] === 'function',
  );
  const customFunctions = Object.fromEntries(
    functions.map((name) => [name, context[name] as CustomFunction]),
  );
  wb.setFormulaEngine(createFormulaEngine(customFunctions));
  wb.setTemplateScope(context);
  return {
    wb,
    functions,
    run(name, args = []) {
      const fn = context[name];
      if (!functions.includes(name) || typeof fn !== 'function') {
        throw new Error(`Script function not found: ${name}`);
      }
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
  };
}
