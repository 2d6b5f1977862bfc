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
