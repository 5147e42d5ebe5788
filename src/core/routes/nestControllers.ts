// Nest controllers: `@Controller(path)` classes and their `@Get()`/`@Post()`... handlers, with
// versions, child controllers, controller and decorator factories (a function returning
// `Controller(...)` or applying route decorators) and handler classes.
import ts from './compiler';
import { forEachChild, getDecorators, isArrayLiteralExpression, isArrowFunction, isBlock, isCallExpression, isFunctionDeclaration, isFunctionExpression, isConditionalExpression, isIdentifier, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isSpreadElement, isVariableDeclaration, isVariableStatement } from './tsNodes';
import type { HttpMethod } from '../model';
import { bracedPathToRoute, expandOptionalGroups, joinRoutePath } from './joinPath';
import { hasParams, literalOf, literalsOf, mergeParts, propOf, str, type ConstValue } from './values';
import { isHttpMethod } from './routeSpec';
import { NEUTRAL_VERSION, factoryMethod, substituteParams, type ExtractedFile, type ExtractedRoute } from './extracted';
import { lastReturn, skipOuter, thisMember, extendedClass } from './tsSyntax';
import type { Scope } from './readerBase';
import { calleeName, singleReturn } from './routeSyntax';
import { tsRestNestDecorator } from './tsRestNest';
import { NestAppReader } from './nestApp';
import { codeText } from './evaluator';
import { TEGG_CONTROLLER, TEGG_METHOD, teggMethodOf } from './teggDecorators';
import { TSOA_CLI, TSOA_PACKAGE, TSOA_REGISTER, TSOA_SOURCE } from './tsoaRoutes';
import { LOOPBACK_REST, isLoopbackRouteDecorator, loopbackMethod } from './loopbackRoutes';
import { loopbackMountPath } from './loopbackMount';
import { inversifyExported, inversifyRoute } from './inversifyControllers';
import { AWILIX_ROUTE, awilixExported, awilixVerbs, isAwilixRouter } from './awilixControllers';
import { COOL_CONTROLLER, COOL_CORE, coolApiMethod, coolPrefixOfFile } from './coolControllers';
import { fastifyControllerRoute, fastifyDecoratorRoute } from './fastifyDecorators';

const NEST_METHODS: Readonly<Record<string, HttpMethod>> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Head: 'HEAD',
  Options: 'OPTIONS',
  All: 'ALL',
  // `@Sse(':uid')`: a server-sent events stream, a GET route.
  Sse: 'GET',
};

/** Midway's own spelling of its DELETE route decorator (`@Del('/:id')`); its other route decorators share Nest's names. */
const MIDWAY_METHODS: Readonly<Record<string, HttpMethod>> = { Del: 'DELETE' };
const MIDWAY_PACKAGE = /^(?:@midwayjs\/|@cool-midway\/)/;

/** Packages of decorator frameworks whose controllers the scan places itself (Nest's global prefix, routing-controllers' routePrefix, OvernightJS, Egg's tegg, Ts.ED's mount: tsedMount.ts, Midway's directory-scanned controllers, inversify-express-utils' rootPath: inversifyControllers.ts; fastify-decorators': fastifyDecorators.ts; awilix-express's are awilixControllers.ts's). */
const DECORATOR_FRAMEWORK = /^(?:@nestjs\/|routing-controllers$|@overnightjs\/|egg$|@eggjs\/|@tsed\/|@midwayjs\/|@cool-midway\/|inversify-express-utils$|fastify-decorators$)/;

/** Class decorators making a controller: Nest's, routing-controllers' JsonController, tegg's (teggDecorators.ts). */
const CONTROLLER_DECORATORS: ReadonlySet<string> = new Set(['Controller', 'JsonController', TEGG_CONTROLLER]);

/** The name a callee starts from: `Controller` of `Controller`, `common` of `common.Controller`. */
function rootName(e: ts.Expression): string | undefined {
  let x = skipOuter(e);
  while (isPropertyAccessExpression(x)) x = skipOuter(x.expression);
  return isIdentifier(x) ? x.text : undefined;
}

export abstract class NestControllerReader extends NestAppReader {
  protected versionOf(node: ts.Expression): string[] | undefined {
    const e = skipOuter(node);
    const one = (x: ts.Expression): string | undefined => (memberName(x) === 'VERSION_NEUTRAL' ? NEUTRAL_VERSION : literalOf(this.evaluate(x)));
    if (isArrayLiteralExpression(e)) {
      const out = e.elements.map(one);
      return out.every((s): s is string => s !== undefined) ? out : undefined;
    }
    const v = one(e);
    return v === undefined ? undefined : [v];
  }

  /** Whether a decorator is Nest's own (`@Get` or `@common.Get` imported from a `@nestjs/` package). */
  private fromNest(e: ts.Expression): boolean {
    const root = rootName(e);
    return root !== undefined && this.out.imports.some((i) => i.local === root && i.source.startsWith('@nestjs/'));
  }

