import assert from 'node:assert/strict';
import type { RouteDef } from '../../../src/core/model';
import { collectRoutes } from '../helpers/collectText';
import { memFs } from '../helpers/memFs';
import { nodeConfigSettings, packagesAbove } from '../../../src/core/gather/routes';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';

const moduleOf = (): undefined => undefined;
const shown = (routes: RouteDef[]) => routes.map((r) => `${r.method} ${r.path}${r.prefixUnknown ? ' (prefix unknown)' : ''}`);
const USERS = "import { Router } from 'express';\nconst router = Router();\nrouter.get('/users/:id', (req, res) => res.send('x'));\nexport default router;\n";
const TABLE_ROUTER =
  "import Router from '@koa/router';\nexport class TableRouter extends Router {\n  constructor(table) {\n    super({ prefix: '/' + slugOf(table) });\n    this.get('/', list);\n    this.get('/:id', one);\n  }\n}\n";
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

  test('Nest setGlobalPrefix(value not known) in a helper of another file: the controllers\' routes under …, marked, warned of; not at the root', () => {
    const { routes, warnings } = collectRoutes(
      [
        { file: '/ws/src/main.ts', text: "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nimport { setup } from './setup';\nasync function boot() {\n  const app = await NestFactory.create(AppModule);\n  setup(app, app.get(Settings));\n  await app.listen(3000);\n}\nboot();\n" },
        { file: '/ws/src/setup.ts', text: "import { INestApplication } from '@nestjs/common';\nexport function setup(app: INestApplication, settings: Settings): void {\n  app.setGlobalPrefix(settings.routePrefix);\n}\n" },
        { file: '/ws/src/app.module.ts', text: "import { Module } from '@nestjs/common';\nimport { ItemsController } from './items.controller';\n@Module({ controllers: [ItemsController] })\nexport class AppModule {}\n" },
        { file: '/ws/src/items.controller.ts', text: "import { Controller, Get } from '@nestjs/common';\n@Controller('items')\nexport class ItemsController {\n  @Get(':id')\n  one() {}\n}\n" },
      ],
      { moduleOf },
    );
    assert.deepEqual(shown(routes), ['GET /…/items/:id (prefix unknown)']);
    assert.deepEqual(warnings, ['/ws/src/setup.ts:3: setGlobalPrefix argument is not known statically; the routes are shown under … and not probed (set x-runtime-drift.routePrefix)']);
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

  test("a node-config setting naming a path (config.get('server.apiPath')) whose defaults are not read (no config folder given) is a prefix not known: under …, warned of; a project's own settings module is read as before", () => {
    const app = (source: string) =>
      collectRoutes(
        [
          { file: '/ws/src/app.ts', text: `import express from 'express';\nimport config from '${source}';\nimport users from './users';\nconst app = express();\napp.use(config.get('server.apiPath'), users);\napp.listen(3000);\n` },
          { file: '/ws/src/users.ts', text: USERS },
        ],
        { moduleOf },
      );
    const nodeConfig = app('config');
    assert.deepEqual(shown(nodeConfig.routes), ['GET /…/users/:id (prefix unknown)']);
    assert.deepEqual(nodeConfig.warnings, [`/ws/src/app.ts:5: mount prefix not found statically; its routes are shown under … and not probed ${TAIL}`]);
    const own = app('./lib/config');
    assert.deepEqual([shown(own.routes), own.warnings], [['GET /users/:id'], []]);
  });

  test("node-config's defaults (config/default.json, .yaml beside the package depending on it) give the text of config.get with a literal key; a key they do not hold, or one not literal, stays under …, warned of", async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ dependencies: { config: '^3.3.0', express: '^5.0.0' } }),
      '/ws/config/default.json': JSON.stringify({ frontend: { apiPath: 'api/v2' }, server: { apiPath: '/v1', port: 8080 } }),
      '/ws/config/default.yaml': 'server:\n  adminPath: /admin\n',
      '/ws/config/production.json': '{}',
    });
    const text = (use: string) => `import express from 'express';\nimport config from 'config';\nimport users from './users';\nconst app = express();\n${use}\napp.listen(3000);\n`;
    const files = (use: string) => [
      { file: '/ws/src/app.ts', text: text(use) },
      { file: '/ws/src/users.ts', text: USERS },
    ];
    const extracted = files('').map((f) => ({ file: f.file, x: extractRoutesFromSource(f.text, f.file) }));
    const settings = await nodeConfigSettings(fs, packagesAbove(fs, '/ws/src', '/ws'), extracted);
    assert.deepEqual(settings, { 'frontend.apiPath': 'api/v2', 'server.apiPath': '/v1', 'server.port': '8080', 'server.adminPath': '/admin' });
    const read = (use: string) => collectRoutes(files(use), { moduleOf, ...(settings ? { settings } : {}) });
    const known = read("app.use(config.get('server.apiPath'), users);\napp.use(config.get('server.adminPath'), users);");
    assert.deepEqual([shown(known.routes), known.warnings], [['GET /admin/users/:id', 'GET /v1/users/:id'], []]);
    const missing = read("app.use(config.get('server.basePath'), users);");
    assert.deepEqual([shown(missing.routes), missing.warnings], [['GET /…/users/:id (prefix unknown)'], [`/ws/src/app.ts:5: mount prefix not found statically; its routes are shown under … and not probed ${TAIL}`]]);
    // A package that does not depend on node-config reads none.
    const bare = memFs({ '/ws/package.json': '{}', '/ws/config/default.json': '{"a":"/x"}' });
    assert.equal(await nodeConfigSettings(bare, packagesAbove(bare, '/ws/src', '/ws'), extracted), undefined);
  });

  test("a regular expression mount path matching more than a few literal prefixes: a router there is under …, warned of; a package's middleware made there by a call shows nothing", () => {
    const { routes, warnings } = expressWith('/^\\/api\\/v\\d+/');
    assert.deepEqual(shown(routes), ['GET /…/users/:id (prefix unknown)']);
    assert.deepEqual(warnings, [`/ws/src/app.ts:4: mount prefix /^\\/api\\/v\\d+/ is not known statically; the routes mounted there are shown under … and not probed ${TAIL}`]);
    const json = collectRoutes(
      [
        { file: '/ws/src/app.ts', text: "import express from 'express';\nimport users from './users';\nconst app = express();\napp.use(/^(?!\\/internal).*/, express.json({ limit: '10mb' }));\napp.use('/api', users);\n" },
        { file: '/ws/src/users.ts', text: USERS },
      ],
      { moduleOf },
    );
    assert.deepEqual([shown(json.routes), json.warnings], [['GET /api/users/:id'], []]);
  });

  test("a regular expression mount path made of literal characters, groups, alternatives and '?' mounts at each prefix it matches at the path's start; unanchored, only when it may match nothing there", () => {
    assert.deepEqual(shown(expressWith('/(\\/api)?/').routes).sort(), ['GET /api/users/:id', 'GET /users/:id']);
    assert.deepEqual(shown(expressWith('/^\\/(?:api|v2)/i').routes).sort(), ['GET /api/users/:id', 'GET /v2/users/:id']);
    // Unanchored and never empty, Express finds it anywhere in the path: not known.
    const anywhere = expressWith('/\\/api/');
    assert.deepEqual([shown(anywhere.routes), anywhere.warnings.length], [['GET /…/users/:id (prefix unknown)'], 1]);
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

  test('a router class handing its base a prefix not known statically: the routes it declares through this are served under each instance\'s mount, outer prefixes kept', () => {
    const { routes, warnings } = collectRoutes(
      [
        {
          file: '/ws/src/app.ts',
          text: "import Koa from 'koa';\nimport mount from 'koa-mount';\nimport Router from '@koa/router';\nimport catalogRoutes from './catalog';\nconst app = new Koa();\nconst apiRouter = new Router();\ncatalogRoutes(apiRouter);\napp.use(mount('/api', apiRouter.routes()));\n",
        },
        { file: '/ws/src/tableRouter.ts', text: TABLE_ROUTER },
        {
          file: '/ws/src/catalog.ts',
          text: "import { TableRouter } from './tableRouter';\nexport default function catalogRoutes(parentRouter) {\n  const itemsRouter = new TableRouter(itemsTable);\n  itemsRouter.post('/:id/tags', tag);\n  parentRouter.use(itemsRouter.routes());\n}\n",
        },
      ],
      { moduleOf },
    );
    assert.deepEqual(shown(routes), ['GET /api/… (prefix unknown)', 'GET /api/…/:id (prefix unknown)', 'POST /api/…/:id/tags (prefix unknown)']);
    assert.deepEqual(warnings, [
      `/ws/src/tableRouter.ts:4: the prefix class TableRouter hands its base router ('/' + slugOf(table)) is not known statically: its routes and those of its instances are shown under … and not probed ${TAIL}`,
      `/ws/src/catalog.ts:4: itemsRouter is a TableRouter, whose prefix is not known statically: its routes are shown under … and not probed ${TAIL}`,
    ]);
  });

  test('an instance of such a class that declares no route of its own serves the class\'s routes under its mount, with a warning there', () => {
    const { routes, warnings } = collectRoutes(
      [
        {
          file: '/ws/src/app.ts',
          text: "import Koa from 'koa';\nimport mount from 'koa-mount';\nimport { TableRouter } from './tableRouter';\nconst app = new Koa();\nconst tagsRouter = new TableRouter(tagsTable);\napp.use(mount('/v2', tagsRouter.routes()));\n",
        },
        { file: '/ws/src/tableRouter.ts', text: TABLE_ROUTER },
      ],
      { moduleOf },
    );
    assert.deepEqual(shown(routes), ['GET /v2/… (prefix unknown)', 'GET /v2/…/:id (prefix unknown)']);
    assert.deepEqual(warnings.slice(1), [`/ws/src/app.ts:6: tagsRouter is a TableRouter, whose prefix is not known statically: its routes are shown under … and not probed ${TAIL}`]);
  });

  test('Koa: a router prefix imported from a module the scan cannot resolve puts its routes under …, known parts kept, with a warning where the router is made', () => {
    const made = (prefix: string) =>
      collectRoutes(
        [
          {
            file: '/ws/src/app.ts',
            text: `import Koa from 'koa';\nimport Router from '@koa/router';\nimport { API_BASE } from '@acme/settings';\nconst app = new Koa();\nconst router = new Router({ prefix: ${prefix} });\nrouter.get('/users/:id', (ctx) => {});\nrouter.post('/users', (ctx) => {});\napp.use(router.routes());\n`,
          },
        ],
        { moduleOf },
      );
    const plain = made('API_BASE');
    assert.deepEqual(shown(plain.routes), ['POST /…/users (prefix unknown)', 'GET /…/users/:id (prefix unknown)']);
    assert.deepEqual(plain.warnings, [`/ws/src/app.ts:5: the prefix of router is not found statically; its routes are shown under … and not probed ${TAIL}`]);
    assert.deepEqual(shown(made('`${API_BASE}/v1`').routes), ['POST /…/v1/users (prefix unknown)', 'GET /…/v1/users/:id (prefix unknown)']);
  });

  test('@fastify/autoload with a dir not known statically: the plugins below its file that nothing else registers are served under its prefix and … (those wrapped in fastify-plugin on the parent, unprefixed)', () => {
    const { routes, warnings } = collectRoutes(
      [
        {
          file: '/ws/src/app.ts',
          text: "import Fastify from 'fastify';\nimport AutoLoad from '@fastify/autoload';\nimport { join } from 'node:path';\nimport health from './health';\nconst app = Fastify();\napp.register(health);\napp.register(AutoLoad, { dir: join(__dirname, settings.routesDir), options: { prefix: '/api' } });\napp.listen({ port: 3000 });\n",
        },
        { file: '/ws/src/health.ts', text: "export default async function (fastify) {\n  fastify.get('/health', async () => 'ok');\n}\n" },
        { file: '/ws/src/routes/users/index.ts', text: "export default async function (fastify) {\n  fastify.get('/:id', async () => 'x');\n}\n" },
        { file: '/ws/src/routes/status.ts', text: "export const autoPrefix = '/_app';\nexport default async function (f) {\n  f.get('/status', async () => 'ok');\n}\n" },
        { file: '/ws/src/routes/items.js', text: "module.exports = async function (fastify, opts) {\n  fastify.post('/items', async () => 'ok');\n};\n" },
        { file: '/ws/src/routes/orders/index.ts', text: "import fp from 'fastify-plugin';\nexport default fp(async (app) => {\n  app.route({ method: ['GET', 'DELETE'], url: '/orders', handler: async () => 'ok' });\n}, { name: 'orders' });\n" },
        { file: '/ws/src/routes/tags.ts', text: "const tags = async (server, opts) => {\n  server.get('/tags', async () => []);\n};\nexport default tags;\n" },
        // Routes on a router of its own, not on a parameter: not a plugin autoload would load.
        { file: '/ws/src/routes/legacy.ts', text: "import Fastify from 'fastify';\nconst other = Fastify();\nother.get('/legacy', async () => 'x');\n" },
      ],
      { moduleOf },
    );
    assert.deepEqual(shown(routes), [
      // Its own autoPrefix replaces the folder prefix, so nothing of it is unknown.
      'GET /api/_app/status',
      'GET /api/…/:id (prefix unknown)',
      'POST /api/…/items (prefix unknown)',
      'GET /api/…/tags (prefix unknown)',
      'GET /health',
      'GET /legacy',
      // fastify-plugin's fp(): registered on the parent, the prefix ignored (Fastify's pluginOverride skips it)
      'GET /orders',
      'DELETE /orders',
    ]);
    assert.deepEqual(warnings, [`/ws/src/app.ts:7: @fastify/autoload dir is not known statically; the plugins below this file that nothing else registers are shown under /api/… and not probed ${TAIL}`]);
  });

  test('a router mounted from a module under an alias the scan does not know: the one file whose path ends as the import does, under the mount\'s prefix and …', () => {
    const { routes, warnings } = collectRoutes(
      [
        {
          file: '/ws/src/app.ts',
          text: "import express from 'express';\nimport usersRouter from '@server/routes/users';\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\napp.use('/api', usersRouter);\napp.listen(3000);\n",
        },
        { file: '/ws/src/routes/users.ts', text: USERS },
      ],
      { moduleOf },
    );
    assert.deepEqual(shown(routes), ['GET /api/…/users/:id (prefix unknown)', 'GET /health']);
    assert.deepEqual(warnings, [`/ws/src/app.ts:5: mount of usersRouter at /api not resolved; routes/users.ts, whose path ends as its import does, is taken for it: its routes are shown under /api/… and not probed ${TAIL}`]);
  });
});
