// The local preview of the add-on: `npm start` (build, then this). Runs dist/Code.js in Node on an
// emulated spreadsheet and serves a page that shows it like Sheets, on 127.0.0.1 only.
//
//   node scripts/preview.mjs [--port 8080] [--xlsx book.xlsx] [--out result.xlsx] [--dialog-timeout 60]
//
// --port 0 picks a free port. --xlsx opens a workbook exported from Sheets instead of the demo; --out
// is where the page's "Save as .xlsx" writes (without it the browser downloads the file), and where
// the workbook is saved when the preview stops. --dialog-timeout is how many seconds a dialog waits
// with no preview page open before it is closed as its close button would (default 60). --dist runs
// another build of an add-on (a folder with Code.js, its HTML files and entry-points.json, as the build
// writes them; the tests' fixtures).
// The preview itself (preview/) is bundled here with esbuild, into node_modules/.cache, so that Node
// finds the project's dependencies from there; it is never part of dist/.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const preview = join(root, 'preview');
const out = join(root, 'node_modules/.cache/okr-preview');

function fail(message) {
  console.error(`preview: ${message}`);
  process.exit(1);
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      port: { type: 'string' },
      xlsx: { type: 'string' },
      out: { type: 'string' },
      'time-zone': { type: 'string' },
      'dialog-timeout': { type: 'string' },
      dist: { type: 'string' },
    },
  }));
} catch (error) {
  // A mistyped option or one without its value: say which, without a stack trace.
  fail(
    `${error.message}\nUsage: npm start -- [--port 8080] [--xlsx book.xlsx] [--out result.xlsx] [--dialog-timeout 60]`,
  );
}

const dist = args.dist ? resolve(args.dist) : join(root, 'dist');

// The spreadsheet is in this machine's zone unless told; the script runs in the project's zone
// (appsscript.json), as in Apps Script. Node's Date follows TZ process-wide, worker threads included,
// and a worker cannot change it: set here, before the worker starts.
const sheetTimeZone = args['time-zone'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
const manifest = [join(dist, 'appsscript.json'), join(root, 'appsscript.json')].find((path) =>
  existsSync(path),
);
process.env.TZ = JSON.parse(readFileSync(manifest, 'utf8')).timeZone;

const port = Number(args.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`not a port: ${args.port ?? process.env.PORT}`);
if (!existsSync(join(dist, 'Code.js')))
  fail(`${join(dist, 'Code.js')} is missing: run \`npm run build\` first (npm start does).`);
const dialogTimeout = args['dialog-timeout'] === undefined ? undefined : Number(args['dialog-timeout']);
if (dialogTimeout !== undefined && !(Number.isFinite(dialogTimeout) && dialogTimeout > 0))
  fail(`--dialog-timeout must be a number of seconds above 0, got "${args['dialog-timeout']}"`);
const xlsxPath = args.xlsx ? resolve(args.xlsx) : null;
if (xlsxPath && !existsSync(xlsxPath)) fail(`no such file: ${xlsxPath}`);

mkdirSync(out, { recursive: true });
const common = { bundle: true, logLevel: 'warning', sourcemap: 'inline', target: 'es2022', write: false };
const results = await Promise.all([
  build({
    ...common,
    entryPoints: { server: join(preview, 'server/main.ts'), worker: join(preview, 'worker/worker.ts') },
    outdir: out,
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { app: join(preview, 'client/app.ts'), shim: join(preview, 'shim/google-script.ts') },
    outdir: out,
    platform: 'browser',
    format: 'iife',
  }),
]);
// Written by rename, so a preview starting at the same moment (a test, say) never reads half a file.
for (const file of results.flatMap((result) => result.outputFiles)) {
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}

const { startPreview } = createRequire(import.meta.url)(join(out, 'server.cjs'));
const read = (path) => readFileSync(path, 'utf8');
let server;
try {
  server = await startPreview({
    port,
    distDir: dist,
    workerPath: join(out, 'worker.cjs'),
    assets: {
      indexHtml: read(join(preview, 'client/index.html')),
      stylesCss: read(join(preview, 'client/styles.css')),
      appJs: read(join(out, 'app.js')),
      // No source map inside the sidebar: the shim is inlined into every sidebar page.
      shimJs: read(join(out, 'shim.js')).replace(/\n\/\/# sourceMappingURL=.*$/s, ''),
    },
    xlsxPath,
    savePath: args.out ? resolve(args.out) : null,
    timeZone: sheetTimeZone,
    dialogTimeoutMs: dialogTimeout === undefined ? undefined : dialogTimeout * 1000,
    log: (line) => console.log(line),
  });
} catch (error) {
  if (error?.code === 'EADDRINUSE')
    fail(
      `port ${port} is in use (another preview?): pick another with --port N, or --port 0 for any free one`,
    );
  fail(error instanceof Error ? error.message : String(error));
}

console.log(`OKR & KPI Tracker preview: ${server.url}`);
console.log(xlsxPath ? `Opened ${xlsxPath}` : 'Demo workbook made by the add-on (Set up, Connect, Refresh).');
if (server.leftOut.length > 0)
  console.log(`Left out (the preview cannot show them): ${server.leftOut.join('; ')}.`);
if (args.out)
  console.log(`Save as .xlsx writes ${resolve(args.out)}; so does stopping the preview (Ctrl+C).`);

async function stop() {
  try {
    const saved = await server.save();
    if (saved) console.log(`Saved ${saved}`);
  } catch (error) {
    console.error(`preview: not saved: ${error instanceof Error ? error.message : error}`);
  }
  await server.close();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void stop());