  /**
   * A decorator's own name: its last member name (`@common.Get`), or, for a name imported from a
   * Nest package under another one (`import { Put as Patch } from '@nestjs/common'`), the name
   * it was exported as: that `@Patch()` is a PUT route.
   */
  private decoratorName(e: ts.Expression): string {
    const name = calleeName(e)?.split('.').pop() ?? '';
    if (!isIdentifier(skipOuter(e))) return name;
    const imported = this.out.imports.find((i) => i.local === name && i.source.startsWith('@nestjs/'))?.imported;
    return imported === undefined || imported === 'default' || imported === '*' ? name : imported;
  }

  /** The method of a Midway route decorator spelled its own way (`Del`), by the name it is imported under from a Midway package. */
  private midwayMethod(callee: ts.Expression): HttpMethod | undefined {
    const x = skipOuter(callee);
    const imported = isIdentifier(x) ? this.out.imports.find((i) => i.local === x.text && MIDWAY_PACKAGE.test(i.source))?.imported : undefined;
    return imported === undefined ? undefined : MIDWAY_METHODS[imported];
  }

  /** A class decorator making a controller: Nest's, routing-controllers', tegg's by name; tsoa's `@Route` imported from tsoa; inversify-express-utils' `@controller`; awilix-express's `@route` (awilixControllers.ts). */
  private isControllerDecorator(callee: ts.Expression): boolean {
    const name = this.decoratorName(callee);
    if (CONTROLLER_DECORATORS.has(name) || inversifyExported(callee, this.out.imports) === 'controller' || awilixExported(callee, this.out.imports) === AWILIX_ROUTE || this.isCoolController(callee)) return true;
    const x = skipOuter(callee);
    return isIdentifier(x) && this.out.imports.some((i) => i.local === x.text && i.imported === 'Route' && TSOA_PACKAGE.test(i.source));
  }

  protected readNestClass(node: ts.ClassDeclaration): void {
    const decorators = getDecorators(node) ?? [];
    const isController = decorators.some((d) => isCallExpression(d.expression) && this.isControllerDecorator(d.expression.expression));
    const factory = classFactoryOf(node);
    if (factory) return this.readFactoryClass(node, factory);
    const called = baseCall(node);
    const base = baseClassName(node) ?? called?.name;
    if (!isController && this.isLoopbackController(node)) return this.readLoopbackController(node, base);
    if (!isController && node.name) this.readHandlerClass(node, node.name.text, base, called && this.argValues(called.args));
    if (!isController && node.name && called) (this.out.factoryControllers ??= []).push({ controller: node.name.text, line: this.line(node) });
    let module = false;
    for (const d of decorators) {
      const call = isCallExpression(d.expression) ? d.expression : undefined;
      const name = call ? this.decoratorName(call.expression) : undefined;
      if (name === 'Module' && call && node.name) {
        module = true;
        this.readNestModule(node, node.name.text, call);
      }
      if (!call || !name) continue;
      if (this.isControllerDecorator(call.expression)) this.readOwnDecoratorController(node, d, call, base);
      else if (!isController) this.readControllerFactoryUse(node, d, call, name, base);
    }
    // A class with no @Module whose static methods return dynamic modules of it (`static forRoot():
    // DynamicModule { return { module: KeyModule, controllers: [...] } }`) is a module all the same.
    if (!module && !isController && node.name) this.readNestModule(node, node.name.text, undefined);
  }

  /**
   * A class a function declares and returns (`export function SalesController(props) {
   * @Controller(`shoppings/${props.path}/sales`) abstract class SalesController {...} return
   * SalesController }`): the function is a controller factory. Its path, the parameters as `$0`,
   * `$1`... (controllerFactories), and its handlers and base (handlerClasses) go under the
   * function's name, for the classes that extend a call of it.
   */
  private readFactoryClass(node: ts.ClassDeclaration, factory: { name: string; fn: ts.SignatureDeclarationBase }): void {
    const scope: Scope = new Map(factory.fn.parameters.map((p, i) => [isIdentifier(p.name) ? p.name.text : `#${i}`, str({ ref: { local: `$${i}`, path: [] } })]));
    this.withScope(scope, () => {
      const d = (getDecorators(node) ?? []).find((x) => isCallExpression(x.expression) && this.decoratorName(x.expression.expression) === 'Controller');
      const c = d && isCallExpression(d.expression) ? this.controllerPath(d, d.expression.arguments[0]) : undefined;
      if (c) this.out.controllerFactories = { ...(this.out.controllerFactories ?? {}), [factory.name]: c.paths };
      const called = baseCall(node);
      this.readHandlerClass(node, factory.name, baseClassName(node) ?? called?.name, called ? this.argValues(called.args) : []);
    });
  }

  private argValues(args: readonly ts.Expression[]): ConstValue[] {
    return args.map((a) => this.evaluate(a) ?? str(''));
  }

