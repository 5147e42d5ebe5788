// Engines and services that misbehave on purpose. Each case: the check ends in bounded time,
// with a one-line reason the user can act on, the exit code of "could not check" (2) or the
// route's own verdict, and memory that does not follow the flood.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { assertBounded, assertNoInternalError, runCli } from './support/cli';
import type { CliRun } from './support/cli';
import { drip, endless404, endlessJson, fakeEngine, loopbackService, neverAnswers } from './support/servers';
import type { Listening } from './support/servers';
import { createWorkspace } from './support/workspace';
import { cleanupProject } from '../engine/support/cleanupProject';
import { dockerCli } from '../engine/support/dockerCli';
import type { Workspace } from './support/workspace';
import type { Report } from '../../src/core/model';

/** The engine's request bound (DEFAULT_ENGINE_TIMEOUT_MS, 10 s) and some slack for a busy machine. */
const ENGINE_BOUND_MS = 20_000;

/**
 * A running container labelled as the workspace's `api` service, so its routes are probed (a
 * service that does not run is not). Host network, nothing listening: the probes go to the
 * baseUrl the case names, a test server on 127.0.0.1.
 */
async function standInContainer(ws: Workspace): Promise<void> {
  await dockerCli(
    ['run', '-d', '--network', 'host', '--label', `com.docker.compose.project=${ws.project}`, '--label', 'com.docker.compose.service=api', 'runtime-drift/node:busybox', 'node', '-e', 'setInterval(() => {}, 1000)'],
    { check: true },
  );
}

function serviceWorkspace(prefix: string, drift: string): Workspace {
  const ws = createWorkspace(prefix);
  ws.write('compose.yaml', `services:\n  api:\n    image: runtime-drift/node:busybox\n    network_mode: host\n    x-runtime-drift:\n      source: src\n      target: /app\n${drift}`);
  ws.write('src/main.ts', 'export {};\n');
  return ws;
}

suite('bounded engine and routes', () => {
  let ws: Workspace | undefined;
  let server: Listening | undefined;
  teardown(async () => {
    if (ws) await cleanupProject(ws.project);
    ws?.remove();
    await server?.close();
    ws = undefined;
    server = undefined;
  });

  /** A check against a fake engine answering with `route`: bounded, no internal error, exit 2 (could not check). */
  async function checkAgainst(route: Parameters<typeof fakeEngine>[0], prefix: string): Promise<CliRun> {
    server = await fakeEngine(route);
    ws = serviceWorkspace(prefix, '');
    const run = await runCli(['check', '--workspace', ws.dir, '--no-probe', '--host', server.address], { boundMs: ENGINE_BOUND_MS });
    assertBounded(run, ENGINE_BOUND_MS);
    assertNoInternalError(run);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    return run;
  }

  test('an engine that streams an endless /containers/json is cut off at 32 MB: exit 2, one line, memory stays low', async () => {
    const run = await checkAgainst(endlessJson, 'endless');
    assert.match(run.stdout, /the engine's answer to \/containers\/json passed 32 MB: cut off/);
    assert.ok(run.peakRssKb < 400 * 1024, `peak memory ${Math.round(run.peakRssKb / 1024)} MB`);
  });

  test('an engine that accepts requests and never answers: each call ends at its 10 s bound, exit 2', async () => {
    const run = await checkAgainst(neverAnswers, 'mute');
    assert.match(run.stdout, /did not answer within 10 s \(list containers of /);
  });

  test('a route whose 404 body never ends: 4 KB are read, the route reads missing, the check goes on', async () => {
    const svc = await loopbackService(endless404);
    server = svc;
    ws = serviceWorkspace('flood404', `      baseUrl: http://127.0.0.1:${svc.port}\n      routes: ["GET /flood"]\n`);
    await standInContainer(ws);
    const run = await runCli(['check', '--workspace', ws.dir, '--json'], { boundMs: 15_000 });
    assertBounded(run, 15_000);
    assertNoInternalError(run);
    const route = (JSON.parse(run.stdout) as Report).services[0]?.routes.find((r) => r.path === '/flood');
    assert.equal(route?.status, 404, run.stdout);
    assert.equal(route?.verdict, 'missing');
    assert.ok(run.peakRssKb < 400 * 1024, `peak memory ${Math.round(run.peakRssKb / 1024)} MB`);
  });

  test('a route that drips a byte a second: unreachable after --timeout 800, not after the drip ends', async () => {
    const svc = await loopbackService(drip);
    server = svc;
    ws = serviceWorkspace('drip', `      baseUrl: http://127.0.0.1:${svc.port}\n      routes: ["GET /drip"]\n`);
    await standInContainer(ws);
    const run = await runCli(['check', '--workspace', ws.dir, '--json', '--timeout', '800'], { boundMs: 15_000 });
    assertBounded(run, 15_000);
    assertNoInternalError(run);
    const route = (JSON.parse(run.stdout) as Report).services[0]?.routes.find((r) => r.path === '/drip');
    // Headers came at once: the status is known; the body is dumped within the bound.
    assert.ok(route && (route.verdict === 'live' || route.verdict === 'unreachable'), JSON.stringify(route));
    assert.ok(run.ms < 10_000, `took ${run.ms} ms`);
  });

  test('--timeout 3000000000 (beyond what Node timers count) is refused: exit 2, the allowed range named', async () => {
    const run = await runCli(['check', '--timeout', '3000000000'], { boundMs: 10_000 });
    assertBounded(run, 10_000);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--timeout takes milliseconds from 1 to 600000 \(10 minutes\)/);
    assert.equal(run.stdout, '');
  });

  test('a time limit survives garbage collection (AbortSignal.any + AbortSignal.timeout lost it on Node 20)', () => {
    const timeouts = path.resolve(__dirname, '../../src/engine/timeouts.ts');
    const script = `
      const { boundedSignal } = require(${JSON.stringify(timeouts)});
      const signal = boundedSignal(300, new AbortController().signal);
      const t0 = Date.now();
      signal.addEventListener('abort', () => { console.log('aborted', signal.reason.name, Date.now() - t0 < 1500); process.exit(0); });
      setTimeout(() => globalThis.gc(), 50);
      setTimeout(() => globalThis.gc(), 150);
      setTimeout(() => { console.log('no abort'); process.exit(1); }, 3000).unref();
      setInterval(() => {}, 1000);
    `;
    const run = spawnSync(process.execPath, ['--expose-gc', '-r', 'tsx/cjs', '-e', script], { encoding: 'utf8', cwd: path.resolve(__dirname, '../..'), timeout: 20_000 });
    assert.equal(run.stdout.trim(), 'aborted TimeoutError true', run.stderr);
  });
});
