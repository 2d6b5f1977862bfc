/**
 * The preview's .xlsx export keeps the highlights: the demo workbook saved and opened again has every
 * conditional-format rule (ranges, condition, colours), in the file as Excel reads it and in the
 * reopened workbook, where the colours are painted again from the rules.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Workbook } from '../../emulator';
import { formatA1 } from '../../emulator/a1';
import { sheetImpl } from '../../emulator/boundary';
import { type Addon, openAddon } from '../../preview/worker/addon';
import { buildDemo } from '../../preview/worker/demo';
import { exportXlsx } from '../../preview/worker/xlsx-export';
import { importXlsx } from '../../preview/worker/xlsx-import';
import { type ImportedRule, rulesFromXlsx, rulesToXlsx } from '../../preview/worker/xlsx-rules';

const DIST = join(__dirname, '../../dist');
const TIME_ZONE = 'Europe/Paris';
const RED = '#f4c7c3';

/** A sheet's rules as plain data: ranges in A1, condition, format. */
function rulesOf(wb: Workbook, sheet: string) {
  return sheetImpl(wb.sheet(sheet)).model.rules.map((rule) => ({
    ranges: rule.ranges.map((area) => formatA1(area)),
    criteria: rule.criteria,
    values: rule.values,
    format: rule.format,
  }));
}

describe('a workbook saved as .xlsx and opened again', () => {
  let demo: Addon;
  let reopened: Addon;
  let book: ExcelJS.Workbook;
  let dir: string;

  beforeAll(async () => {
    demo = openAddon(DIST, TIME_ZONE);
    buildDemo(demo);
    const bytes = await exportXlsx(demo.wb, demo.entryPoints.functions);
    dir = mkdtempSync(join(tmpdir(), 'okr-xlsx-'));
    writeFileSync(join(dir, 'demo.xlsx'), bytes);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'demo.xlsx'));
    reopened = openAddon(DIST, TIME_ZONE);
    expect(await importXlsx(reopened.wb, join(dir, 'demo.xlsx'), TIME_ZONE)).toEqual([]);
  }, 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('has every highlight rule of every sheet again: ranges, formula and colours, in order', () => {
    const sheets = demo.wb.sheetNames();
    expect(reopened.wb.sheetNames()).toEqual(sheets);
    const withRules = sheets.filter((name) => rulesOf(demo.wb, name).length > 0);
    expect(withRules).toEqual(expect.arrayContaining(['OKRs', 'KPIs', 'Team KPIs']));
    for (const name of sheets)
      expect({ name, rules: rulesOf(reopened.wb, name) }).toEqual({ name, rules: rulesOf(demo.wb, name) });
  });

  test('writes them in the file as Excel reads them: an expression over the range, a solid fill', () => {
    const ws = book.getWorksheet('KPIs');
    const formattings = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    const demoRules = rulesOf(demo.wb, 'KPIs');
    expect(formattings).toHaveLength(demoRules.length);
    const breach = demoRules.findIndex((rule) => String(rule.values[0]).includes('="Breach"'));
    const written = formattings[breach];
    expect(written?.ref).toBe(demoRules[breach]?.ranges.join(' '));
    expect(written?.rules[0]).toMatchObject({
      type: 'expression',
      priority: breach + 1,
      formulae: [String(demoRules[breach]?.values[0]).slice(1)],
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF4C7C3' } } },
    });
  });

  test('shows every cell as before, formulas over named ranges included', () => {
    const named = (wb: Workbook) =>
      wb.spreadsheet
        .getNamedRanges()
        .map((n) => `${n.getName()}=${n.getRange().getSheet().getName()}!${n.getRange().getA1Notation()}`);
    expect(named(reopened.wb)).toEqual(named(demo.wb));
    expect(named(demo.wb)).toContain('AsOfDate=OKR Settings!B5');
    for (const name of demo.wb.sheetNames()) {
      const shown = (wb: Workbook) => wb.snapshot(name).cells.map((line) => line.map((cell) => cell.display));
      expect({ name, cells: shown(reopened.wb) }).toEqual({ name, cells: shown(demo.wb) });
    }
  });

  test('paints the colours from the rules again, and no longer as fixed fills', () => {
    expect(demo.wb.snapshot('KPIs').cells[3]?.[11]?.display).toBe('Breach');
    expect(reopened.wb.snapshot('KPIs').cells[3]?.[11]?.background).toBe(RED);
    expect(book.getWorksheet('KPIs')?.getCell('L4').fill).toBeUndefined();
  });
});

/** Written with exceljs and read back from the file's bytes, as a saved workbook would be. */
async function throughFile(
  formattings: readonly ExcelJS.ConditionalFormattingOptions[],
): Promise<ExcelJS.ConditionalFormattingOptions[]> {
  const written = new ExcelJS.Workbook();
  const sheet = written.addWorksheet('S');
  for (const formatting of formattings) sheet.addConditionalFormatting(formatting);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await written.xlsx.writeBuffer());
  return (
    book.getWorksheet('S') as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
  ).conditionalFormattings;
}