  /** The name a decorator is exported as by LoopBack's REST packages (`get`, `operation`, `api`), when imported from one. */
  private loopbackExported(callee: ts.Expression): string | undefined {
    const x = skipOuter(callee);
    return isIdentifier(x) ? this.out.imports.find((i) => i.local === x.text && LOOPBACK_REST.test(i.source))?.imported : undefined;
  }

  /** A LoopBack 4 controller: a class with a method decorated by one of @loopback/rest's route decorators. */
  private isLoopbackController(node: ts.ClassDeclaration): boolean {
    return node.members.some((m) =>
      (ts.canHaveDecorators(m) ? (getDecorators(m) ?? []) : []).some((d) => isCallExpression(d.expression) && isLoopbackRouteDecorator(this.loopbackExported(d.expression.expression) ?? '')),
    );
  }

  /** A LoopBack 4 controller's routes, under its `@api({ basePath })`, paths' `{id}` as `:id`. */
  private readLoopbackController(node: ts.ClassDeclaration, base: string | undefined): void {
    const api = (getDecorators(node) ?? []).map((d) => d.expression).find((e): e is ts.CallExpression => isCallExpression(e) && this.loopbackExported(e.expression) === 'api');
    const spec = api?.arguments[0] ? skipOuter(api.arguments[0]) : undefined;
    const basePath = spec && isObjectLiteralExpression(spec) ? this.prop(spec, 'basePath') : undefined;
    const paths = basePath ? this.evaluate(basePath) : str('');
    const before = this.out.routes.length;
    this.readController(node, api ?? node, paths ? { paths } : undefined, base);
    for (const r of this.out.routes.slice(before)) r.path = bracedPathToRoute(r.path);
  }

  /**
   * LoopBack 4's `app.basePath('/api')` (or `this.basePath(...)` in the application class), in a file
   * importing a LoopBack package: before every controller's path, as a global prefix is.
   */
  protected readLoopbackBasePath(call: ts.CallExpression): boolean {
    if (call.arguments.length !== 1 || !this.out.imports.some((i) => i.source.startsWith('@loopback/'))) return false;
    const literal = literalOf(this.evaluate(call.arguments[0]));
    if (literal === undefined) return false;
    this.out.globalPrefix = joinRoutePath(literal);
    this.out.globalPrefixLine = this.line(call);
    return true;
  }

  /** Express mounting a LoopBack app (`app.use('/api', lbApp.requestHandler)`): the path before its controllers. */
  protected readLoopbackMount(call: ts.CallExpression): boolean {
    const mount = loopbackMountPath(call);
    if (mount !== undefined) this.out.loopbackMount = mount;
    return mount !== undefined;
  }

  /**
   * tsoa's `generateRoutes({ basePath, routesDir, ... })` (from tsoa or @tsoa/cli) in a script of the
   * project: tsoa.json written as code, its basePath before every generated route.
   */
  protected readTsoaGenerateRoutes(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    const imp = isIdentifier(callee) ? this.out.imports.find((i) => i.local === callee.text) : undefined;
    if (imp?.imported !== 'generateRoutes' || !TSOA_CLI.test(imp.source) || !call.arguments[0]) return false;
    const base = literalOf(propOf(this.evaluate(call.arguments[0]), ['basePath']));
    if (base !== undefined) this.out.tsoaBasePath = base;
    return true;
  }

  /** A LoopBack route decorator's method and the argument holding its path (`@get('/x')`, `@operation('get', '/x')`). */
  private loopbackRoute(call: ts.CallExpression): { method: HttpMethod; pathArg: ts.Expression | undefined } | undefined {
    const exported = this.loopbackExported(call.expression);
    if (exported === undefined || !isLoopbackRouteDecorator(exported)) return undefined;
    const operation = exported === 'operation';
    const method = loopbackMethod(exported, operation ? literalOf(this.evaluate(call.arguments[0])) : undefined);
    return method ? { method, pathArg: call.arguments[operation ? 1 : 0] } : undefined;
  }

  /** An inversify-express-utils route decorator (inversifyControllers.ts): its method, path argument, and its path written right after the controller's. */
  private inversifyRoute(call: ts.CallExpression): { method: HttpMethod | undefined; pathArg: ts.Expression | undefined; separator: '' } | undefined {
    const exported = inversifyExported(call.expression, this.out.imports);
    const route = exported === undefined ? undefined : inversifyRoute(exported, call.arguments, (e) => literalOf(this.evaluate(e)));
    return route && { ...route, separator: '' };
  }

  /** A controller's `@Controller(path)` or `@Controller({ path, version })`: its path and version, evaluated in the current scope. */
  protected controllerPath(d: ts.Node, pathArg: ts.Expression | undefined): { paths: ConstValue; version?: string[] } | undefined {
    const arg = pathArg ? skipOuter(pathArg) : undefined;
    if (!arg || !isObjectLiteralExpression(arg)) {
      const paths = arg ? this.evaluate(arg) : str('');
      if (!paths) this.warn(d, { id: 'controllerPath', args: [] });
      return paths ? { paths } : undefined;
    }
    const p = this.prop(arg, 'path');
    const paths = p ? this.evaluate(p) : str('');
    if (!paths) this.warn(d, { id: 'controllerPath', args: [] });
    const v = this.prop(arg, 'version');
    const version = v ? this.versionOf(v) : undefined;
    if (v && !version) this.warn(d, { id: 'controllerVersion', args: [] });
    return paths ? { paths, ...(version ? { version } : {}) } : undefined;
  }

