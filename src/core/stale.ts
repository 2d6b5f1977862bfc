/**
 * A key result is stale when it has gone longer than the check-in interval without a check-in: counted
 * from its last check-in, or from the cycle's start when it has none. The OKRs sheet's highlight rule
 * (highlight-rules.ts) and the OKR_STALE formula the dashboard counts with judge by this rule.
 */
import { DAY_MS } from './sheets-dates';

/**
 * Whole days from a check-in's day to the as-of day, as the highlight rule counts them
 * (`as_of - INT(last)`): `asOf` is the start of its day, so a check-in at any time of day D counts
 * as_of - D days. Counted from the instants, it reads the same in any script time zone (a custom
 * function's dates are instants).
 */
export function daysSince(last: Date, asOf: Date): number {
  // || 0: a check-in later on the as-of day itself is 0 days, not -0.
  return Math.ceil((asOf.getTime() - last.getTime()) / DAY_MS) || 0;
}

/** The days without a check-in when more than the interval (stale), else null. */
export function staleDays(
  lastCheckIn: Date | null,
  cycleStart: Date,
  asOf: Date,
  intervalDays: number,
): number | null {
  const days = daysSince(lastCheckIn ?? cycleStart, asOf);
  return days > intervalDays ? days : null;
}
