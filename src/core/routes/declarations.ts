// The file's top-level declarations and imports, read before the walk: what each name holds,
// which names are routers (a factory call, a router type, an alias of one, a class that makes one)
// and their own prefixes (koa `new Router({ prefix })`, `router.prefix('/x')`, Hono's `basePath`).
import ts from './compiler';
import { forEachChild, isArrayBindingPattern, isBindingElement, isBinaryExpression, isBlock, isCallExpression, isClassDeclaration, isClassLike, isEnumDeclaration, isExpressionStatement, isExternalModuleReference, isFunctionDeclaration, isIdentifier, isImportDeclaration, isImportEqualsDeclaration, isNamedImports, isNamespaceImport, isNewExpression, isObjectBindingPattern, isObjectLiteralExpression, isParameter, isPropertyAccessExpression, isPropertyAssignment, isReturnStatement, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike, isTypeQueryNode, isTypeReferenceNode, isVariableDeclaration } from './tsNodes';
import { UNKNOWN_PREFIX, joinRoutePath } from './joinPath';
import { argRef, concat, hasParams, hasRefs, LISTED, literalOf, readsArgs, readsEnv, str, type ConstValue } from './values';
import type { Scope } from './readerBase';
import { loopedKeysOf, settingCall } from './appSettings';
import { dottedName, skipOuter } from './tsSyntax';
import { CONVENTIONAL_RECEIVER, CHAIN_KEEPS_ROUTER, ROUTER_FACTORY, returnedExpression, returnedValues, bindingNames, isTypeOnly, chainRoot, calleeName, envDefault, enclosingFunction, isFunctionLike, assignedValue } from './routeSyntax';
import { ROUTER_METHODS } from './routeSpec';
import { boundMethodsOf } from './boundMethods';
import { loadedModule, isModuleLoad, dynamicImportSources, requireSource } from './moduleLoads';
import { CONVICT_PACKAGE, dottedTexts } from './convictSchema';
import { Evaluator, REST_OF_MODULE } from './evaluator';
import { givenArgs } from './argConditions';
import { loopOfBody } from './loopOverTable';
import { envVariableRead, keptAt } from './envReads';
import { boundFields, routerFields } from './optionRouters';
import { isKoaRouterSubclass } from './koaRouterSubclasses';

/** chanfana, OpenAPI registries over Hono apps, and its function wrapping one. */
const CHANFANA = 'chanfana';
const CHANFANA_HONO = 'fromHono';

/** koa-router's packages, old and new. */
const KOA_ROUTER_PACKAGE = /^(?:koa-router|@koa\/router)$/;

/** An Express or koa-router router factory (never an app's): `express.Router`, `Router`, `KoaRouter`; group 1 the module's local name. */
const PLAIN_ROUTER = /^(?:(\w+)\.Router|Router|KoaRouter)$/;

/** Type names of apps and routers: a parameter declared with one is a receiver (`app: FastifyInstance`, `r: express.Router`). */
const ROUTER_TYPE = /^(?:OpenAPIHono|Hono|Router|IRouter|Express|Application|FastifyInstance|Koa|KoaRouter|Elysia)$/;

export abstract class DeclarationReader extends Evaluator {
  /** Parameters typed with an options type declaring app or router fields, by name: those fields (readOptionRouters). */
  private readonly optionRouterFields = new Map<string, string[]>();

  /**
   * `registerAs('app', () => ({ globalPrefix: '/api', urlVersion: { prefix: 'v' } }))` (@nestjs/config):
   * each literal (or `process.env.X || 'literal'` default) under its dotted key, `app.globalPrefix`,
   * `app.urlVersion.prefix`, as `configService.get('app.globalPrefix')` reads it.
   */
  private readConfigNamespace(call: ts.CallExpression): void {
    // Asked of every call of the file: the name first.
    if (calleeName(call.expression) !== 'registerAs') return;
    const [nsArg, factory] = call.arguments.map(skipOuter);
    // The namespace as a literal or a constant of this file (`registerAs(appRegToken, ...)`).
    const ns = literalOf(this.evaluate(nsArg));
    // The factory inline, or a function or constant of this file (`registerAs('app', appConfigFactory)`).
    const named = factory && isIdentifier(factory) ? this.decls.get(factory.text) : factory;
    const fn = named && (isFunctionDeclaration(named) || isFunctionLike(named)) ? (named as ts.FunctionLikeDeclaration) : undefined;
    if (ns === undefined || !fn?.body) return;
    const walk = (e: ts.Expression | undefined, key: string): void => {
      const x = e ? skipOuter(e) : undefined;
      if (!x) return;
      if (isObjectLiteralExpression(x)) {
        for (const p of x.properties)
          if (isPropertyAssignment(p) && (isIdentifier(p.name) || isStringLiteral(p.name))) walk(p.initializer, `${key}.${p.name.text}`);
          else if (isShorthandPropertyAssignment(p)) walk(p.name, `${key}.${p.name.text}`);
        return;
      }
      // A literal, `process.env.X || 'literal'`, or a local constant holding one (`globalPrefix,` of `const globalPrefix = env('X', 'api')`).
      const value = isStringLiteralLike(x) ? undefined : this.evaluate(x);
      const text = isStringLiteralLike(x) ? x.text : (envDefault(x, this.sf) ?? literalOf(value));
      if (text !== undefined) (this.out.configDefaults ??= {})[key] = text;
      // `process.env.API_PREFIX ?? CONFIG_DEFAULTS.API_PREFIX`: another file's constant, resolved by collect.ts;
      // `apiPrefix: process.env.API_PREFIX || 'api'`: also the variable, for a service's environment that sets it (collect.ts configText).
      if (value?.kind === 'str' && (text === undefined ? hasRefs(value) : readsEnv(value))) (this.out.configDefaultValues ??= {})[key] = value;
      // `prefix: process.env.APP_PREFIX`: no value in code, only the variable that decides it, for a warning to name.
      const variable = text === undefined ? envVariableRead(x, this.sf) : undefined;
      if (variable !== undefined) (this.out.configEnvReads ??= {})[key] = variable;
    };
    // One value returned (the object of a `try` whose `catch` throws); several would be a guess.
    const returned = returnedValues(fn.body);
    if (returned.length === 1) walk(returned[0], ns);
  }

