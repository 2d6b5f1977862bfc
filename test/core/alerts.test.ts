import fc from 'fast-check';
import {
  type Alert,
  type Digest,
  groupDigests,
  type KpiEvaluation,
  lastAlertState,
  logRows,
  planAlerts,
  planSending,
} from '../../src/core/alerts';
import type { CellValue } from '../../src/core/cell';
import type { AnyKpiStatus } from '../../src/core/kpi-rule';

const at = (d: number, h = 8) => new Date(2026, 2, d, h);

const leads = (status: AnyKpiStatus, value: number, sudden?: KpiEvaluation['sudden']): KpiEvaluation =>
  sudden
    ? { kpi: 'Leads', owner: 'ana@example.com', status, value, sudden }
    : { kpi: 'Leads', owner: 'ana@example.com', status, value };

/** One job run, as the sheets layer will do it: read the log, plan, send within quota, append rows. */
function run(log: CellValue[][], evaluations: readonly KpiEvaluation[], now: Date, quota = 100) {
  const plan = planAlerts(evaluations, lastAlertState(log), now);
  const { digests, unaddressed } = groupDigests(plan.toSend);
  const { send, deferred } = planSending(digests, quota);
  const appended = [...plan.recoveries, ...logRows(send, deferred, [], now, unaddressed)];
  log.push(...appended);
  return { emails: send, deferred, appended };
}

describe('a KPI through several days', () => {
  it('alerts on entering breach, stays quiet while it lasts, logs the recovery, alerts again', () => {
    const log: CellValue[][] = [['Time', 'KPI', 'Status', 'Value', 'Recipient', 'Outcome']];

    const day1 = run(log, [leads('Breach', 40)], at(1));
    expect(day1.emails.map((d) => d.to)).toEqual(['ana@example.com']);
    expect(day1.appended).toEqual([[at(1), 'Leads', 'Breach', 40, 'ana@example.com', 'sent']]);

    for (const d of [2, 3, 4]) {
      const later = run(log, [leads('Breach', 38)], at(d));
      expect(later.emails).toEqual([]);
      expect(later.appended).toEqual([]);
    }

    const day5 = run(log, [leads('OK', 60)], at(5));
    expect(day5.emails).toEqual([]);
    expect(day5.appended).toEqual([
      [at(5), 'Leads', 'Recovered', 60, 'ana@example.com', 'no email: recovered'],
    ]);

    expect(run(log, [leads('Warning', 50)], at(6)).appended).toEqual([]); // warning: no alert, no row

    const day7 = run(log, [leads('Breach', 30)], at(7));
    expect(day7.emails).toHaveLength(1);
    expect(lastAlertState(log).get('leads')).toEqual({ breach: 'alerted', lastSent: at(7) });
  });

  it('alerts on a sudden change of a KPI not in breach, once a day', () => {
    const log: CellValue[][] = [];
    const drop = { change: -0.35, text: 'Leads dropped 35% versus the previous value' };

    const morning = run(log, [leads('OK', 65, drop)], at(1, 8));
    expect(morning.emails).toHaveLength(1);
    expect(morning.emails[0]?.body).toContain(
      '- Leads: OK, value 65. Leads dropped 35% versus the previous value.',
    );
    expect(morning.appended).toEqual([[at(1, 8), 'Leads', 'Sudden change', 65, 'ana@example.com', 'sent']]);

    expect(run(log, [leads('OK', 64, drop)], at(1, 18)).emails).toEqual([]); // same day
    expect(lastAlertState(log).get('leads')?.breach).toBe('clear'); // a sudden change is not a breach

    expect(run(log, [leads('OK', 40, drop)], at(2)).emails).toHaveLength(1); // next day
    // the same day, entering breach still alerts: that is a new event, not a repeat
    expect(run(log, [leads('Breach', 20)], at(2, 18)).emails).toHaveLength(1);
  });

  it('defers what the quota cannot cover and sends it on the next run', () => {
    const log: CellValue[][] = [];
    const breaches = [
      leads('Breach', 40),
      { kpi: 'Churn', owner: 'bo@example.com', status: 'Breach', value: 0.09 } as const,
    ];

    const first = run(log, breaches, at(1), 1);
    expect(first.emails.map((d) => d.to)).toEqual(['ana@example.com']);
    expect(first.deferred.map((d) => d.to)).toEqual(['bo@example.com']);
    expect(first.appended).toEqual([
      [at(1), 'Leads', 'Breach', 40, 'ana@example.com', 'sent'],
      [at(1), 'Churn', 'Breach', 0.09, 'bo@example.com', 'not sent: daily email quota reached'],
    ]);
    expect(lastAlertState(log).get('churn')?.breach).toBe('clear');

    const retry = run(log, breaches, at(2), 100);
    expect(retry.emails.map((d) => d.to)).toEqual(['bo@example.com']);
    expect(run(log, breaches, at(3)).emails).toEqual([]);
  });
});

