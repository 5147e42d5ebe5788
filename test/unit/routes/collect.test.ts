import assert from 'node:assert/strict';
import type { RouteDef } from '../../../src/core/model';
import { collectRoutes, routesAndWarnings } from '../helpers/collectText';

const moduleOf = (file: string): string | undefined => /\/modules\/([^/]+)\//.exec(file)?.[1];
const lines = (routes: RouteDef[]) => routes.map((r) => `${r.method} ${r.path}`);

suite('collectRoutes: NestJS', () => {
  const files = [
    {
      file: '/ws/api/src/main.ts',
      text: "const app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api/v1', { exclude: ['health'] });\nawait app.listen(3000);",
    },
    {
      file: '/ws/api/src/modules/workflow/workflow.controller.ts',
      text: "@Controller('workflows')\nexport class WorkflowController {\n  @Get('steps/definitions')\n  definitions() {}\n  @Post()\n  create() {}\n}",
    },
    { file: '/ws/api/src/health.controller.ts', text: "@Controller('health')\nexport class HealthController {\n  @Get()\n  ok() {}\n}" },
  ];

  test('applies setGlobalPrefix found in source to Nest routes, except excluded paths', () => {
    const { routes, warnings } = collectRoutes(files, { moduleOf });
    assert.deepEqual(lines(routes), ['POST /api/v1/workflows', 'GET /api/v1/workflows/steps/definitions', 'GET /health']);
    assert.deepEqual(warnings, []);
  });

  test('two entries from different root modules, each with its own prefix and exclude list: each controller under the prefixes of the apps whose modules reach it', () => {
    const { routes, warnings } = collectRoutes(
      [
        { file: '/ws/src/main.ts', text: "const app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api', { exclude: ['robots.txt'] });\nawait app.listen(3000);" },
        { file: '/ws/src/collab/collab-main.ts', text: "const app = await NestFactory.create(CollabAppModule);\napp.setGlobalPrefix('api', { exclude: ['/'] });\nawait app.listen(3001);" },
        { file: '/ws/src/app.module.ts', text: '@Module({ imports: [CoreModule, HealthModule], controllers: [AppController] })\nexport class AppModule {}' },
        { file: '/ws/src/core/core.module.ts', text: '@Module({ controllers: [RobotsController, PagesController] })\nexport class CoreModule {}' },
        { file: '/ws/src/collab/collab-app.module.ts', text: '@Module({ imports: [HealthModule], controllers: [AppController] })\nexport class CollabAppModule {}' },
        { file: '/ws/src/health.module.ts', text: '@Module({ controllers: [HealthController] })\nexport class HealthModule {}' },
        { file: '/ws/src/app.controller.ts', text: '@Controller()\nexport class AppController {\n  @Get()\n  hello() {}\n}' },
        { file: '/ws/src/robots.controller.ts', text: "@Controller('robots.txt')\nexport class RobotsController {\n  @Get()\n  txt() {}\n}" },
        { file: '/ws/src/pages.controller.ts', text: "@Controller('pages')\nexport class PagesController {\n  @Post('create')\n  create() {}\n}" },
        { file: '/ws/src/health.controller.ts', text: "@Controller('health')\nexport class HealthController {\n  @Get()\n  ok() {}\n}" },
      ],
      { moduleOf },
    );
    assert.deepEqual(lines(routes), ['GET /', 'GET /api', 'GET /api/health', 'POST /api/pages/create', 'GET /robots.txt']);
    assert.deepEqual(warnings, []);
  });

  test('carries file, line, module and origin', () => {
    const { routes } = collectRoutes(files, { moduleOf });
    assert.deepEqual(
      routes.find((r) => r.path === '/api/v1/workflows/steps/definitions'),
      { method: 'GET', path: '/api/v1/workflows/steps/definitions', file: files[1]?.file, line: 3, module: 'workflow', origin: 'source' },
    );
    assert.equal('module' in (routes.find((r) => r.path === '/health') ?? {}), false);
  });

  test('an exclude list held by a constant, its entries with a method and path parameters or a wildcard rest: only those routes, for those methods, stay outside the prefix', () => {
    const { routes, warnings } = collectRoutes(
      [
        {
          file: '/ws/src/main.ts',
          text: [
            'const KEPT_AT_ROOT: { path: string; method: RequestMethod }[] = [',
            "  { path: '/', method: RequestMethod.GET },",
            "  { path: 'wallet/:walletId/flow/{*path}', method: RequestMethod.ALL },",
            "  { path: 'files/:name', method: RequestMethod.GET },",
            '];',
            'const app = await NestFactory.create(AppModule);',
            "app.setGlobalPrefix('api', { exclude: KEPT_AT_ROOT });",
          ].join('\n'),
        },
        { file: '/ws/src/app.controller.ts', text: "@Controller()\nexport class AppController {\n  @Get()\n  home() {}\n  @Post()\n  ping() {}\n}" },
        {
          file: '/ws/src/flow.controller.ts',
          text: "@Controller('wallet/:walletId')\nexport class FlowController {\n  @Post('flow/start')\n  start() {}\n  @Get('flow/steps/:n')\n  step() {}\n  @Get('settings')\n  settings() {}\n}",
        },
        { file: '/ws/src/files.controller.ts', text: "@Controller('files')\nexport class FilesController {\n  @Get(':name')\n  read() {}\n  @Post(':name')\n  write() {}\n}" },
      ],
      { moduleOf },
    );
    assert.deepEqual(lines(routes).sort(), [
      'GET /',
      'GET /api/wallet/:walletId/settings',
      'GET /files/:name',
      'GET /wallet/:walletId/flow/steps/:n',
      'POST /api',
      'POST /api/files/:name',
      'POST /wallet/:walletId/flow/start',
    ]);
    assert.deepEqual(warnings, []);
  });

  test('a class with no @Module whose static forRoot() returns a dynamic module naming it registers that module\'s controllers', () => {
    const { routes } = collectRoutes(
      [
        { file: '/ws/src/main.ts', text: 'const app = await NestFactory.create(AppModule);\nawait app.listen(3000);' },
        { file: '/ws/src/app.module.ts', text: '@Module({ imports: [KeysModule.forRoot()] })\nexport class AppModule {}' },
        {
          file: '/ws/src/keys/keys.module.ts',
          text: '@Global()\nexport class KeysModule {\n  static forRoot(): DynamicModule {\n    return { module: KeysModule, controllers: [KeysController], providers: [] };\n  }\n}',
        },
        { file: '/ws/src/keys/keys.controller.ts', text: "@Controller('keys')\nexport class KeysController {\n  @Get()\n  list() {}\n}" },
        { file: '/ws/src/keys/spare.controller.ts', text: "@Controller('spare')\nexport class SpareController {\n  @Get()\n  list() {}\n}" },
      ],
      { moduleOf },
    );
    assert.deepEqual(lines(routes), ['GET /keys']);
  });

  test("a global prefix returned by a method of a settings class of another file: the value it returns when the environment variables it tests are unset", () => {
    const settings = {
      file: '/ws/api/src/settings/settings.service.ts',
      text: [
        "import { Injectable } from '@nestjs/common';",
        '@Injectable()',
        'export class SettingsService {',
        '  routePrefix() {',
        '    const mount = process.env.MOUNT_PATH;',
        "    if (mount && mount.length > 0) {",
        "      return mount.substring(1) + '/api';",
        '    } else {',
        "      return 'api';",
        '    }',
        '  }',
        '}',
      ].join('\n'),
    };
    const controller = { file: '/ws/api/src/modules/things/things.controller.ts', text: "@Controller('things')\nexport class ThingsController {\n  @Get(':id')\n  one() {}\n}" };
    const typed = { file: '/ws/api/src/main.ts', text: "import { SettingsService } from './settings/settings.service';\nconst app = await NestFactory.create(AppModule);\nconst settings: SettingsService = app.get(SettingsService);\napp.setGlobalPrefix(settings.routePrefix());\nawait app.listen(3000);" };
    assert.deepEqual(lines(collectRoutes([settings, typed, controller], { moduleOf }).routes), ['GET /api/things/:id']);
    const inferred = { file: '/ws/api/src/main.ts', text: "import { SettingsService } from './settings/settings.service';\nconst app = await NestFactory.create(AppModule);\nconst settings = app.get(SettingsService);\napp.setGlobalPrefix(settings.routePrefix());\nawait app.listen(3000);" };
    assert.deepEqual(lines(collectRoutes([settings, inferred, controller], { moduleOf }).routes), ['GET /api/things/:id']);
    // Without an else: the return after the test of the environment.
    const after = { ...settings, text: settings.text.replace("    } else {\n      return 'api';\n    }", "    }\n    return 'api';") };
    assert.deepEqual(lines(collectRoutes([after, typed, controller], { moduleOf }).routes), ['GET /api/things/:id']);
  });

  test('x-runtime-drift.routePrefix wins over setGlobalPrefix', () => {
    const { routes } = collectRoutes(files, { moduleOf, routePrefix: '/v2/' });
    assert.deepEqual(lines(routes), ['GET /health', 'POST /v2/workflows', 'GET /v2/workflows/steps/definitions']);
  });
});

