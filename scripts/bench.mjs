// Runs the benchmarks in bench/: bundles bench/run.ts for Node with esbuild (the TypeScript imports the
// emulator and the test helpers), then runs it. The output sits in bench/.out, two levels below the
// project like test/support, so the helpers find dist/ where they expect it.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'bench/.out/run.cjs');
await build({
  entryPoints: [join(root, 'bench/run.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  logLevel: 'warning',
});
execFileSync(process.execPath, ['--max-old-space-size=8192', outfile], { stdio: 'inherit' });
