import fc from 'fast-check';
import { OUTCOMES } from '../../src/core/alerts';
import type { CellValue } from '../../src/core/cell';
import { DEFAULT_CHECK_IN_SCHEDULE } from '../../src/core/check-in-schedule';
import { startOfDay } from '../../src/core/cycle-dates';
import { withinQuota } from '../../src/core/mail';
import { type ManagerTable, readManagerTable } from '../../src/core/manager-table';
import {
  planReminders,
  REMINDER_EVENTS,
  REMINDER_OUTCOMES,
  type ReminderKeyResult,
  reminderLogRow,
  reminderState,
  remindersMayBeDue,
  staleKeyResults,
} from '../../src/core/reminders';

/** Days of November 2026: the 2nd is a Monday (the default check-in day). */
const nov = (d: number, h = 7) => new Date(2026, 10, d, h);
const CYCLE_START = new Date(2026, 9, 1);
const SPREADSHEET = { name: 'Team OKRs', url: 'https://docs.google.com/spreadsheets/d/abc/edit' };
const NO_MANAGERS: ManagerTable = { kind: 'none' };

const kr = (name: string, owner: string, lastCheckIn: Date | null): ReminderKeyResult => ({
  name,
  owner,
  lastCheckIn,
});

/** One daily run as the job does it: read the log, plan, send within the quota, append the rows. */
function run(
  log: CellValue[][],
  keyResults: readonly ReminderKeyResult[],
  now: Date,
  { quota = 100, managers = NO_MANAGERS, schedule = DEFAULT_CHECK_IN_SCHEDULE } = {},
) {
  const plan = planReminders({
    keyResults,
    schedule,
    cycleStart: CYCLE_START,
    today: startOfDay(now),
    state: reminderState(log, startOfDay),
    managers: () => managers,
    spreadsheet: SPREADSHEET,
  });
  const { send, deferred } = withinQuota(plan.reminders, quota);
  log.push(
    ...send.map((r) => reminderLogRow(now, r, OUTCOMES.sent)),
    ...deferred.map((r) => reminderLogRow(now, r, OUTCOMES.quota)),
    ...plan.notes.map((n) => reminderLogRow(now, n, n.outcome)),
  );
  return { sent: send, deferred, notes: plan.notes };
}

const table = (rows: CellValue[][]) => readManagerTable([['Owner', 'Manager'], ...rows], 'Managers');

describe('staleKeyResults', () => {
  it('is stale after more than the interval, counted in days from the last check-in or the cycle start', () => {
    const krs = [
      kr('A', 'a@x.io', nov(2, 18)), // 7 days before Nov 9: not more than the interval
      kr('B', 'a@x.io', nov(1, 23)), // 8 days
      kr('C', 'a@x.io', null), // never: since Oct 1
    ];
    expect(staleKeyResults(krs, 7, CYCLE_START, nov(9, 0)).map((k) => [k.name, k.days])).toEqual([
      ['B', 8],
      ['C', 39],
    ]);
    // A cycle that has not started has nothing stale.
    expect(staleKeyResults([kr('C', 'a@x.io', null)], 7, nov(20, 0), nov(9, 0))).toEqual([]);
  });
});

