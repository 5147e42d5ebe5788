// Servers that find their route files at start-up (a folder listed or searched at run time) and
// register what each file exports: read against the tree's files, never at a guessed path.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const loader = [
  "import jetpack from 'fs-jetpack';",
  "import { fileURLToPath, pathToFileURL } from 'node:url';",
  "import type { FastifyInstance } from 'fastify';",
  'export async function loadRoutes(server: FastifyInstance) {',
  "  const ext = process.env.COMPILED ? 'js' : 'ts';",
  "  const found = await jetpack.findAsync(fileURLToPath(new URL('../handlers', import.meta.url)), { matching: `*.${ext}` });",
  '  const files = found.filter((f) => !f.endsWith(`.spec.${ext}`));',
  '  for (const file of files) {',
  '    const mod = await import(pathToFileURL(file).href);',
  '    const opts = mod.options;',
  '    if (!opts?.url || !opts?.method) continue;',
  "    opts.url = `${mod.options?.bare ? '' : '/v2'}${opts.url}`;",
  '    server.withTypeProvider<Zod>().route({ method: opts.method.toUpperCase(), url: opts.url, handler: (req, res) => mod.run(req, res) });',
  '  }',
  '}',
].join('\n');

const handler = (options: string) => `export const options = ${options};\nexport const run = async (req, res) => res.send({});\n`;

