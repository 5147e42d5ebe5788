// pkgroll (rollup bundling the entries package.json's main/exports name, src to dist) bundles a
// server as tsup does: the build script running it makes the mapping a bundle. Fixtures of our own.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const spec: ServiceSpec = { name: 'api', project: 'p', projectDir: '/p', composeFiles: [], ports: [], drift: {}, build: { context: '/p', dockerfile: '/p/Dockerfile' } };

const files = (build: string): Record<string, string> => ({
  '/p/package.json': JSON.stringify({ name: 'kiln', main: 'dist/index.mjs', scripts: { build }, dependencies: { express: '^5' } }),
  '/p/src/index.ts': "import express from 'express';\nexpress().listen(8080);\n",
  '/p/scripts/cleanup.ts': 'console.log(1);\n',
  // A tool fetched into /usr/local/bin in the final stage, and a one-shot script run before the server.
  '/p/Dockerfile': [
    'FROM node:lts AS build',
    'WORKDIR /srv/kiln',
    'COPY ./package.json ./',
    'COPY ./src ./src',
    'COPY ./scripts ./scripts',
    'RUN npm install && npm run build',
    'FROM node:lts',
    'WORKDIR /srv/kiln',
    'COPY --from=build /srv/kiln/node_modules ./node_modules',
    'COPY --from=build /srv/kiln/dist ./dist',
    'COPY --from=build /srv/kiln/scripts ./scripts',
    'RUN curl -fsSL https://example.com/tool-1.0.tgz | tar xz -C /usr/local/bin/',
    'CMD npx tsx scripts/cleanup.ts && node dist/index.mjs',
  ].join('\n'),
});

suite('pkgroll builds', () => {
  test('"build": "pkgroll": src bundled into dist, the folder the final stage copies', async () => {
    const m = await inferMapping(memFs(files('pkgroll')), spec);
    assert.equal(m?.sourceRoot, '/p/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/kiln/dist');
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes('bundled: pkgroll (its "build" script)'), m?.evidence.join('\n'));
  });

  test('with options and after a clean step', async () => {
    const m = await inferMapping(memFs(files('rm -rf dist && pkgroll --minify')), spec);
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/kiln/dist');
  });
});
