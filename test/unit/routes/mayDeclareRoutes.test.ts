import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';
import { isRouteSource } from '../../../src/core/routes/isRouteSource';
import { isBundle, isMinified, scanSourceText } from '../../../src/core/routes/scanFile';
import { groupFilesByApp } from '../../../src/core/routes/serverApps';

const SAMPLES: Record<string, string> = {
  nest: "@Controller('users')\nexport class U { @Get(':id') one() {} }",
  express: "const router = express.Router();\nrouter.get('/x', (req, res) => res.send('x'));",
  mount: "app.use('/api', apiRouter);",
  fastify: "fastify.route({ method: 'GET', url: '/a', handler })",
  prefix: "app.setGlobalPrefix('api/v1');",
  versioning: 'app.enableVersioning({ type: VersioningType.URI });',
  koa: "const r = new Router({ prefix: '/p' }); r.del('/x', h);",
  // A generated base class: decorators through a namespace import, no @Controller, no router call.
  // An openapi route on a parameter, its config a createRoute({ method: 'get' }): no `.get(` in the text.
  'openapi on a parameter': 'export function registerGet(api: OpenAPIHono) {\n  return api.openapi(getRoute, async (c) => c.json({}));\n}',
  // A sub-app filled by register functions of other files and exported from a list: only its factory says so.
  'hono factory': "const thingsApi = new OpenAPIHono<{ Variables: V }>();\nregisterGetThing(thingsApi);\nexport { thingsApi };",
  // A router handed on to the functions that declare routes on it, nothing declared here.
  'router handed on': 'function experimentalEndpoints(router) {\n  liveSyncEndpoints(router);\n}\nmodule.exports = { experimentalEndpoints };',
  'app and router handed on': 'function developerEndpoints(app, router) {\n  if (!router) return;\n  apiAuthEndpoints(router);\n}\nmodule.exports = { developerEndpoints };',
  // awilix-express: a class path from an imported constant, upper-case verb decorators, no quote, no router call.
  'awilix controller': "@route(Paths.api + ROOM)\n@before([auth()])\nexport class RoomController {\n  @GET()\n  list(req, res) {}\n}",
  'nest namespace': "import * as common from '@nestjs/common';\nexport class UserControllerBase {\n  @common.Post()\n  create() {}\n}",
  // A decorator factory in a file of its own: no `@`, no quote, only its call.
  'decorator factory': 'export function GetUser(path: string) {\n  return applyDecorators(Get(path), UseGuards(AuthGuard));\n}',
  'decorator factory arrow': 'export const Public = (path: string) => applyDecorators(Post(path));',
  // An object of routers under path keys, for a dispatcher of the project's own: no call, no export of a string.
  'object of routers': "import apiItems from './api/items';\nimport home from './home';\nconst routes: Routers = {\n\t'api/items': apiItems,\n\t'': home,\n};\nexport default routes;",
  // A route table's parts: a route definition made by a curried factory, and a list of them spread into the table.
  'curried route definition': 'export const deleteThing = createHandler(\n  deleteThingSpec,\n)(deleteThingHandler);',
  'curried route definition spreading its spec': 'export const deleteThing = createHandler({\n  ...deleteThingSpec,\n  middleware: [limit],\n})(async (req) => {\n  await remove(req.params.id);\n  return {};\n});',
  // A plugin whose every route call is given type arguments, a type literal with `;` before the path's quote.
  'typed route calls': "export default async (fastify: FastifyInstance) => {\n  fastify.get<{\n    Querystring: { limit?: number; offset?: number }\n  }>('/', async (request) => list(request));\n};",
  // A barrel that imports routers under new names and exports that list: no call, no `from` after its export.
  'barrel of renamed imports': "import { router as record } from './record';\nimport { router as storage } from './storage';\n\nexport {\n    record,\n    storage\n};",
  'list of route definitions': 'export const thingRoutes: Route[] = [\n  // CRUD\n  listThings,\n  postThing,\n];',
  // A hapi route table gathered from other modules' lists, default-exported without a semicolon: no quote, no call of a router.
  'default-exported list of route tables': "import items from './items.js'\nimport health from './health.js'\n\nexport default [\n  health,\n  items\n].flat()\n",
  'module.exports list of route tables': "const items = require('./items')\nconst health = require('./health')\nmodule.exports = [\n  ...items,\n  health\n]\n",
  // Which Nest controllers an app registers: the root module it starts, a module's metadata a function returns.
  'nest entry': "const app = await NestFactory.create(AppModule);\nawait app.listen(3000);",
  'nest module metadata': 'export function communityConfig(): ModuleMetadata {\n  return { imports: [UsersModule], controllers: [AuthController] };\n}',
  // A controller whose path and handlers come from the factory it extends a call of: no decorator, no route call here.
  // routing-controllers' app: the prefix of every decorated controller, in a file that declares nothing else.
  'routing-controllers server': "const expressApp = createExpressServer({\n  routePrefix: env.app.routePrefix,\n  controllers: env.app.dirs.controllers,\n});",
  // routing-controllers' options another file's server takes: their routePrefix, in a file with no server call.
  // Nest's GraphQL options class: another file's GraphQLModule.forRootAsync({ useClass }) serves GraphQL at its path.
  'graphql options class': "@Injectable()\nexport class GqlConfig implements GqlOptionsFactory {\n  createGqlOptions(): GqlModuleOptions {\n    return { autoSchemaFile: true, path: 'graph' };\n  }\n}",
  'routing-controllers options': "export function ocpiOptions(controllers: Function[]) {\n  const options: RoutingControllersOptions = { routePrefix: '/ocpi', controllers };\n  return options;\n}",
  // A Hono factory whose createApp() other files' apps are made with: no route, no quote.
  'hono factory of another file': 'export const doorlockFactory = createFactory<\n  Context & { Variables: { device: Device | undefined; }; }\n>();',
  // A hapi route table an arrow function returns as its body (`const apiRoutes = (api) => [{ method, path }]`),
  // exported by name in an object: no quote after the export, no router call; another file's server.route calls it.
  'route table an arrow function returns': "const apiRoutes = (api) => [\n  {\n    method: 'GET',\n    path: '/items/{id}',\n    handler: (req, h) => api.handle(req, h)\n  }\n]\n\nmodule.exports = { apiRoutes }\n",
  // A hapi route table held by a name the function returns, a comment before its first element: no router call here.
  'route table held and returned': "export const listRoutes = () => {\n  const table: Route[] = [\n    // first, the probe\n    {\n      method: 'GET',\n      path: '/probe',\n      handler: () => 'ok'\n    },\n    extra.one\n  ]\n  return table\n}\n",
  // A route table keyed by "METHOD /path", built and returned by a function: another file's loop registers it.
  'route table returned by a function': "function getRoutes(deps) {\n  const core = {\n    'get /api/v1/ping': { controller: deps.ping },\n    'POST /api/v1/login': login,\n  };\n  return core;\n}\nmodule.exports = getRoutes;",
  // A request handler exported as the default: another file's `app.use('/api', notFound)` answers there.
  'request handler exported as the default': "module.exports = function notFound(req, res, next) {\n  throw new NotFound(req.path);\n};",
  // A function exported as the default that returns a request handler: another file's `app.use('/settings.json', require('./settings')(opts))` answers there.
  'request handler factory exported as the default': "module.exports = (opts) => function settings(req, res) {\n  res.json({ theme: opts.theme });\n};",
  'request handler factory exported as the default, returning its handler': "module.exports = function (opts) {\n  return async (req, res) => {\n    res.json(opts);\n  };\n};",
  // A module's barrel object: another file mounts `authModule.routes`; no quote, no call of a router.
  'commonjs module object of its own files': "'use strict';\nconst routes = require('./routes');\nconst authService = require('./service');\n\nmodule.exports = { routes, authService };\n",
  'esm module object of its own files': "import routes from './routes';\nimport service from './service';\nexport default {\n  routes,\n  service,\n};\n",
  // A route decorator of the project's own, the method its first argument: no Nest name, no router call.
  'route decorator of its own': "import { APIRoute } from '@/http/decorators/route.decorator';\nexport class FeedController {\n  @APIRoute('GET', 'feed/notes')\n  async notes(ctx: AppContext) {}\n}",
  'class extending a factory call': "import { ListingController } from './listing';\nexport class GuestItemsController extends ListingController<Guest>({\n  area: 'guests',\n}) {}",
};

