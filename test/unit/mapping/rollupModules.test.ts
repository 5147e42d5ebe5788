// A server built by rollup with output.preserveModules: one file per module, not a bundle, beside a
// React Router app the same package bundles.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';
import { assertMapping } from './assertMapping';

const ROLLUP = "export default {\n  input: 'server/router.ts',\n  output: { dir: 'build/server/hono', format: 'esm', preserveModules: true, preserveModulesRoot: '.' },\n};\n";

const files = (rollup: string) =>
  memFs({
    '/ws/package.json': JSON.stringify({
      dependencies: { hono: '^4', react: '^19', 'react-router': '^7' },
      scripts: { build: 'npm run build:app && npm run build:server', 'build:app': 'react-router build', 'build:server': 'rollup -c rollup.config.mjs', start: 'node build/server/main.js' },
    }),
    '/ws/rollup.config.mjs': rollup,
    '/ws/app/root.tsx': '',
    '/ws/server/router.ts': "import { Hono } from 'hono';\nexport default new Hono();\n",
    '/ws/server/main.js': "import server from './hono/server/router.js';\n",
    '/ws/Dockerfile': 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22\nWORKDIR /app\nCOPY --from=build /app/build ./build\nCMD ["npm", "start"]\n',
  });

suite('mapping: a server built by rollup with preserveModules', () => {
  test("the server's folder maps file by file to its place below output.dir (paths kept below preserveModulesRoot), not the router framework's app bundle", async () => {
    const m = await assertMapping(files(ROLLUP), { sourceRoot: '/ws/server', target: '/app/build/server/hono/server', bundled: false });
    assert.equal(m.rewrites['.ts'], '.js');
  });

  test('without preserveModules, or with no literal preserveModulesRoot, rollup says nothing of a per-file layout', async () => {
    for (const rollup of [ROLLUP.replace('preserveModules: true, ', ''), ROLLUP.replace(", preserveModulesRoot: '.'", '')]) {
      const m = await inferMapping(files(rollup), buildSpec());
      assert.notEqual(m?.target, '/app/build/server/hono/server', m?.evidence.join('\n'));
    }
  });
});
