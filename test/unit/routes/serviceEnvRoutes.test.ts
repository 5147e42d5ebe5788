// The environment a service's compose files give it, applied to its routes (collect.ts serviceEnv):
// a test of the environment a registration is made under is evaluated with it when it sets every
// variable the test reads, and a prefix kept from an environment variable takes its value, with
// where it is set. A variable it does not set leaves things as the code alone says. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import { evaluateTest, NOT_KNOWN } from '../../../src/core/routes/guardTest';
import type { ServiceEnv } from '../../../src/core/routes/settingGuardWarnings';
import type { CollectedRoutes } from '../../../src/core/routes/collect';
import { buildProbeUrl, fillPathParams } from '../../../src/core/probe/policy';

const ADMIN = "import { Router } from 'express';\nconst r = Router();\nr.get('/stats', (req, res) => res.send('s'));\nexport default r;\n";

/** An Express server whose index.ts holds `body`, collected with the service environment `values`. */
const server = (body: string, values?: Record<string, string>): CollectedRoutes =>
  collectRoutes(
    [
      // The admin router only where the body mounts it (unmounted, its routes would be listed at their own paths).
      ...(body.includes('admin') ? [{ file: '/w/src/admin.ts', text: ADMIN }] : []),
      { file: '/w/src/index.ts', text: `import express from 'express';\nimport admin from './admin';\nconst app = express();\n${body}\napp.get('/health', (req, res) => res.send('ok'));\napp.listen(3000);\n` },
    ],
    { moduleOf: () => undefined, aliases: [], ...(values ? { serviceEnv: env(values) } : {}) },
  );

const env = (values: Record<string, string>): ServiceEnv => ({ service: 'api', values, where: Object.fromEntries(Object.keys(values).map((k, i) => [k, `compose.yaml:${10 + i}`])) });
const lines = (c: CollectedRoutes) => c.routes.map((r) => `${r.method} ${r.path}${r.notServed !== undefined ? ' (not served)' : ''}`).sort();

