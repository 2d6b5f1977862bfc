/**
 * ScriptApp: installable triggers with the editor add-on rule (one trigger of each event type per user per
 * document), authorization info, and the auth-mode enums.
 */
import { asTriggerBuilder } from './boundary';
import { GUARD, instrument } from './calls';
import type { Execution } from './context';
import {
  AuthMode,
  AuthorizationStatus,
  EventType,
  type EventTypeName,
  enumName,
  InstallationSource,
  TriggerSource,
  type TriggerSourceName,
  Weekday,
} from './enums';
import { EmulatorUsageError, exception } from './errors';
import { EmSpreadsheet } from './spreadsheet';

import Script = GoogleAppsScript.Script;

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  timeZone?: string;
  at?: Date;
  afterMs?: number;
}

export interface TriggerRecord {
  readonly id: string;
  readonly handler: string;
  readonly eventType: EventTypeName;
  readonly source: TriggerSourceName;
  readonly sourceId: string;
  readonly schedule: Readonly<ClockSchedule>;
}

export class TriggerState {
  readonly triggers: TriggerRecord[] = [];
  private nextId = 4_000_000;

  newId(): string {
    this.nextId += 1;
    return String(this.nextId);
  }
}

const EVENT_WORDS: Record<EventTypeName, string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form submit',
  ON_EVENT_UPDATED: 'calendar',
};

const MAX_TRIGGERS_PER_USER = 20;

function install(exec: Execution, record: Omit<TriggerRecord, 'id'>): Script.Trigger {
  const state = exec.doc.triggers;
  if (state.triggers.some((t) => t.eventType === record.eventType)) {
    throw exception(
      `This add-on has created too many ${EVENT_WORDS[record.eventType]} triggers in this document for this Google user account.`,
    );
  }
  if (state.triggers.length >= MAX_TRIGGERS_PER_USER) {
    throw exception(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  }
  const trigger: TriggerRecord = { ...record, id: state.newId() };
  state.triggers.push(trigger);
  return new EmTrigger(exec, trigger);
}

type TriggerMethods =
  | 'getEventType'
  | 'getHandlerFunction'
  | 'getTriggerSource'
  | 'getTriggerSourceId'
  | 'getUniqueId';

export class EmTrigger implements Pick<Script.Trigger, TriggerMethods> {
  readonly [GUARD]: Execution;

  constructor(
    exec: Execution,
    readonly record: TriggerRecord,
  ) {
    this[GUARD] = exec;
  }

  getEventType(): Script.EventType {
    return EventType[this.record.eventType];
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getTriggerSource(): Script.TriggerSource {
    return TriggerSource[this.record.source];
  }
  getTriggerSourceId(): string {
    return this.record.sourceId;
  }
  getUniqueId(): string {
    return this.record.id;
  }
}

const HOURS = [1, 2, 4, 6, 8, 12];
const MINUTES = [1, 5, 10, 15, 30];

type ClockMethods =
  | 'after'
  | 'at'
  | 'atDate'
  | 'atHour'
  | 'create'
  | 'everyDays'
  | 'everyHours'
  | 'everyMinutes'
  | 'everyWeeks'
  | 'inTimezone'
  | 'nearMinute'
  | 'onMonthDay'
  | 'onWeekDay';

export class EmClockTriggerBuilder implements Pick<Script.ClockTriggerBuilder, ClockMethods> {
  readonly [GUARD]: Execution;
  private readonly schedule: ClockSchedule = {};

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
  ) {
    this[GUARD] = exec;
  }

  private _set(change: ClockSchedule): Script.ClockTriggerBuilder {
    Object.assign(this.schedule, change);
    return this;
  }

  after(durationMilliseconds: number): Script.ClockTriggerBuilder {
    return this._set({ afterMs: durationMilliseconds });
  }
  at(date: GoogleAppsScript.Base.Date): Script.ClockTriggerBuilder {
    return this._set({ at: new Date(date.getTime()) });
  }
  atDate(year: number, month: number, day: number): Script.ClockTriggerBuilder {
    return this._set({ at: new Date(year, month - 1, day) });
  }
  atHour(hour: number): Script.ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw exception('Invalid argument: hour');
    return this._set({ atHour: hour });
  }
  everyDays(n: number): Script.ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw exception('Invalid argument: n');
    return this._set({ everyDays: n });
  }
  everyHours(n: number): Script.ClockTriggerBuilder {
    if (!HOURS.includes(n)) throw exception('The number of hours must be 1, 2, 4, 6, 8 or 12.');
    return this._set({ everyHours: n });
  }
  everyMinutes(n: number): Script.ClockTriggerBuilder {
    if (!MINUTES.includes(n)) throw exception('The number of minutes must be 1, 5, 10, 15 or 30.');
    return this._set({ everyMinutes: n });
  }
  everyWeeks(n: number): Script.ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw exception('Invalid argument: n');
    return this._set({ everyWeeks: n });
  }
  inTimezone(timezone: string): Script.ClockTriggerBuilder {
    return this._set({ timeZone: timezone });
  }
  nearMinute(minute: number): Script.ClockTriggerBuilder {
    return this._set({ nearMinute: minute });
  }
  onMonthDay(day: number): Script.ClockTriggerBuilder {
    return this._set({ onMonthDay: day });
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): Script.ClockTriggerBuilder {
    return this._set({ onWeekDay: enumName(day) });
  }

  /** Add-ons may not run time-driven triggers more often than hourly, and get one per document. */
  create(): Script.Trigger {
    const s = this.schedule;
    const recurring = s.everyMinutes ?? s.everyHours ?? s.everyDays ?? s.everyWeeks;
    if (recurring === undefined && !s.at && s.afterMs === undefined) {
      throw exception(
        'A time-based trigger needs a schedule: everyMinutes, everyHours, everyDays, everyWeeks, at or after.',
      );
    }
    if (s.atHour !== undefined && s.everyDays === undefined && s.everyWeeks === undefined) {
      throw exception('atHour can only be used with everyDays or everyWeeks.');
    }
    if (s.everyMinutes !== undefined) {
      throw exception('Add-ons cannot create time-based triggers that run more often than once per hour.');
    }
    return install(this.exec, {
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: '',
      schedule: { ...s },
    });
  }
}

