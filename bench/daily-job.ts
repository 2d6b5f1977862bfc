/** The daily alert job over 1,000 KPIs with a year of history: Sheets calls and time. */
import { type Addon, openAddon } from '../test/support/addon';
import { fixed, onceMs } from './measure';
import { perKind, roundTrips } from './refresh';

const KPIS = 1_000;
const DAYS = 365;

function yearOfKpis(now: Date): Addon {
  const addon = openAddon({ clock: () => now, mailQuota: 1_500 });
  addon.wb.ui.respond({ button: 'NO' });
  addon.run('menuSetUp');
  const kpis = addon.wb.sheet('KPIs');
  kpis.insertRowsAfter(kpis.getMaxRows(), KPIS);
  // Every tenth KPI breaches today, every seventh dropped suddenly.
  const value = (i: number) => (i % 10 === 0 ? 100 : i % 7 === 0 ? 130 : 200);
  kpis
    .getRange(2, 1, KPIS, 9)
    .setValues(
      Array.from({ length: KPIS }, (_, i) => [
        `KPI ${i}`,
        `owner${i % 40}@example.com`,
        '',
        'higher',
        150,
        120,
        0.25,
        250,
        value(i),
      ]),
    );
  const history = addon.wb.sheet('KPI History');
  const rows: unknown[][] = [];
  for (let d = DAYS; d >= 1; d--) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - d);
    for (let i = 0; i < KPIS; i++) rows.push([day, `KPI ${i}`, 200 + (d % 5)]);
  }
  history.insertRowsAfter(history.getMaxRows(), rows.length);
  history.getRange(2, 1, rows.length, 3).setValues(rows);
  return addon;
}

export function benchDailyJob(): Record<string, string>[] {
  const now = new Date(2026, 10, 25, 7, 0);
  const addon = yearOfKpis(now);
  addon.wb.calls.reset();
  const { ms } = onceMs(() => addon.run('dailyCheck', {}));
  const log = addon.wb.sheet('Alerts');
  return [
    {
      case: `daily job, ${KPIS} KPIs, ${DAYS} days of history (${KPIS * DAYS} rows)`,
      'round trips': String(roundTrips(addon.wb.calls.byKind)),
      ...perKind(addon.wb.calls.byKind),
      getValues: String(addon.wb.calls.byMethod['Range.getValues'] ?? 0),
      setValues: String(addon.wb.calls.byMethod['Range.setValues'] ?? 0),
      // Local calls (no document round trip): one per distinct day read in the sheet's time zone.
      formatDate: String(addon.wb.calls.byMethod['Utilities.formatDate'] ?? 0),
      ms: fixed(ms, 0),
      emails: String(addon.wb.mail.sent.length),
      'alert log rows': String(log.getLastRow() - 1),
    },
  ];
}
