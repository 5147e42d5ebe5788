// Route registrations on an Express/Koa/Hono/Fastify router: `router.get(path, handler)`,
// koa-router's `register`, fastify's `route({ method, url })`, Hono's `on` and `mount`,
// @hono/zod-openapi's `openapi(route, handler)` and its document, computed method names
// (`router[method](path)`) and method-first helpers (`add('GET', '/x', handler)`).
import { AWILIX_ROLL_UP, isAwilixRouter } from './awilixControllers';
import ts from './compiler';
import { forEachChild, isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isBlock, isCallExpression, isFunctionExpression, isElementAccessExpression, isExpression, isIdentifier, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isRegularExpressionLiteral, isStringLiteral, isStringLiteralLike, isConditionalExpression, isPropertyAssignment, isSpreadAssignment, isSpreadElement } from './tsNodes';
import type { HttpMethod } from '../model';
import { UNKNOWN_PREFIX, expandOptionalGroups, withoutLeadingWildcard, bracedPathToRoute, joinRoutePath, openApiPathToRoute, isRoutePath } from './joinPath';
import { isHttpMethod, ROUTER_METHODS } from './routeSpec';
import { CALLED, LISTED, SPREAD, concat, hasEach, hasParams, hasRefs, paramRef, literalOf, literalsOf, propOf, readsArgs, readsEnv, soleRef, str, type ConstValue } from './values';
import { listHelperOf, ownRouterHelperOf } from './listHelpers';
import { isWrapperForwarding } from './methodWrappers';
import { lastReturn, skipOuter } from './tsSyntax';
import { CONVENTIONAL_RECEIVER, chainRoot, classField, enclosingFunction, handsEveryRequestOn, isFunctionLike, thisAssigned } from './routeSyntax';
import { ReceiverReader } from './receivers';
import type { ScanMessage } from '../scanTexts';
import { unknownSegmentsPath, type UnknownSegmentsPath } from './unknownSegments';
import { CLASS_ROUTER, writtenName, type ExtractedRoute } from './extracted';
import { fieldPathRoute } from './setterPaths';
import { heldRouteVerbs } from './heldRoutes';
import type { Scope } from './readerBase';

/** The parsers of body-parser, also Express's own since 4.16: https://expressjs.com/en/api.html#express.json */
const BODY_PARSERS = /^(?:json|urlencoded|raw|text)$/;

/** Servers whose `route(options)` registers routes given as values. */
const OPTION_ROUTE_PACKAGES = /^(?:@hapi\/hapi|hapi|fastify)$/;
/** A route options object's handler: `handler: fn` or the method `handler(req, reply) { ... }`. */
function handlerOf(a: ts.ObjectLiteralExpression): ts.Node | undefined {
  const member = a.properties.find((p) => p.name !== undefined && isIdentifier(p.name) && p.name.text === 'handler');
  return member && (ts.isMethodDeclaration(member) ? member : ts.isPropertyAssignment(member) ? member.initializer : undefined);
}

/** trpc-to-openapi and its older name, its adapters' subpaths too (`trpc-openapi/dist/adapters/node-http/core`). */
const OPENAPI_ADAPTER = /^(?:trpc-to-openapi|trpc-openapi)(?:\/|$)/;

export abstract class RouterCallReader extends ReceiverReader {
  /** `table[key](router, ...)` of a route helper an object of the file holds (routeHelpers.ts): read there. */
  protected abstract readKeyedMemberCall(call: ts.CallExpression, callee: ts.ElementAccessExpression): boolean;

  /**
   * Calls with a path or a method not known statically on receivers not routers by name
   * (isRouterByName: known only by import or type, or made by another file's function, as
   * `const query = knex('t'); query[op](...)`): warned of once the file shows them routers (warnUnknownPaths).
   */
  private readonly unknownPathCalls: { call: ts.CallExpression; router: string; warning: Extract<ScanMessage, { id: 'routerPath' | 'instanceFieldPath' | 'methodKey' }> }[] = [];

  /**
   * Routes whose path is a value to resolve (an instance's field, `this._oauth2.get(this._profileURL,
   * token, cb)`) on a member of `this` in a subclass not named as routers are (unsureMember): kept
   * once the file gives that receiver a route of a known path or a mount, else dropped (warnUnknownPaths).
   */
  private readonly unsureRoutes = new Set<ExtractedRoute>();

  /**
   * Calls read as a client's request on a receiver another function made (`const api = useApi();
   * api.post(url, body)` whose answer is used): their routes are kept only if collect.ts finds the
   * maker makes a router, so an unknown path of theirs waits, as a receiver known by import does.
   */
  protected readonly clientLikeCalls = new Set<ts.CallExpression>();

  /**
   * The warnings of unknownPathCalls whose receiver this file gives a route or a mount; the
   * unsureRoutes of a receiver it gives neither dropped.
   */
  protected warnUnknownPaths(): void {
    // `notClientLike`: only a route that is not itself a client-like call counts.
    const gives = (router: string, notClientLike = false) =>
      this.out.routes.some((r) => r.router === router && !this.unsureRoutes.has(r) && !(notClientLike && r.clientLike === true)) || this.out.mounts.some((m) => m.mountedOn === router);
    const dropped = new Set([...this.unsureRoutes].filter((r) => r.router === undefined || !gives(r.router)));
    if (dropped.size > 0) this.out.routes = this.out.routes.filter((r) => !dropped.has(r));
    // A client-like call's path waits for a route of that receiver that is not client-like itself.
    for (const { call, router, warning } of this.unknownPathCalls) if (gives(router, this.clientLikeCalls.has(call))) this.warn(call, warning);
  }

  /**
   * A receiver a call's unknown path is warned of at once: a router by name (isRouterByName), but not
   * a member of `this` in a subclass that is taken for the class's router only because its base may
   * hold one (`this._oauth2.get(url, token, cb)` in a passport strategy): that waits for the file to
   * give the class a route or a mount, as receivers known by import do.
   */
  private surelyRouter(router: string, call: ts.CallExpression): boolean {
    if (!this.isRouterByName(router) || this.clientLikeCalls.has(call)) return false;
    const callee = skipOuter(call.expression);
    const receiver = isPropertyAccessExpression(callee) || isElementAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
    return !(router.startsWith(CLASS_ROUTER) && receiver !== undefined && isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword);
  }

  /** A member of `this` in a subclass (surelyRouter) not named as routers are (`this._oauth2`, not `this.router`). */
  private unsureMember(router: string, call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    const receiver = isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
    return router.startsWith(CLASS_ROUTER) && !this.surelyRouter(router, call) && receiver !== undefined && isPropertyAccessExpression(receiver) && !CONVENTIONAL_RECEIVER.test(receiver.name.text);
  }

  /**
   * The receiver a warning names: the router's name as written (writtenName), but the source text of a class's own router
   * field (`this.router`, read as the class `class InstanceRouter`), as the reader wrote it.
   */
  private shownReceiver(router: string, call: ts.CallExpression): string {
    const callee = skipOuter(call.expression);
    let receiver = isPropertyAccessExpression(callee) || isElementAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
    // `this.router.post(...).get(...)`: the chain's receiver.
    while (receiver !== undefined && isCallExpression(receiver) && isPropertyAccessExpression(receiver.expression)) receiver = skipOuter(receiver.expression.expression);
    if (!router.startsWith(CLASS_ROUTER) || receiver === undefined || !isPropertyAccessExpression(receiver) || receiver.expression.kind !== ts.SyntaxKind.ThisKeyword) return writtenName(router);
    const own = classField(receiver, receiver.name.text) ?? thisAssigned(receiver, receiver.name.text);
    return own !== undefined ? receiver.getText(this.sf) : router;
  }

