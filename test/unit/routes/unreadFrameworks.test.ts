// Server frameworks whose routes the scan does not read (src/core/routes/unreadFrameworks.ts): a warning, not silence.
import * as assert from 'node:assert/strict';
import { collectExtracted } from '../../../src/core/routes/collect';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { unreadFrameworkWarnings } from '../../../src/core/routes/unreadFrameworks';

/** The warnings for a package depending on `deps` whose source is `files`, after the scan and the joins. */
function warningsOf(deps: string[], files: Record<string, string>): string[] {
  const extracted = Object.entries(files).map(([file, text]) => ({ file, x: extractRoutesFromSource(text, file) }));
  const { routes } = collectExtracted(structuredClone(extracted), { moduleOf: () => undefined });
  return unreadFrameworkWarnings(deps, routes, extracted);
}

const unread = (framework: string, dependency: string) =>
  `routes of ${framework} (package.json depends on ${dependency}) are not read: none of them is shown or probed (list them in x-runtime-drift.routes)`;
/** A framework the scan reads where its routes are written out, of which none was found: not said to be unread. */
const unfollowed = (framework: string, dependency: string) =>
  `no route of ${framework} found though package.json depends on ${dependency}: its routes are read where written out, and these are made in a way the scan does not follow; none is shown or probed (list them in x-runtime-drift.routes)`;

