// The incident, replayed on a real engine and judged by the real CLI (dist/cli.js).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { createIncidentWorkspace } from './support/incident';
import { dockerCli } from './support/dockerCli';
import type { IncidentWorkspace } from './support/incident';
import type { Report } from '../../src/core/model';
import type { RebuildResult } from '../../src/core/rebuild';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const WORKFLOW_ROUTE = '/api/v1/workflows/steps/definitions';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function api(report: Report) {
  const s = report.services.find((x) => x.name === 'api');
  assert.ok(s, `no api service in ${JSON.stringify(report.services.map((x) => x.name))}`);
  return s;
}

suite('CLI on a real engine: the workflow incident', () => {
  let ws: IncidentWorkspace;
  let env: Record<string, string>;

  suiteSetup(async () => {
    ws = await createIncidentWorkspace();
    // The token variable is allowed the way a CI job would: in its own environment, not the workspace.
    env = { ...ws.env, RUNTIME_DRIFT_TOKEN_ENVS: 'API_TOKEN' };
    await ws.up();
  });

  suiteTeardown(async () => {
    await ws?.down();
  });

  test('a fresh stack is in sync: exit 0, users routes answer 401 and 200 with the token', async () => {
    const run = await cli(['check', '--workspace', ws.dir, '--json'], env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as Report;
    assert.equal(report.verdict, 'in-sync');
    const s = api(report);
    assert.equal(s.staleContainer, false);
    assert.equal(s.container?.state, 'running');
    const users = s.routes.find((r) => r.method === 'GET' && r.path === '/api/v1/users');
    assert.equal(users?.status, 401);
    assert.equal(users?.authStatus, 200);
    assert.ok(s.modules.some((m) => m.name === 'users' && m.target === '/app/dist/modules/users'), JSON.stringify(s.modules));
  });

  test('the incident: image rebuilt but not recreated → stale container, workflow missing at the container rung, route 404, exit 1', async () => {
    await ws.addWorkflowFeature();
    await ws.buildImageOnly();
    const run = await cli(['check', '--workspace', ws.dir, '--json'], env);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as Report;
    assert.equal(report.verdict, 'drift');
    const s = api(report);
    assert.equal(s.staleContainer, true);
    assert.notEqual(s.container?.imageId, s.image.id);
    const wf = s.modules.find((m) => m.name === 'workflow');
    assert.ok(wf, 'workflow module reported');
    assert.equal(wf.source, 'backend/src/modules/workflow');
    assert.equal(wf.target, '/app/dist/modules/workflow');
    assert.equal(wf.rungs.source.status, 'pass');
    assert.equal(wf.rungs.build.status, 'pass');
    assert.equal(wf.rungs.image.status, 'pass');
    assert.equal(wf.rungs.container.status, 'fail');
    assert.equal(wf.firstFailure, 'container');
    assert.match(wf.fix ?? '', /up -d api/);
    const route = s.routes.find((r) => r.path === WORKFLOW_ROUTE);
    assert.equal(route?.status, 404);
    assert.equal(route?.verdict, 'missing');
    assert.equal(route?.module, 'workflow');
    assert.ok(s.missingFiles.includes('backend/src/modules/workflow/workflow.controller.ts'), JSON.stringify(s.missingFiles));
    assert.ok(s.missingFilesInImage.includes('backend/src/modules/workflow/workflow.controller.ts'));
    // The users module is unaffected.
    assert.equal(s.modules.find((m) => m.name === 'users')?.firstFailure, null);

    const text = await cli(['check', '--workspace', ws.dir], env);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /STALE/);
    assert.match(text.stdout, new RegExp(`GET ${WORKFLOW_ROUTE}\\s+404`));
  });

  test('rebuild api recreates the container and verifies: route 404 → 401, 200 with the token, exit 0', async () => {
    const run = await cli(['rebuild', 'api', '--workspace', ws.dir, '--json'], env);
    assert.equal(run.code, 0, run.stderr.slice(-3000));
    const result = JSON.parse(run.stdout) as RebuildResult;
    assert.equal(result.verified, true, result.message);
    assert.equal(result.buildCode, 0);
    assert.equal(result.upCode, 0);
    assert.ok(result.changes.includes(`route GET ${WORKFLOW_ROUTE} 404 → 401`), JSON.stringify(result.changes));
    assert.ok(result.changes.includes('container stale → current'), JSON.stringify(result.changes));
    const route = result.after?.routes.find((r) => r.path === WORKFLOW_ROUTE);
    assert.equal(route?.status, 401);
    assert.equal(route?.authStatus, 200);
    // Compose output streamed to stderr under --json, and never the token.
    assert.match(run.stderr, /up -d api/);
    assert.ok(!run.stderr.includes(env.API_TOKEN as string));

    const after = await cli(['check', '--workspace', ws.dir, '--json'], env);
    assert.equal(after.code, 0, after.stdout);
    assert.equal(api(JSON.parse(after.stdout) as Report).modules.find((m) => m.name === 'workflow')?.firstFailure, null);
  });

  test('a hotfix copied into the running container fails the container rung, not the image; rebuild recreates it and verifies', async () => {
    const first = api(JSON.parse((await cli(['check', '--workspace', ws.dir, '--json'], env)).stdout) as Report);
    const id = first.container?.id ?? '';
    assert.ok(id, 'a running container');
    const inside = '/app/dist/modules/users/users.controller.js';
    const local = path.join(os.tmpdir(), `rd-hotfix-${process.pid}.js`);
    await dockerCli(['cp', `${id}:${inside}`, local], { check: true });
    await writeFile(local, `${await readFile(local, 'utf8')}// hotfix copied in by hand\n`);
    await dockerCli(['cp', local, `${id}:${inside}`], { check: true });
    await rm(local, { force: true });

    const run = await cli(['check', '--workspace', ws.dir, '--json'], env);
    assert.equal(run.code, 1, run.stderr);
    const s = api(JSON.parse(run.stdout) as Report);
    assert.equal(s.staleContainer, false);
    const users = s.modules.find((m) => m.name === 'users');
    assert.equal(users?.rungs.image.status, 'pass', users?.rungs.image.evidence);
    assert.equal(users?.firstFailure, 'container');
    assert.match(users?.rungs.container.evidence ?? '', /changed inside the container/);
    assert.match(s.fix ?? '', /up -d --force-recreate api$/);
    assert.deepEqual(s.changedFiles, ['backend/src/modules/users/users.controller.ts']);

    const rebuild = await cli(['rebuild', 'api', '--workspace', ws.dir, '--json'], env);
    assert.equal(rebuild.code, 0, rebuild.stderr.slice(-3000));
    const result = JSON.parse(rebuild.stdout) as RebuildResult;
    assert.equal(result.verified, true, result.message);
    assert.notEqual(result.after?.container?.id, id, 'a new container');
    assert.match(rebuild.stderr, /up -d --force-recreate api/);
  });

  test('a wrong token fails the auth rung (credentials), not the deploy', async () => {
    const run = await cli(['check', '--workspace', ws.dir, '--json'], { ...env, API_TOKEN: 'wrong-token' });
    assert.equal(run.code, 1);
    const wf = api(JSON.parse(run.stdout) as Report).modules.find((m) => m.name === 'workflow');
    assert.equal(wf?.firstFailure, 'auth');
    assert.match(wf?.fix ?? '', /credentials/);
  });

  test('--no-probe sends nothing and still judges files: in sync, routes not sent', async () => {
    const run = await cli(['check', '--workspace', ws.dir, '--json', '--no-probe'], env);
    assert.equal(run.code, 0, run.stdout);
    const s = api(JSON.parse(run.stdout) as Report);
    assert.ok(s.routes.length > 0);
    assert.ok(s.routes.every((r) => r.status === null && r.verdict === 'not-probed'));
  });

  test('the container has no shell, yet its files are listed (archive API)', async () => {
    const exec = await ws.compose(['exec', '-T', 'api', 'sh', '-c', 'true']);
    assert.notEqual(exec.code, 0, 'the api image must have no shell for this test to mean anything');
    const run = await cli(['check', '--workspace', ws.dir, '--json', '--no-probe'], env);
    const s = api(JSON.parse(run.stdout) as Report);
    assert.deepEqual(s.missingFiles, []);
    assert.equal(s.modules.find((m) => m.name === 'workflow')?.rungs.container.status, 'pass');
  });

  test('a stopped container is stopped, not drift: files still listed and judged, nothing probed, Start, exit 3', async () => {
    const stop = await ws.compose(['stop', 'api']);
    assert.equal(stop.code, 0, stop.output);
    const run = await cli(['check', '--workspace', ws.dir, '--json'], env);
    assert.equal(run.code, 3, run.stdout);
    const s = api(JSON.parse(run.stdout) as Report);
    assert.equal(s.verdict, 'stopped');
    assert.equal(s.container?.state, 'exited');
    assert.deepEqual(s.missingFiles, []);
    const users = s.modules.find((m) => m.name === 'users');
    assert.equal(users?.firstFailure, null);
    assert.equal(users?.rungs.container.status, 'pass');
    assert.match(s.fix ?? '', /start the container \(it is exited\)/);
    assert.equal(s.action?.label, 'Start api');
    const gets = s.routes.filter((r) => r.method === 'GET');
    assert.ok(gets.length > 0);
    assert.ok(gets.every((r) => r.status === null && r.verdict === 'not-probed' && r.detail === 'not running (container exited)'), JSON.stringify(gets));
  });

  test('a failing build is not reported as success: exit 1, "build failed", the container left as it was', async () => {
    const dockerfile = path.join(ws.dir, 'backend', 'Dockerfile');
    const good = await readFile(dockerfile, 'utf8');
    const before = (await ws.compose(['ps', '-q', 'api'])).output.trim();
    await writeFile(dockerfile, good.replace('COPY dist ./dist', 'COPY no-such-folder ./dist'));
    try {
      const run = await cli(['rebuild', 'api', '--workspace', ws.dir], env);
      assert.equal(run.code, 1, run.stdout);
      assert.match(run.stdout, /✗ build failed \(exit \d+\); the running container was left as it was/);
      assert.doesNotMatch(run.stdout, /verified/);
      assert.equal((await ws.compose(['ps', '-q', 'api'])).output.trim(), before, 'no recreate after a failed build');
    } finally {
      await writeFile(dockerfile, good);
    }
  });

  test('no engine at DOCKER_HOST: exit 2 with one clear line, no stack trace', async () => {
    const run = await cli(['check', '--workspace', ws.dir], { ...env, DOCKER_HOST: 'unix:///tmp/runtime-drift-no-such.sock' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Docker engine not reachable at unix:\/\/\/tmp\/runtime-drift-no-such\.sock/);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  test('a broken compose file: exit 2, one line naming the file, nothing changed', async () => {
    const run = await cli(['check', '--workspace', path.join(__dirname, '../fixtures/broken-compose')], env);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /compose\.yaml/);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  });

  test('an unknown service: exit 2 and the services there are', async () => {
    const run = await cli(['check', '--workspace', ws.dir, '--service', 'nope'], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no service named nope .*api/);
  });
});
