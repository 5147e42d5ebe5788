// The environment of a service's running container, as the engine reports it, is the one its
// process has: a real engine running a container started with other values than the workspace's
// .env gives compose now, checked with the real CLI. The routes' env-read prefix and the test a
// route is registered under follow the container, and the note says the value is the container's.
import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './support/dockerCli';
import { runtimeDrift as cli } from './support/runtimeDriftCli';
import { cleanupProject } from './support/cleanupProject';
import { uniqueProjectName } from './support/projectNames';
import { DISTROLESS_NODE } from './support/buildImage';
import type { Report } from '../../src/core/model';

const COMPOSE = [
  'services:',
  '  api:',
  `    image: ${DISTROLESS_NODE}`,
  '    command: ["node", "-e", "setTimeout(() => {}, 1e9)"]',
  '    network_mode: none',
  '    environment:',
  '      API_BASE: ${API_BASE:-/v1}',
  '      STATS_MODE: ${STATS_MODE:-web}',
  '',
].join('\n');

const MAIN = [
  "import express from 'express';",
  "import users from './users';",
  'const app = express();',
  "app.get('/health', (req, res) => res.send('ok'));",
  "app.use(process.env.API_BASE || '/api', users);",
  "if (process.env.STATS_MODE === 'python') app.post('/stats', (req, res) => res.send('s'));",
  'app.listen(3000);',
  '',
].join('\n');

const USERS = "import { Router } from 'express';\nconst router = Router();\nrouter.get('/users/:id', (req, res) => res.send('x'));\nexport default router;\n";

suite("a running container's environment decides its routes' env reads and guards (real engine, real CLI)", () => {
  let dir = '';
  const project = uniqueProjectName('rdrunenv');
  const env = { COMPOSE_PROJECT_NAME: project };

  suiteSetup(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-runenv-'));
    await writeFile(path.join(dir, 'compose.yaml'), COMPOSE);
    // What compose gives now; the container below was started with other values.
    await writeFile(path.join(dir, '.env'), 'API_BASE=/v2\nSTATS_MODE=web\n');
    await mkdir(path.join(dir, 'api', 'src'), { recursive: true });
    await writeFile(path.join(dir, 'api', 'package.json'), '{"name":"api","dependencies":{"express":"4"}}\n');
    await writeFile(path.join(dir, 'api', 'src', 'main.ts'), MAIN);
    await writeFile(path.join(dir, 'api', 'src', 'users.ts'), USERS);
    // The shell's values win over .env in compose's interpolation: the container runs with /v3 and python.
    await runCli('docker-compose', ['up', '-d'], { cwd: dir, env: { ...env, API_BASE: '/v3', STATS_MODE: 'python' }, timeoutMs: 180_000, check: true });
  });

  suiteTeardown(async () => {
    await cleanupProject(project);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("the routes follow the container's values, not the .env's, and the note says they are the running container's", async () => {
    const run = await cli(['check', '--workspace', dir, '--json', '--no-probe'], env);
    const report = JSON.parse(run.stdout) as Report;
    const api = report.services.find((s) => s.project === project && s.name === 'api');
    assert.ok(api, `services: ${report.services.map((s) => `${s.project}/${s.name}`).join(', ')}\n${run.stderr}`);
    assert.equal(api.container?.state, 'running');
    const routes = api.routes.map((r) => `${r.method} ${r.path}${r.notServed ? ' (not served)' : ''}`).sort();
    assert.deepEqual(routes, ['GET /health', 'GET /v3/users/:id', 'POST /stats']);
    const note = api.warnings.find((w) => w.includes('API_BASE'));
    assert.match(note ?? '', /the environment variable API_BASE in a route path or prefix is \/v3 for service api, as set at the running container \S+/, api.warnings.join('\n'));
  });

  test('stopped, the service is judged by what compose gives now: the .env values', async () => {
    await runCli('docker-compose', ['stop'], { cwd: dir, env, timeoutMs: 120_000, check: true });
    const run = await cli(['check', '--workspace', dir, '--json', '--no-probe'], env);
    const api = (JSON.parse(run.stdout) as Report).services.find((s) => s.project === project && s.name === 'api');
    assert.ok(api, run.stderr);
    const routes = api.routes.map((r) => `${r.method} ${r.path}${r.notServed ? ' (not served)' : ''}`).sort();
    assert.deepEqual(routes, ['GET /health', 'GET /v2/users/:id', 'POST /stats (not served)']);
  });
});
