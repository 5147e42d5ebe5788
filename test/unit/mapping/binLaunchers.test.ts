// A plain JavaScript server started through a file in a folder of its package (`node ./bin/www`,
// Express's generator layout) that loads the app beside that folder (`require('../app')`) and
// modules of its src (`require('../src/components/log')`): the whole package is the source.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const files = (www: string) =>
  memFs({
    '/ws/package.json': JSON.stringify({ name: 'api', dependencies: { express: '4' }, scripts: { build: 'echo Nothing to build', start: 'node ./bin/www' } }),
    '/ws/bin/www': `#!/usr/bin/env node\n${www}`,
    '/ws/app.js': "const express = require('express');\nconst v1 = require('./src/routes/v1');\nconst app = express();\napp.use('/api/v1', v1);\nmodule.exports = app;\n",
    '/ws/src/routes/v1.js': "const router = require('express').Router();\nrouter.get('/ping', (req, res) => res.send('pong'));\nmodule.exports = router;\n",
    '/ws/src/components/log.js': 'module.exports = () => console;\n',
    '/ws/src/server.js': "require('express')().listen(3000);\n",
    '/ws/Dockerfile': 'FROM node:20\nWORKDIR /opt/app\nCOPY . /opt/app\nRUN npm ci\nCMD ["node", "./bin/www"]\n',
  });

suite('a start file in bin/ loading several parts of its package', () => {
  test('bin/www loading ../app and ../src/components/log: the package folder is the source, copied as is', async () => {
    const m = await inferMapping(files("const app = require('../app');\nconst log = require('../src/components/log')(module.filename);\nrequire('http').createServer(app).listen(3000);\n"), buildSpec());
    assert.equal(m?.sourceRoot, '/ws', m?.evidence.join('\n'));
    assert.equal(m?.target, '/opt/app', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test("a server file in a folder of its own (server/server.js, started by npm start, reading ../package.json and ../extra/util) keeps its folder as the source", async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ name: 'kuma', main: 'server/server.js', dependencies: { express: '4' }, scripts: { start: 'node server/server.js' } }),
      '/ws/server/server.js': "const pkg = require('../package.json');\nconst util = require('../extra/util');\nconst routes = require('./routes');\nrequire('express')().use(routes).listen(3001);\n",
      '/ws/server/routes.js': "module.exports = require('express').Router();\n",
      '/ws/extra/util.js': 'module.exports = {};\n',
      '/ws/src/main.js': 'console.log("front end");\n',
      '/ws/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["npm", "start"]\n',
    });
    const m = await inferMapping(fs, buildSpec());
    assert.equal(m?.sourceRoot, '/ws/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/server', m?.evidence.join('\n'));
  });

  test('bin/www loading only ../src/server launches src: src is the source', async () => {
    const m = await inferMapping(files("require('../src/server');\n"), buildSpec());
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/opt/app/src', m?.evidence.join('\n'));
  });
});

suite('a TypeScript server file at the package root loading its app and src', () => {
  const ts = (server: string) =>
    memFs({
      '/ws/package.json': JSON.stringify({ name: 'api', main: 'server.ts', dependencies: { express: '5' }, devDependencies: { typescript: '5' }, scripts: { build: 'tsc --project tsconfig.json', start: 'tsx ./server.ts' } }),
      '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './sbin', rewriteRelativeImportExtensions: true } }),
      '/ws/server.ts': server,
      '/ws/app.ts': "import express from 'express';\nimport v1 from './src/routes/v1.ts';\nconst app = express();\napp.use('/api/v1', v1);\nexport default app;\n",
      '/ws/src/routes/v1.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/ping', (_req, res) => res.send('pong'));\nexport default router;\n",
      '/ws/src/utils/log.ts': 'export default () => console;\n',
      '/ws/Dockerfile': 'FROM node:24 AS build\nWORKDIR /opt/app\nCOPY . ./\nRUN npm ci && npm run build\nFROM node:24\nWORKDIR /opt/app\nCOPY --from=build /opt/app/sbin ./sbin\nCMD ["node", "./sbin/server.js"]\n',
    });

  test('main server.ts importing ./app.ts and ./src/utils/log.ts: the package folder is the source, compiled into sbin', async () => {
    const m = await inferMapping(ts("import { createServer } from 'node:http';\nimport app from './app.ts';\nimport log from './src/utils/log.ts';\ncreateServer(app).listen(3000);\n"), buildSpec());
    assert.equal(m?.sourceRoot, '/ws', m?.evidence.join('\n'));
    assert.equal(m?.target, '/opt/app/sbin', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });
});