  /** `code`: the path as written, for collect.ts's warning when the value it refers to is not found. */
  protected addRoute(router: string, method: HttpMethod, value: ConstValue, node: ts.Node, code?: string): void {
    // A path reading an environment variable with a default in code (`${process.env.BASE ?? '/api'}/x`) is
    // kept for collect.ts to resolve with the service's environment, as a mount's prefix is (values.ts ENV_READ).
    const paths = readsEnv(value) && !this.loopBases.has(router) ? undefined : literalsOf(value);
    if (this.loopBases.has(router) && this.addLoopBaseRoute(router, method, paths, node)) return;
    const prefix = this.routers.get(router) ?? '';
    const line = this.line(node);
    const deferredPrefix = this.routerPrefixValues.get(router);
    if (deferredPrefix?.kind === 'str' && paths) {
      for (const p of paths) this.out.routes.push({ method, path: joinRoutePath(p), pathValue: str(...deferredPrefix.parts, '/', p), line, kind: 'router', router });
      return;
    }
    if (paths) {
      const orpc = this.out.imports.some((i) => i.local === router && ORPC_PACKAGE.test(i.source)) ? { orpc: true as const } : {};
      for (const p of paths.flatMap(expandOptionalGroups).map(withoutLeadingWildcard))
        if (isRoutePath(p) || isRelativeKoaPath(p, this.ownsRouter(router)))
          this.out.routes.push({ method, path: joinRoutePath(prefix, p), line, kind: 'router', router, ...(!isRoutePath(p) && joinRoutePath(prefix) === '/' ? { relative: true as const } : {}), ...orpc });
      return;
    }
    const items = value.kind === 'arr' ? value.items : [value];
    for (const v of items) {
      if (v.kind !== 'str' && v.kind !== 'config' && v.kind !== 'cond') continue;
      const pathValue = prefix && v.kind !== 'config' ? (concat(str(prefix, '/'), v) ?? v) : v;
      const rooted = !prefix && !this.ownsRouter(router) ? { rooted: true as const } : {};
      this.out.routes.push({ method, path: '/', pathValue, line, kind: 'router', router, ...(code !== undefined ? { pathCode: code } : {}), ...rooted });
    }
  }

  /**
   * A route of a Hono face made in a loop (`const face = app.basePath(`/${name}`)`): with the loop's
   * element bound (values.ts EACH), once per element, collect.ts reading each base. Otherwise the
   * base is not known: a warning, and the face's routes are shown under … (false: added as before).
   */
  private addLoopBaseRoute(router: string, method: HttpMethod, paths: string[] | undefined, node: ts.Node): boolean {
    const base = this.loopBases.get(router);
    if (!base) return false;
    const given = this.evaluate(base.arg);
    const prefix = this.routers.get(router) ?? '';
    if (given?.kind === 'str' && hasEach(given) && paths) {
      for (const p of paths) this.out.routes.push({ method, path: joinRoutePath(p), pathValue: str(prefix, '/', ...given.parts, '/', p), line: this.line(node), kind: 'router', router });
      return true;
    }
    this.loopBases.delete(router);
    this.warn(base.call, { id: 'mountPrefix', args: [base.arg.getText(this.sf)] });
    this.routers.set(router, joinRoutePath(prefix, UNKNOWN_PREFIX));
    return false;
  }

