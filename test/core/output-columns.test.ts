import {
  assignIds,
  type CellValue,
  ID_TRIES,
  isOwnRuleFormula,
  planHighlights,
  planOutputs,
} from '../../src/core';

/** A formula the add-on writes, as a plan holds it. */
const f = (formula: string) => ({ formula });

describe('planOutputs', () => {
  const kpiMap = {
    name: 1,
    direction: 2,
    warning: 3,
    critical: 4,
    value: 5,
    previous: 6,
    change: 7,
    status: 8,
    signal: 9,
    trend: 10,
  };

  it('writes one range formula in the header cell of each computed column, and history facts per row', () => {
    const header = [
      'KPI',
      'Direction',
      'Warning',
      'Critical',
      'Value',
      'Previous',
      'Change',
      'Health',
      '',
      '',
    ];
    const rows = [
      ['On-time', 'higher', 0.98, 0.95, 0.97, '', '', '', '', ''],
      ['Leads', 'higher', 180, 150, 166, 'old', 'stale', 'x', 'y', ''],
    ];
    const kpiFacts = [
      { previous: null, trend: [], signal: '', suddenChange: null },
      {
        previous: 255,
        trend: [240, 255],
        signal: 'Leads dropped 35% versus the previous value',
        suddenChange: -0.35,
      },
    ];
    const runs = planOutputs({
      kind: 'kpi',
      map: kpiMap,
      firstRow: 2,
      header,
      rows,
      newId: () => 'x',
      kpiFacts,
    });
    expect(runs).toEqual([
      {
        row: 1,
        column: 6,
        values: [
          // The label as the team named it ("Health"), stacked over the results; other headers kept.
          [
            'Previous',
            f('=VSTACK("Change", DROP(KPI_CHANGE(E1:E, F1:F), 1))'),
            f('=VSTACK("Health", DROP(KPI_STATUS(E1:E, C1:C, D1:D, B1:B), 1))'),
            '',
            '',
          ],
          ['', '', '', '', ''],
          [255, '', '', 'Leads dropped 35% versus the previous value', f('=SPARKLINE({240,255,E3})')],
        ],
      },
    ]);
  });

  it("labels a range formula with the add-on's title when its header reads blank or as an error", () => {
    const map = { name: 1, value: 2, critical: 3, status: 4 };
    const rows = [['a', 1, 2, '']];
    for (const label of ['', '#REF!']) {
      const [run] = planOutputs({
        kind: 'kpi',
        map,
        firstRow: 2,
        header: ['a', 'b', 'c', label],
        rows,
        newId: () => 'x',
      });
      expect(run?.values[0]).toEqual([f('=VSTACK("Status", DROP(KPI_STATUS(B1:B, "", C1:C), 1))')]);
    }
  });

  it("judges a table without limits against its target, falling back on the table's defaults or the KPI name", () => {
    const map = { name: 1, value: 2, target: 3, status: 4 };
    const plan = (defaults?: { direction?: 'higher' | 'lower'; tolerance?: number }, extra = {}) =>
      planOutputs({
        kind: 'kpi',
        map: { ...map, ...extra },
        firstRow: 2,
        header: ['KPI', 'Actual', 'Goal', 'Status', 'Dir', 'Tol'],
        rows: [['Leads', 10, 12, '', '', '']],
        newId: () => 'x',
        ...(defaults ? { defaults } : {}),
      })[0]?.values[0];
    expect(plan()).toEqual([f('=VSTACK("Status", DROP(KPI_TARGET_STATUS(B1:B, C1:C, "", "", A1:A), 1))')]);
    expect(plan({ direction: 'lower', tolerance: 0.1 })).toEqual([
      f('=VSTACK("Status", DROP(KPI_TARGET_STATUS(B1:B, C1:C, "", "", "lower", "0.1"), 1))'),
    ]);
    expect(plan({ tolerance: 0.02 }, { direction: 5, tolerance: 6 })).toEqual([
      f('=VSTACK("Status", DROP(KPI_TARGET_STATUS(B1:B, C1:C, E1:E, F1:F, A1:A, "0.02"), 1))'),
    ]);
  });

  it('quotes a label holding double quotes', () => {
    const map = { name: 1, value: 2, critical: 3, status: 4 };
    const header = ['a', 'b', 'c', 'The "real" status'];
    const [run] = planOutputs({
      kind: 'kpi',
      map,
      firstRow: 5,
      header,
      rows: [['a', 1, 2, '']],
      newId: () => 'x',
    });
    expect(run?.values[0]).toEqual([
      f('=VSTACK("The ""real"" status", DROP(KPI_STATUS(B4:B, "", C4:C), 1))'),
    ]);
  });

  it('splits non-contiguous add-on columns into runs', () => {
    const map = { keyResult: 1, target: 2, current: 3, score: 4, status: 5, id: 9 };
    const runs = planOutputs({
      kind: 'okr',
      map,
      firstRow: 2,
      header: ['KR', 'Target', 'Current', 'Score', 'Status', '', '', '', 'KR ID'],
      rows: [['Ship', 10, 5, '', '', '', '', '', '']],
      newId: () => 'KR-1',
    });
    expect(runs.map((r) => [r.row, r.column])).toEqual([
      [1, 4],
      [2, 9],
    ]);
    // Blank rows under the range formulas are blank already, and the KR ID header is as it reads.
    expect(runs[0]?.values).toEqual([
      [
        f('=VSTACK("Score", DROP(OKR_SCORE(C1:C, B1:B), 1))'),
        f(
          '=VSTACK("Status", DROP(OKR_STATUS(D1:D, CycleStart, CycleEnd, AsOfDate, AtRiskGap, OffTrackGap), 1))',
        ),
      ],
    ]);
    expect(runs[1]?.values).toEqual([['KR-1']]);
  });

  it('writes only the rows from the first to the last changed cell of a run of values', () => {
    const map = { keyResult: 1, lastCheckIn: 2, id: 3 };
    const when = new Date(Date.UTC(2026, 10, 20));
    const plan = (rows: CellValue[][]) =>
      planOutputs({
        kind: 'okr',
        map,
        firstRow: 2,
        header: ['KR', 'Last check-in', 'KR ID'],
        rows,
        newId: () => 'KR-new',
      });
    const same = [
      ['Ship', when, '0123'],
      ['Hire', '2026-01-05', 'KR-2'],
    ];
    expect(plan(same)).toEqual([]);
    expect(plan([...same, ['Sell', '', ''], ['Keep', 'TRUE', 'KR-4']])).toEqual([
      { row: 4, column: 2, values: [['', 'KR-new']] },
    ]);
  });

  it('draws a progress bar only on key-result rows and keeps last check-ins', () => {
    const map = { keyResult: 1, target: 2, current: 3, score: 4, progress: 5, lastCheckIn: 6 };
    const when = new Date(2026, 10, 20);
    const runs = planOutputs({
      kind: 'okr',
      map,
      firstRow: 2,
      header: ['KR', 'Target', 'Current', 'Score', 'Progress', 'Last check-in'],
      rows: [
        ['Ship', 10, 5, 0.5, '', when],
        ['', '', '', '', '', ''],
      ],
      newId: () => 'x',
    });
    const [header, first, ...rest] = runs[0]?.values ?? [];
    expect(header).toEqual([
      f('=VSTACK("Score", DROP(OKR_SCORE(C1:C, B1:B), 1))'),
      'Progress',
      'Last check-in',
    ]);
    expect(first?.[1]).toEqual(
      f(
        '=IF(ISNUMBER(D2),IF(D2>=0.65,SPARKLINE(D2,{"charttype","bar";"max",1;"color1","#34a853"}),IF(D2>=0.35,SPARKLINE(D2,{"charttype","bar";"max",1;"color1","#fbbc04"}),SPARKLINE(D2,{"charttype","bar";"max",1;"color1","#ea4335"}))),"")',
      ),
    );
    expect(first?.[2]).toBe(when);
    expect(rest).toEqual([]); // the blank row is blank already
  });
});

