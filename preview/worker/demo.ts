/**
 * The demo workbook, made by the add-on itself as a user would: Set up with example rows, then a team's
 * own KPI table (one row with an unreadable value) connected with "Connect an existing table" (its
 * confirm step accepted as proposed), then Refresh. Set up's question is answered Yes from the
 * emulator's scripted queue.
 */
import { type ConnectPageData, proposalForm } from '../../src/ui/connect-schema';
import { readInitialData } from '../../src/ui/plain';
import type { Addon } from './addon';

export const TEAM_SHEET = 'Team KPIs';

/** A table as a team keeps it: their own headers and order, no direction column (inferred from limits). */
const TEAM_TABLE: (string | number)[][] = [
  ['Metric', 'Owner', 'Actual', 'Goal', 'Min', 'Critical'],
  ['Uptime %', 'Ops', 99.95, 99.9, 99.5, 99],
  ['Tickets closed / week', 'Support', 38, 50, 40, 30],
  ['NPS', 'CX', 12, 40, 30, 20],
  ['Deploys / week', 'Eng', 'n/a', 10, 6, 3],
  ['Lead time (days)', 'Eng', 3, 2, 4, 6],
];

export function buildDemo(addon: Addon): void {
  const { wb } = addon;
  addon.run('onOpen');
  wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');

  const spreadsheet = wb.spreadsheet;
  const team = spreadsheet.insertSheet(TEAM_SHEET);
  const header = TEAM_TABLE[0] ?? [];
  team.getRange(1, 1, TEAM_TABLE.length, header.length).setValues(TEAM_TABLE);
  team.getRange(1, 1, 1, header.length).setFontWeight('bold');
  spreadsheet.setActiveSheet(team);
  addon.run('menuConnectTable');
  // The confirm step, confirmed as proposed, as a user pressing Connect would.
  const page = readInitialData<ConnectPageData>(wb.ui.lastSidebar()?.html ?? '');
  addon.run('sidebarConnectTable', [proposalForm(page)]);

  addon.run('menuRefresh');
  const okrs = spreadsheet.getSheetByName('OKRs');
  if (okrs) spreadsheet.setActiveSheet(okrs);
}
