/**
 * The built add-on in an emulated spreadsheet: dist/Code.js loaded into a vm context made of the
 * emulator's services, with the add-on's own custom functions registered in the formula engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkbook, type Workbook, type WorkbookOptions } from '../../emulator';
import { createFormulaEngine } from '../../emulator/formula-engine';
import {
  type ConnectForm,
  type ConnectPageData,
  type ConnectResult,
  proposalForm,
} from '../../src/ui/connect-schema';
import { readInitialData } from '../../src/ui/plain';
import { loadBundle } from './bundle';

export const CUSTOM_FUNCTIONS = [
  'OKR_SCORE',
  'OKR_ROLLUP',
  'OKR_STATUS',
  'OKR_PACE',
  'KPI_STATUS',
  'KPI_TARGET_STATUS',
  'KPI_CHANGE',
] as const;

const DIST = join(__dirname, '../../dist');

export interface Addon {
  readonly wb: Workbook;
  /** The add-on's global functions. */
  readonly g: Record<string, (...args: unknown[]) => unknown>;
  /** Calls a global (a menu item, a trigger, a sidebar handler) as Apps Script would. */
  run(name: string, ...args: unknown[]): unknown;
}

export function openAddon(options: WorkbookOptions = {}): Addon {
  const htmlFiles = Object.fromEntries(
    ['check-in', 'thresholds', 'connect'].map((name) => [
      name,
      readFileSync(join(DIST, `${name}.html`), 'utf8'),
    ]),
  );
  const wb = createWorkbook({ htmlFiles, ...options });
  const g = loadBundle(wb.globals as unknown as Record<string, unknown>);
  wb.setFormulaEngine(
    createFormulaEngine(
      Object.fromEntries(CUSTOM_FUNCTIONS.map((name) => [name, g[name] as (...a: unknown[]) => unknown])),
    ),
  );
  wb.setTemplateScope(g);
  const run = (name: string, ...args: unknown[]) => {
    const fn = g[name];
    if (typeof fn !== 'function') throw new Error(`the bundle has no global ${name}`);
    return fn(...args);
  };
  return { wb, g, run };
}

/** A fixed "now" (a Wednesday in the middle of 2026 Q4), unless a test moves it. */
export const NOW = new Date(2026, 10, 25, 9, 30);

/** Values of a sheet's block, as getValues returns them. */
export function values(wb: Workbook, sheet: string, a1: string): unknown[][] {
  return wb.sheet(sheet).getRange(a1).getValues();
}

/** The last alert's message. */
export function lastAlert(wb: Workbook): string {
  return wb.ui.alerts[wb.ui.alerts.length - 1]?.message ?? '';
}

/** The confirm step's data, as the Connect sidebar last opened got it. */
export function connectStep(wb: Workbook): ConnectPageData {
  return readInitialData<ConnectPageData>(wb.ui.lastSidebar()?.html ?? '');
}

/**
 * Connect an existing table on the active sheet, confirming the proposed mapping as it stands, or
 * with `changes` made in the confirm step.
 */
export function connectAsProposed(
  { wb, run }: Pick<Addon, 'wb' | 'run'>,
  changes: Partial<ConnectForm> = {},
): ConnectResult {
  run('menuConnectTable');
  return run('sidebarConnectTable', { ...proposalForm(connectStep(wb)), ...changes }) as ConnectResult;
}
