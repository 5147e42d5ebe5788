// An image whose build runs `tsc --build` with a solution tsconfig (`"files": []`, `references`):
// each referenced project is compiled by its own config into its own outDir, so the one server
// package among them is what the image serves, its output where its outDir lands.
import assert from 'node:assert/strict';
import { assertMapping } from './assertMapping';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const workspace = (references: string[], extra: Record<string, string> = {}) => ({
  '/ws/package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['packages/*'], scripts: { compile: 'tsc --build' }, devDependencies: { typescript: '5', webpack: '5' } }),
  '/ws/tsconfig.json': JSON.stringify({ files: [], references: references.map((path) => ({ path })) }),
  '/ws/packages/model/package.json': JSON.stringify({ name: '@shop/model', dependencies: { zod: '3' } }),
  '/ws/packages/model/tsconfig.json': JSON.stringify({ compilerOptions: { composite: true, rootDir: 'src', outDir: 'lib' } }),
  '/ws/packages/model/src/order.ts': 'export interface Order { id: string }\n',
  '/ws/packages/api/package.json': JSON.stringify({ name: '@shop/api', main: 'out/index.js', dependencies: { express: '5', '@shop/model': '*' } }),
  '/ws/packages/api/tsconfig.json': JSON.stringify({ compilerOptions: { composite: true, rootDir: 'src', outDir: 'out' } }),
  '/ws/packages/api/tsconfig.ref.json': JSON.stringify({ extends: './tsconfig.json', references: [{ path: '../model' }] }),
  '/ws/packages/api/src/index.ts': "import express from 'express';\nexport const app = express();\napp.get('/orders', (_req, res) => res.json([]));\n",
  '/ws/packages/cli/package.json': JSON.stringify({ name: '@shop/cli', bin: { shop: 'bin/shop' }, dependencies: { '@shop/api': '*' } }),
  '/ws/packages/cli/bin/shop': "#!/usr/bin/env node\nrequire('@shop/api').app.listen(8080);\n",
  '/ws/Dockerfile': 'FROM node:22\nWORKDIR /srv/shop\nCOPY . /srv/shop\nRUN npm ci && npm run compile\nENTRYPOINT ["/srv/shop/packages/cli/bin/shop"]\n',
  ...extra,
});

suite('a solution tsconfig built with tsc --build', () => {
  test('the one server package among the referenced projects is the project: its source to its own outDir in the image', async () => {
    await assertMapping(workspace(['./packages/model', './packages/api/tsconfig.ref.json']), {
      sourceRoot: '/ws/packages/api/src',
      target: '/srv/shop/packages/api/out',
      bundled: false,
      evidence: ["the image's build runs tsc --build with tsconfig.json, which compiles only the projects it references, each into its own outDir: packages/api is the one server among them (package.json depends on express)"],
    });
  });

  test('two server packages referenced: none is chosen for its references alone', async () => {
    const files = workspace(['./packages/model', './packages/api/tsconfig.ref.json', './packages/admin'], {
      '/ws/packages/admin/package.json': JSON.stringify({ name: '@shop/admin', dependencies: { koa: '2' } }),
      '/ws/packages/admin/tsconfig.json': JSON.stringify({ compilerOptions: { composite: true, rootDir: 'src', outDir: 'out' } }),
      '/ws/packages/admin/src/index.ts': "import Koa from 'koa';\nnew Koa().listen(8081);\n",
    });
    const m = await inferMapping(memFs(files), buildSpec());
    assert.ok(m, 'no mapping');
    assert.ok(!m.evidence.some((e) => e.includes('the one server among them')), m.evidence.join('\n'));
    assert.notEqual(m.sourceRoot, '/ws/packages/api/src', m.evidence.join('\n'));
  });

  test('a config with files of its own besides references is no solution config: its referenced servers do not choose the project', async () => {
    const files = workspace(['./packages/model', './packages/api/tsconfig.ref.json'], {
      '/ws/tsconfig.json': JSON.stringify({ files: ['tools/seed.ts'], references: [{ path: './packages/api/tsconfig.ref.json' }] }),
      '/ws/tools/seed.ts': 'export const seed = 1;\n',
    });
    const m = await inferMapping(memFs(files), buildSpec());
    assert.ok(m, 'no mapping');
    assert.ok(!m.evidence.some((e) => e.includes('the one server among them')), m.evidence.join('\n'));
  });
});
