// Table mount helpers: functions walking a table of entries they are given, mounting each entry's
// router under a prefix of the entry and their parameters, walking again an entry holding a table
// (tableMounts.ts, collect.ts tableMountEdges). Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const plugin = (path: string) => `module.exports = function (f, opts, done) {\n  f.route({ method: 'GET', url: '${path}', handler: () => ({}) });\n  done();\n};`;
const expressRouter = (path: string) => `const r = require('express').Router();\nr.get('${path}', (req, res) => res.json({}));\nmodule.exports = r;`;

suite('table mount helpers', () => {
  test("a member of a module's object named like a router, handed the app and a table another file exports: each entry's plugin under the prefix the helper joins, a nested table walked with its entry's prefix", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/lib/routes.js': [
        'const Routes = {',
        "  mount: (app, entries, base = '') => {",
        '    entries.forEach((entry) => {',
        '      if (Array.isArray(entry.handlers)) return Routes.mount(app, entry.handlers, entry.base);',
        "      if (typeof entry.handlers === 'function') app.register(entry.handlers, { prefix: `${base || ''}${entry.base || ''}` });",
        '    });',
        '  },',
        '};',
        'module.exports = Routes;',
      ].join('\n'),
      '/s/handlers/health.js': plugin('/health'),
      '/s/handlers/v2/books.js': plugin('/:id'),
      '/s/handlers/v2/shelves.js': plugin('/'),
      '/s/handlers/v2/index.js': "const books = require('./books');\nconst shelves = require('./shelves');\nmodule.exports = [{ base: '/books', handlers: books }, { base: '/shelves', handlers: shelves }];",
      '/s/handlers/index.js': "const health = require('./health');\nconst v2 = require('./v2');\nmodule.exports = [{ handlers: health }, { base: '/v2', handlers: v2 }];",
      '/s/server.js': "const fastify = require('fastify');\nconst Routes = require('./lib/routes');\nconst handlers = require('./handlers');\nconst app = fastify();\nRoutes.mount(app, handlers);\napp.listen(3000);",
    });
    assert.deepEqual(routes, ['GET /health', 'GET /v2/books/:id', 'GET /v2/shelves']);
    assert.deepEqual(warnings, []);
  });

  test('a declared function looping with for-of over destructured entries and mounting with use: the prefix the call gives joined with each entry\'s, the recursion handing on the joined prefix', () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/lib/attach.js': [
        'function attachAll(target, list, at) {',
        '  for (const { path, router } of list) {',
        '    if (Array.isArray(router)) attachAll(target, router, at + path);',
        '    else target.use(at + path, router);',
        '  }',
        '}',
        'module.exports = { attachAll };',
      ].join('\n'),
      '/s/notes.js': expressRouter('/:id'),
      '/s/tags.js': expressRouter('/'),
      '/s/table.js': "const notes = require('./notes');\nconst tags = require('./tags');\nconst table = [{ path: '/notes', router: notes }, { path: '/meta', router: [{ path: '/tags', router: tags }] }];\nmodule.exports = { table };",
      '/s/server.js': "const express = require('express');\nconst { attachAll } = require('./lib/attach');\nconst { table } = require('./table');\nconst app = express();\nattachAll(app, table, '/api');\napp.listen(3000);",
    });
    assert.deepEqual(routes, ['GET /api/meta/tags', 'GET /api/notes/:id']);
    assert.deepEqual(warnings, []);
  });
});
