import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';
import { assertMapping } from './assertMapping';

const spec: ServiceSpec = { name: 'api', project: 'ws', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, build: { context: '/ws', dockerfile: '/ws/Dockerfile' } };

suite('inferMapping: the sources a bundle of one entry takes in', () => {
  // An Express entry in server/ bundled by esbuild, beside the app's modules in app/.
  const files = (entry: string, more: Record<string, string> = {}) =>
    memFs({
      ...more,
      '/ws/package.json': JSON.stringify({ type: 'module', scripts: { build: 'esbuild server/main.ts --bundle --platform=node --outfile=dist/main.js' }, dependencies: { express: '4' }, devDependencies: { esbuild: '0.25' } }),
      '/ws/server/main.ts': entry,
      '/ws/app/lib/db.ts': 'export const db = {};\n',
      '/ws/Dockerfile': 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/main.js"]\n',
    });

  test("an entry loading modules from beside its folder (from '../app/lib/db.ts'): the bundle's sources are the project folder", async () => {
    await assertMapping(files("import express from 'express';\nimport { db } from '../app/lib/db.ts';\nexpress().listen(3000);\n"), { sourceRoot: '/ws', target: '/app/dist', bundled: true, evidence: ["source root /ws (the bundle's entry server/main.ts loads ../app/lib/db.ts, beside its folder server)"] }, spec);
  });

  test("an entry loading only its own folder's modules, or one outside the project (a workspace's ../../shared), bundles its folder", async () => {
    for (const entry of ["import express from 'express';\nimport { routes } from './routes.ts';\n", "import express from 'express';\nimport { types } from '../../shared/types.ts';\n"]) {
      await assertMapping(files(entry), { sourceRoot: '/ws/server', bundled: true }, spec);
    }
  });

  test('an entry loading them through a tsconfig paths alias of the project (@app/* -> ./*): the project folder too; an alias into its own folder does not', async () => {
    const tsconfig = { '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@app/*': ['./*'], '@srv/*': ['./server/*'] } } }) };
    await assertMapping(
      files("import express from 'express';\nimport { db } from '@app/app/lib/db.ts';\nexpress().listen(3000);\n", tsconfig),
      { sourceRoot: '/ws', target: '/app/dist', bundled: true, evidence: ["source root /ws (the bundle's entry server/main.ts loads @app/app/lib/db.ts, beside its folder server)"] },
      spec,
    );
    await assertMapping(files("import express from 'express';\nimport { routes } from '@srv/routes.ts';\nimport { db } from '@app/server/db.ts';\n", tsconfig), { sourceRoot: '/ws/server', bundled: true }, spec);
    // A baseUrl makes every bare name an alias (`*`): only a code module found there counts, not a
    // package of node_modules (`express`) nor a JSON file (`package.json`).
    const baseUrl = { '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.' } }) };
    await assertMapping(files("import express from 'express';\nimport pkg from 'package.json';\n", baseUrl), { sourceRoot: '/ws/server', bundled: true }, spec);
    await assertMapping(files("import express from 'express';\nimport { db } from 'app/lib/db';\n", baseUrl), { sourceRoot: '/ws', bundled: true }, spec);
  });
});
