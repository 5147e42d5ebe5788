// Router classes whose instance is asked for its router (`new AuthRouter(deps).getRouter()`), kept
// under a router-like name, imported through a tsconfig path alias, or the method's router kept in a
// name the file mounts and adds to (mounts.ts readInstanceMethodRouters). Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes, routesAndWarnings as collect } from '../helpers/collectText';

/** CommonJS modules of a router class building an express.Router in getRouter(). */
const SHELF = [
  "const express = require('express');",
  'class ShelfRouter {',
  '  constructor({ books }) { this.books = books; }',
  '  getRouter() {',
  '    const router = express.Router({ mergeParams: true });',
  "    router.get('/', (req, res) => res.send([]));",
  "    router.post('/:shelfId/dust', (req, res) => res.end());",
  '    return router;',
  '  }',
  '}',
  'module.exports = { ShelfRouter };',
].join('\n');
const LOANS = [
  "const express = require('express');",
  'class LoansRouter {',
  '  getRouter() {',
  '    const router = express.Router({ mergeParams: true });',
  "    router.get('/overdue', (req, res) => res.send([]));",
  '    return router;',
  '  }',
  '}',
  'module.exports = { LoansRouter };',
].join('\n');

const server = (lines: string[]): string => ["import express from 'express';", 'const app = express();', ...lines, 'app.listen(3000);'].join('\n');

suite('router classes asked for their router', () => {
  test('an instance kept under a router-like name (shelfRouter = new ShelfRouter(deps)) is still the class\'s: its getRouter() mounts the class\'s routes', () => {
    const { routes, warnings } = collect({
      '/s/shelf.js': SHELF,
      '/s/server.ts': server(["import { ShelfRouter } from './shelf';", 'const shelfRouter = new ShelfRouter({ books: 1 });', "app.use('/v2/shelves', shelfRouter.getRouter());"]),
    });
    assert.deepEqual(routes, ['GET /v2/shelves', 'POST /v2/shelves/:shelfId/dust']);
    assert.deepEqual(warnings, []);
  });

  test('a class imported through a tsconfig path alias written like a scoped package (@routes/...)', () => {
    const { routes } = collectRoutes(
      [
        { file: '/s/src/routes/library.js', text: LOANS },
        { file: '/s/src/server.ts', text: server(["import { LoansRouter } from '@routes/library';", 'const loansRouter = new LoansRouter();', "app.use('/loans', loansRouter.getRouter());"]) },
      ],
      { moduleOf: () => undefined, aliases: [{ pattern: '@routes/*', targets: ['/s/src/routes/*'] }] },
    );
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /loans/overdue']);
  });

  test('the method\'s router kept in a name, another class\'s router added to it and the name mounted: both under the mount path', () => {
    const { routes } = collect({
      '/s/shelf.js': SHELF,
      '/s/loans.js': LOANS,
      '/s/server.ts': server([
        "import { ShelfRouter } from './shelf';",
        "import { LoansRouter } from './loans';",
        'const shelves = new ShelfRouter({ books: 1 });',
        'const loans = new LoansRouter();',
        'const baseShelfRouter = shelves.getRouter();',
        "const withLoansRouter = baseShelfRouter.use('/:shelfId/loans', loans.getRouter());",
        "app.use('/shelves', withLoansRouter);",
      ]),
    });
    assert.deepEqual(routes, ['GET /shelves', 'GET /shelves/:shelfId/loans/overdue', 'POST /shelves/:shelfId/dust']);
  });

  test('a package\'s class under a router-like name asked for its router: no routes of ours, no warning', () => {
    const { routes, warnings } = collect({
      '/s/server.ts': server(["import { BoardRouter } from '@acme/board';", 'const boardRouter = new BoardRouter();', "app.use('/admin/board', boardRouter.getRouter());"]),
    });
    assert.deepEqual(routes, []);
    assert.deepEqual(warnings, []);
  });
});

suite('router class instances handed in by the caller', () => {
  test('a parameter or an untyped field asked for its router (reviewRouter.getRouter(), this.sgidRouter.getRouter()): the mount is warned of as not resolved', () => {
    const { warnings } = collect({
      '/s/sub.js': [
        "const express = require('express');",
        'module.exports = function makeSub({ reviewRouter }) {',
        '  const sub = express.Router();',
        "  sub.use('/review', reviewRouter.getRouter());",
        '  return sub;',
        '};',
      ].join('\n'),
      '/s/auth.js': [
        "const express = require('express');",
        'class AuthRouter {',
        '  constructor({ sgidRouter }) { this.sgidRouter = sgidRouter; }',
        '  getRouter() {',
        '    const router = express.Router();',
        "    router.use('/sgid', this.sgidRouter.getRouter());",
        "    router.get('/whoami', (req, res) => res.end());",
        '    return router;',
        '  }',
        '}',
        'module.exports = { AuthRouter };',
      ].join('\n'),
    });
    assert.deepEqual(warnings, [
      '/s/sub.js:4: mount of reviewRouter.getRouter() at /review not resolved; its routes stay unprefixed (list them in x-runtime-drift.routes)',
      '/s/auth.js:6: mount of this.sgidRouter.getRouter() at /sgid not resolved; its routes stay unprefixed (list them in x-runtime-drift.routes)',
    ]);
  });
});

suite('a router handed to a class constructor that keeps it in a field', () => {
  const GREENHOUSE = [
    'class GreenhouseRoutes {',
    '  constructor(router, label = "x") {',
    '    this.router = router;',
    '    this.label = label;',
    '    this.register();',
    '  }',
    '  register() {',
    "    this.router.get('/v1/plants', this.list.bind(this));",
    "    this.router.put('/v1/plants/:plantId', this.water.bind(this));",
    '  }',
    '  list(req, res) { res.json([]); }',
    '  water(req, res) { res.end(); }',
    '}',
    'export default GreenhouseRoutes;',
  ].join('\n');
  const API = ["import express from 'express';", "import GreenhouseRoutes from './routes/greenhouse';", 'const api = express.Router();', 'new GreenhouseRoutes(api);', 'export default api;'].join('\n');
  const SERVER = ["import express from 'express';", "import api from './api';", 'const app = express();', "app.use('/api', api);", 'app.listen(3000);'].join('\n');

  test('new Routes(apiRouter): the routes the class declares on this.router are under the mount of apiRouter', () => {
    const { routes } = collect({ '/g/src/routes/greenhouse.js': GREENHOUSE, '/g/src/api.js': API, '/g/src/server.js': SERVER });
    assert.deepEqual(routes, ['GET /api/v1/plants', 'PUT /api/v1/plants/:plantId']);
  });

  test('a class given no router (new Routes(config)) mounts nothing', () => {
    const api = API.replace('new GreenhouseRoutes(api);', "new GreenhouseRoutes({ label: 'y' });");
    const { routes } = collect({ '/g/src/routes/greenhouse.js': GREENHOUSE, '/g/src/api.js': api, '/g/src/server.js': SERVER });
    assert.ok(!routes.some((r) => r.startsWith('GET /api/')), routes.join(', '));
  });
});
