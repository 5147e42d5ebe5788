// Functions of the file that register routes for their caller: route helpers taking method and
// path as parameters (expanded at each call), spec mounters (a route config registered on the
// router they are handed), and functions or modules a router is passed to.
import ts from './compiler';
import { forEachChild, isClassDeclaration, isArrayBindingPattern, isArrayLiteralExpression, isOmittedExpression, isArrowFunction, isAwaitExpression, isBinaryExpression, isBlock, isCallExpression, isElementAccessExpression, isExpression, isExpressionStatement, isFunctionDeclaration, isFunctionExpression, isFunctionLike, isIdentifier, isMethodDeclaration, isObjectBindingPattern, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isSourceFile, isSpreadElement, isStringLiteral, isStringLiteralLike, isTemplateExpression, isVariableDeclaration, isVariableStatement } from './tsNodes';
import { joinRoutePath, openApiPathToRoute, isRoutePath } from './joinPath';
import { unknownSegmentsPath } from './unknownSegments';
import { isHttpMethod, ROUTER_METHODS } from './routeSpec';
import { CALLED, argRef, hasRefs, isRouteConfig, literalOf, propOf, soleRef, str, type ConstValue } from './values';
import { helperGuards } from './helperGuards';
import { EACH_ELEMENT, forEachOfParam, mountHelperEntries } from './mountHelpers';
import { ANY_CLASS, type ExtractedFile, type ExtractedRoute, type FactoryRoute, type HelperArg } from './extracted';
import { isFunctionWithBody, skipOuter } from './tsSyntax';
import { CONVENTIONAL_RECEIVER, returnedExpression, restNames, enclosingFunction, CHAIN_KEEPS_ROUTER, cjsNamedExport, bindingNames } from './routeSyntax';
import { loopOfBody } from './loopOverTable';
import { defaultExportedFunction, keyedCalls } from './keyedHelpers';
import { isBuiltin } from 'node:module';
import type { RouteHelper, Scope } from './readerBase';
import { isModuleLoad, requireSource } from './moduleLoads';
import { RouterCallReader } from './routerCalls';
import { instanceArgs, memberGuardOf } from './memberGuards';
import { receiverClass } from './instanceClasses';
import { chainedHelpers, type ChainReading } from './helperChains';
import { tableMountHelper } from './tableMounts';

/** The router methods mounting what they are given, a router too (`router.use(other)`). */
const MOUNT_METHODS: ReadonlySet<string> = new Set(['use', 'register']);

/**
 * An import that may be a file of the project: a relative path or an alias (`@/`, `~/`, `#`, or a
 * tsconfig path such as `@routes/*`, written as a scoped package is: collect.ts resolves it with the
 * scan's aliases, and a package's class it cannot find is no mount to warn of: packageCall).
 */
