// A launcher at the package root choosing by NODE_ENV what it loads: the webpack bundle of the
// server in production, the server's source through a require hook otherwise. What the image
// starts it with (the stage's ENV, compose's environment, the start script's own NODE_ENV=...)
// decides which block runs, so which of the two the container runs.
import assert from 'node:assert/strict';
import { envTakenCode } from '../../../src/core/mapping/envTakenCode';
import { buildSpec } from '../helpers/buildSpec';
import { assertMapping } from './assertMapping';

const LAUNCHER = "if (process.env.NODE_ENV === 'production') {\n  require('./dist/api.bundle.js');\n} else {\n  require('@babel/register');\n  require('./api/main');\n}\n";

const files = (env: string, start: string) => ({
  '/ws/package.json': JSON.stringify({
    dependencies: { express: '^4' },
    devDependencies: { webpack: '^5', nodemon: '^3' },
    scripts: { start, 'start:prod': 'NODE_ENV=production node boot.js', build: 'webpack --config webpack.api.js' },
  }),
  '/ws/webpack.api.js': "module.exports = { entry: './api/main.js', target: 'node', output: { path: __dirname + '/dist', filename: 'api.bundle.js' } };\n",
  '/ws/boot.js': LAUNCHER,
  '/ws/api/main.js': "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.end());\napp.listen(8000);\n",
  '/ws/Dockerfile': `FROM node:22 AS dev\nWORKDIR /srv\n${env}COPY package.json ./\nRUN npm install\nCOPY boot.js webpack.api.js ./\nCOPY api ./api\nCMD ["npm", "start"]\n`,
});

suite('a launcher choosing by an environment variable what it loads', () => {
  test('the block an env test takes is kept, the other left out; tests of variables not set keep everything, so does the head of an else-if chain', () => {
    assert.equal(envTakenCode(LAUNCHER, { NODE_ENV: 'development' }).includes('dist/api.bundle.js'), false);
    assert.equal(envTakenCode(LAUNCHER, { NODE_ENV: 'development' }).includes("'./api/main'"), true);
    assert.equal(envTakenCode(LAUNCHER, { NODE_ENV: 'production' }).includes("'./api/main'"), false);
    assert.equal(envTakenCode("if ('production' !== process.env['NODE_ENV']) { a(); }\nb();\n", { NODE_ENV: 'production' }), '{}\nb();\n');
    assert.equal(envTakenCode(LAUNCHER, { PORT: '1' }), LAUNCHER);
    const chain = "if (process.env.MODE === 'a') { a(); } else if (process.env.MODE === 'b') { b(); }\n";
    assert.equal(envTakenCode(chain, { MODE: 'b' }), "if (process.env.MODE === 'a') { a(); } else { b(); }\n");
    assert.equal(envTakenCode("if (process.env.A === '}') { x('{'); /* } */ } else { y(); }", { A: 'z' }), '{ y(); }');
  });

  test("started in development (the stage's ENV), it runs the source it requires, not the bundle its other block names", async () => {
    await assertMapping(files('ENV NODE_ENV=development\n', 'nodemon boot.js'), { sourceRoot: '/ws', target: '/srv', bundled: false });
  });

  test("the start script's own NODE_ENV=... and compose's environment decide it too", async () => {
    await assertMapping(files('', 'NODE_ENV=development nodemon boot.js'), { sourceRoot: '/ws', target: '/srv', bundled: false });
    const spec = { ...buildSpec(), config: { environment: { NODE_ENV: 'development' }, environmentFrom: {}, exposed: [], published: {}, volumes: {}, labels: {} } };
    await assertMapping(files('', 'nodemon boot.js'), { sourceRoot: '/ws', target: '/srv', bundled: false }, spec);
  });

  test('started in production, or with NODE_ENV unknown, the launcher still starts the bundle of its build output', async () => {
    await assertMapping(files('ENV NODE_ENV=production\n', 'nodemon boot.js'), { bundled: true });
    await assertMapping(files('', 'nodemon boot.js'), { bundled: true });
  });
});
