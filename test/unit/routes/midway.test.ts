import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';

// Midway finds its controllers by scanning its source folder: no router call, no module list
// registers them, and its global prefix lives in a configuration file imported by nothing.
const PREFIXES = "export const ADMIN = '/admin';\nexport const OPEN = '/open';\n";
const CONTROLLER = [
  "import { Controller, Get, Post, Provide } from '@midwayjs/decorator';",
  "import { ADMIN, OPEN } from '../prefixes';",
  '@Provide()',
  '@Controller(`${ADMIN}${OPEN}/`)',
  'export class GateController {',
  "  @Get('/captcha')",
  '  async captcha() {}',
  "  @Post('/sign-in')",
  '  async signIn() {}',
  '}',
].join('\n');

suite('Midway controllers', () => {
  test('decorated by a @midwayjs package and registered by nobody: their routes are known, the double slash of prefix and path joined away', () => {
    const { routes, warnings } = routesAndWarnings({ '/ws/src/prefixes.ts': PREFIXES, '/ws/src/controller/gate.ts': CONTROLLER });
    assert.deepEqual(routes, ['GET /admin/open/captcha', 'POST /admin/open/sign-in']);
    assert.deepEqual(warnings, []);
  });

  test("the configuration's koa.globalPrefix, in an exported object, goes before every controller's routes", () => {
    const config = "import { MidwayConfig } from '@midwayjs/core';\nexport default {\n  koa: { port: 7001, globalPrefix: '/api' },\n} as MidwayConfig;\n";
    const { routes } = routesAndWarnings({ '/ws/src/prefixes.ts': PREFIXES, '/ws/src/controller/gate.ts': CONTROLLER, '/ws/src/config/config.default.ts': config });
    assert.deepEqual(routes, ['GET /api/admin/open/captcha', 'POST /api/admin/open/sign-in']);
  });

  test('a globalPrefix assigned in a config function is read too; one not known statically is warned of and kept as …', () => {
    const known = "export default (appInfo) => {\n  const config = {};\n  config.egg = { globalPrefix: '/v2' };\n  return config;\n};\n";
    assert.ok(mayDeclareRoutes(known));
    assert.deepEqual(routesAndWarnings({ '/ws/src/prefixes.ts': PREFIXES, '/ws/src/controller/gate.ts': CONTROLLER, '/ws/src/config/config.default.ts': known }).routes, ['GET /v2/admin/open/captcha', 'POST /v2/admin/open/sign-in']);
    const unknown = 'export default (appInfo) => {\n  const config = {};\n  config.koa = { globalPrefix: process.env.API_PREFIX };\n  return config;\n};\n';
    const { routes, warnings } = routesAndWarnings({ '/ws/src/prefixes.ts': PREFIXES, '/ws/src/controller/gate.ts': CONTROLLER, '/ws/src/config/config.default.ts': unknown });
    assert.deepEqual(routes, ['GET /…/admin/open/captcha', 'POST /…/admin/open/sign-in']);
    assert.ok(warnings.some((w) => /Midway koa\.globalPrefix not found statically/.test(w)), warnings.join('\n'));
  });

  test("Midway's @Del (its DELETE decorator, under any local name) is a DELETE route; a Del of another package is none", () => {
    const ours = [
      "import { Controller, Del as Remove, Get } from '@midwayjs/core';",
      "@Controller('/notes')",
      'export class NoteController {',
      "  @Get('/:id') async one() {}",
      "  @Remove('/:ids') async remove() {}",
      "  @Remove() async clear() {}",
      '}',
    ].join('\n');
    assert.deepEqual(routesAndWarnings({ '/ws/src/controller/note.ts': ours }).routes, ['DELETE /notes', 'DELETE /notes/:ids', 'GET /notes/:id']);
    const other = ours.replace("import { Controller, Del as Remove, Get } from '@midwayjs/core';", "import { Controller, Get } from '@midwayjs/core';\nimport { Del as Remove } from './local-decorators';");
    assert.deepEqual(routesAndWarnings({ '/ws/src/controller/note.ts': other }).routes, ['GET /notes/:id']);
  });

  test('a globalPrefix key outside a koa/egg/express configuration is no prefix', () => {
    const other = "export default { cors: { globalPrefix: '/nope' } };\n";
    assert.deepEqual(routesAndWarnings({ '/ws/src/prefixes.ts': PREFIXES, '/ws/src/controller/gate.ts': CONTROLLER, '/ws/src/config/config.default.ts': other }).routes, ['GET /admin/open/captcha', 'POST /admin/open/sign-in']);
  });
});

suite("cool-admin's CoolController (@cool-midway/core on Midway)", () => {
  const cool = (head: string, body = '') =>
    ["import { Get, Post, Provide } from '@midwayjs/decorator';", "import { CoolController, BaseController } from '@cool-midway/core';", '@Provide()', head, 'export class ShelfController extends BaseController {', body, '}'].join('\n');

  test("no prefix: the path comes from the file's place under modules/<module>/controller/<type>/, its api names each a route (info GET, the others POST), its own handlers under the same path", () => {
    const file = cool("@CoolController({ api: ['add', 'info', 'page'], entity: ShelfEntity })", "  @Post('/restock', { summary: 'x' })\n  async restock() {}\n  @Get('/summary')\n  async summary() {}");
    const { routes, warnings } = routesAndWarnings({ '/ws/src/modules/library/controller/admin/shelf/item.ts': file });
    assert.deepEqual(routes.slice().sort(), ['GET /admin/library/shelf/item/info', 'GET /admin/library/shelf/item/summary', 'POST /admin/library/shelf/item/add', 'POST /admin/library/shelf/item/page', 'POST /admin/library/shelf/item/restock']);
    assert.deepEqual(warnings, []);
  });

  test('a prefix written (a string, or the options prefix) is the path, whatever the file place', () => {
    const written = routesAndWarnings({ '/ws/src/modules/library/controller/app/shelf.ts': cool("@CoolController('/books')", "  @Get('/new')\n  async fresh() {}") });
    assert.deepEqual(written.routes, ['GET /books/new']);
    const option = routesAndWarnings({ '/ws/src/modules/library/controller/app/shelf.ts': cool("@CoolController({ prefix: '/shelf', api: ['list'] })") });
    assert.deepEqual(option.routes, ['POST /shelf/list']);
  });

  test('a file whose one route source is the CoolController api (no handler decorator, no route import) may declare routes', () => {
    const only = "import { CoolController, BaseController } from '@cool-midway/core';\n@CoolController({ api: ['page'], entity: ShelfEntity })\nexport class ShelfController extends BaseController {}\n";
    assert.ok(mayDeclareRoutes(only));
    assert.deepEqual(routesAndWarnings({ '/ws/src/modules/library/controller/admin/shelf.ts': only }).routes, ['POST /admin/library/shelf/page']);
  });
});
