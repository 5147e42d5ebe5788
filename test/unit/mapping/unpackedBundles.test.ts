// A backend package bundled by `backstage-cli package build` (rollup: src -> dist/index.cjs.js, its
// package.json main), the bundle tarball it writes unpacked in a build stage and that folder copied
// to the WORKDIR: the tarball keeps the workspace layout, so the image started with the package's
// folder (`node packages/api`) runs packages/api/dist/index.cjs.js there. Fixtures of our own.
import { assertMapping } from './assertMapping';

const dockerfile = [
  'FROM node:22 AS build',
  'WORKDIR /app',
  'COPY . .',
  'RUN yarn install --immutable',
  'RUN yarn --cwd packages/api build',
  'RUN mkdir packages/api/dist/bundle && tar xzf packages/api/dist/bundle.tar.gz -C packages/api/dist/bundle',
  'FROM node:22',
  'WORKDIR /app',
  'COPY --from=build /app/yarn.lock /app/package.json ./',
  'COPY --from=build /app/packages/api/dist/bundle/ ./',
  'COPY packages/api/src/tracing.js ./',
  'CMD ["sh", "-c", "node --require ./tracing.js packages/api --config settings.yaml"]',
].join('\n');

const files = (build: string) => ({
  '/ws/package.json': JSON.stringify({ name: 'portal', private: true, workspaces: ['packages/*'] }),
  '/ws/packages/api/package.json': JSON.stringify({ name: 'api', main: 'dist/index.cjs.js', scripts: { build, start: 'node src/index.ts' }, dependencies: { express: '^4' } }),
  '/ws/packages/api/src/index.ts': "import express from 'express';\nexpress().listen(7000);\n",
  '/ws/packages/api/src/tracing.js': "require('./otel');\n",
  '/ws/Dockerfile': dockerfile,
});

suite('mapping: a bundle tarball unpacked in the build and copied whole', () => {
  test('backstage-cli package build bundles; `node packages/api` runs its main, dist/index.cjs.js, at the workspace path in the image', async () => {
    await assertMapping(files('backstage-cli package build'), { sourceRoot: '/ws/packages/api/src', target: '/app/packages/api/dist', bundled: true });
  });
});
