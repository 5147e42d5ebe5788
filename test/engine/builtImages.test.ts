// A worker running the image another service of its project builds (`api` has `build:` and
// `image:`, `worker` only that `image:`), on a real engine with the real compose CLI: nothing
// started, the worker's fix builds through api (compose's `up -d worker` alone would try to pull
// the image from a registry and fail), and `runtime-drift rebuild worker` brings it up, verified.
import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './support/dockerCli';
import { runtimeDrift as cli } from './support/runtimeDriftCli';
import { cleanupProject } from './support/cleanupProject';
import { uniqueProjectName } from './support/projectNames';
import { BUSYBOX_NODE } from './support/buildImage';
import type { Report } from '../../src/core/model';

suite('a service running the image another service builds (real engine, real CLI)', () => {
  let dir = '';
  const project = uniqueProjectName('rdbuiltby');
  const env = { COMPOSE_PROJECT_NAME: project };
  const image = `${project}/app:latest`;

  suiteSetup(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-builtby-'));
    await writeFile(path.join(dir, 'Dockerfile'), `FROM ${BUSYBOX_NODE}\nWORKDIR /app\nCOPY src/ /app/src/\nCMD ["node", "-e", "setTimeout(() => {}, 1e9)"]\n`);
    await writeFile(path.join(dir, 'package.json'), '{ "name": "app" }\n');
    await mkdir(path.join(dir, 'src'));
    await writeFile(path.join(dir, 'src', 'worker.js'), 'setInterval(() => {}, 1000);\n');
    await writeFile(
      path.join(dir, 'compose.yaml'),
      ['services:', '  api:', '    build: .', `    image: ${image}`, '    network_mode: none', '  worker:', `    image: ${image}`, '    network_mode: none', '    x-runtime-drift: { source: ./src, target: /app/src }', ''].join('\n'),
    );
  });

  suiteTeardown(async () => {
    await cleanupProject(project);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("nothing built: the worker's fix builds through api, and compose's own up of the worker alone cannot", async () => {
    const run = await cli(['check', '--workspace', dir, '--json', '--no-probe'], env);
    const worker = (JSON.parse(run.stdout) as Report).services.find((s) => s.name === 'worker');
    assert.ok(worker, run.stdout + run.stderr);
    assert.match(worker.fix ?? '', new RegExp(`its image is built by api\\): docker(-| )compose build api && docker(-| )compose up -d worker`));
    assert.deepEqual(worker.action?.steps, [['build', 'api'], ['up', '-d', 'worker']]);
    const alone = await runCli('docker-compose', ['up', '-d', 'worker'], { cwd: dir, env, timeoutMs: 180_000 });
    assert.notEqual(alone.code, 0, 'up of the worker alone pulls the image instead of building it');
  });

  test('rebuild worker builds the image through api, starts the worker and verifies it', async () => {
    const run = await cli(['rebuild', 'worker', '--workspace', dir, '--json'], env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const again = JSON.parse((await cli(['check', '--workspace', dir, '--json', '--no-probe'], env)).stdout) as Report;
    const worker = again.services.find((s) => s.name === 'worker');
    assert.equal(worker?.container?.state, 'running');
    assert.equal(worker?.verdict, 'in-sync', worker?.summary);
  });
});
