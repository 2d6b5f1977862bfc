import { NOW, openAddon, values } from '../support/addon';

type Result = { ok: boolean; errors?: Record<string, string> };

const AMBER = '#fce8b2';

/** The example workbook, with a movable clock and a check-in helper. */
function workbook() {
  let now = NOW;
  const addon = openAddon({ clock: () => now });
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  const rowOf = (name: RegExp) =>
    2 + values(addon.wb, 'OKRs', 'B2:B6').findIndex((r) => name.test(String(r[0])));
  const idOf = (name: RegExp) => String(values(addon.wb, 'OKRs', `U${rowOf(name)}`)[0]?.[0]);
  const checkIn = (at: Date, form: Record<string, unknown>) => {
    now = at;
    const result = addon.run('sidebarSubmitCheckIn', form) as Result;
    expect(result).toEqual(expect.objectContaining({ ok: true }));
  };
  return { ...addon, rowOf, idOf, checkIn, setNow: (at: Date) => (now = at) };
}

describe('the OKRs sheet: pace, forecast, projected score', () => {
  it('shows the pace beside the score', () => {
    const { wb, rowOf } = workbook();
    // Nov 25 is 55 of 91 days into Q4 (0.60 expected): 700 of 1,000 users is 10 points ahead.
    expect(values(wb, 'OKRs', 'M1:N1')[0]).toEqual(['Score', 'Pace']);
    const [score, pace] = values(
      wb,
      'OKRs',
      `M${rowOf(/active users/)}:N${rowOf(/active users/)}`,
    )[0] as number[];
    expect(score).toBeCloseTo(0.7, 9);
    expect(pace).toBeCloseTo(0.7 - 55 / 91, 9);
    expect(wb.sheet('OKRs').getRange('N2').getNumberFormat()).toBe('+0%;-0%;0%');
  });

  it('forecasts each key result from its check-ins and scores the forecast', () => {
    const { wb, run, rowOf, idOf, checkIn } = workbook();
    const id = idOf(/active users/);
    // 600, 700, 800 a week apart, at 9:00 from Nov 4: +100 a week. The cycle ends Dec 31 (its first
    // moment), 42 days and 15 hours after the last check-in: about 1,409 users.
    checkIn(new Date(2026, 10, 4, 9), { krId: id, value: '600', confidence: '7', comment: '' });
    checkIn(new Date(2026, 10, 11, 9), { krId: id, value: '700', confidence: '7', comment: '' });
    checkIn(new Date(2026, 10, 18, 9), { krId: id, value: '800', confidence: '7', comment: '' });
    run('menuRefresh');
    const row = rowOf(/active users/);
    const [forecast, projected] = values(wb, 'OKRs', `P${row}:Q${row}`)[0] as number[];
    expect(forecast).toBeCloseTo(800 + (100 / 7) * (42 + 15 / 24), 6);
    expect(projected).toBe(1);
    // Key results without two check-ins have no forecast, and no projected score.
    expect(values(wb, 'OKRs', `P${rowOf(/conversion/)}:Q${rowOf(/conversion/)}`)[0]).toEqual(['', '']);
  });

  it('flags a key result whose confidence fell by 3 while its score did not rise', () => {
    const { wb, rowOf, idOf, checkIn } = workbook();
    const id = idOf(/active users/);
    checkIn(new Date(2026, 10, 11, 9), { krId: id, value: '700', confidence: '8', comment: '' });
    checkIn(new Date(2026, 10, 18, 9), { krId: id, value: '700', confidence: '5', comment: 'Blocked' });
    const row = rowOf(/active users/);
    expect(values(wb, 'OKRs', `T${row}`)[0]?.[0]).toBe('Confidence falling (8 to 5)');
    expect(wb.effectiveFormat('OKRs', row, 20).background).toBe(AMBER);
    checkIn(new Date(2026, 10, 25, 9), { krId: id, value: '760', confidence: '5', comment: '' });
    expect(values(wb, 'OKRs', `T${row}`)[0]?.[0]).toBe('');
  });

  it('highlights a key result with no check-in for longer than the interval, natively', () => {
    const { wb, rowOf, idOf, checkIn, setNow, run } = workbook();
    const users = rowOf(/active users/);
    const conversion = rowOf(/conversion/);
    checkIn(new Date(2026, 10, 24, 9), {
      krId: idOf(/active users/),
      value: '720',
      confidence: '7',
      comment: '',
    });
    run('menuRefresh');
    // Never checked in, 55 days into the cycle: stale. Checked in yesterday: not.
    expect(wb.effectiveFormat('OKRs', conversion, 19).background).toBe(AMBER);
    expect(wb.effectiveFormat('OKRs', users, 19).background).not.toBe(AMBER);
    // Eight days later the as-of date has moved past the 7-day interval.
    setNow(new Date(2026, 11, 2, 9));
    run('menuRefresh');
    expect(wb.effectiveFormat('OKRs', users, 19).background).toBe(AMBER);
    // A team that checks in every two weeks changes one cell.
    wb.spreadsheet.getRangeByName('CheckInInterval')?.setValue(14);
    expect(wb.effectiveFormat('OKRs', users, 19).background).not.toBe(AMBER);
  });

  it('lets each key result choose its convention through the kind column, and rolls up what each scored', () => {
    const { wb, rowOf } = workbook();
    const okrs = wb.sheet('OKRs');
    const users = rowOf(/active users/);
    const kinds = okrs.getRange(`D${users}`).getDataValidation()?.getCriteriaValues()[0];
    expect(kinds).toEqual(['linear', 'uncapped', 'at_least', 'at_most', 'milestone', 'zone']);
    // 700 users graded in zones: commit 800, target 1,000, stretch 1,200.
    okrs.getRange(`D${users}`).setValue('zone');
    okrs.getRange(`K${users}:L${users}`).setValues([[800, 1200]]);
    expect(values(wb, 'OKRs', `M${users}`)[0]?.[0]).toBeCloseTo(0.3 * (700 / 800), 9);
    // The same key result uncapped, past its target.
    okrs.getRange(`D${users}`).setValue('uncapped');
    okrs.getRange(`G${users}`).setValue(1200);
    expect(values(wb, 'OKRs', `M${users}`)[0]?.[0]).toBeCloseTo(1.2, 9);
    okrs.getRange('W1').setFormula(`=OKR_ROLLUP(M${users}:M${users + 1})`);
    // 1.2 and the milestone's 0, averaged as scored.
    expect(values(wb, 'OKRs', 'W1')[0]?.[0]).toBeCloseTo(0.6, 9);
    okrs.getRange(`D${users}`).setValue('zone');
    okrs.getRange(`K${users}:L${users}`).setValues([[1100, 1200]]);
    expect(String(values(wb, 'OKRs', `M${users}`)[0]?.[0])).toMatch(
      /^Error: start, commit, target and stretch must all increase or all decrease, got start 0, commit 1100, target 1000, stretch 1200/,
    );
  });
});
