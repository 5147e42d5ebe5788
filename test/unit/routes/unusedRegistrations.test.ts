// Registrations the app never makes: a top-level function nothing calls (its call commented out),
// and exported plugins or route factories no file of the scan takes (a file left behind, a library's API).
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const moduleOf = (): undefined => undefined;
const plugin = (path: string) => `import type { FastifyPluginAsync } from 'fastify';\nconst routes: FastifyPluginAsync = async (app) => {\n  app.get('${path}', async () => ({ ok: true }));\n};\nexport default routes;\n`;
const metrics =
  "import fp from 'fastify-plugin';\nexport function createMetricsPlugin(options = {}) {\n  return fp(async (app) => {\n    app.get(options.path ?? '/metrics', async () => 'm');\n  });\n}\n";

/** A Fastify app registering its auth plugin (POST /login), whose `registerRoutes` loads every routes/*router.ts and registers its default export; `called` says whether the app calls it. */
function app(called: boolean, extra = ''): string {
  return [
    "import Fastify from 'fastify';",
    "import { readdirSync } from 'node:fs';",
    "import { join } from 'node:path';",
    "import auth from './plugins/auth';",
    extra,
    'async function registerRoutes(app) {',
    "  const dir = join(__dirname, 'routes');",
    '  for (const file of readdirSync(dir)) {',
    "    if (!file.endsWith('router.ts')) continue;",
    '    const mod = await import(join(dir, file));',
    '    await app.register(mod.default);',
    '  }',
    '}',
    'const fastify = Fastify();',
    'fastify.register(auth);',
    called ? 'registerRoutes(fastify);' : '// registerRoutes(fastify);',
    'fastify.listen({ port: 3000 });',
  ].join('\n');
}

const AUTH = { file: '/s/src/plugins/auth.ts', text: "export default async function auth(app) {\n  app.post('/login', async () => ({}));\n}\n" };

function routesOf(files: { file: string; text: string }[]): string[] {
  const sources = [...files, AUTH];
  return collectRoutes(sources, { moduleOf, files: sources.map((s) => s.file) }).routes.map((r) => `${r.method} ${r.path}`).sort();
}

suite('registrations the app never makes', () => {
  test('the listed route files of a function nothing calls serve nothing; called, they do, and a file its filter leaves out does not', () => {
    const files = (called: boolean) => [
      { file: '/s/src/app.ts', text: app(called) },
      { file: '/s/src/routes/users.router.ts', text: plugin('/users') },
      { file: '/s/src/routes/health.ts', text: plugin('/health') },
    ];
    assert.deepEqual(routesOf(files(false)), ['POST /login']);
    assert.deepEqual(routesOf(files(true)), ['GET /users', 'POST /login']);
  });

  test('an exported route factory no file imports by name (a barrel re-exporting it is no use) serves nothing; registered, it does', () => {
    const files = (use: string) => [
      { file: '/s/src/app.ts', text: app(true, use) },
      { file: '/s/src/routes/users.router.ts', text: plugin('/users') },
      { file: '/s/src/core/index.ts', text: "export { createMetricsPlugin } from './metrics';\nexport class AppError extends Error {}\n" },
      { file: '/s/src/core/metrics.ts', text: metrics },
    ];
    assert.deepEqual(routesOf(files("import { AppError } from './core';")), ['GET /users', 'POST /login']);
    assert.deepEqual(routesOf(files("import { createMetricsPlugin } from './core';\nexport const metricsPlugin = createMetricsPlugin();")), ['GET /metrics', 'GET /users', 'POST /login']);
  });
  test('an exported Hono sub-app factory no file imports stays unused even when a handler passes a called value to a local helper', () => {
    // `const level = normalizeLevel(...)` then `listLevel(level)` reads like mounting a router made
    // by a call; it is not one, and must not make the factory's file count as an app.
    const files = (imported: string) => [
      { file: '/s/src/server.ts', text: `import { Hono } from 'hono';\nimport { ${imported} } from './lib';\nconst app = new Hono();\napp.route('/t', ${imported}());\nexport default app;\n` },
      { file: '/s/src/lib/index.ts', text: "export { createTransform } from './transform';\nexport { createFiles } from './files';\n" },
      { file: '/s/src/lib/transform.ts', text: "import { Hono } from 'hono';\nexport function createTransform() {\n  const t = new Hono();\n  t.get('/*', (c) => c.text('img'));\n  return t;\n}\n" },
      {
        file: '/s/src/lib/files.ts',
        text: [
          "import { Hono } from 'hono';",
          "import { normalizeLevel } from './paths';",
          'export function createFiles() {',
          '  const files = new Hono();',
          '  function listLevel(level: string) {',
          '    return { level, items: [] as string[] };',
          '  }',
          "  files.get('/', (c) => {",
          "    const level = normalizeLevel(c.req.query('path') ?? '');",
          '    return c.json({ ...listLevel(level) });',
          '  });',
          "  files.get('/stats', (c) => c.json({}));",
          '  return files;',
          '}',
        ].join('\n'),
      },
      { file: '/s/src/lib/paths.ts', text: "export function normalizeLevel(p: string): string {\n  return p.replace(/^\\/+/, '');\n}\n" },
    ];
    const lines = (imported: string) => collectRoutes(files(imported), { moduleOf, files: files(imported).map((f) => f.file) }).routes.map((r) => `${r.method} ${r.path}`).sort();
    assert.deepEqual(lines('createTransform'), ['GET /t/*']);
    assert.deepEqual(lines('createFiles'), ['GET /t', 'GET /t/stats']);
  });
  test('a router built in place by a method chain whose inline handlers take the context is a router, not a plugin: unimported, kept as one whose handlers take nothing is', () => {
    // A registry file written at build time (`routes.ts`, git-ignored) mounts each module; the scan sees only the modules.
    const files = [
      { file: '/s/src/index.ts', text: "import { Elysia } from 'elysia';\nimport { users } from './modules/users';\nnew Elysia().use(users).listen(3000);\n" },
      { file: '/s/src/modules/users.ts', text: "import Elysia from 'elysia';\nexport const users = new Elysia({ prefix: '/users' }).get('/', () => []);\n" },
      { file: '/s/src/modules/status.ts', text: "import Elysia, { Context } from 'elysia';\nimport { reply } from '../reply';\nexport const status = new Elysia({ prefix: '/status' }).get(\n  '/',\n  (ctx: Context) => {\n    return reply(ctx.set, 200, 'up');\n  },\n);\n" },
      { file: '/s/src/reply.ts', text: "export function reply(set: { status?: number }, status: number, message: string) {\n  set.status = status;\n  return { status, message };\n}\n" },
      { file: '/s/src/modules/ping.ts', text: "import Elysia from 'elysia';\nexport const ping = new Elysia({ prefix: '/ping' }).get('/', () => 'pong');\n" },
    ];
    const lines = collectRoutes(files, { moduleOf, files: files.map((f) => f.file) }).routes.map((r) => `${r.method} ${r.path}`).sort();
    assert.deepEqual(lines, ['GET /ping', 'GET /status', 'GET /users']);
  });
});