suite('collectRoutes: NestJS URI versioning', () => {
  const main = (versioning: string) => ({
    file: '/ws/api/src/main.ts',
    text: `const app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api', { exclude: ['health'] });\n${versioning}\nawait app.listen(3000);`,
  });
  const controllers = [
    {
      file: '/ws/api/src/modules/workflow/workflow.controller.ts',
      text: "@Controller('workflows')\nexport class WorkflowController {\n  @Get('steps/definitions')\n  definitions() {}\n  @Version(['1', '2'])\n  @Post('runs')\n  run() {}\n}",
    },
    { file: '/ws/api/src/modules/users/users.controller.ts', text: "@Controller({ path: 'users', version: '2' })\nexport class UsersController {\n  @Get() all() {}\n}" },
    { file: '/ws/api/src/health.controller.ts', text: "@Controller({ path: 'health', version: VERSION_NEUTRAL })\nexport class HealthController {\n  @Get() ok() {}\n}" },
  ];

  test('the version segment goes after the global prefix: the default, the controller\'s or the handler\'s; none for VERSION_NEUTRAL', () => {
    const { routes, warnings } = collectRoutes([main("app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });"), ...controllers], { moduleOf });
    assert.deepEqual([...lines(routes)].sort(), [
      'GET /api/v1/workflows/steps/definitions',
      'GET /api/v2/users',
      'GET /health',
      'POST /api/v1/workflows/runs',
      'POST /api/v2/workflows/runs',
    ]);
    assert.deepEqual(warnings, []);
  });

  test("a default version computed from a literal: String(major('2.0.0')) of semver, named or through its namespace, is '2'", () => {
    const versioning = "import { major } from 'semver';\napp.enableVersioning({ type: VersioningType.URI, defaultVersion: String(major('2.0.0', { loose: false })) });";
    const { routes, warnings } = collectRoutes([main(versioning), ...controllers], { moduleOf });
    assert.ok(lines(routes).includes('GET /api/v2/workflows/steps/definitions'), lines(routes).join(', '));
    assert.deepEqual(warnings, []);
    const namespaced = "import * as semver from 'semver';\napp.enableVersioning({ type: VersioningType.URI, defaultVersion: `${semver.minor('1.4.0')}` });";
    assert.ok(lines(collectRoutes([main(namespaced), ...controllers], { moduleOf }).routes).includes('GET /api/v4/workflows/steps/definitions'));
    // Another package's major() is not known.
    const other = "import { major } from './versions';\napp.enableVersioning({ type: VersioningType.URI, defaultVersion: String(major('2.0.0')) });";
    assert.ok(lines(collectRoutes([main(other), ...controllers], { moduleOf }).routes).includes('GET /api/workflows/steps/definitions'));
  });

  test('a versioned route whose path is excluded from the global prefix keeps its version segment: Nest matches the exclude list without it', () => {
    const status = { file: '/ws/api/src/status.controller.ts', text: "@Controller()\nexport class StatusController {\n  @Get('health')\n  ok() {}\n  @Version('2')\n  @Get('health/deep')\n  deep() {}\n}" };
    const { routes } = collectRoutes([main("app.enableVersioning({ type: VersioningType.URI, defaultVersion: ['1', VERSION_NEUTRAL] });"), status], { moduleOf });
    assert.deepEqual([...lines(routes)].sort(), ['GET /api/v2/health/deep', 'GET /health', 'GET /v1/health']);
  });

  test("a prefix of its own, or none; without a default version a route with none has no segment", () => {
    const { routes } = collectRoutes([main("app.enableVersioning({ prefix: 'version-' });"), ...controllers], { moduleOf });
    assert.deepEqual([...lines(routes)].sort(), [
      'GET /api/version-2/users',
      'GET /api/workflows/steps/definitions',
      'GET /health',
      'POST /api/version-1/workflows/runs',
      'POST /api/version-2/workflows/runs',
    ]);
    const bare = collectRoutes([main("app.enableVersioning({ prefix: false, defaultVersion: '3' });"), ...controllers], { moduleOf });
    assert.ok(lines(bare.routes).includes('GET /api/3/workflows/steps/definitions'), lines(bare.routes).join(', '));
  });

  test('without URI versioning (not enabled, or by header) versions are not in the path; x-runtime-drift.routePrefix stands for prefix and version', () => {
    const plain = [
      'GET /api/users',
      'GET /api/workflows/steps/definitions',
      'GET /health',
      'POST /api/workflows/runs',
    ];
    assert.deepEqual([...lines(collectRoutes([main(''), ...controllers], { moduleOf }).routes)].sort(), plain);
    assert.deepEqual(
      [...lines(collectRoutes([main("app.enableVersioning({ type: VersioningType.HEADER, header: 'X-Version' });"), ...controllers], { moduleOf }).routes)].sort(),
      plain,
    );
    const configured = collectRoutes([main("app.enableVersioning({ defaultVersion: '1' });"), ...controllers], { moduleOf, routePrefix: '/api/v1' });
    assert.deepEqual([...lines(configured.routes)].sort(), ['GET /api/v1/users', 'GET /api/v1/workflows/steps/definitions', 'GET /health', 'POST /api/v1/workflows/runs']);
  });

  test('a prefix built on a run-time value (`${CONTEXT_PATH}v`, CONTEXT_PATH read from the environment by a function): its literal part kept, the rest left out, with a warning', () => {
    const config = { file: '/ws/api/src/config.ts', text: "import { getContextPath } from '@acme/shared';\nexport const CONTEXT_PATH = getContextPath('api');" };
    const api = {
      file: '/ws/api/src/main.ts',
      text: "import { CONTEXT_PATH } from './config';\nconst app = await NestFactory.create(AppModule);\napp.enableVersioning({ type: VersioningType.URI, prefix: `${CONTEXT_PATH}v`, defaultVersion: '1' });\nawait app.listen(3000);",
    };
    const { routes, warnings } = collectRoutes([config, api, ...controllers], { moduleOf });
    assert.deepEqual([...lines(routes)].sort(), ['GET /health', 'GET /v1/workflows/steps/definitions', 'GET /v2/users', 'POST /v1/workflows/runs', 'POST /v2/workflows/runs']);
    assert.deepEqual(warnings, ['/ws/api/src/main.ts:3: enableVersioning prefix only partly found statically: the parts not found are left out, prefix taken as v (set x-runtime-drift.routePrefix)']);
    const worker = { file: '/ws/api/src/main.ts', text: "import { CONTEXT_PATH } from './config';\nconst app = await NestFactory.create(AppModule);\napp.setGlobalPrefix(`${CONTEXT_PATH}v1`);\nawait app.listen(3000);" };
    assert.deepEqual(lines(collectRoutes([config, worker, controllers[2]!], { moduleOf }).routes), ['GET /v1/health']);
  });
});

