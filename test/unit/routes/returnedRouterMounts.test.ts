// A router made here handed to a function that registers routes on it and returns it, the call's
// result mounted (`app.use('/api', routes(router))`, mounts.ts mountHandedRouters): the routes are
// served under the mount's path. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as collect } from '../helpers/collectText';

/** A module exporting (CommonJS) an arrow that hands its router to per-feature functions and returns it. */
const SHELF_INDEX = [
  "const books = require('./books');",
  "const films = require('./films');",
  'module.exports = (router) => {',
  '  books(router);',
  '  films(router);',
  '  return router;',
  '};',
].join('\n');
const BOOKS = ['module.exports = (router) => {', "  router.get('/books', (req, res) => res.send([]));", "  router.route('/books/:id').get((req, res) => res.send(req.params.id)).delete((req, res) => res.end());", '};'].join('\n');
const FILMS = ['module.exports = function (router) {', "  router.post('/films', (req, res) => res.send('ok'));", '};'].join('\n');

const server = (lines: string[]): string => ["const express = require('express');", 'const app = express();', 'const shelfRouter = express.Router();', ...lines, 'app.listen(3000);'].join('\n');

suite('a router handed to a function that returns it, the result mounted', () => {
  test('a CommonJS module function: its routes (and those of the functions it hands on to) under the mount path', () => {
    const { routes, warnings } = collect({
      '/s/shelf/index.js': SHELF_INDEX,
      '/s/shelf/books.js': BOOKS,
      '/s/shelf/films.js': FILMS,
      '/s/server.js': server(["const shelf = require('./shelf/index.js');", "app.use('/lib', shelf(shelfRouter));"]),
    });
    assert.deepEqual(routes, ['DELETE /lib/books/:id', 'GET /lib/books', 'GET /lib/books/:id', 'POST /lib/films']);
    assert.deepEqual(warnings, []);
  });

  test('an ES module function, default or named, declared or arrow', () => {
    const { routes } = collect({
      '/s/shelf.ts': [
        'export default function shelf(router: any) {',
        "  router.get('/books', (req: any, res: any) => res.send([]));",
        '  return router;',
        '}',
        "export const desk = (router: any) => { router.put('/desk', (req: any, res: any) => res.end()); return router; };",
      ].join('\n'),
      '/s/server.ts': [
        "import express from 'express';",
        "import shelf, { desk } from './shelf';",
        'const app = express();',
        'const a = express.Router();',
        'const b = express.Router();',
        "app.use('/v1', shelf(a));",
        "app.use('/v2', desk(b));",
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /v1/books', 'PUT /v2/desk']);
  });

  test('a function of the file: mounted only when it returns the router it is given', () => {
    const { routes } = collect({
      '/s/server.js': server([
        'const other = express.Router();',
        "function keep(router) { router.get('/kept', (req, res) => res.end()); return router; }",
        "function swap(router) { router.get('/swapped', (req, res) => res.end()); return other; }",
        "other.get('/other', (req, res) => res.end());",
        "app.use('/k', keep(shelfRouter));",
        'const second = express.Router();',
        "app.use('/s', swap(second));",
      ]),
    });
    assert.deepEqual(routes, ['GET /k/kept', 'GET /s/other', 'GET /swapped']);
  });

  test('a function returning nothing called with the router before the router is mounted', () => {
    const { routes } = collect({
      '/s/shelf/books.js': BOOKS,
      '/s/server.js': server(["const books = require('./shelf/books');", 'books(shelfRouter);', "app.use('/lib', shelfRouter);"]),
    });
    assert.deepEqual(routes, ['DELETE /lib/books/:id', 'GET /lib/books', 'GET /lib/books/:id']);
  });

  test('the app handed to a route module is not mounted under the path', () => {
    const { routes } = collect({
      '/s/api.js': ["const express = require('express');", 'module.exports = (app) => {', '  const router = express.Router();', "  router.get('/items', (req, res) => res.send([]));", '  return router;', '};'].join('\n'),
      '/s/server.js': ["const express = require('express');", "const api = require('./api');", 'const app = express();', "app.get('/health', (req, res) => res.end());", "app.use('/api', api(app));", 'app.listen(3000);'].join('\n'),
    });
    assert.deepEqual(routes, ['GET /api/items', 'GET /health']);
  });
});
