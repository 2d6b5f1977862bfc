import { createWorkbook } from '../../emulator';

function setup() {
  const wb = createWorkbook();
  const app = wb.globals.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  return { wb, app, ss, sheet };
}

function findOne(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string) {
  const found = ss.createDeveloperMetadataFinder().withKey(key).find();
  expect(found).toHaveLength(1);
  return found[0] as GoogleAppsScript.Spreadsheet.DeveloperMetadata;
}

describe('developer metadata', () => {
  test('on the spreadsheet, a sheet, a row and a column', () => {
    const { app, ss, sheet } = setup();
    ss.addDeveloperMetadata('okr.version', '3');
    sheet.addDeveloperMetadata('okr.table', 'key-results');
    sheet.getRange('5:5').addDeveloperMetadata('okr.row', 'KR-7');
    sheet
      .getRange('C:C')
      .addDeveloperMetadata('okr.column', 'score', app.DeveloperMetadataVisibility.PROJECT);

    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['okr.version']);
    expect(sheet.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['key-results']);
    const column = findOne(ss, 'okr.column');
    expect(column.getVisibility()).toBe(app.DeveloperMetadataVisibility.PROJECT);
    expect(column.getLocation().getLocationType()).toBe(app.DeveloperMetadataLocationType.COLUMN);
    expect(column.getLocation().getColumn()?.getA1Notation()).toBe('C:C');
    expect(column.getLocation().getRow()).toBeNull();
    const row = findOne(ss, 'okr.row');
    expect(row.getLocation().getRow()?.getRow()).toBe(5);
    expect(row.getLocation().getSheet()).toBeNull();
    expect(findOne(ss, 'okr.table').getLocation().getSheet()?.getName()).toBe('Sheet1');
    expect(
      sheet
        .getRange('5:5')
        .getDeveloperMetadata()
        .map((m) => m.getValue()),
    ).toEqual(['KR-7']);
  });

  test('a partial range cannot hold metadata', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:C3').addDeveloperMetadata('x')).toThrow(
      'Adding developer metadata to arbitrary ranges is not currently supported.',
    );
    expect(() => sheet.getRange('A5:C5').addDeveloperMetadata('x')).toThrow('arbitrary ranges');
  });

  test('column metadata follows its column when columns are inserted or deleted before it', () => {
    const { ss, sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('score');
    sheet.insertColumnBefore(1);
    expect(findOne(ss, 'score').getLocation().getColumn()?.getColumn()).toBe(4);
    sheet.insertColumnsAfter(5, 2); // after it: no move
    sheet.deleteColumn(2);
    expect(findOne(ss, 'score').getLocation().getColumn()?.getColumn()).toBe(3);
    sheet.deleteColumn(3);
    expect(ss.createDeveloperMetadataFinder().withKey('score').find()).toEqual([]);
  });

  test('row metadata follows its row through inserts and sorts', () => {
    const { ss, sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.getRange('A1:B4').setValues([
      ['kr', 'score'],
      ['KR-1', 0.9],
      ['KR-2', 0.1],
      ['KR-3', 0.5],
    ]);
    sheet.getRange('2:2').addDeveloperMetadata('kr', 'KR-1');
    sheet.insertRowsBefore(2, 2);
    expect(findOne(ss, 'kr').getLocation().getRow()?.getRow()).toBe(4);
    sheet.sort(2);
    const row = findOne(ss, 'kr').getLocation().getRow();
    expect(row?.getRow()).toBe(4);
    expect(row?.getValues()[0]?.slice(0, 2)).toEqual(['KR-1', 0.9]);
    expect(sheet.getRange('A2:A4').getValues().flat()).toEqual(['KR-2', 'KR-3', 'KR-1']);
  });

  test('finders filter by key, value, location type and id, within their scope', () => {
    const { app, ss, sheet } = setup();
    const other = ss.insertSheet('Other');
    sheet.getRange('2:2').addDeveloperMetadata('kr', 'a');
    sheet.getRange('3:3').addDeveloperMetadata('kr', 'b');
    other.getRange('2:2').addDeveloperMetadata('kr', 'c');
    sheet.getRange('B:B').addDeveloperMetadata('col');
    const rows = app.DeveloperMetadataLocationType.ROW;
    expect(ss.createDeveloperMetadataFinder().withKey('kr').find()).toHaveLength(3);
    expect(sheet.createDeveloperMetadataFinder().withLocationType(rows).find()).toHaveLength(2);
    expect(
      sheet
        .createDeveloperMetadataFinder()
        .withValue('b')
        .find()
        .map((m) => m.getValue()),
    ).toEqual(['b']);
    expect(
      sheet
        .getRange('1:2')
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getValue()),
    ).toEqual(['a']);
    expect(sheet.getRange('A1:D5').createDeveloperMetadataFinder().find()).toEqual([]);
    expect(
      sheet.getRange('A1:D5').createDeveloperMetadataFinder().onIntersectingLocations().find(),
    ).toHaveLength(3);
    const id = findOne(ss, 'col').getId();
    expect(ss.createDeveloperMetadataFinder().withId(id).find()[0]?.getKey()).toBe('col');
  });

  test('setValue, remove, and deletion of the row', () => {
    const { ss, sheet } = setup();
    sheet.getRange('4:4').addDeveloperMetadata('k', 'v1');
    findOne(ss, 'k').setValue('v2');
    expect(findOne(ss, 'k').getValue()).toBe('v2');
    findOne(ss, 'k').remove();
    expect(ss.getDeveloperMetadata()).toEqual([]);
    sheet.getRange('4:4').addDeveloperMetadata('k2');
    expect(findOne(ss, 'k2').getValue()).toBeNull();
    sheet.deleteRows(3, 2);
    expect(ss.createDeveloperMetadataFinder().find()).toEqual([]);
  });
});
