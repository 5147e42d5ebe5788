// A `let` prefix changed by later statements of its block, under `if`s whose tests are known
// statically (letValues.ts), and a route handler that answers before calling next()
// (routeSyntax.ts handsEveryRequestOn). Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const collect = (files: Record<string, string>) => {
  const { routes, warnings } = collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases: [], settings: {} },
  );
  return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
};

const SHOP = ["const express = require('express');", 'const shop = express.Router();', "shop.get('/items', (req, res) => res.json([]));", 'module.exports = shop;'].join('\n');

const app = (settings: string) => ({
  '/s/settings.js': [settings, "module.exports = { root: root, title: 'shop' };"].join('\n'),
  '/s/server.js': ["const express = require('express');", "const settings = require('./settings');", "const shop = require('./shop');", 'const app = express();', "app.use(settings.root + 'shop/', shop);"].join('\n'),
  '/s/shop.js': SHOP,
});

suite('a let changed by the statements after it', () => {
  test('ifs whose tests are known: the value after them, the environment unset', () => {
    const settings = ["let root = (process.env.SHOP_ROOT || 'store').trim();", "if (!root.startsWith('/')) {", "  root = '/' + root;", '}', "if (!root.endsWith('/')) root += '/';"].join('\n');
    assert.deepEqual(collect(app(settings)).routes, ['GET /store/shop/items']);
  });

  test('an if whose test is not known statically is read as not taken (an optional setting unset)', () => {
    const settings = ["let root = '/';", 'if (process.env.SHOP_VERSION) {', "  root = '/v2/';", '}'].join('\n');
    assert.deepEqual(collect(app(settings)).routes, ['GET /shop/items']);
  });

  test('an unconditional assignment of a value not known: the prefix is not known, and warned of', () => {
    const { routes, warnings } = collect(app(["let root = '/';", 'root = process.argv[2];'].join('\n')));
    assert.deepEqual(routes, ['GET /…/items']);
    assert.equal(warnings.length, 1);
  });

  test('an if not taken leaves the initial value; an else taken gives its own', () => {
    assert.deepEqual(collect(app(["let root = '/a/';", "if (root === '/b/') root = '/c/';"].join('\n'))).routes, ['GET /a/shop/items']);
    assert.deepEqual(collect(app(["let root = '/a/';", "if (root !== '/a/') { root = '/c/'; } else { root = '/d/'; }"].join('\n'))).routes, ['GET /d/shop/items']);
  });
});

suite('a route handler calling next() last', () => {
  const router = (handler: string) => ({
    '/s/app.js': ["const express = require('express');", 'const app = express();', `app.get('/version', ${handler});`, "app.get('/other', (req, res) => res.send('x'));"].join('\n'),
  });

  test('one that sends the response first is a route', () => {
    assert.deepEqual(collect(router("function (req, res, next) { res.status(200).send('1.0'); next(); }")).routes, ['GET /other', 'GET /version']);
  });

  test('one that sets a field of the response for a later middleware to send is a route; one setting res.locals is middleware', () => {
    assert.deepEqual(collect(router('(req, res, next) => { res.payload = req.version; next(); }')).routes, ['GET /other', 'GET /version']);
    assert.deepEqual(collect(router('(req, res, next) => { res.meta.count = 1; next(); }')).routes, ['GET /other', 'GET /version']);
    assert.deepEqual(collect(router("(req, res, next) => { res.locals.title = 'v'; next(); }")).routes, ['GET /other']);
  });

  test('one that only sets headers and hands on is middleware', () => {
    assert.deepEqual(collect(router("function (req, res, next) { res.header('x-a', '1'); res.status(200); next(); }")).routes, ['GET /other']);
  });
});
