import { createWorkbook } from '../../emulator';

function setup(options: Parameters<typeof createWorkbook>[0] = {}) {
  const wb = createWorkbook({ timeZone: 'Europe/Paris', ...options });
  const sheet = wb.globals.SpreadsheetApp.getActiveSheet();
  return { wb, sheet };
}

describe('getValues', () => {
  test('is 1-based, shaped like the range, with "" for blanks', () => {
    const { sheet } = setup();
    sheet.getRange(2, 3).setValue(7);
    const values = sheet.getRange(1, 2, 3, 2).getValues();
    expect(values).toEqual([
      ['', ''],
      ['', 7],
      ['', ''],
    ]);
    expect(sheet.getRange('C2').getValue()).toBe(7);
  });

  test('returns fresh copies: mutating them changes nothing', () => {
    const { sheet } = setup();
    const when = new Date('2025-03-01T10:00:00Z');
    sheet.getRange('A1:B1').setValues([[1, when]]);
    const first = sheet.getRange('A1:B1').getValues();
    const [firstRow = []] = first;
    firstRow[0] = 99;
    (firstRow[1] as Date).setFullYear(1999);
    const [againRow = []] = sheet.getRange('A1:B1').getValues();
    expect(againRow[0]).toBe(1);
    expect((againRow[1] as Date).getTime()).toBe(when.getTime());
  });

  test('keeps the types: numbers, text, booleans, dates', () => {
    const { sheet } = setup();
    const when = new Date('2025-01-31T00:00:00Z');
    sheet.getRange('A1:D1').setValues([[1.5, 'x', true, when]]);
    const [row] = sheet.getRange('A1:D1').getValues();
    expect(row?.slice(0, 3)).toEqual([1.5, 'x', true]);
    expect(row?.[3]).toBeInstanceOf(Date);
  });
});

