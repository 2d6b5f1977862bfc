/**
 * One way into every action: each menu item (as onOpen builds the menu) and each sidebar handler, with the
 * document lock held by someone else and with a service call failing. Nothing throws out of an entry
 * point: the user reads the busy message or what went wrong, and nothing in the document changes.
 */
import type { Workbook } from '../../emulator';
import { proposalForm } from '../../src/ui/connect-schema';
import { type Addon, connectStep, lastAlert, NOW, openAddon } from '../support/addon';

const BUSY = 'Someone else is updating this spreadsheet right now. Please try again in a moment.';

/** Set up with examples, plus a team's own KPI table on the active sheet for "Connect". */
function workbook(): Addon {
  const addon = openAddon({ clock: () => NOW });
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  const team = addon.wb.spreadsheet.insertSheet('Team KPIs');
  team.getRange('A1:E2').setValues([
    ['Metric', 'Actual', 'Goal', 'Min', 'Critical'],
    ['Uptime', 99.9, 99.9, 99.5, 99],
  ]);
  addon.wb.spreadsheet.setActiveSheet(team);
  addon.run('onOpen');
  // Every question is answered Yes (or OK, and a blank prompt), so each action goes all the way.
  addon.wb.ui.respondWith((request) => (request.buttons.startsWith('YES') ? { button: 'YES' } : undefined));
  return addon;
}

/** The whole document as the tests can see it: every sheet's values, and the triggers. */
function documentState(wb: Workbook): string {
  const sheets = wb.sheetNames().map((name) => [name, wb.sheet(name).getDataRange().getValues()]);
  return JSON.stringify({ sheets, triggers: wb.triggers.length });
}

/** What each menu item does while another execution holds the lock: "busy" if it writes, else it runs. */
const UNDER_HELD_LOCK: Record<string, 'busy' | 'sidebar' | 'alert'> = {
  menuSetUp: 'busy',
  menuConnectTable: 'sidebar',
  menuRefresh: 'busy',
  menuCheckIn: 'sidebar',
  menuEditThresholds: 'sidebar',
  menuAlertsOn: 'busy',
  menuAlertsOff: 'busy',
  menuCloseCycle: 'busy',
  menuHelp: 'alert',
};

const menuItems = workbook().wb.ui.items();

describe('every menu item', () => {
  it('is covered here', () => {
    expect(menuItems.map((i) => i.functionName).sort()).toEqual(Object.keys(UNDER_HELD_LOCK).sort());
  });

  it.each(menuItems)('"$caption" under a lock held by someone else', ({ functionName }) => {
    const { wb, run } = workbook();
    wb.setAuthorizationRequired(false);
    const before = documentState(wb);
    const release = wb.locks.holdByAnother('document');
    const sidebars = wb.ui.sidebars.length;
    expect(() => run(functionName)).not.toThrow();
    release();
    const expected = UNDER_HELD_LOCK[functionName];
    if (expected === 'busy') {
      expect(lastAlert(wb)).toBe(BUSY);
      expect(documentState(wb)).toBe(before);
    } else if (expected === 'sidebar') {
      expect(wb.ui.sidebars).toHaveLength(sidebars + 1);
    } else {
      expect(lastAlert(wb)).not.toBe(BUSY);
    }
  });

  it.each(menuItems)('"$caption" when a service call fails', ({ functionName }) => {
    const { wb, run } = workbook();
    // Help reads nothing from the document: its dialog is what fails, once.
    const method =
      functionName === 'menuHelp' ? 'SpreadsheetApp.getUi' : 'SpreadsheetApp.getActiveSpreadsheet';
    wb.faults.failCall(1, { method });
    const before = documentState(wb);
    expect(() => run(functionName)).not.toThrow();
    expect(wb.faults.fired).toHaveLength(1);
    expect(lastAlert(wb)).toBe(`Something went wrong: ${wb.faults.fired[0]?.message}`);
    expect(documentState(wb)).toBe(before);
  });
});

describe('close cycle with a blank cycle name', () => {
  it('says what to do instead of failing', () => {
    const { wb, run } = workbook();
    wb.globals.SpreadsheetApp.getActiveSpreadsheet().getRangeByName('CycleName')?.setValue('');
    const before = documentState(wb);
    expect(() => run('menuCloseCycle')).not.toThrow();
    expect(lastAlert(wb)).toMatch(/cycle name is blank/);
    expect(documentState(wb)).toBe(before);
  });
});

describe('every sidebar handler', () => {
  /** A valid payload for each handler, made once its sidebar is open. */
  const PAYLOADS: Record<string, (addon: Addon) => unknown> = {
    sidebarSubmitCheckIn: () => ({ krId: 'KR-00000000', value: '5', confidence: '7', comment: '' }),
    sidebarSaveThresholds: () => ({
      sheet: 'KPIs',
      kpi: 'Weekly leads',
      warning: '1',
      critical: '0',
      direction: '',
    }),
    sidebarConnectTable: (addon) => {
      addon.run('menuConnectTable');
      return proposalForm(connectStep(addon.wb));
    },
  };
  const handlers = Object.keys(PAYLOADS);

  it('are all covered here', () => {
    const { entryPoints } = workbook();
    expect(entryPoints.functions.filter((name) => /^sidebar[A-Z]/.test(name)).sort()).toEqual(
      [...handlers].sort(),
    );
  });

  it.each(handlers)('%s answers busy when the lock is held, and writes nothing', (name) => {
    const addon = workbook();
    const payload = PAYLOADS[name]?.(addon);
    const before = documentState(addon.wb);
    addon.wb.locks.holdByAnother('document');
    expect(addon.run(name, payload)).toEqual({ ok: false, errors: { form: BUSY } });
    expect(documentState(addon.wb)).toBe(before);
  });

  it.each(handlers)('%s answers with what went wrong when a service call fails', (name) => {
    const addon = workbook();
    const payload = PAYLOADS[name]?.(addon);
    addon.wb.faults.failCall(1, { method: 'SpreadsheetApp.getActiveSpreadsheet' });
    const reply = addon.run(name, payload);
    expect(addon.wb.faults.fired).toHaveLength(1);
    expect(reply).toEqual({
      ok: false,
      errors: { form: `Something went wrong: ${addon.wb.faults.fired[0]?.message}` },
    });
  });
});
