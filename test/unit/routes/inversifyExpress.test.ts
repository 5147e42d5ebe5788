// inversify-express-utils: `@controller(path)` classes with `@httpGet(path)`... handlers, joined as
// the package registers them (controller path then handler path, written together), under the
// server's rootPath (inversifyControllers.ts). Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const CONTROLLER = [
  "import { controller, httpGet, httpPost, httpDelete, httpMethod, all, requestParam } from 'inversify-express-utils';",
  "import { auth } from '../middleware/auth';",
  "@controller('/parcels', auth)",
  'export class ParcelController {',
  "  @httpGet('/')",
  '  list() { return []; }',
  "  @httpGet('/:code')",
  "  one(@requestParam('code') code: string) { return code; }",
  "  @httpPost('/', auth)",
  '  create() { return {}; }',
  "  @httpDelete('/:code')",
  '  remove() { return {}; }',
  "  @httpMethod('put', '/:code/label')",
  '  label() { return {}; }',
  "  @all('/legacy')",
  '  legacy() { return {}; }',
  '}',
].join('\n');

const NAMESPACED = [
  "import * as iex from 'inversify-express-utils';",
  "@iex.controller('/depots')",
  'export class DepotController {',
  "  @iex.httpPatch('/:id')",
  '  move() { return {}; }',
  '}',
].join('\n');

const server = (config: string) =>
  [
    "import 'reflect-metadata';",
    "import { Container } from 'inversify';",
    "import { InversifyExpressServer } from 'inversify-express-utils';",
    "import './controllers/parcel.controller';",
    'const container = new Container();',
    `const server = new InversifyExpressServer(container, null, ${config});`,
    'server.setConfig((app) => { app.use(express.json()); });',
    'server.build().listen(3000);',
  ].join('\n');

suite('inversify-express-utils controllers', () => {
  test('each decorated handler is a route at the controller path then its own, with no warning', () => {
    const { routes, warnings } = routesAndWarnings({ '/s/src/controllers/parcel.controller.ts': CONTROLLER, '/s/src/server.ts': server('null') });
    assert.deepEqual(routes, ['ALL /parcels/legacy', 'DELETE /parcels/:code', 'GET /parcels', 'GET /parcels/:code', 'POST /parcels', 'PUT /parcels/:code/label']);
    assert.deepEqual(warnings, []);
  });

  test("the server's rootPath goes before every controller", () => {
    const { routes } = routesAndWarnings({ '/s/src/controllers/parcel.controller.ts': CONTROLLER, '/s/src/server.ts': server("{ rootPath: '/api/v1' }") });
    assert.ok(routes.includes('GET /api/v1/parcels/:code'), routes.join(', '));
    assert.ok(routes.includes('PUT /api/v1/parcels/:code/label'), routes.join(', '));
  });

  test('a rootPath not known statically is shown as … with a warning', () => {
    const { routes, warnings } = routesAndWarnings({ '/s/src/controllers/parcel.controller.ts': CONTROLLER, '/s/src/server.ts': server('{ rootPath: process.env.ROOT }') });
    assert.ok(routes.includes('GET /…/parcels'), routes.join(', '));
    assert.equal(warnings.filter((w) => w.includes('rootPath')).length, 1);
  });

  test('the handler path is written right after the controller path, as the package joins them', () => {
    const src = CONTROLLER.replace("@httpGet('/:code')", "@httpGet('.csv')");
    const { routes } = routesAndWarnings({ '/s/src/controllers/parcel.controller.ts': src, '/s/src/server.ts': server('null') });
    assert.ok(routes.includes('GET /parcels.csv'), routes.join(', '));
  });

  test('decorators used through a namespace import are read too', () => {
    const { routes } = routesAndWarnings({ '/s/src/controllers/depot.controller.ts': NAMESPACED, '/s/src/server.ts': server('null') });
    assert.deepEqual(routes, ['PATCH /depots/:id']);
  });

  test('lower-case decorators of another package make no controller', () => {
    const other = CONTROLLER.replace("from 'inversify-express-utils'", "from './my-decorators'");
    const { routes } = routesAndWarnings({ '/s/src/controllers/parcel.controller.ts': other, '/s/src/server.ts': server('null') });
    assert.deepEqual(routes, []);
  });
});
