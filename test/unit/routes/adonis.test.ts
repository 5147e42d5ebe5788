// AdonisJS routes (src/core/routes/adonisRoutes.ts): the framework's router, its groups and resources.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import { scanSourceText } from '../../../src/core/routes/scanFile';

const routesOf = (files: Record<string, string>) => {
  const { routes, warnings } = collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined },
  );
  return { routes: routes.map((r) => `${r.method} ${r.path}`), lines: routes.map((r) => `${r.path}:${r.line ?? 0}`), warnings };
};

suite('AdonisJS routes', () => {
  test('v5: paths without a leading slash, under the prefixes of the groups written around them (nested, outermost first, chained prefixes prepending)', () => {
    const { routes, warnings } = routesOf({
      '/a/start/routes/api.ts': [
        "import Route from '@ioc:Adonis/Core/Route'",
        "Route.get('health', 'HealthController.index')",
        "Route.get('/', async ({ view }) => view.render('home'))",
        'Route.group(() => {',
        "  Route.post('auth/login', 'AuthController.login').middleware('guest')",
        '  Route.group(() => {',
        "    Route.put('me', 'UsersController.update').middleware('auth')",
        "    Route.get('*', ({ response }) => response.redirect('/'))",
        "  }).prefix('user').middleware(['auth'])",
        '  Route.group(() => {',
        "    Route.delete('sessions/:id', 'SessionsController.destroy')",
        '  })',
        "}).prefix('/v1').prefix('api')",
        "Route.any('proxy/*', 'ProxyController.handle')",
        "Route.route('webhooks/:name', ['POST', 'PUT'], 'WebhooksController.handle')",
        "Route.get('legacy', 'LegacyController.show').prefix('/old')",
        "Route.on('about').render('about')",
        "Route.on('nowhere')",
      ].join('\n'),
    });
    assert.deepEqual(
      [...routes].sort(),
      [
        'ALL /proxy/*',
        'DELETE /api/v1/sessions/:id',
        'GET /',
        'GET /about',
        'GET /api/v1/user/*',
        'GET /health',
        'GET /old/legacy',
        'POST /api/v1/auth/login',
        'POST /webhooks/:name',
        'PUT /api/v1/user/me',
        'PUT /webhooks/:name',
      ],
    );
    assert.deepEqual(warnings, []);
  });

  test('v6: resources as Adonis builds them, narrowed by apiOnly, only and except; nested and shallow resources; handlers as [Controller, method] and lazy imports', () => {
    const { routes } = routesOf({
      '/a/start/routes.ts': [
        "import router from '@adonisjs/core/services/router'",
        "import { middleware } from '#start/kernel'",
        "const PostsController = () => import('#controllers/posts_controller')",
        "import UsersController from '#controllers/users_controller'",
        "router.get('/users/:id', [UsersController, 'show']).as('users.show')",
        'router',
        '  .group(() => {',
        "    router.resource('posts', PostsController).apiOnly()",
        "    router.resource('posts.comments', PostsController).only(['index', 'store'])",
        "    router.shallowResource('posts.likes', PostsController).except(['create', 'edit', 'index', 'store', 'update'])",
        '  })',
        "  .prefix('/api')",
        '  .use(middleware.auth())',
        "router.resource('photos', PostsController)",
      ].join('\n'),
    });
    assert.deepEqual(
      [...routes].sort(),
      [
        'DELETE /api/likes/:id',
        'DELETE /api/posts/:id',
        'DELETE /photos/:id',
        'GET /api/likes/:id',
        'GET /api/posts',
        'GET /api/posts/:id',
        'GET /api/posts/:post_id/comments',
        'GET /photos',
        'GET /photos/:id',
        'GET /photos/:id/edit',
        'GET /photos/create',
        'GET /users/:id',
        'PATCH /api/posts/:id',
        'PATCH /photos/:id',
        'POST /api/posts',
        'POST /api/posts/:post_id/comments',
        'POST /photos',
        'PUT /api/posts/:id',
        'PUT /photos/:id',
      ],
    );
  });

  test("v4: the router bound by use('Route'), each route at the line of its call", () => {
    const { routes, lines } = routesOf({
      '/a/start/routes.js': ["'use strict'", "const Route = use('Route')", 'Route.group(() => {', "  Route.get('users', 'UserController.index')", "}).prefix('api/v1')"].join('\n'),
    });
    assert.deepEqual(routes, ['GET /api/v1/users']);
    assert.deepEqual(lines, ['/api/v1/users:4']);
  });

  test("another framework's router keeps its own rules: a group or a path without a leading slash there is no Adonis route", () => {
    const { routes } = routesOf({
      '/a/src/routes.ts': ["import router from './router'", "router.group(() => { router.get('/inner', h) }).prefix('/g')", "router.get('users', h)", "router.get('/plain', h)"].join('\n'),
    });
    assert.deepEqual(routes, ['GET /inner', 'GET /plain']);
  });

  test("v6 brisk routes given a page by Inertia's macro (renderInertia) answer GET, inside groups too; a brisk route given nothing is none", () => {
    const { routes } = routesOf({
      '/a/start/routes.ts': [
        "import router from '@adonisjs/core/services/router'",
        "router.on('/welcome').renderInertia('welcome')",
        "router.group(() => { router.on('/billing').renderInertia('settings/billing', { tab: 1 }) }).prefix('/settings')",
        "router.on('/unfinished')",
      ].join('\n'),
    });
    assert.deepEqual(routes.sort(), ['GET /settings/billing', 'GET /welcome']);
  });

  test('a routes file declaring only resources and brisk routes passes the pre-filter', () => {
    const text = ["import router from '@adonisjs/core/services/router'", "router.on('/').render('pages/home')", "router.resource('posts', PostsController)"].join('\n');
    assert.deepEqual(scanSourceText('/a/start/routes.ts', text)?.routes.map((r) => `${r.method} ${r.path}`).sort(), ['DELETE /posts/:id', 'GET /', 'GET /posts', 'GET /posts/:id', 'GET /posts/:id/edit', 'GET /posts/create', 'PATCH /posts/:id', 'POST /posts', 'PUT /posts/:id']);
  });
});
