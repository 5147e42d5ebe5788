import assert from 'node:assert/strict';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { NEUTRAL_VERSION, type ExtractedFile } from '../../../src/core/routes/extracted';
import { scanWarningText, type ScanWarning } from '../../../src/core/scanTexts';

/** A file's warnings as the check shows them (they are data until then: core/scanTexts.ts). */
const warningsOf = (file: string, x: ExtractedFile): string[] => x.warnings.map((w) => scanWarningText(file, w));

const routesOf = (text: string) =>
  extractRoutesFromSource(text, '/ws/src/x.ts').routes.map((r) => `${r.method} ${r.path} @${r.line}`);

suite('extractRoutesFromSource: NestJS', () => {
  const controller = [
    "import { Controller, Get, Post, Delete } from '@nestjs/common';", // 1
    '', // 2
    "// @Get('commented-out')", // 3
    "/* @Post('in-a-block-comment') */", // 4
    "@Controller('workflows')", // 5
    'export class WorkflowsController {', // 6
    "  @Get('steps/definitions')", // 7
    "  definitions() { return \"@Get('inside-a-string')\"; }", // 8
    '', // 9
    '  @Post(', // 10
    "    ':id/run', // the run endpoint", // 11
    '  )', // 12
    "  run() { return /@Get\\('in-a-regex'\\)/.test(''); }", // 13
    '', // 14
    '  @Get()', // 15
    '  list() {}', // 16
    '}', // 17
    '', // 18
    "@Controller({ path: '/admin/', version: '1' })", // 19
    'export class AdminController {', // 20
    "  @Get(['users', 'groups'])", // 21
    '  lists() {}', // 22
    '  @Delete(`cache`)', // 23
    '  clear() {}', // 24
    '}', // 25
  ].join('\n');

  test('joins controller and method paths, reports the decorator line, skips comments and strings', () => {
    assert.deepEqual(routesOf(controller), [
      'GET /workflows/steps/definitions @7',
      'POST /workflows/:id/run @10',
      'GET /workflows @15',
      'GET /admin/users @21',
      'GET /admin/groups @21',
      'DELETE /admin/cache @23',
    ]);
  });

  test('marks Nest routes as nest kind', () => {
    const [first] = extractRoutesFromSource(controller, 'c.ts').routes;
    assert.equal(first?.kind, 'nest');
  });

  test('@Get(cond ? [paths] : [paths]) on an environment setting: the paths of both branches are routes, the others warned of, not shown', () => {
    const text = [
      "import { Controller, Get } from '@nestjs/common';",
      "@Controller('auth')",
      'export class AuthController {',
      "  @Get(process.env.MODE === 'dev' ? ['callback', 'dev/callback'] : ['callback'])",
      '  callback() {}',
      "  @Get(process.env.MODE === 'dev' ? ['a', 'b'] : ['c'])",
      '  other() {}',
      '}',
    ].join('\n');
    const x = extractRoutesFromSource(text, '/ws/src/x.ts');
    assert.deepEqual(x.routes.map((r) => `${r.method} ${r.path}`), ['GET /auth/callback']);
    assert.deepEqual(warningsOf('/ws/src/x.ts', x), [
      "/ws/src/x.ts:4: paths dev/callback are served only when process.env.MODE === 'dev' holds or only when it does not: not shown (list them in x-runtime-drift.routes where the server runs with them)",
      '/ws/src/x.ts:6: @Get path is not known statically; route skipped (list it in x-runtime-drift.routes)',
    ]);
  });

  test('@Controller() with no path puts routes at the root', () => {
    assert.deepEqual(routesOf("@Controller()\nclass A {\n  @Head('ping') p() {}\n  @All('*') any() {}\n}"), ['HEAD /ping @3', 'ALL /* @4']);
  });

  test('method decorators outside any controller, and look-alikes such as @GetUser(), are ignored', () => {
    assert.deepEqual(routesOf("class A { @Get('x') a() {} }"), []);
    assert.deepEqual(routesOf("@Controller('c')\nclass A { @Get() a(@GetUser() u: User) {} @Patch('p') b() {} }"), ['GET /c @2', 'PATCH /c/p @2']);
  });

  test('a path that is not a literal is skipped with a warning naming file and line', () => {
    const out = extractRoutesFromSource("@Controller('c')\nclass A {\n  @Get(PATHS.list) a() {}\n}", '/ws/src/a.ts');
    assert.deepEqual(out.routes, []);
    assert.deepEqual(warningsOf('/ws/src/a.ts', out), ['/ws/src/a.ts:3: @Get path is not known statically; route skipped (list it in x-runtime-drift.routes)']);
  });

  test('setGlobalPrefix in main.ts is normalised, with its exclude list and each entry\'s method', () => {
    const main = [
      'async function bootstrap() {',
      '  const app = await NestFactory.create(AppModule);',
      '  // app.setGlobalPrefix("old");',
      "  app.setGlobalPrefix('api/v1/', {",
      "    exclude: ['health', { path: 'metrics', method: RequestMethod.GET }],",
      '  });',
      '  await app.listen(3000);',
      '}',
    ].join('\n');
    const out = extractRoutesFromSource(main, 'main.ts');
    assert.equal(out.globalPrefix, '/api/v1');
    assert.deepEqual(out.globalPrefixExclude, [{ path: '/health' }, { path: '/metrics', method: 'GET' }]);
    assert.deepEqual(out.routes, []);
  });

  test("routes on the HTTP adapter of a Nest app (app.getHttpAdapter(), its getInstance(): the Express or Fastify app under it), whatever the variable's name", () => {
    const main = [
      'async function bootstrap() {', // 1
      '  const app = await NestFactory.create(AppModule);', // 2
      "  app.setGlobalPrefix('api');", // 3
      '  const underlying = app.getHttpAdapter().getInstance();', // 4
      "  underlying.disable('x-powered-by');", // 5
      '  underlying.use(helmet());', // 6
      "  underlying.get('/health-check', (_req, res) => res.send('ok'));", // 7
      '  const adapter = app.getHttpAdapter();', // 8
      "  adapter.post('/hooks/ping', (_req, res) => res.send('pong'));", // 9
      '  await app.listen(3000);', // 10
      '}',
    ].join('\n');
    assert.deepEqual(routesOf(main), ['GET /health-check @7', 'POST /hooks/ping @9']);
    // A test's app (made, then requests injected; never listening) serves nothing.
    const tested = main.replace('  await app.listen(3000);', '  await app.init();');
    assert.deepEqual(routesOf(tested), []);
  });
});