/** Constants another file's routes may be built from: each must pass, however it is written. */
const CONSTANTS: Record<string, string> = {
  literal: "export const API_PREFIX = '/api';",
  typed: 'export const API_PREFIX: string = "/api";',
  template: "import { API_PREFIX } from './prefix';\nexport const V1 = `${API_PREFIX}/v1`;",
  'template first in an object': "import { base } from './base';\nexport const paths = {\n  users: `/users`,\n  posts: `${base}/posts`,\n};",
  object: "export const config = {\n  handler: () => null,\n  prefix: '/api',\n};",
  enum: "export enum Paths {\n  Users = 'users',\n}",
  'default object': "export default {\n  apiPrefix: process.env.API_PREFIX || '/api',\n};",
  'class statics': "export default class Paths {\n  static users = '/users';\n}",
  'after a component': "export default function Icon() {\n  return null\n}\nexport const ICON_ROUTE = '/icon';",
  commonjs: "module.exports = { prefix: '/api' };",
  // A call's object holding a path before a component's JSX: the quote comes first.
  'path before a component in a call': "export const about = defineView({\n  path: '/about',\n  render: () => <About />,\n});",
  // Declared first, exported by name: no quote after the export.
  'object exported by name': "const config: Config = {\n  api: { prefix: '/api' },\n};\nexport default config;",
  'object exported by name, commonjs': "const config = {\n  api: { prefix: '/api' },\n}\nmodule.exports = config",
  // One chosen at run time among loaded modules or other objects, exported by name: no quote after the export, no `= {`.
  'loaded config chosen by the environment': "let config: Options =\n  (process.env.NODE_ENV === 'local' && require('./config.local')).default ||\n  require('./config.prod').default\nexport default config",
  'config chosen by a conditional': "const config = isProduction ? production : development;\nexport default config;",
  // An instance of the file's class whose constructor merges a file's settings over defaults: no quote after the export.
  // A configuration getter: another file's `get('server').globalPrefix` reads the object it indexes; no quote after its export.
  'configuration getter': "import defaultConfig from '../config/default';\nconst config = cloneDeep(defaultConfig);\nexport const get: (key?: KeyOfConfig) => Config | any = (key?: KeyOfConfig) =>\n  key ? config[key] : config;\nexport default { get };",
  'configuration getter function': 'export function get(key: string) {\n  return config[key];\n}',
  // A settings service whose getters read a registerAs namespace or build an object of settings: no quote, no export of a value.
  'settings service getter': 'export class Settings {\n  constructor(private config: ConfigService) {}\n  get http(): HttpSettings {\n    return this.config.get(HTTP);\n  }\n}',
  'settings getter of an object': 'export class Settings {\n  get http() {\n    return { base: process.env.BASE ?? DEFAULTS.BASE };\n  }\n}',
  // A zod schema of the environment with a path default, the parsed settings exported: no quote after the export.
  'zod environment schema': "const envSchema = z.object({\n  BASE_PATH: z.string().default('/live'),\n});\nexport const env = envSchema.parse(process.env);",
  // A zod schema parsing a copy of the environment, no path default: another file's prefix compares one of its settings.
  'zod schema of the environment without a path default': "const schema = z.object({\n  RUN_MODE: z.string().default('dev'),\n});\nlet input = { ...process.env };\nexport const env = schema.parse(input);",
  'config instance merging defaults': "const fromFile = require(process.env.CONFIG ?? '../config.json');\nclass Config {\n  constructor() {\n    this.API = merge(fromFile, defaults).API;\n  }\n}\nexport default new Config();",
};