suite('collectRoutes: Express mounts', () => {
  const app = {
    file: '/ws/web/src/app.ts',
    text: [
      "import express from 'express';",
      "import usersRouter from './routes/users.js';",
      "import { adminRouter } from './routes/admin';",
      'const app = express();',
      "app.use('/users', usersRouter);",
      "app.use('/api', require('./routes/api'));",
      "app.use('/orphans', orphanRouter);",
      "app.get('/', home);",
    ].join('\n'),
  };
  const users = {
    file: '/ws/web/src/routes/users.ts',
    text: "const router = Router();\nrouter.get('/', list);\nrouter.get('/:id', show);\nexport default router;",
  };
  const api = {
    file: '/ws/web/src/routes/api/index.js',
    text: "const r = express.Router();\nr.use('/admin', adminRouter);\nr.post('/login', login);\nmodule.exports = r;",
  };
  const admin = {
    file: '/ws/web/src/routes/admin.ts',
    text: "export const adminRouter = Router();\nadminRouter.delete('/cache', clear);",
  };

  test('prefixes follow default imports, .js specifiers for .ts files, index files and nested mounts', () => {
    const { routes } = collectRoutes([app, users, api, admin], { moduleOf });
    assert.deepEqual(lines(routes), ['GET /', 'DELETE /api/admin/cache', 'POST /api/login', 'GET /users', 'GET /users/:id']);
    assert.equal(routes.find((r) => r.path === '/users/:id')?.file, users.file);
  });

  test('an Express router a file exports that no file imports and nothing mounts serves nothing (its mount commented out)', () => {
    const server = {
      file: '/ws/w/server.js',
      text: [
        "const express = require('express');",
        "const authRouter = require('./routes/auth');",
        "// const webhooksRouter = require('./routes/webhooks');",
        'const app = express();',
        "app.use('/auth', authRouter);",
        "// app.use('/webhooks', webhooksRouter);",
        "app.get('/health', ok);",
        'app.listen(3000);',
      ].join('\n'),
    };
    const auth = { file: '/ws/w/routes/auth.js', text: "const express = require('express');\nconst router = express.Router();\nrouter.post('/login', login);\nmodule.exports = router;" };
    const hooks = { file: '/ws/w/routes/webhooks.js', text: "const { Router } = require('express');\nconst router = Router();\nrouter.get('/', list);\nrouter.post('/:id/test', test);\nmodule.exports = { router };" };
    assert.deepEqual(lines(collectRoutes([server, auth, hooks], { moduleOf }).routes), ['POST /auth/login', 'GET /health']);
  });

  test("an Express router a file's function makes and returns serves nothing when no file imports that file; imported and mounted, it serves", () => {
    const server = {
      file: '/ws/f/server.ts',
      text: ["import express from 'express';", "import { ordersRouter } from './routers/orders';", 'const app = express();', "app.use('/orders', ordersRouter());", 'app.listen(3000);'].join('\n'),
    };
    // The handler hands a value it made to an imported function (read as a possible mount helper call: the file is no plain route function file).
    const factory = (name: string, path: string) =>
      `import express from 'express';\nimport { readToken, verify } from '../auth';\nexport function ${name}() {\n  const router = express.Router();\n  router.post('${path}', async (req, res) => {\n    const token = readToken(req);\n    await verify(token);\n    res.sendStatus(204);\n  });\n  return router;\n}\n`;
    const orders = { file: '/ws/f/routers/orders.ts', text: factory('ordersRouter', '/:id/refund') };
    const left = { file: '/ws/f/routers/profile.ts', text: factory('profileRouter', '/email') };
    assert.deepEqual(lines(collectRoutes([server, orders, left], { moduleOf }).routes), ['POST /orders/:id/refund']);
  });

  test("a module's exported function called on the module (`await campaigns.getRouter(kind)` of a required module, `admin.makeRouter()` of a namespace import) mounts the router it makes and returns, under the mount's prefix", () => {
    const server = {
      file: '/ws/g/server.js',
      text: [
        "const express = require('express');",
        "const campaigns = require('./routes/campaigns');",
        "import * as admin from './routes/admin';",
        'async function createApp(kind) {',
        '  const app = express();',
        "  app.use('/cpgs', await campaigns.getRouter(kind));",
        "  app.use('/admin', admin.makeRouter());",
        "  app.use('/limits', campaigns.limiter({ max: 5 }));",
        '  return app;',
        '}',
        'createApp(1).then((app) => app.listen(3000));',
      ].join('\n'),
    };
    const campaigns = {
      file: '/ws/g/routes/campaigns.js',
      text: "const express = require('express');\nasync function getRouter(kind) {\n  const router = express.Router();\n  if (kind === 1) router.get('/preview/:id', (req, res) => res.send('x'));\n  return router;\n}\nfunction limiter(opts) {\n  return (req, res, next) => next();\n}\nmodule.exports.getRouter = getRouter;\nmodule.exports.limiter = limiter;\n",
    };
    const admin = { file: '/ws/g/routes/admin.ts', text: "import { Router } from 'express';\nexport function makeRouter() {\n  const r = Router();\n  r.post('/reindex', (req, res) => res.sendStatus(202));\n  return r;\n}\n" };
    assert.deepEqual(lines(collectRoutes([server, campaigns, admin], { moduleOf }).routes).sort(), ['GET /cpgs/preview/:id', 'POST /admin/reindex']);
  });

  test('a router file a folder loader may hand to a mount by its name (ctrl.auth for controllers/auth.js) is still served', () => {
    const master = { file: '/ws/w/master.js', text: "const express = require('express');\nconst autoload = require('auto-load');\nconst ctrl = autoload(path.join(__dirname, 'controllers'));\nconst app = express();\napp.use('/', ctrl.auth);" };
    const auth = { file: '/ws/w/controllers/auth.js', text: "const express = require('express');\nconst router = express.Router();\nrouter.get('/login', login);\nmodule.exports = router;" };
    assert.deepEqual(lines(collectRoutes([master, auth], { moduleOf }).routes), ['GET /login']);
  });

  test('a router mounted by variable name declared in another file (no import) is matched by name', () => {
    const main = { file: '/ws/s/main.js', text: "const app = express();\napp.use('/shop', shopRouter);" };
    const shop = { file: '/ws/s/shop.js', text: "shopRouter.get('/cart', cart);" };
    assert.deepEqual(lines(collectRoutes([main, shop], { moduleOf }).routes), ['GET /shop/cart']);
  });

  test("a call of this file's function that returns a handler (every return a function literal) mounts no router: nothing to resolve, no warning; one that returns anything else still warns", () => {
    const text = (body: string) =>
      `const express = require('express');\nconst router = express.Router();\nfunction createRouteHandler(pick) {\n${body}\n}\nrouter.use('/files/*', createRouteHandler((req) => req.user.dir));\nrouter.get('/ping', (req, res) => res.send('pong'));\nmodule.exports = router;\n`;
    const handler = { file: '/ws/h/files.js', text: text('  return async (req, res) => {\n    if (!req.params[0]) return res.sendStatus(404);\n    return res.sendFile(req.params[0], { root: pick(req) });\n  };') };
    const made = collectRoutes([handler], { moduleOf });
    assert.deepEqual(lines(made.routes), ['GET /ping']);
    assert.deepEqual(made.warnings, []);
    // the same name returning what another call made may be a router: still warned of
    const unknown = { file: '/ws/h/files.js', text: text('  return build(pick);') };
    assert.deepEqual(collectRoutes([unknown], { moduleOf }).warnings, ['/ws/h/files.js:6: mount of createRouteHandler() at /files/* not resolved; its routes stay unprefixed (list them in x-runtime-drift.routes)']);
  });

  test('an unresolvable mount leaves routes unprefixed and says so', () => {
    const { warnings } = collectRoutes([app, users, api, admin], { moduleOf });
    assert.deepEqual(warnings, ['/ws/web/src/app.ts:7: mount of orphanRouter at /orphans not resolved; its routes stay unprefixed (list them in x-runtime-drift.routes)']);
    const lonely = { file: '/ws/x/r.ts', text: "import usersRouter from './missing';\nconst app = express();\napp.use('/m', usersRouter);\nusersRouter.get('/x', h);" };
    assert.deepEqual(lines(collectRoutes([lonely], { moduleOf }).routes), ['GET /x']);
  });

  test('a fastify plugin registered with a prefix gets it, whatever its parameter is called', () => {
    const server = { file: '/ws/f/server.ts', text: "import users from './users';\nconst app = Fastify();\napp.register(users, { prefix: '/users' });" };
    const plugin = { file: '/ws/f/users.ts', text: "export default async function (fastify) {\n  fastify.get('/:id', show);\n}" };
    assert.deepEqual(lines(collectRoutes([server, plugin], { moduleOf }).routes), ['GET /users/:id']);
  });

  test('fastify plugins held in an exported object (`register(shop.orders, { prefix })`) or under an exported alias are those plugins, each under its prefix', () => {
    const registering = [
      "import { shop } from './shop/shop.plugins';",
      "import { admin, billing } from './billing';",
      'const app = Fastify();',
      "app.register(shop.orders, { prefix: '/shop/orders' });",
      "app.register(shop.carts, { prefix: '/shop/carts' });",
      "app.register(billing, { prefix: '/billing' });",
      "app.register(admin, { prefix: '/admin' });",
    ];
    const { routes } = routesAndWarnings({
      '/ws/f/server.ts': registering.join('\n'),
      '/ws/f/shop/shop.plugins.ts':
        "import { cartPlugin } from './carts';\nconst ordersPlugin = async (fastify) => {\n  await fastify.register(async (scoped) => {\n    scoped.get('/:id', h);\n  });\n};\nexport const shop = { orders: ordersPlugin, carts: cartPlugin };",
      '/ws/f/shop/carts.ts': "export const cartPlugin = async (fastify) => {\n  fastify.post('/', h);\n};",
      '/ws/f/billing.ts': "const invoices = async (fastify) => {\n  fastify.get('/invoices', h);\n};\nconst refunds = async (fastify) => {\n  fastify.post('/refunds', h);\n};\nexport const admin = refunds;\nexport const billing = invoices;",
    });
    assert.deepEqual(routes, ['GET /billing/invoices', 'GET /shop/orders/:id', 'POST /admin/refunds', 'POST /shop/carts']);
  });

  test('a mount prefix built from a member of a namespace another module passes on (`export * as limits from`, behind `export *`) is known', () => {
    const mounting = [
      "import express from 'express';",
      "import { limits, shared } from '../shared';",
      'const app = express();',
      'const api = express.Router();',
      "api.get('/health', h);",
      'app.use(`/api/v${limits.API_LEVEL}`, api);',
      'app.use(`/${shared.SHARED_ROOT}`, api);',
      'app.listen(3000);',
    ];
    const { routes, warnings } = routesAndWarnings({
      '/ws/n/server/app.ts': mounting.join('\n'),
      '/ws/n/shared/index.ts': "export * from './values';\nimport * as shared from './names';\nexport { shared };\n",
      '/ws/n/shared/values.ts': "export const UNRELATED = 'x';\nexport * as limits from './limits';\n",
      '/ws/n/shared/limits.ts': 'const API_LEVEL = 2;\nexport { API_LEVEL };\n',
      '/ws/n/shared/names.ts': "export const SHARED_ROOT = 'common';\n",
    });
    assert.deepEqual(routes, ['GET /api/v2/health', 'GET /common/health']);
    assert.deepEqual(warnings, []);
  });

  test("a fastify plugin's routes on `fastify.withTypeProvider<T>()` held in a variable of any name are the plugin's own", () => {
    const server = { file: '/ws/f/server.ts', text: "import client from './client';\nconst app = Fastify();\napp.register(client, { prefix: '/api/client' });" };
    const plugin = {
      file: '/ws/f/client.ts',
      text: "import type { FastifyInstance } from 'fastify';\nconst clientRoutes = async (fastify: FastifyInstance) => {\n  const typed = fastify.withTypeProvider<ZodTypeProvider>();\n  typed.get('/settings', { schema: {} }, async () => ({}));\n  typed.patch('/settings', { schema: {} }, async () => ({}));\n};\nexport default clientRoutes;",
    };
    assert.deepEqual(lines(collectRoutes([server, plugin], { moduleOf }).routes), ['GET /api/client/settings', 'PATCH /api/client/settings']);
  });

  test('a router renamed in a route function (`const api = (router as R).use(mw)`) is the router passed in', () => {
    const app = { file: '/ws/k/app.ts', text: "import experienceRoutes from './experience';\nconst router = new Router();\nexperienceRoutes(router);\nconst app = new Koa();\napp.use(mount('/api', router.routes()));" };
    const routes = {
      file: '/ws/k/experience.ts',
      text: "export default function experienceRoutes(...[anonymousRouter, tenant]) {\n  const experience = (anonymousRouter as Router<X>).use(koaDetails(tenant));\n  experience.put('/experience', h);\n  const plain = anonymousRouter;\n  plain.post('/plain', h);\n}",
    };
    assert.deepEqual(lines(collectRoutes([app, routes], { moduleOf }).routes), ['PUT /api/experience', 'POST /api/plain']);
  });

  test("a router a file makes and mounts is its own, not another file's router of the same name", () => {
    const app = { file: '/ws/k/app.ts', text: "import apiRoutes from './api';\nconst apiRouter = new Router();\napiRoutes(apiRouter);\nconst app = new Koa();\napp.use(mount('/api', apiRouter.routes()));" };
    const routes = { file: '/ws/k/api.ts', text: "export default function apiRoutes(apiRouter) {\n  apiRouter.get('/status', h);\n}" };
    // A test helper's own empty router of the same name, mounted at the root.
    const helper = { file: '/ws/k/utils/requester.ts', text: "export function createRequester(routes) {\n  const app = new Koa();\n  const apiRouter = new Router();\n  for (const route of routes) route(apiRouter);\n  app.use(apiRouter.routes());\n}" };
    assert.deepEqual(lines(collectRoutes([app, routes, helper], { moduleOf }).routes), ['GET /api/status']);
    // A router of a class the scan does not take for a factory, declared here and mounted under /api.
    const entities = {
      file: '/ws/k/entities.ts',
      text: "import SchemaRouter from './SchemaRouter';\nexport default function entityRoutes(originalRouter) {\n  const apiRouter = new SchemaRouter(Entities);\n  originalRouter.use(apiRouter.routes());\n}",
    };
    const wiring = { file: '/ws/k/wiring.ts', text: "import entityRoutes from './entities';\nconst managementRouter = new Router();\nentityRoutes(managementRouter);\nconst app = new Koa();\napp.use(mount('/v2', managementRouter.routes()));" };
    assert.deepEqual(lines(collectRoutes([app, routes, entities, wiring], { moduleOf }).routes), ['GET /api/status']);
  });

  test("a function handed a router whose parameter has another function's router's name (logRouters(router)) declares nothing: that router keeps its own mounts", () => {
    const app = {
      file: '/ws/k/router.ts',
      text:
        'function logRouters(router: Router) {\n  router.stack.forEach((r) => console.log(r.path));\n}\n' +
        "export function registerApp() {\n  const app = new Koa();\n  const router = new Router();\n  router.get('/ask', h);\n  const admin = new Router({ prefix: '/admin' });\n  admin.get('/stats', h);\n  app.use(admin.routes());\n  logRouters(admin);\n  app.use(router.routes());\n  logRouters(router);\n}",
    };
    assert.deepEqual(lines(collectRoutes([app], { moduleOf }).routes), ['GET /admin/stats', 'GET /ask']);
  });

  test("a router handed to a method of a value of no known class (chat.dynamicRouter(router) in a loop) mounts that method's parameter in each class of the scan declaring routes on it", () => {
    const app = {
      file: '/ws/k/router.ts',
      text: "import { models } from './models';\nconst app = new Koa();\nmodels.forEach((chat, site) => {\n  const dynamic = new Router({ prefix: '/dynamic' });\n  if (chat.dynamicRouter(dynamic)) app.use(dynamic.routes());\n});",
    };
    const suno = { file: '/ws/k/models/suno.ts', text: "export class Suno extends Base {\n  dynamicRouter(router: Router) {\n    router.post('/generate', h);\n    return true;\n  }\n}" };
    const flux = { file: '/ws/k/models/flux.ts', text: "export class Flux extends Base {\n  dynamicRouter(router: Router) {\n    router.get('/result', h);\n    return true;\n  }\n}" };
    assert.deepEqual(lines(collectRoutes([app, suno, flux], { moduleOf }).routes), ['POST /dynamic/generate', 'GET /dynamic/result']);
  });

  test('two functions of one file each making a router of the same name: each router keeps its own routes and mounts', () => {
    const apis = {
      file: '/ws/k/init.ts',
      text:
        "import statusRoutes from './status';\nimport webauthnRoutes from './webauthn';\n" +
        'export function initApis() {\n  const apisApp = new Koa();\n  const anonymousRouter = new Router();\n  statusRoutes(anonymousRouter);\n  apisApp.use(anonymousRouter.routes());\n  return apisApp;\n}\n' +
        'export function initWellKnown() {\n  const wellKnownApp = new Koa();\n  const anonymousRouter = new Router();\n  webauthnRoutes(anonymousRouter);\n  wellKnownApp.use(anonymousRouter.routes());\n  return wellKnownApp;\n}',
    };
    const app = { file: '/ws/k/app.ts', text: "import { initApis, initWellKnown } from './init';\nconst app = new Koa();\napp.use(mount('/api', initApis()));\napp.use(mount('/.well-known', initWellKnown()));" };
    const status = { file: '/ws/k/status.ts', text: "export default function statusRoutes(router) {\n  router.get('/status', h);\n}" };
    const webauthn = { file: '/ws/k/webauthn.ts', text: "export default function webauthnRoutes(router) {\n  router.get('/webauthn', h);\n}" };
    assert.deepEqual(lines(collectRoutes([apis, app, status, webauthn], { moduleOf }).routes), ['GET /.well-known/webauthn', 'GET /api/status']);
  });

  test("routes chained after an app's settings (`app.set('env', 'production').disable('x-powered-by').get('/', h)`: set returns the app) and routes of a static method given the app under the parameter name `express` (with a TypeScript `this: void` parameter first)", () => {
    const server = {
      file: '/ws/srv/server.ts',
      text: [
        "import express from 'express';",
        "import Uploads from './uploads';",
        'const app = express();',
        "app.set('env', 'production')",
        "  .disable('x-powered-by')",
        '  .use(logRequests)',
        "  .get('/', index)",
        "  .get('/sw.js', index)",
        "  .use('/files/', express.static('/tmp'));",
        'Uploads.attach(app);',
        'app.listen(9000);',
      ].join('\n'),
    };
    const uploads = {
      file: '/ws/srv/uploads.ts',
      text: [
        'class Uploads {',
        '  static attach(this: void, express: any) {',
        "    express.get('/uploads/:name', Uploads.get);",
        "    express.post('/uploads/new/:token', Uploads.post);",
        '  }',
        '  static get(this: void, req: any, res: any) { res.end(); }',
        '  static post(this: void, req: any, res: any) { res.end(); }',
        '}',
        'export default Uploads;',
      ].join('\n'),
    };
    assert.deepEqual(lines(collectRoutes([server, uploads], { moduleOf }).routes), ['GET /', 'GET /sw.js', 'GET /uploads/:name', 'POST /uploads/new/:token']);
    // A Map's set is no app's: its chain registers nothing.
    const cache = { file: '/ws/srv/cache.ts', text: "const seen = new Map();\nseen.set('a', 1).get('/x', index);" };
    assert.deepEqual(lines(collectRoutes([cache], { moduleOf }).routes), []);
  });
});

