import { NOW, openAddon, values } from '../support/addon';

type Saved = {
  ok: boolean;
  errors?: Record<string, string>;
  kpi?: { name: string; status: string | null; warning: unknown };
};

function kpiWorkbook() {
  const addon = openAddon({ clock: () => NOW });
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  const save = (form: Record<string, unknown>) =>
    addon.run('sidebarSaveThresholds', {
      sheet: 'KPIs',
      kpi: 'On-time delivery',
      warning: '0.98',
      critical: '0.95',
      direction: 'higher',
      ...form,
    }) as Saved;
  return { ...addon, save };
}

describe('KPI threshold sidebar', () => {
  it('opens from the menu with every KPI and its limits in the page', () => {
    const { wb, run } = kpiWorkbook();
    run('menuEditThresholds');
    const html = wb.ui.lastSidebar()?.html ?? '';
    const data = JSON.parse(
      /<script id="initial-data" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null',
    ) as {
      kpis: { name: string; warning: number; status: string; shown: Record<string, string> }[];
    };
    expect(data.kpis.map((k) => k.name)).toEqual([
      'On-time delivery',
      'Median response time',
      'Ticket backlog',
      'Conversion rate',
      'Active users',
      'Weekly leads',
    ]);
    expect(data.kpis[0]).toMatchObject({
      warning: 0.98,
      status: 'Warning',
      shown: { value: '97.0%', warning: '98.0%' },
    });
  });

  it('saves new limits to the KPI found by name, and the colour follows at once', () => {
    const { wb, save } = kpiWorkbook();
    const saved = save({ warning: '96%', critical: '0.9' });
    expect(saved).toMatchObject({ ok: true, kpi: { name: 'On-time delivery', status: 'OK' } });
    expect(values(wb, 'KPIs', 'D2:F2')[0]).toEqual(['higher', 0.96, 0.9]);
    expect(values(wb, 'KPIs', 'L2')[0]?.[0]).toBe('OK');
    expect(wb.effectiveFormat('KPIs', 2, 9).background).toBe('#b7e1cd');
  });

  it('finds the KPI after the rows were sorted', () => {
    const { wb, save } = kpiWorkbook();
    wb.sheet('KPIs').getRange('A2:I7').sort({ column: 1, ascending: false });
    expect(save({ warning: '0.97' }).ok).toBe(true);
    const row = values(wb, 'KPIs', 'A2:F7').find((r) => r[0] === 'On-time delivery');
    expect(row?.[4]).toBe(0.97);
  });

  it.each([
    [
      { warning: 'high' },
      'warning',
      'Enter a number such as 0.98, 98% or 400, or leave it blank (got "high")',
    ],
    [{ warning: '', critical: '' }, 'warning', 'warning and critical are both blank'],
    [
      { warning: '0.9', critical: '0.95', direction: 'higher' },
      'warning',
      'warning (0.9) is below critical (0.95) although higher is better',
    ],
    [{ warning: '5', critical: '5', direction: '' }, 'direction', 'warning and critical are equal (5)'],
    [
      { direction: 'sideways' },
      'direction',
      'Direction must be higher, lower, or blank (from the limits), got "sideways"',
    ],
    [{ kpi: 'Revenue' }, 'kpi', 'No KPI named "Revenue" on "KPIs" any more'],
  ])('refuses %p with a message on %s, and writes nothing', (form, field, message) => {
    const { wb, save } = kpiWorkbook();
    const before = values(wb, 'KPIs', 'A2:I7');
    const saved = save(form);
    expect(saved.ok).toBe(false);
    expect(saved.errors?.[field]).toContain(message);
    expect(values(wb, 'KPIs', 'A2:I7')).toEqual(before);
  });

  it('refuses to guess which of two KPIs of the same name to change', () => {
    const { wb, save } = kpiWorkbook();
    wb.sheet('KPIs').getRange('A3').setValue('On-time delivery');
    expect(save({}).errors?.kpi).toBe(
      '"On-time delivery" appears on rows 2, 3 of "KPIs": give each KPI its own name first.',
    );
  });
});
