// A cheap test before the full scan: a file that names no decorator (also namespace-qualified,
// `@common.Get()` under `import * as common from '@nestjs/common'), router call, app or router factory, mount or
// prefix, exports no constant a path could be built from and re-exports nothing (barrels, also
// `import { router as record } from './record'; export { record }`), declares nothing extractRoutesFromSource could find. Most files of a large tree
// (services, models, helpers) are skipped by one regex pass instead of a tokenizing scan. A route
// definition made by a curried factory (`export const listX = createApiRequestHandler(listXSpec)(h)`,
// also given an object spreading the spec: `createApiRequestHandler({ ...listXSpec, middleware })(h)`)
// is a constant too: its spec holds the method and path a route table registers; so is a list of
// names (`export const featureRoutes = [listFeatures, postFeature]`, also `export default [health, items].flat()`
// of a hapi route table) such a table is spread from.
import { STRAPI_FILES_ID } from './strapiPluginFiles';
import { HAND_DISPATCH_FILES_ID } from './handDispatchFiles';


// Feathers' `app.configure(services)`: the app handed to a configure function of the project, which registers
// services (`app.use(path, service)`) in its own file; the file calling it is a link of the chain, however typed its parameter.
const CONFIGURED = String.raw`\b(?:app|server|[\w$]*App)\s*\.\s*configure\(\s*[\w$.]+\s*\)`;

// A router handed to another function (`function experimentalEndpoints(router) { liveSyncEndpoints(router); }`)
// mounts that function's routes: an argument named like extract.ts's conventional receivers, after
// names or string literals (`setupMount('users', app, routes)`: a mount helper's prefix).
const HANDED_ON = String.raw`[\w$]\s*\(\s*(?:(?:[\w$]+|'[^'\n]*'|"[^"\n]*")\s*,\s*)*(?:app|server|fastify|instance|router|routes|f|[\w$]*(?:Router|Routes|router|routes|App|app|Server))\s*[,)]`;

