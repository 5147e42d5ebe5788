// A build over a Turborepo workspace (`bun run build:image` -> `turbo build:image`) runs the task's
// script in every package that has it, or in those `--filter` names: the server package's own script
// (a `bun build --compile` writing an executable) is what made the file the image starts.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const workspace = (task: string) => ({
  '/ws/package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*'], scripts: { 'build:image': task } }),
  '/ws/apps/api/package.json': JSON.stringify({ name: '@x/api', dependencies: { elysia: '^1' }, scripts: { dev: 'bun --hot src/index.ts', 'build:image': 'bun build --compile src/index.ts --outfile api-bin' } }),
  '/ws/apps/api/src/index.ts': "import { Elysia } from 'elysia';\nnew Elysia().get('/', () => 'ok').listen(3000);\n",
  '/ws/apps/web/package.json': JSON.stringify({ name: '@x/web', devDependencies: { vite: '^6' }, scripts: { 'build:image': 'vite build' } }),
  '/ws/apps/web/src/main.ts': 'export {};\n',
  '/ws/Dockerfile':
    'FROM oven/bun:1 AS build\nWORKDIR /app\nCOPY . .\nRUN bun install && bun run build:image\n\nFROM oven/bun:1\nWORKDIR /srv\nCOPY --from=build /app/apps/api/api-bin .\nCOPY --from=build /app/apps/web/dist ./public\nENTRYPOINT ["/tini", "--"]\nCMD ["./api-bin"]\n',
});

suite('inferMapping: a Turborepo task over the workspace', () => {
  test("`turbo build:image` (and `turbo run build:image --filter=@x/api`) runs the server package's script: its executable's folder in the image, the package's src bundled", async () => {
    for (const task of ['turbo build:image', 'turbo run build:image --filter=@x/api', 'npx turbo run build:image -F @x/api']) {
      const m = await inferMapping(memFs(workspace(task)), buildSpec());
      assert.deepEqual([m?.sourceRoot, m?.target, m?.bundled], ['/ws/apps/api/src', '/srv', true], `${task}\n${m?.evidence.join('\n')}`);
    }
  });

  test("`turbo run build --filter=@x/api...` (the package with its dependencies) runs the package's build in its folder; the executable copied up to the WORKDIR by `cp ./apps/api/server ./server` and started there: the WORKDIR", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*', 'packages/*'] }),
      '/ws/apps/api/package.json': JSON.stringify({ name: '@x/api', dependencies: { hono: '^4', '@x/types': 'workspace:*' }, scripts: { build: 'bun build src/index.ts --compile --outfile server', start: 'bun run src/index.ts' } }),
      '/ws/apps/api/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: './src', outDir: './dist' } }),
      '/ws/apps/api/src/index.ts': "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/health', (c) => c.text('ok'));\nexport default { port: 3000, fetch: app.fetch };\n",
      '/ws/packages/types/package.json': JSON.stringify({ name: '@x/types', scripts: { build: 'tsc' } }),
      '/ws/Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nRUN npm install -g bun\nCOPY package.json ./\nCOPY apps/api/package.json ./apps/api/\nRUN bun install\nCOPY . .\nRUN bunx turbo run build --filter=@x/api...\nRUN cp ./apps/api/server ./server\nCMD ["./server"]\n',
    };
    const m = await inferMapping(memFs(files), buildSpec());
    assert.deepEqual([m?.sourceRoot, m?.target, m?.bundled], ['/ws/apps/api/src', '/app', true], m?.evidence.join('\n'));
  });

  test('a filter naming another package does not run the server package\'s script', async () => {
    const m = await inferMapping(memFs(workspace('turbo run build:image --filter=@x/web')), buildSpec());
    assert.notDeepEqual([m?.sourceRoot, m?.target], ['/ws/apps/api/src', '/srv'], m?.evidence.join('\n'));
  });

  test("a dev image starting `bun --bun turbo dev` in the workspace root starts each package's dev script in its folder: each package is a program of its own, its source as copied", async () => {
    const files = {
      ...workspace('turbo build:image'),
      '/ws/package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*'], scripts: { dev: 'bun --bun turbo dev' } }),
      '/ws/apps/web/package.json': JSON.stringify({ name: '@x/web', devDependencies: { vite: '^6' }, scripts: { dev: 'bun --bun vite dev' } }),
      '/ws/Dockerfile': 'FROM oven/bun:1\nWORKDIR /app\nCOPY . .\nRUN bun install\nENTRYPOINT ["/tini", "--"]\nCMD ["bun", "run", "dev"]\n',
    };
    const m = await inferMapping(memFs(files), buildSpec());
    const all = [m, ...(m?.programs ?? [])].map((p) => `${p?.sourceRoot} -> ${p?.target}`);
    assert.deepEqual(all, ['/ws/apps/api/src -> /app/apps/api/src', '/ws/apps/web/src -> /app/apps/web/src'], m?.evidence.join('\n'));
  });
});
