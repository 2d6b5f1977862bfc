import fc from 'fast-check';
import { okrRollup } from '../../src/formulas/custom-functions';
import { okrGrade, okrObjectiveScores, okrObjectives, okrTree } from '../../src/formulas/objective-functions';

const col = (...values: unknown[]) => values.map((v) => [v]);

describe('OKR_OBJECTIVES', () => {
  it('gives one row per objective, first seen first: name as typed, roll-up, key results', () => {
    const result = okrObjectives(
      col(' Grow the business', 'Delight customers', 'Grow the business', '', ''),
      col(0.4, 1, 0.7, 0.1, ''),
      col(2, 1, 1, 1, ''),
    );
    // Grow: (0.4*2 + 0.7) / 3 = 0.5; the carried-down row 4 belongs to Grow too: (0.8 + 0.7 + 0.1) / 4.
    expect(result).toEqual([
      [' Grow the business', 0.4, 3],
      ['Delight customers', 1, 1],
    ]);
  });

  it('rolls up each objective as OKR_ROLLUP does over its own rows', () => {
    const objectives = ['A', '', 'B', 'A', '', 'B'];
    const scores = [0.2, 0.9, '', 1.3, 0.5, 0.6];
    const weights = [1, 3, 2, '', 0, 2];
    const result = okrObjectives(col(...objectives), col(...scores), col(...weights));
    expect(result).toEqual([
      ['A', okrRollup(col(0.2, 0.9, 1.3, 0.5), col(1, 3, '', 0)), 4],
      ['B', okrRollup(col('', 0.6), col(2, 2)), 2],
    ]);
  });

  it('is blank for an objective with nothing scored, and for a table with no objective', () => {
    expect(okrObjectives(col('A', 'A'), col('', ''))).toEqual([['A', '', 2]]);
    expect(okrObjectives(col('', ''), col('', ''))).toBe('');
  });

  it('shows a bad row in its objective only, in a range call', () => {
    expect(okrObjectives(col('A', 'A', 'B'), col(0.5, 'lots', 0.3))).toEqual([
      ['A', 'Error: kr_scores #2 must be a number, got "lots"', 2],
      ['B', 0.3, 1],
    ]);
  });

  it('throws for a bad single cell, and for ranges of different heights', () => {
    expect(() => okrObjectives('A', 'lots')).toThrow('kr_scores #1 must be a number, got "lots"');
    expect(() => okrObjectives(col('A', 'B'), col(0.1, 0.2, 0.3))).toThrow(
      'kr_scores has 3 rows but kr_objectives has 2: ranges must be the same height',
    );
    expect(okrObjectives('A', 0.5)).toEqual([['A', 0.5, 1]]);
  });
});

describe('OKR_OBJECTIVE_SCORES', () => {
  const kr = {
    objectives: col('Company', 'Delight', '', 'Grow', 'Ops'),
    scores: col(0.9, 0.5, 0.0, 0.4, 0.1),
  };
  const scores = (objectives: unknown[], parents: unknown[], counts: unknown[]) =>
    okrObjectiveScores(col(...objectives), col(...parents), col(...counts), kr.objectives, kr.scores);

  it('scores each objective from its own key results and its counting children', () => {
    expect(
      scores(
        ['Company', 'Delight', 'Grow', 'Ops', ''],
        ['', 'Company', 'Company', 'Company', ''],
        [true, '', 'TRUE', false, ''],
      ),
    ).toEqual([
      // Company: its own 0.9, Delight 0.25 and Grow 0.4 as one key result each; Ops aligned only.
      [1, (0.9 + 0.25 + 0.4) / 3],
      [2, 0.25],
      [1, 0.4],
      [1, 0.1],
      ['', ''],
    ]);
  });

  it('gives an objective without key results its children alone, or a blank', () => {
    expect(scores(['Top', 'Delight', 'Lonely'], ['', 'Top', ''], ['', '', ''])).toEqual([
      [0, 0.25],
      [2, 0.25],
      [0, ''],
    ]);
  });

  it('shows a missing parent and a loop on the rows concerned, and scores the others', () => {
    expect(
      scores(['Delight', 'Grow', 'Ops', 'Company'], ['Nowhere', 'Ops', 'Grow', ''], ['', '', '', '']),
    ).toEqual([
      [2, 'Error: parent objective "Nowhere" of "Delight" is not in the objectives list'],
      [1, 'Error: parent objectives loop: "Grow" -> "Ops" -> "Grow"'],
      [1, 'Error: parent objectives loop: "Grow" -> "Ops" -> "Grow"'],
      [1, 0.9],
    ]);
  });

  it('reports an objective its own parent; a call of single cells throws it', () => {
    expect(scores(['Grow', 'Company'], ['Grow', ''], ['', ''])).toEqual([
      [1, 'Error: parent objectives loop: "Grow" -> "Grow"'],
      [1, 0.9],
    ]);
    expect(() => okrObjectiveScores('Grow', 'Grow', '', kr.objectives, kr.scores)).toThrow(
      'parent objectives loop: "Grow" -> "Grow"',
    );
  });

  it('names an unreadable counts cell on its row and on the parent it would count toward', () => {
    expect(scores(['Company', 'Grow'], ['', 'Company'], ['', 'maybe'])).toEqual([
      [1, 'Error: child objective "Grow" counts toward it and has an error'],
      [1, 'Error: counts #2 must be TRUE or FALSE, got "maybe"'],
    ]);
  });

  it('takes weights of the key results and one weight for all', () => {
    const result = okrObjectiveScores(col('A'), col(''), col(''), col('A', 'A'), col(1, 0), col(3, 1));
    expect(result).toEqual([[2, 0.75]]);
    expect(okrObjectiveScores(col('A'), '', '', col('A', 'A'), col(1, 0), 2)).toEqual([[2, 0.5]]);
  });

  it('throws for list ranges of different heights', () => {
    expect(() => okrObjectiveScores(col('A', 'B'), col(''), col('', '', ''), col('A'), col(1))).toThrow(
      'counts has 3 rows but objectives has 2: ranges must be the same height',
    );
  });
});

