/**
 * An in-memory Google Sheets document with the Apps Script services an editor add-on uses. Load the
 * add-on bundle into a vm context made of `workbook.globals`, call its global functions, then inspect the
 * document and the test controls (UI shown, mail sent, triggers, toasts, logs, service call counts).
 */
import {
  asHtmlService,
  asScriptApp,
  asSession,
  asSheet,
  asSpreadsheet,
  asSpreadsheetApp,
  asUtilities,
} from './boundary';
import { type AuthModeName, type CallCounter, createCallCounter } from './calls';
import { CHARTS_SERVICE, type ChartsService } from './charts';
import { type EffectiveFormat, effectiveFormatOf } from './conditional-format';
import { type DocumentState, Execution, type ToastRecord } from './context';
import { EmulatorUsageError } from './errors';
import { Evaluation } from './evaluation';
import { type FaultControls, FaultInjector } from './faults';
import type { FormulaEvaluator } from './formula-types';
import { EmHtmlService } from './html';
import { type SheetSnapshot, type SnapshotOptions, snapshotSheet } from './inspect';
import { EmLockService, type LockEvent, type LockKind, LockTable } from './lock';
import { EmMailApp, MailState, type SentMail } from './mail';
import { createPropertyStores, EmPropertiesService, type PropertyStores } from './properties';
import { EmScriptApp, type TriggerRecord, TriggerState } from './script-app';
import { runDatesIn } from './script-zone';
import { EmSession } from './session';
import { EmSheet } from './sheet';
import { EmSpreadsheet } from './spreadsheet';
import { EmSpreadsheetApp } from './spreadsheet-app';
import { formatJavaDate } from './time';
import { UiRecorder } from './ui';
import { createConsole, EmLogger, EmUtilities, type LogEntry } from './utilities';
import { WorkbookModel } from './workbook-model';

export type { AuthModeName, CallCounter } from './calls';
export type { EffectiveFormat } from './conditional-format';
export { effectiveFormat, effectiveFormats } from './conditional-format';
export type { ToastRecord } from './context';
export type { CallMatcher, FaultControls, FaultOptions, FiredFault } from './faults';
export { transientMessage } from './faults';
export type { CellSnapshot, ChartSnapshot, SheetSnapshot, SnapshotOptions } from './inspect';
export type { LockEvent, LockKind } from './lock';
export type { SentMail } from './mail';
export type { ClockSchedule, TriggerRecord } from './script-app';
export type {
  DialogRecord,
  DialogRequest,
  HtmlRecord,
  MenuEntry,
  MenuRecord,
  Responder,
  ScriptedResponse,
  UiRecorder,
} from './ui';
export type { LogEntry } from './utilities';

export interface WorkbookOptions {
  /** Spreadsheet name (default "Untitled spreadsheet"). */
  name?: string;
  /** The spreadsheet's time zone (default "Etc/UTC"); dates typed as text are read in it. */
  timeZone?: string;
  /**
   * The script's time zone (default: the spreadsheet's): Session.getScriptTimeZone(), and the zone the
   * script's Date runs in, as Apps Script runs it in the project's zone. That is the process's zone:
   * the workbook created last sets it (script-zone.ts).
   */
  scriptTimeZone?: string;
  /** The active (and effective) user's email (default "user@example.com"). */
  user?: string;
  /** "Now" for the services and for `new Date()` in the script (default: the real clock). */
  clock?: () => Date;
  /** Evaluates formulas; without one, formula cells show #NAME?. */
  formulaEngine?: FormulaEvaluator;
  /** Email recipients per day (default 100, a consumer account). */
  mailQuota?: number;
  /** Caption of the add-on menu (default "OKR & KPI Tracker"). */
  addOnName?: string;
  /** Project HTML files for createHtmlOutputFromFile / createTemplateFromFile, by name. */
  htmlFiles?: Record<string, string>;
  /** Spreadsheet id (default "emulated-spreadsheet-<n>"). */
  id?: string;
}

/** The services a script sees as globals. Spread into a vm context. */
export interface ServiceGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  /** The Charts service's enums, for embedded charts (Charts.ChartType.BAR, Charts.Position.BOTTOM...). */
  Charts: ChartsService;
  Logger: GoogleAppsScript.Base.Logger;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug' | 'time' | 'timeEnd'>;
  /**
   * This realm's Date, following the workbook clock for `new Date()` and `Date.now()`: values read from
   * cells are this realm's Dates, so `instanceof Date` in the script must see the same constructor.
   */
  Date: DateConstructor;
}

