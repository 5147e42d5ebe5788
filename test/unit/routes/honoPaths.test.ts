// Hono paths as Hono answers them: a mount path's parameter constraint holding a slash inside a
// character class, and a method call without a path (answered at the app's current path).
import assert from 'node:assert/strict';
import { routeLines as routesOf } from '../helpers/collectText';

suite('Hono paths', () => {
  test("a sub-app mounted at a parameter whose constraint holds a slash in a character class (`/:handle{@[^/]+}`): its routes under /:handle, the constraint dropped like a route's own", () => {
    const routes = routesOf([
      {
        file: '/w/src/index.ts',
        text: "import { Hono } from 'hono';\nimport profile from './profile';\nconst app = new Hono();\napp.route('/:handle{@[^/]+}', profile);\napp.get('/posts/:id{[0-9]+}', (c) => c.json({}));\nexport default app;\n",
      },
      {
        file: '/w/src/profile.ts',
        text: "import { Hono } from 'hono';\nconst profile = new Hono();\nprofile.get('/followers', (c) => c.json([]));\nprofile.get('/atom.xml', (c) => c.text(''));\nexport default profile;\n",
      },
    ]);
    assert.deepEqual(routes, ['GET /:handle/atom.xml', 'GET /:handle/followers', 'GET /posts/:id']);
  });

  test("a method call without a path (`app.get(handler)`, `app.get<'/x'>(handler)`) answers at the app's current path: `/` before any, else the last path given; a basePath comes before it", () => {
    const routes = routesOf([
      {
        file: '/w/src/index.ts',
        text: "import { Hono } from 'hono';\nimport tags from './tags';\nimport profile from './profile';\nconst app = new Hono();\napp.route('/tags', tags);\napp.route('/u', profile);\nexport default app;\n",
      },
      { file: '/w/src/tags.ts', text: "import { Hono } from 'hono';\nconst tags = new Hono().basePath('/:tag');\ntags.get(async (c) => c.text(c.req.param('tag')));\nexport default tags;\n" },
      {
        file: '/w/src/profile.ts',
        text: "import { Hono } from 'hono';\nconst profile = new Hono();\nprofile.get<'/:handle'>(async (c) => c.json({}));\nprofile.get('/feed', (c) => c.json([]));\nprofile.post((c) => c.json({}));\nexport default profile;\n",
      },
    ]);
    assert.deepEqual(routes, ['GET /tags/:tag', 'GET /u', 'GET /u/feed', 'POST /u/feed']);
  });

  test("`app.basePath(base)` on an app made before, in a chain of its own statement, puts that chain's routes and mounts under the base (a `const ... as const` base too); the app's other routes keep their paths", () => {
    const routes = routesOf([
      {
        file: '/w/src/index.ts',
        text: "import { Hono } from 'hono';\nimport items from './items';\nconst BASE = '/api/v2' as const;\nconst app = new Hono();\napp.get('/health', (c) => c.text('ok'));\napp.basePath(BASE).route('/items', items);\napp.basePath('/old').get('/ping', (c) => c.text('pong'));\nexport default app;\n",
      },
      { file: '/w/src/items.ts', text: "import { Hono } from 'hono';\nconst items = new Hono();\nitems.get('/', (c) => c.json([]));\nitems.get('/:id', (c) => c.json({}));\nexport default items;\n" },
    ]);
    assert.deepEqual(routes, ['GET /api/v2/items', 'GET /api/v2/items/:id', 'GET /health', 'GET /old/ping']);
  });

  test("a base not known statically (`app.basePath(process.env.BASE).get('/x')`) puts the chain's routes under … with a warning", () => {
    const routes = routesOf([{ file: '/w/src/index.ts', text: "import { Hono } from 'hono';\nconst app = new Hono();\napp.basePath(process.env.BASE).get('/x', (c) => c.text('x'));\nexport default app;\n" }]);
    assert.deepEqual(routes, ['GET /…/x']);
  });

  test('a one-argument call on a receiver that is no Hono app stays a lookup (`cache.get(key)`, an Express app\'s `app.get(fn)`)', () => {
    const routes = routesOf([
      {
        file: '/w/src/index.ts',
        text: "import express from 'express';\nconst app = express();\nconst setting = app.get(() => 'x');\napp.get('/ok', (req, res) => res.send('ok'));\napp.listen(3000);\n",
      },
    ]);
    assert.deepEqual(routes, ['GET /ok']);
  });
});
