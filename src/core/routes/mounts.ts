// Mounts: `app.use(prefix, router)`, fastify's `register(plugin, { prefix })` and autoload,
// Hono's `route`, class routers mounted by their methods; what is mounted (a router, a module, a
// plugin body read under its own router, an endpoint package such as GraphQL, tRPC or a proxy) and
// under which prefix.
import ts from './compiler';
import { forEachChild, isArrayLiteralExpression, isArrowFunction, isAwaitExpression, isBinaryExpression, isBlock, isCallExpression, isClassDeclaration, isConditionalExpression, isExpression, isExpressionStatement, isFunctionDeclaration, isFunctionExpression, isFunctionLike, isIdentifier, isIfStatement, isMethodDeclaration, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isRegularExpressionLiteral, isReturnStatement, isSpreadElement, isStringLiteralLike, isTemplateExpression, isTypeReferenceNode, isVariableDeclaration, isVariableStatement } from './tsNodes';
import { UNKNOWN_PREFIX, joinRoutePath } from './joinPath';
import { CONTRACT_PREFIX, EACH, SERVED_CONTRACT, argRef, soleRef, literalOf, literalsOf, readsArgs, readsEnv, str, type ConstValue } from './values';
import { regexPrefixes } from './regexPrefixes';
import { forwardedTo } from './forwardingMiddleware';
import { isGuardMiddleware } from './guardMiddleware';
import type { Scope } from './readerBase';
import { CLASS_ROUTER, ENDPOINT_METHODS, endpointPath, type Endpoint, type ExtractedMount } from './extracted';
import { isFunctionWithBody, returnedExpressions, skipOuter, thisMember } from './tsSyntax';
import { isRouteObject, mappedRouteTable } from './routerCalls';
import { envVariableRead } from './envReads';
import { CONVENTIONAL_RECEIVER, CHAIN_KEEPS_ROUTER, subclassRouter, thisAssigned, chainRoot, dirnameJoin, returnedExpression, enclosingFunction } from './routeSyntax';
import type { HttpMethod } from '../model';
import { ROUTER_METHODS } from './routeSpec';
import { declaresMethodRouter, instanceClass } from './methodRouters';
import { requireSource, isModuleLoad, dynamicImportSource } from './moduleLoads';
import { RouteHelperReader } from './routeHelpers';
import { tsRestEndpoints, tsRestPluginRouter } from './tsRestContracts';
import { containerInstance } from './instanceClasses';

/**
 * A module of the project by its specifier alone: relative, or through a path alias no package can
 * be named (`@/routes`, `~/routes`, Node's `#routes` subpath imports).
 */
