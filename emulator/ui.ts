/**
 * The spreadsheet UI: menus, alerts, prompts, sidebars and dialogs. Nothing is drawn; everything shown is
 * recorded on the UiRecorder (a test control), and alert/prompt answers come from its scripted queue.
 */
import { asMenu, asPromptResponse } from './boundary';
import { GUARD, instrument } from './calls';
import type { Execution } from './context';
import { Button, type ButtonName, ButtonSet, type ButtonSetName, enumName } from './enums';
import { EmulatorUsageError, exception } from './errors';
import { EmHtmlOutput } from './html';

export type MenuEntry =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly menu: MenuRecord };

export interface MenuRecord {
  readonly caption: string;
  /** True for createAddonMenu() (shown under Extensions > add-on name). */
  readonly addon: boolean;
  readonly items: MenuEntry[];
}

export interface DialogRecord {
  readonly kind: 'alert' | 'prompt';
  readonly title: string;
  readonly message: string;
  readonly buttons: ButtonSetName;
  /** The scripted (or default) answer that was returned. */
  readonly button: ButtonName;
  readonly text?: string;
}

export interface HtmlRecord {
  readonly kind: 'sidebar' | 'modal' | 'modeless';
  readonly title: string;
  readonly html: string;
  readonly width: number | undefined;
  readonly height: number | undefined;
}

/** A scripted answer for the next alert or prompt. */
export interface ScriptedResponse {
  button?: ButtonName;
  /** The text typed into a prompt. */
  text?: string;
}

/** An alert or prompt about to be answered, as a responder sees it. */
export interface DialogRequest {
  readonly kind: 'alert' | 'prompt';
  readonly title: string;
  readonly message: string;
  readonly buttons: ButtonSetName;
}

/** Answers dialogs when no scripted answer is queued (e.g. the preview asking a person); undefined = default. */
export type Responder = (request: DialogRequest) => ScriptedResponse | undefined;

const BUTTONS: Record<ButtonSetName, readonly ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class UiRecorder {
  readonly menus: MenuRecord[] = [];
  readonly alerts: DialogRecord[] = [];
  readonly prompts: DialogRecord[] = [];
  readonly sidebars: HtmlRecord[] = [];
  readonly dialogs: HtmlRecord[] = [];
  private readonly queue: ScriptedResponse[] = [];
  private responder: Responder | undefined;

  constructor(readonly addOnName: string) {}

  /** Consulted for each alert/prompt when the queue is empty; `undefined` removes it. */
  respondWith(responder: Responder | undefined): void {
    this.responder = responder;
  }

  /** Queues answers for the next alerts/prompts, in order. Without one, OK (or the set's first button). */
  respond(...responses: ScriptedResponse[]): void {
    this.queue.push(...responses);
  }

  /** Answers still queued (a test can assert they were all consumed). */
  pending(): readonly ScriptedResponse[] {
    return [...this.queue];
  }

  /** The menu with this caption (the add-on menu's caption is the add-on name). */
  menu(caption: string): MenuRecord | undefined {
    return this.menus.find((m) => m.caption === caption);
  }

  /** Every menu item, submenus flattened, as `{caption, functionName}`. */
  items(): { caption: string; functionName: string }[] {
    const out: { caption: string; functionName: string }[] = [];
    const walk = (entries: readonly MenuEntry[]) => {
      for (const e of entries) {
        if (e.kind === 'item') out.push({ caption: e.caption, functionName: e.functionName });
        else if (e.kind === 'submenu') walk(e.menu.items);
      }
    };
    for (const m of this.menus) walk(m.items);
    return out;
  }

  lastSidebar(): HtmlRecord | undefined {
    return this.sidebars[this.sidebars.length - 1];
  }

  /** @internal The answer to a dialog: the queue first, then the responder, else OK (or the set's first). */
  _answer(buttons: ButtonSetName, request?: DialogRequest): { button: ButtonName; text: string } {
    const allowed = BUTTONS[buttons];
    const next = this.queue.shift() ?? (request && this.responder?.(request));
    const button = next?.button ?? (allowed.includes('OK') ? 'OK' : (allowed[0] ?? 'OK'));
    if (button !== 'CLOSE' && !allowed.includes(button)) {
      throw new EmulatorUsageError(`Scripted answer ${button} is not a button of ButtonSet.${buttons}`);
    }
    return { button, text: next?.text ?? '' };
  }

  /** @internal */
  _addMenu(record: MenuRecord): void {
    const index = this.menus.findIndex((m) => m.caption === record.caption && m.addon === record.addon);
    if (index >= 0) this.menus.splice(index, 1, record);
    else this.menus.push(record);
  }
}

