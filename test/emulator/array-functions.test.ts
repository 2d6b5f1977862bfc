import { createWorkbook } from '../../emulator';
import { createFormulaEngine } from '../../emulator/formula-engine';
import type { CellAddress } from '../../emulator/formula-types';
import { type Book, sourceOf } from './formula-book';

// Key results: key, objective, score, status, last check-in, owner; G2 holds an error.
const jan = (day: number) => new Date(2026, 0, day);
const book: Book = {
  sheets: {
    KRs: {
      maxRows: 12,
      maxCols: 8,
      cells: {
        A2: 'KR1',
        B2: 'O1',
        C2: 0.8,
        D2: 'On track',
        E2: jan(10),
        F2: 'ann',
        A3: 'KR2',
        B3: 'O1',
        C3: 0.2,
        D3: 'Off track',
        E3: jan(5),
        F3: 'Bob',
        A4: 'KR3',
        B4: 'O2',
        D4: 'At risk',
        E4: jan(20),
        F4: 'ann',
        A5: 'KR4',
        B5: 'O2',
        C5: 0.5,
        D5: 'Off track',
        F5: 'ANN',
        A6: 'KR5',
        B6: 'O3',
        C6: 0.2,
        D6: 'On track',
        E6: jan(1),
        F6: 'cy',
        G2: { kind: 'error', code: '#DIV/0!', message: 'Division by zero.' },
        H2: '=""',
      },
    },
  },
};

const engine = createFormulaEngine({});
const at: CellAddress = { sheet: 'KRs', row: 10, col: 8 };
const { source } = sourceOf(book, (formula, cell) => engine.evaluate(formula, cell, source));
const evaluate = (formula: string) => engine.evaluate(formula, at, source);
const error = (code: string, message?: string) =>
  expect.objectContaining({ kind: 'error', code, ...(message ? { message } : {}) });
const column = (...values: unknown[]) => values.map((v) => [v]);

function cases(table: [string, unknown][]) {
  it.each(table)('%s -> %p', (formula, expected) => {
    expect(evaluate(formula)).toEqual(expected);
  });
}

describe('FILTER', () => {
  cases([
    ['=FILTER(A2:A6, D2:D6="OFF TRACK")', column('KR2', 'KR4')],
    ['=FILTER(A2:B6, C2:C6>0.3, B2:B6="O1")', [['KR1', 'O1']]],
    ['=FILTER(A2:A6, (C2:C6<0.5)*(D2:D6="Off track"))', 'KR2'],
    ['=FILTER(A2:A6, (D2:D6="At risk")+(C2:C6>0.7))', column('KR1', 'KR3')],
    ['=FILTER(A2:A6, NOT(ISBLANK(C2:C6)))', column('KR1', 'KR2', 'KR4', 'KR5')],
    ['=FILTER({1,2,3}, {TRUE,FALSE,TRUE})', [[1, 3]]],
    ['=ROWS(FILTER(A2:A6, C2:C6>=0.2))', 4],
    ['=COLUMNS(FILTER(A2:C6, C2:C6>=0.2))', 3],
    ['=ROWS(A2:A)', 11], // an open range ends at the sheet's last row
    ['=IFERROR(FILTER(A2:A6, C2:C6>1), "none")', 'none'],
  ]);

  it('keeps dates and blanks as the cells hold them', () => {
    expect(evaluate('=FILTER(E2:E6, F2:F6="ann")')).toEqual(column(jan(10), jan(20), ''));
  });

  it('is #N/A when nothing matches, with Sheets message', () => {
    expect(evaluate('=FILTER(A2:A6, C2:C6>1)')).toEqual(
      error('#N/A', 'No matches are found in FILTER evaluation.'),
    );
  });

  it('is #VALUE! when a condition is not as long as the range', () => {
    expect(evaluate('=FILTER(A2:A6, D2:D5="x")')).toEqual(
      error(
        '#VALUE!',
        'FILTER has mismatched range sizes. Expected row count: 5. column count: 1. Actual row count: 4, column count: 1.',
      ),
    );
    expect(evaluate('=FILTER(A2:A6, {TRUE,FALSE})')).toEqual(error('#VALUE!'));
  });

  it('an error argument is the result; an error cell in a condition lets its row out', () => {
    expect(evaluate('=FILTER(A2:A6, 1/0)')).toEqual(error('#DIV/0!'));
    expect(evaluate('=FILTER(A2:A3, G2:G3>0)')).toEqual(error('#N/A'));
    expect(evaluate('=FILTER(A2:A3, G2:G3=0)')).toBe('KR2'); // a blank equals 0
  });

  it('outside an array function a range operand still stands for its first cell', () => {
    expect(evaluate('=D2:D6="On track"')).toBe(true);
    expect(evaluate('=IF(C2:C6>0.5, "y", "n")')).toBe('y');
  });

  it('feeds other functions, its dates read as serial numbers', () => {
    expect(evaluate('=MAX(FILTER(E2:E6, F2:F6="ann"))=DATE(2026,1,20)')).toBe(true);
    expect(evaluate('=COUNTA(FILTER(A2:A6, B2:B6="O2"))')).toBe(2);
  });
});

