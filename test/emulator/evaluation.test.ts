import { createWorkbook } from '../../emulator';
import { createFormulaEngine } from '../../emulator/formula-engine';
import { fakeEvaluator } from './fake-evaluator';

function setup() {
  const engine = fakeEvaluator();
  const wb = createWorkbook({ formulaEngine: engine });
  const sheet = wb.globals.SpreadsheetApp.getActiveSheet();
  return { wb, engine, sheet };
}

describe('formula cells', () => {
  test('show their computed value; getFormulas shows the text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[5, '=A1']]);
    expect(sheet.getRange('B1').getValue()).toBe(5);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1');
    sheet.getRange('A1').setValue(6);
    expect(sheet.getRange('B1').getValue()).toBe(6);
  });

  test('a thrown error shows #ERROR!; without an engine formulas show #NAME?', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1').setFormula('=FAIL("boom")');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
    expect(wb.snapshot('Sheet1').cells[0]?.[0]?.value).toEqual({
      kind: 'error',
      code: '#ERROR!',
      message: 'boom',
    });
    wb.setFormulaEngine(undefined);
    expect(sheet.getRange('A1').getValue()).toBe('#NAME?');
  });

  test('a sparkline cell reads as "" and keeps its data for the preview', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1').setFormula('=SPARK()');
    expect(sheet.getRange('A1').getValues()).toEqual([['']]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('');
    expect(wb.snapshot('Sheet1').cells[0]?.[0]?.value).toEqual({
      kind: 'sparkline',
      data: [1, 2, 3],
      options: { charttype: 'bar' },
    });
  });

  test('references to other sheets, and a circular reference', () => {
    const { wb, sheet } = setup();
    const other = wb.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Other');
    other.getRange('C3').setValue('there');
    sheet.getRange('A1:B1').setValues([['=Other!C3', '=B1']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['there', '#REF!']]);
  });

  test('setFormula on a range moves relative references from the top-left cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=A1'], ['=A2'], ['=A3']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[1], [2], [3]]);
  });
});

describe('spilling', () => {
  test('a 2-D result spills down and right; only the origin holds the formula', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setFormula('=SEQ(3, 2)');
    expect(sheet.getRange('B2:C4').getValues()).toEqual([
      [11, 12],
      [21, 22],
      [31, 32],
    ]);
    expect(sheet.getRange('B2:C3').getFormulas()).toEqual([
      ['=SEQ(3, 2)', ''],
      ['', ''],
    ]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 3]);
  });

  test('a spill blocked by a value shows #REF! and spills nothing', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1').setFormula('=SEQ(3, 1)');
    sheet.getRange('A3').setValue('in the way');
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['#REF!'], [''], ['in the way']]);
    const [origin] = wb.snapshot('Sheet1').cells[0] ?? [];
    expect(origin?.value).toEqual({
      kind: 'error',
      code: '#REF!',
      message: 'Array result was not expanded because it would overwrite data in A3.',
    });
    sheet.getRange('A3').clearContent();
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[11], [21], [31]]);
  });

  test('a spill past the last row shows #REF!', () => {
    const { sheet } = setup();
    sheet.getRange('A999').setFormula('=SEQ(3, 1)');
    expect(sheet.getRange('A999').getValue()).toBe('#REF!');
  });

  test('a column formula reading blanks does not start the formulas to its right too early', () => {
    const { sheet } = setup();
    sheet.getRange('A2:A3').setValues([[1], [2]]);
    sheet.getRange('B2').setFormula('=COLUMN_OF(A2:A5)'); // A4:A5 are blank
    sheet.getRange('C2').setFormula('=COLUMN_OF(B2:B5)'); // reads B2 and B2's spill
    expect(sheet.getRange('A2:C5').getValues()).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  test('other formulas read spilled cells', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=SEQ(3, 1)');
    sheet.getRange('B1').setFormula('=A3');
    expect(sheet.getRange('B1').getValue()).toBe(31);
  });
});

