import fc from 'fast-check';
import { createWorkbook } from '../../emulator';
import { writeExactly } from '../../src/sheets/literal';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** What the cells of a fresh sheet hold after the add-on writes `texts` in one row. */
function storedAfterWrite(texts: readonly string[], format?: string) {
  const wb = createWorkbook({ timeZone: 'America/New_York' });
  const range = wb.sheet('Sheet1').getRange(1, 1, 1, texts.length);
  if (format) range.setNumberFormat(format);
  writeExactly(range as unknown as Range, [texts]);
  return { values: range.getValues()[0] ?? [], formulas: range.getFormulas()[0] ?? [] };
}

const exactly = (texts: readonly string[]) => ({ values: texts, formulas: texts.map(() => '') });

describe('writeExactly', () => {
  const typed = [
    '0123',
    'TRUE',
    'false',
    '2026-01-05',
    '1/5/2026',
    '45%',
    '1,000',
    '=IMPORTXML("http://x","//a")',
    '+1+1',
    '-5 users',
    "'quoted",
    ' 12 ',
    'KR-0001',
    'Weekly leads',
    '1e5',
    'Jan 5',
    '9:30 am',
  ];

  it('makes Sheets store every text exactly as it is, in plain-text cells too', () => {
    expect(storedAfterWrite(typed)).toEqual(exactly(typed));
    expect(storedAfterWrite(typed, '@')).toEqual(exactly(typed));
  });

  it('writes formulas as formulas, and numbers, booleans, dates and blanks as they are', () => {
    const wb = createWorkbook();
    const range = wb.sheet('Sheet1').getRange('A1:E1');
    const day = new Date(Date.UTC(2026, 0, 5));
    writeExactly(range as unknown as Range, [[{ formula: '=1+1' }, 12, true, day, '']]);
    expect(range.getFormulas()[0]).toEqual(['=1+1', '', '', '', '']);
    expect(range.getValues()[0]?.slice(1)).toEqual([12, true, day, '']);
  });

  it('reads the number formats only when some text needs protecting', () => {
    const wb = createWorkbook();
    const write = (row: string[]) => {
      wb.calls.reset();
      writeExactly(wb.globals.SpreadsheetApp.getActive().getRange('A1:B1'), [row]);
      return wb.calls.byMethod['Range.getNumberFormats'] ?? 0;
    };
    expect(write(['Weekly leads', 'On track'])).toBe(0);
    expect(write(['KR-1a2b3c4d', 'Leads dropped 35% versus the previous value'])).toBe(0);
    expect(write(['Weekly leads', '0123'])).toBe(1);
    expect(write(['Jan 5', 'Q4'])).toBe(1);
  });

  it('round-trips any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1 }), { minLength: 1, maxLength: 8 }),
        (texts) => {
          expect(storedAfterWrite(texts)).toEqual(exactly(texts));
        },
      ),
    );
  });
});
