import type { Workbook } from '../../emulator';
import { type ConnectForm, type ConnectResult, proposalForm } from '../../src/ui/connect-schema';
import { readInitialData } from '../../src/ui/plain';
import { connectStep, lastAlert, NOW, openAddon, values } from '../support/addon';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rows = (string | number)[][];

const TEAM_TABLE: Rows = [
  ['Metric', 'Owner', 'Actual', 'Goal', 'Min', 'Critical', 'Notes'],
  ['On-time delivery', 'ops@example.com', 0.99, 0.99, 0.98, 0.95, 'weekly'],
  ['First response (h)', 'support@example.com', 30, 4, 8, 24, ''],
  ['NPS', 'cx@example.com', 'n/a', 50, 40, 30, 'survey late'],
  ['Uptime', 'infra@example.com', 0.9991, 0.999, 0.999, 0.995, ''],
];

/** A team's own table on its own sheet, active, as a user has it before the add-on. */
function teamSheet(rows: Rows, at = 'A1', name = 'Team') {
  const addon = openAddon({ clock: () => NOW });
  const sheet = addon.wb.spreadsheet.insertSheet(name);
  sheet
    .getRange(at)
    .offset(0, 0, rows.length, rows[0]?.length ?? 0)
    .setValues(rows);
  sheet.activate();
  return { ...addon, sheet };
}

/** Everything of the user's block a connect could touch: values, formulas, formats, notes. */
function snapshot(sheet: Sheet, a1: string) {
  const range = sheet.getRange(a1);
  return JSON.stringify([
    range.getValues(),
    range.getFormulas(),
    range.getNumberFormats(),
    range.getBackgrounds(),
    range.getFontWeights(),
  ]);
}

/** Nothing of the add-on's: no metadata, no rules, no column added. */
function untouched(sheet: Sheet, width: number) {
  expect(sheet.createDeveloperMetadataFinder().find()).toHaveLength(0);
  expect(sheet.getConditionalFormatRules()).toHaveLength(0);
  expect(sheet.getLastColumn()).toBe(width);
}

function confirm(run: (name: string, ...args: unknown[]) => unknown, form: ConnectForm): ConnectResult {
  return run('sidebarConnectTable', form) as ConnectResult;
}

function tableMetadata(sheet: Sheet): unknown {
  const [meta] = sheet.createDeveloperMetadataFinder().withKey('okrkpi.table').find();
  return JSON.parse(meta?.getValue() ?? 'null');
}

