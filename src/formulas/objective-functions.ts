/**
 * The objective-level custom functions: objectives grouped from a key-results table, their scores
 * through the alignment tree, the tree itself and the grade band. Thin wrappers over core.
 *
 * Errors: a call whose inputs are all single cells throws (#ERROR! with the message). A range call
 * keeps every row: a row whose objective cannot be scored (a bad key-result score, a parent missing
 * from the list, a loop) shows `Error: ...` in its score cell, and every other row is still computed,
 * so one bad link does not blank the whole tree.
 */
import {
  alignObjectives,
  type CellValue,
  gradeOf,
  groupKeyResults,
  InputError,
  type KeyResultColumns,
  type ObjectiveGroup,
  type OwnKeyResults,
  readObjectiveLink,
  readScore,
  rollUp,
  scoreObjectives,
} from '../core';
import { broadcast, type Column, errorCell, type Output, readColumns } from './broadcast';

/** The rows a call computes; a call of single cells computes one, and throws on a problem. */
function finish(height: number, rows: Output[][], problems: readonly string[]): Output[][] | '' {
  if (height === 0 && problems.length > 0) throw new Error(problems[0]);
  return rows.length === 0 ? '' : rows;
}

function cellsOf(column: Column, height: number): CellValue[] {
  return Array.from({ length: Math.max(height, 1) }, (_, r) => column.at(r));
}

function keyResultColumns(
  krObjectives: unknown,
  krScores: unknown,
  krWeights: unknown,
): KeyResultColumns & { height: number } {
  const { columns, height } = readColumns([
    ['kr_objectives', krObjectives],
    ['kr_scores', krScores],
    ['kr_weights', krWeights],
  ] as const);
  const [objectives, scores, weights] = columns;
  return {
    objectives: cellsOf(objectives, height),
    scores: cellsOf(scores, height),
    weightAt: weights.at,
    height,
  };
}

/** An objective's cell as typed: text stays exactly that text. */
function shown(cell: CellValue): string | number {
  return typeof cell === 'number' || typeof cell === 'string' ? cell : String(cell);
}

/** One row per objective of a key-results table, first seen first: [objective, score, key results]. */
export function okrObjectives(
  krObjectives: unknown,
  krScores: unknown,
  krWeights?: unknown,
): Output[][] | '' {
  const kr = keyResultColumns(krObjectives, krScores, krWeights);
  const groups = groupKeyResults(kr);
  const rows = groups.map((group): Output[] => [
    shown(group.shown),
    group.problem === null ? (rollUp(group.scores) ?? '') : errorCell(group.problem),
    group.count,
  ]);
  return finish(
    kr.height,
    rows,
    groups.flatMap((g) => (g.problem === null ? [] : [g.problem])),
  );
}

const NO_KEY_RESULTS: OwnKeyResults = { scores: [], problem: null };

/** For each row of an objectives list: [its own key results, its score through the counting links]. */
export function okrObjectiveScores(
  objectives: unknown,
  parents: unknown,
  counts: unknown,
  krObjectives: unknown,
  krScores: unknown,
  krWeights?: unknown,
): Output[][] | '' {
  const { columns, height } = readColumns([
    ['objectives', objectives],
    ['parents', parents],
    ['counts', counts],
  ] as const);
  const [names, parentCells, countCells] = columns;
  const links = cellsOf(names, height).map((cell, r) =>
    readObjectiveLink(cell, parentCells.at(r), countCells.at(r), r + 1),
  );
  const groups = new Map<string, ObjectiveGroup>(
    groupKeyResults(keyResultColumns(krObjectives, krScores, krWeights)).map((g) => [g.key, g]),
  );
  const groupOf = (r: number) => {
    const link = links[r];
    return link ? groups.get(link.key) : undefined;
  };
  const scores = scoreObjectives(links, alignObjectives(links), (r) => groupOf(r) ?? NO_KEY_RESULTS);
  const problems: string[] = [];
  const rows = scores.map((result, r): Output[] => {
    if (result === null) return ['', ''];
    const count = groupOf(r)?.count ?? 0;
    if (result.ok) return [count, result.score ?? ''];
    problems.push(result.problem);
    return [count, errorCell(result.problem)];
  });
  return finish(height, rows, problems);
}

const INDENT = '  ';

/** The objectives in tree order: [objective indented two spaces a level, score, depth]. */
export function okrTree(objectives: unknown, parents: unknown, scores: unknown): Output[][] | '' {
  const { columns, height } = readColumns([
    ['objectives', objectives],
    ['parents', parents],
    ['scores', scores],
  ] as const);
  const [names, parentCells, scoreCells] = columns;
  const nameCells = cellsOf(names, height);
  const links = nameCells.map((cell, r) => readObjectiveLink(cell, parentCells.at(r), '', r + 1));
  const { order, problems } = alignObjectives(links);
  const seen: string[] = [];
  const rows = order.map(({ row, depth }): Output[] => {
    const name = nameCells[row];
    const label = depth === 0 ? shown(name) : INDENT.repeat(depth) + String(name);
    const problem = problems[row] ?? null;
    if (problem !== null) {
      seen.push(problem);
      return [label, errorCell(problem), depth];
    }
    try {
      return [label, readScore(scoreCells.at(row), `scores #${row + 1}`) ?? '', depth];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      seen.push(error.message);
      return [label, errorCell(error.message), depth];
    }
  });
  return finish(height, rows, seen);
}

/** The grade band of a score: red, yellow or green (GRADE_BANDS); blank for a blank score. */
export function okrGrade(score: unknown): Output | Output[][] {
  return broadcast([['score', score]] as const, ([scores]) => (r) => {
    const value = readScore(scores.at(r), 'score');
    return value === null ? '' : gradeOf(value);
  });
}
