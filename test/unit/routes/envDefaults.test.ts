// An environment variable read with a default in code (`process.env.X || '/api'`, `?? 'v1'`,
// `const { X = '/api' } = process.env`, a config module's such value, Nest's
// `configService.get('X', 'api')`): the default where the service's environment does not set the
// variable, exactly as before; its value, with a note of where it is set, where it does.
// Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import type { ServiceEnv } from '../../../src/core/routes/settingGuardWarnings';
import type { CollectedRoutes } from '../../../src/core/routes/collect';

const ADMIN = "import { Router } from 'express';\nconst r = Router();\nr.get('/stats', (req, res) => res.send('s'));\nexport default r;\n";
const CONFIG = "export const config = { base: process.env.API_BASE || '/api', other: 'x' };\n";

const env = (values: Record<string, string>): ServiceEnv => ({ service: 'api', values, where: Object.fromEntries(Object.keys(values).map((k, i) => [k, `compose.yaml:${10 + i}`])) });
const lines = (c: CollectedRoutes) => c.routes.map((r) => `${r.method} ${r.path}`).sort();

/** An Express server whose index.ts holds `body` (mounting ./admin), collected with the service environment `values`. */
const express = (body: string, values?: Record<string, string>): CollectedRoutes =>
  collectRoutes(
    [
      { file: '/w/src/admin.ts', text: ADMIN },
      { file: '/w/src/config.ts', text: CONFIG },
      { file: '/w/src/index.ts', text: `import express from 'express';\nimport admin from './admin';\nimport { config } from './config';\nconst app = express();\n${body}\napp.get('/health', (req, res) => res.send('ok'));\napp.listen(3000);\n` },
    ],
    { moduleOf: () => undefined, aliases: [], ...(values ? { serviceEnv: env(values) } : {}) },
  );

const NOTE = '/w/src/index.ts: the environment variable API_BASE in a route path or prefix is /v2 for service api, as set at compose.yaml:10';

