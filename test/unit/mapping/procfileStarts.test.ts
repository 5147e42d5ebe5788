// A yarn workspace copied whole into one image that builds only its front end (`yarn workspace
// shop build`), started by a process manager reading a Procfile (`nf start`, Heroku's way kept in
// the image): the process the Procfile declares runs the API package's script, so that package is
// the service's code, not the front end the build selects.
import assert from 'node:assert/strict';
import { assertMapping } from './assertMapping';
import { procfileCommands, procfileStarts } from '../../../src/core/mapping/procfile';
import type { DeclaredConfig, ServiceSpec } from '../../../src/core/model';

const FILES = {
  '/ws/package.json': JSON.stringify({ name: 'store', private: true, workspaces: ['shop', 'api'], scripts: { serve: 'nf start', 'serve:dev': 'nf start -j Procfile.local' }, dependencies: { foreman: '3' } }),
  '/ws/Procfile': 'web: yarn workspace api launch\n',
  '/ws/Procfile.local': '# both, reloading\nshop: yarn workspace shop dev\napi: yarn workspace api watch\n',
  '/ws/api/package.json': JSON.stringify({ name: 'api', scripts: { launch: 'node ./bin/serve', watch: 'nodemon ./bin/serve' }, dependencies: { express: '4' } }),
  '/ws/api/bin/serve': "#!/usr/bin/env node\nrequire('../app').listen(8080);\n",
  '/ws/api/app.js': "const express = require('express');\nmodule.exports = express();\n",
  '/ws/shop/package.json': JSON.stringify({ name: 'shop', scripts: { build: 'react-scripts build', dev: 'react-scripts start' }, dependencies: { react: '18', 'react-scripts': '5' } }),
  '/ws/shop/src/index.js': "import React from 'react';\n",
  '/ws/Dockerfile': ['FROM node:20', 'WORKDIR /srv/store', 'ADD . /srv/store', 'RUN yarn install && yarn workspace shop build', ''].join('\n'),
};

/** The service `store` of /ws/compose.yaml building /ws/Dockerfile, with the command compose gives it. */
function service(command: string[]): ServiceSpec {
  const config: DeclaredConfig = { command, environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes: {}, labels: {} };
  return { name: 'store', project: 'ws', projectDir: '/ws', composeFiles: ['/ws/compose.yaml'], ports: [], drift: {}, build: { context: '/ws', dockerfile: '/ws/Dockerfile' }, config };
}

suite('mapping: a Procfile started by a process manager names the package the image runs', () => {
  test("nf start reads ./Procfile: its web process runs the api package's script, so api is mapped, not the front end the build selects", async () => {
    await assertMapping(FILES, { sourceRoot: '/ws/api', target: '/srv/store/api', bundled: false }, service(['bash', '-c', 'yarn && yarn serve']));
  });

  test('-j names another Procfile: of its processes the server package is mapped', async () => {
    await assertMapping(FILES, { sourceRoot: '/ws/api', target: '/srv/store/api' }, service(['yarn', 'serve:dev']));
  });
});

suite('procfile: the process managers and the file they read', () => {
  test('each manager with its file option; process names kept, other options and their values skipped', () => {
    assert.deepEqual(procfileStarts('yarn && nf start -j Procfile.dev'), [{ file: 'Procfile.dev', processes: [] }]);
    assert.deepEqual(procfileStarts('foreman start web -f ops/Procfile -p 5000'), [{ file: 'ops/Procfile', processes: ['web'] }]);
    assert.deepEqual(procfileStarts('honcho start --procfile=Procfile.prod web,worker'), [{ file: 'Procfile.prod', processes: ['web', 'worker'] }]);
    assert.deepEqual(procfileStarts('heroku local -e .env.test'), [{ file: 'Procfile', processes: [] }]);
    assert.deepEqual(procfileStarts('node server.js'), []);
    assert.deepEqual(procfileStarts('npm start'), []);
  });

  test('the Procfile lines: name and command, comments and blank lines skipped, filtered by the processes named', () => {
    const text = '# processes\nweb: node app.js\n\nworker:   node jobs.js --queue=mail\nrelease: ./migrate.sh\n';
    assert.deepEqual(procfileCommands(text, []), ['node app.js', 'node jobs.js --queue=mail', './migrate.sh']);
    assert.deepEqual(procfileCommands(text, ['worker']), ['node jobs.js --queue=mail']);
  });
});