suite('server frameworks whose routes are not read', () => {
  test('hapi: a table of routes built at run time (a loader over a folder) is not read, a warning says so; one route read from a file importing hapi silences it', () => {
    const server = "const Hapi = require('@hapi/hapi');\nconst loadRoutes = require('./load-routes');\nconst server = Hapi.server({ port: 3000 });\nserver.route(loadRoutes(__dirname + '/routes'));\n";
    assert.deepEqual(warningsOf(['@hapi/hapi'], { '/s/server.js': server }), [unfollowed('hapi', '@hapi/hapi')]);
    const one = `${server}server.route({ method: 'GET', path: '/b', handler: () => 'b' });\n`;
    assert.deepEqual(warningsOf(['@hapi/hapi'], { '/s/server.js': one }), []);
    // a table another file exports, required where it is routed, is read: nothing to warn of
    const required = "const Hapi = require('@hapi/hapi');\nconst server = Hapi.server({ port: 3000 });\nserver.route(require('./users'));\n";
    const users = "module.exports = [{ method: 'GET', path: '/users/{id}', handler: (r) => r.params.id }];\n";
    assert.deepEqual(warningsOf(['@hapi/hapi'], { '/s/server.js': required, '/s/users.js': users }), []);
  });

  test('inversify-express-utils: its @controller classes are read, no warning; controllers whose decorators come through a module of the project are not followed, a warning says so', () => {
    const server = "import { InversifyExpressServer } from 'inversify-express-utils';\nimport { container } from './ioc';\nimport './shelf.controller';\nnew InversifyExpressServer(container).build().listen(3000);\n";
    const read = "import { controller, httpGet } from 'inversify-express-utils';\n@controller('/shelves')\nexport class ShelfController {\n  @httpGet('/')\n  list() { return []; }\n}\n";
    assert.deepEqual(warningsOf(['inversify-express-utils'], { '/s/server.ts': server, '/s/shelf.controller.ts': read }), []);
    const through = read.replace("from 'inversify-express-utils'", "from './ioc'");
    assert.deepEqual(warningsOf(['inversify-express-utils'], { '/s/server.ts': server, '/s/shelf.controller.ts': through }), [unfollowed('inversify-express-utils', 'inversify-express-utils')]);
  });

  test('hapi: route objects in files importing nothing of hapi, routed by a plugin object of another file, are its routes: no warning when the package depends on no other server framework', () => {
    const server = "import Hapi from '@hapi/hapi';\nimport { router } from './router.js';\nconst server = Hapi.server({ port: 3000 });\nawait server.register([router]);\nawait server.start();\n";
    const router = "import { ping } from './ping.js';\nimport { items } from './items.js';\nexport const router = { plugin: { name: 'router', register: (server) => { server.route([ping].concat(items)); } } };\n";
    const ping = "export const ping = { method: 'GET', path: '/ping', handler: () => 'pong' };\n";
    const items = "export const items = [{ method: 'GET', path: '/items/{id}', handler: (r) => r.params.id }];\n";
    const files = { '/s/server.js': server, '/s/router.js': router, '/s/ping.js': ping, '/s/items.js': items };
    assert.deepEqual(warningsOf(['@hapi/hapi'], files), []);
    // beside Express, such routes might be Express's: the warning stays
    assert.deepEqual(warningsOf(['@hapi/hapi', 'express'], files), [unfollowed('hapi', '@hapi/hapi')]);
  });

  test('a route of another framework does not stand for the unread one: Express routes beside a hapi dependency', () => {
    const files = { '/s/a.ts': "import express from 'express';\nconst app = express();\napp.get('/x', (req, res) => res.send('x'));\n", '/s/b.ts': "import Hapi from 'hapi';\nexport const s = new Hapi.Server();\n" };
    assert.deepEqual(warningsOf(['express', 'hapi'], files), [unfollowed('hapi', 'hapi')]);
  });

  test('Elysia: a route of a method of its own (route(method, path, handler)) is not read: none found, the warning says so', () => {
    const files = { '/s/index.ts': "import { Elysia } from 'elysia';\nconst app = new Elysia();\napp.route('M-SEARCH', '/devices', () => 'x');\napp.listen(3000);\n" };
    assert.deepEqual(warningsOf(['elysia'], files), [unfollowed('Elysia', 'elysia')]);
  });

  test('Elysia read: routes of its instances silence the warning; routes only on an instance another object hands out, with paths built at run time, leave it', () => {
    const read = { '/s/index.ts': "import { Elysia } from 'elysia';\nnew Elysia({ prefix: '/api' }).guard({}, (app) => app.get('/a', () => 1)).listen(3000);\n" };
    assert.deepEqual(warningsOf(['elysia'], read), []);
    const hidden = { '/s/ping.ts': "import { t } from 'elysia';\nimport { Base } from './base';\nexport class Ping extends Base {\n  run() { this.server.elysia.get(this.prefix.concat('/ping'), () => 'pong', { response: t.String() }); }\n}\n" };
    assert.deepEqual(warningsOf(['elysia'], hidden), [unfollowed('Elysia', 'elysia')]);
  });

  test("Sails is read (sailsRoutes.ts): config/routes.js's table brings no warning of an unread framework", () => {
    const files = { '/s/config/routes.js': "module.exports.routes = {\n  'GET /users': 'UserController.find',\n  'POST /users': { action: 'users/create' },\n};\n" };
    assert.deepEqual(warningsOf(['sails'], files), []);
  });

  test("ts-rest: a contract served by the Nest adapter or by the fastify adapter (in a file that imports none of ts-rest's adapters) is read: no warning; a Nest handler of a contract made at run time leaves it", () => {
    const contract = "import { initContract } from '@ts-rest/core';\nconst c = initContract();\nexport const notes = c.router({ list: { method: 'GET', path: '', responses: {} } }, { pathPrefix: '/api/notes' });\n";
    const nest = "import { Controller } from '@nestjs/common';\nimport { TsRestHandler, tsRestHandler } from '@ts-rest/nest';\nimport { notes } from './contract';\n@Controller()\nexport class NotesController {\n  @TsRestHandler(notes.list)\n  list() { return tsRestHandler(notes.list, async () => ({ status: 200, body: [] })); }\n}\n";
    assert.deepEqual(warningsOf(['@nestjs/core', '@ts-rest/core', '@ts-rest/nest'], { '/s/contract.ts': contract, '/s/notes.controller.ts': nest }), []);
    const loaded = nest.replace("import { notes } from './contract';", "const notes = loadContract();");
    assert.deepEqual(warningsOf(['@nestjs/core', '@ts-rest/core', '@ts-rest/nest'], { '/s/notes.controller.ts': loaded }), [unfollowed('ts-rest', '@ts-rest/nest')]);
    const made = "import { initServer } from '@ts-rest/fastify';\nexport const s = initServer();\n";
    const server = "import fastify from 'fastify';\nimport { s } from './made';\nimport { notes } from './contract';\nconst app = fastify();\napp.register(s.plugin(s.router(notes, { list: async () => ({ status: 200, body: [] }) })));\napp.listen({ port: 3000 });\n";
    assert.deepEqual(warningsOf(['fastify', '@ts-rest/core', '@ts-rest/fastify'], { '/s/contract.ts': contract, '/s/made.ts': made, '/s/server.ts': server }), []);
    // the fastify adapter is read: a router it is handed at run time is not followed, and the warning says that, not "not read"
    const dynamic = "import fastify from 'fastify';\nimport { initServer } from '@ts-rest/fastify';\nconst s = initServer();\nconst app = fastify();\napp.register(s.plugin(s.router(loadContract(), {})));\n";
    assert.deepEqual(warningsOf(['fastify', '@ts-rest/core', '@ts-rest/fastify'], { '/s/server.ts': dynamic }), [unfollowed('ts-rest', '@ts-rest/fastify')]);
  });

  test("LoopBack 4 is read: a controller's lower-case route decorators silence it; LoopBack 3's models are not read", () => {
    const files = { '/s/src/controllers/ping.controller.ts': "import { get } from '@loopback/rest';\nexport class PingController {\n  @get('/ping')\n  ping() { return {}; }\n}\n" };
    assert.deepEqual(warningsOf(['@loopback/core', '@loopback/rest'], files), []);
    const v3 = { '/s/server/server.js': "const loopback = require('loopback');\nconst boot = require('loopback-boot');\nconst app = (module.exports = loopback());\nboot(app, __dirname);\n" };
    assert.deepEqual(warningsOf(['loopback', 'loopback-boot'], v3), [unread('LoopBack 3', 'loopback')]);
  });

  test('Feathers: a service whose methods are not followed leaves no route, and the warning says the framework is read where written out; one read in a file importing only its adapter silences it', () => {
    const files = { '/s/src/app.ts': "import { feathers } from '@feathersjs/feathers';\nimport { koa } from '@feathersjs/koa';\nconst app = koa(feathers());\napp.use('messages', new MessageService());\n" };
    assert.deepEqual(warningsOf(['@feathersjs/feathers', '@feathersjs/koa'], files), [unfollowed('Feathers', '@feathersjs/feathers')]);
    const adapter = { '/s/src/notes.service.js': "const createService = require('feathers-nedb');\nmodule.exports = function (app) {\n  app.use('/notes', createService({}));\n};\n" };
    assert.deepEqual(warningsOf(['@feathersjs/feathers', '@feathersjs/koa'], { ...files, ...adapter }), []);
  });

  test("tsoa is read: its controllers served by RegisterRoutes, or a committed generated file's routes, silence it; a package with tsoa none of whose routes is found is told so", () => {
    const controller = "import { Controller, Get, Path, Route } from 'tsoa';\n@Route('users')\nexport class UsersController extends Controller {\n  @Get('{userId}')\n  public async getUser(@Path() userId: number) { return { id: userId }; }\n}\n";
    const app = "import express from 'express';\nimport { RegisterRoutes } from '../build/routes';\nexport const app = express();\nRegisterRoutes(app);\napp.listen(3000);\n";
    assert.deepEqual(warningsOf(['express', 'tsoa'], { '/s/src/controllers/users.ts': controller, '/s/src/app.ts': app }), []);
    const generated = "import { fetchMiddlewares } from '@tsoa/runtime';\nimport { UsersController } from './controllers/users';\nexport function RegisterRoutes(app: Router) {\n  app.get('/users/:userId', ...(fetchMiddlewares<RequestHandler>(UsersController)), async (req, res, next) => {});\n}\n";
    const committed = { '/s/src/controllers/users.ts': controller, '/s/src/app.ts': app.replace('../build/routes', './routes'), '/s/src/routes.ts': generated };
    assert.deepEqual(warningsOf(['express', 'tsoa', '@tsoa/runtime'], committed), []);
    const elsewhere = "import { Controller } from 'tsoa';\nexport class Base extends Controller {}\n";
    assert.deepEqual(warningsOf(['express', 'tsoa'], { '/s/src/base.ts': elsewhere, '/s/src/app.ts': app }), [unfollowed('tsoa', 'tsoa')]);
  });

  test("Meteor: a Meteor method is not read; Strapi and Moleculer are read where written out (a core router whose content type is not found, a gateway whose routes the check joins later, give none here)", () => {
    const files = {
      '/s/server/main.js': "import { Meteor } from 'meteor/meteor';\nMeteor.methods({ 'tasks.insert'(text) {} });\n",
      '/s/src/api/article/routes/article.ts': "import { factories } from '@strapi/strapi';\nexport default factories.createCoreRouter('api::article.article');\n",
      '/s/services/api.service.js': "const ApiGateway = require('moleculer-web');\nmodule.exports = { mixins: [ApiGateway], settings: { routes: [{ path: '/api', aliases: { 'GET users': 'users.list' } }] } };\n",
    };
    assert.deepEqual(warningsOf(['meteor-node-stubs', '@strapi/strapi', 'moleculer-web'], files), [unread('Meteor', 'meteor-node-stubs'), unfollowed('Strapi', '@strapi/strapi'), unfollowed('Moleculer', 'moleculer-web')]);
  });

  test('a package depending on none of them gets no warning, whatever it serves', () => {
    assert.deepEqual(warningsOf(['express'], { '/s/a.ts': "import express from 'express';\nexport const app = express();\n" }), []);
  });
});
