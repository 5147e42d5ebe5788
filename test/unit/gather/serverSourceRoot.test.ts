// Where a service's server source is without a mapping: build contexts, prebuilt images, monorepos.
import * as assert from 'node:assert/strict';
import { imageRepository, isServerSource, serverSourceRoot, soleServerClaims } from '../../../src/core/gather/workspaceFiles';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const nest = JSON.stringify({ name: '@acme/server', dependencies: { '@nestjs/core': '10' } });
const react = JSON.stringify({ name: 'client', dependencies: { react: '18' } });
const spec = (name: string, extra: Partial<ServiceSpec>): ServiceSpec => ({ name, project: 'p', projectDir: '/w', ...extra }) as ServiceSpec;

suite('serverSourceRoot', () => {
  const monorepo = memFs({
    '/w/package.json': JSON.stringify({ name: 'docmost', workspaces: ['apps/*'] }),
    '/w/apps/server/package.json': nest,
    '/w/apps/server/src/main.ts': '',
    '/w/apps/client/package.json': react,
    '/w/node_modules/x/package.json': nest,
  });

  test("a prebuilt image named like a server package gets it; the project's only server app goes to the one service that claims it", async () => {
    assert.equal(await serverSourceRoot(monorepo, spec('web', { image: 'acme/server:1' })), '/w/apps/server/src');
    assert.equal(await serverSourceRoot(monorepo, spec('docmost', { image: 'docmost/docmost:latest' }), { claimsSoleApp: true }), '/w/apps/server/src');
    assert.equal(await serverSourceRoot(monorepo, spec('docmost', { image: 'docmost/docmost:latest' })), undefined);
  });

  test('who claims the only server app: the one non-infrastructure prebuilt service, when nothing builds', () => {
    const app = spec('docmost', { image: 'docmost/docmost:latest' });
    const db = spec('db', { image: 'postgres:18' });
    const cache = spec('cache', { image: 'docker.io/library/redis:8@sha256:abc' });
    assert.deepEqual([...soleServerClaims([app, db, cache])], [app]);
    // two candidates (an app and an agent): neither
    assert.deepEqual([...soleServerClaims([app, db, spec('agent', { image: 'acme/clickstack-agent:2' })])], []);
    // another service builds the source: a sidecar on a generic image claims nothing
    assert.deepEqual([...soleServerClaims([spec('api', { build: { context: '/w' } as ServiceSpec['build'] }), spec('tools', { image: 'node:20' })])], []);
  });

  test("a compose file in a folder of its own (docker/, no package.json) looks for the prebuilt image's server from the project above it, never above the workspace", async () => {
    const repo = memFs({
      '/w/package.json': JSON.stringify({ name: 'ghostfolio', dependencies: { '@nestjs/core': '10' } }),
      '/w/docker/docker-compose.yml': '',
      '/w/apps/api/project.json': JSON.stringify({ projectType: 'application', targets: { build: { executor: '@nx/webpack:webpack' } } }),
      '/w/apps/api/src/main.ts': '',
      '/w/apps/client/project.json': JSON.stringify({ projectType: 'application', targets: { build: { executor: '@nx/angular:browser-esbuild' } } }),
    });
    const app = spec('ghostfolio', { image: 'docker.io/ghostfolio/ghostfolio:latest', projectDir: '/w/docker' });
    assert.equal(await serverSourceRoot(repo, app, { claimsSoleApp: true, workspaceDir: '/w' }), '/w/apps/api/src');
    // the workspace is the compose folder itself: nothing above it is read
    assert.equal(await serverSourceRoot(repo, app, { claimsSoleApp: true, workspaceDir: '/w/docker' }), undefined);
  });

  test('a repository that is one server, its compose file beside its package.json: the prebuilt image named like it, or claiming it, gets its source', async () => {
    const single = memFs({ '/w/package.json': JSON.stringify({ name: 'uptime-kuma', dependencies: { express: '4' } }), '/w/server/server.js': '', '/w/compose.yaml': '' });
    assert.equal(await serverSourceRoot(single, spec('uptime-kuma', { image: 'louislam/uptime-kuma:2' })), '/w');
    assert.equal(await serverSourceRoot(single, spec('app', { image: 'acme/kuma:2' }), { claimsSoleApp: true }), '/w');
    assert.equal(await serverSourceRoot(single, spec('app', { image: 'acme/kuma:2' })), undefined);
  });

  test('a build from the repository root finds the one server app below it', async () => {
    assert.equal(await serverSourceRoot(monorepo, spec('app', { build: { context: '/w' } as ServiceSpec['build'] })), '/w/apps/server/src');
  });

  test('several server apps: the one named like the service or its image, else none', async () => {
    const two = memFs({ '/w/apps/api/package.json': nest, '/w/apps/api/src/a.ts': '', '/w/apps/worker/package.json': nest, '/w/apps/worker/src/b.ts': '' });
    assert.equal(await serverSourceRoot(two, spec('backend', { image: 'ghcr.io/acme/worker:1' })), '/w/apps/worker/src');
    assert.equal(await serverSourceRoot(two, spec('web', { image: 'acme/web' })), undefined);
    assert.equal(await serverSourceRoot(two, spec('api', { build: { context: '/w' } as ServiceSpec['build'] })), '/w/apps/api/src');
  });

  test("a bundled source's routes are read when its package is a server's (tsup, deno compile), not a front end's", async () => {
    assert.equal(await isServerSource(monorepo, '/w/apps/server/src', '/w'), true);
    assert.equal(await isServerSource(monorepo, '/w/apps/client/src', '/w'), false);
    assert.equal(await isServerSource(monorepo, '/w/elsewhere/src', '/w/apps'), false);
  });

  test('imageRepository', () => {
    assert.equal(imageRepository('docmost/docmost:latest'), 'docmost');
    assert.equal(imageRepository('localhost:5000/team/api@sha256:00'), 'api');
    assert.equal(imageRepository(undefined), undefined);
  });
});
