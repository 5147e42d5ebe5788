// awilix-express: a class's `@route(path)` and its methods' `@route(path)` with verb decorators
// (`@GET()`, `@verbs([HttpVerbs.PUT])`), each verb at each class path followed by each method path,
// written together as the package's rollUpState joins them (awilixControllers.ts). Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const SETTINGS = ["export const Paths = { api: '/api/v3' };"].join('\n');

const CONTROLLER = [
  "import { before, GET, POST, DELETE, verbs, HttpVerbs, route } from 'awilix-express';",
  "import { Paths } from '../settings';",
  "import { requireUser } from '../middleware/auth';",
  "@route(Paths.api + '/kennels')",
  '@before([requireUser()])',
  'export class KennelController {',
  '  constructor(private readonly kennels: unknown) {}',
  '  @GET()',
  "  @route('/')",
  '  async list(req: unknown, res: unknown) { return []; }',
  '  @POST()',
  '  async create(req: unknown, res: unknown) { return {}; }',
  "  @route('/:id/open')",
  "  @route('/:id/unlock')",
  '  @POST()',
  '  async open(req: unknown, res: unknown) { return {}; }',
  '  @verbs([HttpVerbs.PUT, HttpVerbs.PATCH])',
  "  @route('/:id')",
  '  async save(req: unknown, res: unknown) { return {}; }',
  '  @DELETE()',
  "  @route('.csv')",
  '  async wipe(req: unknown, res: unknown) { return {}; }',
  "  @route('/draft')",
  '  async helper() { return {}; }',
  '}',
].join('\n');

const SERVER = [
  "import express from 'express';",
  "import { loadControllers } from 'awilix-express';",
  'const app = express();',
  "app.use(loadControllers('controllers/*.controller.ts', { cwd: __dirname }));",
  'app.listen(3000);',
].join('\n');

suite('awilix-express controllers', () => {
  test('each verb of a method is a route at the class path then each of its own paths, with no warning', () => {
    const { routes, warnings } = routesAndWarnings({ '/s/src/settings.ts': SETTINGS, '/s/src/controllers/kennel.controller.ts': CONTROLLER, '/s/src/server.ts': SERVER });
    assert.deepEqual(routes, [
      'DELETE /api/v3/kennels.csv',
      'GET /api/v3/kennels',
      'PATCH /api/v3/kennels/:id',
      'POST /api/v3/kennels',
      'POST /api/v3/kennels/:id/open',
      'POST /api/v3/kennels/:id/unlock',
      'PUT /api/v3/kennels/:id',
    ]);
    assert.deepEqual(warnings, []);
  });

  test('every class path takes every method path', () => {
    const src = CONTROLLER.replace("@route(Paths.api + '/kennels')", "@route('/kennels')\n@route('/pens')");
    const { routes } = routesAndWarnings({ '/s/src/settings.ts': SETTINGS, '/s/src/controllers/kennel.controller.ts': src, '/s/src/server.ts': SERVER });
    assert.ok(routes.includes('POST /kennels/:id/unlock') && routes.includes('POST /pens/:id/unlock'), routes.join(', '));
    assert.equal(routes.length, 14, routes.join(', '));
  });

  test('the same decorators of another package make no controller', () => {
    const other = CONTROLLER.replace("from 'awilix-express'", "from './my-decorators'");
    const { routes } = routesAndWarnings({ '/s/src/settings.ts': SETTINGS, '/s/src/controllers/kennel.controller.ts': other, '/s/src/server.ts': SERVER });
    assert.deepEqual(routes, []);
  });

  test("a loop of the project's own registering the rolled-up state (router[verb](paths, ...)) is no warning: the routes are the decorators'", () => {
    const loader = [
      "import { Router } from 'express';",
      "import { getStateAndTarget, rollUpState, makeInvoker } from 'awilix-express';",
      'export function registerAll(modules: unknown[]): Router {',
      '  const router = Router();',
      '  for (const m of modules) {',
      '    const found = getStateAndTarget(m);',
      '    if (!found) continue;',
      '    rollUpState(found.state).forEach((cfg, name) => {',
      '      cfg.verbs.forEach((verb) => {',
      '        (router as any)[verb.toLowerCase()](cfg.paths, ...cfg.beforeMiddleware, makeInvoker(found.target)(name));',
      '      });',
      '    });',
      '  }',
      '  return router;',
      '}',
    ].join('\n');
    const { routes, warnings } = routesAndWarnings({ '/s/src/settings.ts': SETTINGS, '/s/src/controllers/kennel.controller.ts': CONTROLLER, '/s/src/load.ts': loader, '/s/src/server.ts': SERVER });
    assert.equal(routes.length, 7, routes.join(', '));
    assert.deepEqual(warnings, []);
  });
});
