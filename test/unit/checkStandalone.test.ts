// checkWorkspace on a workspace with a Dockerfile and no compose file, with a fake engine and prober:
// the container running its image is found, probed at the port it publishes, and fixes are docker commands.
import * as assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/core/check';
import { createInlineScanner } from '../../src/engine/inlineScanner';
import { scanSourceText } from '../../src/core/routes/scanFile';
import type { ContainerInfo, ProbeOutcome } from '../../src/core/model';
import type { EngineLike, FsLike, ProbeRequest } from '../../src/core/ports';
import { memFs } from './helpers/memFs';

const FILES = {
  '/shop/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY package.json ./\nCOPY src ./src\nEXPOSE 3000\nCMD ["node","src/server.js"]\n',
  '/shop/package.json': JSON.stringify({ name: 'shop', dependencies: { express: '4' } }),
  '/shop/src/server.js': "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\napp.listen(3000);\n",
};

function container(): ContainerInfo {
  const none = { env: [], cmd: null, entrypoint: null, exposed: [], volumes: [], labels: {}, healthcheck: null, user: '', workingDir: '' };
  return {
    id: 'c0ffee000001',
    name: 'shop-dev',
    state: 'running',
    imageId: 'sha256:1mage',
    imageRef: 'shop',
    created: '2026-12-01T10:00:00Z',
    labels: {},
    config: { image: 'shop', env: [], cmd: null, entrypoint: null, exposed: ['3000/tcp'], published: { '3000/tcp': ['127.0.0.1:8089'] }, volumes: {}, labels: {}, healthcheck: null, user: '', workingDir: '/app', imageDefaults: none },
  };
}

function engine(running: ContainerInfo[], asked: string[]): EngineLike {
  return {
    host: 'unix:///fake.sock',
    ping: async () => undefined,
    findServiceContainers: async (project, service) => {
      asked.push(`compose ${project}/${service}`);
      return [];
    },
    imageContainers: async (ref) => {
      asked.push(`image ${ref}`);
      return running;
    },
    inspectImage: async (ref) => ({ ref, id: 'sha256:1mage', created: '2026-12-01T09:00:00Z' }),
    listContainerFiles: async (_id, root) => ({ root, files: new Set(['/app/src/server.js', '/app/package.json']), rootMissing: false }),
    listImageFiles: async (_id, root) => ({ root, files: new Set(['/app/src/server.js', '/app/package.json']), rootMissing: false }),
  };
}

async function check(running: ContainerInfo[], asked: string[], sent: ProbeRequest[], more: Record<string, string> = {}, built = true) {
  const fs: FsLike = memFs({ ...FILES, ...more });
  const prober = { probe: async (req: ProbeRequest): Promise<ProbeOutcome> => (sent.push(req), { status: 200, verdict: 'live' }) };
  const eng = engine(running, asked);
  if (!built) eng.inspectImage = async () => undefined;
  return checkWorkspace({ fs, engine: eng, prober, scanner: createInlineScanner(fs, { remember: false, scanText: () => scanSourceText }) }, { workspaceDir: '/shop', env: {} });
}

suite('checkWorkspace: a Dockerfile with no compose file', () => {
  test('the container running its image is its container, probed at the port it publishes; in sync, no action', async () => {
    const asked: string[] = [];
    const sent: ProbeRequest[] = [];
    const report = await check([container()], asked, sent);
    const [svc] = report.services;
    assert.deepEqual([svc?.project, svc?.name, svc?.standalone, svc?.container?.name], ['shop', 'shop', { dockerfile: 'Dockerfile', context: '.' }, 'shop-dev']);
    assert.deepEqual(asked, ['image shop']);
    assert.deepEqual(sent.map((r) => `${r.method} ${r.url}`), ['GET http://127.0.0.1:8089/health']);
    assert.equal(svc?.verdict, 'in-sync');
    assert.equal(svc?.action, null);
  });

  test('with no container its fix is the docker build and run that make one it will find', async () => {
    const sent: ProbeRequest[] = [];
    const report = await check([], [], sent);
    const [svc] = report.services;
    assert.equal(svc?.verdict, 'not-running');
    assert.equal(svc?.fix, 'start it (no compose file; its containers are those running shop): docker run -d -p 3000:3000 shop');
    assert.deepEqual(svc?.routes.map((r) => `${r.method} ${r.path} ${r.verdict}`), ['GET /health not-probed']);
    assert.deepEqual(sent, []);
  });

  test('a documented build that pushes to a registry is a release, not the fix: the fix builds that tag here', async () => {
    const report = await check([], [], [], { '/shop/README.md': 'Release:\n\n    docker buildx build --push -t acme/shop .\n' }, false);
    const [svc] = report.services;
    assert.equal(svc?.image?.ref, 'acme/shop');
    assert.equal(svc?.fix, 'build and start it (no compose file; its containers are those running acme/shop): docker build -t acme/shop . && docker run -d -p 3000:3000 acme/shop');
  });

  test('a container of an older image than its tag names: Recreate, made again by the engine on the tag with its own options', async () => {
    const old = { ...container(), imageId: 'sha256:0ld' };
    const report = await check([old], [], []);
    const [svc] = report.services;
    assert.equal(svc?.staleContainer, true);
    assert.deepEqual(svc?.action, { kind: 'recreate', label: 'Recreate shop', steps: [], container: { name: 'shop-dev', image: 'shop' }, command: 'recreate shop-dev on shop with its own options' });
  });

  test('an image behind the source: Rebuild, our docker build of the tag first (the README\'s where it writes one)', async () => {
    const behind = { '/shop/src/orders.js': "module.exports = () => 'orders';\n" };
    const ours = (await check([container()], [], [], behind)).services[0];
    assert.deepEqual([ours?.action?.kind, ours?.action?.imageBuild, ours?.action?.command], ['rebuild', { dir: '.', args: ['build', '-t', 'shop', '.'] }, 'docker build -t shop . && recreate shop-dev on shop with its own options']);
    const documented = (await check([container()], [], [], { ...behind, '/shop/README.md': '    docker build -t shop --build-arg V=2 .\n' })).services[0];
    assert.deepEqual(documented?.action?.imageBuild, { dir: '.', args: ['build', '--tag=shop', '--build-arg=V=2', '.'] });
  });

  test('a stopped container of the current image: Start it, as docker start would', async () => {
    const stopped = { ...container(), state: 'exited', exitCode: 137 };
    const [svc] = (await check([stopped], [], [])).services;
    assert.deepEqual([svc?.action?.kind, svc?.action?.command, svc?.action?.container], ['start', 'docker start shop-dev', { name: 'shop-dev', image: 'shop' }]);
  });
});
