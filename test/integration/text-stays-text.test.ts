/**
 * Text a team typed (as text) is written back by the add-on as exactly that text: never a formula, a
 * number, a boolean or a date, whether Refresh, the close of a cycle, the alert log or a KPI signal
 * copies it.
 */
import type { Workbook } from '../../emulator';
import { NOW, openAddon, values } from '../support/addon';

/** Types each text into the cell as text (a leading apostrophe, as a person would). */
function typeText(wb: Workbook, sheet: string, cells: Record<string, string>): void {
  for (const [a1, text] of Object.entries(cells)) wb.sheet(sheet).getRange(a1).setValue(`'${text}`);
}

function formulas(wb: Workbook, sheet: string, a1: string): string[] {
  return wb.sheet(sheet).getRange(a1).getFormulas().flat();
}

function withExamples() {
  let now = NOW;
  const addon = openAddon({ clock: () => now, timeZone: 'America/New_York' });
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  return { ...addon, nextDay: () => (now = new Date(now.getTime() + 86_400_000)) };
}

const TRICKY = ['0123', 'TRUE', '2026-01-05', '45%', '=IMPORTXML("http://x","//a")', '+1+1'];

describe('text stays text', () => {
  it('Refresh writes back key-result IDs and last check-ins typed as text exactly', () => {
    const { wb, run } = withExamples();
    // Last check-in in S, KR ID in U.
    typeText(wb, 'OKRs', { U2: '0123', U3: 'TRUE', U4: '+1+1', S2: '2026-01-05', S3: '45%', S4: '=1+1' });
    run('menuRefresh');
    expect(values(wb, 'OKRs', 'S2:U4').map((r) => [r[0], r[2]])).toEqual([
      ['2026-01-05', '0123'],
      ['45%', 'TRUE'],
      ['=1+1', '+1+1'],
    ]);
    expect([...formulas(wb, 'OKRs', 'S2:S4'), ...formulas(wb, 'OKRs', 'U2:U4')]).toEqual(Array(6).fill(''));
  });

  it('a KPI signal naming a KPI keeps the name as text', () => {
    const { wb, run, nextDay } = withExamples();
    for (const name of ['+1+1', '=IMPORTXML("http://x","//a")', '0123']) {
      // Renamed, recorded once, then dropping by half the next day: the signal starts with the name.
      typeText(wb, 'KPIs', { A7: name });
      wb.sheet('KPIs').getRange('I7').setValue(200);
      run('menuRefresh');
      nextDay();
      wb.sheet('KPIs').getRange('I7').setValue(100);
      run('menuRefresh');
      expect(formulas(wb, 'KPIs', 'M7')).toEqual(['']);
      expect(values(wb, 'KPIs', 'M7')[0]?.[0]).toMatch(
        new RegExp(`^${name.replace(/[()+=.*/"]/g, '\\$&')} `),
      );
    }
  });

  it('closing a cycle archives and carries names and IDs, and names the next cycle, as text', () => {
    const { wb, run } = withExamples();
    typeText(wb, 'OKRs', { B2: TRICKY[4] as string, C2: TRICKY[2] as string, U2: '0123' });
    typeText(wb, 'OKR Settings', { B2: '+5 sprint' });
    // A cycle that is not a calendar quarter: the next one is named after it.
    wb.sheet('OKR Settings')
      .getRange('B4')
      .setValue(new Date(Date.UTC(2026, 11, 15, 5)));
    wb.ui.respond({ button: 'YES' }, { button: 'OK', text: 'all' });
    run('menuCloseCycle');
    const archive = wb.sheetNames().find((name) => name.startsWith('Archive')) as string;
    const archived = values(wb, archive, 'A2:J2')[0] ?? [];
    expect([archived[1], archived[2], archived[8], archived[9]]).toEqual([
      TRICKY[4],
      TRICKY[2],
      '0123',
      '+5 sprint',
    ]);
    expect(formulas(wb, archive, 'A2:J2')).toEqual(Array(10).fill(''));
    expect(values(wb, 'OKRs', 'B2:C2')[0]).toEqual([TRICKY[4], TRICKY[2]]);
    expect(values(wb, 'OKRs', 'U2')[0]).toEqual(['0123']);
    expect(formulas(wb, 'OKRs', 'A2:J2')).toEqual(Array(10).fill(''));
    expect(formulas(wb, 'OKRs', 'U2')).toEqual(['']);
    expect(values(wb, 'OKR Settings', 'B2')[0]).toEqual(['+5 sprint (next)']);
    expect(formulas(wb, 'OKR Settings', 'B2')).toEqual(['']);
  });

  it('the alert log records a KPI name as text', () => {
    const { wb, run } = withExamples();
    typeText(wb, 'KPIs', { A4: 'TRUE' }); // Ticket backlog, in breach
    run('dailyCheck', {});
    const log = wb.sheet('Alerts');
    const names = log
      .getRange(2, 2, log.getLastRow() - 1, 1)
      .getValues()
      .flat();
    expect(names).toContain('TRUE');
    expect(names.filter((name) => typeof name !== 'string')).toEqual([]);
  });
});