const PROJECT_SOURCE = /^(?:\.|[@~]\/|#)/;

/** A function whose name says it returns a path: `apiPrefix()`, `getBasePath()`, `config.baseUrl()`. */
const PREFIX_NAME = /prefix|path|baseurl|(?:base|url|root)$/i;

/**
 * Packages whose handler or plugin serves one GraphQL endpoint, a tree of tRPC procedures, proxies
 * every request under its path, answers paths of its own below it (Auth.js's sign-in and
 * callback pages, the REST paths trpc-to-openapi makes of the procedures' meta), or answers at its
 * mount path itself.
 */
const ENDPOINT_PACKAGES: ReadonlyArray<readonly [RegExp, Endpoint]> = [
  // tRPC's adapters make the handler; the package's root makes procedures and middleware (`t.middleware(...)`), mounted on nothing.
  [/^(?:@trpc\/server\/adapters(?:\/.*)?|@hono\/trpc-server)$/, 'trpc'],
  [/^(?:@apollo\/server(?:\/.*)?|apollo-server-(?:express|koa|fastify|hapi|lambda)|@as-integrations\/.+|express-graphql|graphql-http(?:\/.*)?|graphql-yoga|@graphql-yoga\/.+|mercurius|koa-graphql|@hono\/graphql-server)$/, 'graphql'],
  [/^(?:http-proxy-middleware|express-http-proxy)$/, 'proxy'],
  [/^@auth\/express$/, 'subtree'],
  [/^(?:trpc-to-openapi|trpc-openapi)$/, 'openapi'],
  // Inngest's framework adapters (`serve` of inngest/express, inngest/koa...): a handler answering
  // at its mount path itself (its landing page, function calls, registration). https://www.inngest.com/docs/reference/serve
  [/^inngest\/[\w-]+$/, 'handler'],
];

/**
 * hapi `server.register({ plugin: multistepForm, options: { routes: [{ method, path, ...controller }] } })`:
 * a table of route options handed to a plugin in its options' `routes`, which the plugin routes
 * (`server.route(options.routes)`), read as routes of the server registering it; literal tables
 * only, mapped through a wrapper or not (routerCalls.ts mappedRouteTable), of registrations with no
 * prefix of their own.
 */
function optionRouteTables(plugin: ts.Expression): ts.Expression[] {
  const p = skipOuter(plugin);
  if (isArrayLiteralExpression(p)) return p.elements.flatMap((el) => optionRouteTables(el));
  if (!isObjectLiteralExpression(p)) return [];
  const named = (o: ts.ObjectLiteralExpression, name: string) => o.properties.find((x): x is ts.PropertyAssignment => isPropertyAssignment(x) && x.name.getText() === name)?.initializer;
  const options = named(p, 'options');
  const opts = options && skipOuter(options);
  const routes = opts && isObjectLiteralExpression(opts) && named(p, 'plugin') !== undefined && named(p, 'routes') === undefined ? named(opts, 'routes') : undefined;
  const table = routes && skipOuter(routes);
  if (!table) return [];
  const literal = isArrayLiteralExpression(table) ? table : mappedRouteTable(table);
  return literal !== undefined && literal !== 'changed' && literal.elements.length > 0 && literal.elements.every((el) => isRouteObject(skipOuter(el as ts.Expression))) ? [table] : [];
}

/** @fastify/under-pressure (fastify-under-pressure and under-pressure before it). */
const UNDER_PRESSURE = /^(?:@fastify\/under-pressure|fastify-under-pressure|under-pressure)$/;

/** A function a plugin may be: its first parameter is the instance its routes are declared on. */
type PluginFunction = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

export abstract class MountReader extends RouteHelperReader {
  /** Functions of this file registered as plugins by name (findLocalPlugins): read at their register call. */
  protected localPlugins: Set<ts.Node> | undefined;

  /**
   * What a mounted handler or registered plugin serves when it comes from a GraphQL or tRPC
   * package (by its import, or the import behind the variable holding it): one endpoint whose
   * operations or procedures are not HTTP routes of their own.
   */
  protected endpointServed(arg: ts.Expression): Endpoint | undefined {
    let e: ts.Expression = skipOuter(arg);
    while (isCallExpression(e) || isPropertyAccessExpression(e)) e = skipOuter(e.expression);
    if (!isIdentifier(e)) return undefined;
    const source = this.clientSourceOf(e.text);
    return source === undefined ? undefined : ENDPOINT_PACKAGES.find(([re]) => re.test(source))?.[1];
  }

  /** The routes of a package's handler mounted at `at` (ENDPOINT_METHODS, endpointPath). */
  protected addEndpoint(served: Endpoint, router: string, at: ConstValue, node: ts.Node): void {
    const paths = mapLiterals(at, (p) => endpointPath(served, p));
    const before = this.out.routes.length;
    for (const method of ENDPOINT_METHODS[served]) this.addRoute(router, method, paths, node);
    if (served === 'openapi') for (const r of this.out.routes.slice(before)) r.openApiMount = true;
  }

  /** `fastify.register(fastifyTRPCPlugin, { prefix: '/trpc' })`, `register(mercurius, { schema, path? })`. */
  private readRegisteredEndpoint(served: Endpoint, plugin: ts.Expression, options: ts.Expression | undefined, mountedOn: string): void {
    const opts = options && isObjectLiteralExpression(options) ? options : undefined;
    const prefix = opts && this.prop(opts, 'prefix') ? this.evaluate(this.prop(opts, 'prefix')) : str('');
    // The GraphQL path: the options' `path`, or that of the integration call (`fastifyApollo(apollo, { path })`).
    const call = skipOuter(plugin);
    const callOpts = isCallExpression(call) ? call.arguments.map(skipOuter).find(isObjectLiteralExpression) : undefined;
    const pathNode = (opts && this.prop(opts, 'path')) ?? (callOpts && this.prop(callOpts, 'path'));
    const path = served === 'graphql' ? (pathNode ? this.evaluate(pathNode) : str('/graphql')) : str('');
    if (!prefix || !path) return this.warn(plugin, { id: 'endpointPath', args: [served === 'trpc' ? 'tRPC' : 'GraphQL'] });
    this.addEndpoint(served, mountedOn, prefix.kind === 'str' && path.kind === 'str' ? str(...prefix.parts, '/', ...path.parts) : prefix, plugin);
  }

  /**
   * @fastify/under-pressure's status route, `register(underPressure, { exposeStatusRoute })`: GET at
   * its url, `/status` for `true` or options without one (`{ url: '/health', routeOpts }`); none
   * when not exposed. True when the plugin is that package's (nothing else of it is a route).
   */
  private readStatusRoute(plugin: ts.Expression, options: ts.Expression | undefined, mountedOn: string): boolean {
    const e = skipOuter(plugin);
    const source = isIdentifier(e) ? this.clientSourceOf(e.text) : undefined;
    if (source === undefined || !UNDER_PRESSURE.test(source)) return false;
    const exposed = options && isObjectLiteralExpression(options) ? this.prop(options, 'exposeStatusRoute') : undefined;
    const x = exposed && skipOuter(exposed);
    if (!x || x.kind === ts.SyntaxKind.FalseKeyword) return true;
    const urlNode = isObjectLiteralExpression(x) ? this.prop(x, 'url') : x.kind === ts.SyntaxKind.TrueKeyword ? undefined : x;
    const url = urlNode ? this.evaluate(urlNode) : str('/status');
    if (!url || url.kind !== 'str') this.warn(plugin, { id: 'endpointPath', args: ['under-pressure status'] });
    else this.addRoute(mountedOn, 'GET', url, plugin);
    return true;
  }

  /**
   * A ts-rest server router served on `mountedOn` (tsRestContracts.ts), under the register's
   * `prefix`: a route whose options, the contract, collect.ts reads where the contract is declared.
   */
  protected readTsRestServed(router: ts.Expression, prefixNode: ts.Expression | undefined, mountedOn: string, call: ts.CallExpression): void {
    const contract = this.evaluate(router);
    if (!contract) return;
    // The register's prefix, read in collect.ts as a contract's pathPrefix; one not known statically is the mount's warning.
    const prefix = prefixNode ? this.evaluate(prefixNode) : str('');
    if (!prefix) return;
    const optionsValue: ConstValue = { kind: 'obj', props: { [SERVED_CONTRACT]: contract, [CONTRACT_PREFIX]: prefix } };
    this.out.routes.push({ method: 'ALL', optionsValue, path: joinRoutePath(this.routers.get(mountedOn) ?? ''), line: this.line(call), kind: 'router', router: mountedOn });
    this.out.tsRestServed = true;
  }

  /** fastify `s.registerRouter(contract, impl, app)`, express `createExpressEndpoints(contract, impl, app)`: the contract's routes on that app. */
  protected readTsRestEndpoints(call: ts.CallExpression): boolean {
    const found = tsRestEndpoints(call, (local) => this.out.imports.find((i) => i.local === local)?.source);
    const app = found && this.receiverOf(found.app);
    if (!found || !app || !this.isReceiver(app)) return false;
    this.readTsRestServed(found.contract, undefined, app, call);
    return true;
  }

  /** Apollo Server 2/3 `server.applyMiddleware({ app, path = '/graphql' })`: GraphQL on that app. */
  protected readApplyMiddleware(call: ts.CallExpression): void {
    const opts = call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
    const app = opts && isObjectLiteralExpression(opts) ? this.prop(opts, 'app') : undefined;
    const router = app ? this.receiverOf(app) : undefined;
    if (!opts || !isObjectLiteralExpression(opts) || !router) return;
    const pathNode = this.prop(opts, 'path');
    const path = pathNode ? this.evaluate(pathNode) : str('/graphql');
    if (!path) return this.warn(call, { id: 'applyMiddlewarePath', args: [] });
    this.addEndpoint('graphql', router, path, call);
  }

  /** `app.use('/p', mw, router)`, koa `router.use('/u', users.routes())`, `app.use(mount('/p', x))`, fastify `register(plugin, { prefix })`, Hono `app.route('/p', sub)`. */
  /** `pathFirst`: the first of two arguments is the path whatever its name (Hono `app.route(membersPath, sub)`). */
  protected readMount(call: ts.CallExpression, mountedOn: string, kind: string, pathFirst = false): void {
    const args = [...call.arguments];
    const line = this.line(call);
    if (kind === 'register') {
      const plugin = args[0];
      const options = args[1] ? skipOuter(args[1]) : undefined;
      if (plugin && options && isObjectLiteralExpression(options) && this.isAutoload(plugin)) return this.readAutoload(options, mountedOn, line);
      const served = plugin ? this.endpointServed(plugin) : undefined;
      if (plugin && served) return this.readRegisteredEndpoint(served, plugin, options, mountedOn);
      if (plugin && this.readStatusRoute(plugin, options, mountedOn)) return;
      const prefixNode = options && isObjectLiteralExpression(options) ? (this.prop(options, 'prefix') ?? this.hapiPrefixNode(options)) : undefined;
      const tsRest = plugin && tsRestPluginRouter(plugin);
      if (tsRest) this.readTsRestServed(tsRest, prefixNode, mountedOn, call);
      if (!plugin) return;
      const prefix = prefixNode ? (this.evaluate(prefixNode) ?? this.unknownPrefix(prefixNode, call)) : str('');
      for (const [target, at] of this.hapiPlugins(plugin, prefix, call)) this.mountTarget(target, at, mountedOn, line);
      for (const table of prefix.kind === 'str' && literalOf(prefix) === '' ? optionRouteTables(plugin) : []) this.readRouteCall(call, mountedOn, table);
      return;
    }
    if (this.inUnknownLoop(call, mountedOn, kind)) return;
    // `app.use(process.env.BASE_PATH, router)`, `app.use(apiPrefix(), router)`: a prefix, not known.
    // A handler answering there (`app.use(apiRoot(), (req, res) => ...)`) is no router: left as before.
    const last = args[args.length - 1] as ts.Expression | undefined;
    // At a regular expression, a package's middleware made by a call (`express.json()`) is no router to show.
    const regexMiddleware = !!args[0] && isRegularExpressionLiteral(skipOuter(args[0])) && !!last && isCallExpression(skipOuter(last)) && !isModuleLoad(skipOuter(last));
    const unknown =
      args[0] && last && args.length >= 2 && !regexMiddleware && readsAsPrefix(args[0], this.sf, (id) => this.decls.get(id.text)) && !this.isRouterLike(args[0]) && !this.isRequestHandler(last);
    // `app.use(/(\/api)?/, apiRouter)`: a regular expression matching a few literal prefixes mounts at each of them.
    const regex = args[0] && !regexMiddleware && isRegularExpressionLiteral(skipOuter(args[0])) ? regexPrefixes(skipOuter(args[0]).getText(this.sf)) : undefined;
    const first = regex
      ? ({ kind: 'arr', items: regex.map((p) => str(p)) } satisfies ConstValue)
      : args[0]
        ? (this.evaluate(args[0]) ?? this.paramPrefix(args[0], call, mountedOn) ?? (unknown ? this.unknownPrefix(args[0], call) : undefined))
        : undefined;
    const firstText = literalOf(first);
    // A lone argument is what is mounted (`api.use(users)`), never a prefix; a prefix is a
    // string: a literal, or a constant built from one.
    // A setting read (`config.get('server.apiPath')`, node-config's `config.server.apiPath`) is a prefix too, its text found with the settings' defaults or not known.
    const hasPrefix =
      args.length >= 2 &&
      first !== undefined &&
      (first.kind === 'config'
        ? (unknown || (!!args[0] && isPropertyAccessExpression(skipOuter(args[0])))) && this.readsNodeConfig(args[0])
        : first.kind === 'str' && (firstText === undefined ? pathFirst || first.parts.some((p) => typeof p === 'string') || !this.isRouterLike(args[0]) : firstText.startsWith('/') || firstText === ''));
    if (first && firstText !== undefined && !hasPrefix) return; // app.use('x') is not a mount
    const prefix = hasPrefix && first ? first : str('');
    // Express `app.use('/mcp', (req, res) => ...)` or `app.use(['/a', '/b'], handler)`: a
    // handler answering every method under the path(s).
    const paths = hasPrefix ? first : first?.kind === 'arr' && literalsOf(first)?.every((p) => p.startsWith('/')) ? first : undefined;
    // `app.use('/x', (req, res, next) => router(req, res, next))`: a middleware handing the request on to a router mounts it.
    const forwarded = kind === 'use' ? args.map((a) => this.forwardedRouter(a) ?? a) : args;
    // `app.use(['/a', '/b'], router)`: mounted at each path.
    const prefixes = hasPrefix ? [prefix] : paths?.kind === 'arr' ? paths.items : [prefix];
    if (kind === 'use' && paths && args.length >= 2 && forwarded[forwarded.length - 1] === args[args.length - 1]) {
      const last = args[args.length - 1] as ts.Expression;
      // `app.use('/graphql', cors(), expressMiddleware(server))`, `app.use('/trpc', createExpressMiddleware({ router }))`
      const served = this.endpointServed(last);
      if (served) return this.addEndpoint(served, mountedOn, paths, last);
      // `app.use('/status', auth, method('GET', handler))`: a handler answering one method only.
      const only = this.methodFiltered(last);
      // `app.use('/api', apiRouter, (req, res) => res.status(404).end())`: the routers before the handler are mounted there too.
      const answering = only ?? (this.isRequestHandler(last) ? 'ALL' : undefined);
      if (answering) {
        this.mountAll(forwarded.slice(1, -1), prefixes, mountedOn, line, true);
        return this.addRoute(mountedOn, answering, paths, last);
      }
    }
    // `app.use(process.env.API_BASE, router)`: the variable, for the environment a service runs with to fill.
    const prefixEnv = hasPrefix && unknown && args[0] && literalOf(prefix) === `/${UNKNOWN_PREFIX}` ? envVariableRead(args[0], this.sf) : undefined;
    this.mountAll(paths !== undefined ? forwarded.slice(1) : forwarded, prefixes, mountedOn, line, kind === 'use' && paths !== undefined, prefixEnv);
  }

  /** A mount in a loop over values not known statically: warned of (unless it serves files only); true then. */
  private inUnknownLoop(call: ts.CallExpression, mountedOn: string, kind: string): boolean {
    const looped = this.unknownLoopVariable(call);
    if (looped === undefined) return false;
    // `langs.forEach((lang) => app.use(`/js/${lang}.js`, express.static(dir)))`: files served, no routes to miss.
    const args = call.arguments;
    if (args.length >= 2 && args.slice(1).every((a) => this.servesFilesOnly(a))) return true;
    // On a value some call made (`const md = markdownit(); plugins.forEach((p) => md.use(p))`): of a router only if collect.ts finds one made.
    this.warn(call, { id: 'loopMount', args: [mountedOn, kind, looped] }, this.out.routerMakers?.[mountedOn] !== undefined ? mountedOn : undefined);
    return true;
  }

  /** `express.static(dir)`, `serveStatic(dir)` (serve-static): a package's middleware serving files, no routes. */
  private servesFilesOnly(arg: ts.Expression): boolean {
    const e = skipOuter(arg);
    if (!isCallExpression(e)) return false;
    const callee = skipOuter(e.expression);
    if (isIdentifier(callee)) return this.clientSourceOf(callee.text) === 'serve-static';
    const receiver = isPropertyAccessExpression(callee) && callee.name.text === 'static' ? skipOuter(callee.expression) : undefined;
    return !!receiver && isIdentifier(receiver) && this.clientSourceOf(receiver.text) === 'express';
  }

  /**
   * Each of `targets` mounted at each prefix; `atPath`: another file's function that answers the request itself answers there (collect.ts addEndpointRoutes);
   * `prefixEnv`: the environment variable the prefix is read from whole, for the environment a service runs with to fill.
   */
  private mountAll(targets: ts.Expression[], prefixes: ConstValue[], mountedOn: string, line: number, atPath: boolean, prefixEnv?: string): void {
    const before = this.out.mounts.length;
    for (const p of prefixes)
      for (const a of targets) {
        const made = this.out.mounts.length;
        this.mountTarget(a, p, mountedOn, line);
        if (this.out.mounts.length === made) this.warnHandedInstanceMount(a, p);
      }
    if (atPath) for (const m of this.out.mounts.slice(before)) m.atPath = true;
    if (prefixEnv !== undefined) for (const m of this.out.mounts.slice(before)) m.prefixEnv = prefixEnv;
  }

  /** `config.get('server.apiPath')` of node-config (the `config` package): its values are in the config folder's files and the environment, not in the code. */
  private readsNodeConfig(e: ts.Expression | undefined): boolean {
    const call = e ? skipOuter(e) : undefined;
    let receiver = call && isCallExpression(call) && isPropertyAccessExpression(call.expression) ? skipOuter(call.expression.expression) : undefined;
    // `config.app.basePath`: node-config's object read by its properties.
    for (let cur = call; !receiver && cur && isPropertyAccessExpression(cur); cur = skipOuter(cur.expression)) if (isIdentifier(skipOuter(cur.expression))) receiver = skipOuter(cur.expression);
    return !!receiver && isIdentifier(receiver) && this.clientSourceOf(receiver.text) === 'config';
  }

  /**
   * `app.use(`${urlPrefix}/apiv1`, r)` in `module.exports = function (app, urlPrefix) {...}`: a prefix
   * built from parameters of the function the router is handed to, each a reference to its position
   * (values.ts ARG), filled by collect.ts with the arguments of each call handing the router on
   * (readRouterPassed's mount args). Undefined when the prefix reads no such parameter.
   */
  private paramPrefix(e: ts.Expression, call: ts.CallExpression, mountedOn: string): ConstValue | undefined {
    const fn = enclosingFunction(call);
    if (!fn || !fn.parameters.some((p) => isIdentifier(p.name) && p.name.text === mountedOn)) return undefined;
    const scope: Scope = new Map();
    fn.parameters.forEach((p, i) => {
      if (isIdentifier(p.name) && p.name.text !== mountedOn && !p.dotDotDotToken) scope.set(p.name.text, argRef(i));
    });
    let v: ConstValue | undefined;
    this.withScope(scope, () => (v = this.evaluate(e)));
    return v && readsArgs(v) ? v : undefined;
  }

  /** hapi's `{ routes: { prefix: '/api' } }` registration options: the prefix. */
  private hapiPrefixNode(options: ts.ObjectLiteralExpression): ts.Expression | undefined {
    const routes = this.prop(options, 'routes');
    const inner = routes && skipOuter(routes);
    return inner && isObjectLiteralExpression(inner) ? this.prop(inner, 'prefix') : undefined;
  }

  /**
   * What `register` is given, each with its prefix: the plugin itself, or hapi's registration objects
   * `{ plugin, routes: { prefix } }` (a prefix of their own joined after the call's) and lists of
   * them and of plugins.
   */
  private hapiPlugins(plugin: ts.Expression, prefix: ConstValue, call: ts.CallExpression): Array<[ts.Expression, ConstValue]> {
    const p = skipOuter(plugin);
    if (isArrayLiteralExpression(p)) return p.elements.flatMap((el) => this.hapiPlugins(el, prefix, call));
    const inner = isObjectLiteralExpression(p) ? this.prop(p, 'plugin') : undefined;
    if (!inner || !isObjectLiteralExpression(p)) return [[plugin, prefix]];
    const own = this.hapiPrefixNode(p);
    const value = own ? (this.evaluate(own) ?? this.unknownPrefix(own, call)) : undefined;
    return [[inner, value && prefix.kind === 'str' && value.kind === 'str' ? str(...prefix.parts, '/', ...value.parts) : (value ?? prefix)]];
  }

  /**
   * A function that answers the request itself, `(req, res) => ...` or `(req, res, next)` that
   * calls `next` only on some paths, not middleware that hands every request on: `next` passed to
   * another call or called at the top of its body, a Koa/Hono `(ctx, next)`, an error handler.
   */
  private isRequestHandler(arg: ts.Expression): boolean {
    let fn: ts.Node | undefined = skipOuter(arg);
    if (isIdentifier(fn)) fn = this.decls.get(fn.text);
    if (!fn || !(isArrowFunction(fn) || isFunctionExpression(fn) || isFunctionDeclaration(fn)) || !fn.body || typedErrorHandler(fn)) return false;
    const names = fn.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : ''));
    if (names.length < 2 || names.length > 3 || /^next$/i.test(names[1] ?? '')) return false;
    const next = names[2];
    if (!next) return true;
    // `(req, res, next) => { if (ok) next(); else res.status(401).send() }`: a guard, the routes after it answer.
    if (isGuardMiddleware(fn)) return false;
    const callsNext = (e: ts.Node): boolean => {
      const c = isAwaitExpression(e) || isReturnStatement(e) || isExpressionStatement(e) ? (e as { expression?: ts.Node }).expression : e;
      // `next(new NotFoundError())`: the request ends there, answered by the error handler (a 404 fallback), not handed on.
      return !!c && isCallExpression(c) && isIdentifier(c.expression) && c.expression.text === next && !(c.arguments.length === 1 && isNewExpression(skipOuter(c.arguments[0] as ts.Expression)));
    };
    if (!isBlock(fn.body)) return !callsNext(fn.body) && !passesOn(fn.body, next);
    return !fn.body.statements.some((st) => callsNext(st) || (isExpressionStatement(st) && callsNext(skipOuter(st.expression)))) && !passesOn(fn.body, next);
  }

  /**
   * `method('GET', handler)` of a function of this file that returns a handler answering requests of
   * the method a parameter names and handing the others on (`(m, mw) => (req, res, next) =>
   * req.method === m ? mw(req, res, next) : next()`): the method the call gives; else undefined.
   */
  private methodFiltered(arg: ts.Expression): HttpMethod | undefined {
    const call = skipOuter(arg);
    if (!isCallExpression(call) || !isIdentifier(call.expression)) return undefined;
    const decl = this.decls.get(call.expression.text);
    const index = decl && isFunctionWithBody(decl) ? methodParam(decl) : undefined;
    const given = index !== undefined ? literalOf(this.evaluate(call.arguments[index])) : undefined;
    return given !== undefined ? ROUTER_METHODS[given.toLowerCase()] : undefined;
  }

  /**
   * A loop's variable bound to a module load (loops.ts mappedElements: `plugins.map((p) => require(p))`);
   * in a helper's body read at a call (routeHelpers.ts expandRouteHelper), what the call hands in for
   * the parameter mounted (`useWith404Fallback('/x', xRouter)`); else the name itself.
   */
  /**
   * The plugin `fp(plugin)` of fastify-plugin wraps (`require('fastify-plugin')(plugin)` too): it is
   * not encapsulated; `fp(plugin, { encapsulate: true })` keeps it encapsulated (only its metadata
   * added), so none then.
   */
  protected fastifyPluginWrapped(e: ts.Expression): ts.Expression | undefined {
    const call = this.fastifyPluginCall(e);
    return call && !call.encapsulated ? call.plugin : undefined;
  }

  /**
   * `register(fp(plugin), { prefix })` of fastify-plugin: the plugin registers on its parent
   * (skip-override), its routes under the parent's prefix, the register call's prefix ignored;
   * `fp(plugin, { encapsulate: true })` stays encapsulated, so the prefix applies. True when `a` is one.
   */
  private mountFastifyPlugin(a: ts.Expression, prefix: ConstValue, mountedOn: string, line: number, depth: number): boolean {
    const wrapped = this.fastifyPluginCall(a);
    if (wrapped) this.mountTarget(wrapped.plugin, wrapped.encapsulated ? prefix : str(''), mountedOn, line, depth);
    return wrapped !== undefined;
  }

  /** A call of fastify-plugin's `fp(plugin, options?)`: the plugin, and whether `encapsulate: true` keeps it encapsulated. */
  private fastifyPluginCall(e: ts.Expression): { plugin: ts.Expression; encapsulated: boolean } | undefined {
    const call = skipOuter(e);
    if (!isCallExpression(call) || !call.arguments[0]) return undefined;
    const callee = skipOuter(call.expression);
    const source = isIdentifier(callee) ? this.out.imports.find((i) => i.local === callee.text)?.source : requireSource(callee);
    if (source !== 'fastify-plugin') return undefined;
    const options = call.arguments[1] ? skipOuter(call.arguments[1]) : undefined;
    const encapsulate = options && isObjectLiteralExpression(options) ? this.prop(options, 'encapsulate') : undefined;
    return { plugin: call.arguments[0], encapsulated: encapsulate !== undefined && skipOuter(encapsulate).kind === ts.SyntaxKind.TrueKeyword };
  }

  /**
   * `const router = c.buildRoutes()` in the body of a loop over a literal list of instances
   * (`for (const c of [new Plants(), new Seeds()])`, loops.ts binds `c` to each): the call, read
   * for the element bound now (mountInstanceMethod), not the one name the file declares for all.
   */
  private loopInstanceCall(a: ts.Expression): ts.Expression {
    const init = isIdentifier(a) ? this.decls.get(a.text) : undefined;
    const call = init && isExpression(init) ? skipOuter(init) : undefined;
    if (!call || !isCallExpression(call) || call.arguments.length > 0 || !isPropertyAccessExpression(call.expression)) return a;
    const receiver = skipOuter(call.expression.expression);
    const bound = isIdentifier(receiver) && this.scopes.some((sc) => sc.has(receiver.text)) ? this.heldNode(receiver.text) : undefined;
    return bound && isNewExpression(bound) ? call : a;
  }

  private boundTarget(a: ts.Expression, depth: number): ts.Expression {
    if (!isIdentifier(a)) return a;
    const bound = this.scopes.some((sc) => sc.has(a.text)) ? this.lookup(a.text) : undefined;
    if (bound && 'pos' in bound && isModuleLoad(bound)) return bound as ts.Expression;
    const passed = depth === 0 ? this.expanding.at(-1)?.passed?.get(a.text) : undefined;
    return passed ? skipOuter(passed) : (thenResolved(a) ?? a);
  }

  protected mountTarget(arg: ts.Expression, prefix: ConstValue, mountedOn: string, line: number, depth = 0): void {
    let a = this.loopInstanceCall(this.boundTarget(skipOuter(arg), depth));
    if (this.mountFastifyPlugin(a, prefix, mountedOn, line, depth)) return;
    // Express flattens arrays of handlers: `app.use('/api', [auth, router])`.
    if (isArrayLiteralExpression(a)) return a.elements.forEach((el) => this.mountTarget(el, prefix, mountedOn, line, depth + 1));
    // const api = compose([...]) / mount('/x', sub): follow the variable to what it holds.
    const held = isIdentifier(a) && depth < 4 ? this.decls.get(a.text) : undefined;
    if (held && isCallExpression(held) && isIdentifier(held.expression) && /^(?:compose|koaCompose|mount|koaMount|Mount)$/.test(held.expression.text))
      return this.mountTarget(held, prefix, mountedOn, line, depth + 1);
    // koa-mount: mount('/p', app)
    if (isCallExpression(a) && isIdentifier(a.expression) && /^(?:mount|koaMount|Mount)$/.test(a.expression.text) && a.arguments.length >= 2) {
      const inner = this.evaluate(a.arguments[0]);
      if (inner?.kind === 'str' && prefix.kind === 'str') return this.mountTarget(a.arguments[1] as ts.Expression, str(...prefix.parts, '/', ...inner.parts), mountedOn, line);
    }
    // koa-compose: compose([a.routes(), b.routes()])
    if (isCallExpression(a) && isIdentifier(a.expression) && /^(?:compose|koaCompose)$/.test(a.expression.text) && a.arguments[0]) {
      const list = skipOuter(a.arguments[0]);
      if (isArrayLiteralExpression(list)) for (const el of list.elements) this.mountTarget(el, prefix, mountedOn, line);
      return;
    }
    const router = this.middlewareRouter(a, prefix, mountedOn, line, depth); // x.routes(), x.middleware(), x.router
    if (router === undefined) return;
    a = router;
    if (this.mountLoopElement(a, prefix, mountedOn, line)) return;
    // `new UsersController(config).router`: the routes the class declares on itself; also through
    // the field the instance is kept in (`this.apiRouter = new ApiRouter(this)` ... `this.apiRouter.router`).
    let made = isPropertyAccessExpression(a) ? skipOuter(a.expression) : a;
    if (isPropertyAccessExpression(made) && made.expression.kind === ts.SyntaxKind.ThisKeyword) made = thisAssigned(made, made.name.text) ?? made;
    // `const hub = new Hub(); app.use('/hub', hub.middleware)`: the instance the constant holds.
    const instance = isPropertyAccessExpression(a) && isIdentifier(made) ? this.heldNode(made.text) : undefined;
    if (instance && isNewExpression(instance)) made = instance;
    // `container.get(UsersApi).mount`: a dependency-injection container's instance of a class
    // (inversify's get, tsyringe's resolve, Nest's app.get) is read as that class's `new`.
    const member = isPropertyAccessExpression(a) ? { member: a.name.text } : {};
    const injected = isPropertyAccessExpression(a) ? containerInstance(made) : undefined;
    if (injected !== undefined) {
      this.out.mounts.push({ ...this.mountPrefix(prefix), routerName: `new ${injected}`, line, mountedOn, ...member });
      return;
    }
    if (isNewExpression(made) && isIdentifier(made.expression) && this.factoryPrefix(made) === undefined) {
      // The arguments, those known as strings: a class's paths may be built from them (constructorParam).
      const args = (made.arguments ?? []).map((x) => {
        const v = this.evaluate(x);
        return v?.kind === 'str' ? v : null;
      });
      this.out.mounts.push({ ...this.mountPrefix(prefix), routerName: `new ${made.expression.text}`, line, mountedOn, ...(args.length > 0 ? { args } : {}), ...member });
      return;
    }
    if (this.mountInstanceMethod(a, prefix, mountedOn, line)) return;
    // `require('./home')()`, `apiRoutes.apiv1` of `const apiRoutes = require('./apiv1')(app)`: what the module's function returns (a member of it).
    if (this.mountCalledFactory(a, prefix, mountedOn, line)) return;
    // require('./users').router: that export of the module.
    // require(join(dir, file)).default in a loop over a listed folder: that export of each file there.
    const memberOf = isPropertyAccessExpression(a) ? (requireSource(skipOuter(a.expression)) ?? this.listedLoad(skipOuter(a.expression))?.source) : undefined;
    if (memberOf !== undefined && isPropertyAccessExpression(a)) {
      const local = `require(${memberOf}).${a.name.text}`;
      this.out.imports.push({ local, imported: a.name.text, source: memberOf });
      this.out.mounts.push({ ...this.mountPrefix(prefix), routerName: local, line, mountedOn });
      return;
    }
    // import('./x') / require('./x')
    const req = requireSource(a) ?? dynamicImportSource(a) ?? this.listedLoad(a)?.source ?? this.knownLoad(a);
    if (req === undefined && (isModuleLoad(a) || this.memberOfUnnamedLoad(a))) {
      this.out.warnings.push({ id: 'moduleName', args: [mountedOn], line });
      return;
    }
    const routerName = this.mountedRouterName(a, req, line);
    if (!routerName) return;
    const handed = this.mountHandedRouters(a, prefix, mountedOn, line) ? { handsOn: true as const } : {};
    const own = routerName === mountedOn && routerName.startsWith(CLASS_ROUTER) ? thisMember(a) : undefined;
    this.out.mounts.push({ ...this.mountPrefix(prefix), routerName, line, mountedOn, ...(own !== undefined ? { ownMember: own } : {}), ...(this.makesHandler(routerName) ? { handler: true } : {}), ...handed });
  }

  /**
   * koa-router's `x.routes()` / `x.middleware()`: the router x, to mount; none when there is nothing
   * more to mount (`x.allowedMethods()`), or when x sets a prefix on itself inline
   * (`child.prefix('/v1').routes()`) and is mounted here under both.
   */
  private middlewareRouter(a: ts.Expression, prefix: ConstValue, mountedOn: string, line: number, depth: number): ts.Expression | undefined {
    if (!isCallExpression(a) || !isPropertyAccessExpression(a.expression) || !/^(?:routes|middleware|allowedMethods)$/.test(a.expression.name.text)) return a;
    if (a.expression.name.text === 'allowedMethods') return undefined;
    const own = prefixedRouter(skipOuter(a.expression.expression));
    if (!own) return a.expression.expression;
    const value = this.evaluate(own.prefix) ?? this.unknownPrefix(own.prefix);
    this.mountTarget(own.router, prefix.kind === 'str' && value.kind === 'str' ? str(...prefix.parts, '/', ...value.parts) : value, mountedOn, line, depth);
    return undefined;
  }

  /**
   * A loop's element mounted: `for (const m of [require('./a'), await import('./b')]) r.use(m.default.routes())`
   * the module the element loads; over another file's list (`for (const m of routers)`), each
   * element, found by collect.ts (ExtractedMount.each). True when mounted.
   */
  private mountLoopElement(a: ts.Expression, prefix: ConstValue, mountedOn: string, line: number): boolean {
    const loaded = this.loopLoadedModule(a);
    if (loaded) {
      if (!this.out.imports.some((i) => i.local === loaded.local)) this.out.imports.push(loaded);
      this.out.mounts.push({ ...this.mountPrefix(prefix), routerName: loaded.local, line, mountedOn });
      return true;
    }
    const each = this.eachElementRef(a);
    if (each) this.out.mounts.push({ ...this.mountPrefix(prefix), routerName: each.local, each: each.path, line, mountedOn });
    return each !== undefined;
  }

  /**
   * A loop variable bound to a module load (loops.ts readLoop over `[require('./a'), import('./b')]`),
   * or one member of it (`m.default`, `m.router`): the export mounted, under the name mountedRouterName
   * gives a load's default (`require(./a)`) or `require(./a).router` for a named one. `require(x)` is the
   * module's exports (its default once compiled from ESM), `import(x)` its namespace.
   */
  private loopLoadedModule(a: ts.Expression): { local: string; imported: string; source: string } | undefined {
    const member = isPropertyAccessExpression(a) ? a.name.text : undefined;
    const base = isPropertyAccessExpression(a) ? skipOuter(a.expression) : a;
    const bound = isIdentifier(base) && this.scopes.some((sc) => sc.has(base.text)) ? this.lookup(base.text) : undefined;
    const load = bound && 'pos' in bound && isExpression(bound as ts.Node) ? skipOuter(bound as ts.Expression) : undefined;
    const required = load && requireSource(load);
    const source = required ?? (load && dynamicImportSource(load));
    if (source === undefined) return undefined;
    const imported = member ?? (required !== undefined ? 'default' : '*');
    if (imported === 'default') return { local: `require(${source})`, imported, source };
    return imported === '*' ? { local: `import(${source})`, imported, source } : { local: `require(${source}).${imported}`, imported, source };
  }

  /**
   * A loop variable standing for each element of a list another file holds (loops.ts eachOf: a
   * reference whose path holds EACH), or a member of it (`m.default`): the reference and the path
   * read from it, for collect.ts to follow element by element. Undefined for anything else.
   */
  private eachElementRef(a: ts.Expression): { local: string; path: string[] } | undefined {
    const members: string[] = [];
    let base = a;
    while (isPropertyAccessExpression(base) && members.length < 4) {
      members.unshift(base.name.text);
      base = skipOuter(base.expression);
    }
    const bound = isIdentifier(base) && this.scopes.some((sc) => sc.has(base.text)) ? this.lookup(base.text) : undefined;
    const ref = bound && !('pos' in bound) ? soleRef(bound as ConstValue) : undefined;
    return ref?.path.includes(EACH) ? { local: ref.local, path: [...ref.path, ...members] } : undefined;
  }

  /**
   * `app.use(accounts.route())` of `const accounts = container.resolve(Accounts)`: a method of a class
   * of the project asked of its instance (instanceClasses.ts), handed no router (one handed a router
   * declares its routes on it: readInstancePassed), mounts what that method gives (collect.ts
   * resolveClassMount). True when mounted.
   */
  private mountInstanceMethod(a: ts.Expression, prefix: ConstValue, mountedOn: string, line: number): boolean {
    if (!isCallExpression(a) || !isPropertyAccessExpression(a.expression) || a.expression.name.text in ROUTER_METHODS) return false;
    const cls = this.instanceClassOf(a.expression.expression);
    if (cls === undefined || a.arguments.some((x) => isIdentifier(skipOuter(x)) && this.routers.has(this.receiverOf(x) ?? ''))) return false;
    this.out.mounts.push({ ...this.mountPrefix(prefix), routerName: `new ${cls}`, line, mountedOn, member: a.expression.name.text });
    return true;
  }

  /**
   * `router.use('/review', reviewRouter.getRouter())` where `reviewRouter` is a parameter of the
   * function around (a dependency handed in: `getSubrouter({ reviewRouter })`) or an untyped field
   * of the class (`this.sgidAuthRouter`), its class known only to the caller: what it mounts is not
   * followed, so its routes stay unprefixed; warned of, as another mount not resolved.
   */
  private warnHandedInstanceMount(arg: ts.Expression, prefix: ConstValue): void {
    const a = skipOuter(arg);
    if (!isCallExpression(a) || a.arguments.length > 0 || !isPropertyAccessExpression(a.expression)) return;
    const method = a.expression.name.text;
    if (method in ROUTER_METHODS || CHAIN_KEEPS_ROUTER.has(method) || /^(?:allowedMethods|handler|callback|listener)$/.test(method)) return;
    const receiver = skipOuter(a.expression.expression);
    const handed = isIdentifier(receiver) ? this.paramNames.has(receiver.text) && !this.decls.has(receiver.text) : isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword;
    if (!handed || !/rout/i.test(`${receiver.getText(this.sf)}.${method}`) || this.routers.has(this.receiverOf(receiver) ?? '')) return;
    this.warn(a, { id: 'mountUnresolved', args: [`${receiver.getText(this.sf)}.${method}()`, literalOf(prefix) ?? '/'] });
  }

  /**
   * `const base = sites.getRouter()` of `const sites = new SitesRouter(deps)`, a router this file then
   * mounts or adds to (`base.use('/:id/review', ...)`, `app.use('/sites', base)`): that name is the
   * router the class's method gives, so what the method declares is mounted on it at its root, as
   * `app.use(sites.getRouter())` would (mountInstanceMethod).
   */
  protected readInstanceMethodRouters(): void {
    const used = new Set(this.out.mounts.flatMap((m) => [m.mountedOn, m.routerName]));
    for (const [name, init] of this.decls) {
      if (!used.has(name) || !isExpression(init)) continue;
      const call = skipOuter(isAwaitExpression(skipOuter(init)) ? (skipOuter(init) as ts.AwaitExpression).expression : init);
      if (!isCallExpression(call) || !isPropertyAccessExpression(call.expression) || call.arguments.length > 0) continue;
      const method = call.expression.name.text;
      if (method in ROUTER_METHODS || CHAIN_KEEPS_ROUTER.has(method)) continue;
      const cls = this.instanceClassOf(call.expression.expression);
      if (cls !== undefined) this.out.mounts.push({ prefix: '/', routerName: `new ${cls}`, line: this.line(call), mountedOn: name, member: method });
    }
  }

  /**
   * `require(`../plugins/${name}`)` in a loop over a list of literal names (loops.ts binds `name` to
   * each): a relative module whose name is known once the loop's element is.
   */
  /** `require(join(dir, name)).default`, `(await import(url)).default`: a member of a module named at run time (not of `(await import('pkg')).default`). */
  private memberOfUnnamedLoad(a: ts.Expression): boolean {
    const inner = isPropertyAccessExpression(a) ? skipOuter(a.expression) : undefined;
    return inner !== undefined && isModuleLoad(inner) && (requireSource(inner) ?? dynamicImportSource(inner) ?? this.listedLoad(inner)?.source ?? this.knownLoad(inner)) === undefined;
  }

  private knownLoad(a: ts.Expression): string | undefined {
    const arg = isModuleLoad(a) && isCallExpression(a) && a.arguments[0] ? skipOuter(a.arguments[0]) : undefined;
    if (!arg || isStringLiteralLike(arg)) return undefined;
    const name = literalOf(this.evaluate(arg));
    return name !== undefined && name !== '' ? name : undefined;
  }

  /**
   * A call of a module's function mounted (`require('./home')()`), or a member of what one returns,
   * through the constant holding it (`apiRoutes.apiv1` of `const apiRoutes = require('./apiv1')(app)`):
   * the function by the name collect.ts finds it under (its router factory: fileExports.ts), and the member.
   * True when mounted.
   */
  private mountCalledFactory(a: ts.Expression, prefix: ConstValue, mountedOn: string, line: number): boolean {
    const called = this.calledFactory(a);
    const handed = called !== undefined && called.member === undefined && this.mountHandedRouters(a, prefix, mountedOn, line) ? { handsOn: true as const } : {};
    if (called) this.out.mounts.push({ ...this.mountPrefix(prefix), routerName: `${called.fn}()`, line, mountedOn, ...(called.member !== undefined ? { member: called.member } : {}), ...handed });
    return called !== undefined;
  }

  /**
   * `app.use('/api', routes(router))`: a router made here handed to a function whose result is
   * mounted. A function registering routes on its parameter and returning it gives that router
   * back, so the router is mounted there too (its routes reach it through the call: readRouterPassed).
   * A function of this file must return that parameter; an imported one is taken to. Not a router
   * that is itself mounted on or listened with here (the app handed to a route module). True when
   * one is mounted.
   */
  private mountHandedRouters(a: ts.Expression, prefix: ConstValue, mountedOn: string, line: number): boolean {
    if (!isCallExpression(a)) return false;
    const callee = skipOuter(a.expression);
    const decl = isIdentifier(callee) ? (this.decls.get(callee.text) as ts.Node | undefined) : undefined;
    const fn = decl && (isFunctionDeclaration(decl) || isArrowFunction(decl) || isFunctionExpression(decl)) ? decl : undefined;
    let handed = false;
    a.arguments.forEach((arg, i) => {
      const x = skipOuter(arg);
      const router = isIdentifier(x) ? this.receiverOf(x) : undefined;
      if (router === undefined || router === mountedOn || !this.madeHere(router) || receivesMounts(this.sf, router)) return;
      if (decl !== undefined && (fn === undefined || !returnsParam(fn, i))) return;
      this.out.mounts.push({ ...this.mountPrefix(prefix), routerName: router, line, mountedOn });
      handed = true;
    });
    return handed;
  }

  /** The function (and member) mountCalledFactory mounts; undefined for any other mounted thing. */
  private calledFactory(a: ts.Expression): { fn: string; member?: string } | undefined {
    const member = isPropertyAccessExpression(a) ? a.name.text : undefined;
    const base = isPropertyAccessExpression(a) ? skipOuter(a.expression) : a;
    const held = isIdentifier(base) && member !== undefined ? this.decls.get(base.text) : base;
    const call = held && isCallExpression(held as ts.Node) ? (held as ts.CallExpression) : undefined;
    if (!call) return undefined;
    const callee = skipOuter(call.expression);
    // `(await import('./routes.js')).default({ db })`, `require('./routes').default(db)`: the module's default export called.
    const loaded = isPropertyAccessExpression(callee) && callee.name.text === 'default' ? skipOuter(callee.expression) : undefined;
    const source = requireSource(callee) ?? (loaded && (requireSource(loaded) ?? dynamicImportSource(loaded)));
    if (source === undefined) return undefined;
    const fn = `require(${source})`;
    if (!this.out.imports.some((i) => i.local === fn)) this.out.imports.push({ local: fn, imported: 'default', source });
    return { fn, ...(member !== undefined ? { member } : {}) };
  }

  /** The name collect.ts knows the mounted thing by: a required module, an inline plugin's router, a router variable. */
  private mountedRouterName(a: ts.Expression, req: string | undefined, line: number): string | undefined {
    const local = isIdentifier(a) ? this.registeredHere(a) : undefined;
    if (req !== undefined) {
      const name = `require(${req})`;
      this.out.imports.push({ local: name, imported: 'default', source: req });
      return name;
    } else if (isArrowFunction(a) || isFunctionExpression(a)) {
      // An inline plugin: its first parameter is the router its routes are declared on.
      return this.readPluginBody(a, line);
    } else if (local) {
      // A plugin function of this file (`const api = async (fastify) => {...}`), read here as an inline one.
      const name = this.readPluginBody(local, line);
      if (name !== undefined && isIdentifier(a)) ((this.out.pluginCopies ??= {})[a.text] ??= []).push(name);
      return name;
    } else if (isIdentifier(a) || isPropertyAccessExpression(a) || isCallExpression(a) || isNewExpression(a)) {
      const callee = isCallExpression(a) ? skipOuter(a.expression) : undefined;
      if (
        callee && isIdentifier(callee) && isCallExpression(a) && (a.arguments.length === 0 || this.isOwnFunction(callee.text)) &&
        !this.factoryNames.has(chainRoot(a)) && this.factoryPrefix(chainRoot(a)) === undefined
      ) {
        // usersRouter(), initApis(tenant) of the project's own code: a function that may make a
        // router or app (collect.ts knows); or middleware()
        return `${callee.text}()`;
      } else {
        const exported = isCallExpression(a) ? this.moduleFunctionCalled(a) : undefined;
        if (exported !== undefined) return exported;
        if (isCallExpression(a) && !this.factoryNames.has(chainRoot(a)) && this.factoryPrefix(chainRoot(a)) === undefined) return undefined; // middleware(opts)
        return this.receiverOf(a);
      }
    }
    return undefined;
  }

  /**
   * `campaigns.getRouter(kind)` (awaited or not) of `const campaigns = require('./campaigns')` or
   * `import * as campaigns`: that export of the module called, as destructuring the module takes its
   * exports (readAliasDestructuring); collect.ts mounts what it returns when it makes a router.
   */
  protected moduleFunctionCalled(call: ts.CallExpression): string | undefined {
    const callee = skipOuter(call.expression);
    const mod = isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
    const imported = mod && isIdentifier(mod) ? this.out.imports.find((i) => i.local === mod.text) : undefined;
    if (!imported || !isPropertyAccessExpression(callee) || !isIdentifier(callee.name) || !PROJECT_SOURCE.test(imported.source)) return undefined;
    // `tiles.init(opts)` of `import { tiles } from './tiles'`: the member function of the object the
    // module exports under that name (fileExports.ts records it as `tiles.init`).
    if (imported.imported !== 'default' && imported.imported !== '*') return `${imported.local}.${callee.name.text}()`;
    const via = imported;
    const local = `${via.local}.${callee.name.text}`;
    if (!this.out.imports.some((i) => i.local === local)) this.out.imports.push({ local, imported: callee.name.text, source: via.source });
    return `${local}()`;
  }

  /** A plugin's body read under a router of its own, `param@line`, its first parameter standing for it. */
  private readPluginBody(fn: PluginFunction, line: number): string | undefined {
    const p = fn.parameters[0];
    if (!p || !isIdentifier(p.name) || !fn.body) return undefined;
    const name = `${p.name.text}@${line}`;
    this.routers.set(name, '');
    this.handled.add(fn);
    const body = fn.body;
    this.withScope(new Map([[p.name.text, ts.factory.createIdentifier(name)]]), () => this.visit(body));
    return name;
  }

  /**
   * The functions of this file that a `register` call hands on by name (`app.register(api, {
   * prefix: '/api' })`): read at that call under their own router, as an inline plugin is, not
   * where they are declared, where their routes would land on their parameter's name (`fastify`,
   * shadowing the app's) without the prefix. Only files that call `.register(` are looked at.
   */
  protected findLocalPlugins(): void {
    if (!this.sf.text.includes('.register(')) return;
    for (const node of this.valueNodes) {
      if (!isCallExpression(node) || !isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'register') continue;
      const arg = node.arguments[0] && skipOuter(node.arguments[0]);
      const fn = arg && isIdentifier(arg) ? this.localPluginOf(arg) : undefined;
      if (fn) (this.localPlugins ??= new Set()).add(fn);
    }
  }

  /**
   * Fastify plugins of this file typed as such (`export const PoxRoutes: FastifyPluginAsync = async
   * (fastify) => {...}`), two or more on a parameter of the same name: each read under a router of
   * its own name, so another file registering one under a prefix (`register(PoxRoutes, { prefix })`)
   * gets its routes alone, not its siblings' on the shared parameter name.
   */
  protected readTypedPluginSiblings(): void {
    if (!this.sf.text.includes('FastifyPlugin')) return;
    const plugins: { name: string; fn: PluginFunction; param: string }[] = [];
    for (const st of this.sf.statements) {
      if (!isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        const type = d.type && isTypeReferenceNode(d.type) && isIdentifier(d.type.typeName) ? d.type.typeName.text : undefined;
        const fn = d.initializer ? skipOuter(d.initializer) : undefined;
        if (!isIdentifier(d.name) || !type?.startsWith('FastifyPlugin') || !fn || !isFunctionWithBody(fn) || this.localPlugins?.has(fn)) continue;
        const p = fn.parameters[0];
        if (p && isIdentifier(p.name) && fn.body) plugins.push({ name: d.name.text, fn, param: p.name.text });
      }
    }
    for (const { name, fn, param } of plugins) {
      if (plugins.filter((o) => o.param === param).length < 2 || !fn.body) continue;
      const body = fn.body;
      this.routers.set(name, '');
      this.handled.add(fn);
      this.withScope(new Map([[param, ts.factory.createIdentifier(name)]]), () => this.visit(body));
    }
  }

  /** Each local plugin no `register` call read (its call was not on a router; one read is `handled`): read where it is, as before. */
  protected readLocalPluginsLeft(): void {
    const left = [...(this.localPlugins ?? [])].filter((fn) => !this.handled.has(fn));
    this.localPlugins = undefined;
    for (const fn of left) this.visit(fn);
  }

  /** The local plugin (findLocalPlugins) a name registered here stands for. */
  private registeredHere(id: ts.Identifier): PluginFunction | undefined {
    const fn = this.localPlugins ? this.localPluginOf(id) : undefined;
    return fn && this.localPlugins?.has(fn) ? fn : undefined;
  }

  /** The function a name of this file stands for (decls: a declaration, or a variable's initializer), when its first parameter is a plain name (a plugin's instance). */
  private localPluginOf(id: ts.Identifier): PluginFunction | undefined {
    const decl = this.decls.get(this.ownName(id.text, id));
    const fn = decl && isExpression(decl) ? skipOuter(decl) : decl;
    if (!fn || !isFunctionWithBody(fn)) return undefined;
    const p = fn.parameters[0];
    return p && isIdentifier(p.name) && fn.body ? fn : undefined;
  }

  /**
   * A function of this file every return of which is a function literal (`createHandler(dir)`
   * returning `async (req, res) => res.sendFile(...)`): what it makes is a handler, never a router.
   */
  private makesHandler(routerName: string): boolean {
    const decl = routerName.endsWith('()') ? this.decls.get(routerName.slice(0, -2)) : undefined;
    if (!decl || !(isFunctionDeclaration(decl) || isArrowFunction(decl) || isFunctionExpression(decl))) return false;
    const returned = returnedExpressions(decl).map(skipOuter);
    return returned.length > 0 && returned.every((e) => isArrowFunction(e) || isFunctionExpression(e));
  }

  /**
   * A function that may be the project's own code: declared in this file, or imported (from a
   * relative path, an alias, or a bare name that may be a workspace package: `workbench/hono`).
   * collect.ts decides by resolving it; a package's `cors(opts)` resolves to nothing and mounts
   * nothing.
   */
  private isOwnFunction(name: string): boolean {
    const decl = this.decls.get(name);
    if (decl && (isFunctionDeclaration(decl) || isArrowFunction(decl) || isFunctionExpression(decl))) return true;
    return this.out.imports.some((i) => i.local === name);
  }

  /**
   * A mount's prefix: literal, or left for collect.ts to resolve; one reading an environment
   * variable with a default in code (`process.env.API_BASE || '/api'`) is its default here and kept
   * for the service's environment to set (values.ts ENV_READ).
   */
  private mountPrefix(prefix: ConstValue): Pick<ExtractedMount, 'prefix' | 'prefixValue'> {
    const literal = literalOf(prefix);
    if (literal !== undefined) return { prefix: joinRoutePath(literal), ...(readsEnv(prefix) ? { prefixValue: prefix } : {}) };
    return { prefix: '/', prefixValue: prefix };
  }

  /** An identifier that names a router or an imported module rather than a string. */
  /**
   * The router a middleware hands the request on to (forwardingMiddleware.ts): one made in this
   * file, or imported under a router's name; a handler it calls is not mounted, nor a name a loop or
   * a parameter binds (a mount helper's, mountHelpers.ts, read at its calls).
   */
  private forwardedRouter(arg: ts.Expression): ts.Identifier | undefined {
    const to = forwardedTo(skipOuter(arg));
    return to && (this.routers.has(to.text) || (this.importedNames.has(to.text) && CONVENTIONAL_RECEIVER.test(to.text))) ? to : undefined;
  }

  /**
   * `router.get('/fileTypes', auth, fileTypesRouter)`: a router as a route's last handler is handed the
   * requests that route matches, their path unchanged, so its routes are the receiver's, under the
   * receiver's own prefix (not under the route's path): mounted there at ''. Only a router made in
   * this file or an imported name saying so (`…Router`); an imported handler function is no router.
   */
  protected readHandlerRouter(call: ts.CallExpression, mountedOn: string): void {
    const args = call.arguments;
    const last = args.length >= 2 ? skipOuter(args[args.length - 1] as ts.Expression) : undefined;
    if (!last || !isIdentifier(last) || last.text === mountedOn) return;
    if (!this.routers.has(last.text) && !(this.importedNames.has(last.text) && /Router$/.test(last.text))) return;
    this.mountTarget(last, str(''), mountedOn, this.line(call));
  }

  private isRouterLike(arg: ts.Expression | undefined): boolean {
    const a = arg ? skipOuter(arg) : undefined;
    // koa-router's `users.routes()`, `.middleware()`, `.allowedMethods()`: a router's middleware, never a path.
    if (a && isCallExpression(a) && isPropertyAccessExpression(a.expression) && /^(?:routes|middleware|allowedMethods)$/.test(a.expression.name.text)) return true;
    if (!a || !isIdentifier(a)) return false;
    if (this.routers.has(a.text) || CONVENTIONAL_RECEIVER.test(a.text) || /(?:Router|Routes|Controller|router|routes|controller)$/.test(a.text)) return true;
    // An imported camelCase binding is a module (a router); SCREAMING_CASE is a constant.
    return this.importedNames.has(a.text) && !/^[A-Z0-9_]+$/.test(a.text);
  }

  private isAutoload(plugin: ts.Expression): boolean {
    const p = skipOuter(plugin);
    const source = isIdentifier(p) ? this.out.imports.find((i) => i.local === p.text)?.source : requireSource(p);
    return source === '@fastify/autoload' || source === 'fastify-autoload';
  }

  /** `register(AutoLoad, { dir: join(__dirname, 'routes'), options: { prefix } })`: each file under dir is a plugin. */
  private readAutoload(options: ts.ObjectLiteralExpression, mountedOn: string, line: number): void {
    const dirNode = this.prop(options, 'dir');
    const dir = dirNode ? dirnameJoin(skipOuter(dirNode), (e) => literalOf(this.evaluate(e))) : undefined;
    const inner = this.prop(options, 'options');
    const innerObj = inner ? skipOuter(inner) : undefined;
    const prefixNode = innerObj && isObjectLiteralExpression(innerObj) ? this.prop(innerObj, 'prefix') : undefined;
    const prefix = prefixNode ? (literalOf(this.evaluate(prefixNode)) ?? '') : '';
    const dirName = this.prop(options, 'dirNameRoutePrefix');
    const dirNamePrefix = !(dirName && skipOuter(dirName).kind === ts.SyntaxKind.FalseKeyword);
    // `encapsulate: false`: every plugin loaded skips override, as fastify-plugin's do (no prefix applies).
    const encapsulate = this.prop(options, 'encapsulate');
    const open = encapsulate !== undefined && skipOuter(encapsulate).kind === ts.SyntaxKind.FalseKeyword;
    // Not known: the plugins below this file that nothing else registers, under the prefix and … (collect.ts).
    if (dir === undefined) this.out.warnings.push({ id: 'autoloadDir', args: [joinRoutePath(prefix, UNKNOWN_PREFIX)], line });
    this.out.autoloads = [...(this.out.autoloads ?? []), { ...(dir !== undefined ? { dir } : {}), prefix: joinRoutePath(prefix), dirNamePrefix, mountedOn, line, ...(open ? { encapsulate: false as const } : {}) }];
  }

  /**
   * `this.useWithMiddleware('/auth/simple', new Provider().router, limiter)` on a subclass's own
   * router: a path literal and a router among the arguments. Recorded as pending; collect.ts keeps
   * it when a class method of that name mounts its parameters at those positions.
   */
  protected readPendingClassMount(call: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
    if (skipOuter(callee.expression).kind !== ts.SyntaxKind.ThisKeyword || call.arguments.length < 2) return;
    const router = subclassRouter(callee);
    const path = call.arguments[0] ? this.evaluate(call.arguments[0]) : undefined;
    if (router === undefined || !literalOf(path)?.startsWith('/') || !path) return;
    call.arguments.forEach((arg, i) => {
      if (i === 0) return;
      const before = this.out.mounts.length;
      this.mountTarget(arg, path, router, this.line(call));
      const found = this.out.mounts.splice(before);
      for (const m of found) (this.out.pendingClassMounts ??= []).push({ ...m, method: callee.name.text, pathArg: 0, routerArg: i });
    });
  }

  /**
   * `router.addRelationRoutes(rolesScopes, 'scopes');` on an instance of a class, made here or a
   * parameter typed with it: a mount of that class's method router (methodRouters.ts) on the
   * instance, with the call's arguments: pending, collect.ts keeps it when a file of the scan declares
   * a method router of that name (of a class of this file: only when that class's method is one).
   * True when recorded.
   */
  protected readInstanceMethodCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const target = skipOuter(callee.expression);
    if (!isIdentifier(target) || callee.name.text in ROUTER_METHODS || CHAIN_KEEPS_ROUTER.has(callee.name.text)) return false;
    const router = this.receiverOf(target);
    // Called for what it does, not for a value: `router.addRelationRoutes(...)` as a statement (asked
    // first: the class is looked for up the tree, and most calls are no statement).
    if (router === undefined || !isExpressionStatement(call.parent)) return false;
    const cls = instanceClass(target.text, call, this.decls.get(target.text) as ts.Node | undefined);
    const typeOnly = cls !== undefined && !this.importedNames.has(cls) ? this.typeImports.get(cls) : undefined;
    const local = cls === undefined ? undefined : this.decls.get(cls);
    // A class of this file: only when its method of that name is a method router; another file's, confirmed by collect.ts.
    const known = cls !== undefined && (this.importedNames.has(cls) || typeOnly !== undefined || (local !== undefined && isClassDeclaration(local) && declaresMethodRouter(local, callee.name.text)));
    if (!known) return false;
    // `import type SchemaRouter from ...` for a parameter's type: followed as an import for this mount only.
    if (typeOnly && !this.out.imports.some((i) => i.local === cls)) this.out.imports.push({ local: cls, ...typeOnly });
    const args = call.arguments.map((a) => (isSpreadElement(a) ? null : (this.evaluate(a) ?? null)));
    (this.out.pendingMethodMounts ??= []).push({ prefix: '/', routerName: `new ${cls}#${callee.name.text}`, line: this.line(call), mountedOn: router, args });
    return true;
  }

  /** Methods of `node` whose body mounts two of their parameters: `this.app.use(path, ..., router)`, `this.use(path, router)`. */
  protected readMountMethods(node: ts.ClassDeclaration): void {
    for (const m of node.members) {
      if (!isMethodDeclaration(m) || !m.body || !isIdentifier(m.name)) continue;
      const params = m.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : ''));
      const at = (e: ts.Expression | undefined): number => {
        const x = e && skipOuter(e);
        return x && isIdentifier(x) ? params.indexOf(x.text) : -1;
      };
      // The first such call of the body (its calls, not a walk of every node).
      const find = (n: ts.CallExpression): { pathArg: number; routerArg: number } | undefined => {
        if (isPropertyAccessExpression(n.expression) && n.expression.name.text === 'use') {
          const on = skipOuter(n.expression.expression);
          const onThis = on.kind === ts.SyntaxKind.ThisKeyword || (isPropertyAccessExpression(on) && on.expression.kind === ts.SyntaxKind.ThisKeyword);
          const pathArg = at(n.arguments[0]);
          const routerArg = n.arguments.length > 1 ? at(n.arguments[n.arguments.length - 1]) : -1;
          if (onThis && pathArg >= 0 && routerArg >= 0) return { pathArg, routerArg };
        }
        return undefined;
      };
      let sig: { pathArg: number; routerArg: number } | undefined;
      for (const call of m.parameters.length > 0 ? this.callsWithin(m.body) : []) if ((sig = find(call))) break;
      if (sig) (this.out.mountMethods ??= {})[m.name.text] = sig;
    }
  }
}

