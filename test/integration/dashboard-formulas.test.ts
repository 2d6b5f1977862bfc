/**
 * The dashboard formulas in a spreadsheet, over the sheets Set up makes: check-ins recorded through the
 * sidebar, the example KPI history, and the as-of date, cycle and ranges as the dashboard gives them.
 */
import { NOW, openAddon, values } from '../support/addon';

const LOG = "'Check-ins'";
const HISTORY = "'KPI History'";

function setUpWithCheckIns(timeZone: string) {
  let now = NOW;
  const addon = openAddon({ clock: () => now, timeZone, scriptTimeZone: 'Etc/UTC' });
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  const ids = values(addon.wb, 'OKRs', 'U2:U6').map((row) => String(row[0]));
  const [, , conversion, users, launch] = ids;
  const checkIn = (at: Date, krId: string | undefined, value: string | boolean, confidence: string) => {
    now = at;
    addon.run('sidebarSubmitCheckIn', { krId, value, confidence, comment: '' });
  };
  checkIn(new Date(2026, 10, 5, 10), users, '500', '8');
  checkIn(new Date(2026, 10, 5, 11), conversion, '2.55%', '4');
  checkIn(new Date(2026, 10, 20, 10), users, '700', '6');
  checkIn(new Date(2026, 10, 20, 11), launch, true, 'on track');
  now = NOW;
  return { ...addon, checkIn, ids };
}

/** The days a column of the Scratch sheet shows. */
const shown = (wb: ReturnType<typeof openAddon>['wb'], a1: string) =>
  wb
    .sheet('Scratch')
    .getRange(a1)
    .getDisplayValues()
    .map((row) => row[0]);

describe.each(['Etc/UTC', 'America/New_York', 'Asia/Tokyo'])(
  'dashboard formulas in a spreadsheet in %s',
  (zone) => {
    it('average confidence on the as-of date and two weeks before, from the log', () => {
      const { wb } = setUpWithCheckIns(zone);
      const scratch = wb.spreadsheet.insertSheet('Scratch');
      const confidence = (asOf: string) =>
        `OKR_CONFIDENCE(${LOG}!B2:B, ${LOG}!E2:E, ${LOG}!A2:A, ${asOf}, OKRs!U2:U)`;
      scratch.getRange('A1').setFormula(`=${confidence('AsOfDate')}`);
      scratch.getRange('A2').setFormula(`=${confidence('AsOfDate')}-${confidence('AsOfDate-14')}`);
      // On Nov 25: users 6, conversion 4, the launch "on track" (8); on Nov 11: users 8, conversion 4.
      expect(values(wb, 'Scratch', 'A1')[0]?.[0]).toBeCloseTo(18 / 3, 12);
      expect(values(wb, 'Scratch', 'A2')[0]?.[0]).toBeCloseTo(18 / 3 - 6, 12);
      // A key result deleted from the table no longer counts.
      wb.sheet('OKRs').getRange('U6').setValue('');
      expect(values(wb, 'Scratch', 'A1')[0]?.[0]).toBe(5);
    });

    it("count a check-in up to the end of the as-of day as the spreadsheet's clock tells it", () => {
      const { wb, checkIn, ids } = setUpWithCheckIns(zone);
      // The as-of date cell holds the spreadsheet's midnight starting Nov 25.
      const midnight = (wb.sheet('OKR Settings').getRange('B5').getValue() as Date).getTime();
      const hours = (h: number) => new Date(midnight + h * 3_600_000);
      checkIn(hours(23.5), ids[2], '2.6%', '10');
      checkIn(hours(24.5), ids[3], '800', '1');
      const scratch = wb.spreadsheet.insertSheet('Scratch');
      scratch
        .getRange('A1')
        .setFormula(`=OKR_CONFIDENCE(${LOG}!B2:B, ${LOG}!E2:E, ${LOG}!A2:A, AsOfDate, OKRs!U2:U)`);
      // Conversion 10 late on Nov 25; users still 6 (its 1 is Nov 26's); the launch 8.
      expect(values(wb, 'Scratch', 'A1')[0]?.[0]).toBe(8);
    });

    it('chart the average score by week against the expected progress', () => {
      const { wb } = setUpWithCheckIns(zone);
      const scratch = wb.spreadsheet.insertSheet('Scratch');
      scratch
        .getRange('A1')
        .setFormula(
          `=OKR_PROGRESS_BY_WEEK(OKRs!U2:U, OKRs!E2:E, OKRs!F2:F, OKRs!D2:D, OKRs!K2:K, OKRs!L2:L, ${LOG}!B2:B, ${LOG}!D2:D, ${LOG}!A2:A, CycleStart, CycleEnd, AsOfDate)`,
        );
      const rows = values(wb, 'Scratch', 'A1:C10');
      const days = [1, 8, 15, 22, 29].map((d) => new Date(2026, 9, d));
      days.push(...[5, 12, 19, 25].map((d) => new Date(2026, 10, d)));
      expect(shown(wb, 'A1:A9')).toEqual(days.map((d) => `${d.getMonth() + 1}/${d.getDate()}/2026`));
      expect(rows[9]).toEqual(['', '', '']);
      // Five key results; from Nov 5 users 0.5 and conversion 0.2, on Nov 25 users 0.7 and the launch done.
      const scores = [0, 0, 0, 0, 0, 0.7 / 5, 0.7 / 5, 0.7 / 5, 1.9 / 5];
      rows.slice(0, 9).forEach((row, i) => {
        expect(row[1]).toBeCloseTo(scores[i] as number, 12);
        const elapsed = (days[i] as Date).getTime() - (days[0] as Date).getTime();
        expect(row[2]).toBeCloseTo(elapsed / (91 * 86_400_000), 12);
      });
    });

    it('give each KPI its card, following a typed value', () => {
      const { wb } = setUpWithCheckIns(zone);
      const scratch = wb.spreadsheet.insertSheet('Scratch');
      scratch
        .getRange('A1')
        .setFormula(
          `=KPI_CARDS(KPIs!A2:A, KPIs!I2:I, KPIs!H2:H, KPIs!D2:D, ${HISTORY}!A2:A, ${HISTORY}!B2:B, ${HISTORY}!C2:C)`,
        );
      // Set up records today's values (Nov 25) after five weekly example values.
      expect(values(wb, 'Scratch', 'A1:G2')).toEqual([
        [
          'On-time delivery',
          0.97,
          expect.any(Date),
          0.99,
          'not met',
          expect.closeTo(0.97 / 0.985 - 1, 12),
          'bad',
        ],
        [
          'Median response time',
          340,
          expect.any(Date),
          280,
          'not met',
          expect.closeTo(340 / 430 - 1, 12),
          'good',
        ],
      ]);
      expect(shown(wb, 'C1:C2')).toEqual(['11/25/2026', '11/25/2026']);
      expect(values(wb, 'Scratch', 'A6:A7').flat()).toEqual(['Weekly leads', '']);
      wb.sheet('KPIs').getRange('I2').setValue(0.995);
      expect(values(wb, 'Scratch', 'A1:G1')[0]).toEqual([
        'On-time delivery',
        0.995,
        expect.any(Date), // not recorded yet: the latest recorded day, still Nov 25
        0.99,
        'met',
        expect.closeTo(0.995 / 0.97 - 1, 12), // since today's recorded 0.97
        'good',
      ]);
    });
  },
);
