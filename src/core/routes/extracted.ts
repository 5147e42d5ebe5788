// What one source file declares about routes, as the route scan (extract.ts) hands it to the
// joins (collect.ts): plain data, no parser, so the code that only joins and reports never loads
// the TypeScript compiler.
import type { KeyedCall } from './keyLists';
import type { HttpMethod } from '../model';
import type { ScanWarning } from '../scanTexts';
import { isTruthyText, literalOf, propOf, str, type ConstValue, type Part, type Reference } from './values';
import type { RouteTable } from './tableKeys';
import { isHttpMethod } from './routeSpec';
import type { NextHandlerExports } from './nextExports';
import type { ScanMessage } from '../scanTexts';
import type { StrapiRouter } from './strapiRoutes';
import type { StrapiPluginModule } from './strapiPluginValues';
import type { HandDispatchFacts } from './handDispatch';
import type { MoleculerGateway, MoleculerService } from './moleculerRoutes';
import type { OpenApiInit, OpenApiOperation } from './openApiFramework';

export type RouteKind = 'nest' | 'router';

export interface ExtractedRoute {
  method: HttpMethod;
  /** Normalised, without any global prefix or mount prefix (a Koa `new Router({ prefix })` is applied). */
  path: string;
  /** When the path refers to other files' constants: resolved by collect.ts. */
  pathValue?: ConstValue;
  /** The path's code as written (`where`, `paths.users`), for the warning when `pathValue` is not found. */
  pathCode?: string;
  /**
   * A path built of parameters of the function the router is handed to (`/${name}/edit` in
   * `module.exports = function (router, name)`, values.ts paramRef): each call handing the router in
   * fills them (collect.ts routerPaths); a call not giving them serves this path, … in their place.
   */
  givenPath?: { path: string; warning: ScanMessage };
  /**
   * An OpenAPI route config from another file (`app.openapi(routes.list, h)`): its method, resolved
   * by collect.ts (`method` is a placeholder until then); its path (`pathValue`) is OpenAPI style, `{id}`.
   */
  methodValue?: ConstValue;
  /**
   * Route options from another file (`server.route(routes)`, fastify `route(getThing)`): an object
   * or a list of them (lists in it flattened), each element's method (or methods) and path (`url`,
   * hapi `path`), resolved by collect.ts; `path` is the router's prefix until then.
   */
  optionsValue?: ConstValue;
  /** 1-based line of the decorator or of the method call. */
  line: number;
  kind: RouteKind;
  /** The router the route is declared on (router kind): how mounts find it. */
  router?: string;
  /** An oRPC procedure's route (`oc.route({ method, path })`): served under the prefix its OpenAPI handler is given (ExtractedFile.orpcPrefixes). */
  orpc?: true;
  /**
   * A tRPC procedure's REST route (trpc-to-openapi: `.meta({ openapi: { method, path } })`): served
   * below each trpc-to-openapi handler's mount the scan has (openApiMount), nowhere without one.
   */
  openApiMeta?: true;
  /** The mount of a trpc-to-openapi handler (`app.use('/api', createOpenApiExpressMiddleware(...))`): its procedures' routes below it when the scan has them (openApiMeta). */
  openApiMount?: true;
  /**
   * Nest: the API versions of `@Version(...)` on the handler, else of the controller's
   * `version`; NEUTRAL_VERSION for VERSION_NEUTRAL. Only used under URI versioning.
   */
  version?: string[];
  /** Nest: the controller class, for RouterModule prefixes. */
  controller?: string;
  /**
   * A decorated controller's route whose `@Controller` is imported from a module of no decorator
   * framework the scan knows (a project's own decorators package): the import's source. Such a
   * class is served where a function of that module registers it on a router (controllerRegistrars).
   */
  decoratedBy?: string;
  /** The file of the handler when another file's class declares it (an inherited handler); `line` is in it. */
  declaredIn?: string;
  /** koa-router path without a leading slash (`router.post('documents.list')`) on a router without a prefix: served only under a mount. */
  relative?: true;
  /**
   * A path not known here on a router this file does not make (a function's parameter): once
   * resolved, a route only when it is a route path (`/oidc`), as a literal there would be; one
   * without a leading slash (`oidc` of a JSON module) is koa-router's relative path only on a router of its own file.
   */
  rooted?: true;
  /** Read like an HTTP client's request (`app.get('/x', h)` whose answer is used) on a router made by a call: kept only when that call makes a router. */
  clientLike?: true;
  /**
   * `router.getAsync('/x', h)`: registered by this member, no method of a router's own, on a router.
   * A route of the method a method wrapper of that name forwards to (methodWrappers.ts), found by
   * collect.ts in the project's files; dropped where none is.
   */
  wrapper?: string;
  /**
   * Answered by a plain Node server's handler routing by hand (handRouting.ts): served only in an
   * app of no framework; beside a framework's routes it is another server (a health port, a dev tool).
   */
  hand?: true;
  /**
   * Declared on a router that only matches (matchOnlyRouters.ts: tiny-request-router's `new Router()`):
   * an HTTP route only where a file answering HTTP requests calls a match (matchOnlyServed.ts).
   */
  matchOnly?: true;
  /**
   * Registered only under these conditions on the options of the router factory declaring it
   * (`if (options.admin) router.get('/admin', h)`): an instance made by a call whose options
   * cannot meet one does not serve it (argConditions.ts).
   */
  when?: ArgCondition[];
  /**
   * Registered only for the elements of another file's list this value test holds of (`if (kind ===
   * 'quote')` in a helper called per element with `kind` an element's property, valueTests.ts):
   * collect.ts makes the route per element and keeps those the tests hold of.
   */
  valueWhen?: ValueTest[];
  /** Registered only when a test of the environment or configuration holds (settingGuards.ts): listed, with a warning. */
  onlyWhen?: SettingGuard;
  /**
   * Registered by a route helper only when the instance it was given has this member (`handler.POST
   * && router.post(path, handler.POST)` called with `new ConfirmHandler()`): `local` is the class's
   * name in this file; collect.ts drops the route where that class lacks the member (memberGuards.ts).
   * With `known`, also where the class is not found (a Feathers service of another file's class,
   * feathersServices.ts): the route is one of its methods, and a warning says why it is dropped.
   */
  needsMember?: { local: string; member: string; known?: true };
  /**
   * A Feathers service's route for `method`, served only when the `methods` option of its `use`
   * names it, that option another file's list (`{ methods: userMethods }`): collect.ts drops the
   * route where the list, found, lacks the method (feathersServices.ts).
   */
  serviceMethod?: { method: string; methods: ConstValue };
}

