import { createWorkbook } from '../../emulator';

describe('PropertiesService', () => {
  test('stores strings per scope, returns copies, deletes', () => {
    const wb = createWorkbook();
    const { PropertiesService } = wb.globals;
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperty('cycle', 'Q3').setProperties({ n: 3 as unknown as string, other: 'x' });
    expect(doc.getProperty('n')).toBe('3');
    expect(PropertiesService.getUserProperties().getProperty('cycle')).toBeNull();
    const all = doc.getProperties();
    all.cycle = 'changed';
    expect(doc.getProperty('cycle')).toBe('Q3');
    doc.setProperties({ only: '1' }, true);
    expect(doc.getKeys()).toEqual(['only']);
    doc.deleteProperty('only');
    expect(wb.properties.document.size).toBe(0);
  });

  test('refuses a value over 9 KB', () => {
    const props = createWorkbook().globals.PropertiesService.getScriptProperties();
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
  });
});

describe('LockService', () => {
  test('tryLock fails and waitLock throws while another execution holds the document lock', () => {
    const wb = createWorkbook();
    const release = wb.locks.holdByAnother('document');
    const lock = wb.globals.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(5000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    release();
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  test('a holder that lets go within the wait', () => {
    const wb = createWorkbook();
    wb.locks.holdByAnother('document', { releaseAfterMs: 2000 });
    const lock = wb.globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(lock.tryLock(3000)).toBe(true);
  });

  test('two executions contend; document and script locks are separate', () => {
    const wb = createWorkbook();
    const second = wb.newExecution();
    const mine = wb.globals.LockService.getDocumentLock();
    const theirs = second.globals.LockService.getDocumentLock();
    expect(mine.tryLock(100)).toBe(true);
    expect(theirs.tryLock(100)).toBe(false);
    expect(second.globals.LockService.getScriptLock().tryLock(100)).toBe(true);
    expect(second.holdsLock('script')).toBe(true);
    theirs.releaseLock(); // not theirs to release
    expect(mine.hasLock()).toBe(true);
    mine.releaseLock();
    expect(theirs.tryLock(100)).toBe(true);
    expect(wb.locks.events.map((e) => e.action)).toEqual([
      'acquired',
      'timed-out',
      'acquired',
      'released',
      'acquired',
    ]);
  });
});

describe('MailApp', () => {
  test('records mail and counts recipients against the daily quota', () => {
    const wb = createWorkbook({ mailQuota: 3 });
    const { MailApp } = wb.globals;
    MailApp.sendEmail('a@example.com', 'Breach', 'Latency is over the limit');
    MailApp.sendEmail({
      to: 'b@example.com',
      cc: 'c@example.com',
      subject: 'S',
      body: 'b',
      htmlBody: '<b>b</b>',
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(wb.mail.sent.map((m) => [m.to, m.subject])).toEqual([
      ['a@example.com', 'Breach'],
      ['b@example.com', 'S'],
    ]);
    expect(wb.mail.sent[1]?.htmlBody).toBe('<b>b</b>');
    expect(() => MailApp.sendEmail('d@example.com', 'x', 'y')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(wb.mail.sent).toHaveLength(2);
  });

  test('the quota comes back the next day', () => {
    let now = new Date('2025-05-01T10:00:00Z');
    const wb = createWorkbook({ mailQuota: 1, clock: () => now });
    wb.globals.MailApp.sendEmail('a@example.com', 's', 'b');
    expect(wb.mail.remaining()).toBe(0);
    now = new Date('2025-05-02T10:00:00Z');
    expect(wb.globals.MailApp.getRemainingDailyQuota()).toBe(1);
  });

  test('rejects an invalid address', () => {
    const { MailApp } = createWorkbook().globals;
    expect(() => MailApp.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
  });
});

describe('ScriptApp triggers', () => {
  test('one time-driven trigger per document for an add-on', () => {
    const wb = createWorkbook();
    const { ScriptApp, SpreadsheetApp } = wb.globals;
    const trigger = ScriptApp.newTrigger('dailyRefresh').timeBased().everyDays(1).atHour(6).create();
    expect(trigger.getHandlerFunction()).toBe('dailyRefresh');
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(() => ScriptApp.newTrigger('other').timeBased().everyHours(1).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const onEdit = ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
    expect(onEdit.getTriggerSourceId()).toBe(ss.getId());
    expect(ScriptApp.getUserTriggers(ss).map((t) => t.getHandlerFunction())).toEqual([
      'dailyRefresh',
      'onEditInstalled',
    ]);
    expect(wb.triggers[0]?.schedule).toEqual({ everyDays: 1, atHour: 6 });
    ScriptApp.deleteTrigger(trigger);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([onEdit.getUniqueId()]);
    ScriptApp.newTrigger('dailyRefresh').timeBased().everyDays(1).create();
    expect(wb.triggers).toHaveLength(2);
  });

  test('add-ons cannot trigger more often than hourly', () => {
    const { ScriptApp } = createWorkbook().globals;
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(5).create()).toThrow('once per hour');
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow();
  });

  test('authorization status is a test control', () => {
    const wb = createWorkbook();
    const { ScriptApp } = wb.globals;
    const info = () => ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus();
    expect(info()).toBe(ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    wb.setAuthorizationRequired(true);
    expect(info()).toBe(ScriptApp.AuthorizationStatus.REQUIRED);
  });
});

describe('Ui', () => {
  test('menus are recorded with their items and function names', () => {
    const wb = createWorkbook({ addOnName: 'OKR & KPI Tracker' });
    const ui = wb.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem('Refresh', 'refreshAll')
      .addSeparator()
      .addSubMenu(ui.createMenu('Setup').addItem('Create sheets', 'setupSheets'))
      .addToUi();
    expect(wb.ui.menu('OKR & KPI Tracker')?.items[0]).toEqual({
      kind: 'item',
      caption: 'Refresh',
      functionName: 'refreshAll',
    });
    expect(wb.ui.items()).toEqual([
      { caption: 'Refresh', functionName: 'refreshAll' },
      { caption: 'Create sheets', functionName: 'setupSheets' },
    ]);
    ui.createAddonMenu().addItem('Only', 'only').addToUi(); // onOpen again replaces the menu
    expect(wb.ui.menus).toHaveLength(1);
  });

  test('alerts and prompts answer from the scripted queue', () => {
    const wb = createWorkbook();
    const ui = wb.globals.SpreadsheetApp.getUi();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    wb.ui.respond({ button: 'NO' }, { text: 'Q4', button: 'OK' });
    expect(ui.alert('Archive?', 'Archive the cycle?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const answer = ui.prompt('Cycle name', ui.ButtonSet.OK_CANCEL);
    expect([answer.getResponseText(), answer.getSelectedButton()]).toEqual(['Q4', ui.Button.OK]);
    expect(wb.ui.alerts.map((a) => [a.title, a.message, a.button])).toEqual([
      ['', 'Done', 'OK'],
      ['Archive?', 'Archive the cycle?', 'NO'],
    ]);
    expect(wb.ui.prompts[0]).toMatchObject({ message: 'Cycle name', buttons: 'OK_CANCEL', text: 'Q4' });
    wb.ui.respond({ button: 'YES' });
    expect(() => ui.alert('x')).toThrow('not a button of ButtonSet.OK');
  });

  test('a responder answers when nothing is queued, and sees the dialog', () => {
    const wb = createWorkbook();
    const ui = wb.globals.SpreadsheetApp.getUi();
    const seen: string[] = [];
    wb.ui.respondWith((request) => {
      seen.push(`${request.kind}:${request.title}:${request.message}:${request.buttons}`);
      return request.kind === 'prompt' ? { text: 'typed', button: 'OK' } : { button: 'CANCEL' };
    });
    wb.ui.respond({ button: 'OK' }); // the queue still comes first
    expect(ui.alert('t', 'first', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.OK);
    expect(ui.alert('t', 'second', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.CANCEL);
    expect(ui.prompt('name?').getResponseText()).toBe('typed');
    expect(seen).toEqual(['alert:t:second:OK_CANCEL', 'prompt::name?:OK']);
    wb.ui.respondWith(undefined);
    expect(ui.alert('plain')).toBe(ui.Button.OK);
  });

  test('sidebars and dialogs record their HTML and title', () => {
    const wb = createWorkbook();
    const { HtmlService, SpreadsheetApp } = wb.globals;
    const ui = SpreadsheetApp.getUi();
    ui.showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('KPIs'));
    ui.showModalDialog(HtmlService.createHtmlOutput('<p>x</p>').setWidth(400).setHeight(300), 'Settings');
    expect(wb.ui.lastSidebar()).toMatchObject({ kind: 'sidebar', title: 'KPIs', html: '<p>hi</p>' });
    expect(wb.ui.dialogs[0]).toMatchObject({ kind: 'modal', title: 'Settings', width: 400, height: 300 });
  });

  test('getUi throws without a UI (triggers, custom functions)', () => {
    const wb = createWorkbook();
    wb.setUiAvailable(false);
    expect(() => wb.globals.SpreadsheetApp.getUi()).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(() => wb.newExecution({ ui: false }).globals.SpreadsheetApp.getUi()).toThrow('from this context');
  });

  test('AuthMode.NONE allows building menus and nothing that needs authorization', () => {
    const wb = createWorkbook();
    wb.setAuthMode('NONE');
    const { SpreadsheetApp, PropertiesService } = wb.globals;
    SpreadsheetApp.getUi().createAddonMenu().addItem('Start', 'start').addToUi();
    expect(() => PropertiesService.getDocumentProperties()).toThrow('You do not have permission');
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow('You do not have permission');
  });
});

describe('HtmlService templates', () => {
  test('<?= ?> escapes, <?!= ?> does not, scriptlets run, variables come from the template', () => {
    const { HtmlService } = createWorkbook().globals;
    const template = HtmlService.createTemplate(
      '<h1><?= title ?></h1><? for (const k of kpis) { ?><li><?= k ?></li><? } ?><?!= raw ?>',
    ) as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    template.title = 'KPIs <script>';
    template.kpis = ['Uptime', 'A&B'];
    template.raw = '<i>ok</i>';
    expect(template.evaluate().getContent()).toBe(
      '<h1>KPIs &lt;script&gt;</h1><li>Uptime</li><li>A&amp;B</li><i>ok</i>',
    );
  });

  test('files and the script scope (include helpers)', () => {
    const wb = createWorkbook({
      htmlFiles: { Sidebar: '<?!= include("Style") ?><div>x</div>', Style: '<style></style>' },
    });
    const { HtmlService } = wb.globals;
    wb.setTemplateScope({
      include: (name: string) => HtmlService.createHtmlOutputFromFile(name).getContent(),
    });
    expect(HtmlService.createTemplateFromFile('Sidebar').evaluate().getContent()).toBe(
      '<style></style><div>x</div>',
    );
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });
});

describe('Session and Utilities', () => {
  test('user and time zones', () => {
    const { Session } = createWorkbook({ user: 'ana@example.com', timeZone: 'America/New_York' }).globals;
    expect(Session.getActiveUser().getEmail()).toBe('ana@example.com');
    expect(Session.getEffectiveUser().getEmail()).toBe('ana@example.com');
    expect(Session.getScriptTimeZone()).toBe('America/New_York');
  });

  test('formatDate takes Java patterns and a time zone', () => {
    const { Utilities } = createWorkbook().globals;
    const when = new Date('2025-01-05T23:30:05Z');
    expect(Utilities.formatDate(when, 'Etc/UTC', 'yyyy-MM-dd HH:mm:ss')).toBe('2025-01-05 23:30:05');
    expect(Utilities.formatDate(when, 'Europe/Paris', 'yyyy-MM-dd')).toBe('2025-01-06');
    expect(Utilities.formatDate(when, 'Europe/Paris', "EEE d MMM yyyy 'at' h:mm a")).toBe(
      'Mon 6 Jan 2025 at 12:30 AM',
    );
    expect(Utilities.formatDate(when, 'Asia/Kolkata', "yyyy-MM-dd'T'HH:mmXXX")).toBe(
      '2025-01-06T05:00+05:30',
    );
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  test('Logger and console lines are recorded', () => {
    const wb = createWorkbook();
    wb.globals.Logger.log('refreshed %s rows', 12);
    wb.globals.console.warn('careful');
    expect(wb.logs).toEqual([
      { source: 'Logger', level: 'log', message: 'refreshed 12 rows' },
      { source: 'console', level: 'warn', message: 'careful' },
    ]);
    expect(wb.globals.Logger.getLog()).toBe('refreshed 12 rows\n');
  });
});

describe('call counting', () => {
  test('counts each call made by the script, by Class.method, and not nested or harness calls', () => {
    const wb = createWorkbook();
    const { SpreadsheetApp } = wb.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
    sheet?.getRange('A1:B2').getValues();
    sheet?.getRange('A1').setValue(1).setBackground('#ff0000');
    wb.spreadsheet.getSheets()[0]?.getRange('A1').getValue(); // the harness is not the script
    expect(wb.calls.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 2,
      'Range.getValues': 1,
      'Range.setValue': 1,
      'Range.setBackground': 1,
    });
    expect(wb.calls.total).toBe(7);
    wb.calls.reset();
    expect(wb.calls.total).toBe(0);
    expect(wb.calls.byMethod).toEqual({});
  });
});

describe('custom-function context', () => {
  test('inside a formula, mail and triggers are refused too', () => {
    const wb = createWorkbook();
    const sheet = wb.globals.SpreadsheetApp.getActiveSheet();
    const tried: string[] = [];
    const attempt = (name: string, run: () => void) => {
      try {
        run();
        tried.push(`${name}: allowed`);
      } catch (error) {
        tried.push(`${name}: ${(error as Error).message}`);
      }
    };
    wb.setFormulaEngine({
      evaluate: () => {
        attempt('mail', () => wb.globals.MailApp.sendEmail('a@example.com', 's', 'b'));
        attempt('trigger', () => wb.globals.ScriptApp.newTrigger('f'));
        attempt('properties', () => wb.globals.PropertiesService.getDocumentProperties().getProperty('x'));
        attempt('read', () => wb.globals.SpreadsheetApp.getActiveSheet().getRange('B1').getValue());
        return 1;
      },
      shift: (formula) => formula,
    });
    sheet.getRange('A1').setFormula('=ANY()');
    expect(sheet.getRange('A1').getValue()).toBe(1);
    expect(tried).toEqual([
      'mail: You do not have permission to call MailApp.sendEmail',
      'trigger: You do not have permission to call ScriptApp.newTrigger',
      'properties: allowed',
      'read: allowed',
    ]);
    expect(wb.mail.sent).toEqual([]);
  });
});