  /**
   * A path (or any argument) built of parameters of the function declaring `router` as one of its
   * own, `/${name}/edit` in `module.exports = function (router, name)`: each other parameter a
   * reference to its position (values.ts paramRef), filled by each call handing the router in
   * (collect.ts routerPaths). Undefined while a helper's body is read at a call, or when the
   * argument reads no such parameter.
   */
  protected givenParamsValue(e: ts.Expression, at: ts.Node, router: string): ConstValue | undefined {
    if (this.expanding.length > 0) return undefined;
    const name = router.replace(/@\d+$/, '');
    for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
      const place = fn.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === name);
      if (place < 0) continue;
      const scope: Scope = new Map();
      fn.parameters.forEach((p, i) => {
        if (i !== place && isIdentifier(p.name) && !p.dotDotDotToken) scope.set(p.name.text, paramRef(i));
      });
      let v: ConstValue | undefined;
      this.withScope(scope, () => (v = this.evaluate(e)));
      return v && hasParams(v) ? v : undefined;
    }
    return undefined;
  }

  /** `router[method]('/x', h)`: the method from a literal (or a literal array being iterated); else a warning. */
  protected readComputedMethod(call: ts.CallExpression, callee: ts.ElementAccessExpression): void {
    if (this.readKeyedMemberCall(call, callee)) return;
    const router = this.receiverOf(callee.expression);
    if (!router || !(this.routers.has(router) || CONVENTIONAL_RECEIVER.test(router) || router.startsWith(CLASS_ROUTER))) return this.warnTableCall(call, callee);
    if (call.arguments.length < 2) return;
    const keyValue = this.evaluate(callee.argumentExpression);
    const key = literalOf(keyValue);
    const method = key !== undefined ? ROUTER_METHODS[key] : undefined;
    if (method) return this.readRouterCall(call, router, method, key ?? '', callee.argumentExpression);
    // `router[method](path, h)` with the method made of a route table's key (routeTables.ts).
    if (keyValue && this.readTableRoute(call, router, keyValue)) return;
    // `allRoutes.forEach((r) => router[r.method](r.path, r.handler))` over an imported list: the
    // method of each element, paired with its path by collect.ts.
    const path = this.evaluate(call.arguments[0]);
    if (keyValue?.kind === 'str' && hasEach(keyValue) && path?.kind === 'str') {
      this.pushValuedRoute(call, router, keyValue, path);
      return;
    }
    // `app[method](route, ...)` in a loop over a listed folder, both made of the file's name: run on each file by collect.ts.
    const listedMethod = key === undefined ? this.listedEntryValue(callee.argumentExpression) : undefined;
    const listedPath = listedMethod && (literalOf(path) !== undefined ? path : this.listedEntryValue(call.arguments[0] as ts.Expression));
    if (listedMethod && listedPath?.kind === 'str') {
      this.pushValuedRoute(call, router, listedMethod, listedPath);
      return;
    }
    // `router[def.method](def.path, h)`, `def` a module loaded once per file of a listed folder (`(await import(join(dir, f))).default`):
    // both read from each file's module by collect.ts (expandListedImports), a file whose member is no method giving no route.
    if (keyValue?.kind === 'str' && path?.kind === 'str' && this.readsListedModule(keyValue)) {
      this.pushValuedRoute(call, router, keyValue, path);
      return;
    }
    // In a route helper's own body the method is its parameter: its call sites name it (expandRouteHelper).
    if (this.expanding.length === 0 && this.inRouteHelper(call)) return;
    if (key !== undefined) return;
    // `router[push ? 'push' : 'replace'](url, ...)`: every key it can be is a literal and none a method: no route.
    if (possibleKeys(callee.argumentExpression)?.every((k) => ROUTER_METHODS[k] === undefined)) return;
    // A loop of the project's own registering awilix-express's rolled-up controller state: those routes are read from the decorators (awilixControllers.ts).
    if (this.out.imports.some((i) => i.imported === AWILIX_ROLL_UP && isAwilixRouter(i.source))) return;
    const warning: ScanMessage = { id: 'methodKey', args: [this.shownReceiver(router, call), callee.argumentExpression.getText(this.sf)] };
    // `this[method](rows, source)` in a subclass calls one of the instance's own methods as often as a
    // router's: as a member of `this` there (surelyRouter), warned of once the file gives the class a route or a mount.
    const own = skipOuter(callee.expression).kind === ts.SyntaxKind.ThisKeyword && router.startsWith(CLASS_ROUTER);
    if (this.surelyRouter(router, call) && !own) this.warn(call, warning);
    else this.unknownPathCalls.push({ call, router, warning });
  }

  /** A route whose method and path are values collect.ts resolves (`router[m](p, h)`), under the router's prefix. */
  private pushValuedRoute(call: ts.CallExpression, router: string, methodValue: ConstValue, path: Extract<ConstValue, { kind: 'str' }>): void {
    this.out.routes.push({ method: 'ALL', methodValue, path: '/', pathValue: str(this.routers.get(router) ?? '', '/', ...path.parts), line: this.line(call), kind: 'router', router });
  }

  /** Whether a value reads a member of a module loaded once per file of a folder listed at run time (an import whose source is a LISTED listing). */
  private readsListedModule(v: ConstValue): boolean {
    const ref = soleRef(v);
    return ref !== undefined && ref.path.length > 0 && this.out.imports.some((i) => i.local === ref.local && i.source.startsWith(LISTED));
  }

  /**
   * `mounts[key](router, name)`: a function of an object of the file, picked by a key not known
   * statically and handed a router (a table of route-registering functions run for names a plugin
   * hook or a configuration gives at run time): what it registers there is not known, a warning.
   */
  private warnTableCall(call: ts.CallExpression, callee: ts.ElementAccessExpression): void {
    const e = skipOuter(callee.expression);
    const table = isIdentifier(e) ? e.text : undefined;
    const decl = table !== undefined && !this.scopes.some((sc) => sc.has(table)) ? this.decls.get(table) : undefined;
    if (!decl || !isObjectLiteralExpression(skipOuter(decl as ts.Expression)) || this.expanding.length > 0 || this.keyedCallNodes.has(call)) return;
    if (literalOf(this.evaluate(callee.argumentExpression)) !== undefined) return;
    // A router by its name (`router`, `app`), not any value the file reads routes through (`data`, `user`).
    const router = call.arguments.map((a) => skipOuter(a)).find((a): a is ts.Identifier => isIdentifier(a) && CONVENTIONAL_RECEIVER.test(a.text));
    if (router !== undefined) this.warn(call, { id: 'tableCallKey', args: [table ?? '', callee.argumentExpression.getText(this.sf), router.text] });
  }

  /**
   * `router.getAsync('/x', h)`: a member no router has, called with a route path and a handler on a
   * router: read as a route whose method collect.ts takes from the method wrapper of that name
   * (methodWrappers.ts), or drops.
   */
  protected readWrapperCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
    const args = call.arguments;
    if (args.length < 2 || args.some(isSpreadElement)) return;
    const paths = literalsOf(this.evaluate(args[0]));
    const router = paths?.every((p) => p.startsWith('/')) ? this.receiverOf(callee.expression) : undefined;
    if (router === undefined || !this.isReceiver(router)) return;
    const before = this.out.routes.length;
    this.readRouterCall(call, router, 'ALL', callee.name.text, callee.name);
    for (const r of this.out.routes.slice(before)) r.wrapper = callee.name.text;
  }

  /** `bodyParser.json()`, `express.urlencoded({ extended: true })`, or a constant of the file made by one: a body parser. */
  private parsesBodyOnly(arg: ts.Expression): boolean {
    let e = skipOuter(arg);
    const init = isIdentifier(e) ? this.decls.get(e.text) : undefined;
    if (init && isExpression(init)) e = skipOuter(init);
    if (!isCallExpression(e) || !isPropertyAccessExpression(e.expression) || !BODY_PARSERS.test(e.expression.name.text)) return false;
    const receiver = skipOuter(e.expression.expression);
    const source = isIdentifier(receiver) ? this.clientSourceOf(receiver.text) : undefined;
    return source === 'body-parser' || source === 'express';
  }

  protected readRouterCall(call: ts.CallExpression, router: string, method: HttpMethod, name: string, at: ts.Node): void {
    const args = call.arguments;
    // Hono `app.get(handler)`: answered at the app's current path.
    const only = args.length === 1 && args[0] ? skipOuter(args[0]) : undefined;
    if (only && isFunctionLike(only) && this.isHonoApp(router)) return this.addRoute(router, method, str(this.honoPaths.get(router) ?? '/'), at);
    // A route call has a handler; `router.get('/x')` alone is a lookup (app.get('env') too).
    if (args.length < 2) return;
    // `app.post('/*', bodyParser.json())`: body parsers hand every request on, no route.
    if (args.slice(1).every((a) => this.parsesBodyOnly(a))) return;
    const last = args[args.length - 1];
    const lastNode = last ? skipOuter(last) : undefined;
    // `app.all('*', (req, res, next) => { res.header(...); next(); })`: middleware, no route. With
    // middleware before it (`router.all('/', requireSignIn, log)`) the path answers (401) all the same.
    if (args.length === 2 && lastNode && handsEveryRequestOn(lastNode)) return;
    // `router.all('/survey/*', setKind).get('/survey/a', ...)`: an `all` marking the request
    // (`req.kind = 'x'; next()`) for the route calls after it in its chain is their middleware.
    if (method === 'ALL' && args.length === 2 && lastNode && chainsRouteCall(call) && handsEveryRequestOn(this.declaredFunction(lastNode), true)) return;
    // Express 5's catch-all (app.all with the regular expression dot-star, no string wildcard there): a regular expression matching every path is the wildcard.
    let value = matchesEveryPath(args[0] as ts.Node) ? str('/*') : this.evaluate(args[0]);
    // koa-router: router.get('name', '/path', handler)
    const second = args.length >= 3 ? this.evaluate(args[1]) : undefined;
    const firstText = literalOf(value);
    if (firstText !== undefined && !isRoutePath(firstText) && second && literalsOf(second)?.every(isRoutePath)) value = second;
    // restify: server.get({ name: 'users', path: '/users/:id', version: '1.0.0' }, handler)
    if (value?.kind === 'obj') value = restifyOptionsPath(value) ?? value;
    // `app.get(SomeService, { strict: false })`: a lookup (Nest DI, settings), not a route: a
    // route ends with its handler (Fastify's options object holds one). Elysia's route ends with its hook (`get(path, handler, { detail })`).
    if (lastNode && isObjectLiteralExpression(lastNode) && !this.prop(lastNode, 'handler') && literalOf(value) === undefined && !(this.elysiaFile && args.length >= 3)) return;
    if (!value) {
      // In a route helper's own body the path is built from its parameters: its call sites give them (expandRouteHelper).
      if (this.expanding.length === 0 && this.inRouteHelper(call)) return;
      // `getSessionStore().get(sid, callback)`: the result of another file's call, used at once, may
      // be no router at all (a store's lookup); collect.ts keeps such a call's routes only when it makes one.
      if (router.startsWith('@') && this.out.routerMakers?.[router] !== undefined) return;
      if (isRegularExpressionLiteral(args[0] as ts.Node) || isWrapperForwarding(call)) return;
      // A receiver known only by its import or type (`ExpCache.del(id, field, expr)`, `yargs.options(name,
      // options)`), or made by a call (`driver.delete(itemId, context)`), is a router only when this file gives it a route too.
      // `this.PREFIX.concat('/:name')`: why not known is that field of the instance, given its value at run time.
      const field = thisFieldRead(args[0] as ts.Expression);
      // A setter called on the instance may give that field (setterPaths.ts): collect.ts joins them.
      const byField = field !== undefined ? fieldPathRoute(this.sf, call, method, router) : undefined;
      if (byField) (this.out.fieldPathRoutes ??= []).push(byField);
      const shown: [string, string, string] = [this.shownReceiver(router, call), name, this.shownCode(args[0] as ts.Expression)];
      // `app.get(BASE_PATH + '/login', h)`: a literal path after a start not known statically, shown under … (not probed).
      // `/api/${name}/upload`: a segment not known statically (unknownSegments.ts), shown as … (not probed).
      const underUnknown = field === undefined && this.surelyRouter(router, call) ? this.unknownPartsPath(args[0] as ts.Expression) : undefined;
      // `/${name}/edit` of a parameter of the function the router is handed to: each call handing it in gives it (collect.ts).
      const given = underUnknown !== undefined ? this.givenParamsValue(args[0] as ts.Expression, call, router) : undefined;
      if (given && underUnknown) {
        const warning: ScanMessage = { id: underUnknown.atStart ? 'routePathStart' : 'routePathPart', args: shown };
        this.out.routes.push({ method, path: '/', pathValue: given, givenPath: { path: underUnknown.path, warning }, line: this.line(at), kind: 'router', router });
        return;
      }
      if (underUnknown !== undefined) {
        this.warn(call, { id: underUnknown.atStart ? 'routePathStart' : 'routePathPart', args: shown });
        return this.addRoute(router, method, str(underUnknown.path), at);
      }
      const warning: ScanMessage = field !== undefined ? { id: 'instanceFieldPath', args: [...shown, field] } : { id: 'routerPath', args: shown };
      if (this.surelyRouter(router, call)) this.warn(call, warning);
      else this.unknownPathCalls.push({ call, router, warning });
      return;
    }
    const lits = literalsOf(value);
    if (lits && !lits.every((p) => isRoutePath(p) || (this.routers.get(router) ?? '') !== '' || isRelativeKoaPath(p, this.ownsRouter(router)))) return;
    // `app.options('*', cors())`: CORS preflight for every path, plumbing rather than a route of the app.
    if (method === 'OPTIONS' && lits?.every((p) => /^\/?(?:\*|\(\.\*\))$/.test(p))) return;
    const lastPath = lits?.[lits.length - 1];
    if (lastPath !== undefined) this.honoPaths.set(router, lastPath);
    const before = this.out.routes.length;
    this.addRoute(router, method, value, at, lits ? undefined : this.shownCode(args[0] as ts.Expression));
    if (!lits && this.unsureMember(router, call)) for (const r of this.out.routes.slice(before)) this.unsureRoutes.add(r);
  }

  /**
   * `BASE_PATH + '/login'`, `` `${base}/login` ``, `` `/api/${name}/upload` `` (or a name declared so): a path whose start, or a
   * whole segment, is not known statically, the rest literal: with UNKNOWN_PREFIX there; else undefined.
   */
  private unknownPartsPath(arg: ts.Expression): UnknownSegmentsPath | undefined {
    const e = skipOuter(arg);
    if (isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const rest = literalOf(this.evaluate(e.right));
      return this.evaluate(e.left) === undefined && rest?.startsWith('/') ? { path: joinRoutePath(UNKNOWN_PREFIX, rest), atStart: true } : undefined;
    }
    // `const base = `/${name}/reports`; app.get(base, h)`: the template the file declared the name as.
    const declared = isIdentifier(e) ? this.fileDecl(e) : undefined;
    const written = declared && declared !== e && isExpression(declared) ? declared : e;
    return unknownSegmentsPath(written, (x) => this.evaluate(x));
  }

  /** A function written here: the expression itself, or the function a name of this file declares (`function setKind(req, res, next)`). */
  private declaredFunction(e: ts.Expression): ts.Node {
    return (isIdentifier(e) ? this.functionNamed(e.text) : undefined) ?? e;
  }

  /** Each router's last literal path of a method call: a Hono app's current path (`/` before any), where a call without a path answers. */
  private readonly honoPaths = new Map<string, string>();

  /** A receiver made by `new Hono()` (or another class of hono or an @hono package, `new OpenAPIHono()`), directly or through a chain (`new Hono().basePath('/x')`). */
  private isHonoApp(router: string): boolean {
    const init = this.decls.get(router);
    const root = init ? chainRoot(init) : undefined;
    if (!root || !isNewExpression(root)) return false;
    const made = skipOuter(root.expression);
    return isIdentifier(made) && this.out.imports.some((i) => i.local === made.text && /^(?:hono|@hono\/[\w.-]+)$/.test(i.source));
  }

  /**
   * koa-router `router.register('*', ['get', 'post'], handler)`: a route for each method named.
   * Fastify's `register(plugin, opts)` takes no path first, so it is read as a mount instead.
   */
  protected readKoaRegister(call: ts.CallExpression, router: string): boolean {
    const [path, methods] = call.arguments;
    if (call.arguments.length < 3 || !path || !methods) return false;
    const value = this.evaluate(path);
    const names = literalsOf(this.evaluate(methods))?.map((m) => m.toUpperCase());
    const known = value && literalsOf(value) !== undefined && names?.length && names.every(isHttpMethod);
    // `router.register(entry.path(), [entry.method], middleware)` in a loop over a table filled at run
    // time (a project's own decorators pushing to a list): a route of koa-router's signature (the methods
    // a list written there), said at the call rather than read as a Fastify plugin's mount.
    if (!known && isArrayLiteralExpression(skipOuter(methods))) {
      this.warn(call, { id: 'koaRegister', args: [writtenName(router)] });
      return true;
    }
    if (!known || !value || !names) return false;
    for (const m of names) if (isHttpMethod(m)) this.addRoute(router, m, value, call);
    return true;
  }

  /**
   * `router.route('/b').get(...).post(...)`, fastify `server.route({ method, url })` and hapi's tables
   * of them; `given`: the table itself, handed to a plugin in its options (mounts.ts).
   */
  protected readRouteCall(call: ts.CallExpression, router: string, given?: ts.Expression): void {
    const arg = given ?? call.arguments[0];
    if (!arg) return;
    // openapi-backend's operations as routes (`api.router.getOperations().map(...)`): the document's, read with the instance (openApiBackend.ts).
    if (chainsOperations(arg)) return;
    const mapped = mappedRouteTable(skipOuter(arg));
    // A table mapped by a function that may change each route's method or path: known when the
    // mapper builds them from each row (mappedTables.ts), else not known statically.
    if (mapped === 'changed') {
      const built = this.evaluate(arg);
      if (built?.kind === 'arr' && this.readRouteOptionsValue(built, call, router)) return;
      return this.warn(call, { id: 'routeOptions', args: [writtenName(router)] });
    }
    const a = mapped ?? skipOuter(arg);
    if (isObjectLiteralExpression(a)) {
      const method = this.evaluate(withoutCase(this.prop(a, 'method')));
      const methods = literalsOf(method);
      const url = this.evaluate(this.prop(a, 'url') ?? this.prop(a, 'path'));
      if (!methods || !url) {
        // In a route helper's own body the options are built from its parameters: its call sites give them.
        if (this.expanding.length === 0 && this.inRouteHelper(call)) return;
        if (this.listedOptionsRoute(a, call, router)) return;
        // `route({ method: options.method.toUpperCase(), url: options.url })` on another file's
        // values (a module loaded in a loop over a folder): collect.ts reads them there.
        if (method && url && hasRefs(method) && this.optionsRoute({ kind: 'obj', props: { method, url } }, call, router)) return;
        // `route({ ...endpoint, handler })` in a loop over another file's list: the element's own options, read by collect.ts.
        const spread = a.properties.some(isSpreadAssignment) ? this.evaluate(a) : undefined;
        if (spread?.kind === 'obj' && spread.props[SPREAD] && this.optionsRoute(spread, call, router)) return;
        this.warn(call, { id: 'routeOptions', args: [writtenName(router)] });
        return;
      }
      const before = this.out.routes.length;
      this.addOptionRoutes(router, methods, url, call);
      // Its handler hands the request to a trpc-to-openapi handler: the procedures' REST routes are below it (collect.ts).
      if (this.callsOpenApiHandler(handlerOf(a))) for (const r of this.out.routes.slice(before)) r.openApiMount = true;
      return;
    }
    const path = this.evaluate(a) ?? this.factoryRoutes(a) ?? this.listedRoutes(a);
    if (!path && isArrayLiteralExpression(a) && !chainsMethod(call)) return this.readRouteTable(a, call, router);
    // `server.route(require('./' + file))` in a loop over files found at run time: which module, not known.
    if (!path) return requiresComputedName(a) ? this.warn(call, { id: 'routeModule', args: [router] }) : this.unknownRouteOptions(call, router);
    if (!chainsMethod(call) && this.readRouteOptionsValue(path, call, router)) return;
    // Route options no reading resolved (`app.route(route)` in a loop over a parameter of the function
    // that made `app`): their routes are not known here, said at the call rather than dropped unsaid.
    if (!chainsMethod(call) && literalOf(path) === undefined) return this.warn(call, { id: 'routeOptions', args: [writtenName(router)] });
    // Walk up the chain: route('/x').get().post()
    const chained: [HttpMethod, ts.Node][] = [];
    for (let node: ts.Node = call; isPropertyAccessExpression(node.parent) && isCallExpression(node.parent.parent); node = node.parent.parent) {
      const m = ROUTER_METHODS[node.parent.name.text];
      if (!m) break;
      chained.push([m, node.parent.name]);
    }
    // `const item = router.route('/x'); item.get(...); item.put(...)`: the verbs called on the constant.
    if (chained.length === 0) chained.push(...heldRouteVerbs(call));
    // An `.all(jwtdecode())` before the verbs of the same route is their middleware (Express's own
    // example: route('/book').all(fn calling next()).get(...).post(...)), not a route of every method.
    chained.forEach(([m, at], i) => {
      if (m !== 'ALL' || chained.slice(i + 1).every(([later]) => later === 'ALL')) this.addRoute(router, m, path, at);
    });
  }

  /**
   * `route({ method: key.toUpperCase(), url })` in a loop over a folder listed at run time, the
   * method and url made of each file's name or of the names its module exports (loops.ts
   * listedEntryValue): a route per file and name, made by collect.ts.
   */
  private listedOptionsRoute(a: ts.ObjectLiteralExpression, call: ts.CallExpression, router: string): boolean {
    const [methodArg, urlArg] = [this.prop(a, 'method'), this.prop(a, 'url') ?? this.prop(a, 'path')];
    if (!methodArg || !urlArg) return false;
    const plain = this.evaluate(withoutCase(methodArg));
    const method = soleRef(plain)?.local.startsWith(LISTED) ? plain : this.listedEntryValue(methodArg);
    const url = this.listedEntryValue(urlArg) ?? this.evaluate(urlArg);
    if (method?.kind !== 'str' || url?.kind !== 'str' || (!hasEach(url) && literalOf(url) === undefined)) return false;
    this.out.routes.push({ method: 'ALL', methodValue: method, path: '/', pathValue: str(this.routers.get(router) ?? '', '/', ...url.parts), line: this.line(call), kind: 'router', router });
    return true;
  }

  /**
   * hapi's or fastify's `server.route(routes)` given one value no reading resolves (a list a library
   * builds at run time from an OpenAPI document's operations), in a file importing one of them (a
   * `route(x)` elsewhere is a lookup, a Koa router's `route(name)`, or a class's own method): said at
   * the call rather than dropped unsaid, unless in a route helper's own body, whose call sites give it.
   */
  private unknownRouteOptions(call: ts.CallExpression, router: string): void {
    if (call.arguments.length !== 1 || chainsMethod(call) || !this.out.imports.some((i) => OPTION_ROUTE_PACKAGES.test(i.source))) return;
    if (this.expanding.length === 0 && this.inRouteHelper(call)) return;
    this.warn(call, { id: 'routeOptions', args: [writtenName(router)] });
  }

  /**
   * hapi `server.route(require('./' + file))` in a loop over a folder's listing or a glob's matches
   * known statically (loops.ts listedEntry): each file's exports, one import collect.ts makes one per
   * file (expandListedImports).
   */
  private listedRoutes(a: ts.Expression): ConstValue | undefined {
    const listed = isCallExpression(a) ? this.listedLoad(a) : undefined;
    if (!listed) return undefined;
    const local = `*load*${listed.imported}*${listed.source}`;
    if (!this.out.imports.some((i) => i.local === local)) this.out.imports.push({ local, ...listed });
    return str({ ref: { local, path: [] } });
  }

  /**
   * hapi `server.route([health, ...Object.values(userRoutes), ...rest])` where some element is not
   * known statically (a rest of a destructuring, a list a function returns): the elements known are
   * read, each as its own table; the others are warned of, not a reason to drop the whole table.
   */
  private readRouteTable(table: ts.ArrayLiteralExpression, call: ts.CallExpression, router: string): void {
    let unknown = false;
    for (const el of table.elements) {
      const v = this.evaluate(this.guardedList(isSpreadElement(el) ? el.expression : el));
      if (v && this.readRouteOptionsValue(v.kind === 'arr' ? v : { kind: 'arr', items: [v] }, call, router)) continue;
      unknown = true;
    }
    if (unknown) this.warn(call, { id: 'routeOptions', args: [writtenName(router)] });
  }

  /**
   * `flags.devEndpoints() ? Object.values(devRoutes) : []` (also held by a constant of the file): routes
   * registered when a condition holds, the list of the branch that is not empty; else the element itself.
   */
  private guardedList(e: ts.Expression): ts.Expression {
    const x = skipOuter(e);
    const held = isIdentifier(x) ? this.decls.get(x.text) : undefined;
    const c = held && isExpression(held) ? skipOuter(held) : x;
    if (!isConditionalExpression(c)) return e;
    const empty = (b: ts.Expression) => isArrayLiteralExpression(skipOuter(b)) && (skipOuter(b) as ts.ArrayLiteralExpression).elements.length === 0;
    return empty(c.whenFalse) ? c.whenTrue : empty(c.whenTrue) ? c.whenFalse : e;
  }

  /**
   * hapi `server.route([getRoute(), listRoute(config)])`, also joined by `.concat`
   * (`loginRoutes(config).concat([logoutRoute()])`): calls of imported route factories
   * (`module.exports = () => ({ method, path, options })`), each what its call returns, which
   * collect.ts reads in the factory's file (values.ts CALLED); options objects written here among
   * them are themselves. Undefined unless every element is one of those.
   */
  private factoryRoutes(a: ts.Expression): ConstValue | undefined {
    let called = false;
    const items = (e: ts.Expression): ConstValue[] | undefined => {
      const c = skipOuter(e);
      if (isArrayLiteralExpression(c)) {
        const each = c.elements.map(items);
        return each.every((v) => v !== undefined) ? each.flat() : undefined;
      }
      const callee = isCallExpression(c) ? skipOuter(c.expression) : undefined;
      if (callee && isPropertyAccessExpression(callee) && callee.name.text === 'concat' && isCallExpression(c)) {
        const each = [callee.expression, ...c.arguments].map(items);
        return each.every((v) => v !== undefined) ? each.flat() : undefined;
      }
      if (callee && isIdentifier(callee) && this.importedNames.has(callee.text)) {
        called = true;
        return [str({ ref: { local: callee.text, path: [CALLED] } })];
      }
      const v = isObjectLiteralExpression(c) ? this.evaluate(c) : undefined;
      return v ? [v] : undefined;
    };
    const list = items(a);
    return list && called ? { kind: 'arr', items: list } : undefined;
  }

  /**
   * Fastify `instance.route(getThing)`, hapi `server.route(routes)` given route options held by a
   * name: a constant of this file (`{ method, url }`), or an imported one (an object or a list of
   * them) whose elements collect.ts reads where they are declared (optionsValue).
   */
  private readRouteOptionsValue(options: ConstValue, call: ts.CallExpression, router: string): boolean {
    // hapi `server.route([{ method, path, handler }, ...])`: a table of route options.
    if (options.kind === 'arr' && options.items.length > 0 && options.items.every((o) => o.kind === 'obj')) {
      if (!options.items.every((o) => this.readRouteOptionsValue(o, call, router))) this.warn(call, { id: 'routeOptions', args: [writtenName(router)] });
      return true;
    }
    if (options.kind === 'obj') {
      const methods = literalsOf(propOf(options, ['method']));
      const url = optionsUrl(options);
      // A method or url of another file's value (`method: HttpMethod.GET` of an imported enum): read by collect.ts.
      if ((!methods || !url) && url && hasRefs(propOf(options, ['method']))) return this.optionsRoute(options, call, router);
      if (!methods || !url) return false;
      this.addOptionRoutes(router, methods, url, call);
      return true;
    }
    const ref = soleRef(options);
    // A list made here of other files' tables (`const routes = [].concat(require('./a'), require('./b'))`): collect.ts follows each.
    if (!ref && !(options.kind === 'arr' && hasRefs(options))) return false;
    return this.optionsRoute(options, call, router);
  }

  /**
   * Route options collect.ts reads where their values are declared; in a route list helper's loop over
   * its parameter (listHelpers.ts), that helper's options, read for each call's list. False when
   * they read a parameter of no such helper.
   */
  private optionsRoute(optionsValue: ConstValue, call: ts.CallExpression, router: string): boolean {
    if (!readsArgs(optionsValue)) {
      this.out.routes.push({ method: 'ALL', optionsValue, path: joinRoutePath(this.routers.get(router) ?? ''), line: this.line(call), kind: 'router', router });
      return true;
    }
    const made = this.decls.get(router);
    const helper = listHelperOf(call, router) ?? (made && this.routers.has(router) ? ownRouterHelperOf(call, made) : undefined);
    // A helper making its own router is read at its calls in this file: with none, its routes are warned of here.
    if (!helper || (helper.router < 0 && !this.valueNodes.some((n) => isCallExpression(n) && isIdentifier(n.expression) && n.expression.text === helper.name))) return false;
    const own = helper.router < 0 ? { own: router } : {};
    ((this.out.listHelpers ??= {})[helper.name] ??= []).push({ router: helper.router, options: optionsValue, ...own });
    return true;
  }

  /** A route for each method of fastify or hapi route options (`'*'` is every method; hapi's `{id}` parameters read as `:id`). */
  /**
   * A route handler calling a handler a trpc-to-openapi (or trpc-openapi) adapter made, `const h =
   * createOpenApiNodeHttpHandler(opts)` in a function around the route, `handler: (req, reply) =>
   * h(req, reply)`: a project's own Fastify plugin serving the procedures' REST routes below its url.
   */
  private callsOpenApiHandler(handler: ts.Node | undefined): boolean {
    const fn = handler && (ts.isMethodDeclaration(handler) ? handler : isExpression(handler) ? skipOuter(handler) : undefined);
    if (!fn || !(ts.isMethodDeclaration(fn) || isFunctionLike(fn))) return false;
    const made = (name: string): boolean => {
      for (let at: ts.Node | undefined = fn.parent; at; at = at.parent) {
        if (!isBlock(at) && !ts.isSourceFile(at)) continue;
        for (const st of at.statements) {
          if (!ts.isVariableStatement(st)) continue;
          const d = st.declarationList.declarations.find((x) => isIdentifier(x.name) && x.name.text === name);
          const init = d?.initializer && skipOuter(d.initializer);
          if (init && isCallExpression(init) && isIdentifier(init.expression)) return OPENAPI_ADAPTER.test(this.clientSourceOf(init.expression.text) ?? '');
        }
      }
      return false;
    };
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (isCallExpression(n) && isIdentifier(n.expression) && made(n.expression.text)) found = true;
      else forEachChild(n, visit);
    };
    visit(fn);
    return found;
  }

  private addOptionRoutes(router: string, methods: string[], given: ConstValue, call: ts.CallExpression): void {
    const url = given.kind === 'str' ? str(...given.parts.map((part) => (typeof part === 'string' ? bracedPathToRoute(part) : part))) : given;
    for (const raw of methods) {
      const m = raw.toUpperCase() === '*' ? 'ALL' : raw.toUpperCase();
      if (isHttpMethod(m)) this.addRoute(router, m, url, call);
    }
  }

  /**
   * oRPC's OpenAPI handler answering a request under a prefix, `openAPIHandler.handle(c.req.raw, {
   * prefix: '/api/v1' })` on `new OpenAPIHandler(router)` of an @orpc package: the prefix of the
   * scan's oRPC routes (collect.ts).
   */
  protected readOrpcHandle(call: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const receiver = skipOuter(callee.expression);
    const options = call.arguments[1] ? skipOuter(call.arguments[1]) : undefined;
    if (callee.name.text !== 'handle' || !isIdentifier(receiver) || !options || !isObjectLiteralExpression(options)) return false;
    const made = this.decls.get(receiver.text);
    const maker = made && isNewExpression(made) && isIdentifier(made.expression) ? made.expression.text : undefined;
    if (maker === undefined || !this.out.imports.some((i) => i.local === maker && ORPC_PACKAGE.test(i.source))) return false;
    const prefix = this.prop(options, 'prefix');
    const value = prefix ? literalOf(this.evaluate(prefix)) : undefined;
    if (value === undefined) return false;
    const joined = joinRoutePath(value);
    if (!(this.out.orpcPrefixes ??= []).includes(joined)) this.out.orpcPrefixes.push(joined);
    return true;
  }

  /**
   * A tRPC procedure's REST route for trpc-to-openapi, `.meta({ openapi: { method: 'GET', path:
   * '/v1/notes/{id}' } })`: its method and path, served below the handler's mount (collect.ts).
   */
  protected readOpenApiMeta(call: ts.CallExpression): boolean {
    let found = false;
    for (const meta of call.arguments[0] ? this.metaObjects(call.arguments[0], 0) : []) {
      const openapi = this.prop(meta, 'openapi');
      const spec = openapi ? skipOuter(openapi) : undefined;
      if (!spec || !isObjectLiteralExpression(spec)) continue;
      const methodNode = this.prop(spec, 'method');
      const pathNode = this.prop(spec, 'path');
      const method = methodNode ? literalOf(this.evaluate(methodNode))?.toUpperCase() : undefined;
      const path = pathNode ? literalOf(this.evaluate(pathNode)) : undefined;
      if (method === undefined || path === undefined || !isHttpMethod(method)) continue;
      this.out.routes.push({ method, path: joinRoutePath(openApiPathToRoute(path)), line: this.line(call), kind: 'router', openApiMeta: true });
      found = true;
    }
    return found;
  }

  /**
   * The objects a procedure's `.meta(x)` may be given: written there, held by a constant, either
   * branch of a conditional, or a property of the entry a table lookup by a key not known picks
   * (`CONFIG[type].meta` in a procedure factory called once per type): that property of each entry.
   */
  private metaObjects(e: ts.Expression, depth: number): ts.ObjectLiteralExpression[] {
    const x = skipOuter(e);
    if (depth > 4) return [];
    if (isObjectLiteralExpression(x)) return [x];
    if (isConditionalExpression(x)) return [...this.metaObjects(x.whenTrue, depth + 1), ...this.metaObjects(x.whenFalse, depth + 1)];
    const held = isIdentifier(x) ? this.decls.get(x.text) : undefined;
    if (held) return isExpression(held) ? this.metaObjects(held, depth + 1) : [];
    if (!isPropertyAccessExpression(x)) return [];
    return this.tableEntries(x.expression, depth + 1).flatMap((entry) => {
      const v = this.prop(entry, x.name.text);
      return v ? this.metaObjects(v, depth + 1) : [];
    });
  }

  /** The entries (object literals) of a table a lookup by key picks from (`TABLE[key]`), or a constant holding such a lookup. */
  private tableEntries(e: ts.Expression, depth: number): ts.ObjectLiteralExpression[] {
    const x = skipOuter(e);
    if (depth > 4) return [];
    const held = isIdentifier(x) ? this.decls.get(x.text) : undefined;
    if (held) return isExpression(held) ? this.tableEntries(held, depth + 1) : [];
    if (!isElementAccessExpression(x)) return [];
    const t = skipOuter(x.expression);
    const init = isIdentifier(t) ? this.decls.get(t.text) : undefined;
    const table = init && isExpression(init) ? skipOuter(init) : undefined;
    if (!table || !isObjectLiteralExpression(table)) return [];
    return table.properties.flatMap((p) => {
      const v = isPropertyAssignment(p) ? skipOuter(p.initializer) : undefined;
      return v && isObjectLiteralExpression(v) ? [v] : [];
    });
  }

  /** Hono `app.mount('/x', handler)`: every method under the path. */
  protected readHonoMount(call: ts.CallExpression, router: string, at: ts.Node): void {
    const path = literalOf(this.evaluate(call.arguments[0]));
    if (path === undefined || call.arguments.length < 2) return;
    this.addRoute(router, 'ALL', str(joinRoutePath(path, '*')), at);
  }

  /**
   * @hono/zod-openapi `app.openapi(createRoute({ method: 'get', path: '/tasks/{id}' }), handler)`:
   * the route config local, or an imported constant (`routes.list`) that collect.ts resolves.
   */
  protected readOpenApiRoute(call: ts.CallExpression, router: string): void {
    // zod-to-openapi's schema metadata, `schema.openapi({ description })` or
    // `schema.openapi('RefId', {...})`: no handler, so no route and nothing to warn of.
    const first = call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
    if (call.arguments.length < 2 || !first || isStringLiteralLike(first)) return;
    const config = this.evaluate(call.arguments[0]);
    // The line of `.openapi` itself: a chain of them starts on one line.
    const at = isPropertyAccessExpression(call.expression) ? call.expression.name : call;
    if (!config) {
      // A spec mounter's own body: the configs it is given are read at its call sites (specMounts).
      if (this.specMounterFns.has(enclosingFunction(call) as ts.Node)) return;
      this.warn(call, { id: 'openapiConfig', args: [router] });
      return;
    }
    const method = literalOf(propOf(config, ['method']))?.toUpperCase();
    const path = propOf(config, ['path']);
    if (method !== undefined && isHttpMethod(method) && literalOf(path) !== undefined) return this.addRoute(router, method, str(openApiPathToRoute(literalOf(path) ?? '')), at);
    // An imported config (`routes.list`), or one spread into an object beside its middleware
    // (`{ ...listRoute, middleware: [auth] }`): its method and path, resolved by collect.ts.
    const methodValue = propOf(config, ['method']);
    if (methodValue?.kind === 'str' && hasRefs(methodValue) && path?.kind === 'str') {
      this.out.routes.push({ method: 'ALL', methodValue, path: '/', pathValue: str(this.routers.get(router) ?? '', '/', ...path.parts), line: this.line(at), kind: 'router', router });
      return;
    }
    this.warn(call, { id: 'openapiMethod', args: [router] });
  }

  /** @hono/zod-openapi `app.doc('/doc', {...})` / `app.doc31(...)`: the OpenAPI document, served on GET. */
  protected readOpenApiDoc(call: ts.CallExpression, router: string): void {
    const path = literalOf(this.evaluate(call.arguments[0]));
    if (path !== undefined && isRoutePath(path) && call.arguments.length >= 2) this.addRoute(router, 'GET', str(path), isPropertyAccessExpression(call.expression) ? call.expression.name : call);
  }

  /** Hono `app.on('GET', '/x', h)` / `app.on(['GET', 'POST'], ['/a', '/b'], h)`. */
  protected readHonoOn(call: ts.CallExpression, router: string): void {
    if (call.arguments.length < 3) return;
    const methods = literalsOf(this.evaluate(call.arguments[0]));
    const paths = this.evaluate(call.arguments[1]);
    // A route whose method or path is made at run time (`app.on(route.method, [route.path], h)`
    // in a loop over a registry): a route skipped, said so, not dropped in silence.
    // Only on a named router made here or a parameter typed as one: `.on(a, b, c)` is also
    // drizzle's `index('x').on(columns)` (a call's result, named by its position: '@line:pos'), an editor's events...
    const named = !router.startsWith('@') && (this.routers.has(router) || this.typedReceivers.has(router));
    if (!methods || !paths) return named ? this.warn(call, { id: 'honoOn', args: [router] }) : undefined;
    for (const raw of methods) {
      const m = raw.toUpperCase();
      if (isHttpMethod(m)) this.addRoute(router, m, paths, call);
    }
  }

  /**
   * A call on a router made here that names the HTTP method first and the path second,
   * `router.alias(HttpMethod.POST, 'users/:id', 'users')`: a route of that method and path. The
   * method is a literal ('POST') or a member named as one (`HttpMethod.POST`). True when read.
   */
  protected readMethodFirst(call: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const [first, second] = call.arguments.map(skipOuter);
    if (!first || !second) return false;
    const named = isStringLiteral(first) ? first.text : isPropertyAccessExpression(first) ? first.name.text : undefined;
    if (named === undefined || !/^[A-Z]+$/.test(named) || !isHttpMethod(named)) return false;
    const router = this.receiverOf(callee.expression);
    const path = this.evaluate(second);
    if (!router || !this.ownsRouter(router) || !path || literalOf(path) === undefined) return false;
    this.addRoute(router, named, path, call);
    return true;
  }
}

