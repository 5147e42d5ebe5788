// A workspace with a Dockerfile and no compose file, on a real engine with the real CLI: the
// Dockerfile is a service; the container `docker run` made from its image (the tag its README
// builds) is found and probed at its port on the host; after a new build of the tag the old
// container is seen running an old image, the new route answering 404 there; Recreate makes it
// again with its own options (host network, labels) and verifies; Rebuild builds the tag first.
import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { dockerCli } from './support/dockerCli';
import { freeLoopbackPort, runtimeDrift as cli } from './support/runtimeDriftCli';
import { cleanupProject } from './support/cleanupProject';
import { TEST_PROJECT_LABEL, uniqueProjectName } from './support/projectNames';
import { BUSYBOX_NODE } from './support/buildImage';
import type { Report, ServiceReport } from '../../src/core/model';
import { EXPRESS_SHAPED, serverFile } from '../fixtures/standalone/expressShaped';

suite('a Dockerfile with no compose file (real engine, real CLI)', () => {
  let dir = '';
  let port = 0;
  const project = uniqueProjectName('rdalone');
  const tag = `${project}/shop:latest`;
  const name = `${project}-shop`;

  const check = async (...args: string[]): Promise<ServiceReport> => {
    const run = await cli(['check', '--workspace', dir, '--json', ...args], {});
    const report = JSON.parse(run.stdout) as Report;
    assert.equal(report.services.length, 1, run.stdout + run.stderr);
    return report.services[0] as ServiceReport;
  };
  const build = () => dockerCli(['build', '-t', tag, '--label', `${TEST_PROJECT_LABEL}=${project}`, '.'], { cwd: dir, check: true, timeoutMs: 240_000 });

  suiteSetup(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-alone-'));
    port = await freeLoopbackPort();
    await mkdir(path.join(dir, 'src'));
    await mkdir(path.join(dir, 'node_modules', 'express'), { recursive: true });
    await writeFile(path.join(dir, 'node_modules', 'express', 'index.js'), EXPRESS_SHAPED);
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'shop', dependencies: { express: '4' } }));
    await writeFile(path.join(dir, 'src', 'server.js'), serverFile(port, ['/health']));
    await writeFile(path.join(dir, 'Dockerfile'), `FROM ${BUSYBOX_NODE}\nWORKDIR /app\nCOPY node_modules ./node_modules\nCOPY src ./src\nEXPOSE ${port}\nCMD ["node", "src/server.js"]\n`);
    await writeFile(path.join(dir, 'README.md'), `# Shop\n\n    docker build -t ${tag} .\n    docker run -d --network host ${tag}\n`);
  });

  suiteTeardown(async () => {
    // The recreated container has the labels given at run, not the test image's (our build of the README's command adds none).
    await dockerCli(['rm', '-f', name]);
    await cleanupProject(project);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('not built: the service is the Dockerfile, its fix the README build and a run of that tag', async () => {
    const before = await check('--no-probe');
    assert.deepEqual([before.verdict, before.standalone, before.image.ref], ['not-running', { dockerfile: 'Dockerfile', context: '.' }, tag]);
    assert.equal(before.fix, `build and start it (no compose file; its containers are those running ${tag}): docker build -t ${tag} . && docker run -d -p ${port}:${port} ${tag}`);
    assert.deepEqual(before.routes.map((r) => `${r.method} ${r.path}`), ['GET /health']);
  });

  test('run by hand: its container is found and probed at its port on the host; a new build of the tag leaves it stale, the new route 404', async () => {
    await build();
    await dockerCli(['run', '-d', '--name', name, '--label', `${TEST_PROJECT_LABEL}=${project}`, '--label', 'rd.test.given=at-run', '--network', 'host', tag], { check: true });
    let live = await check();
    for (let i = 0; i < 20 && live.routes[0]?.verdict !== 'live'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      live = await check();
    }
    assert.equal(live.container?.name, name);
    // This engine publishes no ports (shared/RECIPES.md): run on the host's network, it answers at its EXPOSEd port.
    assert.equal(live.baseUrl, `http://127.0.0.1:${port}`);
    assert.deepEqual(live.routes.map((r) => `${r.path} ${r.status}`), ['/health 200'], JSON.stringify([live.routes, live.baseUrl, live.container]));
    assert.equal(live.verdict, 'in-sync', live.summary);

    await writeFile(path.join(dir, 'src', 'server.js'), serverFile(port, ['/health', '/orders']));
    await build();
    const stale = await check();
    assert.equal(stale.staleContainer, true, stale.summary);
    assert.equal(stale.verdict, 'drift');
    assert.deepEqual(stale.routes.map((r) => `${r.path} ${r.status}`), ['/health 200', '/orders 404']);
    assert.match(stale.fix ?? '', new RegExp(`^replace container ${name} with one of the current image ${tag.replace(/[/.]/g, '\\$&')}`));
    assert.deepEqual([stale.action?.kind, stale.action?.container], ['recreate', { name, image: tag }]);
  });

  test('rebuild of the stale container: the engine makes it again on the current image with the options it was run with, and the check verifies it', async () => {
    const old = (await dockerCli(['inspect', '--format', '{{.Id}}', name], { check: true })).stdout.trim();
    const run = await cli(['rebuild', (await check('--no-probe')).name, '--workspace', dir], {});
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout + run.stderr, new RegExp(`recreating ${name} on ${tag.replace(/[/.]/g, '\\$&')} with its own options`));
    assert.match(run.stdout + run.stderr, /✓ verified: \S+ is in sync/);
    // The same name, network and labels (ours included), a new container; the old one is gone.
    const now = (await dockerCli(['inspect', '--format', '{{.Id}}|{{.HostConfig.NetworkMode}}|{{index .Config.Labels "rd.test.given"}}', name], { check: true })).stdout.trim().split('|');
    assert.notEqual(now[0], old);
    assert.deepEqual(now.slice(1), ['host', 'at-run']);
    assert.equal((await dockerCli(['ps', '-aq', '--filter', `id=${old}`], { check: true })).stdout.trim(), '');
    const after = await check();
    assert.deepEqual([after.verdict, after.routes.map((r) => `${r.path} ${r.status}`)], ['in-sync', ['/health 200', '/orders 200']]);
  });

  test('Rebuild after a source change: our docker build of the tag, then the recreate, verified with the new route live', async () => {
    await writeFile(path.join(dir, 'src', 'server.js'), serverFile(port, ['/health', '/orders', '/refunds']));
    await writeFile(path.join(dir, 'src', 'refunds.js'), 'module.exports = [];\n');
    const behind = await check();
    assert.equal(behind.action?.kind, 'rebuild', behind.summary);
    const run = await cli(['rebuild', behind.name, '--workspace', dir], {});
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout + run.stderr, new RegExp(`\\$ docker build --tag=${tag.replace(/[/.]/g, '\\$&')} \\.\\n`));
    const after = await check();
    assert.deepEqual([after.verdict, after.routes.map((r) => `${r.path} ${r.status}`)], ['in-sync', ['/health 200', '/orders 200', '/refunds 200']]);
  });
});
