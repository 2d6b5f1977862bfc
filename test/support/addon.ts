/** The built add-on in an emulated spreadsheet, loaded by the emulator's one loader (emulator/script.ts). */
import { join } from 'node:path';
import type { Workbook, WorkbookOptions } from '../../emulator';
import { type LoadedAddon, loadAddon } from '../../emulator/script';
import {
  type ConnectForm,
  type ConnectPageData,
  type ConnectResult,
  proposalForm,
} from '../../src/ui/connect-schema';
import { readInitialData } from '../../src/ui/plain';

export const DIST = join(__dirname, '../../dist');

export type Addon = LoadedAddon;

export function openAddon(options: WorkbookOptions = {}): Addon {
  return loadAddon(DIST, options);
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
