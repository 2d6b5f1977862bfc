/**
 * The Objectives sheet over the emulator: made by Set up, kept by Refresh (new objectives appended under
 * the team's rows, never over them), its scores computed by the formulas from the key-results tables
 * wherever they are, and the same end state after a failed call at any step and a retry.
 */
import type { Workbook } from '../../emulator';
import { ROUND_TRIPS } from '../../emulator/call-kinds';
import { STATUS_COLOURS } from '../../src/core';
import { type Addon, connectAsProposed, lastAlert, NOW, openAddon, values } from '../support/addon';
import { openDemo } from '../support/demo';

const COMPANY = 'Become the company customers recommend';
const DELIGHT = 'Delight customers with fast, reliable service';
const GROW = 'Grow the business';

function setUp(addon: Addon, withExamples = true): Addon {
  addon.wb.ui.respond({ button: withExamples ? 'YES' : 'NO' });
  addon.run('menuSetUp');
  return addon;
}

function fresh(): Addon {
  return openAddon({ clock: () => NOW });
}

/** The sheet's cells (formulas where there are any, values elsewhere), rules, frozen rows and checkboxes. */
function sheetState(wb: Workbook, name: string) {
  const sheet = wb.sheet(name);
  const range = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn());
  const formulas = range.getFormulas();
  return {
    cells: range.getValues().map((row, r) => row.map((value, c) => formulas[r]?.[c] || value)),
    rules: sheet.getConditionalFormatRules().length,
    frozen: sheet.getFrozenRows(),
    counts: String(sheet.getRange('C2').getDataValidation()?.getCriteriaType()),
  };
}

