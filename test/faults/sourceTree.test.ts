// The source tree as it really is. Each case: the check ends in bounded time, exit 3 (nothing was
// ever started: not running, as for any new service), a warning naming what was left out, no
// internal error, no host file names in the report, and the tree unchanged.
import * as assert from 'node:assert/strict';
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { assertBounded, assertNoInternalError, runCli } from './support/cli';
import type { CliRun } from './support/cli';
import { createWorkspace, snapshot, WITHOUT_ROOT_FILE_ACCESS } from './support/workspace';
import type { Workspace } from './support/workspace';
import type { Report, ServiceReport } from '../../src/core/model';

const BOUND_MS = 15_000;
/** The exit code of a check whose services were never started (README, exit codes). */
const NOT_RUNNING = 3;

/** compose.yaml with one service built from ./api whose source is api/src. */
function apiWorkspace(prefix: string, extra = ''): Workspace {
  const ws = createWorkspace(prefix);
  ws.write('compose.yaml', `services:\n  api:\n    build: ./api\n    network_mode: host\n    x-runtime-drift:\n      source: api/src\n      target: /app/src\n${extra}`);
  ws.write('api/Dockerfile', 'FROM runtime-drift/node:busybox\nCOPY src /app/src\n');
  ws.write('api/src/modules/users/users.ts', 'export const users = 1;\n');
  return ws;
}

async function check(ws: Workspace, prefix?: string[]): Promise<{ run: CliRun; report: Report; api: ServiceReport }> {
  const before = snapshot(ws.dir);
  const run = await runCli(['check', '--workspace', ws.dir, '--json', '--no-probe'], { boundMs: BOUND_MS, prefix });
  assertBounded(run, BOUND_MS);
  assertNoInternalError(run);
  assert.deepEqual(snapshot(ws.dir), before, 'the check changed the workspace');
  const report = JSON.parse(run.stdout) as Report;
  const api = report.services.find((s) => s.name === 'api');
  assert.ok(api, run.stdout);
  return { run, report, api };
}

function warned(api: ServiceReport, rel: string, reason: RegExp): void {
  assert.ok(
    api.warnings.some((w) => w.startsWith(`${rel}: `) && reason.test(w)),
    `no warning "${rel}: ${reason.source}" in ${JSON.stringify(api.warnings, null, 1)}`,
  );
}

