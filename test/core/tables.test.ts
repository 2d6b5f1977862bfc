import { columnLetter, detectTable, matchHeaders, missingRequired } from '../../src/core';

describe('matchHeaders', () => {
  it('maps a team KPI table by synonyms, case and punctuation folded (its own Prior column stays its own)', () => {
    const map = matchHeaders('kpi', [
      'Metric',
      'Owner',
      'Actual',
      'Goal',
      'Min',
      'Critical_Threshold',
      'Direction',
      'Prior',
    ]);
    expect(map).toEqual({
      name: 1,
      owner: 2,
      value: 3,
      target: 4,
      warning: 5,
      critical: 6,
      direction: 7,
    });
  });

  it('maps an OKR table', () => {
    const map = matchHeaders('okr', [
      'Objective',
      'KR',
      'Owner',
      'Type',
      'Baseline',
      'Target',
      'Current',
      'Weight',
    ]);
    expect(map).toEqual({
      objective: 1,
      keyResult: 2,
      owner: 3,
      kind: 4,
      start: 5,
      target: 6,
      current: 7,
      weight: 8,
    });
  });

  it("never claims a team's own Status column as the add-on's unless asked", () => {
    expect(matchHeaders('kpi', ['KPI', 'Current', 'Warning', 'Status']).status).toBeUndefined();
    expect(matchHeaders('kpi', ['KPI', 'Current', 'Warning', 'Status'], true).status).toBe(4);
  });

  it('gives each header one field, titles before looser synonyms', () => {
    // "KPI" is the name in a KPI table; in an OKR table it may be the linked KPI.
    expect(matchHeaders('okr', ['Key result', 'KPI', 'Target', 'Current']).linkedKpi).toBe(2);
    expect(matchHeaders('kpi', ['KPI', 'Name', 'Value']).name).toBe(1);
  });

  it('lists missing required columns', () => {
    expect(missingRequired('kpi', { name: 1 })).toEqual(['value', 'warning']);
    expect(missingRequired('okr', { keyResult: 1, target: 2, current: 3 })).toEqual([]);
  });
});

describe('detectTable', () => {
  it('finds a header row under a title and blank rows', () => {
    const rows = [
      ['Ops dashboard Q4'],
      [''],
      ['Metric', 'Actual', 'Warning', 'Critical'],
      ['On-time', 0.97, 0.98, 0.95],
    ];
    expect(detectTable(rows)).toEqual({
      kind: 'kpi',
      headerIndex: 2,
      map: { name: 1, value: 2, warning: 3, critical: 4 },
      missing: [],
    });
  });

  it('tells an OKR table from a KPI table', () => {
    expect(detectTable([['Objective', 'Key result', 'Target', 'Current', 'Owner']])?.kind).toBe('okr');
  });

  it('reports an incomplete table with what is missing', () => {
    expect(detectTable([['Metric', 'Actual', 'Owner']])).toMatchObject({ kind: 'kpi', missing: ['warning'] });
  });

  it('finds nothing in a sheet of data without headers', () => {
    expect(
      detectTable([
        [1, 2, 3],
        ['a', 'b', 'c'],
      ]),
    ).toBeNull();
  });
});

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('%p is %p', (n, letters) => expect(columnLetter(n)).toBe(letters));
});