/** Exports whose strings are no value of the export: a function's, a tagged template's. */
const NOT_CONSTANTS: Record<string, string> = {
  'default function': 'export default function Icon({ size = 24 }: Props) {\n  return <svg className="icon" width={size} />;\n}',
  'async default function': "export default async function load() {\n  return fetchJson('/x');\n}",
  'arrow component': 'export const List = ({ items }: Props) => (\n  <ul className="list">{items}</ul>\n);',
  'typed arrow': "export const label = (t: T): string => t('Label');",
  'tagged template': 'export const Row = styled.div`\n  color: ${(p) => p.theme.text};\n  font-family: "Inter";\n`;',
  'tagged generic template': 'export const Emoji = styled.span<Props>`\n  font-family: "Apple Color Emoji";\n`;',
  // A generated icon: a component made by a call, its first strings the JSX's attributes (then its name, no path).
  'component made by a call': "export const Star: FC<GlyphProps> = makeGlyph({\n  Body: ({ tints }) => <>\n    <circle r=\"4\" fill={tints[0]} />\n  </>,\n  name: 'star',\n});",
  'component in a wrapper call': 'export const Bell = forwardRef<SVGSVGElement, GlyphProps>(\n  ({ size = 24, ...rest }, ref) => (\n    <svg ref={ref} viewBox="0 0 18 18" width={size} {...rest} />\n  ),\n);',
};

