/**
 * The script's clock: Apps Script runs a script's `Date` (its local-time methods, `new Date(y, m, d)`)
 * in the project's time zone, whatever the zone of the machine running the emulator. Node reads the
 * TZ environment variable whenever it changes, so the emulator sets it: the zone is the process's, and
 * the workbook created last sets it. Jest's environment (test/support/script-zone-environment.cjs) and
 * the preview (scripts/preview.mjs) let it through.
 */
import { EmulatorUsageError } from './errors';

function canonical(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

/** Makes `Date` run in `zone`; refuses when this process cannot change its zone (say, a Worker thread). */
export function runDatesIn(zone: string): void {
  const wanted = canonical(zone);
  if (canonical(Intl.DateTimeFormat().resolvedOptions().timeZone) === wanted) return;
  process.env.TZ = zone;
  const actual = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (canonical(actual) !== wanted) {
    throw new EmulatorUsageError(
      `The script's Date must run in ${zone}, but this process could not leave ${actual}: set TZ=${zone} before it starts.`,
    );
  }
}