type MenuMethods = 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi';

export class EmMenu implements Pick<GoogleAppsScript.Base.Menu, MenuMethods> {
  readonly [GUARD]: Execution;
  readonly entries: MenuEntry[] = [];

  constructor(
    private readonly exec: Execution,
    readonly caption: string,
    readonly addon: boolean,
  ) {
    this[GUARD] = exec;
  }

  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    if (typeof functionName !== 'string' || functionName === '')
      throw exception('Invalid argument: functionName');
    this.entries.push({ kind: 'item', caption: String(caption), functionName });
    return asMenu(this);
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    this.entries.push({ kind: 'separator' });
    return asMenu(this);
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    if (!(menu instanceof EmMenu)) throw exception('Invalid argument: menu');
    this.entries.push({ kind: 'submenu', menu: menu._record() });
    return asMenu(this);
  }
  addToUi(): void {
    this.exec.doc.ui._addMenu(this._record());
  }

  _record(): MenuRecord {
    return { caption: this.caption, addon: this.addon, items: [...this.entries] };
  }
}

type PromptMethods = 'getResponseText' | 'getSelectedButton';

export class EmPromptResponse implements Pick<GoogleAppsScript.Base.PromptResponse, PromptMethods> {
  readonly [GUARD]: Execution;

  constructor(
    exec: Execution,
    private readonly text: string,
    private readonly button: ButtonName,
  ) {
    this[GUARD] = exec;
  }

  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return Button[this.button];
  }
}

type UiMethods =
  | 'Button'
  | 'ButtonSet'
  | 'alert'
  | 'createAddonMenu'
  | 'createMenu'
  | 'prompt'
  | 'showModalDialog'
  | 'showModelessDialog'
  | 'showSidebar';

/** alert/prompt take (message), (message, buttons) or (title, message, buttons). */
function dialogArgs(args: unknown[]): { title: string; message: string; buttons: ButtonSetName } {
  if (args.length >= 3)
    return { title: String(args[0]), message: String(args[1]), buttons: setName(args[2]) };
  if (args.length === 2) return { title: '', message: String(args[0]), buttons: setName(args[1]) };
  return { title: '', message: String(args[0] ?? ''), buttons: 'OK' };
}

function setName(value: unknown): ButtonSetName {
  const name = enumName(value);
  if (!(name in BUTTONS)) throw exception('Invalid argument: buttons');
  return name as ButtonSetName;
}

function htmlOf(userInterface: unknown): EmHtmlOutput {
  if (userInterface instanceof EmHtmlOutput) return userInterface;
  throw exception('Invalid argument: userInterface (expected an HtmlOutput)');
}

export class EmUi implements Pick<GoogleAppsScript.Base.Ui, UiMethods> {
  readonly [GUARD]: Execution;
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly exec: Execution) {
    this[GUARD] = exec;
  }

  private get _recorder(): UiRecorder {
    return this.exec.doc.ui;
  }

  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const { title, message, buttons } = dialogArgs(args);
    const { button } = this._recorder._answer(buttons, { kind: 'alert', title, message, buttons });
    this._recorder.alerts.push({ kind: 'alert', title, message, buttons, button });
    return Button[button];
  }
  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    const { title, message, buttons } = dialogArgs(args);
    const { button, text } = this._recorder._answer(buttons, { kind: 'prompt', title, message, buttons });
    this._recorder.prompts.push({ kind: 'prompt', title, message, buttons, button, text });
    return asPromptResponse(new EmPromptResponse(this.exec, text, button));
  }
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return asMenu(new EmMenu(this.exec, this._recorder.addOnName, true));
  }
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return asMenu(new EmMenu(this.exec, String(caption), false));
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const out = htmlOf(userInterface);
    this._recorder.sidebars.push({
      kind: 'sidebar',
      title: out.getTitle(),
      html: out.getContent(),
      width: out.width,
      height: undefined,
    });
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    const out = htmlOf(userInterface);
    this._recorder.dialogs.push({
      kind: 'modal',
      title: String(title),
      html: out.getContent(),
      width: out.width,
      height: out.height,
    });
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    const out = htmlOf(userInterface);
    this._recorder.dialogs.push({
      kind: 'modeless',
      title: String(title),
      html: out.getContent(),
      width: out.width,
      height: out.height,
    });
  }
}

instrument(EmUi, 'Ui');
instrument(EmMenu, 'Menu');
instrument(EmPromptResponse, 'PromptResponse');
