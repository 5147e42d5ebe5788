import assert from 'node:assert/strict';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';
import { moleculerRoutes, moleculerWebRestPatch } from '../../../src/core/gather/loadedRoutes';
import { servedTreeRoutes } from '../../../src/core/gather/routes';
import { memFs } from '../helpers/memFs';

// Moleculer: an API gateway's aliases, and with autoAliases its services' actions that declare rest.
function routesOf(files: Record<string, string>): string[] {
  const extracted = Object.entries(files)
    .filter(([, text]) => mayDeclareRoutes(text))
    .map(([file, text]) => ({ file, x: extractRoutesFromSource(text, file) }));
  return moleculerRoutes(extracted).map((r) => `${r.method} ${r.path}`).sort();
}

const GATEWAY = (route: string) =>
  "const ApiGateway = require('moleculer-web');\nmodule.exports = {\n  name: 'api',\n  mixins: [ApiGateway],\n  settings: {\n    port: 3000,\n    path: '/api',\n" +
  `    routes: [${route}],\n  },\n};\n`;
const USERS =
  "module.exports = {\n  name: 'users',\n  settings: { fields: ['_id'] },\n  actions: {\n    list: { rest: 'GET /', handler(ctx) {} },\n    get: { rest: { method: 'GET', path: '/:id' }, handler(ctx) {} },\n" +
  "    me: { rest: ['GET /me', 'POST /me'], handler(ctx) {} },\n    internal: { handler(ctx) {} },\n  },\n};\n";
const ORDERS = "import { ServiceSchema } from 'moleculer';\nconst OrdersService: ServiceSchema = {\n  name: 'orders',\n  version: 2,\n  actions: { create: { rest: 'POST /', async handler() {} } },\n};\nexport default OrdersService;\n";

