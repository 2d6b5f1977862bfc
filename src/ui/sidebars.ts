/** Opens the sidebars, each with its data in the page so it needs no second round trip. */
import type { Proposal } from '../sheets/connect';
import { checkInPageData } from './check-in-handlers';
import { connectPageData } from './connect-handlers';
import { menuAction } from './entry';
import { pageHtml } from './pages';
import { withInitialData } from './plain';
import { thresholdPageData } from './threshold-handlers';

export const openCheckInSidebar = menuAction('Check in', () => {
  const html = HtmlService.createHtmlOutput(
    withInitialData(pageHtml('check-in'), checkInPageData()),
  ).setTitle('Check in');
  SpreadsheetApp.getUi().showSidebar(html);
});

export const openThresholdSidebar = menuAction('KPI thresholds', () => {
  const html = HtmlService.createHtmlOutput(
    withInitialData(pageHtml('thresholds'), thresholdPageData()),
  ).setTitle('KPI thresholds');
  SpreadsheetApp.getUi().showSidebar(html);
});

/** The confirm step of Connect: every header of the table with the role proposed for it. */
export function showConnectSidebar(sheet: GoogleAppsScript.Spreadsheet.Sheet, proposal: Proposal): void {
  const html = HtmlService.createHtmlOutput(
    withInitialData(pageHtml('connect'), connectPageData(sheet, proposal)),
  ).setTitle('Connect a table');
  SpreadsheetApp.getUi().showSidebar(html);
}
