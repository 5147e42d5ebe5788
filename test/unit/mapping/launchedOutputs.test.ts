// A TypeScript launcher the image starts with Node (`node /entry.ts`), spawning the compiled server
// by a path written from its working folder (`spawn(process.execPath, ['dist/api/main.js'])`),
// where a build script, not a compiler option, put that output: the launcher is not the server.
import { memFs } from '../helpers/memFs';
import { assertMapping } from './assertMapping';

const LAUNCHER = "import { spawn } from 'node:child_process';\nconst child = spawn(process.execPath, ['--enable-source-maps', 'dist/api/main.js'], { stdio: 'inherit' });\nchild.on('exit', (code) => process.exit(code ?? 0));\n";
const DOCKERFILE = 'FROM node:24 AS build\nWORKDIR /src\nCOPY . .\nRUN npm ci && npm run build\nRUN mkdir -p /out && cp -a dist package.json node_modules /out/\nFROM node:24\nWORKDIR /srv/app\nCOPY --from=build /out/ ./\nCOPY ops/entry.ts /entry.ts\nENTRYPOINT ["node", "/entry.ts"]\n';

const files = (launcher: string) => ({
  '/ws/package.json': JSON.stringify({ dependencies: { express: '^5' }, scripts: { build: 'tsc -p tsconfig.emit.json && node scripts/move-output.js' } }),
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true }, include: ['src'] }),
  '/ws/src/api/main.ts': "import express from 'express';\nexpress().listen(3000);\n",
  '/ws/ops/entry.ts': launcher,
  '/ws/Dockerfile': DOCKERFILE,
});

suite('a build output started through a TypeScript launcher', () => {
  test('the launcher spawning dist/api/main.js, the output of src/api/main.ts: src maps to where the image has dist', async () => {
    await assertMapping(memFs(files(LAUNCHER)), { sourceRoot: '/ws/src', target: '/srv/app/dist', buildOutDir: '/ws/dist', bundled: false });
  });

  test('a file naming dist/api/main.js without spawning anything is no launcher: the image runs it as copied', async () => {
    await assertMapping(memFs(files("export const served = 'dist/api/main.js';\n")), { sourceRoot: '/ws/ops', target: '/', bundled: false });
  });
});

suite('a start command preloading a module', () => {
  test('`node -r dotenv/config dist/index.js` starts dist/index.js, the output of src/index.ts, at the path a tarball unpacked it to', async () => {
    const dockerfile =
      'FROM node:24 AS build\nWORKDIR /opt\nCOPY . .\nRUN npm ci && npm run build\nRUN tar -zcf pkg.tar.gz package.json dist node_modules\nFROM node:24-slim\nCOPY --from=build /opt/pkg.tar.gz /opt/api/\nWORKDIR /opt/api\nRUN tar -xf pkg.tar.gz && rm pkg.tar.gz\nCMD ["node", "-r", "dotenv/config", "dist/index.js"]\n';
    await assertMapping(
      memFs({
        '/ws/package.json': JSON.stringify({ dependencies: { express: '^5' }, scripts: { build: 'tsc' } }),
        '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
        '/ws/src/index.ts': "import express from 'express';\nexpress().listen(3000);\n",
        '/ws/Dockerfile': dockerfile,
      }),
      { sourceRoot: '/ws/src', target: '/opt/api/dist', buildOutDir: '/ws/dist' },
    );
  });
});
