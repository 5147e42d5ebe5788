import assert from 'node:assert/strict';
import { findScriptedBundle } from '../../../src/core/mapping/bundleScript';
import type { BuildProject } from '../../../src/core/mapping/buildProject';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';
import { inferMapping } from '../../../src/core/mapping/infer';
import { assertMapping } from './assertMapping';

const project = (scripts: Record<string, string>): BuildProject => ({ dir: '/p', pkg: { deps: {}, scripts }, server: 'express' });
const BUILD = /^build$/;

async function read(script: string, files: Record<string, string>) {
  return findScriptedBundle(memFs(files), project({ build: script }), BUILD);
}

suite('build script files that bundle through a bundler API', () => {
  test('Bun.build: entrypoints and outdir, relative to the folder the script runs in', async () => {
    const found = await read('bun run build.ts', { '/p/build.ts': "await Bun.build({ entrypoints: ['src/index.ts'], outdir: 'dist', target: 'bun' });" });
    assert.deepEqual(found, { tool: 'Bun.build', file: 'build.ts', script: 'build', entries: ['/p/src/index.ts'], output: '/p/dist' });
  });

  test("esbuild's buildSync through require, its options in a constant of the file; outfile gives its folder", async () => {
    const text = "const { buildSync: bundle } = require('esbuild');\nconst options = { entryPoints: { server: 'api/main.ts' }, bundle: true, outfile: 'out/server.js' };\nbundle(options);\n";
    const found = await read('node ./scripts/build.js && echo done', { '/p/scripts/build.js': text });
    assert.deepEqual(found, { tool: 'esbuild', file: 'scripts/build.js', script: 'build', entries: ['/p/api/main.ts'], output: '/p/out' });
  });

  test("rollup: its input, and the folder bundle.write names; joined to __dirname it is the script's own folder's", async () => {
    const text = "import { rollup } from 'rollup';\nconst bundle = await rollup({ input: 'src/server.ts' });\nawait bundle.write({ dir: path.resolve(__dirname, 'build') });\n";
    const found = await read('tsx tools/rollup.ts', { '/p/tools/rollup.ts': text });
    assert.deepEqual(found, { tool: 'rollup', file: 'tools/rollup.ts', script: 'build', entries: ['/p/src/server.ts'], output: '/p/tools/build' });
  });

  test("tsup's build() API: entry and outDir", async () => {
    const found = await read('node --import tsx build.ts', { '/p/build.ts': "import { build } from 'tsup';\nawait build({ entry: ['src/main.ts'], outDir: 'lib' });\n" });
    assert.deepEqual(found, { tool: 'tsup', file: 'build.ts', script: 'build', entries: ['/p/src/main.ts'], output: '/p/lib' });
  });

  test("an option naming a top-level const of the file reads the const's value (`outdir: OUTDIR`); a let or an imported name says nothing", async () => {
    const text = "import path from 'node:path';\nconst OUTDIR = path.resolve(import.meta.dir, '../out/web');\nawait Bun.build({ entrypoints: ['src/index.html'], outdir: OUTDIR });\n";
    const found = await read('bun run tools/build.ts', { '/p/tools/build.ts': text });
    assert.deepEqual(found, { tool: 'Bun.build', file: 'tools/build.ts', script: 'build', entries: ['/p/src/index.html'], output: '/p/out/web' });
    const mutable = await read('bun run build.ts', { '/p/build.ts': text.replace('const OUTDIR', 'let OUTDIR') });
    assert.equal(mutable?.output, undefined);
    const imported = await read('bun run build.ts', { '/p/build.ts': "import { OUTDIR } from './paths';\nawait Bun.build({ entrypoints: ['src/index.html'], outdir: OUTDIR });\n" });
    assert.equal(imported?.output, undefined);
  });

  test('an output computed at run time names no folder; the call still says the output is a bundle', async () => {
    const found = await read('node build.mjs', { '/p/build.mjs': "import esbuild from 'esbuild';\nawait esbuild.build({ entryPoints: [entry], bundle: true, outdir: process.env.OUT });\n" });
    assert.deepEqual(found, { tool: 'esbuild', file: 'build.mjs', script: 'build', entries: [] });
  });

  test('entries the call reads from its command line are the source files among the arguments after the script (not the output it names)', async () => {
    const text = "import esbuild from 'esbuild';\nconst argv = parse(process.argv);\nawait esbuild.build({ entryPoints: [argv.entry], bundle: true, outfile: argv.out });\n";
    const found = await read('next build && node scripts/bundle.mjs -e api/main.ts -o out/api.mjs', { '/p/scripts/bundle.mjs': text, '/p/api/main.ts': 'export {};' });
    assert.deepEqual(found, { tool: 'esbuild', file: 'scripts/bundle.mjs', script: 'build', entries: ['/p/api/main.ts'] });
  });

  test('not a bundling call: a build() of another module, a script that bundles nothing, the bun build CLI, a script of another name', async () => {
    assert.equal(await read('node build.mjs', { '/p/build.mjs': "import { build } from './lib.mjs';\nbuild({ outdir: 'dist' });\n" }), undefined);
    assert.equal(await read('node build.mjs', { '/p/build.mjs': "import { cpSync } from 'node:fs';\ncpSync('src', 'dist', { recursive: true });\n" }), undefined);
    assert.equal(await read('bun build build.ts --outdir dist', { '/p/build.ts': "await Bun.build({ entrypoints: ['x.ts'], outdir: 'y' });" }), undefined);
    const other = await findScriptedBundle(memFs({ '/p/build.ts': "await Bun.build({ entrypoints: ['x.ts'], outdir: 'y' });" }), project({ 'build:web': 'bun build.ts' }), BUILD);
    assert.equal(other, undefined);
  });
  test("esbuild's API transforms file by file unless asked to bundle; tsup's bundles unless told not; options from elsewhere may bundle", async () => {
    const esbuild = (options: string) => read('node ./build.js', { '/p/build.js': `const { build } = require('esbuild');\nbuild({ entryPoints: ['./src/**/*.ts'], outdir: 'dist'${options} });\n` });
    assert.equal(await esbuild(''), undefined);
    assert.equal(await esbuild(', bundle: false, platform: "node"'), undefined);
    assert.equal((await esbuild(', bundle: true'))?.tool, 'esbuild');
    assert.equal((await esbuild(', bundle: process.env.BUNDLE === "1"'))?.tool, 'esbuild');
    assert.equal((await esbuild(', ...shared'))?.tool, 'esbuild');
    const tsup = (options: string) => read('node build.mjs', { '/p/build.mjs': `import { build } from 'tsup';\nawait build({ entry: ['src/main.ts']${options} });\n` });
    assert.equal(await tsup(', bundle: false'), undefined);
    assert.equal((await tsup(''))?.tool, 'tsup');
    // The first call that bundles is the one read: a transform before it is passed over.
    const both = "import * as esbuild from 'esbuild';\nawait esbuild.build({ entryPoints: ['src/a.ts'], outdir: 'lib' });\nawait esbuild.build({ entryPoints: ['src/main.ts'], bundle: true, outdir: 'out' });\n";
    assert.deepEqual(await read('node build.mjs', { '/p/build.mjs': both }), { tool: 'esbuild', file: 'build.mjs', script: 'build', entries: ['/p/src/main.ts'], output: '/p/out' });
  });

  test("a build CLI's configuration file (-c) naming one outfile: a bundle in that file's folder, its entry the module an entry function imports", async () => {
    const config = "import path from 'node:path';\nexport default defineConfig({\n  build: { minify: true, outfile: path.resolve(import.meta.dirname, 'dist/app.js') },\n  entry: () => import('./src/main.js'),\n});\n";
    const found = await read('rm -rf dist && NODE_ENV=production acme build -c acme.config.ts', { '/p/acme.config.ts': config });
    assert.deepEqual(found, { tool: 'acme', file: 'acme.config.ts', script: 'build', entries: ['/p/src/main.js'], output: '/p/dist' });
    // A configuration naming an output folder only (outDir, as vite's or tsup's do) says nothing of one bundle.
    assert.equal(await read('acme build --config acme.config.ts', { '/p/acme.config.ts': "export default { outDir: 'dist' };\n" }), undefined);
  });

  test('a script file a RUN of the Dockerfile runs (node build.mjs in the RUN\'s folder), when the file or its entries are in the project', async () => {
    const files = { '/p/tools/build.mjs': "import * as esbuild from 'esbuild';\nawait esbuild.build({ entryPoints: ['../src/main.ts'], bundle: true, outdir: '../out' });\n" };
    const found = await findScriptedBundle(memFs(files), project({}), BUILD, [{ command: 'node build.mjs', dir: '/p/tools', line: 7 }]);
    assert.deepEqual(found, { tool: 'esbuild', file: 'tools/build.mjs', script: '', line: 7, entries: ['/p/src/main.ts'], output: '/p/out' });
    const elsewhere = { '/q/build.mjs': "import * as esbuild from 'esbuild';\nawait esbuild.build({ entryPoints: ['web/main.ts'], bundle: true, outdir: 'www' });\n" };
    assert.equal(await findScriptedBundle(memFs(elsewhere), project({}), BUILD, [{ command: 'node build.mjs', dir: '/q', line: 3 }]), undefined);
  });

  test("a RUN running a turbo task runs the project's script of that name, whatever its name (turbo bundle -> \"bundle\": \"node build.mjs\")", async () => {
    const files = { '/p/build.mjs': "import * as esbuild from 'esbuild';\nawait esbuild.build({ entryPoints: ['src/main.ts'], bundle: true, outfile: 'dist/main.js' });\n" };
    const scripts = { bundle: 'rm -rf dist && node build.mjs' };
    for (const command of ['turbo bundle', 'pnpm turbo run bundle --filter=api', 'npx turbo run lint bundle']) {
      const found = await findScriptedBundle(memFs(files), project(scripts), BUILD, [{ command, dir: '/ws', line: 9 }]);
      assert.deepEqual(found, { tool: 'esbuild', file: 'build.mjs', script: 'bundle', entries: ['/p/src/main.ts'], output: '/p/dist' }, command);
    }
    // turbo's own commands, and a task the project has no script for, run nothing of it.
    assert.equal(await findScriptedBundle(memFs(files), project(scripts), BUILD, [{ command: 'turbo prune bundle --docker', dir: '/ws', line: 9 }]), undefined);
    assert.equal(await findScriptedBundle(memFs(files), project(scripts), BUILD, [{ command: 'turbo pack', dir: '/ws', line: 9 }]), undefined);
  });

  test("a turbo RUN filtered to another package runs none of the project's tasks; a task turbo.json makes another depend on runs with it (make-bin dependsOn bundle)", async () => {
    const files = { '/p/build.mjs': "import * as esbuild from 'esbuild';\nawait esbuild.build({ entryPoints: ['src/main.ts'], bundle: true, outdir: 'dist' });\n" };
    const named: BuildProject = { dir: '/p', pkg: { name: '@tv/server', deps: {}, scripts: { bundle: 'node build.mjs', 'make-bin': 'node pack.mjs' } }, server: 'fastify' };
    const run = (command: string, extra: Record<string, string> = {}) => findScriptedBundle(memFs({ ...files, ...extra }), named, BUILD, [{ command, dir: '/p', line: 9 }], '/');
    assert.equal(await run('pnpm turbo bundle --filter=@tv/web'), undefined);
    assert.equal((await run('pnpm turbo bundle --filter=@tv/server'))?.script, 'bundle');
    assert.equal((await run('pnpm turbo bundle --filter=server'))?.script, 'bundle');
    assert.equal(await run('pnpm turbo make-bin'), undefined);
    const dependsOn = { '/p/turbo.json': JSON.stringify({ extends: ['//'], tasks: { 'make-bin': { dependsOn: ['^build', '@tv/web#bundle', 'bundle'] } } }) };
    assert.equal((await run('pnpm turbo make-bin -- --target linux-x64', dependsOn))?.script, 'bundle');
    const rootOnly = { '/turbo.json': JSON.stringify({ tasks: { '@tv/server#make-bin': { dependsOn: ['@tv/server#bundle'] } } }) };
    assert.equal((await run('pnpm turbo make-bin', rootOnly))?.script, 'bundle');
    assert.equal(await run('pnpm turbo make-bin', { '/p/turbo.json': JSON.stringify({ tasks: { 'make-bin': { dependsOn: ['^bundle'] } } }) }), undefined);
  });

  test("a root script the image's build runs bundles one workspace package's entry to a folder the script computes: that package is the image's, its bundle where the image starts the entry's name", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'], scripts: { 'build:api': 'bun tools/build-api.ts' } }),
      '/ws/tools/build-api.ts': "import path from 'node:path';\nimport { ROOT, OUT } from './paths';\nawait Bun.build({ entrypoints: [path.join(ROOT, 'packages/api/src/server.ts')], outdir: path.join(OUT, 'api'), target: 'bun' });\n",
      '/ws/packages/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { express: '5' } }),
      '/ws/packages/api/tsconfig.json': '{"compilerOptions":{"noEmit":true},"include":["src"]}',
      '/ws/packages/api/src/server.ts': '',
      '/ws/packages/web/package.json': JSON.stringify({ name: '@acme/web', dependencies: { react: '19', 'react-dom': '19' } }),
      '/ws/Dockerfile': 'FROM oven/bun:1 AS build\nWORKDIR /app\nCOPY . .\nRUN bun install && bun run build:api\nFROM oven/bun:1-slim\nWORKDIR /srv\nCOPY --from=build /app/out/api ./\nCMD ["bun", "server.js"]\n',
    };
    await assertMapping(files, { sourceRoot: '/ws/packages/api/src', target: '/srv', bundled: true });
  });

  test("glob entries (esbuild's entryPoints: ['src/index.ts', 'src/**/*.ts'] with bundle: true): each file written at its own path below outdir, an emit file for file, not one bundle", async () => {
    const config = "import * as esbuild from 'esbuild';\nawait esbuild.build({ entryPoints: ['src/index.ts', 'src/**/*.ts'], outdir: 'dist', bundle: true, format: 'esm', platform: 'node' });\n";
    const found = await read('node esbuild.config.js', { '/p/esbuild.config.js': config });
    assert.equal(found?.perFile, true);
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ type: 'module', dependencies: { fastify: '5' }, devDependencies: { esbuild: '0.24' }, scripts: { build: 'node esbuild.config.js', start: 'node dist/index.js' } }),
      '/ws/tsconfig.json': '{"compilerOptions":{"outDir":"dist"},"include":["src"]}',
      '/ws/esbuild.config.js': config,
      '/ws/src/index.ts': '',
      '/ws/src/routes/items.ts': '',
      '/ws/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run build\nCMD ["npm", "start"]\n',
    });
    const m = await inferMapping(fs, buildSpec());
    const got = { sourceRoot: m?.sourceRoot, target: m?.target, bundled: m?.bundled, ts: m?.rewrites['.ts'] };
    assert.deepEqual(got, { sourceRoot: '/ws/src', target: '/app/dist', bundled: false, ts: '.js' }, m?.evidence.join('\n'));
  });
  test("a build script running a workspace package's own bin (`tools bundle src/main.ts`), a file calling esbuild's context(): the service's output is a bundle, mapped where the image copies it", async () => {
    const cli = "import { context } from 'esbuild';\nconst [entry] = process.argv.slice(3);\nconst ctx = await context({ entryPoints: [entry], bundle: true, platform: 'node', outfile: 'dist/main.js' });\nawait ctx.rebuild();\nawait ctx.dispose();\n";
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*', 'tools/*'] }),
      '/ws/tools/build/package.json': JSON.stringify({ name: '@acme/build-tools', type: 'module', bin: { tools: './cli.mjs' }, dependencies: { esbuild: '0.24' } }),
      '/ws/tools/build/cli.mjs': cli,
      '/ws/apps/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { fastify: '5' }, devDependencies: { '@acme/build-tools': '*' }, scripts: { build: 'tools bundle src/main.ts' } }),
      '/ws/apps/api/tsconfig.json': '{"include":["src"]}',
      '/ws/apps/api/src/main.ts': '',
      '/ws/Dockerfile': 'FROM node:20 AS build\nWORKDIR /repo\nCOPY . .\nRUN npm ci && npm run build -w @acme/api\nFROM node:20-slim\nWORKDIR /srv\nCOPY --from=build /repo/apps/api/dist .\nCMD ["node", "main.js"]\n',
    };
    await assertMapping(files, { sourceRoot: '/ws/apps/api/src', target: '/srv', bundled: true });
    // A command no package of the workspace provides is no script of the project: nothing says the output is a bundle.
    const unknown = { ...files, '/ws/tools/build/package.json': JSON.stringify({ name: '@acme/build-tools', type: 'module', bin: { other: './cli.mjs' } }) };
    assert.notEqual((await inferMapping(memFs(unknown), buildSpec()))?.bundled, true);
  });
});
