// What the file offers other files, read after the walk: its exports (named, default, CommonJS),
// the routers, router factories, classes and plain functions behind them, decorator and controller
// factories, the parameters routes are declared on, and routers kept in an object by key.
import { factoryLoads } from './madeHandlers';
import ts from './compiler';
import { forEachChild, isConstructorDeclaration, isArrayBindingPattern, isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isBindingElement, isBlock, isCallExpression, isClassDeclaration, isConditionalExpression, isEnumDeclaration, isExportAssignment, isExportDeclaration, isExpression, isExpressionStatement, isFunctionDeclaration, isFunctionExpression, isFunctionLike, isFunctionTypeNode, isIdentifier, isSourceFile, isMethodDeclaration, isNamedExports, isNamespaceExport, isNewExpression, isObjectBindingPattern, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike, isTypeReferenceNode, isVariableStatement } from './tsNodes';
import { joinRoutePath } from './joinPath';
import { instanceFields } from './classInstances';
import { thisAssignment } from './memberGuards';
import { ANY_ARGS, ARG, CALLED, CALLED_TEMPLATE, DEFAULT_CALL, DEFAULT_OBJECT, NEW, SPREAD, argRef, literalOf, propOf, str, unknownIn, type ConstValue } from './values';
import { JOINED_ARGS, joinedValue, joinsArguments } from './pathFunctions';
import { isEmptyObject } from './mergedObjects';
import { isFunctionWithBody, returnedExpressions, skipOuter, wrappedFunction, extendedClass } from './tsSyntax';
import { returnedExpression, chainRoot, restNames, hasModifier, cjsNamedExport, isModuleExports, assignedValue } from './routeSyntax';
import { ROUTER_METHODS } from './routeSpec';
import { requireSource } from './moduleLoads';
import type { ReaderBase } from './readerBase';
import { MountReader } from './mounts';
import { withReassignedFields } from './reassignedFields';
import type { Endpoint, ExtractedMount } from './extracted';

/** A router class's verb method takes its handler under one of these names or types (see collectRouterClasses). */
const HANDLER_PARAM = /^(?:handler|handlers|callback|cb|fn|action|middleware|middlewares|listener|controller)$/i;

const HANDLER_TYPE = /(?:Handler|Middleware|Callback|Function|Controller|Action)$/;

/** A key of an object of routers that can be a path: segments, parameters, '' for the root. */
const ROUTER_KEY = /^[\w.:/-]*$/;

/**
 * The function a statement exports as the file's default: `export default async function (fastify)`,
 * `export default fp(async (app) => ...)`, `module.exports = async function (fastify, opts)`.
 */
function defaultFunction(st: ts.Statement, sf: ts.SourceFile): ts.SignatureDeclarationBase | undefined {
  if (isFunctionDeclaration(st)) return !st.name && hasModifier(st, ts.SyntaxKind.DefaultKeyword) ? st : undefined;
  const e = exportedValue(st, sf);
  return e && wrappedFunction(e);
}

/** What `export default x` / `export = x` / `module.exports = x` exports. */
function exportedValue(st: ts.Statement, sf: ts.SourceFile): ts.Expression | undefined {
  return isExportAssignment(st) ? st.expression : isExpressionStatement(st) && isBinaryExpression(st.expression) && /^module\.exports$/.test(st.expression.left.getText(sf)) ? st.expression.right : undefined;
}

/**
 * A request handler that never hands the request on: Express's `(req, res)` (the request maybe
 * destructured, `({ params }, res)`), or `(req, res, next)` that names `next` only to end the request
 * with an error (`next(new Error('...'))`, `next(err)`: Express skips to its error handler; a not-found
 * handler that throws names it not at all). A Koa or Hono `(ctx, next)`, an error handler's four
 * parameters and middleware calling `next()` or handing `next` to another function are none.
 */
function answersRequest(fn: ts.SignatureDeclarationBase): boolean {
  const names = fn.parameters.map((p, i) => (isIdentifier(p.name) && !p.dotDotDotToken ? p.name.text : i === 0 && isObjectBindingPattern(p.name) ? '{}' : ''));
  if (names.length < 2 || names.length > 3 || names.includes('') || /^next$/i.test(names[1] ?? '')) return false;
  const next = names[2];
  if (next === undefined) return true;
  return 'body' in fn && fn.body ? endsOnlyWithErrors(fn.body as ts.Node, next, 0) : true;
}

/** How Express code names a handler's response parameter (`res`, `_res`, `response`). */
const RESPONSE_PARAM = /^_?res(ponse)?$/i;

/** Functions handing `next` on to functions handing it on, followed at most this deep. */
const MAX_NEXT_HELPERS = 3;

/** The local name a CommonJS named export written as a value (`exports.routes = [...]`) is kept under: not an identifier. */
const CJS_EXPORT = '*exports*';

/**
 * Whether a body names `next` only to end the request with an error: called with one argument (not
 * a string), or handed to a function declared in a block around the call (`verify(file, res, next)`
 * of a helper beside the handler) that itself names that parameter only so.
 */
function endsOnlyWithErrors(body: ts.Node, next: string, depth: number): boolean {
  let named = false;
  const visit = (n: ts.Node): void => {
    if (named) return;
    const call = isCallExpression(n) && isIdentifier(n.expression) ? n : undefined;
    if (call && (call.expression as ts.Identifier).text === next && call.arguments.length === 1 && !isStringLiteralLike(skipOuter(call.arguments[0] as ts.Expression))) {
      forEachChild(call.arguments[0] as ts.Node, visit);
      return;
    }
    const at = call ? call.arguments.findIndex((a) => isIdentifier(skipOuter(a)) && (skipOuter(a) as ts.Identifier).text === next) : -1;
    const helper = call && at >= 0 && depth < MAX_NEXT_HELPERS ? declaredFunction(call, (call.expression as ts.Identifier).text) : undefined;
    const param = helper?.parameters[at]?.name;
    if (call && helper?.body && param && isIdentifier(param) && endsOnlyWithErrors(helper.body, param.text, depth + 1)) {
      call.arguments.forEach((a, i) => i !== at && visit(a));
      return;
    }
    if (isIdentifier(n) && n.text === next) named = true;
    else forEachChild(n, visit);
  };
  visit(body);
  return !named;
}

/** The function declaration named `name` among the statements of the blocks around `from`, the nearest. */
function declaredFunction(from: ts.Node, name: string): ts.FunctionDeclaration | undefined {
  for (let n = from.parent; n; n = n.parent) {
    if (!isBlock(n) && !isSourceFile(n)) continue;
    const found = n.statements.find((st): st is ts.FunctionDeclaration => isFunctionDeclaration(st) && st.name?.text === name);
    if (found) return found;
  }
  return undefined;
}

/** A function every return of which is a function literal answering the request (answersRequest). */
function makesRequestHandler(fn: ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression): boolean {
  const returned = returnedExpressions(fn).map(skipOuter);
  return returned.length > 0 && returned.every((e) => (isArrowFunction(e) || isFunctionExpression(e)) && answersRequest(e));
}

export abstract class ExportReader extends MountReader {

