// A Nest CLI project whose nest-cli.json names the project folder itself as its source root
// (`"sourceRoot": "."`): tsc, with no rootDir, keeps output paths from the common root of its
// inputs, so where the output lands depends on which folders hold inputs, not on that ".".
// Fixtures of our own.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const spec = (): ServiceSpec => ({ ...buildSpec('/ws/server/Dockerfile'), name: 'api', build: { context: '/ws/server', dockerfile: '/ws/server/Dockerfile' } });

const DOCKERFILE = [
  'FROM node:22-alpine AS build',
  'WORKDIR /app',
  'COPY package.json tsconfig.json tsconfig.build.json nest-cli.json ./',
  'RUN npm ci',
  'COPY src ./src',
  'RUN npm run build',
  'FROM node:22-alpine',
  'WORKDIR /app',
  'COPY --from=build /app/dist ./dist',
  'CMD ["node", "dist/main.js"]',
].join('\n');

const project = (extra: Record<string, string> = {}) =>
  memFs({
    '/ws/server/package.json': JSON.stringify({ dependencies: { '@nestjs/core': '11' }, scripts: { build: 'nest build' } }),
    '/ws/server/nest-cli.json': '{"collection":"@nestjs/schematics","sourceRoot":"."}',
    '/ws/server/tsconfig.json': '{"compilerOptions":{"outDir":"./dist"}}',
    '/ws/server/tsconfig.build.json': '{"extends":"./tsconfig.json","exclude":["node_modules","dist","test","vitest.config.ts","**/*spec.ts"]}',
    '/ws/server/vitest.config.ts': '',
    '/ws/server/test/app.e2e-spec.ts': '',
    '/ws/server/src/main.ts': "import { NestFactory } from '@nestjs/core';\n",
    '/ws/server/src/app.module.ts': '',
    '/ws/server/Dockerfile': DOCKERFILE,
    ...extra,
  });

suite('nest-cli.json sourceRoot "." (the project folder)', () => {
  test('with every input under src (the others excluded), src is the source root: src/main.ts is dist/main.js', async () => {
    const m = await inferMapping(project(), spec());
    assert.equal(m?.sourceRoot, '/ws/server/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
  });

  test('an input outside src that the image compiles too (a root-level data-source.ts, the whole folder copied) makes tsc keep src in the output: src is dist/src', async () => {
    const whole = DOCKERFILE.replace('COPY package.json tsconfig.json tsconfig.build.json nest-cli.json ./', 'COPY . .').replace('COPY src ./src\n', '').replace('dist/main.js', 'dist/src/main.js');
    const m = await inferMapping(project({ '/ws/server/data-source.ts': 'export const source = {};\n', '/ws/server/Dockerfile': whole }), spec());
    assert.equal(m?.sourceRoot, '/ws/server/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist/src', m?.evidence.join('\n'));
  });

  test('a named folder (`"sourceRoot": "src"`) is taken as before', async () => {
    const m = await inferMapping(project({ '/ws/server/nest-cli.json': '{"sourceRoot":"src"}' }), spec());
    assert.equal(m?.sourceRoot, '/ws/server/src', m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => e.includes('nest-cli.json sourceRoot')), m?.evidence.join('\n'));
  });
});