suite('route files found by a folder search at start-up', () => {
  test("each file below the searched folder that the search's pattern and filter keep registers the options it exports, its url joined with what the loader puts before it", () => {
    const sources = [
      { file: '/s/src/core/loader.ts', text: loader },
      { file: '/s/src/handlers/GetThing.ts', text: handler("{ url: '/things/:id', method: 'get' }") },
      { file: '/s/src/handlers/admin/users/BanUser.ts', text: handler("{ url: '/admin/users/:id/ban', method: 'post', middlewares: ['auth'] }") },
      { file: '/s/src/handlers/Health.ts', text: handler("{ url: '/health', method: 'get', bare: true }") },
      { file: '/s/src/handlers/Quiet.ts', text: handler("{ url: '/quiet', method: 'delete', bare: false }") },
      { file: '/s/src/handlers/GetThing.spec.ts', text: handler("{ url: '/not-a-route', method: 'get' }") },
      { file: '/s/src/other/Elsewhere.ts', text: handler("{ url: '/elsewhere', method: 'get' }") },
    ];
    const files = sources.map((s) => s.file);
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /health', 'POST /v2/admin/users/:id/ban', 'DELETE /v2/quiet', 'GET /v2/things/:id']);
    assert.deepEqual(warnings, []);
  });

  test("a file whose options are not known statically (the prefix test on a value computed at run time) is a warning with the loader's line, not a route at a guessed path", () => {
    const sources = [
      { file: '/s/src/core/loader.ts', text: loader },
      { file: '/s/src/handlers/GetThing.ts', text: handler("{ url: '/things', method: 'get', bare: isBare() }") },
      { file: '/s/src/handlers/GetOther.ts', text: handler("{ url: '/other', method: 'get' }") },
    ];
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /v2/other']);
    assert.deepEqual(warnings, ['/s/src/core/loader.ts:13: server.route({...}) method or url is not known statically; route skipped (list it in x-runtime-drift.routes)']);
  });

  test("Express: each router file of the server's own folder, listed at start-up, mounted under a prefix made of its file name", () => {
    const index = [
      "const fs = require('fs');",
      "const path = require('path');",
      "const express = require('express');",
      'const app = express();',
      'fs.readdirSync(__dirname)',
      "  .filter((file) => file.endsWith('.routes.js'))",
      '  .forEach((file) => {',
      "    const name = path.basename(file, '.routes.js');",
      '    app.use(`/api/${name}`, require(path.join(__dirname, file)));',
      '  });',
      'module.exports = app;',
    ].join('\n');
    const router = (path: string) => `const router = require('express').Router();\nrouter.get('${path}', h);\nmodule.exports = router;\n`;
    const sources = [
      { file: '/s/routes/index.js', text: index },
      { file: '/s/routes/users.routes.js', text: router('/:id') },
      { file: '/s/routes/orders.routes.js', text: router('/') },
    ];
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /api/orders', 'GET /api/users/:id']);
    assert.deepEqual(warnings, []);
  });

  test('a folder listed by its own index file: every other file kept by the filter (names compared too) is mounted, never the index itself', () => {
    const index = [
      "const fs = require('fs');",
      "const router = require('express').Router();",
      "fs.readdirSync(__dirname).filter((f) => f !== 'helpers.js').forEach((f) => router.use('/' + f.replace(/\\.js$/, ''), require('./' + f)));",
      'module.exports = router;',
    ].join('\n');
    const sources = [
      { file: '/s/app.js', text: "const app = require('express')();\napp.use('/v2', require('./v2/index.js'));\napp.listen(3000);\n" },
      { file: '/s/v2/index.js', text: index },
      { file: '/s/v2/items.js', text: "const r = require('express').Router();\nr.get('/:id', h);\nmodule.exports = r;\n" },
      { file: '/s/v2/helpers.js', text: "const r = require('express').Router();\nr.get('/not-mounted', h);\nmodule.exports = r;\n" },
    ];
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    // helpers.js, left out by the filter, is not under /v2/helpers: a router nothing mounts is shown at its own paths.
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /not-mounted', 'GET /v2/items/:id']);
    assert.deepEqual(warnings, []);
  });

  test("a loop over a listed folder that skips, with a guard at its top, the names not ending as it wants (if (!f.endsWith('.routes.js')) continue) mounts only the kept files", () => {
    const index = [
      "const fs = require('fs');",
      "const path = require('path');",
      "const express = require('express');",
      'const app = express();',
      'for (const file of fs.readdirSync(__dirname)) {',
      "  if (!(file.endsWith('.routes.js') || file.endsWith('.routes.ts'))) continue;",
      "  app.use('/api', require(path.join(__dirname, file)));",
      '}',
      'module.exports = app;',
    ].join('\n');
    const router = (path: string) => `const router = require('express').Router();\nrouter.get('${path}', h);\nmodule.exports = router;\n`;
    const sources = [
      { file: '/s/routes/index.js', text: index },
      { file: '/s/routes/users.routes.js', text: router('/users/:id') },
      { file: '/s/routes/orders.routes.js', text: router('/orders') },
      { file: '/s/routes/health.js', text: router('/health') },
    ];
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    // health.js, skipped by the guard, is not under /api: a router nothing mounts is shown at its own paths.
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /api/orders', 'GET /api/users/:id', 'GET /health']);
    assert.deepEqual(warnings, []);
  });

  test('two functions that each name their own listed folder with the same name (const dir in each) list each its own folder', () => {
    const index = [
      "const fs = require('fs');",
      "const path = require('path');",
      'function mountV1(app) {',
      "  const dir = path.join(__dirname, 'v1');",
      "  for (const file of fs.readdirSync(dir)) app.use('/api/v1', require(path.join(dir, file)));",
      '}',
      'function mountV2(app) {',
      "  const dir = path.join(__dirname, 'v2');",
      "  for (const file of fs.readdirSync(dir)) app.use('/api/v2', require(path.join(dir, file)));",
      '}',
      "const app = require('express')();",
      'mountV1(app);',
      'mountV2(app);',
      'app.listen(3000);',
    ].join('\n');
    const router = (path: string) => `const router = require('express').Router();\nrouter.get('${path}', h);\nmodule.exports = router;\n`;
    const sources = [
      { file: '/s/server.js', text: index },
      { file: '/s/v1/users.js', text: router('/users') },
      { file: '/s/v2/orders.js', text: router('/orders') },
    ];
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /api/v1/users', 'GET /api/v2/orders']);
    assert.deepEqual(warnings, []);
  });

  test("hapi: a glob below the plugin's own folder (`cwd: __dirname`) loads each matching file's route table, the filter's excluded name and files elsewhere left out", () => {
    const plugin = [
      "const { globSync } = require('node:fs');",
      'exports.plugin = {',
      "  name: 'tables',",
      '  register(server) {',
      "    globSync('**/table.js', { cwd: __dirname })",
      "      .filter((f) => f !== 'table.js')",
      "      .forEach((f) => server.route(require('./' + f)));",
      '  },',
      '};',
    ].join('\n');
    const table = (method: string, path: string) => `module.exports = [{ method: '${method}', path: '${path}', handler: () => 'ok' }];\n`;
    const sources = [
      { file: '/s/src/web/routes.js', text: plugin },
      { file: '/s/src/web/table.js', text: table('GET', '/top') },
      { file: '/s/src/web/books/table.js', text: table('GET', '/books/{id}') },
      { file: '/s/src/web/shelves/deep/table.js', text: table('POST', '/shelves') },
      { file: '/s/src/web/books/other.js', text: table('GET', '/other') },
      { file: '/s/src/elsewhere/table.js', text: table('GET', '/elsewhere') },
    ];
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /books/:id', 'POST /shelves']);
    assert.deepEqual(warnings, []);
  });

  test('Express: a glob pattern starting at the file’s own folder lists whole paths, each a router mounted where the loop says', () => {
    const index = [
      "const glob = require('glob');",
      "const path = require('path');",
      "const app = require('express')();",
      "for (const file of glob.sync(path.join(__dirname, 'api', '*.router.js'))) app.use('/api', require(file));",
      'app.listen(3000);',
    ].join('\n');
    const router = (path: string) => `const router = require('express').Router();\nrouter.get('${path}', h);\nmodule.exports = router;\n`;
    const sources = [
      { file: '/s/server.js', text: index },
      { file: '/s/api/users.router.js', text: router('/users') },
      { file: '/s/api/orders.router.js', text: router('/orders') },
      { file: '/s/api/helpers.js', text: 'module.exports = { limit: 10 };\n' },
    ];
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /api/orders', 'GET /api/users']);
    assert.deepEqual(warnings, []);
  });

  test("a glob relative to the process's working folder, or one whose options drop files, is not read: the load stays a warning", () => {
    const plugin = (call: string) => ["const glob = require('glob');", 'exports.plugin = { name: "t", register(server) {', `  ${call}.forEach((f) => server.route(require('./' + f)));`, '} };'].join('\n');
    for (const call of ["glob.sync('routes/*.js')", "glob.sync('*.js', { cwd: __dirname, ignore: ['a.js'] })"]) {
      const sources = [
        { file: '/s/plugin.js', text: plugin(call) },
        { file: '/s/a.js', text: "module.exports = [{ method: 'GET', path: '/a', handler: () => 'ok' }];\n" },
      ];
      const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
      assert.deepEqual(routes, [], call);
      assert.ok(warnings.some((w) => w.startsWith('/s/plugin.js:3: server.route(require(...)) loads its routes from a module named at run time')), call);
    }
  });

  test("node-dir's synchronous recursive listing of a folder below the file: each file below it that the match keeps is loaded by its whole path; other options are not read", () => {
    const server = (options: string) =>
      [
        "const { files } = require('node-dir');",
        "const { join } = require('path');",
        "const app = require('fastify')();",
        "const folder = join(__dirname, 'endpoints');",
        `files(folder, ${options}).forEach((file) => {`,
        '  const spec = require(file);',
        '  app.route({ method: spec.method, url: spec.url, handler: spec.handler });',
        '});',
      ].join('\n');
    const endpoint = (method: string, url: string) => `module.exports = { method: '${method}', url: '${url}', handler: async () => ({}) };\n`;
    const tree = [
      { file: '/s/src/endpoints/ping.js', text: endpoint('GET', '/ping') },
      { file: '/s/src/endpoints/deep/er/thing.js', text: endpoint('POST', '/thing') },
      { file: '/s/src/endpoints/notes.md', text: '# not code\n' },
      { file: '/s/src/elsewhere/other.js', text: endpoint('GET', '/other') },
    ];
    const run = (options: string) => {
      const sources = [{ file: '/s/src/server.js', text: server(options) }, ...tree];
      return collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    };
    const listed = run('{ exclude: /^\\./, match: /\\.js$/, sync: true }');
    assert.deepEqual(listed.routes.map((r) => `${r.method} ${r.path}`), ['GET /ping', 'POST /thing']);
    assert.deepEqual(listed.warnings, []);
    for (const options of ['{ match: /\\.js$/ }', '{ match: /\\.js$/, sync: true, shortName: true }', '{ match: /^[a-z]+\\.js$/, sync: true }']) assert.deepEqual(run(options).routes, [], options);
  });

  test('without the tree’s files the searched folder is not known: no route', () => {
    const sources = [
      { file: '/s/src/core/loader.ts', text: loader },
      { file: '/s/src/handlers/GetThing.ts', text: handler("{ url: '/things', method: 'get' }") },
    ];
    assert.deepEqual(collectRoutes(sources, { moduleOf: () => undefined }).routes, []);
  });
});

