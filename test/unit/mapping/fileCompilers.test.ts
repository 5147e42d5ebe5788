// Per-file compilers run by a package script (babel, swc, esbuild without --bundle): where each writes the source root.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { mapSourceFile } from '../../../src/core/mapping/mapFile';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';
import { assertMapping } from './assertMapping';

const spec: ServiceSpec = { name: 'api', project: 'ws', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, build: { context: '/ws', dockerfile: '/ws/Dockerfile' } };

const project = (build: string, more: Record<string, string> = {}, files: Record<string, string> = {}) =>
  memFs({
    '/ws/package.json': JSON.stringify({ main: 'index.js', scripts: { ...more, build }, dependencies: { express: '4' }, devDependencies: { '@swc/cli': '0.3', '@swc/core': '1' } }),
    '/ws/index.js': "require('./src');\n",
    '/ws/src/index.js': "const express = require('express');\n",
    '/ws/src/routes/users.js': '',
    '/ws/Dockerfile': 'FROM node:18\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nRUN npm run build\nCMD ["npm", "start"]\n',
    ...files,
  });

suite('mapping: per-file compilers', () => {
  test('swc ./src -d dist keeps the path it was given below the out dir: src/x.js is dist/src/x.js', async () => {
    const m = await assertMapping(project('npx swc ./src -d dist'), { sourceRoot: '/ws/src', target: '/usr/src/app/dist/src' }, spec);
    assert.equal(mapSourceFile(m, '/ws/src/routes/users.js'), '/usr/src/app/dist/src/routes/users.js');
  });

  test('@swc/cli before 0.3.0 (^0.1.57) strips the input folder as babel does: `swc src -d dist`, run at start, writes src/x.js to dist/x.js', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ scripts: { build: 'swc src -d dist --copy-files', start: 'npm run build && node dist/server.js' }, dependencies: { express: '4' }, devDependencies: { '@swc/cli': '^0.1.57', '@swc/core': '1' } }),
      '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist', baseUrl: 'src' }, include: ['src/**/*.ts', '.env'] }),
      '/ws/src/server.ts': "import express from 'express';\n",
      '/ws/src/routes/users.ts': '',
      '/ws/Dockerfile': 'FROM node:18\nCOPY . ./app\nWORKDIR /app\nRUN npm install\nCMD ["npm", "run", "start"]\n',
    });
    const m = await assertMapping(fs, { sourceRoot: '/ws/src', target: '/app/dist' }, spec);
    assert.equal(mapSourceFile(m, '/ws/src/routes/users.ts'), '/app/dist/routes/users.js');
  });

  test('swc --strip-leading-paths writes the files straight below the out dir', async () => {
    await assertMapping(project('swc src --strip-leading-paths --out-dir build'), { target: '/usr/src/app/build' }, spec);
  });

  test('a watching swc script (swc src -w --out-dir dist) is for development: the build script places the output', async () => {
    await assertMapping(project('babel src -d lib', { 'watch-compile': 'swc src -w --out-dir dist' }), { target: '/usr/src/app/lib' }, spec);
  });

  test('babel src -d lib writes the files straight below the out dir', async () => {
    await assertMapping(project('babel src -d lib'), { target: '/usr/src/app/lib' }, spec);
    // Folders written with a trailing slash are the same folders.
    const slashed = await assertMapping(project('babel src/ -d lib/ --copy-files'), { target: '/usr/src/app/lib' }, spec);
    assert.equal(mapSourceFile(slashed, '/ws/src/routes/users.js'), '/usr/src/app/lib/routes/users.js');
  });

  test("esbuild over every file of a folder (`find src -name '*.ts'`, no --bundle) writes them below --outdir relative to their common folder, not where the tsconfig's tsc would", async () => {
    // tsc would keep src/ below build/: its inputs include tests/ too.
    const tsconfig = JSON.stringify({ compilerOptions: { outDir: 'build' }, include: ['src/**/*.ts', 'tests/**/*.ts'] });
    const build = "esbuild `find src \\( -name '*.ts' \\)` --platform=node --outdir=build --resolve-extensions=.js";
    const fs = project(build, { 'check:types': 'tsc --noEmit' }, { '/ws/tsconfig.json': tsconfig, '/ws/tests/a.test.ts': '' });
    const m = await assertMapping(fs, { sourceRoot: '/ws/src', target: '/usr/src/app/build' }, spec);
    assert.equal(mapSourceFile(m, '/ws/src/routes/users.js'), '/usr/src/app/build/routes/users.js');
  });

  test('esbuild with a glob and --outbase keeps the paths relative to the out base', async () => {
    await assertMapping(project("esbuild 'src/**/*.js' --outbase=. --outdir=dist --platform=node"), { target: '/usr/src/app/dist/src' }, spec);
  });
});