suite('mayDeclareRoutes (the cheap pre-filter)', () => {
  test('never skips a file that declares routes, mounts or a prefix', () => {
    for (const [name, text] of Object.entries(SAMPLES)) {
      assert.equal(mayDeclareRoutes(text), true, name);
    }
  });

  test('agrees with the full scan on every file of the incident fixture: skipped files declare nothing', () => {
    const root = join(__dirname, '../../fixtures/incident');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name)) files.push(p);
      }
    };
    walk(root);
    assert.ok(files.length > 5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const x = extractRoutesFromSource(text, file);
      const declares = x.routes.length > 0 || x.mounts.length > 0 || x.globalPrefix !== undefined || x.uriVersioning !== undefined;
      if (declares) assert.equal(mayDeclareRoutes(text), true, file);
    }
  });

  test('passes every exported constant a path could be built from', () => {
    for (const [name, text] of Object.entries(CONSTANTS)) {
      assert.equal(mayDeclareRoutes(text), true, name);
    }
    // and each is a value the full scan records (what the gate must not lose)
    for (const name of ['literal', 'typed', 'template', 'template first in an object', 'object', 'enum', 'class statics', 'after a component']) {
      assert.notEqual(extractRoutesFromSource(CONSTANTS[name] ?? '', 'x.ts').constants, undefined, name);
    }
  });

  test("skips exports whose strings are a function's or a tagged template's: the full scan finds nothing in them either", () => {
    for (const [name, text] of Object.entries(NOT_CONSTANTS)) {
      assert.equal(mayDeclareRoutes(text), false, name);
      const x = extractRoutesFromSource(text, 'x.tsx');
      assert.deepEqual([x.routes, x.mounts, x.constants, x.decoratorFactories], [[], [], undefined, undefined], name);
    }
  });

  test('passes the files a configuration of classes is reached through, known by its name (classInstances.ts); not other classes', () => {
    assert.equal(mayDeclareRoutes("import { Loader } from './loader';\nexport const Settings = Loader.read(true);"), true);
    assert.equal(mayDeclareRoutes("import { AppConfig } from './appConfig';\nexport class Loader {\n  static read(strict = false): AppConfig & Watched {\n    return load();\n  }\n}"), true);
    assert.equal(mayDeclareRoutes("import { BaseSettings } from './base';\nexport class HttpSettings extends BaseSettings {\n  port = 80;\n}"), true);
    assert.equal(mayDeclareRoutes("import { Base } from './base';\nexport class Order extends Base {\n  static of(id: string): Order {\n    return new Order(id);\n  }\n}"), false);
    assert.equal(mayDeclareRoutes("import { Logger } from './logger';\nexport const log = Logger.create(options);"), false);
  });

  test("passes an object exported by name built from the file's own path constant (a route record another file's helper reads); not an object beside no path constant", () => {
    assert.equal(mayDeclareRoutes("const path = '/jobs/:id/retry';\nconst method = 'POST';\nexport const route = { method, path };\nexport const routeHandler = { ...route, handler };"), true);
    assert.equal(mayDeclareRoutes("import { itemsPath } from '../paths';\nconst path = itemsPath;\nexport const routeHandler: Handler = { path, method: verb, handler };"), true);
    assert.equal(mayDeclareRoutes("const retries = 3;\nexport const policy = { retries, backoff };"), false);
    assert.equal(mayDeclareRoutes("const path = '/tmp/cache';\nexport function clean() { return rm(path); }"), false);
  });

  test("passes a class of a file loading a Feathers package (its service methods another file's use(path, new X()) serves, feathersServices.ts); not a class beside no Feathers package", () => {
    assert.equal(mayDeclareRoutes("const { AuthenticationService } = require('@feathersjs/authentication');\nclass Auth extends AuthenticationService {}\nmodule.exports = { Auth };\n"), true);
    assert.equal(mayDeclareRoutes("import type { Params } from '@feathersjs/feathers';\nexport class Notes {\n  async find(_p: Params) { return []; }\n}\n"), true);
    assert.equal(mayDeclareRoutes("import { Base } from './base';\nexport class Notes extends Base {\n  async find() { return []; }\n}\n"), false);
    assert.equal(mayDeclareRoutes("const { errors } = require('@feathersjs/errors');\nmodule.exports = (e) => new errors.NotFound(e);\n"), false);
  });

  test("skips a generated API client's calls whose value is kept, given only names (`const ctx = this.requestFactory.get(token, options)`); never a registration (a path, a handler, an options object, awaited, or its value dropped)", () => {
    const client = [
      'export class ObservableUserApi {',
      '  public register(body: RegisterBody, _options?: Configuration) {',
      '    const requestContextPromise = this.requestFactory.register(body, _options);',
      '    return this.api.get(param.token, options).toPromise();',
      '  }',
      '  public signUp(param: SignUpRequest, options?: Configuration) {',
      '    return this.api.register(param.body,  options).toPromise();',
      '  }',
      '}',
    ].join('\n');
    assert.equal(mayDeclareRoutes(client), false);
    assert.deepEqual(extractRoutesFromSource(client, '/w/client.ts').routes, []);
    const registrations = [
      'fastify.register(plugin, opts);',
      'await server.register(plugin);',
      'const registered = await app.register(routes);',
      "return fastify.register(plugin, { prefix: '/v1' });",
      'return server.register(routesPlugin);',
      'return fastify.register(plugin, opts).after(ready);',
      'export default async (app) => app.register(users, options);',
      'app.register(routes);',
      "const health = app.get('/health', h);",
      'router.get(PATH, handler);',
      'const r = app.get(PATH, (req, res) => res.send());',
    ];
    for (const text of registrations) assert.equal(mayDeclareRoutes(text), true, text);
  });

  test('skips plain code', () => {
    assert.equal(mayDeclareRoutes('export class UsersService { list() { return [] } }'), false);
    // a service exported as an instance of its class, merging nothing: no configuration's defaults
    assert.equal(mayDeclareRoutes('class Blocks {\n  private blocks = [];\n  constructor() { this.cache = new Map(); }\n}\nexport default new Blocks();'), false);
    assert.equal(mayDeclareRoutes("import { x } from './y';\nexport const z = x + 1;"), false);
    // an exported object of a package's modules, or of none this file loads from its own tree
    assert.equal(mayDeclareRoutes("const lodash = require('lodash');\nconst util = require('./util');\nmodule.exports = { lodash, helper };"), false);
    // lookups with one plain argument: no handler, no route
    assert.equal(mayDeclareRoutes("class S { port() { return this.configService.get('port') ?? cache.get(key) ?? map.get(this.id); } }"), false);
    // with a handler, or a lone mounted router, it may
    assert.equal(mayDeclareRoutes("router.get('/x', handler)"), true);
    assert.equal(mayDeclareRoutes('app.use(routes)'), true);
  });

  test('calls that are no registration: Promise.all, a lookup by a non-null asserted key, a query by a where object; a React Router hook, test router or prose', () => {
    const plain = [
      'export async function load(ids: string[]) {\n  return Promise.all([first(ids), second(ids)]);\n}',
      'function owners(byKit: Map<string, Set<string>>, item: Item) {\n  byKit.get(item.kit!)!.add(item.owner!);\n}',
      'async function remove(tx: Tx, id: string) {\n  await tx.item.delete({ where: { id } });\n}',
      "import { useRouter } from 'expo-router';\nfunction Screen() {\n  const router = useRouter();\n  return null;\n}",
      "import { MemoryRouter } from 'react-router';\nfunction wrap(ui) {\n  return render(ui, { wrapper: MemoryRouter });\n}",
      '// React Router sends a host header with each data request\nfunction host(h: Headers) {\n  return h.has(HOST);\n}',
    ];
    for (const text of plain) assert.equal(mayDeclareRoutes(text), false, text);
    // the same calls written as routes still pass
    const routes = [
      "router.all('/x', handler)",
      'router.delete({ path: PATH }, handler)',
      'api.get(path!, handler)',
      'const router = Router();\nmodule.exports = router;',
      'export const appRouter = createTRPCRouter({ users });',
    ];
    for (const text of routes) assert.equal(mayDeclareRoutes(text), true, text);
  });

  test('a commented-out table of many lines, each with a comment inside and trailing blanks, is read once: no backtracking over the ways to split its comments', () => {
    // Each line `//   // note   ` could end its comment at any of its blanks or at its inner `//`: a pattern
    // letting a comment and the blanks after it share characters tries every split of every line (it hung).
    const lines = Array.from({ length: 40 }, (_, i) => `//   // column ${i}: see http://example.test//notes   \n`).join('');
    const text = `// const columns: Column[] = [\n${lines}// ];\nexport function Page() {\n  return null;\n}\n`;
    assert.equal(mayDeclareRoutes(text), false);
    assert.equal(mayDeclareRoutes(`const table = [\n${lines}  {\n    method: 'GET',\n    path: '/probe',\n  },\n];\nexport default () => table;\n`), true);
  });
});