type SpreadsheetTriggerMethods = 'create' | 'onChange' | 'onEdit' | 'onFormSubmit' | 'onOpen';

export class EmSpreadsheetTriggerBuilder
  implements Pick<Script.SpreadsheetTriggerBuilder, SpreadsheetTriggerMethods>
{
  readonly [GUARD]: Execution;
  private event: EventTypeName | undefined;

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {
    this[GUARD] = exec;
  }

  private _on(event: EventTypeName): Script.SpreadsheetTriggerBuilder {
    this.event = event;
    return this;
  }
  onChange(): Script.SpreadsheetTriggerBuilder {
    return this._on('ON_CHANGE');
  }
  onEdit(): Script.SpreadsheetTriggerBuilder {
    return this._on('ON_EDIT');
  }
  onFormSubmit(): Script.SpreadsheetTriggerBuilder {
    return this._on('ON_FORM_SUBMIT');
  }
  onOpen(): Script.SpreadsheetTriggerBuilder {
    return this._on('ON_OPEN');
  }
  create(): Script.Trigger {
    if (!this.event)
      throw exception('Choose an event (onOpen, onEdit, onChange or onFormSubmit) before create().');
    return install(this.exec, {
      handler: this.handler,
      eventType: this.event,
      source: 'SPREADSHEETS',
      sourceId: this.spreadsheetId,
      schedule: {},
    });
  }
}

type BuilderMethods = 'forSpreadsheet' | 'timeBased';