  /** What each node outside types declares (ReaderBase.valueNodes, listed by the first walk), in document order. */
  protected collectDeclarations(): void {
    const visitDecl = (node: ts.Node): void => {
      if (isPropertyAssignment(node) && (isIdentifier(node.name) || isStringLiteral(node.name))) {
        // Config defaults: `key: process.env.X || 'literal'` anywhere in the file.
        const d = envDefault(skipOuter(node.initializer), this.sf);
        if (d !== undefined) (this.out.configDefaults ??= {})[node.name.text] = d;
      }
      if ((isPropertyAssignment(node) || isVariableDeclaration(node)) && node.initializer) this.readEnvRead(node, node.initializer);
      if (isCallExpression(node)) {
        this.readModuleLoad(node);
        namespaces.push(node);
        if (isIdentifier(node.expression) && this.out.imports.some((i) => i.local === (node.expression as ts.Identifier).text && i.source === CONVICT_PACKAGE)) schemas.push(node);
        const set = settingCall(node);
        if (set) settings.push(set);
        this.readKoaUse(node);
      }
      if (isParameter(node)) {
        this.readParameterType(node);
        bindingNames(node.name, this.paramNames);
      }
      if (isImportDeclaration(node)) this.readImport(node);
      else if (isImportEqualsDeclaration(node) && isExternalModuleReference(node.moduleReference)) {
        const spec = node.moduleReference.expression;
        if (isStringLiteral(spec)) this.addImport(node.name.text, 'default', spec.text);
      } else if (isVariableDeclaration(node)) {
        this.readVariable(node);
      } else if (isEnumDeclaration(node) || isClassDeclaration(node) || isFunctionDeclaration(node)) {
        if (node.name && !this.decls.has(node.name.text)) this.decls.set(node.name.text, node);
      } else if (isExpressionStatement(node) && node.parent === this.sf) {
        this.readUndeclaredInstance(node.expression);
      }
    };
    // registerAs factories read once every constant they may name is known.
    const namespaces: ts.CallExpression[] = [];
    const schemas: ts.CallExpression[] = [];
    const settings: Array<{ key: ts.Expression; value: ts.Expression }> = [];
    for (const node of this.valueNodes) visitDecl(node);
    for (const call of namespaces) this.readConfigNamespace(call);
    // A convict schema's defaults by dotted key, for `conf.get('api.version')` in any file (collect.ts).
    for (const call of schemas) {
      const v = this.evaluate(call);
      if (v) Object.assign((this.out.declaredDefaults ??= {}), dottedTexts(v));
    }
    for (const set of settings) this.readAppSetting(set.key, set.value);
  }

  /**
   * `app.set('base path', '/x')`: the setting's value, when known here (appSettings.ts); `app.set(k,
   * ...)` in a loop over an object's keys: that object, each key of it a setting.
   */
  private readAppSetting(keyNode: ts.Expression, valueNode: ts.Expression): void {
    const key = skipOuter(keyNode);
    const looped = isIdentifier(key) ? loopedKeysOf(key) : undefined;
    const source = looped && this.evaluate(looped);
    if (source && (source.kind === 'obj' || hasRefs(source)) && !hasParams(source)) (this.out.appSettingSources ??= []).push(source);
    const name = looped ? undefined : literalOf(this.evaluate(key));
    const value = name !== undefined ? this.evaluate(valueNode) : undefined;
    if (name !== undefined && value?.kind === 'str' && !hasParams(value) && !Object.hasOwn(this.out.appSettings ?? {}, name)) (this.out.appSettings ??= {})[name] = value;
  }

  /**
   * `images = new ImageService(db)` at the top of a script, the name declared nowhere before (an
   * implicit global of sloppy-mode CommonJS, or a bare `let images;`): what the name holds, as
   * `const images = new ImageService(db)` would say.
   */
  private readUndeclaredInstance(e: ts.Expression): void {
    if (!isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !isIdentifier(e.left)) return;
    if (isNewExpression(skipOuter(e.right)) && !this.decls.has(e.left.text)) this.decls.set(e.left.text, e.right);
  }

  /** `routePrefix: getOsEnv('APP_ROUTE_PREFIX')` in a top-level constant: the variable it reads, at its dotted place (envReads.ts). */
  private readEnvRead(node: ts.PropertyAssignment | ts.VariableDeclaration, init: ts.Expression): void {
    const variable = envVariableRead(init, this.sf);
    const at = variable !== undefined ? keptAt(node) : undefined;
    if (variable !== undefined && at !== undefined) (this.out.envReads ??= {})[at] = variable;
  }

  /** `import('./x')`, `require('./x')` anywhere: the module it loads, whatever holds its value (ExtractedFile.loads). */
  private readModuleLoad(node: ts.CallExpression): void {
    for (const source of dynamicImportSources(node) ?? [requireSource(node) ?? '']) if (source !== '') this.addLoad(source);
  }

  private addLoad(source: string): void {
    const loads = (this.out.loads ??= []);
    if (!loads.includes(source)) loads.push(source);
  }