describe('conditions in .xlsx', () => {
  const format = { background: '#b7e1cd', fontColor: '#990000', bold: true };
  const ranges = [
    { row: 2, col: 3, numRows: 9, numCols: 1 },
    { row: 2, col: 5, numRows: 9, numCols: 1 },
  ];
  const conditions = [
    ['CUSTOM_FORMULA', ['=AND(ISTEXT("x"),$L2="Breach")']],
    ['NUMBER_BETWEEN', [1, 5]],
    ['NUMBER_NOT_BETWEEN', [1, 5]],
    ['NUMBER_EQUAL_TO', [0.5]],
    ['NUMBER_NOT_EQUAL_TO', [-2]],
    ['NUMBER_GREATER_THAN', [10]],
    ['NUMBER_GREATER_THAN_OR_EQUAL_TO', [10]],
    ['NUMBER_LESS_THAN', [1e-3]],
    ['NUMBER_LESS_THAN_OR_EQUAL_TO', [3]],
    ['TEXT_EQUAL_TO', ['say "done"']],
    ['TEXT_CONTAINS', ['risk']],
    ['TEXT_DOES_NOT_CONTAIN', ['ok']],
    ['TEXT_STARTS_WITH', ['Off']],
    ['TEXT_ENDS_WITH', ['track']],
    ['CELL_EMPTY', []],
    ['CELL_NOT_EMPTY', []],
  ] as const;
  let read: ReturnType<typeof rulesFromXlsx>;

  beforeAll(async () => {
    const specs = conditions.map(([criteria, values]) => ({ criteria, values, format, ranges }));
    read = rulesFromXlsx(await throughFile(rulesToXlsx(specs)));
  });

  test.each(conditions.map((condition, index) => [...condition, index] as const))(
    '%s goes out and comes back the same',
    (criteria, values, index) => {
      expect(read.rules[index]).toEqual({ criteria, values, format, ranges: ['C2:C10', 'E2:E10'] });
    },
  );

  test('every rule comes back, in order', () => {
    expect(read.rules.map((rule) => rule.criteria)).toEqual(conditions.map(([criteria]) => criteria));
    expect(read.leftOut).toEqual([]);
  });

  test("Excel's own rules are read as the condition they test; rules with no condition are reported", async () => {
    const style = { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFCE8B2' } } } as const;
    const read = rulesFromXlsx(
      await throughFile([
        {
          ref: 'B2:B20',
          rules: [
            { type: 'cellIs', operator: 'greaterThan', formulae: ['$H$1'], priority: 2, style },
            { type: 'containsText', operator: 'containsText', text: 'late', priority: 1, style },
            { type: 'colorScale', priority: 3, cfvo: [{ type: 'min' }, { type: 'max' }], color: [] },
          ],
        },
      ]),
    );
    const yellow = { background: '#fce8b2' };
    expect(read.rules).toEqual<ImportedRule[]>([
      { criteria: 'TEXT_CONTAINS', values: ['late'], format: yellow, ranges: ['B2:B20'] },
      { criteria: 'CUSTOM_FORMULA', values: ['=B2>$H$1'], format: yellow, ranges: ['B2:B20'] },
    ]);
    expect(read.leftOut).toEqual(['colorScale']);
  });
});

describe('a chart in .xlsx', () => {
  test('is not written (exceljs cannot), but its anchor cell gets a note saying what stood there', async () => {
    const addon = openAddon(DIST, TIME_ZONE);
    const sheet = addon.wb.spreadsheet.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange('A1:B3').setValues([
      ['Objective', 'Score'],
      ['Grow', 0.7],
      ['Retain', 0.4],
    ]);
    sheet.insertChart(
      sheet
        .newChart()
        .addRange(sheet.getRange('A1:B3'))
        .setPosition(5, 4, 0, 0)
        .asBarChart()
        .setTitle('Scores')
        .build(),
    );
    const book = new ExcelJS.Workbook();
    const folder = mkdtempSync(join(tmpdir(), 'okr-xlsx-chart-'));
    try {
      writeFileSync(join(folder, 'chart.xlsx'), await exportXlsx(addon.wb, addon.entryPoints.functions));
      await book.xlsx.readFile(join(folder, 'chart.xlsx'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const ws = book.getWorksheet(sheet.getName());
    expect(ws?.getCell('D5').note).toBe(
      'A bar chart "Scores" of Sheet1!A1:B3 is anchored here in the spreadsheet; this .xlsx does not carry it ' +
        '(the preview writes no charts).',
    );
    expect(ws?.getCell('B2').value).toBe(0.7);
  });
});
