import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContainerInfo } from '../../src/core/model';
import { EngineUnreachableError } from '../../src/core/errors';
import { LISTING_CONTAINER_LABEL, createDockerEngine } from '../../src/engine/dockerEngine';
import { DISTROLESS_NODE, buildImage } from './support/buildImage';
import { cleanupProject } from './support/cleanupProject';
import { dockerCli } from './support/dockerCli';
import { uniqueProjectName } from './support/projectNames';

const DOCKERFILE = `FROM ${DISTROLESS_NODE}\nCOPY app /app\n`;
const V1_FILES = {
  Dockerfile: DOCKERFILE,
  'app/dist/main.js': 'console.log("v1")\n',
  'app/dist/modules/workflow/steps.controller.js': 'exports.steps = 1;\n',
  'app/dist/modules/workflow/nested/deep/util.js': 'exports.u = 1;\n',
};
/** /app/current -> dist: a release-style symlinked root. */
const SYMLINKS = { 'app/current': 'dist' };
const V1_LISTING = ['/app/dist/main.js', '/app/dist/modules/workflow/nested/deep/util.js', '/app/dist/modules/workflow/steps.controller.js'];
const ADDED = '/app/dist/modules/workflow/definitions.controller.js';

suite('dockerEngine against the real engine', () => {
  const project = uniqueProjectName('rd-adapter');
  const service = 'api';
  const tag = `${project}_${service}`; // compose v1's image naming
  const engine = createDockerEngine();
  let v1Id = '';
  let v2Id = '';
  let containerId = '';

  suiteSetup(async () => {
    v1Id = await buildImage({ tag, files: V1_FILES, symlinks: SYMLINKS, project });
    const run = await dockerCli(
      [
        'run', '-d', '--network', 'host', '--name', `${project}_${service}_1`,
        '--label', `com.docker.compose.project=${project}`,
        '--label', `com.docker.compose.service=${service}`,
        tag, 'node', '-e', 'setTimeout(() => {}, 1e9)',
      ],
      { check: true },
    );
    containerId = run.stdout.trim();
  });

  suiteTeardown(async () => {
    engine.close();
    await cleanupProject(project);
  });

  async function theContainer(): Promise<ContainerInfo> {
    const found = await engine.findServiceContainers(project, service);
    assert.equal(found.length, 1, `expected one container for ${project}/${service}, got ${found.length}`);
    return found[0] as ContainerInfo;
  }

  test('ping answers', async () => {
    await engine.ping();
    assert.equal(engine.host, 'unix:///var/run/docker.sock');
  });

  test('findServiceContainers finds the labelled container, running, with its image ID and reference', async () => {
    const c = await theContainer();
    assert.equal(c.id, containerId);
    assert.equal(c.name, `${project}_${service}_1`);
    assert.equal(c.state, 'running');
    assert.equal(c.imageId, v1Id);
    assert.equal(c.imageRef, tag);
    assert.equal(c.labels['com.docker.compose.project'], project);
    assert.ok(!Number.isNaN(Date.parse(c.created)) && c.created.endsWith('Z'), `created is ISO: ${c.created}`);
    // The tag still names the container's image: the check need not ask for it.
    // Its last tag time is not remembered with it (a build from the cache tags it again): inspectImage says it.
    const inspected = await engine.inspectImage(tag);
    assert.ok(inspected);
    const { lastTagged, ...image } = inspected;
    assert.deepEqual(c.refImage, image);
    assert.ok(lastTagged && Date.parse(lastTagged) >= Date.parse(image.created), `lastTagged ${String(lastTagged)} is the build's tag, not before its creation`);
  });

  test('findServiceContainers for an unknown project or service is empty', async () => {
    assert.deepEqual(await engine.findServiceContainers(`${project}-other`, service), []);
    assert.deepEqual(await engine.findServiceContainers(project, 'worker'), []);
  });

  test("projectContainers answers as findServiceContainers from one list per finder: a container made since is seen by the next check's finder", async () => {
    const finder = engine.projectContainers(project);
    assert.deepEqual(await finder(service), await engine.findServiceContainers(project, service));
    assert.deepEqual(await finder('worker'), []);
    const made = await dockerCli(
      ['create', '--name', `${project}_worker_1`, '--label', `com.docker.compose.project=${project}`, '--label', 'com.docker.compose.service=worker', tag, 'node', '-e', '0'],
      { check: true },
    );
    try {
      assert.deepEqual(await finder('worker'), [], 'one list per finder (one check)');
      const next = await engine.projectContainers(project)('worker');
      assert.deepEqual(next.map((c) => c.id), [made.stdout.trim()]);
      assert.deepEqual(await engine.findServiceContainers(project, 'worker'), next);
    } finally {
      await dockerCli(['rm', '-f', made.stdout.trim()]);
    }
  });

  test('listContainerFiles lists exactly the files under the root, in an image without a shell', async () => {
    // The premise: nothing can be run inside this container to list files.
    const exec = await dockerCli(['exec', containerId, 'sh', '-c', 'true']);
    assert.notEqual(exec.code, 0, 'the distroless image must have no shell');

    const listing = await engine.listContainerFiles(containerId, '/app/dist');
    assert.equal(listing.root, '/app/dist');
    assert.equal(listing.rootMissing, false);
    assert.deepEqual([...listing.files].sort(), V1_LISTING);
  });

  test('a root that is a symlink to a folder lists the folder\'s files under the link path', async () => {
    const listing = await engine.listContainerFiles(containerId, '/app/current');
    assert.deepEqual([...listing.files].sort(), V1_LISTING.map((p) => p.replace('/app/dist/', '/app/current/')));
  });

  test('a missing root is reported as rootMissing, in a container and in an image', async () => {
    const inContainer = await engine.listContainerFiles(containerId, '/app/nope');
    assert.deepEqual({ ...inContainer, files: [...inContainer.files] }, { root: '/app/nope', files: [], rootMissing: true });
    const inImage = await engine.listImageFiles(v1Id, '/app/nope');
    assert.equal(inImage.rootMissing, true);
    assert.equal(inImage.files.size, 0);
  });

  test('after a rebuild, the tag resolves to a new image that has the new file and the container does not', async () => {
    v2Id = await buildImage({ tag, files: { ...V1_FILES, [`app${ADDED.slice('/app'.length)}`]: 'exports.d = 1;\n' }, symlinks: SYMLINKS, project });
    const c = await theContainer();

    const image = await engine.inspectImage(tag);
    assert.ok(image, `${tag} resolves`);
    assert.equal(image.id, v2Id);
    assert.notEqual(image.id, c.imageId, 'the running container still uses the old image');
    assert.equal(c.refImage, undefined, 'the tag moved: the check must ask for it');
    assert.equal(image.ref, tag);

    const inImage = await engine.listImageFiles(image.id, '/app/dist');
    assert.deepEqual([...inImage.files].sort(), [...V1_LISTING, ADDED].sort());
    const inContainer = await engine.listContainerFiles(c.id, '/app/dist');
    assert.equal(inContainer.files.has(ADDED), false);
    assert.deepEqual([...inContainer.files].sort(), V1_LISTING);

    // The old image is still what the container runs, and can be listed by ID too.
    const old = await engine.listImageFiles(v1Id, '/app/dist');
    assert.equal(old.files.has(ADDED), false);
  });

  test('images a label apart (one build tagged per service) are listed once; another layer or a VOLUME is listed apart', async () => {
    const fresh = createDockerEngine();
    try {
      // Both FROM v2 with a LABEL only: other image IDs, the same layers.
      const labelled = async (name: string, extra = '') => buildImage({ tag: `${project}_${name}`, files: { Dockerfile: `FROM ${v2Id}\nLABEL service=${name}\n${extra}` }, project });
      const [a, b, withVolume] = [await labelled('a'), await labelled('b'), await labelled('v', 'VOLUME /app/dist/data\n')];
      assert.equal(new Set([a, b, withVolume, v2Id]).size, 4, 'four image IDs');
      for (const tagged of ['a', 'b', 'v']) assert.ok(await fresh.inspectImage(`${project}_${tagged}`));
      const [listedA, listedB] = await Promise.all([fresh.listImageFiles(a, '/app/dist'), fresh.listImageFiles(b, '/app/dist')]);
      assert.equal(listedB, listedA, 'one listing serves both');
      assert.deepEqual([...listedA.files].sort(), [...V1_LISTING, ADDED].sort());
      assert.notEqual(await fresh.listImageFiles(withVolume, '/app/dist'), listedA, 'a VOLUME mounts a volume in the helper: listed on its own');
      // v1 differs in a layer: its own listing, without the added file.
      assert.equal((await fresh.listImageFiles(v1Id, '/app/dist')).files.has(ADDED), false);
    } finally {
      fresh.close();
    }
  });

  test('listImageFiles leaves no container behind (removed beside the answer, within seconds)', async () => {
    await engine.listImageFiles(v1Id, '/app/dist');
    const leftovers = async (): Promise<string> => (await dockerCli(['ps', '-aq', '--filter', `label=${LISTING_CONTAINER_LABEL}`, '--filter', `ancestor=${v1Id}`], { check: true })).stdout.trim();
    // The helper is removed after the listing is answered, not before (close() waits for it).
    const deadline = Date.now() + 10_000;
    while ((await leftovers()) !== '' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await leftovers(), '');
  });

  test('inspectImage of an unknown reference is undefined', async () => {
    assert.equal(await engine.inspectImage(`${project}_missing:latest`), undefined);
  });

  test('a stopped container is found as exited and still lists its files', async () => {
    await dockerCli(['stop', '-t', '1', containerId], { check: true });
    const c = await theContainer();
    assert.equal(c.state, 'exited');
    // Stopped, not finished: node as PID 1 ignores SIGTERM, so the engine killed it (137).
    assert.equal(c.exitCode, 137);
    const listing = await engine.listContainerFiles(containerId, '/app/dist');
    assert.deepEqual([...listing.files].sort(), V1_LISTING);
  });

  test('a container that ran to its end (a one-shot job) is exited with its own exit code', async () => {
    const job = 'migrate';
    await dockerCli(
      ['run', '--network', 'host', '--name', `${project}_${job}_1`, '--label', `com.docker.compose.project=${project}`, '--label', `com.docker.compose.service=${job}`, tag, 'node', '-e', 'process.exitCode = 0'],
      { check: true },
    );
    const found = await engine.findServiceContainers(project, job);
    assert.deepEqual(found.map((c) => [c.state, c.exitCode]), [['exited', 0]]);
  });

  test('a container that does not exist is an error naming it, not a missing root', async () => {
    await assert.rejects(engine.listContainerFiles(`${project}-ghost`, '/app/dist'), (err: unknown) => {
      assert.ok(err instanceof Error && !(err instanceof EngineUnreachableError));
      assert.match(err.message, /No such container/);
      return true;
    });
  });

  test('an aborted call rejects with the caller\'s reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    await assert.rejects(engine.listContainerFiles(containerId, '/app/dist', controller.signal), /user cancelled/);
  });
});

