// Monorepos whose build names no package (`lerna run build`, a root script that `cd`s into one):
// the package is told by what the image starts: a file of one package's output, started through a
// root script, or copied out of a build stage; a bundle file copied alone under a name of its own.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const TSCONFIG = JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } });

/** The mapping of the workspace /ws built with its Dockerfile: source root, target and, when given, whether bundled. */
async function expectMapping(fs: ReturnType<typeof memFs>, sourceRoot: string, target: string, bundled?: boolean): Promise<void> {
  const m = await inferMapping(fs, buildSpec());
  const why = m?.evidence.join('\n');
  assert.deepEqual({ sourceRoot: m?.sourceRoot, target: m?.target }, { sourceRoot, target }, why);
  if (bundled !== undefined) assert.equal(m?.bundled, bundled, why);
}

suite('monorepo images: the package the image starts', () => {
  test('a workspace root script starting a file of one package\'s output (`node ./packages/shop/dist/bin/start.js`), built by a root script that cds there', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'], dependencies: { react: '^19' }, scripts: { compile: 'cd ./packages/shop && swc ./src/ -d dist/ --strip-leading-paths', start: 'node ./packages/shop/dist/bin/start.js' } }),
      '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist', allowJs: true } }),
      '/ws/packages/shop/package.json': JSON.stringify({ name: '@x/shop', dependencies: { express: '^4' } }),
      '/ws/packages/shop/tsconfig.json': TSCONFIG,
      '/ws/packages/shop/src/bin/start.ts': "import express from 'express';\nexpress().listen(3000);\n",
      '/ws/packages/db/package.json': JSON.stringify({ name: '@x/db' }),
      '/ws/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run compile\nCMD ["npm", "run", "start"]\n',
    });
    await expectMapping(fs, '/ws/packages/shop/src', '/app/packages/shop/dist', false);
  });

  test('a whole-workspace build (lerna run build) whose final stage copies one package\'s output out of the builder and starts a file of it', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ name: 'root', workspaces: ['mods/*'], devDependencies: { next: '^15' }, scripts: { build: 'lerna run build' } }),
      '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: '.' } }),
      '/ws/mods/pilot/package.json': JSON.stringify({ name: '@x/pilot', dependencies: { zod: '^3' }, scripts: { build: 'tsc -b tsconfig.json' } }),
      '/ws/mods/pilot/tsconfig.json': TSCONFIG,
      '/ws/mods/pilot/src/server.ts': 'export {};\n',
      '/ws/mods/api/package.json': JSON.stringify({ name: '@x/api', dependencies: { express: '^5' }, scripts: { build: 'tsc -b tsconfig.json' } }),
      '/ws/mods/api/tsconfig.json': TSCONFIG,
      '/ws/Dockerfile': 'FROM node:22-slim AS builder\nWORKDIR /work\nCOPY . .\nRUN npm install && npm run build\n\nFROM node:22-slim\nCOPY --from=builder /work/mods/pilot/dist /home/app/pilot/dist\nCOPY --from=builder /work/mods/pilot/package.json /home/app/pilot/package.json\nWORKDIR /home/app/pilot\nCMD ["node", "/home/app/pilot/dist/server.js"]\n',
    });
    await expectMapping(fs, '/ws/mods/pilot/src', '/home/app/pilot/dist', false);
  });

  test('packages copied into the builder by their common folder (COPY mods ./mods): the server package the final stage copies out and starts in, not the first server of the folder', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ name: 'root', workspaces: ['mods/*'], scripts: { build: 'lerna run build' } }),
      '/ws/mods/api/package.json': JSON.stringify({ name: '@x/api', dependencies: { express: '^5' }, scripts: { build: 'tsc -b tsconfig.json' } }),
      '/ws/mods/api/tsconfig.json': TSCONFIG,
      '/ws/mods/identity/package.json': JSON.stringify({ name: '@x/identity', dependencies: { express: '^5' }, scripts: { build: 'tsc -b tsconfig.json' } }),
      '/ws/mods/identity/tsconfig.json': TSCONFIG,
      '/ws/mods/identity/src/server/index.ts': "import express from 'express';\nexpress().listen(9000);\n",
      '/ws/Dockerfile':
        'FROM node:22-slim AS builder\nWORKDIR /work\nCOPY package.json ./\nCOPY mods ./mods\nRUN npm install\nRUN npm run build\n\nFROM node:22-slim\nWORKDIR /service\nCOPY --from=builder /work/node_modules ./node_modules\nCOPY --from=builder /work/mods/identity ./mods/identity\nCMD ["sh", "-c", "cd /service/mods/identity && node dist/server/index.js"]\n',
    });
    await expectMapping(fs, '/ws/mods/identity/src', '/service/mods/identity/dist');
  });

  test('servers copied into the builder by their common folder and one copied out to the same place below another root (no copy of the whole context there): the package the image starts in runs, not the first server of the folder', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ name: 'root', private: true }),
      '/ws/pnpm-workspace.yaml': 'packages:\n  - services/apps/*\n',
      '/ws/services/apps/alpha/package.json': JSON.stringify({ name: '@x/alpha', dependencies: { express: '^4' }, scripts: { start: 'tsx src/main.ts' } }),
      '/ws/services/apps/alpha/tsconfig.json': JSON.stringify({ include: ['src'] }),
      '/ws/services/apps/alpha/src/main.ts': "import express from 'express';\nexpress().listen(1);\n",
      '/ws/services/apps/beta/package.json': JSON.stringify({ name: '@x/beta', dependencies: { express: '^4' }, scripts: { start: 'tsx src/main.ts' } }),
      '/ws/services/apps/beta/tsconfig.json': JSON.stringify({ include: ['src'] }),
      '/ws/services/apps/beta/src/main.ts': "import express from 'express';\nexpress().listen(2);\n",
      '/ws/Dockerfile':
        'FROM node:20-alpine AS builder\nWORKDIR /srv/app\nCOPY ./pnpm-workspace.yaml ./\nCOPY ./services ./services\nRUN pnpm i\n\nFROM node:20-alpine AS runner\nWORKDIR /srv/app\nCOPY --from=builder /srv/app/node_modules ./node_modules\nCOPY --from=builder /srv/app/services/apps/beta/ ./services/apps/beta\nWORKDIR /srv/app/services/apps/beta\nCMD ["pnpm", "run", "start"]\n',
    });
    await expectMapping(fs, '/ws/services/apps/beta/src', '/srv/app/services/apps/beta/src', false);
  });

  test('a bundle file copied alone under a name of its own (COPY --from=builder /app/apps/flows/dist/index.js /app/index.js): the bundle is where it lands', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ name: 'root', workspaces: ['apps/*', 'packages/*'] }),
      '/ws/apps/flows/package.json': JSON.stringify({ name: 'flows', dependencies: { effect: '^4' }, scripts: { build: 'bun build src/index.ts --target bun --outdir dist' } }),
      '/ws/apps/flows/src/index.ts': 'export {};\n',
      '/ws/apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { next: '^15' } }),
      '/ws/Dockerfile': 'FROM oven/bun:1 AS builder\nWORKDIR /app\nCOPY . .\nRUN bun install --filter flows\nRUN cd apps/flows && bun run build\n\nFROM oven/bun:1 AS release\nWORKDIR /app\nCOPY --from=builder /app/apps/flows/dist/index.js /app/index.js\nENTRYPOINT ["bun", "/app/index.js"]\n',
    });
    await expectMapping(fs, '/ws/apps/flows/src', '/app', true);
  });

  test('the same for a package built as the context itself: the renamed bundle file is the target, not the source copied nowhere', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ name: 'svc', dependencies: { hono: '^4' }, scripts: { build: 'bun build src/main.ts --target bun --outdir out' } }),
      '/ws/src/main.ts': "import { Hono } from 'hono';\nexport default new Hono();\n",
      '/ws/Dockerfile': 'FROM oven/bun:1 AS build\nWORKDIR /src\nCOPY . .\nRUN bun run build\n\nFROM oven/bun:1\nCOPY --from=build /src/out/main.js /srv/app.js\nCMD ["bun", "/srv/app.js"]\n',
    });
    await expectMapping(fs, '/ws/src', '/srv', true);
  });

  test("a server bundled by a build script file (esbuild, its output folder joined to the script's ESM folder) beside Vite's client build: the script's output, not Vite's outDir", async () => {
    const script = [
      "import path from 'node:path';",
      "import { fileURLToPath } from 'node:url';",
      "import { build } from 'esbuild';",
      "const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');",
      "const OUT_DIR = path.join(APP, 'dist', 'server');",
      "const ENTRIES = [{ name: 'server', entry: 'src/server.mts' }];",
      'for (const { name, entry } of ENTRIES) {',
      '  await build({ entryPoints: [path.join(APP, entry)], outfile: path.join(OUT_DIR, `${name}.cjs`), bundle: true, platform: "node" });',
      '}',
    ].join('\n');
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ name: 'app', dependencies: { hono: '^4' }, devDependencies: { vite: '^8', esbuild: '^0.25' }, scripts: { build: 'vite build && pnpm run build:server', 'build:server': 'node scripts/build-server.mjs', start: './scripts/start.sh' } }),
      '/ws/vite.config.ts': "export default { build: { outDir: 'dist/client' } };\n",
      '/ws/scripts/build-server.mjs': script,
      '/ws/scripts/start.sh': '#!/bin/bash\nexec $START_COMMAND\n',
      '/ws/src/server.mts': "import { Hono } from 'hono';\nexport default new Hono();\n",
      '/ws/Dockerfile': 'FROM node:24-alpine AS builder\nWORKDIR /app\nCOPY . .\nRUN pnpm install && pnpm run build\n\nFROM node:24-alpine\nWORKDIR /app\nCOPY --from=builder /app /app\nCMD pnpm start\n',
    });
    await expectMapping(fs, '/ws/src', '/app/dist/server', true);
  });

  test('a context with no package of its own copied whole above the WORKDIR (`COPY . /srv` in WORKDIR /srv/api, `npm start`): the server package at that WORKDIR, its source as copied there', async () => {
    const fs = memFs({
      '/ws/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4' }, scripts: { start: 'node ./bin/run' } }),
      '/ws/api/bin/run': "#!/usr/bin/env node\nconst app = require('../server');\nconst log = require('../lib/log');\napp.listen(8000, () => log('up'));\n",
      '/ws/api/server.js': "const express = require('express');\nmodule.exports = express();\n",
      '/ws/api/lib/log.js': 'module.exports = console.log;\n',
      '/ws/widgets/package.json': JSON.stringify({ name: 'widgets', scripts: { build: 'webpack' } }),
      '/ws/Dockerfile': 'FROM node:22-alpine\nWORKDIR /srv/api\nCOPY . /srv\nRUN npm ci && cd ../widgets && npm ci && npm run build\nCMD ["npm", "run", "start"]\n',
    });
    await expectMapping(fs, '/ws/api', '/srv/api', false);
  });
});