suite('routes: an environment variable read with a default in code', () => {
  const bodies: Record<string, string> = {
    '||': "app.use(process.env.API_BASE || '/api', admin);",
    '??': "app.use(process.env.API_BASE ?? '/api', admin);",
    'a constant of the file': "const base = process.env.API_BASE || '/api';\napp.use(base, admin);",
    'destructured from process.env': "const { API_BASE = '/api' } = process.env;\napp.use(API_BASE, admin);",
    'in a template': "const { API_BASE = '/api' } = process.env;\napp.use(`${API_BASE}/admin`, admin);",
    "an environment helper's default": "const env = (name: string, d: string) => process.env[name] ?? d;\napp.use(env('API_BASE', '/api'), admin);",
    "an environment variable helper's default, held in a constant": "const getEnvVariable = (name: string, d: string) => process.env[name] ?? d;\nconst root = getEnvVariable('API_BASE', '/api');\napp.use(root, admin);",
  };
  for (const [how, body] of Object.entries(bodies)) {
    const under = (base: string) => `GET ${base}${how === 'in a template' ? '/admin' : ''}/stats`;
    test(`${how}: the value the service sets, with a note of where; unset, the default as before`, () => {
      const set = express(body, { API_BASE: '/v2' });
      assert.deepEqual(lines(set), ['GET /health', under('/v2')].sort());
      assert.deepEqual(set.warnings, [NOTE]);
      for (const c of [express(body), express(body, { OTHER: '/x' })]) {
        assert.deepEqual(lines(c), ['GET /health', under('/api')].sort());
        assert.deepEqual(c.warnings, []);
      }
    });
  }

  test("set empty: `||` gives the default as the code does; `??` and a destructured default keep the empty value, noted as empty", () => {
    const or = express(bodies['||'] ?? '', { API_BASE: '' });
    assert.deepEqual(lines(or), ['GET /api/stats', 'GET /health']);
    assert.deepEqual(or.warnings, []);
    assert.deepEqual(lines(express('app.use(config.base, admin);', { API_BASE: '' })), ['GET /api/stats', 'GET /health']);
    for (const how of ['??', 'destructured from process.env']) {
      const kept = express(bodies[how] ?? '', { API_BASE: '' });
      assert.deepEqual(lines(kept), ['GET /health', 'GET /stats']);
      assert.deepEqual(kept.warnings, ['/w/src/index.ts: the environment variable API_BASE in a route path or prefix is empty for service api, as set at compose.yaml:10']);
    }
  });

  test("a config module's value read from the environment with a default: the service's value where it sets it", () => {
    const body = 'app.use(config.base, admin);';
    assert.deepEqual(lines(express(body, { API_BASE: '/v2' })), ['GET /health', 'GET /v2/stats']);
    assert.deepEqual(express(body, { API_BASE: '/v2' }).warnings, ['/w/src/config.ts: the environment variable API_BASE in a route path or prefix is /v2 for service api, as set at compose.yaml:10']);
    assert.deepEqual(lines(express(body)), ['GET /api/stats', 'GET /health']);
  });

  test("a value handed to a function that registers routes but not put in their paths: no note that it went into one", () => {
    const c = collectRoutes(
      [
        { file: '/w/src/docs.ts', text: "export function setupDocs(app: any, version: string) {\n  app.get('/docs', (req: any, res: any) => res.send(version));\n}\n" },
        { file: '/w/src/index.ts', text: "import express from 'express';\nimport { setupDocs } from './docs';\nconst app = express();\nconst version = process.env.APP_VERSION || 'unknown';\nsetupDocs(app, version);\napp.listen(3000);\n" },
      ],
      { moduleOf: () => undefined, aliases: [], serviceEnv: env({ APP_VERSION: '1.2.3' }) },
    );
    assert.deepEqual(lines(c), ['GET /docs']);
    assert.deepEqual(c.warnings, []);
  });

  test('a secret-looking variable keeps the default: its value never goes into a path', () => {
    const c = express("app.use(process.env.ADMIN_SECRET || '/api', admin);", { ADMIN_SECRET: '/s3cr3t' });
    assert.deepEqual(lines(c), ['GET /api/stats', 'GET /health']);
    assert.doesNotMatch(JSON.stringify(c), /s3cr3t/);
  });
});

suite("routes: a route's own path or a router's prefix read from the environment with a default in code", () => {
  const one = (file: string, text: string, values?: Record<string, string>) => collectRoutes([{ file, text }], { moduleOf: () => undefined, aliases: [], ...(values ? { serviceEnv: env(values) } : {}) });
  const EXPRESS = "import express from 'express';\nconst app = express();\n";
  const KOA = "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\n";
  const cases: Array<[string, string, string]> = [
    ["an Express route's path built from a constant", `${EXPRESS}const base = process.env.API_BASE || '/api';\napp.get(base + '/stats', (req, res) => res.send('s'));\napp.listen(3000);\n`, '/stats'],
    ["an Express route's path in a template", `${EXPRESS}app.get(\`\${process.env.API_BASE ?? '/api'}/stats\`, (req, res) => res.send('s'));\napp.listen(3000);\n`, '/stats'],
    ["an Express route's whole path", `${EXPRESS}app.get(process.env.API_BASE || '/api', (req, res) => res.send('s'));\napp.listen(3000);\n`, ''],
    ["a koa-router's constructor prefix", `${KOA}const r = new Router({ prefix: process.env.API_BASE || '/api' });\nr.get('/stats', (ctx) => { ctx.body = 's'; });\napp.use(r.routes());\napp.listen(3000);\n`, '/stats'],
    ["a Hono app's basePath()", "import { Hono } from 'hono';\nconst app = new Hono().basePath(process.env.API_BASE ?? '/api');\napp.get('/stats', (c) => c.text('s'));\nexport default app;\n", '/stats'],
    ["a koa-router's prefix() call", `${KOA}const r = new Router().prefix(process.env.API_BASE || '/api');\nr.get('/stats', (ctx) => { ctx.body = 's'; });\napp.use(r.routes());\napp.listen(3000);\n`, '/stats'],
  ];
  for (const [how, text, rest] of cases)
    test(`${how}: the value the service sets, with a note of where; unset, the default`, () => {
      const set = one('/w/src/index.ts', text, { API_BASE: '/v2' });
      assert.deepEqual(lines(set), [`GET /v2${rest}`]);
      assert.deepEqual(set.warnings, [NOTE]);
      for (const c of [one('/w/src/index.ts', text), one('/w/src/index.ts', text, { OTHER: '/x' })]) {
        assert.deepEqual(lines(c), [`GET /api${rest}`]);
        assert.deepEqual(c.warnings, []);
      }
    });
});

