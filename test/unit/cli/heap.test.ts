// The CLI's heap tuning, in a process of its own (V8 flags are per process: setting them here
// would tune the test runner's heap too).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** New space (MB) after allocation that survives scavenges, with or without tuneHeapForCli. */
function newSpaceAfterChurn(tuned: boolean): number {
  const script = `
    ${tuned ? "require('./src/cli/heap').tuneHeapForCli();" : ''}
    const v8 = require('node:v8');
    let kept = [];
    for (let i = 0; i < 3e6; i++) { kept.push({ i }); if (kept.length > 2e5) kept = []; }
    process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576));
  `;
  const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: join(__dirname, '../../..'), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return Number(run.stdout);
}

suite('CLI heap tuning', () => {
  test("the young generation keeps its starting size instead of growing to V8's maximum", () => {
    // Untuned, the same allocation grows new space (V8 doubles it up to 32 MB): the test can fail.
    assert.ok(newSpaceAfterChurn(false) >= 8);
    assert.ok(newSpaceAfterChurn(true) <= 4);
  });
});
