/**
 * The add-on menu (under Extensions). In AuthMode.NONE, before the add-on is enabled in this document,
 * onOpen may only add menu items: no properties, no reading the sheet.
 */
export const MENU_ITEMS = [
  ['Set up OKR & KPI sheets', 'menuSetUp'],
  ['Connect an existing table…', 'menuConnectTable'],
  ['Refresh scores & highlights', 'menuRefresh'],
  ['Check in…', 'menuCheckIn'],
  ['Edit KPI thresholds…', 'menuEditThresholds'],
  null,
  ['Turn on daily alerts', 'menuAlertsOn'],
  ['Turn off daily alerts', 'menuAlertsOff'],
  ['Close cycle…', 'menuCloseCycle'],
  null,
  ['Help', 'menuHelp'],
] as const;

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item[0], item[1]);
  }
  menu.addToUi();
}