suite('monorepo images: the package a turbo filter selects', () => {
  const apps = (build: string) =>
    memFs({
      '/ws/package.json': JSON.stringify({ name: 'root', private: true, devDependencies: { turbo: '^2' }, packageManager: 'pnpm@9.0.0' }),
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n  - packages/*\n',
      '/ws/apps/web/package.json': JSON.stringify({ name: '@acme/web', dependencies: { next: '^14', '@acme/db': 'workspace:*' }, scripts: { build: 'next build', start: 'next start' } }),
      '/ws/apps/web/tsconfig.json': JSON.stringify({ include: ['src'], compilerOptions: { noEmit: true } }),
      '/ws/apps/web/src/app/page.tsx': 'export default function Page() { return null; }\n',
      '/ws/apps/admin/package.json': JSON.stringify({ name: '@acme/admin', dependencies: { next: '^14' }, scripts: { build: 'next build', start: 'next start' } }),
      '/ws/apps/admin/src/app/page.tsx': 'export default function Page() { return null; }\n',
      '/ws/packages/db/package.json': JSON.stringify({ name: '@acme/db', scripts: { 'prisma:generate': 'prisma generate' } }),
      '/ws/apps/web/Dockerfile': `FROM node:20-alpine\nCOPY . home/node/app\nWORKDIR /home/node/app\nRUN npm i -g turbo pnpm\nRUN pnpm i --frozen-lockfile\nRUN turbo -F @acme/db prisma:generate\nRUN ${build}\nCMD ["turbo", "start", "-F", "@acme/web"]\n`,
    });

  test("turbo's short -F selects the package as --filter does (turbo build -F @acme/web): its Next.js bundle", async () => {
    for (const build of ['turbo build -F @acme/web', 'turbo run build --filter=@acme/web']) {
      const m = await inferMapping(apps(build), buildSpec('/ws/apps/web/Dockerfile'));
      const why = m?.evidence.join('\n');
      assert.deepEqual({ sourceRoot: m?.sourceRoot, target: m?.target, bundled: m?.bundled }, { sourceRoot: '/ws/apps/web/src', target: '/home/node/app/apps/web/.next', bundled: true }, `${build}\n${why}`);
    }
  });
});
