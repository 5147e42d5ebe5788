// Loops over constant tables of route records, their fields handed to a function of the project
// that registers the route (tableLoops.ts, routeHelpers.ts): fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const collect = (files: Record<string, string>) =>
  collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases: [] },
  );
const routesOf = (files: Record<string, string>) =>
  collect(files)
    .routes.map((r) => `${r.method} ${r.path}`)
    .sort();

/** A helper of another file: `router[method](base + path, ...)` on its parameters. */
const HELPER = [
  'exports.addRoute = (router, base, handlers, action, path, method) => {',
  '  router[method](base + path, async (ctx) => handlers[action](ctx));',
  '};',
  'exports.other = (router) => router;',
].join('\n');

suite('routes from loops over constant tables', () => {
  test('for...in over an object of lists, each list read through the table (table[key].forEach), fields joined with a prefix table and handed to an imported helper', () => {
    const { routes: found, warnings } = collect({
      '/s/lib/helpers.js': HELPER,
      '/s/router.js': [
        "const Router = require('koa-router');",
        "const { addRoute } = require('./lib/helpers.js');",
        'const router = new Router();',
        "let SECTIONS = { account: { prefix: '/account/', handlers: accountHandlers }, team: { prefix: '/team/', handlers: teamHandlers } };",
        'let table = {',
        "  account: [{ action: 'login', path: 'login', method: 'post' }, { action: 'me', path: 'me', method: 'get' }],",
        "  team: [{ action: 'list', path: 'list', method: 'get' }, { action: 'remove', path: 'remove', method: 'del' }, { action: 'any', path: 'ping', method: 'all' }],",
        '};',
        'function addPlugin(config) {',
        "  let full = '/plugin/' + config.path;",
        "  addRoute(router, '/v1', config.handlers, config.action, full, config.method || 'GET');",
        '}',
        'for (let section in table) {',
        '  let entries = table[section];',
        '  entries.forEach((entry) => {',
        '    let full = SECTIONS[section].prefix + entry.path;',
        "    addRoute(router, '/v1', SECTIONS[section].handlers, entry.action, full, entry.method);",
        '  });',
        '}',
        'module.exports = router;',
      ].join('\n'),
      '/s/app.js': "const Koa = require('koa');\nconst router = require('./router.js');\nconst app = new Koa();\napp.use(router.routes());\n",
    });
    const routes = found.map((r) => `${r.method} ${r.path}`).sort();
    assert.deepEqual(routes, ['ALL /v1/team/ping', 'DELETE /v1/team/remove', 'GET /v1/account/me', 'GET /v1/team/list', 'POST /v1/account/login']);
    // The plugin's path is its caller's: not known here, a warning where the helper is called.
    assert.deepEqual(warnings, ['/s/router.js:11: GET route path not found statically; route skipped (list it in x-runtime-drift.routes)']);
  });

  const grouped = (loop: string) => ({
    '/s/app.js': [
      "const express = require('express');",
      'const app = express();',
      "const GROUPS = { users: [{ method: 'get', path: '/' }, { method: 'post', path: '/:id' }], teams: [{ method: 'put', path: '/:id' }] };",
      "const FLAT = [{ verb: 'get', url: '/health' }, { verb: 'delete', url: '/cache' }];",
      'const register = (server, method, group, path) => {',
      '  const full = `/api/${group}${path}`;',
      '  server[method](full, handle);',
      '};',
      loop,
    ].join('\n'),
  });
  const GROUPED = ['GET /api/users', 'POST /api/users/:id', 'PUT /api/teams/:id'];
  const forms: Array<[string, string, string[]]> = [
    ['Object.keys(t).forEach, each list read as t[key], handed to a helper of the file (a const arrow, its path a template of its parameters)', 'Object.keys(GROUPS).forEach((g) => GROUPS[g].forEach((r) => register(app, r.method, g, r.path)));', GROUPED],
    ['Object.entries(t).forEach destructured, then for...of destructured, handed to a helper of the file (a const arrow, its path a template of its parameters)', 'Object.entries(GROUPS).forEach(([g, list]) => {\n  for (const { method, path } of list) register(app, method, g, path);\n});', GROUPED],
    ['for...of over Object.values(t), handed to a helper of the file (a const arrow, its path a template of its parameters)', "for (const r of Object.values(FLAT)) register(app, r.verb, 'ops', r.url);", ['DELETE /api/ops/cache', 'GET /api/ops/health']],
    ['a constant holding Object.entries(t), its entries destructured in a for...of (loopOverTable.ts follows the name, as for a table keyed by "METHOD /path")', 'const groups = Object.entries(GROUPS);\nfor (const [g, list] of groups) list.forEach((r) => register(app, r.method, g, r.path));', GROUPED],
    ['an index loop (for (let i = 0; i < t.length; i++)), registered directly', "for (let i = 0; i < FLAT.length; i++) {\n  const r = FLAT[i];\n  app[r.verb]('/direct' + r.url, handle);\n}", ['DELETE /direct/cache', 'GET /direct/health']],
  ];
  for (const [form, loop, expected] of forms)
    test(`${form}: one route per element`, () => {
      assert.deepEqual(routesOf(grouped(loop)), expected);
    });

  test("a helper of the file with its own method, router.get(base + path) or router.route(prefix + path).get().post(), called in a loop: its routes at each call, no warning from its body", () => {
    const { routes, warnings } = collect({
      '/s/app.js': [
        "const express = require('express');",
        'const app = express();',
        "const PAGES = [{ path: '/a' }, { path: '/b' }];",
        'function page(router, base, path, h) {',
        '  router.get(base + path, h);',
        '}',
        'function form(router, path) {',
        "  router.route('/forms' + path).get(show).post(save);",
        '}',
        'for (const p of PAGES) {',
        "  page(app, '/pages', p.path, render);",
        '  form(app, p.path);',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(
      routes.map((r) => `${r.method} ${r.path} ${r.line}`),
      ['GET /forms/a 12', 'POST /forms/a 12', 'GET /forms/b 12', 'POST /forms/b 12', 'GET /pages/a 11', 'GET /pages/b 11'],
    );
    assert.deepEqual(warnings, []);
  });

  test("a helper call whose path or list is not known statically is a warning at the call, once however often its loop runs; the helper's own body is not one", () => {
    const { routes, warnings } = collect({
      '/s/lib/helpers.js': HELPER,
      '/s/router.js': [
        "const Router = require('koa-router');",
        "const { addRoute } = require('./lib/helpers.js');",
        'const router = new Router();',
        "const KNOWN = [{ action: 'a', path: '/a', method: 'get' }, { action: 'b', path: '/b', method: 'post' }];",
        "KNOWN.forEach((k) => addRoute(router, '/v1', h, k.action, k.path + suffix(), k.method));",
        "for (const r of loadRoutes()) addRoute(router, '/v1', h, r.action, r.path, r.method);",
        'KNOWN.forEach((k) => router.get(pathOf(k), h));',
        'module.exports = router;',
      ].join('\n'),
    });
    assert.deepEqual(routes, []);
    assert.deepEqual(warnings, [
      '/s/router.js:7: router.get path pathOf(k) is not a string known statically; route skipped (list it in x-runtime-drift.routes)',
      '/s/router.js:5: GET route path not found statically; route skipped (list it in x-runtime-drift.routes)',
      '/s/router.js:5: POST route path not found statically; route skipped (list it in x-runtime-drift.routes)',
      '/s/router.js:6: routes registered in a loop over a list not found statically; routes skipped (list them in x-runtime-drift.routes)',
    ]);
  });

  test("a router and the loop's element handed to a function of a package (through a constant of its import) is a warning at the call, once; a function of the scan is read as before", () => {
    const { routes, warnings } = collect({
      '/s/lib/helpers.js': HELPER,
      '/s/router.js': [
        "const Router = require('koa-router');",
        "const apmUtils = require('apm-utils');",
        "const { addRoute } = require('./lib/helpers.js');",
        'const helpers = apmUtils.koa;',
        'const router = new Router();',
        "const TABLE = { '/spec': { handlers: [h] }, '/users/:id': { paths: [{ name: 'user', path: '/users/:id' }], handlers: [h] } };",
        'Object.entries(TABLE).forEach(([name, definition]) => {',
        '  helpers.addRoutes(router, (definition.paths || [{ name, path: name }]).map((p) => [p.name, p.path]), ...definition.handlers);',
        "  addRoute(router, '/v1', h, 'show', name, 'get');",
        '});',
        "helpers.middleware(router, { prefix: '/v1' });",
        "for (const key of Object.keys(TABLE)) apmUtils.track(router, 'table');",
        'module.exports = router;',
      ].join('\n'),
    });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /v1/spec', 'GET /v1/users/:id']);
    // Outside a loop, or in one that hands it nothing of the element, a package's function given the router is no registration seen.
    assert.deepEqual(warnings, [
      '/s/router.js:8: routes registered in a loop through helpers.addRoutes, a function of apm-utils, which the scan does not read; routes skipped (list them in x-runtime-drift.routes)',
    ]);
  });

  test('out of a loop, a router handed to a function of a package with route paths written in the call is a warning at the call; with no path, or a path in an options object, none', () => {
    const { routes, warnings } = collect({
      '/s/router.js': [
        "const Router = require('koa-router');",
        "const apmUtils = require('apm-utils');",
        'const router = new Router();',
        "apmUtils.koa.addRoutes(router, [['/terms', '/terms/privacy']], async (ctx) => { ctx.body = 'terms'; });",
        "apmUtils.koa.track(router, 'name');",
        "apmUtils.koa.middleware(router, { prefix: '/v1' });",
        "router.get('/health', (ctx) => { ctx.body = 'ok'; });",
        'module.exports = router;',
      ].join('\n'),
    });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /health']);
    assert.deepEqual(warnings, [
      '/s/router.js:4: routes handed to apmUtils.koa.addRoutes, a function of apm-utils, with the router: the scan does not read that code; routes skipped (list them in x-runtime-drift.routes)',
    ]);
  });
});

suite('routes: a list the file assigns again', () => {
  test('a loop over a `let` list that starts empty and is assigned later runs over what is not known here: its routes are shown with a warning, not dropped as an empty table', () => {
    const { routes, warnings } = collect({
      '/s/app.ts': [
        "import express from 'express';",
        "import { pageNames } from './pages';",
        'const app = express();',
        'let pages: string[] = [];',
        'if (process.env.PAGES) pages = pageNames();',
        'for (let i = 0; i < pages.length; i++) {',
        '  const page = pages[i];',
        '  app.get(`/pages/${page}`, (req, res) => res.send(page));',
        '}',
        'for (const v of versions) app.get(`/v/${v}`, (req, res) => res.end());',
        "app.get('/ready', (req, res) => res.end());",
        'export default app;',
      ].join('\n'),
    });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /ready']);
    assert.deepEqual(warnings, [
      '/s/app.ts:8: app.get path `/pages/${page}` is not a string known statically; route skipped (list it in x-runtime-drift.routes)',
      '/s/app.ts:10: app.get path `/v/${v}` is not a string known statically; route skipped (list it in x-runtime-drift.routes)',
    ]);
  });

  test('a `let` list never assigned again is still read element by element', () => {
    const found = routesOf({
      '/s/app.ts': [
        "import express from 'express';",
        'const app = express();',
        "let pages = ['about', 'terms'];",
        'for (const page of pages) app.get(`/pages/${page}`, (req, res) => res.end());',
        'export default app;',
      ].join('\n'),
    });
    assert.deepEqual(found, ['GET /pages/about', 'GET /pages/terms']);
  });
});