suite('collectRoutes: a function of the project named router', () => {
  test('router(config) of an imported module of the project is its function, which makes the router it returns, not a library factory', () => {
    const router = { file: '/ws/m/lib/router.js', text: "import express from 'express';\nconst router = async function (config) {\n  const appRouter = express.Router();\n  appRouter.get('/db/:database', h);\n  return appRouter;\n};\nexport default router;" };
    const middleware = { file: '/ws/m/lib/middleware.js', text: "import express from 'express';\nimport router from './router.js';\nconst middleware = async function (config) {\n  const app = express();\n  app.use('/', await router(config));\n  return app;\n};\nexport default middleware;" };
    const app = { file: '/ws/m/app.js', text: "import express from 'express';\nimport middleware from './lib/middleware.js';\nconst app = express();\napp.use('/admin', await middleware({}));\napp.listen(8081);" };
    // From the started file, as the check joins them: the router is reached through both factories.
    assert.deepEqual(lines(collectRoutes([router, middleware, app], { moduleOf, entry: '/ws/m/app.js' }).routes), ['GET /admin/db/:database']);
    // A router factory of a library named router is still one: koa-router's default export.
    const koa = { file: '/ws/k/app.js', text: "import router from 'koa-router';\nconst r = router({ prefix: '/api' });\nr.get('/x', h);\napp.use(r.routes());" };
    assert.deepEqual(lines(collectRoutes([koa], { moduleOf }).routes), ['GET /api/x']);
  });
});