  private addImport(local: string, imported: string, source: string): void {
    this.out.imports.push({ local, imported, source });
    this.importedNames.add(local);
  }

  /**
   * `function registerGet(api: OpenAPIHono)`, `(app: typeof monitorsApi) => ...`: a parameter typed
   * as a router is a receiver whatever its name (`api` alone is left out as a client's name). A
   * `typeof x` counts when `x` is a router made here or a name imported (value or type import).
   */
  private readParameterType(node: ts.ParameterDeclaration): void {
    const type = node.type;
    if (type) this.readOptionRouters(node.name, type);
    if (!type || !isIdentifier(node.name)) return;
    if (isTypeReferenceNode(type)) {
      const name = isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
      if (ROUTER_TYPE.test(name)) this.typedReceivers.add(node.name.text);
    } else if (isTypeQueryNode(type) && isIdentifier(type.exprName)) {
      const of = type.exprName.text;
      if (this.routers.has(of) || this.importedNames.has(of) || this.typeImports.has(of)) this.typedReceivers.add(node.name.text);
    }
  }

  /**
   * A parameter whose options type (the file's interface or type alias, or a literal) declares an
   * app or router field (optionRouters.ts): `options.parent` and the names destructured from it
   * there or later (`const { parent } = options`) are receivers.
   */
  private readOptionRouters(name: ts.BindingName, type: ts.TypeNode): void {
    const fields = routerFields(type, this.sf, (t) => ROUTER_TYPE.test(t));
    if (fields.length === 0) return;
    if (isObjectBindingPattern(name)) {
      for (const local of boundFields(name, fields)) this.typedReceivers.add(local);
      return;
    }
    if (!isIdentifier(name)) return;
    this.optionRouterFields.set(name.text, fields);
    for (const f of fields) this.typedReceivers.add(`${name.text}.${f}`);
  }

  /**
   * `parent.use(items.routes())`: what koa-router's `routes()` (or `middleware()`) is handed to is a
   * router or an app whatever its name (`function itemRoutes(parent)`), so its mounts are read.
   */
  private readKoaUse(call: ts.CallExpression): void {
    const callee = call.expression;
    if (!isPropertyAccessExpression(callee) || callee.name.text !== 'use' || !isIdentifier(callee.expression)) return;
    const koaRoutes = (a: ts.Expression) => {
      const e = skipOuter(a);
      return isCallExpression(e) && e.arguments.length === 0 && isPropertyAccessExpression(e.expression) && /^(?:routes|middleware)$/.test(e.expression.name.text);
    };
    if (call.arguments.some(koaRoutes)) this.typedReceivers.add(callee.expression.text);
  }

  private readImport(node: ts.ImportDeclaration): void {
    const clause = node.importClause;
    if (clause && isStringLiteral(node.moduleSpecifier)) {
      const source = node.moduleSpecifier.text;
      if (clause.isTypeOnly && clause.name) this.typeImports.set(clause.name.text, { imported: 'default', source });
      const named = clause.namedBindings;
      if (named && isNamedImports(named))
        for (const el of named.elements) if (clause.isTypeOnly || el.isTypeOnly) this.typeImports.set(el.name.text, { imported: (el.propertyName ?? el.name).text, source });
    }
    if (!clause && isStringLiteral(node.moduleSpecifier)) this.addLoad(node.moduleSpecifier.text);
    if (!clause || clause.isTypeOnly || !isStringLiteral(node.moduleSpecifier)) return;
    const source = node.moduleSpecifier.text;
    if (clause.name) this.addImport(clause.name.text, 'default', source);
    const nb = clause.namedBindings;
    if (nb && isNamespaceImport(nb)) this.addImport(nb.name.text, '*', source);
    else if (nb) for (const el of nb.elements) if (!el.isTypeOnly) this.addImport(el.name.text, (el.propertyName ?? el.name).text, source);
  }

  /**
   * `const { setupPageRoute } = helpers` of `const helpers = require('./helpers')`: those exports of the
   * module, as destructuring the require itself takes them. True when read so.
   */
  private readAliasDestructuring(name: ts.BindingName, init: ts.Expression): boolean {
    const via = isIdentifier(init) && isObjectBindingPattern(name) ? this.out.imports.find((i) => i.local === init.text && (i.imported === 'default' || i.imported === '*')) : undefined;
    if (!via || !isObjectBindingPattern(name)) return false;
    for (const el of name.elements)
      if (isIdentifier(el.name) && !el.dotDotDotToken) this.addImport(el.name.text, el.propertyName && isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text, via.source);
      // `...rest`: the module's other exports (evaluator.ts restOf).
      else if (isIdentifier(el.name) && !this.decls.has(el.name.text)) this.decls.set(el.name.text, el);
    return true;
  }

  /** `const x = require('./x')`, `const { a, b: c, ...rest } = require('./x')`: imports of the module's value or its exports. */
  private readLoadedBinding(name: ts.BindingName, loaded: NonNullable<ReturnType<typeof loadedModule>>): void {
    const req = loaded.source;
    if (isIdentifier(name)) this.addImport(name.text, loaded.imported, req);
    else if (isObjectBindingPattern(name) && !loaded.member)
      for (const el of name.elements)
        if (isIdentifier(el.name) && !el.dotDotDotToken) this.addImport(el.name.text, el.propertyName && isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text, req);
        // `...rest`: the module's other exports, the whole module less the names taken (evaluator.ts restOf), under a name of its own.
        else if (isIdentifier(el.name)) {
          this.addImport(`${REST_OF_MODULE}${el.name.text}`, loaded.imported, req);
          this.decls.set(el.name.text, el);
        }
  }

