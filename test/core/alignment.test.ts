import fc from 'fast-check';
import {
  alignObjectives,
  type ObjectiveLink,
  type OwnKeyResults,
  readObjectiveLink,
  scoreObjectives,
} from '../../src/core';

/** Links from [name, parent?, counts?] rows; null is a blank row. */
function links(rows: readonly ([string, string?, boolean?] | null)[]): (ObjectiveLink | null)[] {
  return rows.map((row) =>
    row === null ? null : { key: row[0], parent: row[1] ?? null, counts: row[2] ?? true, problem: null },
  );
}

function scored(rows: (ObjectiveLink | null)[], own: Record<string, number[]>) {
  const of = (r: number): OwnKeyResults => ({
    scores: (own[rows[r]?.key ?? ''] ?? []).map((score) => ({ score, weight: 1 })),
    problem: null,
  });
  return scoreObjectives(rows, alignObjectives(rows), of);
}

describe('readObjectiveLink', () => {
  it('reads the name and parent trimmed, and counts TRUE by default', () => {
    expect(readObjectiveLink(' Grow ', ' Company ', '', 2)).toEqual({
      key: 'Grow',
      parent: 'Company',
      counts: true,
      problem: null,
    });
    expect(readObjectiveLink('Grow', '', false, 2)?.counts).toBe(false);
    expect(readObjectiveLink('Grow', '', 'no', 2)?.counts).toBe(false);
    expect(readObjectiveLink('Grow', '', 'TRUE', 2)?.counts).toBe(true);
    expect(readObjectiveLink('  ', 'Company', true, 2)).toBeNull();
  });

  it('names an unreadable counts cell', () => {
    expect(readObjectiveLink('Grow', 'Company', 'maybe', 3)?.problem).toBe(
      'counts #3 must be TRUE or FALSE, got "maybe"',
    );
  });
});

describe('alignObjectives', () => {
  it('orders the tree depth first: each parent then its children, roots in list order', () => {
    const rows = links([['B', 'Co'], ['Co'], ['A', 'Co'], ['B1', 'B'], null, ['Other']]);
    const { order, problems } = alignObjectives(rows);
    expect(order.map(({ row, depth }) => [rows[row]?.key, depth])).toEqual([
      ['Co', 0],
      ['B', 1],
      ['B1', 2],
      ['A', 1],
      ['Other', 0],
    ]);
    expect(problems).toEqual([null, null, null, null, null, null]);
  });

  it('names a parent missing from the list, and the objective naming it', () => {
    const { problems, order } = alignObjectives(links([['A', 'Nowhere'], ['B']]));
    expect(problems[0]).toBe('parent objective "Nowhere" of "A" is not in the objectives list');
    expect(order.map((p) => p.row)).toEqual([0, 1]);
  });

  it.each([
    [[['A', 'A']], 'parent objectives loop: "A" -> "A"', [0]],
    [[['A', 'B'], ['B', 'A'], ['C']], 'parent objectives loop: "A" -> "B" -> "A"', [0, 1]],
    [
      [
        ['X', 'C'],
        ['A', 'B'],
        ['B', 'C'],
        ['C', 'A'],
      ],
      'parent objectives loop: "A" -> "B" -> "C" -> "A"',
      [1, 2, 3],
    ],
  ] as const)('names the objectives of a loop (%#)', (rows, message, loop) => {
    const { problems } = alignObjectives(links(rows as never));
    expect(problems.flatMap((p, i) => (p === message ? [i] : []))).toEqual(loop);
  });

  it('places a loop after the tree, with what hangs under it', () => {
    const rows = links([['Root'], ['A', 'B'], ['B', 'A'], ['Under', 'A']]);
    const { order } = alignObjectives(rows);
    expect(order.map(({ row, depth }) => [rows[row]?.key, depth])).toEqual([
      ['Root', 0],
      ['A', 0],
      ['Under', 1],
      ['B', 0],
    ]);
  });

  it('reports a name listed twice and links children to its first row', () => {
    const rows = links([['A'], ['A', 'B'], ['C', 'A']]);
    const { problems, children } = alignObjectives(rows);
    expect(problems[1]).toBe('objective "A" is listed twice (objectives #1 and #2)');
    expect(children[0]).toEqual([2]);
  });
});