  /**
   * The argument of a `@Controller(...)` holding its path: the first, or, when that is an injection
   * token (`@Controller(UserControllerSymbol, { basePath: '/api/users' })`: a symbol, no path), an
   * options object after it naming the path (`basePath`, `path` or `prefix`).
   */
  private controllerPathArg(call: ts.CallExpression): ts.Expression | undefined {
    // fastify-decorators' `@Controller({ route })` (fastifyDecorators.ts).
    const route = fastifyControllerRoute(call, this.out.imports);
    if (route !== null) return route;
    const [first, options] = call.arguments.map(skipOuter);
    if (!first || !options || !isObjectLiteralExpression(options) || isObjectLiteralExpression(first) || literalOf(this.evaluate(first)) !== undefined) return call.arguments[0];
    const key = ['basePath', 'path', 'prefix'].find((k) => this.prop(options, k) !== undefined);
    return key === undefined ? call.arguments[0] : this.prop(options, key);
  }

  /** cool-admin's `@CoolController` imported from @cool-midway/core (coolControllers.ts). */
  private isCoolController(callee: ts.Expression): boolean {
    const x = skipOuter(callee);
    return isIdentifier(x) && this.out.imports.some((i) => i.local === x.text && i.imported === COOL_CONTROLLER && i.source === COOL_CORE);
  }

  /** A cool-admin controller: its prefix (written, or from its file's place), its handlers, and a route per `api` name. */
  private readCoolController(node: ts.ClassDeclaration, d: ts.Decorator, call: ts.CallExpression, base: string | undefined): void {
    const arg = call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
    const options = arg && isObjectLiteralExpression(arg) ? arg : undefined;
    const written = options ? this.prop(options, 'prefix') : arg;
    const fromFile = coolPrefixOfFile(this.sf.fileName);
    const paths = written ? this.evaluate(written) : fromFile !== undefined ? str(fromFile) : undefined;
    if (!paths) return this.warn(d, { id: 'controllerPath', args: [] });
    this.readController(node, d, { paths }, base);
    const api = options ? this.prop(options, 'api') : undefined;
    for (const name of api ? (literalsOf(this.evaluate(api)) ?? []) : []) this.addNestRoutes(coolApiMethod(name), paths, str(`/${name}`), undefined, d, node.name?.text);
  }

  /** A controller, its routes marked with the module of its `@Controller` when that is no decorator framework's (ExtractedRoute.decoratedBy). */
  private readOwnDecoratorController(node: ts.ClassDeclaration, d: ts.Decorator, call: ts.CallExpression, base: string | undefined): void {
    const before = this.out.routes.length;
    if (this.isCoolController(call.expression)) return this.readCoolController(node, d, call, base);
    this.readController(node, d, this.controllerPath(d, this.controllerPathArg(call)), base);
    const root = rootName(call.expression);
    const source = root !== undefined ? this.out.imports.find((i) => i.local === root)?.source : undefined;
    if (source === undefined || DECORATOR_FRAMEWORK.test(source) || isAwilixRouter(source)) return;
    const tsoa = TSOA_PACKAGE.test(source);
    for (const r of this.out.routes.slice(before)) {
      r.decoratedBy = tsoa ? TSOA_SOURCE : source;
      if (tsoa) r.path = bracedPathToRoute(r.path);
    }
  }

  /**
   * `registerController(this.router, controller)`: an imported function handed a router, for the
   * controllers its module's decorators declare (collect.ts joins them by the module).
   */
  protected readControllerRegistrar(call: ts.CallExpression): void {
    const callee = skipOuter(call.expression);
    const imp = isIdentifier(callee) ? this.out.imports.find((i) => i.local === callee.text) : undefined;
    // tsoa's generated `RegisterRoutes(app)`: its controllers are those tsoa's decorators declare.
    const tsoa = imp?.imported === TSOA_REGISTER && call.arguments.length >= 1;
    const source = tsoa ? TSOA_SOURCE : call.arguments.length >= 2 ? imp?.source : undefined;
    if (source === undefined || DECORATOR_FRAMEWORK.test(source)) return;
    // Names and members only: a call written there (`express.Router()`) is read where it is a router's.
    const named = call.arguments.map(skipOuter).filter((a) => isIdentifier(a) || isPropertyAccessExpression(a));
    const at = named.find((a) => {
      const r = this.receiverOf(a);
      return r !== undefined && this.isRouterByName(r);
    });
    const router = at ? this.receiverOf(at) : undefined;
    const member = at ? thisMember(at) : undefined;
    if (router !== undefined) (this.out.controllerRegistrars ??= []).push({ source, router, line: this.line(call), ...(member !== undefined ? { member } : {}), ...(tsoa && imp ? { generatedIn: imp.source } : {}) });
  }

