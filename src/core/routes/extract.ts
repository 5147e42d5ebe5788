// Route declarations in one source file, read from the TypeScript compiler's own syntax tree
// (parser only: no type checking, so a file that does not compile still yields its routes):
// NestJS decorators, Express/Fastify/Koa/Hono router calls, and what collect.ts needs to join
// files up — global prefix, mounts, imports, exported constants, the default export. Paths may
// be literals, templates, concatenations, constants (local or imported), enum members and
// config defaults; what cannot be known statically is a warning naming file, line and why.
//
// One FileReader reads one file. Its readers are layered, one concept per file, each built on the
// one before and sharing the file's state (readerBase.ts): evaluator (values), declarations,
// tableLoops, loops, routeTables, receivers, routerCalls, routeHelpers, mounts, fileExports, nestApp, nestControllers, adonisRoutes, handRouting, elysiaRoutes.
// This file holds the walk over the tree and the dispatch of each call to its reader.
import type { HttpMethod } from '../model';
import ts from './compiler';
import { classBases, classMembers, defaultFactoryClass } from './memberGuards';
import { DEFAULT_FACTORY_INSTANCE } from './unmetMemberGuards';
import { forEachChild, isAsExpression, isBinaryExpression, isBindingElement, isCallExpression, isClassDeclaration, isElementAccessExpression, isNewExpression, isForInStatement, isForOfStatement, isForStatement, isFunctionDeclaration, isIdentifier, isIfStatement, isNumericLiteral, isObjectLiteralExpression, isParameter, isParenthesizedExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteral, isVariableDeclaration, isVariableStatement } from './tsNodes';
import type { ExtractedFile, ExtractedMount, ExtractedRoute, ValueTest } from './extracted';
import { exportedFunctionLines, localFunctionLines, uncalledFunctionLines } from './uncalledFunctions';
import { LISTED, hasEach, literalOf } from './values';
import { skipOuter } from './tsSyntax';
import { cjsNamedExport, isFunctionLike, isTypeOnly } from './routeSyntax';
import { returnedUnmounted } from './settingGuards';
import { TSED_CONFIGURATION } from './tsedMount';
import { ROUTER_METHODS } from './routeSpec';
import { subclassVerb } from './koaRouterSubclasses';
import { globLoaded, isModuleLoad } from './moduleLoads';
import { feathersClassMembers } from './feathersServices';
import { BunRoutesReader } from './bunRoutes';
import { branchConditions } from './argConditions';
import { branchTerms, rootName, type ValueTerm } from './valueTests';
import { nextHandlerExports } from './nextExports';
import { readsHandlerExports, YAML_FILE_READ } from './mayDeclareRoutes';
import { readSailsConfig } from './sailsRoutes';
import { readStrapiRouter } from './strapiRoutes';
import { readStrapiPluginModule } from './strapiPluginValues';
import { readPathClasses } from './inheritedPaths';
import { readSetterPaths } from './setterPaths';
import { readYamlDefaults } from './yamlSettings';
import { readMoleculerSchemas } from './moleculerRoutes';
import { readOpenApiInits, readOpenApiOperations } from './openApiFramework';
import { HAPI_OPENAPI, readHapiOpenApiPlugins } from './hapiOpenApi';
import { OPENAPI_BACKEND, readOpenApiBackends } from './openApiBackend';
import { readSettingDefaults } from './settingDefaults';
import { memberRouters } from './memberRouters';
import { fieldLoads } from './fieldLoads';
import { madeFields } from './madeHandlers';
import { methodWrappers } from './methodWrappers';
import { markMatchOnlyRoutes, readRequestEntry } from './matchOnlyRouters';
import { routeFunctionCallers } from './routeFunctionCallers';
import { addedModulePath } from './modulePathCalls';
import { dispatchesByHand } from './dispatchTables';
import { handDispatcher, readHandDispatchFacts } from './handDispatch';
import type { TableLoop } from './loopOverTable';

/** Past this size a file is not parsed: generated bundles, not route declarations. */
export const MAX_ROUTE_SOURCE_BYTES = 2 * 1024 * 1024;

/** @hono/zod-openapi's calls that serve the OpenAPI document (`openapi` itself registers a route). */
const OPENAPI_CALLS: Readonly<Record<string, true>> = { openapi: true, doc: true, doc31: true };

/** A file assigning Sails' routes or blueprint options (sailsRoutes.ts). */
const SAILS_EXPORT = /\bmodule\.exports\.(?:routes|blueprints)\s*=/;

/** General-purpose utility libraries: their `get`, `all`, `on`, `use` are not routes or mounts. */
const UTILITY_PACKAGE = /^(?:lodash(?:-es)?(?:\/.*)?|lodash\.\w+|underscore|ramda|immutable|object-path|dot-prop|rxjs(?:\/.*)?)$/;
/** routing-controllers' functions that make or fill an app with its decorated controllers. */
const ROUTING_CONTROLLERS_SERVER = /^(?:create|use)(?:Express|Koa)Server$/;

