// One package holding both an API (express) and the single-page front end it ships, with an image
// per program: the front end's Dockerfile builds the bundle in a node stage and copies it into a
// static file server's image (nginx). That container runs no JavaScript, so it answers none of the
// API's routes, though it was built from the same package; the API's own image still does.
import assert from 'node:assert/strict';
import { serverSourceRoots, servesFilesOnly } from '../../../src/core/gather/workspaceFiles';
import { memFs } from '../helpers/memFs';
import type { ServiceSpec } from '../../../src/core/model';

const FILES = {
  '/ws/package.json': JSON.stringify({ name: 'atlas', scripts: { 'build:web': 'webpack --config web.webpack.js', 'start:api': 'node ./out-api/main.js' }, dependencies: { express: '4', react: '18' }, devDependencies: { webpack: '5' } }),
  '/ws/src/api/main.ts': "import express from 'express';\nconst app = express();\napp.get('/maps', (_req, res) => res.json([]));\napp.listen(4000);\n",
  '/ws/src/web/index.tsx': "import React from 'react';\n",
  '/ws/ops/web.Dockerfile': ['FROM node:20 AS bundle', 'WORKDIR /src', 'COPY . .', 'RUN npm ci && npm run build:web', 'FROM nginx:1.27-alpine', 'COPY --from=bundle /src/out-web /usr/share/nginx/html', 'COPY ops/site.conf /etc/nginx/conf.d/default.conf', ''].join('\n'),
  '/ws/ops/web-ssr.Dockerfile': ['FROM node:20 AS bundle', 'WORKDIR /src', 'COPY . .', 'RUN npm ci && npm run build:web', 'FROM nginx:1.27-alpine', 'RUN apk add --no-cache nodejs npm', 'COPY --from=bundle /src /srv', 'CMD ["sh", "-c", "nginx && node /srv/out-api/main.js"]', ''].join('\n'),
  '/ws/ops/api.Dockerfile': ['FROM node:20', 'WORKDIR /srv', 'COPY . .', 'RUN npm ci', 'CMD ["npm", "run", "start:api"]', ''].join('\n'),
};

/** The service `name` of /ws/compose.yaml built from the whole repository with ops/<dockerfile>. */
const service = (name: string, dockerfile: string): ServiceSpec => ({ name, project: 'ws', projectDir: '/ws', composeFiles: ['/ws/compose.yaml'], ports: [], drift: {}, build: { context: '/ws', dockerfile: `/ws/ops/${dockerfile}` } });

suite('gather: an image of a static file server serves files only', () => {
  test("the front end's nginx image built from the API's package: no server folder's routes are its", async () => {
    const web = service('web', 'web.Dockerfile');
    assert.equal(await servesFilesOnly(memFs(FILES), web, web.build ?? { context: '', dockerfile: '' }), true);
    assert.deepEqual(await serverSourceRoots(memFs(FILES), web), []);
  });

  test('the same package built into its own node image is still read as the server', async () => {
    const api = service('api', 'api.Dockerfile');
    assert.equal(await servesFilesOnly(memFs(FILES), api, api.build ?? { context: '', dockerfile: '' }), false);
    assert.notDeepEqual(await serverSourceRoots(memFs(FILES), api), []);
  });

  test('an nginx image that installs node over it runs JavaScript too: not files only', async () => {
    const both = service('both', 'web-ssr.Dockerfile');
    assert.equal(await servesFilesOnly(memFs(FILES), both, both.build ?? { context: '', dockerfile: '' }), false);
  });
});
