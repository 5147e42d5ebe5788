// node scripts/with-engine.mjs CMD ARGS...
// Makes sure a Docker engine and the local base images exist (engine-setup.mjs), then runs
// CMD with inherited stdio and exits with its code. The engine is left running on purpose:
// it is cheap, and later test tiers (e2e) reuse it.
import { spawn } from 'node:child_process';
import { delimiter, dirname, join, resolve } from 'node:path';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setupEngine } from './engine-setup.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-engine.mjs CMD [ARGS...]');
  process.exit(2);
}

try {
  await setupEngine();
} catch (err) {
  console.error(`[with-engine] engine setup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

// Like `npm run`, put the project's node_modules/.bin first so `mocha` works outside npm too.
// A copy for the child: this process's environment is never changed.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, PATH: [join(repoRoot, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter) };

const child = spawn(command, args, { stdio: 'inherit', env });
const forward = (signal) => child.kill(signal);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
child.on('error', (err) => {
  console.error(`[with-engine] cannot run ${command}: ${err.message}`);
  process.exit(127);
});
child.on('close', (code, signal) => {
  process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0));
});