describe('assignIds', () => {
  it('keeps IDs, fills missing ones, and re-issues a duplicated one', () => {
    let n = 0;
    const ids = assignIds(['KR-a', '', 'KR-a', null, ' KR-b '], () => `KR-new${++n}`);
    expect(ids).toEqual(['KR-a', 'KR-new1', 'KR-new2', '', 'KR-b']);
  });
  it('never hands out an ID already present, on a row above or below', () => {
    const fresh = ['KR-b', 'KR-c', 'KR-d'];
    expect(assignIds(['', 'KR-b', 'KR-c'], () => fresh.shift() as string)).toEqual(['KR-d', 'KR-b', 'KR-c']);
  });
  it('gives up with a clear error when the generator only repeats itself (never loops forever)', () => {
    let calls = 0;
    const stuck = () => {
      calls += 1;
      return 'KR-a';
    };
    expect(() => assignIds(['KR-a', ''], stuck)).toThrow(
      'No new key-result ID after 20 tries (the last one, "KR-a", is blank or already used). Nothing was written; try again.',
    );
    expect(calls).toBe(ID_TRIES);
    expect(() => assignIds([''], () => ' ')).toThrow('No new key-result ID after 20 tries');
  });
});

describe('planHighlights', () => {
  it('colours the KPI value and status columns from the status of the same row', () => {
    const rules = planHighlights('kpi', { name: 1, warning: 3, value: 5, status: 8 }, 2);
    expect(rules).toHaveLength(6);
    expect(rules[0]).toEqual({
      column: 5,
      formula: '=AND(ISTEXT("OKR & KPI Tracker"),$H2="Breach")',
      background: '#f4c7c3',
    });
    expect(rules.every((r) => isOwnRuleFormula(r.formula))).toBe(true);
  });

  it('colours a KPI table without limits by its target statuses: met green, near amber, missed red', () => {
    const rules = planHighlights('kpi', { name: 1, target: 3, value: 5, status: 8 }, 2);
    expect(rules.map((r) => [r.column, r.formula, r.background])).toEqual(
      [5, 8].flatMap((column) => [
        [column, '=AND(ISTEXT("OKR & KPI Tracker"),$H2="Missed")', '#f4c7c3'],
        [column, '=AND(ISTEXT("OKR & KPI Tracker"),$H2="Near")', '#fce8b2'],
        [column, '=AND(ISTEXT("OKR & KPI Tracker"),$H2="Met")', '#b7e1cd'],
      ]),
    );
  });

  it('colours OKR statuses and score bands', () => {
    const rules = planHighlights('okr', { keyResult: 1, score: 4, status: 5 }, 3);
    expect(rules.filter((r) => r.column === 5)).toHaveLength(5);
    expect(rules.filter((r) => r.column === 4).map((r) => r.formula)).toEqual([
      '=AND(ISTEXT("OKR & KPI Tracker"),ISNUMBER($D3),$D3<0.35)',
      '=AND(ISTEXT("OKR & KPI Tracker"),ISNUMBER($D3),$D3>=0.35,$D3<0.65)',
      '=AND(ISTEXT("OKR & KPI Tracker"),ISNUMBER($D3),$D3>=0.65)',
    ]);
  });

  it("does not take a user's formula for its own", () => {
    expect(isOwnRuleFormula('=$H2="Breach"')).toBe(false);
  });
});
