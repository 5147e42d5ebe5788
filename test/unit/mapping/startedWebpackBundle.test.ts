// One package building several programs with webpack, each image running one: the config whose
// output holds the file the image starts, its entry and output computed from constants of the file.
import { assertMapping } from './assertMapping';

const config = (entryDir: string, entryFile: string, out: string) =>
  [
    "import path from 'path';",
    "import { makeServerConfig } from './parts/make';",
    'export default (env) => {',
    "  const top = env.top || path.resolve(__dirname, '..', '..');",
    "  const code = path.resolve(top, 'lib');",
    `  const programDir = path.resolve(code, ${entryDir});`,
    `  const folders = { top, entry: path.resolve(programDir, '${entryFile}'), output: path.resolve(top, '${out}') };`,
    '  return makeServerConfig({ folders, mode: env.mode });',
    '};',
  ].join('\n');

const files = (dockerfile: string): Record<string, string> => ({
  '/ws/package.json': JSON.stringify({
    dependencies: { express: '^4' },
    devDependencies: { webpack: '^5', typescript: '^5' },
    scripts: {
      'make:rest:release': 'rm -rf ./out-rest/ && webpack --env mode=production --config ./tools/rest/webpack.config.ts',
      'make:chat:release': 'rm -rf ./out-chat/ && webpack --env mode=production --config ./tools/chat/webpack.config.ts',
      'build:rest:release': 'yarn make:rest:release',
      'build:chat:release': 'yarn make:chat:release',
      'run:rest': 'node ./out-rest/main.js',
      'run:chat': 'node ./out-chat/entry.js',
    },
  }),
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist/' } }),
  '/ws/tools/rest/webpack.config.ts': config("'rest'", 'main.ts', 'out-rest'),
  '/ws/tools/chat/webpack.config.ts': config("'realtime', 'server'", 'entry.ts', 'out-chat'),
  '/ws/lib/rest/main.ts': "import express from 'express';\nexpress().listen(3000);\n",
  '/ws/lib/realtime/server/entry.ts': "import express from 'express';\nexpress().listen(3001);\n",
  '/ws/lib/web/index.tsx': '',
  '/ws/Dockerfile': dockerfile,
});

const image = (program: string) => `FROM node:20-alpine\nWORKDIR /srv\nCOPY . /srv\nRUN yarn\nRUN yarn build:${program}:release\nCMD ["yarn", "run:${program}"]\n`;

suite('a package bundling several programs with webpack, each image starting one', () => {
  test("the image starting the REST server's bundle maps the folder of that config's entry to its output folder", async () => {
    await assertMapping(files(image('rest')), { sourceRoot: '/ws/lib/rest', target: '/srv/out-rest', bundled: true, buildOutDir: '/ws/out-rest' });
  });

  test("the image starting the other program's bundle maps that program's folder, its entry folder given by constants of several parts", async () => {
    await assertMapping(files(image('chat')), { sourceRoot: '/ws/lib/realtime/server', target: '/srv/out-chat', bundled: true });
  });

  test('an image starting no file a webpack config writes keeps the compiled mapping', async () => {
    const dockerfile = 'FROM node:20-alpine\nWORKDIR /srv\nCOPY . /srv\nRUN yarn && npx tsc\nCMD ["node", "dist/lib/rest/main.js"]\n';
    await assertMapping(files(dockerfile), { bundled: false });
  });
});
