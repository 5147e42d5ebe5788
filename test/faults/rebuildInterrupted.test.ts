// An interrupted rebuild stops what it started. SIGINT while compose builds: the CLI stops the
// compose process group, waits for it, says so, and exits 130; no compose process and no build
// step keeps running on its own.
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { assertBounded, assertNoInternalError, runCli } from './support/cli';
import { createWorkspace } from './support/workspace';
import type { Workspace } from './support/workspace';
import { cleanupProject } from '../engine/support/cleanupProject';

/** Command lines of this machine's processes that contain `needle`. */
function processesWith(needle: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes(needle) && Number(pid) !== process.pid) found.push(`${pid}: ${cmd}`);
    } catch {
      // gone
    }
  }
  return found;
}

async function until(ms: number, ok: () => boolean): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (ok()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return ok();
}

suite('interrupted rebuild', () => {
  let ws: Workspace | undefined;
  teardown(async () => {
    if (ws) await cleanupProject(ws.dir.split('/').pop()?.toLowerCase() ?? '');
    ws?.remove();
    ws = undefined;
  });

  test('SIGINT during compose build: exit 130, "stopped … build", the compose process and its build step gone', async () => {
    ws = createWorkspace('rebuildint');
    const project = ws.dir.split('/').pop()?.toLowerCase() as string;
    // A build step that runs long and is easy to find among processes: sleep for a unique time.
    const seconds = String(3000 + Math.floor(Math.random() * 5000));
    ws.write('compose.yaml', 'services:\n  slow:\n    build: ./slow\n    network_mode: host\n    x-runtime-drift:\n      source: slow/src\n      target: /app\n');
    ws.write('slow/Dockerfile', `FROM runtime-drift/node:busybox\nCOPY src /app\nRUN ["/bin/busybox", "sleep", "${seconds}"]\n`);
    ws.write('slow/src/main.ts', 'export {};\n');
    let child: ChildProcess | undefined;
    let output = '';
    const running = runCli(['rebuild', 'slow', '--workspace', ws.dir], {
      boundMs: 120_000,
      env: { DOCKER_BUILDKIT: '0', COMPOSE_DOCKER_CLI_BUILD: '0' },
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
    assert.match(run.stderr, /interrupted by SIGINT: stopped `docker(-compose| compose) build slow` \(SIGTERM\) and waited for it to exit; the running container was left as it was/);
    assert.ok(Date.now() - signalled < 15_000, `ended ${Date.now() - signalled} ms after SIGINT`);
    assert.deepEqual(processesWith(project), [], 'a compose process outlived the CLI');
    // The engine stops a build whose client went away; give it a moment.
    assert.ok(await until(20_000, () => processesWith(`sleep ${seconds}`).length === 0), `the build step still runs: ${processesWith(`sleep ${seconds}`).join('\n')}`);
  });
});