describe('lastAlertState', () => {
  it.each([
    // [rows, state of Leads]
    [[[at(1), 'Leads', 'Breach', 1, 'a@x.io', 'sent']], 'alerted'],
    [[[at(1), 'Leads', 'Breach', 1, 'a@x.io', 'failed: invalid address']], 'clear'],
    [
      [
        [at(1), 'Leads', 'Breach', 1, 'a@x.io', 'sent'],
        [at(2), 'Leads', 'Recovered', 5, 'a@x.io', 'no email: recovered'],
      ],
      'clear',
    ],
    [
      [
        [at(1), 'Leads', 'Breach', 1, 'a@x.io', 'sent'],
        [at(2), 'Leads', 'Sudden change', 1, 'a@x.io', 'sent'],
      ],
      'alerted',
    ],
    // sorted newest first by a person: time order still decides
    [
      [
        [at(2), 'Leads', 'Recovered', 5, 'a@x.io', ''],
        [at(1), 'Leads', 'Breach', 1, 'a@x.io', 'Sent'],
      ],
      'clear',
    ],
  ] as const)('reads %j as %p', (rows, breach) => {
    expect(lastAlertState(rows as unknown as CellValue[][]).get('leads')?.breach).toBe(breach);
  });

  it('matches KPI names trimmed and case-insensitively and skips unreadable rows', () => {
    const state = lastAlertState([
      ['Time', 'KPI', 'Status', 'Value', 'Recipient', 'Outcome'],
      [at(1), ' LEADS ', 'breach', 1, 'a@x.io', 'sent'],
      ['', 'Leads', 'Recovered', 1, 'a@x.io', ''],
      [at(2), 'Leads', 'Something else', 1, 'a@x.io', ''],
      [at(3), '', 'Recovered', 1, 'a@x.io', ''],
    ]);
    expect([...state.entries()]).toEqual([['leads', { breach: 'alerted', lastSent: at(1) }]]);
  });
});

