/** Opens the sidebars, each with its data in the page so it needs no second round trip. */
import { checkInPageData } from './check-in-handlers';
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
