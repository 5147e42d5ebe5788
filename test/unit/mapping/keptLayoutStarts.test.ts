// A final stage that copies folders of the build stage's workspace each to the same place below
// its WORKDIR's root (`COPY --from=build /build/apps/web ./apps/web` in /srv) keeps the workspace's
// layout: the package it starts in (WORKDIR /srv/apps/web + `bun run start`) is the image's code,
// not a shared package the build made first in its own WORKDIR.
import { assertMapping } from './assertMapping';

const WORKSPACE = {
  '/ws/package.json': JSON.stringify({ name: 'mono', private: true, workspaces: { packages: ['apps/*', 'packages/*'] } }),
  '/ws/packages/client/package.json': JSON.stringify({ name: '@mono/client', peerDependencies: { react: '19', vue: '3' }, devDependencies: { react: '19', vue: '3' }, scripts: { build: 'tsc' } }),
  '/ws/packages/client/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist' }, include: ['src'] }),
  '/ws/packages/client/src/index.ts': 'export const get = () => fetch("/x");\n',
  '/ws/apps/web/package.json': JSON.stringify({ name: '@mono/web', dependencies: { next: '15', react: '19', 'react-dom': '19' }, scripts: { build: 'next build', start: 'next start' } }),
  '/ws/bun.lock': '{}',
  '/ws/apps/web/app/page.tsx': 'export default function Page() { return null; }\n',
};

const image = [
  'FROM oven/bun AS build',
  'COPY package.json bun.lock /build/',
  'COPY apps/web /build/apps/web',
  'COPY packages/ /build/packages',
  'WORKDIR /build',
  'RUN bun install',
  'WORKDIR /build/packages/client',
  'RUN bun run build',
  'WORKDIR /build/apps/web',
  'RUN bun run build',
  'FROM oven/bun',
  'WORKDIR /srv',
  'COPY --from=build /build/node_modules ./node_modules',
  'COPY --from=build /build/apps/web ./apps/web',
  'COPY --from=build /build/packages ./packages',
  'WORKDIR /srv/apps/web',
  'CMD ["bun", "run", "start"]',
];

suite('mapping: a final stage keeping the workspace layout of the stage it copies from', () => {
  test('the app the image starts in is the project, not the package built before it', async () => {
    await assertMapping({ ...WORKSPACE, '/ws/Dockerfile': image.join('\n') }, { sourceRoot: '/ws/apps/web', target: '/srv/apps/web/.next', bundled: true, evidence: ['the image starts a file of workspace package apps/web'] });
  });
});

// A server run from its TypeScript source by Node's type stripping, its folder and a shared one copied
// out of src (not the front end beside them): the folder holding the started file is the source root.
suite('mapping: a source folder copied only in part, its started file run as copied', () => {
  const files = {
    '/ws/package.json': JSON.stringify({ name: 'scrobbler', type: 'module', scripts: { build: 'tsc -p src/server && vite build' }, dependencies: { express: '5' }, devDependencies: { vite: '7', typescript: '5' } }),
    '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { noEmit: true, allowImportingTsExtensions: true }, include: ['src'] }),
    '/ws/src/server/index.ts': "import express from 'express';\nimport { tag } from '../shared/tag.ts';\nexpress().get('/', (_q, r) => r.send(tag)).listen(9000);\n",
    '/ws/src/shared/tag.ts': "export const tag = 'x';\n",
    '/ws/src/web/main.tsx': 'export {};\n',
    '/ws/Dockerfile': [
      'FROM node:24 AS build',
      'WORKDIR /app',
      'COPY . /app',
      'RUN npm ci && npm run build',
      'FROM node:24',
      'WORKDIR /app',
      'COPY package*.json ./',
      'COPY --from=build /app/dist /app/dist',
      'COPY --from=build /app/src/server /app/src/server',
      'COPY --from=build /app/src/shared /app/src/shared',
      'RUN npm ci --omit=dev',
      'CMD ["node", "/app/src/server/index.ts"]',
    ].join('\n'),
  };

  test('the started file\'s folder src/server, as copied, not the whole src', async () => {
    await assertMapping(files, { sourceRoot: '/ws/src/server', target: '/app/src/server', bundled: false });
  });
});