  /** A controller's handlers (and its base classes', its OvernightJS children) under its path. */
  private readController(node: ts.ClassDeclaration, d: ts.Node, c: { paths: ConstValue; version?: string[] } | undefined, base: string | undefined): void {
    if (!c) return;
    const { paths, version } = c;
    this.readNestHandlers(node, paths, version);
    this.readChildControllers(node, getDecorators(node) ?? [], paths);
    if (base && node.name) {
      const entry: NonNullable<ExtractedFile['controllerBases']>[number] = { controller: node.name.text, base, controllerPaths: paths, line: this.line(d) };
      if (version) entry.version = version;
      (this.out.controllerBases ??= []).push(entry);
    }
  }

  /**
   * `@ApiController('users')` where ApiController wraps `Controller(path)` in applyDecorators: a
   * local factory is read here with the use's arguments; an imported one is left to collect.ts
   * (decoratedControllers), which finds the factory in its file and serves the class's handlers
   * (read as a handler class) under its path.
   */
  private readControllerFactoryUse(node: ts.ClassDeclaration, d: ts.Decorator, call: ts.CallExpression, name: string, base: string | undefined): void {
    const factory = this.controllerFactory(name);
    const args = call.arguments.map((a) => this.evaluate(a) ?? str(''));
    if (factory) {
      let c: ReturnType<NestControllerReader['controllerPath']>;
      this.withScope(factory.scope, () => (c = this.controllerPath(d, factory.pathArg)));
      this.readController(node, d, c && { ...c, paths: substituteParams(c.paths, args) }, base);
      return;
    }
    const cls = node.name?.text;
    if (!cls || !isIdentifier(call.expression) || !this.importedNames.has(name) || !this.out.handlerClasses?.[cls]) return;
    (this.out.decoratedControllers ??= []).push({ decorator: name, args, controller: cls, line: this.line(d) });
  }

  /**
   * A local function returning applyDecorators(...) with a `Controller(path)` among its arguments,
   * written there or in an array the function builds first (`const decs = [ApiTags(name),
   * Controller(name)]; return applyDecorators(...decs)`): that call's argument, and the scope
   * naming the function's parameters `$0`, `$1`... for the path.
   */
  protected controllerFactory(name: string): { call: ts.CallExpression; pathArg: ts.Expression | undefined; scope: Scope } | undefined {
    const decl = this.decls.get(name);
    const fn = decl && (isFunctionDeclaration(decl) || isArrowFunction(decl) || isFunctionExpression(decl)) ? decl : undefined;
    const fnBody = fn?.body;
    if (!fn || !fnBody) return undefined;
    const body = isBlock(fnBody) ? lastReturn(fnBody) : fnBody;
    const call = body ? skipOuter(body) : undefined;
    if (!call || !isCallExpression(call) || this.decoratorName(call.expression) !== 'applyDecorators') return undefined;
    const applied = call.arguments.flatMap((a) => (isSpreadElement(a) ? localArrayElements(fnBody, a.expression) : [a]));
    const controller = applied.map(skipOuter).find((a): a is ts.CallExpression => isCallExpression(a) && this.decoratorName(a.expression) === 'Controller');
    if (!controller) return undefined;
    const scope: Scope = new Map(fn.parameters.map((p, i) => [isIdentifier(p.name) ? p.name.text : `#${i}`, str({ ref: { local: `$${i}`, path: [] } })]));
    return { call: controller, pathArg: controller.arguments[0], scope };
  }

  /** OvernightJS `@ChildControllers([new Actions(), new Events()])` on a controller with a literal path. */
  private readChildControllers(node: ts.ClassDeclaration, decorators: readonly ts.Decorator[], paths: ConstValue): void {
    const path = literalOf(paths);
    if (!node.name || path === undefined) return;
    for (const d of decorators) {
      if (!isCallExpression(d.expression) || calleeName(d.expression.expression)?.split('.').pop() !== 'ChildControllers') continue;
      const arg = d.expression.arguments[0] ? skipOuter(d.expression.arguments[0]) : undefined;
      const list = arg && isArrayLiteralExpression(arg) ? arg.elements.map(skipOuter) : arg ? [arg] : [];
      const children = list.flatMap((e) => (isNewExpression(e) && isIdentifier(e.expression) ? [e.expression.text] : []));
      if (children.length > 0) (this.out.childControllers ??= []).push({ parent: node.name.text, path, children });
    }
  }

  /** A class that is no controller but declares route handlers, for the controllers that extend it. */
  private readHandlerClass(node: ts.ClassDeclaration, name: string, base: string | undefined, baseArgs?: ConstValue[]): void {
    const own = this.out.routes;
    this.out.routes = [];
    try {
      this.readNestHandlers(node, str(''), undefined);
      const routes = this.out.routes.filter((r) => r.kind === 'nest');
      // A class extending a call is kept without handlers of its own: it takes the factory's.
      if (routes.length > 0 || baseArgs) (this.out.handlerClasses ??= {})[name] = { routes, ...(base ? { base } : {}), ...(baseArgs ? { baseArgs } : {}) };
    } finally {
      this.out.routes = own;
    }
  }

