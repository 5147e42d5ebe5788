// Installs the project's dependencies when a fresh clone has none yet, so `npm test` and
// `npm run demo` work as the first command after `git clone`. `npm ci` writes
// node_modules/.package-lock.json; when it is there, nothing is done (CI's own `npm ci` first).
//   node scripts/ensure-deps.mjs          (npm runs it as `pretest`)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

export function ensureDeps() {
  if (existsSync(join(root, 'node_modules', '.package-lock.json'))) return;
  console.log('[ensure-deps] no node_modules yet: npm ci');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`npm ci exited ${run.status ?? run.signal}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureDeps();
  } catch (err) {
    console.error(`[ensure-deps] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
