// A build script file of the project (`"build": "node build.js"`) that runs tsc itself with a config
// of its own choosing, beside a tsconfig.json holding only the shared options: the config the
// script names decides where the server's compiled files go.
import { memFs } from '../helpers/memFs';
import { assertMapping } from './assertMapping';

const DOCKERFILE = 'FROM node:22 AS build\nWORKDIR /srv\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-slim\nWORKDIR /srv\nCOPY --from=build /srv/node_modules ./node_modules\nCOPY --from=build /srv/out ./out\nCMD ["node", "out/index.js"]\n';

const files = (script: string) => ({
  '/ws/package.json': JSON.stringify({ dependencies: { express: '^5' }, scripts: { build: 'node tools/make.mjs' } }),
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext' } }),
  '/ws/tsconfig.check.json': JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: true }, include: ['app/web'] }),
  '/ws/tsconfig.api.json': JSON.stringify({ extends: './tsconfig.json', compilerOptions: { rootDir: './app', outDir: './out' }, include: ['app'], exclude: ['app/web'] }),
  '/ws/tools/make.mjs': script,
  '/ws/app/index.ts': "import express from 'express';\nexpress().listen(3000);\n",
  '/ws/app/web/main.ts': 'document.title = "x";\n',
  '/ws/Dockerfile': DOCKERFILE,
});

suite('a tsconfig a build script file runs tsc with', () => {
  test('spawn arguments (`["tsc", "-p", "tsconfig.api.json"]`) after a type check with a noEmit config: the emitting config maps app to out', async () => {
    const script = "import { spawnSync } from 'node:child_process';\nspawnSync('npx', ['tsc', '-p', 'tsconfig.check.json']);\nspawnSync('npx', ['tsc', '-p', 'tsconfig.api.json'], { stdio: 'inherit' });\n";
    await assertMapping(memFs(files(script)), { sourceRoot: '/ws/app', target: '/srv/out', buildOutDir: '/ws/out', bundled: false });
  });

  test('a command line (`execSync("tsc --project tsconfig.api.json")`) names it the same way', async () => {
    const script = "import { execSync } from 'node:child_process';\nexecSync('tsc --project tsconfig.api.json', { stdio: 'inherit' });\n";
    await assertMapping(memFs(files(script)), { sourceRoot: '/ws/app', target: '/srv/out', buildOutDir: '/ws/out', bundled: false });
  });
});