  private readNestHandlers(cls: ts.ClassDeclaration, controllerPaths: ConstValue, controllerVersion: string[] | undefined): void {
    for (const member of cls.members) {
      const decorators = ts.canHaveDecorators(member) ? (getDecorators(member) ?? []) : [];
      let handlerVersion: string[] | undefined;
      for (const d of decorators) {
        if (!isCallExpression(d.expression) || this.decoratorName(d.expression.expression) !== 'Version') continue;
        const arg = d.expression.arguments[0];
        handlerVersion = arg ? this.versionOf(arg) : undefined;
        if (!handlerVersion) this.warn(d, { id: 'versionDecorator', args: [] });
      }
      if (this.readAwilixHandler(decorators, controllerPaths, cls.name?.text)) continue;
      let nestRouted = false;
      for (const d of decorators) {
        if (!isCallExpression(d.expression)) continue;
        if (this.readTsRestNest(d.expression, controllerPaths, handlerVersion ?? controllerVersion, cls.name?.text)) continue;
        const name = this.decoratorName(d.expression.expression);
        const tegg = name === TEGG_METHOD;
        // A route decorator of a library read by its export (LoopBack's, inversify-express-utils'): its method and path argument.
        const library = this.loopbackRoute(d.expression) ?? this.inversifyRoute(d.expression) ?? fastifyDecoratorRoute(d.expression, this.out.imports);
        const method = tegg ? teggMethodOf(d.expression.arguments[0]) : library ? library.method : (NEST_METHODS[name] ?? this.midwayMethod(d.expression.expression));
        if ((tegg || library) && !method) {
          this.warn(d, { id: 'decoratorMethod', args: [name] });
          continue;
        }
        if (!method) {
          this.readDecoratorFactoryUse(d.expression, name, controllerPaths, handlerVersion ?? controllerVersion, cls.name?.text);
          continue;
        }
        // Nest's route decorators each set the handler's one path and method (Reflect.defineMetadata),
        // applied bottom-up: of `@Post('m') @Sse()` the upper one is the route, the other is overwritten.
        if (this.fromNest(d.expression.expression)) {
          if (nestRouted) continue;
          nestRouted = true;
        }
        const arg = library ? library.pathArg : d.expression.arguments[0];
        const a = arg ? skipOuter(arg) : undefined;
        const paths = !a ? str('') : isObjectLiteralExpression(a) ? (this.evaluate(this.prop(a, 'path')) ?? str('')) : this.evaluate(a);
        if (!paths) {
          this.warn(d, { id: 'decoratorPath', args: [name] });
          continue;
        }
        if (a) this.warnDroppedAlternatives(a, paths, d);
        const version = handlerVersion ?? controllerVersion;
        this.addNestRoutes(method, controllerPaths, paths, version, d, cls.name?.text, library && 'separator' in library ? library.separator : undefined);
      }
    }
  }

  /**
   * A method's awilix-express decorators (awilixControllers.ts): a route per verb at each class path
   * followed by each of its own `@route` paths (written together), or at the class paths when it has
   * none. False when the method has no decorator of the package.
   */
  private readAwilixHandler(decorators: readonly ts.Decorator[], controllerPaths: ConstValue, controller: string | undefined): boolean {
    const own = decorators.flatMap((d) => {
      const exported = isCallExpression(d.expression) ? awilixExported(d.expression.expression, this.out.imports) : undefined;
      return exported !== undefined && isCallExpression(d.expression) ? [{ d, call: d.expression, exported }] : [];
    });
    const first = own[0];
    if (!first) return false;
    const methods = new Set<HttpMethod>();
    const paths: ConstValue[] = [];
    let unknownPath = false;
    for (const { d, call, exported } of own) {
      if (exported === AWILIX_ROUTE) {
        const p = call.arguments[0] ? this.evaluate(call.arguments[0]) : undefined;
        if (p) paths.push(p);
        else this.warn(d, { id: 'decoratorPath', args: [AWILIX_ROUTE] });
        unknownPath ||= !p;
        continue;
      }
      const verbs = awilixVerbs(exported, call.arguments, (e) => literalOf(this.evaluate(e)));
      if (verbs?.length === 0) this.warn(d, { id: 'decoratorMethod', args: [exported] });
      for (const v of verbs ?? []) methods.add(v);
    }
    if (unknownPath && paths.length === 0) return true;
    const handlerPaths: ConstValue = paths.length > 0 ? { kind: 'arr', items: paths } : str('');
    for (const method of methods) this.addNestRoutes(method, controllerPaths, handlerPaths, undefined, first.d, controller, '');
    return true;
  }