describe('planReminders over simulated weeks', () => {
  it('reminds each owner once, on the check-in day only, listing their stale key results', () => {
    const log: CellValue[][] = [];
    const krs = [
      kr('Reach 1,000 active users', 'ana@example.com', nov(1)),
      kr('Launch referrals', 'Ana@Example.com', null),
      kr('Lift conversion', 'bo@example.com', nov(1)),
      kr('Fresh', 'cy@example.com', nov(3)),
    ];
    const sentOn: string[] = [];
    for (let d = 3; d <= 16; d++) {
      const { sent } = run(log, krs, nov(d));
      for (const mail of sent) sentOn.push(`${d} ${mail.to}`);
    }
    // Monday Nov 9 is the first check-in day with stale key results, Monday Nov 16 the next; cy's one
    // key result is stale by the 16th (13 days).
    expect(sentOn).toEqual([
      '9 ana@example.com',
      '9 bo@example.com',
      '16 ana@example.com',
      '16 bo@example.com',
      '16 cy@example.com',
    ]);
  });

  it('writes one line per key result, the interval, the check-in day and the link', () => {
    const { sent } = run(
      [],
      [kr('Reach\n1,000 users', 'ana@example.com', nov(1)), kr('B', 'ana@example.com', null)],
      nov(9),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe('OKR & KPI Tracker: 2 key results are waiting for your check-in');
    expect(sent[0]?.body).toBe(
      [
        'These key results of yours in "Team OKRs" had no check-in for more than 7 days:',
        '',
        '- B: no check-in this cycle (it started 39 days ago)',
        '- Reach 1,000 users: last check-in 8 days ago',
        '',
        `Your team checks in on Mondays. Open the spreadsheet and choose Extensions > OKR & KPI Tracker > Check in: ${SPREADSHEET.url}`,
      ].join('\n'),
    );
  });

  it('bounds what the sheet supplies: long names are cut, a long list ends with how many more', () => {
    const long = 'x'.repeat(500);
    const many = Array.from({ length: 30 }, (_, i) =>
      kr(i === 0 ? long : `KR ${i}`, 'ana@example.com', null),
    );
    const [mail] = run([], many, nov(9)).sent;
    const lines = mail?.body.split('\n') ?? [];
    expect(lines.every((l) => l.length <= 200)).toBe(true);
    expect(lines).toContain('- and 5 more');
    const [row] = run([], many, nov(9)).sent.map((r) => reminderLogRow(nov(9), r, 'sent'));
    expect(String(row?.[1]).length).toBeLessThanOrEqual(200);
    expect(row?.[3]).toBe(30);
  });

  it('skips a reminder the quota held back once the owner has checked in, and closes it in the log', () => {
    const log: CellValue[][] = [];
    const stale = [kr('A', 'ana@example.com', nov(1)), kr('B', 'bo@example.com', nov(1))];
    expect(run(log, stale, nov(9), { quota: 0 }).deferred.map((r) => r.to)).toEqual([
      'ana@example.com',
      'bo@example.com',
    ]);
    // Tuesday: Ana checked in meanwhile; Bo did not and gets the reminder held back.
    const tuesday = [kr('A', 'ana@example.com', nov(9, 15)), kr('B', 'bo@example.com', nov(1))];
    const { sent, notes } = run(log, tuesday, nov(10));
    expect(sent.map((r) => r.to)).toEqual(['bo@example.com']);
    expect(notes).toEqual([
      expect.objectContaining({ to: 'ana@example.com', outcome: REMINDER_OUTCOMES.checkedIn }),
    ]);
    // Nothing more that week, nor is the closed one reopened.
    for (let d = 11; d <= 15; d++)
      expect(run(log, tuesday, nov(d))).toEqual({ sent: [], deferred: [], notes: [] });
  });

  it('sends what the quota allows, owners first, and the rest on the next days', () => {
    const log: CellValue[][] = [];
    const krs = ['a', 'b', 'c'].map((o) => kr(`KR ${o}`, `${o}@example.com`, nov(1)));
    expect(run(log, krs, nov(9), { quota: 2 }).sent.map((r) => r.to)).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
    expect(run(log, krs, nov(10), { quota: 0 }).deferred.map((r) => r.to)).toEqual(['c@example.com']);
    expect(run(log, krs, nov(11), { quota: 5 }).sent.map((r) => r.to)).toEqual(['c@example.com']);
    expect(run(log, krs, nov(12)).sent).toEqual([]);
    // The one held back went in the same check-in week: all three go on the next check-in day.
    expect(run(log, krs, nov(16)).sent).toHaveLength(3);
    expect(run(log, krs, nov(18)).sent).toEqual([]);
  });

  it('retries a reminder the mail service refused', () => {
    const log: CellValue[][] = [];
    const krs = [kr('A', 'ana@example.com', nov(1))];
    const { sent } = run([], krs, nov(9));
    log.push(reminderLogRow(nov(9), sent[0] as never, 'failed: Service unavailable'));
    expect(run(log, krs, nov(10)).sent.map((r) => r.to)).toEqual(['ana@example.com']);
  });

  it('escalates to the manager named for the owner only after a second missed interval', () => {
    const log: CellValue[][] = [];
    const managers = table([['ana@example.com', 'lead@example.com']]);
    const krs = [kr('A', 'ana@example.com', nov(2, 9)), kr('B', 'bo@example.com', nov(2, 9))];
    const got: string[] = [];
    for (let d = 3; d <= 30; d++) {
      for (const mail of run(log, krs, nov(d), { managers }).sent) got.push(`${d} ${mail.event} ${mail.to}`);
    }
    // Nov 9: 7 days (not stale). Nov 16: 14 days, one interval missed: owners only. Nov 23: 21 days,
    // two intervals: Ana's manager too (Bo has none named). Nov 30: again, a week later.
    expect(got).toEqual([
      '16 Check-in reminder ana@example.com',
      '16 Check-in reminder bo@example.com',
      '23 Check-in reminder ana@example.com',
      '23 Check-in reminder bo@example.com',
      '23 Check-in escalation lead@example.com',
      '30 Check-in reminder ana@example.com',
      '30 Check-in reminder bo@example.com',
      '30 Check-in escalation lead@example.com',
    ]);
    const escalation = run([], krs, nov(23), { managers }).sent.find(
      (r) => r.event === REMINDER_EVENTS.manager,
    );
    expect(escalation?.body).toContain('- A (owner ana@example.com): last check-in 21 days ago');
    expect(escalation?.body).toContain('more than 14 days, two check-in intervals');
  });

  it('groups escalations by manager and stops them once the owner checks in', () => {
    const managers = table([
      ['ana@example.com', 'lead@example.com'],
      ['BO@example.com', 'Lead@example.com'],
    ]);
    const krs = [kr('A', 'ana@example.com', null), kr('B', 'bo@example.com', null)];
    const escalations = (list: ReminderKeyResult[]) =>
      run([], list, nov(23), { managers }).sent.filter((r) => r.event === REMINDER_EVENTS.manager);
    expect(escalations(krs).map((r) => [r.to, r.keyResults.length])).toEqual([['lead@example.com', 2]]);
    expect(
      escalations([kr('A', 'ana@example.com', nov(20)), krs[1] as ReminderKeyResult]).map((r) =>
        r.keyResults.map((k) => k.name),
      ),
    ).toEqual([['B']]);
  });

  it('logs, once a week, an owner or manager that is not one email address, and a Managers sheet it cannot read', () => {
    const log: CellValue[][] = [];
    const krs = [kr('A', 'the sales team', null), kr('B', '', null), kr('C', 'cy@example.com', null)];
    const managers = table([['cy@example.com', 'Dana (boss)']]);
    const { notes } = run(log, krs, nov(23), { managers });
    expect(notes.map((n) => n.outcome)).toEqual([
      'not sent: owner "the sales team" is not one email address',
      'not sent: no owner',
      'not sent: manager "Dana (boss)" (Managers sheet, row 2) is not one email address',
    ]);
    expect(run(log, krs, nov(24), { managers }).notes).toEqual([]);
    const unreadable = readManagerTable([['Person', 'Boss']], 'Managers');
    expect(run([], krs, nov(23), { managers: unreadable }).notes.at(-1)?.outcome).toBe(
      'not sent: the Managers sheet needs the headers "Owner" and "Manager" in its first row (it has "Person", "Boss")',
    );
  });

  it('follows the team check-in day and interval', () => {
    const schedule = { intervalDays: 14, weekday: 4 }; // Thursdays, every two weeks
    const krs = [kr('A', 'ana@example.com', nov(2))];
    const days = [];
    const log: CellValue[][] = [];
    for (let d = 3; d <= 30; d++) if (run(log, krs, nov(d), { schedule }).sent.length) days.push(d);
    expect(days).toEqual([19, 26]); // the first Thursday more than 14 days after Nov 2, then weekly
  });

  it('reads the log in time order, whatever order the rows are in', () => {
    const log: CellValue[][] = [];
    const krs = [kr('A', 'ana@example.com', nov(1))];
    run(log, krs, nov(9));
    const reversed = [...log, [nov(1), 'KPI', 'Breach', 3, 'ana@example.com', 'sent']].reverse();
    expect(run(reversed, krs, nov(16, 6)).sent).toHaveLength(1);
    expect(reminderState(reversed, startOfDay).lastSent.size).toBe(1);
  });

  it('never sends anyone two reminders of a kind in one check-in week (property)', () => {
    const day = fc.record({
      quota: fc.integer({ min: 0, max: 3 }),
      checkIns: fc.subarray(['a', 'b', 'c']),
    });
    fc.assert(
      fc.property(
        fc.array(day, { minLength: 7, maxLength: 60 }),
        fc.integer({ min: 1, max: 21 }),
        (days, interval) => {
          const schedule = { intervalDays: interval, weekday: 1 };
          const managers = table([
            ['a@example.com', 'm@example.com'],
            ['b@example.com', 'm@example.com'],
          ]);
          const last = new Map<string, Date | null>([
            ['a', null],
            ['b', null],
            ['c', null],
          ]);
          const log: CellValue[][] = [];
          const sent: { to: string; event: string; day: number }[] = [];
          days.forEach(({ quota, checkIns }, i) => {
            const now = new Date(2026, 9, 1 + i, 7);
            for (const o of checkIns) last.set(o, new Date(2026, 9, 1 + i, 6));
            const krs = [...last].map(([o, at]) => kr(`KR ${o}`, `${o}@example.com`, at));
            const result = run(log, krs, now, { quota, managers, schedule });
            for (const mail of result.sent) {
              sent.push({ to: mail.to, event: mail.event, day: i });
              // Every key result it lists is stale today.
              for (const k of mail.keyResults) expect(k.days).toBeGreaterThan(interval);
            }
          });
          // Oct 1 2026 is a Thursday: check-in weeks start on Monday Oct 5 (day 4), then every 7 days.
          const week = (day: number) => Math.floor((day - 4) / 7);
          const seen = new Set(sent.map((m) => `${m.to} ${m.event} ${week(m.day)}`));
          expect(seen.size).toBe(sent.length);
        },
      ),
    );
  });
});

describe('what the job reads', () => {
  it('needs nothing more on a day that is not the check-in day, unless a reminder is pending', () => {
    const empty = reminderState([], startOfDay);
    expect(remindersMayBeDue(nov(9), DEFAULT_CHECK_IN_SCHEDULE, empty)).toBe(true);
    expect(remindersMayBeDue(nov(10), DEFAULT_CHECK_IN_SCHEDULE, empty)).toBe(false);
    const log: CellValue[][] = [];
    run(log, [kr('A', 'ana@example.com', nov(1))], nov(9), { quota: 0 });
    expect(remindersMayBeDue(nov(10), DEFAULT_CHECK_IN_SCHEDULE, reminderState(log, startOfDay))).toBe(true);
  });

  it('asks for the Managers table only when a key result has gone two intervals', () => {
    const asked: number[] = [];
    const plan = (lastCheckIn: Date) =>
      planReminders({
        keyResults: [kr('A', 'ana@example.com', lastCheckIn)],
        schedule: DEFAULT_CHECK_IN_SCHEDULE,
        cycleStart: CYCLE_START,
        today: nov(23, 0),
        state: reminderState([], startOfDay),
        managers: () => {
          asked.push(lastCheckIn.getDate());
          return NO_MANAGERS;
        },
        spreadsheet: SPREADSHEET,
      });
    plan(nov(10)); // 13 days: one interval
    plan(nov(8)); // 15 days: two
    expect(asked).toEqual([8]);
  });
});

describe('readManagerTable', () => {
  it('finds Owner and Manager in any columns and keeps the first row of an owner listed twice', () => {
    const t = readManagerTable(
      [
        ['Team', ' manager ', 'OWNER'],
        ['x', 'lead@example.com', 'Ana@example.com'],
        ['x', 'other@example.com', 'ana@example.com'],
        ['x', '', 'bo@example.com'],
      ],
      'Managers',
    );
    expect(t).toEqual({
      kind: 'table',
      byOwner: new Map([['ana@example.com', { manager: 'lead@example.com', row: 2 }]]),
    });
  });

  it('names the headers it needs and the ones it found', () => {
    expect(readManagerTable([], 'Managers')).toEqual({
      kind: 'unreadable',
      problem: 'the Managers sheet needs the headers "Owner" and "Manager" in its first row (it is empty)',
    });
  });
});