suite('extractRoutesFromSource: NestJS versioning', () => {
  const versioningOf = (call: string) => {
    const out = extractRoutesFromSource(`const app = await NestFactory.create(AppModule);\n${call}\n`, 'main.ts');
    return { v: out.uriVersioning, warnings: warningsOf('main.ts', out) };
  };

  test('enableVersioning: URI (the default type) with its prefix and default version; other types put nothing in the path', () => {
    assert.deepEqual(versioningOf('app.enableVersioning();').v, { prefix: 'v' });
    assert.deepEqual(versioningOf("app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });").v, { prefix: 'v', defaultVersion: ['1'] });
    assert.deepEqual(
      versioningOf("app.enableVersioning({\n  type: VersioningType.URI,\n  prefix: false,\n  defaultVersion: ['1', VERSION_NEUTRAL],\n});").v,
      { prefix: '', defaultVersion: ['1', NEUTRAL_VERSION] },
    );
    assert.deepEqual(versioningOf("app.enableVersioning({ prefix: 'version', defaultVersion: common.VERSION_NEUTRAL });").v, {
      prefix: 'version',
      defaultVersion: [NEUTRAL_VERSION],
    });
    assert.equal(versioningOf("app.enableVersioning({ type: VersioningType.HEADER, header: 'X-API-Version' });").v, undefined);
    assert.equal(versioningOf("// app.enableVersioning({ defaultVersion: '9' });").v, undefined);
  });

  test('enableVersioning options that are not literals: a warning, and no guessed version', () => {
    const typed = versioningOf('app.enableVersioning({ type: versioningType });');
    assert.equal(typed.v, undefined);
    assert.deepEqual(typed.warnings, ['main.ts:2: enableVersioning type is not a VersioningType member; versions are not put in route paths (set x-runtime-drift.routePrefix)']);
    const byDefault = versioningOf('app.enableVersioning({ defaultVersion: config.version });');
    assert.deepEqual(byDefault.v, { prefix: 'v' });
    assert.deepEqual(byDefault.warnings, ['main.ts:2: enableVersioning defaultVersion is not a string literal or VERSION_NEUTRAL; taken as none (set x-runtime-drift.routePrefix)']);
    assert.equal(versioningOf('app.enableVersioning(options);').v, undefined);
  });

  test("another package's object imported as is (a webpack config's Encore.enableVersioning(isProduction)) is no Nest app: no versioning, no warning", () => {
    for (const head of ["const Encore = require('@symfony/webpack-encore');", "import Encore from '@symfony/webpack-encore';", "import * as Encore from 'some-bundler';"]) {
      for (const call of ['Encore.enableVersioning(Encore.isProduction());', 'Encore.enableVersioning();']) {
        const out = extractRoutesFromSource(`${head}\n${call}\n`, 'webpack.config.js');
        assert.equal(out.uriVersioning, undefined, `${head} ${call}`);
        assert.deepEqual(warningsOf('webpack.config.js', out), []);
      }
    }
  });

  test("a class extending a call (a mixin: extends PassportStrategy(Strategy)) hands its base options, not a router's prefix: no unknown-prefix class, no warning", () => {
    const out = extractRoutesFromSource("export class ApiKeyStrategy extends PassportStrategy(HeaderStrategy, 'key') {\n  constructor(private readonly cfg: Config) {\n    super({ header: 'Authorization', prefix: cfg.scheme });\n  }\n}\n", 'key.strategy.ts');
    assert.equal(out.unknownPrefixClasses, undefined);
    assert.deepEqual(warningsOf('key.strategy.ts', out), []);
  });

  test("a route's version: its handler's @Version wherever it sits among the handler's decorators, else the controller's", () => {
    const text = [
      "@Controller({ path: 'cats', version: '1' })", // 1
      'export class CatsController {', // 2
      "  @Get('a')", // 3
      '  a() {}', // 4
      '', // 5
      "  @Version('2')", // 6
      "  @ApiResponse({ status: 200, description: '{ok}' })", // 7
      "  @Get('b')", // 8
      '  b() {}', // 9
      '', // 10
      "  @Get('c')", // 11
      '  @Nest.Version([VERSION_NEUTRAL, "3"])', // 12
      '  c() {}', // 13
      '', // 14
      "  @Post('d')", // 15
      '  @Version(current)', // 16
      '  d() {}', // 17
      '}', // 18
      '', // 19
      "@Controller('dogs')", // 20
      'export class DogsController {', // 21
      "  @Get() all() {}", // 22
      '}', // 23
    ].join('\n');
    const out = extractRoutesFromSource(text, 'cats.ts');
    assert.deepEqual(
      out.routes.map((r) => [`${r.method} ${r.path} @${r.line}`, r.version]),
      [
        ['GET /cats/a @3', ['1']],
        ['GET /cats/b @8', ['2']],
        ['GET /cats/c @11', [NEUTRAL_VERSION, '3']],
        ['POST /cats/d @15', ['1']],
        ['GET /dogs @22', undefined],
      ],
    );
    assert.deepEqual(warningsOf('cats.ts', out), ['cats.ts:16: @Version argument is not a string literal or VERSION_NEUTRAL; taken as none (list the route in x-runtime-drift.routes)']);
  });
});