/**
 * `const onError: express.ErrorRequestHandler = (err, req, res) => ...`: declared an error handler by
 * its type, whatever its parameters (Express would call a three-parameter one as middleware).
 */
function typedErrorHandler(fn: ts.Node): boolean {
  const type = isVariableDeclaration(fn.parent) ? fn.parent.type : undefined;
  if (!type || !isTypeReferenceNode(type)) return false;
  const name = type.typeName;
  return (isIdentifier(name) ? name.text : name.right.text) === 'ErrorRequestHandler';
}

/** `next` handed to another call as an argument anywhere in `node`. */
function passesOn(node: ts.Node, next: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (isCallExpression(n) && n.arguments.some((a) => isIdentifier(a) && a.text === next)) found = true;
    else forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * Whether an expression whose value is not known is a mount's path all the same: an environment
 * variable, a template, or a call whose name says it returns a path (`held`: what a local
 * constant holds, one step). Middleware (`app.use(auth(), router)`) is none; nor is a property
 * read (`global.basePath`, `config.root`), a setting that usually defaults to no prefix, where the
 * routes answer as written.
 */
function readsAsPrefix(node: ts.Expression, sf: ts.SourceFile, held: (id: ts.Identifier) => ts.Node | undefined): boolean {
  const e = skipOuter(node);
  // A regular expression (`app.use(/(\/api)?/, router)`) matches paths no string gives.
  if (isTemplateExpression(e) || isRegularExpressionLiteral(e) || /^process\.env\b/.test(e.getText(sf))) return true;
  const init = isIdentifier(e) && !isParameter(e) ? held(e) : undefined;
  if (init && isExpression(init) && !isIdentifier(skipOuter(init))) return readsAsPrefix(init, sf, () => undefined);
  const callee = isCallExpression(e) ? skipOuter(e.expression) : undefined;
  const name = callee && (isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined);
  return (name !== undefined && PREFIX_NAME.test(name)) || (isCallExpression(e) && readsPrefixSetting(e));
}

/** A setting read by its key, the key's last part naming a path: `config.get('server.apiPath')`, `configService.get('API_PREFIX')`. */
function readsPrefixSetting(call: ts.CallExpression): boolean {
  const key = call.arguments[0];
  const last = key && isStringLiteralLike(key) ? key.text.split(/[.:/]/).pop() : undefined;
  return last !== undefined && PREFIX_NAME.test(last);
}

/** Whether an identifier names a parameter of a function around it. */
function isParameter(id: ts.Identifier): boolean {
  for (let cur: ts.Node | undefined = id.parent; cur; cur = cur.parent)
    if (isFunctionLike(cur) && cur.parameters.some((p) => isIdentifier(p.name) && p.name.text === id.text)) return true;
  return false;
}

/** Each string literal of a value changed by `f` (a string value's last literal part). */
function mapLiterals(v: ConstValue, f: (p: string) => string): ConstValue {
  if (v.kind === 'arr') return { ...v, items: v.items.map((i) => mapLiterals(i, f)) };
  const lit = literalOf(v);
  return lit !== undefined ? str(f(lit)) : v.kind === 'str' ? str(...v.parts, f('')) : v;
}

/**
 * The parameter of `fn` that the handler it returns compares `req.method` with, answering only on a
 * match and calling `next()` otherwise: `(req, res, next) => req.method === m ? h(req, res, next) :
 * next()`, or a body starting `if (req.method !== m) return next();`.
 */
function methodParam(fn: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration): number | undefined {
  const handler = returnedExpression(fn);
  if (!handler || !(isArrowFunction(handler) || isFunctionExpression(handler))) return undefined;
  const [req, , next] = handler.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : undefined));
  if (req === undefined || next === undefined) return undefined;
  const callsNext = (e: ts.Node | undefined): boolean => {
    const x = e && (isReturnStatement(e) || isExpressionStatement(e)) ? e.expression : e;
    const c = x && isExpression(x) ? skipOuter(x) : undefined;
    return !!c && isCallExpression(c) && isIdentifier(c.expression) && c.expression.text === next && c.arguments.length === 0;
  };
  // `req.method === m` (equal: true) or `!==` (false), m a parameter of fn: its index.
  const compared = (test: ts.Expression, equal: boolean): number | undefined => {
    const t = skipOuter(test);
    if (!isBinaryExpression(t)) return undefined;
    const op = t.operatorToken.kind;
    const ops = equal ? [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken] : [ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken];
    if (!ops.includes(op)) return undefined;
    const isMethod = (e: ts.Expression) => isPropertyAccessExpression(e) && e.name.text === 'method' && isIdentifier(e.expression) && e.expression.text === req;
    const other = isMethod(skipOuter(t.left)) ? skipOuter(t.right) : isMethod(skipOuter(t.right)) ? skipOuter(t.left) : undefined;
    const index = other && isIdentifier(other) ? fn.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === other.text) : -1;
    return index >= 0 ? index : undefined;
  };
  const body = handler.body;
  if (!isBlock(body)) {
    const c = skipOuter(body);
    if (!isConditionalExpression(c)) return undefined;
    if (callsNext(c.whenFalse)) return compared(c.condition, true);
    return callsNext(c.whenTrue) ? compared(c.condition, false) : undefined;
  }
  const first = body.statements[0];
  if (!first || !isIfStatement(first) || first.elseStatement) return undefined;
  const then = isBlock(first.thenStatement) ? first.thenStatement.statements[0] : first.thenStatement;
  return then && isReturnStatement(then) && callsNext(then) ? compared(first.expression, false) : undefined;
}