// An exported constant a path could be built from holds a string: not a function's (`export default
// function Icon() { ... }`, `export const List = ({ t }) => ...`, whose strings are no value of the
// export) nor a tagged template's (`export const Row = styled.div\`...\``), nor a component's JSX before any other quote
// (`export const AddIcon: FC = makeIcon({ Path: () => <><path d="M8 1"/></>, name: 'add' })`, a generated icon: no arrow
// returning JSX between the export and its quote); a decorator factory
// (`export function GetUser(p) { return applyDecorators(Get(p)) }`) is named by its call.
// A verb call with one plain argument (`config.get('port')`, `cache.get(key)`, `emitter.on(name)`)
// is a lookup, never a registration: a route passes a handler too; so is one given a non-null asserted name
// (`byKit.get(item.kit!)`), a query given a `where` object first (an ORM's `tx.asset.delete({ where })`),
// and `Promise.all([...])`, whose `.all` is no router's. A verb call given type arguments
// (`fastify.get<{ Querystring: { limit?: number; offset?: number } }>('/', h)`) is a route's: its `(`
// comes after the `<...>`, whose type literal may hold `;` before any quote.
// A route decorator of the project's own whose first argument is the method (`@APIRoute('GET', 'feed')`,
// nestControllers.ts metadataRoute) shares the `@` of the Nest decorators, one attempt per `@`.
// LoopBack 4's lower-case route decorators (`@get('/x')`, `@del`, `@operation`) and its app's `basePath('/api')`;
// tsoa's generateRoutes({ basePath }) in a script (tsoaRoutes.ts).
// inversify-express-utils' `@controller('/x')`, `@httpGet('/')`... and its server's rootPath (inversifyControllers.ts);
// awilix-express's class `@route('/x')` (awilixControllers.ts); cool-admin's `@CoolController({ api })` (coolControllers.ts).
// A word ending in Router is a router's, except a front end's: a hook (`useRouter()` of Next.js, Expo, Vue),
// react-router's MemoryRouter of tests, and "React Router" in prose (a Remix app's comments).
// A call whose value the code keeps (assigned, `const ctx = this.requestFactory.get(token, options)`, or returned,
// `return this.api.register(param.body, options)`) given only names is a lookup of a client or a store (a generated
// API client's thousands of lines hold one per operation): a registration written so passes a path or a handler
// (`const health = app.get('/health', h)`, `return fastify.register(plugin, { prefix })`), or is awaited.
// Read after the call's `(`, so that the look back runs at a call's site only.
const keptLookup = (kept: string, after = '') => String.raw`(?!(?<=${kept}\s*[\w$.]+\.[\w$]+\s*\()(?:\s*[\w$.]+\s*,)*\s*[\w$.]+\s*\)${after})`;
const KEPT_LOOKUP = keptLookup(String.raw`(?:[^=!<>]=|\breturn)`);
// A plugin registered from a plugin function is often handed back (`return fastify.register(routes)`): a register call only when assigned,
// or when what it returns is an RxJS Observable (`return this.api.register(param.body, options).toPromise()`, a generated API
// client's call turned into a promise, piped or subscribed to): no framework's registration gives one.
const KEPT_REGISTER = keptLookup('[^=!<>]=') + keptLookup(String.raw`\breturn`, String.raw`\s*\.(?:toPromise|pipe|subscribe)\s*\(`);
const DECLARATIONS = new RegExp(
  String.raw`@(?:[\w$]+\.)?(?:(?:Controller|CoolController|HTTPController|Get|Post|Put|Patch|Delete|Head|Options|All|Module)\b|[\w$]+\(\s*['"](?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|get|post|put|patch|delete|head|options)['"]\s*,)|(?<!\bPromise)\.(?:get|post|put|patch|delete|del|head|options|all|on)\s*\((?!\s*(?:'[^'\n]*'|"[^"\n]*"|[\w$.]+!?)\s*\)|\s*\{\s*where\s*:)${KEPT_LOOKUP}|\.(?:get|post|put|patch|delete|del|head|options|all|route)\s*<\s*[{\w$]|\.(?:route|use|openapi)\s*\(|\.register\s*\(${KEPT_REGISTER}|\.meta\s*\(\s*\{\s*openapi\b|@(?:get|post|put|patch|del|operation)\s*\(|@(?:[\w$]+\.)?(?:controller|route|http(?:Get|Post|Put|Patch|Delete|Head|Options|Method)|all)\s*\(|\bInversifyExpressServer\b|\.basePath\s*\(|\bgenerateRoutes\s*\(|setGlobalPrefix|enableVersioning|\bNestFactory\.create\b|\bcontrollers\s*:\s*\[|applyMiddleware|(?<!\buse|\bMemory|\bReact )Router\b|\bnew\s+(?:OpenAPIHono|Hono|Koa|Elysia)\b|\b(?:express|fastify|Fastify|polka)\s*\(|applyDecorators|@adonisjs\/core\/services\/router\b|@ioc:Adonis\/Core\/Route\b|\buse\(\s*['"]Route['"]\s*\)|\b(?:export\s+(?:const|enum|default)|module\.exports\s*=)(?!\s+(?:async\s+)?function\b|\s+[\w$]+(?:\s*:[^=;]*)?\s*=\s*(?:async\s*)?(?:\([^()]*\)|[\w$]+)\s*(?::[^=;]*)?=>)(?:[^;\x60=]|=(?!>\s*\(?\s*<[\w>]))*?(?:['"]|(?<![\w$)>\]]\s*)\x60)|\bexport\s*(?:\*|\{)[^;]*?\bfrom\s*['"]|\bexport\s*\{[^}]*\}(?!\s*from\b)|\bexport\s+const\s+[\w$]+\s*=\s*[\w$]+\(\s*(?:[\w$]+\s*,?\s*\)\s*\(|\{\s*\.\.\.[\w$]+\s*,)|\b(?:export\s+const\s+[\w$]+(?:\s*:[^=;]*)?\s*=|export\s+default|module\.exports\s*=)\s*\[\s*(?:\/\/[^\n]*\n\s*)*(?:[\w$]|\.\.\.)`,
);
// An object of routers under path keys (`{ 'api/items': apiItems, '': defaultRoute }`): a quoted key
// holding a slash, or empty, before a plain name, where a property starts (not `c ? '' : x,`).
const KEYED_ROUTER = String.raw`[{,\n]\s*['"](?:[\w.:-]*\/[\w.:/-]*)?['"]\s*:\s*[\w$]+\s*[,}]`;
// A class extending a call (`class AdminSales extends SalesController<Admin>({ path: 'admins' }) {}`):
// a controller when the function called declares and returns an @Controller class.
const EXTENDS_CALL = String.raw`\bclass\s+[\w$]+\s+extends\s+[\w$.]+\s*(?:<[^<>(){};]*>)?\s*\(`;
// routing-controllers' app made with its options (`createExpressServer({ routePrefix: '/api' })`), or
// those options built where another file's server takes them (`const o: RoutingControllersOptions =
// {...}`): the prefix of every decorated controller, in a file that may declare nothing else.
// Midway's configuration (`koa: { globalPrefix: '/api' }`) likewise prefixes its controllers, from a config file.
// Nest's GraphQL options class (`createGqlOptions() { return { path: 'graph' } }`, GqlOptionsFactory): another
// file's `GraphQLModule.forRootAsync({ useClass })` serves GraphQL at that path (nestApp.ts).
const CONTROLLERS_SERVER = String.raw`\b(?:create|use)(?:Express|Koa)Server\s*\(|\bRoutingControllersOptions\b|\bglobalPrefix\s*:|\bcreateGqlOptions\s*\(`;
// A Hono factory (`export const usersFactory = createFactory<Env>()`): other files' apps are its createApp().
const APP_FACTORY = String.raw`\bcreateFactory\s*[<(]`;
// A route table's key, "METHOD /path" (`'get /api/v1/ping': { controller }`), in a file that may only
// build the table and return it from a function (routeTables.ts): another file's loop registers it.
const METHOD_PATH_KEY = String.raw`['"\`]\s*(?:get|post|put|patch|delete|del|head|options|all|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ALL)\s+\/[^'"\`\s]*\s*['"\`]\s*:`;
// A request handler exported as the file's default (`module.exports = function notFound(req, res, next)`):
// another file's `app.use('/api', notFound)` answers there when it never hands the request on (fileExports.ts).
const HANDLER_EXPORT = String.raw`\b(?:module\.exports\s*=|export\s+default)\s*(?:async\s+)?(?:function\b[\w$\s]*)?\(\s*(?:req|request)\b[^,()]*,\s*(?:res|response)\b`;
// A function exported by name that returns a request handler (`export function serveFiles() { return
// ({ params }, res, next) => ... }`): another file's `app.use('/files/:file', serveFiles())` answers there (fileExports.ts).
const HANDLER_FACTORY_EXPORT = String.raw`\bexport\s+function\s+[\w$]+\s*\([^()]*\)\s*(?::[^{]*)?\{\s*return\s+(?:async\s+)?(?:function\b[\w$\s]*)?\(\s*(?:[\w$]+|\{[^{}()]*\})\s*(?::[^,()]*)?,\s*(?:res|response)\b`;
// A default-exported function that returns a request handler (`module.exports = (options) => function (req, res) {...}`):
// another file's `app.use('/config.json', require('./config')(options))` answers there (fileExports.ts).
const HANDLER_FACTORY_DEFAULT = String.raw`\b(?:module\.exports\s*=|export\s+default)\s*(?:async\s+)?(?:function\b[\w$\s]*)?\([^()]*\)\s*(?:=>\s*(?:\{\s*return\s+)?|\{\s*return\s+)(?:async\s+)?(?:function\b[\w$\s]*)?\(\s*(?:[\w$]+|\{[^{}()]*\})\s*(?::[^,()]*)?,\s*(?:res|response)\b`;
// Sails' routes or blueprint options, assigned in a file of its config folder (sailsRoutes.ts): no file imports it.
const SAILS_CONFIG = String.raw`\bmodule\.exports\.(?:routes|blueprints)\s*=`;
// A CommonJS module exporting a function per HTTP method (`module.exports.get = (app) => ({ handler })`): a
// loop over listed files registers one route per name it exports (loops.ts listedModuleKeys), read from its exportKeys.
// An openapi-backend instance (`new OpenAPIBackend({ definition })`, a wrapper's `OpenapiBackend.initialise(file)`): its document's operations are the server's routes (openApiBackend.ts).
const OPENAPI_BACKEND_MADE = String.raw`\bnew\s+(?:[\w$]+\.)*OpenAPIBackend\s*\(|\b[Oo]pen[Aa]pi[Bb]ackend\.initiali[sz]e\s*\(`;
// A CommonJS named export written as a table of objects (`exports.routes = [{ method: 'GET', path: '/' }]`,
// `module.exports.clients = [...]`): another file's `server.route(require('./routing').routes)` reads it (fileExports.ts cjsNamedTable).
const CJS_NAMED_TABLE = String.raw`\b(?:module\.)?exports\.[\w$]+\s*=\s*\[\s*(?:\/\/[^\n]*\n\s*)*\{`;
// A convict schema (`const conf = convict({ api: { version: { default: 1 } } })`, exported as `module.exports = conf`):
// its defaults are what another file's `config.get('api.version')` reads in a path (declarations.ts declaredDefaults).
const CONVICT_LOADED = String.raw`\brequire\s*\(\s*['"]convict['"]\s*\)|\bfrom\s*['"]convict['"]`;
const METHOD_EXPORTS = String.raw`\b(?:module\.)?exports\.(?:get|post|put|patch|delete|head|options|all)\s*=`;
/**
 * A file answering HTTP requests in a way no framework call shows: a fetch event listener, a fetch
 * handler exported as the default object (Cloudflare Workers, Bun), `Bun.serve`/`Deno.serve`:
 * where a match-only router's table may be served (matchOnlyRouters.ts).
 */