suite('extractRoutesFromSource: Express, Fastify, Koa', () => {
  test('router and app calls with a handler are routes; lookalike calls are not', () => {
    const text = [
      "const express = require('express');", // 1
      'const app = express();', // 2
      'const router = express.Router();', // 3
      "router.get('/users/:id', getUser);", // 4
      'app.post("/login", async (req, res) => {', // 5
      '  res.json({ token: config.get("/jwt/secret", "") });', // 6
      '});', // 7
      "app.get('/health', (_req, res) => res.send('ok'))", // 8
      "const v = cache.get('/users/1', fallback);", // 9
      "axios.get('/client', { params });", // 10
      "app.get('trust proxy');", // 11
      "// router.delete('/gone', h);", // 12
      'router', // 13
      "  .delete('/users/:id', remove);", // 14
    ].join('\n');
    assert.deepEqual(routesOf(text), ['GET /users/:id @4', 'POST /login @5', 'GET /health @8', 'DELETE /users/:id @14']);
    const routes = extractRoutesFromSource(text, 'a.js').routes;
    assert.deepEqual(
      routes.map((r) => [r.kind, r.router]),
      [
        ['router', 'router'],
        ['router', 'app'],
        ['router', 'app'],
        ['router', 'router'],
      ],
    );
  });

  test('a regular expression every path matches is the catch-all (Express 5: app.all(/.*/, h)); a narrower one stays unread', () => {
    const text = [
      "import express from 'express';", // 1
      'const server = express();', // 2
      "server.get('/status', (_req, res) => res.send('up'));", // 3
      'server.all(/.*/, (_req, res) => res.status(404).send("no such page"));', // 4
      'server.get(/^\\/$|\\/home(\\.html)?$/, (_req, res) => res.send("home"));', // 5
      'server.use(/^\\/.*$/, (_req, res) => res.end());', // 6
    ].join('\n');
    assert.deepEqual(routesOf(text), ['GET /status @3', 'ALL /* @4']);
  });

  test("a package's lookup whose answer is compared or counted (distance.get(a, b) <= 3) is no route, and no warning of a path not known statically", () => {
    const text = [
      "const distance = require('fast-levenshtein');",
      'function close(name, term) {',
      '  const lower = name.toLowerCase();',
      '  if (distance.get(lower, term) <= 3 || 1 + distance.get(term, lower) > 0) return true;',
      '  return false;',
      '}',
      'module.exports = { close };',
    ].join('\n');
    const x = extractRoutesFromSource(text, 'search.js');
    assert.deepEqual(x.routes, []);
    assert.deepEqual(x.warnings, []);
  });

  test("calls on what another module made, named like no router (a knex query's query[op](...), yargs.options(name, o)), given no route in the file: no warning of a method or path not known statically; a router's still are", () => {
    const text = [
      "import yargs from 'yargs';",
      "import knex from './knex';",
      "import express from 'express';",
      "import { router } from '@/routes';",
      "import { commands, op } from './config';",
      'const dynamic = pathOf(commands);',
      'for (const [name, options] of Object.entries(commands)) yargs.options(name, options);',
      "const query = knex('domains').select('*');",
      "query[op]('users.email', '%a%');",
      'const api = express();',
      'api.get(dynamic, handler);', // 11
      'router.post(dynamic, handler);', // 12
      'api[op](dynamic, handler);', // 13: a router made here, whatever its name
    ].join('\n');
    const x = extractRoutesFromSource(text, 'setup.ts');
    assert.deepEqual(x.routes, []);
    assert.deepEqual(x.warnings.map((w) => `${w.id} ${w.args[0]} @${w.line}`), ['routerPath api @11', 'routerPath router @12', 'methodKey api @13']);
  });

  test("requests on what another function made (const api = useApi()): a path not known statically is warned of only once the file gives that receiver a route that is not a request itself", () => {
    const hook = [
      "import { useApi } from '@/hooks/useApi';",
      'export const useAudit = (ids: string[]) => {',
      '  const api = useApi();',
      "  const dismiss = async (body: unknown) => { await api.post('/alerts/dismiss', body); };",
      '  return { dismiss, load: (url: string) => api.post(url, ids) };', // 5: a request: no warning
      '};',
    ];
    const x = extractRoutesFromSource(hook.join('\n'), 'useAudit.ts');
    assert.deepEqual(x.warnings, []);
    assert.deepEqual(x.routes.map((r) => [r.method, r.path, r.clientLike]), [['POST', '/alerts/dismiss', true]]);
    // The same receiver given a handler: a router after all, and its unknown path is warned of.
    const routed = extractRoutesFromSource([...hook, "api.get('/health', (req, res) => res.send('ok'));"].join('\n'), 'useAudit.ts');
    assert.deepEqual(routed.warnings.map((w) => `${w.id} ${w.args[0]} @${w.line}`), ['routerPath api @5']);
  });

  test("a computed method whose every value is a literal and none an HTTP method is no route and no warning (a client router's push or replace)", () => {
    const text = [
      'const router = express.Router();',
      'router[push ? "push" : "replace"](url, undefined, { shallow: true });', // 2: no route, no warning
      "router[(fast ? 'get' : 'post')]('/x', handler);", // 3: a method it may be: still warned
      'router[verb](url, handler);', // 4
    ].join('\n');
    const x = extractRoutesFromSource(text, 'nav.ts');
    assert.deepEqual(x.routes, []);
    assert.deepEqual(x.warnings.map((w) => `${w.id} ${w.args[1]} @${w.line}`), ["methodKey (fast ? 'get' : 'post') @3", 'methodKey verb @4']);
  });

  test('router.route(path) chains yield one route per method, each on its own line', () => {
    const text = ["const router = Router();", "router", "  .route('/books/:id')", '  .get(show)', '  .put(update)', "  .delete(destroy);", 'other.get(x);'].join('\n');
    assert.deepEqual(routesOf(text), ['GET /books/:id @4', 'PUT /books/:id @5', 'DELETE /books/:id @6']);
  });

  test('router.route(path) kept in a constant: the verbs called on the constant are its routes', () => {
    const text = [
      'const router = express.Router();', // 1
      "const lamp = router.route('/rooms/:room/lamp');", // 2
      'lamp.get(readLamp);', // 3
      'lamp.all(mustOwnRoom).put(switchLamp);', // 4
      'function later() {', // 5
      '  lamp.delete(removeLamp);', // 6
      '}', // 7
      "let loose = router.route('/loose');", // 8
      'loose.get(nothing);', // 9
    ].join('\n');
    assert.deepEqual(routesOf(text), ['GET /rooms/:room/lamp @3', 'PUT /rooms/:room/lamp @4', 'DELETE /rooms/:room/lamp @6']);
  });

  test("a function of the file mounting a handler at the path it is given (app.use(routePath, (req, res) => ...)) answers every method at each call's path", () => {
    const text = [
      'const app = express();', // 1
      'const serveFile = (routePath: string, filePath: string) => {', // 2
      '  app.use(routePath, (req, res) => res.sendFile(path.resolve(__dirname, filePath)));', // 3
      '};', // 4
      "serveFile('/dist/js/lute.min.js', './lute.min.js');", // 5
      "serveFile('/dist/js/katex.min.js', './vendor/katex.min.js');", // 6
      'const mountAt = (routePath: string) => app.use(routePath, apiRouter);', // 7
      "mountAt('/api');", // 8
    ].join('\n');
    assert.deepEqual(routesOf(text), ['ALL /dist/js/lute.min.js @5', 'ALL /dist/js/katex.min.js @6']);
  });

  test('an .all() before the verbs of a router.route(path) chain is their middleware; a last .all() is a route', () => {
    const text = [
      'const router = express.Router();', // 1
      'router', // 2
      "  .route('/users/:id')", // 3
      '  .options((_, res) => res.sendStatus(204))', // 4
      '  .all(jwtdecode())', // 5
      '  .all(userIdFromMe)', // 6
      '  .get(show)', // 7
      '  .put(update);', // 8
      "router.route('/ping').get(ping).all(notAllowed);", // 9
    ].join('\n');
    assert.deepEqual(routesOf(text), ['OPTIONS /users/:id @4', 'GET /users/:id @7', 'PUT /users/:id @8', 'GET /ping @9', 'ALL /ping @9']);
  });

  test('fastify shorthand, route objects (method arrays, url) and register prefixes', () => {
    const text = [
      "import Fastify from 'fastify';", // 1
      "import users from './users';", // 2
      'const server = Fastify({ logger: true });', // 3
      "server.get('/z', { schema: { querystring: { path: 'nope' } } }, async () => 'ok');", // 4
      'server.route({', // 5
      "  method: ['GET', 'POST'],", // 6
      "  url: '/a',", // 7
      "  schema: { body: { url: 'ignored' } },", // 8
      '  handler: async () => ({}),', // 9
      '});', // 10
      "server.register(users, { prefix: '/users' });", // 11
    ].join('\n');
    const out = extractRoutesFromSource(text, 'server.ts');
    assert.deepEqual(
      out.routes.map((r) => `${r.method} ${r.path} @${r.line}`),
      ['GET /z @4', 'GET /a @5', 'POST /a @5'],
    );
    assert.deepEqual(out.mounts, [{ prefix: '/users', routerName: 'users', line: 11, mountedOn: 'server' }]);
    assert.deepEqual(out.imports, [
      { local: 'Fastify', imported: 'default', source: 'fastify' },
      { local: 'users', imported: 'default', source: './users' },
    ]);
  });

  test('chained fastify route objects: each route and each warning on its own call\'s line', () => {
    const text = [
      "import Fastify from 'fastify';", // 1
      'const server = Fastify();', // 2
      'server', // 3
      "  .route({ method: 'GET', url: '/a', handler })", // 4
      '  .route({ method: "GET", url: cfg.route + "/:id", handler })', // 5
      "  .route({ method: 'POST', url: '/b', handler })", // 6
      '  .route({ method: "GET", url: other.route, handler });', // 7
    ].join('\n');
    const out = extractRoutesFromSource(text, 'server.ts');
    assert.deepEqual(out.routes.map((r) => `${r.method} ${r.path} @${r.line}`).sort(), ['GET /a @4', 'POST /b @6']);
    assert.deepEqual(out.warnings.map((w) => w.line).sort(), [5, 7]);
  });

  test('app.use mounts: identifiers, require() inline and koa .routes(); middleware calls are not mounts', () => {
    const text = [
      'const app = express();',
      'app.use(express.json());',
      "app.use('/users', auth, usersRouter);",
      "app.use('/legacy', require('./legacy'));",
      "app.use('/static', express.static('public'));",
    ].join('\n');
    const out = extractRoutesFromSource(text, 'app.js');
    assert.deepEqual(out.mounts, [
      { prefix: '/users', routerName: 'auth', line: 3, mountedOn: 'app', atPath: true },
      { prefix: '/users', routerName: 'usersRouter', line: 3, mountedOn: 'app', atPath: true },
      { prefix: '/legacy', routerName: 'require(./legacy)', line: 4, mountedOn: 'app', atPath: true },
    ]);
  });

  test("koa-router: new Router({ prefix }) prefixes that router's routes; named routes are understood", () => {
    const text = [
      "import Router from '@koa/router';",
      "const router = new Router({ prefix: '/p' });",
      "router.get('/a', h);",
      "router.get('item', '/items/:id', h);",
      "router.del('/a', h);",
      "api.use('/nested', router.routes(), router.allowedMethods());",
    ].join('\n');
    const out = extractRoutesFromSource(text, 'k.ts');
    assert.deepEqual(
      out.routes.map((r) => `${r.method} ${r.path}`),
      ['GET /p/a', 'GET /p/items/:id', 'DELETE /p/a'],
    );
    // `api` alone reads like an HTTP client's name, but what is handed koa-router's routes() is a router or an app: a mount.
    assert.deepEqual(out.mounts, [{ prefix: '/nested', routerName: 'router', line: 6, mountedOn: 'api', atPath: true }]);
  });

  test("koa-route: a route made by route.get(path, handler) and handed to app.use is a route, whatever its handler is; a client's answer used elsewhere is not", () => {
    const text = [
      "import Koa from 'koa';", // 1
      "import route from 'koa-route';", // 2
      "import * as users from './users';", // 3
      'const app = new Koa();', // 4
      "app.use(route.get('/heartbeat', users.heartbeat));", // 5
      'app.use(', // 6
      "  route.post('/users', users.add),", // 7
      ');', // 8
      "const answer = api.get('/users', options);", // 9
    ].join('\n');
    assert.deepEqual(routesOf(text), ['GET /heartbeat @5', 'POST /users @7']);
  });

  test("a field the class declares with an HTTP client's type (client: AxiosInstance) sends requests, also in a subclass: no route", () => {
    const text = [
      "import { AxiosInstance } from 'axios';", // 1
      'export class Child extends Base {', // 2
      '  public client: AxiosInstance;', // 3
      '  constructor() {', // 4
      '    super();', // 5
      '    this.client = makeClient();', // 6
      '  }', // 7
      '  upload() {', // 8
      "    this.client.post('/user/upload', { size: 1 });", // 9
      "    this.app.get('/own', h);", // 10
      '  }', // 11
      '}', // 12
    ].join('\n');
    assert.deepEqual(routesOf(text), ['GET /own @10']);
  });

  test('default export and named imports are recorded for joining files', () => {
    const users = "import { Router, type Request } from 'express';\nimport * as h from './handlers';\nconst router = Router();\nexport default router;";
    const out = extractRoutesFromSource(users, 'u.ts');
    assert.equal(out.defaultExport, 'router');
    assert.deepEqual(out.imports, [
      { local: 'Router', imported: 'Router', source: 'express' },
      { local: 'h', imported: '*', source: './handlers' },
    ]);
    assert.equal(extractRoutesFromSource('const r = express.Router();\nmodule.exports = r;', 'r.js').defaultExport, 'r');
    const cjs = extractRoutesFromSource("const { usersRouter: u } = require('./users');", 'a.js');
    assert.deepEqual(cjs.imports, [{ local: 'u', imported: 'usersRouter', source: './users' }]);
  });
});

