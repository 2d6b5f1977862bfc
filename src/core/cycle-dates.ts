/** Calendar cycles: OKRs usually run by quarter. */
import type { Cycle } from './pace';

export interface NamedCycle extends Cycle {
  readonly name: string;
}

/** The calendar quarter holding `day`: from its first to its last day, named like "2026 Q4". */
export function quarterOf(day: Date): NamedCycle {
  const year = day.getFullYear();
  const quarter = Math.floor(day.getMonth() / 3);
  return {
    name: `${year} Q${quarter + 1}`,
    start: new Date(year, quarter * 3, 1),
    end: new Date(year, quarter * 3 + 3, 0),
  };
}

/** Midnight at the start of the day of `moment`, in the runtime's time zone (the script's, in Apps Script). */
export function startOfDay(moment: Date): Date {
  return new Date(moment.getFullYear(), moment.getMonth(), moment.getDate());
}

/** Midnight at the end of the day of `moment` (the next day's start), in the runtime's time zone. */
export function endOfDay(moment: Date): Date {
  return new Date(moment.getFullYear(), moment.getMonth(), moment.getDate() + 1);
}
