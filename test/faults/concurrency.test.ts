// Two at once. A second rebuild of a service while one runs is refused with "busy" and does
// nothing; a check meanwhile says a rebuild is in progress; the first rebuild still ends with
// the truth (verified), and no lock outlives it.
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertBounded, assertNoInternalError, runCli } from './support/cli';
import { BUILD_ENV, processesWith, until } from './support/processes';
import { appWorkspace } from './support/workspace';
import type { Workspace } from './support/workspace';
import { cleanupProject } from '../engine/support/cleanupProject';
import type { Report } from '../../src/core/model';

suite('concurrency', () => {
  let ws: Workspace | undefined;
  teardown(async () => {
    if (ws) await cleanupProject(ws.project);
    ws?.remove();
    ws = undefined;
  });

  test('two rebuilds of one service at once: the second says busy (exit 2) and does nothing; a check meanwhile says a rebuild is in progress; the first verifies', async () => {
    // A build step that runs a few seconds and is easy to find among processes.
    const seconds = `${4 + Math.floor(Math.random() * 3)}.${Math.floor(Math.random() * 1e6)}`;
    ws = appWorkspace('twice', `FROM runtime-drift/node:busybox\nCOPY src /app\nRUN ["/bin/busybox", "sleep", "${seconds}"]\nCMD ["node", "-e", "setInterval(() => {}, 1000)"]\n`);
    const first = runCli(['rebuild', 'app', '--workspace', ws.dir], { boundMs: 240_000, env: BUILD_ENV });
    assert.ok(await until(120_000, () => processesWith(`sleep ${seconds}`).length > 0), 'the build step never started');

    const second = await runCli(['rebuild', 'app', '--workspace', ws.dir], { boundMs: 20_000, env: BUILD_ENV });
    assertBounded(second, 20_000);
    assertNoInternalError(second);
    assert.equal(second.code, 2, second.stdout + second.stderr);
    assert.match(second.stderr, /busy: a rebuild of app is already running \(pid \d+, since .+\); nothing was done — try again when it ends/);
    assert.doesNotMatch(second.stdout, /\$ docker/, 'the second rebuild ran compose');

    const check = await runCli(['check', '--workspace', ws.dir, '--json', '--no-probe'], { boundMs: 30_000 });
    assertNoInternalError(check);
    const app = (JSON.parse(check.stdout) as Report).services[0];
    assert.ok(app?.warnings.some((w) => /a rebuild of app is in progress \(pid \d+/.test(w)), JSON.stringify(app?.warnings));

    const done = await first;
    assertBounded(done, 240_000);
    assert.equal(done.code, 0, done.stdout + done.stderr);
    assert.match(done.stdout, /✓ verified: app is in sync/);
    const locks = path.join(tmpdir(), 'runtime-drift-locks');
    const after = await runCli(['check', '--workspace', ws.dir, '--json', '--no-probe'], { boundMs: 30_000 });
    assert.deepEqual((JSON.parse(after.stdout) as Report).services[0]?.warnings, [], `a lock outlived the rebuild: ${readdirSync(locks).join(', ')}`);
  });
});
