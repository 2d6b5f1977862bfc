import type { Workbook } from '../../emulator';
import { type ConnectResult, proposalForm } from '../../src/ui/connect-schema';
import { connectAsProposed, connectStep, NOW, openAddon, values } from '../support/addon';

const OKR_TABLE = [
  ['Objective', 'Key result', 'Type', 'Baseline', 'Target', 'Actual'],
  ['Win enterprise', 'Sign 10 enterprise customers', 'linear', 0, 10, 7],
  ['', 'SOC 2 report', 'milestone', '', '', 'no'],
  ['', 'Churn at most 2%', 'at most', '', 0.02, 0.018],
];

/** A spreadsheet where Set up was never run: only the team's own OKR table. */
function teamOkrs(clock = () => NOW) {
  const addon = openAddon({ clock });
  const sheet = addon.wb.spreadsheet.insertSheet('Our OKRs');
  sheet.getRange(1, 1, OKR_TABLE.length, OKR_TABLE[0]?.length ?? 0).setValues(OKR_TABLE);
  sheet.activate();
  return { ...addon, sheet };
}

function summaryOf(result: ConnectResult): string {
  return result.ok ? result.summary : Object.values(result.errors).join('\n');
}

/** Every cell of every sheet that shows a formula error. */
function errorCells(wb: Workbook): string[] {
  return wb.spreadsheet.getSheets().flatMap((sheet) => {
    const rows = sheet.getLastRow();
    const columns = sheet.getLastColumn();
    if (rows === 0 || columns === 0) return [];
    return sheet
      .getRange(1, 1, rows, columns)
      .getDisplayValues()
      .flatMap((row, r) =>
        row.flatMap((text, c) =>
          /^#(NAME\?|REF!|ERROR!|VALUE!|N\/A)/.test(text)
            ? [`${sheet.getName()}!R${r + 1}C${c + 1} ${text}`]
            : [],
        ),
      );
  });
}

describe('A spreadsheet never set up', () => {
  it('the formula engine shows #NAME? for a named range that does not exist, as Sheets does', () => {
    const { wb, sheet } = teamOkrs();
    sheet.getRange('H1').setFormula('=OKR_STATUS(0.5, CycleStart, CycleEnd, AsOfDate)');
    expect(sheet.getRange('H1').getDisplayValue()).toBe('#NAME?');
    expect(errorCells(wb)).toEqual(['Our OKRs!R1C8 #NAME?']);
  });

  it('connecting an OKR table creates the cycle settings it reads, and no cell shows #NAME? or #REF!', () => {
    const { wb, run, sheet } = teamOkrs();
    const before = sheet.getRange('A1:F4').getValues();
    const summary = summaryOf(connectAsProposed({ wb, run }));
    // The current quarter (NOW is 2026-11-25) is the default cycle.
    expect(values(wb, 'OKR Settings', 'A2:B2')[0]).toEqual(['Cycle', '2026 Q4']);
    for (const name of ['CycleStart', 'CycleEnd', 'AsOfDate', 'AtRiskGap', 'OffTrackGap'])
      expect(wb.spreadsheet.getRangeByName(name)).not.toBeNull();
    expect(errorCells(wb)).toEqual([]);
    // Score in G, Status in I (Pace between them).
    expect(values(wb, 'Our OKRs', 'G2:I4').map((r) => [r[0], r[2]])).toEqual([
      [0.7, 'On track'],
      [0, 'Off track'],
      [1, 'Done'],
    ]);
    expect(sheet.getRange('A1:F4').getValues()).toEqual(before);
    // The summary names no row: every row was read.
    expect(summary).toMatch(/^Our OKRs: 3 rows scored \(1 on track, 0 at risk, 1 off track, 1 done\)$/);
  });

  it('connecting twice, or after Set up, creates nothing twice', () => {
    const { wb, run } = teamOkrs();
    connectAsProposed({ wb, run });
    connectAsProposed({ wb, run });
    wb.ui.respond({ button: 'NO' });
    run('menuSetUp');
    expect(wb.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      'Sheet1',
      'Our OKRs',
      'OKR Settings',
      'OKRs',
      'KPIs',
      'Check-ins',
      'Objectives',
      'Dashboard',
      'KPI History',
    ]);
    expect(wb.spreadsheet.getNamedRanges().filter((r) => r.getName() === 'CycleStart')).toHaveLength(1);
    expect(values(wb, 'Our OKRs', 'G1:P1')[0]).toEqual([
      'Score',
      'Pace',
      'Status',
      'Forecast',
      'Projected score',
      'Progress',
      'Last check-in',
      'Signal',
      'KR ID',
      '',
    ]);
    expect(errorCells(wb)).toEqual([]);
  });

  it('Refresh recreates settings deleted after connecting, and the summary never blames the header row', () => {
    const { wb, run } = teamOkrs();
    connectAsProposed({ wb, run });
    wb.spreadsheet.deleteSheet(wb.sheet('OKR Settings'));
    for (const range of wb.spreadsheet.getNamedRanges()) range.remove();
    run('menuRefresh');
    expect(errorCells(wb)).toEqual([]);
    expect(values(wb, 'Our OKRs', 'I2')[0]?.[0]).toBe('On track');
    expect(wb.ui.alerts.map((a) => a.message).join('\n')).not.toMatch(/row 1\b/);
  });

  it('says once, in plain words, what is missing, and names only real rows', () => {
    const { wb, run, sheet } = teamOkrs();
    connectAsProposed({ wb, run });
    // The cycle made unreadable by hand, and one key result broken.
    wb.spreadsheet.getRangeByName('CycleEnd')?.setValue('soon');
    sheet.getRange('F3').setValue('maybe');
    run('menuRefresh');
    const summary = wb.ui.alerts[wb.ui.alerts.length - 1]?.message ?? '';
    expect(summary).toMatch(/Our OKRs: 2 rows scored \(no statuses: see below\), 1 row with errors/);
    expect(summary.match(/OKR statuses could not be judged: [^\n]*Cycle end/g)).toHaveLength(1);
    expect(summary).toMatch(/Our OKRs row 3: "Actual" must be done or not done/);
    expect(summary).not.toMatch(/row 1\b/);
  });

  it('a sheet named "OKR Settings" that is not the add-on\'s stops an OKR connection with a plain message, writing nothing', () => {
    const { wb, run, sheet } = teamOkrs();
    const theirs = wb.spreadsheet.insertSheet('OKR Settings');
    theirs.getRange('A1').setValue('Our own notes');
    sheet.activate();
    expect(summaryOf(connectAsProposed({ wb, run }))).toMatch(/Not connected: .*"OKR Settings" exists/);
    expect(sheet.getLastColumn()).toBe(6);
    expect(sheet.createDeveloperMetadataFinder().find()).toHaveLength(0);
    expect(values(wb, 'OKR Settings', 'A1:B1')).toEqual([['Our own notes', '']]);
  });

  it('connecting a KPI table needs no settings, and creates none', () => {
    const addon = openAddon({ clock: () => NOW });
    const sheet = addon.wb.spreadsheet.insertSheet('KPIs of ours');
    sheet.getRange('A1:C3').setValues([
      ['KPI', 'Actual', 'Target'],
      ['Weekly leads', 130, 120],
      ['Support cost', 11, 10],
    ]);
    sheet.activate();
    connectAsProposed(addon);
    expect(addon.wb.spreadsheet.getSheetByName('OKR Settings')).toBeNull();
    expect(errorCells(addon.wb)).toEqual([]);
    expect(values(addon.wb, 'KPIs of ours', 'F2:F3').flat()).toEqual(['Met', 'Missed']);
  });
});