  /**
   * Classes declared here that read like a router: a method named as an HTTP verb (`get`, `post`,
   * `del`...) taking a path and then a handler, named so (`handler`, `callback`, `fn`...) or typed
   * so (`RouteHandler`, a function type). An HTTP client's `get(url, config)` takes no handler.
   */
  private collectRouterClasses(): void {
    const handler = (p: ts.ParameterDeclaration): boolean =>
      (isIdentifier(p.name) && HANDLER_PARAM.test(p.name.text)) ||
      (p.type !== undefined && (isFunctionTypeNode(p.type) || (isTypeReferenceNode(p.type) && HANDLER_TYPE.test(p.type.typeName.getText(this.sf)))));
    for (const [name, node] of this.decls) {
      if (!isClassDeclaration(node)) continue;
      const verbs = node.members.filter((m) => isMethodDeclaration(m) && isIdentifier(m.name) && m.name.text in ROUTER_METHODS && m.parameters.slice(1).some(handler));
      if (verbs.length > 0) (this.out.routerClasses ??= []).push(name);
    }
  }

  /**
   * `class SchemaRouter extends Router { constructor(schema) { super({ prefix: '/' + tableToPathname(schema.table) }) } }`:
   * a router class whose constructor hands its base a prefix this scan cannot know. collect.ts
   * leaves out its own routes (through `this`) and those of its instances, and what is mounted on
   * them, rather than serve them under a guessed path; it finds the instances by classInstances.
   */
  private collectClassPrefixes(): void {
    for (const [name, node] of this.decls) {
      if (!isClassDeclaration(node)) continue;
      const base = extendedClass(node);
      // `extends PassportStrategy(Strategy)`: a mixin's options (`prefix: 'ApiKey '`), no router's.
      if (!base || isCallExpression(skipOuter(base))) continue;
      const ctor = node.members.find(ts.isConstructorDeclaration);
      const call = ctor?.body?.statements.map((st) => (isExpressionStatement(st) ? skipOuter(st.expression) : undefined)).find((e) => e !== undefined && isCallExpression(e) && e.expression.kind === ts.SyntaxKind.SuperKeyword);
      const options = call && isCallExpression(call) && call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
      const prefix = options && isObjectLiteralExpression(options) ? this.prop(options, 'prefix') : undefined;
      if (!prefix || literalOf(this.evaluate(prefix)) !== undefined) continue;
      (this.out.unknownPrefixClasses ??= []).push(name);
      this.warn(prefix, { id: 'classPrefix', args: [name, this.shownCode(prefix)] });
    }
    this.collectClassInstances();
  }

  /**
   * The file's mounts with its pending method mounts (ExtractedFile.pendingMethodMounts): what the
   * file declares on a router, as the parameters, instances and makers it names are judged by.
   */
  private mountsAndPending(): ExtractedMount[] {
    return this.out.pendingMethodMounts ? [...this.out.mounts, ...this.out.pendingMethodMounts] : this.out.mounts;
  }

  /** `const router = new SchemaRouter(...)` under a router's name that routes or mounts name: the class, imported or declared here. */
  private collectClassInstances(): void {
    const named = [...this.out.routes.map((r) => r.router), ...this.mountsAndPending().flatMap((m) => [m.routerName, m.mountedOn])];
    for (const name of new Set(named)) {
      const init = name !== undefined ? this.decls.get(name) : undefined;
      if (name === undefined || !init || !isNewExpression(init as ts.Node)) continue;
      const callee = (init as ts.NewExpression).expression;
      if (!isIdentifier(callee) || !(this.importedNames.has(callee.text) || (this.decls.get(callee.text) !== undefined && isClassDeclaration(this.decls.get(callee.text) as ts.Node)))) continue;
      (this.out.classInstances ??= {})[name] = callee.text;
    }
  }

  /**
   * Calls taken for routers (`const user = await getUser()` too) matter only where a route, a
   * mount or a returned router names them: the others are dropped, so collect.ts does not follow
   * the functions of every call of the file.
   */
  private pruneRouterMakers(): void {
    const makers = this.out.routerMakers;
    if (!makers) return;
    const named = new Set<string>([...Object.values(this.out.routerFactories ?? {})]);
    for (const r of this.out.routes) if (r.router !== undefined) named.add(r.router);
    for (const m of this.mountsAndPending()) named.add(m.routerName).add(m.mountedOn ?? '');
    // A router another file imports, made by a call giving options: what the call gives them (argConditions.ts).
    for (const name of this.exportedLocals()) if (makers[name]?.given) named.add(name);
    // A warning about what a receiver mounts (ScanWarning.on): collect.ts keeps it only if the call makes a router.
    for (const w of this.out.warnings) if (w.on !== undefined) named.add(w.on);
    for (const name of Object.keys(makers)) if (!named.has(name)) delete makers[name];
    if (Object.keys(makers).length === 0) delete this.out.routerMakers;
  }

  /** The local names the file exports: its default export, its export list's, its exported variables. */
  private exportedLocals(): string[] {
    const names = [...(this.out.defaultExport !== undefined ? [this.out.defaultExport] : []), ...Object.values(this.out.exportNames ?? {})];
    for (const st of this.sf.statements)
      if (isVariableStatement(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword)) for (const d of st.declarationList.declarations) if (isIdentifier(d.name)) names.push(d.name.text);
    return names;
  }

  /** A returned call of a function of the project's own (`createXaaRouter(options)`), taken for a router it may make. */
  private madeByCall(e: ts.Expression): string | undefined {
    const call = skipOuter(e);
    if (isCallExpression(call) && isIdentifier(call.expression)) return this.routerMaker(call) !== undefined ? this.receiverOf(call) : undefined;
    return isCallExpression(call) ? this.madeByModuleMember(call) : undefined;
  }

  /**
   * `return listing.init(getPlugins)` with `listing` a module of the project (`require('./listing')`):
   * the router that module's function makes, a router once collect.ts finds it makes one
   * (routerMakers `listing.init`), as a call of a function imported by its name is.
   */
  private madeByModuleMember(call: ts.CallExpression): string | undefined {
    const called = this.moduleFunctionCalled(call);
    if (called === undefined) return undefined;
    const name = `@${this.line(call)}:${call.getStart(this.sf)}`;
    this.factoryNames.set(call, name);
    this.madeBy(name, called.slice(0, -'()'.length), '', call);
    return name;
  }

