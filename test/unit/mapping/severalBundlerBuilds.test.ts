// A tsdown (or tsup) configuration listing several builds, each with its own outDir: the server's
// bundle is the one whose folder holds the package's main, not the first outDir written nor the
// usual folder above them all.
import assert from 'node:assert/strict';
import { assertMapping } from './assertMapping';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const CONFIG = `import { defineConfig } from 'tsdown';
const widgets = ['src/web/panel.ts', 'src/web/chart.ts'].map((entry) => ({ entry, outDir: 'dist/web', platform: 'browser' }));
export default defineConfig([
  ...widgets,
  { entry: ['src/node/boot.ts'], outDir: 'dist/node', platform: 'node', format: 'commonjs' },
  { entry: ['src/node/types.ts'], outDir: 'dist/types', dts: true },
]);
`;

const files = (main: string, tool = 'tsdown') => ({
  '/ws/package.json': JSON.stringify({ name: 'board', main, dependencies: { express: '5' }, devDependencies: { [tool]: '1' }, scripts: { build: tool } }),
  [`/ws/${tool}.config.ts`]: CONFIG,
  '/ws/src/node/boot.ts': "import express from 'express';\nimport { shared } from '../common/shared';\nexpress().get('/', (_q, r) => r.send(shared)).listen(9000);\n",
  '/ws/src/common/shared.ts': "export const shared = 'board';\n",
  '/ws/src/web/panel.ts': "document.title = 'panel';\n",
  '/ws/Dockerfile': 'FROM node:22 AS build\nWORKDIR /board\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-slim\nWORKDIR /srv/board\nCOPY --from=build /board/dist ./dist\nCOPY --from=build /board/node_modules ./node_modules\nCMD ["node", "dist/node/boot.js"]\n',
});

suite('a bundler configuration with several builds', () => {
  test("tsdown's builds write dist/web, dist/node and dist/types: the one holding main (./dist/node/boot.js) is the bundle's target", async () => {
    await assertMapping(files('./dist/node/boot.js'), {
      target: '/srv/board/dist/node',
      bundled: true,
      evidence: ["bundle output dist/node (the one of the output folders of tsdown's builds in tsdown.config.ts holding the package's main ./dist/node/boot.js)"],
    });
  });

  test('the same with tsup', async () => {
    await assertMapping(files('dist/node/boot.js', 'tsup'), { target: '/srv/board/dist/node', bundled: true });
  });

  test('a main in none of the outDirs chooses none of them: the usual folder holding the started file stays the target', async () => {
    const m = await inferMapping(memFs(files('./dist/index.js')), buildSpec());
    assert.ok(m, 'no mapping');
    assert.ok(!m.evidence.some((e) => e.includes("holding the package's main")), m.evidence.join('\n'));
    assert.equal(m.target, '/srv/board/dist', m.evidence.join('\n'));
  });
});