/** A module exporting an object literal (settingDefaults.ts). */
const EXPORTS_OBJECT = /(?:module\.exports(?:\.[\w$]+)?\s*=|\bexports\.[\w$]+\s*=|export\s+default|export\s+const\s+[\w$]+[^=\n]*=)\s*\{/;

/** A Moleculer gateway (moleculer-web) or a service schema whose actions may declare `rest`. */
const MOLECULER_SCHEMA = /moleculer-web|\brest\s*:/;

/**
 * What a file declares (`only`: just a table dispatched by hand's facts, for a file the pre-filter skips). A reader's failure on one file (a shape of code no reader expected) is that
 * file's warning, with nothing read from it: the service's other files are still read.
 */
export function extractRoutesFromSource(text: string, file: string, only?: 'handDispatch'): ExtractedFile {
  try {
    return only === 'handDispatch' ? readHandDispatchOnly(text, file) : readSource(text, file);
  } catch (err) {
    const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { routes: [], mounts: [], imports: [], warnings: [{ id: 'readerFailed', args: [why.slice(0, 200)] }] };
  }
}

/** Only the facts of a table dispatched by hand an Egg settings file or middleware gives (handDispatch.ts). */
function readHandDispatchOnly(text: string, file: string): ExtractedFile {
  const result: ExtractedFile = { routes: [], mounts: [], imports: [], warnings: [] };
  if (text.length > MAX_ROUTE_SOURCE_BYTES) return result;
  const sf = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, /\.(?:c|m)?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  readHandDispatchFacts(sf, result);
  return result;
}

function readSource(text: string, file: string): ExtractedFile {
  const result: ExtractedFile = { routes: [], mounts: [], imports: [], warnings: [] };
  if (text.length > MAX_ROUTE_SOURCE_BYTES) {
    result.warnings.push({ id: 'tooLarge', args: [String(Math.round(text.length / 1024))] });
    return result;
  }
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : /\.(?:c|m)?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  // JSDoc is not read for routes: not parsing it saves 10-20% of the parse (bench/README.md, ninth round).
  // No parent pointers from the parser: the reader's first walk links them (readerBase.ts findRedeclared).
  const sf = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
  const reader = new FileReader(sf, result);
  reader.read();
  // express-openapi loads its path modules itself (openApiFramework.ts): the initialize calls and a module's operations.
  const inits = text.includes('express-openapi') ? readOpenApiInits(sf, result.imports, (n) => reader.evaluate(n)) : [];
  if (text.includes(HAPI_OPENAPI)) inits.push(...readHapiOpenApiPlugins(sf, result.imports, (n) => reader.evaluate(n)));
  if (OPENAPI_BACKEND.test(text)) inits.push(...readOpenApiBackends(sf, (n) => reader.evaluate(n)));
  if (inits.length > 0) result.openApiInits = inits;
  const operations = readOpenApiOperations(sf);
  if (operations) result.openApiOperations = operations;
  // Sails binds its config folder's routes itself (sailsRoutes.ts).
  if (SAILS_EXPORT.test(text)) readSailsConfig(sf, result);
  // Strapi loads its APIs' router files itself (strapiRoutes.ts).
  readStrapiRouter(sf, result);
  readStrapiPluginModule(sf, result);
  // Egg's settings files and middleware: a table dispatched by hand's records and the calls handing them on (handDispatch.ts).
  readHandDispatchFacts(sf, result);
  // Router classes whose subclasses give the base class its paths (inheritedPaths.ts).
  readPathClasses(sf, result);
  // Classes whose routes read a field a setter fills, and the setter calls (setterPaths.ts).
  readSetterPaths(sf, result);
  // A settings module's defaults loaded from a YAML file (yamlSettings.ts).
  const yamlDefaults = YAML_FILE_READ.test(text) ? readYamlDefaults(sf, result.imports) : undefined;
  if (yamlDefaults) result.yamlDefaults = yamlDefaults;
  // The path-like defaults a settings module exports (settingDefaults.ts), where the text may hold them.
  const settingDefaults = EXPORTS_OBJECT.test(text) ? readSettingDefaults(sf) : undefined;
  if (settingDefaults) result.settingDefaults = settingDefaults;
  // Moleculer's runner loads service files itself (moleculerRoutes.ts): a gateway's aliases, services' rest actions.
  if (MOLECULER_SCHEMA.test(text)) readMoleculerSchemas(sf, result);
  // A Nitro handler's default export is read as a Pages Router API file's is (nitroRoutes.ts), a SvelteKit endpoint's methods as a route handler's (svelteKitRoutes.ts).
  const handler = readsHandlerExports(file, text) ? nextHandlerExports(sf) : undefined;
  if (handler) result.nextHandler = handler;
  // A route helper's `handler.POST && router.post(...)` of another file asks this file's classes (memberGuards.ts).
  const members = classMembers(sf);
  // A Feathers service's class extending a package's (feathersServices.ts): its methods, for another file's `use(path, new X())`.
  const services = feathersClassMembers(sf, result.imports);
  if (members || services) result.classMembers = { ...members, ...services };
  const bases = classBases(sf);
  if (bases) result.classBases = bases;
  // A default export making an instance of one of them (`module.exports = (o) => new Service(o)`): its members, for another file's `use(path, createService(o))`.
  const made = result.classMembers && defaultFactoryClass(sf);
  const madeMembers = made !== undefined ? result.classMembers?.[made] : undefined;
  if (result.classMembers && madeMembers) result.classMembers[DEFAULT_FACTORY_INSTANCE] = madeMembers;
  const wrappers = methodWrappers(sf);
  if (wrappers) result.methodWrappers = wrappers;
  // Routes of a router that only matches, and where this file answers HTTP requests (matchOnlyRouters.ts).
  markMatchOnlyRoutes(sf, result);
  readRequestEntry(sf, result);
  return result;
}

class FileReader extends BunRoutesReader {
  /** The routes and mounts asked already whether a test of settings guards them (markSettingGuards). */
  private guardedRoutes = 0;
  private guardedMounts = 0;

  read(): void {
    // First: its walk links the tree's parent pointers.
    this.findRedeclared();
    this.collectDeclarations();
    this.findElysia();
    this.findRouteHelpers();
    this.findFixedHelpers();
    this.findRouteFactories();
    this.findMountHelpers();
    this.findKeyedHelpers();
    this.findSpecMounters();
    this.readPrefixCalls(this.sf);
    this.findLocalPlugins();
    this.readTypedPluginSiblings();
    this.visit(this.sf);
    this.readInstanceMethodRouters();
    this.readLocalPluginsLeft();
    this.findOwnListHelperCalls();
    this.warnUnknownPaths();
    this.collectExports();
    this.collectRouteTables();
    this.readBunTables();
    this.readKeyedRouters();
    this.collectModuleConfigs();
    this.dropUncalled();
    this.findRouteFunctions();
    this.findMemberRouters();
    this.findFieldLoads();
    this.findMadeFields();
    const folders = this.sf.text.includes('export') ? this.exportedFolders() : undefined;
    if (folders) this.out.folders = folders;
    const keys = this.sf.statements.flatMap((st) => cjsNamedExport(st)?.name ?? []);
    if (keys.length > 0) this.out.exportKeys = [...new Set(keys)];
    // The root module this file starts, for which controllers the app registers (collect.ts).
    const entries = this.sf.text.includes('NestFactory') ? this.nestFactoryModules() : [];
    if (this.out.nestEntryModule === undefined && entries[0] !== undefined) this.out.nestEntryModule = entries[0];
    if (entries.length > 1) this.out.nestEntryModules = entries;
    const own = [...new Set(this.out.mounts.map((m) => m.routerName).filter((name) => !this.importedNames.has(name) && (this.madeHere(name) || this.decls.has(name) || this.paramNames.has(name))))];
    if (own.length > 0) this.out.ownRouters = own;
  }

  /** Fields a class's constructor keeps a router of this file in (memberRouters.ts). */
  private findMemberRouters(): void {
    const routers = new Set([...this.out.routes.map((r) => r.router ?? ''), ...this.out.mounts.map((m) => m.mountedOn)].filter((n): n is string => n !== undefined && n !== ''));
    const found = memberRouters(this.sf, routers, (e) => this.receiverOf(e));
    if (found) this.out.memberRouters = found;
  }

  /** Member chains a mount at a path names a member of, assigned a call of a loaded module's function (madeHandlers.ts). */
  private findMadeFields(): void {
    if (!this.out.mounts.some((m) => m.atPath && m.routerName.includes('.') && !m.routerName.includes('('))) return;
    const made = madeFields(this.sf);
    if (made) this.out.madeFields = made;
  }

  /** Fields of this file's classes holding a loaded module that a mount here names (`app.use('/events', this.events)`): imports of it (fieldLoads.ts). */
  private findFieldLoads(): void {
    if (!this.out.mounts.some((m) => m.routerName.startsWith('this.'))) return;
    const taken = new Set(this.out.imports.map((i) => i.local));
    for (const i of fieldLoads(this.sf)) if (!taken.has(i.local) && this.out.mounts.some((m) => m.routerName === i.local)) this.out.imports.push(i);
  }

  /**
   * Routes and mounts inside a top-level function nothing uses (uncalledFunctions.ts) are never
   * registered; a folder listing loaded only there (extract.ts listedLoad) loads nothing.
   */
  private dropUncalled(): void {
    const lines = [...this.out.routes.filter((r) => r.declaredIn === undefined).map((r) => r.line), ...this.out.mounts.map((m) => m.line)];
    const dead = lines.length > 0 ? uncalledFunctionLines(this.sf, lines) : [];
    if (dead.length === 0) return;
    const inDead = (line: number) => dead.some(([from, to]) => line >= from && line <= to);
    const dropped = this.out.mounts.filter((m) => inDead(m.line));
    this.out.routes = this.out.routes.filter((r) => r.declaredIn !== undefined || !inDead(r.line));
    this.out.mounts = this.out.mounts.filter((m) => !inDead(m.line));
    const uses = (m: ExtractedMount, local: string) => m.routerName === local || m.routerName.startsWith(`${local}.`);
    this.out.imports = this.out.imports.filter((i) => !i.source.startsWith(LISTED) || !dropped.some((m) => uses(m, i.local)) || this.out.mounts.some((m) => uses(m, i.local)));
  }

  /**
   * A file whose routes are all in its exported functions and which mounts nothing: those functions
   * (ExtractedFile.routeFunctions). Only a plugin registering on the router it is handed itself
   * (`async (app) => { app.get(...) }`) or a router factory (`createMetricsPlugin()`): a file using
   * one hands it a router or registers what it makes, which the pre-filter keeps (mayDeclareRoutes.ts);
   * one given a context object (`registerHealthRoute({ app })`, a hook's `(name, { app })`) may be
   * called from a file the scan never reads.
   */
  private findRouteFunctions(): void {
    const routes = this.out.routes.filter((r) => r.declaredIn === undefined);
    // A mount on a value some call returned (`const level = normalize(q)`, then `listLevel(level)` in
    // a handler) is one only if collect.ts finds that call makes a router (routerMakers): not proof
    // that this file assembles an app. Past such mounts, only a factory making its own router is taken.
    if (routes.length === 0) return;
    const exported = new Set([this.out.defaultExport ?? '', ...Object.values(this.out.exportNames ?? {})]);
    // Exported functions holding a route, or a call handing the router to a function of the file that holds one (pluginHelpers).
    const plugins = Object.entries(exportedFunctionLines(this.sf, [...routes, ...this.out.mounts].map((r) => r.line), exported) ?? {});
    const within = (r: { line: number }, [from, to]: [number, number]) => r.line >= from && r.line <= to;
    const helpers = this.pluginHelpers(plugins, routes, exported, within);
    const found = [...plugins, ...helpers.map(([fn, range]): [string, [number, number]] => [fn, range])];
    // A plugin registering another on the router it is handed (`await app.register(rawBody)`) still only serves where it is registered.
    const ownMount = (m: ExtractedMount) => found.some(([fn, range]) => within(m, range) && m.mountedOn !== undefined && (this.out.routerParams?.[fn] ?? []).includes(m.mountedOn));
    const mounts = this.out.mounts.filter((m) => !ownMount(m) && (m.mountedOn === undefined || this.out.routerMakers?.[m.mountedOn] === undefined));
    if (mounts.length > 0) return;
    const factoriesOnly = this.out.mounts.some((m) => !ownMount(m));
    const onParams = (fn: string, range: [number, number]) => !factoriesOnly && routes.every((r) => !within(r, range) || (this.out.routerParams?.[fn] ?? []).includes(r.router ?? ''));
    const fns = found.filter(([fn, range]) => this.out.routerFactories?.[fn] !== undefined || onParams(fn, range));
    if (fns.length === 0 || !routes.every((r) => fns.some(([, range]) => within(r, range)))) return;
    this.out.routeFunctions = Object.fromEntries(fns);
    // Its callers in this file (`startMetricsServer()` calling `createMetricsServer()`): it is used where they are.
    const callers = routeFunctionCallers(this.sf, fns.map(([fn]) => fn)) ?? {};
    for (const [fn, , by] of helpers) if (fns.some(([f]) => f === fn)) callers[fn] = [by, ...(callers[by] ?? [])];
    if (Object.keys(callers).length > 0) this.out.routeFunctionCallers = callers;
  }

  /**
   * The file's own functions holding routes that an exported plugin hands its router to
   * (`const registerOAuth = (app) => { app.get(...) }` called as `registerOAuth(fastify)` in the
   * plugin): each with its range and that plugin, where it is used.
   */
  private pluginHelpers(plugins: [string, [number, number]][], routes: ExtractedRoute[], exported: ReadonlySet<string>, within: (r: { line: number }, range: [number, number]) => boolean): [string, [number, number], string][] {
    const out: [string, [number, number], string][] = [];
    for (const [fn, range] of Object.entries(localFunctionLines(this.sf, routes.map((r) => r.line), exported))) {
      const by = plugins.find(([p, at]) => this.out.mounts.some((m) => m.routerName.startsWith(`${fn}#`) && within(m, at) && (this.out.routerParams?.[p] ?? []).includes(m.mountedOn ?? '')));
      if (by) out.push([fn, range, by[0]]);
    }
    return out;
  }

  protected visit(node: ts.Node): void {
    const routes = this.out.routes.length;
    const mounts = this.out.mounts.length;
    this.visitNode(node);
    if (this.out.routes.length > Math.max(routes, this.guardedRoutes) || this.out.mounts.length > Math.max(mounts, this.guardedMounts)) this.markSettingGuards(node, routes, mounts);
  }

  /**
   * The routes and mounts `node` registered (the innermost node registering them is the first to
   * see them) under a test of settings (settingGuards.ts). Not inside a helper read at its call:
   * the call's own place decides.
   */
  private markSettingGuards(node: ts.Node, routes: number, mounts: number): void {
    if (this.expanding.length > 0) return;
    const from = { routes: Math.max(routes, this.guardedRoutes), mounts: Math.max(mounts, this.guardedMounts) };
    this.guardedRoutes = this.out.routes.length;
    this.guardedMounts = this.out.mounts.length;
    const found = this.settingGuard(node);
    if (!found) return;
    for (const r of this.out.routes.slice(from.routes)) r.onlyWhen ??= found;
    const made = this.out.mounts.slice(from.mounts);
    // A router the function also returns unmounted is served either way: that call's mounts (its path read as a router too) only say where.
    const either = new Set(made.filter((m) => returnedUnmounted(node, m.routerName)).map((m) => m.line));
    for (const m of made) if (!either.has(m.line)) m.onlyWhen ??= found;
  }

  /** A table dispatched by hand: the helper's loop for the join when its list and URL cut are read (handDispatch.ts), else a warning. */
  private readDispatchedTable(loop: TableLoop, node: ts.Node): void {
    const d = handDispatcher(loop, node);
    if (d) ((this.out.handDispatch ??= {}).dispatchers ??= []).push(d);
    else this.warn(node, { id: 'dispatchedTable', args: [loop.list.getText()] });
  }

  /** `get('/x', h)` of a name bound to a router's method (boundMethods.ts): that router's `get('/x', h)`. */
  private readBoundMethodCall(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    const bound = isIdentifier(callee) ? this.boundMethods.get(callee.text) : undefined;
    const method = bound ? ROUTER_METHODS[bound.method] : undefined;
    if (!bound || !method) return false;
    this.readRouterCall(call, bound.router, method, bound.method, callee);
    return true;
  }

  /**
   * A call on a receiver typed as a router (`router: Router`) with a path and a handler: no HTTP
   * client's request, even when an arrow returns it (`const withNotes = (path, h) => router.all(path, check, h)`).
   */
  private isTypedRouterCall(call: ts.CallExpression, router: string): boolean {
    return this.typedReceivers.has(router) && call.arguments.length >= 2;
  }

  private visitNode(node: ts.Node): void {
    if (this.handled.has(node) || isTypeOnly(node) || this.localPlugins?.has(node) || this.isNamedLoopCallback(node)) return;
    if (isClassDeclaration(node)) {
      this.readNestClass(node);
      this.readMountMethods(node);
    }
    // A loop over a table's keys whose body calls a router by a computed method, else one read element by element.
    const loop = this.loopOf(node);
    if (loop && dispatchesByHand(loop)) this.readDispatchedTable(loop, node);
    if (loop && (this.readListedKeysLoop(loop) || this.readKeyLoop(loop) || this.readLoop(loop))) return;
    if (isCallExpression(node)) {
      this.readCall(node);
      this.readImportCall(node);
      this.readListen(node);
      this.readCreateServer(node);
      this.readBunServe(node);
      // A glob whose files are known statically (globListings.ts) is read file by file, not warned of.
      const pattern = isModuleLoad(node) && !this.listedLoad(node) ? globLoaded(node) : undefined;
      if (pattern !== undefined) this.warn(node, { id: 'globLoad', args: [pattern] });
    }
    if (isVariableDeclaration(node) && node.initializer && this.isExportedRoutesTree(node)) this.readRouterTree(node.initializer);
    if (isVariableDeclaration(node) || isAsExpression(node)) this.readTypedRoutingControllersOptions(node);
    if (isPropertyAssignment(node)) this.readMidwayGlobalPrefix(node);
    if (isNewExpression(node)) {
      this.readInversifyServer(node);
      this.readConstructorPassed(node);
    }
    if (isIfStatement(node)) {
      // A branch a constant condition never takes registers nothing (`if (ENABLE_X)` with `const ENABLE_X = false`).
      const taken = constantCondition(node.expression, (this.flags ??= constantFlags(this.sf)));
      if (taken !== undefined) {
        const branch = taken ? node.thenStatement : node.elseStatement;
        if (branch) this.visit(branch);
        return;
      }
      return this.visitIf(node);
    }
    // Inline fastify plugins: register(async (f) => { f.get(...) }, { prefix })
    forEachChild(node, this.visitChild);
  }

  /**
   * Both branches of an `if` whose test is not constant: the routes a branch registers are
   * registered only when what its test says of a router factory's options holds (argConditions.ts).
   */
  private visitIf(node: ts.IfStatement): void {
    this.visit(node.expression);
    let conditions: ReturnType<typeof branchConditions> | undefined;
    // Read with a loop's element or a helper's argument bound: what the test says of that value (valueTests.ts).
    const terms = this.scopes.length > 0 ? this.boundTerms(node.expression) : undefined;
    for (const [branch, which] of [[node.thenStatement, 'then'], [node.elseStatement, 'otherwise']] as const) {
      if (!branch) continue;
      const tests = terms?.[which];
      if (tests === false) continue;
      const before = this.out.routes.length;
      this.visit(branch);
      // The test is read only when the branch registered something.
      if (this.out.routes.length === before) continue;
      const when = (conditions ??= branchConditions(node.expression))[which];
      if (when.length > 0) for (const r of this.out.routes.slice(before)) r.when = [...(r.when ?? []), ...when];
      if (tests && tests.length > 0) for (const r of this.out.routes.slice(before)) r.valueWhen = [...(r.valueWhen ?? []), ...tests];
    }
  }

  /**
   * What each branch's test says of values the reading binds now: false where a literal bound fails
   * it (the branch is not taken), the tests of elements of another file's list (EACH) to check per element.
   */
  private boundTerms(test: ts.Expression): { then: ValueTest[] | false; otherwise: ValueTest[] | false } | undefined {
    const { then, otherwise } = branchTerms(test);
    if (then.length === 0 && otherwise.length === 0) return undefined;
    const read = (terms: ValueTerm[]): ValueTest[] | false => {
      const out: ValueTest[] = [];
      for (const t of terms) {
        const name = rootName(t.expr);
        if (!this.scopes.some((sc) => sc.has(name))) continue;
        const value = this.evaluate(t.expr);
        const text = literalOf(value);
        if (text !== undefined && t.oneOf.includes(text) !== t.holds) return false;
        if (text === undefined && value?.kind === 'str' && hasEach(value)) out.push({ value, oneOf: t.oneOf, holds: t.holds });
      }
      return out;
    };
    return { then: read(then), otherwise: read(otherwise) };
  }

  /**
   * `initialize(config)`: a function imported from a module of the project given an imported binding,
   * for a guard reading that function's parameter (ExtractedFile.importCalls).
   */
  private readImportCall(call: ts.CallExpression): void {
    const callee = skipOuter(call.expression);
    if (!isIdentifier(callee) || call.arguments.length === 0 || !this.importedNames.has(callee.text)) return;
    if (!this.out.imports.some((i) => i.local === callee.text && i.source.startsWith('.'))) return;
    const args = call.arguments.map((a) => {
      const x = skipOuter(a);
      return isIdentifier(x) && this.importedNames.has(x.text) ? x.text : null;
    });
    if (args.some((a) => a !== null)) (this.out.importCalls ??= []).push({ callee: callee.text, args });
  }

  /** `visit` as one function for every node's children, not a closure made per node. */
  private readonly visitChild = (child: ts.Node): void => this.visit(child);

  /**
   * A package's own object imported as is (`const Encore = require('@symfony/webpack-encore')`):
   * its `enableVersioning()` is that package's, not a Nest app's (an app is made by a call).
   */
  private packageObject(e: ts.Expression): boolean {
    const x = skipOuter(e);
    return isIdentifier(x) && this.out.imports.some((i) => i.local === x.text && !/^(?:\.|~|#|@\/|@nestjs\/)/.test(i.source) && (i.imported === 'default' || i.imported === '*'));
  }

  private readCall(call: ts.CallExpression): void {
    const callee = call.expression;
    if (this.readAdonisCall(call)) return;
    this.readControllerRegistrar(call);
    if (this.readTsoaGenerateRoutes(call)) return;
    if (isIdentifier(callee) && ROUTING_CONTROLLERS_SERVER.test(callee.text) && this.out.imports.some((i) => i.local === callee.text && i.source === 'routing-controllers'))
      return this.readRoutingControllersServer(call);
    if (isIdentifier(callee) && this.out.imports.some((i) => i.local === callee.text && i.imported === 'Configuration' && TSED_CONFIGURATION.test(i.source))) return this.readTsedConfiguration(call);
    if (isElementAccessExpression(callee)) return this.readComputedMethod(call, callee);
    this.readLoopHelperCall(call);
    this.readFactoryCall(call);
    if (this.readHelperCall(call) || this.readBoundMethodCall(call)) return;
    if (this.readTsRestEndpoints(call)) return;
    if (this.readModulePath(call)) return;
    if (!isPropertyAccessExpression(callee) || this.isMemberHelperCall(call) || this.handsRouterFirst(call)) return this.readRouterPassed(call);
    const name = callee.name.text;
    if (name === 'setGlobalPrefix') return this.readGlobalPrefix(call);
    if (name === 'basePath' && this.readLoopbackBasePath(call)) return;
    if (name === 'use' && this.readLoopbackMount(call)) return;
    if (name === 'handle' && this.readOrpcHandle(call, callee)) return;
    if (name === 'meta' && this.readOpenApiMeta(call)) return;
    if (name === 'enableVersioning') return this.packageObject(callee.expression) ? undefined : this.readVersioning(call);
    if (isIdentifier(callee.expression) && this.isNestRouterModule(callee.expression.text, name)) return this.readRouterModule(call);
    if ((name === 'forRoot' || name === 'forRootAsync') && isIdentifier(callee.expression) && callee.expression.text === 'GraphQLModule') return this.readNestGraphQL(call);
    if (name === 'applyMiddleware') return this.readApplyMiddleware(call);
    if (this.readElysiaCall(call, callee)) return;
    if (this.readInstancePassed(call, callee)) return;
    // A library's koa-router subclass adds verbs of its own (lin-mizar's `linGet(name, path, meta, h)`).
    const method = ROUTER_METHODS[name] ?? subclassVerb(name, this.out.imports);
    if (this.readModulePassed(call, callee)) return;
    if (!method && name !== 'route' && name !== 'use' && name !== 'register' && name !== 'on' && name !== 'mount' && !(name in OPENAPI_CALLS)) {
      if (this.readSpecMount(call, callee)) return;
      // A route only where some file declares the wrapper (collect.ts): the other readings stay open.
      this.readWrapperCall(call, callee);
      if (this.readMethodFirst(call, callee)) return;
      if (this.readInstanceMethodCall(call, callee)) return;
      if (this.readPolymorphicPassed(call, callee)) return;
      return this.readPendingClassMount(call, callee);
    }
    // `.get()` on `router.route('/x')`: a link of the chain readRouteCall reads.
    if (method && isRouteChainLink(callee.expression)) return;
    const router = this.receiverOf(callee.expression);
    if (!router || !this.isReceiver(router)) return;
    // `_.get(obj, 'a.b')`: lodash, underscore, ramda... are never a router, whatever they are called.
    if (!this.routers.has(router) && UTILITY_PACKAGE.test(this.clientSourceOf(router.split('.')[0] ?? router) ?? '')) return;
    if (method && !this.routers.has(router) && !this.isTypedRouterCall(call, router) && this.isClientCall(call, router)) return;
    // On a router made by a call: a client's request unless collect.ts finds that call makes a router.
    if (method && this.out.routerMakers?.[router] !== undefined && this.isClientCall(call, router)) return this.readClientLikeCall(call, router, method, name, callee.name);
    if (method) return this.guardedByMember(call, () => this.readMethodCall(call, router, method, name, callee.name));
    if (name === 'register' && this.readKoaRegister(call, router)) return;
    if (name === 'mount') return this.readHonoMount(call, router, callee.name);
    // Hono: app.route('/book', book) mounts a sub-app. A function written there is no sub-app (choo's and
    // Ember's client routes, `app.route('/login', (state, emit) => ...)`; Express's route(path) ignores it): nothing.
    if (name === 'route' && call.arguments.length >= 2) return isFunctionLike(skipOuter(call.arguments[1] as ts.Expression)) ? undefined : this.readMount(call, router, 'use', true);
    if (name === 'route') return this.readRouteCall(call, router);
    if (name === 'on') return this.readHonoOn(call, router);
    if (name === 'openapi') return this.readOpenApiRoute(call, router);
    if (name in OPENAPI_CALLS) return this.readOpenApiDoc(call, router);
    if (name === 'use' && buildsProcedure(call)) return;
    if (name === 'use' && this.readFeathersService(call, router)) return;
    return this.readMount(call, router, name);
  }

  /** A request-like call on a receiver another function made: its routes marked client-like (kept only if that function makes a router), its unknown path deferred. */
  private readClientLikeCall(call: ts.CallExpression, router: string, method: HttpMethod, name: string, nameNode: ts.Node): void {
    const before = this.out.routes.length;
    this.clientLikeCalls.add(call);
    this.readRouterCall(call, router, method, name, nameNode);
    for (const r of this.out.routes.slice(before)) r.clientLike = true;
  }

  /** A route call, and the router it may be handed as its handler (mounts.ts readHandlerRouter). */
  private readMethodCall(call: ts.CallExpression, router: string, method: HttpMethod, name: string, at: ts.Node): void {
    this.readRouterCall(call, router, method, name, at);
    this.readHandlerRouter(call, router);
  }

  /** app-module-path's `addPath(__dirname)`: a folder bare module names resolve below (modulePaths.ts). True when read. */
  private readModulePath(call: ts.CallExpression): boolean {
    const modulePath = addedModulePath(call, this.out.imports, (x) => literalOf(this.evaluate(x)));
    if (modulePath !== undefined) (this.out.modulePaths ??= []).push(modulePath);
    return modulePath !== undefined;
  }

  /** `x.listen(5003)`, `x.listen({ port: PORT, host })`, `x.listen(Number(port), cb)`: that the file listens, and the port, when known here. */
  private readListen(call: ts.CallExpression): void {
    const callee = skipOuter(call.expression);
    const arg = call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
    if (!isPropertyAccessExpression(callee) || callee.name.text !== 'listen') return;
    this.out.listens = true;
    if (!arg) return;
    const portExpr = isObjectLiteralExpression(arg) ? this.prop(arg, 'port') : arg;
    const port = portExpr ? this.portValue(portExpr, 0) : undefined;
    if (port !== undefined && !(this.out.listenPorts ??= []).includes(port)) this.out.listenPorts.push(port);
  }

  /** A port number: a literal, `Number(x)` / `parseInt(x)` / `+x`, `env.PORT || 3000` (its fallback), or a constant of the file holding one. */
  private portValue(e: ts.Expression, depth: number): number | undefined {
    const x = skipOuter(e);
    if (depth > 4) return undefined;
    if (isNumericLiteral(x) || isStringLiteral(x)) {
      const n = Number(x.text);
      return Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined;
    }
    if (isCallExpression(x) && isIdentifier(x.expression) && /^(?:Number|parseInt)$/.test(x.expression.text) && x.arguments[0]) return this.portValue(x.arguments[0], depth + 1);
    if (isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.PlusToken) return this.portValue(x.operand, depth + 1);
    if (isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.BarBarToken || x.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return this.portValue(x.right, depth + 1);
    if (!isIdentifier(x)) return undefined;
    const decl = this.decls.get(x.text);
    return decl && !this.paramNames.has(x.text) && isExpressionNode(decl) ? this.portValue(decl, depth + 1) : undefined;
  }
}


/** The links of a tRPC procedure's chain after its middlewares (`t.procedure.use(auth).input(z).query(h)`). */
const PROCEDURE_LINKS = new Set(['input', 'output', 'meta', 'query', 'mutation', 'subscription']);

/** `authProcedure.use(isAdmin).meta(...).query(h)`: a tRPC procedure's middleware, not a mount. */
function buildsProcedure(call: ts.CallExpression): boolean {
  for (let node: ts.Node = call; isPropertyAccessExpression(node.parent) && isCallExpression(node.parent.parent); node = node.parent.parent)
    if (PROCEDURE_LINKS.has(node.parent.name.text)) return true;
  return false;
}
function isExpressionNode(n: ts.Node): n is ts.Expression {
  return isNumericLiteral(n) || isStringLiteral(n) || isCallExpression(n) || isBinaryExpression(n) || isPrefixUnaryExpression(n) || isIdentifier(n) || isParenthesizedExpression(n) || isAsExpression(n);
}

/**
 * `true`, `false`, a flag of the file (`flags`), or `!` of these: the branch an `if` always takes.
 * Undefined for anything else (an environment variable, a config value, a `let`).
 */
function constantCondition(e: ts.Expression, flags: ReadonlyMap<string, boolean>): boolean | undefined {
  const x = skipOuter(e);
  if (x.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (x.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) {
    const v = constantCondition(x.operand, flags);
    return v === undefined ? undefined : !v;
  }
  return isIdentifier(x) ? flags.get(x.text) : undefined;
}

/**
 * The file's feature flags: `const`s of its top level initialised with `true` or `false`
 * (`export const ENABLE_X = false`), whose names nothing else in the file declares (a parameter
 * or a local of the same name would be another value).
 */
function constantFlags(sf: ts.SourceFile): Map<string, boolean> {
  const flags = new Map<string, boolean>();
  for (const st of sf.statements) {
    if (!isVariableStatement(st) || (st.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const d of st.declarationList.declarations) {
      const kind = d.initializer ? skipOuter(d.initializer).kind : undefined;
      if (isIdentifier(d.name) && (kind === ts.SyntaxKind.TrueKeyword || kind === ts.SyntaxKind.FalseKeyword)) flags.set(d.name.text, kind === ts.SyntaxKind.TrueKeyword);
    }
  }
  if (flags.size === 0) return flags;
  const declared = new Map<string, number>();
  const walk = (n: ts.Node): void => {
    if ((isVariableDeclaration(n) || isParameter(n) || isBindingElement(n) || isFunctionDeclaration(n)) && n.name && isIdentifier(n.name)) declared.set(n.name.text, (declared.get(n.name.text) ?? 0) + 1);
    forEachChild(n, walk);
  };
  walk(sf);
  for (const name of [...flags.keys()]) if ((declared.get(name) ?? 0) > 1) flags.delete(name);
  return flags;
}

/** `router.route('/x')` or a `.get()`/`.post()` link after it. */
function isRouteChainLink(e: ts.Expression): boolean {
  let cur = skipOuter(e);
  while (isCallExpression(cur) && isPropertyAccessExpression(cur.expression)) {
    const name = cur.expression.name.text;
    if (name === 'route') return cur.arguments.length === 1;
    if (!(name in ROUTER_METHODS)) return false;
    cur = skipOuter(cur.expression.expression);
  }
  return false;
}
