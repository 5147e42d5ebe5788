// A server bundled by webpack from the entry its config names, the bundle file moved by a RUN of the image.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';
import { assertMapping } from './assertMapping';

const spec: ServiceSpec = { name: 'console', project: 'p', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, build: { context: '/ws', dockerfile: '/ws/Dockerfile' } };

const files = (config: string, dockerfile: string) =>
  memFs({
    '/ws/package.json': JSON.stringify({
      dependencies: { koa: '^2', react: '^18' },
      devDependencies: { webpack: '^5' },
      scripts: { build: 'yarn build:web && yarn build:server', 'build:web': 'webpack --config tools/web.config.js', 'build:server': 'webpack --config tools/server.config.js', serve: 'NODE_ENV=production node api/app.js' },
    }),
    '/ws/tools/server.config.js': config,
    '/ws/api/app.js': "const Koa = require('koa');\nnew Koa().listen(8000);\n",
    '/ws/web/index.js': '',
    '/ws/Dockerfile': dockerfile,
  });

const SERVER_CONFIG = "const root = (p) => require('path').resolve(__dirname, `../${p}`);\nmodule.exports = {\n  entry: {\n    app: './api/app.js',\n  },\n  output: { path: root('dist/'), filename: '[name].js' },\n  target: 'node',\n};\n";
const DOCKERFILE = 'FROM node:20\nWORKDIR /srv/console\nCOPY . /srv/console\nRUN mv dist/app.js api/app.js\nCMD ["npm", "run", "serve"]\n';

suite('a webpack-bundled server whose bundle a RUN moves', () => {
  test("the source root is the folder of the entry the server's webpack config names", async () => {
    await assertMapping(files(SERVER_CONFIG, DOCKERFILE), { sourceRoot: '/ws/api', bundled: true }, spec);
  });

  test('the target is where the image starts the bundle file a RUN moved out of the output folder', async () => {
    await assertMapping(files(SERVER_CONFIG, DOCKERFILE), { target: '/srv/console/api', buildOutDir: '/ws/dist' }, spec);
  });

  test('the output folder moved into another stage\'s folder (mv /repo/dist/ /out/), copied from there, and the bundle file moved again', async () => {
    const multiStage = 'FROM node:20 AS builder\nWORKDIR /repo\nADD . /repo/\nRUN yarn && yarn build\nRUN mkdir -p /out/api\nRUN mv /repo/dist/ /out/\nFROM node:20\nWORKDIR /srv/console\nCOPY --from=builder /out/ /srv/console/\nRUN mv dist/app.js api/app.js\nCMD ["npm", "run", "serve"]\n';
    await assertMapping(files(SERVER_CONFIG, multiStage), { sourceRoot: '/ws/api', target: '/srv/console/api' }, spec);
  });

  test('a config setting its own context, or an entry in the project folder itself, names no source folder', async () => {
    const withContext = await inferMapping(files(SERVER_CONFIG.replace('entry:', "context: '/x',\n  entry:"), DOCKERFILE), spec);
    assert.notEqual(withContext?.sourceRoot, '/ws/api');
    const flat = await inferMapping(files(SERVER_CONFIG.replace('./api/app.js', './app.js'), DOCKERFILE), spec);
    assert.notEqual(flat?.sourceRoot, '/ws/api');
  });
});
