// A pnpm workspace whose one build stage deploys two packages (`pnpm deploy` of each), one run stage
// per package; a server started as its folder (`node .`, the package's main); a build script whose
// server step is a script named with a dot (`build.server`).
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const spec = (target?: string): ServiceSpec => ({
  name: 'svc',
  project: 'p',
  projectDir: '/ws',
  composeFiles: [],
  ports: [],
  drift: {},
  build: { context: '/ws', dockerfile: '/ws/Dockerfile', ...(target !== undefined ? { target } : {}) },
});

const WORKSPACE = 'FROM node:20-slim AS base\nRUN corepack enable\n\nFROM base AS build\nCOPY . /usr/src/app\nWORKDIR /usr/src/app\nRUN pnpm install --frozen-lockfile\nRUN pnpm run build\nRUN pnpm deploy --filter=web --prod /prod/web\nRUN pnpm deploy --filter=jobs --prod /prod/jobs\n\nFROM base AS web\nCOPY --from=build /prod/web /prod/web\nWORKDIR /prod/web\nCOPY ./scripts/web-entry.sh /prod/web/entry.sh\nENTRYPOINT ["/prod/web/entry.sh"]\nCMD ["node", "dist/server.js"]\n\nFROM base AS jobs\nCOPY --from=build /prod/jobs /prod/jobs\nWORKDIR /prod/jobs\nCMD ["node", "dist/index.js"]\n';

const workspace = (webBuild: Record<string, string>) =>
  memFs({
    '/ws/package.json': JSON.stringify({ name: 'root', scripts: { build: 'turbo build' } }),
    '/ws/pnpm-workspace.yaml': 'packages:\n  - web\n  - jobs\n',
    '/ws/web/package.json': JSON.stringify({ name: 'web', dependencies: { hono: '^4' }, devDependencies: { vite: '^5' }, scripts: webBuild }),
    '/ws/web/src/server.ts': "import { Hono } from 'hono';\nexport default new Hono();\n",
    '/ws/jobs/package.json': JSON.stringify({ name: 'jobs', dependencies: { bullmq: '^5' }, devDependencies: { esbuild: '^0.20' }, scripts: { build: 'esbuild src/index.ts --bundle --platform=node --outfile=dist/index.js' } }),
    '/ws/jobs/src/index.ts': "import { Worker } from 'bullmq';\nnew Worker('q', async () => {});\n",
    '/ws/scripts/web-entry.sh': '#!/bin/sh\nexport REGION=eu\nexec "$@"\n',
    '/ws/Dockerfile': WORKSPACE,
  });

const SPLIT_BUILD = { build: 'pnpm run build.client && pnpm run build.server', 'build.client': 'vite build', 'build.server': 'vite build --ssr' };

