// A start that chains package scripts (`npm run wait:db && npm run serve`): each script is written
// out, so the program left running is the last command's, not a readiness check run before it
// (`while ! node lib/db-ready.js; do sleep 1; done`); nodemon given a folder starts its main, as node does.
import assert from 'node:assert/strict';
import { followScripts } from '../../../src/core/routes/serverApps';
import { startedScripts } from '../../../src/core/mapping/startedSource';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { assertMapping } from './assertMapping';

const SCRIPTS = {
  'start:when-ready': 'npm run db:wait && npm run serve:dev',
  'db:wait': 'while ! node lib/db-ready.js; do sleep 1; done',
  'serve:dev': 'nodemon --config .nodemonrc . | pino-pretty',
};

suite('mapping: chained package scripts', () => {
  test('every package script of a chain is written out, not only the first', () => {
    assert.deepEqual(followScripts(['npm', 'run', 'start:when-ready'], SCRIPTS, { hops: 2 }).join(' '), 'while ! node lib/db-ready.js; do sleep 1; done && nodemon --config .nodemonrc . | pino-pretty');
    // whole: a command that is more than the run is not followed
    assert.deepEqual(followScripts(['npm', 'run', 'db:wait', '&&', 'npm', 'run', 'serve:dev'], SCRIPTS, { hops: 2, whole: true }), ['npm', 'run', 'db:wait', '&&', 'npm', 'run', 'serve:dev']);
  });

  test('the files the start runs, nodemon given a folder starting its index.js', () => {
    const stage = parseDockerfile('FROM node:22\nWORKDIR /srv\nCOPY . .\nCMD ["npm", "run", "start:when-ready"]\n').stages.at(-1);
    assert.ok(stage);
    assert.deepEqual(startedScripts(stage, SCRIPTS), ['/srv/lib/db-ready.js', '/srv/index.js']);
  });

  test('the server is the last command of the chain: index.js at the top of the project, not the readiness check in lib/', async () => {
    await assertMapping(
      {
        '/ws/package.json': JSON.stringify({ name: 'api', main: 'index.js', dependencies: { fastify: '4' }, scripts: { ...SCRIPTS, start: 'node .' } }),
        '/ws/index.js': "const server = require('fastify')();\nserver.register(require('./lib/server'));\nserver.listen({ port: 5000 });\n",
        '/ws/lib/server.js': "module.exports = async function (app) {\n  app.get('/ping', async () => 'pong');\n};\n",
        '/ws/lib/db-ready.js': 'process.exit(0);\n',
        '/ws/Dockerfile': 'FROM node:22-alpine\nWORKDIR srv\nCOPY lib lib/\nCOPY index.js package.json ./\nRUN npm ci\nCMD ["npm", "run", "start:when-ready"]\n',
      },
      { sourceRoot: '/ws', target: '/srv', bundled: false },
    );
  });
});