  /**
   * `@Get(process.env.NODE_ENV === 'development' ? ['a', 'dev/a'] : ['a'])`: the evaluator keeps the
   * paths of every branch (evaluator.ts commonItems); those of one branch only are warned of.
   */
  private warnDroppedAlternatives(arg: ts.Expression, kept: ConstValue, at: ts.Node): void {
    if (!isConditionalExpression(arg)) return;
    const keptPaths = new Set(literalsOf(kept) ?? []);
    const branches = [arg.whenTrue, arg.whenFalse].map((b) => literalsOf(this.evaluate(b)) ?? []);
    const dropped = [...new Set(branches.flat())].filter((p) => !keptPaths.has(p));
    if (dropped.length > 0) this.warn(at, { id: 'decoratorBranchPaths', args: [dropped.join(', '), codeText(arg.condition, this.sf)] });
  }

  /** A route decorator of @ts-rest/nest (tsRestNest.ts): its contract route(s), read by collect.ts where the contract is. */
  private readTsRestNest(call: ts.CallExpression, controllerPaths: ConstValue, version: string[] | undefined, controller: string | undefined): boolean {
    const found = tsRestNestDecorator(call, this.out.imports);
    if (!found) return false;
    const contract = this.evaluate(found.root);
    const handler: NonNullable<ExtractedFile['tsRestHandlers']>[number] = { decorator: found.decorator, keys: found.keys, controllerPaths, line: this.line(call) };
    if (contract) handler.contract = contract;
    if (version) handler.version = version;
    if (controller) handler.controller = controller;
    (this.out.tsRestHandlers ??= []).push(handler);
    return true;
  }

  /** `@GetUser('me')` where GetUser wraps route decorators in applyDecorators: local, or left to collect.ts when imported. */
  private readDecoratorFactoryUse(call: ts.CallExpression, name: string, controllerPaths: ConstValue, version: string[] | undefined, controller: string | undefined): void {
    const args = call.arguments.map((a) => this.evaluate(a) ?? str(''));
    const local = this.decoratorRoutes(name, 0);
    if (local) {
      for (const r of local) {
        const method = r.methodValue ? factoryMethod(r.methodValue, args) : r.method;
        if (method) this.addNestRoutes(method, controllerPaths, substituteParams(r.path, args), version, call, controller);
      }
      return;
    }
    if (!isIdentifier(call.expression) || !this.importedNames.has(name)) return;
    const handler: NonNullable<ExtractedFile['decoratedHandlers']>[number] = { decorator: name, args, controllerPaths, line: this.line(call) };
    if (version) handler.version = version;
    if (controller) handler.controller = controller;
    (this.out.decoratedHandlers ??= []).push(handler);
  }

  /**
   * The route decorators a local applyDecorators factory applies, with its parameters as `$0`,
   * `$1`...; or the route a decorator factory records for a registry of the project's own
   * (metadataRoute).
   */
  protected decoratorRoutes(name: string, depth: number): DecoratorRoute[] | undefined {
    const decl = this.decls.get(name);
    if (!decl || depth > 4) return undefined;
    const fn = isFunctionDeclaration(decl) || isArrowFunction(decl) || isFunctionExpression(decl) ? decl : undefined;
    if (!fn?.body) return undefined;
    const body = isBlock(fn.body) ? singleReturn(fn.body) ?? lastReturn(fn.body) : fn.body;
    const call = body ? skipOuter(body) : undefined;
    const scope: Scope = new Map(fn.parameters.map((p, i) => [isIdentifier(p.name) ? p.name.text : `#${i}`, str({ ref: { local: `$${i}`, path: [] } })]));
    if (call && (isArrowFunction(call) || isFunctionExpression(call))) return this.metadataRoute(call, scope);
    if (!call || !isCallExpression(call) || calleeName(call.expression)?.split('.').pop() !== 'applyDecorators') return undefined;
    const out: DecoratorRoute[] = [];
    this.withScope(scope, () => {
      for (const a of call.arguments) {
        const inner = skipOuter(a);
        if (!isCallExpression(inner)) continue;
        const innerName = this.decoratorName(inner.expression);
        const method = NEST_METHODS[innerName];
        if (method) {
          const arg = inner.arguments[0];
          out.push({ method, path: arg ? (this.evaluate(arg) ?? str('')) : str('') });
        } else {
          const nested = this.decoratorRoutes(innerName, depth + 1);
          const args = inner.arguments.map((x) => this.evaluate(x) ?? str(''));
          for (const r of nested ?? []) out.push({ method: r.method, path: substituteParams(r.path, args), ...(r.methodValue ? { methodValue: substituteParams(r.methodValue, args) } : {}) });
        }
      }
    });
    return out.length > 0 ? out : undefined;
  }

