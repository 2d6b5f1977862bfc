/**
 * The objective formulas in a spreadsheet, over the OKRs sheet Set up makes: their rows spill several
 * columns, and they follow what is typed with no script run.
 */
import { NOW, openAddon, values } from '../support/addon';

function setUpWithExamples() {
  const addon = openAddon({ clock: () => NOW });
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  return addon;
}

describe('objective formulas over the OKRs sheet', () => {
  it('group the example key results by objective and follow a typed change', () => {
    const { wb } = setUpWithExamples();
    const scratch = wb.spreadsheet.insertSheet('Scratch');
    scratch.getRange('A1').setFormula('=DROP(OKR_OBJECTIVES(OKRs!A1:A, OKRs!M1:M, OKRs!H1:H), 1)');
    // Delight: 0.5 and 0; Grow: conversion 0.4 weighted 2, users 0.7, the milestone 0.
    const rows = values(wb, 'Scratch', 'A1:C2');
    expect(rows.map((r) => r[0])).toEqual([
      'Delight customers with fast, reliable service',
      'Grow the business',
    ]);
    expect(rows[0]?.[1]).toBeCloseTo(0.25, 9);
    expect(rows[1]?.[1]).toBeCloseTo((0.8 + 0.7) / 4, 9);
    expect(rows.map((r) => r[2])).toEqual([2, 3]);
    // The objective written on the first key result's row only: the rows below still belong to it.
    wb.sheet('OKRs')
      .getRange('A5:A6')
      .setValues([[''], ['']]);
    expect(values(wb, 'Scratch', 'A2:C2')[0]?.[2]).toBe(3);
    wb.sheet('OKRs').getRange('G6').setValue(true);
    expect(values(wb, 'Scratch', 'B2')[0]?.[0]).toBeCloseTo((0.8 + 0.7 + 1) / 4, 9);
  });

  it('score a tree of objectives and list it indented, with grades', () => {
    const { wb } = setUpWithExamples();
    const scratch = wb.spreadsheet.insertSheet('Scratch');
    scratch.getRange('A1:C3').setValues([
      ['Be the best', '', ''],
      ['Grow the business', 'Be the best', true],
      ['Delight customers with fast, reliable service', 'Be the best', false],
    ]);
    scratch
      .getRange('D1')
      .setFormula('=OKR_OBJECTIVE_SCORES(A1:A3, B1:B3, C1:C3, OKRs!A1:A, OKRs!M1:M, OKRs!H1:H)');
    scratch.getRange('F1').setFormula('=OKR_TREE(A1:A3, B1:B3, E1:E3)');
    scratch.getRange('I1').setFormula('=OKR_GRADE(E1:E3)');
    const grow = (0.8 + 0.7) / 4;
    const scores = values(wb, 'Scratch', 'D1:E3');
    expect(scores.map((r) => r[0])).toEqual([0, 3, 2]);
    // The company objective has no key result of its own: Grow's score alone (Delight is aligned only).
    expect(scores[0]?.[1]).toBeCloseTo(grow, 9);
    expect(values(wb, 'Scratch', 'F1:F3').flat()).toEqual([
      'Be the best',
      '  Grow the business',
      '  Delight customers with fast, reliable service',
    ]);
    expect(values(wb, 'Scratch', 'H1:H3').flat()).toEqual([0, 1, 1]);
    expect(values(wb, 'Scratch', 'I1:I3').flat()).toEqual(['yellow', 'yellow', 'red']);
    // A loop typed in: the rows concerned say so, the sheet does not hang.
    scratch.getRange('B1').setValue('Grow the business');
    expect(values(wb, 'Scratch', 'E1:E2').flat()).toEqual([
      'Error: parent objectives loop: "Be the best" -> "Grow the business" -> "Be the best"',
      'Error: parent objectives loop: "Be the best" -> "Grow the business" -> "Be the best"',
    ]);
  });
});
