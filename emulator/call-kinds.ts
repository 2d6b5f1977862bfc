/**
 * What a service call costs in Apps Script, by kind. A call that reads or writes the document, shows
 * something to the user or reaches another Google service is a round trip; a call answered by the
 * script's own objects is not: a builder, a getter on an object a read already returned (a metadata
 * search's results, a rule list), a range's own coordinates, the handle of a range or a lock, Utilities.
 * Counts of round trips are what carries over to a real spreadsheet, where each takes milliseconds.
 */

export type CallKind = 'read' | 'write' | 'ui' | 'service' | 'local';

export const CALL_KINDS: readonly CallKind[] = ['read', 'write', 'ui', 'service', 'local'];

/** The kinds that are round trips (everything but `local`). */
export const ROUND_TRIPS: readonly CallKind[] = ['read', 'write', 'ui', 'service'];

// Answered in the script: builders and their products' getters, getters on objects a read returned,
// handles (a range or a lock before it is used), coordinates, and script-local services.
const LOCAL = new RegExp(
  [
    String.raw`^(Utilities|Logger|HtmlService|HtmlOutput|HtmlTemplate|PromptResponse|AuthorizationInfo|User)\.`,
    String.raw`^\w*Builder\.(?!create$)`,
    String.raw`^(SpreadsheetApp|ScriptApp)\.new\w*$`,
    String.raw`^Sheet\.newChart$`,
    String.raw`^(EmbeddedChart|ContainerInfo|ChartOptions)\.`,
    String.raw`^(DeveloperMetadata|NamedRange|Trigger)\.get\w*$`,
    String.raw`^(DeveloperMetadataLocation|ConditionalFormatRule|BooleanCondition|DataValidation)\.`,
    String.raw`^(Spreadsheet|Sheet|Range)\.createDeveloperMetadataFinder$`,
    String.raw`^DeveloperMetadataFinder\.(with\w*|onIntersectingLocations)$`,
    String.raw`^Menu\.(?!addToUi$)`,
    String.raw`^Ui\.create\w*Menu$`,
    String.raw`^SpreadsheetApp\.(getActive|getActiveSpreadsheet|getUi)$`,
    String.raw`^(LockService|PropertiesService)\.get\w*$`,
    String.raw`^Session\.getScriptTimeZone$`,
    String.raw`^Sheet\.(getRange|getRangeList|getParent|getSheetId)$`,
    String.raw`^RangeList\.getRanges$`,
    String.raw`^Range\.(getRow|getColumn|getNumRows|getNumColumns|getLastRow|getLastColumn|getA1Notation|getSheet|getGridId|getCell|offset)$`,
  ].join('|'),
);

const UI = /^(Ui\.\w+|Menu\.addToUi|Spreadsheet\.toast)$/;

const SERVICE = /^(Lock|Properties|ScriptApp|MailApp|Session|\w*TriggerBuilder)\./;

const DOCUMENT_WRITE =
  /^(SpreadsheetApp\.flush|(Spreadsheet|Sheet|Range|RangeList|NamedRange|Protection|DeveloperMetadata)\.(set|insert|delete|append|clear|add|remove|move|sort|protect|hide|show|activate|check|uncheck|copy|merge|break|auto|trim|create|duplicate|rename|update)\w*)$/;

/** The kind of `Class.method`; anything not listed as local, UI, another service or a write is a read. */
export function callKind(qualified: string): CallKind {
  if (LOCAL.test(qualified)) return 'local';
  if (UI.test(qualified)) return 'ui';
  if (SERVICE.test(qualified)) return 'service';
  if (DOCUMENT_WRITE.test(qualified)) return 'write';
  return 'read';
}