/**
 * restify's route options (`{ path, name, version }`) given where other routers take the path: its
 * `path`, when that is a string. An object with a `method` too is a route table's entry, not these.
 */
function restifyOptionsPath(options: ConstValue): ConstValue | undefined {
  const path = propOf(options, ['path']);
  return path?.kind === 'str' && propOf(options, ['method']) === undefined ? path : undefined;
}

/** `router.route('/x').get(...)`: a method chained on the call. */
function chainsMethod(call: ts.CallExpression): boolean {
  return isPropertyAccessExpression(call.parent) && call.parent.name.text in ROUTER_METHODS && isCallExpression(call.parent.parent);
}

/** koa-router joins 'users' under a prefix as '/prefix/users'; without a prefix only '/x' counts. */
function isRelativeKoaPath(p: string, knownRouter: boolean): boolean {
  return knownRouter && /^[\w:.-]/.test(p);
}

/** `x.toUpperCase()` / `x.toLowerCase()` -> x: a method's case does not matter. */
function withoutCase(e: ts.Expression | undefined): ts.Expression | undefined {
  const x = e && skipOuter(e);
  return x && isCallExpression(x) && isPropertyAccessExpression(x.expression) && /^to(?:Upper|Lower)Case$/.test(x.expression.name.text) && x.arguments.length === 0 ? x.expression.expression : e;
}

