// An image whose server is the context's root package (`npm start` running its `node dist/server.js`)
// and which copies in, beside it, a browser bundle another stage builds in a folder with a package of
// its own (that package depends on express for a dev server): the root's build output is what runs,
// not that folder. Fixtures of our own.
import { assertMapping } from './assertMapping';

const ROOT_PKG = JSON.stringify({
  name: 'portal',
  dependencies: { express: '5' },
  devDependencies: { typescript: '5' },
  scripts: { build: 'tsc', start: 'node dist/server.js' },
});

const VIEWER_PKG = JSON.stringify({
  name: 'viewer',
  dependencies: { express: '5' },
  devDependencies: { esbuild: '0.25' },
  scripts: { build: 'esbuild src/index.ts --bundle --outfile=public/app.js' },
});

/** A three-stage build: the server's in `builder`, the viewer's bundle in `viewer` (by `viewerBuild`); `finalCopies` ends the last stage. */
const dockerfile = (finalCopies: string[], viewerBuild = 'RUN npm run build'): string =>
  [
    'FROM node:22 AS builder',
    'WORKDIR /app',
    'COPY package.json ./',
    'RUN npm ci',
    'COPY tsconfig.json ./',
    'COPY ./src ./src',
    'RUN npm run build',
    'FROM node:22 AS viewer',
    'WORKDIR /app/viewer',
    'COPY viewer/package.json ./',
    'COPY --from=builder app/src ../src',
    'RUN npm ci',
    'COPY viewer/src ./src',
    viewerBuild,
    'FROM node:22',
    'WORKDIR /app',
    'COPY --from=builder /app/package.json ./',
    'COPY --from=builder /app/dist/ dist',
    ...finalCopies,
    'COPY entrypoint.sh /entrypoint.sh',
    'CMD ["/entrypoint.sh"]',
  ].join('\n');

const files = (finalCopies: string[], viewerBuild?: string): Record<string, string> => ({
  '/ws/package.json': ROOT_PKG,
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist' }, include: ['src/**/*.ts'] }),
  '/ws/src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
  '/ws/src/routes/home.ts': "import { Router } from 'express';\nexport default Router();\n",
  '/ws/viewer/package.json': VIEWER_PKG,
  '/ws/viewer/src/index.ts': "document.title = 'viewer';\n",
  '/ws/viewer/dev.ts': "import express from 'express';\nexpress().listen(8080);\n",
  '/ws/entrypoint.sh': '#!/bin/sh\nset -e\nnpm start\n',
  '/ws/Dockerfile': dockerfile(finalCopies, viewerBuild),
});

suite('mapping: a browser bundle built in a stage of its own beside the root server', () => {
  test('the last stage copying the bundle in beside the root build output: the root package, its tsc output where the image starts it', async () => {
    await assertMapping(files(['COPY --from=viewer /app/viewer/public viewer/public']), { sourceRoot: '/ws/src', target: '/app/dist' });
  });

  test('the bundle copied elsewhere in the image changes nothing', async () => {
    await assertMapping(files(['COPY --from=viewer /app/viewer/public /opt/viewer']), { sourceRoot: '/ws/src', target: '/app/dist' });
  });

  test('the bundle built by a RUN of esbuild itself (the viewer package known only as the one copied into its stage\'s WORKDIR): the root package all the same', async () => {
    const run = 'RUN npx esbuild src/index.ts --bundle --outfile=public/app.js';
    await assertMapping(files(['COPY --from=viewer /app/viewer/public viewer/public'], run), { sourceRoot: '/ws/src', target: '/app/dist' });
  });

  test('without the bundle copied in, the same mapping (the rule only keeps a copy from deciding)', async () => {
    await assertMapping(files([]), { sourceRoot: '/ws/src', target: '/app/dist' });
  });
});