const PROJECT_SOURCE = /^(?:\.|~|#|@)/;

export abstract class RouteHelperReader extends RouterCallReader {
  /** The route helpers being expanded: their parameters given `new X(...)` at the call, and their bodies. */
  private readonly instanceGuards: { instances: ReadonlyMap<string, string>; body: ts.Node }[] = [];
  /** The parameter places each route helper's routes read (router, method, path, list), for a helper handing its own on. */
  private readonly helperPlaces = new Map<string, ReadonlySet<number>>();
  /** routeHelpers' values as a set (helperFns), dropped when one is added. */
  private helperFnSet: ReadonlySet<ts.Node> | undefined;

  /**
   * Route helpers: functions of this file whose routes take the method and path from their
   * parameters, `function route(method, path, ...handlers) { router[method](path, ...) }`, or
   * hand their parameters on to such a function (`apiRoute(method, path, h) { route(method, path,
   * [auth], h) }`). They are called with the values (`route(GET, '/login', [], login)`). Declared,
   * or a function held by a constant or a CommonJS export (`exports.createAction = (router, base,
   * path, method) => { router[method](base + path, h) }`).
   */
  protected findRouteHelpers(): void {
    const functions = this.helperCandidates();
    let called: Set<string> | undefined;
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, fn] of functions) {
        if (this.routeHelpers.has(name)) continue;
        const bound = paramBindings(fn);
        const params = new Set(bound.keys());
        const isParam = (e: ts.Expression | undefined) => e !== undefined && isIdentifier(skipOuter(e)) && params.has((skipOuter(e) as ts.Identifier).text);
        const read = new Set<number>();
        const mark = (...es: Array<ts.Node | undefined>): true => {
          for (const e of es) if (e) for (const at of placesRead(e, bound)) read.add(at);
          return true;
        };
        // Any call of the body (its calls, not a walk of every node) that makes the function a helper.
        const declares = (node: ts.CallExpression): boolean => {
          const c = skipOuter(node.expression);
          if (isElementAccessExpression(c) && isParam(c.argumentExpression)) return mark(c.expression, c.argumentExpression, node.arguments[0]);
          // Handing on a parameter at a place the other helper's routes read (its router, method, path or
          // list): not one it only passes along (`createServer(port, api, routes)` given a port read from options).
          const handed = isIdentifier(c) && c.text !== name ? this.helperPlaces.get(c.text) : undefined;
          const onward = handed ? node.arguments.filter((a, i) => isParam(a) && handed.has(i)) : [];
          if (onward.length > 0) return mark(...onward);
          // Handing its router parameter and a path made of another parameter to an imported function
          // (`page(app, `/${name}/:id`, h)`): a helper of another file (collect.ts decides), read at each call.
          if (handsImportedHelper(node, c, params, isParam, this.importedNames) && isCalled((called ??= calledNames(this.sf)), name)) return mark(...node.arguments);
          // `router.get(base + path, h)`, `router.route(prefix + path).get(h)` of a function called here: read at each call.
          // The router may be the helper's parameter or one it reaches (`app.get(path, h)`, `instance.register(async
          // (server) => server.get(path, h))`): a route call then has its handler too, or is a `route(path)` its
          // chained methods give handlers to (`router.route(path).get(h).post(h)`).
          const isRoute = isPropertyAccessExpression(c) && c.name.text === 'route';
          // `app.use(routePath, (req, res) => ...)`: a handler answering at the path it is given.
          const handlerMount = isPropertyAccessExpression(c) && c.name.text === 'use' && node.arguments.length === 2 && isFunctionLike(skipOuter(node.arguments[1] as ts.Expression));
          // `app.use(url, router)` of a router it is given on one it does not take (`function useWithFallback(url, router) { app.use(url, router) }`
          // nested in the function making app): mounts, read at each call with what the call hands in (expandRouteHelper).
          const paramMount = isPropertyAccessExpression(c) && c.name.text === 'use' && !isParam(c.expression) && node.arguments.slice(1).some(isParam);
          const verb = isPropertyAccessExpression(c) && (c.name.text in ROUTER_METHODS || isRoute || handlerMount || paramMount) && (isParam(c.expression) || ((node.arguments.length >= 2 || isRoute) && this.isRouterName(c.expression)));
          if (verb && node.arguments[0] && readsName(node.arguments[0], params) && isCalled((called ??= calledNames(this.sf)), name)) return mark(c.expression, node.arguments[0]);
          return false;
        };
        if (fn.body && this.callsWithin(fn.body).filter(declares).length > 0) {
          this.routeHelpers.set(name, fn);
          this.helperFnSet = undefined;
          this.helperPlaces.set(name, read);
          changed = true;
          this.recordHelperSignature(name, fn);
        }
      }
    }
  }

  /**
   * Route helpers of a fixed method: functions of the file registering a route of a literal method on
   * a router parameter with a path read from their parameters, `registerPage(server, page) { const {
   * path } = page; server.route({ method: 'GET', path }) }`, `addList(router, base) { router.get(base
   * + '/list', h) }` (ExtractedFile.fixedHelpers). Another file's call gives the path (collect.ts); a
   * call of this file reads the body with the call's values (findRouteHelpers). Their own bodies warn
   * of no path (inRouteHelper).
   */
  protected findFixedHelpers(): void {
    for (const [name, fn] of this.helperCandidates()) {
      const bound = paramBindings(fn);
      const found: NonNullable<ExtractedFile['fixedHelpers']>[string] = [];
      // The body's own calls, not those of a function inside it (its calls, not a walk of every node).
      const body = fn.body;
      if (body) for (const call of this.callsWithin(body)) if (outsideInnerFunctions(call, body)) found.push(...fixedRegistrations(call, fn, bound));
      if (found.length === 0) continue;
      (this.out.fixedHelpers ??= {})[name] = found;
      this.fixedHelperFns.add(fn);
    }
    // Functions handing their parameters on to those, directly or through a callback they are given (helperChains.ts).
    const known = this.out.fixedHelpers;
    if (!known) return;
    const functions = new Map(this.helperCandidates());
    const read: ChainReading = { bindings: paramBindings, pieces: (e, fn, bound) => helperPathPieces(e, fn, bound, 0), ownCalls: (body) => this.callsWithin(body).filter((c) => outsideInnerFunctions(c, body)) };
    for (const name of chainedHelpers([...functions], known, read)) this.fixedHelperFns.add(functions.get(name) as RouteHelper);
  }

  /**
   * Route factories (routeFactories.ts): functions of the file returning a plugin whose own router's
   * routes read their paths from the function's parameters (ExtractedFile.routeFactories), as
   * fixedHelpers are read with the plugin's router for the parameter. A call of this file reads the
   * body with the call's values (findRouteHelpers); their own bodies warn of no path (inRouteHelper).
   */
  protected findRouteFactories(): void {
    for (const [name, fn] of this.helperCandidates()) {
      const returned = returnedPlugin(fn);
      const body = returned?.plugin.body;
      if (!returned || !body) continue;
      const bound = new Map(paramBindings(fn)).set(returned.router, PLUGIN_ROUTER);
      const found = this.callsWithin(body)
        .filter((c) => outsideInnerFunctions(c, body))
        .flatMap((c) => fixedRegistrations(c, fn, bound))
        .filter((r) => r.router === PLUGIN_ROUTER)
        .map(({ method, path, options }): FactoryRoute => ({ method, path, ...(options ? { options } : {}) }));
      if (found.length === 0) continue;
      (this.out.routeFactories ??= {})[name] = found;
      this.fixedHelperFns.add(fn);
    }
  }

  /**
   * `const schemaRoutes = createSchemaRoute('/schema/post', ...)` of an imported function, or a
   * member of an imported module: recorded with its arguments' values (ExtractedFile.factoryCalls)
   * for collect.ts to find whether the function is a route factory.
   */
  protected readFactoryCall(call: ts.CallExpression): void {
    const decl = call.parent;
    const callee = skipOuter(call.expression);
    const root = isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : callee;
    if (!isVariableDeclaration(decl) || decl.initializer !== call || !isIdentifier(decl.name) || !isIdentifier(root) || !this.importedNames.has(root.text) || call.arguments.length === 0) return;
    const args = call.arguments.map((a) => (isSpreadElement(a) ? null : (this.evaluate(a) ?? null)));
    if (!args.some((a) => a?.kind === 'str')) return;
    const entry: NonNullable<ExtractedFile['factoryCalls']>[number] = { factory: root.text, router: decl.name.text, args, line: this.line(call) };
    if (isPropertyAccessExpression(callee)) entry.member = callee.name.text;
    (this.out.factoryCalls ??= []).push(entry);
  }

  /**
   * Mount helpers: functions of the file mounting a router a parameter gives on another a parameter
   * gives, under a prefix read from their parameters (mountHelpers.ts). Another file's call, or one
   * of this file, names the routers and gives the prefix (collect.ts mountHelperEdges).
   */
  protected findMountHelpers(): void {
    for (const [name, fn] of this.helperCandidates()) {
      const body = fn.body;
      if (!body || fn.parameters.length < 2) continue;
      const bound = paramBindings(fn);
      const scope: Scope = new Map();
      fn.parameters.forEach((p, i) => {
        if (isIdentifier(p.name) && !p.dotDotDotToken) scope.set(p.name.text, argRef(i));
      });
      const prefixOf = (e: ts.Expression): ConstValue | undefined => {
        let v: ConstValue | undefined;
        this.withScope(scope, () => (v = this.evaluate(e)));
        return v?.kind === 'str' ? v : undefined;
      };
      const table = tableMountHelper(fn, name, (e, names) => {
        let v: ConstValue | undefined;
        this.withScope(new Map(names), () => (v = this.evaluate(e)));
        return v;
      });
      if (table) {
        (this.out.tableMountHelpers ??= {})[name] = table;
        continue;
      }
      const found = mountHelperEntries(body, this.callsWithin(body).filter((c) => outsideInnerFunctions(c, body, (f) => forEachOfParam(f.parent as ts.Node, bound)?.callback === f)), bound, prefixOf);
      if (found.length > 0) (this.out.mountHelpers ??= {})[name] = found;
    }
  }

  /**
   * Keyed helpers (keyedHelpers.ts): functions handing a router they are given to functions of a
   * table of the file picked by the keys of a list they are given. Each call names the keys
   * (collect.ts mountHelperEdges); the call of the body warns of nothing.
   */
  protected findKeyedHelpers(): void {
    const exported = defaultExportedFunction(this.sf);
    const candidates: Array<[string, RouteHelper]> = [...this.helperCandidates(), ...(exported ? [['default', exported] as [string, RouteHelper]] : [])];
    for (const [name, fn] of candidates) {
      if (fn.parameters.length < 2 || isMethodDeclaration(fn)) continue;
      const calls = fn.body ? this.callsWithin(fn.body) : [];
      const found = calls.some((c) => isElementAccessExpression(skipOuter(c.expression))) ? keyedCalls(fn, calls, (n) => this.decls.get(n), (n) => this.line(n)) : [];
      if (found.length === 0) continue;
      for (const { call } of found) this.keyedCallNodes.add(call);
      (this.out.keyedHelpers ??= {})[name] = found.map((f) => f.entry);
    }
  }

  /** The file's functions by name: declarations, `const f = (...) => ...`, `exports.f = function (...) {...}`. */
  private helperCandidates(): Array<[string, RouteHelper]> {
    const out: Array<[string, RouteHelper]> = [];
    for (const [name, node] of this.decls) if (isFunctionWithBody(node) && node.body !== undefined && !name.includes('@')) out.push([name, node]);
    for (const st of this.sf.statements) {
      const named = cjsNamedExport(st);
      if (named && (isArrowFunction(named.value) || isFunctionExpression(named.value)) && !this.decls.has(named.name)) out.push([named.name, named.value]);
      else out.push(...memberFunctions(st, (name) => this.decls.get(name) as ts.Node | undefined));
    }
    return out;
  }

  /**
   * `router[method](path, ...)` on its parameters: a helper other files can call
   * (ExtractedFile.routeHelpers). The path may join parameters and literals (`base + path`,
   * `${base}${path}`), also through a constant of the helper (`const full = base + path`).
   */
  private recordHelperSignature(name: string, fn: RouteHelper): void {
    const bound = paramBindings(fn);
    // A parameter's place, or that of a name a rest parameter's elements bind (`const [router, verb] = args`).
    const at = (e: ts.Expression | undefined): number => {
      const x = e && skipOuter(e);
      const place = x && isIdentifier(x) ? bound.get(x.text) : undefined;
      return typeof place === 'number' ? place : -1;
    };
    const find = (node: ts.Node): { router: number; method: number; path: Array<HelperArg | string> } | undefined => {
      if (isCallExpression(node)) {
        const c = skipOuter(node.expression);
        const path = isElementAccessExpression(c) && node.arguments[0] ? helperPathPieces(node.arguments[0], fn, bound, 0) : undefined;
        if (isElementAccessExpression(c) && path) {
          const sig = { router: at(c.expression), method: at(c.argumentExpression), path };
          if (sig.router >= 0 && sig.method >= 0) return sig;
        }
      }
      return forEachChild(node, find);
    };
    const sig = fn.body && find(fn.body);
    if (sig) (this.out.routeHelpers ??= {})[name] = sig;
  }

  /**
   * Spec mounters: functions of this file, curried or not, whose result has a method that registers
   * a route config it was given on the router it is handed, `defineApiEndpoint(prefix)({ route,
   * handler })` returning `{ mountHttp(app) { app.openapi(routeForHono, handler) } }`
   * (ExtractedFile.specMounters). Their call sites name the config (readSpecMount).
   */
  protected findSpecMounters(): void {
    for (const [name, node] of this.decls) {
      if (!isArrowFunction(node) && !isFunctionExpression(node) && !isFunctionDeclaration(node)) continue;
      const mounts: string[] = [];
      const walk = (n: ts.Node): void => {
        const init = isPropertyAssignment(n) ? skipOuter(n.initializer) : undefined;
        const fn = isMethodDeclaration(n) ? n : init && (isArrowFunction(init) || isFunctionExpression(init)) ? init : undefined;
        const key = isMethodDeclaration(n) || isPropertyAssignment(n) ? n.name : undefined;
        if (fn && key && isIdentifier(key) && registersGivenConfig(fn)) {
          mounts.push(key.text);
          this.specMounterFns.add(fn);
        }
        forEachChild(n, walk);
      };
      walk(node);
      if (mounts.length > 0) (this.out.specMounters ??= {})[name] = mounts;
    }
  }

  /**
   * `listMembers.mountHttp(app, mw)`: a router handed to a method of a value a call made, that call
   * given a route config (`memberEndpoint({ route: createRoute({ method: 'get', path: '/' }) })`).
   * The route is recorded with the function at the root of the calls; collect.ts keeps it when that
   * function is a spec mounter with this method. True when recorded.
   */
  protected readSpecMount(call: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const target = skipOuter(callee.expression);
    if (!isIdentifier(target) || this.importedNames.has(target.text) || call.arguments.length === 0) return false;
    let made = this.lookup(target.text);
    // `for (const ep of [listKeys, getKey]) ep.mountHttp(app)`: the loop variable names each value.
    for (let i = 0; i < 3 && made && isIdentifier(made as ts.Node); i++) made = this.lookup((made as ts.Identifier).text);
    if (!made || !isCallExpression(made as ts.Node)) return false;
    const router = call.arguments
      .map((a) => skipOuter(a))
      .map((a) => (isIdentifier(a) ? this.receiverOf(a) : undefined))
      .find((r) => r !== undefined && (this.routers.has(r) || this.typedReceivers.has(r)));
    const spec = router === undefined ? undefined : this.specOf(made as ts.CallExpression, 0);
    const method = literalOf(propOf(spec?.config, ['method']))?.toUpperCase();
    const path = literalOf(propOf(spec?.config, ['path']));
    if (!spec || router === undefined || method === undefined || !isHttpMethod(method) || path === undefined || !isRoutePath(path)) return false;
    const route: ExtractedRoute = { method, path: joinRoutePath(this.routers.get(router) ?? '', openApiPathToRoute(path)), line: this.line(callee.name), kind: 'router', router };
    (this.out.specMounts ??= []).push({ factory: spec.factory, ...(spec.member !== undefined ? { member: spec.member } : {}), mount: callee.name.text, route });
    return true;
  }

  /**
   * The route config a call is given (an argument, or a property of an object argument, with a method
   * and a path) and the function at the root of its callee: `endpoint({ route })` where `endpoint =
   * defineApiEndpoint(prefix)`, or a function of this file returning such a call, read with its
   * parameters bound to the call's values (`buildEndpoint({ pathSuffix: '/resolve' })`).
   */
  private specOf(made: ts.CallExpression, depth: number): { factory: string; member?: string; config: ConstValue } | undefined {
    const callee = skipOuter(made.expression);
    const fn = isIdentifier(callee) && !this.out.specMounters?.[callee.text] ? this.decls.get(callee.text) : undefined;
    if (fn && (isArrowFunction(fn) || isFunctionExpression(fn) || isFunctionDeclaration(fn))) {
      const returned = returnedExpression(fn);
      if (!returned || !isCallExpression(returned) || depth > 3) return undefined;
      const scope: Scope = new Map();
      fn.parameters.forEach((p, i) => {
        const v = this.evaluate(made.arguments[i]);
        if (v && isIdentifier(p.name)) scope.set(p.name.text, v);
        else if (v && isObjectBindingPattern(p.name))
          for (const el of p.name.elements) {
            const key = el.propertyName && isIdentifier(el.propertyName) ? el.propertyName.text : isIdentifier(el.name) ? el.name.text : undefined;
            const pv = key === undefined ? undefined : propOf(v, [key]);
            if (pv && isIdentifier(el.name)) scope.set(el.name.text, pv);
          }
      });
      let found: ReturnType<RouteHelperReader['specOf']>;
      this.withScope(scope, () => (found = this.specOf(returned, depth + 1)));
      return found;
    }
    const root = this.factoryRoot(callee, 0);
    if (!root) return undefined;
    const config = made.arguments
      .map((a) => this.evaluate(a))
      .map((v) => (isRouteConfig(v) ? v : v?.kind === 'obj' ? Object.values(v.props).find((p) => isRouteConfig(p)) : undefined))
      .find((v) => v !== undefined);
    return config && { ...root, config };
  }

  /** The function at the root of a callee: `f(a)(b)`, `made` where `const made = f(a)`, `mod.f`. */
  private factoryRoot(e: ts.Expression, depth: number): { factory: string; member?: string } | undefined {
    let c = skipOuter(e);
    while (isCallExpression(c)) c = skipOuter(c.expression);
    const base = isPropertyAccessExpression(c) ? skipOuter(c.expression) : undefined;
    if (isPropertyAccessExpression(c)) return base && isIdentifier(base) && this.importedNames.has(base.text) ? { factory: base.text, member: c.name.text } : undefined;
    if (!isIdentifier(c)) return undefined;
    if (this.importedNames.has(c.text) || this.out.specMounters?.[c.text]) return { factory: c.text };
    const init = this.decls.get(c.text);
    return init && isExpression(init) && isCallExpression(skipOuter(init)) && depth < 4 ? this.factoryRoot((skipOuter(init) as ts.CallExpression).expression, depth + 1) : undefined;
  }

  /**
   * Calls in this file of a route list helper that makes its own router (listHelpers.ts
   * ownRouterHelperOf): each call's arguments, for collect.ts to read the list each one gives.
   */
  protected findOwnListHelperCalls(): void {
    const helpers = new Set(Object.entries(this.out.listHelpers ?? {}).flatMap(([name, entries]) => (entries.some((e) => e.own !== undefined) ? [name] : [])));
    if (helpers.size === 0) return;
    for (const n of this.valueNodes) {
      const callee = isCallExpression(n) ? skipOuter(n.expression) : undefined;
      if (!callee || !isIdentifier(callee) || !helpers.has(callee.text) || !isCallExpression(n)) continue;
      const values = n.arguments.map((a) => (isSpreadElement(a) ? undefined : (this.evaluate(a) ?? this.importedCallResult(a))));
      (this.out.listHelperCalls ??= []).push({ helper: callee.text, args: values.map((v) => v ?? null), routers: [], line: this.line(n) });
    }
  }

  /**
   * `createRoute(server, jobsHandler(store))`: what an imported function returns, handed to a helper
   * (a route record its file's factory makes per call, fileExports.ts calledValue), read there.
   */
  private importedCallResult(arg: ts.Expression): ConstValue | undefined {
    const x = skipOuter(arg);
    const callee = isCallExpression(x) ? skipOuter(x.expression) : undefined;
    return callee && isIdentifier(callee) && this.importedNames.has(callee.text) ? str({ ref: { local: callee.text, path: [CALLED] } }) : undefined;
  }

  /**
   * `eu.route(router, 'get', '/etapi/notes', h)`, `route(router, 'get', ...)` of an imported function:
   * recorded when it is given a router and an HTTP method literal (collect.ts decides whether it
   * is a route helper). True when recorded.
   */
  protected readHelperCall(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    const root = isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : callee;
    // A member of a router named so is its method (`router.get(...)`); an imported function named so is called (`apiRouter('/v1', build, { router })`).
    if (!isIdentifier(root) || !this.importedNames.has(root.text) || this.routers.has(root.text) || (CONVENTIONAL_RECEIVER.test(root.text) && root !== callee && !this.handsRouterFirst(call))) return false;
    // In a route helper's own body, a call handing on the helper's parameters is read at the helper's call sites (expandRouteHelper).
    if (this.expanding.length === 0 && this.handsOnHelperParams(call)) return false;
    const routerOf = (a: ts.Expression): string | null => {
      const x = skipOuter(a);
      const r = isIdentifier(x) ? this.receiverOf(x) : undefined;
      return r !== undefined && r !== root.text && (this.routers.has(r) || CONVENTIONAL_RECEIVER.test(r) || this.typedReceivers.has(r)) ? r : null;
    };
    const routers = call.arguments.map(routerOf);
    const routerProps = call.arguments.map((a) => carriedRouters(a, routerOf));
    // Most calls of an imported function hand it no router: their arguments are not evaluated.
    if (!routers.some((r) => r !== null) && !routerProps.some((r) => r !== null)) return false;
    const values = call.arguments.map((a) => (isSpreadElement(a) ? undefined : (this.evaluate(a) ?? this.importedCallResult(a))));
    // `page(app, `/${name}/settings`, h)` with a segment not known statically: that path, … in its place (unknownSegments.ts).
    const literals = values.map((v, i) => literalOf(v) ?? (v === undefined ? unknownSegmentsPath(call.arguments[i] as ts.Expression, (x) => this.evaluate(x))?.path : undefined) ?? null);
    const method = literals.some((l) => l !== null && ROUTER_METHODS[l.toLowerCase()] !== undefined);
    // `registerPage(server, { path: '/settings', ... })`: the literal properties of object arguments,
    // for a helper of a fixed method reading them (fixedHelpers).
    const props = values.map((v) => (v?.kind === 'obj' ? literalProps(v) : null));
    // Every such call is kept: collect.ts reads it if the function is a route helper. One without a
    // method is read as a router handed to a function too; a helper taking the method from it reads it
    // only in a loop over a list not known here (to warn of).
    const entry: NonNullable<ExtractedFile['helperCalls']>[number] = { helper: root.text, literals, routers, line: this.line(call) };
    if (props.some((p) => p !== null)) entry.props = props;
    if (routerProps.some((p) => p !== null)) entry.routerProps = routerProps;
    const refs = values.map((v) => soleRef(v) ?? null);
    if (refs.some((r) => r !== null)) entry.refs = refs;
    // `page(app, `/${name}/settings`, h)` in `module.exports = function (app, name)`: filled by each call handing the router in (collect.ts).
    const router = routers.find((r): r is string => r !== null);
    const given = router !== undefined ? call.arguments.map((a, i) => (values[i] === undefined && !isSpreadElement(a) ? (this.givenParamsValue(a, call, router) ?? null) : null)) : [];
    if (given.some((g) => g !== null)) entry.given = given;
    if (!method && this.unknownLoopVariable(call) === undefined) entry.noMethod = true;
    if (isPropertyAccessExpression(callee)) entry.member = callee.name.text;
    const callbacks = this.callbackCalls(call);
    if (callbacks.length > 0) entry.callbacks = callbacks;
    (this.out.helperCalls ??= []).push(entry);
    // A list handed on with the router (`registerRoutes(server, [...adminRoutes])`): for a route list helper (listHelpers.ts).
    if (values.some((v) => v?.kind === 'arr' || (v?.kind === 'str' && hasRefs(v))))
      (this.out.listHelperCalls ??= []).push({ helper: root.text, ...(entry.member !== undefined ? { member: entry.member } : {}), args: values.map((v) => v ?? null), routers, line: entry.line });
    return method;
  }

  /**
   * The calls the callbacks a call gives (a function written at an argument, or at a property of an
   * object written there) make of a member of the object they are handed: `({ route }) => { route(a) }`,
   * `(r) => { r.route(a) }`; each with its arguments' literals, literal properties and references.
   */
  private callbackCalls(call: ts.CallExpression): NonNullable<NonNullable<ExtractedFile['helperCalls']>[number]['callbacks']> {
    const out: NonNullable<NonNullable<ExtractedFile['helperCalls']>[number]['callbacks']> = [];
    const read = (at: HelperArg, e: ts.Expression): void => {
      const f = skipOuter(e);
      const param = (isArrowFunction(f) || isFunctionExpression(f)) && f.body ? f.parameters[0]?.name : undefined;
      if (!param || !(isArrowFunction(f) || isFunctionExpression(f))) return;
      // The member each name the parameter binds reads (`{ route }`, `{ route: add }`), or the parameter itself.
      const members = new Map<string, string>();
      if (isObjectBindingPattern(param)) for (const el of param.elements) if (!el.dotDotDotToken && isIdentifier(el.name) && (el.propertyName === undefined || isIdentifier(el.propertyName))) members.set(el.name.text, (el.propertyName ?? el.name).text);
      for (const c of this.callsWithin(f.body)) {
        const target = skipOuter(c.expression);
        const base = isPropertyAccessExpression(target) ? skipOuter(target.expression) : undefined;
        const member = isIdentifier(target) ? members.get(target.text) : isIdentifier(param) && base && isIdentifier(base) && base.text === param.text && isPropertyAccessExpression(target) ? target.name.text : undefined;
        if (member === undefined) continue;
        const values = c.arguments.map((a) => (isSpreadElement(a) ? undefined : (this.evaluate(a) ?? this.importedCallResult(a))));
        const props = values.map((v) => (v?.kind === 'obj' ? literalProps(v) : null));
        const refs = values.map((v) => soleRef(v) ?? null);
        out.push({ at, member, literals: values.map((v) => literalOf(v) ?? null), ...(props.some((p) => p !== null) ? { props } : {}), ...(refs.some((r) => r !== null) ? { refs } : {}), line: this.line(c) });
      }
    };
    call.arguments.forEach((arg, i) => {
      const a = skipOuter(arg);
      if (isObjectLiteralExpression(a)) for (const p of a.properties) if (isPropertyAssignment(p) && isIdentifier(p.name)) read([i, p.name.text], p.initializer);
      read(i, a);
    });
    return out;
  }

  /**
   * `Object.entries(routes).forEach(([name, d]) => apm.koa.addRoutes(router, d.paths, ...d.handlers))`:
   * a router and the loop's element handed to a function of an imported module, reached through the
   * import or a constant of it (`const apm = apmUtils.koa`). Each element may be a route this file
   * does not declare: recorded (ExtractedFile.loopHelperCalls) for collect.ts to warn of when that
   * module is no file of the scan.
   */
  protected readLoopHelperCall(call: ts.CallExpression): void {
    const callee = skipOuter(call.expression);
    const local = this.importRoot(callee, 0);
    if (local === undefined || this.routers.has(local) || CONVENTIONAL_RECEIVER.test(local)) return;
    // A package's function: not a module of the project (`./helpers`, `~/lib`), nor one of Node's (`node:path`).
    const source = this.out.imports.find((i) => i.local === local)?.source;
    if (source === undefined || !PACKAGE_NAME.test(source) || isBuiltin(source)) return;
    // A router this file makes (`new Router()`, `express.Router()`): not a name that often is one (`app`), handed to anything.
    const isRouter = (a: ts.Expression): boolean => {
      const x = skipOuter(a);
      const r = isIdentifier(x) ? this.receiverOf(x) : undefined;
      return r !== undefined && r !== local && this.routers.has(r) && this.out.routerMakers?.[r] === undefined;
    };
    if (!call.arguments.some(isRouter)) return;
    const names = loopNames(call);
    // Out of a loop, a call handing the router route paths (`addRoutes(router, [['/terms']], h)`) registers them.
    const inLoop = names.size > 0 && call.arguments.some((a) => !isRouter(a) && readsName(a, names));
    if (!inLoop && (names.size > 0 || !call.arguments.some((a) => !isRouter(a) && holdsRoutePath(a, 0)))) return;
    // A loop over a table known here is read once per element: one record of the call.
    const line = this.line(call);
    if (!this.out.loopHelperCalls?.some((c) => c.line === line)) (this.out.loopHelperCalls ??= []).push({ local, callee: callee.getText(this.sf), line, ...(inLoop ? {} : { once: true as const }) });
  }

  /** The imported name at the root of `e`: `mod.f`, or `helpers.f` of `const helpers = mod.koa`. */
  private importRoot(e: ts.Expression, depth: number): string | undefined {
    let root = skipOuter(e);
    while (isPropertyAccessExpression(root)) root = skipOuter(root.expression);
    if (!isIdentifier(root)) return undefined;
    if (this.importedNames.has(root.text)) return root.text;
    const init = depth < 3 ? this.decls.get(root.text) : undefined;
    return init && isExpression(init) && isPropertyAccessExpression(skipOuter(init)) ? this.importRoot(init, depth + 1) : undefined;
  }

  /**
   * `etapiNotes.register(router)`, `routes.register(app)`: a router made here handed to a function
   * of an imported module object, not a Fastify registration on it (that is called on the app and
   * given a plugin). Each such argument mounts that function's parameter (`etapiNotes.register#0`).
   */
  protected readModulePassed(call: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const root = skipOuter(callee.expression);
    const name = callee.name.text;
    // `imported.use(apiRouter)` mounts on an imported router: a router's own calls are not this.
    // `users.mount(router)` hands the router to a module's function; Hono's `app.mount('/p', handler)` is given a path too.
    const handedOn = name === 'register' || (name === 'mount' && call.arguments.length === 1);
    if (name in ROUTER_METHODS || (CHAIN_KEEPS_ROUTER.has(name) && !handedOn)) return false;
    // `require('./sign-in').register(router)`: the function the module exports under that name, as if imported by it;
    // `(await import(`../routes/${file}`)).default(router)` in a loop over a listed folder: each file's (collect.ts expands the listing).
    const source = requireSource(root) ?? (isModuleLoad(skipOuter(root)) || isAwaitExpression(root) ? this.listedLoad(root)?.source : undefined);
    if (source !== undefined) {
      const local = `require(${source}).${name}`;
      const passed = this.mountPassedRouters(call, local, () => true, true);
      if (passed && !this.out.imports.some((i) => i.local === local)) this.out.imports.push({ local, imported: name, source });
      return passed;
    }
    if (!isIdentifier(root) || !this.importedNames.has(root.text) || this.routers.has(root.text)) return false;
    // `imageRoutes.setup(app)` in a plugin `setup(app)`: its own parameter of a router's name is handed on too.
    return this.mountPassedRouters(call, `${root.text}.${name}`, (router) => router !== root.text, true);
  }

  /**
   * Each argument of `call` that is a router made here (or, `params`, a parameter of an enclosing
   * function named as routers are) mounts the parameter at its position of `fn` (`fn#i`); true when one does.
   */
  private mountPassedRouters(call: ts.CallExpression | ts.NewExpression, fn: string, accept: (router: string) => boolean, params = false): boolean {
    const line = this.line(call);
    let passed = false;
    (call.arguments ?? []).forEach((arg, i) => {
      const a = skipOuter(arg);
      const router = isIdentifier(a) ? this.receiverOf(a) : undefined;
      const known = router !== undefined && (this.routers.has(router) || (params && isIdentifier(a) && CONVENTIONAL_RECEIVER.test(router) && isParameterOfEnclosing(call, a.text)));
      if (router === undefined || !known || !accept(router)) return;
      this.out.mounts.push({ prefix: '/', routerName: `${fn}#${i}`, line, mountedOn: router });
      passed = true;
    });
    return passed;
  }

  /**
   * `new ProductsRoute(apiRouter)` of a class imported or declared here: a router made here handed to
   * its constructor mounts the router that constructor keeps it as (`new ProductsRoute#constructor#0`,
   * fileExports.ts keptParams, resolved by collect.ts).
   */
  protected readConstructorPassed(node: ts.NewExpression): void {
    const cls = skipOuter(node.expression);
    if (!isIdentifier(cls) || !/^[A-Z]/.test(cls.text) || !(this.importedNames.has(cls.text) || this.decls.has(cls.text))) return;
    this.mountPassedRouters(node, `new ${cls.text}#constructor`, (router) => router !== cls.text);
  }

  /**
   * `chat.dynamicRouter(dynamicRouter)` on a value this file cannot name (a loop's element, a
   * parameter): a router made here handed to a method of that name. Each such argument mounts the
   * parameter at its position of the scan's class methods of that name that declare routes on it
   * (`*.dynamicRouter#0`, resolved by collect.ts). True when recorded.
   */
  protected readPolymorphicPassed(call: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const root = skipOuter(callee.expression);
    const name = callee.name.text;
    if (name in ROUTER_METHODS || CHAIN_KEEPS_ROUTER.has(name) || !isIdentifier(root) || this.importedNames.has(root.text) || this.routers.has(root.text) || CONVENTIONAL_RECEIVER.test(root.text)) return false;
    // Only a router made here: not a call's result that may be anything (`const config = await parseConfig()`).
    return this.mountPassedRouters(call, `${ANY_CLASS}${name}`, (router) => this.out.routerMakers?.[router] === undefined && router !== root.text);
  }

  /**
   * `group('/api', (app) => this.codes.route(app))`, `app.use(this.send(app))`: a router handed to a
   * method of an instance whose class the code names (instanceClasses.ts). Each such argument mounts
   * that method's parameter at its position (`new Codes#route#0`, collect.ts resolveClassMount). True when recorded.
   */
  protected readInstancePassed(call: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    if (callee.name.text in ROUTER_METHODS || call.arguments.length === 0) return false;
    const cls = this.instanceClassOf(callee.expression);
    if (cls === undefined) return false;
    return this.mountPassedRouters(call, `new ${cls}#${callee.name.text}`, () => true);
  }

  /**
   * The class a receiver is an instance of (instanceClasses.ts) when this file declares it or imports
   * it from a file of the project (a relative path or an alias such as `@/`, `~/`, `#`: not a
   * package's class, `new ExpressAdapter().getRouter()`, whose code the scan does not read), and the
   * receiver is no router (a method of `new Hono()` is the framework's). A name taken for a router
   * only because it holds `new` of that very class under a router-like name (`const authRouter = new
   * AuthRouter(deps)`, declarations.ts classMaker) is still its instance: `authRouter.getRouter()`
   * asks the class's own method.
   */
  protected instanceClassOf(e: ts.Expression): string | undefined {
    const cls = receiverClass(e, (name) => this.heldNode(name));
    const local = cls !== undefined ? (this.decls.get(cls) as ts.Node | undefined) : undefined;
    const imported = cls !== undefined && this.out.imports.some((i) => i.local === cls && PROJECT_SOURCE.test(i.source));
    if (cls === undefined || !(imported || (local !== undefined && isClassDeclaration(local)))) return undefined;
    const router = this.receiverOf(e);
    const madeOfClass = router !== undefined && this.out.routerMakers?.[router]?.maker === `new ${cls}`;
    return router !== undefined && this.routers.has(router) && !madeOfClass ? undefined : cls;
  }

  /**
   * The code a name holds: a loop's variable bound to an element of a literal list (`for (const c
   * of [new Plants(), new Seeds()])`, loops.ts) while that element is read, else its declaration's.
   */
  protected heldNode(name: string): ts.Node | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const hit = this.scopes[i]?.get(name);
      if (hit !== undefined && 'pos' in hit) return hit as ts.Node;
    }
    return this.decls.get(name) as ts.Node | undefined;
  }

  /** A call in a route helper's own body whose arguments read the helper's parameters. */
  private handsOnHelperParams(call: ts.CallExpression): boolean {
    const fn = enclosingFunction(call);
    if (!fn || !this.helperFns().has(fn)) return false;
    const params = new Set(fn.parameters.flatMap((p) => (isIdentifier(p.name) ? [p.name.text] : [])));
    return call.arguments.some((a) => !isIdentifier(skipOuter(a)) && readsName(a, params));
  }

  /** The route helpers' function nodes, built again only after a helper is added. */
  private helperFns(): ReadonlySet<ts.Node> {
    return (this.helperFnSet ??= new Set<ts.Node>(this.routeHelpers.values()));
  }

  protected inRouteHelper(node: ts.Node): boolean {
    const helpers = this.helperFns();
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) if (this.fixedHelperFns.has(fn) || helpers.has(fn)) return true;
    return false;
  }

  /** A router by its name: one the file declares, or a conventional receiver (`app`, `server`). */
  private isRouterName(e: ts.Expression): boolean {
    const x = skipOuter(e);
    return isIdentifier(x) && (this.routers.has(x.text) || CONVENTIONAL_RECEIVER.test(x.text));
  }

  /**
   * A call of a route helper: its body read with its parameters bound to the call's values (a
   * router argument to that router), the routes it declares placed at the call.
   */
  private expandRouteHelper(call: ts.CallExpression, name: string, fn: RouteHelper, literalsOnly = false): void {
    const scope: Scope = new Map();
    const instances = instanceArgs(fn.parameters, call.arguments);
    const passed = new Map<string, ts.Expression>();
    fn.parameters.forEach((p, i) => {
      const arg = call.arguments[i];
      if (!isIdentifier(p.name) || !arg || isSpreadElement(arg)) return;
      const router = this.receiverOf(arg);
      const evaluated = router !== undefined && this.isReceiver(router) && this.routers.has(router) ? undefined : this.evaluate(arg);
      // Read for a call not known (readKeyedMemberCall): only what is surely known bound, the rest shown as … in the body's paths.
      const value = literalsOnly && literalOf(evaluated) === undefined ? undefined : evaluated;
      if (value) scope.set(p.name.text, value);
      else if (router !== undefined && this.routers.has(router)) scope.set(p.name.text, ts.factory.createIdentifier(router));
      // What the call hands in by name or as a call's result (`useWith404Fallback('/x', imported)`, `(..., await m.getRouter())`): a mount of the parameter mounts it.
      // A parameter of the helper calling this one stands for what its own call handed in.
      const outer = isIdentifier(skipOuter(arg)) ? this.expanding.at(-1)?.passed?.get((skipOuter(arg) as ts.Identifier).text) : undefined;
      if (isMountable(arg)) passed.set(p.name.text, outer ?? arg);
    });
    this.expanding.push({ name, line: this.expanding.length > 0 ? this.expanding[0]?.line : literalsOnly ? undefined : this.line(call), passed });
    const body = fn.body;
    if (body) this.instanceGuards.push({ instances, body });
    try {
      if (body) this.withScope(scope, () => this.visit(body));
    } finally {
      this.expanding.pop();
      if (body) this.instanceGuards.pop();
    }
  }

  /** A router call read by `read`, its routes marked with the member its helper's guard needs of an instance given to the helper (memberGuards.ts). */
  protected guardedByMember(call: ts.CallExpression, read: () => void): void {
    const at = this.instanceGuards.at(-1);
    const guard = at && at.instances.size > 0 ? memberGuardOf(call, at.instances, at.body) : undefined;
    const before = this.out.routes.length;
    read();
    if (guard) for (const r of this.out.routes.slice(before)) r.needsMember = guard;
  }

  /**
   * `usersRoutes(apiRouter)`, `require('./users')(app)`: a function that declares routes on the
   * router it is given. Each router argument is a mount of that function's parameter at its
   * position (`usersRoutes#0`), resolved by collect.ts against the function's file.
   */
  /**
   * A value an argument's object carries under `key`: itself, or, for a list of objects written
   * there or held by a constant of the file (`subRouters: [{ router: formRoutes, patterns }]`), each
   * element's properties under `key[].prop` (mountHelpers.ts EACH_ELEMENT).
   */
  private carriedList(key: string, value: ts.Expression): Array<[string, ts.Expression]> {
    const v = skipOuter(value);
    const held = isIdentifier(v) ? this.decls.get(v.text) : v;
    const list = held && isArrayLiteralExpression(held as ts.Node) ? (held as ts.ArrayLiteralExpression) : undefined;
    if (!list) return [[key, value]];
    return list.elements.flatMap((el) => {
      const o = skipOuter(el as ts.Expression);
      return isObjectLiteralExpression(o) ? o.properties.flatMap((p): Array<[string, ts.Expression]> => (isPropertyAssignment(p) && isIdentifier(p.name) ? [[`${key}${EACH_ELEMENT}.${p.name.text}`, p.initializer]] : isShorthandPropertyAssignment(p) ? [[`${key}${EACH_ELEMENT}.${p.name.text}`, p.name]] : [])) : [];
    });
  }

  /** `sections.item(router, 'books')`: a call of a route helper an object of the file holds (memberFunctions), read by readRouterPassed. */
  /**
   * `Routes.route(app, table)`: a member of an imported module named like a router, handed this file's
   * router first. No router method takes a router where its path or options go (only a mount does:
   * `use`, `register`), so the member is a function of that module the router is handed to.
   */
  protected handsRouterFirst(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    const root = isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
    const first = call.arguments[0] && skipOuter(call.arguments[0]);
    if (!root || !isIdentifier(root) || !CONVENTIONAL_RECEIVER.test(root.text) || !this.importedNames.has(root.text) || !first || !isIdentifier(first) || !this.routers.has(first.text)) return false;
    return !MOUNT_METHODS.has((callee as ts.PropertyAccessExpression).name.text);
  }

  protected isMemberHelperCall(call: ts.CallExpression): boolean {
    const name = isPropertyAccessExpression(skipOuter(call.expression)) ? calledName(call) : undefined;
    return name !== undefined && this.routeHelpers.has(name);
  }

  /** `sections[key](router, name)` with the key known here (a loop's pass): the route helper `sections.<key>` read at the call. True when it is one. */
  protected readKeyedMemberCall(call: ts.CallExpression, callee: ts.ElementAccessExpression): boolean {
    const table = skipOuter(callee.expression);
    if (!isIdentifier(table) || this.routeHelpers.size === 0) return false;
    const key = literalOf(this.evaluate(callee.argumentExpression));
    const read = this.expanding.length > 0 || !this.inRouteHelper(call);
    if (key === undefined) {
      // A key not known here: each helper of the object read with what the call gives, a value not known shown as …; the call still warned of (warnTableCall).
      if (read) for (const [name, helper] of this.routeHelpers) if (name.startsWith(`${table.text}.`) && !this.expanding.some((e) => e.name === name)) this.expandRouteHelper(call, name, helper, true);
      return false;
    }
    const name = `${table.text}.${key}`;
    const helper = this.routeHelpers.get(name);
    if (!helper) return read && this.readLoadedMemberCall(call);
    if (this.expanding.some((e) => e.name === name)) return false;
    if (read) this.expandRouteHelper(call, name, helper);
    return true;
  }

  /**
   * `mounts[key](router, name)` with the key known here and the table's member a module's function
   * (`{ admin: require('./admin') }`) or an imported one: that function handed the router, with the
   * call's arguments (readRouterPassed's mount). True when it is one.
   */
  private readLoadedMemberCall(call: ts.CallExpression): boolean {
    const ref = soleRef(this.evaluate(call.expression));
    const imp = ref && ref.path.length === 0 ? this.out.imports.find((i) => i.local === ref.local) : undefined;
    if (!imp) return false;
    // A module loaded where the table is written (`require('./admin')`): named as a call of it is (`require(./admin)`).
    const local = imp.local.startsWith('*load*') ? `require(${imp.source})` : imp.local;
    if (local !== imp.local && !this.out.imports.some((i) => i.local === local)) this.out.imports.push({ local, imported: imp.imported, source: imp.source });
    this.readRouterPassed(call, local);
    return true;
  }

  protected readRouterPassed(call: ts.CallExpression, loaded?: string): void {
    const callee = skipOuter(call.expression);
    const called = loaded === undefined ? calledName(call) : undefined;
    const helper = called !== undefined ? this.routeHelpers.get(called) : undefined;
    if (helper && called !== undefined && !this.expanding.some((e) => e.name === called)) {
      // One helper handing on to another is read at the outer helper's call sites, not in its own body.
      // Its routes of literal paths on the router it is handed are the outer function's router's: that router mounts it.
      if (this.expanding.length === 0 && this.inRouteHelper(call)) {
        this.mountPassedRouters(call, called, () => true, true);
        return;
      }
      return this.expandRouteHelper(call, called, helper);
    }
    const req = loaded === undefined ? requireSource(callee) : undefined;
    if (loaded === undefined && !isIdentifier(callee) && req === undefined) return;
    const line = this.line(call);
    // The call's arguments, for a prefix the function builds from its parameters (mounts.ts paramPrefix).
    let given: Array<ConstValue | null> | undefined;
    // A list too, for a route list helper registering each element (listHelpers.ts).
    const args = () => (given ??= call.arguments.map((a) => (isSpreadElement(a) ? undefined : this.argValue(a, 0))).map((v) => (v?.kind === 'str' || v?.kind === 'arr' ? v : null)));
    call.arguments.forEach((arg, i) => {
      // `adminUserBasicsRoutes(...args)`: the enclosing function's rest parameter handed on whole,
      // its first element (the router) at this position.
      if (isSpreadElement(arg) && isIdentifier(arg.expression) && isIdentifier(callee)) {
        const rest = arg.expression.text;
        const fn = enclosingFunction(call);
        const param = fn?.parameters.find((p) => p.dotDotDotToken && isIdentifier(p.name) && p.name.text === rest);
        const router = fn && param ? restNames(fn, rest)[0] : undefined;
        if (router && (this.importedNames.has(callee.text) || this.decls.has(callee.text))) this.out.mounts.push({ prefix: '/', routerName: `${callee.text}#${i}`, line, mountedOn: router });
        return;
      }
      const a = skipOuter(arg);
      // `registerMcp({ app, routes: protectedRoutes })`: each router the object carries, by its key.
      const carried = isObjectLiteralExpression(a)
        ? a.properties.flatMap((p): [string, ts.Expression][] =>
            isShorthandPropertyAssignment(p) ? this.carriedList(`.${p.name.text}`, p.name) : isPropertyAssignment(p) && isIdentifier(p.name) ? this.carriedList(`.${p.name.text}`, p.initializer) : [],
          )
        : [['', a] as [string, ts.Expression]];
      for (const [key, value] of carried) {
        const v = skipOuter(value);
        if (!isIdentifier(v)) continue;
        const router = this.receiverOf(v);
        if (router === undefined || !(this.routers.has(router) || CONVENTIONAL_RECEIVER.test(router))) continue;
        const fn = loaded ?? (isIdentifier(callee) ? callee.text : `require(${req ?? ''})`);
        if (req !== undefined) this.out.imports.push({ local: fn, imported: 'default', source: req });
        else if (loaded === undefined && !this.importedNames.has(fn) && !this.decls.has(fn)) return;
        const known = call.arguments.length > 1 ? args() : [];
        const named = call.arguments.length > 1 ? argNames(call) : undefined;
        this.out.mounts.push({ prefix: '/', routerName: `${fn}#${i}${key}`, line, mountedOn: router, ...(known.some((a, at) => a !== null && at !== i) ? { args: known } : {}), ...(named ? { argNames: named } : {}) });
      }
    });
  }
}