describe('planAlerts', () => {
  const alerted = new Map([['leads', { breach: 'alerted', lastSent: at(1) } as const]]);
  const clear = new Map();
  const drop = { change: -0.4, text: 'Leads dropped 40% versus the previous value' };

  it.each([
    // [status, state, sudden?, reasons sent, recovery rows]
    ['Breach', 'clear', undefined, ['breach'], 0],
    ['Breach', 'clear', drop, ['breach'], 0], // one alert, the sudden change rides along
    ['Breach', 'alerted', undefined, [], 0],
    ['Breach', 'alerted', drop, ['sudden'], 0], // much worse again on another day
    ['Warning', 'alerted', undefined, [], 1],
    ['OK', 'alerted', drop, ['sudden'], 1],
    ['OK', 'clear', undefined, [], 0],
    // A KPI judged against its target alone: a missed target is its breach, near its warning.
    ['Missed', 'clear', undefined, ['breach'], 0],
    ['Missed', 'alerted', undefined, [], 0],
    ['Near', 'alerted', undefined, [], 1],
    ['Met', 'alerted', undefined, [], 1],
    ['Near', 'clear', undefined, [], 0],
  ] as const)('%p, state %p, sudden change %j', (status, state, sudden, reasons, recoveries) => {
    const plan = planAlerts([leads(status, 10, sudden)], state === 'alerted' ? alerted : clear, at(2));
    expect(plan.toSend.map((a) => a.reason)).toEqual(reasons);
    expect(plan.recoveries).toHaveLength(recoveries);
  });

  it('judges a KPI listed twice once', () => {
    expect(planAlerts([leads('Breach', 1), leads('Breach', 2)], new Map(), at(1)).toSend).toHaveLength(1);
  });

  it('never alerts twice for one breach, whatever the days bring', () => {
    const status = fc.constantFrom<AnyKpiStatus>('OK', 'Warning', 'Breach', 'Met', 'Near', 'Missed');
    fc.assert(
      fc.property(fc.array(status, { maxLength: 30 }), (days) => {
        const log: CellValue[][] = [];
        let previous: AnyKpiStatus = 'OK';
        const bad = (s: AnyKpiStatus) => s === 'Breach' || s === 'Missed';
        return days.every((today, i) => {
          const { emails, appended } = run(log, [leads(today, i)], at(i + 1));
          const entered = bad(today) && !bad(previous);
          const recovered = !bad(today) && bad(previous);
          previous = today;
          return emails.length === (entered ? 1 : 0) && appended.length === (entered || recovered ? 1 : 0);
        });
      }),
    );
  });
});

const alert = (kpi: string, owner: string, reason: Alert['reason'] = 'breach'): Alert => ({
  kpi,
  owner,
  status: 'Breach',
  value: 0.1 + 0.2,
  reason,
});

describe('groupDigests', () => {
  it('writes one digest per owner and sets aside alerts without an address', () => {
    const { digests, unaddressed } = groupDigests(
      [
        alert('Leads', 'ana@example.com'),
        alert('Churn', 'bo@example.com'),
        {
          ...alert('NPS', ' Ana@Example.com '),
          status: 'Warning',
          value: 31,
          reason: 'sudden',
          sudden: { change: -0.3, text: 'NPS dropped 30% versus the previous value' },
        },
        alert('Uptime', ''),
        alert('Cost', 'finance team'),
      ],
      'https://docs.google.com/spreadsheets/d/abc',
    );
    expect(digests.map((d) => [d.to, d.subject])).toEqual([
      ['ana@example.com', 'OKR & KPI Tracker: 2 KPIs need attention'],
      ['bo@example.com', 'OKR & KPI Tracker: 1 KPI needs attention'],
    ]);
    expect(digests[0]?.body).toBe(
      [
        'These KPIs need attention:',
        '',
        '- Leads: Breach, value 0.3.',
        '- NPS: Warning, value 31. NPS dropped 30% versus the previous value.',
        '',
        'Open the tracker: https://docs.google.com/spreadsheets/d/abc',
      ].join('\n'),
    );
    expect(digests[1]?.body).toBe(
      'This KPI needs attention:\n\n- Churn: Breach, value 0.3.\n\nOpen the tracker: https://docs.google.com/spreadsheets/d/abc',
    );
    expect(groupDigests([alert('Churn', 'bo@example.com')]).digests[0]?.body).toBe(
      'This KPI needs attention:\n\n- Churn: Breach, value 0.3.',
    );
    expect(unaddressed.map((a) => a.kpi)).toEqual(['Uptime', 'Cost']);
  });

  it.each([
    'ana@example.com\u0000',
    'ana@example.com\r\nBcc: eve@evil.io',
    'ana@exa\u0000mple.com',
    '\u202Eana@example.com',
    'ana\u200B@example.com',
    'ana@exam\u2028ple.com',
  ])('refuses the owner %j, which holds a control or invisible character, like any bad address', (owner) => {
    const { digests, unaddressed } = groupDigests([alert('Leads', owner)]);
    expect(digests).toEqual([]);
    expect(logRows([], [], [], at(1), unaddressed)[0]?.[5]).toMatch(
      /^not sent: owner ".*" is not one email address$/,
    );
  });

  it('puts each KPI name on one line of bounded length, whatever was typed', () => {
    const name = `Leads\nBcc: eve@evil.io\r\n- Revenue: OK\u202E${'x'.repeat(5000)}`;
    const sudden = { change: -0.5, text: `${name} dropped 50% versus the previous value` };
    const { digests } = groupDigests([{ ...alert(name, 'ana@example.com'), sudden }]);
    const lines = digests[0]?.body.split('\n') ?? [];
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(
      /^- Leads Bcc: eve@evil\.io - Revenue: OK x+…: Breach, value 0\.3\. Leads Bcc: .*x…\.$/,
    );
    expect(Array.from(lines[2] ?? '').length).toBeLessThan(360);
  });

  it('keeps every alert exactly once', () => {
    const owner = fc.constantFrom('a@x.io', 'B@x.io', 'b@x.io', '', 'nobody', 'a@x.io, b@x.io');
    fc.assert(
      fc.property(fc.array(owner), (owners) => {
        const alerts = owners.map((o, i) => alert(`KPI ${i}`, o));
        const { digests, unaddressed } = groupDigests(alerts);
        const kept = [...digests.flatMap((d) => d.alerts), ...unaddressed].map((a) => a.kpi).sort();
        return JSON.stringify(kept) === JSON.stringify(alerts.map((a) => a.kpi).sort());
      }),
    );
  });
});

