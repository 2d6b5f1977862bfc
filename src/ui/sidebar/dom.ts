/**
 * Building DOM without innerHTML: every text goes in through textContent, so nothing a user typed can
 * become markup.
 */
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(
    ...children
      .filter((c): c is Node | string | number => c !== null && c !== undefined && c !== false)
      .map((c) => (typeof c === 'object' ? c : String(c))),
  );
}

/** Shows `message` in the field's error slot and marks the field invalid; clears both when null. */
export function setFieldError(field: string, message: string | null | undefined): void {
  const slot = document.getElementById(`${field}-error`);
  const input = document.querySelector<HTMLElement>(`[name="${field}"]`);
  if (slot) slot.textContent = message ?? '';
  if (input) {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

/** The page's initial data, embedded by the server as JSON in <script id="initial-data">. */
export function initialData<T>(): T {
  return JSON.parse(byId('initial-data').textContent ?? 'null') as T;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with its attributes (charts are drawn as inline SVG: no external script). */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}