export const REQUEST_ENTRY = String.raw`\baddEventListener\s*\(\s*['"]fetch['"]|\bexport\s+default\s*\{[^;]*?\bfetch\b|\b(?:Bun|Deno)\.serve\s*\(`;
// Bun's `serve({ routes })` imported from 'bun' (bunRoutes.ts): its route table, or another file's spread into it.
const BUN_SERVE_IMPORT = String.raw`\bimport\s*\{[^}]*\bserve\b[^}]*\}\s*from\s*['"]bun['"]`;
// A plain Node server (`http.createServer((req, res) => ...)`): its handler may route by hand (handRouting.ts).
export const NODE_SERVER = String.raw`\bcreateServer\s*\(`;
// A constant made by a call given a path (`const postSchema = createSchemaRoute('/schema/post', PostSchema)`):
// the plugin of another file's route factory (routeFactories.ts), registering its routes at that path.
const PATH_GIVEN_CALL = String.raw`\b(?:const|let|var)\s+[\w$]+\s*=\s*[\w$]+\s*\(\s*(?:[\w$.]+\s*,\s*)*['"\`]\/`;
// A subclass handing its base class a path (`super(api, '/blocks', service)`): the base registers its routes there (inheritedPaths.ts).
const PATH_GIVEN_SUPER = String.raw`\bsuper\s*\(\s*(?:[\w$.]+\s*,\s*)*['"\`]\/`;
// A setter filling a field and returning the instance (`setPrefix(p) { this.prefix = p; return this }`): another
// file's `endpoint.setPrefix('/x').register()` gives the routes of its class (or a subclass) reading that field their path (setterPaths.ts).
export const SETTER_RETURNS_THIS = String.raw`\bthis\.[\w$]+\s*=\s*[\w$]+\s*;?\s*return\s+this\b`;
// An express-openapi path module's operations (`const operations = { GET, POST }`, `module.exports = { GET: [auth, h] }`,
// an exported object whose first key is one in lower case: openApiFramework.ts), in a file that may declare nothing
// else: another file's initialize loads it. So are its named exports: a function named by a method taking a request
// and a response (`export function GET(req, res)`, `export const del = async (req, res) => ...`; a getter
// `export function get(key)` is none, nor a Next.js handler `GET(request)` outside a handler's path), or one given its
// apiDoc (`POST.apiDoc = {...}`); a list of handlers (`export const POST = [auth, h]`) passes as an exported list.
const OPERATIONS_OBJECT = String.raw`[{,]\s*(?:GET|POST|PUT|PATCH|DELETE)\s*[,}:(]|\b(?:module\.exports\s*=|export\s+default)\s*\{\s*(?:get|post|put|patch|delete|del)\s*[,}:(]`;
const OPERATION_NAME = String.raw`(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|get|post|put|patch|delete|del|head|options)`;
const NAMED_OPERATION = String.raw`\bexport\s+(?:(?:async\s+)?function\s+${OPERATION_NAME}\s*\(|(?:const|let|var)\s+${OPERATION_NAME}\s*(?::[^=;]*)?=\s*(?:async\s*)?(?:function\b[^(]*)?\()\s*(?:req|request)\b[^,()]*,\s*(?:res|response)\b|\b${OPERATION_NAME}\.apiDoc\s*=`;
// A function returning a table of route options (`return [{ url: '/api/v0/version', method: ['GET'], handler }]`):
// another file hands what it gives to a helper registering each element (listHelpers.ts), reading it here (fileExports.ts calledValue).
// A table of route options a function returns (`return [{ method, path }]`), also as an arrow function's body (`(api) => [{ method, path }]`).
// Also held by a name the function returns (`const routes: ServerRoute[] = [{ method, path }, ...]; return routes`);
// a comment may stand before the first element.
const RETURNED_TABLE = String.raw`(?:\breturn|=>|\b(?:const|let)\s+[\w$]+\s*(?::[^=;]*)?=)\s*\[\s*(?:\/\/[^\n]*\n\s*)*\{\s*(?:\/\/[^\n]*\n\s*)*(?:url|path|method)\s*:`;
// An app made by a function given the settings object (`const app = initialize(config)`): what that object
// holds decides the function's routes registered under a test of its parameter (settingGuards.ts configRead).
const APP_GIVEN_SETTINGS = String.raw`\b(?:app|server)\s*=\s*(?:await\s+)?[\w$]+\s*\(\s*[\w$]*(?:[Cc]onfig|[Ss]ettings)\s*\)`;
const ROUTE_TOKENS = new RegExp(`${REQUEST_ENTRY}|${BUN_SERVE_IMPORT}|${RETURNED_TABLE}|${OPERATIONS_OBJECT}|${NAMED_OPERATION}|${DECLARATIONS.source}|${HANDED_ON}|${CONFIGURED}|${KEYED_ROUTER}|${EXTENDS_CALL}|${CONTROLLERS_SERVER}|${APP_FACTORY}|${METHOD_PATH_KEY}|${HANDLER_EXPORT}|${HANDLER_FACTORY_EXPORT}|${HANDLER_FACTORY_DEFAULT}|${NODE_SERVER}|${SAILS_CONFIG}|${CJS_NAMED_TABLE}|${CONVICT_LOADED}|${METHOD_EXPORTS}|${PATH_GIVEN_CALL}|${PATH_GIVEN_SUPER}|${APP_GIVEN_SETTINGS}|${SETTER_RETURNS_THIS}|${OPENAPI_BACKEND_MADE}`);