describe('Connect: the confirm step', () => {
  it('shows every header with the role it becomes, left-alone columns included, and writes nothing', () => {
    const { wb, run, sheet } = teamSheet(TEAM_TABLE);
    const before = snapshot(sheet, 'A1:G5');
    run('menuConnectTable');
    expect(wb.ui.lastSidebar()?.title).toBe('Connect a table');
    const step = connectStep(wb);
    expect(step.columns.map((c) => `${c.letter} ${c.header}`)).toEqual([
      'A Metric',
      'B Owner',
      'C Actual',
      'D Goal',
      'E Min',
      'F Critical',
      'G Notes',
    ]);
    expect(step.kind).toBe('kpi');
    expect(step.because).toBe('Metric');
    expect(step.proposed.kpi).toEqual({
      '1': 'name',
      '2': 'owner',
      '3': 'value',
      '4': 'target',
      '5': 'warning',
      '6': 'critical',
    });
    // Showing the step is all Connect does until the user confirms; Cancel sends nothing at all.
    expect(snapshot(sheet, 'A1:G5')).toBe(before);
    untouched(sheet, 7);
    expect(wb.ui.alerts).toHaveLength(0);
  });

  it('connects on confirm: its own columns after the table, the defaults stored, the user cells byte for byte', () => {
    const { wb, run, sheet } = teamSheet(TEAM_TABLE);
    sheet.getRange('C2:C5').setNumberFormat('0.0%');
    sheet.getRange('A1:G1').setFontWeight('bold');
    const before = snapshot(sheet, 'A1:G5');
    run('menuConnectTable');
    const result = confirm(run, { ...proposalForm(connectStep(wb)), tolerance: '2%' });
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.summary).toMatch(/Team: 3 rows scored/);
    expect(values(wb, 'Team', 'H1:L1')[0]).toEqual(['Previous', 'Change', 'Status', 'Signal', 'Trend']);
    expect(values(wb, 'Team', 'J2:J3').flat()).toEqual(['OK', 'Breach']);
    expect(snapshot(sheet, 'A1:G5')).toBe(before);
    expect(tableMetadata(sheet)).toMatchObject({ kind: 'kpi', defaults: { tolerance: 0.02 } });
  });

  it('a column the reading left out can be given its role: the scores then count from it', () => {
    const okrs: Rows = [
      ['Objective', 'Key result', 'Where we began', 'Target', 'Actual'],
      ['Grow revenue', 'Monthly revenue (k$)', 100, 200, 150],
    ];
    const { wb, run, sheet } = teamSheet(okrs);
    wb.ui.respond({ button: 'NO' });
    run('menuSetUp');
    sheet.activate();
    run('menuConnectTable');
    const step = connectStep(wb);
    expect(step.proposed.okr).toEqual({ '1': 'objective', '2': 'keyResult', '4': 'target', '5': 'current' });
    const form = proposalForm(step);
    const result = confirm(run, { ...form, roles: { ...form.roles, '3': 'start' } });
    expect(result).toMatchObject({ ok: true });
    expect(values(wb, 'Team', 'F1:F2').flat()).toEqual(['Score', 0.5]);
    expect(values(wb, 'Team', 'A1:E2')).toEqual(okrs);
  });

  it("refuses a role given twice or a required role left out, in the user's words, and writes nothing", () => {
    const { wb, run, sheet } = teamSheet(TEAM_TABLE);
    const before = snapshot(sheet, 'A1:G5');
    run('menuConnectTable');
    const form = proposalForm(connectStep(wb));
    const twice = confirm(run, { ...form, roles: { ...form.roles, '7': 'value' } });
    expect(twice).toEqual({
      ok: false,
      errors: {
        roles: 'Column C ("Actual") and column G ("Notes") are both "Current value": leave one of them alone',
      },
    });
    const none = confirm(run, { ...form, roles: { ...form.roles, '3': '' } });
    expect(none.ok).toBe(false);
    expect(!none.ok && none.errors.roles).toBe(
      'Choose a column for what is missing: no current value column: there is nothing to judge',
    );
    const okrRole = confirm(run, { ...form, roles: { ...form.roles, '7': 'start' } });
    expect(!okrRole.ok && okrRole.errors.roles).toBe('Column G ("Notes") cannot be "start" in a KPI table');
    expect(snapshot(sheet, 'A1:G5')).toBe(before);
    untouched(sheet, 7);
  });

  it('refuses to connect when the header row changed while the step was open', () => {
    const { wb, run, sheet } = teamSheet(TEAM_TABLE);
    run('menuConnectTable');
    const form = proposalForm(connectStep(wb));
    sheet.getRange('C1').setValue('Forecast');
    const result = confirm(run, form);
    expect(!result.ok && result.errors.form).toBe(
      'The header row changed while this was open (Column C ("Actual") now reads "Forecast"). Close this and connect again.',
    );
    untouched(sheet, 7);
  });

  it('asks the kind when the headers do not say, and connects the kind chosen', () => {
    const { wb, run } = teamSheet([
      ['Name', 'Baseline', 'Target', 'Actual'],
      ['Signed customers', 0, 10, 7],
    ]);
    wb.ui.respond({ button: 'NO' });
    run('menuSetUp');
    wb.sheet('Team').activate();
    run('menuConnectTable');
    const step = connectStep(wb);
    expect(step.kind).toBeNull();
    const unchosen = confirm(run, proposalForm(step));
    expect(!unchosen.ok && unchosen.errors.kind).toBe(
      'Choose what the table holds: KPIs, or key results (OKRs)',
    );
    expect(confirm(run, proposalForm(step, 'okr'))).toMatchObject({ ok: true });
    expect(values(wb, 'Team', 'E1:E2').flat()).toEqual(['Score', 0.7]);
  });

  it("proposes a KPI table's direction only when its KPI names agree, and says why not otherwise", () => {
    const targetOnly = (names: string[]) => {
      const addon = teamSheet([
        ['KPI', 'Target', 'Actual'],
        ...names.map((n, i): (string | number)[] => [n, 10, i]),
      ]);
      addon.run('menuConnectTable');
      return connectStep(addon.wb).direction;
    };
    expect(targetOnly(['Response time', 'Churn rate'])).toEqual({
      proposed: 'lower',
      because: '"Response time" and 1 other KPI name say lower is better',
    });
    expect(targetOnly(['Response time', 'Revenue'])).toEqual({
      proposed: '',
      because:
        'the KPI names point both ways ("Response time": lower, "Revenue": higher), so each row goes by its name',
    });
    expect(targetOnly(['Response time', 'Tickets'])).toEqual({
      proposed: '',
      because:
        '"Tickets" does not say which way is better: give the table a Direction column, or choose a default for every row without one',
    });
  });
});

