import { createFormulaEngine } from '../../emulator/formula-engine';
import type { CellAddress, CustomFunction, EvalResult, EvalValue } from '../../emulator/formula-types';
import { type Book, type Cells, sourceOf } from './formula-book';

const asOf = new Date(2026, 1, 15);
const cycleStart = new Date(2026, 0, 1);
const calls: unknown[][] = [];

const custom: Record<string, CustomFunction> = {
  // Records what it was given, as Apps Script would pass it.
  PROBE: (...args) => {
    calls.push(args);
    return 'ok';
  },
  BOOM: () => {
    throw new Error('target must be a number');
  },
  GRID: () => [
    [1, 2],
    [3, 4],
  ],
  ONE: () => [[42]],
  COLUMN_OF: () => ['a', 'b'],
  NOTHING: () => undefined,
  HALF: (x) => (x as number) / 2,
  TOMORROW: (d) => new Date((d as Date).getTime() + 86_400_000),
  HEIGHT: (range) => (Array.isArray(range) ? range.length : 1),
  Lower_Case_Name: () => 'found',
};

const book: Book = {
  sheets: {
    OKRs: {
      maxRows: 20,
      maxCols: 12,
      cells: {
        A1: 'Score',
        A2: 5,
        A3: 7,
        B2: 'x',
        C2: new Date(2026, 2, 31),
        E1: 1,
        E2: { kind: 'error', code: '#N/A', message: 'no data' },
        E3: 2,
        F2: 0.25,
        F3: 'text',
        F4: true,
        H1: '=A2*2', // 10
        H2: '=H1+1', // 11, through a nested evaluation
        K2: 'Breach',
        K3: 'OK',
        K4: 'breach',
      },
    },
    KPIs: {
      maxRows: 6,
      maxCols: 10,
      cells: { H1: 1000, H2: 0.5, H3: 0.75, H5: 0.25, J2: 'Warning' },
    },
    Settings: {
      maxRows: 10,
      maxCols: 4,
      cells: {
        B1: asOf,
        B2: cycleStart,
        A5: 'ChartType',
        B5: 'column',
        A6: 'Color1',
        B6: 'red',
      },
    },
  },
  names: {
    AsOfDate: { sheet: 'Settings', row: 1, col: 2, numRows: 1, numCols: 1 },
    CycleStart: { sheet: 'Settings', row: 2, col: 2, numRows: 1, numCols: 1 },
    SparkOptions: { sheet: 'Settings', row: 5, col: 1, numRows: 2, numCols: 2 },
  },
};

const engine = createFormulaEngine(custom);
const at: CellAddress = { sheet: 'OKRs', row: 10, col: 10 };
const { source } = sourceOf(book, (formula, cell) => engine.evaluate(formula, cell, source));
const evaluate = (formula: string, cell: CellAddress = at) => engine.evaluate(formula, cell, source);
const error = (code: string) => expect.objectContaining({ kind: 'error', code });

beforeEach(() => {
  calls.length = 0;
});

// ---------------------------------------------------------------------------------------------------

describe('operators and built-ins', () => {
  it.each<[string, EvalResult]>([
    ['=1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=2^10', 1024],
    ['=10/4', 2.5],
    ['=-A2+1', -4],
    ['=50%', 0.5],
    ['=A2*A3-A2', 30],
    ['="a"&"b"&1', 'ab1'],
    ['=A2&" pts"', '5 pts'],
    ['=A2>A3', false],
    ['=A2<>A3', true],
    ['=A3>=7', true],
    ['=IF(A2>3, "big", "small")', 'big'],
    ['=IF(A2, "set", "unset")', 'set'],
    ['=IF(Z9, "set", "unset")', 'unset'],
    ['=IF(FALSE, 1)', false],
    ['=AND(A2>1, A3>1)', true],
    ['=AND(A2>1, A3>10)', false],
    ['=OR(A2>10, A3>1)', true],
    ['=NOT(A2>10)', true],
    ['=NOT(Z9)', true],
    ['=ISBLANK(Z9)', true],
    ['=ISBLANK(A2)', false],
    ['=ISNUMBER(A2)', true],
    ['=ISNUMBER(B2)', false],
    ['=ISERROR(E2)', true],
    ['=ISERROR(A2)', false],
    ['=SUM(A2:A3)', 12],
    ['=SUM(A2:A3, 1, F2)', 13.25],
    ['=SUM(F2:F4)', 0.25],
    ['=AVERAGE(A2:A3)', 6],
    ['=MIN(A2:A3, 6)', 5],
    ['=MAX(A2:A3, 6)', 7],
    ['=MAX(Z1:Z5)', 0],
    ['=COUNT(A1:A5)', 2],
    ['=COUNTA(A1:A5)', 3],
    ['=ROUND(2.345, 2)', 2.35],
    ['=ROUND(Z9, 0)', 0],
    ['=ABS(-3)', 3],
    ['=IFERROR(E2, "none")', 'none'],
  ])('%s -> %p', (formula, expected) => {
    expect(evaluate(formula)).toEqual(expected);
  });

  it('reads a formula cell through a nested evaluation', () => {
    expect(evaluate('=H2+SUM(H1:H2)')).toBe(32);
  });
});

