// path-to-regexp before version 8 (Express 4, koa-router) reads a segment written as a group of
// literal alternatives as any one of them: a router prefixed '/(v2|latest)/items' answers under both;
// Express 4's optional group '/user(s)?' under /user and /users.
import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';
import { expandAlternativeSegments } from '../../../src/core/routes/joinPath';

suite('alternative segments', () => {
  test("a koa-router prefix '/(v2|latest)/items' serves each route under both versions", () => {
    const { routes } = routesAndWarnings({
      '/k/server.js': "import Koa from 'koa';\nimport items from './items.js';\nconst app = new Koa();\napp.use(items.routes());\napp.listen(3000);\n",
      '/k/items.js': "import Router from 'koa-router';\nconst router = new Router({ prefix: '/(v2|latest)/items' });\nrouter.get('/', (ctx) => { ctx.body = []; });\nrouter.post('/query', (ctx) => { ctx.body = []; });\nexport default router;\n",
    });
    assert.deepEqual(routes, ['GET /latest/items', 'GET /v2/items', 'POST /latest/items/query', 'POST /v2/items/query']);
  });

  test("a parameter's pattern is no alternative segment; neither is a group with anything but literal alternatives", () => {
    assert.deepEqual(expandAlternativeSegments('/:ns(ipfs|ipns)/:address'), ['/:ns(ipfs|ipns)/:address']);
    assert.deepEqual(expandAlternativeSegments('/(\\d+)/x'), ['/(\\d+)/x']);
    assert.deepEqual(expandAlternativeSegments('/(a|b)/(c|d)').sort(), ['/a/c', '/a/d', '/b/c', '/b/d']);
    assert.deepEqual(expandAlternativeSegments('/:(pox\\d_events)'), ['/:(pox\\d_events)']);
    assert.deepEqual(expandAlternativeSegments('/:id(s)?'), ['/:id(s)?']);
  });

  test("Express 4's optional group: a router mounted at '/user(s)?' answers under /user and /users", () => {
    const { routes } = routesAndWarnings({
      '/e/server.js': "const express = require('express');\nconst users = require('./users');\nconst app = express();\napp.use('/v2', require('./v2'));\napp.listen(3000);\n",
      '/e/v2.js': "const { Router } = require('express');\nconst router = Router();\nrouter.use('/user(s)?', require('./users'));\nmodule.exports = router;\n",
      '/e/users.js': "const { Router } = require('express');\nconst router = Router();\nrouter.get('/', (req, res) => res.json([]));\nrouter.put('/:userId', (req, res) => res.end());\nmodule.exports = router;\n",
    });
    assert.deepEqual(routes, ['GET /v2/user', 'GET /v2/users', 'PUT /v2/user/:userId', 'PUT /v2/users/:userId']);
  });

  test('a group inside a segment: a file type of a list, an optional suffix', () => {
    assert.deepEqual(expandAlternativeSegments('/feed.(json|xml)'), ['/feed.json', '/feed.xml']);
    assert.deepEqual(expandAlternativeSegments('/item(s)?/:id'), ['/item/:id', '/items/:id']);
    assert.deepEqual(expandAlternativeSegments('/api/(v1)?/x'), ['/api/x', '/api/v1/x']);
  });

  test("an empty alternative: '/(|about)' answers at the router's root and at /about", () => {
    assert.deepEqual(expandAlternativeSegments('/(|about)'), ['/', '/about']);
    assert.deepEqual(expandAlternativeSegments('/docs/(|v2|v3)'), ['/docs', '/docs/v2', '/docs/v3']);
    assert.deepEqual(expandAlternativeSegments('/()'), ['/()']);
    const { routes } = routesAndWarnings({
      '/q/app.js': "const express = require('express');\nconst app = express();\nconst api = express.Router();\napi.get('/(|about)', (req, res) => res.json({}));\napp.use('/api/v1/', api);\napp.listen(3000);\n",
    });
    assert.deepEqual(routes, ['GET /api/v1', 'GET /api/v1/about']);
  });
});
