// Router factories exported as a file's default and mounted by their call: an anonymous
// `export default function (db) { const router = express.Router(); ...; return router }` (no name,
// unlike `export default function users(db)`), and a module loaded in code whose default export is
// called where it is mounted (`app.use(base, (await import('./routes/index.js')).default({ db }))`,
// `require('./routes').default(db)`). Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as routesOf } from '../helpers/collectText';

const BOOKS = [
  "import express from 'express';",
  'export default function (db) {',
  '  const router = express.Router();',
  "  router.get('/:isbn', (req, res) => res.json(db.get(req.params.isbn)));",
  "  router.post('/', (req, res) => res.sendStatus(201));",
  '  return router;',
  '}',
].join('\n');

const SHELVES = [
  "import express from 'express';",
  'export default function ({ db }) {',
  '  const router = express.Router();',
  "  router.get('/count', (req, res) => res.json(db.size));",
  '  return router;',
  '}',
].join('\n');

const ROUTES = [
  "import express from 'express';",
  "import books from './books.js';",
  "import shelves from './shelves.js';",
  'export default ({ db }) => {',
  '  const router = express.Router();',
  "  router.get('/', (req, res) => res.send('library'));",
  "  router.use('/books', books(db));",
  "  router.use('/shelves', shelves({ db }));",
  '  return router;',
  '};',
].join('\n');

const files = (server: string) => ({ '/s/routes/books.js': BOOKS, '/s/routes/shelves.js': SHELVES, '/s/routes/index.js': ROUTES, '/s/server.js': server });

suite('router factories exported as the default and mounted by their call', () => {
  test('an anonymous default function declaration returning a router: its routes under the prefix each call is mounted at', () => {
    const server = ["import express from 'express';", "import routes from './routes/index.js';", 'const app = express();', "app.use('/lib', routes({ db: new Map() }));", 'app.listen(3000);'].join('\n');
    const { routes, warnings } = routesOf(files(server));
    assert.deepEqual(routes, ['GET /lib', 'GET /lib/books/:isbn', 'GET /lib/shelves/count', 'POST /lib/books']);
    assert.deepEqual(warnings, []);
  });

  test("a dynamic import's default export called where it is mounted: the router it returns, under the mount", () => {
    const server = ["import express from 'express';", 'const app = express();', "app.use('/lib', (await import('./routes/index.js')).default({ db: new Map() }));", 'app.listen(3000);'].join('\n');
    assert.deepEqual(routesOf(files(server)).routes, ['GET /lib', 'GET /lib/books/:isbn', 'GET /lib/shelves/count', 'POST /lib/books']);
  });

  test("require(...).default called where it is mounted: the same", () => {
    const cjs = ["const express = require('express');", 'const app = express();', "app.use('/lib', require('./routes/index.js').default({ db: new Map() }));", 'app.listen(3000);'].join('\n');
    assert.deepEqual(routesOf(files(cjs)).routes, ['GET /lib', 'GET /lib/books/:isbn', 'GET /lib/shelves/count', 'POST /lib/books']);
  });
});