/**
 * Route options' url (fastify) or path (hapi). A key written in the object comes before one a spread
 * beside it may bring: hapi's `{ method: 'POST', path: '/x', ...controller }` has its path, not `controller.url`.
 */
function optionsUrl(options: Extract<ConstValue, { kind: 'obj' }>): ConstValue | undefined {
  const own = ['url', 'path'].find((k) => Object.hasOwn(options.props, k));
  return own ? options.props[own] : (propOf(options, ['url']) ?? propOf(options, ['path']));
}

/** A chain of calls and members over `x.getOperations()` (`api.router.getOperations().filter(f).map(g)`). */
function chainsOperations(e: ts.Expression): boolean {
  for (let n: ts.Expression = skipOuter(e); ; ) {
    if (isCallExpression(n)) {
      if (isPropertyAccessExpression(n.expression) && n.expression.name.text === 'getOperations') return true;
      n = skipOuter(n.expression);
    } else if (isPropertyAccessExpression(n)) n = skipOuter(n.expression);
    else return false;
  }
}

/** oRPC's packages (@orpc/contract's `oc`, @orpc/server's `os`, @orpc/openapi's handlers). */
// A path pattern every request path matches: dot-star alone, anchored or grouped, after an optional escaped slash.
function matchesEveryPath(node: ts.Node): boolean {
  return isRegularExpressionLiteral(node) && /^\/\^?(?:\\\/)?\(?\.\*\)?\$?\/[a-z]*$/.test(node.text);
}

