import type { Workbook } from '../../emulator';
import { type Addon, lastAlert, openAddon, values } from '../support/addon';

/** A KPIs sheet set up by the add-on, with the given rows typed in (KPI, owner, direction, warning, critical, limit, value). */
function withKpis(rows: unknown[][], quota = 100): Addon & { day: (n: number) => void } {
  let now = new Date(2026, 10, 2, 7, 0);
  const addon = openAddon({ clock: () => now, mailQuota: quota });
  addon.wb.ui.respond({ button: 'NO' });
  addon.run('menuSetUp');
  const kpis = addon.wb.sheet('KPIs');
  kpis
    .getRange(2, 1, rows.length, 9)
    .setValues(
      rows.map(([name, owner, direction, warning, critical, limit, value]) => [
        name,
        owner,
        '',
        direction,
        warning,
        critical,
        limit,
        '',
        value,
      ]),
    );
  return { ...addon, day: (n: number) => (now = new Date(2026, 10, 2 + n, 7, 0)) };
}

function setValue(wb: Workbook, row: number, value: number) {
  wb.sheet('KPIs').getRange(row, 9).setValue(value);
}

function alertLog(wb: Workbook): unknown[][] {
  const sheet = wb.sheet('Alerts');
  return sheet.getLastRow() < 2 ? [] : sheet.getRange(2, 2, sheet.getLastRow() - 1, 5).getValues();
}

describe('daily alerts', () => {
  it('alert when a KPI enters breach, not while it stays there, and again after it recovered', () => {
    const { wb, run, day } = withKpis([['Leads', 'sales@example.com', 'higher', 180, 150, '', 200]]);
    const sentOn: number[] = [];
    const script: [number, number][] = [
      [0, 200], // OK
      [1, 140], // enters breach: one email
      [2, 140], // stays: none
      [3, 145], // stays: none
      [4, 190], // recovers: logged, no email
      [5, 170], // warning: none
      [6, 120], // breaches again: one email
    ];
    for (const [n, value] of script) {
      day(n);
      setValue(wb, 2, value);
      const before = wb.mail.sent.length;
      run('dailyCheck', {});
      if (wb.mail.sent.length > before) sentOn.push(n);
    }
    expect(sentOn).toEqual([1, 6]);
    expect(wb.mail.sent[0]).toMatchObject({
      to: 'sales@example.com',
      subject: 'OKR & KPI Tracker: 1 KPI needs attention',
    });
    expect(wb.mail.sent[0]?.body).toMatch(/Leads.*Breach.*140/s);
    expect(alertLog(wb).map((r) => [r[0], r[1], r[4]])).toEqual([
      ['Leads', 'Breach', 'sent'],
      ['Leads', 'Recovered', 'no email: recovered'],
      ['Leads', 'Breach', 'sent'],
    ]);
  });

  it('flags a sudden drop in the bad direction even without a breach, once', () => {
    const { wb, run, day } = withKpis([['Signups', 'growth@example.com', 'higher', 50, 40, 0.25, 100]]);
    run('dailyCheck', {});
    day(1);
    setValue(wb, 2, 60);
    run('dailyCheck', {});
    expect(wb.mail.sent).toHaveLength(1);
    expect(wb.mail.sent[0]?.body).toContain('Signups dropped 40% versus the previous value');
    expect(values(wb, 'KPIs', 'M2')[0]?.[0]).toBe('Signups dropped 40% versus the previous value');
    expect(wb.effectiveFormat('KPIs', 2, 13).background).toBe('#fce8b2');
    day(2);
    run('dailyCheck', {});
    expect(wb.mail.sent).toHaveLength(1);
  });

  it('sends what the daily quota allows, logs the rest as not sent, and sends it the next day', () => {
    const { wb, run, day } = withKpis(
      [
        ['Leads', 'sales@example.com', 'higher', 180, 150, '', 100],
        ['Backlog', 'support@example.com', 'lower', 120, 150, '', 200],
      ],
      1,
    );
    run('dailyCheck', {});
    expect(wb.mail.sent).toHaveLength(1);
    expect(alertLog(wb).map((r) => r[4])).toEqual(['sent', 'not sent: daily email quota reached']);
    day(1);
    run('dailyCheck', {});
    expect(wb.mail.sent).toHaveLength(2);
    expect(new Set(wb.mail.sent.map((m) => m.to))).toEqual(
      new Set(['sales@example.com', 'support@example.com']),
    );
    day(2);
    run('dailyCheck', {});
    expect(wb.mail.sent).toHaveLength(2);
  });

  it('logs a KPI without a usable owner instead of mailing anyone', () => {
    const { wb, run } = withKpis([['Leads', 'the sales team', 'higher', 180, 150, '', 100]]);
    run('dailyCheck', {});
    expect(wb.mail.sent).toHaveLength(0);
    expect(alertLog(wb)[0]?.[4]).toBe('not sent: owner "the sales team" is not one email address');
  });

  it('logs a failing run in the Alerts sheet instead of failing silently', () => {
    const { wb, run } = withKpis([['Leads', 'sales@example.com', 'higher', 180, 150, '', 100]]);
    wb.sheet('KPI History').getRange('A1').setValue('not a history');
    run('dailyCheck', {});
    expect(alertLog(wb).at(-1)?.[1]).toBe('Error');
    expect(String(alertLog(wb).at(-1)?.[4])).toMatch(
      /^failed: The "KPI History" sheet does not have the columns/,
    );
  });
});

