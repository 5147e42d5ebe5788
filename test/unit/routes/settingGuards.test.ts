// Routes registered only when the environment or the configuration says so (settingGuards.ts):
// still listed, each registration with a warning naming the file, the line, the condition as
// written and, when the code gives the variables a default, what the condition is with them unset.
import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const ADMIN = "import { Router } from 'express';\nconst r = Router();\nr.get('/stats', (req, res) => res.send('s'));\nexport default r;\n";

/** An Express server whose index.ts holds `body` after an app is made, with ./admin a router. */
const express = (body: string) =>
  routesAndWarnings({
    '/w/src/admin.ts': ADMIN,
    '/w/src/index.ts': `import express from 'express';\nimport admin from './admin';\nimport config from './config';\nconst app = express();\n${body}\napp.get('/health', (req, res) => res.send('ok'));\napp.listen(3000);\n`,
    '/w/src/config.ts': 'export default { get: (key: string) => process.env[key] };\n',
  });

suite('routes: registered only when a setting says so', () => {
  test('a mount under `if (process.env.X)`: its routes are listed, and the mount is warned of at the condition, unset meaning false', () => {
    const { routes, warnings } = express("if (process.env.ENABLE_ADMIN) app.use('/admin', admin);");
    assert.deepEqual(routes, ['GET /admin/stats', 'GET /health']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /^\/w\/src\/index\.ts:5: the routes mounted through admin at \/admin: registered only when process\.env\.ENABLE_ADMIN holds/);
    assert.match(warnings[0] ?? '', /with ENABLE_ADMIN not set it is false$/);
  });

  test('`config.get(...) && app.get(...)`: the route is listed and warned of with the condition as written, nothing said of a default', () => {
    const { routes, warnings } = express("app.use('/admin', admin);\nconfig.get('feature.beta') && app.get('/beta', (req, res) => res.send('b'));");
    assert.deepEqual(routes, ['GET /admin/stats', 'GET /beta', 'GET /health']);
    assert.deepEqual(
      warnings.map((w) => w.replace(/ holds: .*/, ' holds')),
      ["/w/src/index.ts:6: GET /beta: registered only when config.get('feature.beta') holds"],
    );
    assert.doesNotMatch(warnings[0] ?? '', /not set/);
  });

  test("a literal default in the code (`process.env.DOCS ?? 'true'`, through a constant) holds with the variable unset", () => {
    const { warnings } = express("const docs = process.env.DOCS ?? 'true';\nif (docs === 'true') {\n  app.get('/docs', (req, res) => res.send('d'));\n}");
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /^\/w\/src\/index\.ts:6: GET \/docs: registered only when docs === 'true' holds: .*with DOCS not set it is true$/);
  });

  test('the else branch and an early return: the condition negated', () => {
    const { warnings } = express(
      "if (config.isProduction) app.get('/prod', (req, res) => res.send('p'));\nelse app.get('/dev', (req, res) => res.send('d'));\nfunction debug() {\n  if (!process.env.DEBUG_ROUTES) return;\n  app.get('/debug', (req, res) => res.send('x'));\n}\ndebug();",
    );
    const said = warnings.map((w) => w.replace(/ holds: .*/, ' holds'));
    assert.deepEqual(said, [
      '/w/src/index.ts:5: GET /prod: registered only when config.isProduction holds',
      '/w/src/index.ts:5: GET /dev: registered only when !(config.isProduction) holds',
      '/w/src/index.ts:8: GET /debug: registered only when process.env.DEBUG_ROUTES holds',
    ]);
  });

  test('a mount of middleware under NODE_ENV and tests of anything else than settings: no warning', () => {
    const { routes, warnings } = express(
      "if (process.env.NODE_ENV !== 'production') app.use(require('morgan')('dev'));\nif (process.env.NODE_ENV !== 'production') app.use('/static', (req, res, next) => next());\nif (admin) app.use('/admin', admin);\nif (typeof app.get === 'function') app.get('/ping', (req, res) => res.send('p'));",
    );
    assert.deepEqual(routes, ['GET /admin/stats', 'GET /health', 'GET /ping']);
    assert.deepEqual(warnings, []);
  });

  test('a route registered in both branches of one test is there either way: not told', () => {
    const { routes, warnings } = express("app.use('/admin', admin);\nif (config.isDev) app.get('/analytics', (req, res) => res.send('dev'));\nelse app.get('/analytics', (req, res) => res.send('prod'));");
    assert.deepEqual(routes, ['GET /admin/stats', 'GET /analytics', 'GET /health']);
    assert.deepEqual(warnings, []);
  });

  test('`app.use(prefix, auth, router)` under a setting: one warning, naming the router (the last argument)', () => {
    const { warnings } = express("const auth = (req, res, next) => next();\nif (config.adminEnabled) app.use('/admin', auth, admin);");
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /^\/w\/src\/index\.ts:6: the routes mounted through admin at \/admin: registered only when config\.adminEnabled holds/);
  });

  test('several mounts under one test: one warning naming their routers', () => {
    const { warnings } = express("if (process.env.ADMIN === 'on') {\n  app.use('/admin', admin);\n  app.use('/backoffice', admin);\n}");
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /^\/w\/src\/index\.ts:5: the routes mounted through admin, admin at \/admin, \/backoffice: registered only when process\.env\.ADMIN === 'on' holds: .*with ADMIN not set it is false$/);
  });

  test("an object named for a config of something else (`chartConfig.select`) is data, not a setting", () => {
    const { warnings } = express("const chartConfig = { select: [] };\nif (Array.isArray(chartConfig.select)) app.get('/chart', (req, res) => res.send('c'));");
    assert.deepEqual(warnings, []);
  });

  test('a route registered under NODE_ENV is warned of: the condition decides a route', () => {
    const { warnings } = express("if (process.env.NODE_ENV !== 'production') app.get('/dev/reset', (req, res) => res.send('r'));");
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /GET \/dev\/reset: registered only when process\.env\.NODE_ENV !== 'production' holds: .*with NODE_ENV not set it is true$/);
  });

  test('a Fastify plugin registered inside `if (config.x)`, written inline: its routes warned of', () => {
    const { routes, warnings } = routesAndWarnings({
      '/w/src/server.ts':
        "import Fastify from 'fastify';\nimport { settings } from './settings';\nconst app = Fastify();\nif (settings.metrics) {\n  app.register(async (f) => {\n    f.get('/metrics', async () => 'm');\n  }, { prefix: '/internal' });\n}\napp.listen({ port: 3000 });\n",
      '/w/src/settings.ts': 'export const settings = { metrics: process.env.METRICS === "on" };\n',
    });
    assert.deepEqual(routes, ['GET /internal/metrics']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /^\/w\/src\/server\.ts:4: GET \/internal\/metrics: registered only when settings\.metrics holds/);
  });
});