/** One run of the script: its own globals, lock ownership, UI availability and auth mode. */
export interface ExecutionHandle {
  readonly id: number;
  readonly globals: ServiceGlobals;
  /** False in a trigger or custom-function context: SpreadsheetApp.getUi() throws. */
  setUiAvailable(available: boolean): void;
  /** NONE (add-on not enabled in the document) allows menus only; FULL by default. */
  setAuthMode(mode: AuthModeName): void;
  /** Whether this execution holds the lock of that kind. */
  holdsLock(kind: LockKind): boolean;
}

export interface Workbook {
  /** Globals of the default execution. */
  readonly globals: ServiceGlobals;
  /** The active spreadsheet, for test set-up and inspection (its calls are not counted). */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Service calls made through `globals` (and other executions' globals): total and per `Class.method`. */
  readonly calls: CallCounter;
  /** Make the n-th service call (of a kind) fail like a transient Apps Script error (not the harness's). */
  readonly faults: FaultControls;
  readonly ui: UiRecorder;
  readonly mail: {
    readonly sent: SentMail[];
    remaining(): number;
    setQuota(recipientsPerDay: number): void;
    /** As if `n` recipients had been used today. */
    useUp(n: number): void;
  };
  /** Installed triggers (a live view). */
  readonly triggers: readonly TriggerRecord[];
  readonly toasts: readonly ToastRecord[];
  readonly logs: readonly LogEntry[];
  /** The property stores, for set-up and assertions. */
  readonly properties: PropertyStores;
  readonly locks: {
    /** Another execution takes the lock (document by default); call the result to release it. */
    holdByAnother(kind?: LockKind, options?: { releaseAfterMs?: number }): () => void;
    readonly events: readonly LockEvent[];
  };
  /** Milliseconds the script slept with Utilities.sleep (nothing waits). */
  slept(): number;
  setClock(clock: () => Date): void;
  now(): Date;
  setFormulaEngine(engine: FormulaEvaluator | undefined): void;
  /** Default execution: false to act as a trigger or custom function (getUi throws). */
  setUiAvailable(available: boolean): void;
  setAuthMode(mode: AuthModeName): void;
  /** What ScriptApp.getAuthorizationInfo(...).getAuthorizationStatus() reports. */
  setAuthorizationRequired(required: boolean): void;
  /** The script's global scope (the vm context), so templates can call script functions. */
  setTemplateScope(scope: object | undefined): void;
  /** A further execution sharing this document (for lock contention); load the bundle into its globals. */
  newExecution(options?: { ui?: boolean; authMode?: AuthModeName }): ExecutionHandle;
  /** A sheet by name, for set-up (calls not counted). */
  sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet;
  /** What conditional format rules paint on one cell. */
  effectiveFormat(sheetName: string, row: number, col: number): EffectiveFormat;
  /** Display values, computed values and painted formats of a sheet (for the preview). */
  snapshot(sheetName: string, options?: SnapshotOptions): SheetSnapshot;
  /** Names of the sheets, in tab order. */
  sheetNames(): string[];
}

let workbookCount = 0;

/** A Date constructor of this realm whose "now" is the workbook clock. */
function clockDate(now: () => Date): DateConstructor {
  function ClockDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new Date(now().getTime()).toString();
    // biome-ignore lint/suspicious/noExplicitAny: forwards any Date constructor arguments
    return args.length === 0 ? new Date(now().getTime()) : new (Date as any)(...args);
  }
  ClockDate.prototype = Date.prototype;
  Object.assign(ClockDate, { now: () => now().getTime(), parse: Date.parse, UTC: Date.UTC });
  return ClockDate as unknown as DateConstructor;
}