suite('mapping: per-file compilers beside a type-checking tsconfig', () => {
  test('a tsconfig with noEmit does not make a babel build a bundle: babel writes each file, tsc only checks types', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ scripts: { build: 'babel --out-dir ./.out ./src', start: 'node ./.out' }, dependencies: { 'acme-server': '1' } }),
      '/ws/tsconfig.json': '{"compilerOptions":{"noEmit":true,"checkJs":true},"include":["src"]}',
      '/ws/src/index.js': '',
      '/ws/Dockerfile': 'FROM node:22\nWORKDIR /srv\nCOPY . .\nRUN npm run build\nCMD ["npm", "start"]\n',
    });
    await assertMapping(fs, { target: '/srv/.out', bundled: false }, spec);
  });
});

suite('mapping: a per-file compiler names the source root', () => {
  // Our own layout: the server's sources in web/backend/lib, compiled beside them into web/backend/out.
  const fs = (start: string) =>
    memFs({
      '/ws/package.json': JSON.stringify({ workspaces: ['web'], scripts: { build: 'npm run build --workspaces', start: 'npm run start --workspace web' } }),
      '/ws/web/package.json': JSON.stringify({ name: 'web', scripts: { build: 'babel --extensions ".ts" --out-dir ./backend/out ./backend/lib', start }, dependencies: { '@hapi/hapi': '21' } }),
      '/ws/web/tsconfig.json': JSON.stringify({ compilerOptions: { noEmit: true }, files: [], references: [{ path: './backend' }] }),
      '/ws/web/backend/lib/main.ts': '',
      '/ws/web/backend/lib/routes/items.ts': '',
      '/ws/web/front/index.ts': '',
      '/ws/Dockerfile': 'FROM node:22 AS build\nWORKDIR /srv\nCOPY . .\nRUN npm run build\nFROM node:22\nWORKDIR /srv\nCOPY --from=build /srv/package.json ./\nCOPY --from=build /srv/web/package.json ./web/\nCOPY --from=build /srv/web/backend/out ./web/backend/out\nCMD ["npm", "start"]\n',
    });

  test('the folder babel compiles into the output holding the started file is the source root, its output where the image has it', async () => {
    const m = await assertMapping(fs('node ./backend/out/main.js'), { sourceRoot: '/ws/web/backend/lib', target: '/srv/web/backend/out', bundled: false }, spec);
    assert.equal(mapSourceFile(m, '/ws/web/backend/lib/routes/items.ts'), '/srv/web/backend/out/routes/items.js');
  });

  test('a started file outside the compiled output says nothing of the compiled folder', async () => {
    const m = await inferMapping(fs('node ./front/index.js'), spec);
    assert.notEqual(m?.sourceRoot, '/ws/web/backend/lib');
  });
});

suite('babel runs of a build shell script', () => {
  const files = (dev = 'bash tools/make-dev.sh') => ({
    '/ws/package.json': JSON.stringify({ scripts: { build: 'npm run build:release', 'build:release': 'bash tools/make-release.sh', dev } }),
    '/ws/tools/make-release.sh': '#!/bin/bash\nrm -rf out\npushd src\nbabel "*.js" \\\n    --config-file ../babel.config.js \\\n    --out-dir ../out/app\npopd\nbabel -d out/app/server src/server\nwebpack --config web.config.js\n',
    '/ws/tools/make-dev.sh': '#!/bin/bash\nbabel -d tmp/app/server src/server\n',
    '/ws/src/cli.js': "require('./server');\n",
    '/ws/src/server/index.js': "const express = require('express');\n",
    '/ws/Dockerfile': 'FROM node:20 AS build\nCOPY ./out/app /tmp/app\nWORKDIR /tmp/app\nRUN npm install --production\nFROM node:20\nWORKDIR /opt/app\nCOPY --from=build /tmp/app /opt/app\nCMD ["node", "/opt/app/cli.js"]\n',
  });

  test('the source root compiled in parts (`babel "*.js" --out-dir ../out/app` after `pushd src`, `babel -d out/app/server src/server`) is written below one folder: src at the place the image copies out/app to (the dev script\'s shell script, writing tmp/app/server, is no build)', async () => {
    await assertMapping(files(), { sourceRoot: '/ws/src', target: '/opt/app', bundled: false }, spec);
  });

});