suite('route files listed at start-up by a loader function, their exports mounted by name', () => {
  const esRouter = (body: string, extra = '') => `import { Router } from 'express';\nconst router = Router();\n${extra}${body}\nexport default router;\n`;
  const files = (loader: string, app = "import express from 'express';\nimport shop from './boot/mount';\nconst app = express();\napp.use(shop);\napp.listen(3000);\n") => [
    { file: '/w/src/index.ts', text: app },
    { file: '/w/src/boot/mount.ts', text: loader },
    { file: '/w/src/parts/widgets.ts', text: esRouter("router.get('/:sku', h);") },
    { file: '/w/src/parts/carts.ts', text: esRouter("router.post('/', h);") },
  ];
  const run = (sources: { file: string; text: string }[]) => {
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
  };

  test("a member of each listed file's module (require(join(dir, file)).default) is mounted under the file's name", () => {
    const loader = [
      "import { Router } from 'express';",
      "import path from 'path';",
      "import fs from 'fs';",
      'const shop = Router();',
      "const partsDir = path.join(__dirname, '../parts');",
      'for (const file of fs.readdirSync(partsDir)) {',
      "  shop.use(`/shop/${file.replace(/\\.(ts|js)$/, '')}`, require(path.join(partsDir, file)).default);",
      '}',
      'export default shop;',
    ].join('\n');
    assert.deepEqual(run(files(loader)), { routes: ['GET /shop/widgets/:sku', 'POST /shop/carts'], warnings: [] });
  });

  test('a module loaded from a URL held in a local name (const url = pathToFileURL(join(dir, file)).href; await import(url)), its default taken into another name', () => {
    const loader = [
      "import { Router } from 'express';",
      "import path from 'path';",
      "import fs from 'fs';",
      "import { pathToFileURL } from 'url';",
      'const shop = Router();',
      "const partsDir = path.join(__dirname, '../parts');",
      'for (const file of fs.readdirSync(partsDir)) {',
      "  const part = file.replace(/\\.(ts|js)$/, '');",
      '  const url = pathToFileURL(path.join(partsDir, file)).href;',
      '  const loaded = await import(url);',
      '  const mounted = loaded.default;',
      '  shop.use(`/shop/${part}`, mounted);',
      '}',
      'export default shop;',
    ].join('\n');
    assert.deepEqual(run(files(loader)), { routes: ['GET /shop/widgets/:sku', 'POST /shop/carts'], warnings: [] });
  });

  const loaderFunction = (calls: string) =>
    [
      "import { Router } from 'express';",
      "import path from 'path';",
      "import fs from 'fs';",
      'const shop = Router();',
      'const open = Router();',
      "const partsDir = path.join(__dirname, '../parts');",
      'async function mountParts(into: Router, openInto: Router, dir: string, base: string): Promise<void> {',
      '  for (const file of fs.readdirSync(dir)) {',
      "    if (file.endsWith('.ts')) {",
      "      const at = `${base}/${file.replace(/\\.ts$/, '')}`;",
      '      const loaded = await import(path.join(dir, file));',
      '      const main = loaded.default;',
      '      const extra = loaded.openRouter;',
      '      into.use(at, main);',
      '      if (extra) openInto.use(at, extra);',
      '    }',
      '  }',
      '}',
      calls,
      'export default shop;',
      'export { open };',
    ].join('\n');
  const appWithOpen = "import express from 'express';\nimport shop, { open } from './boot/mount';\nconst app = express();\napp.use(open);\napp.use(shop);\napp.listen(3000);\n";

  test("a loader function the file calls once: its folder, prefix and routers are what that call passes; a file's second exported router is mounted where the call's second router is", () => {
    const sources = files(loaderFunction("await mountParts(shop, open, partsDir, '/shop');"), appWithOpen);
    sources.push({ file: '/w/src/parts/sessions.ts', text: esRouter("router.get('/mine', h);\nopenRouter.post('/start', h);\nexport { openRouter };", 'const openRouter = Router();\n') });
    assert.deepEqual(run(sources), { routes: ['GET /shop/sessions/mine', 'GET /shop/widgets/:sku', 'POST /shop/carts', 'POST /shop/sessions/start'], warnings: [] });
  });

  test("an ES module's folder named through local names (const here = dirname(fileURLToPath(import.meta.url)); resolve(here, '..')), the loaded module's default mounted inline under a continue guard", () => {
    const loader = [
      "import { Router } from 'express';",
      "import path from 'node:path';",
      "import { readdirSync } from 'node:fs';",
      "import { fileURLToPath } from 'node:url';",
      'const here = path.dirname(fileURLToPath(import.meta.url));',
      "const srcFolder = path.resolve(here, '..');",
      "const partsDir = path.resolve(srcFolder, './parts');",
      'const shop = Router();',
      'for (const file of readdirSync(partsDir)) {',
      "  if (!file.endsWith('.ts')) continue;",
      '  const loaded = await import(path.join(partsDir, file));',
      "  shop.use(`/shop/${file.replace(/\\.ts$/, '')}`, loaded.default);",
      '}',
      'export default shop;',
    ].join('\n');
    assert.deepEqual(run(files(loader)), { routes: ['GET /shop/widgets/:sku', 'POST /shop/carts'], warnings: [] });
  });

  test("a folder below one another file exports (export const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..') through local names), each file's path held in a name before its URL is loaded", () => {
    const paths = [
      "import path from 'node:path';",
      "import { fileURLToPath } from 'node:url';",
      'const thisFile = fileURLToPath(import.meta.url);',
      'const thisFolder = path.dirname(thisFile);',
      "export const srcRoot: string = path.resolve(thisFolder, '..');",
    ].join('\n');
    const loader = [
      "import { Router } from 'express';",
      "import path from 'node:path';",
      "import fs from 'node:fs';",
      "import { pathToFileURL } from 'node:url';",
      "import { srcRoot } from '../lib/paths';",
      'const shop = Router();',
      'const open = Router();',
      "const partsDir = path.resolve(srcRoot, './parts');",
      'async function mountParts(into: Router, openInto: Router, dir: string, base: string): Promise<void> {',
      '  for (const file of fs.readdirSync(dir)) {',
      "    const name = file.replace(/\\.(ts|js)$/, '');",
      '    const modulePath = path.join(dir, file);',
      '    const loaded = await import(pathToFileURL(modulePath).href);',
      '    into.use(`${base}/${name}`, loaded.default);',
      '    const extra = loaded.openRouter;',
      '    if (extra) {',
      '      openInto.use(`${base}/${name}`, extra);',
      '    }',
      '  }',
      '}',
      "await mountParts(shop, open, partsDir, '/shop');",
      'export default shop;',
      'export { open };',
    ].join('\n');
    const sources = [...files(loader, appWithOpen), { file: '/w/src/lib/paths.ts', text: paths }];
    sources.push({ file: '/w/src/parts/sessions.ts', text: esRouter("router.get('/mine', h);\nopenRouter.post('/start', h);\nexport { openRouter };", 'const openRouter = Router();\n') });
    assert.deepEqual(run(sources), { routes: ['GET /shop/sessions/mine', 'GET /shop/widgets/:sku', 'POST /shop/carts', 'POST /shop/sessions/start'], warnings: [] });
  });

  test('a loader function called twice: its parameters are not one value, so nothing is mounted at a guessed prefix', () => {
    const { routes } = run(files(loaderFunction("await mountParts(shop, open, partsDir, '/shop');\nawait mountParts(shop, open, partsDir, '/store');")));
    assert.ok(!routes.some((r) => r.startsWith('GET /shop/') || r.startsWith('GET /store/')), routes.join(', '));
  });
});

