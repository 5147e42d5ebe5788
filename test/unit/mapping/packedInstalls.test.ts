// An image that installs the project's own package from a tarball copied into the build (`COPY
// *.tgz .`, made by `npm pack` outside the Dockerfile) and starts its bin from node_modules: the
// build output is in node_modules/<name>, and the evidence says the tarball's content is taken, not seen.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const files = (install: string, name = '@acme/boat-server') =>
  memFs({
    '/ws/package.json': JSON.stringify({ name, bin: { boat: './bin/boat' }, dependencies: { express: '4' }, scripts: { build: 'tsc' } }),
    '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
    '/ws/bin/boat': "#!/usr/bin/env node\nrequire('../dist').start();\n",
    '/ws/src/index.ts': "import express from 'express';\nexport const start = () => express().listen(3000);\n",
    '/ws/Dockerfile': `FROM node:22 AS installed\nWORKDIR /home/node/boat\nCOPY *.tgz .\nRUN ${install}\nFROM node:22-slim\nCOPY --from=installed /home/node/boat /home/node/boat\nWORKDIR /data\nENTRYPOINT ["/home/node/boat/node_modules/@acme/boat-server/bin/boat"]\n`,
  });

suite('the project installed from its own packed tarball', () => {
  test('`npm install "$t"` after `t=$(ls acme-boat-server-[0-9]*.tgz)`: src maps to node_modules/@acme/boat-server/dist, the tarball taken for this source', async () => {
    const m = await inferMapping(files('t=$(ls acme-boat-server-[0-9]*.tgz) && npm install "$t" && rm *.tgz'), buildSpec());
    const why = m?.evidence.join('\n') ?? '';
    assert.equal(m?.sourceRoot, '/ws/src', why);
    assert.equal(m?.target, '/home/node/boat/node_modules/@acme/boat-server/dist', why);
    assert.match(why, /tarball is made outside this Dockerfile/);
  });

  test('a tarball of another package (`npm install left-pad-1.3.0.tgz`) says nothing of where the project is', async () => {
    const m = await inferMapping(files('npm install left-pad-1.3.0.tgz'), buildSpec());
    assert.notEqual(m?.target, '/home/node/boat/node_modules/@acme/boat-server/dist', m?.evidence.join('\n'));
    assert.doesNotMatch(m?.evidence.join('\n') ?? '', /tarball is made outside/);
  });
});

// A Dockerfile in a workspace package's folder that installs that package's published release from
// the registry by its name (`npm install @acme/comments`) and starts a file of it: the package folder
// lands in node_modules/<name>, and the evidence says the release's version is not known from the files.
suite('a workspace package installed from the registry by its name', () => {
  const release = (install: string, start = 'node_modules/@acme/comments/vanilla.js') =>
    memFs({
      '/ws/package.json': JSON.stringify({ name: 'comments-root', private: true }),
      '/ws/pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
      '/ws/packages/server/package.json': JSON.stringify({ name: '@acme/comments', dependencies: { thinkjs: '4' } }),
      '/ws/packages/server/vanilla.js': "const Application = require('thinkjs');\nnew Application({ ROOT_PATH: __dirname }).run();\n",
      '/ws/packages/server/src/controller/comment.js': 'module.exports = class {};\n',
      '/ws/packages/web/package.json': JSON.stringify({ name: '@acme/web', dependencies: { vue: '3' }, devDependencies: { vite: '5' }, scripts: { build: 'vite build' } }),
      '/ws/packages/server/Dockerfile': `FROM node:lts AS build\nWORKDIR /app\nRUN set -eux; \\\n  ${install}\nFROM node:lts-slim\nWORKDIR /app\nCOPY --from=build /app .\nCMD ["node", "${start}"]\n`,
    });

  test('`npm install --production @acme/comments`: the package folder at /app/node_modules/@acme/comments, its release taken for this source', async () => {
    const m = await inferMapping(release('npm install --production --silent @acme/comments'), buildSpec('/ws/packages/server/Dockerfile'));
    const why = m?.evidence.join('\n') ?? '';
    assert.equal(m?.sourceRoot, '/ws/packages/server', why);
    assert.equal(m?.target, '/app/node_modules/@acme/comments', why);
    assert.match(why, /from the registry by its name .*which version the registry gives is not known from the files/);
  });

  test('a version after the name (`@acme/comments@latest`) names the same package', async () => {
    const m = await inferMapping(release('npm install @acme/comments@latest'), buildSpec('/ws/packages/server/Dockerfile'));
    assert.equal(m?.target, '/app/node_modules/@acme/comments', m?.evidence.join('\n'));
  });

  test('another package installed by name (`npm install @acme/commentsx`) is not this one', async () => {
    const m = await inferMapping(release('npm install @acme/commentsx', 'node_modules/@acme/commentsx/index.js'), buildSpec('/ws/packages/server/Dockerfile'));
    assert.notEqual(m?.target, '/app/node_modules/@acme/comments', m?.evidence.join('\n'));
    assert.doesNotMatch(m?.evidence.join('\n') ?? '', /from the registry by its name/);
  });
});