suite('collectRoutes: the routes a started file serves', () => {
  const imports = "import Fastify from 'fastify';\nimport { startApiServer } from './api/init.js';\nimport { startEventServer } from './events/server.js';\n";
  const started = '/ws/s/src/index.ts';
  const init = { file: '/ws/s/src/api/init.ts', text: "import { TxRoutes } from './routes/tx.js';\nexport async function startApiServer() {\n  const fastify = Fastify();\n  await fastify.register(TxRoutes, { prefix: '/extended/v1/tx' });\n  await fastify.listen({ port: 3999 });\n}" };
  const tx = { file: '/ws/s/src/api/routes/tx.ts', text: "export const TxRoutes = async (fastify) => {\n  fastify.get('/:tx_id', h);\n};" };
  const events = { file: '/ws/s/src/events/server.ts', text: "export async function startEventServer() {\n  const app = Fastify();\n  app.post('/new_block', h);\n  await app.listen({ port: 3700 });\n}" };
  const other = { file: '/ws/s/src/worker/main.ts', text: "const app = Fastify();\napp.get('/worker/health', h);\napp.listen({ port: 4000 });" };

  test('a started file with a route of its own that calls the servers of files it imports serves their routes too, not those of a file it does not import', () => {
    const index = { file: started, text: imports + "await startApiServer();\nawait startEventServer();\nconst prom = Fastify();\nprom.route({ url: '/metrics', method: 'GET', handler: h });\nawait prom.listen({ port: 9153 });" };
    assert.deepEqual(lines(collectRoutes([index, init, tx, events, other], { moduleOf, entry: started }).routes), ['GET /extended/v1/tx/:tx_id', 'GET /metrics', 'POST /new_block']);
  });

  test('a started file declaring no route (it calls a bootstrap function of a file it imports) serves the routes its imports reach across files, not a second server of the same tree', () => {
    const index = { file: started, text: "import { bootstrap } from './boot.js';\nbootstrap().catch(console.error);" };
    const boot = { file: '/ws/s/src/boot.ts', text: "import { startApiServer } from './api/init.js';\nexport const bootstrap = async () => {\n  await startApiServer();\n};\nexport const BOOT_NAME = 'api';" };
    assert.deepEqual(lines(collectRoutes([index, boot, init, tx, events, other], { moduleOf, entry: started }).routes), ['GET /extended/v1/tx/:tx_id']);
    // Its imports reaching no route (a server loaded through a file the scan does not hold): every file serves.
    const lone = { file: started, text: "import { BOOT_NAME } from './name.js';\nrequire(`./${BOOT_NAME}`).start();" };
    assert.deepEqual(lines(collectRoutes([lone, init, tx, events, other], { moduleOf, entry: started }).routes).sort(), ['GET /extended/v1/tx/:tx_id', 'GET /worker/health', 'POST /new_block']);
  });

  test("a program of the image other than its server (a worker another service's build makes the image for) serves only what its file reaches: none when it reaches no route", () => {
    const worker = { file: started, text: "import { BOOT_NAME } from './name.js';\nsetInterval(() => console.log(BOOT_NAME), 1000);" };
    assert.deepEqual(lines(collectRoutes([worker, init, tx, events, other], { moduleOf, entry: started, entryOnly: true }).routes), []);
    assert.equal(collectRoutes([worker, init, tx, events, other], { moduleOf, entry: started }).routes.length, 3, 'an entry of the image\'s own server reaching no route: every file serves');
    // Not even scanned (no route token in it): the same.
    assert.deepEqual(lines(collectRoutes([init, tx, events, other], { moduleOf, entry: started, entryOnly: true }).routes), []);
    const serving = { file: started, text: "import { startApiServer } from './api/init.js';\nawait startApiServer();" };
    assert.deepEqual(lines(collectRoutes([serving, init, tx, events, other], { moduleOf, entry: started, entryOnly: true }).routes), ['GET /extended/v1/tx/:tx_id']);
  });

  test('a second server made and listened in a function of a module that a served module calls (not the started file) serves its routes too, not one listening nowhere', () => {
    const main = { file: '/ws/g/src/main.js', text: "import express from 'express';\nimport { boot } from './core/shop.js';\nconst app = express();\nboot(express, app);" };
    const shop = { file: '/ws/g/src/core/shop.js', text: "import { openStatusPort } from './status.js';\nimport { helper } from './unmounted.js';\nexport const boot = (express, app) => {\n  app.get('/cart', h);\n  openStatusPort();\n  app.listen(3000);\n};" };
    const status = { file: '/ws/g/src/core/status.js', text: "import express from 'express';\nexport const openStatusPort = () => {\n  const side = express();\n  side.get('/status/ping', h);\n  const server = side.listen({ port: 0, host: '127.0.0.1' });\n};" };
    const unmounted = { file: '/ws/g/src/core/unmounted.js', text: "import express from 'express';\nexport const helper = 1;\nexport const spare = express.Router();\nspare.get('/spare', h);" };
    const worker = { file: '/ws/g/src/worker.js', text: "import express from 'express';\nconst w = express();\nw.get('/worker/health', h);\nw.listen(4000);" };
    const files = [main, shop, status, unmounted, worker];
    assert.deepEqual(lines(collectRoutes(files, { moduleOf, entry: main.file }).routes).sort(), ['GET /cart', 'GET /status/ping']);
    // Started from the file calling it directly: the same servers.
    const direct = { file: main.file, text: "import express from 'express';\nimport { openStatusPort } from './core/status.js';\nconst app = express();\napp.get('/cart', h);\nopenStatusPort();\napp.listen(3000);" };
    assert.deepEqual(lines(collectRoutes([direct, status, unmounted, worker], { moduleOf, entry: main.file }).routes).sort(), ['GET /cart', 'GET /status/ping']);
  });

  test('what the scan could not read in a file the started file never loads is no warning of the service (a worker is not warned of the api\'s mounts)', () => {
    const admin = { file: '/ws/s/src/admin/server.ts', text: "const app = Fastify();\napp.get(`/admin/${process.env.ADMIN_KEY}/queues`, h);\napp.listen({ port: 4100 });" };
    const worker = { file: started, text: "import { BOOT_NAME } from './name.js';\nsetInterval(() => console.log(BOOT_NAME), 1000);" };
    const serving = { file: started, text: "import { startApiServer } from './api/init.js';\nawait startApiServer();" };
    const adminWarnings = (files: { file: string; text: string }[], opts: { entry?: string; entryOnly?: true }) => collectRoutes(files, { moduleOf, ...opts }).warnings.filter((w) => w.startsWith(admin.file));
    assert.equal(adminWarnings([worker, init, tx, admin], { entry: started, entryOnly: true }).length, 0);
    assert.equal(adminWarnings([serving, init, tx, admin], { entry: started }).length, 0);
    // Read from no started file (every file serves), or from the admin server itself: warned.
    assert.equal(adminWarnings([serving, init, tx, admin], {}).length, 1);
    assert.equal(adminWarnings([serving, init, tx, admin], { entry: admin.file }).length, 1);
  });
});