suite('route definitions in the files of a listed folder, each naming its method and path', () => {
  // Each file's default export describes one route ({ route: { verb, at } }); the loader registers it with the method as a computed key.
  const loader = (register: string) =>
    [
      "import fs from 'node:fs';",
      "import path from 'node:path';",
      "import Router from '@koa/router';",
      "import mount from 'koa-mount';",
      'const router = new Router();',
      'export async function registerAll(app) {',
      "  const dir = path.join(__dirname, 'operations');",
      "  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {",
      '    const mod = await import(path.join(dir, file));',
      '    const def = mod.default;',
      `    ${register}`,
      '  }',
      "  app.use(mount('/tasks', router.routes()));",
      '}',
    ].join('\n');
  const op = (verb: string, at: string) => `export default { route: { verb: '${verb}', at: '${at}' }, run: async (ctx) => { ctx.body = 1; } };\n`;
  const sources = (register: string) => [
    { file: '/k/src/routes.ts', text: loader(register) },
    { file: '/k/src/operations/list.ts', text: op('get', '/') },
    { file: '/k/src/operations/close.ts', text: op('post', '/:id/close') },
    // Not a method: a file describing something else registers no route.
    { file: '/k/src/operations/shared.ts', text: op('prefix', '/x') },
    { file: '/k/src/operations/notes.md', text: '# not a module\n' },
  ];

  test("router[def.route.verb](def.route.at, ...) reads each file's own method and path, under the router's mount; a member that is no method gives no route", () => {
    const files = sources('router[def.route.verb](def.route.at, def.run);');
    const { routes, warnings } = collectRoutes(files, { moduleOf: () => undefined, files: files.map((s) => s.file) });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /tasks', 'POST /tasks/:id/close']);
    assert.deepEqual(warnings, []);
  });

  // The same files made by a factory of another file: it returns one object literal built from its options (and a handler of its own).
  const factory = [
    'export default function defineOperation(options) {',
    '  const wrapped = async (ctx) => { ctx.body = await options.run(ctx); };',
    '  return { route: { verb: options.verb, at: options.at } as Described, run: wrapped };',
    '}',
  ].join('\n');
  const made = (args: string) => `import defineOperation from '../define';\nexport default defineOperation({ ${args}, run: async () => 1 });\n`;

  test("a file's default export made by another file's factory from an object literal: the member read is the factory's, its option filled from that file's literal", () => {
    const files = [
      ...sources('router[def.route.verb](def.route.at, def.run);').slice(0, 1),
      { file: '/k/src/define.ts', text: factory },
      { file: '/k/src/operations/list.ts', text: made("verb: 'get', at: '/'") },
      { file: '/k/src/operations/close.ts', text: made("at: '/:id/close', verb: 'post'") },
      // An option that is no literal of its own file (another file's constant) is not guessed: a warning, no route.
      { file: '/k/src/operations/open.ts', text: `import { AT } from '../paths';\n${made("verb: 'post', at: AT")}` },
      { file: '/k/src/paths.ts', text: "export const AT = '/:id/open';\n" },
    ];
    const { routes, warnings } = collectRoutes(files, { moduleOf: () => undefined, files: files.map((s) => s.file) });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /tasks', 'POST /tasks/:id/close']);
    assert.deepEqual(warnings, ['/k/src/routes.ts:11: OpenAPI route method or path not found statically; route skipped (list it in x-runtime-drift.routes)']);
  });

  test('without the listed files, the computed method is warned of, never guessed', () => {
    const files = sources('router[def.route.verb](def.route.at, def.run);').slice(0, 1);
    const { routes, warnings } = collectRoutes(files, { moduleOf: () => undefined, files: files.map((s) => s.file) });
    assert.deepEqual(routes, []);
    assert.equal(warnings.length, 1, warnings.join('\n'));
  });
});

