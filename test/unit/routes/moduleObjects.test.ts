// Sub-apps and routers reached through what a module or a script holds: a member function of an
// exported object literal (`export const tiles = { init() { ...; return app } }`, mounted as
// `app.use('/data', tiles.init(opts))`), an instance an undeclared top-level name is given
// (`images = new ImageService()` in a sloppy-mode script), and Express 5 optional groups that
// follow a parameter (`/sprite{@:scale}{.:format}`).
import * as assert from 'node:assert/strict';
import { routesAndWarnings as routesOf } from '../helpers/collectText';

const tiles = [
  "import express from 'express';",
  'export const tiles = {',
  '  init: function (options) {',
  '    const app = express();',
  "    app.get('/:id.json', (req, res) => res.send(options));",
  '    return app;',
  '  },',
  '  async add(options, id) {},',
  '};',
  'export const fonts = {',
  '  make() {',
  '    const router = express.Router();',
  "    router.get('/fonts.json', (req, res) => res.send([]));",
  '    return router;',
  '  },',
  '};',
].join('\n');

const imageService = [
  "const express = require('express');",
  'class ImageService {',
  '  interceptor() {',
  '    const router = express.Router();',
  "    router.get('/:hash', (req, res) => res.send(''));",
  '    return router;',
  '  }',
  '}',
  'module.exports = ImageService;',
].join('\n');

suite('routers reached through what a module or a script holds', () => {
  test("a member function of an exported object literal mounted by its call: its router's routes under the mount's prefix", () => {
    const routes = routesOf({
      '/s/tiles.js': tiles,
      '/s/server.js': ["import express from 'express';", "import { tiles, fonts } from './tiles.js';", 'const app = express();', "app.use('/data/', tiles.init({}));", "app.use('/static', fonts.make());", 'app.listen(3000);'].join('\n'),
    }).routes;
    assert.deepEqual(routes, ['GET /data/:id.json', 'GET /static/fonts.json']);
  });

  test("a promise's value mounted in its then callback (`tiles.init(opts).then((sub) => app.use('/styles', sub))`): the call's router under the prefix", () => {
    const mount = (body: string) =>
      routesOf({
        '/s/tiles.js': tiles,
        '/s/server.js': ["import express from 'express';", "import { tiles } from './tiles.js';", 'const app = express();', 'const startup = [];', body, 'app.listen(3000);'].join('\n'),
      }).routes.filter((r) => !r.includes('fonts'));
    assert.deepEqual(mount("startup.push(tiles.init({}).then((sub) => {\n  app.use('/styles/', sub);\n}));"), ['GET /styles/:id.json']);
    // The callback's second parameter is no promise's value: nothing is mounted through it.
    assert.deepEqual(mount("tiles.init({}).then((x, sub) => app.use('/styles/', sub));"), ['GET /:id.json']);
  });

  test('an instance given to a name no declaration makes (an implicit global): its method mounted under the prefix', () => {
    const routes = routesOf({
      '/s/svc.js': imageService,
      '/s/index.js': ["const express = require('express');", "const ImageService = require('./svc');", 'images = new ImageService();', 'const app = express();', "app.use('/cache/images', images.interceptor());", 'app.listen(3000);'].join('\n'),
    }).routes;
    assert.deepEqual(routes, ['GET /cache/images/:hash']);
  });

  test('Express 5 optional groups of a separator and a parameter after a parameter: every combination', () => {
    const routes = routesOf({
      '/s/m.js': ["const express = require('express');", 'const app = express();', "app.get('/sprite{@:scale}{.:format}', h);", "app.get('/t/:p4{@:scale}{.:format}', h);", "app.get('/a/:id{[0-9]+}', h);", 'app.listen(3000);'].join('\n'),
    }).routes;
    assert.deepEqual(
      [...routes].sort(),
      ['GET /a/:id', 'GET /sprite', 'GET /sprite.:format', 'GET /sprite@:scale', 'GET /sprite@:scale.:format', 'GET /t/:p4', 'GET /t/:p4.:format', 'GET /t/:p4@:scale', 'GET /t/:p4@:scale.:format'],
    );
  });
});
