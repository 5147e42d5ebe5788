// A build stage that gathers what the image needs with one `cp` of several folders and files into
// a folder (`cp -r bin/ dist/ node_modules/ LICENSE package.json /app/`), which the final stage
// copies whole: each folder named lands in it by name, the build output among them.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const files = (cp: string) =>
  memFs({
    '/ws/package.json': JSON.stringify({ dependencies: { express: '4' }, devDependencies: { typescript: '5' }, scripts: { build: 'tsc' } }),
    '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist' }, include: ['./src/**/*.ts'] }),
    '/ws/src/cli/index.ts': "import express from 'express';\nexpress().listen(6001);\n",
    '/ws/bin/server.js': "#! /usr/bin/env node\nrequire('./../dist/cli');\n",
    '/ws/Dockerfile': `FROM node:20 AS build\nCOPY . /tmp/build\nWORKDIR /tmp/build\nRUN npm ci ; npm run build ; npm prune --production ; mkdir -p /app ; ${cp}\nFROM node:20\nCOPY --from=build /app /app\nWORKDIR /app\nENTRYPOINT ["node", "/app/bin/server.js", "start"]\n`,
  });

suite('a RUN copying several folders into one', () => {
  test('every folder of the copy lands in the destination by name: the build output too, not only the first folder named', async () => {
    const m = await inferMapping(files('cp -r bin/ dist/ node_modules/ LICENSE package.json /app/'), buildSpec());
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test('the build output named first lands there as well', async () => {
    const m = await inferMapping(files('cp -r dist/ bin/ LICENSE /app/'), buildSpec());
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
  });
});
