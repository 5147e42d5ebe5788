// A Dockerfile at the root of a repository of packages side by side, building from the repository
// root: front-end stages each copy their own package in (`COPY admin-ui/. .`) and build it; the last
// stage copies its own package in the same way (`COPY static-host/. .`), takes the front ends'
// bundles and starts a plain JavaScript file of its package. Fixtures of our own.
import { assertMapping } from './assertMapping';
import { buildSpec } from '../helpers/buildSpec';

const dockerfile = (ownCopy: string) => `FROM node:20-alpine AS admin
WORKDIR /app
COPY admin-ui/package*.json ./
RUN npm ci
COPY admin-ui/. .
RUN npm run build

FROM node:20-alpine AS visitor
WORKDIR /app
COPY visitor-ui/package*.json ./
RUN npm ci
COPY visitor-ui/. .
RUN npm run build

FROM node:20-alpine
WORKDIR /app
COPY static-host/package*.json ./
RUN npm ci
${ownCopy}
COPY --from=admin /app/build/ /app/build
COPY --from=visitor /app/dist/ /app/build
CMD npm run serve
`;

const files = (ownCopy: string) => ({
  '/ws/package.json': JSON.stringify({ name: 'repo', private: true, scripts: { e2e: 'cypress run' } }),
  '/ws/admin-ui/package.json': JSON.stringify({ name: 'admin-ui', scripts: { build: 'webpack' }, devDependencies: { webpack: '^5' } }),
  '/ws/admin-ui/src/index.js': 'document.title = "admin";\n',
  '/ws/visitor-ui/package.json': JSON.stringify({ name: 'visitor-ui', scripts: { build: 'webpack' }, devDependencies: { webpack: '^5' } }),
  '/ws/visitor-ui/src/index.js': 'document.title = "visitor";\n',
  '/ws/api/package.json': JSON.stringify({ name: 'api', scripts: { start: 'node dist/app.js' }, dependencies: { express: '^4' } }),
  '/ws/api/app.ts': "import express from 'express';\nexpress().get('/api/ping', (_q, r) => r.send('ok')).listen(5000);\n",
  '/ws/static-host/package.json': JSON.stringify({ name: 'static-host', scripts: { serve: 'node app.js' }, dependencies: { 'serve-static': '^1', finalhandler: '^1' } }),
  '/ws/static-host/app.js': "const serve = require('serve-static')('build');\nrequire('http').createServer((q, r) => serve(q, r, () => r.end())).listen(8080);\n",
  '/ws/static-host/Dockerfile': dockerfile(ownCopy),
});

const spec = () => ({ ...buildSpec(), build: { context: '/ws', dockerfile: '/ws/static-host/Dockerfile' } });

suite('mapping: the package the running stage copies in, beside front-end stages copying theirs', () => {
  test('COPY static-host/. . (a folder\'s contents, written with /.) in the last stage: that package runs, not the repository root', async () => {
    await assertMapping(files('COPY static-host/. .'), { sourceRoot: '/ws/static-host', target: '/app', bundled: false }, spec());
  });

  test('the same written COPY static-host/ ./', async () => {
    await assertMapping(files('COPY static-host/ ./'), { sourceRoot: '/ws/static-host', target: '/app', bundled: false }, spec());
  });
});
