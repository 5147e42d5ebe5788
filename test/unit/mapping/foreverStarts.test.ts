// forever keeps a script running (`forever -m 5 dist/index.js`): the script it is given is the file
// the image starts, its options' values skipped, so a TypeScript server whose compiled output it
// starts maps its source onto that output, as `node dist/index.js` would.
import assert from 'node:assert/strict';
import { startedScripts } from '../../../src/core/mapping/startedSource';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { assertMapping } from './assertMapping';

suite('mapping: forever started on a script', () => {
  test('the file forever is given, after options taking a value and its start subcommand', () => {
    const stage = parseDockerfile('FROM node:20\nWORKDIR /srv\nCOPY . .\nCMD ["npm", "start"]\n').stages.at(-1);
    assert.ok(stage);
    assert.deepEqual(startedScripts(stage, { start: 'forever -m 5 --minUptime 1000 build/main.js' }), ['/srv/build/main.js']);
    assert.deepEqual(startedScripts(stage, { start: 'forever start -l /var/log/api.log server.js' }), ['/srv/server.js']);
  });

  test("the tsc output forever starts (outDir out) is where the source lands, though the Dockerfile runs no build of its own", async () => {
    await assertMapping(
      {
        '/ws/package.json': JSON.stringify({ name: 'feeds', scripts: { start: 'forever -m 3 out/main.js', build: 'tsc' }, dependencies: { express: '4', forever: '4' }, devDependencies: { typescript: '5' } }),
        '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'out' }, include: ['src/**/*'] }),
        '/ws/src/main.ts': "import express from 'express';\nexpress().listen(3000);\n",
        '/ws/Dockerfile': 'FROM node:20\nWORKDIR /srv/feeds\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nCMD ["npm", "start"]\n',
      },
      { sourceRoot: '/ws/src', target: '/srv/feeds/out', bundled: false },
    );
  });
});