/** A value (an element's property of another file's list) that is one of `oneOf` (`holds`) or none of them. */
export interface ValueTest {
  value: ConstValue;
  oneOf: string[];
  holds: boolean;
}

/** `options.admin` truthy (or falsy) for the router factory `fn`, its options the parameter at `param`. */
export interface ArgCondition {
  fn: string;
  param: number;
  prop: string;
  truthy: boolean;
}

/**
 * Whether a route under `when` may be registered by the call of the router factory `fn` that gave
 * `given`: false only when some condition on that function's parameters is known not to hold.
 */
export function mayHold(when: readonly ArgCondition[], fn: string, given: ReadonlyArray<GivenObject | null>): boolean {
  return when.every((c) => {
    const arg = c.fn === fn ? given[c.param] : undefined;
    if (!arg) return true;
    // A property the call leaves out of a closed object literal is undefined: falsy.
    const v = Object.hasOwn(arg.props, c.prop) ? arg.props[c.prop] : arg.closed ? false : null;
    return v === null || v === undefined || v === c.truthy;
  });
}

/**
 * What a call gives one parameter, an object literal: each property's truthiness (null: not known
 * from its form) and whether no other property can be there (no spread of an unknown object).
 */
export interface GivenObject {
  props: Record<string, boolean | null>;
  closed: boolean;
}

/**
 * What a mounted handler of a known package serves (extract.ts knows the packages), or a function
 * of the project's own that answers the request itself (`handler`: fileExports.ts).
 */
export type Endpoint = 'graphql' | 'trpc' | 'proxy' | 'subtree' | 'openapi' | 'handler';

/**
 * The methods each endpoint answers: GraphQL GET and POST at its path; tRPC its procedures below
 * it (queries by GET, mutations by POST); a proxy, or a handler answering paths of its own below
 * its mount (Auth.js, trpc-to-openapi), every method; so does a handler of the project's own
 * mounted at a path. The operations, procedures and pages themselves are not listed: they are not
 * routes of the app.
 */
export const ENDPOINT_METHODS: Readonly<Record<Endpoint, readonly HttpMethod[]>> = {
  graphql: ['GET', 'POST'],
  trpc: ['GET', 'POST'],
  proxy: ['ALL'],
  subtree: ['ALL'],
  openapi: ['ALL'],
  handler: ['ALL'],
};

/** Where an endpoint mounted at `p` answers: below it (`/trpc/*`) for tRPC and a subtree, at it otherwise. */
export function endpointPath(served: Endpoint, p: string): string {
  return served !== 'trpc' && served !== 'subtree' && served !== 'openapi' ? p : p.endsWith('*') ? p : `${p.replace(/\/+$/, '')}/*`;
}

/** A router's name as the source writes it: without the `@line` readerBase.ts ownName gives one declared again in another function. */
export function writtenName(router: string): string {
  return router.replace(/@\d+$/, '');
}

/** Names a router that is a class: a subclass of a controller base declaring routes on `this` ('class UsersController'). */
export const CLASS_ROUTER = 'class ';

/** A mount's router name for a method of any class of the scan (`*.dynamicRouter#0`: routeHelpers.ts readPolymorphicPassed). */
export const ANY_CLASS = '*.';

/** Stands for Nest's VERSION_NEUTRAL in a version list: the route has no version segment. */
export const NEUTRAL_VERSION = '';

/**
 * One entry of Nest's setGlobalPrefix `exclude` list: a path in Nest's route syntax (`health`,
 * `issuers/:id/vci/{*path}`, `docs/(.*)`), for one method or, without `method`, for all of them.
 */
export interface PrefixExclude {
  path: string;
  method?: string;
}

/** `app.enableVersioning(...)` with URI versioning (Nest's default type). */
export interface UriVersioning {
  /** Put before the version in the path: 'v' unless `prefix` says otherwise ('' for `prefix: false`). */
  prefix: string;
  /** `defaultVersion`: for routes whose handler and controller name none. */
  defaultVersion?: string[];
}

/** `app.use('/users', usersRouter)`, `fastify.register(users, { prefix: '/users' })`. */
export interface ExtractedMount {
  prefix: string;
  /** When the prefix refers to other files' constants. */
  prefixValue?: ConstValue;
  /** The environment variable the prefix is, read whole (`app.use(process.env.API_BASE, r)`): `prefix` is … until a service's environment sets it (collect.ts). */
  prefixEnv?: string;
  routerName: string;
  line: number;
  /** The router `use`/`register` was called on, so nested mounts compose. */
  mountedOn?: string;
  /**
   * Express `use` with a path (`app.use('/api', notFound)`): a function mounted so that answers the
   * request itself (an `Endpoint` 'handler' of its file) answers every method there.
   */
  atPath?: true;
  /** `new ContextController(config, services, 'project').router`: its arguments, those known as strings (null for the others). */
  args?: Array<ConstValue | null>;
  /**
   * A router handed to a function with other arguments (`attach('users', app, users)`): the names
   * the call's arguments give, by position (`2`) or position and property of an object argument
   * (`2.main`), for a mount helper's child (collect.ts mountHelperEdges).
   */
  argNames?: Record<string, string>;
  /** `new UsersApi().mount`, `container.get(UsersApi).mount`: the member of the instance mounted. */
  member?: string;
  /**
   * `for (const m of routers) app.use(m.routes())` over a list another file holds: the path read
   * from the reference `routerName` names (values.ts EACH for each element, then members:
   * `['default', '[]', 'default']`); collect.ts mounts the router of each element.
   */
  each?: string[];
  /**
   * A class mounting one router field of its own on another (`this.app.use('/live', this.router)`,
   * both read as the class's router, so no edge of the mount graph): the field mounted, for what is
   * registered on that field alone (controllerRegistrars' `member`).
   */
  ownMember?: string;
  /** A call of this file's function whose every return is a function literal (mounts.ts makesHandler): a handler, no router. */
  handler?: true;
  /** A call handed a router made here that it is taken to return (`app.use('/api', routes(router))`, mounts.ts mountHandedRouters): that router is mounted too, so nothing to warn of when the call resolves to no router. */
  handsOn?: true;
  /** Mounted only when a test of the environment or configuration holds (settingGuards.ts): warned of where it mounts routes. */
  onlyWhen?: SettingGuard;
}

/**
 * A test of the environment or the configuration a registration is made under (settingGuards.ts):
 * its line, its code as written (negated for an else branch or an early return), and, when it reads
 * environment variables and literals alone, the test as data.
 */