suite('extractRoutesFromSource: routers made by calls', () => {
  test('only the calls a route, a mount or a returned router names are kept as router makers', () => {
    const x = extractRoutesFromSource(
      "import { createApp, getUser, apiModule } from './lib';\nconst user = await getUser();\nconst app = createApp();\nconst api = apiModule();\napp.get('/x', (c) => c.json(user));\napp.route('/api', api);\nexport function make() {\n  const r = createApp();\n  return r;\n}\n",
      '/ws/src/app.ts',
    );
    assert.deepEqual(x.routerMakers, { app: { maker: 'createApp', byName: true }, api: { maker: 'apiModule', byName: false }, r: { maker: 'createApp', byName: false } });
    assert.deepEqual(x.routerFactories, { make: 'r' });
  });

  test("a lookup on another file's call used at once (getSessionStore().get(sid, callback)) is no route and no warning; on a router held by a name it still warns", () => {
    const store = extractRoutesFromSource("import { getSessionStore } from './session-store';\nexport function load(sid: string, next: Next) {\n  getSessionStore().get(sid, (err, s) => next(err, s));\n}\n", '/ws/src/gateway.ts');
    assert.deepEqual([store.routes, store.warnings], [[], []]);
    const named = extractRoutesFromSource("import { createApp } from './lib';\nconst app = createApp();\napp.get(paths.users, (c) => c.json([]));\n", '/ws/src/app.ts');
    assert.equal(named.warnings.length, 1);
  });
});