describe('SORT', () => {
  cases([
    [
      '=SORT(A2:C6, 3, FALSE)',
      [
        ['KR1', 'O1', 0.8],
        ['KR4', 'O2', 0.5],
        ['KR2', 'O1', 0.2],
        ['KR5', 'O3', 0.2],
        ['KR3', 'O2', ''],
      ],
    ],
    ['=SORT(C2:C6, 1, TRUE)', column(0.2, 0.2, 0.5, 0.8, '')],
    ['=SORT(A2:A6, E2:E6, TRUE)', column('KR5', 'KR2', 'KR1', 'KR3', 'KR4')],
    ['=SORT(A2:A6, 4, TRUE, 3, FALSE)', error('#VALUE!')],
    ['=SORT(F2:F6)', column('ann', 'ann', 'ANN', 'Bob', 'cy')],
    [
      '=SORT(FILTER(A2:C6, C2:C6>0.3), 3, TRUE)',
      [
        ['KR4', 'O2', 0.5],
        ['KR1', 'O1', 0.8],
      ],
    ],
  ]);

  it('sorts by several keys in turn, text case-insensitively', () => {
    expect(evaluate('=SORT(A2:D6, 4, TRUE, 3, FALSE)')).toEqual([
      ['KR3', 'O2', '', 'At risk'],
      ['KR4', 'O2', 0.5, 'Off track'],
      ['KR2', 'O1', 0.2, 'Off track'],
      ['KR1', 'O1', 0.8, 'On track'],
      ['KR5', 'O3', 0.2, 'On track'],
    ]);
  });

  it('keeps dates as dates, blanks last whichever the direction', () => {
    expect(evaluate('=SORT(E2:E6, 1, FALSE)')).toEqual(column(jan(20), jan(10), jan(5), jan(1), ''));
  });

  it('rejects a column outside the range and a key range of another height', () => {
    expect(evaluate('=SORT(A2:C6, 4, TRUE)')).toEqual(error('#VALUE!'));
    expect(evaluate('=SORT(A2:A6, C2:C4, TRUE)')).toEqual(error('#VALUE!'));
    expect(evaluate('=SORT(A2:A6, 1, "maybe")')).toEqual(error('#VALUE!'));
  });
});

describe('SORTN', () => {
  cases([
    [
      '=SORTN(A2:C6, 2, 0, 3, FALSE)',
      [
        ['KR1', 'O1', 0.8],
        ['KR4', 'O2', 0.5],
      ],
    ],
    ['=SORTN(A2:A6, 3, 1, C2:C6, FALSE)', column('KR1', 'KR4', 'KR2', 'KR5')],
    ['=SORTN(B2:B6, 9, 2, 1, TRUE)', column('O1', 'O2', 'O3')],
    ['=SORTN(B2:B6, 2, 3, 1, TRUE)', column('O1', 'O1', 'O2', 'O2')],
    ['=SORTN(C2:C6)', 0.2],
    ['=SORTN(C2:C6, 0)', error('#VALUE!')],
    ['=SORTN(C2:C6, 1, 4)', error('#VALUE!')],
    ['=SORTN(C2:C6, "two")', error('#VALUE!')],
  ]);
});

