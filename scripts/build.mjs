// Builds the Apps Script project in dist/: one Code.js with every entry point as a top-level function
// (with its JSDoc, so custom functions get autocomplete), plus the manifest. Fails when an entry point
// would not be global or a custom function would lose its help.
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runInNewContext } from 'node:vm';
import { build, transform } from 'esbuild';
import { collectMenu, parseEntryPoints, renderStubs } from './entry-points.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --entry and --out exist for the tests that prove a broken entry file fails the build.
const { values: args } = parseArgs({ options: { entry: { type: 'string' }, out: { type: 'string' } } });
const entry = resolve(root, args.entry ?? 'src/main.ts');
const dist = resolve(root, args.out ?? 'dist');
const GLOBAL_NAME = 'OKR_KPI_TRACKER';

const sidebarDir = join(root, 'src/ui/sidebar');

/** A TypeScript module without imports, loaded here (the page list is written once, in src/ui/pages.ts). */
async function tsModule(path) {
  const { code } = await transform(readFileSync(path, 'utf8'), { loader: 'ts', format: 'esm' });
  return import(`data:text/javascript,${encodeURIComponent(code)}`);
}

const { PAGES } = await tsModule(join(root, 'src/ui/pages.ts'));

/** One sidebar page: its TypeScript bundled for the browser and its CSS, inlined into its HTML. */
async function buildPage(name) {
  const result = await build({
    entryPoints: [join(sidebarDir, `${name}.ts`)],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  const script = result.outputFiles[0].text;
  if (/<\/script/i.test(script))
    fail(`the ${name} page's script contains "</script" and would end its element early`);
  // Every page shares one head: links open at the top level, Google's add-on stylesheet, our CSS.
  const head = readFileSync(join(sidebarDir, 'head.html'), 'utf8');
  const css = readFileSync(join(sidebarDir, 'sidebar.css'), 'utf8');
  const html = readFileSync(join(sidebarDir, `${name}.html`), 'utf8');
  for (const slot of ['<!-- HEAD -->', '<!-- SCRIPT -->']) {
    if (!html.includes(slot)) fail(`${name}.html has no ${slot} slot`);
  }
  return html
    .replace('<!-- HEAD -->', () => `${head}<style>${css}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${script}</script>`);
}

async function buildPages() {
  const entries = await Promise.all(PAGES.map(async (name) => [name, await buildPage(name)]));
  return Object.fromEntries(entries);
}

async function bundle() {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    // Apps Script's V8 runtime; lowering newer syntax keeps the bundle safe there.
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

function fail(message) {
  console.error(`build failed: ${message}`);
  process.exit(1);
}

/** Loads the bundle in a bare global scope like Apps Script's and returns that scope. */
function checkLoadsAsAppsScript(code, entryPoints) {
  if (/^\s*(export|import)\s/m.test(code)) fail('the bundle has an ES module import/export line');
  // A bare context like Apps Script's global scope: no require, module, process or Node built-ins.
  const context = {};
  try {
    runInNewContext(code, context, { filename: 'Code.js' });
  } catch (error) {
    fail(`the bundle does not load in a bare global scope: ${error.message}`);
  }
  const exported = Object.keys(context[GLOBAL_NAME] ?? {});
  const declared = new Set(entryPoints.map((e) => e.name));
  const missing = exported.filter((name) => !declared.has(name));
  if (missing.length > 0) fail(`exports without a top-level stub: ${missing.join(', ')}`);
  for (const { name } of entryPoints) {
    if (typeof context[name] !== 'function') fail(`${name} is not a global function in the bundle`);
  }
  return context;
}

const source = readFileSync(entry, 'utf8');
let entryPoints;
try {
  entryPoints = parseEntryPoints(source);
} catch (error) {
  fail(error.message);
}
const code = `${renderStubs(entryPoints, GLOBAL_NAME)}\n${await bundle()}`;
// Pages are separate HTML files of the project: a custom-function call loads only the script files.
const pages = await buildPages();
const scope = checkLoadsAsAppsScript(code, entryPoints);
let menu;
try {
  menu = collectMenu(scope, entryPoints);
} catch (error) {
  fail(error.message);
}

mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'Code.js'), code);
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
for (const [name, html] of Object.entries(pages)) writeFileSync(join(dist, `${name}.html`), html);
// What the tests, the preview and the bench load: every name written once, here derived.
const manifest = {
  functions: entryPoints.map((e) => e.name),
  customFunctions: entryPoints.filter((e) => e.jsdoc.includes('@customfunction')).map((e) => e.name),
  menu,
  pages: PAGES,
};
writeFileSync(join(dist, 'entry-points.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const size = statSync(join(dist, 'Code.js')).size;
console.log(`${join(dist, 'Code.js')}: ${(size / 1024).toFixed(1)} KiB, ${entryPoints.length} entry points`);