  /**
   * A method decorator that records its route for a registry of the project's own (`function
   * APIRoute(method, path) { return (target, propertyKey) => { routes.push({ method, path:
   * `/api/:version/${path}`, methodName: propertyKey }); Reflect.defineMetadata(KEY, routes, target) } }`):
   * the object it records with a `method` (an HTTP method or a parameter) and a `path`.
   */
  private metadataRoute(decorator: ts.ArrowFunction | ts.FunctionExpression, scope: Scope): DecoratorRoute[] | undefined {
    if (decorator.parameters.length < 2) return undefined;
    let record: ts.ObjectLiteralExpression | undefined;
    const find = (n: ts.Node): void => {
      if (isObjectLiteralExpression(n) && this.prop(n, 'method') && this.prop(n, 'path')) record = n;
      else if (!record) forEachChild(n, find);
    };
    find(decorator.body);
    if (!record) return undefined;
    const fields = record;
    let route: DecoratorRoute | undefined;
    this.withScope(scope, () => {
      const method = this.evaluate(this.prop(fields, 'method'));
      const path = this.evaluate(this.prop(fields, 'path'));
      const literal = literalOf(method)?.toUpperCase();
      if (!method || path?.kind !== 'str') return;
      if (literal !== undefined && isHttpMethod(literal)) route = { method: literal, path };
      else if (hasParams(method)) route = { method: 'GET', path, methodValue: method };
    });
    return route && [route];
  }

  /** Each route of a handler: the controller's path, then `separator` ('/', none for inversify-express-utils), then the handler's. */
  private addNestRoutes(method: HttpMethod, bases: ConstValue, paths: ConstValue, version: string[] | undefined, node: ts.Node, controller: string | undefined, separator: '/' | '' = '/'): void {
    const items = (v: ConstValue): ConstValue[] => (v.kind === 'arr' ? v.items : [v]);
    const line = this.line(node);
    for (const b of items(bases)) {
      for (const p of items(paths)) {
        if (b.kind !== 'str' || p.kind !== 'str') continue;
        const joined = str(...b.parts, separator, ...p.parts);
        const literal = literalOf(joined);
        // Nest 11 on Express 5: an optional group (`download/:id{/:filename}`) answers with and without it.
        for (const path of literal !== undefined && literal.includes('{/') ? expandOptionalGroups(literal) : [literal]) {
          const route: ExtractedRoute = { method, path: path !== undefined ? joinRoutePath(path) : '/', line, kind: 'nest' };
          if (path === undefined) route.pathValue = { kind: 'str', parts: mergeParts(joined.parts) };
          if (version) route.version = version;
          if (controller) route.controller = controller;
          this.out.routes.push(route);
        }
      }
    }
  }
}

/** A route decorator factory's route: its method a parameter when `methodValue` is there (`$0`), filled by each use. */
type DecoratorRoute = NonNullable<ExtractedFile['decoratorFactories']>[string][number];

function memberName(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  if (isPropertyAccessExpression(x)) return x.name.text;
  if (isIdentifier(x)) return x.text;
  return undefined;
}

/** `class A extends F(args)` / `extends F<T>(args)`: the function called and its arguments. */
function baseCall(node: ts.ClassDeclaration): { name: string; args: readonly ts.Expression[] } | undefined {
  const e = extendedClass(node);
  const call = e && skipOuter(e);
  return call && isCallExpression(call) && isIdentifier(call.expression) ? { name: call.expression.text, args: call.arguments } : undefined;
}

/** The function whose body declares `node` and returns it, with the name it is declared by. */
function classFactoryOf(node: ts.ClassDeclaration): { name: string; fn: ts.SignatureDeclarationBase } | undefined {
  const body = isBlock(node.parent) ? node.parent : undefined;
  const fn = body?.parent;
  if (!body || !fn || !node.name || !(isFunctionDeclaration(fn) || isArrowFunction(fn) || isFunctionExpression(fn))) return undefined;
  const returned = lastReturn(body);
  const id = returned && skipOuter(returned);
  if (!id || !isIdentifier(id) || id.text !== node.name.text) return undefined;
  const holder = isFunctionDeclaration(fn) ? fn : isVariableDeclaration(fn.parent) ? fn.parent : undefined;
  const name = holder?.name && isIdentifier(holder.name) ? holder.name.text : undefined;
  return name ? { name, fn } : undefined;
}

/** `class A extends B` / `extends ns.B` -> 'B' (the name a controller's base is imported or declared by). */
function baseClassName(node: ts.ClassDeclaration): string | undefined {
  const clause = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const e = clause?.types[0]?.expression;
  return e && (isIdentifier(e) || isPropertyAccessExpression(e)) ? e.getText() : undefined;
}

/** The elements of `const name = [a, b]` written at the top of a function body (not spread ones). */
function localArrayElements(body: ts.ConciseBody, e: ts.Expression): ts.Expression[] {
  const x = skipOuter(e);
  if (!isBlock(body) || !isIdentifier(x)) return [];
  for (const st of body.statements) {
    if (!isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer ? skipOuter(d.initializer) : undefined;
      if (isIdentifier(d.name) && d.name.text === x.text && init && isArrayLiteralExpression(init)) return init.elements.filter((el) => !isSpreadElement(el));
    }
  }
  return [];
}
