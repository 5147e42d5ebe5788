// Router method wrappers made by a factory of another file (methodWrappers.ts, methodWrapperRoutes.ts):
// `r.fetchJson = (path, ...handlers) => r.get(path, ...)` makes `router.fetchJson('/x', h)` a GET route;
// the method is the one the wrapper calls, not its name. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as collect } from '../helpers/collectText';

/** A factory whose router has three wrappers; `getLater` deletes, whatever its name says. */
const FACTORY = [
  "const express = require('express');",
  'const settle = (handlers) => handlers.map((h) => (req, res, next) => Promise.resolve(h(req, res, next)).catch(next));',
  'function make() {',
  '  const r = express.Router();',
  '  r.fetchJson = (p, ...hs) => r.get(p, ...settle(hs));',
  '  r.submit = function (p, ...hs) { return r.post(p, ...settle(hs)); };',
  '  r.getLater = (p, ...hs) => r.delete(p, ...settle(hs));',
  '  return r;',
  '}',
  'module.exports = { make };',
].join('\n');

const SERVER = "const express = require('express');\nconst app = express();\napp.use('/api', require('./routes/items'));\napp.listen(3000);\n";

suite('router method wrappers', () => {
  test("calls of a factory's wrappers on the router it makes are routes of the method each wrapper forwards to, mounted as the router is; the wrapper's own forwarding call warns of nothing", () => {
    const { routes, warnings } = collect({
      '/w/lib/asyncRouter.js': FACTORY,
      '/w/server.js': SERVER,
      '/w/routes/items.js': [
        "const router = require('../lib/asyncRouter').make();",
        "router.fetchJson('/items', async (req, res) => res.json([]));",
        "router.submit('/items', async (req, res) => res.sendStatus(201));",
        "router.getLater('/items/:id', async (req, res) => res.sendStatus(204));",
        'module.exports = router;',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /api/items/:id', 'GET /api/items', 'POST /api/items']);
    assert.deepEqual(warnings, []);
  });

  test('a member no file declares a wrapper of, called with a path and a handler, is no route', () => {
    const { routes } = collect({
      '/w/lib/asyncRouter.js': FACTORY,
      '/w/server.js': SERVER,
      '/w/routes/items.js': [
        "const router = require('../lib/asyncRouter').make();",
        "router.fetchJson('/items', async (req, res) => res.json([]));",
        "router.describe('/items', (doc) => doc.title('Items'));",
        'module.exports = router;',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /api/items']);
  });

  test('two files declaring a wrapper of the same name with different methods leave its calls unknown: no route', () => {
    const { routes } = collect({
      '/w/lib/asyncRouter.js': FACTORY,
      '/w/lib/other.js': "const express = require('express');\nfunction make() {\n  const r = express.Router();\n  r.submit = (p, h) => r.put(p, h);\n  return r;\n}\nmodule.exports = { make };\n",
      '/w/server.js': SERVER,
      '/w/routes/items.js': "const router = require('../lib/asyncRouter').make();\nrouter.submit('/items', async (req, res) => res.sendStatus(201));\nrouter.fetchJson('/items', async (req, res) => res.json([]));\nmodule.exports = router;\n",
    });
    assert.deepEqual(routes, ['GET /api/items']);
  });
});
