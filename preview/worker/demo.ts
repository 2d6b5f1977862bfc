/**
 * The demo workbook, made by the add-on itself as a user would: Set up with example rows, then two
 * tables of a team's own, each connected with "Connect an existing table" (its confirm step accepted
 * as proposed): a KPI table with limits (one row with an unreadable value) and one with a monthly target
 * and nothing else, judged against its targets; then Refresh. Set up's question is answered Yes from
 * the emulator's scripted queue.
 */
import { type ConnectPageData, proposalForm } from '../../src/ui/connect-schema';
import { readInitialData } from '../../src/ui/plain';
import type { Addon } from './addon';

export const TEAM_SHEET = 'Team KPIs';
export const TARGETS_SHEET = 'Sales targets';

/** A table as a team keeps it: their own headers and order, no direction column (inferred from limits). */
const TEAM_TABLE: (string | number)[][] = [
  ['Metric', 'Owner', 'Actual', 'Goal', 'Min', 'Critical'],
  ['Uptime %', 'Ops', 99.95, 99.9, 99.5, 99],
  ['Tickets closed / week', 'Support', 38, 50, 40, 30],
  ['NPS', 'CX', 12, 40, 30, 20],
  ['Deploys / week', 'Eng', 'n/a', 10, 6, 3],
  ['Lead time (days)', 'Eng', 3, 2, 4, 6],
];

/**
 * Targets only, as most team KPI sheets are kept: no limits and no direction column. Which way is
 * better comes from each KPI's words ("cycle time", "churn": lower); near is within 5% of the target.
 */
const TARGETS_TABLE: (string | number)[][] = [
  ['KPI', 'Owner', 'Monthly target', 'Actual', 'Notes'],
  ['New leads', 'Sales', 400, 412, 'from the CRM'],
  ['Demo-to-deal conversion', 'Sales', 0.25, 0.24, ''],
  ['Deal cycle time (days)', 'Sales', 30, 41, 'two stalled deals'],
  ['Customer churn', 'Customer success', 0.02, 0.021, ''],
  ['Revenue ($)', 'Finance', 120000, 96000, 'Q4 renewals late'],
];

/** Number formats of the targets table, by row (header excluded), for its target and actual cells. */
const TARGETS_FORMATS = ['#,##0', '0%', '0', '0.0%', '$#,##0'];

/**
 * A team's own table typed into a new sheet (with `format` applied, as the team formatted it), then
 * connected as the confirm step proposes it.
 */
function connectTeamTable(
  addon: Addon,
  name: string,
  table: (string | number)[][],
  format: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void = () => {},
): void {
  const spreadsheet = addon.wb.spreadsheet;
  const sheet = spreadsheet.insertSheet(name);
  const header = table[0] ?? [];
  sheet.getRange(1, 1, table.length, header.length).setValues(table);
  sheet.getRange(1, 1, 1, header.length).setFontWeight('bold');
  format(sheet);
  spreadsheet.setActiveSheet(sheet);
  addon.run('menuConnectTable');
  // The confirm step, confirmed as proposed, as a user pressing Connect would.
  const page = readInitialData<ConnectPageData>(addon.wb.ui.lastSidebar()?.html ?? '');
  addon.run('sidebarConnectTable', proposalForm(page));
}

export function buildDemo(addon: Addon): void {
  const { wb } = addon;
  addon.run('onOpen');
  wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');

  const spreadsheet = wb.spreadsheet;
  connectTeamTable(addon, TEAM_SHEET, TEAM_TABLE);
  connectTeamTable(addon, TARGETS_SHEET, TARGETS_TABLE, (sheet) => {
    sheet.setColumnWidth(1, 200);
    TARGETS_FORMATS.forEach((format, i) => {
      sheet.getRange(i + 2, 3, 1, 2).setNumberFormat(format);
    });
  });

  addon.run('menuRefresh');
  const okrs = spreadsheet.getSheetByName('OKRs');
  if (okrs) spreadsheet.setActiveSheet(okrs);
}