// An object a file declares and exports by name (`const config: Config = { api: { prefix: '/api' } };
// export default config;`, `module.exports = config;`): no quote follows its export, yet other files
// build paths from its members (`${config.api.prefix}/env.js`). So does one chosen at run time among
// others, or loaded (`let config = (env === 'local' && require('./config.local')).default ||
// require('./config.prod').default`, `const config = isProd ? prod : dev`). The name is looked for
// only when such an export is there.
const EXPORTED_NAME = /\b(?:export\s+default|module\.exports\s*=)\s*([\w$]+)\s*(?:;|\n|$)/g;
const objectDeclared = (name: string) =>
  new RegExp(String.raw`\b(?:const|let|var)\s+${name.replace(/\$/g, '\\$')}\s*(?::[^=;]*)?=(?:\s*[{[]|[^;]*?(?:\b(?:require|import)\s*\(|\?|&&|\|\|))`);

// An instance of a class the file declares, exported, that merges objects (`class Config { constructor()
// { this.API = merge(fromFile, defaults).API } } export default new Config();`): a configuration whose
// defaults other files build paths from (`config.API.PREFIX + 'x'`). A service exported as an
// instance (the common case, merging nothing) is no such value.
const EXPORTED_INSTANCE = /\b(?:export\s+default|module\.exports\s*=)\s*new\s+([\w$]+)\s*\(/;
const MERGES = /\b(?:merge|mergeDeep|deepMerge|deepmerge|defaults|defaultsDeep|extend)\s*\(/;

// A function joining its rest parameter with slashes, exported (`const urljoin = (...parts) => parts.join('/');
// export default urljoin;`, pathFunctions.ts joinsArguments): another file builds route paths with it
// (`urljoin(settings.route, 'api/users')`), though no quote follows its export.
const JOINS_REST = /\(\s*\.\.\.[\w$]+\s*\)[^]{0,300}?\.join\(\s*['"]\/['"]\s*\)/;
const EXPORTS = /\bexport\b|\bmodule\.exports\b/;
// A service instance exported by name (`export const Common = new CommonService()`) whose class holds a
// path in a field (`public baseHref = '/rtl';`, or `this.baseHref = '/rtl';` in its constructor): another
// file mounts its routers under `common.baseHref`.
const EXPORTED_NAMED_INSTANCE = /\bexport\s+const\s+[\w$]+\s*(?::[^=;]*)?=\s*new\s+([\w$]+)\s*\(/;
const PATH_FIELD = /^[ \t]*(?:(?:public|private|protected|readonly|static)\s+)*(?:this\.)?[\w$]+\s*(?::[^=;\n]*)?=\s*(['"`])\/[\w./:-]*\1\s*;/m;
const classDeclared = (name: string) => new RegExp(String.raw`\bclass\s+${name.replace(/\$/g, '\\$')}\b`);

// A module's own barrel object (`const routes = require('./routes'); module.exports = { routes, service }`,
// `import routes from './routes'; export default { routes }`): no quote after its export, yet another
// file mounts `mod.routes`. An exported object literal naming a module this file loads from its own tree.
const LOCAL_LOAD = /\b(?:(?:const|let|var)\s+([\w$]+)\s*=\s*require\s*\(|import\s+([\w$]+)\s+from)\s*['"]\.\.?\//g;
const EXPORTED_OBJECT = /\b(?:module\.exports\s*=|export\s+default)\s*\{([^{}]*)\}/;

// A configuration getter exported (`export const get = (key) => key ? config[key] : config`, `export
// function get(key) { return config[key]; }`): another file's `get('server').globalPrefix` reads the
// object it indexes (evaluator.ts keyedGetter), though no quote follows the export.
const KEYED_GETTER = /\bexport\s+(?:const|function)\s+[\w$]+[^;{]*?(?:=>|\{\s*return)\s*(?:[\w$]+\s*\?\s*)?[\w$]+\s*\[\s*[\w$]+\s*\]/;

// A settings service's getter (`get app(): AppConfig { return this.configService.get('app'); }`, or an
// object literal of settings): another file's `settings.app.apiPrefix` on an instance the app hands it
// (evaluator.ts instanceOf) reads what it returns, though no quote follows the class's export.
const SETTINGS_GETTER = /\bget\s+[\w$]+\s*\(\s*\)\s*(?::[^{;]*)?\{\s*return\s+(?:\{|this\.[\w$]+\.(?:get|getOrThrow)\s*[<(])/;

// A setting whose default is a path (`LIVE_BASE_PATH: z.string().default('/live')` of a zod schema of the
// environment, evaluator.ts zodValue): another file mounts under `env.LIVE_BASE_PATH`, though no quote
// follows the export (`export const env = validateEnv();`).
const PATH_DEFAULT = /\.default\(\s*['"`]\//;

// A zod schema parsing the environment (`envType.parse({ ...process.env })`, evaluator.ts envFields): another
// file's prefix may test one of its settings (`env.NODE_ENV === 'development' ? '/api' : ''`) whose default
// is no path.
const ZOD_OBJECT = /\bz\.object\s*\(/;
const ENV_PARSED = /\.\.\.process\.env\b|\.(?:safeParse|parse)\s*\(\s*process\.env\b/;

// A configuration made of classes (classInstances.ts): another file builds paths from a field default of
// an instance (`Config.Server.apiPath + '/users'`), reached through files that hold no path themselves:
// the configuration exported as what a call gives (`export const Config = Loader.load()`), a method
// declared to return a configuration class (`static load(): AppConfig & Loaded`), a configuration class
// extending another. Known by the configuration's name.
const CONFIG_WORD = String.raw`[\w$]*(?:[Cc]onfig|[Ss]ettings|[Cc]onfiguration)[\w$]*`;
const CONFIG_CLASSES = new RegExp(
  String.raw`\bexport\s+const\s+${CONFIG_WORD}\s*(?::[^=;]*)?=\s*[\w$.]+\(|\)\s*:\s*${CONFIG_WORD}\s*[&{]|\bclass\s+${CONFIG_WORD}\s+extends\s+[\w$]+\s*[{<]`,
);

// A configuration class exported (`export class EnvConfig { GLOBAL_PREFIX: string = 'api'; }`, `export class
// AppSettings { get apiBase() { return this.values.API_BASE; } }`): another file reads a field default or a
// getter of an instance it is handed (`configure(app, cfg: AppSettings)`, classInstances.ts), though no quote
// follows the export. Known by the class's name and a field with a text default or a getter reading a field.
const CONFIG_CLASS_EXPORT = new RegExp(String.raw`\bexport\s+(?:default\s+)?class\s+${CONFIG_WORD}\s*\{`);
const FIELD_OR_GETTER = /^[ \t]*(?:(?:public|private|protected|readonly)\s+)*(?:[\w$]+\s*(?::[^=;\n]*)?=\s*['"`]|get\s+[\w$]+\s*\(\s*\)\s*(?::[^{;]*)?\{\s*return\s+this\.)/m;

// An object exported by name built from the file's own path constant (`const path = '/health'; export
// const route = { method, path }`, spread into `export const routeHandler = { ...route, handler }`): no
// quote follows its export, yet another file's route helper reads its `path` (`createRoute(server,
// routeHandler)`). The constant a path literal, or a `path`/`url` taken from another constant.
const PATH_CONST = /^const\s+[\w$]+\s*(?::[^=;\n]*)?=\s*(['"`])\/[^'"`\n]*\1\s*;?\s*$|^const\s+(?:path|url)\s*(?::[^=;\n]*)?=\s*[\w$.]+\s*;?\s*$/m;
const EXPORTED_OBJECT_LITERAL = /\bexport\s+const\s+[\w$]+\s*(?::[^=;]*)?=\s*\{/;

/** A Next.js route handler's path (isNextHandlerFile). */
const NEXT_HANDLER_PATH = /\/app\/(?:.+\/)?route\.[^/]+$|\/pages\/api\/.+$/;

/**
 * A Next.js metadata code file's path (`app/sitemap.ts`, `src/app/blog/[slug]/opengraph-image.tsx`:
 * nextMetadata.ts): its exports are read as a route handler's are.
 */
const NEXT_METADATA_CODE_PATH = /\/app\/(?:.+\/)?(?:robots|manifest|sitemap|(?:icon|apple-icon|opengraph-image|twitter-image)\d?)(?:\.[\w-]+)?\.[cm]?[jt]sx?$/;

/**
 * A Nitro handler's path (Nuxt's `server/api/x.get.ts`, a Nitro server's `routes/feed.ts`): a file
 * below an `api` or `routes` folder (isNitroHandlerFile). Which app it belongs to, and so whether it
 * is one, is decided later (nitroRoutes.ts).
 */
const NITRO_HANDLER_PATH = /\/(?:api|routes)\/(?:[^/]+\/)*[^/]+\.[cm]?[jt]sx?$/;
/** A SvelteKit endpoint's path (`src/routes/api/users/[id]/+server.ts`): its exported GET, POST... and fallback are its routes (svelteKitRoutes.ts). */
const SVELTEKIT_ENDPOINT_PATH = /\/\+server\.[jt]s$/;
/** An Astro endpoint's path (`src/pages/api/users/[id].ts`: a script below a `pages` folder): its exported GET, POST... and ALL are its routes (astroRoutes.ts). */
const ASTRO_ENDPOINT_PATH = /\/pages\/(?:[^/]+\/)*[^/]+\.[cm]?[jt]s$/;
/** A Remix / React Router route module's path (`app/routes/api.users.$id.ts`, `app/routes/api.items/route.ts`, remix-flat-routes' `app/routes/api+/mobile+/assets.ts`, Remix 1's nested `app/routes/auth/login.ts`): its loader and action are its routes (remixRoutes.ts). */
const REMIX_ROUTE_PATH = /\/app\/routes\/(?:[^/]+\/)*[^/]+\.[cm]?[jt]sx?$/;
/** A Nitro handler is its file's default export, its own or another file's (`export { default } from './list.post'`). */
const DEFAULT_EXPORT = /\bexport\s+default\b|\bmodule\.exports\s*=|\bexport\s*\{[^}]*\bdefault\b[^}]*\}/;

// A default export making an instance of a class (`module.exports = function (o) { return new Service(o) }`):
// another file's Feathers `use('/x', createService(o))` serves the class's methods (memberGuards.ts defaultFactoryClass).
const INSTANCE_FACTORY_EXPORT = /\b(?:module\.exports\s*=|export\s+default)\s*(?:async\s+)?(?:function\b[^{]*\{[^]*?\breturn\s+new\s+[\w$]+\s*\(|\([^()]*\)\s*=>\s*new\s+[\w$]+\s*\()/;
/** A file that may load its settings from a YAML file by a literal path (yamlSettings.ts): guards read them. */
export const YAML_FILE_READ = /readFileSync\s*\(\s*['"][^'"\n]+\.ya?ml['"]/;
/**
 * The JavaScript glue wasm-bindgen writes beside a WebAssembly module (`let wasm;` and the `__wbindgen_*` /
 * `__wbg_*` functions the module imports): generated wrappers of the module's exports, often 20-40 KB each
 * and committed for several targets (web, Node, ESM); a compiler writes them, and no route is written there.
 */
const WASM_GLUE = /^let wasm;$/m;
export function isWasmBindgenGlue(text: string): boolean {
  return text.includes('__wbindgen_') && WASM_GLUE.test(text);
}

/**
 * A Storybook story file (`button.stories.tsx`, `x.story.js`): a component library's stories, loaded by
 * Storybook only, never by a server (their `export default { title, component }` and story objects pass
 * the pre-filter as exported values). A path that makes it a route handler (isNextHandlerFile...) is read all the same.
 */
const STORY_FILE = /\.(?:stories|story)\.[cm]?[jt]sx?$/;
export function isStory(file: string): boolean {
  return STORY_FILE.test(file);
}

/** A file listing a folder's files and pushing to a list: a list it fills per listed file (pushedLists.ts) may be another file's routes. */
const FOLDER_LISTED = /\b(?:globSync|glob\.sync|globbySync|fg\.sync|fastGlob\.sync|readdirSync)\s*\(/;
const PUSHED = /\.push\s*\(/;
/** Names this pre-filter: an answer of it kept on disk (engine/scanCacheStore.ts) holds only while it is the same. */
export const PREFILTER_ID = `${ROUTE_TOKENS.source}|${EXPORTED_NAME.source}|${EXPORTED_INSTANCE.source}|${MERGES.source}|${EXPORTED_NAMED_INSTANCE.source}|${PATH_FIELD.source}|${LOCAL_LOAD.source}|${EXPORTED_OBJECT.source}|${KEYED_GETTER.source}|${SETTINGS_GETTER.source}|${PATH_DEFAULT.source}|${ZOD_OBJECT.source}|${ENV_PARSED.source}|${CONFIG_CLASSES.source}|${CONFIG_CLASS_EXPORT.source}|${FIELD_OR_GETTER.source}|${PATH_CONST.source}|${EXPORTED_OBJECT_LITERAL.source}|${NEXT_HANDLER_PATH.source}|${NEXT_METADATA_CODE_PATH.source}|${NITRO_HANDLER_PATH.source}|${DEFAULT_EXPORT.source}|${SVELTEKIT_ENDPOINT_PATH.source}|${ASTRO_ENDPOINT_PATH.source}|${REMIX_ROUTE_PATH.source}|${INSTANCE_FACTORY_EXPORT.source}|${STRAPI_FILES_ID}|${HAND_DISPATCH_FILES_ID}|${YAML_FILE_READ.source}|${FOLDER_LISTED.source}|${JOINS_REST.source}|${STORY_FILE.source}|__wbindgen_ ${WASM_GLUE.source}`;

// A class of a file loading a Feathers package (`class Users extends KnexService`, a custom service
// typed by @feathersjs/feathers): another file's `use(path, new Users())` serves its methods (feathersServices.ts).
const FEATHERS_LOAD = /['"](?:@feathersjs\/|feathers-)[\w./-]*['"]/;
const CLASS_DECLARED = /\bclass\s+[\w$]+/;

export function mayDeclareRoutes(text: string): boolean {
  if (ROUTE_TOKENS.test(text)) return true;
  // A settings module loading its defaults from a YAML file (yamlSettings.ts): guards read them.
  if (YAML_FILE_READ.test(text)) return true;
  if (CLASS_DECLARED.test(text) && FEATHERS_LOAD.test(text)) return true;
  if (FOLDER_LISTED.test(text) && PUSHED.test(text)) return true;
  if (JOINS_REST.test(text) && EXPORTS.test(text)) return true;
  if (CLASS_DECLARED.test(text) && INSTANCE_FACTORY_EXPORT.test(text)) return true;
  // A search first: matchAll copies the expression and makes an iterator for every file, and most export nothing by name.
  if (text.search(EXPORTED_NAME) >= 0) for (const m of text.matchAll(EXPORTED_NAME)) if (m[1] !== undefined && objectDeclared(m[1]).test(text)) return true;
  const instance = EXPORTED_INSTANCE.exec(text)?.[1];
  if (instance !== undefined && MERGES.test(text) && classDeclared(instance).test(text)) return true;
  const named = EXPORTED_NAMED_INSTANCE.exec(text)?.[1];
  if (named !== undefined && PATH_FIELD.test(text) && classDeclared(named).test(text)) return true;
  if (PATH_CONST.test(text) && EXPORTED_OBJECT_LITERAL.test(text)) return true;
  if (CONFIG_CLASS_EXPORT.test(text) && FIELD_OR_GETTER.test(text)) return true;
  if (ZOD_OBJECT.test(text) && ENV_PARSED.test(text)) return true;
  return KEYED_GETTER.test(text) || SETTINGS_GETTER.test(text) || PATH_DEFAULT.test(text) || CONFIG_CLASSES.test(text) || reExportsLocalModule(text);
}

/** Whether the file's exported object literal names a module it loads from its own tree (LOCAL_LOAD). */
function reExportsLocalModule(text: string): boolean {
  const exported = EXPORTED_OBJECT.exec(text)?.[1];
  if (exported === undefined) return false;
  const names = new Set(exported.split(',').map((entry) => entry.split(':').pop()?.trim()));
  for (const m of text.matchAll(LOCAL_LOAD)) if (names.has(m[1] ?? m[2])) return true;
  return false;
}

/**
 * A file that may be a Next.js route handler, by its path alone: a `route.*` file below an `app`
 * folder, a file below `pages/api`, or a metadata code file below an `app` folder (`sitemap.ts`,
 * `opengraph-image.tsx`). Which app it belongs to, and so its URL, is decided later.
 */
export function isNextHandlerFile(file: string): boolean {
  return NEXT_HANDLER_PATH.test(file.replace(/\\/g, '/')) || isNextMetadataCode(file);
}

/** Whether `file` may be a file whose exports are routes (a Next.js route handler, a Nitro handler, a SvelteKit or Astro endpoint, a Remix route module): read whatever its text. */
export function readsHandlerExports(file: string, text: string): boolean {
  const slashed = file.replace(/\\/g, '/');
  return isNextHandlerFile(file) || isNitroHandlerFile(file, text) || SVELTEKIT_ENDPOINT_PATH.test(slashed) || ASTRO_ENDPOINT_PATH.test(slashed) || REMIX_ROUTE_PATH.test(slashed);
}

/** Whether `file` may be a Nitro handler (NITRO_HANDLER_PATH) by its path, with a default export in `text`. */
export function isNitroHandlerFile(file: string, text: string): boolean {
  return NITRO_HANDLER_PATH.test(file.replace(/\\/g, '/')) && DEFAULT_EXPORT.test(text);
}

/** Whether `file` may be a Next.js metadata code file (NEXT_METADATA_CODE_PATH), by its path alone. */
export function isNextMetadataCode(file: string): boolean {
  return NEXT_METADATA_CODE_PATH.test(file.replace(/\\/g, '/'));
}