suite('collectRoutes: router files gathered by a module the started file imports', () => {
  test("a started file registering each export of a gathering module in a loop (`_.each(require('./api'), (register) => register(app))`) serves the router files that module imports, not others", () => {
    const index = { file: '/ws/c/server/index.js', text: "const express = require('express');\nconst routes = require('./api');\nconst app = express();\napp.get('/', h);\nfor (const register of Object.values(routes)) register(app);\napp.listen(4019);" };
    const gather = { file: '/ws/c/server/api/index.js', text: "const team = require('./TeamRoute');\nconst user = require('./UserRoute');\nmodule.exports = { team, user };" };
    const team = { file: '/ws/c/server/api/TeamRoute.js', text: "module.exports = (app) => {\n  app.get('/team/:id', h);\n};" };
    const user = { file: '/ws/c/server/api/UserRoute.js', text: "module.exports = (app) => {\n  app.post('/user', h);\n};" };
    const other = { file: '/ws/c/server/worker.js', text: "const app = require('express')();\napp.get('/worker/health', h);\napp.listen(4100);" };
    assert.deepEqual(lines(collectRoutes([index, gather, team, user, other], { moduleOf, entry: '/ws/c/server/index.js' }).routes).sort(), ['GET /', 'GET /team/:id', 'POST /user']);
  });
});