suite('isRouteSource', () => {
  test('tests are not read, by name or by folder below the scanned root only', () => {
    assert.equal(isRouteSource('/w/src/app.controller.ts', '/w'), true);
    assert.equal(isRouteSource('/w/src/app.controller.spec.ts', '/w'), false);
    assert.equal(isRouteSource('/w/test/app.e2e-spec.ts', '/w'), false);
    assert.equal(isRouteSource('/w/test/test-setup.ts', '/w'), false);
    assert.equal(isRouteSource('/w/src/__tests__/routes.ts', '/w'), false);
    // an integration test beside the code it tests (its own app mounting the router under a test path)
    assert.equal(isRouteSource('/w/src/features/news/routes/news.integ.ts', '/w'), false);
    assert.equal(isRouteSource('/w/src/routes/pages-rename.exclusive.integ.ts', '/w'), false);
    // a module whose name only ends in "integration" is the server's own
    assert.equal(isRouteSource('/w/src/routes/slack-integration.ts', '/w'), true);
    // a test helpers' folder: the app tests set up, with a route of its own to seed the session
    assert.equal(isRouteSource('/w/server/routes/testutils/testUtilRoute.ts', '/w'), false);
    assert.equal(isRouteSource('/w/src/test-utils/appSetup.ts', '/w'), false);
    assert.equal(isRouteSource('/w/src/testUtils/server.ts', '/w'), false);
    assert.equal(isRouteSource('/w/src/routes/utils/index.ts', '/w'), true);
    // a suite's folder named by its kind; a route folder that only starts with test- is a source
    assert.equal(isRouteSource('/w/test-int/bot.js', '/w'), false);
    assert.equal(isRouteSource('/w/packages/api/integration_tests/server.ts', '/w'), false);
    assert.equal(isRouteSource('/w/src/routes/test-runs/index.ts', '/w'), true);
    assert.equal(isRouteSource('/w/src/types.d.ts', '/w'), false);
    // a checkout that itself sits in a folder called test/
    assert.equal(isRouteSource('/home/u/test/proj/src/main.ts', '/home/u/test/proj'), true);
  });

  test('database migrations, named by their timestamp in a migrations folder, are not read', () => {
    assert.equal(isRouteSource('/w/server/migrations/20170712055148-create-attachments.js', '/w'), false);
    assert.equal(isRouteSource('/w/src/database/migrations/sqlite/1693891895163-Init.ts', '/w'), false);
    assert.equal(isRouteSource('/w/src/migrations/Migration20230101120000.ts', '/w'), false);
    // an API of that name, or a file beside the migrations that is not one, still is
    assert.equal(isRouteSource('/w/src/routes/migrations/index.ts', '/w'), true);
    assert.equal(isRouteSource('/w/src/migrations/migrations.routes.ts', '/w'), true);
    assert.equal(isRouteSource('/w/src/api/20230101-report.routes.ts', '/w'), true);
    // and the scan finds nothing in one: its strings are SQL, its exports up and down
    const migration = "module.exports = {\n  up: async (queryInterface, Sequelize) => {\n    await queryInterface.addColumn('users', 'flags', { type: Sequelize.JSONB });\n  },\n  down: async (queryInterface) => queryInterface.removeColumn('users', 'flags'),\n};";
    const x = extractRoutesFromSource(migration, '/w/server/migrations/20170712055148-add-flags.js');
    assert.deepEqual([x.routes, x.mounts], [[], []]);
  });

  test('build output named by its content hash (webpack chunks, file-loader copies) is not read; a name that only holds digits or a short hex word still is', () => {
    assert.equal(isRouteSource('/w/packages/ui/assets/dist/117389396b5ae8131c2a299bfc802c7a.js', '/w'), false);
    assert.equal(isRouteSource('/w/packages/ui/assets/dist/10.0a4386054b517ee54ead.js', '/w'), false);
    assert.equal(isRouteSource('/w/public/main-4ed993c7ab12cd34ef56.mjs', '/w'), false);
    assert.equal(isRouteSource('/w/src/routes/v2.cafe.js', '/w'), true);
    assert.equal(isRouteSource('/w/src/api/20230101-report.routes.ts', '/w'), true);
    assert.equal(isRouteSource('/w/src/0123456789abcdef0123.ts', '/w'), true);
  });
});

