/**
 * Close cycle survives a failed service call at any point: for every round trip an uninterrupted close
 * makes (every call that reaches a service; the getters Apps Script answers in the script cannot fail
 * so), a close whose n-th round trip fails, then one retry (the next menu click), ends in exactly the
 * state of the uninterrupted close.
 */
import type { Workbook } from '../../emulator';
import { ROUND_TRIPS } from '../../emulator/call-kinds';
import { type Addon, NOW, openAddon, values } from '../support/addon';

/** A user who closes 2026 Q4, carrying the unfinished key results, and says no to anything else. */
function closesQ4(wb: Workbook): void {
  wb.ui.respondWith((request) => {
    if (request.kind === 'prompt') return { button: 'OK', text: '' };
    if (request.buttons === 'YES_NO') return { button: request.title === 'Close 2026 Q4?' ? 'YES' : 'NO' };
    return undefined;
  });
}

/**
 * The demo workbook with two check-ins, ready to close 2026 Q4. The close reads no computed cell (core
 * scores the rows), so the formula engine is left out: it would only make each of the many runs slower.
 */
function ready(): { addon: Addon; ids: string[] } {
  const addon = openAddon({ clock: () => NOW });
  addon.wb.setFormulaEngine(undefined);
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  const ids = values(addon.wb, 'OKRs', 'U2:U6').flat() as string[];
  addon.run('sidebarSubmitCheckIn', { krId: ids[4], value: true, confidence: '9', comment: 'Shipped!' });
  addon.run('sidebarSubmitCheckIn', { krId: ids[3], value: '800', confidence: '7', comment: '=1+1 text' });
  closesQ4(addon.wb);
  return { addon, ids };
}

/** Runs the menu item; an error escaping it is what Apps Script would show: returned, not thrown. */
function click(addon: Addon): unknown {
  try {
    addon.run('menuCloseCycle');
    return null;
  } catch (error) {
    return error;
  }
}

/**
 * Everything the close may touch: every sheet's values, the named settings and the document's
 * properties. Key-result IDs are random per workbook, so each is replaced by its key result's position
 * before the close.
 */
function state(wb: Workbook, ids: readonly string[]): unknown {
  const canonical = (v: unknown) => (typeof v === 'string' && ids.includes(v) ? `ID#${ids.indexOf(v)}` : v);
  const sheets = wb.sheetNames().map((name) => ({
    name,
    values: wb
      .sheet(name)
      .getDataRange()
      .getValues()
      .map((row) => row.map(canonical)),
  }));
  const settings = ['CycleName', 'CycleStart', 'CycleEnd', 'AsOfDate'].map((n) =>
    wb.spreadsheet.getRangeByName(n)?.getValue(),
  );
  return { sheets, settings, properties: [...wb.properties.document.entries()] };
}

describe('Close cycle under failures', () => {
  const reference = ready();
  reference.addon.wb.calls.reset();
  expect(click(reference.addon)).toBeNull();
  const { byKind } = reference.addon.wb.calls;
  const calls = ROUND_TRIPS.reduce((sum, kind) => sum + byKind[kind], 0);
  const expected = state(reference.addon.wb, reference.ids);

  it('the uninterrupted close is the one the rest is compared with', () => {
    const { wb } = reference.addon;
    expect(wb.spreadsheet.getRangeByName('CycleName')?.getValue()).toBe('2027 Q1');
    expect(values(wb, 'Archive 2026 Q4', 'I2:I6').flat()).toEqual(reference.ids);
    expect(values(wb, 'OKRs', 'U2:U6').flat()).toEqual([...reference.ids.slice(0, 4), '']);
    expect(values(wb, 'Check-ins', 'F2:F3').flat()).toEqual(['Shipped!', '=1+1 text']);
    expect(wb.properties.document.size).toBe(0);
    expect(calls).toBeGreaterThan(20);
    expect(calls).toBeLessThan(reference.addon.wb.calls.total);
  });

  it.each(Array.from({ length: calls }, (_, i) => i + 1))(
    'the close whose round trip %i fails, then one retry, ends as the uninterrupted close',
    (n) => {
      const { addon, ids } = ready();
      addon.wb.faults.failCall(n, { kinds: ROUND_TRIPS });
      click(addon);
      expect(addon.wb.faults.fired).toHaveLength(1);
      expect(click(addon)).toBeNull();
      expect(state(addon.wb, ids)).toEqual(expected);
    },
  );
});
