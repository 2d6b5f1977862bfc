/**
 * HtmlService: HTML outputs (content, title, size) and templates with scriptlets: `<?= expr ?>` prints
 * HTML-escaped, `<?!= expr ?>` prints raw, `<? code ?>` runs code. Template properties are in scope, and
 * so are the script's globals when the harness provides them (for helpers such as `include(name)`).
 */
import { asHtmlOutput, asHtmlTemplate } from './boundary';
import { GUARD, instrument } from './calls';
import type { Execution } from './context';
import { SandboxMode, XFrameOptionsMode } from './enums';
import { exception } from './errors';

import HTML = GoogleAppsScript.HTML;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type OutputMethods =
  | 'addMetaTag'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getContent'
  | 'getHeight'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode';

export class EmHtmlOutput implements Pick<HTML.HtmlOutput, OutputMethods> {
  readonly [GUARD]: Execution;
  content: string;
  title = '';
  width: number | undefined;
  height: number | undefined;
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(exec: Execution, content = '') {
    this[GUARD] = exec;
    this.content = content;
  }

  addMetaTag(name: string, content: string): HTML.HtmlOutput {
    this.metaTags.push({ name, content });
    return asHtmlOutput(this);
  }
  append(addedContent: string): HTML.HtmlOutput {
    this.content += String(addedContent);
    return asHtmlOutput(this);
  }
  appendUntrusted(addedContent: string): HTML.HtmlOutput {
    this.content += escapeHtml(String(addedContent));
    return asHtmlOutput(this);
  }
  clear(): HTML.HtmlOutput {
    this.content = '';
    return asHtmlOutput(this);
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): HTML.HtmlOutput {
    this.content = String(content);
    return asHtmlOutput(this);
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HTML.HtmlOutput {
    this.title = String(title);
    return asHtmlOutput(this);
  }
  getWidth(): number {
    return this.width ?? 0;
  }
  setWidth(width: number): HTML.HtmlOutput {
    this.width = width;
    return asHtmlOutput(this);
  }
  getHeight(): number {
    return this.height ?? 0;
  }
  setHeight(height: number): HTML.HtmlOutput {
    this.height = height;
    return asHtmlOutput(this);
  }
  /** Only IFRAME exists today; the others are accepted and ignored, as in Apps Script. */
  setSandboxMode(_mode: HTML.SandboxMode): HTML.HtmlOutput {
    return asHtmlOutput(this);
  }
  setXFrameOptionsMode(_mode: HTML.XFrameOptionsMode): HTML.HtmlOutput {
    return asHtmlOutput(this);
  }
}

/** Compiles a template into code that builds its output (scriptlets as in Apps Script). */
export function compileTemplate(source: string): string {
  let code = 'let __out = "";\n';
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('<?', i);
    const literal = source.slice(i, open < 0 ? source.length : open);
    if (literal) code += `__out += ${JSON.stringify(literal)};\n`;
    if (open < 0) break;
    const close = source.indexOf('?>', open + 2);
    if (close < 0) throw exception('Unterminated scriptlet in template.');
    const body = source.slice(open + 2, close);
    if (body.startsWith('!=')) code += `__out += __str(${body.slice(2)});\n`;
    else if (body.startsWith('=')) code += `__out += __esc(__str(${body.slice(1)}));\n`;
    else code += `${body}\n`;
    i = close + 2;
  }
  return `${code}return __out;`;
}

function printable(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

type TemplateMethods = 'evaluate' | 'getCode' | 'getRawContent';

const RESERVED = new Set(['evaluate', 'getCode', 'getRawContent', 'getCodeWithComments']);
/** Template sources, kept off the template object so any property name is free for variables. */
const SOURCES = new WeakMap<EmHtmlTemplate, string>();

export class EmHtmlTemplate implements Pick<HTML.HtmlTemplate, TemplateMethods> {
  readonly [GUARD]: Execution;
  /** Template variables are set as plain properties: `template.items = [...]`. */
  [name: string]: unknown;

  constructor(exec: Execution, source: string) {
    this[GUARD] = exec;
    SOURCES.set(this, source);
  }

  getRawContent(): string {
    return SOURCES.get(this) ?? '';
  }
  getCode(): string {
    return compileTemplate(SOURCES.get(this) ?? '');
  }
  evaluate(): HTML.HtmlOutput {
    const exec = this[GUARD];
    const data: Record<string, unknown> = Object.create(exec.doc.templateScope() ?? null);
    for (const key of Object.keys(this)) {
      if (!RESERVED.has(key)) data[key] = this[key];
    }
    // Templates run as sloppy-mode code so `with` can expose the variables, as Apps Script does.
    const run = new Function(
      '__data',
      '__esc',
      '__str',
      `with (__data) {\n${compileTemplate(SOURCES.get(this) ?? '')}\n}`,
    );
    const html = run(data, escapeHtml, printable) as string;
    return asHtmlOutput(new EmHtmlOutput(exec, html));
  }
}

type ServiceMethods =
  | 'SandboxMode'
  | 'XFrameOptionsMode'
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
  | 'getUserAgent';

export class EmHtmlService implements Pick<HTML.HtmlService, ServiceMethods> {
  readonly [GUARD]: Execution;
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(private readonly exec: Execution) {
    this[GUARD] = exec;
  }

  private _file(filename: string): string {
    const files = this.exec.doc.htmlFiles;
    const text = files[filename] ?? files[`${filename}.html`];
    if (text === undefined) throw exception(`No HTML file named ${filename} was found.`);
    return text;
  }

  createHtmlOutput(html?: unknown): HTML.HtmlOutput {
    return asHtmlOutput(new EmHtmlOutput(this.exec, html === undefined ? '' : String(html)));
  }
  createHtmlOutputFromFile(filename: string): HTML.HtmlOutput {
    return asHtmlOutput(new EmHtmlOutput(this.exec, this._file(filename)));
  }
  createTemplate(html: unknown): HTML.HtmlTemplate {
    return asHtmlTemplate(new EmHtmlTemplate(this.exec, String(html)));
  }
  createTemplateFromFile(filename: string): HTML.HtmlTemplate {
    return asHtmlTemplate(new EmHtmlTemplate(this.exec, this._file(filename)));
  }
  getUserAgent(): string {
    return 'Mozilla/5.0 (emulated)';
  }
}

instrument(EmHtmlOutput, 'HtmlOutput');
instrument(EmHtmlTemplate, 'HtmlTemplate');
instrument(EmHtmlService, 'HtmlService');