describe('getRange bounds', () => {
  test('new sheets are 1000 x 26', () => {
    const { sheet } = setup();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
  });

  test.each([
    [() => [0, 1], 'The starting row of the range is too small.'],
    [() => [1, 0], 'The starting column of the range is too small.'],
    [() => [1001, 1], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [() => [1, 27], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [() => [999, 1, 5, 1], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [() => [1, 1, 0, 1], 'The number of rows in the range must be at least 1.'],
  ])('getRange(%#) throws', (args, message) => {
    const { sheet } = setup();
    const [row = 1, col = 1, rows = 1, cols = 1] = args();
    expect(() => sheet.getRange(row, col, rows, cols)).toThrow(message);
  });

  test('A1 forms outside the grid or malformed throw', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1001')).toThrow('outside the dimensions of the sheet');
    expect(() => sheet.getRange('AA1')).toThrow('outside the dimensions of the sheet');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  test('errors read like Apps Script exceptions', () => {
    const { sheet } = setup();
    try {
      sheet.getRange(0, 1);
      throw new Error('expected a throw');
    } catch (error) {
      expect(String(error)).toBe('Exception: The starting row of the range is too small.');
    }
  });

  test('whole columns, whole rows and open-ended ranges', () => {
    const { sheet } = setup();
    const column = sheet.getRange('B:B');
    expect([column.getRow(), column.getColumn(), column.getNumRows(), column.getNumColumns()]).toEqual([
      1, 2, 1000, 1,
    ]);
    expect(column.getA1Notation()).toBe('B:B');
    const row = sheet.getRange('3:3');
    expect([row.getRow(), row.getNumRows(), row.getNumColumns(), row.getA1Notation()]).toEqual([
      3,
      1,
      26,
      '3:3',
    ]);
    const open = sheet.getRange('A2:C');
    expect([open.getRow(), open.getNumRows(), open.getLastRow(), open.getA1Notation()]).toEqual([
      2,
      999,
      1000,
      'A2:C',
    ]);
  });

  test('offset and getCell stay 1-based and bounded', () => {
    const { sheet } = setup();
    const range = sheet.getRange('B2:C3');
    expect(range.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(range.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => range.getCell(3, 1)).toThrow('Cell reference out of range');
    expect(() => range.offset(-2, 0)).toThrow('too small');
  });
});

describe('setValues', () => {
  test('rejects data whose shape differs from the range, naming both sizes', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      sheet.getRange('A1:B2').setValues([
        [1, 2],
        [3, 4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  test("'=' makes a formula, a leading apostrophe keeps text", () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['=B1', "'=1+1", "'007"]]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=B1', '', '']]);
    expect(sheet.getRange('B1:C1').getValues()).toEqual([['=1+1', '007']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=B1');
  });

  test('numeric, percent, boolean and date texts are read as Sheets reads typed input', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['12', '4.5', '45%', 'TRUE', '2025-03-31', 'twelve']]);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect(row?.slice(0, 4)).toEqual([12, 4.5, 0.45, true]);
    expect(row?.[4]).toBeInstanceOf(Date);
    expect(row?.[5]).toBe('twelve');
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([
      ['12', '4.5', '45%', 'TRUE', '2025-03-31', 'twelve'],
    ]);
  });

  test('an entry starting with a sign is a formula; blanks around a number are ignored', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([['+1+1', '-5 users', ' 12 ', '-']]);
    expect(sheet.getRange('A1:D1').getFormulas()).toEqual([['=+1+1', '=-5 users', '', '']]);
    expect(sheet.getRange('C1:D1').getValues()).toEqual([[12, '-']]);
  });

  test("a plain-text cell ('@') keeps text, formulas included", () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range.setNumberFormat('@');
    range.setValues([['12', '=HYPERLINK("x")']]);
    expect(range.getValues()).toEqual([['12', '=HYPERLINK("x")']]);
    expect(range.getFormulas()).toEqual([['', '']]);
    expect(range.getNumberFormat()).toBe('@');
  });

  test('null and undefined clear; setValue fills every cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[1, 2]]);
    sheet.getRange('A1:B1').setValues([[null, undefined]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });
});

describe('display values and formats', () => {
  test.each([
    [0.456, '0%', '46%'],
    [0.456, '0.0%', '45.6%'],
    [3.14559, '0.00', '3.15'],
    [1234567.891, '#,##0', '1,234,568'],
    [1234.5, '#,##0.00', '1,234.50'],
    [-0.5, '0.0', '-0.5'],
    [42, '"KR "0', 'KR 42'],
    [1 / 3, '0.###############', '0.3333333333'],
    [12, '@', '12'],
  ])('%p as %s shows %s', (value, format, shown) => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setValue(value);
    cell.setNumberFormat(format);
    expect(cell.getDisplayValue()).toBe(shown);
  });

  test('dates in the spreadsheet time zone', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setValue(new Date('2025-03-31T22:30:00Z')); // 1 April 00:30 in Paris
    cell.setNumberFormat('yyyy-mm-dd');
    expect(cell.getDisplayValue()).toBe('2025-04-01');
    cell.setNumberFormat('d mmm yyyy h:mm');
    expect(cell.getDisplayValue()).toBe('1 Apr 2025 0:30');
  });

  test('unformatted cells report the general format', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
    expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([['0.###############', '0.###############']]);
  });

  test('formatting is recorded per cell', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B2');
    range
      .setBackground('#FF0000')
      .setFontWeight('bold')
      .setFontColor('white')
      .setHorizontalAlignment('center')
      .setWrap(true);
    sheet.getRange('B2').setBackground(null);
    expect(range.getBackgrounds()).toEqual([
      ['#ff0000', '#ff0000'],
      ['#ff0000', '#ffffff'],
    ]);
    expect(range.getFontWeights()[0]).toEqual(['bold', 'bold']);
    expect(range.getFontColor()).toBe('#ffffff');
    expect(range.getHorizontalAlignment()).toBe('center');
    expect(range.getWrap()).toBe(true);
  });

  test('notes', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNote('why');
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['why', '']]);
    sheet.getRange('A1').clearNote();
    expect(sheet.getRange('A1').getNote()).toBe('');
  });
});

describe('clearing', () => {
  test('clearContent keeps formats; clear removes both', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setValue(5).setBackground('#00ff00').setNumberFormat('0.00');
    cell.clearContent();
    expect([cell.getValue(), cell.getBackground(), cell.getNumberFormat()]).toEqual(['', '#00ff00', '0.00']);
    cell.setValue(5);
    cell.clear();
    expect([cell.getValue(), cell.getBackground(), cell.getNumberFormat()]).toEqual([
      '',
      '#ffffff',
      '0.###############',
    ]);
  });
});