describe('Connecting survives a failed Sheets call at any step', () => {
  /** What a finished connection leaves: the sheets, named ranges, the table's cells and its metadata. */
  function outcome(wb: Workbook) {
    const sheet = wb.sheet('Our OKRs');
    const range = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn());
    return {
      sheets: wb.spreadsheet.getSheets().map((s) => s.getName()),
      names: wb.spreadsheet
        .getNamedRanges()
        .map((r) => `${r.getName()}=${r.getRange().getA1Notation()}`)
        .sort(),
      settings: values(wb, 'OKR Settings', 'A1:B9'),
      formulas: range.getFormulas(),
      // The IDs are random: only their shape is compared.
      values: range
        .getValues()
        .map((row) => row.map((v) => (/^KR-[0-9a-f]{8}$/.test(String(v)) ? 'KR-id' : v))),
      metadata: sheet
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => {
          const at = m.getLocation();
          return `${m.getKey()}=${m.getValue()}@${at.getRow()?.getRow() ?? ''}:${at.getColumn()?.getColumn() ?? ''}`;
        })
        .sort(),
      rules: sheet.getConditionalFormatRules().length,
    };
  }

  /** Connect: open the confirm step, then confirm it, with `beforeConfirm` run in between. */
  function connect(
    wb: Workbook,
    run: (name: string, ...args: unknown[]) => unknown,
    beforeConfirm = () => {},
  ) {
    run('menuConnectTable');
    const form = proposalForm(connectStep(wb));
    beforeConfirm();
    run('sidebarConnectTable', form);
  }

  /**
   * The calls that change the document, and the reads between them: a failure of a rule builder's
   * local call is the same as one of the write that follows it, so those are not tried one by one.
   */
  const STEPS = /\.(set|insert|add|remove|delete|clear|activate|getValues|getDeveloperMetadata|find$)/;

  it('running it again after the failure ends exactly where an uninterrupted run does', () => {
    const clean = teamOkrs();
    clean.wb.calls.reset();
    connect(clean.wb, clean.run);
    const steps = Object.entries(clean.wb.calls.byMethod)
      .filter(([method]) => STEPS.test(method))
      .reduce((n, [, count]) => n + count, 0);
    const expected = outcome(clean.wb);
    expect([expected.values[1]?.[6], expected.values[1]?.[8]]).toEqual([0.7, 'On track']);
    expect(steps).toBeGreaterThan(20);
    const failed: string[] = [];
    for (const when of ['before', 'after'] as const) {
      for (let n = 1; n <= steps; n++) {
        const { wb, run, sheet } = teamOkrs();
        const user = sheet.getRange('A1:F4').getValues();
        connect(wb, run, () => wb.faults.failCall(n, { method: STEPS, when }));
        const fired = wb.faults.fired[0]?.method;
        wb.faults.clear();
        sheet.activate(); // the user goes back to their table and connects again
        connect(wb, run);
        if (JSON.stringify(outcome(wb)) !== JSON.stringify(expected)) failed.push(`${when} #${n} ${fired}`);
        expect(sheet.getRange('A1:F4').getValues()).toEqual(user);
      }
    }
    expect(failed).toEqual([]);
  });
});
