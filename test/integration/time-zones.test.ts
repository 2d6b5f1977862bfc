/**
 * The script runs in UTC (the add-on project's zone, as in appsscript.json); the spreadsheet in its
 * owner's. Days written and read must be the days the sheet shows, east and west of UTC alike.
 */
import { NOW, openAddon } from '../support/addon';

function setUpIn(timeZone: string, now = NOW) {
  const addon = openAddon({ clock: () => now, timeZone, scriptTimeZone: 'Etc/UTC' });
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  return addon;
}

function shown(addon: ReturnType<typeof setUpIn>, names: readonly string[]): string[] {
  return names.map((name) => addon.wb.spreadsheet.getRangeByName(name)?.getDisplayValue() ?? '');
}

const SETTINGS = ['CycleStart', 'CycleEnd', 'AsOfDate'] as const;

describe.each(['America/New_York', 'Asia/Tokyo', 'Pacific/Auckland'])('a spreadsheet in %s', (zone) => {
  it("shows the cycle and today's date as the days they are", () => {
    expect(shown(setUpIn(zone), SETTINGS)).toEqual(['2026-10-01', '2026-12-31', '2026-11-25']);
  });

  it('scores, judges and keeps history exactly as a spreadsheet in UTC does', () => {
    const utc = setUpIn('Etc/UTC');
    const local = setUpIn(zone);
    for (const addon of [utc, local]) addon.run('menuRefresh');
    const view = (addon: typeof utc, sheet: string, a1: string) =>
      addon.wb.sheet(sheet).getRange(a1).getDisplayValues();
    expect(view(local, 'OKRs', 'M2:O6')).toEqual(view(utc, 'OKRs', 'M2:O6'));
    expect(view(local, 'KPIs', 'J2:M7')).toEqual(view(utc, 'KPIs', 'J2:M7'));
    expect(view(local, 'KPI History', 'A2:C40')).toEqual(view(utc, 'KPI History', 'A2:C40'));
  });

  it('reads cycle dates typed in the sheet as the days typed, and closes into the next quarter', () => {
    const addon = setUpIn(zone);
    const settings = addon.wb.sheet('OKR Settings');
    // Typed by hand: the sheet reads them as its own midnights.
    settings.getRange('B3:B4').setValues([['2026-10-01'], ['2026-12-31']]);
    addon.wb.ui.respond({ button: 'YES' }, { button: 'OK', text: '' });
    addon.run('menuCloseCycle');
    expect(addon.wb.ui.alerts.at(-2)?.message).toMatch(/2027 Q1 starts \(2027-01-01 to 2027-03-31\)/);
    expect(shown(addon, ['CycleName', ...SETTINGS])).toEqual([
      '2027 Q1',
      '2027-01-01',
      '2027-03-31',
      '2026-11-25',
    ]);
  });
});

it("takes today as the spreadsheet's day, not the script's", () => {
  // 23:00 UTC on the 25th is 18:00 on the 25th in New York; 20:00 UTC on the 24th is already the
  // 25th in Tokyo. Either way the script's own day differs from what the sheet must show.
  const evening = new Date(Date.UTC(2026, 10, 25, 23, 0));
  expect(shown(setUpIn('America/New_York', evening), ['AsOfDate'])).toEqual(['2026-11-25']);
  const dawn = new Date(Date.UTC(2026, 10, 24, 20, 0));
  expect(shown(setUpIn('Asia/Tokyo', dawn), ['AsOfDate'])).toEqual(['2026-11-25']);
});

it('writes a day whose midnight a DST change skips as that day', () => {
  // Santiago moves its clocks from 00:00 to 01:00 on 2026-09-06: that day starts at 01:00.
  const noon = new Date(Date.UTC(2026, 8, 6, 16, 0));
  expect(shown(setUpIn('America/Santiago', noon), SETTINGS)).toEqual([
    '2026-07-01',
    '2026-09-30',
    '2026-09-06',
  ]);
});
