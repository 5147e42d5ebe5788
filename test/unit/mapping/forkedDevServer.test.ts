// A dev container running the bind-mounted project with `npm start`, whose script starts a bundler's
// dev server in a tools folder; a module that server loads forks the app's own server file from a
// folder beside it (`fork(path.join(__dirname, '../app/server/main'))`). The app's code is the
// forked file's folder, not the tools folder.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { DeclaredConfig, ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const DEV_IMAGE = 'FROM node:20\nWORKDIR /code\nCOPY package.json package-lock.json ./\nRUN npm ci\nCMD ["npm", "start"]\n';

const files = (restart: string) =>
  memFs({
    '/ws/package.json': JSON.stringify({ dependencies: { koa: '2', webpack: '5' }, scripts: { start: 'node ./tools/serve.js', build: 'webpack' } }),
    '/ws/Dockerfile.dev': DEV_IMAGE,
    '/ws/tools/serve.js': "const Koa = require('koa');\nconst config = require('./config');\nconst app = new Koa();\napp.use(devMiddleware(config));\napp.listen(3001);\n",
    '/ws/tools/config.js': "const restart = require('./hooks/restart');\nmodule.exports = { entry: './app/client.js', plugins: [restart] };\n",
    '/ws/tools/hooks/restart.js': restart,
    '/ws/app/server/main.js': "const Koa = require('koa');\nconst router = require('./routes');\nnew Koa().use(router.routes()).listen(3000);\n",
    '/ws/app/server/routes.js': "const Router = require('koa-router');\nmodule.exports = new Router().get('/health', h);\n",
    '/ws/app/client.js': "document.title = 'x';\n",
    '/ws/dist/server.js': '',
  });

const mounted: ServiceSpec = {
  ...buildSpec('/ws/Dockerfile.dev'),
  config: { environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes: { '/code': 'bind:/ws', '/code/node_modules': 'volume:' }, labels: {} } satisfies DeclaredConfig,
};

suite('a started dev server forking the app server', () => {
  test("maps the forked file's top folder, not the dev server's", async () => {
    const m = await inferMapping(files("const cp = require('child_process');\nconst path = require('path');\nmodule.exports = () => cp.fork(path.join(__dirname, '../../app/server/main'));\n"), mounted);
    assert.equal(m?.sourceRoot, '/ws/app', m?.evidence.join('\n'));
    assert.equal(m?.target, '/code/app', m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => e.includes('app/server/main.js as a child process')), m?.evidence.join('\n'));
  });

  test("keeps the dev server's folder when what it forks is a build's output", async () => {
    const m = await inferMapping(files("const cp = require('child_process');\nconst path = require('path');\nmodule.exports = () => cp.fork(path.join(__dirname, '../../dist/server.js'));\n"), mounted);
    assert.equal(m?.sourceRoot, '/ws/tools', m?.evidence.join('\n'));
  });
});
