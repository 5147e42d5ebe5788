// A Dockerfile written for a package folder as its context but built with the workspace root: the
// file its start command names is not in the image; the package holding it is the code meant.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const WORKSPACE = {
  '/ws/package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
  '/ws/packages/api/package.json': JSON.stringify({ name: 'api', dependencies: { elysia: '1' } }),
  '/ws/packages/api/src/main.ts': "import { Elysia } from 'elysia';\nnew Elysia().listen(4000);\n",
  '/ws/packages/web/package.json': JSON.stringify({ name: 'web', dependencies: { vue: '3' } }),
  '/ws/packages/web/src/App.vue': '',
  '/ws/Dockerfile': 'FROM oven/bun:1 AS deps\nWORKDIR /srv\nCOPY package.json ./\nRUN bun install\nFROM oven/bun:1\nWORKDIR /srv\nCOPY --from=deps /srv/node_modules node_modules\nCOPY . .\nCMD ["bun", "run", "src/main.ts"]\n',
};

suite('mapping: a started file the build context does not hold', () => {
  test('`bun run src/main.ts` after `COPY . .` of a workspace root holding it only as packages/api/src/main.ts: that package\'s src, where the image has it, said so', async () => {
    const m = await inferMapping(memFs(WORKSPACE), buildSpec());
    assert.deepEqual([m?.sourceRoot, m?.target], ['/ws/packages/api/src', '/srv/packages/api/src'], m?.evidence.join('\n'));
    assert.deepEqual(m?.startedElsewhere, { file: '/srv/src/main.ts', found: '/ws/packages/api/src/main.ts' });
  });

  test('two package folders holding that path say nothing of which was meant: not mapped that way', async () => {
    const m = await inferMapping(memFs({ ...WORKSPACE, '/ws/packages/web/src/main.ts': '' }), buildSpec());
    assert.equal(m?.startedElsewhere, undefined);
    assert.notEqual(m?.sourceRoot, '/ws/packages/api/src');
  });

  test('a started file the context holds is no such case', async () => {
    const m = await inferMapping(memFs({ ...WORKSPACE, '/ws/src/main.ts': '' }), buildSpec());
    assert.equal(m?.startedElsewhere, undefined, m?.evidence.join('\n'));
  });

  test('a start command that changes folder first (`sh -c "(cd /srv/packages/api && ./node_modules/.bin/tsx ./src/main.ts && node dist/main.js) & ..."`) names its file below that folder, not below WORKDIR: no such case', async () => {
    const cmd = 'CMD ["sh", "-c", "(cd /srv/packages/api && ./node_modules/.bin/tsx ./src/main.ts && node ./dist/main.js) & sleep 5; /usr/local/bin/agent & wait -n"]';
    const m = await inferMapping(memFs({ ...WORKSPACE, '/ws/Dockerfile': WORKSPACE['/ws/Dockerfile'].replace('CMD ["bun", "run", "src/main.ts"]', cmd) }), buildSpec());
    assert.equal(m?.startedElsewhere, undefined, m?.evidence.join('\n'));
  });
});
