// A router-making function whose parameter is the router's prefix (`export const mod = (prefix) =>
// new Elysia({ prefix })`), called once per module with a literal: each call's routes under that
// call's prefix, the same for Hono's `basePath(prefix)` and koa-router's `new Router({ prefix })`.
// Fixtures of our own.
import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

suite('Router factories given their prefix', () => {
  test('Elysia: `mod(prefix)` of a function making `new Elysia({ prefix })`, called per module: each module under its own prefix, no warning', () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/src/mod.ts': "import { Elysia } from 'elysia';\nexport const mod = (prefix: string) => new Elysia({ prefix });\n",
      '/s/src/users.ts': "import { mod } from './mod';\nexport const users = mod('/users').get('/', () => []).get('/:id', () => ({}));\n",
      '/s/src/posts.ts': "import { mod } from './mod';\nexport const posts = mod('/posts').post('/', () => ({}));\n",
      '/s/src/index.ts': "import { Elysia } from 'elysia';\nimport { users } from './users';\nimport { posts } from './posts';\nnew Elysia().use(users).use(posts).listen(3000);\n",
    });
    assert.deepEqual(routes, ['GET /users', 'GET /users/:id', 'POST /posts']);
    assert.deepEqual(warnings, []);
  });

  test('Hono: `new Hono().basePath(prefix)` in a function called per module', () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/src/mod.ts': "import { Hono } from 'hono';\nexport function mod(prefix: string) {\n  return new Hono().basePath(prefix);\n}\n",
      '/s/src/index.ts': "import { Hono } from 'hono';\nimport { serve } from '@hono/node-server';\nimport { mod } from './mod';\nconst users = mod('/users');\nusers.get('/', (c) => c.json([]));\nconst posts = mod('/posts');\nposts.delete('/:id', (c) => c.json({}));\nconst app = new Hono();\napp.route('/', users);\napp.route('/', posts);\nserve(app);\n",
    });
    assert.deepEqual(routes, ['DELETE /posts/:id', 'GET /users']);
    assert.deepEqual(warnings, []);
  });

  test('koa-router: `new Router({ prefix })` in a function called per module', () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/src/mod.ts': "import Router from '@koa/router';\nexport const mod = (prefix: string) => new Router({ prefix });\n",
      '/s/src/index.ts': "import Koa from 'koa';\nimport { mod } from './mod';\nconst users = mod('/users');\nusers.get('/', (ctx) => { ctx.body = []; });\nconst app = new Koa();\napp.use(users.routes());\napp.listen(3000);\n",
    });
    assert.deepEqual(routes, ['GET /users']);
    assert.deepEqual(warnings, []);
  });

  test("the prefix an imported constant gives is read across files; one the call does not make known is a warning at the router's first route, its routes under …", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/src/mod.ts': "import { Elysia } from 'elysia';\nexport function mod(prefix: string) {\n  return new Elysia({ prefix });\n}\n",
      '/s/src/paths.ts': "export const TAGS = '/tags';\n",
      '/s/src/index.ts': "import { Elysia } from 'elysia';\nimport { mod } from './mod';\nimport { TAGS } from './paths';\nconst tags = mod(TAGS).get('/', () => []);\nconst other = mod(process.env.OTHER);\nother.get('/x', () => 1);\nnew Elysia().use(tags).use(other).listen(3000);\n",
    });
    assert.deepEqual(routes, ['GET /tags', 'GET /…/x']);
    assert.equal(warnings.length, 1);
    assert.ok(warnings[0]?.startsWith('/s/src/index.ts:6:'), warnings.join('\n'));
  });

  test("a callback's router whose prefix reads the callback's parameter is no factory's: its routes under …, with a warning", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/src/index.ts': "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst sites = new Map<string, unknown>();\nsites.forEach((s, site) => {\n  const r = new Router({ prefix: `/d/${site}` });\n  r.get('/x', (ctx) => { ctx.body = 1; });\n  app.use(r.routes());\n});\napp.listen(3000);\n",
    });
    assert.deepEqual(routes, ['GET /d/…/x']);
    assert.equal(warnings.length, 1);
  });
});

suite('Plugins handed a fresh instance in a loop', () => {
  test('`for (const m of modules) app.use(m.plugin(new Elysia({ prefix: m.prefix })))` over a literal list: each plugin under its own element\'s prefix', () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/src/users.ts': "import type { Elysia } from 'elysia';\nexport const usersPlugin = (app: Elysia) => app.get('/', () => []).get('/:id', () => ({}));\n",
      '/s/src/posts.ts': "import type { Elysia } from 'elysia';\nexport function postsPlugin(app: Elysia) {\n  return app.post('/', () => ({}));\n}\n",
      '/s/src/index.ts': "import { Elysia } from 'elysia';\nimport { usersPlugin } from './users';\nimport { postsPlugin } from './posts';\nconst modules = [\n  { prefix: '/users', plugin: usersPlugin },\n  { prefix: '/posts', plugin: postsPlugin },\n];\nconst app = new Elysia();\nfor (const m of modules) app.use(m.plugin(new Elysia({ prefix: m.prefix })));\napp.listen(3000);\n",
    });
    assert.deepEqual(routes, ['GET /users', 'GET /users/:id', 'POST /posts']);
    assert.deepEqual(warnings, []);
  });
});
