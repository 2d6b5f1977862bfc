/**
 * Alignment: an objective may name a parent objective. The link either counts (the child's score is one
 * key result of its parent, weight 1) or is aligned only (shown in the tree, never in the parent's
 * score). Parent links are checked here once: a parent missing from the list, a name listed twice and
 * a loop (A -> B -> A, or an objective its own parent) are problems of the rows concerned, found
 * without ever following a loop, so no roll-up can recurse endlessly.
 */
import { type CellValue, readChoice } from './cell';
import { describe, InputError } from './errors';
import { rollUp, type WeightedScore } from './objective';
import { objectiveKey } from './objective-groups';

/** One row of an objectives list. */
export interface ObjectiveLink {
  readonly key: string;
  readonly parent: string | null;
  /** Whether the objective's score counts toward its parent's (false: aligned only). */
  readonly counts: boolean;
  /** Why the row's own cells cannot be read (its counts cell), if so. */
  readonly problem: string | null;
}

const COUNTS_SPELLINGS: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
};

/**
 * A row of an objectives list, or null for a blank objective. A blank counts cell counts (the usual
 * link); an unreadable one also counts, so its parent's score shows the problem rather than a guess.
 */
export function readObjectiveLink(
  objective: CellValue,
  parent: CellValue,
  counts: CellValue,
  row: number,
): ObjectiveLink | null {
  const key = objectiveKey(objective);
  if (key === null) return null;
  try {
    const read = readChoice(counts, `counts #${row}`, COUNTS_SPELLINGS, 'TRUE or FALSE');
    return { key, parent: objectiveKey(parent), counts: read ?? true, problem: null };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { key, parent: objectiveKey(parent), counts: true, problem: error.message };
  }
}

/** A row's place in the tree. */
export interface TreePlace {
  readonly row: number;
  readonly depth: number;
}

export interface Alignment {
  /** By row (0-based): the rows whose parent it is, in list order. */
  readonly children: readonly (readonly number[])[];
  /** By row: why the row is wrong (its own cells, its parent link, a loop), or null. */
  readonly problems: readonly (string | null)[];
  /**
   * Every objective row once, each parent before its children, depth first: the roots in list order
   * (rows without a parent, or whose link is wrong), then each row of a loop with what hangs under it.
   */
  readonly order: readonly TreePlace[];
}

const NO_PARENT = -1;

/** The loop named from its first row in the list, whichever row the walk met it at. */
function loopMessage(walked: readonly number[], links: readonly (ObjectiveLink | null)[]): string {
  const first = walked.indexOf(Math.min(...walked));
  const loop = [...walked.slice(first), ...walked.slice(0, first)];
  const names = [...loop, loop[0] as number].map((i) => describe((links[i] as ObjectiveLink).key));
  return `parent objectives loop: ${names.join(' -> ')}`;
}

/** Marks every row on a loop of parent links with the loop's message; each row is walked once. */
function markLoops(
  parentOf: readonly number[],
  links: readonly (ObjectiveLink | null)[],
  problems: (string | null)[],
): boolean[] {
  const onLoop = parentOf.map(() => false);
  const state = parentOf.map(() => 0); // 0 unseen, 1 on the current walk, 2 done
  for (let start = 0; start < parentOf.length; start++) {
    const walk: number[] = [];
    let at = start;
    while (at !== NO_PARENT && state[at] === 0) {
      state[at] = 1;
      walk.push(at);
      at = parentOf[at] as number;
    }
    if (at !== NO_PARENT && state[at] === 1) {
      const loop = walk.slice(walk.indexOf(at));
      const message = loopMessage(loop, links);
      for (const i of loop) {
        onLoop[i] = true;
        problems[i] = message;
      }
    }
    for (const i of walk) state[i] = 2;
  }
  return onLoop;
}

