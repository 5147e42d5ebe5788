// A deploy folder a script of the repository assembles from the server's folder (release.sh copies
// api/Dockerfile and the built api/dist into ship/, whose compose file bind-mounts ./dist): the image
// built in ship/ is api's, its bundle api's build. Fixtures of our own.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const dockerfile = 'FROM node:22\nWORKDIR /srv\nCOPY package.json ./\nRUN npm install --omit=dev\nCMD ["node", "dist/index.js"]\n';

const files = (script: string) =>
  memFs({
    '/ws/api/package.json': JSON.stringify({ name: 'api', scripts: { build: 'tsup src/index.ts --out-dir dist' }, dependencies: { express: '^4' }, devDependencies: { tsup: '^8' } }),
    '/ws/api/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist' }, include: ['src'] }),
    '/ws/api/src/index.ts': "import express from 'express';\nexpress().listen(3000);\n",
    '/ws/api/Dockerfile': dockerfile,
    '/ws/ship/package.json': JSON.stringify({ name: 'api', scripts: { build: 'tsup src/index.ts --out-dir dist' }, dependencies: { express: '^4' } }),
    '/ws/ship/Dockerfile': dockerfile,
    '/ws/ship/dist/index.js': 'require("express")().listen(3000);\n',
    '/ws/release.sh': script,
  });

const service = (dir: string): ServiceSpec => ({
  name: 'api',
  project: dir.split('/').pop() ?? '',
  projectDir: dir,
  composeFiles: [`${dir}/compose.yaml`],
  ports: [],
  drift: {},
  build: { context: dir, dockerfile: `${dir}/Dockerfile` },
  config: { volumes: { '/srv/dist': `bind:${dir}/dist:ro` }, environment: {}, environmentFrom: {}, exposed: [], published: {}, labels: {} },
});

const release = '#!/bin/sh\nset -e\ncd api && npm run build && cd ..\nmkdir -p ./ship/dist\ncp api/package.json ./ship/package.json\ncp api/Dockerfile ./ship/Dockerfile\ncp -a api/dist/* ./ship/dist\n';

suite('mapping: a deploy folder a script assembles from the server folder', () => {
  test("the script copies the Dockerfile and the build output from api/: ship's image maps as api's own", async () => {
    const fs = files(release);
    const own = await inferMapping(fs, service('/ws/api'));
    const shipped = await inferMapping(fs, service('/ws/ship'));
    assert.equal(own?.sourceRoot, '/ws/api/src', own?.evidence.join('\n'));
    assert.deepEqual({ sourceRoot: shipped?.sourceRoot, target: shipped?.target, bundled: shipped?.bundled }, { sourceRoot: own?.sourceRoot, target: own?.target, bundled: own?.bundled }, shipped?.evidence.join('\n'));
    assert.ok(shipped?.evidence[0]?.startsWith('release.sh copies api/Dockerfile to ship/Dockerfile and api/dist to ship/dist'), shipped?.evidence.join('\n'));
  });

  test('a script copying only the Dockerfile (no build output of that folder): the folder is read as itself', async () => {
    const shipped = await inferMapping(files('cp api/Dockerfile ./ship/Dockerfile\n'), service('/ws/ship'));
    assert.ok(!shipped?.sourceRoot.startsWith('/ws/api'), shipped?.evidence.join('\n'));
  });
});
