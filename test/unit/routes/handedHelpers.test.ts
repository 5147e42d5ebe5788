// Functions of the project handing a router and a path made of their own parameters to a route
// helper of another file (routeHelpers.ts findRouteHelpers): read at each call with what the call
// gives. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as collect } from '../helpers/collectText';

/** A page helper of another file: GET of the path and of the same path under /api. */
const PAGE_HELPER = [
  'exports.page = function (router, path, handler) {',
  '  router.get(path, handler);',
  '  router.get(`/api${path}`, handler);',
  '};',
].join('\n');

suite('functions handing a path of their parameters to a route helper of another file', () => {
  test('a function of the file called with a literal name: the helper registers the path the name fills', () => {
    const { routes, warnings } = collect({
      '/s/helpers.js': PAGE_HELPER,
      '/s/server.js': [
        "const express = require('express');",
        "const { page } = require('./helpers');",
        'const app = express();',
        'const router = express.Router();',
        'function section(app, name) {',
        '  page(app, `/${name}/:id`, (req, res) => res.send(req.params.id));',
        '}',
        "section(router, 'books');",
        "section(router, 'films');",
        "app.use('/', router);",
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /api/books/:id', 'GET /api/films/:id', 'GET /books/:id', 'GET /films/:id']);
    assert.deepEqual(warnings, []);
  });

  test('functions held by an object of the file (set as its members, or written in it) called through it', () => {
    const { routes, warnings } = collect({
      '/s/helpers.js': PAGE_HELPER,
      '/s/server.js': [
        "const express = require('express');",
        "const { page } = require('./helpers');",
        'const app = express();',
        'const router = express.Router();',
        'const sections = {',
        '  shelf(app, name) {',
        '    page(app, `/${name}/shelf`, (req, res) => res.send(name));',
        '  },',
        '};',
        'sections.item = (app, name) => {',
        '  page(app, `/${name}/:id`, (req, res) => res.send(req.params.id));',
        "  app.post(`/${name}/:id/like`, (req, res) => res.send('ok'));",
        '};',
        "sections.item(router, 'books');",
        "sections.shelf(router, 'films');",
        "app.use('/', router);",
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /api/books/:id', 'GET /api/films/shelf', 'GET /books/:id', 'GET /films/shelf', 'POST /books/:id/like']);
    assert.deepEqual(warnings, []);
  });

  test('functions of an object picked by the keys of a table of the file in a loop, each handed the name the table gives', () => {
    const { routes, warnings } = collect({
      '/s/helpers.js': PAGE_HELPER,
      '/s/server.js': [
        "const express = require('express');",
        "const { page } = require('./helpers');",
        'const app = express();',
        'const router = express.Router();',
        'const sections = {};',
        'sections.item = (app, name) => {',
        '  page(app, `/${name}/:id`, (req, res) => res.send(req.params.id));',
        '};',
        'sections.shelf = (app, name) => {',
        "  app.get(`/${name}`, (req, res) => res.send('all'));",
        '};',
        "const names = { item: 'book', shelf: 'books' };",
        'Object.keys(names).forEach((key) => {',
        '  const name = names[key];',
        '  sections[key](router, name);',
        '});',
        "app.use('/', router);",
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /api/book/:id', 'GET /book/:id', 'GET /books']);
    assert.deepEqual(warnings, []);
  });

  test('picked by a key not known statically (the keys of a table a plugin hook hands back): each function read, its name shown as …, the call warned of', () => {
    const { routes, warnings } = collect({
      '/s/helpers.js': PAGE_HELPER,
      '/s/server.js': [
        "const express = require('express');",
        "const { page } = require('./helpers');",
        "const hooks = require('./hooks');",
        'const app = express();',
        'const router = express.Router();',
        'const sections = {};',
        'sections.item = (app, name) => {',
        '  page(app, `/${name}/:id`, (req, res) => res.send(req.params.id));',
        '};',
        'async function start() {',
        "  const names = await hooks.run('names');",
        '  Object.keys(names).forEach((key) => {',
        '    let mount = key;',
        '    mount = names[key];',
        '    sections[key](router, mount);',
        '  });',
        "  app.use('/', router);",
        '  app.listen(3000);',
        '}',
        'start();',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /api/…/:id', 'GET /…/:id']);
    // Each at its own line in the function's body, not at the call's.
    assert.ok(warnings.some((w) => w.startsWith('/s/server.js:8: GET route path /…/:id')), warnings.join('\n'));
    assert.ok(warnings.some((w) => w.includes('sections[key](router, ...)')), warnings.join('\n'));
  });
});
