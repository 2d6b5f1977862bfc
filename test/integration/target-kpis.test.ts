import { TARGETS_SHEET } from '../../preview/worker/demo';
import type { ConnectResult } from '../../src/ui/connect-schema';
import { connectAsProposed, NOW, openAddon, values } from '../support/addon';
import { openDemo } from '../support/demo';

/** A KPI table as teams keep it: a target per KPI, no warning or critical limits, no direction column. */
const TARGET_TABLE = [
  ['KPI', 'Owner', 'Actual', 'Target', 'Notes'],
  ['Weekly leads', 'sales@example.com', 130, 120, ''],
  ['Average handle time (min)', 'support@example.com', 6.2, 6, 'lower is better'],
  ['Customer churn %', 'cx@example.com', 0.031, 0.025, ''],
  ['NPS', 'cx@example.com', 'n/a', 40, 'survey late'],
  ['Revenue ($)', 'finance@example.com', 90_000, 100_000, ''],
];

const RED = '#f4c7c3';
const AMBER = '#fce8b2';
const GREEN = '#b7e1cd';

function targetWorkbook(table: unknown[][] = TARGET_TABLE) {
  const addon = openAddon({ clock: () => NOW });
  const sheet = addon.wb.spreadsheet.insertSheet('Sales KPIs');
  sheet.getRange(1, 1, table.length, table[0]?.length ?? 0).setValues(table);
  sheet.getRange('C2:D2').setNumberFormat('#,##0');
  sheet.activate();
  return { ...addon, sheet };
}

/** Everything a user could notice about their own block: values, formulas and number formats. */
function userCells(sheet: GoogleAppsScript.Spreadsheet.Sheet, a1: string) {
  const range = sheet.getRange(a1);
  return {
    values: range.getValues(),
    formulas: range.getFormulas(),
    formats: range.getNumberFormats(),
    display: range.getDisplayValues(),
  };
}

/** The refresh summary the confirm step shows once connected. */
function summaryOf(result: ConnectResult): string {
  return result.ok ? result.summary : JSON.stringify(result.errors);
}