const ORPC_PACKAGE = /^@orpc\//;

/** The string literals a computed key can be (`a ? 'x' : 'y'`, nested, parenthesised); undefined when any branch is not one. */
function possibleKeys(expr: ts.Expression): string[] | undefined {
  const e = skipOuter(expr);
  if (isStringLiteralLike(e)) return [e.text];
  if (!isConditionalExpression(e)) return undefined;
  const a = possibleKeys(e.whenTrue);
  const b = possibleKeys(e.whenFalse);
  return a && b ? [...a, ...b] : undefined;
}

/** `require(name)` whose name is not a string literal: the module is chosen at run time. */
function requiresComputedName(e: ts.Expression): boolean {
  return isCallExpression(e) && isIdentifier(e.expression) && e.expression.text === 'require' && e.arguments.length === 1 && !isStringLiteralLike(skipOuter(e.arguments[0] as ts.Expression));
}

/** The first field of `this` a path expression reads (`this.PREFIX.concat('/:name')` -> PREFIX), when it reads one. */
function thisFieldRead(e: ts.Expression): string | undefined {
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found !== undefined) return;
    if (isPropertyAccessExpression(n) && n.expression.kind === ts.SyntaxKind.ThisKeyword) found = n.name.text;
    else forEachChild(n, visit);
  };
  visit(e);
  return found;
}