export interface SettingGuard {
  line: number;
  code: string;
  /**
   * The test as a value of environment variables and literals alone (guardTest.ts), reading at least
   * one variable, when it is one: the registration is made when its truthiness is `holds`. Evaluated
   * with every variable unset (what the literal defaults in code give: the warning says so), and with
   * a service's environment where it sets every variable read (settingGuardWarnings.ts).
   */
  test?: { value: GuardTest; holds: boolean };
  /**
   * The repository file whose committed configuration values the join put in place of the test's
   * reads of it (configGuards.ts): with no variable left, those values alone decide the test.
   */
  defaults?: string;
}

/**
 * A test of environment variables and literals, kept as data so the join can evaluate it with the
 * environment a service runs with (guardTest.ts): a variable, a literal, `!`, and the operators
 * settingGuards.ts reads (`??`, `||`, `&&`, `===`, `!==`, `==`, `!=`).
 */
export type GuardTest =
  | { env: string }
  | { lit: string | number | boolean | null }
  | { undef: true }
  /**
   * A property of a configuration object imported from a file of the repository (`config.files.enable`): its value there, once the join reads it (configGuards.ts).
   * With `arg`, `local` is parameter `index` of this file's function `fn` (`function initialize(config)`): read in what its callers give it (ExtractedFile.importCalls).
   */
  | { read: { local: string; path: string[]; arg?: { fn: string; index: number } } }
  | { not: GuardTest }
  | { op: '??' | '||' | '&&' | '===' | '!==' | '==' | '!='; left: GuardTest; right: GuardTest };

/**
 * `this.useWithMiddleware('/auth', new Auth().router, limiter)` in a subclass: a mount if some class
 * method of that name mounts its parameters (ExtractedFile.mountMethods), the path at argument
 * `pathArg` and the router at `routerArg`.
 */
export interface PendingClassMount extends ExtractedMount {
  method: string;
  pathArg: number;
  routerArg: number;
}

/** A settings module's YAML defaults (yamlSettings.ts): the file it always loads, those it loads only under a test, as written (the working folder's paths). */
export interface YamlDefaults {
  file: string;
  optional: string[];
}

export interface ExtractedImport {
  /** The local name. */
  local: string;
  /** 'default', '*' (namespace) or the exported name. */
  imported: string;
  /** The module specifier as written ('./users.routes'). */
  source: string;
}

/** `RouterModule.register([{ path: 'admin', module: AdminModule, children: [...] }])`. */
export interface RouterModuleEntry {
  path: string;
  module: string;
  children: RouterModuleEntry[];
  /**
   * A path made of the parameters of the static method registering the tree (`static register({
   * route })` ... `path: route`: `$0` and its `route`): each call of that method fills it
   * (ExtractedFile.moduleCalls); `path` is UNKNOWN_PREFIX until then.
   */
  pathValue?: ConstValue;
  /** Where a path of another file's constant is written (the warning's line when the join does not find it). */
  line?: number;
}

/**
 * What a route helper reads from each call: the argument at a position, or a property of the
 * argument there (`[1, 'path']` for `page.path` or `const { path } = page` of the second parameter).
 */
/** A parameter's place, or a property of one; a third element is the text written for it when the property is absent (`config.path ?? ''`). */
export type HelperArg = number | [number, string] | [number, string, string];

/**
 * A route a helper of a fixed method registers (ExtractedFile.fixedHelpers): on the router a parameter
 * gives, of a literal method or one a parameter gives, at a path of pieces; `options`: registered as
 * route options; `when`: the tests around it. `via`: registered once for each call a callback the
 * helper is given (at `callback`) makes of the member `member` of the object the helper hands it
 * (`createRouter({ basePath, builder, router }) { builder({ route: (config) => mountRoute(router,
 * basePath, config) }) }`), the places from `from` on being that member call's arguments (helperChains.ts).
 */
export interface FixedRegistration {
  router: HelperArg;
  method: string | HelperArg;
  path: Array<HelperArg | string>;
  options?: true;
  when?: HelperGuard[];
  via?: { callback: HelperArg; member: string; from: number };
}

/** A test around a helper's registration (helperGuards.ts): the parameter property `arg` equals `equals` there. */
export interface HelperGuard {
  arg: HelperArg;
  equals: string;
}

/** Whether a helper's registration under `when` may run for a call giving `given`: false only when a compared value is given and differs. */
export function guardsHold(when: readonly HelperGuard[] | undefined, given: (arg: HelperArg) => string | null): boolean {
  return (when ?? []).every((g) => {
    const value = given(g.arg);
    return value === null || value === g.equals;
  });
}

/** A route a route factory's plugin registers (ExtractedFile.routeFactories): its method and path as pieces, literal or what the call gives. */
export interface FactoryRoute {
  method: string | HelperArg;
  path: Array<HelperArg | string>;
  /** Registered as route options (`route({ method, url })`), whose hapi `{id}` parameters read as `:id`. */
  options?: true;
}

/** One mount a helper makes: on the router at parameter `on`, the router at `child`, under `prefix` (parameters as values.ts ARG references). */
export interface MountHelperEntry {
  on: HelperArg;
  child: HelperArg;
  prefix: ConstValue;
}

/**
 * A table mount helper (tableMounts.ts): the router parameter's place, the list parameter's, and the
 * entry's place past the parameters (ARG references to it are the entry's properties); what the
 * loop mounts of each entry (its key, under a prefix of parameters and entry), what it walks again
 * (the key of an entry's own table, the arguments of the call doing it), and the parameters' defaults.
 */
export interface TableMountHelper {
  router: number;
  list: number;
  element: number;
  mounts: Array<{ key: string; prefix: ConstValue }>;
  recursions: Array<{ key: string; args: Array<ConstValue | null> }>;
  defaults: Array<ConstValue | null>;
}

