// Keyed helpers (keyedHelpers.ts): a function of another file handing the router it is given to the
// functions a table of its file picks by the keys of a list the call gives. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as collect } from '../helpers/collectText';

/** Crud handlers in a table; the helper runs those the keys name, or all of them for ['*'] or no list. */
const CRUD = [
  'const ops = {',
  '  index: showAll,',
  "  'create': create,",
  '  show,',
  "  'remove': destroy,",
  '};',
  'module.exports = function crud(router, store, wanted) {',
  "  const chosen = wanted && Array.isArray(wanted) && wanted[0] !== '*' ? wanted : Object.keys(ops);",
  '  chosen.forEach((op) => {',
  '    ops[op](router, store);',
  '  });',
  '};',
  "function showAll(router, store) { router.get('/', (req, res) => res.json(store.all())); }",
  "function create(router, store) { router.post('/', (req, res) => res.json(store.add(req.body))); }",
  "function show(router, store) { router.get('/:id', (req, res) => res.json(store.one(req.params.id))); }",
  "function destroy(router, store) { router.delete('/:id', (req, res) => res.json(store.drop(req.params.id))); }",
].join('\n');

/** A second form: a `for...of` over the list given, or the table's keys when none is. */
const PLAIN = [
  "const { Router } = require('express');",
  'const handlers = { ping, echo };',
  'exports.attach = (router, names) => {',
  '  for (const name of names || Object.keys(handlers)) handlers[name](router);',
  '};',
  "function ping(router) { router.get('/ping', (req, res) => res.send('pong')); }",
  "function echo(router) { router.post('/echo', (req, res) => res.send(req.body)); }",
].join('\n');

const router = (name: string, call: string) =>
  ["const express = require('express');", "const crud = require('./crud');", `const ${name} = express.Router();`, call, `module.exports = ${name};`].join('\n');

suite('keyed helpers: a router handed to the functions a table picks by the keys a call gives', () => {
  test('Express: each call registers the routes of the functions its keys pick, all of them for [\'*\'], none for []; a call whose keys are not known is a warning at the keyed call', () => {
    const { routes, warnings } = collect({
      '/s/routes/crud.js': CRUD,
      '/s/routes/helpers.js': PLAIN,
      '/s/routes/users.js': router('router', "crud(router, Users, ['create', 'show']);"),
      '/s/routes/teams.js': router('router', "crud(router, Teams, ['*']);"),
      '/s/routes/notes.js': router('router', 'crud(router, Notes, []);'),
      '/s/routes/tags.js': router('router', 'crud(router, Tags, process.env.TAG_OPS.split(","));'),
      '/s/app.js': [
        "const express = require('express');",
        "const { attach } = require('./routes/helpers');",
        'const app = express();',
        "app.use('/users', require('./routes/users'));",
        "app.use('/teams', require('./routes/teams'));",
        "app.use('/notes', require('./routes/notes'));",
        "app.use('/tags', require('./routes/tags'));",
        "attach(app, ['ping']);",
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /teams/:id', 'GET /ping', 'GET /teams', 'GET /teams/:id', 'GET /users/:id', 'POST /teams', 'POST /users']);
    assert.deepEqual(warnings, ["/s/routes/crud.js:10: ops[op](router, ...): which function of ops is called is not known statically; the routes it registers on router are not known (list them in x-runtime-drift.routes)"]);
  });
});
