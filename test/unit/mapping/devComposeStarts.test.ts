// A development compose file building one Dockerfile for two services (an API and a front end's dev
// server), the repository bind-mounted over what the image copied: each service's start is read
// through the root package's scripts and the mounted files, as its container runs them.
import { assertMapping } from './assertMapping';
import type { DeclaredConfig, ServiceSpec } from '../../../src/core/model';

const DOCKERFILE = [
  'FROM node:20',
  'WORKDIR /srv/server',
  'COPY server/package.json .',
  'RUN npm install',
  'WORKDIR /srv/web',
  'COPY web/package.json .',
  'RUN npm install',
  'WORKDIR /srv/server',
  'COPY server/main.js .',
  'COPY server/routes ./routes',
  'WORKDIR /srv/web',
  'COPY web/src ./src',
  'WORKDIR /srv',
  '',
].join('\n');

const FILES = {
  '/ws/package.json': JSON.stringify({ scripts: { web: 'cd ./web && npm run serve', server: 'exec nodemon -e yml,js --watch ./conf --watch ./server -q server/main.js || true' }, devDependencies: { nodemon: '3' } }),
  '/ws/dev/Dockerfile': DOCKERFILE,
  '/ws/dev/start.sh': '#!/bin/bash\nnode -e \'require("./server/routes/setup")()\'\nexec npm run server\n',
  '/ws/server/package.json': JSON.stringify({ name: 'server', dependencies: { express: '4' } }),
  '/ws/server/main.js': "const app = require('./routes/app');\napp.listen(3000);\n",
  '/ws/server/routes/app.js': "const express = require('express');\nmodule.exports = express();\n",
  '/ws/server/routes/setup.js': 'module.exports = () => {};\n',
  '/ws/web/package.json': JSON.stringify({ name: 'web', scripts: { serve: 'vue-cli-service serve', build: 'vue-cli-service build' }, devDependencies: { '@vue/cli-service': '5' } }),
  '/ws/web/src/main.js': "import { createApp } from 'vue';\ncreateApp({}).mount('#app');\n",
};

/** A service of /ws/dev/compose.yaml building /ws/dev/Dockerfile with the context /ws, the repository mounted at /srv. */
function devService(name: string, start: Pick<DeclaredConfig, 'command' | 'entrypoint'>): ServiceSpec {
  const config: DeclaredConfig = { ...start, environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes: { '/srv': 'bind:/ws', [`/srv/${name}/node_modules`]: 'volume:' }, labels: {} };
  return { name, project: 'dev', projectDir: '/ws/dev', composeFiles: ['/ws/dev/compose.yaml'], ports: [], drift: {}, build: { context: '/ws', dockerfile: '/ws/dev/Dockerfile' }, config };
}

suite('development compose services over one Dockerfile', () => {
  test('a command running a root package script that goes into a package and runs its dev server (`npm run web` = `cd ./web && npm run serve`, `vue-cli-service serve`) runs the source: web/src as copied, not a bundle', async () => {
    await assertMapping(FILES, { sourceRoot: '/ws/web/src', target: '/srv/web/src', bundled: false, evidence: ['the image starts a dev server (vue-cli-service serve): it runs the source'] }, devService('web', { command: ['npm', 'run', 'web'] }));
  });

  test('an entrypoint script the image does not copy but the bind mount of the context shows (dev/start.sh) is read from the context; its nodemon start (`--watch ./server` takes a value) runs server/main.js', async () => {
    await assertMapping(
      FILES,
      { sourceRoot: '/ws/server', target: '/srv/server', bundled: false, evidence: ['the image starts dev/start.sh: npm run server, the command its start script dev/start.sh runs (read, not run)'] },
      devService('server', { entrypoint: ['dev/start.sh'] }),
    );
  });
});