export class EmTriggerBuilder implements Pick<Script.TriggerBuilder, BuilderMethods> {
  readonly [GUARD]: Execution;

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
  ) {
    this[GUARD] = exec;
  }

  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): Script.SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    if (id !== this.exec.wb.id)
      throw exception('Editor add-ons can only create triggers for the document they run in.');
    return new EmSpreadsheetTriggerBuilder(this.exec, this.handler, id);
  }
  timeBased(): Script.ClockTriggerBuilder {
    return new EmClockTriggerBuilder(this.exec, this.handler);
  }
}

type AuthInfoMethods = 'getAuthorizationStatus' | 'getAuthorizationUrl';

export class EmAuthorizationInfo implements Pick<Script.AuthorizationInfo, AuthInfoMethods> {
  readonly [GUARD]: Execution;

  constructor(private readonly exec: Execution) {
    this[GUARD] = exec;
  }

  getAuthorizationStatus(): Script.AuthorizationStatus {
    return this.exec.doc.authorizationRequired
      ? AuthorizationStatus.REQUIRED
      : AuthorizationStatus.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string {
    return 'https://script.google.com/macros/d/emulated-script/authorize';
  }
}

type ScriptAppMethods =
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'InstallationSource'
  | 'TriggerSource'
  | 'WeekDay'
  | 'deleteTrigger'
  | 'getAuthorizationInfo'
  | 'getInstallationSource'
  | 'getOAuthToken'
  | 'getProjectTriggers'
  | 'getScriptId'
  | 'getUserTriggers'
  | 'newTrigger';

export class EmScriptApp implements Pick<Script.ScriptApp, ScriptAppMethods> {
  readonly [GUARD]: Execution;
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly InstallationSource = InstallationSource;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = Weekday;

  constructor(private readonly exec: Execution) {
    this[GUARD] = exec;
  }

  private _triggers(): Script.Trigger[] {
    return this.exec.doc.triggers.triggers.map((t) => new EmTrigger(this.exec, t));
  }

  newTrigger(functionName: string): Script.TriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '')
      throw exception('Invalid argument: functionName');
    return asTriggerBuilder(new EmTriggerBuilder(this.exec, functionName));
  }
  deleteTrigger(trigger: Script.Trigger): void {
    if (!(trigger instanceof EmTrigger)) throw exception('Invalid argument: trigger');
    const list = this.exec.doc.triggers.triggers;
    const index = list.findIndex((t) => t.id === trigger.record.id);
    if (index >= 0) list.splice(index, 1);
  }
  /** The user's triggers of this add-on in the given document (time-driven ones included). */
  getUserTriggers(document: unknown): Script.Trigger[] {
    if (!(document instanceof EmSpreadsheet)) {
      throw new EmulatorUsageError('getUserTriggers: only the emulated spreadsheet is supported.');
    }
    return document.getId() === this.exec.wb.id ? this._triggers() : [];
  }
  getProjectTriggers(): Script.Trigger[] {
    return this._triggers();
  }
  getAuthorizationInfo(authMode: Script.AuthMode): Script.AuthorizationInfo {
    if (!(enumName(authMode) in AuthMode)) throw exception('Invalid argument: authMode');
    return new EmAuthorizationInfo(this.exec);
  }
  getInstallationSource(): Script.InstallationSource {
    return InstallationSource.WEB_STORE_ADD_ON;
  }
  getOAuthToken(): string {
    return 'emulated-oauth-token';
  }
  getScriptId(): string {
    return 'emulated-script-id';
  }
}

instrument(EmTrigger, 'Trigger');
instrument(EmClockTriggerBuilder, 'ClockTriggerBuilder');
instrument(EmSpreadsheetTriggerBuilder, 'SpreadsheetTriggerBuilder');
instrument(EmTriggerBuilder, 'TriggerBuilder');
instrument(EmAuthorizationInfo, 'AuthorizationInfo');
instrument(EmScriptApp, 'ScriptApp');