suite('routes: Nest modules listed only when a setting says so', () => {
  const controllerModule = (name: string, path: string) =>
    `import { Controller, Get, Module } from '@nestjs/common';\n@Controller('${path}')\nexport class ${name}Controller {\n  @Get()\n  list() {\n    return [];\n  }\n}\n@Module({ controllers: [${name}Controller] })\nexport class ${name}Module {}\n`;
  const nest = (imports: string, before = '') =>
    routesAndWarnings({
      '/w/src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n",
      '/w/src/app.module.ts': `import { Module } from '@nestjs/common';\nimport { ConditionalModule } from '@nestjs/config';\nimport { UsersModule } from './users';\nimport { TestingModule } from './testing';\nimport { BillingModule } from './billing';\nimport { CacheModule } from './cache';\n${before}\n@Module({ imports: [${imports}] })\nexport class AppModule {}\n`,
      '/w/src/users.ts': controllerModule('Users', 'users'),
      '/w/src/testing.ts': controllerModule('Testing', 'testing'),
      '/w/src/billing.ts': controllerModule('Billing', 'billing'),
      '/w/src/cache.ts': "import { Module } from '@nestjs/common';\n@Module({})\nexport class CacheModule {}\n",
    });

  test('a module spread in under a ternary on the environment: its controllers listed, the module warned of', () => {
    const { routes, warnings } = nest("UsersModule, ...(process.env.NODE_ENV === 'test' ? [TestingModule] : []), ...(process.env.REDIS_URL ? [CacheModule] : [])");
    assert.deepEqual(routes, ['GET /testing', 'GET /users']);
    assert.equal(warnings.length, 1, 'CacheModule serves no route: no warning');
    assert.match(warnings[0] ?? '', /^\/w\/src\/app\.module\.ts:8: listed in a Nest module only when process\.env\.NODE_ENV === 'test' holds: TestingModule; .*with NODE_ENV not set it is false$/);
  });

  test("a list built before the decorator, and @nestjs/config's ConditionalModule.registerWhen", () => {
    const { routes, warnings } = nest("UsersModule, ...extra, ConditionalModule.registerWhen(BillingModule, 'USE_BILLING')", 'const extra = [];\nif (process.env.ENABLE_TESTING) extra.push(TestingModule);');
    assert.deepEqual(routes, ['GET /billing', 'GET /testing', 'GET /users']);
    assert.deepEqual(
      warnings.map((w) => w.replace(/; .*not set it is (\w+)$/, ' ($1 unset)')),
      ['/w/src/app.module.ts:8: listed in a Nest module only when process.env.ENABLE_TESTING holds: TestingModule (false unset)', '/w/src/app.module.ts:9: listed in a Nest module only when process.env.USE_BILLING (ConditionalModule.registerWhen) holds: BillingModule (false unset)'],
    );
  });
});
