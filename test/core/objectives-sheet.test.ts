import fc from 'fast-check';
import {
  type CellValue,
  isFormula,
  keyResultArguments,
  lastInputRow,
  matchObjectiveTitles,
  missingObjectives,
  OBJECTIVE_LAYOUT,
  OBJECTIVE_TITLES,
  objectiveKey,
  objectiveOutputBlocks,
  objectiveOutputs,
  objectiveRow,
} from '../../src/core';

const TITLES = OBJECTIVE_LAYOUT.map((field) => OBJECTIVE_TITLES[field]);
const MAP = matchObjectiveTitles(TITLES);

function layout() {
  if (!MAP) throw new Error('the layout reads as itself');
  return MAP;
}

describe('matchObjectiveTitles', () => {
  it('finds every column by its title, case and punctuation folded, wherever it is', () => {
    expect(layout()).toEqual({
      objective: 1,
      parent: 2,
      counts: 3,
      team: 4,
      keyResults: 5,
      score: 6,
      grade: 7,
      status: 8,
      progress: 9,
    });
    const moved = ['Notes', 'TEAM', ...TITLES.filter((t) => t !== 'Team').map((t) => t.toLowerCase())];
    expect(matchObjectiveTitles(moved)).toMatchObject({ team: 2, objective: 3, progress: 10 });
  });

  it('is null unless every column is there', () => {
    expect(matchObjectiveTitles(TITLES.filter((t) => t !== 'Grade'))).toBeNull();
    expect(matchObjectiveTitles(['Goal', 'Score'])).toBeNull();
  });
});

describe('keyResultArguments', () => {
  const okrs = { sheetName: 'OKRs', headerRow: 1, map: { objective: 1, score: 13, weight: 8 } };
  const team = { sheetName: "Bo's OKRs", headerRow: 3, map: { objective: 2, score: 9 } };

  it("reads one table's columns from its header row down, by their letters", () => {
    expect(keyResultArguments([okrs])).toEqual(["'OKRs'!A1:A", "'OKRs'!M1:M", "'OKRs'!H1:H"]);
  });

  it('stacks several tables, and passes weights only when every table has them', () => {
    expect(keyResultArguments([okrs, team])).toEqual([
      "VSTACK('OKRs'!A1:A, 'Bo''s OKRs'!B3:B)",
      "VSTACK('OKRs'!M1:M, 'Bo''s OKRs'!I3:I)",
    ]);
  });

  it('leaves out a table without an objective or a score, and passes blanks when none is left', () => {
    const noObjective = { sheetName: 'X', headerRow: 1, map: { score: 4 } };
    expect(keyResultArguments([noObjective, okrs])).toEqual(keyResultArguments([okrs]));
    expect(keyResultArguments([noObjective])).toEqual(['""', '""']);
  });
});

describe('objectiveOutputs and their blocks', () => {
  it('writes the header formulas in row 1 and a progress bar on each row that holds an objective', () => {
    const { plans, problem } = objectiveOutputs(layout(), []);
    expect(problem).toBeNull();
    const blocks = objectiveOutputBlocks(layout(), plans, (row) => row === 2 || row === 4, 4);
    expect(blocks).toHaveLength(1);
    const [block] = blocks;
    expect(block?.row).toBe(1);
    expect(block?.column).toBe(5);
    const [header, ...rows] = block?.values ?? [];
    expect(header?.map((cell) => (isFormula(cell) ? cell.formula : cell))).toEqual([
      '=VSTACK({"Key results", "Score"}, DROP(OKR_OBJECTIVE_SCORES(A1:A, B1:B, C1:C, "", ""), 1))',
      '',
      '=VSTACK("Grade", DROP(OKR_GRADE(F1:F), 1))',
      '=VSTACK("Status", DROP(OKR_STATUS(F1:F, CycleStart, CycleEnd, AsOfDate, AtRiskGap, OffTrackGap), 1))',
      'Progress',
    ]);
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['', '', '', ''],
      ['', '', '', ''],
      ['', '', '', ''],
    ]);
    expect(rows.map((row) => isFormula(row[4] as never))).toEqual([true, false, true]);
  });

  it('says so, and writes neither, when Score no longer follows Key results', () => {
    const map = { ...layout(), score: 9, progress: 10 };
    const { plans, problem } = objectiveOutputs(map, []);
    expect(problem).toMatch(/"Score" column must stay right after "Key results"/);
    expect(plans.keyResults).toBeUndefined();
    expect(plans.score).toBeUndefined();
    // Grade, Status and Progress are still written, in runs of adjacent columns.
    const blocks = objectiveOutputBlocks(map, plans, () => false, 1);
    expect(blocks.map((b) => [b.column, b.values[0]?.length])).toEqual([
      [7, 2],
      [10, 1],
    ]);
  });
});

describe('missingObjectives', () => {
  it('lists the objectives of the tables the list lacks, first seen first, as first typed', () => {
    expect(
      missingObjectives(
        ['Grow', '', ' Delight '],
        [
          [' Expand ', '', 'Grow', 'Expand', 'grow'],
          ['Delight', 'Hire', 42],
        ],
      ),
    ).toEqual([' Expand ', 'grow', 'Hire', 42]);
  });

  it('leaves every objective either listed or missing, once', () => {
    const name = fc.constantFrom('', 'A', ' A', 'a', 'B', 'C ', 7);
    fc.assert(
      fc.property(fc.array(name), fc.array(fc.array(name)), (listed, tables) => {
        const missing = missingObjectives(listed, tables);
        const keys = (cells: readonly CellValue[]) => cells.flatMap((c) => objectiveKey(c) ?? []);
        const after = new Set([...keys(listed), ...keys(missing)]);
        expect(keys(missing)).toHaveLength(new Set(keys(missing)).size);
        for (const key of keys(missing)) expect(keys(listed)).not.toContain(key);
        for (const key of keys(tables.flat())) expect(after.has(key)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rows of the Objectives sheet', () => {
  it('makes a new row counting toward a parent once one is named', () => {
    expect(objectiveRow(layout(), '=Ship v2')).toEqual(['=Ship v2', '', true, '']);
  });

  it('finds the last row the team typed in, past blank rows and computed cells', () => {
    const rows: CellValue[][] = [
      ['Grow', '', true, '', 3, 0.5],
      ['', '', '', '', '', ''],
      ['', '', '', 'Sales', '', ''],
      ['', '', '', '', 0, ''],
    ];
    expect(lastInputRow(layout(), rows)).toBe(4);
    expect(lastInputRow(layout(), [])).toBe(1);
  });
});
