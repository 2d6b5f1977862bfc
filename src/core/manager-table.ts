/**
 * The optional owner -> manager table a team keeps in its spreadsheet (a sheet named "Managers" with
 * the headers Owner and Manager in its first row, in any columns): who hears about an owner's key
 * results when their check-ins have stopped for two intervals.
 */
import { type CellValue, isBlank } from './cell';
import { singleLine } from './plain-text';

export const MANAGER_HEADERS = { owner: 'Owner', manager: 'Manager' } as const;

export interface ManagerEntry {
  /** The manager's cell as typed, trimmed (checked to be an address where it is used). */
  readonly manager: string;
  /** 1-based sheet row, for messages. */
  readonly row: number;
}

export type ManagerTable =
  /** Keyed by owner, trimmed and lower-case; an owner listed twice keeps the first row. */
  | { readonly kind: 'table'; readonly byOwner: ReadonlyMap<string, ManagerEntry> }
  | { readonly kind: 'none' }
  /** The sheet exists but cannot be read as the table: why, in the user's terms. */
  | { readonly kind: 'unreadable'; readonly problem: string };

export function ownerKey(owner: string): string {
  return owner.trim().toLowerCase();
}

const cellText = (value: CellValue) => (isBlank(value) ? '' : String(value).trim());

/** The table from the sheet's values, header row first; `sheet` names it in messages. */
export function readManagerTable(values: readonly (readonly CellValue[])[], sheet: string): ManagerTable {
  const header = (values[0] ?? []).map((v) => cellText(v).toLowerCase());
  const ownerColumn = header.indexOf(MANAGER_HEADERS.owner.toLowerCase());
  const managerColumn = header.indexOf(MANAGER_HEADERS.manager.toLowerCase());
  if (ownerColumn < 0 || managerColumn < 0) {
    const found = (values[0] ?? []).map(cellText).filter(Boolean);
    const shown = found.length
      ? `it has ${found.map((h) => `"${singleLine(h, 40)}"`).join(', ')}`
      : 'it is empty';
    return {
      kind: 'unreadable',
      problem: `the ${sheet} sheet needs the headers "${MANAGER_HEADERS.owner}" and "${MANAGER_HEADERS.manager}" in its first row (${singleLine(shown, 200)})`,
    };
  }
  const byOwner = new Map<string, ManagerEntry>();
  values.slice(1).forEach((cells, i) => {
    const owner = cellText(cells[ownerColumn]);
    const manager = cellText(cells[managerColumn]);
    if (owner && manager && !byOwner.has(ownerKey(owner)))
      byOwner.set(ownerKey(owner), { manager, row: i + 2 });
  });
  return { kind: 'table', byOwner };
}
