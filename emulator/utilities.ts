/**
 * Utilities, Logger and console. Log lines are recorded on the document (Workbook.logs) rather than
 * printed, so test output stays quiet; Utilities.sleep does not wait (it only adds to `slept`).
 */
import { randomUUID } from 'node:crypto';
import { format } from 'node:util';
import { GUARD, instrument } from './calls';
import { isDate } from './cell-input';
import type { Execution } from './context';
import { exception } from './errors';
import { formatJavaDate } from './time';

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
}

type UtilitiesMethods = 'base64Encode' | 'formatDate' | 'formatString' | 'getUuid' | 'sleep';

export class EmUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, UtilitiesMethods> {
  readonly [GUARD]: Execution;
  /** Milliseconds scripts asked to sleep (nothing waits). */
  slept = 0;

  constructor(exec: Execution) {
    this[GUARD] = exec;
  }

  /** Java SimpleDateFormat patterns, e.g. "yyyy-MM-dd'T'HH:mm:ssXXX". */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, pattern: string): string {
    if (!isDate(date) || Number.isNaN(date.getTime())) throw exception('Invalid argument: date');
    try {
      return formatJavaDate(new Date(date.getTime()), timeZone, pattern);
    } catch (error) {
      throw exception(error instanceof Error ? error.message : String(error));
    }
  }
  formatString(template: string, ...args: unknown[]): string {
    return format(template, ...args);
  }
  getUuid(): string {
    return randomUUID();
  }
  sleep(milliseconds: number): void {
    this.slept += milliseconds;
  }
  base64Encode(data: string | number[]): string {
    return Buffer.from(typeof data === 'string' ? data : Uint8Array.from(data, (b) => b & 0xff)).toString(
      'base64',
    );
  }
}

function logLine(values: unknown[]): string {
  return values.length === 0 ? '' : format(...(values as [unknown, ...unknown[]]));
}

export class EmLogger implements Pick<GoogleAppsScript.Base.Logger, 'clear' | 'getLog' | 'log'> {
  readonly [GUARD]: Execution;

  constructor(private readonly exec: Execution) {
    this[GUARD] = exec;
  }

  clear(): void {
    const logs = this.exec.doc.logs;
    for (let i = logs.length - 1; i >= 0; i--) if (logs[i]?.source === 'Logger') logs.splice(i, 1);
  }
  getLog(): string {
    return this.exec.doc.logs
      .filter((l) => l.source === 'Logger')
      .map((l) => `${l.message}\n`)
      .join('');
  }
  log(...values: unknown[]): GoogleAppsScript.Base.Logger {
    this.exec.doc.logs.push({ source: 'Logger', level: 'log', message: logLine(values) });
    return this;
  }
}

/** The script's `console`: records lines with their level. Not counted as service calls. */
export function createConsole(
  exec: Execution,
): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug' | 'time' | 'timeEnd'> {
  const push =
    (level: LogEntry['level']) =>
    (...values: unknown[]) => {
      exec.doc.logs.push({ source: 'console', level, message: logLine(values) });
    };
  const timers = new Map<string, number>();
  return {
    log: push('log'),
    info: push('info'),
    debug: push('log'),
    warn: push('warn'),
    error: push('error'),
    time: (label = 'default') => {
      timers.set(label, Date.now());
    },
    timeEnd: (label = 'default') => {
      const start = timers.get(label);
      if (start !== undefined) push('log')(`${label}: ${Date.now() - start}ms`);
      timers.delete(label);
    },
  };
}

instrument(EmUtilities, 'Utilities');
instrument(EmLogger, 'Logger');