function treeOrder(
  roots: readonly number[],
  children: readonly (readonly number[])[],
  onLoop: readonly boolean[],
): TreePlace[] {
  const order: TreePlace[] = [];
  const stack: TreePlace[] = [...roots].reverse().map((row) => ({ row, depth: 0 }));
  while (stack.length > 0) {
    const place = stack.pop() as TreePlace;
    order.push(place);
    const under = (children[place.row] ?? []).filter((c) => !onLoop[c]);
    for (let k = under.length - 1; k >= 0; k--)
      stack.push({ row: under[k] as number, depth: place.depth + 1 });
  }
  return order;
}

/** Checks the parent links of an objectives list (null: a blank row) and places every row in the tree. */
export function alignObjectives(links: readonly (ObjectiveLink | null)[]): Alignment {
  const rowOf = new Map<string, number>();
  const problems: (string | null)[] = links.map((link) => link?.problem ?? null);
  const parentOf = links.map(() => NO_PARENT);
  links.forEach((link, i) => {
    if (!link) return;
    const first = rowOf.get(link.key);
    if (first === undefined) rowOf.set(link.key, i);
    else
      problems[i] ??=
        `objective ${describe(link.key)} is listed twice (objectives #${first + 1} and #${i + 1})`;
  });
  links.forEach((link, i) => {
    if (!link || link.parent === null || rowOf.get(link.key) !== i) return;
    const parent = rowOf.get(link.parent);
    if (parent === undefined) {
      problems[i] ??=
        `parent objective ${describe(link.parent)} of ${describe(link.key)} is not in the objectives list`;
    } else parentOf[i] = parent;
  });
  const onLoop = markLoops(parentOf, links, problems);
  const children: number[][] = links.map(() => []);
  parentOf.forEach((parent, i) => {
    if (parent !== NO_PARENT) children[parent]?.push(i);
  });
  const roots = links.flatMap((link, i) => (link && parentOf[i] === NO_PARENT ? [i] : []));
  const loopRows = links.flatMap((_, i) => (onLoop[i] ? [i] : []));
  const order = treeOrder([...roots, ...loopRows], children, onLoop);
  return { children, problems, order };
}

/** An objective's rolled-up score (null: nothing scored yet), or why it has none. */
export type ObjectiveScore =
  | { readonly ok: true; readonly score: number | null }
  | { readonly ok: false; readonly problem: string };

/** An objective's own key results, as grouped from the key-results table. */
export interface OwnKeyResults {
  readonly scores: readonly WeightedScore[];
  readonly problem: string | null;
}

/**
 * Each row's score: the weighted mean of its own key results and of each child whose link counts (the
 * child's rolled-up score as one key result of weight 1). Children are scored before their parents, in
 * the reverse of the tree order, so nothing recurses. A counting child with a problem spoils its parent;
 * an aligned-only child never changes it.
 */
export function scoreObjectives(
  links: readonly (ObjectiveLink | null)[],
  alignment: Alignment,
  own: (row: number) => OwnKeyResults,
): (ObjectiveScore | null)[] {
  const scores: (ObjectiveScore | null)[] = links.map(() => null);
  for (let k = alignment.order.length - 1; k >= 0; k--) {
    const { row } = alignment.order[k] as TreePlace;
    scores[row] = scoreOne(row, links, alignment, own(row), scores);
  }
  return scores;
}

function scoreOne(
  row: number,
  links: readonly (ObjectiveLink | null)[],
  alignment: Alignment,
  own: OwnKeyResults,
  scores: readonly (ObjectiveScore | null)[],
): ObjectiveScore {
  const problem = alignment.problems[row] ?? own.problem;
  if (problem !== null) return { ok: false, problem };
  const items = [...own.scores];
  for (const child of alignment.children[row] ?? []) {
    const link = links[child] as ObjectiveLink;
    if (!link.counts) continue;
    const result = scores[child] as ObjectiveScore;
    if (!result.ok) {
      return {
        ok: false,
        problem: `child objective ${describe(link.key)} counts toward it and has an error`,
      };
    }
    if (result.score !== null) items.push({ score: result.score, weight: 1 });
  }
  return { ok: true, score: rollUp(items) };
}