suite('Moleculer', () => {
  test("a gateway route's aliases under settings.path and the route's path: methods, REST shorthand, no method (every method)", () => {
    const route = "{\n      path: '/v1',\n      aliases: {\n        'GET users/:id': 'users.get',\n        'REST posts': 'posts',\n        '/health': 'api.health',\n      },\n      mappingPolicy: 'restrict',\n    }";
    assert.deepEqual(routesOf({ '/ws/services/api.service.js': GATEWAY(route) }), [
      'ALL /api/v1/health',
      'DELETE /api/v1/posts/:id',
      'GET /api/v1/posts',
      'GET /api/v1/posts/:id',
      'GET /api/v1/users/:id',
      'PATCH /api/v1/posts/:id',
      'POST /api/v1/posts',
      'PUT /api/v1/posts/:id',
    ]);
  });

  test("autoAliases: each service action's rest at the service's base (/<version>/<name>, or settings.rest), within the whitelist", () => {
    const auto = "{ path: '', autoAliases: true }";
    const files = { '/ws/services/api.service.js': GATEWAY(auto), '/ws/services/users.service.js': USERS, '/ws/services/orders.service.ts': ORDERS };
    assert.deepEqual(routesOf(files), ['GET /api/users', 'GET /api/users/:id', 'GET /api/users/me', 'POST /api/users/me', 'POST /api/v2/orders']);
    const listed = { ...files, '/ws/services/api.service.js': GATEWAY("{ path: '/x', autoAliases: true, whitelist: ['users.*'] }") };
    assert.deepEqual(routesOf(listed), ['GET /x/users', 'GET /x/users/:id', 'GET /x/users/me', 'POST /x/users/me'].map((r) => r.replace('/x', '/api/x')));
    const based = { '/ws/services/api.service.js': GATEWAY(auto), '/ws/services/users.service.js': USERS.replace("settings: { fields: ['_id'] }", "settings: { rest: '/people' }") };
    assert.deepEqual(routesOf(based), ['GET /api/people', 'GET /api/people/:id', 'GET /api/people/me', 'POST /api/people/me']);
  });

  test("autoAliases: a whitelist names single actions; a rest object without path is the action's name; its basePath replaces the service's; unpublished actions are not aliased", () => {
    const accounts =
      "module.exports = {\n  name: 'accounts',\n  actions: {\n    signup: { rest: 'POST /', handler() {} },\n    whoami: { rest: { method: 'GET' }, handler() {} },\n" +
      "    probe: { rest: 'GET /probe', handler() {} },\n    moved: { rest: { method: 'PUT', basePath: '/legacy', path: '/move' }, handler() {} },\n" +
      "    secret: { rest: 'GET /secret', visibility: 'protected', handler() {} },\n    open: { rest: 'GET /open', visibility: 'published', handler() {} },\n  },\n};\n";
    const gw = (list: string) => GATEWAY(`{ path: '', autoAliases: true, whitelist: [${list}] }`);
    const listed = { '/ws/services/api.service.js': gw("'$node.list', 'accounts.signup', 'accounts.whoami', 'accounts.moved'"), '/ws/services/accounts.service.js': accounts };
    assert.deepEqual(routesOf(listed), ['GET /api/accounts/whoami', 'POST /api/accounts', 'PUT /api/legacy/move']);
    const all = { ...listed, '/ws/services/api.service.js': gw("'**'") };
    assert.deepEqual(routesOf(all), ['GET /api/accounts/open', 'GET /api/accounts/probe', 'GET /api/accounts/whoami', 'POST /api/accounts', 'PUT /api/legacy/move']);
  });

  test('a whitelist entry of many stars is read in its length, not tried every way; * stays within a dotted part, ** crosses them', () => {
    const long = 'q'.repeat(150);
    const service = `module.exports = {\n  name: '${long}',\n  actions: { list: { rest: 'GET /', handler() {} } },\n};\n`;
    const gw = (list: string) => ({ '/ws/services/api.service.js': GATEWAY(`{ path: '', autoAliases: true, whitelist: [${list}] }`), '/ws/services/long.service.js': service });
    // As a regular expression, `*q*q*...*x` was a dozen [^.]+ runs backtracking in the name's length to the power of its stars.
    assert.deepEqual(routesOf(gw(`'${'*q'.repeat(14)}*x.list'`)), []);
    assert.deepEqual(routesOf(gw(`'${'*q'.repeat(14)}*.list'`)), [`GET /api/${long}`]);
    assert.deepEqual(routesOf(gw("'*.l*'")), [`GET /api/${long}`]);
    assert.deepEqual(routesOf(gw("'*'")), []);
    assert.deepEqual(routesOf(gw("'q**t'")), [`GET /api/${long}`]);
    assert.deepEqual(routesOf(gw("'q*t'")), []);
  });

  test('without a gateway, or with a mixin not from moleculer-web, no route', () => {
    assert.deepEqual(routesOf({ '/ws/services/users.service.js': USERS }), []);
    const own = GATEWAY("{ path: '', aliases: { 'GET /x': 'a.b' } }").replace("require('moleculer-web')", "require('./gateway')");
    assert.deepEqual(routesOf({ '/ws/services/api.service.js': own }), []);
  });

  test('the REST shorthand of a moleculer-web declared before 0.8.0 has no PATCH alias (five routes); from 0.8.0 six', () => {
    assert.equal(moleculerWebRestPatch({ dependencies: { 'moleculer-web': '0.6.0-beta7' } }), false);
    assert.equal(moleculerWebRestPatch({ dependencies: { 'moleculer-web': '^0.7.0' } }), false);
    assert.equal(moleculerWebRestPatch({ devDependencies: { 'moleculer-web': '~0.8.0' } }), true);
    assert.equal(moleculerWebRestPatch({ dependencies: { 'moleculer-web': '^0.10.4' } }), true);
    assert.equal(moleculerWebRestPatch({ dependencies: { 'moleculer-web': '>=1.0.0' } }), true);
    assert.equal(moleculerWebRestPatch({ dependencies: { 'moleculer-web': 'github:me/fork' } }), undefined);
    assert.equal(moleculerWebRestPatch({ dependencies: { moleculer: '^0.11.0' } }), undefined);
  });

  test("a source root's served routes read the REST shorthand as the moleculer-web of the package.json above it makes it", async () => {
    const gateway = GATEWAY("{ path: '/v1', aliases: { 'REST posts': 'posts' }, mappingPolicy: 'restrict' }");
    const served = async (version: string) => {
      const files = { '/ws/package.json': JSON.stringify({ dependencies: { 'moleculer-web': version } }), '/ws/services/api.service.js': gateway };
      const extracted = [{ file: '/ws/services/api.service.js', x: extractRoutesFromSource(gateway, '/ws/services/api.service.js') }];
      const read = { files: ['/ws/services/api.service.js'], extracted, aliases: [] };
      const out = await servedTreeRoutes(memFs(files), { root: '/ws', workspaceDir: '/ws', oneShot: false }, read, { routes: [], warnings: [] });
      return out.routes.map((r) => `${r.method} ${r.path}`).sort();
    };
    const five = ['DELETE /api/v1/posts/:id', 'GET /api/v1/posts', 'GET /api/v1/posts/:id', 'POST /api/v1/posts', 'PUT /api/v1/posts/:id'];
    assert.deepEqual(await served('0.6.0-beta7'), five);
    assert.deepEqual(await served('^0.10.4'), [...five, 'PATCH /api/v1/posts/:id'].sort());
  });
});
