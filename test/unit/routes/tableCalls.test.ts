// A function of an object of the file picked by a key not known statically and handed a router
// (routerCalls.ts warnTableCall): fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as collect } from '../helpers/collectText';

/** Page groups in an object, one called by name, the others by the keys of what a hook returns at run time. */
const PAGES = [
  "const express = require('express');",
  "const hooks = require('./hooks');",
  'const groups = {',
  "  shop: (router, name) => { router.get(`/${name}`, list); router.get(`/${name}/:id`, one); },",
  "  blog: require('./blog'),",
  '};',
  "groups.home = (router) => { router.get('/', home); };",
  'const handlers = { a: (req, res) => res.end() };',
  'module.exports = async function (app, req, res) {',
  '  const router = express.Router();',
  '  groups.home(router);',
  "  const names = await hooks.fire('names', { shop: 'shop', blog: 'blog' });",
  '  Object.keys(names).forEach((key) => groups[key](router, names[key]));',
  '  handlers[req.query.kind](req, res);',
  "  app.use('/', router);",
  '};',
].join('\n');

suite('functions of a table called by a key not known statically', () => {
  test('Express: a router handed to a function of an object of the file picked by a key not known statically is a warning at that call naming the table, the key and the router; a function of the table called by name is read; a table call handed no router is none', () => {
    const { routes, warnings } = collect({
      '/s/routes/blog.js': "module.exports = (router, name) => { router.get(`/${name}/feed`, feed); };",
      '/s/routes/index.js': PAGES,
      '/s/app.js': ["const express = require('express');", 'const app = express();', "require('./routes')(app);", 'app.listen(3000);'].join('\n'),
    });
    // The functions' own paths built from their parameter are warned of where they are written; one
    // whose unknown part is a whole segment before a literal one is shown with … there (unknownSegments.ts).
    assert.deepEqual(routes, ['GET /', 'GET /…/:id', 'GET /…/feed']);
    // blog.js's comes from the join (no call gives its name): in any order.
    assert.deepEqual([...warnings].sort(), [
      '/s/routes/blog.js:1: router.get path `/${name}/feed` starts with a value not known statically; the route is shown under … and not probed (list it with its full path in x-runtime-drift.routes)',
      '/s/routes/index.js:4: router.get path `/${name}` is not a string known statically; route skipped (list it in x-runtime-drift.routes)',
      '/s/routes/index.js:4: router.get path `/${name}/:id` starts with a value not known statically; the route is shown under … and not probed (list it with its full path in x-runtime-drift.routes)',
      '/s/routes/index.js:13: groups[key](router, ...): which function of groups is called is not known statically; the routes it registers on router are not known (list them in x-runtime-drift.routes)',
    ].sort());
  });
});
