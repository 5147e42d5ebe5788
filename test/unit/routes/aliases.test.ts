import assert from 'node:assert/strict';
import { readPathAliases, workspacePackageAliases } from '../../../src/core/routes/aliases';
import { collectRoutes } from '../helpers/collectText';
import { memFs } from '../helpers/memFs';

suite('route import aliases', () => {
  test("package.json imports (Node's subpath imports) resolve like tsconfig paths, conditional targets included", async () => {
    const fs = memFs({
      '/ws/apps/api/package.json': JSON.stringify({ name: '@x/api', imports: { '#api/*': './src/*', '#db': { types: './src/db/index.ts', default: './dist/db/index.js' }, '#ext': 'some-package' } }),
      '/ws/apps/api/tsconfig.json': '{"compilerOptions":{"paths":{"@lib/*":["./src/lib/*"]}}}',
      '/ws/apps/api/src/app.ts': '',
    });
    const aliases = await readPathAliases(fs, '/ws/apps/api', '/ws');
    assert.deepEqual(aliases, [
      { pattern: '@lib/*', targets: ['/ws/apps/api/src/lib/*'] },
      { pattern: '#api/*', targets: ['/ws/apps/api/src/*'] },
      { pattern: '#db', targets: ['/ws/apps/api/src/db/index.ts', '/ws/apps/api/dist/db/index.js'] },
      { pattern: '#ext', targets: [] },
    ]);
    const routes = collectRoutes(
      [
        { file: '/ws/apps/api/src/app.ts', text: "import { Hono } from 'hono';\nimport users from '#api/routes/users.ts';\nconst app = new Hono();\napp.route('/users', users);\n" },
        { file: '/ws/apps/api/src/routes/users.ts', text: "import { Hono } from 'hono';\nconst users = new Hono();\nusers.get('/:id', (c) => c.json({}));\nexport default users;\n" },
      ],
      { moduleOf: () => undefined, aliases },
    ).routes.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(routes, ['GET /users/:id']);
  });

  test("a tsconfig of the source folder (src/tsconfig.json, the project a build compiles) gives the aliases when none at or above the app declares any; one above that does wins", async () => {
    const fs = memFs({
      '/ws/server/tsconfig.json': '{ "compilerOptions": { "noEmit": true } }',
      '/ws/server/src/tsconfig.json': '{\n  "extends": "../tsconfig.json",\n  "compilerOptions": {\n    "outDir": "../dist",\n    // aliases of the build\n    "paths": { "my-server/*": ["./core/server/*"] },\n  },\n}',
    });
    assert.deepEqual(await readPathAliases(fs, '/ws/server', '/ws'), [{ pattern: 'my-server/*', targets: ['/ws/server/src/core/server/*'] }]);
    const above = memFs({ '/ws/server/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./lib/*"] } } }', '/ws/server/src/tsconfig.json': '{ "compilerOptions": { "paths": { "x/*": ["./x/*"] } } }' });
    assert.deepEqual(await readPathAliases(above, '/ws/server', '/ws'), [{ pattern: '@/*', targets: ['/ws/server/lib/*'] }]);
  });

  test('a JavaScript project\'s jsconfig.json paths resolve like tsconfig paths (tsc and editors read it; a --loader or bundler applies it at run time)', async () => {
    const fs = memFs({
      '/ws/packages/backend/jsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/routes/*": ["src/routes/*"] } } }',
      '/ws/packages/backend/src/app.js': '',
    });
    const aliases = await readPathAliases(fs, '/ws/packages/backend/src', '/ws');
    assert.deepEqual(aliases, [
      { pattern: '@/routes/*', targets: ['/ws/packages/backend/src/routes/*'] },
      { pattern: '*', targets: ['/ws/packages/backend/*'] },
    ]);
    const routes = collectRoutes(
      [
        { file: '/ws/packages/backend/src/app.js', text: "import express from 'express';\nimport users from '@/routes/users.js';\nconst app = express();\napp.use('/users', users);\napp.listen(3000);\n" },
        { file: '/ws/packages/backend/src/routes/users.js', text: "import { Router } from 'express';\nconst router = Router();\nrouter.get('/:id', (req, res) => res.json({}));\nexport default router;\n" },
      ],
      { moduleOf: () => undefined, aliases },
    ).routes.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(routes, ['GET /users/:id']);
  });

  test("a Deno project's deno.json import map: a '/'-ending key maps every specifier it starts (@/ -> ./), packages (npm:, jsr:) are no aliases", async () => {
    const fs = memFs({
      '/ws/deno.json': JSON.stringify({ tasks: { dev: 'deno run -A src/main.ts' }, imports: { '@/': './', '~utils': './src/utils/index.ts', express: 'npm:express@^4', '@std/http': 'jsr:@std/http@^1' } }),
      '/ws/src/main.ts': '',
    });
    const aliases = await readPathAliases(fs, '/ws/src', '/ws');
    assert.deepEqual(aliases, [
      { pattern: '@/*', targets: ['/ws/*'] },
      { pattern: '~utils', targets: ['/ws/src/utils/index.ts'] },
    ]);
    const routes = collectRoutes(
      [
        { file: '/ws/src/main.ts', text: "import express from 'express';\nimport makeRoutes from '@/src/http/routes.ts';\nconst server = express();\nserver.use('/', makeRoutes());\nserver.listen(3000);\n" },
        { file: '/ws/src/http/routes.ts', text: "import express from 'express';\nexport default function makeRoutes() {\n  const r = express.Router();\n  r.get('/health', (req, res) => res.json({}));\n  return r;\n}\n" },
      ],
      { moduleOf: () => undefined, aliases },
    ).routes.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(routes, ['GET /health']);
  });

  test("deno.json's importMap names the import map file; its entries resolve from that file's folder", async () => {
    const fs = memFs({
      '/ws/deno.jsonc': '{ // config\n "importMap": "./config/import_map.json" }',
      '/ws/config/import_map.json': JSON.stringify({ imports: { '$lib/': '../lib/' } }),
    });
    assert.deepEqual(await readPathAliases(fs, '/ws', '/ws'), [{ pattern: '$lib/*', targets: ['/ws/lib/*'] }]);
  });
});