  private readVariable(node: ts.VariableDeclaration): void {
    const init = node.initializer ? assignedValue(node.initializer).value : undefined;
    // const x = require('./x'), const { a, b: c } = require('./x'); loaded at run time:
    // const x = (await import('./x')).default, const { default: x } = await import('./x')
    const loaded = init && loadedModule(init);
    // `import(cond ? './a' : './b')`: the name bound to each module it may load, the first found first (importNamed).
    if (loaded !== undefined) for (const source of [loaded.source, ...(loaded.others ?? [])]) this.readLoadedBinding(node.name, { ...loaded, source });
    if (loaded !== undefined) return;
    if (init && this.readAliasDestructuring(node.name, init)) return;
    // `const route = require(path.join(__dirname, 'api', r))` in a loop over that folder's listing;
    // `const router = route.default || route`: the module itself.
    const each = init && isIdentifier(node.name) ? (this.listedLoad(init) ?? this.interopDefault(init)) : undefined;
    if (each && isIdentifier(node.name)) {
      this.addImport(node.name.text, each.imported, each.source);
      // `const extra = mod.openRouter`: also a value of the module, read as one (`mod.options.url`).
      if (each.imported === 'default' || each.imported === '*') return;
    }
    if (init && (this.readRoutersTaken(node.name, init) || this.readBoundMethods(node.name, init))) return;
    // `const { port, globalPrefix } = configService.get('app')`: each name is that property of the value.
    if (isObjectBindingPattern(node.name) && init) {
      const fields = isIdentifier(init) ? this.optionRouterFields.get(init.text) : undefined;
      for (const local of fields ? boundFields(node.name, fields) : []) this.typedReceivers.add(local);
      for (const el of node.name.elements) if (isIdentifier(el.name) && !this.decls.has(el.name.text)) this.decls.set(el.name.text, el);
      return;
    }
    if (!isIdentifier(node.name) || !init) return;
    const name = this.ownName(node.name.text, node);
    if (!this.decls.has(name)) this.decls.set(name, init);
    const root = chainRoot(init);
    this.pendingPrefix = undefined;
    const factory = this.factoryPrefix(root);
    if (factory !== undefined) {
      this.factoryNames.set(root, name);
      // A router made here outranks a call of the same name read before it (see shadowsKnown).
      if (this.out.routerMakers) delete this.out.routerMakers[name];
      this.routers.set(name, joinRoutePath(factory, this.basePathOf(init, root, factory === '' && !this.pendingPrefix)));
      const plain = PLAIN_ROUTER.exec(calleeName((root as ts.CallExpression).expression) ?? '');
      if (plain) (this.out.plainRouters ??= {})[name] = plain[1] ?? plain[0];
      if (this.pendingPrefix) {
        this.routerPrefixValues.set(name, this.pendingPrefix);
        (this.out.routerPrefixLines ??= {})[name] = this.line(node);
      }
      return;
    }
    // chanfana's `fromHono(app)`: the app again (openApiWrapped), not a router another package makes.
    const wrapped = this.openApiWrapped(skipOuter(init));
    if (wrapped !== undefined && wrapped !== node.name.text) return this.aliasRouter(node, wrapped);
    const maker = this.routerMaker(root) ?? this.classMaker(root, name) ?? moduleInstanceMaker(root, node, this.decls);
    if (maker !== undefined && !this.shadowsKnown(name)) {
      this.factoryNames.set(root, name);
      this.madeBy(name, maker, joinRoutePath(this.basePathOf(init, root)), root);
      return;
    }
    const aliased = this.aliasedRouter(init);
    if (aliased !== undefined && aliased !== node.name.text) return this.aliasRouter(node, aliased);
    // Hono `const api = app.basePath('/api')`: another face of `app`, its paths under the base.
    const call = isCallExpression(init) && isPropertyAccessExpression(init.expression) && init.expression.name.text === 'basePath' ? init : undefined;
    const based = call && isPropertyAccessExpression(call.expression) ? skipOuter(call.expression.expression) : undefined;
    if (call && based && isIdentifier(based) && (this.routers.has(based.text) || CONVENTIONAL_RECEIVER.test(based.text))) this.basePathFace(name, call, based.text);
    // Egg's `const v1 = app.router.namespace('/api/v1')` (egg-router-plus, built into Egg 3's router): the same face;
    // middleware after the prefix (`namespace('/api', auth())`) runs before its routes, it adds no path.
    const ns = isCallExpression(init) && init.arguments.length >= 1 && isPropertyAccessExpression(init.expression) && init.expression.name.text === 'namespace' ? init : undefined;
    const on = ns ? dottedName(skipOuter((ns.expression as ts.PropertyAccessExpression).expression)) : undefined;
    if (ns && on !== undefined && (this.routers.has(on) || CONVENTIONAL_RECEIVER.test(on.slice(on.lastIndexOf('.') + 1)))) this.basePathFace(name, ns, on);
  }

  /**
   * Hono `app.basePath('/api')` naming `name`: another face of `based` (the router it is called
   * on), sharing its routes table with its paths under the base, so mounted on it at `/`. A base
   * not known here puts them under … with a warning, as a factory chain's does (basePathOf).
   */
  protected basePathFace(name: string, call: ts.CallExpression, based: string): void {
    const arg = call.arguments[0];
    const value = literalOf(this.evaluate(arg));
    // `app.basePath(`/${name}`)` in a loop's body: read again where each route is added, the loop's element bound then (routerCalls.ts).
    if (value === undefined && arg && inLoopBody(call)) {
      this.loopBases.set(name, { arg, call });
      this.routers.set(name, this.routers.get(based) ?? '');
      this.out.mounts.push({ prefix: '/', routerName: name, line: this.line(call), mountedOn: based });
      return;
    }
    if (value === undefined && arg) this.warn(call, { id: 'mountPrefix', args: [arg.getText(this.sf)] });
    this.routers.set(name, joinRoutePath(this.routers.get(based) ?? '', value ?? (arg ? UNKNOWN_PREFIX : '')));
    this.out.mounts.push({ prefix: '/', routerName: name, line: this.line(call), mountedOn: based });
  }

