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
