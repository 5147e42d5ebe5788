// A dev stack's service that only rebuilds the workspace: a bare `nodemon` (started through an
// entrypoint script) whose nodemon.json, copied into the WORKDIR, execs `npm run build` (tsc -b),
// the packages bind-mounted. It serves nothing: no server folder's routes are its. A nodemon whose
// exec starts a server is not one.
import assert from 'node:assert/strict';
import { startsBuildWatcher } from '../../../src/core/mapping/buildWatcher';
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
