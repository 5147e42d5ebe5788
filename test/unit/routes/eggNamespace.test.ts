import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

// Egg's classic router files: `module.exports = app => {...}` registering on app.router, and a
// namespace (egg-router-plus, built into Egg 3's router) whose routes carry its prefix.
suite('Egg router namespace', () => {
  test("routes on `app.router.namespace('/x')` are under /x; those on the router itself are not", () => {
    const api = [
      "'use strict';",
      'module.exports = app => {',
      "  const v2 = app.router.namespace('/api/v2');",
      '  const { controller, middleware } = app;',
      '  const auth = middleware.auth();',
      "  v2.get('/items/:id', controller.items.show);",
      "  v2.post('/items', auth, controller.items.create);",
      '};',
    ].join('\n');
    const web = "'use strict';\nmodule.exports = app => {\n  const { router, controller } = app;\n  router.get('/items/:id', controller.pages.item);\n};\n";
    const { routes } = routesAndWarnings({ '/ws/app/router/api.js': api, '/ws/app/router/web.js': web });
    assert.deepEqual(routes, ['GET /api/v2/items/:id', 'GET /items/:id', 'POST /api/v2/items']);
  });

  test('a namespace given middleware after its prefix (its documented namespace(prefix, ...middlewares)) still puts its routes under the prefix', () => {
    const api = "module.exports = app => {\n  const { router, controller, middleware } = app;\n  const admin = router.namespace('/admin', middleware.auth(), middleware.audit());\n  admin.del('/posts/:id', controller.posts.remove);\n  router.get('/posts/:id', controller.posts.show);\n};\n";
    assert.deepEqual(routesAndWarnings({ '/ws/app/router.js': api }).routes, ['DELETE /admin/posts/:id', 'GET /posts/:id']);
  });

  test('a namespace of a destructured router, with a prefix not known statically, is warned of and kept as …', () => {
    const api = "module.exports = app => {\n  const { router, config } = app;\n  const v = router.namespace(config.apiPrefix);\n  v.get('/ping', app.controller.ping.index);\n};\n";
    const { routes, warnings } = routesAndWarnings({ '/ws/app/router.js': api });
    assert.deepEqual(routes, ['GET /…/ping']);
    assert.equal(warnings.length, 1, warnings.join('\n'));
  });
  test("`router.prefix('/api')` on the router destructured from the app puts every route of that router under /api, those declared before it too", () => {
    const router = [
      "import { Application } from 'egg';",
      'export default (app: Application) => {',
      '  const { controller, router } = app;',
      "  router.get('/health', controller.home.health);",
      "  router.prefix('/api');",
      "  router.get('/items/:id', controller.items.show);",
      "  router.patch('/items/:id', controller.items.update);",
      '};',
    ].join('\n');
    assert.deepEqual(routesAndWarnings({ '/ws/app/router.ts': router }).routes, ['GET /api/health', 'GET /api/items/:id', 'PATCH /api/items/:id']);
  });

  test("`app.router.prefix('/v1')` without destructuring is the same router's prefix", () => {
    const router = "module.exports = app => {\n  app.router.prefix('/v1');\n  app.router.get('/ping', app.controller.ping.index);\n};\n";
    assert.deepEqual(routesAndWarnings({ '/ws/app/router.js': router }).routes, ['GET /v1/ping']);
  });
});