  /** Functions that return a router: one of this file by its name, or a fresh one (`return new Hono()`) as ''. */
  private collectRouterFactories(): void {
    // `export default () => { const app = Router(); user(app); return app; }`: the file's one
    // anonymous factory, under the name its default export has ('*').
    const anonymous = this.sf.statements.flatMap((st) => defaultFunction(st, this.sf) ?? []).pop();
    const named: [string, ts.Node][] = anonymous ? [...this.decls, ['*', anonymous]] : [...this.decls];
    // `export const assetsRouter = wrap(function* () { const assetsRouter = Router(); ... })`: the
    // file's own wrapped function, whose router a local of the same name inside it holds.
    for (const [name, wrapped] of topLevelWrapped(this.sf)) if (this.decls.get(name) !== wrapped) named.push([name, wrapped]);
    // `export const tiles = { init: function () { const app = express(); ...; return app; } }`: each
    // member function under the object's name and its key (`tiles.init`), as `tiles.init(opts)` asks.
    for (const [name, node] of [...named]) if (isObjectLiteralExpression(node)) named.push(...memberFunctions(node).map(([key, fn]): [string, ts.Node] => [`${name}.${key}`, fn]));
    for (const [name, node] of named) {
      // `Effect.fn('assetsRouter')(function* () { ...; return router })`, `wrap(async () => ...)`: the function wrapped.
      const fn = isFunctionDeclaration(node) || isArrowFunction(node) || isFunctionExpression(node) || isMethodDeclaration(node) ? node : isCallExpression(node) ? wrappedFunction(node) : undefined;
      // The name the router has where the function returns it (`router@12` when another function
      // declares a `router` too), when routes are declared on it; else the name as written, as before.
      const returnedId = fn && returnedIdentifier(fn);
      const own = returnedId && this.ownName(returnedId.text, returnedId);
      const returned = own !== undefined && this.out.routes.some((r) => r.router === own) ? own : returnedId?.text;
      // `=> createInstance().basePath('/sync').get(...)`: the router made inline at the chain's root.
      const inline = fn && returnedExpression(fn);
      // `return createXaaRouter({ ... })`: the router another function of the project makes, a
      // router once collect.ts finds that function makes one (routerMakers, makesRouter).
      const madeInline = inline && (this.factoryNames.get(chainRoot(inline)) ?? this.madeByCall(inline));
      // `return { apiv1: routerV1, apiv2: routerV2 }`: each router under the function's name and its key (`*.apiv1`).
      if (inline && isObjectLiteralExpression(inline)) for (const [key, router] of this.objectRouters(inline)) this.out.routerFactories = { ...(this.out.routerFactories ?? {}), [`${name}.${key}`]: router };
      // `return [router, adminRouter]`: each router under the function's name and its position (`*.1`), for `const [api, admin] = setup()`.
      if (inline && isArrayLiteralExpression(inline)) for (const [at, router] of this.arrayRouters(inline)) this.out.routerFactories = { ...(this.out.routerFactories ?? {}), [`${name}.${at}`]: router };
      // A name routes are declared on, a receiver by its name only (`const router = routerFactory.create()`), is one too.
      if (returned !== undefined && (this.routers.has(returned) || this.out.routes.some((r) => r.router === returned))) this.out.routerFactories = { ...(this.out.routerFactories ?? {}), [name]: returned };
      else if (madeInline !== undefined) this.out.routerFactories = { ...(this.out.routerFactories ?? {}), [name]: madeInline };
      else if (fn && returnsFactory(fn, (e) => this.factoryPrefix(e) !== undefined)) this.out.routerFactories = { ...(this.out.routerFactories ?? {}), [name]: '' };
      // `(prefix) => new Elysia({ prefix })`: the prefix each call gives the router it returns.
      const made = inline && !isIdentifier(skipOuter(inline)) ? inline : returnedId && this.decls.get(returnedId.text);
      const paramPrefix = this.out.routerFactories?.[name] !== undefined && made && isExpression(made) ? this.factoryParamPrefix(made) : undefined;
      if (paramPrefix) (this.out.factoryPrefixes ??= {})[name] = paramPrefix;
    }
  }