  /**
   * The router a variable's initialiser names again: `router`, `router.use(a, b)`, `(router as X).use(a)`,
   * and a chain of registrations on it, which return the router itself (Hono, Express, koa-router):
   * `const guarded = base.post('/x', h).openapi(route, h)` after `base.use(auth)` is `base`, so
   * mounting `guarded` mounts `base`'s routes.
   */
  private aliasedRouter(init: ts.Expression): string | undefined {
    let cur = init;
    while (isCallExpression(cur) && isPropertyAccessExpression(cur.expression) && keepsSameRouter(cur)) cur = skipOuter(cur.expression.expression);
    return isIdentifier(cur) && this.isReceiver(cur.text) ? cur.text : undefined;
  }

  /** `name` (a variable declared at `node`) as another name of the router `of` in the function declaring it. */
  private aliasRouter(node: ts.VariableDeclaration, of: string): void {
    const name = (node.name as ts.Identifier).text;
    this.routerAliases.set(name, [...(this.routerAliases.get(name) ?? []), { of, fn: enclosingFunction(node) }]);
  }

  /**
   * chanfana's `fromHono(app, { docs_url, ... })`: the OpenAPI registry over a Hono app, whose
   * `get/post/...` and `route(prefix, sub)` register on that app (https://chanfana.pages.dev/):
   * the app again. Its documentation routes (docs_url, openapi_url, redoc_url) are the library's.
   */
  private openApiWrapped(init: ts.Expression): string | undefined {
    if (!isCallExpression(init) || !isIdentifier(init.expression)) return undefined;
    const callee = init.expression.text;
    const wraps = this.out.imports.some((i) => i.local === callee && i.source === CHANFANA && i.imported === CHANFANA_HONO);
    const app = init.arguments[0] ? skipOuter(init.arguments[0]) : undefined;
    return wraps && app && isIdentifier(app) && this.isReceiver(app.text) ? app.text : undefined;
  }

  /** `mod.default || mod`, `mod.default ?? mod`, `mod.default` of a module loaded whole: that module's default export. */
  private interopDefault(init: ts.Expression): { source: string; imported: string } | undefined {
    const e = skipOuter(init);
    const left = isBinaryExpression(e) && /^(?:\|\||\?\?)$/.test(e.operatorToken.getText()) ? skipOuter(e.left) : e;
    const right = isBinaryExpression(e) ? skipOuter(e.right) : undefined;
    if (!isPropertyAccessExpression(left) || !isIdentifier(left.expression)) return undefined;
    const mod = left.expression.text;
    const member = left.name.text;
    if (right && !(member === 'default' && isIdentifier(right) && right.text === mod)) return undefined;
    const imp = this.out.imports.find((i) => i.local === mod && (i.imported === 'default' || i.imported === '*'));
    // `const extra = mod.publicRouter` of a module loaded per file of a listed folder: that export of each file.
    if (member !== 'default') return imp?.source.startsWith(LISTED) ? { source: imp.source, imported: member } : undefined;
    return imp && { source: imp.source, imported: 'default' };
  }

  /**
   * koa-router `router.prefix('/api')` on a router made here: every route of the router gets it,
   * those declared before the call too, so it is read before any route. The call may be a
   * statement anywhere (in the function that makes the router) and may start a chain of calls
   * that keep the router (`router.prefix('/v1').use(auth)`).
   */
  protected readPrefixCalls(sf: ts.SourceFile): void {
    if (!sf.text.includes('.prefix(')) return;
    const visit = (node: ts.Node): void => {
      const call = isExpressionStatement(node) ? prefixCallOf(node.expression) : undefined;
      if (call) this.readPrefixCall(call);
      forEachChild(node, visit);
    };
    visit(sf);
  }

  private readPrefixCall(e: PrefixCall): void {
    const on = e.expression.expression;
    const router = isIdentifier(on) ? this.ownName(on.text, on) : dottedName(on);
    // Egg's `const { router } = app; router.prefix('/api')` (or `app.router.prefix(...)`): the app's
    // own router, made by the framework, not here; named as routers are, its routes get the prefix too.
    if (router === undefined || !(this.routers.has(router) || ROUTER_BY_NAME.test(router.slice(router.lastIndexOf('.') + 1)))) return;
    const prefix = literalOf(this.evaluate(e.arguments[0]));
    if (prefix === undefined) this.warn(e, { id: 'routerPrefix', args: [router] });
    this.routers.set(router, joinRoutePath(this.routers.get(router) ?? '', prefix ?? UNKNOWN_PREFIX));
  }

  /** A router made inline (`export default new Hono().basePath('/sync').get(...)`): its prefix with the chain's base paths. */
  protected withChainBase(prefix: string, root: ts.Node): string {
    let top: ts.Node = root;
    while (isPropertyAccessExpression(top.parent) && top.parent.expression === top && isCallExpression(top.parent.parent) && top.parent.parent.expression === top.parent) top = top.parent.parent;
    const base = top === root ? '' : this.basePathOf(top as ts.Expression, root);
    return base === '' || base === '/' ? prefix : joinRoutePath(prefix, base);
  }

