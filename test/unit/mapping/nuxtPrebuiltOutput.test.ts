// A Nuxt app whose Nitro output (.output) is built before `docker build` (committed, or made by CI)
// and copied in from the context: the image runs that bundle, not a source file as copied; the
// source is the app's folder holding its srcDir and server folder (nitroRoutes.ts nuxtAppSource).
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const spec: ServiceSpec = {
  name: 'site',
  project: 'ws',
  projectDir: '/ws',
  composeFiles: ['/ws/compose.yaml'],
  ports: [],
  drift: {},
  build: { context: '/ws/site', dockerfile: '/ws/site/Dockerfile' },
};

/** Our own Nuxt app: sources in src/, server handlers in server/ beside it, the built output present. */
function app(config: string): Record<string, string> {
  return {
    '/ws/site/package.json': JSON.stringify({ name: 'site', scripts: { build: 'nuxt build', start: 'node ./.output/server/index.mjs' }, devDependencies: { nuxt: '^3.12.0' } }),
    '/ws/site/nuxt.config.ts': config,
    '/ws/site/src/pages/index.vue': '<template><p>hi</p></template>',
    '/ws/site/server/routes/ping.ts': 'export default defineEventHandler(() => "pong");',
    '/ws/site/src/server/api/health.ts': 'export default defineEventHandler(() => "ok");',
    '/ws/site/.output/server/index.mjs': 'import "./chunks/nitro.mjs";',
    '/ws/site/.output/server/chunks/nitro.mjs': 'export {};',
    '/ws/site/Dockerfile': ['FROM node:22-alpine', 'COPY ./package.json ./package.json', 'COPY ./.output ./.output', 'CMD ["npm", "run", "start"]'].join('\n'),
  };
}

suite('inferMapping: a Nuxt app whose built output the Dockerfile copies from the context', () => {
  test('server folder beside srcDir: the app folder, bundled into .output/server where the COPY puts it', async () => {
    const m = await inferMapping(memFs(app("export default defineNuxtConfig({ srcDir: 'src/', serverDir: 'server/' });")), spec);
    assert.equal(m && `${m.sourceRoot} -> ${m.target}${m.bundled ? ' (bundled)' : ''}`, '/ws/site -> /.output/server (bundled)', m?.evidence.join('\n'));
  });

  test('server folder inside srcDir (Nuxt 3 default): the srcDir', async () => {
    const files = app("export default defineNuxtConfig({ srcDir: 'src/' });");
    delete files['/ws/site/server/routes/ping.ts'];
    const m = await inferMapping(memFs(files), spec);
    assert.equal(m?.sourceRoot, '/ws/site/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/.output/server');
  });
});