/**
 * A method registering a route config it is given on the router it is handed: its first parameter's
 * `.openapi(config, handler)` with a config named, not written there (`mountHttp(app) { app.openapi(route, h) }`,
 * `app.openapi(args.route, h)`).
 */
function registersGivenConfig(fn: ts.FunctionLikeDeclaration): boolean {
  const p = fn.parameters[0]?.name;
  if (!fn.body || !p || !isIdentifier(p)) return false;
  const find = (n: ts.Node): boolean => {
    if (isCallExpression(n) && isPropertyAccessExpression(n.expression) && n.expression.name.text === 'openapi' && n.arguments.length >= 2) {
      const recv = skipOuter(n.expression.expression);
      const config = n.arguments[0] && skipOuter(n.arguments[0]);
      if (isIdentifier(recv) && recv.text === p.text && config && (isIdentifier(config) || isPropertyAccessExpression(config))) return true;
    }
    return forEachChild(n, find) ?? false;
  };
  return find(fn.body);
}

/**
 * A helper's path as pieces: a parameter's position or literal text (`base + path` -> [1, 4]),
 * through a constant the helper declares (`const full = `${base}/${path}``). Undefined when it is
 * built from anything else.
 */
function helperPathPieces(e: ts.Expression, fn: RouteHelper, bound: ReadonlyMap<string, HelperArg>, depth: number): Array<HelperArg | string> | undefined {
  const x = skipOuter(e);
  if (depth > 4) return undefined;
  if (isStringLiteralLike(x)) return [x.text];
  if (isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [left, right] = [helperPathPieces(x.left, fn, bound, depth + 1), helperPathPieces(x.right, fn, bound, depth + 1)];
    return left && right ? [...left, ...right] : undefined;
  }
  if (isTemplateExpression(x)) {
    const out: Array<HelperArg | string> = [x.head.text];
    for (const span of x.templateSpans) {
      const inner = helperPathPieces(span.expression, fn, bound, depth + 1);
      if (!inner) return undefined;
      out.push(...inner, span.literal.text);
    }
    return out;
  }
  // `config.path ?? ''` of a parameter `config`: the property, or the literal when it is absent.
  if (isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken && isStringLiteralLike(skipOuter(x.right))) {
    const read = helperPathPieces(x.left, fn, bound, depth + 1);
    const only = read?.length === 1 ? read[0] : undefined;
    return Array.isArray(only) && only.length === 2 ? [[only[0], only[1], (skipOuter(x.right) as ts.StringLiteralLike).text]] : undefined;
  }
  // `page.path` of a parameter `page`.
  const base = isPropertyAccessExpression(x) ? skipOuter(x.expression) : undefined;
  const owner = base && isIdentifier(base) ? bound.get(base.text) : undefined;
  if (typeof owner === 'number' && isPropertyAccessExpression(x)) return [[owner, x.name.text]];
  if (!isIdentifier(x)) return undefined;
  const arg = bound.get(x.text);
  if (arg !== undefined) return [arg];
  let local: ts.Expression | undefined;
  const find = (n: ts.Node): void => {
    if (isVariableDeclaration(n) && isIdentifier(n.name) && n.name.text === x.text && n.initializer) local = n.initializer;
    else if (!local && !isFunctionLike(n)) forEachChild(n, find);
  };
  if (fn.body) forEachChild(fn.body, find);
  return local ? helperPathPieces(local, fn, bound, depth + 1) : undefined;
}