export interface ExtractedFile {
  /** A ts-rest contract is served here (tsRestContracts.ts): its routes are this file's. */
  tsRestServed?: true;
  routes: ExtractedRoute[];
  /** The line where this file answers HTTP requests itself (a fetch handler, `createServer`: matchOnlyRouters.ts). */
  requestEntry?: number;
  /** The line of a router's `match(method, path)` call in this file (matchOnlyRouters.ts). */
  matchCall?: number;
  /** A file whose path may make it a Next.js route handler or a Nitro handler: what it exports for Next.js or Nitro to call (nextExports.ts). */
  nextHandler?: NextHandlerExports;
  /** oRPC `openAPIHandler.handle(request, { prefix: '/api/v1' })`: the prefixes the scan's oRPC routes are served under. */
  orpcPrefixes?: string[];
  /** `app.setGlobalPrefix('api/v1')`, normalised ('/api/v1'). */
  globalPrefix?: string;
  /** Express's `app.use('/api', lbApp.requestHandler)`: the path a LoopBack app's controllers are served under (loopbackRoutes.ts). */
  loopbackMount?: string;
  /** Moleculer service schemas of the file (moleculerRoutes.ts): gateways and the services whose actions they may alias. */
  moleculer?: { gateways?: MoleculerGateway[]; services?: MoleculerService[] };
  /** A Strapi router file's router (strapiRoutes.ts): routes gather/strapiApp.ts places under the content API's prefix. */
  strapiRouter?: StrapiRouter;
  /** A Strapi plugin routes module's export or an extension's pushed routes (strapiPluginValues.ts), joined by gather/strapiPlugins.ts. */
  strapiPlugin?: StrapiPluginModule;
  /** A table dispatched by hand through the app's settings: the helper's loop, a middleware's call, the settings' lists (handDispatch.ts), joined by gather/handDispatched.ts. */
  handDispatch?: HandDispatchFacts;
  /** express-openapi's `initialize({ app, apiDoc, paths })` calls (openApiFramework.ts): the path modules' operations on `app`, joined by collect.ts. */
  openApiInits?: OpenApiInit[];
  /** The operations this file's module gives express-openapi as a path module (its method keys), for another file's initialize. */
  openApiOperations?: OpenApiOperation[];
  /** tsoa's generateRoutes({ basePath }) called by a script of the project (a tsoa.json written as code): the prefix of its generated routes. */
  tsoaBasePath?: string;
  /** When the global prefix is not a literal of this file (a constant elsewhere, a config key), and its line. */
  globalPrefixValue?: ConstValue;
  globalPrefixLine?: number;
  /**
   * Set when the prefix is routing-controllers' `routePrefix` (createExpressServer({ routePrefix })):
   * a value the scan cannot find puts the controllers' routes under `…` instead of at the root.
   */
  globalPrefixUnknownShown?: true;
  /** setGlobalPrefix's `exclude` entries: paths normalised, and the method when one is named (RequestMethod.GET). */
  globalPrefixExclude?: PrefixExclude[];
  /** The root module of the file's `NestFactory.create(AppModule)`. */
  nestEntryModule?: string;
  /** Every root module of the file's `NestFactory.create` calls, when it starts more than one app (each app's controllers serve). */
  nestEntryModules?: string[];
  /** `app.enableVersioning(...)` when its type is URI; absent when not called or another type. */
  uriVersioning?: UriVersioning;
  /** Class methods that mount their parameters, `useWithMiddleware(path, router, mw) { this.app.use(path, mw, router) }`: argument indexes by method name. */
  mountMethods?: Record<string, { pathArg: number; routerArg: number }>;
  /** Calls of such a method on a subclass's own router, confirmed against mountMethods (collect.ts). */
  pendingClassMounts?: PendingClassMount[];
  /**
   * Statement calls of a method on an instance of a class (`router.addRelationRoutes(rolesScopes,
   * 'scopes')`, methodRouters.ts): mounts of that method's router, kept by collect.ts when a file of
   * the scan declares a method router of that name (`res.end()` on a `res: ServerResponse` never is).
   */
  pendingMethodMounts?: ExtractedMount[];
  /** When enableVersioning's `prefix` is not a literal of this file (a config key, a constant elsewhere), and its line. */
  versioningPrefixValue?: { value: ConstValue; line: number };
  /** When enableVersioning's `defaultVersion` reads an environment variable with a default in code (values.ts ENV_READ): the default is in uriVersioning, this for the service's environment. */
  defaultVersionValue?: ConstValue;
  mounts: ExtractedMount[];
  imports: ExtractedImport[];
  /**
   * Modules the file loads by a literal name, whatever holds their value: a side-effect `import
   * './x'`, an `import('./x')` or `require('./x')` anywhere (`connect().then(() => import('./start.js'))`,
   * which no import binds). A started file reaches its server through them too (collect.ts servedFrom).
   */
  loads?: string[];
  /** The router or constant behind `export default x` / `module.exports = x`. */
  defaultExport?: string;
  /** The instance members of the file's top-level classes extending none, by class name (memberGuards.ts). */
  classMembers?: Record<string, string[]>;
  /** The file's top-level classes extending another by name: that name and their own members (memberGuards.ts classBases). */
  classBases?: Record<string, { base: string; members: string[] }>;
  /**
   * Exported names and the local each stands for: `export { router as api }`, CommonJS
   * `exports.api = router`, a property of `module.exports = { api: router }` (CommonJS makes
   * `require('./x').api` and `const { api } = require('./x')` the same thing).
   */
  exportNames?: Record<string, string>;
  /**
   * The names CommonJS `exports.get = ...` / `module.exports.post = ...` statements give the module,
   * in order: what `Object.keys(require(file))` lists in a loop over listed files (listedFolders.ts).
   */
  exportKeys?: string[];
  /** Exported (and top-level) constants paths may be built from. */
  constants?: Record<string, ConstValue>;
  /** Exported constants naming a folder of the tree, relative to the file (loops.ts exportedFolders): a folder another file lists may be below one. */
  folders?: Record<string, string>;
  /** The file lists a folder below the process's working folder (values.ts CWD_FOLDER), for collect.ts to place. */
  listsProcessFolder?: true;
  /** `apiPrefix: process.env.API_PREFIX || 'api'`: config property defaults, by property name. */
  configDefaults?: Record<string, string>;
  /** The defaults a convict schema of the file declares, by dotted key (convictSchema.ts), as `conf.get('api.version')` reads them. */
  declaredDefaults?: Record<string, string>;
  /** The path-like texts the file's exported object literals write, by lower-cased key path from its exports (settingDefaults.ts). */
  settingDefaults?: Record<string, SettingDefault>;
  /** The YAML file of settings the file loads its export's defaults from, by a literal path (yamlSettings.ts). */
  yamlDefaults?: YamlDefaults;
  /** `export const env = { app: { routePrefix: getOsEnv('APP_ROUTE_PREFIX') } }`: the environment variable each place reads, by dotted place (`env.app.routePrefix`). */
  envReads?: Record<string, string>;
  /** A registerAs default that is another file's constant (`apiPrefix: process.env.API_PREFIX ?? DEFAULTS.API_PREFIX`), by its dotted key. */
  configDefaultValues?: Record<string, ConstValue>;
  /** A registerAs value that is an environment variable read with no default in code (`prefix: process.env.APP_PREFIX`): the variable, by its dotted key. */
  configEnvReads?: Record<string, string>;
  /** Express app settings the file sets (`app.set('base path', '/x')`), by name (appSettings.ts). */
  appSettings?: Record<string, ConstValue>;
  /** Objects whose every key the file sets as an app setting (`for (const k in config.server) app.set(k, config.server[k])`). */
  appSettingSources?: ConstValue[];
  /**
   * Nest modules declared here: class name -> controllers and imported modules (by the names this
   * file binds them to); openControllers / openImports when that list holds an entry not known
   * statically (nestModuleList.ts).
   */
  nestModules?: Record<string, NestModuleDecl>;
  /** Functions returning a Nest module's metadata, by name: what a `@Module(getConfig())` elsewhere takes. */
  moduleConfigs?: Record<string, NestModuleDecl>;
  /** RouterModule.register trees. */
  routerModules?: RouterModuleEntry[];
  /** `RouterModule.register(routes)` with `routes` another file's constant: the value, resolved by collect.ts into a tree there. */
  routerModuleValues?: Array<{ value: ConstValue; line: number }>;
  /**
   * RouterModule trees a module's static method registers with paths made of its parameters
   * (RouterModuleEntry.pathValue), under the class and method: filled by each of their calls.
   */
  routerModuleFactories?: Array<{ module: string; method: string; tree: RouterModuleEntry[]; line: number }>;
  /** `HashModule.register({ route })` in a Nest module's imports: the class, the static method and its arguments (null for one not known statically). */
  moduleCalls?: Array<{ module: string; method: string; args: Array<ConstValue | null> }>;
  /** Folders (relative to the file) its app-module-path `addPath` calls add for bare module names (modulePaths.ts). */
  modulePaths?: string[];
  /** Ports the file's servers listen on, when literal or a constant of the file (`server.listen({ port: 5003 })`, `app.listen(PORT)` with `const PORT = process.env.PORT || 3000`). */
  listenPorts?: number[];
  /** The file calls `x.listen(...)`, whatever the port (`server.listen({ port: 0 })`): it starts a server of its own (collect.ts servedFrom). */
  listens?: true;
  /**
   * OvernightJS `@Controller('v1') @ChildControllers([new Actions()]) class V1`: each child
   * controller (a class name here) is served under its parent's path, not at its own.
   */
  childControllers?: Array<{ parent: string; path: string; children: string[] }>;
  /** `@fastify/autoload` registrations: every file under `dir` (relative to this file's folder) is a plugin. */
  autoloads?: Array<{ dir?: string; prefix: string; dirNamePrefix: boolean; mountedOn: string; line: number; encapsulate?: false }>;
  /** Routers declared here with their own prefix (koa-router `prefix`): routes added to them from other files get it too. */
  routerPrefixes?: Record<string, ConstValue>;
  /** The line making each router whose prefix is left for collect.ts to resolve (an imported constant): where a prefix it cannot find is warned of. */
  routerPrefixLines?: Record<string, number>;
  /**
   * Decorators built with Nest's applyDecorators that include route decorators
   * (`export const GetUser = (path: string) => applyDecorators(Get(path), UseGuards(...))`):
   * parameters are refs `$0`, `$1`... in the paths, filled by each use. Also a decorator recording
   * its route for a registry of the project's own, its method a parameter too (`methodValue`).
   */
  decoratorFactories?: Record<string, Array<{ method: HttpMethod; path: ConstValue; methodValue?: ConstValue }>>;
  /**
   * Class-decorator factories wrapping `Controller(path)` in applyDecorators (`export function
   * ApiController(name) { return applyDecorators(ApiTags(name), Controller(name)) }`): the path,
   * with the parameters as refs `$0`, `$1`...
   */
  controllerFactories?: Record<string, ConstValue>;
  /** Handler classes decorated with an imported class-decorator factory: controllers when it is one (controllerFactories). */
  decoratedControllers?: Array<{ decorator: string; args: ConstValue[]; controller: string; line: number }>;
  /** Handlers decorated with an imported decorator factory: resolved by collect.ts against its file. */
  decoratedHandlers?: Array<{ decorator: string; args: ConstValue[]; controllerPaths: ConstValue; version?: string[]; controller?: string; line: number }>;
  /**
   * Handlers decorated with @ts-rest/nest's `@TsRest(route)` or `@TsRestHandler(route | router)`
   * (tsRestNest.ts): the value the argument starts from (`contract` of `contract.users.list`, not
   * known: none) and the member path after it, resolved by collect.ts where the contract is declared.
   */
  tsRestHandlers?: Array<{ decorator: string; contract?: ConstValue; keys: string[]; controllerPaths: ConstValue; version?: string[]; controller?: string; line: number }>;
  /**
   * Functions that declare routes on a router they are given (`function usersRoutes(router) {
   * router.get(...) }`): the parameter names by position ('' for a parameter that is not a
   * router). An anonymous default export is listed as 'default'; a function a class holds in a
   * property or method (`mount = async (fastify) => {...}`) as 'Class#member'.
   */
  routerParams?: Record<string, string[]>;
  /**
   * A file mounting nothing whose routes are all inside its exported top-level functions (a fastify
   * plugin `export default healthRoutes`, a factory `export function createMetricsPlugin()`): each
   * function's first and last line. collect.ts serves none of a function's routes when no file of the
   * scan imports it and no mount reaches the file.
   */
  routeFunctions?: Record<string, [number, number]>;
  /** The file's other top-level functions reaching a route function by name, '' for its top-level code (routeFunctionCallers.ts): it is used where one of them is. */
  routeFunctionCallers?: Record<string, string[]>;
  /**
   * The routers a function takes inside an object parameter (`({ app, routes }) => ...`): by
   * function, `<position>.<property>` -> the local name it is bound to.
   */
  routerParamProps?: Record<string, Record<string, string>>;
  /**
   * Route helpers taking the router, the method and the path as parameters (`function route(router,
   * method, path, handler) { router[method](path, ...) }`): their positions, by function name; the
   * path as pieces, a parameter's position or literal text (`router[method](base + path)`: [1, 4]).
   */
  routeHelpers?: Record<string, { router: number; method: number; path: Array<HelperArg | string> }>;
  /**
   * Route helpers of a fixed method: functions registering a route of a literal method on a router
   * parameter, the path read from their parameters (`registerPage(server, page) { const { path } =
   * page; server.route({ method: 'GET', path }) }`): by function name, each route it registers,
   * its path as pieces (literal text or what the call gives). `options`: registered as route options
   * (`route({ method, path })`), whose hapi `{id}` parameters read as `:id`.
   */
  fixedHelpers?: Record<string, Array<FixedRegistration>>;
  /**
   * Route list helpers (listHelpers.ts): functions registering a route for each element of a list
   * parameter (`registerRoutes(app, endpoints) { for (const e of endpoints) app.route({ url: e.path,
   * method: e.method }) }`), by function name: the router parameter's position and the route options
   * read from the elements, the parameters as values.ts ARG references (the list's element under EACH).
   * `own`: the router is none of its parameters but one it makes itself (`const app = fastify()`), by
   * that name (router -1): a call of the function in its own file gives it the routes of its list.
   */
  listHelpers?: Record<string, Array<{ router: number; options: ConstValue; own?: string }>>;
  /**
   * Calls handing a router and other values to a function (`registerRoutes(server, [...adminRoutes])`):
   * the function as called, each argument's value (null for one not known) and router name (null for
   * one that is no router): routes on that router when collect.ts finds a list helper (listHelpers).
   */
  listHelperCalls?: Array<{ helper: string; member?: string; args: Array<ConstValue | null>; routers: Array<string | null>; line: number }>;
  /**
   * Mount helpers: functions mounting a router a parameter gives on another a parameter gives, under
   * a prefix read from their parameters (`setup(type, app, routes) { app.use(`/${type}`, routes) }`):
   * by function name, each mount (mountHelpers.ts), made at each call by collect.ts.
   */
  mountHelpers?: Record<string, MountHelperEntry[]>;
  /** Table mount helpers (tableMounts.ts) by function name, walked at each call by collect.ts tableMountEdges. */
  tableMountHelpers?: Record<string, TableMountHelper>;
  /**
   * Keyed helpers (keyedHelpers.ts): functions handing a router they are given to the functions a
   * table of the file picks by the keys of a list they are given; by function name, each such call
   * of the body, made at each call of the helper by collect.ts with the keys that call gives.
   */
  keyedHelpers?: Record<string, KeyedCall[]>;
  /**
   * Route factories: functions returning a plugin whose routes, on the plugin's own router (its first
   * parameter), take their paths from the function's parameters (`createSchemaRoute(path, schema) {
   * return async (fastify) => { fastify.get(path, h) } }`): by function name, each route as
   * fixedHelpers gives one (routeFactories.ts). Another file's call gives the paths (factoryCalls).
   */
  routeFactories?: Record<string, FactoryRoute[]>;
  /**
   * `const schemaRoutes = createSchemaRoute('/schema/post', ...)` of an imported function: the
   * constant is the plugin it returns, holding the routes collect.ts finds the function registers
   * (routeFactories) at the paths this call gives (`args`, null where not known here).
   */
  factoryCalls?: Array<{ factory: string; member?: string; router: string; args: Array<ConstValue | null>; line: number }>;
  /**
   * Calls in a loop handing a router and the loop's element to a function of an imported module
   * (`Object.entries(routes).forEach(([name, d]) => apm.koa.addRoutes(router, d.paths, ...d.handlers))`):
   * routes registered per element by code this file does not hold. collect.ts warns of each whose
   * module is no file of the scan (a package's): `local` is the import it is reached through.
   * `once`: no loop; a call handing the router route paths written in it (`addRoutes(router, [['/terms']], h)`).
   */
  loopHelperCalls?: Array<{ local: string; callee: string; line: number; once?: true }>;
  /**
   * Calls of an imported function given a router (`eu.route(router, 'get', '/notes', h)`), with their
   * literal arguments and the literal properties of object ones (`registerPage(server, { path: '/settings' })`):
   * routes on that router when collect.ts finds the function is a route helper (routeHelpers, fixedHelpers).
   */
  helperCalls?: Array<{
    helper: string;
    member?: string;
    literals: Array<string | null>;
    props?: Array<Record<string, string> | null>;
    /** Arguments that are another file's binding (`createRoute(server, healthHandler)` of an imported object): read once collect.ts resolves it. */
    refs?: Array<Reference | null>;
    /** Arguments built of parameters of the function the router is handed to (ExtractedRoute.givenPath), with those references. */
    given?: Array<ConstValue | null>;
    routers: Array<string | null>;
    /** Routers an object argument carries, by its key (`configRoute({ router, path: '/' })`), for a helper reading its router from a parameter's property. */
    routerProps?: Array<Record<string, string> | null>;
    line: number;
    /** No method given, outside a loop over an unknown list: nothing for a helper taking the method from its call (routeHelpers). */
    noMethod?: true;
    /**
     * The calls a callback the call gives makes of a member of the object it is handed (`apiRouter('/v1',
     * ({ route }) => { route(listRoute) }, { router })`: `route` at 1), each with its arguments as the
     * call's own are kept, for a helper registering once per such call (FixedRegistration.via).
     */
    callbacks?: Array<{ at: HelperArg; member: string; literals: Array<string | null>; props?: Array<Record<string, string> | null>; refs?: Array<Reference | null>; line: number }>;
  }>;
  /**
   * Functions, curried or not, whose result registers the route config it was given on the router
   * one of its methods is handed: `defineApiEndpoint(prefix)({ route, handler })` returning
   * `{ mountHttp(app) { app.openapi(route, handler) } }`. By function name, those methods' names.
   */
  specMounters?: Record<string, string[]>;
  /**
   * `listMembers.mountHttp(app)` where `listMembers = endpoint({ route: createRoute({ method, path }) })`
   * and `endpoint = defineApiEndpoint(prefix)`: that route on that router when collect.ts finds the
   * function at the root of the calls (`factory`, imported or of this file) a spec mounter with that method.
   */
  specMounts?: Array<{ factory: string; member?: string; mount: string; route: ExtractedRoute }>;
  /**
   * Router classes whose paths a subclass gives its base class's constructor (inheritedPaths.ts),
   * by class name: joined to their bases by collect.ts (inheritedPathRoutes.ts).
   */
  pathClasses?: Record<string, PathClass>;
  /**
   * Routes registered in a class's method at a path reading a field of the instance
   * (`this.app.get(this.PREFIX.concat('/:id'), h)`), the field filled by a setter called on an
   * instance before the method that registers them (setterPaths.ts, joined by setterPathRoutes.ts).
   */
  fieldPathRoutes?: FieldPathRoute[];
  /** Classes' setters (`setPrefix(p) { this.PREFIX = p; return this }`), bases and the methods each method calls on `this` (setterPaths.ts). */
  setterClasses?: Record<string, SetterClass>;
  /** Setter calls followed by a call on their result: `new Users(this).setPrefix('/users').register()`, loops over literal tables unrolled (setterPaths.ts). */
  setterCalls?: SetterCall[];
  /**
   * Classes without @Controller whose methods carry route decorators (a generated
   * `UserControllerBase`): a controller extending one serves those routes under its own path.
   */
  handlerClasses?: Record<string, { routes: ExtractedRoute[]; base?: string; baseArgs?: ConstValue[] }>;
  /**
   * Classes without @Controller that extend a call (`class AdminSales extends SalesController({ path:
   * 'admins' }) {}`, handlerClasses with baseArgs): controllers when the function called declares
   * and returns an @Controller class (controllerFactories), resolved by collect.ts.
   */
  factoryControllers?: Array<{ controller: string; line: number }>;
  /**
   * Calls of an imported function handing it a router (`registerController(this.router,
   * controller)`): where the controllers decorated by that function's module (ExtractedRoute.decoratedBy)
   * are served, under that router's prefixes (collect.ts). tsoa's generated `RegisterRoutes(app)`
   * has `generatedIn`, the module it is imported from: when the scan holds that file, its own
   * registrations are the routes and the decorators are not placed again.
   */
  controllerRegistrars?: Array<{ source: string; router: string; line: number; member?: string; generatedIn?: string }>;
  /** `@Controller('users') class UserController extends UserControllerBase`: resolved by collect.ts. */
  controllerBases?: Array<{ controller: string; base: string; controllerPaths: ConstValue; version?: string[]; line: number }>;
  /**
   * Routers made by calling a function declared here or imported (`const app = createApp()`):
   * router name -> that function's local name, and whether the router's name alone makes it a
   * receiver (`app`). collect.ts drops the routes of one whose function makes no router, unless
   * its name alone would have made it one.
   */
  routerMakers?: Record<string, { maker: string; byName: boolean; given?: Array<GivenObject | null>; args?: Array<ConstValue | null> }>;
  /**
   * Calls of a function imported from a module of the project given at least one imported binding
   * (`initialize(config)` with `config` and `initialize` imported): the callee's local name and, by
   * position, each argument's local name where it is an imported binding (null for any other).
   * What a function's parameter holds for a guard reading it (GuardTest `read.arg`, collect.ts).
   */
  importCalls?: Array<{ callee: string; args: Array<string | null> }>;
  /** Members this file assigns on a router forwarding to one of its methods (`router.getAsync = (path, ...h) => router.get(path, ...)`): member -> method (methodWrappers.ts). */
  methodWrappers?: Record<string, HttpMethod>;
  /**
   * `const routes = { 'api/items': apiItems, '': defaultRoute }`: names imported from other files,
   * kept in an object under path-like keys (a dispatcher of the project's own picks a router by
   * the request's first segments). collect.ts takes an entry for a mount when the name is a router
   * nothing else mounts whose paths have no leading slash.
   */
  keyedRouters?: Array<{ key: string; routerName: string; line: number }>;
  /**
   * Router classes declared here whose constructor hands their base a prefix not known statically
   * (`super({ prefix: '/' + tableToPathname(schema.table) })`): their instances' routes are left out.
   */
  unknownPrefixClasses?: string[];
  /** Routers made by `new` of a class imported or declared here (`const router = new SchemaRouter(...)`): router name -> class name. */
  classInstances?: Record<string, string>;
  /** Fields a class's constructor sets to a router of this file (`this.middleware = router`): `Class#field` -> router name (memberRouters.ts). */
  memberRouters?: Record<string, string>;
  /** Classes declared here whose verb methods take a path and a handler (`class Router { get(path, handler) {...} }`): `new` of one makes a router. */
  routerClasses?: string[];
  /**
   * Routers this file mounts under a name it declares itself (`const router = new SchemaRouter(...)`,
   * a parameter): its own, never another file's router of the same name.
   */
  ownRouters?: string[];
  /**
   * A plugin function of this file registered here (`fastify.register(Api, { prefix })`): the
   * routers its body was read under, one per such call (`fastify@37`). Another file registering
   * the same exported plugin mounts that body, not the whole file.
   */
  pluginCopies?: Record<string, string[]>;
  /**
   * Routers made here by an Express or koa-router factory (`express.Router()`, `new Router()`), with
   * the local name the factory was reached through (`express`, `Router`): routers, never apps, so
   * they serve only where something mounts them (see unservedRouters in collect.ts).
   */
  plainRouters?: Record<string, string>;
  /** Functions that make and return a router (`export const usersRouter = () => { const router = new Router(); ...; return router; }`): function name -> the router's name. */
  routerFactories?: Record<string, string>;
  /** The prefix a router factory of routerFactories gives the router it returns, read from its parameters (values.ts ARG): `(prefix) => new Elysia({ prefix })`. */
  factoryPrefixes?: Record<string, ConstValue>;
  /** Hono factories (`export const usersFactory = createFactory<Env>()` of 'hono/factory'): their `createApp()` makes an app. */
  appFactories?: string[];
  /**
   * Top-level functions whose bodies declare no route and no mount (`export const verifyToken =
   * (req, res, next) => ...`): a mount naming one (as middleware beside a router) mounts nothing.
   */
  plainFunctions?: string[];
  /**
   * Defaults of the constructor parameters a class router's paths depend on (`mode = 'global'`),
   * by router name and parameter position (null: no default, or not used): what an instance made
   * without that argument serves.
   */
  constructorDefaults?: Record<string, Array<ConstValue | null>>;
  /**
   * Constants holding a package's handler (`export const trpcHandler = createExpressMiddleware({ router })`):
   * a mount of one in another file serves that endpoint (collect.ts).
   */
  endpoints?: Record<string, Endpoint>;
  /** Member chains assigned only a call of a loaded module's function (`app.kit.handlers = require('./handlers')(app)`): that module's specifier (madeHandlers.ts). */
  madeFields?: Record<string, string>;
  /** The module's function returns an object literal: its properties each holding a call of a loaded module's function, to that module's specifier (madeHandlers.ts). */
  factoryLoads?: Record<string, string>;
  /** Route tables keyed by "METHOD /path" strings, by name (a function's: what it returns; the default export's: DEFAULT_OBJECT): what a loop over an imported one registers (tableKeys.ts). */
  routeTables?: Record<string, RouteTable>;
  /**
   * `export const autoPrefix = '/x'` (or module.exports.autoPrefix): the plugin's own prefix under
   * autoload, which takes the place of its folder prefix; '' when empty (then the folder prefix stays).
   */
  autoPrefix?: string;
  /**
   * The file exports its plugin wrapped in fastify-plugin (`module.exports = fp(plugin)`): Fastify
   * registers it on its parent (skip-override), so no prefix of its register call or of autoload applies.
   */
  skipsOverride?: boolean;
  /** Declarations seen but not understood, with their lines: data the check renders (core/scanTexts.ts scanWarningText). */
  warnings: ScanWarning[];
}

