// Functions of the project that register routes of a fixed method with a path their caller gives
// (routeHelpers.ts findFixedHelpers, collect.ts addHelperRoutes): fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as collect } from '../helpers/collectText';

/** A helper of another file taking a page record: GET and POST of the path the record holds. */
const PAGE_HELPER = [
  'function registerPage(server, page) {',
  '  const { path, view } = page;',
  "  server.route({ method: 'GET', path, handler: (req, h) => h.view(view) });",
  "  server.route({ method: ['POST', 'PUT'], path: page.path + '/save', handler: (req, h) => h.redirect(path) });",
  '}',
  'module.exports = { registerPage };',
].join('\n');

suite('route helpers of a fixed method', () => {
  test('hapi: a helper of another file registering route options with the path of a record it is given (destructured, or read off it), called from a routes module given the server in an object', () => {
    const { routes, warnings } = collect({
      '/s/lib/page.js': PAGE_HELPER,
      '/s/lib/admin.js': [
        "const { registerPage } = require('./page');",
        'function init(args) {',
        '  const { server } = args;',
        "  registerPage(server, { path: '/admin/{section}/settings', view: 'settings', async load() { return {}; } });",
        "  registerPage(server, { path: '/admin/branding', view: 'branding' });",
        "  server.route({ method: 'GET', path: '/admin', handler: () => 'ok' });",
        '}',
        'module.exports = init;',
      ].join('\n'),
      '/s/server.js': [
        "const Hapi = require('@hapi/hapi');",
        "const admin = require('./lib/admin');",
        'const server = Hapi.server({ port: 3000 });',
        'admin({ server });',
      ].join('\n'),
    });
    assert.deepEqual(routes, [
      'GET /admin',
      'GET /admin/:section/settings',
      'GET /admin/branding',
      'POST /admin/:section/settings/save',
      'POST /admin/branding/save',
      'PUT /admin/:section/settings/save',
      'PUT /admin/branding/save',
    ]);
    // The helper's own body has no path of its own to warn of.
    assert.deepEqual(warnings, []);
  });

  test('the same helper called in its own file: its body read with the record it is given', () => {
    const { routes, warnings } = collect({
      '/s/server.js': [
        "const Hapi = require('@hapi/hapi');",
        'const server = Hapi.server({ port: 3000 });',
        PAGE_HELPER.replace('module.exports = { registerPage };', ''),
        "registerPage(server, { path: '/settings', view: 'settings' });",
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /settings', 'POST /settings/save', 'PUT /settings/save']);
    assert.deepEqual(warnings, []);
  });

  test('Express: helpers of another file calling a method of the router they are given with a path built from their parameters (a destructured parameter, a plain one); a route of a literal path there is the router\'s own; a call not giving the path is a warning at the call', () => {
    const { routes, warnings } = collect({
      '/s/crud.ts': [
        "import type { Router } from 'express';",
        "export function addList(router: Router, { base }: { base: string }) {",
        "  router.get(base + '/list', list);",
        "  router.get('/health', health);",
        '}',
        'export const addItem = (router: Router, path: string) => router.delete(`${path}/:id`, remove);',
      ].join('\n'),
      '/s/app.ts': [
        "import express from 'express';",
        "import { addList, addItem } from './crud';",
        'const app = express();',
        "addList(app, { base: '/users' });",
        "addItem(app, '/teams');",
        'addItem(app, process.env.BASE);',
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /teams/:id', 'GET /health', 'GET /users/list']);
    assert.deepEqual(warnings, ['/s/app.ts:6: DELETE route path not found statically; route skipped (list it in x-runtime-drift.routes)']);
  });

  test('a function of the file taking only the path, registering it on a router it reaches (the enclosing function\'s parameter through an encapsulated Fastify plugin, a module-level app): read at each of its calls, its own body warns of nothing', () => {
    const { routes, warnings } = collect({
      '/s/redirects.ts': [
        "import type { FastifyInstance } from 'fastify';",
        'export function registerRedirects(instance: FastifyInstance): void {',
        '  function redirectTo(path: string, target: string) {',
        '    instance.register(async (server) => {',
        '      server.get(path, async (request, reply) => reply.redirect(target));',
        '    });',
        '  }',
        "  redirectTo('/w', '/home');",
        "  redirectTo('/old/w', '/home');",
        '}',
      ].join('\n'),
      '/s/server.ts': [
        "import fastify from 'fastify';",
        "import { registerRedirects } from './redirects';",
        'const app = fastify();',
        'function health(path: string) {',
        "  app.get(path, async () => 'ok');",
        '}',
        "health('/healthz');",
        'registerRedirects(app);',
        'app.listen({ port: 8080 });',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /healthz', 'GET /old/w', 'GET /w']);
    assert.deepEqual(warnings, []);
  });

  test('a function of the file taking the path, chaining methods on a module-level router\'s route(path) (router.route(path).get(h).post(h)): read at each of its calls, its own body warns of nothing', () => {
    const { routes, warnings } = collect({
      '/s/hooks.js': [
        "import { Router } from 'express';",
        'const router = Router();',
        'function hook(path, handler) {',
        '  router.route(path).get(handler).post(handler);',
        '}',
        "hook('/flows/:id/sync', syncHandler);",
        "hook('/:id', handler);",
        'export default router;',
      ].join('\n'),
      '/s/app.js': [
        "import express from 'express';",
        "import hooks from './hooks.js';",
        'const app = express();',
        "app.use('/webhooks', hooks);",
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /webhooks/:id', 'GET /webhooks/flows/:id/sync', 'POST /webhooks/:id', 'POST /webhooks/flows/:id/sync']);
    assert.deepEqual(warnings, []);
  });

  test('CommonJS helpers taking their arguments as a rest parameter (`function (...args) { const [router, name] = args }`), exported through an alias of module.exports (`const lib = module.exports; lib.page = ...`), called destructured from a require held by a name and as a member of it', () => {
    const { routes, warnings } = collect({
      '/s/lib/http.js': [
        'const lib = module.exports;',
        'lib.page = function (...args) {',
        '  const [router, name] = args;',
        '  const handler = args[args.length - 1];',
        '  router.get(name, handler);',
        '  router.get(`/json${name}`, handler);',
        '};',
        'lib.endpoint = function (...args) {',
        '  const [router, verb, name] = args;',
        '  router[verb](name, args[args.length - 1]);',
        '};',
      ].join('\n'),
      '/s/lib/routes.js': [
        "const express = require('express');",
        "const lib = require('./http');",
        'const { page } = lib;',
        'module.exports = function (app) {',
        '  const router = express.Router();',
        "  page(router, '/inbox', (req, res) => res.end());",
        "  lib.endpoint(router, 'delete', '/inbox/:id', (req, res) => res.end());",
        "  app.use('/', router);",
        '};',
      ].join('\n'),
      '/s/app.js': "const app = require('express')();\nrequire('./lib/routes')(app);\napp.listen(3000);\n",
    });
    assert.deepEqual(routes, ['DELETE /inbox/:id', 'GET /inbox', 'GET /json/inbox']);
    assert.deepEqual(warnings, []);
  });

  test("Express: a helper of another file taking a route record and branching on its method (`if (rh.method === 'GET') server.get(rh.path, ...)`), given records other files export (literal, built from their own constants, spreading a `route` object): each record's one route, no other method", () => {
    const { routes, warnings } = collect({
      '/s/lib/createRoute.ts': [
        'export const createRoute = (server, rh) => {',
        "  if (rh.method === 'GET') {",
        '    server.get(rh.path, rh.handler);',
        "  } else if (rh.method === 'POST') {",
        '    server.post(rh.path, rh.handler);',
        "  } else if ('DELETE' === rh.method) {",
        '    server.delete(rh.path, rh.handler);',
        '  }',
        '};',
      ].join('\n'),
      '/s/lib/routes/ping.ts': "export const pingRoute = { method: 'GET', path: '/ping', handler: (req, res) => res.end() };",
      '/s/lib/routes/jobs.ts': ["const path = '/jobs/:id/retry';", "const method = 'POST';", 'const handler = (req, res) => res.end();', 'export const retryRoute = { path, method, handler };'].join('\n'),
      '/s/lib/routes/files.ts': ["const path = '/files/:name';", "const method = 'DELETE';", 'export const route = { method, path };', 'export const removeRoute = { ...route, handler: (req, res) => res.end() };'].join('\n'),
      '/s/lib/server.ts': [
        "import express from 'express';",
        "import { createRoute } from './createRoute';",
        "import { pingRoute } from './routes/ping';",
        "import { retryRoute } from './routes/jobs';",
        "import { removeRoute as remove } from './routes/files';",
        'const app = express();',
        'createRoute(app, pingRoute);',
        'createRoute(app, retryRoute);',
        'createRoute(app, remove);',
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /files/:name', 'GET /ping', 'POST /jobs/:id/retry']);
    assert.deepEqual(warnings, []);
  });

  test("Koa: a helper of another file taking a base path and a route config, switching on its method (`switch (config.method) { case 'get': router.get(...) }`) and joining `${base}${config.path ?? ''}`, given configs other files make through an identity helper (`apiRoute({ method, path?, handler })`): each config's one route, a config without path at the base", () => {
    const { routes, warnings } = collect({
      '/s/lib/mount.ts': [
        'export function mount(router, base, config) {',
        "  const full = `${base}${config.path ?? ''}`;",
        '  switch (config.method) {',
        "    case 'get':",
        '      router.get(full, config.handler);',
        '      break;',
        "    case 'post':",
        '      router.post(full, config.handler);',
        '      break;',
        "    case 'delete':",
        '      router.delete(full, config.handler);',
        '      break;',
        '  }',
        '}',
        'export function apiRoute(config) {',
        '  return config;',
        '}',
      ].join('\n'),
      '/s/items/routes.ts': [
        "import { apiRoute } from '../lib/mount';",
        "export const showItem = apiRoute({ method: 'get', path: '/:id', handler: (ctx) => ctx.params.id });",
        "export const addItem = apiRoute({ method: 'post', handler: (ctx) => ctx.request.body });",
      ].join('\n'),
      '/s/app.ts': [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        "import { mount } from './lib/mount';",
        "import { showItem, addItem } from './items/routes';",
        'const app = new Koa();',
        'const router = new Router();',
        "mount(router, '/v1/items', showItem);",
        "mount(router, '/v1/items', addItem);",
        "mount(router, '/v1/ping', { method: 'delete', handler: () => 'ok' });",
        'app.use(router.routes());',
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /v1/ping', 'GET /v1/items/:id', 'POST /v1/items']);
    assert.deepEqual(warnings, []);
  });

  test("Express: such a helper given what another file's factory returns when called (`createRoute(app, retryHandler(queue))`, a function taking arguments and returning one object literal, spreading a `route` record or written whole): that record's route; a factory returning anything else is no record (warned)", () => {
    const { routes, warnings } = collect({
      '/s/lib/createRoute.ts': [
        'export const createRoute = (server, rh) => {',
        "  if (rh.method === 'GET') server.get(rh.path, rh.handler);",
        "  else if (rh.method === 'POST') server.post(rh.path, rh.handler);",
        '};',
      ].join('\n'),
      '/s/lib/routes/retry.ts': [
        "const path = '/jobs/:id/retry';",
        "const method = 'POST';",
        'export const route = { path, method };',
        'export const retryHandler = (queue) => {',
        '  return { ...route, handler: (req, res) => res.json(queue.retry(req.params.id)) };',
        '};',
      ].join('\n'),
      '/s/lib/routes/stats.ts': "export const statsHandler = (queue, limit) => ({ method: 'GET', path: '/stats', handler: (req, res) => res.json(queue.stats(limit)) });",
      '/s/lib/routes/other.ts': ["const route = { method: 'GET', path: '/other' };", 'export const otherHandler = (queue) => (queue ? route : undefined);'].join('\n'),
      '/s/lib/server.ts': [
        "import express from 'express';",
        "import { createRoute } from './createRoute';",
        "import { retryHandler } from './routes/retry';",
        "import { statsHandler } from './routes/stats';",
        "import { otherHandler } from './routes/other';",
        'export const start = (queue) => {',
        '  const app = express();',
        '  createRoute(app, retryHandler(queue));',
        '  createRoute(app, statsHandler(queue, 10));',
        '  createRoute(app, otherHandler(queue));',
        '  app.listen(3000);',
        '};',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /stats', 'POST /jobs/:id/retry']);
    assert.deepEqual(warnings, ['/s/lib/server.ts:10: GET route path not found statically; route skipped (list it in x-runtime-drift.routes)', '/s/lib/server.ts:10: POST route path not found statically; route skipped (list it in x-runtime-drift.routes)']);
  });
  test('Express: a helper of another file taking the router and the path in one object argument (({ router, path, title }) => { router.get(path, ...); router.post(path, ...) }); each call registers both on the router it carries, under that router\'s mount', () => {
    const { routes, warnings } = collect({
      '/s/lib/settingsPage.js': [
        'const settingsPage = ({ router, path, title = "" }) => {',
        '  router.get(path, (req, res) => res.send(title));',
        '  router.post(path, (req, res) => res.redirect(path));',
        '};',
        'module.exports = { settingsPage };',
      ].join('\n'),
      '/s/routes/config.js': [
        "const express = require('express');",
        "const { settingsPage } = require('../lib/settingsPage');",
        'const router = express.Router();',
        "settingsPage({ router, path: '/', title: 'Site' });",
        "settingsPage({ router: router, path: '/mail', async form(req) { return req.body; } });",
        'module.exports = router;',
      ].join('\n'),
      '/s/app.js': "const express = require('express');\nconst app = express();\napp.use('/settings', require('./routes/config'));\napp.listen(3000);\n",
    });
    assert.deepEqual(routes, ['GET /settings', 'GET /settings/mail', 'POST /settings', 'POST /settings/mail']);
    assert.deepEqual(warnings, []);
  });

  test("Express: a helper of the same file registering a literal route beside one of the path it is given, called by the file's exported function with the router it is handed: both under that router's mount, as the exported function's own", () => {
    const { routes, warnings } = collect({
      '/s/routes.js': [
        "const express = require('express');",
        'function withHealth(router, path) {',
        "  router.get('/health', (req, res) => res.send('ok'));",
        "  router.get(path, (req, res) => res.send('page'));",
        '}',
        'function install(router) {',
        "  router.get('/home', (req, res) => res.send('home'));",
        "  withHealth(router, '/about');",
        '}',
        'module.exports = { install };',
      ].join('\n'),
      '/s/server.js': [
        "const express = require('express');",
        "const { install } = require('./routes');",
        'const app = express();',
        'const router = express.Router();',
        'install(router);',
        "app.use('/site', router);",
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /site/about', 'GET /site/health', 'GET /site/home']);
    assert.deepEqual(warnings, []);
  });

  test("Elysia: another file's helper handed an instance made with its own prefix option (new Elysia({ prefix: '/v2' })): the helper's routes are under that prefix, as the instance's own", () => {
    const { routes, warnings } = collect({
      '/s/src/pages.ts': [
        "import type { Elysia } from 'elysia';",
        'export function page(app: Elysia, path: string) {',
        "  app.get(path, () => 'page');",
        '}',
      ].join('\n'),
      '/s/src/index.ts': [
        "import { Elysia } from 'elysia';",
        "import { page } from './pages';",
        "const app = new Elysia({ prefix: '/v2' });",
        "app.get('/', () => 'root');",
        "page(app, '/docs');",
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /v2', 'GET /v2/docs']);
    assert.deepEqual(warnings, []);
  });
});