describe("a team's own sheet named Alerts", () => {
  const TEAM_ALERTS = [
    ['Date', 'Incident', 'Owner'],
    ['last week', 'Outage', 'ops'],
  ];
  const OWN_LOG = 'Alerts (OKR & KPI Tracker)';

  function withTeamAlerts() {
    const addon = withKpis([['Leads', 'sales@example.com', 'higher', 180, 150, '', 200]]);
    const team = addon.wb.spreadsheet.insertSheet('Alerts');
    team.getRange(1, 1, 2, 3).setValues(TEAM_ALERTS);
    return addon;
  }
  const teamSheet = (wb: Workbook) => wb.sheet('Alerts').getDataRange().getValues();

  it('turning alerts on says so, and the log goes to a sheet of its own', () => {
    const { wb, run } = withTeamAlerts();
    run('menuAlertsOn');
    expect(lastAlert(wb)).toMatch(
      /^Daily alerts are on\..* Your own "Alerts" sheet has another layout: the add-on leaves it alone and logs every alert in a sheet of its own, "Alerts \(OKR & KPI Tracker\)"\.$/,
    );
    expect(wb.sheetNames()).toContain(OWN_LOG);
    expect(teamSheet(wb)).toEqual(TEAM_ALERTS);
  });

  it("alerts, de-duplicates and logs failures there, never writing into the team's sheet", () => {
    const { wb, run, day } = withTeamAlerts();
    day(1);
    setValue(wb, 2, 120);
    run('dailyCheck', {});
    day(2);
    run('dailyCheck', {});
    expect(wb.mail.sent).toHaveLength(1);
    const log = wb.sheet(OWN_LOG);
    expect(log.getRange(2, 2, log.getLastRow() - 1, 5).getValues()).toEqual([
      ['Leads', 'Breach', 120, 'sales@example.com', 'sent'],
    ]);
    // Their sheet renamed away: the log is still found, so the breach is not alerted twice.
    wb.spreadsheet.getSheetByName('Alerts')?.setName('Incidents');
    day(3);
    run('dailyCheck', {});
    expect(wb.mail.sent).toHaveLength(1);
    wb.sheet('KPI History').getRange('A1').setValue('not a history');
    run('dailyCheck', {});
    expect(String(log.getRange(log.getLastRow(), 6).getValue())).toMatch(/^failed: The "KPI History" sheet/);
    expect(wb.sheet('Incidents').getDataRange().getValues()).toEqual(TEAM_ALERTS);
  });
});

describe('turning daily alerts on and off', () => {
  it('installs one trigger however often it is turned on, and removes it', () => {
    const { wb, run } = openAddon();
    run('menuAlertsOn');
    run('menuAlertsOn');
    expect(wb.triggers.filter((t) => t.handler === 'dailyCheck')).toHaveLength(1);
    expect(lastAlert(wb)).toBe(
      'Daily alerts are already on for this spreadsheet. Every alert is logged in the "Alerts" sheet.',
    );
    run('menuAlertsOff');
    expect(wb.triggers).toHaveLength(0);
    expect(lastAlert(wb)).toBe('Daily alerts are off.');
  });

  it('asks for authorization first when it is needed', () => {
    const { wb, run } = openAddon();
    wb.setAuthorizationRequired(true);
    run('menuAlertsOn');
    expect(wb.triggers).toHaveLength(0);
    expect(lastAlert(wb)).toMatch(/needs your permission.*\nhttps?:\/\//s);
  });
});

describe('KPI history', () => {
  it('keeps one row per KPI per day, and fills Previous, Change and Trend from it', () => {
    const { wb, run, day } = withKpis([['Leads', 'sales@example.com', 'higher', 180, 150, '', 200]]);
    run('menuRefresh');
    run('menuRefresh');
    expect(values(wb, 'KPI History', 'A2:C3')).toEqual([
      [new Date(2026, 10, 2), 'Leads', 200],
      ['', '', ''],
    ]);
    day(1);
    setValue(wb, 2, 220);
    run('menuRefresh');
    setValue(wb, 2, 230);
    run('menuRefresh');
    expect(values(wb, 'KPI History', 'A2:C4')).toEqual([
      [new Date(2026, 10, 2), 'Leads', 200],
      [new Date(2026, 10, 3), 'Leads', 230],
      ['', '', ''],
    ]);
    const [previous, change] = values(wb, 'KPIs', 'J2:K2')[0] ?? [];
    expect(previous).toBe(200);
    expect(change).toBeCloseTo(0.15);
    expect(wb.sheet('KPIs').getRange('N2').getFormula()).toBe('=SPARKLINE({200,I2})');
    // The trend line: the recorded previous value, then the live current cell (getValues reads '').
    const trend = wb.snapshot('KPIs', { rows: 2, cols: 14 }).cells[1]?.[13]?.value;
    expect(trend).toEqual({ kind: 'sparkline', data: [200, 230], options: {} });
  });
});
