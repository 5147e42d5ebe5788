import assert from 'node:assert/strict';
import type { RouteDef } from '../../../src/core/model';
import { collectRoutes } from '../helpers/collectText';

const moduleOf = (): undefined => undefined;
const shown = (routes: RouteDef[]) => routes.map((r) => `${r.method} ${r.path}${r.prefixUnknown ? ' (prefix unknown)' : ''}`);
const USERS = "import { Router } from 'express';\nconst router = Router();\nrouter.get('/users/:id', (req, res) => res.send('x'));\nexport default router;\n";
const TAIL = '(list them with their full paths in x-runtime-drift.routes)';

/** An Express app mounting ./users at the prefix expression `prefix`. */
function expressWith(prefix: string) {
  return collectRoutes(
    [
      { file: '/ws/src/app.ts', text: `import express from 'express';\nimport users from './users';\nconst app = express();\napp.use(${prefix}, users);\napp.listen(3000);\n` },
      { file: '/ws/src/users.ts', text: USERS },
    ],
    { moduleOf },
  );
}

suite('routes under a mount prefix not known statically', () => {
  test('Express app.use(prefixFromFn(), router): its routes under …, marked, with a warning naming file, line and the expression', () => {
    const { routes, warnings } = expressWith('prefixFromFn()');
    assert.deepEqual(shown(routes), ['GET /…/users/:id (prefix unknown)']);
    assert.deepEqual(warnings, [`/ws/src/app.ts:4: mount prefix prefixFromFn() is not known statically; the routes mounted there are shown under … and not probed ${TAIL}`]);
  });

  test('an environment variable without a default is unknown; with a literal default it is that default', () => {
    assert.deepEqual(shown(expressWith('process.env.BASE_PATH').routes), ['GET /…/users/:id (prefix unknown)']);
    const withDefault = expressWith("process.env.BASE_PATH || '/api'");
    assert.deepEqual(shown(withDefault.routes), ['GET /api/users/:id']);
    assert.deepEqual(withDefault.warnings, []);
  });

  test('a local constant holding one is the same; a property read (a setting that usually defaults to no prefix) is left as written', () => {
    const held = collectRoutes(
      [
        { file: '/ws/src/app.ts', text: "import express from 'express';\nimport users from './users';\nconst app = express();\nconst base = process.env.BASE;\napp.use(base, users);\n" },
        { file: '/ws/src/users.ts', text: USERS },
      ],
      { moduleOf },
    );
    assert.deepEqual(shown(held.routes), ['GET /…/users/:id (prefix unknown)']);
    const read = expressWith('global.basePath');
    assert.deepEqual(shown(read.routes), ['GET /users/:id']);
    assert.deepEqual(read.warnings, []);
  });

  test('a template keeps its known parts: `${process.env.BASE}/v1` -> /…/v1', () => {
    assert.deepEqual(shown(expressWith('`${process.env.BASE}/v1`').routes), ['GET /…/v1/users/:id (prefix unknown)']);
  });

  test('middleware before a router is no prefix: app.use(auth(), users) mounts at /', () => {
    const { routes, warnings } = expressWith('auth()');
    assert.deepEqual(shown(routes), ['GET /users/:id']);
    assert.deepEqual(warnings, []);
  });

  test('middleware at an unknown prefix (a package\'s, or inline calling next) shows nothing and warns of nothing', () => {
    const { routes, warnings } = collectRoutes(
      [
        {
          file: '/ws/src/app.ts',
          text: "import express from 'express';\nimport { apiAccess } from 'access-kit';\nconst app = express();\napp.use(`${process.env.BASE}/api`, apiAccess);\napp.use(`${process.env.BASE}/client`, (req, res, next) => {\n  req.user = anonymous;\n  next();\n});\napp.use(\n  `${process.env.BASE}/logout`,\n  guard(log),\n);\nfunction guard(log) {\n  return (req, res, next) => next();\n}\n",
        },
      ],
      { moduleOf },
    );
    assert.deepEqual([routes, warnings], [[], []]);
  });

  test('known prefixes around the unknown one are kept: /api/…/users/:id', () => {
    const { routes } = collectRoutes(
      [
        { file: '/ws/src/app.ts', text: "import express from 'express';\nimport api from './api';\nconst app = express();\napp.use('/api', api);\n" },
        { file: '/ws/src/api.ts', text: "import { Router } from 'express';\nimport users from './users';\nconst api = Router();\napi.use(config.usersPath(), users);\nexport default api;\n" },
        { file: '/ws/src/users.ts', text: USERS },
      ],
      { moduleOf },
    );
    assert.deepEqual(shown(routes), ['GET /api/…/users/:id (prefix unknown)']);
  });

  test('a route x-runtime-drift.routes lists that fills the unknown prefix stands for the source route: probed there, at its handler', () => {
    const { routes } = collectRoutes(
      [
        { file: '/ws/src/app.ts', text: "import express from 'express';\nimport api from './api';\nconst app = express();\napp.use('/api', api);\n" },
        { file: '/ws/src/api.ts', text: "import { Router } from 'express';\nimport users from './users';\nconst api = Router();\napi.use(config.usersPath(), users);\nexport default api;\n" },
        { file: '/ws/src/users.ts', text: USERS.replace("router.get('/users/:id'", "router.get('/users/:id', h);\nrouter.post('/users/:id'") },
      ],
      { moduleOf, extra: ['GET /api/v2/users/:userId', 'GET /users/:id', 'GET /other'] },
    );
    assert.deepEqual(
      routes.map((r) => `${r.method} ${r.path} ${r.origin} ${r.file ?? '-'}:${r.line ?? '-'}${r.prefixUnknown ? ' (prefix unknown)' : ''}`),
      ['GET /api/v2/users/:userId source /ws/src/users.ts:3', 'POST /api/…/users/:id source /ws/src/users.ts:4 (prefix unknown)', 'GET /other config -:-', 'GET /users/:id config -:-'],
    );
  });

  test('Fastify register(plugin, { prefix: process.env.X }): the plugin\'s routes under …, not at the root', () => {
    const { routes, warnings } = collectRoutes(
      [
        { file: '/ws/src/app.ts', text: "import Fastify from 'fastify';\nimport users from './users';\nconst app = Fastify();\napp.get('/health', async () => 'ok');\napp.register(users, { prefix: process.env.API_PREFIX });\n" },
        { file: '/ws/src/users.ts', text: "export default async function users(fastify) {\n  fastify.get('/users/:id', async () => 'x');\n}\n" },
      ],
      { moduleOf },
    );
    assert.deepEqual(shown(routes), ['GET /health', 'GET /…/users/:id (prefix unknown)']);
    assert.deepEqual(warnings, [`/ws/src/app.ts:5: mount prefix process.env.API_PREFIX is not known statically; the routes mounted there are shown under … and not probed ${TAIL}`]);
  });

  test('Koa: a router made with a prefix from a call, and router.prefix() of one, put its routes under …', () => {
    const made = collectRoutes(
      [{ file: '/ws/src/app.ts', text: "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst router = new Router({ prefix: computePrefix() });\nrouter.get('/users/:id', (ctx) => {});\napp.use(router.routes());\n" }],
      { moduleOf },
    );
    assert.deepEqual(shown(made.routes), ['GET /…/users/:id (prefix unknown)']);
    assert.deepEqual(made.warnings, [`/ws/src/app.ts:4: mount prefix computePrefix() is not known statically; the routes mounted there are shown under … and not probed ${TAIL}`]);
    const called = collectRoutes([{ file: '/ws/src/app.ts', text: "import Router from '@koa/router';\nconst router = new Router();\nrouter.prefix(base());\nrouter.get('/a', h);\n" }], { moduleOf });
    assert.deepEqual(shown(called.routes), ['GET /…/a (prefix unknown)']);
  });

  test('Nest RouterModule path from a call: the module\'s controllers under the global prefix, then …', () => {
    const { routes, warnings } = collectRoutes(
      [
        { file: '/ws/src/main.ts', text: "const app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api');\nawait app.listen(3000);\n" },
        { file: '/ws/src/app.module.ts', text: "import { RouterModule } from '@nestjs/core';\n@Module({ imports: [UsersModule, RouterModule.register([{ path: adminBase(), module: UsersModule }])], controllers: [HealthController] })\nexport class AppModule {}\n" },
        { file: '/ws/src/users.module.ts', text: '@Module({ controllers: [UsersController] })\nexport class UsersModule {}\n' },
        { file: '/ws/src/users.controller.ts', text: "@Controller('users')\nexport class UsersController {\n  @Get(':id')\n  one() {}\n}\n" },
        { file: '/ws/src/health.controller.ts', text: "@Controller('health')\nexport class HealthController {\n  @Get()\n  ok() {}\n}\n" },
      ],
      { moduleOf },
    );
    assert.deepEqual(shown(routes), ['GET /api/health', 'GET /api/…/users/:id (prefix unknown)']);
    assert.deepEqual(warnings, [
      `/ws/src/app.module.ts:2: RouterModule path of UsersModule not known statically; its controllers' routes are shown under … and not probed ${TAIL}`,
    ]);
  });

  test('a route under an unknown prefix never stands for the same path at a known one', () => {
    const { routes } = collectRoutes(
      [
        { file: '/ws/src/app.ts', text: "import express from 'express';\nimport users from './users';\nconst app = express();\napp.use('/v1', users);\napp.use(getPrefix(), users);\n" },
        { file: '/ws/src/users.ts', text: USERS },
      ],
      { moduleOf },
    );
    assert.deepEqual(shown(routes), ['GET /v1/users/:id', 'GET /…/users/:id (prefix unknown)']);
  });
});
