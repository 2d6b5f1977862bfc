/**
 * The shared state behind one emulated document, and the executions that act on it. An execution is one
 * run of the script (a menu click, a trigger): it has its own lock ownership, UI availability and auth
 * mode, and shares everything else. Every service object belongs to one execution.
 */
import type { AuthModeName, CallCounter, ExecutionGuard } from './calls';
import type { Evaluation } from './evaluation';
import type { FaultInjector } from './faults';
import type { LockTable } from './lock';
import type { MailState } from './mail';
import type { PropertyStores } from './properties';
import type { TriggerState } from './script-app';
import type { UiRecorder } from './ui';
import type { LogEntry } from './utilities';
import type { WorkbookModel } from './workbook-model';

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface DocumentState {
  readonly wb: WorkbookModel;
  readonly evaluation: Evaluation;
  readonly ui: UiRecorder;
  readonly toasts: ToastRecord[];
  readonly mail: MailState;
  readonly triggers: TriggerState;
  readonly properties: PropertyStores;
  readonly locks: LockTable;
  readonly logs: LogEntry[];
  readonly htmlFiles: Readonly<Record<string, string>>;
  readonly user: string;
  authorizationRequired: boolean;
  /** The script's global scope, for template scriptlets calling script functions (e.g. include()). */
  templateScope(): object | undefined;
  readonly executions: Execution[];
}

export class Execution implements ExecutionGuard {
  depth = 0;
  authModeName: AuthModeName = 'FULL';
  uiAvailable = true;

  constructor(
    readonly doc: DocumentState,
    readonly calls: CallCounter,
    readonly id: number,
    readonly faults: FaultInjector | undefined,
  ) {}

  get wb(): WorkbookModel {
    return this.doc.wb;
  }

  authMode(): AuthModeName {
    return this.authModeName;
  }

  inCustomFunction(): boolean {
    return this.doc.wb.customFunctionDepth > 0;
  }
}
