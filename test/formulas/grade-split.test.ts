import { okrGradeSplit } from '../../src/formulas/grade-split';

const col = (...values: unknown[]) => values.map((v) => [v]);

describe('OKR_GRADE_SPLIT', () => {
  it('puts each score in its grade band column, keeping labels exactly', () => {
    expect(okrGradeSplit(col('Company', '  Grow', '    =Cut', ''), col(0.2, 0.5, 0.65, 0.9))).toEqual([
      ['Company', 0.2, '', ''],
      ['  Grow', '', 0.5, ''],
      ['    =Cut', '', '', 0.65],
    ]);
  });

  it('keeps a labelled row with no score blank, and is blank with no labels', () => {
    expect(okrGradeSplit(col('A', 'B'), col('', 1.2))).toEqual([
      ['A', '', '', ''],
      ['B', '', '', 1.2],
    ]);
    expect(okrGradeSplit(col('', ''), col('', ''))).toBe('');
  });

  it('names a bad score and mismatched heights', () => {
    expect(() => okrGradeSplit(col('A', 'B'), col(0.5, 'high'))).toThrow(
      'score #2 must be a number, got "high"',
    );
    expect(() => okrGradeSplit(col('A', 'B'), col(0.5, -1))).toThrow(
      'score #2 must be a number of 0 or more, got -1',
    );
    expect(() => okrGradeSplit(col('A', 'B'), col(0.5))).toThrow('labels has 2 rows but scores has 1');
  });
});