describe('caching', () => {
  test('values are computed once per change, not once per read', () => {
    const { engine, sheet } = setup();
    sheet.getRange('A1').setFormula('=SEQ(100, 1)');
    sheet.getRange('B1').setFormula('=A50');
    for (let i = 0; i < 10; i++) sheet.getRange('A1:B100').getValues();
    expect(engine.evaluations).toBe(2);
    sheet.getRange('C1').setValue('change');
    sheet.getRange('A1:B100').getValues();
    expect(engine.evaluations).toBe(4);
  });

  test('a 50,000-row sheet with a column formula computes every row', () => {
    const { wb, sheet } = setup();
    wb.spreadsheet.getSheets()[0]?.insertRowsAfter(1000, 49_100);
    const rows = 50_000;
    const data = Array.from({ length: rows - 1 }, (_, i) => [`KR ${i}`, i]);
    sheet.getRange(2, 1, rows - 1, 2).setValues(data);
    sheet.getRange('C2').setFormula(`=COLUMN_OF(B2:B${rows})`);
    sheet.getRange('D1').setFormula('=C50000');
    const values = sheet.getRange(1, 1, rows, 4).getValues();
    expect(values[rows - 1]).toEqual([`KR ${rows - 2}`, rows - 2, rows - 2, '']);
    expect(values[0]?.[3]).toBe(rows - 2);
    for (let i = 0; i < 100; i++) sheet.getRange(2 + i * 400, 3).getValue();
    expect(sheet.getLastRow()).toBe(rows);
  });
});

test('a long running total read from its last row does not recurse row by row', () => {
  const { sheet } = setup();
  const rows = 20_000;
  sheet.insertRowsAfter(1000, rows - 1000);
  sheet.getRange('A1').setValue(1);
  sheet.getRange(2, 1, rows - 1, 1).setFormulas(Array.from({ length: rows - 1 }, (_, i) => [`=A${i + 1}`]));
  expect(sheet.getRange(rows, 1).getValue()).toBe(1);
});

describe('structure changes rewrite formulas', () => {
  test('inserting rows above moves the references', () => {
    const { sheet } = setup();
    sheet.getRange('A5').setValue(42);
    sheet.getRange('B1').setFormula('=A5');
    sheet.insertRowsBefore(2, 3);
    expect(sheet.getRange('B1').getFormula()).toBe('=A8');
    expect(sheet.getRange('B1').getValue()).toBe(42);
  });

  test('deleting the referenced row makes #REF!', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setFormula('=A5');
    sheet.deleteRow(5);
    expect(sheet.getRange('B1').getFormula()).toBe('=#REF!');
  });

  test('renaming a sheet renames references to it', () => {
    const { wb, sheet } = setup();
    const other = wb.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Data');
    other.getRange('A1').setValue(1);
    sheet.getRange('A1').setFormula('=Data!A1');
    other.setName('Inputs');
    expect(sheet.getRange('A1').getFormula()).toBe('=Inputs!A1');
    expect(sheet.getRange('A1').getValue()).toBe(1);
  });

  test('sorting rows keeps each formula pointing at its own row', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[3], [1], [2]]);
    sheet.getRange('B1:B3').setFormula('=A1');
    sheet.sort(1);
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=A1'], ['=A2'], ['=A3']]);
  });
});

test('appending rows to a full sheet of formulas computes the appended rows', () => {
  const { sheet } = setup();
  sheet.getRange(1, 1, 1000, 1).setFormulas(Array.from({ length: 1000 }, (_, i) => [`=B${i + 1}`]));
  for (let i = 0; i < 200; i++) sheet.appendRow([`=B${1001 + i}`, i]);
  expect(sheet.getMaxRows()).toBe(1200);
  expect(sheet.getRange('A1200').getValue()).toBe(199);
});

describe('a formula reading a range to its right', () => {
  test('does not leave a formula between them with its spill read too early', () => {
    const wb = createWorkbook({ formulaEngine: createFormulaEngine({}) });
    const sheet = wb.globals.SpreadsheetApp.getActiveSheet();
    sheet.getRange('D1:D2').setValues([['x'], ['y']]);
    // A1 spills three values and reads D1:D9, whose blanks make the sheet evaluate B1 (left of D)
    // while A1 is still being evaluated; B1 reads A1's spill, which is not there yet.
    sheet.getRange('A1').setFormula('=VSTACK("n", 10, COUNTA(D1:D9))');
    sheet.getRange('B1').setFormula('=SUM(A2:A3)');
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      ['n', 12],
      [10, ''],
      [2, ''],
    ]);
  });
});