suite('routes: the environment a service runs with', () => {
  test('a route registered under a test the service environment makes fail: listed as not served, with why, and no warning', () => {
    const body = "if (process.env.STATS_MODE === 'python') {\n  app.post('/stats', (req, res) => res.send('s'));\n}";
    const off = server(body, { STATS_MODE: 'web' });
    assert.deepEqual(lines(off), ['GET /health', 'POST /stats (not served)']);
    assert.deepEqual(off.warnings, []);
    assert.equal(
      off.routes.find((r) => r.path === '/stats')?.notServed,
      "not served by service api: registered only when process.env.STATS_MODE === 'python' holds, and it does not with STATS_MODE=web (compose.yaml:10); not probed",
    );
  });

  test('a test the service environment makes hold: served, the warning dropped', () => {
    const on = server("if (process.env.STATS_MODE === 'python') app.post('/stats', (req, res) => res.send('s'));", { STATS_MODE: 'python' });
    assert.deepEqual(lines(on), ['GET /health', 'POST /stats']);
    assert.deepEqual(on.warnings, []);
  });

  test('a variable the service does not set (the image may): as today, listed and warned of', () => {
    const body = "if (process.env.STATS_MODE === 'python') app.post('/stats', (req, res) => res.send('s'));";
    for (const c of [server(body), server(body, { OTHER: 'x' })]) {
      assert.deepEqual(lines(c), ['GET /health', 'POST /stats']);
      assert.equal(c.warnings.length, 1);
      assert.match(c.warnings[0] ?? '', /POST \/stats: registered only when process\.env\.STATS_MODE === 'python' holds/);
    }
  });

  test('a test reading a variable the service sets and another it does not: not known, warned of as today', () => {
    const c = server("if (process.env.A === '1' && process.env.B === '1') app.post('/stats', (req, res) => res.send('s'));", { A: '1' });
    assert.deepEqual(lines(c), ['GET /health', 'POST /stats']);
    assert.equal(c.warnings.length, 1);
  });

  test('both branches of one test: the branch the service takes is the one listed', () => {
    const c = server("if (process.env.LEGACY) app.get('/v', (req, res) => res.send('old'));\nelse app.get('/v', (req, res) => res.send('new'));\nif (process.env.LEGACY) app.get('/old', (req, res) => res.send('o'));", { LEGACY: '' });
    assert.deepEqual(lines(c), ['GET /health', 'GET /old (not served)', 'GET /v']);
  });

  test('a mount under a test: no warning when it holds; when it fails, the routes only it gives listed as not served, with a note', () => {
    const body = "if (process.env.ENABLE_ADMIN === 'true') app.use('/admin', admin);";
    const on = server(body, { ENABLE_ADMIN: 'true' });
    assert.deepEqual(on.warnings, []);
    assert.deepEqual(lines(on), ['GET /admin/stats', 'GET /health']);
    const off = server(body, { ENABLE_ADMIN: 'false' });
    assert.deepEqual(lines(off), ['GET /admin/stats (not served)', 'GET /health']);
    assert.match(off.routes.find((r) => r.path === '/admin/stats')?.notServed ?? '', /^not served by service api: registered only when process\.env\.ENABLE_ADMIN === 'true' holds/);
    // Mounted under a test that fails and again without one: served there.
    assert.deepEqual(lines(server(`${body}\napp.use('/v1/admin', admin);`, { ENABLE_ADMIN: 'false' })), ['GET /admin/stats (not served)', 'GET /health', 'GET /v1/admin/stats']);
    assert.equal(off.warnings.length, 1);
    assert.match(off.warnings[0] ?? '', /^\/w\/src\/index\.ts:4: admin \(\/admin\): registered only when process\.env\.ENABLE_ADMIN === 'true' holds, and it does not for service api with ENABLE_ADMIN=false \(compose\.yaml:10\)/);
  });

  test("a secret-looking variable's value is never shown", () => {
    const c = server("if (process.env.ADMIN_TOKEN === 'x') app.post('/stats', (req, res) => res.send('s'));", { ADMIN_TOKEN: 'hunter2' });
    assert.match(c.routes.find((r) => r.path === '/stats')?.notServed ?? '', /ADMIN_TOKEN=\*\*\* \(compose\.yaml:10\)/);
    assert.doesNotMatch(JSON.stringify(c), /hunter2/);
  });

  test('evaluateTest: JavaScript semantics (short-circuit, ?? on undefined, loose ==), NOT_KNOWN for a variable not known', () => {
    const lookup = (name: string) => (name === 'SET' ? '3000' : name === 'EMPTY' ? '' : NOT_KNOWN);
    assert.deepEqual(evaluateTest({ op: '==', left: { env: 'SET' }, right: { lit: 3000 } }, lookup), { v: true });
    assert.deepEqual(evaluateTest({ op: '||', left: { env: 'EMPTY' }, right: { lit: 'on' } }, lookup), { v: 'on' });
    assert.deepEqual(evaluateTest({ op: '??', left: { env: 'EMPTY' }, right: { lit: 'on' } }, lookup), { v: '' });
    assert.deepEqual(evaluateTest({ op: '&&', left: { env: 'EMPTY' }, right: { env: 'UNKNOWN' } }, lookup), { v: '' });
    assert.equal(evaluateTest({ op: '&&', left: { env: 'SET' }, right: { env: 'UNKNOWN' } }, lookup), NOT_KNOWN);
    assert.deepEqual(evaluateTest({ not: { env: 'EMPTY' } }, lookup), { v: true });
  });
});

const CONTROLLER = "import { JsonController, Get } from 'routing-controllers';\n@JsonController('/boards')\nexport class BoardController {\n  @Get('/:id') one() {}\n}\n";
const SETTINGS = "export const settings = { http: { base: readEnv('HTTP_BASE'), token: readEnv('HTTP_SECRET') } };\n";
const prefixed = (prefix: string, values?: Record<string, string>) =>
  collectRoutes(
    [
      { file: '/w/svc/src/controllers/board.ts', text: CONTROLLER },
      { file: '/w/svc/src/settings.ts', text: SETTINGS },
      { file: '/w/svc/src/server.ts', text: `import { createExpressServer } from 'routing-controllers';\nimport { settings } from './settings';\nconst app = createExpressServer({ routePrefix: ${prefix}, controllers: [__dirname + '/controllers/*.ts'] });\napp.listen(8080);\n` },
    ],
    { moduleOf: () => undefined, ...(values ? { serviceEnv: env(values) } : {}) },
  );

