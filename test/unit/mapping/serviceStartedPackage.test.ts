// One image of a workspace (API, bot and a small static server of the front end's build), each
// program chosen by a compose service's command and working_dir: a service running `node serve.js`
// in the front end's folder runs that package's file, not the API package the build also selects.
import { assertMapping } from './assertMapping';
import { buildSpec } from '../helpers/buildSpec';

const files = {
  '/ws/package.json': JSON.stringify({ name: 'root', private: true }),
  '/ws/pnpm-workspace.yaml': 'packages:\n  - api\n  - web\n',
  '/ws/api/package.json': JSON.stringify({ name: '@x/api', dependencies: { express: '^4' }, scripts: { build: 'tsc --build', 'start-api': 'node dist/api/index.js' } }),
  '/ws/api/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: './src', outDir: './dist' } }),
  '/ws/api/src/api/index.ts': "import express from 'express';\nexpress().listen(3001);\n",
  '/ws/web/package.json': JSON.stringify({ name: '@x/web', dependencies: { fastify: '^4', vue: '^3' }, devDependencies: { vite: '^5' }, scripts: { build: 'vite build' } }),
  '/ws/web/serve.js': "import Fastify from 'fastify';\nconst app = Fastify();\napp.get('*', (req, reply) => reply.sendFile('index.html'));\napp.listen({ port: 3002 });\n",
  '/ws/web/src/main.ts': "import { createApp } from 'vue';\n",
  '/ws/Dockerfile': [
    'FROM node:24 AS build',
    'RUN npm install -g pnpm',
    'WORKDIR /srv',
    'COPY . /srv',
    'WORKDIR /srv/api',
    'RUN pnpm run build',
    'WORKDIR /srv/web',
    'RUN pnpm run build',
    'FROM node:24-alpine',
    'COPY --from=build /srv /srv',
    'WORKDIR /srv',
  ].join('\n'),
};
const config = (command: string[], workingDir: string) => ({ command, workingDir, environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes: {}, labels: {} });

suite('mapping: the workspace package a compose service starts a file of', () => {
  test("`node serve.js` in the front end's folder: that folder's file, as copied, not the API package the build selects", async () => {
    await assertMapping(files, { sourceRoot: '/ws/web', target: '/srv/web', bundled: false }, { ...buildSpec(), config: config(['node', 'serve.js'], '/srv/web') });
  });

  test("`npm run start-api` in the API's folder: the API's build output", async () => {
    await assertMapping(files, { sourceRoot: '/ws/api/src', target: '/srv/api/dist', bundled: false }, { ...buildSpec(), config: config(['npm', 'run', 'start-api'], '/srv/api') });
  });
});