describe('OKR_TREE', () => {
  it('lists each parent before its children, indented two spaces a level, with score and depth', () => {
    expect(
      okrTree(
        col('Delight', 'Company', 'Grow', 'Sub', '', 'Other'),
        col('Company', '', 'Company', 'Grow', '', ''),
        col(0.25, 0.5, 0.4, '', '', 1),
      ),
    ).toEqual([
      ['Company', 0.5, 0],
      ['  Delight', 0.25, 1],
      ['  Grow', 0.4, 1],
      ['    Sub', '', 2],
      ['Other', 1, 0],
    ]);
  });

  it('keeps the text exact beyond the indent', () => {
    expect(okrTree(col(' Top ', '=not a formula'), col('', 'Top'), col('', ''))).toEqual([
      [' Top ', '', 0],
      ['  =not a formula', '', 1],
    ]);
  });

  it('shows a loop after the tree with its error, and a bad score on its row', () => {
    expect(okrTree(col('A', 'B', 'C'), col('B', 'A', ''), col(0.1, 0.2, 'lots'))).toEqual([
      ['C', 'Error: scores #3 must be a number, got "lots"', 0],
      ['A', 'Error: parent objectives loop: "A" -> "B" -> "A"', 0],
      ['B', 'Error: parent objectives loop: "A" -> "B" -> "A"', 0],
    ]);
    expect(() => okrTree('A', 'A', 0.5)).toThrow('parent objectives loop: "A" -> "A"');
  });

  it('is blank for an empty list', () => {
    expect(okrTree(col('', ''), col('', ''), col('', ''))).toBe('');
  });
});

describe('OKR_GRADE', () => {
  it('grades by band, blank for blank, row by row', () => {
    expect(okrGrade(0.7)).toBe('green');
    expect(okrGrade(col(0, 0.35, 0.65, '', '50%'))).toEqual(col('red', 'yellow', 'green', '', 'yellow'));
  });

  it('names a bad score', () => {
    expect(() => okrGrade('lots')).toThrow('score must be a number, got "lots"');
    expect(okrGrade(col(0.5, 'Error: x'))).toEqual(col('yellow', 'Error: score is an error (Error: x)'));
  });
});

describe('objective formulas, for any key-results table', () => {
  const names = fc.constantFrom('', 'A', 'B', ' A', 'C');
  const table = fc.array(
    fc.tuple(names, fc.oneof(fc.constant(''), fc.double({ min: 0, max: 1.5, noNaN: true })), fc.nat(4)),
    { minLength: 2, maxLength: 30 },
  );

  it('keeps each objective score within its key results and counts every key result once', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const result = okrObjectives(
          rows.map(([o]) => [o]),
          rows.map(([, s]) => [s]),
          rows.map(([, , w]) => [w]),
        );
        const total = rows.filter(
          ([o, s], i) => o !== '' || (s !== '' && rows.slice(0, i).some(([a]) => a !== '')),
        ).length;
        const counted = result === '' ? 0 : result.reduce((n, row) => n + (row[2] as number), 0);
        expect(counted).toBe(total);
        if (result === '') return;
        for (const [, score] of result) {
          if (score === '') continue;
          const all = rows.flatMap(([, s]) => (s === '' ? [] : [s]));
          expect(score as number).toBeGreaterThanOrEqual(Math.min(...all));
          expect(score as number).toBeLessThanOrEqual(Math.max(...all));
        }
      }),
      { numRuns: 300 },
    );
  });
});
