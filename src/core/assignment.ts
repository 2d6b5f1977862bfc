/**
 * The best assignment of rows to columns: each row takes at most one column and each column at most
 * one row, with the largest total score (the Hungarian method, O(rows² · columns)). Ties go to the
 * leftmost column, as a person reading a header row left to right would pick.
 */

/** For each row, the column it takes, or -1 when it takes none (no column scores above 0 for it). */
export function bestAssignment(scores: readonly (readonly number[])[]): number[] {
  const rows = scores.length;
  const columns = Math.max(rows, ...scores.map((r) => r.length));
  if (rows === 0) return [];
  // Minimise cost = -score; a hair of cost per column index breaks ties towards the left.
  const cost = (i: number, j: number) => -(scores[i - 1]?.[j - 1] ?? 0) + j * 1e-9;
  const u = new Array<number>(rows + 1).fill(0);
  const v = new Array<number>(columns + 1).fill(0);
  const owner = new Array<number>(columns + 1).fill(0);
  const way = new Array<number>(columns + 1).fill(0);
  for (let i = 1; i <= rows; i++) {
    owner[0] = i;
    let free = 0;
    const least = new Array<number>(columns + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(columns + 1).fill(false);
    do {
      used[free] = true;
      const row = owner[free] as number;
      let delta = Number.POSITIVE_INFINITY;
      let next = 0;
      for (let j = 1; j <= columns; j++) {
        if (used[j]) continue;
        const reduced = cost(row, j) - (u[row] as number) - (v[j] as number);
        if (reduced < (least[j] as number)) {
          least[j] = reduced;
          way[j] = free;
        }
        if ((least[j] as number) < delta) {
          delta = least[j] as number;
          next = j;
        }
      }
      for (let j = 0; j <= columns; j++) {
        if (used[j]) {
          u[owner[j] as number] = (u[owner[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else least[j] = (least[j] as number) - delta;
      }
      free = next;
    } while (owner[free] !== 0);
    do {
      const previous = way[free] as number;
      owner[free] = owner[previous] as number;
      free = previous;
    } while (free !== 0);
  }
  const taken = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= columns; j++) {
    const i = owner[j] as number;
    if (i > 0 && (scores[i - 1]?.[j - 1] ?? 0) > 0) taken[i - 1] = j - 1;
  }
  return taken;
}