describe('Connect: finding the header', () => {
  // A title merged across the table reads as Sheets' getValues gives it: text in its first cell, blanks beside.
  const TITLED: Rows = [
    ['Operations KPIs, Q4', '', '', '', '', '', ''],
    ['', '', '', '', '', '', ''],
    ...TEAM_TABLE,
  ];

  function headerRowFound(wb: Workbook): number {
    return connectStep(wb).headerRow;
  }

  it.each([
    ['one cell in the data', 'C6'],
    ['the header row', 'A3:G3'],
    ['the whole table with its title and blank row', 'A1:G7'],
    ['the title cell above it', 'A1'],
    ['the whole sheet', 'A:G'],
  ])('under a title row and a blank row, from %s', (_what, a1) => {
    const { wb, run, sheet } = teamSheet(TITLED);
    sheet.setActiveRange(sheet.getRange(a1));
    run('menuConnectTable');
    expect(headerRowFound(wb)).toBe(3);
  });

  it('with a blank column inside the table', () => {
    const { wb, run } = teamSheet([
      ['KPI', '', 'Target', 'Actual'],
      ['Leads', '', 20, 12],
    ]);
    run('menuConnectTable');
    expect(connectStep(wb).proposed.kpi).toEqual({ '1': 'name', '3': 'target', '4': 'value' });
  });

  it('takes a selected header row it cannot read as the header, and lets the user say what it holds', () => {
    const { wb, run, sheet } = teamSheet([
      ['Thing we watch', 'How many', 'Aim'],
      ['Leads', 12, 20],
    ]);
    sheet.setActiveRange(sheet.getRange('A1:C1'));
    run('menuConnectTable');
    const step = connectStep(wb);
    expect(step.headerRow).toBe(1);
    expect(step.kind).toBeNull();
    expect(step.columns.map((c) => c.header)).toEqual(['Thing we watch', 'How many', 'Aim']);
  });

  it('says so, naming the sheet, when there is no header at all', () => {
    const { wb, run } = teamSheet([
      [1, 2],
      [3, 4],
    ]);
    run('menuConnectTable');
    expect(lastAlert(wb)).toMatch(/^No table header found on "Team"/);
    expect(wb.ui.sidebars).toHaveLength(0);
  });
});

describe('Connect: an objective written once above its key results', () => {
  it('is carried down for the check-in sidebar, and the blank cells stay blank', () => {
    const okrs: Rows = [
      ['Objective', 'Key result', 'Target', 'Current'],
      ['Win enterprise', 'Sign 10 enterprise customers', 10, 7],
      ['', 'Close 3 pilots', 3, 1],
      ['Delight users', 'NPS 50', 50, 41],
      ['', 'Support replies in 4h', 4, 6],
    ];
    const { wb, run } = teamSheet(okrs);
    wb.ui.respond({ button: 'NO' });
    run('menuSetUp');
    wb.sheet('Team').activate();
    run('menuConnectTable');
    expect(confirm(run, proposalForm(connectStep(wb)))).toMatchObject({ ok: true });
    run('menuCheckIn');
    const page = readInitialData<{ keyResults: { name: string; objective: string }[] }>(
      wb.ui.lastSidebar()?.html ?? '',
    );
    const ours = page.keyResults.filter((kr) => okrs.some((row) => row[1] === kr.name));
    expect(ours.map((kr) => [kr.name, kr.objective])).toEqual([
      ['Sign 10 enterprise customers', 'Win enterprise'],
      ['Close 3 pilots', 'Win enterprise'],
      ['NPS 50', 'Delight users'],
      ['Support replies in 4h', 'Delight users'],
    ]);
    expect(values(wb, 'Team', 'A1:D5')).toEqual(okrs);
  });
});