  /** The routers of the file an object literal holds, by key (`{ apiv1: routerV1, admin }`). */
  private objectRouters(obj: ts.ObjectLiteralExpression): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const p of obj.properties) {
      const value = isPropertyAssignment(p) ? skipOuter(p.initializer) : isShorthandPropertyAssignment(p) ? p.name : undefined;
      const key = p.name && (isIdentifier(p.name) || isStringLiteral(p.name)) ? p.name.text : undefined;
      const router = value && isIdentifier(value) ? this.receiverOf(value) : undefined;
      if (key !== undefined && router !== undefined && this.ownRouter(router)) out.push([key, router]);
    }
    return out;
  }

  /** The routers of the file a list literal holds, by position (`[router, adminRouter]`). */
  private arrayRouters(list: ts.ArrayLiteralExpression): Array<[number, string]> {
    return list.elements.flatMap((e, at): Array<[number, string]> => {
      const value = skipOuter(e);
      const router = isIdentifier(value) ? this.receiverOf(value) : undefined;
      return router !== undefined && this.ownRouter(router) ? [[at, router]] : [];
    });
  }

  /** A router made here, not a value some call returned (routerMakers: a router only if collect.ts finds that call makes one). */
  private ownRouter(router: string): boolean {
    return this.routers.has(router) && this.out.routerMakers?.[router] === undefined;
  }

  /** `const usersFactory = createFactory<Env>()` with createFactory of 'hono/factory': `usersFactory.createApp()` makes a Hono app. */
  private collectAppFactories(): void {
    const factory = this.out.imports.find((i) => i.imported === 'createFactory' && i.source === 'hono/factory')?.local;
    if (factory === undefined) return;
    const names = [...this.decls].filter(([, node]) => isCallExpression(node) && isIdentifier(node.expression) && node.expression.text === factory).map(([name]) => name);
    if (names.length > 0) this.out.appFactories = names;
  }

  /** The file's functions that build Nest decorators with applyDecorators: route ones and controller ones. */
  private collectDecoratorFactories(): void {
    for (const [name, node] of this.decls) {
      if (!isFunctionDeclaration(node) && !isArrowFunction(node) && !isFunctionExpression(node)) continue;
      const routes = this.decoratorRoutes(name, 0);
      if (routes) this.out.decoratorFactories = { ...(this.out.decoratorFactories ?? {}), [name]: routes };
      this.collectControllerFactory(name);
    }
  }

  /** A controller factory's path (controllerFactory), for the files that import it; `$0`... its parameters. */
  private collectControllerFactory(name: string): void {
    const factory = this.controllerFactory(name);
    if (!factory) return;
    let c: ReturnType<ReaderBase['controllerPath']>;
    this.withScope(factory.scope, () => (c = this.controllerPath(factory.call, factory.pathArg)));
    if (c) this.out.controllerFactories = { ...(this.out.controllerFactories ?? {}), [name]: c.paths };
  }

  /** The values of the file's declarations, object fields as its top-level code leaves them (reassignedFields.ts). */
  private declaredConstants(): Record<string, ConstValue> {
    const constants: Record<string, ConstValue> = {};
    for (const [name, node] of this.decls) {
      // A function's value is what a configuration getter reads (evaluator.ts keyedGetter), else what it returns when it builds a path.
      const v = isFunctionWithBody(node) ? (this.evaluate(node) ?? this.pathFunctionValue(node) ?? this.calledValue(node)) : isEnumDeclaration(node) ? this.enumValue(node) : isClassDeclaration(node) ? this.classValue(node, 0) : isArrayLiteralExpression(node) && node.elements.length === 0 ? (this.pushedList(node) ?? this.evaluate(node)) : isEmptyObject(node) ? (this.mergedInto(node, 0) ?? this.evaluate(node)) : isExpression(node) ? this.evaluate(node) : undefined;
      if (v && v.kind !== 'config') constants[name] = v;
    }
    withReassignedFields(this.sf, constants, (e) => this.evaluate(e));
    return constants;
  }

  protected collectExports(): void {
    const constants = this.declaredConstants();
    if (Object.keys(constants).length > 0) this.out.constants = constants;
    this.collectEndpoints();
    this.collectDecoratorFactories();
    this.collectRouterParams();
    this.collectPlainFunctions();
    this.collectRouterFactories();
    this.collectAppFactories();
    this.collectRouterClasses();
    this.collectClassPrefixes();
    const prefixes: Record<string, ConstValue> = {};
    // An Elysia instance made inline (`new Elysia({ prefix: '/api' }).use(plugin).listen(3000)`): its plugins are under its prefix too.
    for (const [name, prefix] of this.routers) if (prefix !== '' && (!name.startsWith('@') || this.elysiaFile)) prefixes[name] = str(prefix);
    for (const [name, value] of this.routerPrefixValues) prefixes[name] = value;
    if (Object.keys(prefixes).length > 0) this.out.routerPrefixes = prefixes;
    const autoPrefix = literalOf(constants['autoPrefix']) ?? this.moduleExportsProp('autoPrefix');
    // '' kept apart from '/': autoload reads an empty autoPrefix as none (the folder prefix stays).
    if (autoPrefix !== undefined) this.out.autoPrefix = autoPrefix === '' ? '' : joinRoutePath(autoPrefix);
    // export default x / module.exports = x / export = x
    for (const st of this.sf.statements) {
      let expr: ts.Expression | undefined;
      if (isExportAssignment(st)) expr = st.expression;
      else if (isExpressionStatement(st) && isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const left = st.expression.left;
        if (isModuleExports(left)) expr = st.expression.right;
      } else if ((isFunctionDeclaration(st) || isClassDeclaration(st)) && hasModifier(st, ts.SyntaxKind.DefaultKeyword)) {
        // `export default function (db) { ... }` returning a router has no name: the file's anonymous factory ('*'), as an arrow default is.
        if (st.name || this.out.routerFactories?.['*'] !== undefined) this.out.defaultExport = st.name?.text ?? '*';
      } else if (isExportDeclaration(st) && st.exportClause && isNamedExports(st.exportClause) && !st.moduleSpecifier) {
        this.exportList(st.exportClause);
      } else if (isVariableStatement(st)) {
        // `const authRouter = module.exports = Router()`: the variable is what the module exports.
        for (const d of st.declarationList.declarations) if (isIdentifier(d.name) && d.initializer && assignedValue(d.initializer).exported) this.out.defaultExport = d.name.text;
        if (hasModifier(st, ts.SyntaxKind.ExportKeyword)) for (const d of st.declarationList.declarations) this.exportedConst(d);
      }
      const named = cjsNamedExport(st);
      if (named && isIdentifier(named.value)) this.exportName(named.name, named.value.text);
      else if (named) this.cjsNamedTable(named.name, named.value);
      if (isExportDeclaration(st) && st.moduleSpecifier && isStringLiteral(st.moduleSpecifier)) {
        // Re-exports: `export { default as users } from './users'`, `export * from './x'`.
        const source = st.moduleSpecifier.text;
        if (!st.exportClause) this.out.imports.push({ local: '*reexport*', imported: '*', source });
        else if (isNamedExports(st.exportClause))
          for (const el of st.exportClause.elements) this.out.imports.push({ local: `*reexport*${el.name.text}`, imported: (el.propertyName ?? el.name).text, source });
        // `export * as constants from './constants'`: a namespace passed on under a name.
        else if (isNamespaceExport(st.exportClause)) this.out.imports.push({ local: `*reexport*${st.exportClause.name.text}`, imported: '*', source });
      }
      if (expr) {
        const e = skipOuter(expr);
        const root = chainRoot(e);
        const name = isIdentifier(e) ? e.text : (this.factoryNames.get(root) ?? (isFunctionLike(e) ? '*' : undefined));
        if (name) this.out.defaultExport = name;
        if (this.wrapsInFastifyPlugin(e)) this.out.skipsOverride = true;
        const req = requireSource(e);
        if (req !== undefined) this.out.imports.push({ local: '*reexport*default', imported: 'default', source: req });
        this.exportDefaultMembers(e);
        // `export default { ...config, baseUrl }`: its value, for `config.api.prefix` in a file importing it;
        // `export default [{ method, path }, ...]` (`[a, b].flat()`, `[].concat(a, b)`, `[rows].map(toRoute)`): a table of route options.
        // `export default env === 'production' ? prod : dev`: one of them (evaluator.ts oneOf).
        const chosen = isConditionalExpression(e) || isBinaryExpression(e);
        // `export default new Config()`: the instance's fields (evaluator.ts instanceValue); `export default result.data`: a constant's object.
        const value = isObjectLiteralExpression(e) || isArrayLiteralExpression(e) || isListCall(e) || isNewExpression(e) || isPropertyAccessExpression(e) || chosen ? this.evaluate(e) : undefined;
        if (value?.kind === 'obj' || value?.kind === 'arr' || (chosen && value?.kind === 'str')) (this.out.constants ??= {})[DEFAULT_OBJECT] = value.kind === 'obj' ? this.withCalledMembers(value) : value;
        if (!value) this.collectCalledDefault(e);
        if (!value) this.collectDefaultCall(e);
      }
    }
    // Once the exports are known (pruneRouterMakers keeps what other files may mount).
    this.pruneRouterMakers();
  }

  /**
   * `export async function parseConfig() { ...; return validated; }`, taking nothing and returning
   * one object known statically (a parsed schema's defaults): that object under CALLED, for
   * `(await parseConfig()).server.base_path` in a file importing it. A function taking parameters
   * and returning one object literal (a route record made per call, `(store) => ({ ...route,
   * handler: handler(store) })`): that object, its keys built from the parameters not known.
   * Undefined for any other function.
   */
  private calledValue(fn: ts.Node): ConstValue | undefined {
    if (!isFunctionDeclaration(fn) && !isArrowFunction(fn) && !isFunctionExpression(fn)) return undefined;
    const returned = returnedExpressions(fn);
    const only = returned.length === 1 ? skipOuter(returned[0] as ts.Expression) : undefined;
    // `(api) => [{ method, path, handler }, ...]`: a table of objects, whatever it is given (a hapi
    // route list whose parameters reach only its handlers).
    const table = only !== undefined && isArrayLiteralExpression(only) && only.elements.length > 0 && only.elements.every((e) => isObjectLiteralExpression(skipOuter(e)));
    // `(scheduler) => ({ ...route, handler })`: one object literal, its keys built from parameters not known.
    const literal = only !== undefined && isObjectLiteralExpression(only);
    if (fn.parameters.length > 0 && !table && !literal) return undefined;
    const made = only ? this.evaluate(only) : undefined;
    const anyArgs: Record<string, ConstValue> = literal && made?.kind === 'obj' ? { [ANY_ARGS]: made, ...this.objectTemplate(fn, only) } : {};
    // `() => { const routes = [...]; return routes }`: taking nothing, what it returns is its value, a list too.
    const list = (table || fn.parameters.length === 0) && made?.kind === 'arr';
    return made?.kind === 'obj' || list ? { kind: 'obj', props: { [CALLED]: made, ...anyArgs } } : undefined;
  }

  /**
   * The object literal a function returns, read with each parameter a reference to its position
   * (values.ts CALLED_TEMPLATE): `{ route: { verb: opts.verb } }` for `(opts) => ({ route: { verb:
   * opts.verb } })`; its members made of anything else are not known. None for a function without parameters.
   */
  private objectTemplate(fn: ts.FunctionLikeDeclaration, returned: ts.Expression): Record<string, ConstValue> {
    if (fn.parameters.length === 0 || fn.parameters.some((p) => !isIdentifier(p.name) || p.dotDotDotToken)) return {};
    const scope = new Map<string, ConstValue>(fn.parameters.map((p, i) => [(p.name as ts.Identifier).text, argRef(i)]));
    let made: ConstValue | undefined;
    this.withScope(scope, () => (made = this.evaluate(returned)));
    return made?.kind === 'obj' ? { [CALLED_TEMPLATE]: made } : {};
  }

  /**
   * `module.exports = { apiRoutes, adminRoutes }` of functions returning what a call gives
   * (calledValue): each under its key, for `Routes.apiRoutes(api)` in a file requiring the module.
   */
  private withCalledMembers(value: Extract<ConstValue, { kind: 'obj' }>): ConstValue {
    const called = Object.entries(this.out.exportNames ?? {}).filter(([key, local]) => value.other?.[key] === null && propOf(this.out.constants?.[local], [CALLED]) !== undefined);
    if (called.length === 0) return value;
    const props = { ...value.props };
    for (const [key, local] of called) props[key] = this.out.constants?.[local] as ConstValue;
    return { ...value, props };
  }

  /**
   * `module.exports = () => ({ method, path, options })`: a route factory; what a call of it returns
   * (values.ts CALLED). `module.exports = (name) => `/api/${name}``: a path function (pathFunctionValue).
   */
  private collectCalledDefault(e: ts.Expression): void {
    const fn = isArrowFunction(e) || isFunctionExpression(e) ? e : undefined;
    const returned = fn && returnedExpression(fn);
    const made = returned && (isObjectLiteralExpression(returned) || isArrayLiteralExpression(returned)) ? this.evaluate(returned) : fn && this.pathFunctionValue(fn);
    if (made) (this.out.constants ??= {})[DEFAULT_OBJECT] = made.kind === 'obj' && Object.hasOwn(made.props, CALLED) ? made : { kind: 'obj', props: { [CALLED]: made } };
  }

  /**
   * `export default defineRoute({ verb: 'get', at: '/' })`, a call of an imported function given
   * object literals only: the call (values.ts DEFAULT_CALL), for a member of what it returns read by
   * another file (`mod.default.route.verb`, through the function's CALLED_TEMPLATE).
   */
  private collectDefaultCall(e: ts.Expression): void {
    const call = isCallExpression(e) ? e : undefined;
    const callee = call && skipOuter(call.expression);
    if (!call || !callee || !isIdentifier(callee) || call.arguments.length === 0 || !this.out.imports.some((i) => i.local === callee.text)) return;
    if (!call.arguments.every((a) => isObjectLiteralExpression(skipOuter(a)))) return;
    const args = call.arguments.map((a) => this.evaluate(a));
    if (args.every((a): a is ConstValue => a?.kind === 'obj')) (this.out.constants ??= {})[DEFAULT_CALL] = str({ ref: { local: callee.text, path: [CALLED], args } });
  }

  /**
   * A function as other files call it, when it builds a path from its parameters (pathFunctions.ts):
   * what it returns (CALLED), its parameters references to their positions, and the defaults of
   * those that have one (`*arg*1`). Undefined for any other function.
   */
  private pathFunctionValue(fn: ts.FunctionLikeDeclaration): ConstValue | undefined {
    if (fn.parameters.length === 0 || !this.mayBuildPath(fn)) return undefined;
    // `urljoin(settings.route, 'api/users')` of a function joining its arguments: each position's, '' for one not given.
    if (joinsArguments(fn)) {
      const positions = Array.from({ length: JOINED_ARGS }, (_, i) => i);
      const joined = joinedValue(positions.map(argRef));
      return joined && { kind: 'obj', props: { [CALLED]: joined, ...Object.fromEntries(positions.map((i) => [`${ARG}${i}`, str('')])) } };
    }
    const template = this.functionTemplate(fn);
    if (!template || !unknownIn(template, true)) return undefined;
    const props: Record<string, ConstValue> = { [CALLED]: template };
    fn.parameters.forEach((p, i) => {
      const d = p.initializer && this.argValue(p.initializer, 0);
      if (d) props[`${ARG}${i}`] = d;
    });
    return { kind: 'obj', props };
  }

  /**
   * A class as other files read it: its static fields (classStatics), the methods that build a path
   * from their parameters (pathFunctionValue), those of the classes it extends in the file, and the
   * imported class it extends, for what it does not have itself (SPREAD); and an instance's fields (NEW).
   */
  private classValue(node: ts.ClassDeclaration, depth: number): ConstValue | undefined {
    const statics = this.classStatics(node, 0);
    const props: Record<string, ConstValue> = {};
    const base = extendedClass(node);
    const baseDecl = base && isIdentifier(base) ? this.decls.get(base.text) : undefined;
    if (baseDecl && isClassDeclaration(baseDecl) && depth < 8) Object.assign(props, (this.classValue(baseDecl, depth + 1) as { props?: Record<string, ConstValue> } | undefined)?.props);
    else if (base && isIdentifier(base) && this.importedNames.has(base.text)) props[SPREAD] = str({ ref: { local: base.text, path: [] } });
    for (const m of node.members) {
      if (!isMethodDeclaration(m) || !isIdentifier(m.name) || hasModifier(m, ts.SyntaxKind.StaticKeyword)) continue;
      const v = this.pathFunctionValue(m);
      if (v) props[m.name.text] = v;
    }
    if (statics?.kind === 'obj') Object.assign(props, statics.props);
    // `new ServerConfig()` in a file importing it, or what a function declared to return one gives: its fields.
    const instance = instanceFields(node, this.classReader, 0);
    if (instance) props[NEW] = instance;
    return Object.keys(props).length > 0 ? { kind: 'obj', props } : undefined;
  }

  /** Constants holding a package's handler (`const trpcHandler = createExpressMiddleware({ router })`), for mounts in other files. */
  private collectEndpoints(): void {
    for (const [name, node] of this.decls) {
      const served = isCallExpression(node) ? this.endpointServed(node) : undefined;
      if (served) (this.out.endpoints ??= {})[name] = served;
    }
  }

  /**
   * The parameters of this file's functions that routes or mounts are declared on
   * (`function usersRoutes(router) { router.get(...) }`): by position, '' for the others. The
   * default export, when it is a function expression, is listed as 'default'.
   */
  private collectRouterParams(): void {
    const declared: Array<{ name: string; line: number }> = [
      ...this.out.routes.map((r) => ({ name: r.router ?? '', line: r.line })),
      ...this.mountsAndPending().map((m) => ({ name: m.mountedOn ?? '', line: m.line })),
      ...(this.out.helperCalls ?? []).flatMap((c) => [...c.routers, ...(c.routerProps ?? []).flatMap((p) => Object.values(p ?? {}))].filter((r): r is string => r !== null).map((name) => ({ name, line: c.line }))),
    ];
    // No route or mount declared on a name: no parameter is one (most files).
    if (!declared.some((d) => d.name !== '')) return;
    // Only what is declared inside the function: `function logRouters(router) { router.stack... }`
    // shares its parameter's name with a router of another function, which is not this one's.
    const usedIn = (fn: ts.Node): Set<string> => {
      const first = this.sf.getLineAndCharacterOfPosition(fn.getStart(this.sf)).line + 1;
      const last = this.sf.getLineAndCharacterOfPosition(fn.getEnd()).line + 1;
      return new Set(declared.filter((d) => d.line >= first && d.line <= last).map((d) => d.name));
    };
    const params = (fn: ts.SignatureDeclarationBase): string[] | undefined => {
      const used = usedIn(fn);
      const names = fn.parameters.flatMap((p) => {
        // `...[router, tenant]: Args` spreads its names over the positions.
        if (p.dotDotDotToken && isArrayBindingPattern(p.name)) return p.name.elements.map((el) => (isBindingElement(el) && isIdentifier(el.name) ? el.name.text : ''));
        // `...args` read as `const [router, tenant] = args`, or handed on whole (`f(...args)`).
        if (p.dotDotDotToken && isIdentifier(p.name)) return restNames(fn, p.name.text);
        return [isIdentifier(p.name) ? p.name.text : ''];
      });
      const mine = names.map((n) => (used.has(n) ? n : ''));
      return mine.some((n) => n !== '') ? mine : undefined;
    };
    // `({ app, routes }: {...}) => ...`: the destructured names routes or mounts are declared on.
    const props = (fn: ts.SignatureDeclarationBase): Record<string, string> | undefined => {
      const found: Record<string, string> = {};
      const used = usedIn(fn);
      fn.parameters.forEach((p, i) => {
        if (!isObjectBindingPattern(p.name)) return;
        for (const el of p.name.elements) {
          const key = el.propertyName ?? el.name;
          if (isIdentifier(el.name) && isIdentifier(key) && used.has(el.name.text)) found[`${i}.${key.text}`] = el.name.text;
        }
      });
      return Object.keys(found).length > 0 ? found : undefined;
    };
    const out: Record<string, string[]> = {};
    const fns = new Map<string, ts.SignatureDeclarationBase>();
    for (const [name, node] of this.decls) {
      const fn = isFunctionDeclaration(node) ? node : isExpression(node) ? wrappedFunction(node) : undefined;
      const p = fn && params(fn);
      if (p) out[name] = p;
      if (p && fn) fns.set(name, fn);
      const o = fn && props(fn);
      if (o) (this.out.routerParamProps ??= {})[name] = o;
    }
    for (const st of this.sf.statements) {
      // `exports.mount = (app) => ...`: a function the module exports by name.
      const named = cjsNamedExport(st);
      const exported = named && !this.decls.has(named.name) && (isArrowFunction(named.value) || isFunctionExpression(named.value)) ? params(named.value) : undefined;
      if (named && exported) out[named.name] = exported;
      const p = defaultFunction(st, this.sf);
      const found = p && params(p);
      if (found) out['default'] = found;
      if (found && p) fns.set('default', p);
      if (isClassDeclaration(st)) Object.assign(out, memberParams(st, params, fns), keptParams(st, new Set(declared.map((d) => d.name))));
    }
    this.ownParamRouters(out, fns);
    if (Object.keys(out).length > 0) this.out.routerParams = out;
  }

  /**
   * Two functions of the file declaring routes on a parameter of the same name (`export function
   * registerProbe(fastify)`, `export default function debugPlugin(fastify)`) are two routers, each
   * registered on its own (under its own prefix): each function's routes, mounts and helper calls on
   * that parameter take the name `<param>@<line of the function>`.
   */
  private ownParamRouters(out: Record<string, string[]>, fns: ReadonlyMap<string, ts.SignatureDeclarationBase>): void {
    const lines = (fn: ts.Node): [number, number] => [this.sf.getLineAndCharacterOfPosition(fn.getStart(this.sf)).line + 1, this.sf.getLineAndCharacterOfPosition(fn.end).line + 1];
    const users = new Map<string, string[]>();
    for (const [name, list] of Object.entries(out)) {
      const fn = fns.get(name);
      if (!fn) continue;
      const [from, to] = lines(fn);
      // A parameter the function declares routes or mounts sub-apps on itself (`app.route('/healthz', health)`).
      const uses = (p: string) => this.out.routes.some((r) => r.router === p && r.line >= from && r.line <= to) || this.out.mounts.some((m) => m.mountedOn === p && m.line >= from && m.line <= to);
      for (const p of new Set(list)) if (p !== '' && uses(p)) users.set(p, [...(users.get(p) ?? []), name]);
    }
    for (const [param, names] of users) {
      if (names.length < 2) continue;
      for (const name of names) {
        const [from, to] = lines(fns.get(name) as ts.SignatureDeclarationBase);
        const own = `${param}@${from}`;
        const inside = (line: number): boolean => line >= from && line <= to;
        for (const r of this.out.routes) if (r.router === param && inside(r.line)) r.router = own;
        for (const m of this.mountsAndPending()) if (m.mountedOn === param && inside(m.line)) m.mountedOn = own;
        for (const c of this.out.helperCalls ?? []) if (inside(c.line)) c.routers = c.routers.map((x) => (x === param ? own : x));
        for (const c of this.out.helperCalls ?? []) if (inside(c.line) && c.routerProps) c.routerProps = c.routerProps.map((p) => p && Object.fromEntries(Object.entries(p).map(([k, x]) => [k, x === param ? own : x])));
        out[name] = (out[name] as string[]).map((x) => (x === param ? own : x));
      }
    }
  }

  /** Top-level functions with no route or mount declared inside them (see ExtractedFile.plainFunctions). */
  private collectPlainFunctions(): void {
    const lines = [...this.out.routes.map((r) => r.line), ...this.mountsAndPending().map((m) => m.line), ...(this.out.autoloads ?? []).map((a) => a.line), ...(this.out.helperCalls ?? []).map((c) => c.line)];
    const declaresNothing = (node: ts.Node): boolean => {
      if (lines.length === 0) return true;
      const start = this.line(node);
      const end = this.sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      return !lines.some((l) => l >= start && l <= end);
    };
    const plain: string[] = [];
    for (const [name, node] of this.decls) {
      if (!isFunctionDeclaration(node) && !isArrowFunction(node) && !isFunctionExpression(node)) continue;
      if (declaresNothing(node)) plain.push(name);
    }
    if (plain.length > 0) this.out.plainFunctions = plain;
    this.collectHandlerFunctions(plain, declaresNothing);
  }

  /**
   * Plain functions that answer the request themselves (answersRequest): `module.exports = function
   * notFound(req, res, next) { throw new Error404() }`. Another file's `app.use('/api', notFound)`
   * answers every method at its path (collect.ts addEndpointRoutes). By name; a default export
   * that is a function expression as '*', the name an import of it is followed to.
   */
  private collectHandlerFunctions(plain: readonly string[], declaresNothing: (node: ts.Node) => boolean): void {
    const handlers: Record<string, Endpoint> = {};
    for (const name of plain) {
      const node = this.decls.get(name);
      if (node && (isFunctionDeclaration(node) || isArrowFunction(node) || isFunctionExpression(node)) && answersRequest(node)) handlers[name] = 'handler';
    }
    // A handler's `res.send(...)` on a typed `res` may read as a pending method mount: only routes and
    // mounts count, for a handler itself (`async function getTerms(req: Request, res: Response) { res.send(x) }`,
    // default-exported beside a router of the file) as for `serveFiles()`, a function every return of which
    // is such a handler, mounted as its call.
    const lines = [...this.out.routes.map((r) => r.line), ...this.out.mounts.map((m) => m.line)];
    for (const [name, node] of this.decls) {
      if (!isFunctionDeclaration(node) && !isArrowFunction(node) && !isFunctionExpression(node)) continue;
      const [start, end] = [this.line(node), this.sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1];
      if (lines.some((l) => l >= start && l <= end)) continue;
      if (answersRequest(node)) handlers[name] ??= 'handler';
      if (makesRequestHandler(node)) handlers[`${name}()`] = 'handler';
    }
    for (const st of this.sf.statements) {
      // The function itself, not one a call wraps (`fp(async (app, opts) => ...)`, a plugin).
      const value = exportedValue(st, this.sf);
      const fn = isFunctionDeclaration(st) ? defaultFunction(st, this.sf) : value && skipOuter(value);
      if (!fn || !(isFunctionDeclaration(fn) || isFunctionExpression(fn) || isArrowFunction(fn))) continue;
      // `module.exports = (app) => ({ settings: require('./settings')(app) })`: what each property's module makes (madeHandlers.ts).
      const loads = factoryLoads(fn);
      if (loads) this.out.factoryLoads = loads;
      if (!declaresNothing(fn)) continue;
      if (answersRequest(fn)) handlers['*'] = 'handler';
      // `module.exports = (options) => function (req, res) {...}`: the module's function makes the handler, mounted as its call (`require('./x')(options)`).
      else if (makesRequestHandler(fn)) handlers['*()'] = 'handler';
    }
    // Routes only: a call inside the handler may read as a router handed to a helper (a pending mount).
    const routeLines = this.out.routes.map((r) => r.line);
    const declaresNoRoute = (fn: ts.Node) => !routeLines.some((l) => l >= this.line(fn) && l <= this.sf.getLineAndCharacterOfPosition(fn.getEnd()).line + 1);
    for (const [name, fn] of this.wrappedHandlers()) if (declaresNoRoute(fn)) handlers[name] ??= 'handler';
    if (Object.keys(handlers).length > 0) this.out.endpoints = { ...this.out.endpoints, ...handlers };
  }

  /**
   * `export const getRecipe = asyncHandler(async (req, res) => {...})`, `defineHandler(opts, (req, res) => ...)`:
   * an exported constant made by a call that wraps a request handler (its last argument), which
   * `router.use('/recipe', getRecipe)` mounts as a route answering every method there. The wrapper
   * is taken to hand the request to it: its second parameter named as Express names the response.
   */
  private wrappedHandlers(): Array<[string, ts.ArrowFunction | ts.FunctionExpression]> {
    const out: Array<[string, ts.ArrowFunction | ts.FunctionExpression]> = [];
    for (const st of this.sf.statements) {
      if (!isVariableStatement(st) || !hasModifier(st, ts.SyntaxKind.ExportKeyword)) continue;
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && skipOuter(d.initializer);
        const last = init && isCallExpression(init) ? init.arguments[init.arguments.length - 1] : undefined;
        const fn = last && skipOuter(last);
        if (!isIdentifier(d.name) || !fn || !(isArrowFunction(fn) || isFunctionExpression(fn))) continue;
        const res = fn.parameters[1]?.name;
        if (res && isIdentifier(res) && RESPONSE_PARAM.test(res.text) && answersRequest(fn)) out.push([d.name.text, fn]);
      }
    }
    return out;
  }

  /**
   * `export default { users, posts: postsRouter }` / `module.exports = { api: apiRouter }`: each
   * property of an imported router re-exports its import (also one loaded in place, `routes:
   * require('./routes')`); one of a local router names it.
   */
  /**
   * The names an exported object holds: the default export's (`export default { users }`, read as
   * `routes.users`) or a named constant's (`export const shop = { orders: ordersPlugin }`, read as
   * `shop.orders`, its export name `shop.orders`).
   */
  private exportObjectMembers(o: ts.ObjectLiteralExpression, owner = 'default'): void {
    for (const p of o.properties) {
      const key = isShorthandPropertyAssignment(p) ? p.name.text : isPropertyAssignment(p) && isIdentifier(p.name) ? p.name.text : undefined;
      const value = isShorthandPropertyAssignment(p) ? p.name : isPropertyAssignment(p) ? skipOuter(p.initializer) : undefined;
      const req = value && requireSource(value);
      if (key !== undefined && req !== undefined) this.out.imports.push({ local: `*reexport*${owner}.${key}`, imported: 'default', source: req });
      if (key === undefined || !value || !isIdentifier(value)) continue;
      this.exportedAs(owner === 'default' ? key : `${owner}.${key}`, value.text, `*reexport*${owner}.${key}`);
    }
  }

  /**
   * `export default { users, posts }`, or a constant of the file holding such an object (`const
   * router = { usersRouter, authRouter }; export default router`): its members (exportObjectMembers).
   */
  private exportDefaultMembers(e: ts.Expression): void {
    const held = isIdentifier(e) ? (this.reassignedNames.has(e.text) ? undefined : this.decls.get(e.text)) : e;
    if (held && isObjectLiteralExpression(held)) this.exportObjectMembers(held);
  }

  /** `export const shop = { ... }` (exportObjectMembers) or `export const billing = invoices`: what the export stands for. */
  private exportedConst(d: ts.VariableDeclaration): void {
    const e = d.initializer && skipOuter(d.initializer);
    if (!e || !isIdentifier(d.name)) return;
    if (isObjectLiteralExpression(e)) this.exportObjectMembers(e, d.name.text);
    else if (isIdentifier(e)) this.exportedAs(d.name.text, e.text, `*reexport*${d.name.text}`);
  }

  /** An exported name standing for a name of this file, or passing an imported one on (under `reexport`). */
  private exportedAs(exported: string, local: string, reexport: string): void {
    const imp = this.out.imports.find((i) => i.local === local);
    if (imp) this.out.imports.push({ local: reexport, imported: imp.imported, source: imp.source });
    else this.exportName(exported, local);
  }

  /**
   * Top-level objects holding imported names under path-like keys, `const routes = { 'api/items':
   * apiItems, '': defaultRoute }` or `export default { ... }`: possible mounts (ExtractedFile.keyedRouters).
   */
  protected readKeyedRouters(): void {
    const objects = this.sf.statements.flatMap((st) =>
      isVariableStatement(st) ? st.declarationList.declarations.map((d) => d.initializer) : isExportAssignment(st) ? [st.expression] : [],
    );
    for (const o of objects) {
      const e = o && skipOuter(o);
      if (!e || !isObjectLiteralExpression(e)) continue;
      for (const p of e.properties) {
        if (!isPropertyAssignment(p) || !(isStringLiteral(p.name) || isIdentifier(p.name)) || !ROUTER_KEY.test(p.name.text)) continue;
        const value = skipOuter(p.initializer);
        if (isIdentifier(value) && this.importedNames.has(value.text))
          (this.out.keyedRouters ??= []).push({ key: p.name.text, routerName: value.text, line: this.line(p) });
      }
    }
  }

  /** `export { a, b as c }` of this file's names; an imported one (`import { router as record } from './record'; export { record }`) is passed on. */
  private exportList(list: ts.NamedExports): void {
    for (const el of list.elements) {
      const local = (el.propertyName ?? el.name).text;
      const imp = el.name.text !== 'default' ? this.out.imports.find((i) => i.local === local) : undefined;
      if (imp) this.out.imports.push({ local: `*reexport*${el.name.text}`, imported: imp.imported, source: imp.source });
      else if (el.name.text === 'default') this.out.defaultExport = local;
      else if (el.propertyName) this.exportName(el.name.text, el.propertyName.text);
    }
  }

  /**
   * `exports.routes = [{ method, path, ... }]` / `module.exports.admin = [...]`: a table of route options
   * written in the export itself, kept under a name no declaration can have (CJS_EXPORT) so that
   * `require('./routing').routes` reads it as it reads `const routes = [...]; exports.routes = routes`.
   * An object so exported (`module.exports.routes = { 'get /a': a }`) is a keyed table, read as before.
   */
  private cjsNamedTable(name: string, value: ts.Expression): void {
    if (!isArrayLiteralExpression(value) && !isListCall(value)) return;
    const v = this.evaluate(value);
    if (v?.kind !== 'arr') return;
    (this.out.constants ??= {})[`${CJS_EXPORT}${name}`] = v;
    this.exportName(name, `${CJS_EXPORT}${name}`);
  }

  private exportName(exported: string, local: string): void {
    (this.out.exportNames ??= {})[exported] = local;
  }

  /** `fp(plugin)` of fastify-plugin, or a constant holding one (MountReader.fastifyPluginWrapped). */
  private wrapsInFastifyPlugin(e: ts.Expression): boolean {
    const held = isIdentifier(e) ? this.decls.get(e.text) : e;
    return !!held && isExpression(held) && this.fastifyPluginWrapped(held) !== undefined;
  }

  /** `module.exports.x = 'lit'` / `exports.x = 'lit'`. */
  private moduleExportsProp(name: string): string | undefined {
    for (const st of this.sf.statements) {
      if (!isExpressionStatement(st) || !isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const left = st.expression.left;
      if (isPropertyAccessExpression(left) && left.name.text === name && /^(?:module\.exports|exports)$/.test(left.expression.getText(this.sf)))
        return literalOf(this.evaluate(st.expression.right));
    }
    return undefined;
  }
}

