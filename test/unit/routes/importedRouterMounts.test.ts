// Routers mounted, in one file, on a router another file exports: `const spaces = require('./spaces');
// app.use('/api/spaces', spaces); spaces.use('/:id/items', require('./items'))`. The mounted routers
// are under the imported router wherever it is mounted, before or after the mount on it.
// Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as routesOf } from '../helpers/collectText';

const SHELVES = ["const express = require('express');", 'const router = express.Router();', "router.get('/', (req, res) => res.json([]));", 'module.exports = router;'].join('\n');
const BOOKS = [
  "const express = require('express');",
  'const router = express.Router({ mergeParams: true });',
  "router.get('/', (req, res) => res.json([]));",
  "router.delete('/:bookId', (req, res) => res.sendStatus(204));",
  'module.exports = router;',
].join('\n');

const EXPECTED = ['DELETE /api/shelves/:id/books/:bookId', 'GET /api/shelves', 'GET /api/shelves/:id/books'];

suite('routers mounted on a router imported from another file', () => {
  test('mounted after the imported router is: under its mount prefix', () => {
    const server = [
      "const express = require('express');",
      'const app = express();',
      "const shelves = require('./routes/shelves');",
      "app.use('/api/shelves', shelves);",
      "shelves.use('/:id/books', require('./routes/books'));",
      'app.listen(3000);',
    ].join('\n');
    const { routes, warnings } = routesOf({ '/s/routes/shelves.js': SHELVES, '/s/routes/books.js': BOOKS, '/s/server.js': server });
    assert.deepEqual(routes, EXPECTED);
    assert.deepEqual(warnings, []);
  });

  test('imported by name (ESM) and mounted on before the imported router is mounted: the same', () => {
    const server = [
      "import express from 'express';",
      "import shelves from './routes/shelves';",
      "import books from './routes/books';",
      'const app = express();',
      "shelves.use('/:id/books', books);",
      "app.use('/api/shelves', shelves);",
      'app.listen(3000);',
    ].join('\n');
    assert.deepEqual(routesOf({ '/s/routes/shelves.js': SHELVES, '/s/routes/books.js': BOOKS, '/s/server.js': server }).routes, EXPECTED);
  });
});