suite('dockerEngine when the engine cannot be reached', () => {
  test('a socket that does not exist gives EngineUnreachableError with one line saying where', async () => {
    const engine = createDockerEngine({ host: 'unix:///tmp/nope.sock' });
    const expected = 'Docker engine not reachable at unix:///tmp/nope.sock (connect ENOENT). Is Docker running?';
    for (const call of [() => engine.ping(), () => engine.findServiceContainers('p', 's'), () => engine.listImageFiles('sha256:0', '/app')]) {
      await assert.rejects(call(), (err: unknown) => {
        assert.ok(err instanceof EngineUnreachableError, `got ${String(err)}`);
        assert.equal(err.message, expected);
        return true;
      });
    }
    engine.close();
  });

  test('an engine that accepts but never answers times out as unreachable', async () => {
    const socket = join(tmpdir(), `rd-silent-${process.pid}-${Date.now()}.sock`);
    const held: Socket[] = [];
    const server: Server = createServer((conn) => held.push(conn));
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    const engine = createDockerEngine({ host: `unix://${socket}`, timeoutMs: 300 });
    try {
      const started = Date.now();
      await assert.rejects(engine.ping(), (err: unknown) => {
        assert.ok(err instanceof EngineUnreachableError, `got ${String(err)}`);
        assert.equal(err.message, `Docker engine at unix://${socket} did not answer within 0.3 s (ping).`);
        return true;
      });
      assert.ok(Date.now() - started < 5_000, 'bounded by the timeout, not the socket');
    } finally {
      engine.close();
      for (const conn of held) conn.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(socket, { force: true });
    }
  });

  test('an unusable host setting is reported by every call instead of throwing at creation', async () => {
    const engine = createDockerEngine({ host: 'fd://' });
    await assert.rejects(engine.ping(), (err: unknown) => err instanceof EngineUnreachableError && /not supported/.test(err.message));
  });
});
