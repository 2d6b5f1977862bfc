import { type CellValue, groupKeyResults, objectiveKey } from '../../src/core';

function group(objectives: CellValue[], scores: CellValue[], weights: CellValue[] = []) {
  return groupKeyResults({ objectives, scores, weightAt: (r) => weights[r] });
}

describe('groupKeyResults', () => {
  it('groups key results by objective in first-seen order, with their weights', () => {
    const groups = group(['Grow', 'Delight', 'Grow'], [0.5, 1, 0.2], [2, '', 1]);
    expect(groups.map((g) => [g.key, g.count, g.scores])).toEqual([
      [
        'Grow',
        2,
        [
          { score: 0.5, weight: 2 },
          { score: 0.2, weight: 1 },
        ],
      ],
      ['Delight', 1, [{ score: 1, weight: 1 }]],
    ]);
  });

  it('carries an objective written on its first row down to the key results below it', () => {
    const groups = group(['Grow', '', '', 'Delight', ''], [0.5, 0.7, '', 0.1, 0.3]);
    expect(groups.map((g) => [g.key, g.count, g.scores.map((s) => s.score)])).toEqual([
      ['Grow', 2, [0.5, 0.7]],
      ['Delight', 2, [0.1, 0.3]],
    ]);
  });

  it('counts a key result not scored yet when its objective is written on its row', () => {
    const groups = group(['Grow', 'Grow'], [0.5, '']);
    expect(groups.map((g) => [g.count, g.scores.length])).toEqual([[2, 1]]);
  });

  it('compares names trimmed and case-sensitive, and keeps the first as typed', () => {
    const groups = group([' Grow ', 'Grow', 'grow'], [0.1, 0.2, 0.3]);
    expect(groups.map((g) => [g.key, g.shown, g.count])).toEqual([
      ['Grow', ' Grow ', 2],
      ['grow', 'grow', 1],
    ]);
  });

  it('leaves a score with no objective above it out', () => {
    expect(group(['', 'Grow'], [0.4, 0.5]).map((g) => g.count)).toEqual([1]);
  });

  it.each([
    [[0.5, 'lots'], [], 'kr_scores #2 must be a number, got "lots"'],
    [[0.5, 'Error: target is blank'], [], 'kr_scores #2 is an error (Error: target is blank)'],
    [[0.5, -0.1], [], 'kr_scores #2 must be 0 or more (a score), got -0.1'],
    [[0.5, 0.2], [1, -2], 'kr_weights #2 must be 0 or more, got -2'],
    [[0.5, 0.2], [1, 'heavy'], 'kr_weights #2 must be a number, got "heavy"'],
  ])('names the bad row of its own objective only (%#)', (scores, weights, message) => {
    const groups = group(['Grow', 'Grow', 'Delight'], [...scores, 0.9], [...weights]);
    expect(groups.map((g) => g.problem)).toEqual([message, null]);
  });

  it('reads an objective name trimmed, and a blank one as none', () => {
    expect(objectiveKey('  Grow  ')).toBe('Grow');
    expect(objectiveKey('   ')).toBeNull();
    expect(objectiveKey(42)).toBe('42');
  });
});