/**
 * `tiles.init(opts).then((sub) => { app.use('/styles', sub); })`: the call whose promise hands its
 * value to the callback's parameter a mount names, read as that call mounted (what it resolves to
 * is what the function returns). Undefined for any other name.
 */
function thenResolved(id: ts.Identifier): ts.Expression | undefined {
  for (let fn = enclosingFunction(id); fn; fn = enclosingFunction(fn)) {
    const at = fn.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === id.text);
    if (at < 0) continue;
    const call = fn.parent;
    const then = at === 0 && isCallExpression(call) && call.arguments[0] === fn && isPropertyAccessExpression(call.expression) && call.expression.name.text === 'then';
    return then && isPropertyAccessExpression(call.expression) ? skipOuter(call.expression.expression) : undefined;
  }
  return undefined;
}

/** `router.prefix('/v1')`: the router and the prefix it sets on itself. */
function prefixedRouter(e: ts.Expression): { router: ts.Expression; prefix: ts.Expression } | undefined {
  if (!isCallExpression(e) || !isPropertyAccessExpression(e.expression) || e.expression.name.text !== 'prefix' || e.arguments.length !== 1 || !e.arguments[0]) return undefined;
  return { router: e.expression.expression, prefix: e.arguments[0] };
}

/** Whether every return of `fn` is its parameter at `index` (`(router) => { users(router); return router }`). */
function returnsParam(fn: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration, index: number): boolean {
  const p = fn.parameters[index]?.name;
  const returned = returnedExpressions(fn).map(skipOuter);
  return p !== undefined && isIdentifier(p) && returned.length > 0 && returned.every((e) => isIdentifier(e) && e.text === p.text);
}

/** Whether the file mounts on or listens with `name` (`name.use(...)`, `name.listen(...)`): an app, not a router handed on to be returned. */
function receivesMounts(sf: ts.SourceFile, name: string): boolean {
  const find = (n: ts.Node): boolean => {
    if (isCallExpression(n) && isPropertyAccessExpression(n.expression) && /^(?:use|listen|register)$/.test(n.expression.name.text)) {
      const recv = skipOuter(n.expression.expression);
      if (isIdentifier(recv) && recv.text === name) return true;
    }
    return forEachChild(n, find) ?? false;
  };
  return find(sf);
}
