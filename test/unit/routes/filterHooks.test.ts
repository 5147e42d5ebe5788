// Values a plugin system's filter hook hands back (hookFilters.ts): with no plugin installed a filter
// returns the data it is given, so routes built of what it returns are known. With the shapes that
// carry such a value to the routes: an object reduced from a list, a parameter every call of its
// function gives, a table of route functions picked by its keys (some loaded from other modules),
// and paths built of the parameters of the function a router is handed to. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as collect } from '../helpers/collectText';

const SERVER = (body: string[]): string =>
  ["const express = require('express');", "const hooks = require('./hooks');", 'const app = express();', 'const router = express.Router();', ...body, "app.use('/', router);", 'app.listen(3000);'].join('\n');

/** A hook runner of the project: each registered handler gets the data and hands it (changed) back. */
const HOOKS = ['const handlers = {};', 'exports.fire = async (name, data) => (handlers[name] || []).reduce(async (acc, fn) => fn(await acc), data);', 'exports.applyFilters = (name, value) => value;'].join('\n');

suite('filter hooks: the data a filter hook is given is what it hands back', () => {
  test("a value from `await hooks.fire('filter:...', data)` or `applyFilters(name, value)` is the data given; an action hook's result stays unknown", () => {
    const { routes, warnings } = collect({
      '/s/hooks.js': HOOKS,
      '/s/app.js': SERVER([
        'async function start() {',
        "  const { base } = await hooks.fire('filter:shop.base', { base: '/shop' });",
        "  router.get(`${base}/items`, (req, res) => res.json([]));",
        "  const docs = hooks.applyFilters('docs.path', '/docs');",
        '  router.get(docs, (req, res) => res.send(docs));',
        "  const { news } = await hooks.fire('action:news.base', { news: '/news' });",
        "  router.get(`${news}/latest`, (req, res) => res.json([]));",
        '}',
        'start();',
      ]),
    });
    assert.deepEqual(routes, ['GET /docs', 'GET /shop/items']);
    assert.deepEqual(warnings.map((w) => w.replace(/ \(list.*$/, '')), ['/s/app.js:11: GET route path `${news}/latest` not found statically; route skipped']);
  });

  test('an object reduced from a literal list (`memo[k] = v; return memo`, or `({ ...memo, [k]: v })`) has one key per element', () => {
    const { routes } = collect({
      '/s/hooks.js': HOOKS,
      '/s/app.js': SERVER([
        "const paths = ['cart', 'orders'].reduce((memo, name) => {",
        '  memo[name] = `/${name}`;',
        '  return memo;',
        '}, {});',
        "const upper = ['wish'].reduce((memo, name) => ({ ...memo, [name]: `/${name}-list` }), {});",
        'router.get(paths.cart, (req, res) => res.json([]));',
        'router.post(paths.orders, (req, res) => res.json({}));',
        'router.get(upper.wish, (req, res) => res.json([]));',
      ]),
    });
    assert.deepEqual(routes, ['GET /cart', 'GET /wish-list', 'POST /orders']);
  });
});

/** A module registering its pages under the name it is given, through a helper of another file and directly. */
const PROFILE = [
  "const helpers = require('./helpers');",
  'module.exports = function (router, name) {',
  "  helpers.page(router, '/me', (req, res) => res.redirect('/'));",
  '  helpers.page(router, `/${name}/:slug`, (req, res) => res.send(req.params.slug));',
  '  router.post(`/${name}/:slug/edit`, (req, res) => res.send(req.params.slug));',
  '};',
].join('\n');

/** `page(router, path, handler)`: the page and its JSON twin under /api. */
const HELPERS = ['exports.page = function (router, path, handler) {', '  router.get(path, handler);', '  router.get(`/api${path}`, handler);', '};'].join('\n');

suite('remountable route tables: functions picked by the keys of an object a filter hook hands back', () => {
  test('a loop over the keys of a parameter every call gives runs each function the key picks, a module of another file given the name as its argument', () => {
    const { routes, warnings } = collect({
      '/s/hooks.js': HOOKS,
      '/s/helpers.js': HELPERS,
      '/s/profile.js': PROFILE,
      '/s/app.js': SERVER([
        "const { page } = require('./helpers');",
        "const sections = { profile: require('./profile') };",
        'sections.shop = (app, name) => {',
        '  page(app, `/${name}`, (req, res) => res.json([]));',
        '  app.get(`/${name}/:id`, (req, res) => res.json({}));',
        '};',
        'function addMovable(app, mounts) {',
        '  Object.keys(mounts).forEach((key) => {',
        '    const original = key;',
        '    sections[original](app, mounts[original]);',
        '  });',
        '}',
        'function addAll(app, mounts) {',
        '  addMovable(app, mounts);',
        '}',
        'async function start() {',
        "  const movable = ['shop', 'profile'];",
        "  const { mounts } = await hooks.fire('filter:sections.add', {",
        '    mounts: movable.reduce((memo, m) => {',
        '      memo[m] = m;',
        '      return memo;',
        '    }, {}),',
        '  });',
        '  addAll(router, mounts);',
        '}',
        'start();',
      ]),
    });
    assert.deepEqual(routes, ['GET /api/me', 'GET /api/profile/:slug', 'GET /api/shop', 'GET /me', 'GET /profile/:slug', 'GET /shop', 'GET /shop/:id', 'POST /profile/:slug/edit']);
    assert.deepEqual(warnings, []);
  });

  test('a module handed the router with a name not known statically keeps its paths with … in the name\'s place, each warned of', () => {
    const { routes, warnings } = collect({
      '/s/helpers.js': HELPERS,
      '/s/profile.js': PROFILE,
      '/s/app.js': SERVER(["require('./profile')(router, process.argv[2]);"]),
    });
    assert.deepEqual(routes, ['GET /api/me', 'GET /api/…/:slug', 'GET /me', 'GET /…/:slug', 'POST /…/:slug/edit']);
    assert.ok(warnings.some((w) => /profile\.js:5: router\.post path `\/\$\{name\}\/:slug\/edit` starts with a value not known statically/.test(w)), warnings.join('\n'));
  });
});
