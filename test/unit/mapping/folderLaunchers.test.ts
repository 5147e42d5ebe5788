// A plain JavaScript launcher in a folder of its own (`bin/cli.js`, the package's bin) that loads
// only modules outside that folder (`../server/start.js`), started by its absolute path from another
// WORKDIR: the launcher's folder holds no server code, what it loads does.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const DOCKERFILE = 'FROM node:22\nWORKDIR /usr/src/tool\nCOPY package.json ./\nRUN npm i --omit dev\nCOPY . /usr/src/tool\nWORKDIR /\nENTRYPOINT ["/usr/src/tool/bin/cli.js"]\n';

const files = (start: string, extra: Record<string, string> = {}) =>
  memFs({
    '/ws/package.json': JSON.stringify({ name: 'tool', type: 'module', bin: { tool: 'bin/cli.js' }, dependencies: { express: '5' } }),
    '/ws/bin/cli.js': `#!/usr/bin/env node\nimport pkg from '../package.json' with { type: 'json' };\n${start}`,
    '/ws/server/start.js': "import express from 'express';\nimport { routes } from './routes.js';\nexport const start = () => express().use(routes).listen(8000);\n",
    '/ws/server/routes.js': "import { Router } from 'express';\nexport const routes = Router();\n",
    '/ws/server/routes.spec.js': "import { fixture } from '../test/fixture.js';\n",
    '/ws/test/fixture.js': 'export const fixture = {};\n',
    '/ws/Dockerfile': DOCKERFILE,
    ...extra,
  });

const mapped = async (fs: ReturnType<typeof files>) => {
  const m = await inferMapping(fs, buildSpec());
  return { root: m?.sourceRoot, target: m?.target, why: m?.evidence.join('\n') ?? '' };
};

suite('a launcher in a folder of its own', () => {
  test('bin/cli.js loading only ../server/start.js, whose modules load only each other (a spec loading ../test aside): server is the source', async () => {
    const m = await mapped(files("import { start } from '../server/start.js';\nstart();\n"));
    assert.equal(m.root, '/ws/server', m.why);
    assert.equal(m.target, '/usr/src/tool/server', m.why);
  });

  test('the server modules loading ../common/clock.js beside server: the package folder is the source', async () => {
    const m = await mapped(files("import { start } from '../server/start.js';\nstart();\n", { '/ws/server/routes.js': "import { Router } from 'express';\nimport { now } from '../common/clock.js';\nexport const routes = Router();\nnow();\n", '/ws/common/clock.js': 'export const now = () => Date.now();\n' }));
    assert.equal(m.root, '/ws', m.why);
    assert.equal(m.target, '/usr/src/tool', m.why);
  });

  test('bin/cli.js loading ../server/start.js and ../common/clock.js: the package folder is the source', async () => {
    const m = await mapped(files("import { start } from '../server/start.js';\nimport { now } from '../common/clock.js';\nstart(now());\n", { '/ws/common/clock.js': 'export const now = () => Date.now();\n' }));
    assert.equal(m.root, '/ws', m.why);
  });

  test('a start file loading a module of its own folder (./options.js) and a helper beside it using no server framework (../common/clock.js) is the server code itself: its folder stays the source', async () => {
    const m = await mapped(files("import { options } from './options.js';\nimport { now } from '../common/clock.js';\nexport const started = now(options);\n", { '/ws/bin/options.js': 'export const options = {};\n', '/ws/common/clock.js': 'export const now = () => Date.now();\n' }));
    assert.equal(m.root, '/ws/bin', m.why);
  });

  test('a start file loading a module of its own folder (./options.js) and the server beside it (../server/start.js, using express): the server code spans the package folder', async () => {
    const m = await mapped(files("import { options } from './options.js';\nimport { start } from '../server/start.js';\nstart(options);\n", { '/ws/bin/options.js': 'export const options = {};\n' }));
    assert.equal(m.root, '/ws', m.why);
    assert.equal(m.target, '/usr/src/tool', m.why);
  });

  test("bin/cli.js loading the package itself (require('..')), whose main is server/start.js: server is the source", async () => {
    const fs = files("const { start } = require('..');\nstart();\n", {
      '/ws/package.json': JSON.stringify({ name: 'tool', main: 'server/start.js', bin: { tool: 'bin/cli.js' }, dependencies: { express: '5' } }),
      '/ws/bin/cli.js': "#!/usr/bin/env node\nconst fs = require('fs');\nconst { start } = require('..');\nstart(fs);\n",
    });
    const m = await mapped(fs);
    assert.equal(m.root, '/ws/server', m.why);
    assert.equal(m.target, '/usr/src/tool/server', m.why);
  });

  test("require('..') of a package with no main loads its index.js, at the package's top: no single folder, the package folder is the source", async () => {
    const fs = files('', {
      '/ws/package.json': JSON.stringify({ name: 'tool', bin: { tool: 'bin/cli.js' }, dependencies: { express: '5' } }),
      '/ws/bin/cli.js': "#!/usr/bin/env node\nrequire('..').start();\n",
      '/ws/index.js': "module.exports = require('./server/start.js');\n",
    });
    const m = await mapped(fs);
    assert.equal(m.root, '/ws', m.why);
  });
});
