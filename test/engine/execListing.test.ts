// The exec fast path of listContainerFiles against the real engine: same facts as the archive
// API (files, sizes, symlinks, odd names, a missing root, a file changed inside the container),
// proven to run through exec (the container's ExecIDs), with the archive API as the fallback.
import assert from 'node:assert/strict';
import type { FileListing } from '../../src/core/model';
import { LISTING_CONTAINER_LABEL, createDockerEngine } from '../../src/engine/dockerEngine';
import { BUSYBOX_NODE, DISTROLESS_NODE, buildImage } from './support/buildImage';
import { cleanupProject } from './support/cleanupProject';
import { dockerCli } from './support/dockerCli';
import { uniqueProjectName } from './support/projectNames';

const FILES = {
  'app/dist/main.js': 'console.log("main")\n',
  'app/dist/modules/workflow/steps.controller.js': 'exports.steps = 1;\n',
  'app/dist/modules/workflow/with space.js': 'exports.s = 1;\n',
  'app/dist/modules/empty.js': '',
};
const SYMLINKS = { 'app/current': 'dist', 'app/dist/alias.js': 'main.js' };

function facts(listing: FileListing): { files: string[]; sizes: [string, number][]; rootMissing: boolean } {
  return {
    files: [...listing.files].sort(),
    sizes: [...(listing.sizes ?? new Map())].sort(([a], [b]) => a.localeCompare(b)),
    rootMissing: listing.rootMissing,
  };
}

/** The engine's clock as a `docker events` time (fractional seconds). */
function now(): string {
  return (Date.now() / 1000).toFixed(3);
}

/** exec_create events the engine recorded for a container since `since`. */
async function execsSince(containerId: string, since: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 300)); // Let the engine publish them.
  const out = await dockerCli(
    ['events', '--since', since, '--until', now(), '--filter', `container=${containerId}`, '--filter', 'event=exec_create', '--format', '{{.Action}}'],
    { check: true },
  );
  return out.stdout.split('\n').filter((l) => l.startsWith('exec_create')).length;
}

async function run(project: string, tag: string): Promise<string> {
  const out = await dockerCli(
    ['run', '-d', '--network', 'none', '--label', `com.docker.compose.project=${project}`, tag, 'node', '-e', 'setTimeout(() => {}, 1e9)'],
    { check: true },
  );
  return out.stdout.trim();
}

