/**
 * Counts service calls. Every public method of an emulated service is wrapped once, at module load, by
 * `instrument`; the wrapper finds the workbook's counter through the object it is called on. Only calls
 * made by the script count: a service method that runs inside another (depth > 0) does not.
 */
import { CALL_KINDS, type CallKind, callKind } from './call-kinds';
import { exception } from './errors';
import { type FaultInjector, faultError } from './faults';

export interface CallCounter {
  total: number;
  byMethod: Record<string, number>;
  /** The same calls by what they cost (see call-kinds.ts): reads, writes, UI, other services, local. */
  byKind: Record<CallKind, number>;
  reset(): void;
}

function noKinds(): Record<CallKind, number> {
  return Object.fromEntries(CALL_KINDS.map((kind) => [kind, 0])) as Record<CallKind, number>;
}

export function createCallCounter(): CallCounter {
  const counter: CallCounter = {
    total: 0,
    byMethod: {},
    byKind: noKinds(),
    reset() {
      counter.total = 0;
      counter.byMethod = {};
      counter.byKind = noKinds();
    },
  };
  return counter;
}

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/** What a service call may do in the current execution context. */
export interface ExecutionGuard {
  readonly calls: CallCounter;
  /** The document's armed faults; none for the harness, whose calls never fail. */
  readonly faults: FaultInjector | undefined;
  /** Nesting of emulated calls; the counter and the guards apply at depth 0 only. */
  depth: number;
  authMode(): AuthModeName;
  /** True while a custom function runs (formula evaluation): Spreadsheet objects are read-only. */
  inCustomFunction(): boolean;
}

/** The property every instrumented object carries to reach its execution's guard. */
export const GUARD: unique symbol = Symbol('guard');

export interface Guarded {
  readonly [GUARD]: ExecutionGuard;
}

type Access = 'menu' | 'read' | 'write';

// AuthMode.NONE (an add-on installed but not enabled in this document) allows building menus and what
// needs no authorization; the document, properties, locks, mail and triggers are out of reach.
const ALLOWED_WITHOUT_AUTH =
  /^(Ui|Menu|PromptResponse|Utilities|Logger|HtmlService|HtmlOutput|HtmlTemplate|AuthorizationInfo|ScriptApp\.getAuthorizationInfo|SpreadsheetApp\.getUi|Session\.(getScriptTimeZone|getActiveUserLocale))\b/;

// Custom functions run with read-only access to the spreadsheet and without mail or triggers.
const WRITE_METHOD =
  /^(set|insert|delete|append|clear|add|remove|move|sort|protect|hide|show|activate|toast|check|uncheck|update)/;
const SPREADSHEET_SERVICE =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|NamedRange|Protection|DeveloperMetadata)\./;

function classify(qualified: string, method: string): Access {
  if (ALLOWED_WITHOUT_AUTH.test(qualified)) return 'menu';
  if (/^(MailApp\.sendEmail|ScriptApp\.(newTrigger|deleteTrigger))$/.test(qualified)) return 'write';
  if (SPREADSHEET_SERVICE.test(qualified) && WRITE_METHOD.test(method)) return 'write';
  return 'read';
}

function check(guard: ExecutionGuard, qualified: string, access: Access): void {
  if (access !== 'menu' && guard.authMode() === 'NONE') {
    throw exception(
      `You do not have permission to call ${qualified}. (AuthMode.NONE: the add-on is not enabled in this document)`,
    );
  }
  if (access === 'write' && guard.inCustomFunction()) {
    throw exception(`You do not have permission to call ${qualified}`);
  }
}

/**
 * A call made by the script: checked, counted, and the fault due on it, if any. A custom function runs
 * in an execution of its own in Apps Script, whatever made Sheets recompute it: its calls are checked
 * but are no round trips of the execution that read the cells.
 */
function counted(guard: ExecutionGuard, qualified: string, access: Access, kind: CallKind) {
  check(guard, qualified, access);
  if (guard.inCustomFunction()) return undefined;
  guard.calls.total += 1;
  guard.calls.byMethod[qualified] = (guard.calls.byMethod[qualified] ?? 0) + 1;
  guard.calls.byKind[kind] += 1;
  return guard.faults?.due(qualified, kind);
}

/**
 * Wraps every method on `cls.prototype` (not the constructor, not names starting with '_') so a call
 * counts as `${service}.${method}`, respects the execution's auth mode, and fails when a fault is due.
 */
// biome-ignore lint/suspicious/noExplicitAny: wraps arbitrary class prototypes by design
export function instrument(cls: { prototype: any; name: string }, service: string): void {
  const proto = cls.prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('_')) continue;
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor || typeof descriptor.value !== 'function') continue;
    const original = descriptor.value as (...args: unknown[]) => unknown;
    const qualified = `${service}.${name}`;
    const access = classify(qualified, name);
    const kind = callKind(qualified);
    const wrapped = function (this: Guarded, ...args: unknown[]): unknown {
      const guard = this[GUARD];
      const fault = guard.depth === 0 ? counted(guard, qualified, access, kind) : undefined;
      if (fault?.when === 'before') throw faultError(fault);
      guard.depth += 1;
      let result: unknown;
      try {
        result = original.apply(this, args);
      } finally {
        guard.depth -= 1;
      }
      if (fault) throw faultError(fault);
      return result;
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    Object.defineProperty(proto, name, { ...descriptor, value: wrapped });
  }
}