suite('Nest: a global prefix read from the environment with a default in code', () => {
  const nest = (prefix: string, values?: Record<string, string>, extra: Array<{ file: string; text: string }> = []) =>
    collectRoutes(
      [
        {
          file: '/w/src/main.ts',
          text: `import { NestFactory } from '@nestjs/core';\nimport { ConfigService } from '@nestjs/config';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  const configService = app.get(ConfigService);\n  app.setGlobalPrefix(${prefix});\n  await app.listen(3000);\n}\nbootstrap();\n`,
        },
        { file: '/w/src/app.module.ts', text: "import { Controller, Get, Module } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Get()\n  list() {\n    return [];\n  }\n}\n@Module({ controllers: [UsersController] })\nexport class AppModule {}\n" },
        ...extra,
      ],
      { moduleOf: () => undefined, aliases: [], ...(values ? { serviceEnv: env(values) } : {}) },
    );
  const APP_CONFIG = { file: '/w/src/app.config.ts', text: "import { registerAs } from '@nestjs/config';\nexport default registerAs('app', () => ({ prefix: process.env.GLOBAL_PREFIX || 'api' }));\n" };
  const ways: Array<[string, string, Array<{ file: string; text: string }>]> = [
    ['process.env with a default', "process.env.GLOBAL_PREFIX || 'api'", []],
    ["configService.get('X', default)", "configService.get('GLOBAL_PREFIX', 'api')", []],
    ["configService.get('X') ?? default", "configService.get<string>('GLOBAL_PREFIX') ?? 'api'", []],
    ['a registerAs namespace whose value reads the variable', "configService.get('app.prefix')", [APP_CONFIG]],
  ];
  for (const [how, prefix, extra] of ways)
    test(`${how}: the service's value where it sets the variable, else the default`, () => {
      const set = nest(prefix, { GLOBAL_PREFIX: 'v2' }, extra);
      assert.deepEqual(lines(set), ['GET /v2/users']);
      assert.equal(set.warnings.length, 1);
      assert.match(set.warnings[0] ?? '', /the environment variable GLOBAL_PREFIX in a route path or prefix is v2 for service api, as set at compose\.yaml:10/);
      for (const c of [nest(prefix, undefined, extra), nest(prefix, { OTHER: 'x' }, extra)]) {
        assert.deepEqual(lines(c), ['GET /api/users']);
        assert.deepEqual(c.warnings, []);
      }
    });

  test("URI versioning's defaultVersion read from the environment: the service's value where it sets the variable, else the default", () => {
    const main = (values?: Record<string, string>) =>
      collectRoutes(
        [
          { file: '/w/src/main.ts', text: "import { NestFactory } from '@nestjs/core';\nimport { VersioningType } from '@nestjs/common';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.enableVersioning({ type: VersioningType.URI, defaultVersion: process.env.API_VERSION || '1' });\n  await app.listen(3000);\n}\nbootstrap();\n" },
          { file: '/w/src/app.module.ts', text: "import { Controller, Get, Module } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Get()\n  list() {\n    return [];\n  }\n}\n@Module({ controllers: [UsersController] })\nexport class AppModule {}\n" },
        ],
        { moduleOf: () => undefined, aliases: [], ...(values ? { serviceEnv: env(values) } : {}) },
      );
    const set = main({ API_VERSION: '2' });
    assert.deepEqual(lines(set), ['GET /v2/users']);
    assert.deepEqual(set.warnings, ['/w/src/main.ts: the environment variable API_VERSION in a route path or prefix is 2 for service api, as set at compose.yaml:10']);
    for (const c of [main(), main({ OTHER: 'x' })]) {
      assert.deepEqual(lines(c), ['GET /v1/users']);
      assert.deepEqual(c.warnings, []);
    }
  });

  test('a configuration key not named as a variable keeps its default', () => {
    assert.deepEqual(lines(nest("configService.get('http.prefix', 'api')", { 'http.prefix': 'v2' })), ['GET /api/users']);
  });

  test('a registerAs value that is the variable with no default in code: the service\'s value where it sets it, else the routes under … with a warning naming the variable, never at the root', () => {
    const bare = { file: '/w/src/app.config.ts', text: "import { registerAs } from '@nestjs/config';\nexport const app = registerAs('app', () => ({ port: process.env.APP_PORT, prefix: process.env.APP_PREFIX }));\n" };
    const prefix = "configService.get('app.prefix', { infer: true })";
    const set = nest(prefix, { APP_PREFIX: 'v3' }, [bare]);
    assert.deepEqual(lines(set), ['GET /v3/users']);
    assert.deepEqual(set.warnings, ['/w/src/main.ts: the environment variable APP_PREFIX in a route path or prefix is v3 for service api, as set at compose.yaml:10']);
    for (const c of [nest(prefix, undefined, [bare]), nest(prefix, { OTHER: 'x' }, [bare])]) {
      assert.deepEqual(lines(c), ['GET /…/users']);
      assert.deepEqual(c.warnings, ['/w/src/main.ts:7: setGlobalPrefix value is the environment variable APP_PREFIX, with no default in code: the routes are shown under … and not probed (set x-runtime-drift.routePrefix to its value where the server runs)']);
    }
  });
});

