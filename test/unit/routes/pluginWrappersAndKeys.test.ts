// Fastify plugins wrapped in fastify-plugin where they are registered, path constants under numeric
// keys, and a tsconfig alias whose `*` follows its prefix directly.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const routesOf = (files: Record<string, string>, aliases = [] as { pattern: string; targets: string[] }[]) =>
  collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases },
  )
    .routes.map((r) => `${r.method} ${r.path}`)
    .sort();

suite('routes: fastify-plugin at the register call, numeric keys, `@*` aliases', () => {
  test("register(fp(plugin)) inside a prefixed inline plugin: the plugin's routes under the parent's prefix, its own register prefix ignored", () => {
    const routes = routesOf({
      '/p/src/server.ts':
        "import Fastify from 'fastify';\nimport fp from 'fastify-plugin';\nimport shop from './shop';\nimport notes from './notes';\nimport stock from './stock';\n" +
        'const app = Fastify();\n' +
        "app.register(async (scope) => {\n  await scope.register(fp(shop)).register(fp(notes), { prefix: '/ignored' });\n  await scope.register(stock);\n}, { prefix: '/v2' });\n" +
        'app.listen({ port: 3000 });\n',
      '/p/src/shop.ts': "const shop = async (app) => {\n  app.register(async function (app) {\n    app.get('/:sku', h);\n  }, { prefix: '/orders' });\n};\nexport default shop;\n",
      '/p/src/notes.ts': "export default async function (app) {\n  app.post('/notes', h);\n}\n",
      '/p/src/stock.ts': "export default async function (app) {\n  app.get('/stock', h);\n}\n",
    });
    assert.deepEqual(routes, ['GET /v2/orders/:sku', 'GET /v2/stock', 'POST /v2/notes']);
    // fp(plugin, { encapsulate: true }) stays encapsulated: the register prefix applies.
    const kept = routesOf({
      '/q/app.ts': "import Fastify from 'fastify';\nimport fp from 'fastify-plugin';\nimport notes from './notes';\nconst app = Fastify();\napp.register(fp(notes, { encapsulate: true }), { prefix: '/kept' });\napp.listen({ port: 3000 });\n",
      '/q/notes.ts': "export default async function (app) {\n  app.post('/notes', h);\n}\n",
    });
    assert.deepEqual(kept, ['POST /kept/notes']);
  });

  test('controller and handler paths read from an object keyed by numbers (PATHS[1].widgets, PATHS[2][\'widget-stats\'])', () => {
    const routes = routesOf({
      '/n/src/paths.ts': "export const PATHS = {\n  1: { widgets: 'widgets' },\n  2: { 'widget-stats': 'widget-stats' },\n};\n",
      '/n/src/widgets.controller.ts':
        "import { Controller, Get } from '@nestjs/common';\nimport { PATHS } from './paths';\n@Controller(PATHS[1].widgets)\nexport class WidgetsController {\n  @Get('/:id')\n  one() {}\n  @Get(PATHS[2]['widget-stats'])\n  stats() {}\n}\n",
    });
    assert.deepEqual(routes, ['GET /widgets/:id', 'GET /widgets/widget-stats']);
  });

  test('an alias `@*` -> `./src/*` given `@/api/parts`: one folder separator between the target and the rest', () => {
    const routes = routesOf(
      {
        '/e/src/index.ts': "import { Elysia } from 'elysia';\nimport { parts } from '@/api/parts';\nnew Elysia().group('/api', (app) => app.use(parts)).listen(3000);\n",
        '/e/src/api/parts.ts': "import { Elysia } from 'elysia';\nexport const parts = new Elysia().group('/parts', (app) => {\n  app.get('/list', () => []);\n  return app;\n});\n",
      },
      [{ pattern: '@*', targets: ['/e/src/*', '/e/src/'] }],
    );
    assert.deepEqual(routes, ['GET /api/parts/list']);
  });
});
