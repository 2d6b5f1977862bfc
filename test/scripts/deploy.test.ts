/**
 * `npm run deploy`: which Apps Script project it pushes to, and that the whole test command runs first.
 * Only --dry-run is run here (Google is not reachable): it prints the steps without running them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/deploy.mjs');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deploy-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function config(name: string, content: unknown): void {
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
}

function deploy(...args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [SCRIPT, '--dir', dir, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status, out: stdout, err: stderr };
}

const both = () => {
  config('.clasp-dev.json', { scriptId: 'dev-script-id', rootDir: 'dist' });
  config('.clasp-prod.json', { scriptId: 'prod-script-id', rootDir: 'dist' });
};

describe('npm run deploy', () => {
  it('tests, builds, then pushes to the development project by default', () => {
    both();
    const { status, out } = deploy('--dry-run');
    expect(status).toBe(0);
    const steps = out.split('\n').filter((line) => line.startsWith('would run: '));
    expect(steps[0]).toBe('would run: npm test');
    expect(steps[1]).toBe('would run: node scripts/build.mjs');
    expect(steps[2]).toMatch(/^would run: npx clasp --project \S*\.clasp-dev\.json push --force$/);
    expect(out).toMatch(/development project dev-script-id/);
  });

  it('pushes to the production project with --prod, keeping clasp’s question about a changed manifest', () => {
    both();
    const { status, out } = deploy('--prod', '--dry-run');
    expect(status).toBe(0);
    expect(out).toMatch(/production project prod-script-id/);
    expect(out).toMatch(/would run: npx clasp --project \S*\.clasp-prod\.json push\n/);
    expect(out).not.toMatch(/dev/);
  });

  it.each([
    [
      'a missing production config',
      () => config('.clasp-dev.json', { scriptId: 'x', rootDir: 'dist' }),
      /\.clasp-prod\.json is missing/,
    ],
    [
      'the placeholder script ID',
      () => config('.clasp-prod.json', { scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist' }),
      /has no script ID: put the production project's script ID/,
    ],
    [
      'a config that is not JSON',
      () => config('.clasp-prod.json', '{ scriptId: '),
      /\.clasp-prod\.json is not valid JSON/,
    ],
    [
      'a rootDir other than dist',
      () => config('.clasp-prod.json', { scriptId: 'x', rootDir: 'src' }),
      /must have "rootDir": "dist"/,
    ],
  ])('refuses %s, naming the file', (_, arrange, message) => {
    arrange();
    const { status, out, err } = deploy('--prod', '--dry-run');
    expect(status).toBe(1);
    expect(err).toMatch(message);
    expect(out).not.toMatch(/would run/);
  });

  it('refuses an unknown flag', () => {
    both();
    const { status, err } = deploy('--production');
    expect(status).toBe(1);
    expect(err).toMatch(/Unknown option '--production'.*--prod/);
  });
});