describe('planSending', () => {
  const digest = (to: string, reason: Alert['reason']): Digest =>
    groupDigests([alert('K', to, reason)]).digests[0] as Digest;
  const digests = [digest('a@x.io', 'sudden'), digest('b@x.io', 'breach'), digest('c@x.io', 'sudden')];

  it.each([
    [0, [], ['b@x.io', 'a@x.io', 'c@x.io']],
    [1, ['b@x.io'], ['a@x.io', 'c@x.io']], // breaches first
    [2.7, ['b@x.io', 'a@x.io'], ['c@x.io']],
    [5, ['b@x.io', 'a@x.io', 'c@x.io'], []],
    [-3, [], ['b@x.io', 'a@x.io', 'c@x.io']],
    [Number.NaN, [], ['b@x.io', 'a@x.io', 'c@x.io']],
  ])('with quota %p sends %j and defers %j', (quota, send, deferred) => {
    const plan = planSending(digests, quota);
    expect(plan.send.map((d) => d.to)).toEqual(send);
    expect(plan.deferred.map((d) => d.to)).toEqual(deferred);
  });
});

describe('logRows', () => {
  it('writes one row per alert with its outcome', () => {
    const [sent, failed, deferred] = ['a@x.io', 'b@x.io', 'c@x.io'].map(
      (to, i) => groupDigests([alert(`K${i}`, to, i === 2 ? 'sudden' : 'breach')]).digests[0] as Digest,
    );
    const rows = logRows(
      [sent as Digest],
      [deferred as Digest],
      [{ mail: failed as Digest, message: ' Invalid email: b@x.io ' }],
      at(1),
      [alert('K3', ''), alert('K4', 'team')],
    );
    expect(rows).toEqual([
      [at(1), 'K0', 'Breach', 0.1 + 0.2, 'a@x.io', 'sent'],
      [at(1), 'K1', 'Breach', 0.1 + 0.2, 'b@x.io', 'failed: Invalid email: b@x.io'],
      [at(1), 'K2', 'Sudden change', 0.1 + 0.2, 'c@x.io', 'not sent: daily email quota reached'],
      [at(1), 'K3', 'Breach', 0.1 + 0.2, '', 'not sent: no owner'],
      [at(1), 'K4', 'Breach', 0.1 + 0.2, 'team', 'not sent: owner "team" is not one email address'],
    ]);
    // a failed or unaddressed breach stays clear: the next run tries again
    expect(lastAlertState(rows).get('k1')?.breach).toBe('clear');
    expect(lastAlertState(rows).get('k0')?.breach).toBe('alerted');
  });
});