suite('folders of a listed folder, each loaded by its name', () => {
  const area = (verb: string, at: string) => `import { Router } from 'express';\nconst router = Router();\nrouter.${verb}('${at}', (req, res) => res.end());\nexport default router;\n`;
  const tree = [
    { file: '/k/src/areas/books/index.ts', text: area('get', '/') },
    { file: '/k/src/areas/shelves/index.ts', text: area('post', '/:id') },
    { file: '/k/src/areas/archive/index.ts', text: area('delete', '/:id') },
    // A folder without an index module loads nothing by its name; a file of the folder is an entry too.
    { file: '/k/src/areas/drafts/notes.ts', text: area('put', '/draft') },
    { file: '/k/src/areas/shared.ts', text: 'export const limit = 10;\n' },
  ];
  const app = (list: string) =>
    [
      "import express from 'express';",
      "import fs from 'node:fs';",
      "import path from 'node:path';",
      'const app = express();',
      "const AREAS = path.join(__dirname, 'areas');",
      list,
      'for (const name of names) {',
      '  app.use(`/${name}`, require(path.join(AREAS, name)).default);',
      '}',
      'app.listen(3000);',
    ].join('\n');
  const run = (list: string) => {
    const sources = [{ file: '/k/src/app.ts', text: app(list) }, ...tree];
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
  };

  test("readdirSync's names hold the folders below: each one with an index module is mounted under its name", () => {
    assert.deepEqual(run('const names = fs.readdirSync(AREAS);'), { routes: ['DELETE /archive/:id', 'GET /books', 'POST /shelves/:id'], warnings: [] });
  });

  test("folder entries kept by isDirectory() and a list of names to skip, then mapped to their names (.map((d) => d.name)); a kept folder loading no module is warned of by its path", () => {
    const list = [
      "const SKIP = ['archive'];",
      'const names = fs.readdirSync(AREAS, { withFileTypes: true }).filter((d) => d.isDirectory()).filter((d) => !SKIP.includes(d.name)).map((d) => d.name);',
    ].join('\n');
    assert.deepEqual(run(list), {
      routes: ['GET /books', 'POST /shelves/:id'],
      warnings: ['/k/src/app.ts:9: mount of require(./areas/drafts).default at /drafts not resolved; its routes stay unprefixed (list them in x-runtime-drift.routes)'],
    });
  });

  test('a map of the entries to something else than their names is not read as a listing: the loop stays a warning', () => {
    const { routes, warnings } = run('const names = fs.readdirSync(AREAS, { withFileTypes: true }).map((d) => d.path);');
    assert.ok(!routes.includes('GET /books'), routes.join(', '));
    assert.equal(warnings.length, 1, warnings.join('\n'));
  });
});
