import assert from 'node:assert/strict';
import { collectRoutes, routesAndWarnings } from '../helpers/collectText';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';

// LoopBack 4: controllers are classes whose methods carry @loopback/rest's route decorators, booted
// by the app from its controllers folder, under the app's basePath and the class's @api basePath.
const TODO =
  "import { del, get, operation, param, patch, post, requestBody } from '@loopback/rest';\n" +
  'export class TodoController {\n' +
  "  @post('/todos', { responses: {} })\n  async create(@requestBody() todo: Todo) {}\n" +
  "  @get('/todos/{id}')\n  async findById(@param.path.number('id') id: number) {}\n" +
  "  @patch('/todos/{id}')\n  async update(@param.path.number('id') id: number) {}\n" +
  "  @del('/todos/{id}')\n  async remove(@param.path.number('id') id: number) {}\n" +
  "  @operation('head', '/todos')\n  async probe() {}\n" +
  '  async helper() {}\n}\n';
const APP = (basePath: string) =>
  "import { BootMixin } from '@loopback/boot';\nimport { RestApplication } from '@loopback/rest';\nimport { ApplicationConfig } from '@loopback/core';\n" +
  `export class TodoListApplication extends BootMixin(RestApplication) {\n  constructor(options: ApplicationConfig = {}) {\n    super(options);\n    ${basePath}\n    this.projectRoot = __dirname;\n  }\n}\n`;

suite('LoopBack 4', () => {
  test("a controller's lower-case route decorators, `{id}` as `:id`, at the root without a basePath", () => {
    const { routes, warnings } = routesAndWarnings({ '/ws/src/controllers/todo.controller.ts': TODO, '/ws/src/application.ts': APP('') });
    assert.deepEqual(routes, ['DELETE /todos/:id', 'GET /todos/:id', 'HEAD /todos', 'PATCH /todos/:id', 'POST /todos']);
    assert.deepEqual(warnings, []);
  });

  test("under the app's basePath('/api') and the class's @api({ basePath })", () => {
    const scoped = TODO.replace("import { del,", "import { api, del,").replace('export class TodoController', "@api({ basePath: '/v1', paths: {} })\nexport class TodoController");
    const { routes } = routesAndWarnings({ '/ws/src/controllers/todo.controller.ts': scoped, '/ws/src/application.ts': APP("this.basePath('/api');") });
    assert.deepEqual(routes, ['DELETE /api/v1/todos/:id', 'GET /api/v1/todos/:id', 'HEAD /api/v1/todos', 'PATCH /api/v1/todos/:id', 'POST /api/v1/todos']);
  });

  test("the same lower-case decorators from another package are no routes, and another framework's basePath call is not LoopBack's", () => {
    const other = TODO.replace("'@loopback/rest'", "'./decorators'");
    assert.deepEqual(routesAndWarnings({ '/ws/src/controllers/todo.controller.ts': other }).routes, []);
    const hono = "import { Hono } from 'hono';\nconst app = new Hono().basePath('/api');\napp.get('/ping', (c) => c.text('ok'));\nexport default app;\n";
    assert.deepEqual(routesAndWarnings({ '/ws/src/controllers/todo.controller.ts': TODO, '/ws/src/index.ts': hono }).routes, ['DELETE /todos/:id', 'GET /api/ping', 'GET /todos/:id', 'HEAD /todos', 'PATCH /todos/:id', 'POST /todos']);
  });

  test("an Express app serving the LoopBack app under a path (`app.use('/api', lb.requestHandler)`), with the app's basePath after it; Express's own routes stay as they are", () => {
    const server =
      "import express from 'express';\nimport { TodoListApplication } from './application';\n" +
      'export class Server {\n  readonly app = express();\n  readonly lb = new TodoListApplication();\n  constructor() {\n' +
      "    this.app.use('/rest', this.lb.requestHandler);\n    this.app.get('/health', (_req, res) => res.send('ok'));\n  }\n}\n";
    const files = { '/ws/src/controllers/todo.controller.ts': TODO, '/ws/src/application.ts': APP("this.basePath('/v2');"), '/ws/src/server.ts': server };
    assert.deepEqual(routesAndWarnings(files).routes, ['DELETE /rest/v2/todos/:id', 'GET /health', 'GET /rest/v2/todos/:id', 'HEAD /rest/v2/todos', 'PATCH /rest/v2/todos/:id', 'POST /rest/v2/todos']);
    const handlerOnly = server.replace("this.app.use('/rest', this.lb.requestHandler);", 'this.app.use(this.lb.requestHandler);');
    assert.deepEqual(routesAndWarnings({ ...files, '/ws/src/server.ts': handlerOnly }).routes, ['DELETE /v2/todos/:id', 'GET /health', 'GET /v2/todos/:id', 'HEAD /v2/todos', 'PATCH /v2/todos/:id', 'POST /v2/todos']);
  });

  test("the Express mount of a file the started entry does not import (the generated src/server.ts beside an index.ts starting the app itself) gives no prefix; imported, it does", () => {
    const server = "import express from 'express';\nimport { TodoListApplication } from './application';\nexport class ExpressServer {\n  app = express();\n  lb = new TodoListApplication();\n  constructor() {\n    this.app.use('/rest', this.lb.requestHandler);\n  }\n}\n";
    const index = (imports: string) => `${imports}import { TodoListApplication } from './application';\nexport async function main() {\n  const app = new TodoListApplication();\n  await app.boot();\n  await app.start();\n}\nmain();\n`;
    const files = (imports: string) => Object.entries({ '/ws/src/controllers/todo.controller.ts': TODO, '/ws/src/application.ts': APP(''), '/ws/src/server.ts': server, '/ws/src/index.ts': index(imports) }).map(([file, text]) => ({ file, text }));
    const paths = (imports: string) => collectRoutes(files(imports), { moduleOf: () => undefined, entry: '/ws/src/index.ts' }).routes.map((r) => `${r.method} ${r.path}`).sort();
    assert.deepEqual(paths(''), ['DELETE /todos/:id', 'GET /todos/:id', 'HEAD /todos', 'PATCH /todos/:id', 'POST /todos']);
    assert.deepEqual(paths("import { ExpressServer } from './server';\n"), ['DELETE /rest/todos/:id', 'GET /rest/todos/:id', 'HEAD /rest/todos', 'PATCH /rest/todos/:id', 'POST /rest/todos']);
  });

  test('the quick pre-filter lets a LoopBack controller and an app setting its basePath through', () => {
    assert.equal(mayDeclareRoutes("import { get } from '@loopback/rest';\nexport class Ping {\n  @get('/ping')\n  ping() {}\n}\n"), true);
    assert.equal(mayDeclareRoutes("import { RestApplication } from '@loopback/rest';\nexport function setup(app: RestApplication) {\n  app.basePath('/api');\n}\n"), true);
  });
});