suite('groupFilesByApp', () => {
  const pkg = (dir: string, name: string, deps: string[]) => ({ dir, name, deps });
  test("a server's own files, the packages it depends on (transitively) and files in no package; never a front end, a package that depends on the server or one it does not depend on (hoisted: the check does not read it)", () => {
    const apps = [{ dir: '/r/packages/api', evidence: 'package.json depends on fastify' }];
    const packages = [
      pkg('/r', 'root', []),
      pkg('/r/packages/api', 'api', ['fastify', 'backend-lib']),
      pkg('/r/packages/backend-lib', 'backend-lib', ['iso-lib']),
      pkg('/r/packages/iso-lib', 'iso-lib', []),
      pkg('/r/packages/dashboard', 'dashboard', ['react', 'iso-lib']),
      pkg('/r/packages/lite', 'lite', ['api']),
      pkg('/r/examples/hoisted', 'hoisted', ['stripe']),
    ];
    const files = ['api/src/a.ts', 'backend-lib/src/b.ts', 'iso-lib/src/c.ts', 'dashboard/src/d.tsx', 'lite/src/e.ts'].map((f) => `/r/packages/${f}`);
    const groups = groupFilesByApp('/r', apps, [...files, '/r/examples/hoisted/index.ts', '/r/scripts/x.ts'], packages);
    assert.deepEqual(groups, [
      {
        dir: '/r/packages/api',
        files: ['/r/packages/api/src/a.ts', '/r/packages/backend-lib/src/b.ts', '/r/packages/iso-lib/src/c.ts', '/r/scripts/x.ts'],
      },
    ]);
  });
});