/** The functions the file's top-level constants hold wrapped by a call (`const f = wrap(function () {...})`), by name. */
function topLevelWrapped(sf: ts.SourceFile): Array<[string, ts.Node]> {
  return sf.statements.flatMap((st) =>
    isVariableStatement(st) ? st.declarationList.declarations.flatMap((d): Array<[string, ts.Node]> => (isIdentifier(d.name) && d.initializer && isCallExpression(skipOuter(d.initializer)) && wrappedFunction(d.initializer) ? [[d.name.text, skipOuter(d.initializer)]] : [])) : [],
  );
}

/** The router a function returns: `() => router`, `{ ...; return router.routes(); }` (its last return). */
function returnedIdentifier(fn: ts.FunctionLikeDeclaration): ts.Identifier | undefined {
  const body = fn.body;
  if (!body) return undefined;
  let e: ts.Expression | undefined = isBlock(body) ? [...body.statements].reverse().find(ts.isReturnStatement)?.expression : body;
  e = e ? skipOuter(e) : undefined;
  if (e && isCallExpression(e) && isPropertyAccessExpression(e.expression) && /^(?:routes|middleware)$/.test(e.expression.name.text)) e = skipOuter(e.expression.expression);
  return e && isIdentifier(e) ? e : undefined;
}

