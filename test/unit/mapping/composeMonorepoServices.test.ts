// Compose services of one monorepo, each built from the repository root with a Dockerfile in a
// sub-folder: the service's own package is its code, not a server package beside it. An image of
// the whole workspace whose services differ by the Nx target they run (`nx run api:serve`), with
// packages two levels down (pnpm-workspace `packages/<group>/<name>`); a Python back end and a
// front end whose Dockerfiles copy only sub-folders of the repository's src/ (one of which holds a
// Node server's workspace).
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { nxRunProjects } from '../../../src/core/mapping/buildProject';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const withCommand = (command: string[], dockerfile = '/ws/docker/Dockerfile'): ServiceSpec => ({ ...buildSpec(dockerfile), config: { command } as ServiceSpec['config'] });

const nxWorkspace = memFs({
  '/ws/package.json': JSON.stringify({ name: 'suite', private: true, devDependencies: { nx: '19' } }),
  '/ws/nx.json': '{}',
  '/ws/pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'packages/*/*'\n",
  '/ws/packages/gateway/package.json': JSON.stringify({ name: 'gateway', dependencies: { '@nestjs/core': '10' } }),
  '/ws/packages/gateway/project.json': JSON.stringify({ name: 'gateway', sourceRoot: 'packages/gateway/src', targets: { serve: {} } }),
  '/ws/packages/gateway/src/main.ts': "import { NestFactory } from '@nestjs/core';\n",
  '/ws/packages/services/jobs/package.json': JSON.stringify({ name: 'jobs', dependencies: { '@nestjs/core': '10' } }),
  '/ws/packages/services/jobs/project.json': JSON.stringify({ name: 'services-jobs', sourceRoot: 'packages/services/jobs/src', targets: { serve: {} } }),
  '/ws/packages/services/jobs/src/main.ts': "import { NestFactory } from '@nestjs/core';\n",
  '/ws/packages/web/editor/package.json': JSON.stringify({ name: 'web-editor', dependencies: { react: '18' } }),
  '/ws/packages/web/editor/project.json': JSON.stringify({ name: 'web-editor', sourceRoot: 'packages/web/editor/src', targets: { serve: {} } }),
  '/ws/packages/web/editor/src/main.tsx': 'export {};\n',
  '/ws/docker/Dockerfile': 'FROM node:20\nWORKDIR /data/project\nCOPY . .\nRUN pnpm install\n',
});

suite('compose services of one monorepo image, and Dockerfiles copying parts of src/', () => {
  test('nxRunProjects: the project of `nx run [options] <project>:<target>[:<config>]` and `nx serve <project>`', () => {
    assert.deepEqual(nxRunProjects('/entrypoint.sh nx run --verbose jobs:serve-engine:development'), ['jobs']);
    assert.deepEqual(nxRunProjects('nx serve gateway --port 3000'), ['gateway']);
    assert.deepEqual(nxRunProjects('nx run-many -t build'), []);
    // Any target (`nx <target> <project>`), and Nx run as node's script; Nx's own commands name no project.
    assert.deepEqual(nxRunProjects('pnpm exec nx dev site'), ['site']);
    assert.deepEqual(nxRunProjects('node_modules/nx/bin/nx.js serve queue-runner'), ['queue-runner']);
    assert.deepEqual(nxRunProjects('nx affected -t serve'), []);
    assert.deepEqual(nxRunProjects('nx graph --file=out.json'), []);
  });

  test('each service of one image runs the Nx target of its own project, found two folder levels down the workspace', async () => {
    const jobs = await inferMapping(nxWorkspace, withCommand(['nx', 'run', '--verbose', 'jobs:serve:development']));
    assert.equal(jobs?.sourceRoot, '/ws/packages/services/jobs/src', jobs?.evidence.join('\n'));
    const gateway = await inferMapping(nxWorkspace, withCommand(['nx', 'run', 'gateway:serve']));
    assert.equal(gateway?.sourceRoot, '/ws/packages/gateway/src', gateway?.evidence.join('\n'));
    const editor = await inferMapping(nxWorkspace, withCommand(['nx', 'run', 'web-editor:serve:development']));
    assert.equal(editor?.sourceRoot, '/ws/packages/web/editor/src', editor?.evidence.join('\n'));
  });

  test("Nx run as node's script from node_modules, where the workspace root itself depends on a server framework: the project's folder, not the root's", async () => {
    const files: Record<string, string> = {
      '/ws/package.json': JSON.stringify({ name: 'suite', private: true, dependencies: { express: '4' }, devDependencies: { nx: '19' } }),
      '/ws/nx.json': '{}',
      '/ws/packages/gateway/project.json': JSON.stringify({ name: 'gateway', sourceRoot: 'packages/gateway/src', targets: { serve: {} } }),
      '/ws/packages/gateway/src/main.ts': "import express from 'express';\nexpress().listen(3000);\n",
      '/ws/packages/runner/project.json': JSON.stringify({ name: 'runner', sourceRoot: 'packages/runner/src', targets: { serve: {} } }),
      '/ws/packages/runner/src/main.ts': "import express from 'express';\nexpress().listen(3001);\n",
      '/ws/docker/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN pnpm install\n',
    };
    const runner = await inferMapping(memFs(files), withCommand(['node_modules/nx/bin/nx.js', 'serve', 'runner']));
    assert.equal(runner?.sourceRoot, '/ws/packages/runner/src', runner?.evidence.join('\n'));
  });

  const split = memFs({
    '/ws/src/backend/manage.py': 'print("django")\n',
    '/ws/src/frontend/package.json': JSON.stringify({ name: 'front', private: true, workspaces: ['apps/*', 'servers/*'] }),
    '/ws/src/frontend/apps/site/package.json': JSON.stringify({ name: 'site', dependencies: { next: '15', react: '19' } }),
    '/ws/src/frontend/apps/site/src/pages/index.tsx': 'export default function Home() { return null; }\n',
    '/ws/src/frontend/servers/collab/package.json': JSON.stringify({ name: 'collab', dependencies: { express: '5' } }),
    '/ws/src/frontend/servers/collab/src/index.ts': "import express from 'express';\nexpress().get('/ping', (_q, r) => r.end()).listen(4444);\n",
    '/ws/Dockerfile': 'FROM python:3.13 AS build\nWORKDIR /app\nCOPY src/backend /app\nRUN pip install -r requirements.txt\nFROM python:3.13\nCOPY ./docker/entrypoint /usr/local/bin/entrypoint\nCOPY --from=build /app /app\nWORKDIR /app\nRUN python manage.py collectstatic\nCMD ["gunicorn"]\n',
    '/ws/src/frontend/Dockerfile': 'FROM node:22 AS deps\nWORKDIR /home/frontend\nCOPY ./src/frontend/package.json ./package.json\nRUN yarn install\nCOPY .dockerignore ./.dockerignore\nCOPY ./src/frontend/apps/site ./apps/site\nFROM deps AS dev\nWORKDIR /home/frontend/apps/site\nCMD ["yarn", "dev"]\n',
  });

  test("a Python back end copying src/backend: not the repository's src/ (which holds a Node server's workspace) at a guessed place", async () => {
    const m = await inferMapping(split, buildSpec('/ws/Dockerfile'));
    assert.notEqual(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.notEqual(m?.sourceRoot, '/ws', m?.evidence.join('\n'));
  });

  test('a front end copying one app of src/frontend (and a top-level dotfile): neither src/ nor the whole context is its source', async () => {
    const m = await inferMapping(split, buildSpec('/ws/src/frontend/Dockerfile'));
    assert.notEqual(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.notEqual(m?.sourceRoot, '/ws', m?.evidence.join('\n'));
  });
});

suite('a package built on the host, its manifest and compiled output copied', () => {
  test("`COPY package.json /app` then `COPY dist/esm /app`: the context's own package, its tsc output at the image's root (the manifest is no lone top-level file)", async () => {
    const fs = memFs({
      '/ws/server/package.json': JSON.stringify({ name: '@acme/server', type: 'module', dependencies: { fastify: '4' }, scripts: { run: 'node ./dist/esm/server.js' } }),
      // Its compiler settings extend a package's (not installed): no outDir read.
      '/ws/server/tsconfig.json': JSON.stringify({ extends: '@acme/tools/tsconfig.json', compilerOptions: { baseUrl: '.' }, include: ['**/*.ts'], exclude: ['node_modules', 'dist'] }),
      '/ws/server/server.ts': "import Fastify from 'fastify';\nFastify().get('/health', async () => 'ok').listen({ port: 3000 });\n",
      '/ws/server/server.dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json /app\nRUN yarn\nCOPY dist/esm /app\nCMD [ "node", "server.js" ]\n',
    });
    const m = await inferMapping(fs, { ...buildSpec('/ws/server/server.dockerfile'), build: { context: '/ws/server', dockerfile: '/ws/server/server.dockerfile' } });
    assert.equal(m?.sourceRoot, '/ws/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app', m?.evidence.join('\n'));
  });
});