suite('isBundle', () => {
  test('a CommonJS module exporting a function per HTTP method (exports.get = ...) is scanned for its export names; one exporting other names is not', () => {
    assert.equal(mayDeclareRoutes('module.exports.get = () => ({ handler: async () => 1 });\n'), true);
    assert.equal(mayDeclareRoutes('exports.patch = (app) => ({ handler: async () => 1 });\n'), true);
    assert.equal(mayDeclareRoutes('module.exports.getUser = (id) => db.find(id);\n'), false);
  });

  test("over 64 KB, a file defining webpack's runtime is a bundle; a source naming it, or a small file, is not", () => {
    const modules = "/* 1 */\n(function (module, exports, __webpack_require__) {\n  const common_1 = __webpack_require__(2);\n  router.get('/x', h);\n}),\n".repeat(700);
    const bundle = `(() => {\n  var __webpack_modules__ = ([\n${modules}]);\n  function __webpack_require__(moduleId) {\n    return cache[moduleId];\n  }\n})();\n`;
    assert.equal(isBundle(bundle), true);
    assert.equal(isMinified(bundle), false);
    assert.equal(isBundle(bundle.slice(0, 2_000)), false);
    assert.equal(isBundle(`// loads chunks through __webpack_require__ at run time\n${"router.get('/x', h);\n".repeat(5_000)}`), false);
  });
});