suite('route prefixes from the environment a service runs with', () => {
  test('a prefix kept from an environment variable the service sets: its value, with a note of where it is set', () => {
    const c = prefixed('settings.http.base', { HTTP_BASE: '/api' });
    assert.deepEqual(c.routes.map((r) => `${r.method} ${r.path}`), ['GET /api/boards/:id']);
    assert.equal(c.routes[0]?.prefixUnknown, undefined);
    assert.deepEqual(c.warnings, ['/w/svc/src/server.ts: the environment variable HTTP_BASE in a route path or prefix is /api for service api, as set at compose.yaml:10']);
  });

  test('one the service does not set: not known, as today', () => {
    for (const c of [prefixed('settings.http.base'), prefixed('settings.http.base', { OTHER: '/x' })]) {
      assert.deepEqual(c.routes.map((r) => `${r.method} ${r.path}`), ['GET /…/boards/:id']);
      assert.match(c.warnings[0] ?? '', /routePrefix is the environment variable HTTP_BASE, not known statically/);
    }
  });

  test('a value naming another host stays a path: the probe goes to the base URL only', () => {
    for (const base of ['//evil.example/x', 'http://evil.example', '@evil.example']) {
      const path = prefixed('settings.http.base', { HTTP_BASE: base }).routes[0]?.path ?? '';
      assert.equal(new URL(buildProbeUrl('http://127.0.0.1:3300', fillPathParams(path))).origin, 'http://127.0.0.1:3300', path);
    }
  });

  test('a mount at an environment variable read whole (`app.use(process.env.X, router)`): at its value where the service sets it, else under … as today', () => {
    const body = "app.use(process.env.ADMIN_BASE, admin);";
    const set = server(body, { ADMIN_BASE: '/ops' });
    assert.deepEqual(lines(set), ['GET /health', 'GET /ops/stats']);
    assert.deepEqual(set.warnings, ['/w/src/index.ts: the environment variable ADMIN_BASE in a route path or prefix is /ops for service api, as set at compose.yaml:10']);
    for (const c of [server(body), server(body, { OTHER: '/x' })]) {
      assert.deepEqual(lines(c), ['GET /health', 'GET /…/stats']);
      assert.match(c.warnings[0] ?? '', /mount prefix process\.env\.ADMIN_BASE is not known statically/);
    }
  });

  test('a secret-looking variable is never taken into a path', () => {
    const c = prefixed('settings.http.token', { HTTP_SECRET: '/s3cr3t' });
    assert.deepEqual(c.routes.map((r) => `${r.method} ${r.path}`), ['GET /…/boards/:id']);
    assert.doesNotMatch(JSON.stringify(c), /s3cr3t/);
  });
});

suite('Nest modules listed under a test the service environment decides', () => {
  const controllerModule = (name: string, path: string) =>
    `import { Controller, Get, Module } from '@nestjs/common';\n@Controller('${path}')\nexport class ${name}Controller {\n  @Get()\n  list() {\n    return [];\n  }\n}\n@Module({ controllers: [${name}Controller] })\nexport class ${name}Module {}\n`;
  const nest = (imports: string, values: Record<string, string>) =>
    collectRoutes(
      [
        { file: '/w/src/main.ts', text: "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n" },
        { file: '/w/src/app.module.ts', text: `import { Module } from '@nestjs/common';\nimport { ConditionalModule } from '@nestjs/config';\nimport { UsersModule } from './users';\nimport { TestingModule } from './testing';\nimport { BillingModule } from './billing';\n@Module({ imports: [${imports}] })\nexport class AppModule {}\n` },
        { file: '/w/src/users.ts', text: controllerModule('Users', 'users') },
        { file: '/w/src/testing.ts', text: controllerModule('Testing', 'testing') },
        { file: '/w/src/billing.ts', text: controllerModule('Billing', 'billing') },
      ],
      { moduleOf: () => undefined, aliases: [], serviceEnv: env(values) },
    );
  const IMPORTS = "UsersModule, ...(process.env.NODE_ENV === 'test' ? [TestingModule] : []), ConditionalModule.registerWhen(BillingModule, 'USE_BILLING')";

  test("a module whose test fails for the service: its controllers' routes listed as not served; one whose test holds: served, no warning", () => {
    const c = nest(IMPORTS, { NODE_ENV: 'production', USE_BILLING: 'true' });
    assert.deepEqual(lines(c), ['GET /billing', 'GET /testing (not served)', 'GET /users']);
    assert.match(c.routes.find((r) => r.path === '/testing')?.notServed ?? '', /registered only when process\.env\.NODE_ENV === 'test' holds, and it does not with NODE_ENV=production/);
    assert.equal(c.warnings.length, 1);
    assert.match(c.warnings[0] ?? '', /TestingModule: registered only when .* and it does not for service api/);
  });

  test("ConditionalModule.registerWhen: not when the variable is set to false", () => {
    const c = nest(IMPORTS, { NODE_ENV: 'test', USE_BILLING: 'false' });
    assert.deepEqual(lines(c), ['GET /billing (not served)', 'GET /testing', 'GET /users']);
  });
});
