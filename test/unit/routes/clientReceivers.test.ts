// A receiver another file makes by calling a package's function that no server framework gives (a
// client's request builder) is no router where it is imported either.
import assert from 'node:assert/strict';
import { routeLines as routesOf } from '../helpers/collectText';

suite('client receivers made in another file', () => {
  test("saga-query's `export const api = createApi()`: `api.post('/auth/login', function* ...)` in the files importing it are requests, not routes; the server's koa-router routes stay", () => {
    const routes = routesOf([
      { file: '/w/src/api/index.ts', text: "import { createApi } from 'saga-query';\nexport const api = createApi();\napi.use(api.routes());\n" },
      {
        file: '/w/src/auth/index.ts',
        text: "import { api } from '../api';\nexport const login = api.post('/auth/login', function* (ctx, next) {\n  yield next();\n});\nexport const fetchLists = api.get('/lists', api.cache());\n",
      },
      {
        file: '/w/src/server/index.ts',
        text: "import Koa from 'koa';\nimport Router from '@koa/router';\nimport { login } from '../auth';\nconst app = new Koa();\nconst router = new Router({ prefix: '/api/auth' });\nrouter.post('/login', async (ctx) => {\n  ctx.body = {};\n});\napp.use(router.routes());\napp.listen(3000);\n",
      },
    ]);
    assert.deepEqual(routes, ['POST /api/auth/login']);
  });

  test("a router another file makes with a function of the project (`export const router = makeRouter()`) keeps the routes read on it where it is imported", () => {
    const routes = routesOf([
      { file: '/w/src/router.ts', text: "import Router from '@koa/router';\nfunction makeRouter() {\n  return new Router({ prefix: '/api' });\n}\nexport const router = makeRouter();\n" },
      { file: '/w/src/users.ts', text: "import { router } from './router';\nrouter.get('/users', async (ctx) => {\n  ctx.body = [];\n});\n" },
      { file: '/w/src/index.ts', text: "import Koa from 'koa';\nimport { router } from './router';\nimport './users';\nconst app = new Koa();\napp.use(router.routes());\napp.listen(3000);\n" },
    ]);
    assert.ok(routes.some((r) => r.startsWith('GET ') && r.endsWith('/users')), routes.join(', '));
  });
});