/**
 * A factory's path with its parameters (`$0`, `$1`...) replaced by the values of one use; with
 * `marker` ARG, a function's (`*arg*0`...) by one call's arguments. An argument not given leaves
 * its reference for a conditional on it, '' in text.
 */
export function substituteParams(v: ConstValue, args: ReadonlyArray<ConstValue | undefined>, marker = '$'): ConstValue {
  if (v.kind === 'arr') return { kind: 'arr', items: v.items.map((x) => substituteParams(x, args, marker)) };
  if (v.kind === 'cond') {
    const at = markerIndex(v.param, marker);
    const arg = at >= 0 ? literalOf(args[at]) : undefined;
    if (arg !== undefined) return substituteParams((v.truthy ? isTruthyText(arg) : v.textTest ? arg[v.textTest](v.equals) : arg === v.equals) ? v.then : v.otherwise, args, marker);
    return { ...v, then: substituteParams(v.then, args, marker), otherwise: substituteParams(v.otherwise, args, marker) };
  }
  if (v.kind !== 'str') return v;
  const parts: Part[] = [];
  for (const p of v.parts) {
    const at = typeof p === 'string' ? -1 : markerIndex(p.ref.local, marker);
    // `props.path` of a parameter: that property of the argument (`{ path: 'admins' }`).
    const arg = at >= 0 && typeof p !== 'string' ? propOf(args[at], p.ref.path) : undefined;
    if (at >= 0 && arg?.kind === 'str') parts.push(...arg.parts);
    else if (at >= 0) parts.push('');
    else parts.push(p);
  }
  return str(...parts);
}

