// A route path with a whole segment whose value is not known statically (a mount name a plugin may
// change, handed in by a caller that reads it at run time): the route is shown with … in that
// segment, not probed, and warned of with file and line, as a path starting with such a value is;
// a segment partly known, or a path not known at all, is still skipped. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import type { CollectedRoutes } from '../../../src/core/routes/collect';

const lines = (c: CollectedRoutes) => c.routes.map((r) => `${r.method} ${r.path}${r.prefixUnknown ? ' (prefix unknown)' : ''}`).sort();

const server = [
  "const express = require('express');",
  "const hooks = require('./hooks');",
  "const panel = require('./panel');",
  'const app = express();',
  'async function start() {',
  "  const { names } = await hooks.run('names', { names: { panel: 'panel' } });",
  '  panel(app, names.panel);',
  '  app.listen(3000);',
  '}',
  'start();',
  '',
].join('\n');

const panel = [
  "const pages = require('./pages');",
  'module.exports = function (app, name) {',
  '  app.get(`/${name}/stats`, h);',
  '  app.post(`/api/${name}/upload/:id`, h);',
  '  app.get(`/x-${name}/partly`, h);',
  '  app.get(`${name}`, h);',
  '  pages.page(app, `/${name}/settings`, h);',
  '  const reports = `/${name}/reports/:id`;',
  '  app.delete(reports, h);',
  '};',
  'function h(req, res) { res.end(); }',
  '',
].join('\n');

const pages = [
  'exports.page = function (router, path, handler) {',
  '  router.get(path, handler);',
  '  router.get(`/api${path}`, handler);',
  '};',
  '',
].join('\n');

suite('routes: a path segment not known statically', () => {
  test('a mount name handed in by a caller that reads it at run time: each route shown with … in its place, warned of; a partly known segment or a path of that value alone skipped', () => {
    const out = collectRoutes(
      [
        { file: '/s/server.js', text: server },
        { file: '/s/panel.js', text: panel },
        { file: '/s/pages.js', text: pages },
        { file: '/s/hooks.js', text: 'exports.run = async (name, data) => data;\n' },
      ],
      { moduleOf: () => undefined },
    );
    assert.deepEqual(lines(out), [
      'DELETE /…/reports/:id (prefix unknown)',
      'GET /api/…/settings (prefix unknown)',
      'GET /…/settings (prefix unknown)',
      'GET /…/stats (prefix unknown)',
      'POST /api/…/upload/:id (prefix unknown)',
    ]);
    // Those of paths built of the function's own parameters come from the join (no call fills them): in any order.
    assert.deepEqual([...out.warnings].sort(), [
      '/s/panel.js:3: app.get path `/${name}/stats` starts with a value not known statically; the route is shown under … and not probed (list it with its full path in x-runtime-drift.routes)',
      '/s/panel.js:4: app.post path `/api/${name}/upload/:id` holds a segment not known statically; the route is shown with … in its place and not probed (list it with its full path in x-runtime-drift.routes)',
      '/s/panel.js:5: app.get path `/x-${name}/partly` is not a string known statically; route skipped (list it in x-runtime-drift.routes)',
      '/s/panel.js:6: app.get path `${name}` is not a string known statically; route skipped (list it in x-runtime-drift.routes)',
      '/s/panel.js:9: app.delete path reports (= `/${name}/reports/:id`) starts with a value not known statically; the route is shown under … and not probed (list it with its full path in x-runtime-drift.routes)',
      '/s/panel.js:7: GET route path /…/settings: … stands for a segment not known statically; the route is shown so and not probed (list it with its full path in x-runtime-drift.routes)',
      '/s/panel.js:7: GET route path /api/…/settings: … stands for a segment not known statically; the route is shown so and not probed (list it with its full path in x-runtime-drift.routes)',
    ].sort());
  });
});