/**
 * hapi `server.route([{ method, path, ...controller }, ...].map(withScope))`: a literal table whose
 * elements a wrapper maps (an auth scope added to each one's options), its routes the table's when
 * the mapper keeps them: a function value (`authScope([...])`, a name), whose body is not read, or a
 * function returning an object that spreads its parameter and sets no method, path or url itself.
 */
export function mappedRouteTable(a: ts.Expression): ts.ArrayLiteralExpression | 'changed' | undefined {
  if (!isCallExpression(a) || a.arguments.length !== 1 || !isPropertyAccessExpression(a.expression) || a.expression.name.text !== 'map') return undefined;
  const table = skipOuter(a.expression.expression);
  const mapper = skipOuter(a.arguments[0] as ts.Expression);
  if (!isArrayLiteralExpression(table) || table.elements.length === 0 || !table.elements.every((el) => isRouteObject(skipOuter(el as ts.Expression)))) return undefined;
  if (isIdentifier(mapper) || isCallExpression(mapper) || isPropertyAccessExpression(mapper)) return table;
  if (!isArrowFunction(mapper) && !isFunctionExpression(mapper)) return 'changed';
  const param = mapper.parameters[0]?.name;
  const body = isBlock(mapper.body) ? lastReturn(mapper.body) : mapper.body;
  const out = body && skipOuter(body);
  if (!param || !isIdentifier(param) || !out || !isObjectLiteralExpression(out)) return 'changed';
  const spreadsParam = out.properties.some((p) => isSpreadAssignment(p) && isIdentifier(skipOuter(p.expression)) && (skipOuter(p.expression) as ts.Identifier).text === param.text);
  return spreadsParam && !out.properties.some((p) => ROUTE_KEYS.has(p.name?.getText() ?? '')) ? table : 'changed';
}

const ROUTE_KEYS = new Set(['method', 'path', 'url']);

/** An options object naming its method and path (`{ method: 'GET', path: '/x', ...controller }`). */
export function isRouteObject(e: ts.Expression): boolean {
  if (!isObjectLiteralExpression(e)) return false;
  const names = new Set(e.properties.map((p) => p.name?.getText()));
  return names.has('method') && (names.has('path') || names.has('url'));
}

/** `x.all(...).get('/a', h)`: a route call of a router's method chained after this one. */
function chainsRouteCall(call: ts.CallExpression): boolean {
  const access = call.parent;
  return isPropertyAccessExpression(access) && access.expression === call && ROUTER_METHODS[access.name.text] !== undefined && isCallExpression(access.parent);
}