suite('isMinified', () => {
  test('long lines over 64 KB are minified; a long file of short lines is not', () => {
    assert.equal(isMinified(`router.get('/x', h);${'a'.repeat(70_000)}`), true);
    assert.equal(isMinified("router.get('/x', h);\n".repeat(5_000)), false);
    assert.equal(isMinified(`router.get('/x', h);${'a'.repeat(1_000)}`), false);
    // A front end's hashed chunk of 10 KB on a few lines is minified; a source of that size with a long line, or a shorter chunk, is not.
    const chunk = `router.get('/x', h);${'a'.repeat(10_000)}\nb();`;
    for (const name of ['/w/public/js/index-ac5ef21b.js', '/w/public/assets/style-ClrjWzkr.js', '/w/build/main.3f2a9c1e.js']) assert.equal(isMinified(chunk, name), true, name);
    for (const name of ['/w/src/server.js', '/w/src/logger-frontend.js', '/w/src/routes/Frontend.js']) assert.equal(isMinified(chunk, name), false, name);
    assert.equal(isMinified(`router.get('/x', h);${'a'.repeat(7_000)}`, '/w/public/js/index-ac5ef21b.js'), false);
  });
});

suite('scanSourceText: generated glue and stories', () => {
  test("wasm-bindgen's glue (`let wasm;` and its `__wbindgen_*` imports) is not read, though its Map calls pass the pre-filter; a source only naming such a function is", () => {
    const calls = 'export function __wbg_get_1(arg0, arg1) {\n  const ret = getObject(arg0).get(getObject(arg1));\n  return addHeapObject(ret);\n}\n';
    const glue = `let wasm;\nexport function __wbg_set_wasm(val) { wasm = val; }\n${calls}export function __wbindgen_object_drop_ref(arg0) { takeObject(arg0); }\n`;
    assert.equal(mayDeclareRoutes(glue), true);
    assert.equal(scanSourceText('/w/pkg/calc_bg.js', glue), null);
    const server = "// the module's __wbindgen_start runs at load\nconst router = express.Router();\nrouter.get('/calc', (req, res) => res.json(run()));\nmodule.exports = router;\n";
    assert.deepEqual(scanSourceText('/w/src/calc.js', server)?.routes.map((r) => r.path), ['/calc']);
  });

  test('a Storybook story file is not read, though its exported values pass the pre-filter; the same text in a source, or a story at a route handler\'s path, is', () => {
    const story = "import { Button } from './button';\nexport default { title: 'Button', component: Button };\nexport const Primary = { args: { label: 'Go' } };\n";
    assert.equal(mayDeclareRoutes(story), true);
    for (const name of ['/w/src/button.stories.tsx', '/w/src/button.story.js', '/w/src/Input.stories.ts']) assert.equal(scanSourceText(name, story), null, name);
    assert.notEqual(scanSourceText('/w/src/button.tsx', story), null);
    const handler = "export default function handler(req, res) { res.status(200).json({ ok: true }); }\n";
    assert.notEqual(scanSourceText('/w/pages/api/health.stories.ts', handler), null);
  });
});