  /** Hono `new Hono().basePath('/api')`, koa-router `new Router().prefix('/api')`: the base paths along a chain, outermost last. */
  private basePathOf(init: ts.Expression, root: ts.Node, deferRefs = false): string {
    const parts: string[] = [];
    let cur: ts.Node = init;
    while (cur !== root && isCallExpression(cur) && isPropertyAccessExpression(cur.expression)) {
      // koa-router `new Router().prefix('/api')` sets the same kind of prefix.
      if (cur.expression.name.text === 'basePath' || cur.expression.name.text === 'prefix') {
        const arg = cur.arguments[0];
        const evaluated = this.evaluate(arg);
        const value = literalOf(evaluated);
        // `new Hono().basePath(config.server.base_path)` of another file's value declaring a router (deferRefs): resolved by collect.ts as koa's `new Router({ prefix })`.
        if (deferRefs && (value === undefined || readsEnv(evaluated)) && evaluated && (hasRefs(evaluated) || readsEnv(evaluated)) && parts.length === 0 && root !== cur && isNewExpression(root) && skipOuter(cur.expression.expression) === root) {
          this.pendingPrefix = evaluated;
          parts.unshift('');
          cur = root;
          continue;
        }
        // `basePath(config.server.base_path)`: not the root; its routes go under … with a warning.
        // `(prefix) => new Hono().basePath(prefix)`: each call's own, read where it is called (factoryParamPrefix).
        if (value === undefined && arg && this.paramValue(arg, root) === undefined) this.warn(cur, { id: 'mountPrefix', args: [arg.getText(this.sf)] });
        parts.unshift(value ?? (arg ? UNKNOWN_PREFIX : ''));
      }
      cur = skipOuter(cur.expression.expression);
    }
    return joinRoutePath(...parts);
  }

  /**
   * A value read from the parameters of the function around it (`prefix` in `(prefix) => new
   * Elysia({ prefix })`) that returns the router `made` (a chain's root): each a reference to its
   * position (values.ts ARG), filled by each call's argument (collect.ts). Undefined when it reads
   * none, reads something else not known, or the function does not return that router (a
   * callback's `new Router({ prefix: site })` is no factory's).
   */
  protected paramValue(e: ts.Expression, made: ts.Node): ConstValue | undefined {
    const fn = enclosingFunction(e);
    if (!fn || fn.parameters.length === 0 || !returnsMade(fn, made)) return undefined;
    const scope: Scope = new Map();
    fn.parameters.forEach((p, i) => {
      if (isIdentifier(p.name) && !p.dotDotDotToken) scope.set(p.name.text, argRef(i));
    });
    let v: ConstValue | undefined;
    this.withScope(scope, () => (v = this.evaluate(e)));
    return v && readsArgs(v) ? v : undefined;
  }

  /**
   * The prefix a router factory gives the router it returns from its parameters: koa-router's and
   * Elysia's `new Router({ prefix })`, Hono's `new Hono().basePath(prefix)`, with the chain's base
   * paths after it. Undefined when no part reads a parameter.
   */
  protected factoryParamPrefix(returned: ts.Expression): ConstValue | undefined {
    const root = chainRoot(returned);
    const parts: ConstValue[] = [];
    const options = (isCallExpression(root) || isNewExpression(root)) && this.factoryPrefix(root) !== undefined ? root.arguments?.[0] : undefined;
    const prefix = options && isObjectLiteralExpression(skipOuter(options)) ? this.prop(skipOuter(options) as ts.ObjectLiteralExpression, 'prefix') : undefined;
    if (prefix) parts.push(this.evaluate(prefix) ?? this.paramValue(prefix as ts.Expression, root) ?? str(UNKNOWN_PREFIX));
    let reads = prefix !== undefined && this.paramValue(prefix as ts.Expression, root) !== undefined;
    const bases: ConstValue[] = [];
    for (let cur: ts.Node = skipOuter(returned); cur !== root && isCallExpression(cur) && isPropertyAccessExpression(cur.expression); cur = skipOuter(cur.expression.expression)) {
      const arg = cur.arguments[0];
      if (!arg || (cur.expression.name.text !== 'basePath' && cur.expression.name.text !== 'prefix')) continue;
      const param = this.evaluate(arg) === undefined ? this.paramValue(arg, root) : undefined;
      reads ||= param !== undefined;
      bases.unshift(this.evaluate(arg) ?? param ?? str(UNKNOWN_PREFIX));
    }
    if (!reads) return undefined;
    return [...parts, ...bases].reduce<ConstValue | undefined>((acc, v) => (acc === undefined ? v : concat(concat(acc, str('/')) ?? acc, v)), undefined);
  }

  /**
   * `const [api, admin] = setupRouters(app)`: each name the router at that position of the list the
   * function returns (fileExports.ts routerFactories `setupRouters.1`); a router only if collect.ts
   * finds that function returns one there. True when the names are taken so.
   */
  /**
   * `const { router, get, post } = baseRouter()`: a router named so and router methods taken together
   * from one call (a factory returning `{ router, get: router.get.bind(router), ... }`): the router is
   * made by that call, each method name a method of it; `const get = router.get.bind(router)` too.
   */
  private readBoundMethods(name: ts.BindingName, init: ts.Expression): boolean {
    const bound = boundMethodsOf(name, init, (e) => this.routerMaker(e), (n) => this.routers.has(n) || this.typedReceivers.has(n));
    if (!bound) return false;
    if (bound.maker !== undefined) {
      this.decls.set(bound.router, init);
      this.madeBy(bound.router, bound.maker, '', init);
    }
    for (const [local, method] of bound.methods) this.boundMethods.set(local, { router: bound.router, method });
    return true;
  }

