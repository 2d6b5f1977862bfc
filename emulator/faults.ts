/**
 * Fault injection: a test makes the n-th service call (or the n-th call of one kind) fail the way Apps
 * Script's transient service errors do, to check that a multi-step write can be run again and finish
 * exactly once. Faults are armed per document and fire in any execution but the harness's.
 */
import type { CallKind } from './call-kinds';
import { exception } from './errors';

/** Which calls a fault counts: `Range.setValues` exactly, or any `Class.method` a pattern matches. */
export type CallMatcher = string | RegExp;

export interface FaultOptions {
  /** Count only the calls this matches (default: every counted call). */
  readonly method?: CallMatcher;
  /**
   * Count only calls of these kinds (see call-kinds.ts); `ROUND_TRIPS` leaves out the calls Apps Script
   * answers in the script itself (builders, getters on objects already read), which do not fail so.
   */
  readonly kinds?: readonly CallKind[];
  /**
   * `before` (default): the call fails without effect, as when the service refuses it or the execution
   * stops. `after`: the call takes effect and still throws, as when the answer is lost on the way back.
   */
  readonly when?: 'before' | 'after';
  /** The error message (default: what Apps Script says for that service). */
  readonly message?: string;
}

/** A fault that fired: the failing call, its position among the calls the fault counted, the message. */
export interface FiredFault {
  readonly method: string;
  readonly nth: number;
  readonly when: 'before' | 'after';
  readonly message: string;
}

export interface FaultControls {
  /**
   * Arms a fault: the `nth` (1-based) call from now that `options.method` matches throws. Several faults
   * may be armed at once; each fires once.
   */
  failCall(nth: number, options?: FaultOptions): void;
  /** Disarms every fault not yet fired. */
  clear(): void;
  /** Faults armed and not yet fired. */
  armed(): number;
  /** Every fault that fired, oldest first. */
  readonly fired: readonly FiredFault[];
}

interface Armed {
  readonly nth: number;
  readonly method: CallMatcher | undefined;
  readonly kinds: readonly CallKind[] | undefined;
  readonly when: 'before' | 'after';
  readonly message: string | undefined;
  seen: number;
}

const SPREADSHEET_CLASSES =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|NamedRange|Protection|DeveloperMetadata\w*|ConditionalFormatRule\w*|BooleanCondition|DataValidation\w*)\./;

/** What Apps Script reports for a transient failure of the service behind `method`. */
export function transientMessage(method: string, documentId: string): string {
  return SPREADSHEET_CLASSES.test(method)
    ? `Service Spreadsheets failed while accessing document with id ${documentId}.`
    : "We're sorry, a server error occurred. Please wait a bit and try again.";
}

function matches(matcher: CallMatcher | undefined, method: string): boolean {
  if (matcher === undefined) return true;
  return typeof matcher === 'string' ? matcher === method : matcher.test(method);
}

export class FaultInjector implements FaultControls {
  private pending: Armed[] = [];
  readonly fired: FiredFault[] = [];

  constructor(private readonly documentId: string) {}

  failCall(nth: number, options: FaultOptions = {}): void {
    if (!Number.isInteger(nth) || nth < 1)
      throw new RangeError(`failCall: nth must be 1 or more, got ${nth}`);
    this.pending.push({
      nth,
      method: options.method,
      kinds: options.kinds,
      when: options.when ?? 'before',
      message: options.message,
      seen: 0,
    });
  }

  clear(): void {
    this.pending = [];
  }

  armed(): number {
    return this.pending.length;
  }

  /**
   * Called once per counted call, before it runs: counts it for every armed fault that matches, and
   * returns the fault due now (disarmed), if any.
   */
  due(method: string, kind: CallKind): FiredFault | undefined {
    let due: FiredFault | undefined;
    for (const fault of this.pending) {
      if (!matches(fault.method, method) || (fault.kinds && !fault.kinds.includes(kind))) continue;
      fault.seen += 1;
      if (fault.seen === fault.nth && due)
        fault.seen -= 1; // two due at once: this one fails the next call
      else if (fault.seen === fault.nth) {
        due = {
          method,
          nth: fault.nth,
          when: fault.when,
          message: fault.message ?? transientMessage(method, this.documentId),
        };
        this.pending = this.pending.filter((f) => f !== fault);
      }
    }
    if (due) this.fired.push(due);
    return due;
  }
}

/** The error a fired fault raises in the script: an Apps Script `Exception`. */
export function faultError(fault: FiredFault): Error {
  return exception(fault.message);
}
