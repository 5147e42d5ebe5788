// What the source walk and the route scan could not read or could not know, as data: a message id
// and its arguments. The scan worker makes them (and a long-lived worker remembers them with each
// file's scan), so it says no words of its own; the check renders them with l10n.t in the
// language of the process that shows them (scanMessageText). The producers import only the types.
import * as l10n from '@vscode/l10n';

/** Each message's words, with its arguments as {0}, {1}...: the one place they are said. */
const SCAN_TEXTS = {
  // The walk and the reads (engine/nodeFs.ts, engine/scanTree.ts).
  cannotRead: (code: string) => l10n.t('cannot read ({0})', code),
  cannotReadFolder: (code: string) => l10n.t('cannot read the folder ({0})', code),
  outsideWorkspace: () => l10n.t('outside the workspace: not read'),
  nameNotUtf8: () => l10n.t('the name is not valid UTF-8'),
  symlinkLoop: () => l10n.t('a symlink loop'),
  symlinkLoopBack: (real: string) => l10n.t('a symlink loop (back to {0})', real),
  linkOutside: (real: string) => l10n.t('a link to {0}, outside the workspace: not followed', real),
  notRegularFile: () => l10n.t('not a regular file'),
  overReadLimit: (size: string, limit: string) => l10n.t('{0}, over the {1} read limit: not scanned for routes', size, limit),
  binaryContent: () => l10n.t('binary content: not scanned for routes'),
  // One file's declarations (core/routes/extract.ts).
  tooLarge: (kb: string) => l10n.t('{0} KB: larger than a route file, not read', kb),
  readerFailed: (why: string) => l10n.t('the route reader failed on this file ({0}): no route of it is read; please report it', why),
  routerPrefix: (router: string) => l10n.t('{0}.prefix argument is not known statically; its routes are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)', router),
  mountPrefix: (code: string) =>
    l10n.t('mount prefix {0} is not known statically; the routes mounted there are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)', code),
  classPrefix: (cls: string, code: string) =>
    l10n.t('the prefix class {0} hands its base router ({1}) is not known statically: its routes and those of its instances are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)', cls, code),
  methodKey: (router: string, key: string) => l10n.t('{0}[{1}] method is not known statically; route skipped (list it in x-runtime-drift.routes)', router, key),
  tableCallKey: (table: string, key: string, router: string) =>
    l10n.t('{0}[{1}]({2}, ...): which function of {0} is called is not known statically; the routes it registers on {2} are not known (list them in x-runtime-drift.routes)', table, key, router),
  routeKeyTable: (table: string) =>
    l10n.t('routes registered by the keys of {0}: that route table is not known statically; routes skipped (list them in x-runtime-drift.routes)', table),
  routeKeyPath: (path: string) => l10n.t('route path {0} made of a route table key is not known statically; routes skipped (list them in x-runtime-drift.routes)', path),
  bunRouteKey: (key: string) => l10n.t('Bun.serve routes key {0} is not known statically; its route is skipped (list it in x-runtime-drift.routes)', key),
  routeTablePart: (part: string) =>
    l10n.t('routes merged into a route table from {0} are not known statically; they are skipped (list them in x-runtime-drift.routes)', part),
  dispatchedTable: (list: string) =>
    l10n.t("{0}: the request's method and URL are compared by hand with each record of this list (its method and url or path fields) and the matching record's handler is called: such a table is no router's, its routes are not read (list them in x-runtime-drift.routes)", list),
  routePathStart: (router: string, method: string, code: string) =>
    l10n.t('{0}.{1} path {2} starts with a value not known statically; the route is shown under … and not probed (list it with its full path in x-runtime-drift.routes)', router, method, code),
  routePathPart: (router: string, method: string, code: string) =>
    l10n.t('{0}.{1} path {2} holds a segment not known statically; the route is shown with … in its place and not probed (list it with its full path in x-runtime-drift.routes)', router, method, code),
  routerPath: (router: string, method: string, code: string) =>
    l10n.t('{0}.{1} path {2} is not a string known statically; route skipped (list it in x-runtime-drift.routes)', router, method, code),
  instanceFieldPath: (router: string, method: string, code: string, field: string) =>
    l10n.t(
      '{0}.{1} path {2} reads this.{3}, a field of the instance whose value is given at run time (not a value of the class known statically); route skipped (list it in x-runtime-drift.routes)',
      router,
      method,
      code,
      field,
    ),
  routeMethod: (router: string, code: string) => l10n.t('{0}.route method {1} is not an HTTP method known statically; route skipped (list it in x-runtime-drift.routes)', router, code),
  honoOn: (router: string) => l10n.t('{0}.on(method, path, handler) method or path is not known statically; route skipped (list it in x-runtime-drift.routes)', router),
  koaRegister: (router: string) => l10n.t('{0}.register(path, methods, handler) path or methods are not known statically; route skipped (list it in x-runtime-drift.routes)', router),
  routeOptions: (router: string) => l10n.t('{0}.route({...}) method or url is not known statically; route skipped (list it in x-runtime-drift.routes)', router),
  routeModule: (router: string) => l10n.t('{0}.route(require(...)) loads its routes from a module named at run time; routes skipped (list them in x-runtime-drift.routes)', router),
  openapiConfig: (router: string) => l10n.t('{0}.openapi route config is not known statically; route skipped (list it in x-runtime-drift.routes)', router),
  openapiMethod: (router: string) => l10n.t('{0}.openapi route method or path is not known statically; route skipped (list it in x-runtime-drift.routes)', router),
  endpointPath: (served: string) => l10n.t('{0} endpoint path is not known statically (list it in x-runtime-drift.routes)', served),
  feathersServiceMethods: (code: string) =>
    l10n.t('Feathers service {0}: its methods are not known statically (a class or a call not read here); its REST routes are not shown (list them in x-runtime-drift.routes)', code),
  feathersServicePath: (code: string) => l10n.t('Feathers service path {0} is not known statically; its REST routes are not shown (list them in x-runtime-drift.routes)', code),
  applyMiddlewarePath: () => l10n.t('GraphQL applyMiddleware path is not known statically (list it in x-runtime-drift.routes)'),
  graphqlModulePath: () => l10n.t('GraphQLModule path is not known statically (list it in x-runtime-drift.routes)'),
  loopMount: (mountedOn: string, call: string, looped: string) =>
    l10n.t('{0}.{1} inside a loop over values not known statically ({2}); what it mounts is not known (list its routes in x-runtime-drift.routes)', mountedOn, call, looped),
  moduleName: (mountedOn: string) => l10n.t('{0} mounts a module whose name is not known statically; its routes are not known (list them in x-runtime-drift.routes)', mountedOn),
  globLoad: (pattern: string) =>
    l10n.t('modules loaded at run time from the files of glob {0}: the routes they add are not known statically (list them in x-runtime-drift.routes)', pattern),
  autoloadDir: (shown: string) =>
    l10n.t('@fastify/autoload dir is not known statically; the plugins below this file that nothing else registers are shown under {0} and not probed (list them with their full paths in x-runtime-drift.routes)', shown),
  globalPrefix: () => l10n.t('setGlobalPrefix argument is not known statically; the routes are shown under … and not probed (set x-runtime-drift.routePrefix)'),
  versioningOptions: () => l10n.t('enableVersioning argument is not an object literal; versions are not put in route paths (set x-runtime-drift.routePrefix)'),
  versioningType: () => l10n.t('enableVersioning type is not a VersioningType member; versions are not put in route paths (set x-runtime-drift.routePrefix)'),
  versioningPrefix: () => l10n.t('enableVersioning prefix not found statically; versions are not put in route paths (set x-runtime-drift.routePrefix)'),
  versioningDefault: () => l10n.t('enableVersioning defaultVersion is not a string literal or VERSION_NEUTRAL; taken as none (set x-runtime-drift.routePrefix)'),
  routerModulePath: (module: string) =>
    l10n.t('RouterModule path of {0} not known statically; its controllers\' routes are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)', module),
  routerModuleTree: () => l10n.t('RouterModule.register tree not found statically; its modules\' controllers keep their own paths (list their routes with their full paths in x-runtime-drift.routes)'),
  routerModulePathUnnamed: () => l10n.t('RouterModule path of a module not known statically; its controllers keep their own paths (list their routes in x-runtime-drift.routes)'),
  controllerVersion: () => l10n.t('controller version is not a string literal or VERSION_NEUTRAL; taken as none (list its routes in x-runtime-drift.routes)'),
  controllerUnregistered: (cls: string, source: string) =>
    l10n.t('controller {0} is decorated by {1}, of no decorator framework the scan knows, and no call of {1} registering it on a router was found: its routes are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)', cls, source),
  controllerPath: () => l10n.t('controller path is not known statically; its routes are skipped (list them in x-runtime-drift.routes)'),
  versionDecorator: () => l10n.t('@Version argument is not a string literal or VERSION_NEUTRAL; taken as none (list the route in x-runtime-drift.routes)'),
  decoratorMethod: (decorator: string) => l10n.t('@{0} method is not known statically; route skipped (list it in x-runtime-drift.routes)', decorator),
  decoratorBranchPaths: (paths: string, condition: string) => l10n.t('paths {0} are served only when {1} holds or only when it does not: not shown (list them in x-runtime-drift.routes where the server runs with them)', paths, condition),
  decoratorPath: (decorator: string) => l10n.t('@{0} path is not known statically; route skipped (list it in x-runtime-drift.routes)', decorator),
  // The joins across files (core/routes/collect.ts, in the check's own thread).
  mountUnresolved: (router: string, prefix: string) => l10n.t('mount of {0} at {1} not resolved; its routes stay unprefixed (list them in x-runtime-drift.routes)', router, prefix),
  mountGuessed: (router: string, prefix: string, file: string, shown: string) =>
    l10n.t('mount of {0} at {1} not resolved; {2}, whose path ends as its import does, is taken for it: its routes are shown under {3} and not probed (list them with their full paths in x-runtime-drift.routes)', router, prefix, file, shown),
  instancePrefix: (router: string, cls: string) =>
    l10n.t('{0} is a {1}, whose prefix is not known statically: its routes are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)', router, cls),
  mountedOnPrefix: (router: string) =>
    l10n.t('the prefix of {0} is not known statically; routes mounted on it are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)', router),
  mountedOnPrefixUnnamed: () =>
    l10n.t('the prefix of the router is not known statically; routes mounted on it are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)'),
  decoratorFactoryMethod: (decorator: string) => l10n.t('@{0} method is not an HTTP method known statically; route skipped (list it in x-runtime-drift.routes)', decorator),
  tsRestNestRoute: (decorator: string) => l10n.t('@{0}: the ts-rest contract route, or its method or path, not found statically; route skipped (list it in x-runtime-drift.routes)', decorator),
  decoratorFactoryPath: (decorator: string) => l10n.t('@{0} path not found statically; route skipped (list it in x-runtime-drift.routes)', decorator),
  routePrefixValue: () =>
    l10n.t('routing-controllers routePrefix not found statically; the controllers\' routes are shown under … and not probed (set x-runtime-drift.routePrefix)'),
  remixRouteConfig: () =>
    l10n.t('the app defines its routes in code (a routes() option, or app/routes.ts without flatRoutes()): only the resource routes of app/routes named by the flat routes convention are read (list the others in x-runtime-drift.routes)'),
  remixOutsideModules: (files: string) =>
    l10n.t('app/routes.ts names route modules outside app/routes ({0}): their loaders and actions are not read (list their routes in x-runtime-drift.routes)', files),
  inversifyRootPath: () => l10n.t('InversifyExpressServer rootPath not found statically; the controllers\' routes are shown under … and not probed (set x-runtime-drift.routePrefix)'),
  midwayGlobalPrefixValue: (key: string) =>
    l10n.t('Midway {0}.globalPrefix not found statically; the controllers\' routes are shown under … and not probed (set x-runtime-drift.routePrefix)', key),
  routePrefixEnv: (variable: string) =>
    l10n.t('routing-controllers routePrefix is the environment variable {0}, not known statically: the controllers\' routes are shown under … and not probed (set x-runtime-drift.routePrefix to its value where the server runs)', variable),
  routePrefixEnvExample: (variable: string, file: string, value: string, prefix: string) =>
    l10n.t(
      'routing-controllers routePrefix is the environment variable {0}, not known statically: the controllers\' routes are shown under … and not probed ({1} sets {0}={2}; if that is what runs, set x-runtime-drift.routePrefix: {3})',
      variable,
      file,
      value,
      prefix,
    ),
  globalPrefixValue: () => l10n.t('setGlobalPrefix value not found statically; set x-runtime-drift.routePrefix'),
  globalPrefixEnv: (variable: string) =>
    l10n.t('setGlobalPrefix value is the environment variable {0}, with no default in code: the routes are shown under … and not probed (set x-runtime-drift.routePrefix to its value where the server runs)', variable),
  globalPrefixEnvExample: (variable: string, file: string, value: string, prefix: string) =>
    l10n.t(
      'setGlobalPrefix value is the environment variable {0}, with no default in code: the routes are shown under … and not probed ({1} sets {0}={2}; if that is what runs, set x-runtime-drift.routePrefix: {3})',
      variable,
      file,
      value,
      prefix,
    ),
  globalPrefixPart: (known: string) => l10n.t('setGlobalPrefix value only partly found statically: the parts not found are left out, prefix taken as {0} (set x-runtime-drift.routePrefix)', known),
  versioningPrefixPart: (known: string) =>
    l10n.t('enableVersioning prefix only partly found statically: the parts not found are left out, prefix taken as {0} (set x-runtime-drift.routePrefix)', known),
  openApiInit: (app: string, why: string) => l10n.t('express-openapi initialize on {0}: {1} (list the routes it serves in x-runtime-drift.routes)', app, why),
  hapiOpenApi: (why: string) => l10n.t('hapi-openapi plugin: {0} (list the routes it serves in x-runtime-drift.routes)', why),
  openApiBackend: (why: string) => l10n.t('openapi-backend document: {0} (list the routes it serves in x-runtime-drift.routes)', why),
  openapiValue: () => l10n.t('OpenAPI route method or path not found statically; route skipped (list it in x-runtime-drift.routes)'),
  routeValue: (method: string) => l10n.t('{0} route path not found statically; route skipped (list it in x-runtime-drift.routes)', method),
  routeValuePart: (method: string, path: string) =>
    l10n.t('{0} route path {1}: … stands for a segment not known statically; the route is shown so and not probed (list it with its full path in x-runtime-drift.routes)', method, path),
  routeValueCode: (method: string, code: string) => l10n.t('{0} route path {1} not found statically; route skipped (list it in x-runtime-drift.routes)', method, code),
  loopHelperUnread: (callee: string, source: string) =>
    l10n.t('routes registered in a loop through {0}, a function of {1}, which the scan does not read; routes skipped (list them in x-runtime-drift.routes)', callee, source),
  helperUnread: (callee: string, source: string) =>
    l10n.t('routes handed to {0}, a function of {1}, with the router: the scan does not read that code; routes skipped (list them in x-runtime-drift.routes)', callee, source),
  routeTable: () => l10n.t('routes registered in a loop over a list not found statically; routes skipped (list them in x-runtime-drift.routes)'),
  routeConfig: (member: string, helper: string) => l10n.t('route config given to {0} (handed by {1}) not found statically; route skipped (list it in x-runtime-drift.routes)', member, helper),
  routerPrefixValue: (router: string) => l10n.t('the prefix of {0} is not found statically; its routes are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)', router),
  mountPrefixSettingDefault: (setting: string, value: string, where: string) =>
    l10n.t(
      "mount prefix reads the setting {0}, whose value the program computes at run time (a configuration it reads may set it): taken as its default '{1}', written at {2} (from this file's folder); where the server runs with another value, set x-runtime-drift.routePrefix or list the routes in x-runtime-drift.routes",
      setting,
      value,
      where,
    ),
  mountPrefixValue: () => l10n.t('mount prefix not found statically; its routes are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)'),
  relativeUnmounted: (router: string, paths: string) =>
    l10n.t('{0} is mounted nowhere this scan sees, and koa-router paths without a leading slash ({1}) match only under a mount: routes skipped (list them in x-runtime-drift.routes)', router, paths),
  inheritedFieldPath: (method: string, cls: string, field: string) =>
    l10n.t('a {0} route of {1} reads this.{2}, which {1} does not give its base class as a literal in super(...); route skipped (list it in x-runtime-drift.routes)', method, cls, field),
  inheritedPath: (method: string, controller: string, base: string) =>
    l10n.t('a {0} route {1} inherits from {2} has a path not found statically; route skipped (list it in x-runtime-drift.routes)', method, controller, base),
  severalGlobalPrefixes: (values: string, used: string, file: string) => l10n.t('several setGlobalPrefix values ({0}); using {1} from {2} (set x-runtime-drift.routePrefix)', values, used, file),
  outsideRouteHandlers: (paths: string, routes: string) =>
    l10n.t('this Next.js app hands its route handlers only the paths under {0}: {1} never reach them and are left out (list them in x-runtime-drift.routes if a rewrite serves them)', paths, routes),
  nextBasePath: (value: string) =>
    l10n.t('basePath {0} is not known statically: this Next.js app\'s route handlers are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)', value),
  nextBasePathEnv: (variable: string) =>
    l10n.t('basePath is {0} at build time, which the source does not set: this Next.js app\'s route handlers are shown without a basePath (if the image is built with one, list its routes with their full paths in x-runtime-drift.routes)', variable),
  nextBasePathEnvFile: (variable: string, value: string, envFile: string) =>
    l10n.t('basePath is {0} at build time: {1}, as the app\'s {2} sets it (next build loads that file); routes shown under it', variable, value, envFile),
  nitroBaseURL: (value: string) =>
    l10n.t('baseURL {0} is not known statically: this app\'s Nitro server routes are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)', value),
  svelteKitBase: (value: string) =>
    l10n.t('kit.paths.base {0} is not known statically: this SvelteKit app\'s endpoints are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)', value),
  svelteKitBaseEnv: (variable: string) =>
    l10n.t('kit.paths.base is {0} at build time, which the source does not set: this SvelteKit app\'s endpoints are shown without a base (if the image is built with one, list its routes with their full paths in x-runtime-drift.routes)', variable),
  astroBase: (value: string) =>
    l10n.t('base {0} is not known statically: this Astro app\'s endpoints are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)', value),
  astroBaseEnv: (variable: string) =>
    l10n.t('base is {0} at build time, which the source does not set: this Astro app\'s endpoints are shown without a base (if the image is built with one, list its routes with their full paths in x-runtime-drift.routes)', variable),
  nitroHandlerRoute: (value: string) =>
    l10n.t('a handler\'s route {0} in the config is not known statically: it is not shown or probed (list it in x-runtime-drift.routes)', value),
  nextReexportAll: (source: string) =>
    l10n.t('this Next.js route handler re-exports everything {0} exports: its methods are not read (list its routes in x-runtime-drift.routes)', source),
  sailsRegexRoute: (key: string) => l10n.t('Sails route {0} matches a regular expression, not a path: route skipped (list it in x-runtime-drift.routes)', key),
  sailsRoutesTable: () => l10n.t('Sails routes assigned from a value that is not known statically: routes skipped (list them in x-runtime-drift.routes)'),
  sailsBlueprints: (kinds: string) =>
    l10n.t('Sails binds blueprint routes ({0}) at run time from the app\'s models and actions: they are not listed (list them in x-runtime-drift.routes)', kinds),
  unreadFramework: (framework: string, dependency: string) =>
    l10n.t('routes of {0} (package.json depends on {1}) are not read: none of them is shown or probed (list them in x-runtime-drift.routes)', framework, dependency),
  unfollowedFramework: (framework: string, dependency: string) =>
    l10n.t('no route of {0} found though package.json depends on {1}: its routes are read where written out, and these are made in a way the scan does not follow; none is shown or probed (list them in x-runtime-drift.routes)', framework, dependency),
  matchOnlyUnanswered: () =>
    l10n.t('routes of a router that only matches (its match(method, path) answers nothing by itself), and no file of this app answers HTTP requests (no fetch handler, server or framework routes): no HTTP server serves them; routes skipped (list them in x-runtime-drift.routes if one does)'),
  matchOnlyUnknown: (file: string) =>
    l10n.t('routes of a router that only matches (its match(method, path) answers nothing by itself): {0} answers HTTP requests but calls no match, so whether these routes reach it is not known statically; shown as routes', file),
  // Registrations under a test of the environment or configuration (routes/settingGuards.ts, joined in collect.ts).
  onlyWhenRoutes: (routes: string, code: string) =>
    l10n.t('{0}: registered only when {1} holds: shown, but served only where the server runs with it holding (where it does not, a 404 there is the condition, not drift)', routes, code),
  onlyWhenRoutesUnset: (routes: string, code: string, variables: string, value: string) =>
    l10n.t('{0}: registered only when {1} holds: shown, but served only where the server runs with it holding; with {2} not set it is {3}', routes, code, variables, value),
  onlyWhenMount: (routers: string, prefixes: string, code: string) =>
    l10n.t('the routes mounted through {0} at {1}: registered only when {2} holds: shown, but served only where the server runs with it holding (where it does not, a 404 there is the condition, not drift)', routers, prefixes, code),
  onlyWhenMountUnset: (routers: string, prefixes: string, code: string, variables: string, value: string) =>
    l10n.t('the routes mounted through {0} at {1}: registered only when {2} holds: shown, but served only where the server runs with it holding; with {3} not set it is {4}', routers, prefixes, code, variables, value),
  onlyWhenModule: (modules: string, code: string) =>
    l10n.t('listed in a Nest module only when {1} holds: {0}; the routes of their controllers are shown, but served only where the server runs with it holding (where it does not, a 404 there is the condition, not drift)', modules, code),
  onlyWhenModuleUnset: (modules: string, code: string, variables: string, value: string) =>
    l10n.t('listed in a Nest module only when {1} holds: {0}; the routes of their controllers are shown, but served only where the server runs with it holding; with {2} not set it is {3}', modules, code, variables, value),
  pathFromServiceEnv: (variable: string, value: string, service: string, where: string) =>
    l10n.t('the environment variable {0} in a route path or prefix is {1} for service {2}, as set at {3}', variable, value, service, where),
  pathFromServiceEnvEmpty: (variable: string, service: string, where: string) =>
    l10n.t('the environment variable {0} in a route path or prefix is empty for service {1}, as set at {2}', variable, service, where),
  onlyWhenNotServed: (what: string, code: string, service: string, set: string) =>
    l10n.t('{0}: registered only when {1} holds, and it does not for service {2} with {3}: the routes it alone gives are listed as not served by it, and not probed', what, code, service, set),
  severalVersionings: (file: string) => l10n.t('several enableVersioning calls with different options; using the one in {0} (set x-runtime-drift.routePrefix)', file),
} satisfies Record<string, (...args: string[]) => string>;

type ScanTexts = typeof SCAN_TEXTS;
export type ScanMessageId = keyof ScanTexts;

/** One message as data: its id and its arguments (names, paths, codes: never words of ours). */
export type ScanMessage = { [K in ScanMessageId]: { id: K; args: Parameters<ScanTexts[K]> } }[ScanMessageId];

/**
 * A message about one line of a file (none: about the whole file); `on`, the receiver it is about
 * when that receiver was made by a call (routerMakers): it goes when collect.ts finds no router made.
 */
export type ScanWarning = ScanMessage & { line?: number; on?: string };

/** The words of `m` in the current l10n bundle's language. */
export function scanMessageText(m: ScanMessage): string {
  return (SCAN_TEXTS[m.id] as (...args: string[]) => string)(...m.args);
}

/** "src/a.ts:12: @Get path is not known statically; …": a file's warning with where it is. */
export function scanWarningText(file: string, w: ScanWarning): string {
  return w.line === undefined ? `${file}: ${scanMessageText(w)}` : `${file}:${w.line}: ${scanMessageText(w)}`;
}