/** The functions an object literal holds by key: `{ init: function () {...}, add: async () => ..., remove() {...} }`. */
function memberFunctions(obj: ts.ObjectLiteralExpression): Array<[string, ts.FunctionLikeDeclaration]> {
  return obj.properties.flatMap((p): Array<[string, ts.FunctionLikeDeclaration]> => {
    const key = p.name && (isIdentifier(p.name) || isStringLiteral(p.name)) ? p.name.text : undefined;
    const value = isPropertyAssignment(p) ? skipOuter(p.initializer) : isMethodDeclaration(p) ? p : undefined;
    return key !== undefined && value && (isArrowFunction(value) || isFunctionExpression(value) || isMethodDeclaration(value)) ? [[key, value]] : [];
  });
}

/** Whether a function returns a router factory's result (`return new Hono()`, `=> express.Router()`). */
function returnsFactory(fn: ts.FunctionLikeDeclaration, isFactory: (e: ts.Node) => boolean): boolean {
  const e = returnedExpression(fn);
  return e !== undefined && isFactory(chainRoot(e));
}

/** A list made from a list literal: `[a, b].flat()`, `[].concat(require('./a'), require('./b'))`. */
function isListCall(e: ts.Expression): boolean {
  return isCallExpression(e) && isPropertyAccessExpression(e.expression) && /^(?:flat|concat|map)$/.test(e.expression.name.text) && isArrayLiteralExpression(skipOuter(e.expression.expression));
}