describe('UNIQUE', () => {
  cases([
    ['=UNIQUE(B2:B6)', column('O1', 'O2', 'O3')],
    ['=UNIQUE(F2:F6)', column('ann', 'Bob', 'ANN', 'cy')], // exact, as Sheets compares
    ['=UNIQUE(B2:B6, FALSE, TRUE)', 'O3'],
    [
      '=UNIQUE({1,1,2;3,3,4}, TRUE)',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['=UNIQUE(C2:C6)', column(0.8, 0.2, '', 0.5)],
    ['=UNIQUE({1;1}, FALSE, TRUE)', error('#N/A')],
  ]);
});

describe('TAKE, DROP, CHOOSECOLS, HSTACK, SEQUENCE', () => {
  cases([
    [
      '=TAKE(A2:C6, 2)',
      [
        ['KR1', 'O1', 0.8],
        ['KR2', 'O1', 0.2],
      ],
    ],
    ['=TAKE(A2:C6, -1, 1)', 'KR5'],
    ['=TAKE(A2:B3,,-1)', column('O1', 'O1')],
    ['=TAKE(A2:C6, 0)', error('#CALC!')],
    ['=TAKE(A2:C6, "x")', error('#VALUE!')],
    ['=DROP(A2:A6, 3)', column('KR4', 'KR5')],
    ['=DROP(A2:A6, 5)', error('#CALC!')],
    [
      '=CHOOSECOLS(A2:D3, 4, 1)',
      [
        ['On track', 'KR1'],
        ['Off track', 'KR2'],
      ],
    ],
    ['=CHOOSECOLS(A2:D3, -1)', column('On track', 'Off track')],
    ['=CHOOSECOLS(A2:D3, 0)', error('#VALUE!')],
    ['=CHOOSECOLS(A2:D3, 5)', error('#VALUE!')],
    [
      '=HSTACK(A2:A3, C2:C3)',
      [
        ['KR1', 0.8],
        ['KR2', 0.2],
      ],
    ],
    ['=SEQUENCE(3)', column(1, 2, 3)],
    [
      '=SEQUENCE(2, 3, 0, 5)',
      [
        [0, 5, 10],
        [15, 20, 25],
      ],
    ],
    ['=SEQUENCE(0)', error('#VALUE!')],
  ]);

  it('HSTACK pads a shorter argument with #N/A', () => {
    const stacked = evaluate('=HSTACK({1;2}, 3)') as unknown[][];
    expect(stacked[0]).toEqual([1, 3]);
    expect(stacked[1]?.[0]).toBe(2);
    expect(stacked[1]?.[1]).toEqual(error('#N/A'));
  });
});

describe('COUNTIFS and the other criteria functions', () => {
  cases([
    ['=COUNTIFS(D2:D6, "off track")', 2],
    ['=COUNTIFS(B2:B6, "O1", C2:C6, ">=0.5")', 1],
    ['=COUNTIFS(C2:C6, "<0.5")', 2], // a blank is not below 0.5
    ['=COUNTIFS(D2:D6, "o*")', 4],
    ['=COUNTIFS(A2:A6, "KR?")', 5],
    ['=COUNTIFS(C2:C6, "")', 1],
    ['=COUNTIFS(C2:C6, "<>")', 4],
    ['=COUNTIFS(D2:D6, "<>On track")', 3],
    ['=COUNTIFS(C2:C6, 0.2)', 2],
    ['=COUNTIFS(E2:E6, ">="&DATE(2026,1,6))', 2],
    [
      '=COUNTIFS(B2:B6, "O1", C2:C5, ">0")',
      error('#VALUE!', 'Array arguments to COUNTIFS are of different size.'),
    ],
    ['=COUNTIFS(B2:B6)', error('#N/A')],
    ['=SUMIFS(C2:C6, B2:B6, "O1")', 1],
    ['=AVERAGEIFS(C2:C6, B2:B6, "O1")', 0.5],
    ['=AVERAGEIFS(C2:C6, B2:B6, "none")', error('#DIV/0!')],
    ['=MAXIFS(C2:C6, D2:D6, "Off track")', 0.5],
    ['=MINIFS(C2:C6, F2:F6, "ann")', 0.5],
    ['=MAXIFS(C2:C6, D2:D6, "Done")', 0],
    ['=MAXIFS(E2:E6, F2:F6, "ann")=DATE(2026,1,20)', true],
    ['=SUMIFS(G2:G3, A2:A3, "KR1")', error('#DIV/0!')],
    ['=COUNTBLANK(C2:E6)', 2],
    ['=COUNTBLANK(H2)', 1], // a formula's "" counts as blank
  ]);
});

describe('MATCH', () => {
  cases([
    ['=MATCH("kr3", A2:A6, 0)', 3],
    ['=MATCH(15, {1,10,20}, 1)', 2],
    ['=MATCH(15, {20,10,1}, -1)', 1],
    ['=INDEX(C2:C6, MATCH("KR4", A2:A6, 0))', 0.5],
    ['=MATCH("x", A2:A6, 0)', error('#N/A', "Did not find value 'x' in MATCH evaluation.")],
    ['=MATCH(1, A2:B3, 0)', error('#N/A')],
  ]);
});

describe('ARRAYFORMULA and array contexts', () => {
  cases([
    ['=ARRAYFORMULA(C2:C3*100)', column(80, 20)],
    ['=ARRAYFORMULA(IF(C2:C6>=0.5, "hi", "lo"))', column('hi', 'lo', 'lo', 'hi', 'lo')],
    ['=ARRAYFORMULA(A2:A3&"-"&B2:B3)', column('KR1-O1', 'KR2-O1')],
    ['=ARRAYFORMULA(IFERROR(1/C2:C6, 0))', column(1.25, 5, 0, 2, 5)],
    ['=ARRAYFORMULA(E2:E3-DATE(2026,1,1))', column(9, 4)],
    [
      '=ARRAYFORMULA({1;2}+{10,20})',
      [
        [11, 21],
        [12, 22],
      ],
    ],
    ['=ARRAYFORMULA(IF(G2:G3>0, 1, 2))', [[error('#DIV/0!')], [2]]],
  ]);

  it('a shorter array leaves #N/A where it has no cell', () => {
    const sum = evaluate('=ARRAYFORMULA({1;2;3}+{1;2})') as unknown[][];
    expect(sum.slice(0, 2)).toEqual(column(2, 4));
    expect(sum[2]?.[0]).toEqual(error('#N/A'));
  });

  it('SUMPRODUCT takes its conditions cell by cell', () => {
    expect(evaluate('=SUMPRODUCT((D2:D6="Off track")*C2:C6)')).toBeCloseTo(0.7, 12);
  });
});

describe('in a workbook', () => {
  it('FILTER and SORT spill, dates read back as Dates', () => {
    const wb = createWorkbook({ formulaEngine: createFormulaEngine({}) });
    const sheet = wb.globals.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:B3').setValues([
      ['KR1', jan(10)],
      ['KR2', jan(5)],
      ['KR3', jan(20)],
    ]);
    sheet.getRange('D1').setFormula('=SORT(FILTER(A1:B3, B1:B3>DATE(2026,1,6)), 2, FALSE)');
    expect(sheet.getRange('D1:E3').getValues()).toEqual([
      ['KR3', jan(20)],
      ['KR1', jan(10)],
      ['', ''],
    ]);
  });
});