suite('source tree', () => {
  let ws: Workspace | undefined;
  teardown(() => ws?.remove());

  test('symlink loops (a link to itself, two links to each other, a link to an ancestor) are skipped with a warning', async () => {
    ws = apiWorkspace('loops');
    const src = path.join(ws.dir, 'api/src');
    symlinkSync('self', path.join(src, 'self'));
    symlinkSync('pong', path.join(src, 'ping'));
    symlinkSync('ping', path.join(src, 'pong'));
    symlinkSync('../..', path.join(src, 'modules/users/up'));
    symlinkSync('.', path.join(src, 'here'));
    const { run, api } = await check(ws);
    assert.equal(run.code, NOT_RUNNING, run.stderr);
    warned(api, 'api/src/self', /symlink loop/);
    warned(api, 'api/src/ping', /symlink loop/);
    warned(api, 'api/src/here', /symlink loop/);
    warned(api, 'api/src/modules/users/up', /symlink loop/);
    assert.equal(api.modules.find((m) => m.name === 'users')?.rungs.source.status, 'pass');
  });

  test('links to /etc and / are not followed: no host file name reaches the report', async () => {
    ws = apiWorkspace('escape');
    symlinkSync('/etc', path.join(ws.dir, 'api/src/etc'));
    symlinkSync('/', path.join(ws.dir, 'api/src/modules/root'));
    const { run, api } = await check(ws);
    assert.equal(run.code, NOT_RUNNING, run.stderr);
    warned(api, 'api/src/etc', /outside the workspace: not followed/);
    assert.doesNotMatch(run.stdout, /passwd|hostname|os-release/);
  });

  test('x-runtime-drift source: ../../../../etc is not read: a warning, and no host file name in the report', async () => {
    ws = createWorkspace('srcetc');
    ws.write('compose.yaml', 'services:\n  api:\n    image: runtime-drift/node:busybox\n    network_mode: host\n    x-runtime-drift:\n      source: ../../../../etc\n      target: /etc\n');
    const { run, api } = await check(ws);
    assert.equal(run.code, NOT_RUNNING, run.stderr);
    assert.ok(api.warnings.some((w) => /the source root is outside the workspace: not read/.test(w)), JSON.stringify(api.warnings));
    assert.doesNotMatch(run.stdout, /passwd|hostname|os-release/);
  });

  test('an unreadable file and an unreadable folder are skipped with a warning (EACCES, checked as root without file-access capabilities)', async () => {
    ws = apiWorkspace('eacces');
    const secret = ws.write('api/src/modules/users/secret.controller.ts', "@Controller('x') class X {}\n");
    const locked = ws.mkdir('api/src/modules/locked');
    ws.write('api/src/modules/locked/a.ts', 'export {};\n');
    chmodSync(secret, 0o000);
    chmodSync(locked, 0o000);
    const { run, api } = await check(ws, WITHOUT_ROOT_FILE_ACCESS);
    assert.equal(run.code, NOT_RUNNING, run.stderr);
    warned(api, 'api/src/modules/locked', /cannot read the folder \(EACCES\)/);
    warned(api, 'api/src/modules/users/secret.controller.ts', /cannot read \(EACCES\)/);
  });

  test('a 2 MB binary file and a 2 MB text file named .ts are not scanned: a warning each, within seconds', async () => {
    ws = apiWorkspace('huge');
    const binary = Buffer.alloc(2 * 1024 * 1024);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
    ws.write('api/src/modules/users/blob.ts', binary);
    ws.write('api/src/modules/users/generated.ts', `// @Get()\n${'x'.repeat(5000)}\n`.repeat(400));
    ws.write('api/src/modules/users/small.ts', Buffer.concat([Buffer.from('export {};\n'), Buffer.from([0, 1, 2])]));
    const { run, api } = await check(ws);
    assert.equal(run.code, NOT_RUNNING, run.stderr);
    assert.ok(run.ms < 5000, `took ${run.ms} ms`);
    warned(api, 'api/src/modules/users/blob.ts', /over the 1 MB read limit/);
    warned(api, 'api/src/modules/users/generated.ts', /over the 1 MB read limit/);
    warned(api, 'api/src/modules/users/small.ts', /binary content/);
    // Still source files: their place in the image is checked like any other's.
    assert.match(api.modules.find((m) => m.name === 'users')?.rungs.source.evidence ?? '', /4 source file/);
  });

  test('a file name that is not UTF-8 is named in a warning, not dropped silently', async () => {
    ws = apiWorkspace('utf8');
    // "café.ts" in Latin-1: the byte 0xE9 alone is not UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(path.join(ws.dir, 'api/src/modules/users/caf')), Buffer.from([0xe9]), Buffer.from('.ts')]), 'export {};\n');
    const { run, api } = await check(ws);
    assert.equal(run.code, NOT_RUNNING, run.stderr);
    assert.ok(api.warnings.some((w) => w.startsWith('api/src/modules/users/caf') && /not valid UTF-8/.test(w)), JSON.stringify(api.warnings));
  });

  test('a Dockerfile line of 150,000 blanks is read in linear time', async () => {
    ws = apiWorkspace('dockerfile');
    ws.write('api/Dockerfile', `FROM runtime-drift/node:busybox\nRUN true${' '.repeat(150_000)}x\nCOPY${' '.repeat(150_000)}src /app/src\n`);
    const { run } = await check(ws);
    assert.equal(run.code, NOT_RUNNING, run.stderr);
    assert.ok(run.ms < 5000, `took ${run.ms} ms`);
  });
});
