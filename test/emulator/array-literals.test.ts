import { createWorkbook } from '../../emulator';
import { ARRAY_FUNCTION, rewriteArrayLiterals } from '../../emulator/array-literals';
import { createFormulaEngine } from '../../emulator/formula-engine';

describe('array literals with expressions', () => {
  test('are rewritten only when an item is not a constant', () => {
    expect(rewriteArrayLiterals('=SPARKLINE({1,2,3})')).toBeNull();
    expect(rewriteArrayLiterals('=SPARKLINE({0.9,0.95,I2})')).toBe(
      `=SPARKLINE(${ARRAY_FUNCTION}(1,3,0.9,0.95,I2))`,
    );
    expect(rewriteArrayLiterals('=SPARKLINE(K2,{"charttype","bar";"color1",IF(K2>0.5,"green","red")})')).toBe(
      `=SPARKLINE(K2,${ARRAY_FUNCTION}(2,2,"charttype","bar","color1",IF(K2>0.5,"green","red")))`,
    );
  });

  test('leave braces inside strings alone', () => {
    expect(rewriteArrayLiterals('=CONCAT("{", A1, "}")')).toBeNull();
    expect(rewriteArrayLiterals('=IF(A1, "say ""{x}""", {1,B1})')).toBe(
      `=IF(A1, "say ""{x}""", ${ARRAY_FUNCTION}(1,2,1,B1))`,
    );
  });

  test('evaluate in the emulator as Sheets would', () => {
    const wb = createWorkbook();
    wb.setFormulaEngine(createFormulaEngine({}));
    const sheet = wb.sheet('Sheet1');
    sheet.getRange('A1').setValue(0.4);
    sheet
      .getRange('B1')
      .setFormula('=SPARKLINE(A1,{"charttype","bar";"color1",IF(A1>=0.35,"#fbbc04","#ea4335")})');
    sheet.getRange('C1').setFormula('=SPARKLINE({1,2,A1})');
    const [, bar, line] = wb.snapshot('Sheet1').cells[0] ?? [];
    expect(bar?.value).toEqual({
      kind: 'sparkline',
      data: [0.4],
      options: { charttype: 'bar', color1: '#fbbc04' },
    });
    expect(line?.value).toEqual({ kind: 'sparkline', data: [1, 2, 0.4], options: {} });
  });
});