describe('A KPI table with targets and no limits', () => {
  it('connects, and each KPI is judged against its target: direction from its words, near within 5%', () => {
    const { wb, run, sheet } = targetWorkbook();
    const before = userCells(sheet, 'A1:E6');
    const summary = summaryOf(connectAsProposed({ wb, run }));
    expect(wb.ui.lastSidebar()?.title).toBe('Connect a table');
    expect(values(wb, 'Sales KPIs', 'F1:J1')[0]).toEqual(['Previous', 'Change', 'Status', 'Signal', 'Trend']);
    expect(sheet.getRange('H1').getFormula()).toBe(
      '=VSTACK("Status", DROP(KPI_TARGET_STATUS(C1:C, D1:D, "", "", A1:A), 1))',
    );
    expect(values(wb, 'Sales KPIs', 'H2:H6').flat()).toEqual([
      'Met', // 130 leads, target 120
      'Near', // 6.2 min, 3.3% over a 6 min target: lower is better by "time"
      'Missed', // churn 3.1% against 2.5%: lower by "churn", 24% over
      'Error: value must be a number, got "n/a"',
      'Missed', // revenue 10% short
    ]);
    // The team's own cells, byte for byte.
    expect(userCells(sheet, 'A1:E6')).toEqual(before);
    expect(summary).toMatch(/Sales KPIs: 4 rows scored \(2 missed, 1 near, 1 met\), 1 row with errors/);
    // The summary names the user's own header; the formula cell names the formula's argument.
    expect(summary).toMatch(/Sales KPIs row 5: "Actual" must be a number, got "n\/a"/);
  });

  it('colours value and status met green, near amber, missed red, live as values are typed', () => {
    const { wb, run, sheet } = targetWorkbook();
    connectAsProposed({ wb, run });
    const colour = (row: number, column: number) => wb.effectiveFormat('Sales KPIs', row, column).background;
    expect([2, 3, 4].map((row) => [colour(row, 3), colour(row, 8)])).toEqual([
      [GREEN, GREEN],
      [AMBER, AMBER],
      [RED, RED],
    ]);
    expect(colour(5, 3)).not.toBe(RED); // an unreadable row is not coloured as a miss
    sheet.getRange('C2').setValue(110); // leads 8% short: missed, with no script run
    expect(values(wb, 'Sales KPIs', 'H2')[0]?.[0]).toBe('Missed');
    expect(colour(2, 3)).toBe(RED);
    sheet.getRange('C2').setValue(115);
    expect(colour(2, 8)).toBe(AMBER);
  });

  it('reads a direction and a tolerance column when the table has them', () => {
    const { wb, run } = targetWorkbook([
      ['Metric', 'Current', 'Goal', 'Direction', 'Tolerance'],
      ['Headcount', 48, 50, 'higher', ''], // 4% short, default 5%: near
      ['Tickets open', 55, 50, 'lower', '20%'], // 10% over, within its own 20%
      ['Deploys / week', 9, 10, 'up', 0.05], // 10% short of its 5%
      ['Budget used', 0.9, 1, '', ''], // nothing tells the direction
    ]);
    const summary = summaryOf(connectAsProposed({ wb, run }));
    expect(values(wb, 'Sales KPIs', 'H2:H5').flat()).toEqual([
      'Near',
      'Near',
      'Missed',
      'Error: direction is blank and "Budget used" does not say which way is better: set direction to "higher" or "lower"',
    ]);
    expect(summary).toMatch(/Sales KPIs row 5: "Direction" is blank and "Budget used"/);
  });

  it("uses the table's default direction and tolerance, kept with the connection, before the KPI name", () => {
    const { wb, run, sheet } = targetWorkbook();
    // Chosen in the confirm step: lower is better, 25% near.
    expect(connectAsProposed({ wb, run }, { direction: 'lower', tolerance: '25%' })).toMatchObject({
      ok: true,
    });
    expect(sheet.getRange('H1').getFormula()).toBe(
      '=VSTACK("Status", DROP(KPI_TARGET_STATUS(C1:C, D1:D, "", "", "lower", "0.25"), 1))',
    );
    expect(values(wb, 'Sales KPIs', 'H2:H6').flat()).toEqual([
      'Near', // 130 leads: 8% over a target that, by the table's default, should stay low (else Met)
      'Near', // 6.2 is 3% over 6, within 25%
      'Near', // 0.031 is 24% over 0.025, within 25% (else Missed)
      'Error: value must be a number, got "n/a"',
      'Met', // revenue under its target: met when lower is better (else Missed)
    ]);
  });

  it('alerts the owner once when a KPI misses its target, not when it is near it', () => {
    let now = new Date(2026, 10, 2, 7, 0);
    const addon = openAddon({ clock: () => now });
    const sheet = addon.wb.spreadsheet.insertSheet('Sales KPIs');
    sheet.getRange('A1:D2').setValues([
      ['KPI', 'Owner', 'Actual', 'Target'],
      ['Weekly leads', 'sales@example.com', 118, 120],
    ]);
    sheet.activate();
    connectAsProposed(addon);
    addon.run('dailyCheck', {});
    expect(addon.wb.mail.sent).toHaveLength(0); // near: no email
    now = new Date(2026, 10, 3, 7, 0);
    sheet.getRange('C2').setValue(100);
    addon.run('dailyCheck', {});
    now = new Date(2026, 10, 4, 7, 0);
    addon.run('dailyCheck', {});
    expect(addon.wb.mail.sent).toHaveLength(1);
    expect(addon.wb.mail.sent[0]).toMatchObject({ to: 'sales@example.com' });
    expect(addon.wb.mail.sent[0]?.body).toMatch(/Weekly leads: Missed, value 100/);
  });

  it('tables with warning or critical limits keep their OK, Warning and Breach', () => {
    const { wb, run } = targetWorkbook([
      ['KPI', 'Actual', 'Target', 'Warning', 'Critical'],
      ['Uptime', 0.997, 0.999, 0.998, 0.995],
    ]);
    connectAsProposed({ wb, run });
    expect(values(wb, 'Sales KPIs', 'H2')[0]?.[0]).toBe('Warning');
    expect(wb.sheet('Sales KPIs').getRange('H1').getFormula()).toMatch(/KPI_STATUS\(B1:B, D1:D, E1:E\)/);
  });

  it("the preview's demo workbook shows one, connected and coloured", () => {
    const { wb } = openDemo();
    const statuses = values(wb, TARGETS_SHEET, 'H1:H6').flat();
    expect(statuses).toEqual(['Status', 'Met', 'Near', 'Missed', 'Near', 'Missed']);
    expect(wb.sheet(TARGETS_SHEET).getRange('H1').getFormula()).toMatch(/KPI_TARGET_STATUS\(D1:D, C1:C, /);
    expect([2, 3, 4].map((row) => wb.effectiveFormat(TARGETS_SHEET, row, 4).background)).toEqual([
      GREEN,
      AMBER,
      RED,
    ]);
    expect(values(wb, TARGETS_SHEET, 'E2')[0]?.[0]).toBe('from the CRM'); // the team's notes left alone
  });
});
