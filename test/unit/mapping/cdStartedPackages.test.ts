// A workspace image whose start, through the root's scripts, moves into one package by `cd`
// (`pnpm start:gateway` -> `cd core && pnpm start:gateway` -> `cd out && node gateway.js`): that
// package runs, even when it depends on no known server framework and a plugin package built beside
// it depends on express.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const files = (start: string, coreDeps: Record<string, string> = { moleculer: '0.14' }) =>
  memFs({
    '/ws/package.json': JSON.stringify({ name: 'suite', private: true, scripts: { build: 'cd core && pnpm build', 'start:gateway': start } }),
    '/ws/pnpm-workspace.yaml': "packages:\n  - 'core'\n  - 'core/plugins/**'\n",
    '/ws/core/package.json': JSON.stringify({ name: 'suite-core', dependencies: coreDeps, scripts: { build: 'tsc', 'start:gateway': 'cd out && node gateway.js' } }),
    '/ws/core/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'out' }, include: ['./**/*'], exclude: ['out', 'plugins/**/web/**'] }),
    '/ws/core/gateway.ts': "import { ServiceBroker } from 'moleculer';\nnew ServiceBroker().start();\n",
    '/ws/core/services/users.service.ts': 'export default { name: "users" };\n',
    '/ws/core/plugins/hooks/package.json': JSON.stringify({ name: 'suite-plugin-hooks', dependencies: { express: '^4' } }),
    '/ws/core/plugins/hooks/hook.ts': "import express from 'express';\nexport const app = express();\n",
    '/ws/Dockerfile': 'FROM node:20\nWORKDIR /srv/suite\nCOPY . .\nRUN pnpm install && pnpm build\nCMD ["pnpm", "start:gateway"]\n',
  });

suite('a start that moves into one workspace package with cd', () => {
  test('`cd core && pnpm start:gateway` through the root script: core, compiled to out, not the express plugin built beside it', async () => {
    const m = await inferMapping(files('cd core && pnpm start:gateway'), buildSpec());
    const why = m?.evidence.join('\n');
    assert.equal(m?.sourceRoot, '/ws/core', why);
    assert.equal(m?.target, '/srv/suite/core/out', why);
  });

  test('a front end it moves into (`cd core` where core renders pages with next) is one program beside the server: not chosen for the cd', async () => {
    const m = await inferMapping(files('cd core && pnpm start:gateway', { next: '15', react: '19', 'react-dom': '19' }), buildSpec());
    assert.notEqual(m?.evidence.join('\n').includes('its start command moves there with cd'), true, m?.evidence.join('\n'));
  });
});