/** A route path written in `e`: a string literal (`'/terms'`) or one in an array literal (`[['/a', '/b']]`). */
function holdsRoutePath(e: ts.Expression, depth: number): boolean {
  const x = skipOuter(e);
  if (isStringLiteralLike(x)) return x.text.startsWith('/');
  return depth < 3 && isArrayLiteralExpression(x) && x.elements.some((el) => holdsRoutePath(el, depth + 1));
}

/** Whether an expression reads one of the names (not inside a function of its own). */
/** The routers an object argument carries by key (`{ router, path: '/' }`, `{ app: api }`); null when none. */
function carriedRouters(arg: ts.Expression, routerOf: (e: ts.Expression) => string | null): Record<string, string> | null {
  const o = skipOuter(arg);
  if (!isObjectLiteralExpression(o)) return null;
  const out: Record<string, string> = {};
  for (const p of o.properties) {
    const value = isShorthandPropertyAssignment(p) ? p.name : isPropertyAssignment(p) && isIdentifier(p.name) ? p.initializer : undefined;
    const router = value && p.name && isIdentifier(p.name) ? routerOf(value) : null;
    if (router !== null && p.name && isIdentifier(p.name)) out[p.name.text] = router;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** The parameter places the names an expression reads are bound to (paramBindings). */
function placesRead(e: ts.Node, bound: ReadonlyMap<string, HelperArg>): number[] {
  const place = isIdentifier(e) ? bound.get(e.text) : undefined;
  if (place !== undefined) return [typeof place === 'number' ? place : place[0]];
  const out: number[] = [];
  if (!isFunctionLike(e)) forEachChild(e, (c) => void out.push(...placesRead(c, bound)));
  return out;
}

function readsName(e: ts.Node, names: ReadonlySet<string>): boolean {
  if (isIdentifier(e)) return names.has(e.text);
  return !isFunctionLike(e) && (forEachChild(e, (c) => readsName(c, names) || undefined) ?? false);
}

/**
 * `page(app, `/${name}/:id`, h)` in a function taking `app` and `name`: an imported function handed
 * a parameter of the function as it is (the router) and, at another place, a template or
 * concatenation reading a parameter (the path).
 */
function handsImportedHelper(node: ts.CallExpression, callee: ts.Expression, params: ReadonlySet<string>, isParam: (e: ts.Expression | undefined) => boolean, imported: ReadonlySet<string>): boolean {
  if (!isIdentifier(callee) || !imported.has(callee.text)) return false;
  const args = node.arguments;
  const router = args.findIndex((a) => isParam(a));
  return router >= 0 && args.some((a, i) => i !== router && !isParam(a) && (isTemplateExpression(skipOuter(a)) || isBinaryExpression(skipOuter(a))) && readsName(a, params));
}

/**
 * Functions an object of the file holds, by `object.member`: set at the top level (`sections.item =
 * (app, name) => {...}`) or written in the object a constant declares (`const sections = { shelf(app,
 * name) {...} }`, read at that declaration's statement).
 */
function memberFunctions(st: ts.Statement, declOf: (name: string) => ts.Node | undefined): Array<[string, RouteHelper]> {
  if (isExpressionStatement(st) && isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const [left, right] = [skipOuter(st.expression.left), skipOuter(st.expression.right)];
    const named = isPropertyAccessExpression(left) && isIdentifier(left.expression) && declOf(left.expression.text) !== undefined ? `${left.expression.text}.${left.name.text}` : undefined;
    return named !== undefined && (isArrowFunction(right) || isFunctionExpression(right)) ? [[named, right]] : [];
  }
  if (!isVariableStatement(st)) return [];
  return st.declarationList.declarations.flatMap((d) => {
    const init = d.initializer && skipOuter(d.initializer);
    if (!isIdentifier(d.name) || !init || !isObjectLiteralExpression(init)) return [];
    const owner = d.name.text;
    return init.properties.flatMap((p): Array<[string, RouteHelper]> => {
      if (isMethodDeclaration(p) && isIdentifier(p.name) && p.body) return [[`${owner}.${p.name.text}`, p]];
      if (!isPropertyAssignment(p) || !isIdentifier(p.name)) return [];
      const value = skipOuter(p.initializer);
      return isArrowFunction(value) || isFunctionExpression(value) ? [[`${owner}.${p.name.text}`, value]] : [];
    });
  });
}

/** The name a call calls a function of the file by: `f(...)`, or `object.member(...)` of an object of the file. */
function calledName(call: ts.CallExpression): string | undefined {
  const c = skipOuter(call.expression);
  if (isIdentifier(c)) return c.text;
  return isPropertyAccessExpression(c) && isIdentifier(c.expression) ? `${c.expression.text}.${c.name.text}` : undefined;
}

/** Whether a function of the file is called: by its name, or, one an object holds, through a key of that object (`sections[key](...)`). */
function isCalled(called: ReadonlySet<string>, name: string): boolean {
  const dot = name.indexOf('.');
  return called.has(name) || (dot > 0 && called.has(`${name.slice(0, dot)}[]`));
}

/** The names of the file's functions called by name somewhere in it (`f`, `object.member`; `object[]` for `object[key](...)`). */
function calledNames(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  const walk = (n: ts.Node): void => {
    const c = isCallExpression(n) ? skipOuter(n.expression) : undefined;
    const name = isCallExpression(n) ? calledName(n) : undefined;
    if (name !== undefined) out.add(name);
    else if (c && isElementAccessExpression(c) && isIdentifier(skipOuter(c.expression))) out.add(`${(skipOuter(c.expression) as ts.Identifier).text}[]`);
    forEachChild(n, walk);
  };
  walk(sf);
  return out;
}

/**
 * The names a function binds to what its call gives: each parameter (its position), the properties
 * of a destructured parameter (`(server, { path })`) and those its body destructures from a
 * parameter or reads off one into a constant (`const { path } = page`, `const path = page.path`).
 */
function paramBindings(fn: RouteHelper): Map<string, HelperArg> {
  const out = new Map<string, HelperArg>();
  const destructure = (pattern: ts.ObjectBindingPattern, at: number): void => {
    for (const el of pattern.elements) {
      const key = el.propertyName ?? el.name;
      if (!el.dotDotDotToken && isIdentifier(el.name) && (isIdentifier(key) || isStringLiteral(key))) out.set(el.name.text, [at, key.text]);
    }
  };
  const rest = new Map<string, number>();
  fn.parameters.forEach((p, i) => {
    if (isIdentifier(p.name) && p.dotDotDotToken) rest.set(p.name.text, i);
    else if (isIdentifier(p.name)) out.set(p.name.text, i);
    else if (isObjectBindingPattern(p.name)) destructure(p.name, i);
  });
  const body = fn.body && isBlock(fn.body) ? fn.body.statements : [];
  for (const st of body) {
    if (!isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer && skipOuter(d.initializer);
      // `function (...args) { const [router, name] = args }`: the names at the places they take.
      const spread = init && isIdentifier(init) ? rest.get(init.text) : undefined;
      if (spread !== undefined && isArrayBindingPattern(d.name))
        d.name.elements.forEach((el, i) => {
          if (!isOmittedExpression(el) && !el.dotDotDotToken && isIdentifier(el.name)) out.set(el.name.text, spread + i);
        });
      const from = init && isIdentifier(init) ? out.get(init.text) : undefined;
      if (typeof from === 'number' && isObjectBindingPattern(d.name)) destructure(d.name, from);
      const base = init && isPropertyAccessExpression(init) ? skipOuter(init.expression) : undefined;
      const owner = base && isIdentifier(base) ? out.get(base.text) : undefined;
      if (typeof owner === 'number' && init && isPropertyAccessExpression(init) && isIdentifier(d.name)) out.set(d.name.text, [owner, init.name.text]);
    }
  }
  return out;
}

/**
 * The routes one call of a helper's body registers with a literal method on a router parameter, its
 * path read from the parameters: `server.route({ method: 'GET', path })` (route options, also a method
 * list), `router.get(base + '/list', h)`. None when the path reads no parameter (a route of the
 * router handed in, read as one: routerParams).
 */
/** Whether no function holds `node` inside `body` (`body` included, unless it is `node`): a walk of `body` not entering functions meets it. */
function outsideInnerFunctions(node: ts.Node, body: ts.Node, entered: (fn: ts.Node) => boolean = () => false): boolean {
  for (let at: ts.Node | undefined = node; at !== body; ) {
    at = at.parent as ts.Node | undefined;
    if (at === undefined || (isFunctionLike(at) && !entered(at))) return false;
  }
  return true;
}

function fixedRegistrations(call: ts.CallExpression, fn: RouteHelper, bound: ReadonlyMap<string, HelperArg>): NonNullable<ExtractedFile['fixedHelpers']>[string] {
  const callee = skipOuter(call.expression);
  const recv = isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
  // The router a parameter is, or a property of one (`({ router, path }) => router.get(path, h)`).
  const router = recv && isIdentifier(recv) ? bound.get(recv.text) : undefined;
  const first = call.arguments[0] && skipOuter(call.arguments[0]);
  if (router === undefined || !isPropertyAccessExpression(callee) || !first) return [];
  const readsParam = (pieces: Array<HelperArg | string> | undefined): pieces is Array<HelperArg | string> => pieces?.some((p) => typeof p !== 'string') ?? false;
  const verb = ROUTER_METHODS[callee.name.text];
  if (verb && call.arguments.length >= 2) {
    const path = helperPathPieces(first, fn, bound, 0);
    const when = helperGuards(call, bound);
    return readsParam(path) ? [{ router, method: verb, path, ...(when.length > 0 ? { when } : {}) }] : [];
  }
  if (callee.name.text !== 'route' || !isObjectLiteralExpression(first)) return [];
  const value = (key: string): ts.Expression | undefined => {
    const p = first.properties.find((q) => q.name && isIdentifier(q.name) && q.name.text === key);
    return p && isPropertyAssignment(p) ? p.initializer : p && isShorthandPropertyAssignment(p) ? p.name : undefined;
  };
  const pathNode = value('path') ?? value('url');
  const methodNode = value('method') && skipOuter(value('method') as ts.Expression);
  const path = pathNode && helperPathPieces(pathNode, fn, bound, 0);
  if (!readsParam(path) || !methodNode) return [];
  const methods = isStringLiteralLike(methodNode) ? [methodNode.text] : isArrayLiteralExpression(methodNode) && methodNode.elements.every(isStringLiteralLike) ? methodNode.elements.map((m) => (m as ts.StringLiteralLike).text) : [];
  return methods.map((m) => ({ router, method: m, path, options: true as const }));
}

/**
 * The plugin a function returns (an arrow function or function expression with a body) and the
 * name of its first parameter, the router it declares routes on; undefined when it returns none.
 */
function returnedPlugin(fn: ts.FunctionLikeDeclaration): { plugin: ts.ArrowFunction | ts.FunctionExpression; router: string } | undefined {
  const plugin = returnedExpression(fn);
  if (!plugin || !(isArrowFunction(plugin) || isFunctionExpression(plugin))) return undefined;
  const first = plugin.parameters[0]?.name;
  return first && isIdentifier(first) ? { plugin, router: first.text } : undefined;
}

/** In a route factory's bindings (findRouteFactories): the plugin's router, no parameter of the factory. */
const PLUGIN_ROUTER = -1;

/** The properties of an object value that are literal strings (`{ path: '/settings', view: 'settings' }`). */
function literalProps(v: ConstValue & { kind: 'obj' }): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(v.props)) {
    const text = literalOf(value);
    if (text !== undefined) out[key] = text;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** A package's name as an import names it (`elastic-apm-utils`, `@scope/pkg/sub`): not a path, an alias of the project (`@/x`, `~/x`, `#x`) or a URL. */
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)*$/;

/** The names the loops around `node` bind per pass (`([name, definition]) => ...`, `for (const r of list)`, an index). */
function loopNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  for (let cur: ts.Node = node; cur.parent && !isSourceFile(cur); cur = cur.parent) {
    const variable = loopOfBody(cur)?.variable;
    if (variable) bindingNames(variable, names);
  }
  return names;
}

