// A router factory that returns the router another module's factory makes (`function init() {
// return listing.init(getPlugins); }`, the listing module's init making an express.Router() with
// its routes), mounted by its call (`router.use('/plugins', plugins.init())`): the made router's
// routes under each mount's prefix. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as routesOf } from '../helpers/collectText';

const LISTING = [
  "const express = require('express');",
  'function init(list) {',
  '  const router = express.Router();',
  "  router.get('/', (req, res) => res.json(list()));",
  "  router.get('/:key', (req, res) => res.json(list()[req.params.key]));",
  '  return router;',
  '}',
  'module.exports = { init };',
].join('\n');

const delegating = (what: string) =>
  [`const listing = require('./listing');`, `function get${what}() { return {}; }`, 'function init() {', `  return listing.init(get${what});`, '}', 'module.exports = { init };'].join('\n');

const SERVER = [
  "const express = require('express');",
  "const plugins = require('./plugins');",
  "const themes = require('./themes');",
  'const app = express();',
  "app.use('/plugins', plugins.init());",
  "app.use('/themes', themes.init());",
  'app.listen(3000);',
].join('\n');

suite('router factories delegating to another module', () => {
  test("a factory returning another module's factory call: that router's routes under each mount's prefix, no warning", () => {
    const { routes, warnings } = routesOf({ '/s/listing.js': LISTING, '/s/plugins.js': delegating('Plugins'), '/s/themes.js': delegating('Themes'), '/s/server.js': SERVER });
    assert.deepEqual(routes, ['GET /plugins', 'GET /plugins/:key', 'GET /themes', 'GET /themes/:key']);
    assert.deepEqual(warnings, []);
  });
});
