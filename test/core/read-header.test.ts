import { decideKind, findHeaderRow, headerWords, readHeaderRow } from '../../src/core';

describe('headerWords', () => {
  it.each([
    ['Revenue ($)', ['revenue']],
    ['Conversion (%)', ['conversion']],
    ['Revenue (Actual)', ['revenue', 'actual']],
    ['currentTargetValue', ['current', 'target', 'value']],
    ['KPIName', ['kpi', 'name']],
    ['kpi_target', ['kpi', 'target']],
    ['  Critical\nthreshold  ', ['critical', 'threshold']],
    ['Metric / KPI', ['metric', 'kpi']],
    ['Key Results', ['key', 'result']],
    ['UoM', ['uom']],
    ['% of Target', ['percent', 'of', 'target']],
  ])('%j reads as %j', (header, words) => expect(headerWords(header)).toEqual(words));

  it('splits words glued in lower case only into words it knows', () => {
    const known = new Set(['current', 'value']);
    expect(headerWords('currentvalue', known)).toEqual(['current', 'value']);
    expect(headerWords('howitscalculated', known)).toEqual(['howitscalculated']);
  });
});

describe('readHeaderRow', () => {
  it('maps a team KPI table by what its headers say (its own Prior column stays its own)', () => {
    expect(
      readHeaderRow('kpi', [
        'Metric',
        'Owner',
        'Actual',
        'Goal',
        'Min',
        'Critical_Threshold',
        'Direction',
        'Prior',
      ]),
    ).toEqual({ name: 1, owner: 2, value: 3, target: 4, warning: 5, critical: 6, direction: 7 });
  });

  it('chooses over the whole row: "Goal" is the objective beside "Target", the target without it', () => {
    expect(readHeaderRow('okr', ['Goal', 'KR', 'Target', 'Actual'])).toEqual({
      objective: 1,
      keyResult: 2,
      target: 3,
      current: 4,
    });
    expect(readHeaderRow('okr', ['Objective', 'KR', 'Goal', 'Actual'])).toMatchObject({
      objective: 1,
      target: 3,
    });
  });

  it('resolves a qualified header by its decisive word', () => {
    expect(readHeaderRow('kpi', ['KPI', 'Month actual', 'Q3 target', 'Target (Q3) – stretch'])).toMatchObject(
      {
        value: 2,
        target: 3,
      },
    );
    expect(readHeaderRow('kpi', ['KPI', 'Current target', 'Actual'])).toEqual({
      name: 1,
      target: 2,
      value: 3,
    });
  });

  it('leaves descriptive, computed and other-period columns alone', () => {
    expect(
      readHeaderRow('okr', [
        'Key result',
        'Description',
        'Notes',
        'Data source',
        'Target',
        'Current',
        'Previous value',
      ]),
    ).toEqual({ keyResult: 1, target: 5, current: 6 });
  });

  it("never takes a team's own Status or Score column", () => {
    expect(readHeaderRow('kpi', ['KPI', 'Current', 'Warning', 'Status'])).toEqual({
      name: 1,
      value: 2,
      warning: 3,
    });
    expect(readHeaderRow('okr', ['Key result', 'Target', 'Current', 'Score'])).toEqual({
      keyResult: 1,
      target: 2,
      current: 3,
    });
  });

  it('reads "KPI" as the name in a KPI table and as the linked KPI in an OKR table', () => {
    expect(readHeaderRow('okr', ['Key result', 'KPI', 'Target', 'Current']).linkedKpi).toBe(2);
    expect(readHeaderRow('kpi', ['KPI', 'Name', 'Value']).name).toBe(1);
  });
});

describe('decideKind', () => {
  it('reads an objective or key-result column as an OKR table, KPI words or limits as a KPI table', () => {
    expect(decideKind(['Objective', 'Key result', 'Target', 'Current', 'Owner'])).toEqual({
      kind: 'okr',
      because: 'Objective',
    });
    expect(decideKind(['Metric / KPI', 'Target', 'Actual'])).toEqual({
      kind: 'kpi',
      because: 'Metric / KPI',
    });
    expect(decideKind(['Name', 'Actual', 'Warning', 'Critical']).kind).toBe('kpi');
    expect(decideKind(['Key result', 'KPI', 'Target', 'Current']).kind).toBe('okr');
  });

  it('asks when the headers do not say, or say both', () => {
    expect(decideKind(['Name', 'Target', 'Actual', 'Owner']).kind).toBeNull();
    expect(decideKind(['Objective', 'KPI', 'Target', 'Actual']).kind).toBeNull();
  });
});

describe('findHeaderRow', () => {
  const table = [
    ['Ops dashboard Q4', '', '', ''],
    ['', '', '', ''],
    ['Metric', '', 'Actual', 'Target'],
    ['On-time', '', 0.97, 0.98],
    ['Uptime', '', 0.999, 0.999],
  ];

  it('finds it under a title and a blank row, whatever is selected', () => {
    expect(findHeaderRow(table, { first: 0, last: 4 })).toBe(2); // the whole table with its title
    expect(findHeaderRow(table, { first: 4, last: 4 })).toBe(2); // one cell in the data
    expect(findHeaderRow(table, { first: 2, last: 2 })).toBe(2); // the header row
    expect(findHeaderRow(table, { first: 0, last: 0 })).toBe(2); // the title cell
  });

  it('takes a selected row of texts as the header even when no header is recognised', () => {
    const rows = [
      ['Thing', 'How many', 'Aim'],
      ['Leads', 10, 20],
    ];
    expect(findHeaderRow(rows, { first: 0, last: 0 })).toBe(0);
    expect(findHeaderRow(rows, { first: 1, last: 1 })).toBeNull();
  });

  it('finds nothing in data without headers', () => {
    expect(
      findHeaderRow(
        [
          [1, 2, 3],
          ['a', 'b', 'c'],
        ],
        { first: 0, last: 1 },
      ),
    ).toBeNull();
  });
});