suite('extractRoutesFromSource: modules loaded from a glob at run time', () => {
  test('a require of each file a glob lists (plugins registering routers) is a warning with the pattern; a literal require and a loop over a known list are not', () => {
    const text = [
      "import { glob } from 'glob';",
      "import fg from 'fast-glob';",
      'export class Plugins {',
      '  static load() {',
      '    glob',
      "      .sync(path.join(rootDir, 'plugins/*/server/index.[jt]s'))",
      '      .forEach((file: string) => {',
      '        require(path.join(process.cwd(), file));', // 8
      '      });',
      "    for (const f of await fg('addons/*.js')) await import(f);", // 10
      "    require('./known');",
      "    ['a', 'b'].forEach((n) => require(n));",
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(warningsOf('/ws/server/plugins.ts', extractRoutesFromSource(text, '/ws/server/plugins.ts')), [
      '/ws/server/plugins.ts:8: modules loaded at run time from the files of glob plugins/*/server/index.[jt]s: the routes they add are not known statically (list them in x-runtime-drift.routes)',
      '/ws/server/plugins.ts:10: modules loaded at run time from the files of glob addons/*.js: the routes they add are not known statically (list them in x-runtime-drift.routes)',
    ]);
  });
});

suite('extractRoutesFromSource: listen ports', () => {
  test('the port a server listens on: a literal, an options object, Number(...) of a constant, an env fallback; not a parameter or an unknown value', () => {
    const ports = (text: string) => extractRoutesFromSource(text, '/ws/src/main.ts').listenPorts;
    assert.deepEqual(ports("import express from 'express';\nconst app = express();\napp.get('/', h);\napp.listen(3000);\n"), [3000]);
    assert.deepEqual(ports("import Fastify from 'fastify';\nconst server = Fastify();\nconst port = 5003;\nserver.listen({ port: Number(port), host: '0.0.0.0' }, cb);\n"), [5003]);
    assert.deepEqual(ports("import express from 'express';\nconst app = express();\nconst PORT = process.env.PORT || '8080';\napp.listen(PORT, () => {});\n"), [8080]);
    assert.equal(ports("import express from 'express';\nconst app = express();\napp.listen(config.port);\nfunction start(port) { app.listen(port); }\n"), undefined);
  });
});

suite('extractRoutesFromSource: what a function of the file does with the routers it is given', () => {
  const x = extractRoutesFromSource(
    [
      "import { Router } from 'express';",
      'export function crud(router: Router, base: string) {',
      "  router.get(base + '/list', (req, res) => res.json([]));",
      '  const later = () => router.post(base, (req, res) => res.end());',
      '  return later;',
      '}',
      'export class Server {',
      '  constructor(private readonly app: any) {}',
      '  mount(path: string, router: Router) { this.app.use(path, router); }',
      '  mountLater(path: string, router: Router) { setTimeout(() => this.app.use(path, router)); }',
      '  notAMount(router: Router) { this.app.use(router); }',
      "  none() { this.app.use('/x', Router()); }",
      '}',
    ].join('\n'),
    '/ws/src/x.ts',
  );

  test("a fixed-method registration of the function's own body, not one of a function inside it", () => {
    assert.deepEqual(x.fixedHelpers, { crud: [{ router: 0, method: 'GET', path: [1, '/list'] }] });
  });

  test('methods mounting two of their parameters on their own app, also from a callback inside them', () => {
    assert.deepEqual(x.mountMethods, { mount: { pathArg: 0, routerArg: 1 }, mountLater: { pathArg: 0, routerArg: 1 } });
  });
});

suite('extractRoutesFromSource: a reader failing on a file', () => {
  test("is that file's warning naming the failure, with nothing read from it (the service's other files are still read)", () => {
    // A text no caller gives (not a string): the reader throws on it, as it would on a shape of code it did not expect.
    const x = extractRoutesFromSource(undefined as unknown as string, '/w/src/odd.js');
    assert.deepEqual([x.routes, x.mounts, x.imports], [[], [], []]);
    assert.equal(x.warnings.length, 1);
    assert.equal(x.warnings[0]?.id, 'readerFailed');
    assert.match(scanWarningText('/w/src/odd.js', x.warnings[0] as ScanWarning), /^\/w\/src\/odd\.js: the route reader failed on this file \(TypeError: .*\): no route of it is read; please report it$/);
  });
});