suite('routes: a zod schema parsing the environment, read in another file', () => {
  const ENV_SCHEMA = [
    "import { z } from 'zod';",
    "import fs from 'fs';",
    'const schema = z.object({',
    '  SECRET_KEY: z.string().length(32),',
    '  MOUNT_AT: z.string().optional(),',
    "  RUN_MODE: z.string().default('dev'),",
    '});',
    'let input = { ...process.env };',
    "if (fs.existsSync('.env.local')) input = { ...input, ...readLocal() };",
    'export const settings = schema.parse(input);',
  ].join('\n');
  const SERVER = [
    "import express from 'express';",
    "import { settings } from './settings';",
    "const prefix = settings.MOUNT_AT || (settings.RUN_MODE === 'dev' ? '/v1' : '');",
    'const app = express();',
    'const api = express.Router();',
    "api.get('/items', (req, res) => res.json([]));",
    'app.use(prefix, api);',
    'app.listen(3000);',
  ].join('\n');
  const run = (values?: Record<string, string>) =>
    collectRoutes(
      [
        { file: '/z/settings.ts', text: ENV_SCHEMA },
        { file: '/z/server.ts', text: SERVER },
      ],
      { moduleOf: () => undefined, aliases: [], ...(values ? { serviceEnv: env(values) } : {}) },
    );

  test("a setting with no default, unset, gives way to `||`'s other side; a setting's `.default(...)` compared with a text picks its branch", () => {
    const c = run();
    assert.deepEqual(lines(c), ['GET /v1/items']);
    assert.deepEqual(c.warnings, []);
  });

  test("the service's environment decides: the set variable itself, else the default replaced", () => {
    assert.deepEqual(lines(run({ MOUNT_AT: '/v9' })), ['GET /v9/items']);
    assert.deepEqual(lines(run({ RUN_MODE: 'production' })), ['GET /items']);
    assert.deepEqual(lines(run({ RUN_MODE: 'production', MOUNT_AT: '' })), ['GET /items']);
  });
});