describe('data validation and checkboxes', () => {
  test('checkboxes set the cells to false and toggle', () => {
    const { wb, sheet } = setup();
    const range = sheet.getRange('A1:A2');
    range.insertCheckboxes();
    expect(range.getValues()).toEqual([[false], [false]]);
    expect(range.isChecked()).toBe(false);
    sheet.getRange('A1').check();
    expect(range.isChecked()).toBeNull();
    range.check();
    expect(range.isChecked()).toBe(true);
    const rule = range.getDataValidation();
    expect(rule?.getCriteriaType()).toBe(wb.globals.SpreadsheetApp.DataValidationCriteria.CHECKBOX);
  });

  test('lists and number limits', () => {
    const { wb, sheet } = setup();
    const app = wb.globals.SpreadsheetApp;
    const list = app
      .newDataValidation()
      .requireValueInList(['higher', 'lower'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('B2:B5').setDataValidation(list);
    const got = sheet.getRange('B3').getDataValidation();
    expect(got?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(got?.getCriteriaValues()).toEqual([['higher', 'lower'], true]);
    expect(got?.getAllowInvalid()).toBe(false);
    const between = app.newDataValidation().requireNumberBetween(0, 1).setHelpText('0 to 1').build();
    sheet.getRange('C2').setDataValidation(between);
    expect(sheet.getRange('C2').getDataValidation()?.getHelpText()).toBe('0 to 1');
    expect(sheet.getRange('D2').getDataValidation()).toBeNull();
    sheet.getRange('B2:B5').clearDataValidations();
    expect(sheet.getRange('B3').getDataValidation()).toBeNull();
  });
});

describe('Range.sort', () => {
  test('sorts the range rows only, blanks last', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['c', 3],
      ['', 9],
      ['a', 1],
      ['B', 2],
    ]);
    sheet.getRange('A1:B4').sort({ column: 1, ascending: true });
    expect(sheet.getRange('A1:B4').getValues()).toEqual([
      ['a', 1],
      ['B', 2],
      ['c', 3],
      ['', 9],
    ]);
    sheet.getRange('A1:B4').sort([{ column: 2, ascending: false }]);
    expect(sheet.getRange('B1:B4').getValues()).toEqual([[9], [3], [2], [1]]);
  });
});

describe('RangeList', () => {
  test('formats every range in one write', () => {
    const { wb, sheet } = setup();
    wb.calls.reset();
    const list = sheet.getRangeList(['A1', 'C2:D3']);
    list.setNumberFormat('0%').setFontWeight('bold');
    expect(wb.calls.byKind.write).toBe(2);
    const general = '0.###############';
    expect(sheet.getRange('A1:D3').getNumberFormats()).toEqual([
      ['0%', general, general, general],
      [general, general, '0%', '0%'],
      [general, general, '0%', '0%'],
    ]);
    expect(sheet.getRange('A1:D1').getFontWeights()).toEqual([['bold', 'normal', 'normal', 'normal']]);
    expect(list.getRanges().map((range) => range.getA1Notation())).toEqual(['A1', 'C2:D3']);
  });

  test('a notation outside the sheet fails as getRange does', () => {
    const { sheet } = setup();
    expect(() => sheet.getRangeList(['A1', 'A1001'])).toThrow('outside the dimensions of the sheet');
    expect(() => sheet.getRangeList(['A1', 'no such'])).toThrow('Range not found');
  });

  test('a custom function may not format through it', () => {
    const { wb, sheet } = setup();
    wb.setFormulaEngine({
      evaluate: () => {
        try {
          wb.globals.SpreadsheetApp.getActiveSheet().getRangeList(['B1']).setFontWeight('bold');
          return 'formatted';
        } catch (error) {
          return (error as Error).message;
        }
      },
      shift: (formula) => formula,
    });
    sheet.getRange('A1').setFormula('=PROBE()');
    expect(sheet.getRange('A1').getValue()).toBe(
      'You do not have permission to call RangeList.setFontWeight',
    );
  });
});