  private readRoutersTaken(name: ts.BindingName, init: ts.Expression): boolean {
    const fn = isArrayBindingPattern(name) ? this.routerMaker(init) : undefined;
    if (fn === undefined || !isArrayBindingPattern(name)) return false;
    name.elements.forEach((el, at) => {
      if (!isBindingElement(el) || el.dotDotDotToken || !isIdentifier(el.name) || this.shadowsKnown(el.name.text)) return;
      this.decls.set(el.name.text, el);
      this.madeBy(el.name.text, `${fn}.${at}`, '', init);
    });
    return true;
  }

  /**
   * `createApp()`, `apiModule()`: a call of a function declared here or imported, which may make
   * a router (`function createApp() { return new Hono() }`). Taken for one here; collect.ts keeps
   * it only when that function is found to make a router.
   */
  protected routerMaker(node: ts.Node): string | undefined {
    // Hono `usersFactory.createApp()`: an app when usersFactory is a createFactory() (collect.ts makesRouter).
    const made = isCallExpression(node) && isPropertyAccessExpression(node.expression) && node.expression.name.text === 'createApp' ? skipOuter(node.expression.expression) : undefined;
    if (made && isIdentifier(made) && (this.importedNames.has(made.text) || this.decls.has(made.text))) return `${made.text}.createApp`;
    if (!isCallExpression(node) || !isIdentifier(node.expression) || isModuleLoad(node)) return undefined;
    const fn = node.expression.text;
    const decl = this.decls.get(fn);
    // `function createRouter() { return new Hono() }` declared in the file, as `const createRouter = () => ...` is;
    // not a helper returning a value no router is (`return path.split('/')`, `return '/' + parts.join('/')`).
    return this.importedNames.has(fn) || (decl !== undefined && (isFunctionLike(decl) || (isFunctionDeclaration(decl) && mayReturnRouter(decl)))) ? fn : undefined;
  }

  /**
   * `const router = new Dispatcher(...)` of a class declared here or imported from a file of the
   * project: 'new Dispatcher', a router when collect.ts finds the class among that file's
   * routerClasses. Only under a router's name: `const store = new Store()` is read as before.
   */
  private classMaker(node: ts.Node, name: string): string | undefined {
    if (!isNewExpression(node) || !isIdentifier(node.expression) || !CONVENTIONAL_RECEIVER.test(name)) return undefined;
    const cls = node.expression.text;
    const imported = this.out.imports.find((i) => i.local === cls);
    const decl = this.decls.get(cls);
    return imported?.source.startsWith('.') || (decl !== undefined && isClassDeclaration(decl)) ? `new ${cls}` : undefined;
  }

  /** `router` made by calling `maker` at `call`: with what the call gives the function's parameters (argConditions.ts). */
  protected madeBy(router: string, maker: string, prefix: string, call: ts.Node): void {
    this.routers.set(router, prefix);
    const last = router.slice(router.lastIndexOf('.') + 1);
    const given = isCallExpression(call) ? givenArgs(call) : undefined;
    // `mod('/users')`: the arguments, for a factory giving its router a prefix from them (factoryPrefixes).
    const args = isCallExpression(call) ? call.arguments.map((a) => this.evaluate(a) ?? null) : [];
    (this.out.routerMakers ??= {})[router] = { maker, byName: CONVENTIONAL_RECEIVER.test(last), ...(given ? { given } : {}), ...(args.some((a) => a !== null) ? { args } : {}) };
  }

  /**
   * `const task = await createTask(...)` in a handler of the file whose `task` is `new Hono()` or an
   * import: a local of the handler shadowing that name (the file's own scope cannot declare it
   * twice), not the router the file's routes and mounts name.
   */
  private shadowsKnown(name: string): boolean {
    return this.importedNames.has(name) || this.madeHere(name);
  }

  /** A router made by a factory this file sees (`new Router()`, `express()`), not by a call of some function. */
  protected madeHere(router: string): boolean {
    return this.routers.has(router) && this.out.routerMakers?.[router] === undefined;
  }

  /** Made here, or by `new` of a class of the project's own (a router if collect.ts confirms the class): its paths may be written without a leading slash. */
  protected ownsRouter(router: string): boolean {
    return this.madeHere(router) || this.out.routerMakers?.[router]?.maker.startsWith('new ') === true;
  }

  /**
   * A function of the project's own, whatever its name: imported from a relative path or declared
   * in this file (`import router from './router.js'` ... `router(config)` calls it, it is no
   * library's router factory; `new Router()` of a class of the project's own stays one).
   */
  private ownFunction(name: string): boolean {
    const imp = this.out.imports.find((i) => i.local === name);
    if (imp) return imp.source.startsWith('.');
    return this.functionNamed(name) !== undefined;
  }

  /** The function a name of this file declares (`function h(req, res, next) {}`, `const h = () => ...`). */
  protected functionNamed(name: string): ts.Node | undefined {
    const decl = this.decls.get(name);
    return decl !== undefined && (isFunctionDeclaration(decl) || isFunctionLike(decl)) ? decl : undefined;
  }

  /**
   * koa-router's export bound to a name of the file's own choosing (`import koa_router from 'koa-router'`,
   * `const KR = require('@koa/router')`): koa-router makes a router called with or without `new`; so
   * does a library's subclass of it (`new LinRouter({ prefix })` of lin-mizar, koaRouterSubclasses.ts).
   */
  private koaRouterBinding(name: string): boolean {
    const imp = this.out.imports.find((i) => i.local === name);
    if (imp !== undefined && isKoaRouterSubclass(imp.source, imp.imported)) return true;
    return imp !== undefined && KOA_ROUTER_PACKAGE.test(imp.source) && (imp.imported === 'default' || imp.imported === '*');
  }

