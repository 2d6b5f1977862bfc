/**
 * Menu: turn the daily alert job on or off. An editor add-on may hold one time-driven trigger per
 * user per document, so the existing one is looked for first; authorization is checked before
 * creating it, since a trigger fails silently without it.
 */
import { DAILY_HANDLER } from '../sheets/alerts-job';
import { menuAction } from './entry';

const TITLE = 'Daily KPI alerts';
const HOUR = 7;

function ui() {
  return SpreadsheetApp.getUi();
}

function dailyTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).filter(
    (trigger) => trigger.getHandlerFunction() === DAILY_HANDLER,
  );
}

export const turnOnDailyAlerts = menuAction(TITLE, ({ locked }) => {
  const auth = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (auth.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) {
    ui().alert(
      TITLE,
      `The add-on needs your permission to run daily and send email. Open this link, allow it, then try again:\n${auth.getAuthorizationUrl()}`,
      ui().ButtonSet.OK,
    );
    return;
  }
  // Under the lock, two clicks at once still make one trigger.
  const created = locked(() => {
    if (dailyTriggers().length > 0) return false;
    ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(HOUR).create();
    return true;
  });
  if (!created) {
    ui().alert(TITLE, 'Daily alerts are already on for this spreadsheet.', ui().ButtonSet.OK);
    return;
  }
  ui().alert(
    TITLE,
    `Daily alerts are on. Every morning (around ${HOUR}:00) the add-on refreshes every table and emails each KPI owner one digest of KPIs that entered breach or moved suddenly. Every alert is logged in the "Alerts" sheet.`,
    ui().ButtonSet.OK,
  );
});

export const turnOffDailyAlerts = menuAction(TITLE, ({ locked }) => {
  const removed = locked(() => {
    const triggers = dailyTriggers();
    for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
    return triggers.length;
  });
  ui().alert(TITLE, removed > 0 ? 'Daily alerts are off.' : 'Daily alerts were not on.', ui().ButtonSet.OK);
});
