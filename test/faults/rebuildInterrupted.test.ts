// An interrupted rebuild stops what it started. SIGINT while compose builds: the CLI stops the
// compose process group, waits for it, says so, and exits 130; no compose process and no build
// step keeps running on its own.
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { assertBounded, assertNoInternalError, runCli } from './support/cli';
import { BUILD_ENV, processesWith, until } from './support/processes';
import { appWorkspace } from './support/workspace';
import type { Workspace } from './support/workspace';
import { cleanupProject } from '../engine/support/cleanupProject';

suite('interrupted rebuild', () => {
  let ws: Workspace | undefined;
  teardown(async () => {
    if (ws) await cleanupProject(ws.project);
    ws?.remove();
    ws = undefined;
  });

  test('SIGINT during compose build: exit 130, "stopped … build", the compose process and its build step gone', async () => {
    // A build step that runs long and is easy to find among processes: sleep for a unique time.
    const seconds = String(3000 + Math.floor(Math.random() * 5000));
    ws = appWorkspace('rebuildint', `FROM runtime-drift/node:busybox\nCOPY src /app\nRUN ["/bin/busybox", "sleep", "${seconds}"]\n`);
    const project = ws.project;
    let child: ChildProcess | undefined;
    let output = '';
    const running = runCli(['rebuild', 'app', '--workspace', ws.dir], {
      boundMs: 120_000,
      env: BUILD_ENV,
      onStart: (c) => {
        child = c;
        c.stdout?.on('data', (d: Buffer) => (output += d.toString()));
        c.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      },
    });
    assert.ok(await until(90_000, () => processesWith(`sleep ${seconds}`).length > 0), `the build step never started:\n${output}`);
    assert.ok(processesWith(project).length > 0, 'compose is running for the project');
    const signalled = Date.now();
    (child as ChildProcess | undefined)?.kill('SIGINT');
    const run = await running;
    assertBounded(run, 120_000);
    assertNoInternalError(run);
    assert.equal(run.code, 130, run.stdout + run.stderr);
    assert.match(run.stderr, /interrupted by SIGINT: stopped `docker(-compose| compose) build app` \(SIGTERM\) and waited for it to exit; the running container was left as it was/);
    assert.ok(Date.now() - signalled < 15_000, `ended ${Date.now() - signalled} ms after SIGINT`);
    assert.deepEqual(processesWith(project), [], 'a compose process outlived the CLI');
    // The engine stops a build whose client went away; give it a moment.
    assert.ok(await until(20_000, () => processesWith(`sleep ${seconds}`).length === 0), `the build step still runs: ${processesWith(`sleep ${seconds}`).join('\n')}`);
  });
});
