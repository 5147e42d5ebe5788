// Route tables keyed by "METHOD /path" strings, registered by a loop that splits each key into the
// method and the path (routeTables.ts, tableKeys.ts): each form of table and of loop, as fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const collect = (files: Record<string, string>) => collectRoutes(Object.entries(files).map(([file, text]) => ({ file, text })), { moduleOf: () => undefined, aliases: [] });
const routesOf = (files: Record<string, string>) => collect(files).routes.map((r) => `${r.method} ${r.path}`).sort();
const placesOf = (files: Record<string, string>) => collect(files).routes.map((r) => `${r.method} ${r.path} ${r.file}:${r.line}`).sort();

/** An app mounting the router of /s/router.js under /api. */
const APP = "const express = require('express');\nconst router = require('./router');\nconst app = express();\napp.use('/api', router);\n";

suite('route tables keyed by "METHOD /path"', () => {
  test('a constant of the file, for...in, key.split(" ")[0] and [1]: a route per key at its line, under the mount prefix', () => {
    const router = [
      "const express = require('express');",
      'const router = express.Router();',
      'const routes = {',
      "  'get /users': { controller: list },",
      "  'post /users/:id': { controller: create },",
      '};',
      'for (const key in routes) {',
      "  const method = key.split(' ')[0];",
      "  const path = key.split(' ')[1];",
      '  router[method](path, routes[key].controller);',
      '}',
      'module.exports = router;',
    ].join('\n');
    assert.deepEqual(placesOf({ '/s/app.js': APP, '/s/router.js': router }), ['GET /api/users /s/router.js:4', 'POST /api/users/:id /s/router.js:5']);
  });

  test('an inline object, Object.entries with [key, handler], split(/\\s+/) and a method lowercased (keys written "GET /x")', () => {
    const router = [
      "const { Router } = require('express');",
      'const router = Router();',
      "Object.entries({ 'GET   /health': health, 'DELETE /items/:id': remove }).forEach(([key, handler]) => {",
      '  const [verb, path] = key.split(/\\s+/);',
      '  router[verb.toLowerCase()](path, handler);',
      '});',
      'module.exports = router;',
    ].join('\n');
    assert.deepEqual(routesOf({ '/s/app.js': APP, '/s/router.js': router }), ['DELETE /api/items/:id', 'GET /api/health']);
  });

  test('a table built in steps: Object.assign(routes, more) in a callback, routes["put /x"] = h, a spread; the keys list held in a constant', () => {
    const router = [
      "const express = require('express');",
      'const router = express.Router();',
      "const extra = { 'patch /b': h };",
      "const routes = { ...extra, 'get /a': h };",
      "[1].forEach(() => Object.assign(routes, { 'delete /c': h }));",
      "routes['put /d'] = h;",
      'const keys = Object.keys(routes);',
      'keys.forEach((routeKey) => {',
      "  const splitted = routeKey.split(' ');",
      '  router[splitted[0]](splitted[1], routes[routeKey]);',
      '});',
      'module.exports = router;',
    ].join('\n');
    assert.deepEqual(routesOf({ '/s/app.js': APP, '/s/router.js': router }), ['DELETE /api/c', 'GET /api/a', 'PATCH /api/b', 'PUT /api/d']);
  });

  test("a function of the file returning the table; for...of Object.keys; a literal before the key's path", () => {
    const router = [
      "const express = require('express');",
      'const router = express.Router();',
      "function routeTable() {\n  return { 'get /a': h, 'post /b': h };\n}",
      'for (const k of Object.keys(routeTable())) {',
      "  const [m, p] = k.split(' ');",
      "  router[m]('/v1' + p, h);",
      '}',
      'module.exports = router;',
    ].join('\n');
    assert.deepEqual(routesOf({ '/s/app.js': APP, '/s/router.js': router }), ['GET /api/v1/a', 'POST /api/v1/b']);
  });

  test('a table imported from another file (CommonJS and ES modules): the routes are declared at their keys in that file', () => {
    const loop = "Object.keys(routes).forEach((key) => {\n  const [method, path] = key.split(' ');\n  router[method](path, routes[key]);\n});\nmodule.exports = router;";
    const cjs = {
      '/s/app.js': APP,
      '/s/table.js': "module.exports = {\n  'get /a': a,\n  'post /b': b,\n};\n",
      '/s/router.js': `const express = require('express');\nconst routes = require('./table');\nconst router = express.Router();\n${loop}`,
    };
    assert.deepEqual(placesOf(cjs), ['GET /api/a /s/table.js:2', 'POST /api/b /s/table.js:3']);
    const esm = {
      '/s/app.js': APP,
      '/s/table.ts': "export const routes = {\n  'get /a': a,\n};\n",
      '/s/router.js': `import express from 'express';\nimport { routes } from './table';\nconst router = express.Router();\n${loop}`,
    };
    assert.deepEqual(placesOf(esm), ['GET /api/a /s/table.ts:2']);
  });

  test('a table another file exports without a name of its own: an anonymous function returning it, a default function, module.exports.routes', () => {
    const loop = (load: string) =>
      `const express = require('express');\n${load}\nconst router = express.Router();\nfor (const key in routes) {\n  const [m, p] = key.split(' ');\n  router[m](p, h);\n}\nmodule.exports = router;`;
    const arrow = { '/s/app.js': APP, '/s/table.js': "module.exports = () => ({\n  'get /a': a,\n});\n", '/s/router.js': loop("const makeRoutes = require('./table');\nconst routes = makeRoutes();") };
    assert.deepEqual(placesOf(arrow), ['GET /api/a /s/table.js:2']);
    const fn = { '/s/app.js': APP, '/s/table.ts': "export default function () {\n  return { 'post /b': b };\n}\n", '/s/router.js': loop("import makeRoutes from './table';\nconst routes = makeRoutes();") };
    assert.deepEqual(placesOf(fn), ['POST /api/b /s/table.ts:2']);
    const named = { '/s/app.js': APP, '/s/config.js': "module.exports.routes = {\n  'put /c': c,\n};\n", '/s/router.js': loop("const { routes } = require('./config');") };
    assert.deepEqual(placesOf(named), ['PUT /api/c /s/config.js:2']);
  });

  test("another file's function building the table in steps and returning it; the router made and returned by a function the app mounts", () => {
    const files = {
      '/s/app.js': "const express = require('express');\nconst { setupRoutes } = require('./setup');\nconst app = express();\napp.use(setupRoutes(deps));\n",
      '/s/routes.js': [
        "const admin = require('./admin');",
        'function getRoutes(deps) {',
        '  const routes = {};',
        "  const core = {\n    'get /api/ping': { controller: deps.ping },\n    'post /api/login': { controller: deps.login },\n  };",
        '  Object.assign(routes, core, admin);',
        '  return routes;',
        '}',
        'module.exports = getRoutes;',
      ].join('\n'),
      '/s/admin.js': "module.exports = { 'delete /api/users/:id': h };\n",
      '/s/setup.js': [
        "const express = require('express');",
        "const getRoutes = require('./routes');",
        'function setupRoutes(deps) {',
        '  const router = express.Router();',
        '  const routes = getRoutes(deps);',
        "  Object.keys(routes).forEach((routeKey) => {\n    const splitted = routeKey.split(' ');\n    router[splitted[0]](splitted[1], routes[routeKey].controller);\n  });",
        '  return router;',
        '}',
        'module.exports = { setupRoutes };',
      ].join('\n'),
    };
    assert.deepEqual(placesOf(files), ['DELETE /api/users/:id /s/admin.js:1', 'GET /api/ping /s/routes.js:5', 'POST /api/login /s/routes.js:6']);
  });

  test('what cannot be followed is a warning with file and line naming the override: a table not known (a parameter too), a part of one, a path not made of the key', () => {
    const unknownTable = collect({ '/s/a.js': "const router = require('express').Router();\nfunction register(config) {\n  Object.keys(config.routes).forEach((key) => {\n    const [m, p] = key.split(' ');\n    router[m](p, h);\n  });\n}\n" });
    assert.deepEqual(unknownTable.routes, []);
    assert.deepEqual(unknownTable.warnings, ['/s/a.js:5: routes registered by the keys of config.routes: that route table is not known statically; routes skipped (list them in x-runtime-drift.routes)']);
    const part = collect({
      '/s/a.js': "const router = require('express').Router();\nconst routes = { 'get /a': h };\nplugins.forEach((p) => Object.assign(routes, p.routes));\nfor (const key in routes) {\n  const [m, p] = key.split(' ');\n  router[m](p, h);\n}\n",
    });
    assert.deepEqual(part.routes.map((r) => `${r.method} ${r.path}`), ['GET /a']);
    assert.deepEqual(part.warnings, ['/s/a.js:3: routes merged into a route table from p.routes are not known statically; they are skipped (list them in x-runtime-drift.routes)']);
    const path = collect({ '/s/a.js': "const router = require('express').Router();\nconst routes = { 'get /a': h };\nfor (const key in routes) {\n  const [m] = key.split(' ');\n  router[m](pathOf(key), h);\n}\n" });
    assert.deepEqual(path.routes, []);
    assert.deepEqual(path.warnings, ['/s/a.js:5: route path pathOf(key) made of a route table key is not known statically; routes skipped (list them in x-runtime-drift.routes)']);
    // A parameter named like a table of the file is the caller's value, not that table.
    const shadowed = collect({ '/s/a.js': "const router = require('express').Router();\nconst routes = { 'get /a': h };\nfunction register(routes) {\n  for (const key in routes) {\n    const [m, p] = key.split(' ');\n    router[m](p, h);\n  }\n}\n" });
    assert.deepEqual(shadowed.routes, []);
    assert.deepEqual(shadowed.warnings, ['/s/a.js:6: routes registered by the keys of routes: that route table is not known statically; routes skipped (list them in x-runtime-drift.routes)']);
    const missing = collect({ '/s/a.js': "const router = require('express').Router();\nconst { routes } = require('./nowhere');\nfor (const key in routes) {\n  const [m, p] = key.split(' ');\n  router[m](p, h);\n}\n" });
    assert.deepEqual(missing.routes, []);
    assert.deepEqual(missing.warnings, ['/s/a.js:5: routes registered by the keys of routes: that route table is not known statically; routes skipped (list them in x-runtime-drift.routes)']);
  });

  test('keys that are methods alone (router[method](path) per key of a table of handlers by method), and keys whose method no router has, read as Express does', () => {
    const router = "const router = require('express').Router();\nconst handlers = { get: list, post: create, Put: nope };\nObject.keys(handlers).forEach((m) => router[m]('/items', handlers[m]));\nmodule.exports = router;";
    assert.deepEqual(routesOf({ '/s/app.js': APP, '/s/router.js': router }), ['GET /api/items', 'POST /api/items']);
  });
});