suite('route import aliases: ${configDir}', () => {
  test("a base config's baseUrl of ${configDir} is the extending app's folder: its paths alias (@x/server/* -> ./src/*) resolves there", async () => {
    const fs = memFs({
      '/ws/tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '${configDir}' } }),
      '/ws/apps/server/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { paths: { '@x/server/*': ['./src/*'] } } }),
      '/ws/apps/server/src/app.ts': '',
    });
    const aliases = await readPathAliases(fs, '/ws/apps/server/src', '/ws');
    assert.deepEqual(aliases[0], { pattern: '@x/server/*', targets: ['/ws/apps/server/src/*'] });
  });
});

suite('route import aliases: workspace packages', () => {
  test("a bare import of a workspace package reaches its source through `exports` (dist -> src by its tsconfig): the mount's prefix applies", async () => {
    const fs = memFs({
      '/ws/packages/dash/package.json': JSON.stringify({
        name: 'dash',
        main: './dist/index.js',
        exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './hono': { types: './dist/adapters/hono.d.ts', import: './dist/adapters/hono.js' } },
      }),
      '/ws/packages/dash/tsconfig.json': '{ "compilerOptions": { "outDir": "./dist", "rootDir": "./src" } }',
      '/ws/packages/plain/package.json': JSON.stringify({ name: '@x/plain', main: 'lib/index.js' }),
    });
    const aliases = await workspacePackageAliases(fs, [
      { dir: '/ws/packages/dash', name: 'dash' },
      { dir: '/ws/packages/plain', name: '@x/plain' },
    ]);
    assert.deepEqual(aliases, [
      { pattern: 'dash', targets: ['/ws/packages/dash/src/index.ts', '/ws/packages/dash/dist/index.ts', '/ws/packages/dash/src/index.js', '/ws/packages/dash/dist/index.js'] },
      {
        pattern: 'dash/hono',
        targets: ['/ws/packages/dash/src/adapters/hono.ts', '/ws/packages/dash/dist/adapters/hono.ts', '/ws/packages/dash/src/adapters/hono.js', '/ws/packages/dash/dist/adapters/hono.js'],
      },
      { pattern: '@x/plain', targets: ['/ws/packages/plain/lib/index.js', '/ws/packages/plain/index'] },
      { pattern: '@x/plain/*', targets: ['/ws/packages/plain/*'] },
    ]);
    const routes = collectRoutes(
      [
        {
          file: '/ws/apps/worker/src/index.ts',
          text: "import { Hono } from 'hono';\nimport { dashboard } from 'dash/hono';\nconst app = new Hono();\nconst basePath = '/admin';\nfunction init() {\n  app.route(basePath, dashboard({ queues: [] }));\n}\ninit();\napp.get('/health', (c) => c.json({}));\nexport default app;\n",
        },
        {
          file: '/ws/packages/dash/src/adapters/hono.ts',
          text: "import { Hono } from 'hono';\nexport function dashboard(opts: unknown): Hono {\n  const app = new Hono();\n  app.get('/config', (c) => c.json(opts));\n  return app;\n}\n",
        },
      ],
      { moduleOf: () => undefined, aliases },
    ).routes.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(routes.sort(), ['GET /admin/config', 'GET /health']);
  });

  test('a subpath of a built package without an exports map (shared/validators) is read from its source root first: the root file is a bridge to dist', async () => {
    const fs = memFs({
      '/ws/packages/shared/package.json': JSON.stringify({ name: 'shared', main: 'dist/index.js' }),
      '/ws/packages/shared/tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }',
    });
    const aliases = await workspacePackageAliases(fs, [{ dir: '/ws/packages/shared', name: 'shared' }]);
    assert.deepEqual(aliases.find((a) => a.pattern === 'shared/*'), { pattern: 'shared/*', targets: ['/ws/packages/shared/src/*', '/ws/packages/shared/*'] });
    const routes = collectRoutes(
      [
        { file: '/ws/packages/shared/validators.js', text: "module.exports = require('./dist/validators');\n" },
        { file: '/ws/packages/shared/src/validators/index.ts', text: "export * from './paths';\n" },
        { file: '/ws/packages/shared/src/validators/paths.ts', text: "export const HEALTH_PATH = '/health';\n" },
        { file: '/ws/packages/api/src/app.ts', text: "import express from 'express';\nimport { HEALTH_PATH } from 'shared/validators';\nconst app = express();\napp.get(HEALTH_PATH, h);\n" },
      ],
      { moduleOf: () => undefined, aliases },
    ).routes.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(routes, ['GET /health']);
  });

  test("a call of a dependency's function with options mounts nothing and warns of nothing", () => {
    const { routes, warnings } = collectRoutes(
      [{ file: '/ws/src/app.ts', text: "import express from 'express';\nimport { createProxyRouter } from 'proxy-lib';\nconst app = express();\napp.use('/proxy', createProxyRouter({ target: 'x' }));\napp.get('/a', h);\n" }],
      { moduleOf: () => undefined },
    );
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /a']);
    assert.deepEqual(warnings, []);
  });

  test("`passport.use(config.id, withProxyAgent(strategy))`: a call making no router, its unknown first argument is no mount prefix to warn of", () => {
    const { warnings } = collectRoutes(
      [
        { file: '/ws/src/auth.ts', text: "import passport from 'passport';\nimport { withProxyAgent } from './proxy';\nimport config from './config';\npassport.use(config.id, withProxyAgent(new Strategy({})));\n" },
        { file: '/ws/src/proxy.ts', text: 'export function withProxyAgent(s: unknown) {\n  return s;\n}\n' },
      ],
      { moduleOf: () => undefined },
    );
    assert.deepEqual(warnings, []);
  });
});
