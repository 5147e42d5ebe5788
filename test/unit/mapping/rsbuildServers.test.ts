// A server bundled by Rsbuild (`rsbuild build`, output.distPath in rsbuild.config.*), its bundle
// folder copied into the final stage (src/core/mapping/bundlerOutput.ts, bundler.ts).
import { memFs } from '../helpers/memFs';
import { assertMapping } from './assertMapping';
import type { ServiceSpec } from '../../../src/core/model';

const spec: ServiceSpec = { name: 'api', project: 'p', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, build: { context: '/ws', dockerfile: '/ws/services/api/Dockerfile' } };

const DOCKERFILE = [
  'FROM node:22 AS build',
  'WORKDIR /repo',
  'COPY . .',
  'WORKDIR /repo/services/api',
  'RUN npm ci && npm run build',
  'FROM node:22',
  'WORKDIR /opt',
  'COPY --from=build /repo/services/api/out/ services/api/out/',
  'CMD ["node", "/opt/services/api/out/index.js"]',
  '',
].join('\n');

const files = (config: string | undefined, dockerfile = DOCKERFILE) =>
  memFs({
    '/ws/services/api/package.json': JSON.stringify({ dependencies: { express: '^5' }, devDependencies: { '@rsbuild/core': '^1' }, scripts: { build: 'rsbuild build', start: 'node out/index.js' } }),
    '/ws/services/api/tsconfig.json': '{"compilerOptions":{"outDir":"lib"}}',
    '/ws/services/api/src/index.ts': "import express from 'express';\nexpress().listen(8080);\n",
    ...(config !== undefined ? { '/ws/services/api/rsbuild.config.ts': config } : {}),
    '/ws/services/api/Dockerfile': dockerfile,
  });

suite('a server bundled by Rsbuild', () => {
  test("the config's distPath written alone names the bundle folder: it is where the image has the bundle of src (tsconfig's outDir is not the build's)", async () => {
    await assertMapping(files("export default defineConfig({ output: { distPath: './out', target: 'node' } });\n"), { sourceRoot: '/ws/services/api/src', target: '/opt/services/api/out', bundled: true }, spec);
  });

  test("distPath's root names it too", async () => {
    await assertMapping(files("export default defineConfig({ output: { target: 'node', distPath: { root: 'out' } } });\n"), { target: '/opt/services/api/out', bundled: true }, spec);
  });

  test('no distPath: Rsbuild writes dist', async () => {
    const dockerfile = DOCKERFILE.replace(/\bout\//g, 'dist/');
    await assertMapping(files("export default defineConfig({ output: { target: 'node' } });\n", dockerfile), { target: '/opt/services/api/dist', bundled: true }, spec);
  });

  test("a distPath named as a usual output (build), the context copied whole and built there: the folder holding the started bundle, not tsc's outDir", async () => {
    const whole = ['FROM node:22', 'WORKDIR /repo', 'COPY . .', 'WORKDIR /repo/services/api', 'RUN npm ci && npm run build', 'CMD ["node", "build/index.js"]', ''].join('\n');
    await assertMapping(files("export default defineConfig({ output: { distPath: './build', target: 'node' } });\n", whole), { sourceRoot: '/ws/services/api/src', target: '/repo/services/api/build', bundled: true }, spec);
  });
});