  /** The router prefix of a factory call (koa `new Router({ prefix })`, Hono `basePath`), '' for none; undefined when not a factory. */
  protected factoryPrefix(node: ts.Node): string | undefined {
    if (!isCallExpression(node) && !isNewExpression(node)) return undefined;
    // Nest's `app.getHttpAdapter()` (and `.getInstance()` on it, the Express or Fastify app under it)
    // of an app this file starts (`app.listen(...)`, not a test's app it only injects requests into):
    // what is registered there is the server's own, outside the global prefix.
    if (isCallExpression(node) && isPropertyAccessExpression(node.expression) && node.expression.name.text === 'getHttpAdapter' && node.arguments.length === 0) {
      const app = skipOuter(node.expression.expression);
      return isIdentifier(app) && this.callsWithin(this.sf).some((c) => isPropertyAccessExpression(c.expression) && c.expression.name.text === 'listen' && isIdentifier(c.expression.expression) && c.expression.expression.text === app.text) ? '' : undefined;
    }
    const callee = calleeName(node.expression);
    if (!callee || !(ROUTER_FACTORY.test(callee) || this.koaRouterBinding(callee)) || (isCallExpression(node) && isIdentifier(node.expression) && this.ownFunction(node.expression.text))) return undefined;
    const options = node.arguments?.[0];
    if (options && isObjectLiteralExpression(skipOuter(options))) {
      const prefix = this.prop(skipOuter(options) as ts.ObjectLiteralExpression, 'prefix');
      const evaluated = prefix ? this.evaluate(prefix) : undefined;
      const value = literalOf(evaluated);
      // One reading an environment variable with a default in code is kept for the service's environment (values.ts ENV_READ).
      if (value !== undefined && !readsEnv(evaluated)) return joinRoutePath(value);
      if (evaluated && (hasRefs(evaluated) || readsEnv(evaluated))) this.pendingPrefix = evaluated;
      // `(prefix) => new Elysia({ prefix })`: each call's own, read where it is called (factoryParamPrefix).
      else if (prefix && !evaluated && this.paramValue(prefix as ts.Expression, node) === undefined) return literalOf(this.unknownPrefix(prefix as ts.Expression));
    }
    return '';
  }
}

/** A link of a chain that returns the router it was called on: `use`, a registration (a path or config and a handler). */
function keepsSameRouter(call: ts.CallExpression): boolean {
  const m = (call.expression as ts.PropertyAccessExpression).name.text;
  // Fastify's `fastify.withTypeProvider<ZodTypeProvider>()` is the same instance, typed.
  if (m === 'use' || m === 'withTypeProvider') return true;
  // `app.get('env')` reads a setting and `router.route('/x')` makes an Express Route: neither is the router.
  return (m in ROUTER_METHODS || m === 'route' || m === 'openapi') && call.arguments.length >= 2;
}

type PrefixCall = ts.CallExpression & { expression: ts.PropertyAccessExpression };

/** koa-router's `prefix()` called on a receiver the file does not make: only one named as a router is (`router`, `apiRouter`). */
const ROUTER_BY_NAME = /^router$|Router$/;

/** The `name.prefix(x)` call a statement's chain starts with (`router.prefix('/v1').use(auth)`, `app.router.prefix('/v1')`), if any. */
function prefixCallOf(statement: ts.Expression): PrefixCall | undefined {
  let cur = skipOuter(statement);
  while (isCallExpression(cur) && isPropertyAccessExpression(cur.expression)) {
    if (cur.expression.name.text === 'prefix') return dottedName(cur.expression.expression) !== undefined ? (cur as PrefixCall) : undefined;
    if (!CHAIN_KEEPS_ROUTER.has(cur.expression.name.text)) return undefined;
    cur = skipOuter(cur.expression.expression);
  }
  return undefined;
}

/**
 * `const accounts = makeAccounts({ ... })` at the top of the module, of a function declared in the
 * file: an instance the module may export for another file to mount (a call inside a function,
 * `const ret = getObject(idx)`, is not taken for one).
 */
function moduleInstanceMaker(root: ts.Node, decl: ts.VariableDeclaration, decls: ReadonlyMap<string, ts.Node>): string | undefined {
  if (!isCallExpression(root) || !isIdentifier(root.expression) || enclosingFunction(decl) !== undefined) return undefined;
  const fn = decls.get(root.expression.text);
  return fn !== undefined && isFunctionDeclaration(fn) ? root.expression.text : undefined;
}

/** Whether `fn` returns the router whose chain starts at `made`: the chain itself, or a local it was assigned to. */
function returnsMade(fn: ts.FunctionLikeDeclaration, made: ts.Node): boolean {
  const returned = returnedExpression(fn);
  if (!returned) return false;
  if (chainRoot(returned) === made) return true;
  let top: ts.Node = made;
  while (top.parent && (isPropertyAccessExpression(top.parent) || (isCallExpression(top.parent) && top.parent.expression === top))) top = top.parent;
  const decl = top.parent && isVariableDeclaration(top.parent) ? top.parent : undefined;
  return decl !== undefined && isIdentifier(decl.name) && isIdentifier(returned) && returned.text === decl.name.text;
}

/** Whether a node is inside the body of a loop over a list or a table (loopOverTable.ts), a callback's too. */
function inLoopBody(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent !== undefined; n = n.parent) if (loopOfBody(n)) return true;
  return false;
}

/**
 * Whether a function declared with `function` may return a router: some `return` gives a `new X()`,
 * a call of a name (`express()`, `makeBase()`), or a name (`const app = new Hono(); ...; return app`).
 */
function mayReturnRouter(fn: ts.FunctionDeclaration): boolean {
  return fn.body !== undefined && returnedValues(fn.body).some((r) => {
    const e = skipOuter(r);
    return isNewExpression(e) || isIdentifier(e) || (isCallExpression(e) && isIdentifier(skipOuter(e.expression)));
  });
}
