// A repository whose root package builds a front end and, through a script of its own, runs the
// build script of a server folder beside it (`cd server && yarn build`, or npm's --prefix, yarn's
// --cwd, pnpm's -C): that folder's package, its own build script read, is what the image runs,
// not the root's (which declares the framework only because it holds every dependency).
// Fixtures of our own.
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { folderScriptBuilds } from '../../../src/core/mapping/folderScriptBuilds';
import { memFs } from '../helpers/memFs';
import { assertMapping } from './assertMapping';

const WEBPACK = [
  "const path = require('path');",
  'module.exports = {',
  "  target: 'node',",
  "  entry: './main.ts',",
  "  output: { path: path.resolve(__dirname, '../dist/portal/server'), filename: 'main.js' },",
  '};',
].join('\n');

const DOCKERFILE = [
  'FROM node:22 AS build',
  'WORKDIR /app',
  'COPY . .',
  'RUN yarn install && yarn build',
  'FROM node:22',
  'WORKDIR /app',
  'COPY --from=build /app/dist ./dist',
  'CMD ["yarn", "start"]',
].join('\n');

/** The files, the root's script building the server folder being `buildServer`. */
const files = (buildServer: string, serverPkg: object = { name: 'server', scripts: { build: 'webpack --config ./webpack.server.js' } }): Record<string, string> => ({
  '/ws/package.json': JSON.stringify({
    name: 'portal',
    workspaces: ['server'],
    dependencies: { '@angular/core': '19', express: '5' },
    devDependencies: { webpack: '5', typescript: '5' },
    scripts: { build: 'ng build && yarn build:server', 'build:server': buildServer, start: 'node ./dist/portal/server/main.js' },
  }),
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist/out-tsc' } }),
  '/ws/src/main.ts': "import { bootstrapApplication } from '@angular/platform-browser';\n",
  '/ws/src/app/app.component.ts': '',
  '/ws/server/package.json': JSON.stringify(serverPkg),
  '/ws/server/webpack.server.js': WEBPACK,
  '/ws/server/main.ts': "import { app } from './app';\napp.listen(3000);\n",
  '/ws/server/app.ts': "import express from 'express';\nexport const app = express();\n",
  '/ws/server/routes/items.ts': "import { Router } from 'express';\nexport default Router();\n",
  '/ws/Dockerfile': DOCKERFILE,
});

suite('mapping: a server folder whose build script a root script runs there', () => {
  test('`cd server && yarn build` in a root script the RUN reaches: the server folder, bundled by its own webpack build into the file the image starts', async () => {
    const m = await assertMapping(files('cd server && yarn build'), { sourceRoot: '/ws/server', target: '/app/dist/portal/server', bundled: true });
    assert.ok(
      m.evidence.some((e) => e.includes('`yarn build` in server') && e.includes('build:server')),
      m.evidence.join('\n'),
    );
  });

  for (const command of ['npm --prefix server run build', 'yarn --cwd server build', 'pnpm -C server build', 'npm run build --prefix=server']) {
    test(`\`${command}\` names the folder as \`cd\` does`, async () => {
      await assertMapping(files(command), { sourceRoot: '/ws/server', target: '/app/dist/portal/server', bundled: true });
    });
  }

  test('the folder of a package declaring its own dependencies is a server by them', async () => {
    const pkg = { name: 'server', dependencies: { express: '5' }, scripts: { build: 'webpack --config ./webpack.server.js' } };
    await assertMapping(files('cd server && yarn build', pkg), { sourceRoot: '/ws/server', target: '/app/dist/portal/server' });
  });

  test('a folder declaring dependencies of its own, none a server framework, is not chosen by its build (a front end built beside the root)', async () => {
    const pkg = { name: 'server', dependencies: { 'react-dom': '19' }, scripts: { build: 'webpack --config ./webpack.server.js' } };
    const m = await assertMapping(files('cd server && yarn build', pkg), {});
    assert.ok(!m.evidence.some((e) => e.includes('`yarn build` in server')), m.evidence.join('\n'));
  });

  test('an image starting in another workspace package (its WORKDIR): the folder built is a library of it, not what runs', async () => {
    const base = files('cd server && yarn build');
    const fs = {
      ...base,
      '/ws/package.json': base['/ws/package.json']?.replace('"workspaces":["server"]', '"workspaces":["server","worker"]') ?? '',
      '/ws/worker/package.json': JSON.stringify({ name: 'worker', dependencies: { koa: '2', server: '*' } }),
      '/ws/worker/main.js': "const Koa = require('koa');\nnew Koa().listen(3000);\n",
      '/ws/Dockerfile': DOCKERFILE.replace('CMD ["yarn", "start"]', 'COPY --from=build /app/worker ./worker\nWORKDIR /app/worker\nCMD ["node", "main.js"]'),
    };
    const m = await assertMapping(fs, { sourceRoot: '/ws/worker' });
    assert.ok(!m.evidence.some((e) => e.includes('`yarn build` in server')), m.evidence.join('\n'));
  });

  test('two server folders built: the build says nothing of which one runs', async () => {
    const fs = { ...files('cd server && yarn build && cd ../worker && yarn build'), '/ws/worker/package.json': JSON.stringify({ name: 'worker', scripts: { build: 'tsc' } }), '/ws/worker/index.ts': "import Koa from 'koa';\n" };
    const m = await assertMapping(fs, {});
    assert.ok(!m.evidence.some((e) => e.includes('`yarn build` in')), m.evidence.join('\n'));
  });
});

suite('folderScriptBuilds: the scripts a build runs in another folder', () => {
  const run = async (fileMap: Record<string, string>, dockerfile: string) => folderScriptBuilds(memFs(fileMap), '/ws', parseDockerfile(dockerfile));
  const pkgs = {
    '/ws/package.json': JSON.stringify({ scripts: { build: 'yarn build:api', 'build:api': 'cd api; yarn compile', 'dev:api': 'cd api && yarn dev' } }),
    '/ws/api/package.json': JSON.stringify({ scripts: { compile: 'npm run bundle', bundle: 'esbuild main.ts', dev: 'nodemon' } }),
  };

  test('followed through the root scripts the RUN runs, each with the script of the package that runs it; a script of the folder itself is no other folder', async () => {
    const found = await run(pkgs, 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn build\n');
    assert.deepEqual(
      found.map((b) => [b.dir, b.script, b.via, b.line]),
      [['api', 'compile', 'build:api', 4]],
    );
  });

  test('a RUN line running a script in a folder directly (`cd api && yarn compile`); a script neither package has, or an absolute folder, is nothing', async () => {
    const found = await run(pkgs, 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN cd api && yarn compile && yarn missing\nRUN cd /opt/x && yarn compile\n');
    assert.deepEqual(
      found.map((b) => [b.dir, b.script, b.via]),
      [['api', 'compile', undefined]],
    );
  });

  test("a package manager's own command (`yarn install`, `npm ci`, `bun build`) runs no script", async () => {
    const found = await run({ ...pkgs, '/ws/api/package.json': JSON.stringify({ scripts: { install: 'x', ci: 'x', build: 'x' } }) }, 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn --cwd api install && npm --prefix api ci && bun --cwd api build\n');
    assert.deepEqual(found, []);
  });
});
