import { NOW, openAddon, values } from './support/addon';

it('dbg', () => {
  let now = NOW;
  const addon = openAddon({ clock: () => now });
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  const id = String(values(addon.wb, 'OKRs', 'U5')[0]?.[0]);
  for (const [d, v] of [
    [4, '600'],
    [11, '700'],
    [18, '800'],
  ] as const) {
    now = new Date(2026, 10, d, 9);
    addon.run('sidebarSubmitCheckIn', { krId: id, value: v, confidence: '7', comment: '' });
  }
  (globalThis as any).DBG = true;
  addon.run('menuRefresh');
  console.log(JSON.stringify(values(addon.wb, 'OKRs', 'P5:Q5')));
});