/** The names a call's arguments give: a name by its position, an object's properties holding names by position and key (`2.main`). */
function argNames(call: ts.CallExpression): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  call.arguments.forEach((arg, i) => {
    const a = skipOuter(arg);
    if (isIdentifier(a)) out[String(i)] = a.text;
    else if (isObjectLiteralExpression(a))
      for (const p of a.properties) {
        const value = isShorthandPropertyAssignment(p) ? p.name : isPropertyAssignment(p) && isIdentifier(p.name) ? skipOuter(p.initializer) : undefined;
        if (p.name && isIdentifier(p.name) && value && isIdentifier(value)) out[`${i}.${p.name.text}`] = value.text;
      }
  });
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A name or a call's result (awaited or not): what a helper's parameter may stand for where its body mounts it. */
function isMountable(arg: ts.Expression): boolean {
  const x = skipOuter(arg);
  return isIdentifier(x) || isCallExpression(x);
}

/** Whether `name` is a parameter of a function enclosing `node`. */
function isParameterOfEnclosing(node: ts.Node, name: string): boolean {
  for (let fn = enclosingFunction(node); fn !== undefined; fn = enclosingFunction(fn)) if (fn.parameters.some((p) => isIdentifier(p.name) && p.name.text === name)) return true;
  return false;
}
