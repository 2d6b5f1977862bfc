/**
 * The one place where emulator objects meet the Apps Script types. Each emulator class implements
 * `Pick<RealType, ...>` of exactly the methods it supports, so it is not the full real type: a method whose
 * real signature returns (or takes) another service object returns the emulator object cast here. The
 * reverse direction (a script hands back a Range or Sheet) checks that the object is one of ours.
 */

import type { EmChartOptions, EmContainerInfo, EmEmbeddedChart, TypedChartBuilder } from './charts';
import type {
  EmBooleanCondition,
  EmConditionalFormatRule,
  EmConditionalFormatRuleBuilder,
} from './conditional-format';
import type { EmDataValidation, EmDataValidationBuilder } from './data-validation';
import type {
  EmDeveloperMetadata,
  EmDeveloperMetadataFinder,
  EmDeveloperMetadataLocation,
} from './developer-metadata';
import { EmulatorUsageError, exception } from './errors';
import type { EmHtmlOutput, EmHtmlService, EmHtmlTemplate } from './html';
import type { EmNamedRange, EmProtection } from './named-range';
import { EmRange } from './range';
import type { EmRangeList } from './range-list';
import type { EmScriptApp, EmTriggerBuilder } from './script-app';
import type { EmSession, EmUser } from './session';
import { EmSheet } from './sheet';
import { EmSpreadsheet } from './spreadsheet';
import type { EmSpreadsheetApp } from './spreadsheet-app';
import type { EmMenu, EmPromptResponse, EmUi } from './ui';
import type { EmUtilities } from './utilities';

import SS = GoogleAppsScript.Spreadsheet;

// biome-ignore lint/suspicious/noExplicitAny: the cast point of this module
type Cast<T> = (value: any) => T;
const cast =
  <T>(): Cast<T> =>
  (value) =>
    value as T;

export const asRange: (r: EmRange) => SS.Range = cast();
export const asRangeList: (r: EmRangeList) => SS.RangeList = cast();
export const asSheet: (s: EmSheet) => SS.Sheet = cast();
export const asSpreadsheet: (s: EmSpreadsheet) => SS.Spreadsheet = cast();
export const asRule: (r: EmConditionalFormatRule) => SS.ConditionalFormatRule = cast();
export const asBooleanCondition: (c: EmBooleanCondition) => SS.BooleanCondition = cast();
export const asRuleBuilder: (b: EmConditionalFormatRuleBuilder) => SS.ConditionalFormatRuleBuilder = cast();
export const asValidation: (v: EmDataValidation) => SS.DataValidation = cast();
export const asValidationBuilder: (b: EmDataValidationBuilder) => SS.DataValidationBuilder = cast();
export const asMetadata: (m: EmDeveloperMetadata) => SS.DeveloperMetadata = cast();
export const asMetadataFinder: (f: EmDeveloperMetadataFinder) => SS.DeveloperMetadataFinder = cast();
export const asMetadataLocation: (l: EmDeveloperMetadataLocation) => SS.DeveloperMetadataLocation = cast();
export const asNamedRange: (n: EmNamedRange) => SS.NamedRange = cast();
export const asProtection: (p: EmProtection) => SS.Protection = cast();
export const asUi: (u: EmUi) => GoogleAppsScript.Base.Ui = cast();
export const asUser: (u: EmUser) => GoogleAppsScript.Base.User = cast();
export const asMenu: (m: EmMenu) => GoogleAppsScript.Base.Menu = cast();
export const asPromptResponse: (p: EmPromptResponse) => GoogleAppsScript.Base.PromptResponse = cast();
export const asHtmlOutput: (h: EmHtmlOutput) => GoogleAppsScript.HTML.HtmlOutput = cast();
export const asTriggerBuilder: (b: EmTriggerBuilder) => GoogleAppsScript.Script.TriggerBuilder = cast();
export const asHtmlTemplate: (t: EmHtmlTemplate) => GoogleAppsScript.HTML.HtmlTemplate = cast();
export const asEmbeddedChart: (c: EmEmbeddedChart) => SS.EmbeddedChart = cast();
/** One builder class stands for every typed chart builder (see charts.ts). */
export const asTypedChartBuilder: (b: unknown) => TypedChartBuilder = cast();
export const asContainerInfo: (c: EmContainerInfo) => SS.ContainerInfo = cast();
export const asChartOptions: (o: EmChartOptions) => GoogleAppsScript.Charts.ChartOptions = cast();

// The service globals: each implements the methods the add-on needs, not every method of the service.
export const asSpreadsheetApp: (a: EmSpreadsheetApp) => SS.SpreadsheetApp = cast();
export const asHtmlService: (h: EmHtmlService) => GoogleAppsScript.HTML.HtmlService = cast();
export const asScriptApp: (s: EmScriptApp) => GoogleAppsScript.Script.ScriptApp = cast();
export const asSession: (s: EmSession) => GoogleAppsScript.Base.Session = cast();
export const asUtilities: (u: EmUtilities) => GoogleAppsScript.Utilities.Utilities = cast();

function foreign(kind: string): Error {
  return exception(`Invalid argument: expected a ${kind} from this spreadsheet.`);
}

export function rangeImpl(range: SS.Range | unknown): EmRange {
  if (range instanceof EmRange) return range;
  throw foreign('Range');
}

export function sheetImpl(sheet: SS.Sheet | unknown): EmSheet {
  if (sheet instanceof EmSheet) return sheet;
  throw foreign('Sheet');
}

export function spreadsheetImpl(spreadsheet: SS.Spreadsheet | unknown): EmSpreadsheet {
  if (spreadsheet instanceof EmSpreadsheet) return spreadsheet;
  throw new EmulatorUsageError('Expected the emulated Spreadsheet.');
}
