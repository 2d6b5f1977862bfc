import { NOW, openAddon } from '../support/addon';

describe('onOpen / onInstall', () => {
  it('builds the add-on menu with every item', () => {
    const { wb, run } = openAddon({ clock: () => NOW });
    run('onOpen', { authMode: wb.globals.ScriptApp.AuthMode.FULL });
    const menu = wb.ui.menus.find((m) => m.addon);
    expect(menu?.caption).toBe('OKR & KPI Tracker');
    expect(wb.ui.items()).toEqual([
      { caption: 'Set up OKR & KPI sheets', functionName: 'menuSetUp' },
      { caption: 'Connect an existing table…', functionName: 'menuConnectTable' },
      { caption: 'Refresh scores & highlights', functionName: 'menuRefresh' },
      { caption: 'Check in…', functionName: 'menuCheckIn' },
      { caption: 'Edit KPI thresholds…', functionName: 'menuEditThresholds' },
      { caption: 'Turn on daily alerts', functionName: 'menuAlertsOn' },
      { caption: 'Turn off daily alerts', functionName: 'menuAlertsOff' },
      { caption: 'Close cycle…', functionName: 'menuCloseCycle' },
      { caption: 'Help', functionName: 'menuHelp' },
    ]);
  });

  it('is the menu the build recorded in dist/entry-points.json, which the tests and the preview read', () => {
    const { wb, run, entryPoints } = openAddon({ clock: () => NOW });
    run('onOpen', { authMode: wb.globals.ScriptApp.AuthMode.FULL });
    expect(wb.ui.items()).toEqual(
      entryPoints.menu.map((i) => ({ caption: i.label, functionName: i.handler })),
    );
  });

  it('in AuthMode.NONE only adds menu items and touches no other service', () => {
    const { wb, run } = openAddon({ clock: () => NOW });
    wb.setAuthMode('NONE');
    wb.calls.reset();
    run('onOpen', { authMode: wb.globals.ScriptApp.AuthMode.NONE });
    const used = Object.keys(wb.calls.byMethod);
    expect(used.length).toBeGreaterThan(0);
    expect(used.every((method) => /^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.)/.test(method))).toBe(
      true,
    );
  });

  it('onInstall shows the menu at once', () => {
    const { wb, run } = openAddon({ clock: () => NOW });
    run('onInstall', { authMode: wb.globals.ScriptApp.AuthMode.FULL });
    expect(wb.ui.items()).toHaveLength(9);
  });

  it('Help explains every action and names every custom function the build lists', () => {
    const { wb, run, entryPoints } = openAddon({ clock: () => NOW });
    run('menuHelp');
    const help = wb.ui.alerts[0]?.message ?? '';
    expect(entryPoints.customFunctions.filter((name) => !help.includes(`${name}(`))).toEqual([]);
    expect(help).toMatch(/reminded on the check-in day/);
  });
});
