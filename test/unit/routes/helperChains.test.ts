// Functions handing their parameters on to a route helper of a fixed method, directly or through a
// callback they are given (helperChains.ts, collect.ts addHelperRoutes): fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as collect } from '../helpers/collectText';

/**
 * A routing library of the project: `register` switches on a config's method; `buildRoutes` hands a
 * builder an object whose `add` closes over its own options; `resourceRouter` and `adminRouter` hand
 * their parameters on to it (the router read off an options object).
 */
const ROUTING = [
  'function register(router, prefix, spec) {',
  "  const full = `${prefix}${spec.path ?? ''}`;",
  '  switch (spec.method) {',
  "    case 'get':",
  '      router.get(full, spec.handler);',
  '      break;',
  "    case 'post':",
  '      router.post(full, spec.handler);',
  '      break;',
  "    case 'delete':",
  '      router.delete(full, spec.handler);',
  '      break;',
  '  }',
  '}',
  'function buildRoutes({ prefix, build, router }) {',
  '  const tools = {',
  '    add: (spec) => {',
  '      register(router, prefix, spec);',
  '    },',
  '    note(text) {',
  '      return text;',
  '    },',
  '  };',
  '  build(tools);',
  '  return router;',
  '}',
  'export function resourceRouter(prefix, build, opts) {',
  '  return buildRoutes({ prefix, build, router: opts.router });',
  '}',
  'export function adminRouter(prefix, build, opts) {',
  "  return buildRoutes({ prefix: '/admin' + prefix, build, router: opts.router });",
  '}',
  'export function spec(config) {',
  '  return config;',
  '}',
].join('\n');

suite('route helpers reached through other functions and callbacks', () => {
  test("Koa: a folder's function calls the project's `resourceRouter('/v1/books', ({ add }) => { add(showBook) }, { router })`, which hands its parameters to a function handing the callback an object whose member registers each config through a helper switching on its method: each config's route on the router read off the options, under the prefix", () => {
    const { routes, warnings } = collect({
      '/s/lib/routing.ts': ROUTING,
      '/s/books/show.ts': ["import { spec } from '../lib/routing';", "export const showBook = spec({ method: 'get', path: '/:id', handler: (ctx) => ctx.params.id });"].join('\n'),
      '/s/books/remove.ts': ["import { spec } from '../lib/routing';", "export const removeBook = spec({ method: 'delete', path: '/:id', handler: () => 204 });"].join('\n'),
      '/s/books/index.ts': [
        "import { resourceRouter, adminRouter, spec } from '../lib/routing';",
        "import { showBook } from './show';",
        "import { removeBook } from './remove';",
        'export function bookRoutes(router, paramRouter) {',
        "  resourceRouter('/v1/books', ({ add }) => {",
        "    add(spec({ method: 'post', handler: (ctx) => ctx.request.body }));",
        '  }, { router });',
        "  resourceRouter('/v1/books', (tools) => {",
        '    tools.add(showBook);',
        "    tools.note('params last');",
        '  }, { router: paramRouter });',
        "  adminRouter('/books', ({ add: register }) => {",
        '    register(removeBook);',
        '  }, { router });',
        '}',
      ].join('\n'),
      '/s/app.ts': [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        "import { bookRoutes } from './books/index';",
        'const app = new Koa();',
        'const main = new Router();',
        'const params = new Router();',
        'bookRoutes(main, params);',
        'app.use(main.routes());',
        'app.use(params.routes());',
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /admin/books/:id', 'GET /v1/books/:id', 'POST /v1/books']);
    assert.deepEqual(warnings, []);
  });

  test('Koa: such a callback handing the member a config not known (an element of a list its function is given): warned once at that call, no route guessed at the prefix', () => {
    const { routes, warnings } = collect({
      '/s/lib/routing.ts': ROUTING,
      '/s/books/index.ts': [
        "import { resourceRouter } from '../lib/routing';",
        'export function bookRoutes(router, specs) {',
        "  resourceRouter('/v1/books', ({ add }) => {",
        '    for (const s of specs) add(s);',
        '  }, { router });',
        '}',
      ].join('\n'),
      '/s/app.ts': [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        "import { bookRoutes } from './books/index';",
        'const app = new Koa();',
        'const main = new Router();',
        'bookRoutes(main, []);',
        'app.use(main.routes());',
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /books\/index\.ts:4.*route config given to add \(handed by resourceRouter\) not found statically/);
  });
});

suite('routes: names an object has from its prototype are no route method nor helper', () => {
  test("`number.toLocaleString(locale, options)` in a helper called by another function registers nothing, and the file is read", () => {
    const text = [
      "import express from 'express';",
      'const app = express();',
      'const toLocaleString = (number, locale, options) => number.toLocaleString(locale, options);',
      'function prettyBytes(number, options) {',
      '  return toLocaleString(number, options.locale, { maximumFractionDigits: 1 });',
      '}',
      "app.get('/size', (req, res) => res.send(prettyBytes(1024, {})));",
      'app.listen(3000);',
    ].join('\n');
    const { routes, warnings } = collect({ '/w/src/index.js': text });
    assert.deepEqual(routes, ['GET /size']);
    assert.deepEqual(warnings, []);
  });
});
