// The first five minutes on a real project, judged by the real CLI on a real engine: a starter
// laid out as Nest lays it out (modules under src/<name>/) with a registry-image database beside
// the built api. Nothing started is not drift; started is in sync; a new module built into the
// image while the old container serves is the incident, and its action is Recreate api.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { createStarterWorkspace } from '../fixtures/starter/driver.mjs';
import type { StarterWorkspace } from '../fixtures/starter/driver.mjs';
import type { Report, ServiceReport } from '../../src/core/model';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function check(ws: StarterWorkspace): Promise<{ code: number; report: Report; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, 'check', '--workspace', ws.dir, '--json'], { env: { ...process.env, ...ws.env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 0;
      try {
        resolve({ code, report: JSON.parse(stdout) as Report, stderr });
      } catch (parseError) {
        reject(new Error(`exit ${code}, not JSON: ${stdout}\n${stderr}\n${String(parseError)}`));
      }
    });
  });
}

function service(report: Report, name: string): ServiceReport {
  const s = report.services.find((x) => x.name === name);
  assert.ok(s, `no ${name} in ${report.services.map((x) => x.name).join(', ')}`);
  return s;
}

suite('CLI on a real engine: a Nest starter with a registry-image database', () => {
  let ws: StarterWorkspace;

  suiteSetup(async () => {
    ws = await createStarterWorkspace();
  });

  suiteTeardown(async () => {
    await ws?.down();
  });

  test('nothing started: not running (exit 3), modules by their Nest class, routes not probed, Start — never a build for the database', async () => {
    const { code, report } = await check(ws);
    assert.equal(code, 3, JSON.stringify(report.services.map((s) => [s.name, s.verdict, s.summary])));
    assert.equal(report.verdict, 'not-running');
    const api = service(report, 'api');
    const db = service(report, 'db');
    assert.equal(api.verdict, 'not-running', api.summary);
    assert.equal(db.verdict, 'not-running', db.summary);
    assert.deepEqual(api.modules.map((m) => [m.name, m.source, m.firstFailure]), [
      ['AuthModule', 'api/src/auth', null],
      ['FilesModule', 'api/src/files', null],
      ['UsersModule', 'api/src/users', null],
    ]);
    assert.deepEqual(api.routes.map((r) => `${r.method} ${r.path} ${r.module}`).sort(), [
      'GET /api/auth/me AuthModule',
      'GET /api/files FilesModule',
      'GET /api/files/:id FilesModule',
      'GET /api/users UsersModule',
      'GET /api/users/:id UsersModule',
      'GET /health null',
      'POST /api/auth/login AuthModule',
      'POST /api/users UsersModule',
    ]);
    assert.ok(api.routes.every((r) => r.verdict === 'not-probed' && r.detail === 'not running'), JSON.stringify(api.routes));
    assert.equal(db.action?.label, 'Start db');
    assert.deepEqual(db.action?.steps, [['up', '-d', 'db']]);
    assert.equal(api.action?.label, 'Start api');
    assert.doesNotMatch(JSON.stringify([db.action, db.fix]), /build/);
  });

  test('started: both in sync (exit 0), the api answers through its modules', async () => {
    const up = await ws.compose(['up', '-d']);
    assert.equal(up.code, 0, up.output);
    await ws.waitForApi();
    const { code, report } = await check(ws);
    assert.equal(code, 0, JSON.stringify(report.services.map((s) => [s.name, s.verdict, s.summary])));
    const api = service(report, 'api');
    assert.equal(service(report, 'db').verdict, 'in-sync');
    assert.equal(api.routes.find((r) => r.path === '/api/users' && r.method === 'GET')?.status, 401);
    assert.ok(api.modules.every((m) => m.firstFailure === null));
    assert.equal(api.action, null);
  });

  test('drifted: a new module in the image, the old container serving: drift (exit 1), the action is Recreate api, the database untouched', async () => {
    await ws.addReportsFeature();
    await ws.buildImageOnly();
    const { code, report } = await check(ws);
    assert.equal(code, 1);
    const api = service(report, 'api');
    assert.equal(api.verdict, 'drift');
    assert.equal(api.staleContainer, true);
    const reports = api.modules.find((m) => m.name === 'ReportsModule');
    assert.equal(reports?.source, 'api/src/reports');
    assert.equal(reports?.firstFailure, 'container');
    assert.equal(api.routes.find((r) => r.path === '/api/reports/summary')?.status, 404);
    assert.equal(api.action?.label, 'Recreate api');
    assert.deepEqual(api.action?.steps, [['up', '-d', 'api']]);
    const db = service(report, 'db');
    assert.equal(db.verdict, 'in-sync');
    assert.equal(db.action, null);
  });
});