describe('text comparison is case-insensitive, blanks equal 0, "" and FALSE', () => {
  it.each<[string, boolean]>([
    ['="breach"="Breach"', true],
    ['=K2="BREACH"', true],
    ['=K4=K2', true],
    ['="abc"<>"ABC"', false],
    ['="a"<"B"', true],
    ['=Z9=""', true],
    ['=Z9=0', true],
    ['=Z9=FALSE', true],
    ['=""=0', false],
    ['=1<"a"', true], // numbers sort before text
  ])('%s -> %p', (formula, expected) => {
    expect(evaluate(formula)).toBe(expected);
  });
});

describe('references', () => {
  it.each<[string, EvalResult]>([
    ["='KPIs'!H2", 0.5],
    ['=KPIs!H3*2', 1.5],
    ['=SUM(KPIs!H2:H3)', 1.25],
    // Open ranges start at their first row and close at the sheet's last row (6 on KPIs).
    ['=SUM(KPIs!H2:H)', 1.5],
    ['=SUM(KPIs!H:H)', 1001.5],
    ['=COUNTA(KPIs!H2:H)', 3],
    ['=HEIGHT(KPIs!H2:H)', 5],
    ['=HEIGHT(KPIs!H:H)', 6],
    ['=HEIGHT(KPIs!H2:H10)', 9], // a closed range is read as written
    ['=SUM(KPIs!2:3)', 1.25],
    ['=SUM(E:E)', error('#N/A')],
    ['=SUM(A2:A)', 12],
  ])('%s -> %p', (formula, expected) => {
    expect(evaluate(formula)).toEqual(expected);
  });

  it('unqualified references mean the sheet the formula stands in', () => {
    expect(evaluate('=H2', { sheet: 'KPIs', row: 1, col: 1 })).toBe(0.5);
    expect(evaluate('=H2', { sheet: 'OKRs', row: 1, col: 1 })).toBe(11);
  });

  it('a multi-cell reference spills, with Dates and blanks as the cells hold them', () => {
    expect(evaluate('=KPIs!H2:H5')).toEqual([[0.5], [0.75], [''], [0.25]]);
    expect(evaluate('=A2:C2')).toEqual([[5, 'x', new Date(2026, 2, 31)]]);
  });

  it('an array literal spills', () => {
    expect(evaluate('={1,2;3,4}')).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe('VSTACK', () => {
  it('stacks a header over a range, blanks kept, and the result spills', () => {
    expect(evaluate('=VSTACK("Value", KPIs!H2:H5)')).toEqual([['Value'], [0.5], [0.75], [''], [0.25]]);
  });
  it('pads a narrower argument with #N/A', () => {
    const stacked = evaluate('=VSTACK({1,2}, 3)') as EvalValue[][];
    expect(stacked[0]).toEqual([1, 2]);
    expect(stacked[1]?.[0]).toBe(3);
    expect(stacked[1]?.[1]).toMatchObject({ kind: 'error', code: '#N/A' });
  });
});

describe('DROP', () => {
  it('drops rows from the start, or from the end when negative, and columns likewise', () => {
    expect(evaluate('=DROP(KPIs!H2:H5, 1)')).toEqual([[0.75], [''], [0.25]]);
    expect(evaluate('=DROP(KPIs!H2:H5, -3)')).toEqual(0.5);
    expect(evaluate('=DROP({1,2;3,4}, 0, 1)')).toEqual([[2], [4]]);
  });
  it('is #CALC! when nothing is left', () => {
    expect(evaluate('=DROP(KPIs!H2:H5, 4)')).toMatchObject({ kind: 'error', code: '#CALC!' });
  });
});

describe('named ranges', () => {
  it('a one-cell named range is its value; a Date stays a Date', () => {
    expect(evaluate('=AsOfDate')).toBe(asOf);
  });

  it.each<[string, EvalResult]>([
    ['=AsOfDate-CycleStart', 45],
    ['=CycleStart<AsOfDate', true],
    ['=C2>AsOfDate', true],
    ['=AsOfDate+1>AsOfDate', true],
    ['=NoSuchName', error('#NAME?')],
  ])('%s -> %p', (formula, expected) => {
    expect(evaluate(formula)).toEqual(expected);
  });

  it("reads a date as the day it is in the spreadsheet's zone, whatever the script's", () => {
    // Midnight of 2026-01-05 in New York is 05:00 UTC; in Tokyo it is 15:00 UTC on the 4th.
    const days = {
      'America/New_York': new Date(Date.UTC(2026, 0, 5, 5)),
      'Asia/Tokyo': new Date(Date.UTC(2026, 0, 4, 15)),
    };
    for (const [zone, midnight] of Object.entries(days)) {
      const zoned: Book = { sheets: { S: { cells: { A1: midnight }, maxRows: 9, maxCols: 9 } } };
      const { source: there } = sourceOf(zoned, (f, cell) => engine.evaluate(f, cell, there), zone);
      const here = { sheet: 'S', row: 5, col: 5 };
      expect(engine.evaluate('=A1*1', here, there)).toBe(46027);
      expect(engine.evaluate('=A1>46026.99', here, there)).toBe(true);
    }
  });
});

describe('INDIRECT', () => {
  it.each<[string, EvalResult]>([
    ['=INDIRECT("AsOfDate")-INDIRECT("CycleStart")', 45],
    ['=INDIRECT("A2")+1', 6],
    ['=INDIRECT("\'KPIs\'!H2")', 0.5],
    ['=SUM(INDIRECT("KPIs!H2:H5"))', 1.5],
    ['=INDIRECT("NoSuchName")', error('#REF!')],
  ])('%s -> %p', (formula, expected) => {
    expect(evaluate(formula)).toEqual(expected);
  });
});

describe('custom functions: the Apps Script calling convention', () => {
  it.each<[string, unknown[]]>([
    ['=PROBE(A2)', [5]],
    ['=PROBE(A2:A3)', [[[5], [7]]]],
    ['=PROBE(A2:B2)', [[[5, 'x']]]],
    ['=PROBE(7, "s", TRUE)', [7, 's', true]],
    ['=PROBE(Z9)', ['']],
    ['=PROBE(KPIs!H3:H5)', [[[0.75], [''], [0.25]]]],
    [
      '=PROBE({1,2;3,4})',
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
    ],
    ['=PROBE({9})', [9]],
    ['=PROBE(A2*2, A2&"")', [10, '5']],
    ['=PROBE(E1:E3)', [[[1], ['#N/A'], [2]]]], // an error inside a range shows as its code
    ['=probe(A2)', [5]],
  ])('%s passes %p', (formula, args) => {
    expect(evaluate(formula)).toBe('ok');
    expect(calls).toEqual([args]);
  });

  it('a Date cell arrives as the same Date, in ranges and named ranges too', () => {
    evaluate('=PROBE(C2, AsOfDate, Settings!B1:B2)');
    const [[date, named, range]] = calls as [[Date, Date, Date[][]]];
    expect(date).toEqual(new Date(2026, 2, 31));
    expect(named).toBe(asOf);
    expect(range).toEqual([[asOf], [cycleStart]]);
    expect(range[0]?.[0]).toBe(asOf);
  });

  it('an error in a one-cell argument propagates without calling the function', () => {
    expect(evaluate('=PROBE(E2)')).toEqual({ kind: 'error', code: '#N/A', message: 'no data' });
    expect(evaluate('=PROBE(1/0)')).toEqual(error('#DIV/0!'));
    expect(calls).toEqual([]);
  });

  it('a thrown Error is #ERROR! with its message, and IFERROR catches it', () => {
    expect(evaluate('=BOOM()')).toEqual({
      kind: 'error',
      code: '#ERROR!',
      message: 'target must be a number',
    });
    expect(evaluate('=IFERROR(BOOM(), "fallback")')).toBe('fallback');
  });

  it.each<[string, EvalResult]>([
    [
      '=GRID()',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['=ONE()', 42],
    ['=COLUMN_OF()', [['a'], ['b']]],
    ['=NOTHING()', ''],
    ['=SUM(GRID())', 10],
    ['=ROUND(HALF(A2), 0)', 3],
    ['=HALF(A2)*2', 5],
    ['=TOMORROW(AsOfDate)', new Date(2026, 1, 16)],
    ['=TOMORROW(AsOfDate)>AsOfDate', true],
    ['=lower_case_name()', 'found'],
  ])('%s -> %p', (formula, expected) => {
    expect(evaluate(formula)).toEqual(expected);
  });
});

describe('SPARKLINE', () => {
  it('takes the numbers of a range and options from a 2-column range, keys lower-cased', () => {
    expect(evaluate('=SPARKLINE(F2:F4, Settings!A5:B6)')).toEqual({
      kind: 'sparkline',
      data: [0.25],
      options: { charttype: 'column', color1: 'red' },
    });
    expect(evaluate('=SPARKLINE(KPIs!H2:H, SparkOptions)')).toEqual({
      kind: 'sparkline',
      data: [0.5, 0.75, 0.25],
      options: { charttype: 'column', color1: 'red' },
    });
  });

  it('takes options from an array literal', () => {
    expect(evaluate('=SPARKLINE(A2:A3, {"charttype","bar";"max",1;"color1","#34a853"})')).toEqual({
      kind: 'sparkline',
      data: [5, 7],
      options: { charttype: 'bar', max: 1, color1: '#34a853' },
    });
  });

  it('works without options and from an array literal', () => {
    expect(evaluate('=SPARKLINE({1,"x",3})')).toEqual({ kind: 'sparkline', data: [1, 3], options: {} });
  });
});

describe('errors', () => {
  it.each<[string, string]>([
    ['=NOSUCH(1)', '#NAME?'],
    ['=Nowhere!A1', '#REF!'],
    ["='No Such Sheet'!A1:B2", '#REF!'],
    ['=SUM(Nowhere!A1:A3)', '#REF!'],
    ['=1/0', '#DIV/0!'],
    ['=A2/Z9', '#DIV/0!'],
    ['=AVERAGE(Z1:Z3)', '#DIV/0!'],
    ['=E2+1', '#N/A'],
    ['=E2&"x"', '#N/A'],
    ['=E2="x"', '#N/A'],
    ['=SUM(E1:E3)', '#N/A'],
    ['=AVERAGE(E1:E3)', '#N/A'],
    ['=MAX(E1:E3)', '#N/A'],
    ['=AND(E1:E3)', '#N/A'],
    ['=ROUND(E2, 0)', '#N/A'],
    ['=IF(E2>0, 1, 2)', '#N/A'],
    ['=IF(E2, 1, 2)', '#N/A'],
    ['=(1', '#ERROR!'],
    ['="unterminated', '#ERROR!'],
  ])('%s -> %s', (formula, code) => {
    expect(evaluate(formula)).toEqual(error(code));
  });

  it('keeps the message of a propagated cell error', () => {
    expect(evaluate('=E2*2')).toEqual({ kind: 'error', code: '#N/A', message: 'no data' });
  });

  it('never throws, even when a custom function throws a non-Error', () => {
    const odd = createFormulaEngine({
      WORSE: () => {
        throw 'text';
      },
    });
    expect(odd.evaluate('=WORSE()', at, source)).toEqual({ kind: 'error', code: '#ERROR!', message: 'text' });
  });
});

describe('shift', () => {
  it.each<[string, number, number, string]>([
    ['=A1', 1, 1, '=B2'],
    ['=$K2="Breach"', 3, 5, '=$K5="Breach"'],
    ['=A$1+$A1+$A$1', 2, 2, '=C$1+$A3+$A$1'],
    ['=SUM(A1:B2)', 1, 0, '=SUM(A2:B3)'],
    ['=SUM(J2:J)', 1, 1, '=SUM(K3:K)'],
    ['=SUM(A:A)+SUM(2:3)', 1, 1, '=SUM(B:B)+SUM(3:4)'],
    ['=IF(A1="A1", "B2", A1)', 1, 0, '=IF(A2="A1", "B2", A2)'],
    ["='KPIs'!H2+KPIs!$H$2+'My A1'!A1", 1, 0, "='KPIs'!H3+KPIs!$H$2+'My A1'!A2"],
    ['=AsOfDate>C2', 1, 0, '=AsOfDate>C3'],
    ['=OKR_SCORE(G2:G, H2:H, F2:F, E2:E)', 0, 1, '=OKR_SCORE(H2:H, I2:I, G2:G, F2:F)'],
    ['=Z1', 0, 1, '=AA1'],
    ['=A1', -1, 0, '=#REF!'],
    ['=SUM(A1:B2)', -1, 0, '=SUM(#REF!)'],
    ['=A1 + B1', 0, 0, '=A1 + B1'],
    ['="unterminated A1', 1, 0, '="unterminated A1'],
  ])('%s by (%i, %i) -> %s', (formula, rows, cols, expected) => {
    expect(engine.shift(formula, rows, cols)).toBe(expected);
  });

  it('a shifted conditional-format formula evaluates at a row further down', () => {
    const rule = '=$K2="Breach"'; // written for A2, the top-left cell of A2:L20
    const judge = (row: number, col: number) =>
      evaluate(engine.shift(rule, row - 2, col - 1), { sheet: 'OKRs', row, col });
    expect(judge(2, 1)).toBe(true);
    expect(judge(3, 4)).toBe(false);
    expect(judge(4, 12)).toBe(true); // 'breach' in K4: case-insensitive
    expect(judge(5, 2)).toBe(false); // blank
  });

  it('a relative rule moves its references with the cell', () => {
    const rule = '=AND(ISNUMBER(A2), A2>6)';
    expect(evaluate(engine.shift(rule, 1, 0), { sheet: 'OKRs', row: 3, col: 1 })).toBe(true);
    expect(evaluate(rule, { sheet: 'OKRs', row: 2, col: 1 })).toBe(false);
  });
});

describe('50,000 rows', () => {
  const rows = 50_000;
  const cells: Cells = {};
  for (let r = 2; r <= rows + 1; r++) {
    cells[`H${r}`] = r % 2;
    cells[`K${r}`] = r % 3 === 0 ? 'Breach' : 'OK';
  }
  const big: Book = { sheets: { Big: { cells, maxRows: rows + 1, maxCols: 12 } } };
  const bigEngine = createFormulaEngine(custom);
  const { source: bigSource, reads } = sourceOf(big, (f, cell) => bigEngine.evaluate(f, cell, bigSource));
  const top: CellAddress = { sheet: 'Big', row: 1, col: 1 };

  it('a built-in reads an open range once, cell by cell', () => {
    reads.count = 0;
    expect(bigEngine.evaluate('=SUM(H2:H)', top, bigSource)).toBe(rows / 2);
    expect(reads.count).toBe(rows);
  });

  it('a custom function gets the whole range as one 2-D array, read once', () => {
    reads.count = 0;
    expect(bigEngine.evaluate('=HEIGHT(H2:H)', top, bigSource)).toBe(rows);
    expect(reads.count).toBe(rows);
  });

  it('one conditional-format rule over 50,000 cells, shifted and evaluated per cell', () => {
    const rule = '=$K2="Breach"';
    let hits = 0;
    for (let row = 2; row <= rows + 1; row++) {
      const formula = bigEngine.shift(rule, row - 2, 0);
      if (bigEngine.evaluate(formula, { sheet: 'Big', row, col: 1 }, bigSource) === true) hits++;
    }
    expect(hits).toBe(Math.floor((rows + 1) / 3));
  });
});
