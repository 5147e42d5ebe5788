// Mount helpers: functions mounting a router they are handed on another they are handed, under a
// prefix built from their parameters (mountHelpers.ts, collect.ts mountHelperEdges). Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';

const collect = (files: Record<string, string>) => {
  const { routes, warnings } = collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases: [] },
  );
  return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
};

/** A helper mounting the router it is given under `/<kind>`, or the `main` router of an object behind a wrapper router of its own. */
const HELPER = [
  "const express = require('express');",
  'function attach(kind, target, given) {',
  '  const at = `/${kind}`;',
  '  if (given && given.main) {',
  '    const { main } = given;',
  '    const wrapper = express.Router();',
  '    wrapper.use(main);',
  '    target.use(at, wrapper);',
  '    return at;',
  '  }',
  '  target.use(at, given);',
  '  return at;',
  '}',
  'module.exports = { attach };',
].join('\n');

const moduleRoutes = (path: string) => ["const routes = require('express').Router();", `routes.get('${path}', (req, res) => res.json([]));`, 'module.exports = routes;'].join('\n');

suite('mount helpers', () => {
  test("a helper of another file called by two modules' mount functions: each module's router under the prefix its own call gives, none under the other's", () => {
    const { routes, warnings } = collect({
      '/s/lib/attach.js': HELPER,
      '/s/books/routes.js': moduleRoutes('/:id'),
      '/s/books/index.js': "const routes = require('./routes');\nconst { attach } = require('../lib/attach');\nmodule.exports.mount = (app) => attach('books', app, routes);",
      '/s/shelves/routes.js': moduleRoutes('/'),
      '/s/shelves/index.js': "const routes = require('./routes');\nconst attach = require('../lib/attach').attach;\nexports.mount = (app) => {\n  return attach('shelves', app, { main: routes });\n};",
      '/s/server.js': [
        "const express = require('express');",
        "const books = require('./books');",
        "const shelves = require('./shelves');",
        'const app = express();',
        'const api = express.Router();',
        'books.mount(api);',
        'shelves.mount(api);',
        "app.use('/api', api);",
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /api/books/:id', 'GET /api/shelves']);
    assert.deepEqual(warnings, []);
  });

  test('a helper looping over a list property of its argument (`for (const { handler } of extras)` of `const { extras } = given`), each handed on by a middleware calling it with its own (req, res, next): each router of the list the caller holds in a constant, under the helper\'s prefix', () => {
    const { routes, warnings } = collect({
      '/s/lib/attach.js': [
        "const express = require('express');",
        'function attach(kind, target, given) {',
        '  const { main, extras } = given;',
        '  const front = express.Router();',
        '  for (const { handler, words } of extras) {',
        '    front.use(function (req, res, next) {',
        '      if (!words.some((w) => req.path.includes(w))) return next();',
        '      return handler(req, res, next);',
        '    });',
        '  }',
        '  front.use(main);',
        '  target.use(`/${kind}`, front);',
        '}',
        'module.exports = { attach };',
      ].join('\n'),
      '/s/books/routes.js': moduleRoutes('/:id'),
      '/s/books/notesRoutes.js': moduleRoutes('/:id/notes'),
      '/s/books/tagsRoutes.js': moduleRoutes('/:id/tags'),
      '/s/books/index.js': [
        "const routes = require('./routes');",
        "const notesRoutes = require('./notesRoutes');",
        "const tagsRoutes = require('./tagsRoutes');",
        "const { attach } = require('../lib/attach');",
        'module.exports.mount = (app) => {',
        "  const extras = [{ handler: notesRoutes, words: ['notes'] }, { handler: tagsRoutes, words: ['tags'] }];",
        "  attach('books', app, { main: routes, extras });",
        '};',
      ].join('\n'),
      '/s/server.js': "const express = require('express');\nconst books = require('./books');\nconst app = express();\nbooks.mount(app);",
    });
    assert.deepEqual(routes, ['GET /books/:id', 'GET /books/:id/notes', 'GET /books/:id/tags']);
    assert.deepEqual(warnings, []);
  });

  test('a helper calling forEach on a list property of its argument (`given.extras.forEach(({ handler }) => ...)`): each router of the list the caller holds in a constant, under the helper\'s prefix', () => {
    const { routes, warnings } = collect({
      '/s/lib/attach.js': [
        'function attach(kind, target, given) {',
        '  target.use(`/${kind}`, given.main);',
        '  given.extras.forEach(({ handler }) => {',
        '    target.use(`/${kind}`, handler);',
        '  });',
        '}',
        'module.exports = { attach };',
      ].join('\n'),
      '/s/books/routes.js': moduleRoutes('/:id'),
      '/s/books/notesRoutes.js': moduleRoutes('/:id/notes'),
      '/s/books/tagsRoutes.js': moduleRoutes('/:id/tags'),
      '/s/books/index.js': [
        "const routes = require('./routes');",
        "const notesRoutes = require('./notesRoutes');",
        "const tagsRoutes = require('./tagsRoutes');",
        "const { attach } = require('../lib/attach');",
        'module.exports.mount = (app) => {',
        '  const extras = [{ handler: notesRoutes }, { handler: tagsRoutes }];',
        "  attach('books', app, { main: routes, extras });",
        '};',
      ].join('\n'),
      '/s/server.js': "const express = require('express');\nconst books = require('./books');\nconst app = express();\nbooks.mount(app);",
    });
    assert.deepEqual(routes, ['GET /books/:id', 'GET /books/:id/notes', 'GET /books/:id/tags']);
    assert.deepEqual(warnings, []);
  });

  test('a helper registering the plugin it is given under a prefix option built from a parameter (`app.register(plugin, { prefix: `/api${base}` })`): the plugin\'s routes under the prefix each call gives', () => {
    const plugin = (path: string) => `module.exports = async function (f) {\n  f.get('${path}', async () => ({}));\n};`;
    const { routes, warnings } = collect({
      '/s/lib/mount.js': 'function mount(app, plugin, base) {\n  app.register(plugin, { prefix: `/api${base}` });\n}\nmodule.exports = { mount };',
      '/s/books.js': plugin('/:id'),
      '/s/shelves.js': plugin('/'),
      '/s/server.js': [
        "const fastify = require('fastify');",
        "const { mount } = require('./lib/mount');",
        "const books = require('./books');",
        "const shelves = require('./shelves');",
        'const app = fastify();',
        "mount(app, books, '/books');",
        "mount(app, shelves, '/shelves');",
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /api/books/:id', 'GET /api/shelves']);
    assert.deepEqual(warnings, []);
  });

  test('a helper of the same file called twice: one mount per call, the prefix joined from a parameter and a literal', () => {
    const { routes } = collect({
      '/s/server.js': [
        "const express = require('express');",
        "const users = require('./users');",
        "const teams = require('./teams');",
        'const app = express();',
        "function mountUnder(parent, name, child) { parent.use('/v1/' + name, child); }",
        "mountUnder(app, 'users', users);",
        "mountUnder(app, 'teams', teams);",
      ].join('\n'),
      '/s/users.js': moduleRoutes('/me'),
      '/s/teams.js': moduleRoutes('/:teamId'),
    });
    assert.deepEqual(routes, ['GET /v1/teams/:teamId', 'GET /v1/users/me']);
  });

  test('a module calling a helper with a literal prefix and a router is read as a route source (the cheap test before the scan)', () => {
    assert.equal(mayDeclareRoutes("const routes = require('./routes');\nmodule.exports.mount = (app) => setupMount('admin', app, routes);"), true);
  });
  test("helpers nested in the function making the app mount on that app: a router the call names (imported, or an awaited module function's) under the call's url, through a helper calling another, and a 404 fallback ending the request (next(new NotFound())) is an ALL route there", () => {
    const { routes } = collect({
      '/n/app.js': [
        "const express = require('express');",
        "const users = require('./users');",
        "const reports = require('./reports');",
        'async function createApp(kind) {',
        '  const app = express();',
        '  function notFoundUnder(url) {',
        '    app.use(url, (req, res, next) => { next(new NotFound()); });',
        '  }',
        '  function mountAt(url, r) {',
        '    app.use(url, r);',
        '  }',
        '  function mountWithFallback(url, router) {',
        '    mountAt(url, router);',
        '    notFoundUnder(url);',
        '  }',
        '  app.use((req, res, next) => { next(); });',
        "  mountWithFallback('/users', users);",
        "  mountWithFallback('/reports', await reports.build(kind));",
        '  return app;',
        '}',
        'createApp(1).then((app) => app.listen(3000));',
      ].join('\n'),
      '/n/users.js': moduleRoutes('/:id'),
      '/n/reports.js': [
        "const factory = require('./lib/factory');",
        'async function build(kind) {',
        '  const router = factory.create();',
        "  router.get('/daily', (req, res) => res.json([]));",
        '  return router;',
        '}',
        'module.exports.build = build;',
      ].join('\n'),
      '/n/lib/factory.js': "const express = require('express');\nmodule.exports.create = () => express.Router();\n",
    });
    assert.deepEqual(routes, ['ALL /reports', 'ALL /users', 'GET /reports/daily', 'GET /users/:id']);
  });
});
