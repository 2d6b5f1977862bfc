/**
 * Apps Script enums. In Apps Script an enum member is an object whose toString() is its name; here it is
 * the name itself, which compares, prints and serialises the same way. The typings declare them as numeric
 * TypeScript enums, hence the single cast in `makeEnum`.
 */
import SS = GoogleAppsScript.Spreadsheet;
import Charts = GoogleAppsScript.Charts;

function makeEnum<E extends object>(names: readonly (keyof E & string)[]): E {
  const members: Record<string, string> = {};
  for (const name of names) members[name] = name;
  return Object.freeze(members) as unknown as E;
}

/** The name of an enum member (the value itself, as a string). */
export function enumName(member: unknown): string {
  return String(member);
}

export const BooleanCriteria = makeEnum<typeof SS.BooleanCriteria>([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);
export type BooleanCriteriaName = keyof typeof SS.BooleanCriteria;

export const DataValidationCriteria = makeEnum<typeof SS.DataValidationCriteria>([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);
export type DataValidationCriteriaName = keyof typeof SS.DataValidationCriteria;

export const DeveloperMetadataLocationType = makeEnum<typeof SS.DeveloperMetadataLocationType>([
  'SPREADSHEET',
  'SHEET',
  'ROW',
  'COLUMN',
]);
export type LocationTypeName = keyof typeof SS.DeveloperMetadataLocationType;

export const DeveloperMetadataVisibility = makeEnum<typeof SS.DeveloperMetadataVisibility>([
  'DOCUMENT',
  'PROJECT',
]);
export type VisibilityName = keyof typeof SS.DeveloperMetadataVisibility;

export const ProtectionType = makeEnum<typeof SS.ProtectionType>(['RANGE', 'SHEET']);
export type ProtectionTypeName = keyof typeof SS.ProtectionType;

export const InterpolationType = makeEnum<typeof SS.InterpolationType>([
  'NUMBER',
  'PERCENT',
  'PERCENTILE',
  'MIN',
  'MAX',
]);

export const Dimension = makeEnum<typeof SS.Dimension>(['COLUMNS', 'ROWS']);

export const WrapStrategy = makeEnum<typeof SS.WrapStrategy>(['WRAP', 'OVERFLOW', 'CLIP']);

export const Button = makeEnum<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export type ButtonName = keyof typeof GoogleAppsScript.Base.Button;

export const ButtonSet = makeEnum<typeof GoogleAppsScript.Base.ButtonSet>([
  'OK',
  'OK_CANCEL',
  'YES_NO',
  'YES_NO_CANCEL',
]);
export type ButtonSetName = keyof typeof GoogleAppsScript.Base.ButtonSet;

export const AuthMode = makeEnum<typeof GoogleAppsScript.Script.AuthMode>([
  'NONE',
  'CUSTOM_FUNCTION',
  'LIMITED',
  'FULL',
]);

export const AuthorizationStatus = makeEnum<typeof GoogleAppsScript.Script.AuthorizationStatus>([
  'REQUIRED',
  'NOT_REQUIRED',
]);

export const EventType = makeEnum<typeof GoogleAppsScript.Script.EventType>([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export type EventTypeName = keyof typeof GoogleAppsScript.Script.EventType;

export const TriggerSource = makeEnum<typeof GoogleAppsScript.Script.TriggerSource>([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]);
export type TriggerSourceName = keyof typeof GoogleAppsScript.Script.TriggerSource;

export const InstallationSource = makeEnum<typeof GoogleAppsScript.Script.InstallationSource>([
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]);

export const SandboxMode = makeEnum<typeof GoogleAppsScript.HTML.SandboxMode>([
  'EMULATED',
  'IFRAME',
  'NATIVE',
]);

export const XFrameOptionsMode = makeEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>([
  'ALLOWALL',
  'DEFAULT',
]);

export const Weekday = makeEnum<typeof GoogleAppsScript.Base.Weekday>([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);

// The Charts service's enums, for embedded charts (charts.ts).

export const ChartType = makeEnum<typeof Charts.ChartType>([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]);

export const ChartMergeStrategy = makeEnum<typeof Charts.ChartMergeStrategy>(['MERGE_COLUMNS', 'MERGE_ROWS']);

export const ChartHiddenDimensionStrategy = makeEnum<typeof Charts.ChartHiddenDimensionStrategy>([
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
]);

export const Position = makeEnum<typeof Charts.Position>(['TOP', 'RIGHT', 'BOTTOM', 'NONE']);

export const CurveStyle = makeEnum<typeof Charts.CurveStyle>(['NORMAL', 'SMOOTH']);

export const PointStyle = makeEnum<typeof Charts.PointStyle>(['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE']);
