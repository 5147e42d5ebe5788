// Podman's Docker-compatible API, on a real Podman service of the test's own: rebuild and check
// through compose (start, a stale container, an image behind the source), listings without exec
// (no conmon left behind), events by Docker's names.
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Dockerode from 'dockerode';
import type { Report } from '../../src/core/model';
import type { RebuildResult } from '../../src/core/rebuild';
import { findFreePort } from '../fixtures/incident/driver.mjs';
import { BUSYBOX_NODE } from './support/buildImage';
import { runCli } from './support/dockerCli';
import { processesUnder, startPodmanService } from './support/podmanService';
import type { PodmanService } from './support/podmanService';
import { uniqueProjectName } from './support/projectNames';
import { writeHealthWorkspace } from './support/healthWorkspace';
import { watchEvents } from './support/watchEvents';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

suite('Podman service (Docker-compatible API)', function () {
  let podman: PodmanService;
  let ws: string;
  let env: Record<string, string>;
  const project = uniqueProjectName('rdpodman').replace(/-/g, '');

  const cli = (args: string[]) => runCli(process.execPath, [CLI, ...args, '--workspace', ws], { env, timeoutMs: 240_000 });

  suiteSetup(async function () {
    this.timeout(300_000);
    podman = await startPodmanService({ images: [BUSYBOX_NODE] });
    ws = writeHealthWorkspace({ project, port: await findFreePort() });
    env = { DOCKER_HOST: podman.host, DOCKER_CONTEXT: '', REQUESTS_CA_BUNDLE: '', CURL_CA_BUNDLE: '' };
  });

  suiteTeardown(async function () {
    this.timeout(120_000);
    await podman?.stop();
    if (ws) rmSync(ws, { recursive: true, force: true });
  });

  test('rebuild through compose on Podman: built, started and verified, the route live', async () => {
    const run = await cli(['rebuild', 'api', '--json']);
    const result = JSON.parse(run.stdout) as RebuildResult;
    assert.equal(result.verified, true, `${run.stderr}\n${result.message}`);
    assert.equal(result.after?.routes[0]?.status, 200);
  });

  test('check is in sync, lists the container through the archive API (no exec, so no conmon left), image names as Docker spells them', async () => {
    const before = processesUnder(podman.dir).length;
    const run = await cli(['check', '--json']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as Report;
    assert.equal(report.verdict, 'in-sync');
    const api = report.services[0];
    assert.ok(api?.container);
    assert.doesNotMatch(JSON.stringify(api.container), /docker\.io\/library\//);
    assert.equal(processesUnder(podman.dir).length, before, 'an exec leaves a conmon behind for 300 s');
  });

  test('an image rebuilt but not recreated is a stale container on Podman too, fixed by compose', async () => {
    writeFileSync(path.join(ws, 'api', 'extra.js'), 'module.exports = 1;\n');
    const built = await runCli('docker-compose', ['build', 'api'], { cwd: ws, env, timeoutMs: 240_000 });
    assert.equal(built.code, 0, built.stderr);
    const run = await cli(['check', '--json']);
    assert.equal(run.code, 1, run.stderr);
    const api = (JSON.parse(run.stdout) as Report).services[0];
    assert.equal(api?.staleContainer, true, run.stdout);
    assert.equal(api?.fix?.replace('docker compose', 'docker-compose'), `recreate the container (it runs an old image): DOCKER_HOST=${podman.host} docker-compose up -d api`);
  });

  test('a source file no image has: the image is behind on Podman too, and rebuild builds, recreates and verifies', async () => {
    writeFileSync(path.join(ws, 'api', 'newer.js'), 'module.exports = 2;\n');
    const run = await cli(['check', '--json']);
    assert.equal(run.code, 1, run.stderr);
    const api = (JSON.parse(run.stdout) as Report).services[0];
    assert.ok(api?.missingFiles.includes('api/newer.js'), run.stdout);
    assert.equal(api?.missingFilesInImage.includes('api/newer.js'), false, 'no image has it');
    assert.equal(api?.action?.kind, 'rebuild', run.stdout);
    const rebuilt = await cli(['rebuild', 'api', '--json']);
    const result = JSON.parse(rebuilt.stdout) as RebuildResult;
    assert.equal(result.verified, true, `${rebuilt.stderr}\n${result.message}`);
    assert.deepEqual(result.after?.missingFiles, []);
    assert.equal(result.after?.staleContainer, false);
  });

  test("the editor's event stream sees Podman containers stop and go, by Docker's names", async () => {
    const docker = new Dockerode({ socketPath: podman.host.slice('unix://'.length) });
    const events = await watchEvents(docker);
    const { seen } = events;
    const ids = (await podman.podman(['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`])).stdout.trim().split('\n');
    await podman.podman(['stop', '-t', '1', ...ids]);
    await podman.podman(['rm', ...ids]);
    const deadline = Date.now() + 10_000;
    while (!seen.some((e) => e.action === 'destroy') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await events.stop();
    const actions = seen.filter((e) => e.project === project && e.service === 'api').map((e) => e.action);
    assert.ok(actions.includes('die'), actions.join(','));
    assert.ok(actions.includes('destroy'), actions.join(','));
  });
});
