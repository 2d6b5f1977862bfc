import {
  type A1Reference,
  columnToLetters,
  formatA1,
  lettersToColumn,
  parseA1,
  resolveA1,
} from '../../emulator/a1';
import { renameSheetInReferences, shiftReferences } from '../../emulator/formula-refs';

describe('column letters', () => {
  test.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
    [18278, 'ZZZ'],
  ])('%i <-> %s', (n, letters) => {
    expect(columnToLetters(n)).toBe(letters);
    expect(lettersToColumn(letters)).toBe(n);
  });
});

function ref(text: string): A1Reference {
  const parsed = parseA1(text);
  if (!parsed) throw new Error(`not a reference: ${text}`);
  return parsed;
}

describe('parseA1', () => {
  test('cells and boxes, in either corner order', () => {
    expect(parseA1('B3')).toEqual({ startRow: 3, startCol: 2, endRow: 3, endCol: 2 });
    expect(parseA1('$B$3:A1')).toEqual({ startRow: 1, startCol: 1, endRow: 3, endCol: 2 });
  });

  test('open forms: whole columns, whole rows, to the last row', () => {
    expect(resolveA1(ref('C:C'), 1000, 26)).toEqual({
      row: 1,
      col: 3,
      numRows: 1000,
      numCols: 1,
      openRows: true,
      openCols: false,
    });
    expect(resolveA1(ref('2:2'), 1000, 26)).toMatchObject({
      row: 2,
      col: 1,
      numRows: 1,
      numCols: 26,
      openCols: true,
    });
    expect(resolveA1(ref('A2:C'), 1000, 26)).toMatchObject({ row: 2, col: 1, numRows: 999, numCols: 3 });
  });

  test('sheet prefixes, quoted or not', () => {
    expect(parseA1('KPIs!A1')?.sheet).toBe('KPIs');
    expect(parseA1("'Key results'!A1:B2")?.sheet).toBe('Key results');
    expect(parseA1("'It''s'!A1")?.sheet).toBe("It's");
  });

  test('rejects what is not a reference', () => {
    for (const text of ['', 'A', '5', 'A0', 'A1:', '1A', 'A1:B2:C3', 'hello world'])
      expect(parseA1(text)).toBeUndefined();
  });

  test('formatA1 keeps the open form', () => {
    expect(formatA1({ row: 1, col: 3, numRows: 1000, numCols: 1 }, true)).toBe('C:C');
    expect(formatA1({ row: 2, col: 1, numRows: 999, numCols: 3 }, true)).toBe('A2:C');
    expect(formatA1({ row: 5, col: 1, numRows: 1, numCols: 26 }, false, true)).toBe('5:5');
    expect(formatA1({ row: 2, col: 2, numRows: 2, numCols: 3 })).toBe('B2:D3');
    expect(formatA1({ row: 7, col: 28, numRows: 1, numCols: 1 })).toBe('AB7');
  });
});

describe('formula references follow inserted and deleted rows', () => {
  const insertRows = { dim: 'rows', kind: 'insert', at: 3, count: 2 } as const;
  const deleteRow = { dim: 'rows', kind: 'delete', at: 3, count: 1 } as const;

  test('cells and ranges below the insertion move; ranges across it grow', () => {
    expect(shiftReferences('=A2+A3+$B$10', 'S', 'S', insertRows)).toBe('=A2+A5+$B$12');
    expect(shiftReferences('=SUM(B2:B10)', 'S', 'S', insertRows)).toBe('=SUM(B2:B12)');
    expect(shiftReferences('=KPI_STATUS(H2:H, 0.9)', 'S', 'S', insertRows)).toBe('=KPI_STATUS(H2:H, 0.9)');
    expect(shiftReferences('=SUM(C:C)', 'S', 'S', insertRows)).toBe('=SUM(C:C)');
  });

  test('a deleted cell becomes #REF!, a range shrinks', () => {
    expect(shiftReferences('=A3*2', 'S', 'S', deleteRow)).toBe('=#REF!*2');
    expect(shiftReferences('=SUM(A2:A4)', 'S', 'S', deleteRow)).toBe('=SUM(A2:A3)');
  });

  test('only references to the changed sheet move; strings and function names stay', () => {
    expect(shiftReferences('=Other!A5+A5', 'S', 'Other', insertRows)).toBe('=Other!A7+A5');
    expect(shiftReferences('=A5&"A5"&LOG10(A5)', 'S', 'S', insertRows)).toBe('=A7&"A5"&LOG10(A7)');
  });

  test('columns', () => {
    expect(shiftReferences('=$C1+B1', 'S', 'S', { dim: 'cols', kind: 'insert', at: 2, count: 1 })).toBe(
      '=$D1+C1',
    );
  });

  test('renaming a sheet renames its references', () => {
    expect(renameSheetInReferences("=KPIs!A1+'kpis'!B2+Other!C3", 'KPIs', 'Key results')).toBe(
      "='Key results'!A1+'Key results'!B2+Other!C3",
    );
  });
});
