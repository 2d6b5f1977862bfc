/**
 * Check-in reminders from the daily job, over simulated weeks, in the example workbook: five key
 * results (support@, ops@, growth@, and two of product@'s), none checked in, in a 2026 Q4 cycle.
 * Mondays are the default check-in day: Oct 5, 12, 19, 26, Nov 2.
 */
import type { Workbook } from '../../emulator';
import { connectAsProposed, openAddon, values } from '../support/addon';

const OWNERS = ['growth@example.com', 'ops@example.com', 'product@example.com', 'support@example.com'];

/** 07:00 UTC on a day of October 2026 (the 32nd is Nov 1). */
const oct = (d: number, h = 7) => new Date(Date.UTC(2026, 9, d, h));

function workbook({ start = oct(5), timeZone = 'Etc/UTC', quota = 100 } = {}) {
  let now = start;
  const addon = openAddon({ clock: () => now, timeZone, scriptTimeZone: 'Etc/UTC', mailQuota: quota });
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  const idOf = (name: RegExp) => {
    const row = 2 + values(addon.wb, 'OKRs', 'B2:B6').findIndex((r) => name.test(String(r[0])));
    return String(values(addon.wb, 'OKRs', `U${row}`)[0]?.[0]);
  };
  /**
   * Runs the daily job at `at`, with `quotaLeft` recipients left of the day's quota if given; returns
   * the reminders it sent, as "event to".
   */
  const daily = (at: Date, quotaLeft?: number): string[] => {
    now = at;
    if (quotaLeft !== undefined) addon.wb.mail.useUp(addon.wb.mail.remaining() - quotaLeft);
    const before = addon.wb.mail.sent.length;
    addon.run('dailyCheck', {});
    return addon.wb.mail.sent
      .slice(before)
      .filter((m) => /check-in|your team/.test(m.subject))
      .map((m) => `${/your team/.test(m.subject) ? 'escalation' : 'reminder'} ${m.to}`)
      .sort();
  };
  const checkIn = (at: Date, name: RegExp, value: unknown) => {
    now = at;
    const result = addon.run('sidebarSubmitCheckIn', {
      krId: idOf(name),
      value,
      confidence: '7',
      comment: '',
    });
    expect(result).toEqual(expect.objectContaining({ ok: true }));
  };
  return { ...addon, daily, checkIn };
}

/** The log's reminder rows: key results, status, count, recipient, outcome. */
function reminderLog(wb: Workbook): unknown[][] {
  const sheet = wb.sheet('Alerts');
  return sheet
    .getRange(2, 2, Math.max(1, sheet.getLastRow() - 1), 5)
    .getValues()
    .filter((r) => /^Check-in/.test(String(r[1])));
}

function addManagers(wb: Workbook, rows: string[][]) {
  const sheet = wb.spreadsheet.insertSheet('Managers');
  sheet.getRange(1, 1, rows.length + 1, 2).setValues([['Owner', 'Manager'], ...rows]);
}

