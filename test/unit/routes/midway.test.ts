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

  test('a globalPrefix key outside a koa/egg/express configuration is no prefix', () => {
    const other = "export default { cors: { globalPrefix: '/nope' } };\n";
    assert.deepEqual(routesAndWarnings({ '/ws/src/prefixes.ts': PREFIXES, '/ws/src/controller/gate.ts': CONTROLLER, '/ws/src/config/config.default.ts': other }).routes, ['GET /admin/open/captcha', 'POST /admin/open/sign-in']);
  });
});