/** The HTTP method a use of a decorator factory gives its method parameter (`@APIRoute('GET', 'feed')`); undefined when it is none. */
export function factoryMethod(methodValue: ConstValue, args: ConstValue[]): HttpMethod | undefined {
  const method = literalOf(substituteParams(methodValue, args))?.toUpperCase();
  return method !== undefined && isHttpMethod(method) ? method : undefined;
}

/** The position `$2` (`*arg*2`) names with its marker, -1 for any other local. */
function markerIndex(local: string, marker: string): number {
  if (!local.startsWith(marker)) return -1;
  const rest = local.slice(marker.length);
  return /^\d+$/.test(rest) ? Number(rest) : -1;
}

/** A Nest module's lists, as extract.ts reads them from `@Module({...})` and its dynamic modules. */
export interface NestModuleDecl {
  controllers: string[];
  imports: string[];
  openControllers?: boolean;
  openImports?: boolean;
  /**
   * Modules some entries are members of (`require('@acme/ee')?.BillingModule`): entries not known
   * unless the module is outside the scan (then it registers none of the scan's classes).
   */
  loadedFrom?: string[];
  /** Functions (by the names this file binds them to) whose returned metadata the module takes too (ExtractedFile.moduleConfigs). */
  configs?: string[];
  /** Entries (imports or controllers) listed only when a test of the environment or configuration holds, by name. */
  onlyWhen?: Record<string, SettingGuard>;
}