suite('collectRoutes: a second server started by the bootstrap the started file calls', () => {
  test("the started file calls a bootstrap of another file (`initServer()`), which starts a metrics server it imports besides its own: both servers' routes, not a worker's", () => {
    const index = { file: '/ws/e/src/index.ts', text: "import { initServer } from './server';\nif (process.env.MODE !== 'worker') initServer();" };
    const server = {
      file: '/ws/e/src/server/index.ts',
      text: "import fastify from 'fastify';\nimport { metricsServer } from '../utils/metrics';\nexport const initServer = async () => {\n  const app = fastify();\n  app.get('/health', h);\n  if (config.metrics) metricsServer.listen({ port: 4001 });\n  app.listen({ port: 3005 });\n};",
    };
    const metrics = { file: '/ws/e/src/utils/metrics.ts', text: "import fastify from 'fastify';\nexport const metricsServer = fastify();\nmetricsServer.get('/metrics', h);" };
    const worker = { file: '/ws/e/src/worker/health.ts', text: "import fastify from 'fastify';\nconst w = fastify();\nw.get('/worker/health', h);\nw.listen({ port: 4100 });" };
    assert.deepEqual(lines(collectRoutes([index, server, metrics, worker], { moduleOf, entry: index.file }).routes).sort(), ['GET /health', 'GET /metrics']);
  });
});