/** `class UsersApi { mount = async (fastify) => { fastify.get(...) } }`, mounted as `new UsersApi().mount`: each member's router parameters, by `Class#member`. */
function memberParams(st: ts.ClassDeclaration, params: (fn: ts.SignatureDeclarationBase) => string[] | undefined, fns: Map<string, ts.SignatureDeclarationBase>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!st.name) return out;
  for (const m of st.members) {
    const fn = isMethodDeclaration(m) ? m : isPropertyDeclaration(m) && m.initializer ? wrappedFunction(m.initializer) : undefined;
    const names = fn && m.name && isIdentifier(m.name) ? params(fn) : undefined;
    if (!names || !fn || !m.name || !isIdentifier(m.name)) continue;
    out[`${st.name.text}#${m.name.text}`] = names;
    // Two methods declaring routes on parameters of one name are two routers (ownParamRouters), as two functions are.
    fns.set(`${st.name.text}#${m.name.text}`, fn);
  }
  return out;
}

/**
 * A constructor keeping a router it is given in a field its methods declare routes on
 * (`constructor(router) { this.router = router; this.registerRoutes(); }`, `this.router.get(...)`
 * elsewhere in the class): `Class#constructor` -> that field's router (`this.router`) at the
 * parameter's position, '' for the others. The caller's `new Class(apiRouter)` mounts it.
 */
function keptParams(st: ts.ClassDeclaration, declared: ReadonlySet<string>): Record<string, string[]> {
  const ctor = st.name ? st.members.find(isConstructorDeclaration) : undefined;
  if (!st.name || !ctor?.body) return {};
  const kept = new Map<string, string>();
  for (const stmt of ctor.body.statements) {
    const a = thisAssignment(stmt);
    if (a && isIdentifier(a.value) && declared.has(`this.${a.field}`)) kept.set(a.value.text, `this.${a.field}`);
  }
  const names = ctor.parameters.map((p) => (isIdentifier(p.name) ? (kept.get(p.name.text) ?? '') : ''));
  return names.some((n) => n !== '') ? { [`${st.name.text}#constructor`]: names } : {};
}
