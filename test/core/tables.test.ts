import { columnLetter, matchTitles, missingRequired } from '../../src/core';

describe('matchTitles', () => {
  it("finds the add-on's own layout by its titles, outputs included, case and punctuation folded", () => {
    expect(matchTitles('okr', ['Objective', 'key result', 'Score', 'KR_ID', 'Notes'])).toEqual({
      objective: 1,
      keyResult: 2,
      score: 3,
      id: 4,
    });
  });
});

describe('missingRequired', () => {
  it('lists missing required columns', () => {
    expect(missingRequired('kpi', { name: 1 })).toEqual(['value', 'target']);
    // Something to judge against: a target alone will do, or a limit alone.
    expect(missingRequired('kpi', { name: 1, value: 2, target: 3 })).toEqual([]);
    expect(missingRequired('kpi', { name: 1, value: 2, critical: 3 })).toEqual([]);
    expect(missingRequired('okr', { keyResult: 1, target: 2, current: 3 })).toEqual([]);
  });
});

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('%p is %p', (n, letters) => expect(columnLetter(n)).toBe(letters));
});
