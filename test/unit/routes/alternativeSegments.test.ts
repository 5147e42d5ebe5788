// path-to-regexp before version 8 (Express 4, koa-router) reads a segment written as a group of
// literal alternatives as any one of them: a router prefixed '/(v2|latest)/items' answers under both.
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
  });
});