export function createWorkbook(options: WorkbookOptions = {}): Workbook {
  workbookCount += 1;
  const timeZone = options.timeZone ?? 'Etc/UTC';
  let clock = options.clock ?? (() => new Date());
  const now = () => clock();
  const wb = new WorkbookModel(
    options.id ?? `emulated-spreadsheet-${workbookCount}`,
    options.name ?? 'Untitled spreadsheet',
    timeZone,
    now,
  );
  wb.engine = options.formulaEngine;
  const executions: Execution[] = [];
  let templateScope: object | undefined;
  // Formula evaluation runs custom functions: read-only services, no UI, calls counted from depth 0.
  const inFormulaContext = <T>(run: () => T): T => {
    const depths = executions.map((e) => e.depth);
    wb.customFunctionDepth += 1;
    for (const e of executions) e.depth = 0;
    try {
      return run();
    } finally {
      wb.customFunctionDepth -= 1;
      executions.forEach((e, i) => {
        e.depth = depths[i] ?? 0;
      });
    }
  };
  const doc: DocumentState = {
    wb,
    evaluation: new Evaluation(wb, inFormulaContext),
    ui: new UiRecorder(options.addOnName ?? 'OKR & KPI Tracker'),
    toasts: [],
    mail: new MailState(options.mailQuota ?? 100),
    triggers: new TriggerState(),
    properties: createPropertyStores(),
    locks: new LockTable(),
    logs: [],
    htmlFiles: { ...options.htmlFiles },
    user: options.user ?? 'user@example.com',
    authorizationRequired: false,
    executions,
    templateScope: () => templateScope,
  };
  const calls = createCallCounter();
  const scriptTimeZone = options.scriptTimeZone ?? timeZone;
  runDatesIn(scriptTimeZone);
  const utilities: EmUtilities[] = [];

  const faults = new FaultInjector(wb.id);
  const makeExecution = (
    counter: CallCounter,
    injector: FaultInjector | undefined,
  ): { exec: Execution; globals: ServiceGlobals } => {
    const exec = new Execution(doc, counter, executions.length + 1, injector);
    executions.push(exec);
    const util = new EmUtilities(exec);
    utilities.push(util);
    const globals: ServiceGlobals = {
      SpreadsheetApp: asSpreadsheetApp(new EmSpreadsheetApp(exec)),
      PropertiesService: new EmPropertiesService(exec),
      LockService: new EmLockService(exec),
      HtmlService: asHtmlService(new EmHtmlService(exec)),
      Session: asSession(new EmSession(exec, scriptTimeZone)),
      ScriptApp: asScriptApp(new EmScriptApp(exec)),
      MailApp: new EmMailApp(exec),
      Utilities: asUtilities(util),
      Charts: CHARTS_SERVICE,
      Logger: new EmLogger(exec),
      console: createConsole(exec),
      Date: clockDate(now),
    };
    return { exec, globals };
  };

  const handle = (exec: Execution, globals: ServiceGlobals): ExecutionHandle => ({
    id: exec.id,
    globals,
    setUiAvailable: (available) => {
      exec.uiAvailable = available;
    },
    setAuthMode: (mode) => {
      exec.authModeName = mode;
    },
    holdsLock: (kind) => doc.locks.holder(kind) === exec.id,
  });

  const main = makeExecution(calls, faults);
  // The harness's own view of the document: full access, its calls kept out of `calls`.
  const harness = makeExecution(createCallCounter(), undefined);
  const today = () => formatJavaDate(now(), timeZone, 'yyyy-MM-dd');

  const requireSheet = (name: string) => {
    const sheet = wb.sheetByName(name);
    if (!sheet) throw new EmulatorUsageError(`No sheet named "${name}"`);
    return sheet;
  };

  return {
    globals: main.globals,
    spreadsheet: asSpreadsheet(new EmSpreadsheet(harness.exec)),
    calls,
    faults,
    ui: doc.ui,
    mail: {
      sent: doc.mail.sent,
      remaining: () => doc.mail.remaining(today()),
      setQuota: (n) => {
        doc.mail.dailyQuota = n;
      },
      useUp: (n) => doc.mail.useUp(today(), n),
    },
    get triggers() {
      return doc.triggers.triggers;
    },
    toasts: doc.toasts,
    logs: doc.logs,
    properties: doc.properties,
    locks: {
      holdByAnother: (kind, opts) => doc.locks.holdByAnother(kind, opts),
      events: doc.locks.events,
    },
    slept: () => utilities.reduce((sum, u) => sum + u.slept, 0),
    setClock: (next) => {
      clock = next;
    },
    now,
    setFormulaEngine: (engine) => {
      wb.engine = engine;
      wb.touch();
    },
    setUiAvailable: (available) => {
      main.exec.uiAvailable = available;
    },
    setAuthMode: (mode) => {
      main.exec.authModeName = mode;
    },
    setAuthorizationRequired: (required) => {
      doc.authorizationRequired = required;
    },
    setTemplateScope: (scope) => {
      templateScope = scope;
    },
    newExecution: (opts = {}) => {
      const next = makeExecution(calls, faults);
      if (opts.ui === false) next.exec.uiAvailable = false;
      if (opts.authMode) next.exec.authModeName = opts.authMode;
      return handle(next.exec, next.globals);
    },
    sheet: (name) => asSheet(new EmSheet(harness.exec, requireSheet(name))),
    effectiveFormat: (name, row, col) => effectiveFormatOf(harness.exec, requireSheet(name), row, col),
    snapshot: (name, opts) => snapshotSheet(harness.exec, requireSheet(name), opts),
    sheetNames: () => wb.sheets.map((s) => s.name),
  };
}
