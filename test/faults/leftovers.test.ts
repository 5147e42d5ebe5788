// Nothing left behind. An image listing makes a helper container (labelled
// io.runtime-drift.listing=true, with its owner's host and pid); a proxy to the real engine holds
// the archive request, so the helper certainly exists when the case interrupts the check.
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertBounded, assertNoInternalError, runCli } from './support/cli';
import { stallingEngineProxy } from './support/servers';
import type { Listening } from './support/servers';
import { createWorkspace } from './support/workspace';
import type { Workspace } from './support/workspace';
import { dockerCli } from '../engine/support/dockerCli';
import { LISTING_CONTAINER_LABEL, LISTING_OWNER_LABEL } from '../../src/engine/dockerEngine';

const BOUND_MS = 60_000;

/** Helper containers (any state) whose owner label names this host and `pid`. */
async function helpersOf(pid: number): Promise<string[]> {
  const out = await dockerCli(['ps', '-a', '--no-trunc', '--filter', `label=${LISTING_CONTAINER_LABEL}=true`, '--format', `{{.ID}} {{.Label "${LISTING_OWNER_LABEL}"}}`], { check: true });
  return out.stdout
    .split('\n')
    .map((l) => l.trim().split(' '))
    .filter(([id, host, owner]) => id && host === hostname() && owner === String(pid))
    .map(([id]) => id as string);
}

async function waitFor<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An image-only service: no container, so the check lists the image through a helper. */
function imageWorkspace(prefix: string): Workspace {
  const ws = createWorkspace(prefix);
  ws.write('compose.yaml', 'services:\n  api:\n    image: runtime-drift/node:busybox\n    network_mode: host\n    x-runtime-drift:\n      source: src\n      target: /bin\n');
  ws.write('src/sh.ts', 'export {};\n');
  return ws;
}

suite('nothing left behind', () => {
  let ws: Workspace | undefined;
  let proxy: Listening | undefined;
  let tmp: string | undefined;
  const pids: number[] = [];
  teardown(async () => {
    ws?.remove();
    await proxy?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    // Whatever a failed case left: ours only (by owner pid).
    for (const pid of pids.splice(0)) {
      const left = await helpersOf(pid);
      if (left.length) await dockerCli(['rm', '-f', ...left]);
    }
    ws = proxy = tmp = undefined;
  });

  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    test(`${sig} during an image listing: exit ${code}, "interrupted", its helper container removed, no temp file left`, async () => {
      ws = imageWorkspace(sig.toLowerCase());
      proxy = await stallingEngineProxy();
      tmp = mkdtempSync(path.join(tmpdir(), 'rd-fault-tmp-'));
      let child: ChildProcess | undefined;
      const running = runCli(['check', '--workspace', ws.dir, '--no-probe', '--host', proxy.address], { boundMs: BOUND_MS, env: { TMPDIR: tmp }, onStart: (c) => (child = c) });
      const pid = (child as ChildProcess | undefined)?.pid as number;
      pids.push(pid);
      await waitFor('a helper container', 30_000, async () => ((await helpersOf(pid)).length > 0 ? true : undefined));
      const signalled = Date.now();
      process.kill(pid, sig);
      const run = await running;
      assertBounded(run, BOUND_MS);
      assertNoInternalError(run);
      assert.ok(Date.now() - signalled < 15_000, `stopped ${Date.now() - signalled} ms after ${sig}`);
      assert.equal(run.code, code, run.stderr);
      assert.match(run.stderr, new RegExp(`interrupted by ${sig}; nothing of this run is left running`));
      assert.deepEqual(await helpersOf(pid), [], 'helper containers left');
      assert.deepEqual(readdirSync(tmp), [], 'temporary files left');
    });
  }

  test('a killed check (SIGKILL) leaves its helper; the next check removes it', async () => {
    ws = imageWorkspace('sigkill');
    proxy = await stallingEngineProxy();
    let child: ChildProcess | undefined;
    const running = runCli(['check', '--workspace', ws.dir, '--no-probe', '--host', proxy.address], { boundMs: BOUND_MS, onStart: (c) => (child = c) });
    const pid = (child as ChildProcess | undefined)?.pid as number;
    pids.push(pid);
    const left = await waitFor('a helper container', 30_000, async () => {
      const ids = await helpersOf(pid);
      return ids.length > 0 ? ids : undefined;
    });
    process.kill(pid, 'SIGKILL');
    await running;
    assert.deepEqual(await helpersOf(pid), left, 'the killed run could not clean up: the case needs its leftover');
    const next = await runCli(['check', '--workspace', ws.dir, '--no-probe'], { boundMs: BOUND_MS });
    assertBounded(next, BOUND_MS);
    assertNoInternalError(next);
    assert.deepEqual(await helpersOf(pid), [], "the next check did not remove the killed run's helper");
  });

  test("two checks at once (two editors, an editor and CI): the second's sweep leaves the first's live helper alone", async () => {
    ws = imageWorkspace('twochecks');
    proxy = await stallingEngineProxy();
    let child: ChildProcess | undefined;
    const first = runCli(['check', '--workspace', ws.dir, '--no-probe', '--host', proxy.address], { boundMs: BOUND_MS, onStart: (c) => (child = c) });
    const pid = (child as ChildProcess | undefined)?.pid as number;
    pids.push(pid);
    const held = await waitFor('a helper container', 30_000, async () => {
      const ids = await helpersOf(pid);
      return ids.length > 0 ? ids : undefined;
    });
    const second = await runCli(['check', '--workspace', ws.dir, '--no-probe'], { boundMs: BOUND_MS });
    assertBounded(second, BOUND_MS);
    assertNoInternalError(second);
    assert.deepEqual(await helpersOf(pid), held, "the second check removed the first one's helper while it was in use");
    process.kill(pid, 'SIGINT');
    const run = await first;
    assert.equal(run.code, 130, run.stderr);
    assert.deepEqual(await helpersOf(pid), []);
  });
});
