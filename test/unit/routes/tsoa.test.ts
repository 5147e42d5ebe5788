import assert from 'node:assert/strict';
import type { RouteDef } from '../../../src/core/model';
import { collectRoutes } from '../helpers/collectText';
import { memFs } from '../helpers/memFs';
import { packagesAbove, tsoaRoutesBase } from '../../../src/core/gather/routes';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { tsoaBasePath } from '../../../src/core/routes/tsoaRoutes';
import { bracedPathToRoute } from '../../../src/core/routes/joinPath';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';

// tsoa: `@Route` classes served by the generated RegisterRoutes (a file not committed) under
// tsoa.json's routes.basePath and the prefix of the router it is handed.
const moduleOf = (): undefined => undefined;
const shown = (routes: RouteDef[]) => routes.map((r) => `${r.method} ${r.path}${r.prefixUnknown ? ' (prefix unknown)' : ''}`).sort();

const ORDERS = {
  file: '/ws/src/controllers/orders.ts',
  text:
    "import { Body, Controller, Get, Path, Post, Route } from 'tsoa';\n" +
    "@Route('orders')\nexport class OrdersController extends Controller {\n" +
    "  @Get('{orderId}')\n  public async one(@Path() orderId: string) { return {}; }\n" +
    '  @Post()\n  public async add(@Body() body: unknown) { return {}; }\n' +
    "  @Get('{orderId}/lines/{line}')\n  public async line(@Path() orderId: string, @Path() line: number) { return {}; }\n}\n",
};
const serverOn = (receiver: string, mount: string) => ({
  file: '/ws/src/server.ts',
  text:
    "import express from 'express';\nimport { RegisterRoutes } from '../build/routes';\n" +
    `const app = express();\nconst router = express.Router();\nRegisterRoutes(${receiver});\n${mount}\napp.listen(3000);\n`,
});

suite('tsoa', () => {
  test("decorator paths as the generated routes register them: '{id}' is ':id'", () => {
    assert.equal(bracedPathToRoute('/orders/{orderId}/lines/{line}'), '/orders/:orderId/lines/:line');
    assert.equal(bracedPathToRoute('/files/{/:name}'), '/files/{/:name}');
  });

  test('controllers served where RegisterRoutes is handed a router: its mount prefix, then tsoa.json basePath', () => {
    const { routes, warnings } = collectRoutes([ORDERS, serverOn('router', "app.use('/api', router);")], { moduleOf, tsoaBasePath: '/v2' });
    assert.deepEqual(shown(routes), ['GET /api/v2/orders/:orderId', 'GET /api/v2/orders/:orderId/lines/:line', 'POST /api/v2/orders']);
    assert.deepEqual(warnings, []);
  });

  test('handed the app, no basePath: at the root', () => {
    const { routes } = collectRoutes([ORDERS, serverOn('app', '')], { moduleOf });
    assert.deepEqual(shown(routes), ['GET /orders/:orderId', 'GET /orders/:orderId/lines/:line', 'POST /orders']);
  });

  test('the generated routes file committed: its registrations are the routes, the decorators are not placed again', () => {
    const generated = {
      file: '/ws/build/routes.ts',
      text:
        "import { OrdersController } from '../src/controllers/orders';\nexport function RegisterRoutes(app) {\n" +
        "  app.get('/v9/orders/:orderId', function (req, res, next) { return new OrdersController().one(req.params.orderId); });\n}\n",
    };
    const { routes } = collectRoutes([ORDERS, generated, serverOn('app', '')], { moduleOf, tsoaBasePath: '/v2' });
    assert.deepEqual(shown(routes), ['GET /v9/orders/:orderId']);
  });

  test('no RegisterRoutes call in the scan: under …, with a warning naming the controller', () => {
    const { routes, warnings } = collectRoutes([ORDERS], { moduleOf });
    assert.ok(shown(routes).includes('GET /…/orders/:orderId (prefix unknown)'), shown(routes).join(', '));
    assert.match(warnings[0] ?? '', /orders\.ts:\d+: controller OrdersController/);
  });

  test("a project's own @Route decorator is no tsoa controller", () => {
    const own = { file: ORDERS.file, text: ORDERS.text.replace("from 'tsoa'", "from '../routing'") };
    const { routes } = collectRoutes([own, serverOn('app', '')], { moduleOf });
    assert.deepEqual(shown(routes), []);
  });

  test("a script calling tsoa's generateRoutes({ basePath }) (tsoa.json as code): that basePath; the pre-filter lets the script through", () => {
    const script = {
      file: '/ws/src/tsoa.ts',
      text: "import { generateRoutes, ExtendedRoutesConfig } from 'tsoa';\n(async () => {\n  const routeOptions: ExtendedRoutesConfig = { basePath: '/shop/api/v1', entryFile: './src/index.ts', routesDir: './src/routes' };\n  await generateRoutes(routeOptions);\n})();\n",
    };
    assert.equal(mayDeclareRoutes(script.text), true);
    const { routes } = collectRoutes([ORDERS, script, serverOn('app', '')], { moduleOf });
    assert.deepEqual(shown(routes), ['GET /shop/api/v1/orders/:orderId', 'GET /shop/api/v1/orders/:orderId/lines/:line', 'POST /shop/api/v1/orders']);
  });

  test("tsoa.json's routes.basePath, read from the first package at or above the source root that has one", async () => {
    assert.equal(tsoaBasePath({ routes: { basePath: '/api', routesDir: 'build' } }), '/api');
    assert.equal(tsoaBasePath({ spec: { basePath: '/docs' } }), undefined);
    const extracted = [ORDERS, serverOn('app', '')].map((f) => ({ file: f.file, x: extractRoutesFromSource(f.text, f.file) }));
    const fs = memFs({ '/ws/package.json': '{"dependencies":{"tsoa":"^6"}}', '/ws/tsoa.json': '{\n  // comments as tsoa allows\n  "routes": { "basePath": "/api/v1" }\n}' });
    assert.equal(await tsoaRoutesBase(fs, packagesAbove(fs, '/ws/src', '/ws'), extracted), '/api/v1');
    const noRegistrar = [{ file: ORDERS.file, x: extractRoutesFromSource(ORDERS.text, ORDERS.file) }];
    assert.equal(await tsoaRoutesBase(fs, packagesAbove(fs, '/ws/src', '/ws'), noRegistrar), undefined);
  });
});
