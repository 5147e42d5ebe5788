// Elysia (Bun) read as its documentation defines its routing (src/core/routes/elysiaRoutes.ts): an
// instance's chain, `new Elysia({ prefix })`, `group`, `guard`, `route(method, path, handler)`, and
// `use(plugin)` of another instance, a function plugin, a module loaded lazily or a function handed
// a fresh instance. Fixtures of our own.
import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const ELYSIA = "import { Elysia } from 'elysia';\n";

suite('Elysia', () => {
  test("callbacks of `guard(hook, (app) => app.use(...))` are the instance's own: the plugins they use land under its prefix, not as routes of an app of their own", () => {
    const { routes } = routesAndWarnings({
      '/s/src/index.ts': `${ELYSIA}import { api } from './api';\nnew Elysia().use(api).listen(3000);\n`,
      '/s/src/api.ts': `${ELYSIA}import { books } from './books';\nimport { shelves } from './shelves';\nexport const base = '/v2';\nexport const api = new Elysia({ prefix: base })\n  .get('/ping', () => 'pong')\n  .guard({ beforeHandle() {} }, (app) => app.use(books).use(shelves));\n`,
      '/s/src/books.ts': `${ELYSIA}export const books = new Elysia({ prefix: '/books' })\n  .get('', () => [])\n  .get(':id', () => ({}))\n  .guard({ detail: {} }, (app) => app.post('random', () => ({})));\n`,
      '/s/src/shelves.ts': `${ELYSIA}export const shelves = new Elysia({ name: 'shelves' })\n  .derive(() => ({ user: 1 }))\n  .get('/shelves/:id/books', () => [])\n  .as('scoped');\n`,
    });
    assert.deepEqual(routes, ['GET /v2/books', 'GET /v2/books/:id', 'GET /v2/ping', 'GET /v2/shelves/:id/books', 'POST /v2/books/random']);
  });

  test('`group(prefix, app => ...)` and `group(prefix, hook, app => ...)` declare their routes under the prefix, nested groups under both; a plugin used in a group under the group and its own prefix', () => {
    const { routes } = routesAndWarnings({
      '/s/app.ts': `${ELYSIA}import { tags } from './tags';\nconst app = new Elysia()\n  .group('/v1', (v1) => v1.get('/a', () => 1).group('/inner', { beforeHandle() {} }, (i) => i.put('/b/:id', () => 2)))\n  .group('/v2', (g) => g.use(tags));\napp.listen(3000);\n`,
      '/s/tags.ts': `${ELYSIA}export const tags = new Elysia({ prefix: '/tags' }).get('/', () => []);\n`,
    });
    assert.deepEqual(routes, ['GET /v1/a', 'GET /v2/tags', 'PUT /v1/inner/b/:id']);
  });

  test("Elysia's other registrations: all, head, options, route(method, path, handler), a wildcard path; a method that is no HTTP one is a warning at its line", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/app.ts': `${ELYSIA}const app = new Elysia();\napp.all('/any', () => 1).head('/h', () => 1).options('/o', () => 1);\napp.route('PATCH', '/r', () => 1);\napp.route('M-SEARCH', '/devices', () => 1);\napp.get('/files/*', () => 1);\napp.listen(3000);\n`,
    });
    assert.deepEqual(routes, ['ALL /any', 'GET /files/*', 'HEAD /h', 'OPTIONS /o', 'PATCH /r']);
    assert.deepEqual(warnings, ['/s/app.ts:5: app.route method "M-SEARCH" is not an HTTP method known statically; route skipped (list it in x-runtime-drift.routes)']);
  });

  test('plugins: a function handed the app (another file, typed by a type import), a module loaded lazily, a function handed a fresh instance it registers on and hands back', () => {
    const { routes } = routesAndWarnings({
      '/s/index.ts': `${ELYSIA}import { userRoutes } from './user';\nimport { makeNotes } from './notes';\nconst service = { ok: true };\nnew Elysia({ prefix: '/api' })\n  .use(userRoutes)\n  .use(import('./lazy'))\n  .use(makeNotes(new Elysia({ prefix: '/n' }), service))\n  .listen(3000);\n`,
      '/s/user.ts': "import type { Elysia } from 'elysia';\nexport const userRoutes = (app: Elysia) => app.group('/user', (u) => u.get('/me', () => 1).post('/login', () => 2));\n",
      '/s/lazy.ts': `${ELYSIA}export default new Elysia().get('/lazy', () => 1);\n`,
      '/s/notes.ts': `${ELYSIA}export function makeNotes(app: Elysia, service: unknown) {\n  return app.group('/notes', (g) => g.get('/', () => service).delete('/:id', () => service));\n}\n`,
    });
    assert.deepEqual(routes, ['DELETE /api/n/notes/:id', 'GET /api/lazy', 'GET /api/n/notes', 'GET /api/user/me', 'POST /api/user/login']);
  });

  test("an instance made inline (never assigned) whose prefix is another file's value: its own routes and its plugins' under that prefix, a template group prefix of an imported constant after it", () => {
    const { routes } = routesAndWarnings({
      '/s/index.ts': `${ELYSIA}import { config } from './config';\nimport { API } from './consts';\nimport { users } from './users';\nnew Elysia({ prefix: config.prefix })\n  .get('/own', () => 1)\n  .group(\`\${API}/v1\`, (g) => g.use(users))\n  .listen(3000);\n`,
      '/s/config.ts': "export const config = { prefix: '/root' };\n",
      '/s/consts.ts': "export const API = '/api';\n",
      '/s/users.ts': `${ELYSIA}export const users = new Elysia({ prefix: '/users' }).get('/', () => []);\n`,
    });
    assert.deepEqual(routes, ['GET /root/api/v1/users', 'GET /root/own']);
  });

  test('a prefix not known statically (an environment variable as the group prefix or the constructor prefix) is a warning naming file and line; its routes are shown under …', () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/app.ts': `${ELYSIA}const app = new Elysia({ prefix: process.env.BASE_PATH })\n  .get('/a', () => 1)\n  .group(process.env.GROUP, (g) => g.get('/b', () => 2));\napp.listen(3000);\n`,
    });
    // Two prefixes not known in a row show as one `…`.
    assert.deepEqual(routes, ['GET /…/a', 'GET /…/b']);
    assert.equal(warnings.length, 2);
    assert.ok(warnings.every((w) => w.startsWith('/s/app.ts:')), warnings.join('\n'));
  });

  test("a route whose path is not known, its hook object last (`get(path, handler, { detail })`), is a warning, not taken for a lookup and dropped", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/app.ts': `${ELYSIA}import { pathOf } from './paths';\nconst app = new Elysia();\napp.get(pathOf('x'), () => 1, { detail: { summary: 'x' } });\napp.get('/known', () => 1, { detail: {} });\napp.listen(3000);\n`,
    });
    assert.deepEqual(routes, ['GET /known']);
    assert.deepEqual(warnings, ["/s/app.ts:4: GET route path pathOf('x') not found statically; route skipped (list it in x-runtime-drift.routes)"]);
  });

  test("a class's method returning an instance, asked of the class's instance from a container (`app.use(container.resolve(Accounts).route())`, through a constant or inside a method or a group): its routes under the prefixes it is used in", () => {
    const { routes } = routesAndWarnings({
      '/s/app.ts': `${ELYSIA}import { container } from 'tsyringe';\nimport { Accounts } from './accounts';\nimport { Docs } from './docs';\nconst accounts = container.resolve(Accounts);\nexport const app = new Elysia()\n  .get('/health', () => 1)\n  .use(accounts.route())\n  .group('/v2', (g) => g.use(container.resolve(Docs).route()));\napp.listen(3000);\n`,
      '/s/accounts.ts': `${ELYSIA}export class Accounts {\n  route() {\n    return new Elysia({ prefix: '/accounts' }).get('/me', () => 1);\n  }\n}\n`,
      '/s/docs.ts': `${ELYSIA}import { container } from 'tsyringe';\nimport { Items } from './items';\nexport class Docs {\n  public route() {\n    const items = container.resolve(Items);\n    return new Elysia().group('/docs/:team', (app) => app.guard({ beforeHandle() {} }).get('/spec.json', () => 1).use(items.route()));\n  }\n}\n`,
      '/s/items.ts': `${ELYSIA}export class Items {\n  public route() {\n    return new Elysia().group('', (app) => app.get('/items', () => 1).delete('/items/:id', () => 1));\n  }\n}\n`,
    });
    assert.deepEqual(routes, ['DELETE /v2/docs/:team/items/:id', 'GET /accounts/me', 'GET /health', 'GET /v2/docs/:team/items', 'GET /v2/docs/:team/spec.json']);
  });

  test("a method of a package's class (`new ExpressAdapter().getRouter()`, code the scan does not read) is no class of the project: its mount at a prefix not known statically is still warned of", () => {
    const { warnings } = routesAndWarnings({
      '/s/app.ts': "import express from 'express';\nimport { ExpressAdapter } from '@bull-board/express';\nconst app = express();\nconst board = new ExpressAdapter();\napp.use(`/admin/${process.env.BOARD_KEY}/queues`, board.getRouter());\napp.get('/', (req, res) => res.send('ok'));\napp.listen(3000);\n",
    });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /^\/s\/app\.ts:5: mount prefix `\/admin\/\$\{process\.env\.BOARD_KEY\}\/queues` is not known statically/);
  });

  test("a group handing its instance to a method of an injected class (`(app) => this.codes.route(app)`, `@inject(Codes)` or the parameter's type), whose methods declare routes on the instance they are handed (`app.use(this.send(app))`): each method's routes under the group, the same class usable in two groups", () => {
    const { routes } = routesAndWarnings({
      '/s/app.ts': `${ELYSIA}import { container } from 'tsyringe';\nimport { Accounts } from './accounts';\nnew Elysia().use(container.resolve(Accounts).route()).listen(3000);\n`,
      '/s/accounts.ts': `${ELYSIA}import { inject } from 'tsyringe';\nimport { Codes } from './codes';\nimport { Extra } from './extra';\nexport class Accounts {\n  constructor(@inject(Codes) private readonly codes: CodeSender, private readonly extra: Extra) {}\n  route() {\n    return new Elysia()\n      .group('/api/accounts', (app) => this.codes.route(app))\n      .group('/public', (app) => app.use(this.extra.route(app)).use(this.codes.route(app)));\n  }\n}\n`,
      '/s/codes.ts': `${ELYSIA}export class Codes {\n  public route(app: Elysia) {\n    return app.group('/codes', (app) => app.use(this.send(app)).use(this.check(app)));\n  }\n\n  private send(app: Elysia) {\n    return app.post('/send', () => 1);\n  }\n\n  private check(app: Elysia) {\n    return app.post('/check', () => 1);\n  }\n}\n`,
      '/s/extra.ts': `${ELYSIA}export class Extra {\n  route(app: Elysia) {\n    return app.get('/about', () => 1);\n  }\n}\n`,
    });
    assert.deepEqual(routes, ['GET /public/about', 'POST /api/accounts/codes/check', 'POST /api/accounts/codes/send', 'POST /public/codes/check', 'POST /public/codes/send']);
  });

  test("a path read from a field of the instance that a setter fills (`endpoint.setBase(prefix).register()` in a loop over a literal list, `this.base.concat('/:id')` in the subclass's run(), which the base's register() calls): one route per value, no warning (setterPaths.ts)", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/base.ts': "export abstract class Endpoint {\n  protected base = '';\n  constructor(protected readonly server: Server) {}\n  setBase(b: string): this {\n    this.base = b;\n    return this;\n  }\n  register(): void {\n    this.run();\n  }\n  protected abstract run(): void;\n}\n",
      '/s/notes.ts': `${ELYSIA}import { Endpoint } from './base';\nexport class Notes extends Endpoint {\n  protected run(): void {\n    this.server.app.get(this.base.concat('/:id'), () => 1);\n  }\n}\n`,
      '/s/server.ts': `${ELYSIA}import { Notes } from './notes';\nexport class Server {\n  private readonly APP = new Elysia();\n  constructor() {\n    for (const prefix of ['/v1/notes', '/notes']) new Notes(this).setBase(prefix).register();\n    this.APP.listen(3000);\n  }\n  get app(): Elysia {\n    return this.APP;\n  }\n}\n`,
    });
    assert.deepEqual(routes, ['GET /notes/:id', 'GET /v1/notes/:id']);
    assert.deepEqual(warnings, []);
  });

  test('without an import of Elysia, `group` and `guard` are no routing: a callback named app stays what it was', () => {
    const { routes } = routesAndWarnings({
      '/s/app.ts': "import express from 'express';\nconst app = express();\nconst tasks = { group: (n: string, fn: (app: unknown) => void) => fn(app) };\ntasks.group('/x', (app) => app);\napp.get('/ok', (req, res) => res.send('ok'));\napp.listen(3000);\n",
    });
    assert.deepEqual(routes, ['GET /ok']);
  });
});