/** The router name of the method `method` of the router class `cls`. */
export function methodRouterName(cls: string, method: string): string {
  return `${CLASS_ROUTER}${cls}#${method}`;
}

/** The method a method router's name names: `addRelationRoutes` of `class SchemaRouter#addRelationRoutes`; undefined for any other router. */
export function routerMethodName(router: string | undefined): string | undefined {
  const at = router?.startsWith(CLASS_ROUTER) ? router.indexOf('#') : -1;
  return at < 0 ? undefined : router?.slice(at + 1);
}

/** A piece of a path a router class builds: a literal, a field of the instance, or the first element of a [path, handler] pair. */
export type PathPiece = string | { field: string } | { element: 0 };

/** A route a router class registers on a member of `this` (`this.router`), its path as pieces. */
export interface PathRoute {
  method: HttpMethod;
  path: PathPiece[];
  router: string;
  line: number;
}

/** What one class says of the paths of its routes (inheritedPaths.ts). */
export interface PathClass {
  /** The class it extends, as written. */
  base?: string;
  /** Fields (and getters of them) its constructor's parameters are kept as, by position. */
  fields?: Record<string, number>;
  /** Its `super(...)` call's arguments: literal texts, null for any other. */
  superArgs?: Array<string | null>;
  /** Methods registering a route for each [path, handler] pair of the list they are given. */
  pairHelpers?: Record<string, PathRoute[]>;
  /** Methods registering routes at the path they are given (`setupRoutes(endpoint) { this.app.get(endpoint, h) }`): as pairHelpers, the path the pair's first element. */
  pathHelpers?: Record<string, PathRoute[]>;
  /** Its calls of such methods: the pairs' first elements (literal texts, null for any other); `direct`, a path helper's call given the path itself (`super.setupRoutes('/x')`). */
  pairCalls?: Array<{ helper: string; firsts: Array<string | null>; line: number; direct?: true }>;
  /** Its routes at a path reading a field it does not declare itself. */
  fieldRoutes?: PathRoute[];
}

/** A route a class's method registers at a path reading fields of the instance (ExtractedFile.fieldPathRoutes). */
export interface FieldPathRoute extends PathRoute {
  cls: string;
  /** The method registering it. */
  in: string;
}

/** What a class says of the fields its setters fill (ExtractedFile.setterClasses). */
export interface SetterClass {
  base?: string;
  /** Setter method -> the field it sets to its parameter, returning `this`. */
  setters?: Record<string, string>;
  /** Method -> the methods of `this` it calls. */
  calls?: Record<string, string[]>;
}

/** `new C(...).setter(value).then()` (ExtractedFile.setterCalls). */
export interface SetterCall {
  cls: string;
  setter: string;
  value: string;
  then: string;
  line: number;
}

/** A path-like text an exported object literal writes (settingDefaults.ts), and its line. */
export interface SettingDefault {
  value: string;
  line: number;
}
