// A workspace whose root package is itself the server (its src/ built to dist/), its workspace
// packages only helpers (dev consoles that happen to use express) copied in for the install; the
// image starts the root's output through a start script and pm2; the build is Vite+'s `vp pack`
// (tsdown) configured to keep one file per module. Fixtures of our own.
import { buildSpec } from '../helpers/buildSpec';
import { assertMapping } from './assertMapping';

const VITE_CONFIG = [
  "import { defineConfig } from 'vite-plus';",
  'export default defineConfig({',
  "  build: { ssr: true },",
  "  pack: { entry: ['src/**/*.ts', '!src/**/*.test.ts'], platform: 'node', unbundle: true, outDir: 'dist' },",
  '});',
].join('\n');

const FILES: Record<string, string> = {
  '/ws/package.json': JSON.stringify({ name: 'farm', workspaces: ['packages/*'], main: 'dist/index.js', dependencies: { express: '5' }, devDependencies: { 'vite-plus': '1' }, scripts: { build: 'vp pack', start: 'node dist/index.js' } }),
  '/ws/vite.config.ts': VITE_CONFIG,
  '/ws/tsconfig.json': '{"compilerOptions":{"module":"nodenext"}}',
  '/ws/src/index.ts': '',
  '/ws/src/routes/printers.ts': '',
  '/ws/packages/tools/package.json': JSON.stringify({ name: '@farm/tools', dependencies: { express: '5' }, scripts: { build: 'vp pack', mock: 'node dist/mock.js' } }),
  '/ws/packages/tools/tsconfig.json': '{"include":["src"]}',
  '/ws/packages/tools/src/mock.ts': '',
  '/ws/docker/start.sh': '#!/bin/sh\nmkdir -p media\npm2 start dist/index.js --name farm --no-daemon\n',
  '/ws/docker/Dockerfile': [
    'FROM node:24 AS build',
    'WORKDIR /build',
    'COPY package.json vite.config.ts tsconfig.json ./',
    'COPY packages ./packages',
    'RUN yarn install',
    'COPY src/ ./src/',
    'RUN yarn run build',
    'FROM node:24 AS production',
    'WORKDIR /app',
    'RUN yarn global add pm2',
    'COPY package.json ./',
    'RUN yarn workspaces focus --production',
    'COPY --from=build /build/dist/ ./dist/',
    'COPY docker/start.sh /usr/local/bin/start.sh',
    'ENTRYPOINT ["sh", "/usr/local/bin/start.sh"]',
  ].join('\n'),
};

suite('mapping: a workspace root that is the server', () => {
  test("the image starts the root package's own output (pm2 start dist/index.js in a start script): the root's src, not a workspace package copied in for the install", async () => {
    await assertMapping(FILES, { sourceRoot: '/ws/src', target: '/app/dist', bundled: false }, buildSpec('/ws/docker/Dockerfile'));
  });

  test('pm2 runs JavaScript: an image starting it is no front end served without a JavaScript runner (the page package whose build it copies)', async () => {
    const files = {
      ...FILES,
      '/ws/package.json': JSON.stringify({ name: 'farm', workspaces: ['packages/*'], devDependencies: { 'vite-plus': '1' }, scripts: { build: 'vp pack', start: 'node dist/index.js' } }),
      '/ws/packages/tools/package.json': JSON.stringify({ name: '@farm/tools', dependencies: { vue: '3' }, scripts: { build: 'vite build' } }),
      '/ws/docker/Dockerfile': FILES['/ws/docker/Dockerfile']?.replace('COPY --from=build /build/dist/ ./dist/', 'COPY --from=build /build/dist/ ./dist/\nCOPY --from=build /build/packages/tools/dist ./public') ?? '',
    };
    await assertMapping(files, { sourceRoot: '/ws/src' }, buildSpec('/ws/docker/Dockerfile'));
  });

  test("Vite+'s `vp pack` with `unbundle: true` in vite.config's pack field is a build keeping one file per module: src/x.ts -> dist/x.js", async () => {
    const m = await assertMapping(FILES, { bundled: false, target: '/app/dist' }, buildSpec('/ws/docker/Dockerfile'));
    if (!m.evidence.some((e) => e.includes('vp pack'))) throw new Error(`no evidence of vp pack in:\n${m.evidence.join('\n')}`);
  });
});