suite('packages deployed by one build stage, one run stage each', () => {
  test('the run stage building the other package maps that package: the one whose deploy folder it copies', async () => {
    const m = await inferMapping(workspace(SPLIT_BUILD), spec('jobs'));
    assert.equal(m?.sourceRoot, '/ws/jobs/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/prod/jobs/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });

  test("another target's start script is not this image's evidence", async () => {
    const jobs = await inferMapping(workspace(SPLIT_BUILD), spec('jobs'));
    assert.ok(!jobs?.evidence.some((e) => e.includes('web-entry.sh')), jobs?.evidence.join('\n'));
    const web = await inferMapping(workspace(SPLIT_BUILD), spec('web'));
    assert.ok(web?.evidence.some((e) => e.includes('web-entry.sh')), web?.evidence.join('\n'));
  });

  test("a build script's server step named with a dot (build.server: vite build --ssr) bundles the server into the deployed dist", async () => {
    const m = await inferMapping(workspace(SPLIT_BUILD), spec('web'));
    assert.equal(m?.sourceRoot, '/ws/web/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/prod/web/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });

  test('a front-end step named with a dot (build.client) does not make the server a bundle', async () => {
    const m = await inferMapping(workspace({ build: 'pnpm run build.client && pnpm run build.server', 'build.client': 'vite build', 'build.server': 'tsc' }), spec('web'));
    assert.equal(m?.bundled, false, m?.evidence.join('\n'));
  });
});

const ROLLUP_CONFIG = "export default [\n  { input: 'src/server/index.ts', output: { file: 'dist/index.cjs', format: 'cjs' } },\n  { input: 'src/client/index.tsx', output: { file: 'dist/static/app.js', format: 'iife' } },\n];\n";
const STARTS_FOLDER = 'FROM node:20-alpine AS builder\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:20-alpine\nWORKDIR /app\nCOPY --from=builder /app/package.json ./\nCOPY --from=builder /app/dist ./dist\nCOPY --from=builder /app/node_modules ./node_modules\nCMD ["npm", "run", "start"]\n';

const startsFolder = (main: string | undefined) =>
  memFs({
    '/ws/package.json': JSON.stringify({ name: 'app', ...(main !== undefined ? { main } : {}), dependencies: { hono: '^4' }, devDependencies: { rollup: '^4' }, scripts: { build: 'rollup -c', start: 'NODE_ENV=production node .' } }),
    '/ws/rollup.config.mjs': ROLLUP_CONFIG,
    '/ws/src/server/index.ts': "import { Hono } from 'hono';\nexport default new Hono();\n",
    '/ws/src/client/index.tsx': '',
    '/ws/Dockerfile': STARTS_FOLDER,
  });

suite('an image starting its package folder (node .)', () => {
  test("node . runs the package's main: the rollup output the main names is what the image starts", async () => {
    const m = await inferMapping(startsFolder('dist/index.cjs'), spec());
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });

  test('with no main, node . runs index.js of the folder: the rollup output is not what it starts', async () => {
    const m = await inferMapping(startsFolder(undefined), spec());
    assert.notEqual(m?.target, '/app/dist', m?.evidence.join('\n'));
  });
});

suite('a relative pnpm deploy folder', () => {
  // The run stage deploys from a scratch WORKDIR into a sibling folder, then moves its WORKDIR there.
  const DEPLOY_FROM_SCRATCH =
    'FROM node:20-slim AS build\nWORKDIR /srv\nCOPY . .\nRUN pnpm install && pnpm -r build\n\nFROM node:20-slim AS api\nWORKDIR /srv/scratch\nCOPY --from=build /srv/apps ./apps\nCOPY --from=build /srv/package.json /srv/pnpm-workspace.yaml ./\nRUN pnpm --filter=api --prod deploy ../out/api\nWORKDIR /srv/out/api\nCMD ["node", "dist/main.js"]\n';
  const fs = memFs({
    '/ws/package.json': JSON.stringify({ name: 'root', scripts: { build: 'pnpm -r build' } }),
    '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
    '/ws/apps/api/package.json': JSON.stringify({ name: 'api', dependencies: { hono: '^4' }, scripts: { build: 'tsc', start: 'node dist/main.js' } }),
    '/ws/apps/api/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
    '/ws/apps/api/src/main.ts': "import { Hono } from 'hono';\nexport default new Hono();\n",
    '/ws/Dockerfile': DEPLOY_FROM_SCRATCH,
  });

  test("is resolved against the WORKDIR of its RUN, not the stage's later WORKDIR", async () => {
    const m = await inferMapping(fs, spec('api'));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/out/api/dist', m?.evidence.join('\n'));
  });
});

suite('a build stage that deploys the package and keeps it in the workspace too', () => {
  // The last stage takes the deploy folder's node_modules, but the build output from the workspace path.
  const KEPT_IN_WORKSPACE =
    'FROM node:20-slim\nWORKDIR /opt/src\nCOPY package.json pnpm-workspace.yaml ./\nCOPY services ./services\nRUN pnpm install && pnpm --filter @acme/gateway build && pnpm deploy --filter=@acme/gateway --prod /opt/deployed\n\nFROM node:20-slim\nWORKDIR /srv\nCOPY --from=0 /opt/deployed/node_modules ./node_modules\nCOPY --from=0 /opt/src/services/gateway/build ./build\nCOPY ecosystem.config.js ./\nCMD ["pm2-runtime", "start", "ecosystem.config.js"]\n';
  const fs = memFs({
    '/ws/package.json': JSON.stringify({ name: 'root', private: true }),
    '/ws/pnpm-workspace.yaml': 'packages:\n  - services/*\n',
    '/ws/services/gateway/package.json': JSON.stringify({ name: '@acme/gateway', dependencies: { express: '^5' }, scripts: { build: 'tsc' } }),
    '/ws/services/gateway/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'build' }, include: ['src/**/*'] }),
    '/ws/services/gateway/src/index.ts': "import express from 'express';\nexpress().listen(3000);\n",
    '/ws/Dockerfile': KEPT_IN_WORKSPACE,
  });

  test('a COPY --from of the workspace path finds the output there, not at the deploy copy', async () => {
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/services/gateway/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/build', m?.evidence.join('\n'));
  });
});

// A command-line package (no server framework of its own) deployed out of the workspace with the
// workspace servers it is built on: `pnpm --filter=<name> deploy` copies it, its servers injected
// into its node_modules, and the image starts its bin.
suite('a command-line package deployed with the workspace servers it is built on', () => {
  const files = (deploy: string, tail = 'COPY --from=build /prod ./\nENTRYPOINT ["node", "dist/bin/kite.js"]') =>
    memFs({
      '/ws/package.json': JSON.stringify({ name: 'root', private: true, scripts: { build: 'turbo run build' } }),
      '/ws/pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
      '/ws/packages/http/package.json': JSON.stringify({ name: '@kite/http', dependencies: { fastify: '^5' }, scripts: { build: 'tsc' } }),
      '/ws/packages/http/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: './src', outDir: './dist' } }),
      '/ws/packages/http/src/index.ts': "import Fastify from 'fastify';\nexport const serve = () => Fastify().listen({ port: 8080 });\n",
      '/ws/packages/panel/package.json': JSON.stringify({ name: '@kite/panel', dependencies: { '@fastify/static': '^8', react: '^19' }, scripts: { build: 'vite build' } }),
      '/ws/packages/panel/server/index.ts': 'export const panel = () => undefined;\n',
      '/ws/packages/cli/package.json': JSON.stringify({ name: 'kite', bin: { kite: './dist/bin/kite.js' }, files: ['dist'], dependencies: { '@kite/http': 'workspace:*', '@kite/panel': 'workspace:*', commander: '^12' }, scripts: { build: 'tsc' } }),
      '/ws/packages/cli/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: './src', outDir: './dist' } }),
      '/ws/packages/cli/src/bin/kite.ts': "import { serve } from '@kite/http';\nserve();\n",
      '/ws/Dockerfile': `FROM node:22-alpine AS deps\nWORKDIR /workspace\nCOPY package.json pnpm-workspace.yaml ./\nCOPY packages ./packages\nRUN pnpm install --frozen-lockfile\nFROM deps AS build\nRUN pnpm build\nRUN ${deploy}\nFROM node:22-alpine\nWORKDIR /home/node/app\n${tail}\n`,
    });

  test('`pnpm --filter=kite deploy --prod /prod` copied to the WORKDIR: the command-line package is what runs, not a server it depends on', async () => {
    const m = await inferMapping(files('pnpm --filter=kite deploy --prod --config.inject-workspace-packages=true /prod'), spec());
    assert.equal(m?.sourceRoot, '/ws/packages/cli/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/home/node/app/dist', m?.evidence.join('\n'));
  });

  test('the one deploy copied beside a server the image starts elsewhere (a worker beside it) is not what runs', async () => {
    const tail = 'COPY --from=build /workspace/packages/http ./http\nCOPY --from=build /prod ./tools\nCMD ["node", "http/dist/index.js"]';
    const m = await inferMapping(files('pnpm --filter=kite deploy --prod /prod', tail), spec());
    assert.equal(m?.sourceRoot, '/ws/packages/http/src', m?.evidence.join('\n'));
  });

  test('a deploy folder the image does not copy says nothing: a server the build holds is chosen as before', async () => {
    const m = await inferMapping(files('pnpm --filter=kite deploy --prod /elsewhere'), spec());
    assert.notEqual(m?.sourceRoot, '/ws/packages/cli/src', m?.evidence.join('\n'));
  });
});
