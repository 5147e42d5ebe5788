// hapi's own shapes: route tables imported from other files, plugins and their route prefixes. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const collect = (files: Record<string, string>) => {
  const { routes, warnings } = collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases: [] },
  );
  return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
};

suite('hapi', () => {
  test('a route table imported from another file: lists of route options default-exported by modules, gathered with [...].flat(), a single route object among them, paths from module constants; server.route(table) in a plugin object', () => {
    const { routes, warnings } = collect({
      '/s/src/routes/items.js': [
        "export const ITEM = '/items/{id}';",
        'export default [',
        "  { method: 'GET', path: '/items', handler: () => [] },",
        "  { method: ['PUT', 'PATCH'], path: ITEM, options: { handler: update } },",
        "  { method: 'DELETE', path: ITEM, handler: remove },",
        '];',
      ].join('\n'),
      '/s/src/routes/health.js': "export default { method: 'GET', path: '/health', handler: () => 'ok' };",
      '/s/src/routes/index.js': [
        "import items from './items.js';",
        "import health from './health.js';",
        'export default [health, items].flat();',
      ].join('\n'),
      '/s/src/plugins/router.js': [
        "import routes from '../routes/index.js';",
        "export const router = { plugin: { name: 'router', register(server) { server.route(routes); } } };",
      ].join('\n'),
      '/s/src/server.js': [
        "import hapi from '@hapi/hapi';",
        "import { router } from './plugins/router.js';",
        'export async function createServer() {',
        '  const server = hapi.server({ port: 3000 });',
        '  await server.register(router);',
        '  return server;',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /items/:id', 'GET /health', 'GET /items', 'PATCH /items/:id', 'PUT /items/:id']);
    assert.deepEqual(warnings, []);
  });

  test('route objects in a table with an imported controller spread beside the written method and path ({ method, path, ...controller }): each route, not the controller\'s url', () => {
    const { routes, warnings } = collect({
      '/s/src/api/things/controller.js': "const thingController = { options: { auth: false }, handler: async (request, h) => h.response({}) };\nexport { thingController };\n",
      '/s/src/api/things/index.js': [
        "import { thingController } from './controller.js';",
        'const things = { plugin: { name: \'things\', register: async (server) => {',
        "  await server.route([{ method: 'POST', path: '/things/{id}', ...thingController }, { method: 'GET', path: '/things', ...thingController }]);",
        '} } };',
        'export { things };',
      ].join('\n'),
      '/s/src/api/server.js': [
        "import hapi from '@hapi/hapi';",
        "import { things } from './things/index.js';",
        'export async function createServer() { const server = hapi.server({ port: 3000 }); await server.register([things]); return server; }',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /things', 'POST /things/:id']);
    assert.deepEqual(warnings, []);
  });

  test('a route table mapped through a wrapper adding options to each route (.map(withScope), a function value made by a helper, or an arrow spreading its route): the table\'s routes; an arrow setting its own path is not read as them', () => {
    const { routes, warnings } = collect({
      '/s/src/helpers/scope.js': 'export function withScope(scope) { return (route) => ({ ...route, options: { ...route.options, auth: { scope } } }); }\n',
      '/s/src/api/admin/index.js': [
        "import { withScope } from '../../helpers/scope.js';",
        "const adminOnly = withScope(['admin']);",
        "const admin = { plugin: { name: 'admin', register: (server) => {",
        "  server.route([{ method: 'GET', path: '/admin/tags', ...listController }, { method: 'POST', path: '/admin/tags/{tag}', ...addController }].map(adminOnly));",
        "  server.route([{ method: 'DELETE', path: '/admin/tags/{tag}', handler: remove }].map((r) => ({ ...r, options: { tags: ['api'] } })));",
        "  server.route([{ method: 'GET', path: '/moved', handler: h }].map((r) => ({ ...r, path: '/v2' + r.path })));",
        '} } };',
        'export { admin };',
      ].join('\n'),
      '/s/src/server.js': [
        "import hapi from '@hapi/hapi';",
        "import { admin } from './api/admin/index.js';",
        'export async function createServer() { const server = hapi.server({ port: 3000 }); await server.register([admin]); return server; }',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /admin/tags/:tag', 'GET /admin/tags', 'POST /admin/tags/:tag']);
    assert.equal(warnings.length, 1, warnings.join('\n'));
  });

  test("a table of route options handed to a plugin in its registration options (options.routes), which the plugin routes itself: the registering server's routes; a registration with a prefix of its own, or options holding no route table, adds none", () => {
    const { routes } = collect({
      '/s/src/plugins/form.js': "export const form = { name: 'form', multiple: true, register: (server, options) => { server.ext(options.ext ?? []); server.route(options.routes); } };\n",
      '/s/src/api/deploy/index.js': [
        "import { form } from '../../plugins/form.js';",
        "const deploy = { plugin: { name: 'deploy', register: async (server) => {",
        "  await server.register({ plugin: form, options: { sessionName: 'deploy', routes: [{ method: 'GET', path: '/deploy/{id?}', ...startController }, { method: 'POST', path: '/deploy/{id}', ...submitController }].map(scoped) } });",
        "  await server.register({ plugin: form, options: { routes: [{ method: 'GET', path: '/x', handler: h }] }, routes: { prefix: '/p' } });",
        "  await server.register({ plugin: form, options: { routes: ['a', 'b'] } });",
        "  server.route({ method: 'GET', path: '/deploy', handler: list });",
        '} } };',
        'export { deploy };',
      ].join('\n'),
      '/s/src/server.js': [
        "import hapi from '@hapi/hapi';",
        "import { deploy } from './api/deploy/index.js';",
        'export async function createServer() { const server = hapi.server({ port: 3000 }); await server.register(deploy); return server; }',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /deploy', 'GET /deploy/:id?', 'POST /deploy/:id']);
  });

  test("a CommonJS router plugin gathering its table itself: [].concat(require('../routes/a'), ...) of modules exporting a route object or a list of them, paths from a module constant in a template; server.route(routes) in register: server => {...}", () => {
    const { routes, warnings } = collect({
      '/s/server/routes/home.js': "module.exports = { method: 'GET', path: '/', handler: () => 'home' }",
      '/s/server/routes/levels.js': [
        "const route = 'levels'",
        'module.exports = [',
        "  { method: 'GET', path: `/${route}/{area}/{kind?}`, handler: () => [] },",
        "  { method: 'POST', path: `/${route}`, handler: () => 'ok' }",
        ']',
      ].join('\n'),
      '/s/server/plugins/router.js': [
        'const routes = [].concat(',
        "  require('../routes/home'),",
        "  require('../routes/levels')",
        ')',
        "module.exports = { plugin: { name: 'router', register: server => { server.route(routes) } } }",
      ].join('\n'),
      '/s/server/index.js': "const hapi = require('@hapi/hapi')\nmodule.exports = async () => { const server = hapi.server(); await server.register(require('./plugins/router')); return server }\n",
    });
    assert.deepEqual(routes, ['GET /', 'GET /levels/:area/:kind?', 'POST /levels']);
    assert.deepEqual(warnings, []);
  });

  test('a table module exporting [].concat(...) of other modules\' tables, imported by the plugin that routes it', () => {
    const { routes, warnings } = collect({
      '/s/routes/status.js': "module.exports = { method: 'GET', path: '/status', handler: () => 'ok' }",
      '/s/routes/items.js': "module.exports = [{ method: 'GET', path: '/items', handler: () => [] }, { method: 'DELETE', path: '/items/{id}', handler: () => null }]",
      '/s/routes/index.js': "module.exports = [].concat(require('./status'), require('./items'))",
      '/s/server.js': "const Hapi = require('@hapi/hapi')\nconst routes = require('./routes')\nconst server = Hapi.server()\nserver.route(routes)\n",
    });
    assert.deepEqual(routes, ['DELETE /items/:id', 'GET /items', 'GET /status']);
    assert.deepEqual(warnings, []);
  });

  test('a table spreading other lists ([home, ...orderRoutes, ...local]): the elements of each, an imported list followed to its module', () => {
    const { routes, warnings } = collect({
      '/s/lib/routes/orders.js': "module.exports = [{ method: 'GET', path: '/v2/{shop}/orders', handler: list }, { method: 'POST', path: '/v2/{shop}/orders', handler: add }];",
      '/s/lib/routes/home.js': "module.exports = { method: 'GET', path: '/', handler: () => 'up' };",
      '/s/lib/plugins/router.js': [
        "const home = require('../routes/home.js');",
        "const orderRoutes = require('../routes/orders.js');",
        "const local = [{ method: 'DELETE', path: '/cache', handler: flush }];",
        'const all = [home, ...orderRoutes, ...local];',
        "module.exports = { name: 'router', register: (server) => { server.route(all); } };",
      ].join('\n'),
      '/s/lib/server.js': "const Hapi = require('@hapi/hapi');\nconst router = require('./plugins/router.js');\nconst server = Hapi.server();\nserver.register(router);\n",
    });
    assert.deepEqual(routes, ['DELETE /cache', 'GET /', 'GET /v2/:shop/orders', 'POST /v2/:shop/orders']);
    assert.deepEqual(warnings, []);
  });

  test('Object.values of a namespace import of an index module re-exporting route objects (export { x } from, export * from), and of an object written here: every route object; the module\'s path constants are no routes', () => {
    const { routes, warnings } = collect({
      '/s/src/shops/get.js': "export const shopPath = '/v1/shops/{id}';\nexport const shopGet = { method: 'GET', path: shopPath, handler: get };",
      '/s/src/shops/list.js': "export const shopList = { method: 'GET', path: '/v1/shops', handler: list };",
      '/s/src/shops/more/index.js': "export const shopDelete = { method: 'DELETE', path: '/v1/shops/{id}', handler: del };",
      '/s/src/shops/index.js': "export { shopGet } from './get.js';\nexport { shopList } from './list.js';\nexport * from './more/index.js';",
      '/s/src/plugins/router.js': [
        "import * as shopRoutes from '../shops/index.js';",
        "const extra = { ping: { method: 'GET', path: '/ping', handler: pong } };",
        'export const router = { plugin: { name: \'router\', register: (server) => { server.route([...Object.values(shopRoutes), ...Object.values(extra)]); } } };',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /v1/shops/:id', 'GET /ping', 'GET /v1/shops', 'GET /v1/shops/:id']);
    assert.deepEqual(warnings, []);
  });

  test('Object.values of an object rest element (`const { legacy: _l, ...current } = shopRoutes`): every value but those the pattern names, of a namespace import and of an object written here; a property read through the rest is the property', () => {
    const { routes, warnings } = collect({
      '/s/src/shops/index.js': [
        "export const shopGet = { method: 'GET', path: '/v2/shops/{id}', handler: get };",
        "export const shopLegacy = { method: 'GET', path: '/v1/shops/{id}', handler: old };",
        "export const shopList = { method: 'GET', path: '/v2/shops', handler: list };",
      ].join('\n'),
      '/s/src/plugins/router.js': [
        "import * as shopRoutes from '../shops/index.js';",
        "const local = { ping: { method: 'GET', path: '/ping', handler: p }, debug: { method: 'GET', path: '/debug', handler: d }, stats: { method: 'GET', path: '/stats', handler: s } };",
        'export const router = { plugin: { name: \'router\', register: (server) => {',
        '  const { shopLegacy: _legacy, ...current } = shopRoutes;',
        "  const { debug, ['stats']: _s, ...kept } = local;",
        "  server.route([...Object.values(current), ...Object.values(kept), { method: 'GET', path: `${current.shopList.path}/count`, handler: c }]);",
        '} } };',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /ping', 'GET /v2/shops', 'GET /v2/shops/:id', 'GET /v2/shops/count']);
    assert.deepEqual(warnings, []);
  });

  test('Object.values of the rest of a module load (`const { legacy, ...current } = require(\'./shops\')`): every export but the names taken', () => {
    const { routes, warnings } = collect({
      '/s/shops.js': [
        "const legacy = { method: 'GET', path: '/v1/shops', handler: old };",
        "const list = { method: 'GET', path: '/v2/shops', handler: all };",
        "module.exports = { legacy, list, create: { method: 'POST', path: '/v2/shops', handler: create } };",
      ].join('\n'),
      '/s/server.js': [
        "const Hapi = require('@hapi/hapi');",
        "const { legacy, ...current } = require('./shops');",
        'const server = Hapi.server();',
        'server.route(Object.values(current));',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /v2/shops', 'POST /v2/shops']);
    assert.deepEqual(warnings, []);
  });

  test('a table handed through a function that gives it back or some of it (a class\'s static method filtering it for some environments, `routes.filter(...)` in a sibling called as this.kept(routes)): the table\'s routes, of an imported class and of one declared here', () => {
    const { routes, warnings } = collect({
      '/s/app/keep.js': [
        'class Keep {',
        '  static select(list, stage) {',
        "    if (stage === 'live') return this.kept(list);",
        '    return list;',
        '  }',
        '  static kept(list) { return list.filter((r) => !r.options?.app?.draft); }',
        "  static tagged(list) { return list.map((r) => ({ ...r, tags: ['api'] })); }",
        '}',
        'module.exports = Keep;',
      ].join('\n'),
      '/s/app/items.js': "module.exports = [{ method: 'GET', path: '/items', handler: a }, { method: 'POST', path: '/items', handler: b, options: { app: { draft: true } } }];",
      '/s/app/router.js': [
        "const Keep = require('./keep.js');",
        "const ItemRoutes = require('./items.js');",
        'class Local { static pick(list) { return list.slice(0); } }',
        "const own = [{ method: 'GET', path: '/own', handler: o }];",
        "const dropped = [{ method: 'GET', path: '/dropped', handler: d }];",
        'const routes = [...ItemRoutes];',
        'module.exports = { name: \'router\', register: (server) => {',
        '  server.route(Keep.select(routes, process.env.STAGE));',
        '  server.route(Local.pick(own));',
        '  server.route(Keep.tagged(dropped));',
        '} };',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /items', 'GET /own', 'POST /items']);
    assert.deepEqual(warnings, ['/s/app/router.js:10: server.route({...}) method or url is not known statically; route skipped (list it in x-runtime-drift.routes)']);
  });

  test('a table written at server.route with one element not known statically (a list a function returns): the other elements, and a warning', () => {
    const { routes, warnings } = collect({
      '/s/src/health.js': "export const health = { method: 'GET', path: '/health', handler: ok };",
      '/s/src/plugin.js': [
        "import { health } from './health.js';",
        "const register = (server) => { server.route([health, { method: 'POST', path: '/jobs', handler: run }, ...pluginRoutes(server)]); };",
        "export const plugin = { name: 'jobs', register };",
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /health', 'POST /jobs']);
    assert.deepEqual(warnings, ['/s/src/plugin.js:2: server.route({...}) method or url is not known statically; route skipped (list it in x-runtime-drift.routes)']);
  });

  test('a table element registered under a condition (`flags.beta() ? Object.values(betaRoutes) : []`, held by a constant or written in place): the routes of the branch that is not empty', () => {
    const { routes, warnings } = collect({
      '/s/src/beta.js': "export const betaGet = { method: 'GET', path: '/beta/{id}', handler: get };",
      '/s/src/plugin.js': [
        "import * as betaRoutes from './beta.js';",
        "const stable = { method: 'GET', path: '/stable', handler: s };",
        'const register = (server, options) => {',
        '  const beta = options.flags.beta() ? Object.values(betaRoutes) : [];',
        "  server.route([stable, ...beta, ...(options.debug ? [] : [{ method: 'POST', path: '/reset', handler: r }])]);",
        '};',
        "export const plugin = { name: 'beta', register };",
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /beta/:id', 'GET /stable', 'POST /reset']);
    assert.deepEqual(warnings, []);
  });

  test('an imported table with an element not known statically: the others, and a warning at server.route', () => {
    const { routes, warnings } = collect({
      '/s/routes.js': "module.exports = [{ method: 'GET', path: '/a', handler: a }, { method: 'GET', path: buildPath(), handler: b }];",
      '/s/server.js': "const Hapi = require('@hapi/hapi');\nconst routes = require('./routes');\nconst server = Hapi.server();\nserver.route(routes);\n",
    });
    assert.deepEqual(routes, ['GET /a']);
    assert.deepEqual(warnings, ['/s/server.js:4: server.route({...}) method or url is not known statically; route skipped (list it in x-runtime-drift.routes)']);
  });

  test('route tables required by a name made at run time (each file a folder walk finds): a warning at server.route, no route guessed; a literal require beside it is read', () => {
    const { routes, warnings } = collect({
      '/s/api/users/routes.js': "module.exports = [{ method: 'GET', path: '/users', handler: list }];",
      '/s/api/health.js': "module.exports = { method: 'GET', path: '/health', handler: () => 'ok' };",
      '/s/api/plugin.js': "const { readdirSync } = require('node:fs');\nexports.plugin = { name: 'api', register(server) {\n  server.route(require('./health'));\n  for (const dir of readdirSync(__dirname)) server.route(require(`./${dir}/routes`));\n} };\n",
      '/s/server.js': "const Hapi = require('@hapi/hapi');\nconst server = Hapi.server();\nawait server.register(require('./api/plugin'));\n",
    });
    assert.deepEqual(routes, ['GET /health']);
    assert.deepEqual(warnings, ['/s/api/plugin.js:4: server.route(require(...)) loads its routes from a module named at run time; routes skipped (list them in x-runtime-drift.routes)']);
  });

  test('plugins registered with a route prefix: register(plugin, { routes: { prefix } }), registration objects { plugin, routes: { prefix } } alone or in a list, their prefix after the call\'s', () => {
    const plugin = (name: string, path: string) =>
      `exports.plugin = { name: '${name}', register: async (server, options) => { server.route({ method: 'GET', path: '${path}', handler: () => 'ok' }); } };`;
    const { routes, warnings } = collect({
      '/s/users.js': plugin('users', '/users/{id}'),
      '/s/admin.js': plugin('admin', '/stats'),
      '/s/docs.js': plugin('docs', '/docs'),
      '/s/health.js': plugin('health', '/health'),
      '/s/server.js': [
        "const Hapi = require('@hapi/hapi');",
        'const init = async () => {',
        '  const server = Hapi.server({ port: 3000 });',
        "  await server.register(require('./users'), { routes: { prefix: '/api' } });",
        "  await server.register({ plugin: require('./admin'), routes: { prefix: '/admin' } });",
        "  await server.register([{ plugin: require('./docs'), routes: { prefix: '/v1' } }, require('./health')], { routes: { prefix: '/public' } });",
        '  await server.start();',
        '};',
        'init();',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /admin/stats', 'GET /api/users/:id', 'GET /public/health', 'GET /public/v1/docs']);
    assert.deepEqual(warnings, []);
  });
  test('route factories: server.route([getRoute(), listRoute(config)]) of modules exporting () => ({ method, path, options }), also joined by .concat: each route, under the plugin\'s prefix', () => {
    const { routes, warnings } = collect({
      '/s/plugins/items/get.js': "module.exports = () => ({ method: 'GET', path: '/items/{id}', options: { handler: async (request, h) => h.response({}) } });",
      '/s/plugins/items/list.js': "module.exports = (config) => ({\n  method: ['GET', 'HEAD'],\n  path: '/items',\n  options: { handler: async (request, h) => h.response(config.items) },\n});",
      '/s/plugins/items/remove.js': "module.exports = () => ({ method: 'DELETE', path: '/items/{id}', options: { handler: async (request, h) => h.response() } });",
      '/s/plugins/items/index.js': [
        "const getRoute = require('./get');",
        "const listRoute = require('./list');",
        "const removeRoute = require('./remove');",
        "module.exports = { name: 'items', async register(server, options) {",
        '  server.route([getRoute(), listRoute(options)].concat(removeRoute()));',
        '} };',
      ].join('\n'),
      '/s/lib/server.js': [
        "const Hapi = require('@hapi/hapi');",
        'module.exports = async () => {',
        '  const server = new Hapi.Server({ port: 8080 });',
        "  await server.register({ plugin: require('../plugins/items'), routes: { prefix: '/v4' } });",
        '  return server;',
        '};',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /v4/items/:id', 'GET /v4/items', 'GET /v4/items/:id', 'HEAD /v4/items']);
    assert.deepEqual(warnings, []);
  });

  test('a route list a function builds in a name and returns (const table = [...]; return table), its elements route objects of another module (relay.open) and a spread list; server.route(makeTable()) and server.route(held) of const held = makeTable()', () => {
    const files = (call: string) => ({
      '/s/src/relay.ts': [
        "export const relay = { open: { method: 'POST', path: '/relay/open', handler: () => 1 }, shut: { method: 'POST', path: '/relay/{slot}', handler: () => 1 } };",
        "export const passThrough = [{ method: '*', path: '/pass/{rest*}', handler: () => 1 }];",
      ].join('\n'),
      '/s/src/table.ts': [
        "import { relay, passThrough } from './relay';",
        'export const makeTable = () => {',
        '  const table: Route[] = [',
        '    // a comment before the first element',
        "    { method: 'GET', path: '/status', handler: () => 'ok' },",
        '    relay.open,',
        '    relay.shut,',
        '    ...passThrough,',
        '  ];',
        '  return table;',
        '};',
      ].join('\n'),
      '/s/src/server.ts': [
        "import * as Hapi from '@hapi/hapi';",
        "import { makeTable } from './table';",
        'export async function start() {',
        '  const server = new Hapi.Server({ port: 9000 });',
        call,
        '  await server.start();',
        '}',
      ].join('\n'),
    });
    const expected = ['ALL /pass/*', 'GET /status', 'POST /relay/:slot', 'POST /relay/open'];
    for (const call of ['  server.route(makeTable());', '  const held = makeTable();\n  server.route(held);']) {
      const { routes, warnings } = collect(files(call));
      assert.deepEqual(routes, expected, call);
      assert.deepEqual(warnings, [], call);
    }
  });

  test('plugins registered in a loop over a list of their names (require(`../plugins/${name}`), a literal pushed where it runs), and over a list mapped to their modules ([...].map((p) => require(p))), each function with its own list of the same name', () => {
    const { routes, warnings } = collect({
      '/s/plugins/status.js': "module.exports = { name: 'status', async register(server) { server.route({ method: 'GET', path: '/status', handler: () => 'ok' }); } };",
      '/s/plugins/users.js': "module.exports = { name: 'users', async register(server) { server.route({ method: 'GET', path: '/users/{id}', handler: () => ({}) }); } };",
      '/s/plugins/coverage.js': "module.exports = { name: 'coverage', async register(server) { server.route({ method: 'GET', path: '/coverage/info', handler: () => ({}) }); } };",
      '/s/lib/registerPlugins.js': [
        'async function registerDefaultPlugins(server) {',
        "  const plugins = ['../plugins/status'].map((plugin) => require(plugin));",
        "  return plugins.map(async (pluginObj) => server.register({ plugin: pluginObj, routes: { prefix: '/v4' } }));",
        '}',
        'async function registerResourcePlugins(server, config) {',
        "  const plugins = ['users'];",
        "  if (config.coverage) plugins.push('coverage');",
        '  return plugins.map(async (pluginName) => {',
        "    await server.register({ plugin: require(`../plugins/${pluginName}`), options: { ...(config[pluginName] || {}) }, routes: { prefix: '/v4' } });",
        '  });',
        '}',
        'module.exports = async (server, config) => {',
        '  await registerDefaultPlugins(server);',
        '  await registerResourcePlugins(server, config);',
        '};',
      ].join('\n'),
      '/s/lib/server.js': [
        "const Hapi = require('@hapi/hapi');",
        "const registerPlugins = require('./registerPlugins');",
        'module.exports = async (config) => {',
        '  const server = new Hapi.Server({ port: 8080 });',
        '  await registerPlugins(server, config);',
        '  return server;',
        '};',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /v4/coverage/info', 'GET /v4/status', 'GET /v4/users/:id']);
    assert.deepEqual(warnings, []);
  });
});

suite('hapi route lists made by functions', () => {
  const ROUTES = [
    'const answer = (deps, req, h) => deps.handle(req, h);',
    'const publicRoutes = (deps) => [',
    "  { method: 'GET', path: '/status', handler: (req, h) => answer(deps, req, h) },",
    "  { method: 'PUT', path: '/accounts/{id}', handler: (req, h) => answer(deps, req, h) },",
    '];',
    "const adminRoutes = (deps) => [{ method: 'DELETE', path: '/cache', handler: (req, h) => answer(deps, req, h) }];",
    'module.exports = { publicRoutes, adminRoutes };',
  ].join('\n');

  test("a module's functions returning route lists whatever they are given: server.route(Routes.publicRoutes(deps)) serves that list", () => {
    const { routes, warnings } = collect({
      '/s/src/routes.js': ROUTES,
      '/s/src/server.js': [
        "const Hapi = require('@hapi/hapi');",
        "const Routes = require('./routes');",
        'const start = async (deps) => {',
        '  const server = new Hapi.Server({ port: 3000 });',
        '  server.route(Routes.publicRoutes(deps));',
        '  await server.start();',
        '};',
        'module.exports = { start };',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /status', 'PUT /accounts/:id']);
    assert.deepEqual(warnings, []);
  });

  test('a function returning something else than a list of objects is not taken for a route list', () => {
    const { routes } = collect({
      '/s/src/routes.js': ["const paths = (base) => [base + '/a', base + '/b'];", 'module.exports = { paths };'].join('\n'),
      '/s/src/server.js': [
        "const Hapi = require('@hapi/hapi');",
        "const Routes = require('./routes');",
        'const server = new Hapi.Server({ port: 3000 });',
        'server.route(Routes.paths(process.env.BASE));',
        "server.route({ method: 'GET', path: '/ping', handler: () => 'pong' });",
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /ping']);
  });
  test('a server-making function given its route list (makeServer(port, list) doing server.route(list)), called with a port read by destructuring the caller\'s own options: the caller is no route helper, each call serves its list', () => {
    const { routes, warnings } = collect({
      '/s/lib/tables.js': [
        'const publicTable = (backend) => [{ method: \'GET\', path: \'/status\', handler: () => backend.ok() }, { method: \'PUT\', path: \'/things/{key}\', handler: () => null }];',
        'const staffTable = (backend) => [{ method: \'DELETE\', path: \'/cache\', handler: () => backend.flush() }];',
        'module.exports = { publicTable, staffTable };',
      ].join('\n'),
      '/s/lib/boot.js': [
        "const Hapi = require('@hapi/hapi');",
        "const Tables = require('./tables');",
        'const makeServer = async (port, backend, list, staff) => {',
        '  const server = new Hapi.Server({ port });',
        '  server.route(list);',
        '  await server.start();',
        '  return server;',
        '};',
        'const startPublic = async (settings) => {',
        '  const { PUBLIC_PORT, LOG } = settings;',
        '  const backend = await connect(LOG);',
        '  return makeServer(PUBLIC_PORT, backend, Tables.publicTable(backend), false);',
        '};',
        'const startStaff = async (settings) => {',
        '  const { STAFF_PORT } = settings;',
        '  return makeServer(STAFF_PORT, {}, Tables.staffTable({}), true);',
        '};',
        'module.exports = { startPublic, startStaff };',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /cache', 'GET /status', 'PUT /things/:key']);
    assert.deepEqual(warnings, []);
  });

  test("server.route given a list built at run time (a spec's operations mapped by a function, through a helper's parameter) is warned of at the call; route(x) in a file importing neither hapi nor fastify is a lookup, not warned of", () => {
    const { routes, warnings } = collect({
      '/s/src/start.js': [
        "const Hapi = require('@hapi/hapi');",
        "const loader = require('spec-loader');",
        'const toRoutes = (doc) => doc.operations().map((op) => ({ method: op.verb.toUpperCase(), path: op.url, handler: () => null }));',
        'const listen = async (port, routes) => {',
        '  const server = new Hapi.Server({ port });',
        '  server.route(routes);',
        '  await server.start();',
        '};',
        "loader.read('./api.yaml').then((doc) => listen(8000, toRoutes(doc)));",
      ].join('\n'),
      '/s/src/links.js': [
        "const Router = require('@koa/router');",
        'const router = new Router();',
        "router.get('stats', '/stats', (ctx) => { ctx.body = router.route(ctx.query.name); });",
        'module.exports = router;',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /stats']);
    assert.deepEqual(warnings, ['/s/src/start.js:9: server.route({...}) method or url is not known statically; route skipped (list it in x-runtime-drift.routes)']);
  });
});
