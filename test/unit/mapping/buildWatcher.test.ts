// A dev stack's service that only rebuilds the workspace: a bare `nodemon` (started through an
// entrypoint script) whose nodemon.json, copied into the WORKDIR, execs `npm run build` (tsc -b),
// the packages bind-mounted. It serves nothing: no server folder's routes are its. A nodemon whose
// exec starts a server is not one.
import assert from 'node:assert/strict';
import { startsBuildWatcher, watchesBuild } from '../../../src/core/mapping/buildWatcher';
import { startsNoServer } from '../../../src/core/gather/startedEntry';
import { inferMapping } from '../../../src/core/mapping/infer';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { serverSourceRoots } from '../../../src/core/gather/workspaceFiles';
import { memFs } from '../helpers/memFs';
import type { ServiceSpec } from '../../../src/core/model';

const spec: ServiceSpec = {
  name: 'rebuilder',
  project: 'ws',
  projectDir: '/ws',
  composeFiles: ['/ws/compose.dev.yaml'],
  ports: [],
  drift: {},
  build: { context: '/ws', dockerfile: '/ws/docker/rebuilder.Dockerfile' },
  config: { environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes: { '/work/packages': 'bind:/ws/packages' }, labels: {} },
};

const files = (exec: string): Record<string, string> => ({
  '/ws/package.json': JSON.stringify({ name: 'ledger', private: true, workspaces: ['packages/*'], scripts: { build: 'tsc -b packages/server packages/jobs', serve: 'node packages/server/dist/main.js' } }),
  '/ws/nodemon.json': JSON.stringify({ watch: ['packages/**'], exec }),
  '/ws/docker/rebuild.sh': '#!/bin/sh\nnode ./tools/link-projects.js\nnodemon\n',
  '/ws/docker/rebuilder.Dockerfile': ['FROM node:20-alpine', 'WORKDIR /work', 'COPY nodemon.json .', 'COPY docker/rebuild.sh ./rebuild.sh', 'CMD ["./rebuild.sh"]'].join('\n'),
  '/ws/packages/server/package.json': JSON.stringify({ name: '@ledger/server', dependencies: { express: '4' } }),
  '/ws/packages/server/src/main.ts': "import express from 'express';\nconst app = express();\napp.get('/entries', (_req, res) => res.json([]));\napp.listen(4000);\n",
});

suite('mapping: a container rebuilding the workspace', () => {
  test("nodemon exec'ing a package script that runs tsc: a build watcher, reading no server's routes", async () => {
    // The bind-mounted server's folder, where nodemon execs it.
    assert.deepEqual(await serverSourceRoots(memFs(files('npm run serve')), spec), ['/ws/packages/server/src']);
    assert.equal(await startsBuildWatcher(memFs(files('npm run build')), spec), true);
    assert.deepEqual(await serverSourceRoots(memFs(files('npm run build')), spec), []);
  });

  test("nodemon exec'ing a server (a script running node, or ts-node) is not one", async () => {
    assert.equal(await startsBuildWatcher(memFs(files('npm run serve')), spec), false);
    assert.equal(await startsBuildWatcher(memFs(files('ts-node packages/server/src/main.ts')), spec), false);
    assert.equal(await startsBuildWatcher(memFs(files('tsc -b && node packages/server/dist/main.js')), spec), false);
  });
});

/** A package copied whole into its image, started as the Dockerfile's CMD says, or as a compose `command:` does. */
const watched = (cmd: string, command?: string[]): { fs: ReturnType<typeof memFs>; spec: ServiceSpec } => ({
  fs: memFs({
    '/ws/package.json': JSON.stringify({ name: 'ledger', dependencies: { express: '4' }, scripts: { build: 'tsc', watch: 'tsc -w -p tsconfig.json', bundle: 'webpack --mode development --watch', start: 'node dist/main.js', dev: 'concurrently "tsc -w" "node --watch dist/main.js"' } }),
    '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: 'src' } }),
    '/ws/src/main.ts': MAIN,
    '/ws/Dockerfile': `FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ${cmd}\n`,
  }),
  spec: { ...spec, build: { context: '/ws', dockerfile: '/ws/Dockerfile' }, config: { environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes: {}, labels: {}, ...(command ? { command } : {}) } },
});

const MAIN = "import express from 'express';\nconst app = express();\napp.get('/entries', (_req, res) => res.json([]));\napp.listen(4000);\n";

/** Whether the check reads no route of the mapped source (startsNoServer), and the service is a build watcher. */
async function servesNothing(cmd: string, command?: string[]): Promise<[boolean, boolean]> {
  const { fs, spec: s } = watched(cmd, command);
  const mapping = await inferMapping(fs, s);
  assert.ok(mapping);
  const file = '/ws/src/main.ts';
  const idle = await startsNoServer(fs, s, mapping, { files: [file], extracted: [{ file, x: extractRoutesFromSource(MAIN, file) }] });
  return [idle, await startsBuildWatcher(fs, s)];
}

suite('mapping: a compiler or bundler started in watch mode', () => {
  test('tsc -w as the CMD, through a package script, as a compose command or under sh -c serves nothing', async () => {
    assert.deepEqual(await servesNothing('["npx", "tsc", "-w"]'), [true, true]);
    assert.deepEqual(await servesNothing('["npm", "run", "watch"]'), [true, true]);
    assert.deepEqual(await servesNothing('["npm", "start"]', ['npx', 'tsc', '--build', '--watch']), [true, true]);
    assert.deepEqual(await servesNothing('["npm", "start"]', ['sh', '-c', 'npm run bundle']), [true, true]);
    assert.deepEqual(await servesNothing('["npm", "start"]', ['/usr/bin/env', 'bash', '-ec', 'npm run bundle']), [true, true]);
  });

  test('a start that serves (node, a watcher beside node, a one-off build before node) is not one', async () => {
    assert.deepEqual(await servesNothing('["npm", "start"]'), [false, false]);
    assert.deepEqual(await servesNothing('["npm", "run", "dev"]'), [false, false]);
    assert.deepEqual(await servesNothing('["sh", "-c", "npx tsc && node dist/main.js"]'), [false, false]);
  });

  test('watch mode of a builder only, not one that serves or starts what it built, nor a dev server', () => {
    assert.equal(watchesBuild(['tsc', '-w']), true);
    assert.equal(watchesBuild(['/app/node_modules/.bin/rollup', '-c', '--watch']), true);
    assert.equal(watchesBuild(['vite', 'build', '--watch']), true);
    assert.equal(watchesBuild(['vite', '--watch']), false);
    assert.equal(watchesBuild(['tsc']), false);
    assert.equal(watchesBuild(['webpack', 'serve', '--watch']), false);
    assert.equal(watchesBuild(['esbuild', 'src/main.ts', '--watch', '--serve=8000']), false);
    assert.equal(watchesBuild(['tsup', '--watch', '--onSuccess', 'node dist/index.js']), false);
    assert.equal(watchesBuild(['nodemon', '--watch', 'src']), false);
  });
});
