/**
 * Refresh's round trips on the demo workbook (the preview's: set up with examples, a team's own KPI table
 * connected): at most 47 (45 the same day and 47 the next, of which 4 keep the Objectives sheet and 5
 * the Dashboard), and as many for tables of a thousand rows more.
 */
import { ROUND_TRIPS } from '../../emulator/call-kinds';
import { TEAM_SHEET } from '../../preview/worker/demo';
import { type Addon, lastAlert, NOW } from '../support/addon';
import { openDemo as demo } from '../support/demo';

/**
 * Adds `rows` rows under each table, copies of its first data row with a name of their own, and room
 * in the KPI History for their values (a full history grows the sheet first: one call more, at any size).
 */
function grow(addon: Addon, rows: number): void {
  const history = addon.wb.sheet('KPI History');
  history.insertRowsAfter(history.getMaxRows(), 10 * rows);
  for (const [name, width] of [
    ['KPIs', 9],
    ['OKRs', 10],
    [TEAM_SHEET, 6],
  ] as const) {
    const sheet = addon.wb.sheet(name);
    const first = sheet.getRange(2, 1, 1, width).getValues()[0] ?? [];
    const last = sheet.getLastRow();
    sheet.insertRowsAfter(sheet.getMaxRows(), rows);
    sheet
      .getRange(last + 1, 1, rows, width)
      .setValues(
        Array.from({ length: rows }, (_, i) =>
          first.map((v, c) => (c === (name === 'OKRs' ? 1 : 0) ? `${v} ${i}` : v)),
        ),
      );
  }
}

/** The calls of one Refresh at `at`, after one at NOW (at NOW again, the history is updated in place). */
function refreshCalls(addon: Addon, at: Date) {
  addon.run('menuRefresh');
  addon.wb.setClock(() => at);
  addon.wb.calls.reset();
  addon.run('menuRefresh');
  const { byKind, byMethod } = addon.wb.calls;
  // Every table was refreshed (the count would be smaller with one left unconnected).
  expect(lastAlert(addon.wb).match(/^(OKRs|KPIs|Team KPIs|Sales targets): \d+ rows scored/gm)).toHaveLength(
    4,
  );
  return { roundTrips: ROUND_TRIPS.reduce((n, kind) => n + byKind[kind], 0), byKind, byMethod };
}

describe('Refresh on the demo workbook', () => {
  const nextDay = new Date(NOW.getTime() + 24 * 3600_000);

  it.each([
    ['the same day', NOW],
    ['the next day (the history grows)', nextDay],
  ])('makes at most 47 round trips %s, however long the tables', (_, at) => {
    const small = refreshCalls(demo(), at);
    const big = demo();
    grow(big, 1_000);
    const large = refreshCalls(big, at);
    expect(large.byKind).toEqual(small.byKind);
    expect(small.roundTrips).toBeLessThanOrEqual(47);
  });
});