suite('collectRoutes: a Fastify plugin of another file', () => {
  test('a plugin registered twice in its own file and once from another file: each registration under its own prefix, none inside another', () => {
    const init = {
      file: '/ws/o/src/api/init.ts',
      text:
        "import { StatusRoutes } from './routes/status';\n" +
        'export const Api = async (fastify) => {\n  await fastify.register(StatusRoutes);\n};\n' +
        "export async function buildApiServer() {\n  const fastify = Fastify();\n  await fastify.register(Api, { prefix: '/ordinals/v1' });\n  await fastify.register(Api, { prefix: '/ordinals' });\n  return fastify;\n}",
    };
    const status = { file: '/ws/o/src/api/routes/status.ts', text: "export const StatusRoutes = async (fastify) => {\n  fastify.get('/stats', h);\n};" };
    const generator = { file: '/ws/o/util/openapi.ts', text: "import { Api } from '../src/api/init';\nconst fastify = Fastify();\nawait fastify.register(Api, { prefix: '/ordinals/v1' });" };
    assert.deepEqual(lines(collectRoutes([init, status, generator], { moduleOf }).routes), ['GET /ordinals/stats', 'GET /ordinals/v1/stats']);
  });

  test('two typed plugins of one file on a parameter of the same name, registered from another file under their own prefixes: each its own routes', () => {
    const pox = {
      file: '/ws/s/src/routes/pox.ts',
      text:
        "export const PoxEventRoutes: FastifyPluginAsync = async (fastify) => {\n  fastify.get('/*', redirect);\n};\n" +
        "export const PoxRoutes: FastifyPluginAsync<Record<never, never>, Server> = async fastify => {\n  fastify.get('/events', h);\n  fastify.get('/tx/:tx_id', h);\n};",
    };
    const init = { file: '/ws/s/src/init.ts', text: "import { PoxEventRoutes, PoxRoutes } from './routes/pox';\nconst fastify = Fastify();\nawait fastify.register(PoxRoutes, { prefix: '/v1/:pox' });\nawait fastify.register(PoxEventRoutes, { prefix: '/v1/:events' });" };
    assert.deepEqual(lines(collectRoutes([pox, init], { moduleOf }).routes), ['GET /v1/:events/*', 'GET /v1/:pox/events', 'GET /v1/:pox/tx/:tx_id']);
  });

  test("a file's default plugin registered under one prefix and a named function of it called with another prefixed instance: each function's routes under its own prefix only", () => {
    const debug = {
      file: '/ws/d/lib/routes/debug.js',
      text: "export async function registerProbe(fastify) {\n  fastify.get('/active', h);\n}\nexport default async function debugPlugin(fastify) {\n  fastify.get('/status', h);\n  fastify.post('/enable', h);\n}",
    };
    const server = {
      file: '/ws/d/lib/server.js',
      text:
        "import debugPlugin, { registerProbe } from './routes/debug.js';\nconst fastify = Fastify();\n" +
        "fastify.register(async (app) => {\n  app.register(debugPlugin, { prefix: '/api/admin/debug' });\n  app.register(async (sub) => {\n    registerProbe(sub);\n  }, { prefix: '/api/debug' });\n});\nfastify.listen({ port: 9998 });",
    };
    assert.deepEqual([...lines(collectRoutes([debug, server], { moduleOf }).routes)].sort(), ['GET /api/admin/debug/status', 'GET /api/debug/active', 'POST /api/admin/debug/enable']);
    // Two such functions where one registers the other, handed to a wrapper of the project's own: both under the one prefix.
    const things = {
      file: '/ws/d/lib/routes/things.ts',
      text:
        "import { withAuth } from '../auth';\nexport const thingsRoute = async (fastify) => {\n  fastify.register(authorized);\n  fastify.get('/:id', h);\n};\n" +
        "const authorized = withAuth(async (fastify) => {\n  fastify.post('/', h);\n});",
    };
    const auth = { file: '/ws/d/lib/auth.ts', text: 'export function withAuth(plugin) {\n  return async (fastify, opts) => plugin(fastify, opts);\n}' };
    const app = { file: '/ws/d/lib/app.ts', text: "import { thingsRoute } from './routes/things';\nconst fastify = Fastify();\nfastify.register(thingsRoute, { prefix: '/things' });\nfastify.listen({ port: 1 });" };
    assert.deepEqual([...lines(collectRoutes([things, auth, app], { moduleOf }).routes)].sort(), ['GET /things/:id', 'POST /things']);
  });
});

suite('collectRoutes: extra routes, de-duplication and order', () => {
  const file = { file: '/ws/a/app.js', text: "const app = express();\napp.get('/health', h);\napp.post('/b', h);\napp.get('/b', h);" };

  test('adds valid extra routes as config routes and reports invalid ones without throwing', () => {
    const { routes, warnings } = collectRoutes([file], { moduleOf, extra: ['get /metrics', 'FETCH /x', 'GET nope', 'GET'] });
    assert.deepEqual(routes.find((r) => r.path === '/metrics'), { method: 'GET', path: '/metrics', origin: 'config' });
    assert.equal(warnings.length, 3);
    assert.match(warnings[0] ?? '', /FETCH is not one of/);
    assert.match(warnings[1] ?? '', /must start with "\/"/);
    assert.match(warnings[2] ?? '', /is not "METHOD \/path"/);
  });

  test('keeps one route per method and path, preferring the source declaration, sorted by path then method', () => {
    const { routes } = collectRoutes([file, file], { moduleOf, extra: ['GET /health', 'HEAD /b'] });
    assert.deepEqual(lines(routes), ['GET /b', 'HEAD /b', 'POST /b', 'GET /health']);
    assert.equal(routes.find((r) => r.path === '/health')?.origin, 'source');
  });
});

suite('collectRoutes: prefixes held by instances and configuration', () => {
  const routes = { file: '/ws/server/routes/index.ts', text: "import { Router } from 'express';\nconst router = Router();\nrouter.get('/info', (req, res) => res.json({}));\nexport default router;\n" };

  test("a prefix read through a class field holding another file's exported service instance (`public common = Common`, `export const Common = new CommonService()` whose class sets `baseHref = '/rtl'`), as a field or in the constructor (tsc's output)", () => {
    const ts = [
      { file: '/ws/server/utils/common.ts', text: "export class CommonService {\n  public port = 3000;\n  public baseHref = '/rtl';\n  constructor() {}\n}\nexport const Common = new CommonService();\n" },
      {
        file: '/ws/server/utils/app.ts',
        text: "import express from 'express';\nimport apiRoutes from '../routes/index';\nimport { Common, CommonService } from './common';\nexport class App {\n  public app = express();\n  public common: CommonService = Common;\n  constructor() { this.setRoutes(); }\n  setRoutes() { this.app.use(this.common.baseHref + '/api', apiRoutes); }\n}\n",
      },
      routes,
    ];
    const js = [
      { file: '/ws/backend/utils/common.js', text: "export class CommonService {\n  constructor() {\n    this.port = 3000;\n    this.baseHref = '/rtl';\n  }\n}\nexport const Common = new CommonService();\n" },
      {
        file: '/ws/backend/utils/app.js',
        text: "import express from 'express';\nimport apiRoutes from '../routes/index.js';\nimport { Common } from './common.js';\nexport default class App {\n  constructor() {\n    this.app = express();\n    this.common = Common;\n    this.app.use(this.common.baseHref + '/api', apiRoutes);\n  }\n}\n",
      },
      { ...routes, file: '/ws/backend/routes/index.js' },
    ];
    for (const files of [ts, js]) {
      const { routes: found, warnings } = collectRoutes(files, { moduleOf });
      assert.deepEqual(lines(found), ['GET /rtl/api/info']);
      assert.deepEqual(warnings, []);
    }
  });

  test("a prefix from a configuration lookup with a literal default (`config.get('server.urlPrefix') || ''`) takes the default, as config.get(key, default) does", () => {
    const { routes: found, warnings } = collectRoutes(
      [
        {
          file: '/ws/lib/app.js',
          text: "const express = require('express');\nconst config = require('config');\nconst urlPrefix = config.get('server.urlPrefix') || '/admin';\nconst app = express();\napp.get(`${urlPrefix}/`, (req, res) => res.send('x'));\napp.use(`${urlPrefix}/tools`, require('./tools'));\n",
        },
        { file: '/ws/lib/tools.js', text: "const router = require('express').Router();\nrouter.get('/export', (req, res) => res.send('x'));\nmodule.exports = router;\n" },
      ],
      { moduleOf },
    );
    assert.deepEqual(lines(found).sort(), ['GET /admin', 'GET /admin/tools/export']);
    assert.deepEqual(warnings, []);
  });
});
