/**
 * LockService. JavaScript here runs one execution at a time, so a lock held by "another execution" is
 * either held by a second emulated execution (Workbook.newExecution) or simulated by a test control; a
 * wait cannot outlast it unless the simulated holder was told to release after some milliseconds.
 */
import { GUARD, instrument } from './calls';
import type { Execution } from './context';
import { exception } from './errors';

export type LockKind = 'document' | 'script' | 'user';

/** Owner id of a lock held by a simulated other execution. */
const ANOTHER = -1;

interface Holder {
  owner: number;
  /** For a simulated holder: it lets go after this many ms of waiting. */
  releaseAfterMs?: number;
}

export interface LockEvent {
  kind: LockKind;
  execution: number;
  action: 'acquired' | 'released' | 'timed-out';
}

export class LockTable {
  private readonly holders = new Map<LockKind, Holder>();
  readonly events: LockEvent[] = [];

  /**
   * Test control: another execution takes the lock. It holds it until the returned function is called,
   * or, with `releaseAfterMs`, lets a wait of at least that long succeed.
   */
  holdByAnother(kind: LockKind = 'document', options: { releaseAfterMs?: number } = {}): () => void {
    const holder: Holder = { owner: ANOTHER };
    if (options.releaseAfterMs !== undefined) holder.releaseAfterMs = options.releaseAfterMs;
    this.holders.set(kind, holder);
    return () => {
      if (this.holders.get(kind) === holder) this.holders.delete(kind);
    };
  }

  holder(kind: LockKind): number | undefined {
    return this.holders.get(kind)?.owner;
  }

  acquire(kind: LockKind, execution: number, timeoutMs: number): boolean {
    const holder = this.holders.get(kind);
    const free =
      !holder ||
      holder.owner === execution ||
      (holder.releaseAfterMs !== undefined && holder.releaseAfterMs <= timeoutMs);
    if (free) {
      this.holders.set(kind, { owner: execution });
      this.events.push({ kind, execution, action: 'acquired' });
    } else {
      this.events.push({ kind, execution, action: 'timed-out' });
    }
    return free;
  }

  release(kind: LockKind, execution: number): void {
    if (this.holders.get(kind)?.owner !== execution) return;
    this.holders.delete(kind);
    this.events.push({ kind, execution, action: 'released' });
  }
}

type LockMethods = 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock';

function checkTimeout(timeoutInMillis: number): void {
  if (typeof timeoutInMillis !== 'number' || !(timeoutInMillis >= 0))
    throw exception('Invalid argument: timeoutInMillis');
}

export class EmLock implements Pick<GoogleAppsScript.Lock.Lock, LockMethods> {
  readonly [GUARD]: Execution;

  constructor(
    private readonly exec: Execution,
    private readonly kind: LockKind,
  ) {
    this[GUARD] = exec;
  }

  hasLock(): boolean {
    return this.exec.doc.locks.holder(this.kind) === this.exec.id;
  }
  releaseLock(): void {
    this.exec.doc.locks.release(this.kind, this.exec.id);
  }
  tryLock(timeoutInMillis: number): boolean {
    checkTimeout(timeoutInMillis);
    return this.exec.doc.locks.acquire(this.kind, this.exec.id, timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    checkTimeout(timeoutInMillis);
    if (!this.exec.doc.locks.acquire(this.kind, this.exec.id, timeoutInMillis)) {
      throw exception('Lock timeout: another process was holding the lock for too long.');
    }
  }
}

type ServiceMethods = 'getDocumentLock' | 'getScriptLock' | 'getUserLock';

export class EmLockService implements Pick<GoogleAppsScript.Lock.LockService, ServiceMethods> {
  readonly [GUARD]: Execution;

  constructor(private readonly exec: Execution) {
    this[GUARD] = exec;
  }

  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return new EmLock(this.exec, 'document');
  }
  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return new EmLock(this.exec, 'script');
  }
  getUserLock(): GoogleAppsScript.Lock.Lock {
    return new EmLock(this.exec, 'user');
  }
}

instrument(EmLock, 'Lock');
instrument(EmLockService, 'LockService');
