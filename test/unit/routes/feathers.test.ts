// Feathers services read as REST routes (src/core/routes/feathersServices.ts): `app.use(path, service)`
// serves a route for each method the service has (find, get, create, update, patch, remove), on the
// service's path and on the path of one record. Fixtures of our own.
import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';

const APP = "const feathers = require('@feathersjs/feathers');\nconst express = require('@feathersjs/express');\nconst app = express(feathers());\napp.configure(express.rest());\n";
const ONE = ':__feathersId';
/** The nine routes of a service with all six methods at `p`. */
const allNine = (p: string) => [`DELETE ${p}`, `DELETE ${p}/${ONE}`, `GET ${p}`, `GET ${p}/${ONE}`, `PATCH ${p}`, `PATCH ${p}/${ONE}`, `POST ${p}`, `PUT ${p}`, `PUT ${p}/${ONE}`];

suite('Feathers services', () => {
  test("a database adapter's service (its default export called, or its class made with new) has all six methods, registered in a configure function of another file", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/src/app.js': `${APP}const books = require('./services/books.service');\nconst shelves = require('./services/shelves.service');\napp.configure(books);\napp.configure(shelves);\napp.listen(3030);\n`,
      '/s/src/services/books.service.js': "const makeService = require('feathers-sequelize');\nmodule.exports = function () {\n  const app = this;\n  const svc = makeService({ Model: {} });\n  app.use('/books', svc);\n};\n",
      '/s/src/services/shelves.service.js': "const { Service } = require('feathers-memory');\nmodule.exports = (app) => {\n  app.use('shelves', new Service({ paginate: false }));\n};\n",
    });
    assert.deepEqual(routes, [...allNine('/books'), ...allNine('/shelves')].sort());
    assert.deepEqual(warnings, []);
  });

  test('an object literal has the methods it writes; leading and trailing slashes of the path are dropped; middleware before or after the service is not one', () => {
    const { routes } = routesAndWarnings({
      '/s/app.js': `${APP}const parse = (req, res, next) => next();\nconst status = {\n  async find() { return []; },\n  get: async (id) => ({ id }),\n};\napp.use('/status/', parse, status, (req, res, next) => next());\napp.use('ping', { create: async (data) => data });\n`,
    });
    assert.deepEqual(routes, ['GET /status', `GET /status/${ONE}`, 'POST /ping']);
  });

  test("a class of the file has the methods it declares; one extending an adapter's class has all six; a package's own service (feathers-blob) its known methods", () => {
    const { routes } = routesAndWarnings({
      '/s/app.js': `${APP}const { Service } = require('feathers-mongoose');\nconst blob = require('feathers-blob');\nclass Tokens extends Service {\n  create(data) { return super.create(data); }\n}\nclass Reports {\n  async find() { return []; }\n  async remove(id) { return id; }\n  setup() {}\n}\napp.use('/tokens', new Tokens({}));\napp.use('/reports', new Reports());\napp.use('/files', blob({ Model: {} }));\n`,
    });
    assert.deepEqual(routes, [...allNine('/tokens'), 'DELETE /files', `DELETE /files/${ONE}`, 'DELETE /reports', `DELETE /reports/${ONE}`, 'GET /reports', `GET /files/${ONE}`, 'POST /files'].sort());
  });

  test("v5's methods option narrows what is served; a path of the file's constants reads as other paths do", () => {
    const { routes } = routesAndWarnings({
      '/s/src/app.ts': "import { feathers } from '@feathersjs/feathers';\nimport { koa, rest } from '@feathersjs/koa';\nimport { KnexService } from '@feathersjs/knex';\nconst app = koa(feathers());\napp.configure(rest());\nconst notesPath = 'notes';\nconst notesMethods = ['find', 'get', 'create'] as const;\napp.use(notesPath, new KnexService({ Model: db, name: 'notes' }), { methods: notesMethods, events: [] });\n",
    });
    assert.deepEqual(routes, ['GET /notes', `GET /notes/${ONE}`, 'POST /notes']);
  });

  test("a service whose methods cannot be known here (a class of another file) or whose path is not known statically is a warning at its line; Express's own mounts beside are read as before", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/app.js': `${APP}const { UserService } = require('./users.class');\nconst memory = require('feathers-memory');\nconst router = express.Router();\nrouter.get('/health', (req, res) => res.end());\napp.use('/users', new UserService());\napp.use(process.env.TODO_PATH, memory());\napp.use('/ops', router);\n`,
    });
    assert.deepEqual(routes, ['GET /ops/health']);
    assert.deepEqual(warnings.sort(), [
      '/s/app.js:10: Feathers service path process.env.TODO_PATH is not known statically; its REST routes are not shown (list them in x-runtime-drift.routes)',
      '/s/app.js:9: Feathers service new UserService(): its methods are not known statically (a class or a call not read here); its REST routes are not shown (list them in x-runtime-drift.routes)',
    ]);
  });

  test("a class of another file: one extending a package's service class has its own and the package's methods, one extending none those it declares (v5's custom service); one extending a class of the project is a warning, its routes dropped", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/src/app.ts': "import { feathers } from '@feathersjs/feathers';\nimport { koa, rest } from '@feathersjs/koa';\nimport { Auth } from './auth';\nimport { Notes } from './notes';\nimport { Audit } from './audit';\nconst app = koa(feathers());\napp.configure(rest());\napp.use('authentication', new Auth(app));\napp.use('notes', new Notes());\napp.use('audit', new Audit());\n",
      '/s/src/auth.ts': "import { AuthenticationService } from '@feathersjs/authentication';\nexport class Auth extends AuthenticationService {\n  async getPayload(r: unknown) { return r; }\n}\n",
      '/s/src/notes.ts': "import type { Params } from '@feathersjs/feathers';\nexport class Notes {\n  async find(_p: Params) { return []; }\n  async patch(id: string, data: unknown) { return { id, data }; }\n}\n",
      '/s/src/audit.ts': "import { Base } from './base';\nexport class Audit extends Base {\n  async find() { return []; }\n}\n",
    });
    assert.deepEqual(routes, ['DELETE /authentication', `DELETE /authentication/${ONE}`, 'GET /notes', 'PATCH /notes', `PATCH /notes/${ONE}`, 'POST /authentication']);
    assert.deepEqual(warnings, ['/s/src/app.ts:10: Feathers service new Audit(): its methods are not known statically (a class or a call not read here); its REST routes are not shown (list them in x-runtime-drift.routes)']);
  });

  test("a class extending a chain of the project's own classes (a default-exported one in between) has its members and every base's: the listed methods it has are served, in a file importing nothing of Feathers but giving use() v5's { methods } options", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/src/app.ts': "import { feathers } from '@feathersjs/feathers';\nimport { koa, rest } from '@feathersjs/koa';\nimport { rooms } from './services/rooms/rooms';\nconst app = koa(feathers());\napp.configure(rest());\napp.configure(rooms);\n",
      '/s/src/services/rooms/rooms.ts': "import { RoomsService } from './rooms.class';\nimport { roomsMethods, roomsPath } from './rooms.shared';\nexport const rooms = (app: Application) => {\n  app.use(roomsPath, new RoomsService({ app }), { methods: roomsMethods });\n};\n",
      '/s/src/services/rooms/rooms.shared.ts': "export const roomsPath = 'rooms';\nexport const roomsMethods = ['find', 'get', 'patch', 'archive'] as const;\n",
      '/s/src/services/rooms/rooms.class.ts': "import StoredService from '../../utils/StoredService';\nexport class RoomsService<P extends Params = Params> extends StoredService<Room, P> {\n  async archive(id: string) { return id; }\n}\n",
      '/s/src/utils/StoredService.ts': "import { FileService } from './FileService';\nexport default class StoredService<R, P> extends FileService<R, P> {\n  async find(_p?: P) { return []; }\n}\n",
      '/s/src/utils/FileService.ts': "import type { ServiceInterface } from '@feathersjs/feathers';\nexport class FileService<R, P> implements ServiceInterface<R> {\n  async get(id: string) { return { id }; }\n  async remove(id: string) { return { id }; }\n}\n",
    });
    assert.deepEqual(routes, ['GET /rooms', `GET /rooms/${ONE}`]);
    assert.deepEqual(warnings, []);
  });

  test('a module only handing the app on to configure functions, its parameter typed (`(app: Application) => { app.configure(users) }`), passes the pre-filter: the services they register are reached', () => {
    const index = "import { users } from './users/users';\nimport type { Application } from '../declarations';\nexport const services = (app: Application) => {\n  app.configure(users);\n};\n";
    assert.ok(mayDeclareRoutes(index));
    assert.ok(!mayDeclareRoutes("import log4js from 'log4js';\nlog4js.configure(settings);\n"));
  });

  test("v5's methods option and path of another file (the generated shared module) are read at the join: the option narrows the adapter's six methods", () => {
    const { routes } = routesAndWarnings({
      '/s/src/app.ts': "import { feathers } from '@feathersjs/feathers';\nimport { koa, rest } from '@feathersjs/koa';\nimport { user } from './services/users/users';\nconst app = koa(feathers());\napp.configure(rest());\napp.configure(user);\n",
      '/s/src/services/users/users.ts': "import { KnexService } from '@feathersjs/knex';\nimport { userMethods, userPath } from './users.shared';\nexport const user = (app: Application) => {\n  app.use(userPath, new KnexService({ Model: db }), { methods: userMethods, events: [] });\n};\n",
      '/s/src/services/users/users.shared.ts': "export const userPath = 'users';\nexport const userMethods: Array<keyof UserService> = ['find', 'get', 'create', 'patch', 'remove'];\n",
    });
    assert.deepEqual(routes, ['DELETE /users', `DELETE /users/${ONE}`, 'GET /users', `GET /users/${ONE}`, 'PATCH /users', `PATCH /users/${ONE}`, 'POST /users']);
  });

  test('in a file importing nothing of Feathers, an instance of an unknown class mounted at a path is no service: nothing read, nothing warned', () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/app.js': "const express = require('express');\nconst { Api } = require('./api');\nconst app = express();\napp.use('/api', new Api());\n",
    });
    assert.deepEqual(routes, []);
    assert.deepEqual(warnings, []);
  });

  // A service module of its own: a class and a default export making an instance of it, called by a
  // configure function that loads nothing of Feathers but asks the app for the service it registered.
  const FACTORY_CLASS = "class Service {\n  constructor (options) {\n    this.options = options;\n  }\n  find (params) {}\n  get (id, params) {}\n  create (data, params) {}\n}\nmodule.exports = function (options) {\n  return new Service(options);\n};\nmodule.exports.Service = Service;\n";
  const configured = (factory: string) =>
    `const createService = require('./reports.class.js');\nmodule.exports = function () {\n  const app = this;\n  app.use('/reports', ${factory});\n  app.service('reports').hooks({});\n};\n`;

  test("a project function making a service (`module.exports = function (o) { return new Service(o) }`) has the methods of the class it returns, also in a file loading nothing of Feathers but app.service()", () => {
    const { routes, warnings } = routesAndWarnings({
      '/h/app.js': `${APP}app.configure(require('./services/reports/reports.service.js'));\n`,
      '/h/services/reports/reports.service.js': configured('createService({ app })'),
      '/h/services/reports/reports.class.js': FACTORY_CLASS,
    });
    assert.deepEqual(routes, ['GET /reports', `GET /reports/${ONE}`, 'POST /reports']);
    assert.deepEqual(warnings, []);
    // The class's file declares no route: the scan reads it all the same, for the join.
    assert.ok(mayDeclareRoutes(FACTORY_CLASS));
  });

  test("feathers-mailer's service has its one method, create", () => {
    const { routes } = routesAndWarnings({ '/m/app.js': `${APP}const Mailer = require('feathers-mailer');\napp.use('/emails', Mailer({ host: 'smtp' }));\n` });
    assert.deepEqual(routes, ['POST /emails']);
  });

  test('in an Express file, a project function mounted at a path is no service: its router is mounted as before', () => {
    const { routes, warnings } = routesAndWarnings({
      '/e/app.js': "const express = require('express');\nconst makeApi = require('./api');\nconst app = express();\napp.use('/api', makeApi());\napp.listen(3000);\n",
      '/e/api.js': "const express = require('express');\nmodule.exports = function () {\n  const router = express.Router();\n  router.get('/ping', (req, res) => res.send('pong'));\n  return router;\n};\n",
    });
    assert.deepEqual(routes, ['GET /api/ping']);
    assert.deepEqual(warnings, []);
  });
});
