// A TypeScript project compiled whole (tsconfig rootDir "./", outDir "./build") whose start script
// runs the output of a file outside its src folder (`node bin/server.js` from bin/server.ts, the
// package.json copied into build/ beside it, as AdonisJS builds): the project folder is the source,
// not src. Fixtures of our own.
import { assertMapping } from './assertMapping';

const DOCKERFILE = [
  'FROM node:22-alpine AS build',
  'WORKDIR /srv',
  'COPY . .',
  'RUN npm ci && npm run build',
  'FROM node:22-alpine',
  'WORKDIR /srv',
  'COPY --from=build /srv/build /srv',
  'CMD ["node", "bin/server.js"]',
].join('\n');

const files = (start: string) => ({
  '/ws/package.json': JSON.stringify({ name: 'shelf', type: 'module', scripts: { build: 'tsc', start }, dependencies: { '@adonisjs/core': '^6' } }),
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: './', outDir: './build' } }),
  '/ws/bin/server.ts': "import '../start/routes.js'\n",
  '/ws/start/routes.ts': "import router from '@adonisjs/core/services/router'\nrouter.get('/books', () => [])\n",
  '/ws/src/extensions.ts': 'export {}\n',
  '/ws/Dockerfile': DOCKERFILE,
});

suite('a project compiled whole, started from outside its src folder', () => {
  test('node bin/server.js, the output of bin/server.ts, with rootDir ./: the project folder compiles to /srv', async () => {
    await assertMapping(files('node bin/server.js'), { sourceRoot: '/ws', target: '/srv', bundled: false });
  });

  test('a start script running a file of src (node src/main.js) keeps src as the source', async () => {
    const given = { ...files('node src/main.js'), '/ws/src/main.ts': "import '../start/routes.js'\n" };
    await assertMapping(given, { sourceRoot: '/ws/src', target: '/srv/src' });
  });
});

// No rootDir: tsc keeps paths from the common root of what its include names (bin/* and src/**/*),
// and the image's own start command (not a package script) runs the output of bin/hub.ts, the
// output folder's contents copied to the WORKDIR.
suite('a project compiled whole with no rootDir, the image starting a file of bin/', () => {
  const given = (include: string[], cmd = '"node", "./bin/hub.js", "start"') => ({
    '/ws/package.json': JSON.stringify({ name: 'hub', scripts: { build: 'tsc', start: 'ts-node ./bin/hub.ts start' }, dependencies: { ws: '^8' } }),
    '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist' }, include }),
    '/ws/bin/hub.ts': "import { start } from '../src/hub';\nstart();\n",
    '/ws/src/hub.ts': "import { createServer } from 'node:http';\nexport const start = () => createServer().listen(6020);\n",
    '/ws/Dockerfile': `FROM node:22 AS builder\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM node:22\nWORKDIR /usr/local/hub\nCOPY --from=builder /app/dist/ .\nCMD [${cmd}]\n`,
  });

  test('CMD node ./bin/hub.js, the output of bin/hub.ts: the project folder compiles to the WORKDIR', async () => {
    await assertMapping(given(['bin/*', 'src/**/*']), { sourceRoot: '/ws', target: '/usr/local/hub', bundled: false });
  });

  test('a started file of src keeps src as the source', async () => {
    await assertMapping(given(['bin/*', 'src/**/*'], '"node", "./src/hub.js"'), { sourceRoot: '/ws/src', target: '/usr/local/hub/src' });
  });

  test('bin/ left out of the include: bin/hub.ts is no input, so its output is not what tsc wrote', async () => {
    await assertMapping(given(['src/**/*']), { sourceRoot: '/ws/src' });
  });
});

// rootDir "./" written out, the entry beside src (app.ts) named in the include, and a package script
// the image runs (`npm run serve`, `node --max-old-space-size=400 dist/app.js`) starting its
// output: tsc's common root is that rootDir, the project folder, so dist/app.js and dist/src/*
// both come from it; the package's start script (build then serve) is not what the image runs.
suite('a project compiled whole with rootDir ./, the image running a package script that starts the entry beside src', () => {
  const given = (include: string[]) => ({
    '/ws/package.json': JSON.stringify({ name: 'poll', scripts: { build: 'tsc', serve: 'node --max-old-space-size=400 dist/app.js', start: 'npm run build && npm run serve' }, dependencies: { express: '^4' } }),
    '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: './', outDir: './dist' }, include }),
    '/ws/app.ts': "import express from 'express';\nimport { vote } from './src/votes';\nexpress().post('/api/votes', vote).listen(5000);\n",
    '/ws/src/votes.ts': 'export const vote = () => undefined;\n',
    '/ws/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nCMD npm run serve\n',
  });

  test('include ["app.ts", "src/**/*"]: the project folder compiles to /app/dist', async () => {
    await assertMapping(given(['app.ts', 'src/**/*']), { sourceRoot: '/ws', target: '/app/dist', bundled: false });
  });

  test('app.ts left out of the include: its output is not what tsc wrote, src stays the source', async () => {
    await assertMapping(given(['src/**/*']), { sourceRoot: '/ws/src' });
  });
});