describe('scoreObjectives', () => {
  it('rolls counting children up as one key result each, and leaves aligned-only ones out', () => {
    const rows = links([['Co'], ['A', 'Co', true], ['B', 'Co', false], ['A1', 'A']]);
    const scores = scored(rows, { Co: [0.9], A: [0.2], B: [0], A1: [0.6] });
    // A: (0.2 + 0.6) / 2 = 0.4; Co: (0.9 + 0.4) / 2; B does not count.
    expect(scores.map((s) => (s?.ok ? s.score : s))).toEqual([0.65, 0.4, 0, 0.6]);
  });

  it('is blank with nothing scored, and a child with nothing scored adds nothing', () => {
    const scores = scored(links([['Co'], ['A', 'Co'], null]), {});
    expect(scores).toEqual([{ ok: true, score: null }, { ok: true, score: null }, null]);
  });

  it('spoils a parent through a counting child with an error, never through an aligned-only one', () => {
    const rows = links([['Co'], ['A', 'Co', true], ['Co2'], ['B', 'Co2', false]]);
    const alignment = alignObjectives(rows);
    const own = (r: number): OwnKeyResults =>
      r === 1 || r === 3 ? { scores: [], problem: 'kr_scores #4 is bad' } : { scores: [], problem: null };
    const scores = scoreObjectives(rows, alignment, own);
    expect(scores[0]).toEqual({
      ok: false,
      problem: 'child objective "A" counts toward it and has an error',
    });
    expect(scores[2]).toEqual({ ok: true, score: null });
  });

  it('gives each row of a loop the loop error and still scores what hangs under it', () => {
    const rows = links([
      ['A', 'B'],
      ['B', 'A'],
      ['Under', 'A'],
    ]);
    const scores = scored(rows, { Under: [0.5] });
    expect(scores).toEqual([
      { ok: false, problem: 'parent objectives loop: "A" -> "B" -> "A"' },
      { ok: false, problem: 'parent objectives loop: "A" -> "B" -> "A"' },
      { ok: true, score: 0.5 },
    ]);
  });
});

/** Random objectives lists: names from a small set (so parents often exist, repeat and loop). */
const NAMES = ['A', 'B', 'C', 'D', 'E', 'F'];
const linkRows = fc.array(
  fc.record({
    key: fc.constantFrom(...NAMES),
    parent: fc.option(fc.constantFrom(...NAMES, 'Z'), { nil: null }),
    counts: fc.boolean(),
    own: fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { maxLength: 3 }),
  }),
  { maxLength: 12 },
);

function run(rows: ReturnType<typeof toLinks>) {
  const alignment = alignObjectives(rows.links);
  return {
    alignment,
    scores: scoreObjectives(rows.links, alignment, (r) => ({
      scores: (rows.own[r] ?? []).map((score) => ({ score, weight: 1 })),
      problem: null,
    })),
  };
}

function toLinks(rows: { key: string; parent: string | null; counts: boolean; own: number[] }[]) {
  return {
    links: rows.map(({ key, parent, counts }) => ({ key, parent, counts, problem: null })),
    own: rows.map((r) => r.own),
  };
}

/** Whether following parent links from row `i` (first rows of each name) comes back to it. */
function onLoop(rows: readonly ObjectiveLink[], i: number): boolean {
  const first = (name: string) => rows.findIndex((r) => r.key === name);
  if (first((rows[i] as ObjectiveLink).key) !== i) return false;
  let at = i;
  for (let step = 0; step <= rows.length; step++) {
    const parent = (rows[at] as ObjectiveLink).parent;
    if (parent === null || first(parent) < 0) return false;
    at = first(parent);
    if (at === i) return true;
  }
  return false;
}

describe('alignment properties', () => {
  it('reports every row on a loop, names the loop, and places every row once', () => {
    fc.assert(
      fc.property(linkRows, (rows) => {
        const input = toLinks(rows);
        const { alignment } = run(input);
        input.links.forEach((link, i) => {
          const looped = onLoop(input.links, i);
          const problem = alignment.problems[i] ?? '';
          expect(problem.startsWith('parent objectives loop:')).toBe(looped);
          if (looped) expect(problem).toContain(`"${link.key}"`);
        });
        expect(alignment.order.map((p) => p.row).sort((a, b) => a - b)).toEqual(input.links.map((_, i) => i));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every score within the lowest and highest of what it rolls up', () => {
    fc.assert(
      fc.property(linkRows, (rows) => {
        const input = toLinks(rows);
        const { alignment, scores } = run(input);
        scores.forEach((result, i) => {
          if (!result?.ok || result.score === null) return;
          const inputs = [
            ...(input.own[i] ?? []),
            ...(alignment.children[i] ?? []).flatMap((c) => {
              const child = scores[c];
              return input.links[c]?.counts && child?.ok && child.score !== null ? [child.score] : [];
            }),
          ];
          expect(result.score).toBeGreaterThanOrEqual(Math.min(...inputs));
          expect(result.score).toBeLessThanOrEqual(Math.max(...inputs));
        });
      }),
      { numRuns: 500 },
    );
  });

  it('never changes a parent through an aligned-only child, whatever the child scores', () => {
    fc.assert(
      fc.property(
        linkRows,
        fc.nat(),
        fc.array(fc.double({ min: 0, max: 2, noNaN: true })),
        (rows, pick, other) => {
          const input = toLinks(rows);
          const aligned = input.links.flatMap((l, i) => (l.counts ? [] : [i]));
          if (aligned.length === 0) return;
          const child = aligned[pick % aligned.length] as number;
          const changed = { ...input, own: input.own.map((own, i) => (i === child ? other : own)) };
          const before = run(input);
          const after = run(changed);
          const parent = before.alignment.children.findIndex((c) => c.includes(child));
          if (parent >= 0) expect(after.scores[parent]).toEqual(before.scores[parent]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
