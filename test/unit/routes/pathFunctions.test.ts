// Paths built by a function from its parameters, read at each call with that call's arguments
// (src/core/routes/pathFunctions.ts): a method of a base class (imported or not), a function of the
// file, an imported one; a parameter's default for an argument left out.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const collect = (files: Record<string, string>) => collectRoutes(Object.entries(files).map(([file, text]) => ({ file, text })), { moduleOf: () => undefined, aliases: [] });
const routesOf = (files: Record<string, string>) => collect(files).routes.map((r) => `${r.method} ${r.path}`).sort();

/** A base class whose method builds a path from its arguments, statement by statement, with a default. */
const broker = [
  "import { Router } from 'express';",
  'export abstract class Broker {',
  '  public readonly router: Router = Router();',
  '  public pathOf(name: string, withId = true) {',
  "    let out = '/' + name;",
  "    withId ? (out += '/:id') : null;",
  '    return out;',
  '  }',
  '}',
].join('\n');

suite('routes whose paths a function builds from its parameters', () => {
  test("a method of an imported base class, called with this call's arguments, its parameter's default where one is left out", () => {
    const routes = routesOf({
      '/s/broker.ts': broker,
      '/s/items.ts': [
        "import { Broker } from './broker';",
        'export class ItemsRouter extends Broker {',
        '  constructor() {',
        '    super();',
        "    this.router.get(this.pathOf('find'), h).post(this.pathOf('create', false), h);",
        '  }',
        '}',
      ].join('\n'),
      '/s/app.ts': "import express from 'express';\nimport { ItemsRouter } from './items';\nconst app = express();\napp.use('/items', new ItemsRouter().router);\n",
    });
    assert.deepEqual(routes, ['GET /items/find/:id', 'POST /items/create']);
  });

  test('a base class of the file, and one the imported base class extends in its own file', () => {
    const routes = routesOf({
      '/s/broker.ts': broker,
      '/s/mid.ts': "import { Broker } from './broker';\nexport class Mid extends Broker {}\n",
      '/s/app.ts': [
        "import express from 'express';",
        "import { Mid } from './mid';",
        'class Local extends Mid {}',
        'class Orders extends Local {',
        '  constructor() {',
        '    super();',
        "    this.router.delete(this.pathOf('cancel'), h);",
        '  }',
        '}',
        'class Own {',
        '  router = express.Router();',
        "  base(v: string, kind: string) { if (kind === 'list') return `/${v}s`; return `/${v}/:${kind}`; }",
        "  constructor() { this.router.get(this.base('user', 'list'), h).get(this.base('user', 'id'), h); }",
        '}',
        'const app = express();',
        "app.use('/orders', new Orders().router);",
        "app.use('/own', new Own().router);",
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /orders/cancel/:id', 'GET /own/user/:id', 'GET /own/users']);
  });

  test('a function of the file (declared or an arrow), and an imported one, exported by name or as module.exports', () => {
    const routes = routesOf({
      '/s/paths.ts': [
        'export function v1(p: string, admin?: boolean) {',
        '  if (admin) return `/v1/admin/${p}`;',
        '  return `/v1/${p}`;',
        '}',
        "export function v2(p: string, flag = false) {\n  let out = '/v2/' + p;\n  if (flag) {\n    out += '/on';\n  }\n  return out + '/x';\n}",
      ].join('\n'),
      '/s/cjs.js': "module.exports = function (name) { return '/legacy/' + name; };\n",
      '/s/app.ts': [
        "import express from 'express';",
        "import { v1, v2 } from './paths';",
        "const legacy = require('./cjs');",
        'function local(p) { return `/local/${p}`; }',
        "const arrow = (p, q = 'x') => '/arrow/' + p + '/' + q;",
        'const app = express();',
        "app.get(local('a'), h);",
        "app.get(arrow('b'), h);",
        "app.get(v1('c'), h);",
        "app.get(v1('d', true), h);",
        "app.get(legacy('e'), h);",
        "app.get(v2('f'), h);",
        "app.get(v2('g', true), h);",
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /arrow/b/x', 'GET /legacy/e', 'GET /local/a', 'GET /v1/admin/d', 'GET /v1/c', 'GET /v2/f/x', 'GET /v2/g/on/x']);
  });

  test('an argument not known statically gives no route, and a warning at the call', () => {
    const out = collect({
      '/s/broker.ts': broker,
      '/s/app.ts': [
        "import express from 'express';",
        "import { Broker } from './broker';",
        'class Users extends Broker {',
        '  constructor() {',
        '    super();',
        '    this.router.get(this.pathOf(process.env.USERS), h);',
        "    this.router.get('/all', h);",
        '  }',
        '}',
        'const app = express();',
        "app.use('/users', new Users().router);",
      ].join('\n'),
    });
    assert.deepEqual(out.routes.map((r) => `${r.method} ${r.path}`), ['GET /users/all']);
    assert.deepEqual(out.warnings.filter((w) => w.startsWith('/s/app.ts:6:')).length, 1, out.warnings.join('\n'));
  });
});

suite('mounts whose prefix the function the router is handed to builds from its parameters', () => {
  /** `module.exports = function (app, urlPrefix)`: mounts under the prefix its caller passes, of routers other modules' functions return. */
  const routes = [
    "'use strict';",
    'module.exports = function (app, urlPrefix) {',
    "  app.use(`${urlPrefix}/`, require('./home')());",
    "  const api = require('./api')(app);",
    '  app.use(`${urlPrefix}/v1`, api.v1);',
    "  app.use(urlPrefix + '/v2', api.v2);",
    '};',
  ].join('\n');
  const home = "module.exports = function () {\n  const router = require('express').Router();\n  router.get('/status', h);\n  return router;\n};\n";
  const api = [
    "const express = require('express');",
    'module.exports = function (app) {',
    '  const one = express.Router();',
    '  const two = express.Router();',
    "  one.get('/items', h);",
    "  two.post('/items', h);",
    '  return { v1: one, v2: two };',
    '};',
  ].join('\n');
  const app = (prefix: string) => `const express = require('express');\nconst app = express();\nconst base = ${prefix};\nrequire('./routes')(app, base);\n`;

  test("each mount under the prefix the call passes; a module's function called in place, and a member of the object of routers one returns", () => {
    const out = collect({ '/s/routes.js': routes, '/s/home.js': home, '/s/api.js': api, '/s/app.js': app("config.get('server.urlPrefix') || '/admin'") });
    assert.deepEqual(out.routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /admin/status', 'GET /admin/v1/items', 'POST /admin/v2/items']);
    assert.deepEqual(out.warnings, []);
  });

  test('a prefix argument not known statically: the routes under … and a warning at each such mount', () => {
    const out = collect({ '/s/routes.js': routes, '/s/home.js': home, '/s/api.js': api, '/s/app.js': app('process.env.BASE') });
    assert.deepEqual(out.routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /…/status', 'GET /…/v1/items', 'POST /…/v2/items']);
    assert.deepEqual(out.warnings.map((w) => w.split(':').slice(0, 2).join(':')), ['/s/routes.js:3', '/s/routes.js:5', '/s/routes.js:6']);
  });

  test("a test of a parameter's end or start (`if (p.endsWith('/api')) return p;`) picks the branch for each call's text", () => {
    const app = [
      "import express from 'express';",
      'function underApi(p) {',
      "  if (p.endsWith('/api')) return p;",
      "  return p + '/api';",
      '}',
      'function lead(p) {',
      "  if (!p.startsWith('/')) return '/' + p;",
      '  return p;',
      '}',
      'const app = express();',
      'const r = express.Router();',
      "r.get('/items', h);",
      "app.use(underApi('/v1'), r);",
      "app.use(underApi('/v2/api'), r);",
      "app.use(lead('v3'), r);",
      'app.listen(3000);',
    ].join('\n');
    assert.deepEqual(routesOf({ '/s/app.js': app }), ['GET /v1/api/items', 'GET /v2/api/items', 'GET /v3/items']);
  });
});