describe('check-in reminders from the daily job', () => {
  it('reminds each owner once a week, on the check-in day, with the stale key results and the link', () => {
    const { wb, daily } = workbook();
    const byDay: Record<number, string[]> = {};
    for (let d = 5; d <= 27; d++) {
      const sent = daily(oct(d));
      if (sent.length) byDay[d] = sent;
    }
    // Oct 5: 4 days into the cycle, nothing stale yet. Then every Monday, never between.
    const everyone = OWNERS.map((o) => `reminder ${o}`);
    expect(byDay).toEqual({ 12: everyone, 19: everyone, 26: everyone });
    const mail = wb.mail.sent.find((m) => m.to === 'product@example.com');
    expect(mail?.subject).toBe('OKR & KPI Tracker: 2 key results are waiting for your check-in');
    expect(mail?.body).toContain(
      '- Reach 1,000 active users: no check-in this cycle (it started 11 days ago)',
    );
    expect(mail?.body).toContain('- Launch the referral programme: no check-in this cycle');
    expect(mail?.body).toContain(wb.spreadsheet.getUrl());
    expect(reminderLog(wb).filter((r) => r[3] === 'product@example.com')).toEqual([
      [
        'Reach 1,000 active users; Launch the referral programme',
        'Check-in reminder',
        2,
        'product@example.com',
        'sent',
      ],
      [
        'Reach 1,000 active users; Launch the referral programme',
        'Check-in reminder',
        2,
        'product@example.com',
        'sent',
      ],
      [
        'Reach 1,000 active users; Launch the referral programme',
        'Check-in reminder',
        2,
        'product@example.com',
        'sent',
      ],
    ]);
  });

  it('leaves out key results checked in within the interval, and owners with none left', () => {
    const { wb, daily, checkIn } = workbook();
    checkIn(oct(9, 15), /active users/, '650');
    checkIn(oct(9, 15), /referral/, false);
    checkIn(oct(9, 16), /conversion/, '0.026');
    expect(daily(oct(12))).toEqual(['reminder ops@example.com', 'reminder support@example.com']);
    // Oct 19: ten days after those check-ins, they are stale again.
    expect(daily(oct(19))).toHaveLength(4);
    expect(reminderLog(wb).at(-1)).toEqual(
      expect.arrayContaining(['Reach 1,000 active users; Launch the referral programme']),
    );
  });

  it('holds reminders back when the quota is spent, and skips them once the owner has checked in', () => {
    const { wb, daily, checkIn } = workbook({ start: oct(11) });
    daily(oct(11));
    expect(daily(oct(12), 0)).toEqual([]);
    expect(reminderLog(wb).map((r) => r[4])).toEqual(Array(4).fill('not sent: daily email quota reached'));
    // Tuesday: product@ checked in on both key results; the others get theirs a day late.
    checkIn(oct(13, 6), /active users/, '650');
    checkIn(oct(13, 6), /referral/, false);
    expect(daily(oct(13))).toEqual([
      'reminder growth@example.com',
      'reminder ops@example.com',
      'reminder support@example.com',
    ]);
    // In the sheet's order of owners.
    expect(
      reminderLog(wb)
        .slice(4)
        .map((r) => [r[3], r[4]]),
    ).toEqual([
      ['support@example.com', 'sent'],
      ['ops@example.com', 'sent'],
      ['growth@example.com', 'sent'],
      ['product@example.com', 'no email: checked in since'],
    ]);
    // Not again that week; the next on Monday, in the team's rhythm (product@'s check-ins are 6 days
    // old then: not stale).
    for (let d = 14; d <= 18; d++) expect(daily(oct(d))).toEqual([]);
    expect(daily(oct(19))).toEqual([
      'reminder growth@example.com',
      'reminder ops@example.com',
      'reminder support@example.com',
    ]);
  });

  it('shares the quota with alerts: alerts first, reminders with what is left, the rest the next day', () => {
    const { wb, daily } = workbook();
    // Monday: four recipients left; the example KPIs' breach alert to support@ takes one.
    expect(daily(oct(12), 4)).toEqual([
      'reminder growth@example.com',
      'reminder ops@example.com',
      'reminder support@example.com',
    ]);
    expect(wb.mail.sent.filter((m) => /needs? attention/.test(m.subject)).map((m) => m.to)).toEqual([
      'support@example.com',
    ]);
    // Owners in the sheet's order.
    expect(reminderLog(wb).map((r) => [r[3], r[4]])).toEqual([
      ['support@example.com', 'sent'],
      ['ops@example.com', 'sent'],
      ['growth@example.com', 'sent'],
      ['product@example.com', 'not sent: daily email quota reached'],
    ]);
    expect(daily(oct(13))).toEqual(['reminder product@example.com']);
  });

  it('escalates to the manager named for an owner only after a second missed interval', () => {
    const { wb, daily } = workbook();
    addManagers(wb, [
      ['product@example.com', 'head.of.product@example.com'],
      ['Growth@Example.com', 'cmo@example.com'],
    ]);
    expect(daily(oct(12))).toEqual(OWNERS.map((o) => `reminder ${o}`)); // 11 days: one interval missed
    expect(daily(oct(19))).toEqual([
      'escalation cmo@example.com',
      'escalation head.of.product@example.com',
      ...OWNERS.map((o) => `reminder ${o}`),
    ]);
    const escalation = wb.mail.sent.find((m) => m.to === 'head.of.product@example.com');
    expect(escalation?.body).toContain(
      '- Reach 1,000 active users (owner product@example.com): no check-in this cycle (it started 18 days ago)',
    );
    expect(
      reminderLog(wb)
        .filter((r) => r[1] === 'Check-in escalation')
        .map((r) => [r[2], r[3], r[4]]),
    ).toEqual([
      [1, 'cmo@example.com', 'sent'],
      [2, 'head.of.product@example.com', 'sent'],
    ]);
  });

  it('says in the log when the Managers sheet cannot be read or names no address', () => {
    const { wb, daily } = workbook();
    addManagers(wb, [['product@example.com', 'Dana, head of product']]);
    daily(oct(19));
    expect(
      reminderLog(wb)
        .filter((r) => r[1] === 'Check-in escalation')
        .map((r) => r[4]),
    ).toEqual(['not sent: manager "Dana, head of product" (Managers sheet, row 2) is not one email address']);
    wb.sheet('Managers')
      .getRange('A1:B1')
      .setValues([['Person', 'Boss']]);
    daily(oct(26));
    expect(reminderLog(wb).at(-1)?.[4]).toBe(
      'not sent: the Managers sheet needs the headers "Owner" and "Manager" in its first row (it has "Person", "Boss")',
    );
  });

  it('keeps a key result name on one line of the email and as exact text in the log', () => {
    const { wb, daily } = workbook();
    wb.sheet('OKRs').getRange('B5').setValue('Reach 1,000\nactive users');
    wb.sheet('OKRs').getRange('B4').setNumberFormat('@').setValue('0123');
    daily(oct(12));
    const mail = wb.mail.sent.find((m) => m.to === 'product@example.com');
    expect(mail?.body).toContain('- Reach 1,000 active users: no check-in');
    expect(reminderLog(wb).find((r) => r[3] === 'growth@example.com')?.[0]).toBe('0123');
  });

  it.each([
    // 20:00 UTC on Sunday Oct 11 is Monday 09:00 in Auckland: its check-in day.
    ['Pacific/Auckland', Date.UTC(2026, 9, 11, 20), 4],
    // 03:00 UTC on Monday Oct 12 is still Sunday evening in Los Angeles.
    ['America/Los_Angeles', Date.UTC(2026, 9, 12, 3), 0],
    ['America/Los_Angeles', Date.UTC(2026, 9, 12, 15), 4],
  ])('judges the check-in day in the spreadsheet time zone (%s)', (timeZone, at, count) => {
    const { daily } = workbook({ timeZone, start: oct(6) });
    expect(daily(new Date(at))).toHaveLength(count);
  });

  it('logs a failure to read the settings as one row, and the alerts still go out', () => {
    const { wb, daily } = workbook();
    wb.spreadsheet.getRangeByName('CheckInDay')?.setValue('Someday');
    daily(oct(12));
    const rows = wb.sheet('Alerts').getDataRange().getValues();
    expect(rows.some((r) => r[2] === 'Breach' && r[5] === 'sent')).toBe(true);
    expect(rows.at(-1)?.slice(1, 3)).toEqual(['(check-in reminders)', 'Error']);
    expect(String(rows.at(-1)?.[5])).toMatch(/Check-in day.*"Someday"/);
  });

  it('sends nothing and logs no error for a spreadsheet with a KPI table alone (no cycle settings)', () => {
    const now = oct(12);
    const addon = openAddon({ clock: () => now, timeZone: 'Etc/UTC', scriptTimeZone: 'Etc/UTC' });
    const sheet = addon.wb.spreadsheet.insertSheet('Team KPIs');
    sheet.getRange(1, 1, 2, 5).setValues([
      ['Metric', 'Owner', 'Actual', 'Warning', 'Critical'],
      ['Uptime', 'infra@example.com', 0.99, 0.999, 0.995],
    ]);
    sheet.activate();
    expect(connectAsProposed(addon).ok).toBe(true);
    expect(addon.wb.spreadsheet.getRangeByName('CycleStart')).toBeNull();
    addon.run('dailyCheck', {});
    const log = addon.wb.sheet('Alerts').getDataRange().getValues();
    expect(log.filter((r) => r[2] === 'Error')).toEqual([]);
    expect(log.filter((r) => /^Check-in/.test(String(r[2])))).toEqual([]);
  });
});
