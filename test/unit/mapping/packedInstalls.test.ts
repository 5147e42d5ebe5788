// An image that installs the project's own package from a tarball copied into the build (`COPY
// *.tgz .`, made by `npm pack` outside the Dockerfile) and starts its bin from node_modules: the
// build output is in node_modules/<name>, and the evidence says the tarball's content is taken, not seen.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const files = (install: string, name = '@acme/boat-server') =>
  memFs({
    '/ws/package.json': JSON.stringify({ name, bin: { boat: './bin/boat' }, dependencies: { express: '4' }, scripts: { build: 'tsc' } }),
    '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
    '/ws/bin/boat': "#!/usr/bin/env node\nrequire('../dist').start();\n",
    '/ws/src/index.ts': "import express from 'express';\nexport const start = () => express().listen(3000);\n",
    '/ws/Dockerfile': `FROM node:22 AS installed\nWORKDIR /home/node/boat\nCOPY *.tgz .\nRUN ${install}\nFROM node:22-slim\nCOPY --from=installed /home/node/boat /home/node/boat\nWORKDIR /data\nENTRYPOINT ["/home/node/boat/node_modules/@acme/boat-server/bin/boat"]\n`,
  });

suite('the project installed from its own packed tarball', () => {
  test('`npm install "$t"` after `t=$(ls acme-boat-server-[0-9]*.tgz)`: src maps to node_modules/@acme/boat-server/dist, the tarball taken for this source', async () => {
    const m = await inferMapping(files('t=$(ls acme-boat-server-[0-9]*.tgz) && npm install "$t" && rm *.tgz'), buildSpec());
    const why = m?.evidence.join('\n') ?? '';
    assert.equal(m?.sourceRoot, '/ws/src', why);
    assert.equal(m?.target, '/home/node/boat/node_modules/@acme/boat-server/dist', why);
    assert.match(why, /tarball is made outside this Dockerfile/);
  });

  test('a tarball of another package (`npm install left-pad-1.3.0.tgz`) says nothing of where the project is', async () => {
    const m = await inferMapping(files('npm install left-pad-1.3.0.tgz'), buildSpec());
    assert.notEqual(m?.target, '/home/node/boat/node_modules/@acme/boat-server/dist', m?.evidence.join('\n'));
    assert.doesNotMatch(m?.evidence.join('\n') ?? '', /tarball is made outside/);
  });
});
