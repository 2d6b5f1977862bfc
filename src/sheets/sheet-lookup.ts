/** Sheet names are unique ignoring case in Sheets: look them up the same way, so "kpis" blocks "KPIs". */
export function sheetNamed(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): GoogleAppsScript.Spreadsheet.Sheet | undefined {
  // The exact name in one call; only a name in other letter case needs every sheet's name.
  const exact = spreadsheet.getSheetByName(name);
  if (exact) return exact;
  const wanted = name.toLowerCase();
  return spreadsheet.getSheets().find((sheet) => sheet.getName().toLowerCase() === wanted);
}

/** The header row's texts (row `row`, columns 1..last). */
export function headerTexts(sheet: GoogleAppsScript.Spreadsheet.Sheet, row = 1): string[] {
  const width = sheet.getLastColumn();
  if (width === 0) return [];
  return (
    sheet
      .getRange(row, 1, 1, width)
      .getValues()[0]
      ?.map((cell) => String(cell ?? '').trim()) ?? []
  );
}
