// Reads the entry points of src/main.ts (`export function NAME(params)` with the JSDoc above it) and
// renders them as top-level Apps Script functions that forward to the bundle.

const EXPORT = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export function (\w+)\(([^)]*)\)/g;

/** Splits "a: X, b?: Map<K, V>" at top-level commas and keeps each parameter's name. */
function parameterNames(list) {
  const names = [];
  let depth = 0;
  let part = '';
  for (const ch of `${list},`) {
    if ('<([{'.includes(ch)) depth++;
    if ('>)]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      const name = part.trim().match(/^(\w+)/)?.[1];
      if (name) names.push(name);
      part = '';
    } else part += ch;
  }
  return names;
}

function documentedParams(jsdoc) {
  return [...jsdoc.matchAll(/@param\s+(?:\{[^}]*\}\s*)?\[?(\w+)/g)].map((m) => m[1]);
}

function checkCustomFunction({ name, params, jsdoc }) {
  if (!jsdoc.includes('@customfunction')) return;
  const documented = documentedParams(jsdoc);
  if (documented.join(',') !== params.join(',')) {
    throw new Error(
      `${name}: JSDoc @param names (${documented.join(', ')}) differ from its parameters (${params.join(', ')})`,
    );
  }
  if (!/@returns?\s/.test(jsdoc)) throw new Error(`${name}: custom function has no @return in its JSDoc`);
}

export function parseEntryPoints(source) {
  const entries = [...source.matchAll(EXPORT)].map((m) => ({
    name: m[2],
    params: parameterNames(m[3]),
    jsdoc: (m[1] ?? '').trim(),
  }));
  if (entries.length === 0) throw new Error('the entry file exports no entry point');
  const stray = source.match(/^export (?!function )/m);
  if (stray) throw new Error(`the entry file may only export functions, found "${stray[0]}..."`);
  for (const entry of entries) checkCustomFunction(entry);
  return entries;
}

export function renderStubs(entries, globalName) {
  return entries
    .map(({ name, params, jsdoc }) => {
      const list = params.join(', ');
      const doc = jsdoc ? `${jsdoc}\n` : '';
      return `${doc}function ${name}(${list}) {\n  return ${globalName}.${name}(${list});\n}\n`;
    })
    .join('\n');
}

/**
 * The add-on menu as onOpen builds it, from the bundle's loaded global `scope` with a recording Ui: one
 * {label, handler} per item. Fails when an item calls a function that is no entry point, or when an
 * entry point named menu* is on no menu.
 */
export function collectMenu(scope, entryPoints) {
  if (typeof scope.onOpen !== 'function') return [];
  const items = [];
  const menu = () => {
    const recorder = {
      addItem: (label, handler) => {
        items.push({ label, handler });
        return recorder;
      },
      addSeparator: () => recorder,
      addSubMenu: () => recorder,
      addToUi: () => undefined,
    };
    return recorder;
  };
  scope.SpreadsheetApp = { getUi: () => ({ createAddonMenu: menu, createMenu: menu }) };
  try {
    scope.onOpen({ authMode: 'NONE' });
  } finally {
    delete scope.SpreadsheetApp;
  }
  const names = new Set(entryPoints.map((e) => e.name));
  for (const { label, handler } of items) {
    if (!names.has(handler))
      throw new Error(`menu item "${label}" calls ${handler}, which src/main.ts does not export`);
  }
  const shown = new Set(items.map((i) => i.handler));
  const hidden = [...names].filter((name) => /^menu[A-Z]/.test(name) && !shown.has(name));
  if (hidden.length > 0) throw new Error(`entry points on no menu: ${hidden.join(', ')}`);
  return items;
}
