// `npm run deploy [-- --prod] [-- --dry-run]`: runs the whole test command, builds dist/, then pushes it
// to the development Apps Script project (.clasp-dev.json) or, with --prod, the production one
// (.clasp-prod.json). Each config is a clasp project file whose rootDir is dist/; clasp's --project picks
// it, so the two never overwrite each other. --dry-run prints what would run, reaching nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PLACEHOLDER = 'REPLACE_WITH_YOUR_SCRIPT_ID';

function fail(message) {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

let args;
try {
  // --dir exists for the tests: where the clasp configs are looked for (default: the project).
  ({ values: args } = parseArgs({
    options: {
      prod: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      dir: { type: 'string' },
    },
  }));
} catch (error) {
  fail(`${error.message}. Use: npm run deploy [-- --prod] [-- --dry-run]`);
}

const target = args.prod ? 'production' : 'development';
const dir = resolve(root, args.dir ?? '.');
const configPath = join(dir, args.prod ? '.clasp-prod.json' : '.clasp-dev.json');
const configName = relative(root, configPath);
const howTo = 'See "Deploying to a real spreadsheet" in README.md to create it.';

if (!existsSync(configPath)) fail(`no ${target} project: ${configName} is missing. ${howTo}`);
let config;
try {
  config = JSON.parse(readFileSync(configPath, 'utf8'));
} catch (error) {
  fail(`${configName} is not valid JSON (${error.message}).`);
}
if (typeof config.scriptId !== 'string' || config.scriptId.trim() === '' || config.scriptId === PLACEHOLDER)
  fail(`${configName} has no script ID: put the ${target} project's script ID in "scriptId". ${howTo}`);
const pushed = resolve(dirname(configPath), config.rootDir ?? '.');
if (pushed !== join(dir, 'dist'))
  fail(
    `${configName} must have "rootDir": "dist" (the built add-on), not ${JSON.stringify(config.rootDir)}.`,
  );

// Production keeps clasp's question before a changed manifest (new scopes) replaces the live one.
const push = ['clasp', '--project', configName, 'push', ...(args.prod ? [] : ['--force'])];
const steps = [
  ['npm', 'test'],
  ['node', 'scripts/build.mjs'],
  ['npx', ...push],
];

console.log(`Deploying to the ${target} project ${config.scriptId} (${configName}, files from dist/)`);
for (const step of steps) {
  console.log(`${args['dry-run'] ? 'would run' : 'running'}: ${step.join(' ')}`);
  if (args['dry-run']) continue;
  const { status, error } = spawnSync(step[0], step.slice(1), { cwd: root, stdio: 'inherit' });
  if (error) fail(`${step.join(' ')}: ${error.message}`);
  if (status !== 0) fail(`${step.join(' ')} failed${step === steps.at(-1) ? '' : ': nothing was pushed'}.`);
}