suite('container listings through exec find, against the real engine', () => {
  const project = uniqueProjectName('rd-exec');
  const auto = createDockerEngine();
  const archive = createDockerEngine({ listing: 'archive' });
  let busybox = '';
  let distroless = '';
  let usrBinFind = '';
  let busyboxImage = '';

  suiteSetup(async () => {
    busyboxImage = await buildImage({ tag: `${project}_bb`, files: { Dockerfile: `FROM ${BUSYBOX_NODE}\nCOPY app /app\n`, ...FILES }, symlinks: SYMLINKS, project });
    await buildImage({ tag: `${project}_dl`, files: { Dockerfile: `FROM ${DISTROLESS_NODE}\nCOPY app /app\n`, ...FILES }, symlinks: SYMLINKS, project });
    // find only in /usr/bin (as on Alpine or a Debian without merged /usr): the second place asked.
    await buildImage({ tag: `${project}_ub`, files: { Dockerfile: `FROM ${BUSYBOX_NODE}\nRUN mkdir -p /usr/bin && mv /bin/find /usr/bin/find\nCOPY app /app\n`, ...FILES }, symlinks: SYMLINKS, project });
    busybox = await run(project, `${project}_bb`);
    distroless = await run(project, `${project}_dl`);
    usrBinFind = await run(project, `${project}_ub`);
  });

  suiteTeardown(async () => {
    auto.close();
    archive.close();
    await cleanupProject(project);
  });

  test('a running container with find is listed through exec, with the same files and sizes as the archive API', async () => {
    const t0 = now();
    const fast = await auto.listContainerFiles(busybox, '/app/dist');
    assert.equal(await execsSince(busybox, t0), 1, 'one exec ran in the container');
    const t1 = now();
    const slow = await archive.listContainerFiles(busybox, '/app/dist');
    assert.equal(await execsSince(busybox, t1), 0, 'listing: "archive" starts no process');
    assert.deepEqual(facts(fast), facts(slow));
    assert.deepEqual(facts(fast).files, [
      '/app/dist/alias.js',
      '/app/dist/main.js',
      '/app/dist/modules/empty.js',
      '/app/dist/modules/workflow/steps.controller.js',
      '/app/dist/modules/workflow/with space.js',
    ]);
    assert.equal(fast.sizes?.get('/app/dist/main.js'), FILES['app/dist/main.js'].length);
    assert.equal(fast.sizes?.get('/app/dist/modules/empty.js'), 0);
  });

  test('a symlinked root and a missing root answer as the archive API does', async () => {
    assert.deepEqual(facts(await auto.listContainerFiles(busybox, '/app/current')), facts(await archive.listContainerFiles(busybox, '/app/current')));
    assert.ok((await auto.listContainerFiles(busybox, '/app/current')).files.has('/app/current/main.js'));
    const missing = await auto.listContainerFiles(busybox, '/app/nope');
    assert.deepEqual(facts(missing), { files: [], sizes: [], rootMissing: true });
    assert.deepEqual(facts(await archive.listContainerFiles(busybox, '/app/nope')), { files: [], sizes: [], rootMissing: true });
  });

  test('a root that is a file falls back to the archive API and lists that file', async () => {
    const viaAuto = await auto.listContainerFiles(busybox, '/app/dist/main.js');
    assert.deepEqual(facts(viaAuto), facts(await archive.listContainerFiles(busybox, '/app/dist/main.js')));
    assert.ok(viaAuto.files.has('/app/dist/main.js'));
  });

  test('a file changed inside the running container shows its new size', async () => {
    await dockerCli(['exec', busybox, 'sh', '-c', 'echo "// hotfix" >> /app/dist/main.js'], { check: true });
    const fast = await auto.listContainerFiles(busybox, '/app/dist');
    assert.equal(fast.sizes?.get('/app/dist/main.js'), FILES['app/dist/main.js'].length + '// hotfix\n'.length);
    assert.deepEqual(facts(fast), facts(await archive.listContainerFiles(busybox, '/app/dist')));
  });

  test('find only in /usr/bin: still listed through exec', async () => {
    const t0 = now();
    const listing = await auto.listContainerFiles(usrBinFind, '/app/dist');
    assert.equal(await execsSince(usrBinFind, t0), 1, 'one exec ran in the container');
    assert.deepEqual(facts(listing), facts(await archive.listContainerFiles(usrBinFind, '/app/dist')));
    assert.equal(listing.files.size, 5);
  });

  test('a distroless container is listed through the archive API without an exec attempt', async () => {
    const t0 = now();
    const listing = await auto.listContainerFiles(distroless, '/app/dist');
    assert.equal(await execsSince(distroless, t0), 0, 'find is not in the image: no exec was started');
    assert.deepEqual(facts(listing), facts(await archive.listContainerFiles(distroless, '/app/dist')));
    assert.equal(listing.files.size, 5);
    const t1 = now();
    await auto.listContainerFiles(distroless, '/app/dist');
    assert.equal(await execsSince(distroless, t1), 0, 'no second exec attempt');
  });

  test('a stopped container is listed through the archive API', async () => {
    await dockerCli(['stop', '-t', '1', busybox], { check: true });
    const listing = await auto.listContainerFiles(busybox, '/app/dist');
    assert.ok(listing.files.has('/app/dist/modules/workflow/steps.controller.js'));
    assert.equal(listing.sizes?.get('/app/dist/main.js'), FILES['app/dist/main.js'].length + '// hotfix\n'.length);
  });

  test('an image is listed once per client: the second listing creates no container', async () => {
    const engine = createDockerEngine();
    try {
      const since = now();
      const first = await engine.listImageFiles(busyboxImage, '/app/dist');
      const second = await engine.listImageFiles(busyboxImage, '/app/dist');
      assert.deepEqual(facts(second), facts(first));
      assert.ok(first.files.has('/app/dist/main.js'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const until = now();
      const events = await dockerCli(
        ['events', '--since', String(since), '--until', String(until), '--filter', `label=${LISTING_CONTAINER_LABEL}`, '--filter', 'event=create', '--filter', `image=${busyboxImage}`, '--format', '{{.ID}}'],
        { check: true },
      );
      assert.equal(events.stdout.trim().split('\n').filter(Boolean).length, 1, 'one listing container for two listings');
    } finally {
      engine.close();
    }
  });
});
