// An image whose Dockerfile names no start command over Node's image (its own CMD is node's REPL):
// what runs is set where the image is run; a workspace's one server package is all it could serve.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const WORKSPACE = {
  '/ws/package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*'], scripts: { build: 'npm run build --workspaces' } }),
  '/ws/apps/api/package.json': JSON.stringify({ name: '@x/api', dependencies: { express: '^5' }, scripts: { build: 'tsc -p tsconfig.json' } }),
  '/ws/apps/api/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
  '/ws/apps/api/src/main.ts': "import express from 'express';\nexpress().listen(3000);\n",
  '/ws/apps/site/package.json': JSON.stringify({ name: '@x/site', dependencies: { react: '^19' }, devDependencies: { vite: '^6' }, scripts: { build: 'vite build' } }),
  '/ws/apps/site/src/main.tsx': 'export {};\n',
  // The build stage is the image (built with --target build); the last stage only lifts the front end's files out.
  '/ws/Dockerfile': 'FROM node:22 AS build\nWORKDIR /srv\nCOPY . /srv\nRUN npm ci && npm run build\n\nFROM scratch AS assets\nCOPY --from=build /srv/apps/site/dist /\n',
};

const spec = () => ({ ...buildSpec(), build: { context: '/ws', dockerfile: '/ws/Dockerfile', target: 'build' } });

suite('inferMapping: an image that names no start command', () => {
  test('over node, from a workspace with one server package: that package, at its build output in the image', async () => {
    const m = await inferMapping(memFs(WORKSPACE), spec());
    assert.deepEqual([m?.sourceRoot, m?.target], ['/ws/apps/api/src', '/srv/apps/api/dist'], m?.evidence.join('\n'));
  });

  test('two server packages, or a start command, or a base image other than node: not chosen this way', async () => {
    const two = { ...WORKSPACE, '/ws/apps/jobs/package.json': JSON.stringify({ name: '@x/jobs', dependencies: { fastify: '^5' } }) };
    assert.equal((await inferMapping(memFs(two), spec()))?.sourceRoot, '/ws');
    const started = { ...WORKSPACE, '/ws/Dockerfile': WORKSPACE['/ws/Dockerfile'].replace('RUN npm ci && npm run build\n', 'RUN npm ci && npm run build\nCMD ["node", "tools/repl.js"]\n') };
    assert.equal((await inferMapping(memFs(started), spec()))?.sourceRoot, '/ws');
    const other = { ...WORKSPACE, '/ws/Dockerfile': WORKSPACE['/ws/Dockerfile'].replace('FROM node:22 AS build', 'FROM example/toolbox AS build') };
    assert.equal((await inferMapping(memFs(other), spec()))?.sourceRoot, '/ws');
  });

  test('two server packages built together and a front end the build selects by name: none is chosen, the evidence says which one runs is not known here', async () => {
    const two = {
      ...WORKSPACE,
      '/ws/apps/jobs/package.json': JSON.stringify({ name: '@x/jobs', dependencies: { fastify: '^5' } }),
      '/ws/Dockerfile': 'FROM node:22 AS build\nWORKDIR /srv\nCOPY . /srv\nRUN npm ci && npx tsc -b apps/api apps/jobs && npm run build -w @x/site\n\nFROM node:22-slim\nWORKDIR /opt/app\nCOPY --from=build /srv /opt/app\n',
    };
    const m = await inferMapping(memFs(two), buildSpec());
    assert.equal(m?.sourceRoot, '/ws', m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => e.includes('the workspace has 2 server packages (apps/api, apps/jobs): which one runs is set where it is run')), m?.evidence.join('\n'));
  });

  const PUBLISHED = {
    ...WORKSPACE,
    '/ws/package.json': JSON.stringify({ name: '@acme/shop', private: true, workspaces: ['apps/*'] }),
    '/ws/apps/jobs/package.json': JSON.stringify({ name: '@x/jobs', dependencies: { fastify: '^5' } }),
    '/ws/apps/api/start.sh': '#!/bin/sh\nset -e\nhere=$(pwd)\nexec node "$here/apps/api/dist/main.js"\n',
    // Every package compiled, then the front end built by name: the image is published with no start of its own.
    '/ws/Dockerfile': 'FROM node:22 AS build\nWORKDIR /srv\nCOPY . /srv\nRUN npm ci && npx tsc -b apps/api apps/jobs && npm run build -w @x/site\n\nFROM node:22-slim\nWORKDIR /opt/app\nCOPY --from=build /srv /opt/app\n',
    // The image published for self-hosting: FROM the one above, with the start.
    '/ws/Dockerfile.hosted': 'ARG BASE_TAG\nFROM acme/shop:${BASE_TAG}\nENV MODE=hosted\nCMD ["apps/api/start.sh"]\n',
  };

  test('a Dockerfile beside it FROM the image it builds (named like the project) gives the start: the server package that start runs', async () => {
    const m = await inferMapping(memFs(PUBLISHED), buildSpec());
    assert.deepEqual([m?.sourceRoot, m?.target], ['/ws/apps/api/src', '/opt/app/apps/api/dist'], m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => e.includes('Dockerfile.hosted beside it is FROM acme/shop:')), m?.evidence.join('\n'));
  });

  test('the image a package script tags the Dockerfile with links it as well, whatever the project is named', async () => {
    const fs = memFs({
      ...PUBLISHED,
      '/ws/package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*'], scripts: { image: 'docker build -t corp/backend:dev -f Dockerfile .' } }),
      '/ws/Dockerfile.hosted': PUBLISHED['/ws/Dockerfile.hosted'].replace('acme/shop', 'corp/backend'),
    });
    assert.equal((await inferMapping(fs, buildSpec()))?.sourceRoot, '/ws/apps/api/src');
  });

  test('a Dockerfile beside it FROM another image, two such Dockerfiles, or a build target other than the last stage: which one runs stays unknown', async () => {
    const other = { ...PUBLISHED, '/ws/Dockerfile.hosted': PUBLISHED['/ws/Dockerfile.hosted'].replace('acme/shop', 'acme/toolbox') };
    assert.equal((await inferMapping(memFs(other), buildSpec()))?.sourceRoot, '/ws');
    const two = { ...PUBLISHED, '/ws/worker.Dockerfile': 'FROM acme/shop\nCMD ["node", "apps/jobs/dist/main.js"]\n' };
    assert.equal((await inferMapping(memFs(two), buildSpec()))?.sourceRoot, '/ws');
    const m = await inferMapping(memFs(PUBLISHED), { ...buildSpec(), build: { context: '/ws', dockerfile: '/ws/Dockerfile', target: 'build' } });
    assert.ok(!m?.evidence.some((e) => e.includes('Dockerfile.hosted')), m?.evidence.join('\n'));
  });

  test('a start naming a file of a server package the build does not select, beside the front end it selects: that server', async () => {
    const direct = { ...PUBLISHED, '/ws/Dockerfile': `${PUBLISHED['/ws/Dockerfile']}CMD ["node", "apps/api/dist/main.js"]\n` };
    delete (direct as Record<string, string>)['/ws/Dockerfile.hosted'];
    const m = await inferMapping(memFs(direct), buildSpec());
    assert.deepEqual([m?.sourceRoot, m?.target], ['/ws/apps/api/src', '/opt/app/apps/api/dist'], m?.evidence.join('\n'));
  });
});
