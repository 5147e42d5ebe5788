// A fresh machine is the test machine: the UI tier's setup with an empty HOME passes on its
// first run and leaves that HOME as empty as it found it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const INSTALL_TIMEOUT_MS = 900_000;

suite('fresh machine', () => {
  test('e2e setup with a fresh, empty HOME: exit 0, code-server found by its version, nothing written to HOME', function () {
    // The first run installs code-server: minutes on a loaded machine, bounded by the spawn's own timeout.
    this.timeout(INSTALL_TIMEOUT_MS + 10_000);
    const home = mkdtempSync(path.join(tmpdir(), 'rd-fresh-home-'));
    try {
      // Installs code-server when missing (a few minutes from a warm npm cache), else only checks it.
      const run = spawnSync(process.execPath, ['scripts/e2e-setup.mjs'], {
        cwd: repoRoot,
        env: { ...process.env, HOME: home, XDG_CONFIG_HOME: '', XDG_DATA_HOME: '', XDG_CACHE_HOME: '' },
        encoding: 'utf8',
        timeout: INSTALL_TIMEOUT_MS,
      });
      assert.equal(run.status, 0, run.stderr.slice(-3000));
      assert.match(run.stdout.trim().split('\n').pop() ?? '', /code-server\/out\/node\/entry\.js$/);
      assert.doesNotMatch(run.stderr, /--version failed/);
      assert.deepEqual(readdirSync(home), [], 'the setup wrote into HOME');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
