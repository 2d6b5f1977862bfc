/**
 * Menu: turn the daily alert job on or off. An editor add-on may hold one time-driven trigger per
 * user per document, so the existing one is looked for first; authorization is checked before
 * creating it, since a trigger fails silently without it.
 */
import { alertLog, DAILY_HANDLER } from '../sheets/alerts-job';
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
  // Under the lock, two clicks at once still make one trigger. The log is made now, so the team sees
  // where alerts will go (and that a sheet of theirs named "Alerts" is left alone).
  const { created, log } = locked(() => {
    const log = alertLog(SpreadsheetApp.getActiveSpreadsheet());
    if (dailyTriggers().length > 0) return { created: false, log };
    ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(HOUR).create();
    return { created: true, log };
  });
  const where = log.teamSheet
    ? `Your own "${log.teamSheet}" sheet has another layout: the add-on leaves it alone and logs every alert in a sheet of its own, "${log.sheet.getName()}".`
    : `Every alert is logged in the "${log.sheet.getName()}" sheet.`;
  const what = created
    ? `Daily alerts are on. Every morning (around ${HOUR}:00) the add-on refreshes every table and emails each KPI owner one digest of KPIs that entered breach or moved suddenly. On the check-in day it also reminds the owners of key results waiting for a check-in.`
    : 'Daily alerts are already on for this spreadsheet.';
  ui().alert(TITLE, `${what} ${where}`, ui().ButtonSet.OK);
});

export const turnOffDailyAlerts = menuAction(TITLE, ({ locked }) => {
  const removed = locked(() => {
    const triggers = dailyTriggers();
    for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
    return triggers.length;
  });
  ui().alert(TITLE, removed > 0 ? 'Daily alerts are off.' : 'Daily alerts were not on.', ui().ButtonSet.OK);
});