describe('the Objectives sheet', () => {
  it('is made by Set up with the demo objectives under a company objective, scored by formulas', () => {
    const { wb } = setUp(fresh());
    expect(wb.sheetNames()).toContain('Objectives');
    const rows = values(wb, 'Objectives', 'A1:H4');
    expect(rows[0]).toEqual([
      'Objective',
      'Parent objective',
      'Counts toward parent',
      'Team',
      'Key results',
      'Score',
      'Grade',
      'Status',
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      [COMPANY, '', true, 'Leadership'],
      [DELIGHT, COMPANY, true, 'Support'],
      [GROW, COMPANY, false, 'Growth'],
    ]);
    // Delight 0.5 and 0; Grow 0.4 (weight 2), 0.7 and 0. The company has no key result of its own:
    // Delight counts toward it, Grow is aligned only.
    expect(rows.slice(1).map((r) => r[4])).toEqual([0, 2, 3]);
    expect(rows[1]?.[5]).toBeCloseTo(0.25, 9);
    expect(rows[2]?.[5]).toBeCloseTo(0.25, 9);
    expect(rows[3]?.[5]).toBeCloseTo(0.375, 9);
    // Nov 25 is 60% through Q4: 0.25 is 35 points behind, 0.375 is 22.5.
    expect(rows.slice(1).map((r) => r.slice(6))).toEqual([
      ['red', 'Off track'],
      ['red', 'Off track'],
      ['yellow', 'At risk'],
    ]);
    const sheet = wb.sheet('Objectives');
    expect(sheet.getRange('E1').getFormula()).toBe(
      "=VSTACK({\"Key results\", \"Score\"}, DROP(OKR_OBJECTIVE_SCORES(A1:A, B1:B, C1:C, 'OKRs'!A1:A, 'OKRs'!M1:M, 'OKRs'!H1:H), 1))",
    );
    expect(sheet.getRange('G1').getFormula()).toBe('=VSTACK("Grade", DROP(OKR_GRADE(F1:F), 1))');
    expect(sheet.getRange('H1').getFormula()).toBe(
      '=VSTACK("Status", DROP(OKR_STATUS(F1:F, CycleStart, CycleEnd, AsOfDate, AtRiskGap, OffTrackGap), 1))',
    );
    expect(sheet.getRange('I2').getFormula()).toMatch(/^=IF\(ISNUMBER\(F2\),.*SPARKLINE\(F2,/);
    expect(sheet.getRange('I5').getFormula()).toBe('');
    expect(String(sheet.getRange('C2').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
    // Native rules colour the grade and the status.
    expect(wb.effectiveFormat('Objectives', 2, 7).background).toBe(STATUS_COLOURS.bad);
    expect(wb.effectiveFormat('Objectives', 4, 7).background).toBe(STATUS_COLOURS.warn);
    expect(wb.effectiveFormat('Objectives', 4, 8).background).toBe(STATUS_COLOURS.warn);
  });

  it('on the demo workbook (team KPI tables connected too) holds the same three objectives and nothing more', () => {
    const { wb } = openDemo();
    const rows = values(wb, 'Objectives', 'A2:H5');
    expect(rows.map((r) => [r[0], r[4], r[6], r[7]])).toEqual([
      [COMPANY, 0, 'red', 'Off track'],
      [DELIGHT, 2, 'red', 'Off track'],
      [GROW, 3, 'yellow', 'At risk'],
      ['', '', '', ''],
    ]);
  });

  it('counts an aligned-only child once its box is ticked, with no script run', () => {
    const { wb } = setUp(fresh());
    wb.sheet('Objectives').getRange('C4').setValue(true);
    expect(values(wb, 'Objectives', 'F2')[0]?.[0]).toBeCloseTo((0.25 + 0.375) / 2, 9);
  });

  it('is kept by a second Set up, which creates nothing twice', () => {
    const addon = setUp(fresh());
    const before = sheetState(addon.wb, 'Objectives');
    const sheets = addon.wb.sheetNames();
    setUp(addon);
    expect(addon.wb.sheetNames()).toEqual(sheets);
    expect(sheetState(addon.wb, 'Objectives')).toEqual(before);
    expect(lastAlert(addon.wb)).toMatch(/left as they are: .*Objectives/);
  });

  it('leaves a sheet of the team named Objectives alone and says so', () => {
    const addon = fresh();
    const own = addon.wb.spreadsheet.insertSheet('Objectives');
    own.getRange('A1:B2').setValues([
      ['Goal', 'Score'],
      ['Ours', 5],
    ]);
    setUp(addon);
    expect(values(addon.wb, 'Objectives', 'A1:C2')).toEqual([
      ['Goal', 'Score', ''],
      ['Ours', 5, ''],
    ]);
    expect(lastAlert(addon.wb)).toMatch(/A sheet named "Objectives" already exists with other columns/);
    addon.run('menuRefresh');
    expect(
      own
        .getRange('A1:C3')
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });

  it('gains on Refresh an objective typed in OKRs, appended under the team rows, which stay as they are', () => {
    const addon = setUp(fresh());
    const { wb } = addon;
    const objectives = wb.sheet('Objectives');
    objectives.getRange('A5:D5').setValues([['Hire well', COMPANY, false, 'People']]);
    const okrs = wb.sheet('OKRs');
    // Typed with spaces around it, then once more without, and a key result under it with a blank objective.
    okrs.getRange('A7:H9').setValues([
      [' Expand to Europe ', 'Open an office', 'ops@example.com', 'milestone', '', '', true, 1],
      ['', 'Hire a country lead', 'ops@example.com', 'milestone', '', '', false, 1],
      ['Expand to Europe', 'Sign 3 partners', 'ops@example.com', 'linear', 0, 3, 1, 1],
    ]);
    const teamRows = values(wb, 'Objectives', 'A2:D5');
    addon.run('menuRefresh');
    expect(values(wb, 'Objectives', 'A2:D5')).toEqual(teamRows);
    expect(values(wb, 'Objectives', 'A6:F7')).toEqual([
      [' Expand to Europe ', '', true, '', 3, expect.closeTo((1 + 0 + 1 / 3) / 3, 9)],
      ['', '', '', '', '', ''],
    ]);
    expect(objectives.getRange('I6').getFormula()).toMatch(/SPARKLINE\(F6,/);
    // A second Refresh appends nothing more.
    addon.run('menuRefresh');
    expect(values(wb, 'Objectives', 'A7')[0]?.[0]).toBe('');
  });

  it('is found again renamed, with a column inserted and its spill blocked, and Refresh puts it right', () => {
    const addon = setUp(fresh());
    const { wb } = addon;
    const sheet = wb.sheet('Objectives');
    sheet.setName('Our objectives');
    sheet.insertColumnBefore(2);
    sheet.getRange('B1').setValue('Owner');
    // A value typed where Score spills blocks it: the header cell shows #REF! instead of its title.
    sheet.getRange('G3').setValue('typed over');
    expect(sheet.getRange('F1').getDisplayValue()).toBe('#REF!');
    addon.run('menuRefresh');
    expect(wb.sheetNames()).not.toContain('Objectives');
    expect(sheet.getRange('F1').getFormula()).toBe(
      "=VSTACK({\"Key results\", \"Score\"}, DROP(OKR_OBJECTIVE_SCORES(A1:A, C1:C, D1:D, 'OKRs'!A1:A, 'OKRs'!M1:M, 'OKRs'!H1:H), 1))",
    );
    expect(values(wb, 'Our objectives', 'F1:G4').map((r) => r[0])).toEqual(['Key results', 0, 2, 3]);
    expect(values(wb, 'Our objectives', 'G4')[0]?.[0]).toBeCloseTo(0.375, 9);
    expect(sheet.getRange('J2').getFormula()).toMatch(/SPARKLINE\(G2,/);
    setUp(addon);
    expect(wb.sheetNames().filter((n) => /objectives/i.test(n))).toEqual(['Our objectives']);
  });

  it('reads a connected table by its own columns, counting the rows under an objective written once', () => {
    const addon = fresh();
    const team = addon.wb.spreadsheet.insertSheet('Team OKRs');
    team.getRange('A1:G5').setValues([
      ['Team OKRs for Q4', '', '', '', '', '', ''],
      ['Owner', 'Key result', 'Objective', 'Type', 'Baseline', 'Target', 'Actual'],
      ['ana', 'Sign 10 customers', 'Win enterprise', 'linear', 0, 10, 5],
      ['bo', 'SOC 2 report', '', 'milestone', '', '', 'yes'],
      ['cy', 'Churn at most 2%', '', 'at most', '', 0.02, 0.05],
    ]);
    team.getRange('A2').activate();
    connectAsProposed(addon);
    setUp(addon, false);
    const { wb } = addon;
    // OKRs (empty) and the team table, stacked; the team's weights missing, so none are passed.
    expect(wb.sheet('Objectives').getRange('E1').getFormula()).toBe(
      "=VSTACK({\"Key results\", \"Score\"}, DROP(OKR_OBJECTIVE_SCORES(A1:A, B1:B, C1:C, VSTACK('Team OKRs'!C2:C, 'OKRs'!A1:A), VSTACK('Team OKRs'!H2:H, 'OKRs'!M1:M)), 1))",
    );
    expect(values(wb, 'Objectives', 'A2:G3')).toEqual([
      ['Win enterprise', '', true, '', 3, 0.5, 'yellow'],
      ['', '', '', '', '', '', ''],
    ]);
  });

  it.each([
    [
      'Set up',
      (addon: Addon) => {
        // Yes to the examples question, whatever alert a failed run showed before it.
        addon.wb.ui.respondWith((request) =>
          request.buttons.startsWith('YES') ? { button: 'YES' } : undefined,
        );
        addon.run('menuSetUp');
      },
    ],
    [
      'Refresh',
      (addon: Addon) => {
        addon.wb
          .sheet('OKRs')
          .getRange('A7:H7')
          .setValues([["'=Ship v2", 'Ship it', '', 'milestone', '', '', true, 1]]);
        addon.run('menuRefresh');
      },
    ],
  ])('after a failed call at any step of %s, a retry ends as the uninterrupted run', (_, act) => {
    // Set up on a spreadsheet set up before the Objectives sheet existed; Refresh on one just set up.
    const start = (what: string) => {
      const addon = setUp(fresh());
      if (what === 'Set up') addon.wb.spreadsheet.deleteSheet(addon.wb.sheet('Objectives'));
      return addon;
    };
    const name = _;
    const reference = start(name);
    reference.wb.calls.reset();
    act(reference);
    const { byKind } = reference.wb.calls;
    const calls = ROUND_TRIPS.reduce((n, kind) => n + byKind[kind], 0);
    const expected = sheetState(reference.wb, 'Objectives');
    expect(expected.cells.length).toBeGreaterThan(3);
    for (let n = 1; n <= calls; n++) {
      const addon = start(name);
      addon.wb.faults.failCall(n, { kinds: ROUND_TRIPS });
      act(addon);
      expect(addon.wb.faults.fired).toHaveLength(1);
      act(addon);
      expect([n, sheetState(addon.wb, 'Objectives')]).toEqual([n, expected]);
    }
  });
});
