// Route declarations in one source file, read from the TypeScript compiler's own syntax tree
// (parser only: no type checking, so a file that does not compile still yields its routes):
// NestJS decorators, Express/Fastify/Koa/Hono router calls, and what collect.ts needs to join
// files up — global prefix, mounts, imports, exported constants, the default export. Paths may
// be literals, templates, concatenations, constants (local or imported), enum members and
// config defaults; what cannot be known statically is a warning naming file, line and why.
import ts from 'typescript';
import { posix } from 'node:path';
import type { HttpMethod } from '../model';
import { UNKNOWN_PREFIX, expandOptionalGroups, joinRoutePath, openApiPathToRoute } from './joinPath';
import { isHttpMethod } from './routeSpec';
import { EACH, LISTED, concat, hasEach, hasParams, hasRefs, literalOf, literalsOf, mergeParts, paramRef, propOf, str, type ConstValue, type Part, type StrValue } from './values';
import { CLASS_ROUTER, ENDPOINT_METHODS, NEUTRAL_VERSION, endpointPath, substituteParams } from './extracted';
import type { Endpoint, ExtractedFile, ExtractedMount, ExtractedRoute, NestModuleDecl, RouterModuleEntry, UriVersioning } from './extracted';
import type { ScanMessage } from '../scanTexts';
import { isFunctionWithBody, lastReturn, returnedExpressions, skipOuter } from './tsSyntax';
import { moduleListOf } from './nestModuleList';

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

const ROUTER_METHODS: Readonly<Record<string, HttpMethod>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE', // koa-router alias
  head: 'HEAD',
  options: 'OPTIONS',
  all: 'ALL',
};

/** Calls whose result is an app or a router. */
const ROUTER_FACTORY =
  /^(?:express|express\.Router|express\.default|e\.Router|Router|fastify|Fastify|Koa|KoaRouter|Hono|OpenAPIHono|polka|restify\.createServer|createRouter|KoaRouter|router)$/;

/**
 * Receivers accepted without a visible factory call (a fastify plugin's parameter, a router passed
 * in). Deliberately excludes client-ish names (axios, http, api, client, request) so that
 * `http.get('/users', config)` in front-end code is not taken for a route.
 */
const CONVENTIONAL_RECEIVER = /^(?:app|server|fastify|instance|router|routes|f)$|(?:Router|Routes|router|routes|App|app|Server)$/;

/** A router class's verb method takes its handler under one of these names or types (see collectRouterClasses). */
const HANDLER_PARAM = /^(?:handler|handlers|callback|cb|fn|action|middleware|middlewares|listener|controller)$/i;
const HANDLER_TYPE = /(?:Handler|Middleware|Callback|Function|Controller|Action)$/;

/** A key of an object of routers that can be a path: segments, parameters, '' for the root. */
const ROUTER_KEY = /^[\w.:/-]*$/;

/** Type names of apps and routers: a parameter declared with one is a receiver (`app: FastifyInstance`, `r: express.Router`). */
const ROUTER_TYPE = /^(?:OpenAPIHono|Hono|Router|IRouter|Express|Application|FastifyInstance|Koa|KoaRouter|Elysia)$/;

/** Past this size a file is not parsed: generated bundles, not route declarations. */
export const MAX_ROUTE_SOURCE_BYTES = 2 * 1024 * 1024;

export function extractRoutesFromSource(text: string, file: string): ExtractedFile {
  const result: ExtractedFile = { routes: [], mounts: [], imports: [], warnings: [] };
  if (text.length > MAX_ROUTE_SOURCE_BYTES) {
    result.warnings.push({ id: 'tooLarge', args: [String(Math.round(text.length / 1024))] });
    return result;
  }
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : /\.(?:c|m)?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  // JSDoc is not read for routes: not parsing it saves 10-20% of the parse (bench/README.md, ninth round).
  const sf = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, kind);
  new FileReader(sf, result).read();
  return result;
}

type Scope = Map<string, ts.Expression | ConstValue>;

class FileReader {
  /** Top-level `const x = ...` initialisers, enums, classes: what identifiers evaluate to. */
  private readonly decls = new Map<string, ts.Node>();
  /** The file's feature flags (constantFlags), read at the first `if`. */
  private flags: Map<string, boolean> | undefined;
  /** Every `x.push(...)`/`x.unshift(...)` of the file, found once when a Nest module list asks (pushesOf). */
  private arrayPushes: ts.CallExpression[] | undefined;
  /** Scope-bound names whose receiver is being resolved now (a binding may name itself). */
  private readonly resolving = new Set<string>();
  private readonly importedNames = new Set<string>();
  /** Names bound by `import type { x }`: a `typeof x` parameter type can name a router of another file. */
  private readonly typeImportedNames = new Set<string>();
  /** Function parameters whose declared type is a router (`app: OpenAPIHono`, `api: typeof usersApi`). */
  private readonly typedReceivers = new Set<string>();
  /** Factory calls (and their chains) assigned to a variable: the variable names the router. */
  private readonly factoryNames = new Map<ts.Node, string>();
  /** Router names known from a factory call, with their own prefix (koa `new Router({ prefix })`). */
  private readonly routers = new Map<string, string>();
  /**
   * `const api = router.use(auth)`, `const api = router as Router<X>`: another name, in the function
   * declaring it, for the router it was made from (`use` returns its router).
   */
  private readonly routerAliases = new Map<string, Array<{ of: string; fn: ts.Node | undefined }>>();
  /**
   * A name declared again in another function of the file (`const router = new Router()` in two
   * functions): each later declaration is its own router, named `router@line`; see ownName.
   */
  private readonly redeclared = new Map<string, Array<{ fn: ts.Node | undefined; name: string; decl: ts.VariableDeclaration }>>();
  /** Every parameter name of the file's functions: with decls, the names it declares itself. */
  private readonly paramNames = new Set<string>();
  /** Router prefixes that refer to other files' constants (`prefix: config.apiPrefix`). */
  private readonly routerPrefixValues = new Map<string, ConstValue>();
  private readonly scopes: Scope[] = [];
  private readonly evaluating = new Set<ts.Node>();
  /** Set by factoryPrefix when the prefix is not literal; taken by the caller that names the router. */
  private pendingPrefix: ConstValue | undefined;
  /** Prefix expressions already warned of as not known statically (unknownPrefix). */
  private readonly unknownPrefixes = new Set<ts.Node>();
  /** Inline plugin bodies already read under their own router: not read again as the file's. */
  private readonly handled = new Set<ts.Node>();
  /** This file's route helpers (see findRouteHelpers), by name. */
  private readonly routeHelpers = new Map<string, ts.FunctionDeclaration>();
  /** Methods registering a route config handed in on the router they are given (findSpecMounters): no route of their own. */
  private readonly specMounterFns = new Set<ts.Node>();
  /** The helpers being read at a call site, innermost last; routes found take the outermost call's line. */
  private readonly expanding: { name: string; line: number }[] = [];

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly out: ExtractedFile,
  ) {}

  read(): void {
    this.findRedeclared();
    this.collectDeclarations(this.sf);
    this.findRouteHelpers();
    this.findSpecMounters();
    this.readPrefixCalls(this.sf);
    this.visit(this.sf);
    this.collectExports();
    this.readKeyedRouters();
    this.collectModuleConfigs();
    // The root module this file starts, for which controllers the app registers (collect.ts).
    const entry = this.out.nestEntryModule === undefined && this.sf.text.includes('NestFactory') ? this.nestFactoryModule() : undefined;
    if (entry !== undefined) this.out.nestEntryModule = entry;
    const own = [...new Set(this.out.mounts.map((m) => m.routerName).filter((name) => !this.importedNames.has(name) && (this.madeHere(name) || this.decls.has(name) || this.paramNames.has(name))))];
    if (own.length > 0) this.out.ownRouters = own;
  }

  /** Names declared by `const`/`let` in more than one function of the file (see redeclared). */
  private findRedeclared(): void {
    const all = new Map<string, ts.VariableDeclaration[]>();
    const walk = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) all.set(node.name.text, [...(all.get(node.name.text) ?? []), node]);
      ts.forEachChild(node, walk);
    };
    walk(this.sf);
    for (const [name, decls] of all) {
      const fns = decls.map((d) => enclosingFunction(d));
      if (new Set(fns).size < 2) continue;
      // The first declaration keeps the name (a top-level one first of all); each other function's its own.
      const first = fns.indexOf(undefined) >= 0 ? undefined : fns[0];
      this.redeclared.set(
        name,
        decls.map((decl, i) => ({ fn: fns[i], decl, name: fns[i] === first ? name : `${name}@${this.line(decl)}` })),
      );
    }
  }

  /** The router name a declaration or a reference stands for: `router@12` for a name another function of the file declares too. */
  private ownName(name: string, at: ts.Node): string {
    const decls = this.redeclared.get(name);
    if (!decls) return name;
    if (ts.isVariableDeclaration(at)) return decls.find((d) => d.decl === at)?.name ?? name;
    for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
      const own = decls.find((d) => d.fn === fn);
      if (own) return own.name;
      // A parameter of the same name in between shadows every outer declaration.
      if (fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return name;
    }
    return name;
  }

  private line(node: ts.Node): number {
    const call = this.expanding[0];
    if (call) return call.line;
    // A call on a chain (`server.route({...})\n  .route({...})`, `r.route('/x').get(...).post(...)`) is on its method's line.
    const at = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node;
    return this.sf.getLineAndCharacterOfPosition(at.getStart(this.sf)).line + 1;
  }

  /**
   * `registerAs('app', () => ({ globalPrefix: '/api', urlVersion: { prefix: 'v' } }))` (@nestjs/config):
   * each literal (or `process.env.X || 'literal'` default) under its dotted key, `app.globalPrefix`,
   * `app.urlVersion.prefix`, as `configService.get('app.globalPrefix')` reads it.
   */
  private readConfigNamespace(call: ts.CallExpression): void {
    const [nsArg, factory] = call.arguments.map(skipOuter);
    // The namespace as a literal or a constant of this file (`registerAs(appRegToken, ...)`).
    const ns = calleeName(call.expression) === 'registerAs' ? literalOf(this.evaluate(nsArg)) : undefined;
    if (ns === undefined || !factory) return;
    if (!ts.isArrowFunction(factory) && !ts.isFunctionExpression(factory)) return;
    const body = ts.isBlock(factory.body) ? singleReturn(factory.body) : factory.body;
    const walk = (e: ts.Expression | undefined, key: string): void => {
      const x = e ? skipOuter(e) : undefined;
      if (!x) return;
      if (ts.isObjectLiteralExpression(x)) {
        for (const p of x.properties)
          if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) walk(p.initializer, `${key}.${p.name.text}`);
          else if (ts.isShorthandPropertyAssignment(p)) walk(p.name, `${key}.${p.name.text}`);
        return;
      }
      // A literal, `process.env.X || 'literal'`, or a local constant holding one (`globalPrefix,` of `const globalPrefix = env('X', 'api')`).
      const text = ts.isStringLiteralLike(x) ? x.text : (envDefault(x, this.sf) ?? literalOf(this.evaluate(x)));
      if (text !== undefined) (this.out.configDefaults ??= {})[key] = text;
    };
    walk(body, ns);
  }

  /** A declaration seen but not understood: data, rendered in the reader's language (core/scanTexts.ts). */
  private warn(node: ts.Node, message: ScanMessage): void {
    this.out.warnings.push({ ...message, line: this.line(node) });
  }

  /**
   * A mount prefix this scan cannot know (`process.env.API_PREFIX`, `basePath()`): the segment
   * UNKNOWN_PREFIX, so its routes are shown and never probed at a guessed path; warned once per
   * expression. A template keeps its known parts (`${base}/v1` -> `/…/v1`).
   */
  private unknownPrefix(node: ts.Expression, at: ts.Node = node): StrValue {
    // At the mount call's line, where collect.ts finds the mount (dropEmptyUnknownMounts).
    if (!this.unknownPrefixes.has(node)) this.warn(at, { id: 'mountPrefix', args: [codeText(node, this.sf)] });
    this.unknownPrefixes.add(node);
    const e = skipOuter(node);
    if (!ts.isTemplateExpression(e)) return str(`/${UNKNOWN_PREFIX}`);
    const spans = e.templateSpans.map((span) => [literalOf(this.evaluate(span.expression)) ?? `/${UNKNOWN_PREFIX}/`, span.literal.text]);
    return str(joinRoutePath(e.head.text, ...spans.flat()));
  }

  // ---- declarations ------------------------------------------------------------------------

  private collectDeclarations(sf: ts.SourceFile): void {
    const visitDecl = (node: ts.Node): void => {
      if (isTypeOnly(node)) return;
      if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
        // Config defaults: `key: process.env.X || 'literal'` anywhere in the file.
        const d = envDefault(skipOuter(node.initializer), this.sf);
        if (d !== undefined) (this.out.configDefaults ??= {})[node.name.text] = d;
      }
      if (ts.isCallExpression(node)) namespaces.push(node);
      if (ts.isParameter(node)) {
        this.readParameterType(node);
        bindingNames(node.name, this.paramNames);
      }
      if (ts.isImportDeclaration(node)) this.readImport(node);
      else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
        const spec = node.moduleReference.expression;
        if (ts.isStringLiteral(spec)) this.addImport(node.name.text, 'default', spec.text);
      } else if (ts.isVariableDeclaration(node)) {
        this.readVariable(node);
      } else if (ts.isEnumDeclaration(node) || ts.isClassDeclaration(node) || ts.isFunctionDeclaration(node)) {
        if (node.name && !this.decls.has(node.name.text)) this.decls.set(node.name.text, node);
      }
      ts.forEachChild(node, visitDecl);
    };
    // registerAs factories read once every constant they may name is known.
    const namespaces: ts.CallExpression[] = [];
    visitDecl(sf);
    for (const call of namespaces) this.readConfigNamespace(call);
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
    if (!type || !ts.isIdentifier(node.name)) return;
    if (ts.isTypeReferenceNode(type)) {
      const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
      if (ROUTER_TYPE.test(name)) this.typedReceivers.add(node.name.text);
    } else if (ts.isTypeQueryNode(type) && ts.isIdentifier(type.exprName)) {
      const of = type.exprName.text;
      if (this.routers.has(of) || this.importedNames.has(of) || this.typeImportedNames.has(of)) this.typedReceivers.add(node.name.text);
    }
  }

  private readImport(node: ts.ImportDeclaration): void {
    const clause = node.importClause;
    if (clause && ts.isStringLiteral(node.moduleSpecifier)) {
      if (clause.isTypeOnly && clause.name) this.typeImportedNames.add(clause.name.text);
      const named = clause.namedBindings;
      if (named && ts.isNamedImports(named)) for (const el of named.elements) if (clause.isTypeOnly || el.isTypeOnly) this.typeImportedNames.add(el.name.text);
    }
    if (!clause || clause.isTypeOnly || !ts.isStringLiteral(node.moduleSpecifier)) return;
    const source = node.moduleSpecifier.text;
    if (clause.name) this.addImport(clause.name.text, 'default', source);
    const nb = clause.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) this.addImport(nb.name.text, '*', source);
    else if (nb) for (const el of nb.elements) if (!el.isTypeOnly) this.addImport(el.name.text, (el.propertyName ?? el.name).text, source);
  }

  private readVariable(node: ts.VariableDeclaration): void {
    const init = node.initializer ? skipOuter(node.initializer) : undefined;
    // const x = require('./x'), const { a, b: c } = require('./x'); loaded at run time:
    // const x = (await import('./x')).default, const { default: x } = await import('./x')
    const loaded = init && loadedModule(init);
    if (loaded !== undefined) {
      const req = loaded.source;
      if (ts.isIdentifier(node.name)) this.addImport(node.name.text, loaded.imported, req);
      else if (ts.isObjectBindingPattern(node.name) && !loaded.member)
        for (const el of node.name.elements)
          if (ts.isIdentifier(el.name)) this.addImport(el.name.text, el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text, req);
      return;
    }
    // `const route = require(path.join(__dirname, 'api', r))` in a loop over that folder's listing;
    // `const router = route.default || route`: the module itself.
    const each = init && ts.isIdentifier(node.name) ? (this.listedLoad(init) ?? this.interopDefault(init)) : undefined;
    if (each && ts.isIdentifier(node.name)) {
      this.addImport(node.name.text, each.imported, each.source);
      return;
    }
    // `const { port, globalPrefix } = configService.get('app')`: each name is that property of the value.
    if (ts.isObjectBindingPattern(node.name) && init) {
      for (const el of node.name.elements) if (ts.isIdentifier(el.name) && !el.dotDotDotToken && !this.decls.has(el.name.text)) this.decls.set(el.name.text, el);
      return;
    }
    if (!ts.isIdentifier(node.name) || !init) return;
    const name = this.ownName(node.name.text, node);
    if (!this.decls.has(name)) this.decls.set(name, init);
    const root = chainRoot(init);
    this.pendingPrefix = undefined;
    const factory = this.factoryPrefix(root);
    if (factory !== undefined) {
      this.factoryNames.set(root, name);
      // A router made here outranks a call of the same name read before it (see shadowsKnown).
      if (this.out.routerMakers) delete this.out.routerMakers[name];
      this.routers.set(name, joinRoutePath(factory, this.basePathOf(init, root)));
      if (this.pendingPrefix) this.routerPrefixValues.set(name, this.pendingPrefix);
      return;
    }
    const maker = this.routerMaker(root) ?? this.classMaker(root, name);
    if (maker !== undefined && !this.shadowsKnown(name)) {
      this.factoryNames.set(root, name);
      this.madeBy(name, maker, joinRoutePath(this.basePathOf(init, root)));
      return;
    }
    const aliased = this.aliasedRouter(init);
    if (aliased !== undefined && aliased !== node.name.text) {
      this.routerAliases.set(node.name.text, [...(this.routerAliases.get(node.name.text) ?? []), { of: aliased, fn: enclosingFunction(node) }]);
      return;
    }
    // Hono `const api = app.basePath('/api')`: another face of `app`, its paths under the base.
    const call = ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'basePath' ? init : undefined;
    const based = call && ts.isPropertyAccessExpression(call.expression) ? skipOuter(call.expression.expression) : undefined;
    if (call && based && ts.isIdentifier(based) && (this.routers.has(based.text) || CONVENTIONAL_RECEIVER.test(based.text))) {
      this.routers.set(name, joinRoutePath(this.routers.get(based.text) ?? '', literalOf(this.evaluate(call.arguments[0])) ?? ''));
      this.out.mounts.push({ prefix: '/', routerName: name, line: this.line(node), mountedOn: based.text });
    }
  }

  /**
   * The router a variable's initialiser names again: `router`, `router.use(a, b)`, `(router as X).use(a)`,
   * and a chain of registrations on it, which return the router itself (Hono, Express, koa-router):
   * `const guarded = base.post('/x', h).openapi(route, h)` after `base.use(auth)` is `base`, so
   * mounting `guarded` mounts `base`'s routes.
   */
  private aliasedRouter(init: ts.Expression): string | undefined {
    let cur = init;
    while (ts.isCallExpression(cur) && ts.isPropertyAccessExpression(cur.expression) && keepsSameRouter(cur)) cur = skipOuter(cur.expression.expression);
    return ts.isIdentifier(cur) && this.isReceiver(cur.text) ? cur.text : undefined;
  }

  /**
   * `require(path.join(__dirname, 'api', r))` / `await import(join(dir, d.name))` in a loop over a
   * folder listed at run time (listedEntry), the entry's name last: each file of that folder, the
   * listing (values.ts LISTED) standing for the module's source; collect.ts makes it one per file.
   */
  private listedLoad(init: ts.Expression): { source: string; imported: string } | undefined {
    const load = skipOuter(ts.isAwaitExpression(skipOuter(init)) ? (skipOuter(init) as ts.AwaitExpression).expression : init);
    const arg = isModuleLoad(load) && ts.isCallExpression(load) && load.arguments[0] ? skipOuter(load.arguments[0]) : undefined;
    const joinCall = arg && ts.isCallExpression(arg) && /(?:^|\.)(?:join|resolve)$/.test(arg.expression.getText()) ? arg : undefined;
    const pieces = arg && !joinCall ? concatPieces(arg) : undefined;
    const args = joinCall ? joinCall.arguments.map(skipOuter) : pieces && pieces.length > 1 ? pieces : undefined;
    const last = args?.[args.length - 1];
    const entry = last && typeof last !== 'string' && (ts.isIdentifier(last) ? this.loopEntry(last, ['name']) : ts.isPropertyAccessExpression(last) && last.name.text === 'name' && ts.isIdentifier(last.expression) ? this.loopEntry(last.expression, []) : undefined);
    if (!entry || !last || !args) return undefined;
    const text = (x: ts.Expression | string): string | undefined => (typeof x === 'string' ? x : x === last ? '\0' : literalOf(this.evaluate(x)));
    const first = args[0];
    const decl = first && typeof first !== 'string' && ts.isIdentifier(first) ? this.decls.get(first.text) : undefined;
    const base = decl && ts.isExpression(decl) ? dirnameJoin(skipOuter(decl), text) : undefined;
    const rest = args.slice(1).map(text);
    const sep = joinCall ? '/' : '';
    const joined = base !== undefined ? (rest.every((r): r is string => r !== undefined) ? [base, ...rest].join(sep) : undefined) : joinCall ? dirnameJoin(joinCall, text) : fromDirname(args, text);
    const [dir = ''] = entry.slice(LISTED.length).split('|');
    const same = joined !== undefined && posix.join('x', joined) === posix.join('x', dir, '\0');
    return same ? { source: entry, imported: ts.isCallExpression(load) && load.expression.kind === ts.SyntaxKind.ImportKeyword ? '*' : 'default' } : undefined;
  }

  /** The listing (LISTED local) a loop over a listed folder binds `id` to, when what it binds is that entry's `steps` (['name'] for a name, [] for a dirent). */
  private loopEntry(id: ts.Identifier, steps: string[]): string | undefined {
    for (let node: ts.Node = id; node.parent !== undefined; node = node.parent) {
      const loop = loopAt(node);
      const value = loop && loop.variable === id.text ? this.listedEntry(loop.list) : undefined;
      const ref = value?.kind === 'str' && typeof value.parts[0] === 'object' ? value.parts[0].ref : undefined;
      if (ref) return ref.path.slice(1).join('.') === steps.join('.') ? ref.local : undefined;
    }
    return undefined;
  }

  /** `mod.default || mod`, `mod.default ?? mod`, `mod.default` of a module loaded whole: that module's default export. */
  private interopDefault(init: ts.Expression): { source: string; imported: string } | undefined {
    const e = skipOuter(init);
    const left = ts.isBinaryExpression(e) && /^(?:\|\||\?\?)$/.test(e.operatorToken.getText()) ? skipOuter(e.left) : e;
    const right = ts.isBinaryExpression(e) ? skipOuter(e.right) : undefined;
    if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'default' || !ts.isIdentifier(left.expression)) return undefined;
    const mod = left.expression.text;
    if (right && !(ts.isIdentifier(right) && right.text === mod)) return undefined;
    const imp = this.out.imports.find((i) => i.local === mod && (i.imported === 'default' || i.imported === '*'));
    return imp && { source: imp.source, imported: 'default' };
  }

  /**
   * koa-router `router.prefix('/api')` on a router made here: every route of the router gets it,
   * those declared before the call too, so it is read before any route.
   */
  private readPrefixCalls(sf: ts.SourceFile): void {
    for (const st of sf.statements) {
      const e = ts.isExpressionStatement(st) ? skipOuter(st.expression) : undefined;
      if (!e || !ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== 'prefix' || !ts.isIdentifier(e.expression.expression)) continue;
      const router = e.expression.expression.text;
      const prefix = literalOf(this.evaluate(e.arguments[0]));
      if (!this.routers.has(router)) continue;
      if (prefix === undefined) this.warn(e, { id: 'routerPrefix', args: [router] });
      this.routers.set(router, joinRoutePath(this.routers.get(router) ?? '', prefix ?? UNKNOWN_PREFIX));
    }
  }

  /** A router made inline (`export default new Hono().basePath('/sync').get(...)`): its prefix with the chain's base paths. */
  private withChainBase(prefix: string, root: ts.Node): string {
    let top: ts.Node = root;
    while (ts.isPropertyAccessExpression(top.parent) && top.parent.expression === top && ts.isCallExpression(top.parent.parent) && top.parent.parent.expression === top.parent) top = top.parent.parent;
    const base = top === root ? '' : this.basePathOf(top as ts.Expression, root);
    return base === '' || base === '/' ? prefix : joinRoutePath(prefix, base);
  }

  /** Hono `new Hono().basePath('/api')`, koa-router `new Router().prefix('/api')`: the base paths along a chain, outermost last. */
  private basePathOf(init: ts.Expression, root: ts.Node): string {
    const parts: string[] = [];
    let cur: ts.Node = init;
    while (cur !== root && ts.isCallExpression(cur) && ts.isPropertyAccessExpression(cur.expression)) {
      // koa-router `new Router().prefix('/api')` sets the same kind of prefix.
      if (cur.expression.name.text === 'basePath' || cur.expression.name.text === 'prefix') parts.unshift(literalOf(this.evaluate(cur.arguments[0])) ?? '');
      cur = skipOuter(cur.expression.expression);
    }
    return joinRoutePath(...parts);
  }

  /**
   * `createApp()`, `apiModule()`: a call of a function declared here or imported, which may make
   * a router (`function createApp() { return new Hono() }`). Taken for one here; collect.ts keeps
   * it only when that function is found to make a router.
   */
  private routerMaker(node: ts.Node): string | undefined {
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || isModuleLoad(node)) return undefined;
    const fn = node.expression.text;
    const decl = this.decls.get(fn);
    return this.importedNames.has(fn) || (decl !== undefined && isFunctionLike(decl)) ? fn : undefined;
  }

  /**
   * `const router = new Dispatcher(...)` of a class declared here or imported from a file of the
   * project: 'new Dispatcher', a router when collect.ts finds the class among that file's
   * routerClasses. Only under a router's name: `const store = new Store()` is read as before.
   */
  private classMaker(node: ts.Node, name: string): string | undefined {
    if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || !CONVENTIONAL_RECEIVER.test(name)) return undefined;
    const cls = node.expression.text;
    const imported = this.out.imports.find((i) => i.local === cls);
    const decl = this.decls.get(cls);
    return imported?.source.startsWith('.') || (decl !== undefined && ts.isClassDeclaration(decl)) ? `new ${cls}` : undefined;
  }

  /**
   * Classes declared here that read like a router: a method named as an HTTP verb (`get`, `post`,
   * `del`...) taking a path and then a handler, named so (`handler`, `callback`, `fn`...) or typed
   * so (`RouteHandler`, a function type). An HTTP client's `get(url, config)` takes no handler.
   */
  private collectRouterClasses(): void {
    const handler = (p: ts.ParameterDeclaration): boolean =>
      (ts.isIdentifier(p.name) && HANDLER_PARAM.test(p.name.text)) ||
      (p.type !== undefined && (ts.isFunctionTypeNode(p.type) || (ts.isTypeReferenceNode(p.type) && HANDLER_TYPE.test(p.type.typeName.getText(this.sf)))));
    for (const [name, node] of this.decls) {
      if (!ts.isClassDeclaration(node)) continue;
      const verbs = node.members.filter((m) => ts.isMethodDeclaration(m) && ts.isIdentifier(m.name) && m.name.text in ROUTER_METHODS && m.parameters.slice(1).some(handler));
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
      if (!ts.isClassDeclaration(node) || !node.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword)) continue;
      const ctor = node.members.find(ts.isConstructorDeclaration);
      const call = ctor?.body?.statements.map((st) => (ts.isExpressionStatement(st) ? skipOuter(st.expression) : undefined)).find((e) => e !== undefined && ts.isCallExpression(e) && e.expression.kind === ts.SyntaxKind.SuperKeyword);
      const options = call && ts.isCallExpression(call) && call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
      const prefix = options && ts.isObjectLiteralExpression(options) ? this.prop(options, 'prefix') : undefined;
      if (!prefix || literalOf(this.evaluate(prefix)) !== undefined) continue;
      (this.out.unknownPrefixClasses ??= []).push(name);
      this.warn(prefix, { id: 'classPrefix', args: [name] });
    }
    this.collectClassInstances();
  }

  /** `const router = new SchemaRouter(...)` under a router's name that routes name: the class, imported or declared here. */
  private collectClassInstances(): void {
    for (const name of new Set(this.out.routes.map((r) => r.router))) {
      const init = name !== undefined ? this.decls.get(name) : undefined;
      if (name === undefined || !init || !ts.isNewExpression(init as ts.Node)) continue;
      const callee = (init as ts.NewExpression).expression;
      if (!ts.isIdentifier(callee) || !(this.importedNames.has(callee.text) || (this.decls.get(callee.text) !== undefined && ts.isClassDeclaration(this.decls.get(callee.text) as ts.Node)))) continue;
      (this.out.classInstances ??= {})[name] = callee.text;
    }
  }

  private madeBy(router: string, maker: string, prefix: string): void {
    this.routers.set(router, prefix);
    const last = router.slice(router.lastIndexOf('.') + 1);
    (this.out.routerMakers ??= {})[router] = { maker, byName: CONVENTIONAL_RECEIVER.test(last) };
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
  private madeHere(router: string): boolean {
    return this.routers.has(router) && this.out.routerMakers?.[router] === undefined;
  }

  /** Made here, or by `new` of a class of the project's own (a router if collect.ts confirms the class): its paths may be written without a leading slash. */
  private ownsRouter(router: string): boolean {
    return this.madeHere(router) || this.out.routerMakers?.[router]?.maker.startsWith('new ') === true;
  }

  /** The router prefix of a factory call (koa `new Router({ prefix })`, Hono `basePath`), '' for none; undefined when not a factory. */
  private factoryPrefix(node: ts.Node): string | undefined {
    if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
    const callee = calleeName(node.expression);
    if (!callee || !ROUTER_FACTORY.test(callee)) return undefined;
    const options = node.arguments?.[0];
    if (options && ts.isObjectLiteralExpression(skipOuter(options))) {
      const prefix = this.prop(skipOuter(options) as ts.ObjectLiteralExpression, 'prefix');
      const evaluated = prefix ? this.evaluate(prefix) : undefined;
      const value = literalOf(evaluated);
      if (value !== undefined) return joinRoutePath(value);
      if (evaluated && hasRefs(evaluated)) this.pendingPrefix = evaluated;
      else if (prefix && !evaluated) return literalOf(this.unknownPrefix(prefix as ts.Expression));
    }
    return '';
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
    for (const m of this.out.mounts) named.add(m.routerName).add(m.mountedOn ?? '');
    for (const name of Object.keys(makers)) if (!named.has(name)) delete makers[name];
    if (Object.keys(makers).length === 0) delete this.out.routerMakers;
  }

  /** Functions that return a router: one of this file by its name, or a fresh one (`return new Hono()`) as ''. */
  private collectRouterFactories(): void {
    for (const [name, node] of this.decls) {
      const fn = ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) ? node : undefined;
      const returned = fn && returnedIdentifier(fn);
      // `=> createInstance().basePath('/sync').get(...)`: the router made inline at the chain's root.
      const inline = fn && returnedExpression(fn);
      const madeInline = inline && this.factoryNames.get(chainRoot(inline));
      if (returned !== undefined && this.routers.has(returned)) this.out.routerFactories = { ...(this.out.routerFactories ?? {}), [name]: returned };
      else if (madeInline !== undefined) this.out.routerFactories = { ...(this.out.routerFactories ?? {}), [name]: madeInline };
      else if (fn && returnsFactory(fn, (e) => this.factoryPrefix(e) !== undefined)) this.out.routerFactories = { ...(this.out.routerFactories ?? {}), [name]: '' };
    }
  }

  /** The file's functions that build Nest decorators with applyDecorators: route ones and controller ones. */
  private collectDecoratorFactories(): void {
    for (const [name, node] of this.decls) {
      if (!ts.isFunctionDeclaration(node) && !ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) continue;
      const routes = this.decoratorRoutes(name, 0);
      if (routes) this.out.decoratorFactories = { ...(this.out.decoratorFactories ?? {}), [name]: routes };
      this.collectControllerFactory(name);
    }
  }

  /** A controller factory's path (controllerFactory), for the files that import it; `$0`... its parameters. */
  private collectControllerFactory(name: string): void {
    const factory = this.controllerFactory(name);
    if (!factory) return;
    let c: ReturnType<FileReader['controllerPath']>;
    this.withScope(factory.scope, () => (c = this.controllerPath(factory.call, factory.pathArg)));
    if (c) this.out.controllerFactories = { ...(this.out.controllerFactories ?? {}), [name]: c.paths };
  }

  private collectExports(): void {
    const constants: Record<string, ConstValue> = {};
    for (const [name, node] of this.decls) {
      if (ts.isFunctionDeclaration(node)) continue;
      const v = ts.isEnumDeclaration(node) ? this.enumValue(node) : ts.isClassDeclaration(node) ? this.classStatics(node, 0) : ts.isExpression(node) ? this.evaluate(node) : undefined;
      if (v && v.kind !== 'config') constants[name] = v;
    }
    if (Object.keys(constants).length > 0) this.out.constants = constants;
    this.collectEndpoints();
    this.collectDecoratorFactories();
    this.collectRouterParams();
    this.collectPlainFunctions();
    this.collectRouterFactories();
    this.collectRouterClasses();
    this.collectClassPrefixes();
    this.pruneRouterMakers();
    const prefixes: Record<string, ConstValue> = {};
    for (const [name, prefix] of this.routers) if (prefix !== '' && !name.startsWith('@')) prefixes[name] = str(prefix);
    for (const [name, value] of this.routerPrefixValues) prefixes[name] = value;
    if (Object.keys(prefixes).length > 0) this.out.routerPrefixes = prefixes;
    const autoPrefix = literalOf(constants['autoPrefix']) ?? this.moduleExportsProp('autoPrefix');
    if (autoPrefix !== undefined) this.out.autoPrefix = joinRoutePath(autoPrefix);
    // export default x / module.exports = x / export = x
    for (const st of this.sf.statements) {
      let expr: ts.Expression | undefined;
      if (ts.isExportAssignment(st)) expr = st.expression;
      else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const left = st.expression.left;
        if (ts.isPropertyAccessExpression(left) && left.name.text === 'exports' && ts.isIdentifier(left.expression) && left.expression.text === 'module')
          expr = st.expression.right;
      } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name && hasModifier(st, ts.SyntaxKind.DefaultKeyword)) {
        this.out.defaultExport = st.name.text;
      } else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause) && !st.moduleSpecifier) {
        this.exportList(st.exportClause);
      }
      const named = cjsNamedExport(st);
      if (named && ts.isIdentifier(named.value)) this.exportName(named.name, named.value.text);
      if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
        // Re-exports: `export { default as users } from './users'`, `export * from './x'`.
        const source = st.moduleSpecifier.text;
        if (!st.exportClause) this.out.imports.push({ local: '*reexport*', imported: '*', source });
        else if (ts.isNamedExports(st.exportClause))
          for (const el of st.exportClause.elements) this.out.imports.push({ local: `*reexport*${el.name.text}`, imported: (el.propertyName ?? el.name).text, source });
      }
      if (expr) {
        const e = skipOuter(expr);
        const root = chainRoot(e);
        const name = ts.isIdentifier(e) ? e.text : (this.factoryNames.get(root) ?? (ts.isFunctionLike(e) ? '*' : undefined));
        if (name) this.out.defaultExport = name;
        const req = requireSource(e);
        if (req !== undefined) this.out.imports.push({ local: '*reexport*default', imported: 'default', source: req });
        if (ts.isObjectLiteralExpression(e)) this.exportObjectMembers(e);
      }
    }
  }

  /** Constants holding a package's handler (`const trpcHandler = createExpressMiddleware({ router })`), for mounts in other files. */
  private collectEndpoints(): void {
    for (const [name, node] of this.decls) {
      const served = ts.isCallExpression(node) ? this.endpointServed(node) : undefined;
      if (served) (this.out.endpoints ??= {})[name] = served;
    }
  }

  /**
   * The parameters of this file's functions that routes or mounts are declared on
   * (`function usersRoutes(router) { router.get(...) }`): by position, '' for the others. The
   * default export, when it is a function expression, is listed as 'default'.
   */
  private collectRouterParams(): void {
    const used = new Set([
      ...this.out.routes.map((r) => r.router ?? ''),
      ...this.out.mounts.map((m) => m.mountedOn ?? ''),
      ...(this.out.helperCalls ?? []).flatMap((c) => c.routers.filter((r): r is string => r !== null)),
    ]);
    const params = (fn: ts.SignatureDeclarationBase): string[] | undefined => {
      const names = fn.parameters.flatMap((p) => {
        // `...[router, tenant]: Args` spreads its names over the positions.
        if (p.dotDotDotToken && ts.isArrayBindingPattern(p.name)) return p.name.elements.map((el) => (ts.isBindingElement(el) && ts.isIdentifier(el.name) ? el.name.text : ''));
        // `...args` read as `const [router, tenant] = args`, or handed on whole (`f(...args)`).
        if (p.dotDotDotToken && ts.isIdentifier(p.name)) return restNames(fn, p.name.text);
        return [ts.isIdentifier(p.name) ? p.name.text : ''];
      });
      const mine = names.map((n) => (used.has(n) ? n : ''));
      return mine.some((n) => n !== '') ? mine : undefined;
    };
    // `({ app, routes }: {...}) => ...`: the destructured names routes or mounts are declared on.
    const props = (fn: ts.SignatureDeclarationBase): Record<string, string> | undefined => {
      const found: Record<string, string> = {};
      fn.parameters.forEach((p, i) => {
        if (!ts.isObjectBindingPattern(p.name)) return;
        for (const el of p.name.elements) {
          const key = el.propertyName ?? el.name;
          if (ts.isIdentifier(el.name) && ts.isIdentifier(key) && used.has(el.name.text)) found[`${i}.${key.text}`] = el.name.text;
        }
      });
      return Object.keys(found).length > 0 ? found : undefined;
    };
    const out: Record<string, string[]> = {};
    for (const [name, node] of this.decls) {
      if (!ts.isFunctionDeclaration(node) && !ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) continue;
      const p = params(node);
      if (p) out[name] = p;
      const o = props(node);
      if (o) (this.out.routerParamProps ??= {})[name] = o;
    }
    for (const st of this.sf.statements) {
      const e = ts.isExportAssignment(st) ? st.expression : ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && /^module\.exports$/.test(st.expression.left.getText(this.sf)) ? st.expression.right : undefined;
      const fn = e ? skipOuter(e) : undefined;
      const p = fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? params(fn) : undefined;
      if (p) out['default'] = p;
    }
    if (Object.keys(out).length > 0) this.out.routerParams = out;
  }

  /** Top-level functions with no route or mount declared inside them (see ExtractedFile.plainFunctions). */
  private collectPlainFunctions(): void {
    const lines = [...this.out.routes.map((r) => r.line), ...this.out.mounts.map((m) => m.line), ...(this.out.autoloads ?? []).map((a) => a.line), ...(this.out.helperCalls ?? []).map((c) => c.line)];
    const plain: string[] = [];
    for (const [name, node] of this.decls) {
      if (!ts.isFunctionDeclaration(node) && !ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) continue;
      const start = this.line(node);
      const end = this.sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      if (!lines.some((l) => l >= start && l <= end)) plain.push(name);
    }
    if (plain.length > 0) this.out.plainFunctions = plain;
  }

  /**
   * `export default { users, posts: postsRouter }` / `module.exports = { api: apiRouter }`: each
   * property of an imported router re-exports its import; one of a local router names it.
   */
  private exportObjectMembers(o: ts.ObjectLiteralExpression): void {
    for (const p of o.properties) {
      const key = ts.isShorthandPropertyAssignment(p) ? p.name.text : ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) ? p.name.text : undefined;
      const value = ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) ? skipOuter(p.initializer) : undefined;
      if (key === undefined || !value || !ts.isIdentifier(value)) continue;
      const imp = this.out.imports.find((i) => i.local === value.text);
      if (imp) this.out.imports.push({ local: `*reexport*default.${key}`, imported: imp.imported, source: imp.source });
      else this.exportName(key, value.text);
    }
  }

  /**
   * Top-level objects holding imported names under path-like keys, `const routes = { 'api/items':
   * apiItems, '': defaultRoute }` or `export default { ... }`: possible mounts (ExtractedFile.keyedRouters).
   */
  private readKeyedRouters(): void {
    const objects = this.sf.statements.flatMap((st) =>
      ts.isVariableStatement(st) ? st.declarationList.declarations.map((d) => d.initializer) : ts.isExportAssignment(st) ? [st.expression] : [],
    );
    for (const o of objects) {
      const e = o && skipOuter(o);
      if (!e || !ts.isObjectLiteralExpression(e)) continue;
      for (const p of e.properties) {
        if (!ts.isPropertyAssignment(p) || !(ts.isStringLiteral(p.name) || ts.isIdentifier(p.name)) || !ROUTER_KEY.test(p.name.text)) continue;
        const value = skipOuter(p.initializer);
        if (ts.isIdentifier(value) && this.importedNames.has(value.text))
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

  private exportName(exported: string, local: string): void {
    (this.out.exportNames ??= {})[exported] = local;
  }

  /** `module.exports.x = 'lit'` / `exports.x = 'lit'`. */
  private moduleExportsProp(name: string): string | undefined {
    for (const st of this.sf.statements) {
      if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const left = st.expression.left;
      if (ts.isPropertyAccessExpression(left) && left.name.text === name && /^(?:module\.exports|exports)$/.test(left.expression.getText(this.sf)))
        return literalOf(this.evaluate(st.expression.right));
    }
    return undefined;
  }

  private enumValue(node: ts.EnumDeclaration): ConstValue {
    const props: Record<string, ConstValue> = {};
    for (const m of node.members) {
      const name = ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : undefined;
      if (!name || !m.initializer) continue;
      const v = this.evaluate(m.initializer);
      if (v) props[name] = v;
    }
    return { kind: 'obj', props };
  }

  // ---- evaluation ----------------------------------------------------------------------------

  private prop(obj: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
    for (const p of obj.properties) {
      const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
      if (name !== key) continue;
      if (ts.isPropertyAssignment(p)) return p.initializer;
      if (ts.isShorthandPropertyAssignment(p)) return p.name;
    }
    return undefined;
  }

  private lookup(name: string): ts.Expression | ConstValue | ts.Node | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const hit = this.scopes[i]?.get(name);
      if (hit) return hit;
    }
    return this.decls.get(name);
  }

  /** What an expression evaluates to, as far as paths need; undefined when unknown. */
  evaluate(node: ts.Node | undefined, depth = 0): ConstValue | undefined {
    if (!node || depth > 20 || this.evaluating.has(node)) return undefined;
    this.evaluating.add(node);
    try {
      return this.evaluateNode(node, depth + 1);
    } finally {
      this.evaluating.delete(node);
    }
  }

  private evaluateNode(raw: ts.Node, depth: number): ConstValue | undefined {
    const node = ts.isExpression(raw) ? skipOuter(raw) : raw;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return str(node.text);
    if (ts.isNumericLiteral(node)) return str(node.text);
    if (ts.isTemplateExpression(node)) return this.evaluateTemplate(node, depth);
    if (ts.isBinaryExpression(node)) return this.evaluateBinary(node, depth);
    if (ts.isConditionalExpression(node)) return this.evaluateConditional(node, depth);
    if (ts.isArrayLiteralExpression(node)) return this.evaluateArray(node, depth);
    if (ts.isObjectLiteralExpression(node)) return this.evaluateObject(node, depth);
    if (ts.isIdentifier(node)) return this.evaluateIdentifier(node, depth);
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      // `this.path` in a class-based router: the class field's initializer (`public path = '/users'`).
      const field = classField(node, node.name.text);
      return field ? this.evaluate(field, depth) : undefined;
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const key = ts.isPropertyAccessExpression(node) ? node.name.text : literalOf(this.evaluate(node.argumentExpression, depth));
      if (key === undefined) return undefined;
      const base = this.evaluate(node.expression, depth);
      return propOf(base, [key]);
    }
    if (ts.isCallExpression(node)) return this.evaluateCall(node, depth);
    if (ts.isEnumMember(node) && node.initializer) return this.evaluate(node.initializer, depth);
    return undefined;
  }

  private evaluateTemplate(node: ts.TemplateExpression, depth: number): ConstValue | undefined {
    let out: ConstValue | undefined = str(node.head.text);
    for (const span of node.templateSpans) {
      const v = this.evaluate(span.expression, depth);
      out = out && v ? concat(out, v) : undefined;
      out = out && concat(out, str(span.literal.text));
    }
    return out;
  }

  /**
   * `a === 'x' ? b : c`: the branch its test picks when both sides are known; on a constructor's
   * parameter (`mode === 'global' ? '' : '/:projectId'`) both, each instance picking one.
   */
  private evaluateConditional(node: ts.ConditionalExpression, depth: number): ConstValue | undefined {
    const test = skipOuter(node.condition);
    if (!ts.isBinaryExpression(test)) return undefined;
    const op = test.operatorToken.kind;
    const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    if (!equal && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
    const [left, right] = [this.evaluate(test.left, depth), this.evaluate(test.right, depth)];
    const [whenTrue, whenFalse] = [this.evaluate(node.whenTrue, depth), this.evaluate(node.whenFalse, depth)];
    if (!left || !right || !whenTrue || !whenFalse) return undefined;
    const [then, otherwise] = equal ? [whenTrue, whenFalse] : [whenFalse, whenTrue];
    const [l, r] = [literalOf(left), literalOf(right)];
    if (l !== undefined && r !== undefined) return l === r ? then : otherwise;
    const param = hasParams(left) && r !== undefined ? left : hasParams(right) && l !== undefined ? right : undefined;
    const ref = param?.kind === 'str' && param.parts.length === 1 ? param.parts[0] : undefined;
    const equals = l ?? r;
    return typeof ref === 'object' && equals !== undefined ? { kind: 'cond', param: ref.ref.local, equals, then, otherwise } : undefined;
  }

  private evaluateBinary(node: ts.BinaryExpression, depth: number): ConstValue | undefined {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) {
      const a = this.evaluate(node.left, depth);
      const b = this.evaluate(node.right, depth);
      return a && b ? concat(a, b) : undefined;
    }
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      const d = envDefault(node, this.sf);
      if (d !== undefined) return str(d);
      const left = this.evaluate(node.left, depth);
      // `route.version ?? 'v1'` over the elements of an imported list: the literal where an element has none.
      const ref = left?.kind === 'str' && left.parts.length === 1 && typeof left.parts[0] === 'object' ? left.parts[0].ref : undefined;
      const fallback = ref?.path.includes(EACH) ? literalOf(this.evaluate(node.right, depth)) : undefined;
      if (ref && fallback !== undefined) return str({ ref: { ...ref, fallback } });
      return left ?? this.evaluate(node.right, depth);
    }
    return undefined;
  }

  private evaluateArray(node: ts.ArrayLiteralExpression, depth: number): ConstValue | undefined {
    const items: ConstValue[] = [];
    for (const el of node.elements) {
      const v = this.evaluate(el, depth);
      if (!v) return undefined;
      items.push(v);
    }
    return { kind: 'arr', items };
  }

  private evaluateObject(node: ts.ObjectLiteralExpression, depth: number): ConstValue {
    const props: Record<string, ConstValue> = {};
    for (const p of node.properties) {
      const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
      if (!name) continue;
      let v: ConstValue | undefined;
      if (ts.isPropertyAssignment(p)) v = this.evaluate(p.initializer, depth);
      else if (ts.isShorthandPropertyAssignment(p)) v = this.evaluate(p.name, depth);
      else if (ts.isGetAccessorDeclaration(p) || ts.isMethodDeclaration(p)) v = this.evaluate(singleReturn(p.body), depth);
      if (v) props[name] = v;
    }
    return { kind: 'obj', props };
  }

  private evaluateIdentifier(node: ts.Identifier, depth: number): ConstValue | undefined {
    const hit = this.lookup(node.text);
    if (hit && 'kind' in hit && typeof (hit as ConstValue).kind === 'string' && !('pos' in hit)) return hit as ConstValue;
    if (hit && ts.isEnumDeclaration(hit as ts.Node)) return this.enumValue(hit as ts.EnumDeclaration);
    if (hit && ts.isClassDeclaration(hit as ts.Node)) return this.classStatics(hit as ts.ClassDeclaration, depth);
    if (hit && ts.isBindingElement(hit as ts.Node)) return this.destructured(hit as ts.BindingElement, depth);
    if (hit && ts.isExpression(hit as ts.Node)) return this.evaluate(hit as ts.Expression, depth);
    if (this.importedNames.has(node.text)) return str({ ref: { local: node.text, path: [] } });
    return this.evaluateParameter(node, depth);
  }

  /**
   * A parameter of the function around it: a constructor's, a reference each instance fills with
   * its argument (`new ContextController(config, services, 'project')`, collect.ts).
   */
  private evaluateParameter(node: ts.Identifier, depth: number): ConstValue | undefined {
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      const index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === node.text);
      if (index >= 0) return ts.isConstructorDeclaration(fn) ? this.constructorParam(fn, index, depth) : undefined;
    }
    return undefined;
  }

  /** A name of `const { a, b: c = 'x' } = value`: that property of the value, else its default. */
  private destructured(el: ts.BindingElement, depth: number): ConstValue | undefined {
    const decl = el.parent.parent;
    const key = el.propertyName ? (ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName) ? el.propertyName.text : undefined) : ts.isIdentifier(el.name) ? el.name.text : undefined;
    if (key === undefined || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    return propOf(this.evaluate(decl.initializer, depth), [key]) ?? this.evaluate(el.initializer, depth);
  }

  /** A constructor's parameter as a reference to its position; its default kept for instances made without it. */
  private constructorParam(ctor: ts.ConstructorDeclaration, index: number, depth: number): ConstValue | undefined {
    const router = enclosingClassRouter(ctor);
    if (router === undefined) return undefined;
    const defaults = ((this.out.constructorDefaults ??= {})[router] ??= []);
    while (defaults.length <= index) defaults.push(null);
    const initializer = ctor.parameters[index]?.initializer;
    defaults[index] = (initializer && this.evaluate(initializer, depth)) ?? null;
    return paramRef(index);
  }

  /** `class GoogleSSO { static LOGIN_URI = '/api/v1/google/login' }`: the static fields read as `GoogleSSO.LOGIN_URI`. */
  private classStatics(node: ts.ClassDeclaration, depth: number): ConstValue | undefined {
    const props: Record<string, ConstValue> = {};
    for (const m of node.members) {
      if (!ts.isPropertyDeclaration(m) || !m.initializer || !ts.isIdentifier(m.name) || !hasModifier(m, ts.SyntaxKind.StaticKeyword)) continue;
      const v = this.evaluate(m.initializer, depth);
      if (v) props[m.name.text] = v;
    }
    return Object.keys(props).length > 0 ? { kind: 'obj', props } : undefined;
  }

  /**
   * What a loop over a listed folder makes of an entry's file name: `name.split('.')` (then an
   * index), `name.replace(/\.js$/, '')`, `path.basename(name, '.js')`, `path.parse(name).name`.
   */
  private listedName(node: ts.CallExpression, depth: number): ConstValue | undefined {
    const callee = skipOuter(node.expression);
    const [first, second] = node.arguments.map(skipOuter);
    const entryName = (e: ts.Expression | undefined): ConstValue | undefined => {
      const v = e && this.evaluate(e, depth);
      const ref = v?.kind === 'str' && v.parts.length === 1 && typeof v.parts[0] === 'object' ? v.parts[0].ref : undefined;
      return ref?.local.startsWith(LISTED) && ref.path[ref.path.length - 1] === 'name' ? v : undefined;
    };
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const base = /^(?:split|replace)$/.test(method) ? entryName(callee.expression) : undefined;
      if (base && method === 'split' && first && ts.isStringLiteralLike(first)) return propOf(base, [`*split*${first.text}`]);
      if (base && method === 'replace' && first && ts.isRegularExpressionLiteral(first) && /^\/\\\..*\$\/$/.test(first.text) && second && literalOf(this.evaluate(second, depth)) === '') return propOf(base, ['*stem*']);
      const named = method === 'basename' ? entryName(first) : undefined;
      const ext = second && ts.isStringLiteralLike(second) ? second.text : undefined;
      if (named) return ext === undefined ? named : propOf(named, [`*strip*${ext}`]);
    }
    return undefined;
  }

  private evaluateCall(node: ts.CallExpression, depth: number): ConstValue | undefined {
    // configService.get('app.apiPrefix', ...) / config.get<string>('API_PREFIX')
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && /^(?:get|getOrThrow)$/.test(callee.name.text)) {
      const key = literalOf(this.evaluate(node.arguments[0], depth));
      if (key !== undefined) {
        const fallback = literalOf(this.evaluate(node.arguments[1], depth));
        return fallback !== undefined ? str(fallback) : { kind: 'config', key };
      }
    }
    // `env('GLOBAL_PREFIX', 'api')`, `getEnv('PREFIX', '/v1')`: an environment helper's default.
    const envHelper = calleeName(callee);
    const [name, fallback] = node.arguments.map(skipOuter);
    if (envHelper && /env$/i.test(envHelper) && name && ts.isStringLiteralLike(name) && ENV_NAME.test(name.text) && fallback) {
      const d = literalOf(this.evaluate(fallback, depth));
      if (d !== undefined) return str(d);
    }
    // `this.docsPath()`: what a method of the class without parameters returns.
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && node.arguments.length === 0) {
      const method = classMethod(node, callee.name.text);
      return method && method.parameters.length === 0 ? this.evaluate(returnedExpression(method), depth) : undefined;
    }
    const listed = this.listedName(node, depth);
    if (listed) return listed;
    // String(x), Object.freeze({...}), @hono/zod-openapi createRoute({...}): the argument itself.
    if (IDENTITY_CALL.test(calleeName(callee) ?? '')) return this.evaluate(node.arguments[0], depth);
    const fn = skipOuter(callee);
    // A route definition made by a curried factory, `createApiRequestHandler(spec)(handler)`: its spec.
    if (ts.isCallExpression(fn) && ts.isIdentifier(skipOuter(fn.expression)) && fn.arguments.length === 1) return this.evaluate(fn.arguments[0], depth);
    // An immediately invoked function: what it returns, `(function () { ...; return { ... } })()`.
    if ((ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) && node.arguments.length === 0) {
      if (!ts.isBlock(fn.body)) return this.evaluate(fn.body, depth);
      const last = fn.body.statements[fn.body.statements.length - 1];
      return last && ts.isReturnStatement(last) ? this.evaluate(last.expression, depth) : undefined;
    }
    return undefined;
  }

  // ---- routes ----------------------------------------------------------------------------------

  private visit(node: ts.Node): void {
    if (this.handled.has(node) || isTypeOnly(node)) return;
    if (ts.isClassDeclaration(node)) {
      this.readNestClass(node);
      this.readMountMethods(node);
    }
    if (ts.isCallExpression(node)) {
      if (this.readForEach(node)) return;
      this.readCall(node);
      this.readListen(node);
      const pattern = isModuleLoad(node) ? globLoaded(node) : undefined;
      if (pattern !== undefined) this.warn(node, { id: 'globLoad', args: [pattern] });
    }
    if (ts.isForOfStatement(node) && this.readForOf(node)) return;
    if (ts.isVariableDeclaration(node) && node.initializer && this.isExportedRoutesTree(node)) this.readRouterTree(node.initializer);
    if (ts.isIfStatement(node)) {
      // A branch a constant condition never takes registers nothing (`if (ENABLE_X)` with `const ENABLE_X = false`).
      const taken = constantCondition(node.expression, (this.flags ??= constantFlags(this.sf)));
      if (taken !== undefined) {
        const branch = taken ? node.thenStatement : node.elseStatement;
        if (branch) this.visit(branch);
        return;
      }
    }
    // Inline fastify plugins: register(async (f) => { f.get(...) }, { prefix })
    ts.forEachChild(node, (child) => this.visit(child));
  }

  /** `routes.forEach((r) => router.use(r.path, r.route))` over a literal array: once per element. */
  private readForEach(call: ts.CallExpression): boolean {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'forEach' && callee.name.text !== 'map')) return false;
    const fn = call.arguments[0];
    if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
    const param = fn.parameters[0];
    if (!param || !ts.isIdentifier(param.name)) return false;
    return this.readLoop(callee.expression, param.name.text, fn.body);
  }

  private readForOf(node: ts.ForOfStatement): boolean {
    const decl = ts.isVariableDeclarationList(node.initializer) ? node.initializer.declarations[0] : undefined;
    if (!decl || !ts.isIdentifier(decl.name)) return false;
    return this.readLoop(node.expression, decl.name.text, node.statement);
  }

  /**
   * A loop body read once per element of a literal array; over an imported array, once with the
   * variable standing for each element (collect.ts expands it when it resolves the import).
   */
  private readLoop(list: ts.Expression, variable: string, body: ts.Node): boolean {
    const arr = this.arrayElements(list);
    if (arr) {
      for (const el of arr) {
        // `[...featureRoutes, ...metricRoutes]`: each spread list's elements, as over that list.
        const each = (ts.isSpreadElement(el) ? this.eachOf(el.expression) : undefined) ?? el;
        this.withScope(new Map([[variable, each]]), () => this.visit(body));
      }
      return true;
    }
    const each = this.eachOf(list) ?? this.listedEntry(list);
    if (!each) return false;
    this.withScope(new Map([[variable, each]]), () => this.visit(body));
    return true;
  }

  /** Each element of an imported array, as one value collect.ts expands when it resolves the import. */
  private eachOf(list: ts.Expression): ConstValue | undefined {
    const imported = this.evaluate(list);
    const ref = imported?.kind === 'str' && imported.parts.length === 1 && typeof imported.parts[0] === 'object' ? imported.parts[0].ref : undefined;
    return ref && str({ ref: { local: ref.local, path: [...ref.path, EACH] } });
  }

  /**
   * Each entry of a folder listed at run time, `fs.readdirSync(dir, { withFileTypes: true })` (a
   * dirent, its file name `.name`) or `readdirSync(dir)` (the name), through `.filter(...)` calls
   * whose `endsWith('.js')` keep those names only: one value collect.ts expands from the tree's files.
   */
  private listedEntry(list: ts.Expression): ConstValue | undefined {
    let e = skipOuter(list);
    const endings: string[] = [];
    while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'filter') {
      const keep = e.arguments[0];
      if (keep) endings.push(...endsWithLiterals(keep));
      e = skipOuter(e.expression.expression);
    }
    if (!ts.isCallExpression(e) || !/(?:^|\.)readdirSync$/.test(e.expression.getText())) return undefined;
    const arg = e.arguments[0] ? skipOuter(e.arguments[0]) : undefined;
    const dirNode = arg && ts.isIdentifier(arg) && !this.scopes.some((sc) => sc.has(arg.text)) ? this.decls.get(arg.text) : arg;
    const dir = dirNode && ts.isExpression(dirNode) ? dirnameJoin(skipOuter(dirNode), (x) => literalOf(this.evaluate(x))) : undefined;
    if (dir === undefined) return undefined;
    const options = e.arguments[1] ? skipOuter(e.arguments[1]) : undefined;
    const types = options && ts.isObjectLiteralExpression(options) ? this.prop(options, 'withFileTypes') : undefined;
    const dirents = types !== undefined && skipOuter(types).kind === ts.SyntaxKind.TrueKeyword;
    return str({ ref: { local: `${LISTED}${dir}|${endings.join(',')}`, path: dirents ? [EACH] : [EACH, 'name'] } });
  }

  private arrayElements(expr: ts.Expression, depth = 0): ts.Expression[] | undefined {
    let e: ts.Node | undefined = skipOuter(expr);
    if (ts.isIdentifier(e)) e = this.decls.get(e.text);
    // `for (const router of createRouters(tenant))`: what a function of this file returns, an
    // array literal of its routers, is what the loop runs over.
    if (e && ts.isCallExpression(e) && ts.isIdentifier(skipOuter(e.expression)) && depth < 2) {
      const fn = this.decls.get((skipOuter(e.expression) as ts.Identifier).text);
      const body = fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn)) ? fn.body : undefined;
      const returned = body === undefined ? undefined : ts.isBlock(body) ? lastReturn(body) : body;
      return returned ? this.arrayElements(returned, depth + 1) : undefined;
    }
    return e && ts.isArrayLiteralExpression(e) ? [...e.elements] : undefined;
  }

  private withScope(scope: Scope, fn: () => void): void {
    this.scopes.push(scope);
    try {
      fn();
    } finally {
      this.scopes.pop();
    }
  }

  /** The router a name stands for: what a scope binds it to, the router it renames, or itself. */
  private identifierReceiver(e: ts.Identifier): string | undefined {
    const bound = this.lookup(e.text);
    // `[source].forEach((source) => ...)`: a parameter bound to an element of its own name is
    // that outer name, not a loop back to itself.
    const scoped = bound && ts.isExpression(bound as ts.Node) && this.scopes.some((s) => s.has(e.text)) ? (bound as ts.Expression) : undefined;
    const alias = !scoped && e.parent ? this.routerAliases.get(e.text)?.find((a) => a.fn === enclosingFunction(e)) : undefined;
    const next = scoped ?? (alias ? ts.factory.createIdentifier(alias.of) : undefined);
    if (next && !this.resolving.has(e.text)) {
      this.resolving.add(e.text);
      try {
        return this.receiverOf(next);
      } finally {
        this.resolving.delete(e.text);
      }
    }
    return e.parent ? this.ownName(e.text, e) : e.text;
  }

  /** The router an expression stands for: a variable, a factory chain, `x.routes()`, `this.router`. */
  private receiverOf(expr: ts.Expression): string | undefined {
    const e = skipOuter(expr);
    if (ts.isIdentifier(e)) return this.identifierReceiver(e);
    if (e.kind === ts.SyntaxKind.ThisKeyword) return subclassRouter(e) ?? 'this';
    // `this.app.use(...)` in a subclass of a controller base: the base's router, the class itself.
    if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword && !classField(e, e.name.text)) {
      const own = subclassRouter(e);
      if (own !== undefined) return own;
      // `this.router = express()` in the class: its instances are mounted as `new ApiRouter().router`.
      const made = thisAssigned(e, e.name.text);
      if (made !== undefined && this.factoryPrefix(made) !== undefined) return enclosingClassRouter(e);
    }
    if (ts.isPropertyAccessExpression(e)) {
      // route.router where `route` is an element of a literal array being iterated
      const bound = ts.isIdentifier(e.expression) && this.scopes.some((s) => s.has((e.expression as ts.Identifier).text)) ? this.lookup(e.expression.text) : undefined;
      if (bound && ts.isObjectLiteralExpression(bound as ts.Node)) {
        const inner = this.prop(bound as ts.ObjectLiteralExpression, e.name.text);
        return inner ? this.receiverOf(inner) : undefined;
      }
      const base = this.receiverOf(e.expression);
      return base === undefined ? undefined : `${base}.${e.name.text}`;
    }
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
      const named = this.factoryNames.get(e);
      if (named) return named;
      const prefix = this.factoryPrefix(e);
      if (prefix !== undefined) {
        const name = `@${this.line(e)}:${e.getStart(this.sf)}`;
        this.factoryNames.set(e, name);
        this.routers.set(name, this.withChainBase(prefix, e));
        return name;
      }
      const maker = this.routerMaker(e);
      if (maker !== undefined) {
        const name = `@${this.line(e)}:${e.getStart(this.sf)}`;
        this.factoryNames.set(e, name);
        this.madeBy(name, maker, this.withChainBase('', e));
        return name;
      }
      const callee = e.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const m = callee.name.text;
        // Chains return their router: router.get(...).post(...), Router().use(...), app.basePath('/x')
        if (m in ROUTER_METHODS || CHAIN_KEEPS_ROUTER.has(m)) {
          const root = chainRoot(e);
          const named2 = this.factoryNames.get(root);
          if (named2) return named2;
          return this.receiverOf(callee.expression);
        }
      }
    }
    return undefined;
  }

  private isReceiver(name: string): boolean {
    if (this.routers.has(name) || name.startsWith(CLASS_ROUTER)) return true;
    const last = name.slice(name.lastIndexOf('.') + 1);
    return CONVENTIONAL_RECEIVER.test(last) || this.importedNames.has(name) || this.typedReceivers.has(name);
  }

  /**
   * An HTTP client's request, not a route: `await api.post('/x', data)`, `client.get('/y').then(...)`,
   * `() => http.get('/z')`. Only asked of receivers known by name alone (imported, conventional),
   * never of a router this file created. A registration is a statement and passes a handler; a
   * request's answer is used and it passes data. A receiver imported from an HTTP client package
   * (axios, ky, got...) or made by one (`axios.create()`) is a client whatever the call looks like.
   */
  private isClientCall(call: ts.CallExpression, router: string): boolean {
    const root = router.split('.')[0] ?? router;
    const source = this.clientSourceOf(root);
    if (source !== undefined && HTTP_CLIENT_PACKAGE.test(source)) return true;
    if (call.arguments.slice(1).some((a) => isFunctionLike(skipOuter(a)))) return false;
    return isValueUsed(call);
  }

  /** The package a name comes from: its import, or the import behind `const api = axios.create()`. */
  private clientSourceOf(name: string, depth = 0): string | undefined {
    const imported = this.out.imports.find((i) => i.local === name)?.source;
    if (imported !== undefined || depth > 3) return imported;
    const init = this.decls.get(name);
    if (!init || !ts.isExpression(init as ts.Node)) return undefined;
    let cur: ts.Node = skipOuter(init as ts.Expression);
    while (ts.isCallExpression(cur) || ts.isNewExpression(cur) || ts.isPropertyAccessExpression(cur)) cur = skipOuter(cur.expression);
    return ts.isIdentifier(cur) && cur.text !== name ? this.clientSourceOf(cur.text, depth + 1) : undefined;
  }

  private addRoute(router: string, method: HttpMethod, value: ConstValue, node: ts.Node): void {
    const prefix = this.routers.get(router) ?? '';
    const line = this.line(node);
    const paths = literalsOf(value);
    const deferredPrefix = this.routerPrefixValues.get(router);
    if (deferredPrefix?.kind === 'str' && paths) {
      for (const p of paths) this.out.routes.push({ method, path: '/', pathValue: str(...deferredPrefix.parts, '/', p), line, kind: 'router', router });
      return;
    }
    if (paths) {
      for (const p of paths.flatMap(expandOptionalGroups))
        if (isRoutePath(p) || isRelativeKoaPath(p, this.ownsRouter(router)))
          this.out.routes.push({ method, path: joinRoutePath(prefix, p), line, kind: 'router', router, ...(!isRoutePath(p) && joinRoutePath(prefix) === '/' ? { relative: true as const } : {}) });
      return;
    }
    const items = value.kind === 'arr' ? value.items : [value];
    for (const v of items) {
      if (v.kind !== 'str' && v.kind !== 'config' && v.kind !== 'cond') continue;
      const pathValue = prefix && v.kind !== 'config' ? (concat(str(prefix, '/'), v) ?? v) : v;
      this.out.routes.push({ method, path: '/', pathValue, line, kind: 'router', router });
    }
  }

  private readCall(call: ts.CallExpression): void {
    const callee = call.expression;
    if (ts.isElementAccessExpression(callee)) return this.readComputedMethod(call, callee);
    if (this.readHelperCall(call)) return;
    if (!ts.isPropertyAccessExpression(callee)) return this.readRouterPassed(call);
    const name = callee.name.text;
    if (name === 'setGlobalPrefix') return this.readGlobalPrefix(call);
    if (name === 'enableVersioning') return this.readVersioning(call);
    if (name === 'register' && ts.isIdentifier(callee.expression) && this.isNestRouterModule(callee.expression.text)) return this.readRouterModule(call);
    if ((name === 'forRoot' || name === 'forRootAsync') && ts.isIdentifier(callee.expression) && callee.expression.text === 'GraphQLModule') return this.readNestGraphQL(call);
    if (name === 'applyMiddleware') return this.readApplyMiddleware(call);
    const method = ROUTER_METHODS[name];
    if (this.readModulePassed(call, callee)) return;
    if (!method && name !== 'route' && name !== 'use' && name !== 'register' && name !== 'on' && name !== 'mount' && !(name in OPENAPI_CALLS)) {
      if (this.readSpecMount(call, callee)) return;
      if (this.readMethodFirst(call, callee)) return;
      return this.readPendingClassMount(call, callee);
    }
    // `.get()` on `router.route('/x')`: a link of the chain readRouteCall reads.
    if (method && isRouteChainLink(callee.expression)) return;
    const router = this.receiverOf(callee.expression);
    if (!router || !this.isReceiver(router)) return;
    // `_.get(obj, 'a.b')`: lodash, underscore, ramda... are never a router, whatever they are called.
    if (!this.routers.has(router) && UTILITY_PACKAGE.test(this.clientSourceOf(router.split('.')[0] ?? router) ?? '')) return;
    if (method && !this.routers.has(router) && this.isClientCall(call, router)) return;
    if (method && this.out.routerMakers?.[router] !== undefined && this.isClientCall(call, router)) {
      // On a router made by a call: a client's request unless collect.ts finds that call makes a router.
      const before = this.out.routes.length;
      this.readRouterCall(call, router, method, name, callee.name);
      for (const r of this.out.routes.slice(before)) r.clientLike = true;
      return;
    }
    if (method) return this.readRouterCall(call, router, method, name, callee.name);
    if (name === 'register' && this.readKoaRegister(call, router)) return;
    if (name === 'mount') return this.readHonoMount(call, router, callee.name);
    // Hono: app.route('/book', book) mounts a sub-app.
    if (name === 'route' && call.arguments.length >= 2) return this.readMount(call, router, 'use', true);
    if (name === 'route') return this.readRouteCall(call, router);
    if (name === 'on') return this.readHonoOn(call, router);
    if (name === 'openapi') return this.readOpenApiRoute(call, router);
    if (name in OPENAPI_CALLS) return this.readOpenApiDoc(call, router);
    return this.readMount(call, router, name);
  }

  /** `router[method]('/x', h)`: the method from a literal (or a literal array being iterated); else a warning. */
  private readComputedMethod(call: ts.CallExpression, callee: ts.ElementAccessExpression): void {
    const router = this.receiverOf(callee.expression);
    if (!router || !(this.routers.has(router) || CONVENTIONAL_RECEIVER.test(router)) || call.arguments.length < 2) return;
    const keyValue = this.evaluate(callee.argumentExpression);
    const key = literalOf(keyValue);
    const method = key !== undefined ? ROUTER_METHODS[key] : undefined;
    if (method) return this.readRouterCall(call, router, method, key ?? '', callee.argumentExpression);
    // `allRoutes.forEach((r) => router[r.method](r.path, r.handler))` over an imported list: the
    // method of each element, paired with its path by collect.ts.
    const path = this.evaluate(call.arguments[0]);
    if (keyValue?.kind === 'str' && hasEach(keyValue) && path?.kind === 'str') {
      const prefix = this.routers.get(router) ?? '';
      this.out.routes.push({ method: 'ALL', methodValue: keyValue, path: '/', pathValue: str(prefix, '/', ...path.parts), line: this.line(call), kind: 'router', router });
      return;
    }
    // In a route helper's own body the method is its parameter: its call sites name it (expandRouteHelper).
    if (this.expanding.length === 0 && this.inRouteHelper(call)) return;
    if (key === undefined) this.warn(call, { id: 'methodKey', args: [router, callee.argumentExpression.getText(this.sf)] });
  }

  /**
   * Route helpers: functions of this file whose routes take the method and path from their
   * parameters, `function route(method, path, ...handlers) { router[method](path, ...) }`, or
   * hand their parameters on to such a function (`apiRoute(method, path, h) { route(method, path,
   * [auth], h) }`). They are called with the values (`route(GET, '/login', [], login)`).
   */
  private findRouteHelpers(): void {
    const functions = [...this.decls.entries()].filter((e): e is [string, ts.FunctionDeclaration] => ts.isFunctionDeclaration(e[1]) && e[1].body !== undefined);
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, fn] of functions) {
        if (this.routeHelpers.has(name)) continue;
        const params = new Set(fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : '')).filter((n) => n !== ''));
        const isParam = (e: ts.Expression | undefined) => e !== undefined && ts.isIdentifier(skipOuter(e)) && params.has((skipOuter(e) as ts.Identifier).text);
        const declares = (node: ts.Node): boolean => {
          if (ts.isCallExpression(node)) {
            const c = skipOuter(node.expression);
            if (ts.isElementAccessExpression(c) && isParam(c.argumentExpression)) return true;
            if (ts.isIdentifier(c) && c.text !== name && this.routeHelpers.has(c.text) && node.arguments.some(isParam)) return true;
          }
          return ts.forEachChild(node, declares) ?? false;
        };
        if (fn.body && declares(fn.body)) {
          this.routeHelpers.set(name, fn);
          changed = true;
          this.recordHelperSignature(name, fn);
        }
      }
    }
  }

  /** `router[method](path, ...)` on three of its parameters: a helper other files can call (ExtractedFile.routeHelpers). */
  private recordHelperSignature(name: string, fn: ts.FunctionDeclaration): void {
    const at = (e: ts.Expression | undefined): number => {
      const x = e && skipOuter(e);
      return x && ts.isIdentifier(x) ? fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === x.text) : -1;
    };
    const find = (node: ts.Node): { router: number; method: number; path: number } | undefined => {
      if (ts.isCallExpression(node)) {
        const c = skipOuter(node.expression);
        if (ts.isElementAccessExpression(c)) {
          const sig = { router: at(c.expression), method: at(c.argumentExpression), path: at(node.arguments[0]) };
          if (sig.router >= 0 && sig.method >= 0 && sig.path >= 0) return sig;
        }
      }
      return ts.forEachChild(node, find);
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
  private findSpecMounters(): void {
    for (const [name, node] of this.decls) {
      if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node) && !ts.isFunctionDeclaration(node)) continue;
      const mounts: string[] = [];
      const walk = (n: ts.Node): void => {
        const init = ts.isPropertyAssignment(n) ? skipOuter(n.initializer) : undefined;
        const fn = ts.isMethodDeclaration(n) ? n : init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
        const key = ts.isMethodDeclaration(n) || ts.isPropertyAssignment(n) ? n.name : undefined;
        if (fn && key && ts.isIdentifier(key) && registersGivenConfig(fn)) {
          mounts.push(key.text);
          this.specMounterFns.add(fn);
        }
        ts.forEachChild(n, walk);
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
  private readSpecMount(call: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const target = skipOuter(callee.expression);
    if (!ts.isIdentifier(target) || this.importedNames.has(target.text) || call.arguments.length === 0) return false;
    let made = this.lookup(target.text);
    // `for (const ep of [listKeys, getKey]) ep.mountHttp(app)`: the loop variable names each value.
    for (let i = 0; i < 3 && made && ts.isIdentifier(made as ts.Node); i++) made = this.lookup((made as ts.Identifier).text);
    if (!made || !ts.isCallExpression(made as ts.Node)) return false;
    const router = call.arguments
      .map((a) => skipOuter(a))
      .map((a) => (ts.isIdentifier(a) ? this.receiverOf(a) : undefined))
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
    const fn = ts.isIdentifier(callee) && !this.out.specMounters?.[callee.text] ? this.decls.get(callee.text) : undefined;
    if (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn))) {
      const returned = returnedExpression(fn);
      if (!returned || !ts.isCallExpression(returned) || depth > 3) return undefined;
      const scope: Scope = new Map();
      fn.parameters.forEach((p, i) => {
        const v = this.evaluate(made.arguments[i]);
        if (v && ts.isIdentifier(p.name)) scope.set(p.name.text, v);
        else if (v && ts.isObjectBindingPattern(p.name))
          for (const el of p.name.elements) {
            const key = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : undefined;
            const pv = key === undefined ? undefined : propOf(v, [key]);
            if (pv && ts.isIdentifier(el.name)) scope.set(el.name.text, pv);
          }
      });
      let found: ReturnType<FileReader['specOf']>;
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
    while (ts.isCallExpression(c)) c = skipOuter(c.expression);
    const base = ts.isPropertyAccessExpression(c) ? skipOuter(c.expression) : undefined;
    if (ts.isPropertyAccessExpression(c)) return base && ts.isIdentifier(base) && this.importedNames.has(base.text) ? { factory: base.text, member: c.name.text } : undefined;
    if (!ts.isIdentifier(c)) return undefined;
    if (this.importedNames.has(c.text) || this.out.specMounters?.[c.text]) return { factory: c.text };
    const init = this.decls.get(c.text);
    return init && ts.isExpression(init) && ts.isCallExpression(skipOuter(init)) && depth < 4 ? this.factoryRoot((skipOuter(init) as ts.CallExpression).expression, depth + 1) : undefined;
  }

  /**
   * `eu.route(router, 'get', '/etapi/notes', h)`, `route(router, 'get', ...)` of an imported function:
   * recorded when it is given a router and an HTTP method literal (collect.ts decides whether it
   * is a route helper). True when recorded.
   */
  private readHelperCall(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    const root = ts.isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : callee;
    if (!ts.isIdentifier(root) || !this.importedNames.has(root.text) || this.routers.has(root.text) || CONVENTIONAL_RECEIVER.test(root.text)) return false;
    const routers = call.arguments.map((a) => {
      const x = skipOuter(a);
      const r = ts.isIdentifier(x) ? this.receiverOf(x) : undefined;
      return r !== undefined && r !== root.text && (this.routers.has(r) || CONVENTIONAL_RECEIVER.test(r) || this.typedReceivers.has(r)) ? r : null;
    });
    // Most calls of an imported function hand it no router: their arguments are not evaluated.
    if (!routers.some((r) => r !== null)) return false;
    const literals = call.arguments.map((a) => (ts.isSpreadElement(a) ? null : (literalOf(this.evaluate(a)) ?? null)));
    if (!literals.some((l) => l !== null && ROUTER_METHODS[l] !== undefined)) return false;
    const entry: NonNullable<ExtractedFile['helperCalls']>[number] = { helper: root.text, literals, routers, line: this.line(call) };
    if (ts.isPropertyAccessExpression(callee)) entry.member = callee.name.text;
    (this.out.helperCalls ??= []).push(entry);
    return true;
  }

  /**
   * `etapiNotes.register(router)`, `routes.register(app)`: a router made here handed to a function
   * of an imported module object, not a Fastify registration on it (that is called on the app and
   * given a plugin). Each such argument mounts that function's parameter (`etapiNotes.register#0`).
   */
  private readModulePassed(call: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const root = skipOuter(callee.expression);
    const name = callee.name.text;
    // `imported.use(apiRouter)` mounts on an imported router: a router's own calls are not this.
    if (name in ROUTER_METHODS || (CHAIN_KEEPS_ROUTER.has(name) && name !== 'register')) return false;
    if (!ts.isIdentifier(root) || !this.importedNames.has(root.text) || this.routers.has(root.text)) return false;
    const line = this.line(call);
    let passed = false;
    call.arguments.forEach((arg, i) => {
      const a = skipOuter(arg);
      const router = ts.isIdentifier(a) ? this.receiverOf(a) : undefined;
      if (router === undefined || !this.routers.has(router) || router === root.text) return;
      this.out.mounts.push({ prefix: '/', routerName: `${root.text}.${name}#${i}`, line, mountedOn: router });
      passed = true;
    });
    return passed;
  }

  private inRouteHelper(node: ts.Node): boolean {
    const fn = enclosingFunction(node);
    return fn !== undefined && ts.isFunctionDeclaration(fn) && fn.name !== undefined && this.routeHelpers.get(fn.name.text) === fn;
  }

  /**
   * A call of a route helper: its body read with its parameters bound to the call's values (a
   * router argument to that router), the routes it declares placed at the call.
   */
  private expandRouteHelper(call: ts.CallExpression, name: string, fn: ts.FunctionDeclaration): void {
    const scope: Scope = new Map();
    fn.parameters.forEach((p, i) => {
      const arg = call.arguments[i];
      if (!ts.isIdentifier(p.name) || !arg || ts.isSpreadElement(arg)) return;
      const router = this.receiverOf(arg);
      const value = router !== undefined && this.isReceiver(router) && this.routers.has(router) ? undefined : this.evaluate(arg);
      if (value) scope.set(p.name.text, value);
      else if (router !== undefined && this.routers.has(router)) scope.set(p.name.text, ts.factory.createIdentifier(router));
    });
    this.expanding.push({ name, line: this.expanding[0]?.line ?? this.line(call) });
    try {
      if (fn.body) this.withScope(scope, () => this.visit(fn.body as ts.Block));
    } finally {
      this.expanding.pop();
    }
  }

  /**
   * `usersRoutes(apiRouter)`, `require('./users')(app)`: a function that declares routes on the
   * router it is given. Each router argument is a mount of that function's parameter at its
   * position (`usersRoutes#0`), resolved by collect.ts against the function's file.
   */
  private readRouterPassed(call: ts.CallExpression): void {
    const callee = skipOuter(call.expression);
    const helper = ts.isIdentifier(callee) ? this.routeHelpers.get(callee.text) : undefined;
    if (helper && ts.isIdentifier(callee) && !this.expanding.some((e) => e.name === callee.text)) {
      // One helper handing on to another is read at the outer helper's call sites, not in its own body.
      if (this.expanding.length === 0 && this.inRouteHelper(call)) return;
      return this.expandRouteHelper(call, callee.text, helper);
    }
    const req = requireSource(callee);
    if (!ts.isIdentifier(callee) && req === undefined) return;
    const line = this.line(call);
    call.arguments.forEach((arg, i) => {
      // `adminUserBasicsRoutes(...args)`: the enclosing function's rest parameter handed on whole,
      // its first element (the router) at this position.
      if (ts.isSpreadElement(arg) && ts.isIdentifier(arg.expression) && ts.isIdentifier(callee)) {
        const rest = arg.expression.text;
        const fn = enclosingFunction(call);
        const param = fn?.parameters.find((p) => p.dotDotDotToken && ts.isIdentifier(p.name) && p.name.text === rest);
        const router = fn && param ? restNames(fn, rest)[0] : undefined;
        if (router && (this.importedNames.has(callee.text) || this.decls.has(callee.text))) this.out.mounts.push({ prefix: '/', routerName: `${callee.text}#${i}`, line, mountedOn: router });
        return;
      }
      const a = skipOuter(arg);
      // `registerMcp({ app, routes: protectedRoutes })`: each router the object carries, by its key.
      const carried = ts.isObjectLiteralExpression(a)
        ? a.properties.flatMap((p): [string, ts.Expression][] =>
            ts.isShorthandPropertyAssignment(p) ? [[`.${p.name.text}`, p.name]] : ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) ? [[`.${p.name.text}`, p.initializer]] : [],
          )
        : [['', a] as [string, ts.Expression]];
      for (const [key, value] of carried) {
        const v = skipOuter(value);
        if (!ts.isIdentifier(v)) continue;
        const router = this.receiverOf(v);
        if (router === undefined || !(this.routers.has(router) || CONVENTIONAL_RECEIVER.test(router))) continue;
        const fn = ts.isIdentifier(callee) ? callee.text : `require(${req ?? ''})`;
        if (req !== undefined) this.out.imports.push({ local: fn, imported: 'default', source: req });
        else if (!this.importedNames.has(fn) && !this.decls.has(fn)) return;
        this.out.mounts.push({ prefix: '/', routerName: `${fn}#${i}${key}`, line, mountedOn: router });
      }
    });
  }

  private readRouterCall(call: ts.CallExpression, router: string, method: HttpMethod, name: string, at: ts.Node): void {
    const args = call.arguments;
    // A route call has a handler; `router.get('/x')` alone is a lookup (app.get('env') too).
    if (args.length < 2) return;
    let value = this.evaluate(args[0]);
    // koa-router: router.get('name', '/path', handler)
    const second = args.length >= 3 ? this.evaluate(args[1]) : undefined;
    const firstText = literalOf(value);
    if (firstText !== undefined && !isRoutePath(firstText) && second && literalsOf(second)?.every(isRoutePath)) value = second;
    // `app.get(SomeService, { strict: false })`: a lookup (Nest DI, settings), not a route: a
    // route ends with its handler (Fastify's options object holds one).
    const last = args[args.length - 1];
    const lastNode = last ? skipOuter(last) : undefined;
    if (lastNode && ts.isObjectLiteralExpression(lastNode) && !this.prop(lastNode, 'handler') && literalOf(value) === undefined) return;
    if (!value) {
      if (!ts.isRegularExpressionLiteral(args[0] as ts.Node))
        this.warn(call, { id: 'routerPath', args: [router, name] });
      return;
    }
    const lits = literalsOf(value);
    if (lits && !lits.every((p) => isRoutePath(p) || (this.routers.get(router) ?? '') !== '' || isRelativeKoaPath(p, this.ownsRouter(router)))) return;
    // `app.options('*', cors())`: CORS preflight for every path, plumbing rather than a route of the app.
    if (method === 'OPTIONS' && lits?.every((p) => /^\/?(?:\*|\(\.\*\))$/.test(p))) return;
    this.addRoute(router, method, value, at);
  }

  /**
   * koa-router `router.register('*', ['get', 'post'], handler)`: a route for each method named.
   * Fastify's `register(plugin, opts)` takes no path first, so it is read as a mount instead.
   */
  private readKoaRegister(call: ts.CallExpression, router: string): boolean {
    const [path, methods] = call.arguments;
    if (call.arguments.length < 3 || !path || !methods) return false;
    const value = this.evaluate(path);
    const names = literalsOf(this.evaluate(methods))?.map((m) => m.toUpperCase());
    if (!value || literalsOf(value) === undefined || !names?.length || !names.every(isHttpMethod)) return false;
    for (const m of names) if (isHttpMethod(m)) this.addRoute(router, m, value, call);
    return true;
  }

  /** `router.route('/b').get(...).post(...)` and fastify `server.route({ method, url })`. */
  private readRouteCall(call: ts.CallExpression, router: string): void {
    const arg = call.arguments[0];
    if (!arg) return;
    const a = skipOuter(arg);
    if (ts.isObjectLiteralExpression(a)) {
      const methods = literalsOf(this.evaluate(this.prop(a, 'method')));
      const url = this.evaluate(this.prop(a, 'url') ?? this.prop(a, 'path'));
      if (!methods || !url) {
        this.warn(call, { id: 'routeOptions', args: [router] });
        return;
      }
      this.addOptionRoutes(router, methods, url, call);
      return;
    }
    const path = this.evaluate(a);
    if (!path) return;
    if (!chainsMethod(call) && this.readRouteOptionsValue(path, call, router)) return;
    // Walk up the chain: route('/x').get().post()
    let node: ts.Node = call;
    while (ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent)) {
      const m = ROUTER_METHODS[node.parent.name.text];
      if (!m) break;
      this.addRoute(router, m, path, node.parent.name);
      node = node.parent.parent;
    }
  }

  /**
   * Fastify `instance.route(getThing)` given route options held by a name: a constant of this file
   * (`{ method, url }`), or an imported one whose method and url collect.ts reads where it is declared.
   */
  private readRouteOptionsValue(options: ConstValue, call: ts.CallExpression, router: string): boolean {
    if (options.kind === 'obj') {
      const methods = literalsOf(propOf(options, ['method']));
      const url = propOf(options, ['url']) ?? propOf(options, ['path']);
      if (!methods || !url) return false;
      this.addOptionRoutes(router, methods, url, call);
      return true;
    }
    const ref = options.kind === 'str' && options.parts.length === 1 && typeof options.parts[0] === 'object' ? options.parts[0].ref : undefined;
    if (!ref) return false;
    const url = propOf(options, ['url']);
    if (url?.kind !== 'str') return false;
    const methodValue = propOf(options, ['method']);
    this.out.routes.push({ method: 'ALL', methodValue, path: '/', pathValue: str(this.routers.get(router) ?? '', '/', ...url.parts), line: this.line(call), kind: 'router', router });
    return true;
  }

  /** A route for each method of fastify route options (`'*'` is every method). */
  private addOptionRoutes(router: string, methods: string[], url: ConstValue, call: ts.CallExpression): void {
    for (const raw of methods) {
      const m = raw.toUpperCase() === '*' ? 'ALL' : raw.toUpperCase();
      if (isHttpMethod(m)) this.addRoute(router, m, url, call);
    }
  }

  /** Hono `app.mount('/x', handler)`: every method under the path. */
  private readHonoMount(call: ts.CallExpression, router: string, at: ts.Node): void {
    const path = literalOf(this.evaluate(call.arguments[0]));
    if (path === undefined || call.arguments.length < 2) return;
    this.addRoute(router, 'ALL', str(joinRoutePath(path, '*')), at);
  }

  /**
   * @hono/zod-openapi `app.openapi(createRoute({ method: 'get', path: '/tasks/{id}' }), handler)`:
   * the route config local, or an imported constant (`routes.list`) that collect.ts resolves.
   */
  private readOpenApiRoute(call: ts.CallExpression, router: string): void {
    // zod-to-openapi's schema metadata, `schema.openapi({ description })` or
    // `schema.openapi('RefId', {...})`: no handler, so no route and nothing to warn of.
    const first = call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
    if (call.arguments.length < 2 || !first || ts.isStringLiteralLike(first)) return;
    const config = this.evaluate(call.arguments[0]);
    // The line of `.openapi` itself: a chain of them starts on one line.
    const at = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call;
    if (!config) {
      // A spec mounter's own body: the configs it is given are read at its call sites (specMounts).
      if (this.specMounterFns.has(enclosingFunction(call) as ts.Node)) return;
      this.warn(call, { id: 'openapiConfig', args: [router] });
      return;
    }
    const method = literalOf(propOf(config, ['method']))?.toUpperCase();
    const path = propOf(config, ['path']);
    if (method !== undefined && isHttpMethod(method) && literalOf(path) !== undefined) return this.addRoute(router, method, str(openApiPathToRoute(literalOf(path) ?? '')), at);
    const methodValue = propOf(config, ['method']);
    if (config.kind === 'str' && hasRefs(config) && methodValue && path?.kind === 'str') {
      this.out.routes.push({ method: 'ALL', methodValue, path: '/', pathValue: str(this.routers.get(router) ?? '', '/', ...path.parts), line: this.line(at), kind: 'router', router });
      return;
    }
    this.warn(call, { id: 'openapiMethod', args: [router] });
  }

  /** @hono/zod-openapi `app.doc('/doc', {...})` / `app.doc31(...)`: the OpenAPI document, served on GET. */
  private readOpenApiDoc(call: ts.CallExpression, router: string): void {
    const path = literalOf(this.evaluate(call.arguments[0]));
    if (path !== undefined && isRoutePath(path) && call.arguments.length >= 2) this.addRoute(router, 'GET', str(path), ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call);
  }

  /** Hono `app.on('GET', '/x', h)` / `app.on(['GET', 'POST'], ['/a', '/b'], h)`. */
  private readHonoOn(call: ts.CallExpression, router: string): void {
    const methods = literalsOf(this.evaluate(call.arguments[0]));
    const paths = this.evaluate(call.arguments[1]);
    if (!methods || !paths || call.arguments.length < 3) return;
    for (const raw of methods) {
      const m = raw.toUpperCase();
      if (isHttpMethod(m)) this.addRoute(router, m, paths, call);
    }
  }

  /** `app.use('/p', mw, router)`, koa `router.use('/u', users.routes())`, `app.use(mount('/p', x))`, fastify `register(plugin, { prefix })`, Hono `app.route('/p', sub)`. */
  /**
   * What a mounted handler or registered plugin serves when it comes from a GraphQL or tRPC
   * package (by its import, or the import behind the variable holding it): one endpoint whose
   * operations or procedures are not HTTP routes of their own.
   */
  private endpointServed(arg: ts.Expression): Endpoint | undefined {
    let e: ts.Expression = skipOuter(arg);
    while (ts.isCallExpression(e) || ts.isPropertyAccessExpression(e)) e = skipOuter(e.expression);
    if (!ts.isIdentifier(e)) return undefined;
    const source = this.clientSourceOf(e.text);
    return source === undefined ? undefined : ENDPOINT_PACKAGES.find(([re]) => re.test(source))?.[1];
  }

  /** The routes of a package's handler mounted at `at` (ENDPOINT_METHODS, endpointPath). */
  private addEndpoint(served: Endpoint, router: string, at: ConstValue, node: ts.Node): void {
    const paths = mapLiterals(at, (p) => endpointPath(served, p));
    for (const method of ENDPOINT_METHODS[served]) this.addRoute(router, method, paths, node);
  }

  /** `fastify.register(fastifyTRPCPlugin, { prefix: '/trpc' })`, `register(mercurius, { schema, path? })`. */
  private readRegisteredEndpoint(served: Endpoint, plugin: ts.Expression, options: ts.Expression | undefined, mountedOn: string): void {
    const opts = options && ts.isObjectLiteralExpression(options) ? options : undefined;
    const prefix = opts && this.prop(opts, 'prefix') ? this.evaluate(this.prop(opts, 'prefix')) : str('');
    // The GraphQL path: the options' `path`, or that of the integration call (`fastifyApollo(apollo, { path })`).
    const call = skipOuter(plugin);
    const callOpts = ts.isCallExpression(call) ? call.arguments.map(skipOuter).find(ts.isObjectLiteralExpression) : undefined;
    const pathNode = (opts && this.prop(opts, 'path')) ?? (callOpts && this.prop(callOpts, 'path'));
    const path = served === 'graphql' ? (pathNode ? this.evaluate(pathNode) : str('/graphql')) : str('');
    if (!prefix || !path) return this.warn(plugin, { id: 'endpointPath', args: [served === 'trpc' ? 'tRPC' : 'GraphQL'] });
    this.addEndpoint(served, mountedOn, prefix.kind === 'str' && path.kind === 'str' ? str(...prefix.parts, '/', ...path.parts) : prefix, plugin);
  }

  /** Apollo Server 2/3 `server.applyMiddleware({ app, path = '/graphql' })`: GraphQL on that app. */
  private readApplyMiddleware(call: ts.CallExpression): void {
    const opts = call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
    const app = opts && ts.isObjectLiteralExpression(opts) ? this.prop(opts, 'app') : undefined;
    const router = app ? this.receiverOf(app) : undefined;
    if (!opts || !ts.isObjectLiteralExpression(opts) || !router) return;
    const pathNode = this.prop(opts, 'path');
    const path = pathNode ? this.evaluate(pathNode) : str('/graphql');
    if (!path) return this.warn(call, { id: 'applyMiddlewarePath', args: [] });
    this.addEndpoint('graphql', router, path, call);
  }

  /**
   * Nest `GraphQLModule.forRoot({ path })` / `forRootAsync({ useFactory: () => ({ path }) })`:
   * GraphQL at that path, else at the driver's default /graphql (a `useClass` options class is
   * not followed); outside the global prefix unless `useGlobalPrefix: true`.
   */
  private readNestGraphQL(call: ts.CallExpression): void {
    const opts = call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
    if (opts && !ts.isObjectLiteralExpression(opts)) return;
    const factory = opts ? this.prop(opts, 'useFactory') : undefined;
    const fn = factory ? skipOuter(factory) : undefined;
    const made = fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? (ts.isBlock(fn.body) ? lastReturn(fn.body) : fn.body) : undefined;
    const madeObj = made ? skipOuter(made) : undefined;
    const sources = [opts, madeObj && ts.isObjectLiteralExpression(madeObj) ? madeObj : undefined].filter((o): o is ts.ObjectLiteralExpression => o !== undefined);
    const pathNode = sources.map((o) => this.prop(o, 'path')).find((n) => n !== undefined);
    const path = pathNode ? literalOf(this.evaluate(pathNode)) : '/graphql';
    if (path === undefined) return this.warn(call, { id: 'graphqlModulePath', args: [] });
    const global = sources.some((o) => this.prop(o, 'useGlobalPrefix')?.kind === ts.SyntaxKind.TrueKeyword);
    const line = this.line(call);
    for (const method of ['GET', 'POST'] as const)
      this.out.routes.push(global ? { method, path: joinRoutePath(path), line, kind: 'nest', version: [NEUTRAL_VERSION] } : { method, path: joinRoutePath(path), line, kind: 'router', router: 'GraphQLModule' });
  }

  /** `pathFirst`: the first of two arguments is the path whatever its name (Hono `app.route(membersPath, sub)`). */
  private readMount(call: ts.CallExpression, mountedOn: string, kind: string, pathFirst = false): void {
    const args = [...call.arguments];
    const line = this.line(call);
    if (kind === 'register') {
      const plugin = args[0];
      const options = args[1] ? skipOuter(args[1]) : undefined;
      if (plugin && options && ts.isObjectLiteralExpression(options) && this.isAutoload(plugin)) return this.readAutoload(options, mountedOn, line);
      const served = plugin ? this.endpointServed(plugin) : undefined;
      if (plugin && served) return this.readRegisteredEndpoint(served, plugin, options, mountedOn);
      const prefixNode = options && ts.isObjectLiteralExpression(options) ? this.prop(options, 'prefix') : undefined;
      if (!plugin) return;
      const prefix = prefixNode ? (this.evaluate(prefixNode) ?? this.unknownPrefix(prefixNode, call)) : str('');
      this.mountTarget(plugin, prefix, mountedOn, line);
      return;
    }
    const looped = this.unknownLoopVariable(call);
    if (looped !== undefined) {
      this.warn(call, { id: 'loopMount', args: [mountedOn, kind, looped] });
      return;
    }
    // `app.use(process.env.BASE_PATH, router)`, `app.use(apiPrefix(), router)`: a prefix, not known.
    // A handler answering there (`app.use(apiRoot(), (req, res) => ...)`) is no router: left as before.
    const unknown =
      args[0] && args.length >= 2 && readsAsPrefix(args[0], this.sf, (id) => this.decls.get(id.text)) && !this.isRouterLike(args[0]) && !this.isRequestHandler(args[args.length - 1] as ts.Expression);
    const first = args[0] ? (this.evaluate(args[0]) ?? (unknown ? this.unknownPrefix(args[0], call) : undefined)) : undefined;
    const firstText = literalOf(first);
    // A lone argument is what is mounted (`api.use(users)`), never a prefix; a prefix is a
    // string: a literal, or a constant built from one.
    const hasPrefix =
      args.length >= 2 && first !== undefined && first.kind === 'str' && (firstText === undefined ? pathFirst || first.parts.some((p) => typeof p === 'string') || !this.isRouterLike(args[0]) : firstText.startsWith('/') || firstText === '');
    if (first && firstText !== undefined && !hasPrefix) return; // app.use('x') is not a mount
    const prefix = hasPrefix && first ? first : str('');
    // Express `app.use('/mcp', (req, res) => ...)` or `app.use(['/a', '/b'], handler)`: a
    // handler answering every method under the path(s).
    const paths = hasPrefix ? first : first?.kind === 'arr' && literalsOf(first)?.every((p) => p.startsWith('/')) ? first : undefined;
    if (kind === 'use' && paths && args.length >= 2) {
      const last = args[args.length - 1] as ts.Expression;
      // `app.use('/graphql', cors(), expressMiddleware(server))`, `app.use('/trpc', createExpressMiddleware({ router }))`
      const served = this.endpointServed(last);
      if (served) return this.addEndpoint(served, mountedOn, paths, last);
      if (this.isRequestHandler(last)) return this.addRoute(mountedOn, 'ALL', paths, last);
    }
    // `app.use(['/a', '/b'], router)`: mounted at each path.
    const prefixes = hasPrefix ? [prefix] : paths?.kind === 'arr' ? paths.items : [prefix];
    for (const p of prefixes) for (const a of paths !== undefined ? args.slice(1) : args) this.mountTarget(a, p, mountedOn, line);
  }

  /**
   * The loop variable a call's arguments read when the loop runs over something not known here
   * (`for (const r of loadRouters()) app.use(r.path, r.router)`, `files.forEach((f) => ...)`); a
   * loop over a literal array is read element by element instead (readForEach, readForOf).
   */
  private unknownLoopVariable(call: ts.CallExpression): string | undefined {
    const names = new Set<string>();
    for (let cur: ts.Node = call; cur.parent && !ts.isSourceFile(cur); cur = cur.parent) {
      const p = cur.parent;
      if ((ts.isForOfStatement(p) || ts.isForInStatement(p)) && cur === p.statement && ts.isVariableDeclarationList(p.initializer))
        for (const d of p.initializer.declarations) bindingNames(d.name, names);
      if ((ts.isArrowFunction(cur) || ts.isFunctionExpression(cur)) && ts.isCallExpression(p) && p.arguments[0] === cur && ts.isPropertyAccessExpression(p.expression) && ITERATING.has(p.expression.name.text))
        for (const param of cur.parameters.slice(0, 1)) bindingNames(param.name, names);
    }
    if (names.size === 0) return undefined;
    let hit: string | undefined;
    const visit = (n: ts.Node): void => {
      if (hit !== undefined || isFunctionLike(n)) return;
      if (ts.isIdentifier(n) && names.has(n.text) && !this.scopes.some((sc) => sc.has(n.text))) hit = n.text;
      else ts.forEachChild(n, visit);
    };
    for (const a of call.arguments) visit(a);
    return hit;
  }

  /**
   * A function that answers the request itself, `(req, res) => ...` or `(req, res, next)` that
   * calls `next` only on some paths, not middleware that hands every request on: `next` passed to
   * another call or called at the top of its body, a Koa/Hono `(ctx, next)`, an error handler.
   */
  private isRequestHandler(arg: ts.Expression): boolean {
    let fn: ts.Node | undefined = skipOuter(arg);
    if (ts.isIdentifier(fn)) fn = this.decls.get(fn.text);
    if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn)) || !fn.body) return false;
    const names = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
    if (names.length < 2 || names.length > 3 || /^next$/i.test(names[1] ?? '')) return false;
    const next = names[2];
    if (!next) return true;
    const callsNext = (e: ts.Node): boolean => {
      const c = ts.isAwaitExpression(e) || ts.isReturnStatement(e) || ts.isExpressionStatement(e) ? (e as { expression?: ts.Node }).expression : e;
      return !!c && ts.isCallExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === next;
    };
    if (!ts.isBlock(fn.body)) return !callsNext(fn.body) && !passesOn(fn.body, next);
    return !fn.body.statements.some((st) => callsNext(st) || (ts.isExpressionStatement(st) && callsNext(skipOuter(st.expression)))) && !passesOn(fn.body, next);
  }

  private mountTarget(arg: ts.Expression, prefix: ConstValue, mountedOn: string, line: number, depth = 0): void {
    let a = skipOuter(arg);
    // Express flattens arrays of handlers: `app.use('/api', [auth, router])`.
    if (ts.isArrayLiteralExpression(a)) {
      for (const el of a.elements) this.mountTarget(el, prefix, mountedOn, line, depth + 1);
      return;
    }
    // const api = compose([...]) / mount('/x', sub): follow the variable to what it holds.
    const held = ts.isIdentifier(a) && depth < 4 ? this.decls.get(a.text) : undefined;
    if (held && ts.isCallExpression(held) && ts.isIdentifier(held.expression) && /^(?:compose|koaCompose|mount|koaMount|Mount)$/.test(held.expression.text))
      return this.mountTarget(held, prefix, mountedOn, line, depth + 1);
    // koa-mount: mount('/p', app)
    if (ts.isCallExpression(a) && ts.isIdentifier(a.expression) && /^(?:mount|koaMount|Mount)$/.test(a.expression.text) && a.arguments.length >= 2) {
      const inner = this.evaluate(a.arguments[0]);
      if (inner?.kind === 'str' && prefix.kind === 'str') return this.mountTarget(a.arguments[1] as ts.Expression, str(...prefix.parts, '/', ...inner.parts), mountedOn, line);
    }
    // koa-compose: compose([a.routes(), b.routes()])
    if (ts.isCallExpression(a) && ts.isIdentifier(a.expression) && /^(?:compose|koaCompose)$/.test(a.expression.text) && a.arguments[0]) {
      const list = skipOuter(a.arguments[0]);
      if (ts.isArrayLiteralExpression(list)) for (const el of list.elements) this.mountTarget(el, prefix, mountedOn, line);
      return;
    }
    // x.routes(), x.middleware(), x.router
    if (ts.isCallExpression(a) && ts.isPropertyAccessExpression(a.expression) && /^(?:routes|middleware|allowedMethods)$/.test(a.expression.name.text)) {
      if (a.expression.name.text === 'allowedMethods') return;
      a = a.expression.expression;
    }
    // `new UsersController(config).router`: the routes the class declares on itself; also through
    // the field the instance is kept in (`this.apiRouter = new ApiRouter(this)` ... `this.apiRouter.router`).
    let made = ts.isPropertyAccessExpression(a) ? skipOuter(a.expression) : a;
    if (ts.isPropertyAccessExpression(made) && made.expression.kind === ts.SyntaxKind.ThisKeyword) made = thisAssigned(made, made.name.text) ?? made;
    if (ts.isNewExpression(made) && ts.isIdentifier(made.expression) && this.factoryPrefix(made) === undefined) {
      // The arguments, those known as strings: a class's paths may be built from them (constructorParam).
      const args = (made.arguments ?? []).map((x) => {
        const v = this.evaluate(x);
        return v?.kind === 'str' ? v : null;
      });
      this.out.mounts.push({ ...this.mountPrefix(prefix), routerName: `new ${made.expression.text}`, line, mountedOn, ...(args.length > 0 ? { args } : {}) });
      return;
    }
    // require('./users').router: that export of the module.
    const memberOf = ts.isPropertyAccessExpression(a) ? requireSource(skipOuter(a.expression)) : undefined;
    if (memberOf !== undefined && ts.isPropertyAccessExpression(a)) {
      const local = `require(${memberOf}).${a.name.text}`;
      this.out.imports.push({ local, imported: a.name.text, source: memberOf });
      this.out.mounts.push({ ...this.mountPrefix(prefix), routerName: local, line, mountedOn });
      return;
    }
    // import('./x') / require('./x')
    const req = requireSource(a) ?? dynamicImportSource(a) ?? this.listedLoad(a)?.source;
    if (req === undefined && isModuleLoad(a)) {
      this.out.warnings.push({ id: 'moduleName', args: [mountedOn], line });
      return;
    }
    const routerName = this.mountedRouterName(a, req, line);
    if (!routerName) return;
    this.out.mounts.push({ ...this.mountPrefix(prefix), routerName, line, mountedOn });
  }

  /** The name collect.ts knows the mounted thing by: a required module, an inline plugin's router, a router variable. */
  private mountedRouterName(a: ts.Expression, req: string | undefined, line: number): string | undefined {
    if (req !== undefined) {
      const name = `require(${req})`;
      this.out.imports.push({ local: name, imported: 'default', source: req });
      return name;
    } else if (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) {
      // An inline plugin: its first parameter is the router its routes are declared on.
      const p = a.parameters[0];
      if (!p || !ts.isIdentifier(p.name)) return undefined;
      const name = `${p.name.text}@${line}`;
      this.routers.set(name, '');
      this.handled.add(a);
      this.withScope(new Map([[p.name.text, ts.factory.createIdentifier(name)]]), () => this.visit(a.body));
      return name;
    } else if (ts.isIdentifier(a) || ts.isPropertyAccessExpression(a) || ts.isCallExpression(a) || ts.isNewExpression(a)) {
      const callee = ts.isCallExpression(a) ? skipOuter(a.expression) : undefined;
      if (
        callee && ts.isIdentifier(callee) && ts.isCallExpression(a) && (a.arguments.length === 0 || this.isOwnFunction(callee.text)) &&
        !this.factoryNames.has(chainRoot(a)) && this.factoryPrefix(chainRoot(a)) === undefined
      ) {
        // usersRouter(), initApis(tenant) of the project's own code: a function that may make a
        // router or app (collect.ts knows); or middleware()
        return `${callee.text}()`;
      } else {
        if (ts.isCallExpression(a) && !this.factoryNames.has(chainRoot(a)) && this.factoryPrefix(chainRoot(a)) === undefined) return undefined; // middleware(opts)
        return this.receiverOf(a);
      }
    }
    return undefined;
  }

  /**
   * A function that may be the project's own code: declared in this file, or imported (from a
   * relative path, an alias, or a bare name that may be a workspace package: `workbench/hono`).
   * collect.ts decides by resolving it; a package's `cors(opts)` resolves to nothing and mounts
   * nothing.
   */
  private isOwnFunction(name: string): boolean {
    const decl = this.decls.get(name);
    if (decl && (ts.isFunctionDeclaration(decl) || ts.isArrowFunction(decl) || ts.isFunctionExpression(decl))) return true;
    return this.out.imports.some((i) => i.local === name);
  }

  /** A mount's prefix: literal, or left for collect.ts to resolve. */
  private mountPrefix(prefix: ConstValue): Pick<ExtractedMount, 'prefix' | 'prefixValue'> {
    const literal = literalOf(prefix);
    return literal !== undefined ? { prefix: joinRoutePath(literal) } : { prefix: '/', prefixValue: prefix };
  }

  /** An identifier that names a router or an imported module rather than a string. */
  private isRouterLike(arg: ts.Expression | undefined): boolean {
    const a = arg ? skipOuter(arg) : undefined;
    if (!a || !ts.isIdentifier(a)) return false;
    if (this.routers.has(a.text) || CONVENTIONAL_RECEIVER.test(a.text) || /(?:Router|Routes|Controller|router|routes|controller)$/.test(a.text)) return true;
    // An imported camelCase binding is a module (a router); SCREAMING_CASE is a constant.
    return this.importedNames.has(a.text) && !/^[A-Z0-9_]+$/.test(a.text);
  }

  private isAutoload(plugin: ts.Expression): boolean {
    const p = skipOuter(plugin);
    const source = ts.isIdentifier(p) ? this.out.imports.find((i) => i.local === p.text)?.source : requireSource(p);
    return source === '@fastify/autoload' || source === 'fastify-autoload';
  }

  /** `register(AutoLoad, { dir: join(__dirname, 'routes'), options: { prefix } })`: each file under dir is a plugin. */
  private readAutoload(options: ts.ObjectLiteralExpression, mountedOn: string, line: number): void {
    const dirNode = this.prop(options, 'dir');
    const dir = dirNode ? dirnameJoin(skipOuter(dirNode), (e) => literalOf(this.evaluate(e))) : undefined;
    if (dir === undefined) {
      this.out.warnings.push({ id: 'autoloadDir', args: [], line });
      return;
    }
    const inner = this.prop(options, 'options');
    const innerObj = inner ? skipOuter(inner) : undefined;
    const prefixNode = innerObj && ts.isObjectLiteralExpression(innerObj) ? this.prop(innerObj, 'prefix') : undefined;
    const prefix = prefixNode ? (literalOf(this.evaluate(prefixNode)) ?? '') : '';
    const dirName = this.prop(options, 'dirNameRoutePrefix');
    const dirNamePrefix = !(dirName && skipOuter(dirName).kind === ts.SyntaxKind.FalseKeyword);
    this.out.autoloads = [...(this.out.autoloads ?? []), { dir, prefix: joinRoutePath(prefix), dirNamePrefix, mountedOn, line }];
  }

  private readGlobalPrefix(call: ts.CallExpression): void {
    const entry = this.nestFactoryModule();
    if (entry !== undefined) this.out.nestEntryModule = entry;
    const value = this.evaluate(call.arguments[0]);
    const literal = literalOf(value);
    if (literal !== undefined) this.out.globalPrefix = joinRoutePath(literal);
    else if (value && hasRefs(value)) {
      this.out.globalPrefixValue = value;
      this.out.globalPrefixLine = this.line(call);
    }
    else {
      this.warn(call, { id: 'globalPrefix', args: [] });
      return;
    }
    const options = call.arguments[1] ? skipOuter(call.arguments[1]) : undefined;
    if (!options || !ts.isObjectLiteralExpression(options)) return;
    const exclude = this.prop(options, 'exclude');
    const list = exclude ? skipOuter(exclude) : undefined;
    if (!list || !ts.isArrayLiteralExpression(list)) return;
    const paths: string[] = [];
    for (const el of list.elements) {
      const e = skipOuter(el);
      const v = ts.isObjectLiteralExpression(e) ? this.evaluate(this.prop(e, 'path')) : this.evaluate(e);
      const text = literalOf(v);
      if (text !== undefined) paths.push(joinRoutePath(text));
    }
    this.out.globalPrefixExclude = paths;
  }

  /** `NestFactory.create(AppModule, ...)` in this file: the module the app is built from. */
  private nestFactoryModule(): string | undefined {
    const find = (node: ts.Node): string | undefined => {
      if (ts.isCallExpression(node)) {
        const c = skipOuter(node.expression);
        const first = node.arguments[0] ? skipOuter(node.arguments[0]) : undefined;
        if (ts.isPropertyAccessExpression(c) && c.name.text === 'create' && ts.isIdentifier(c.expression) && c.expression.text === 'NestFactory' && first && ts.isIdentifier(first)) return first.text;
      }
      return ts.forEachChild(node, find);
    };
    return find(this.sf);
  }

  private readVersioning(call: ts.CallExpression): void {
    const arg = call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
    if (!arg) {
      this.out.uriVersioning = { prefix: 'v' };
      return;
    }
    if (!ts.isObjectLiteralExpression(arg)) {
      this.warn(call, { id: 'versioningOptions', args: [] });
      return;
    }
    const typeNode = this.prop(arg, 'type');
    const typeExpr = typeNode ? skipOuter(typeNode) : undefined;
    const type = !typeExpr ? 'URI' : ts.isPropertyAccessExpression(typeExpr) && /^(?:URI|HEADER|MEDIA_TYPE|CUSTOM)$/.test(typeExpr.name.text) ? typeExpr.name.text : undefined;
    if (type === undefined) {
      this.warn(call, { id: 'versioningType', args: [] });
      return;
    }
    if (type !== 'URI') return; // header, media type, custom: the path carries no version
    const versioning: UriVersioning = { prefix: 'v' };
    const prefixNode = this.prop(arg, 'prefix');
    if (prefixNode) {
      const value = skipOuter(prefixNode).kind === ts.SyntaxKind.FalseKeyword ? undefined : this.evaluate(prefixNode);
      const prefix = value ? literalOf(value) : '';
      // A config key or a constant of another file: collect.ts reads it.
      if (prefix === undefined && value && hasRefs(value)) this.out.versioningPrefixValue = { value, line: this.line(call) };
      else if (prefix === undefined) {
        this.warn(call, { id: 'versioningPrefix', args: [] });
        return;
      }
      versioning.prefix = prefix ?? 'v';
    }
    const defaultNode = this.prop(arg, 'defaultVersion');
    if (defaultNode) {
      const v = this.versionOf(defaultNode);
      if (v) versioning.defaultVersion = v;
      else this.warn(call, { id: 'versioningDefault', args: [] });
    }
    this.out.uriVersioning = versioning;
  }

  private versionOf(node: ts.Expression): string[] | undefined {
    const e = skipOuter(node);
    const one = (x: ts.Expression): string | undefined => (memberName(x) === 'VERSION_NEUTRAL' ? NEUTRAL_VERSION : literalOf(this.evaluate(x)));
    if (ts.isArrayLiteralExpression(e)) {
      const out = e.elements.map(one);
      return out.every((s): s is string => s !== undefined) ? out : undefined;
    }
    const v = one(e);
    return v === undefined ? undefined : [v];
  }

  /** `RouterModule`, or `RouterModule` of @nestjs/core imported under another name (`RouterModule as NestJsRouterModule`). */
  private isNestRouterModule(local: string): boolean {
    const imp = this.out.imports.find((i) => i.local === local);
    return imp ? imp.imported === 'RouterModule' && imp.source === '@nestjs/core' : local === 'RouterModule';
  }

  /**
   * `export const routes: Routes = [...]` (Routes of @nestjs/core): a RouterModule tree another
   * file registers (`RouterModule.register(routes)` with `routes` imported), read where it is written.
   */
  private isExportedRoutesTree(node: ts.VariableDeclaration): boolean {
    const type = node.type;
    if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return false;
    const local = type.typeName.text;
    const imp = this.out.imports.find((i) => i.local === local);
    const statement = node.parent.parent;
    const routesType = imp ? imp.imported === 'Routes' && imp.source === '@nestjs/core' : local === 'Routes' && this.typeImportedNames.has(local);
    return routesType && ts.isVariableStatement(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword);
  }

  private readRouterModule(call: ts.CallExpression): void {
    if (call.arguments[0]) this.readRouterTree(call.arguments[0]);
  }

  private readRouterTree(list: ts.Expression): void {
    const entries = (node: ts.Expression | undefined, depth = 0): RouterModuleEntry[] => {
      let l = node && depth < 10 ? skipOuter(node) : undefined;
      // `const routes: Routes = [...]; RouterModule.register(routes)`
      const held = l && ts.isIdentifier(l) ? this.decls.get(l.text) : undefined;
      if (held && ts.isExpression(held as ts.Node)) l = skipOuter(held as ts.Expression);
      if (!l || !ts.isArrayLiteralExpression(l)) return [];
      return l.elements.flatMap((el): RouterModuleEntry[] => {
        // `children: [...modules]`: the elements of the array constant spread there.
        if (ts.isSpreadElement(el)) return entries(el.expression, depth + 1);
        const o = skipOuter(el);
        // `children: [UserModule]`: a module class, served under its parent's path.
        if (ts.isIdentifier(o)) return [{ path: '', module: o.text, children: [] }];
        if (!ts.isObjectLiteralExpression(o)) return [];
        const pathNode = this.prop(o, 'path');
        const path = pathNode ? literalOf(this.evaluate(pathNode)) : '';
        const mod = this.prop(o, 'module');
        const module = mod && ts.isIdentifier(skipOuter(mod)) ? (skipOuter(mod) as ts.Identifier).text : '';
        // A path not known here (an imported constant) must not stand for '' over a known one.
        if (path === undefined) this.warn(o, module ? { id: 'routerModulePath', args: [module] } : { id: 'routerModulePathUnnamed', args: [] });
        return [{ path: path ?? UNKNOWN_PREFIX, module, children: entries(this.prop(o, 'children'), depth + 1) }];
      });
    };
    const tree = entries(list);
    if (tree.length > 0) this.out.routerModules = [...(this.out.routerModules ?? []), ...tree];
  }

  // ---- Nest ------------------------------------------------------------------------------------

  /**
   * `this.useWithMiddleware('/auth/simple', new Provider().router, limiter)` on a subclass's own
   * router: a path literal and a router among the arguments. Recorded as pending; collect.ts keeps
   * it when a class method of that name mounts its parameters at those positions.
   */
  /**
   * A call on a router made here that names the HTTP method first and the path second,
   * `router.alias(HttpMethod.POST, 'users/:id', 'users')`: a route of that method and path. The
   * method is a literal ('POST') or a member named as one (`HttpMethod.POST`). True when read.
   */
  private readMethodFirst(call: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const [first, second] = call.arguments.map(skipOuter);
    if (!first || !second) return false;
    const named = ts.isStringLiteral(first) ? first.text : ts.isPropertyAccessExpression(first) ? first.name.text : undefined;
    if (named === undefined || !/^[A-Z]+$/.test(named) || !isHttpMethod(named)) return false;
    const router = this.receiverOf(callee.expression);
    const path = this.evaluate(second);
    if (!router || !this.ownsRouter(router) || !path || literalOf(path) === undefined) return false;
    this.addRoute(router, named, path, call);
    return true;
  }

  private readPendingClassMount(call: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
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

  /** Methods of `node` whose body mounts two of their parameters: `this.app.use(path, ..., router)`, `this.use(path, router)`. */
  private readMountMethods(node: ts.ClassDeclaration): void {
    for (const m of node.members) {
      if (!ts.isMethodDeclaration(m) || !m.body || !ts.isIdentifier(m.name)) continue;
      const params = m.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
      const at = (e: ts.Expression | undefined): number => {
        const x = e && skipOuter(e);
        return x && ts.isIdentifier(x) ? params.indexOf(x.text) : -1;
      };
      const find = (n: ts.Node): { pathArg: number; routerArg: number } | undefined => {
        if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'use') {
          const on = skipOuter(n.expression.expression);
          const onThis = on.kind === ts.SyntaxKind.ThisKeyword || (ts.isPropertyAccessExpression(on) && on.expression.kind === ts.SyntaxKind.ThisKeyword);
          const pathArg = at(n.arguments[0]);
          const routerArg = n.arguments.length > 1 ? at(n.arguments[n.arguments.length - 1]) : -1;
          if (onThis && pathArg >= 0 && routerArg >= 0) return { pathArg, routerArg };
        }
        return ts.forEachChild(n, find);
      };
      const sig = find(m.body);
      if (sig) (this.out.mountMethods ??= {})[m.name.text] = sig;
    }
  }

  /**
   * A decorator's own name: its last member name (`@common.Get`), or, for a name imported from a
   * Nest package under another one (`import { Put as Patch } from '@nestjs/common'`), the name
   * it was exported as: that `@Patch()` is a PUT route.
   */
  private decoratorName(e: ts.Expression): string {
    const name = calleeName(e)?.split('.').pop() ?? '';
    if (!ts.isIdentifier(skipOuter(e))) return name;
    const imported = this.out.imports.find((i) => i.local === name && i.source.startsWith('@nestjs/'))?.imported;
    return imported === undefined || imported === 'default' || imported === '*' ? name : imported;
  }

  private readNestClass(node: ts.ClassDeclaration): void {
    const decorators = ts.getDecorators(node) ?? [];
    const isController = decorators.some((d) => ts.isCallExpression(d.expression) && /^(?:Controller|JsonController)$/.test(this.decoratorName(d.expression.expression)));
    const base = baseClassName(node);
    if (!isController && node.name) this.readHandlerClass(node, node.name.text, base);
    for (const d of decorators) {
      const call = ts.isCallExpression(d.expression) ? d.expression : undefined;
      const name = call ? this.decoratorName(call.expression) : undefined;
      if (name === 'Module' && call && node.name) this.readNestModule(node, node.name.text, call);
      if (!call || !name) continue;
      if (name === 'Controller' || name === 'JsonController') this.readController(node, d, this.controllerPath(d, call.arguments[0]), base);
      else if (!isController) this.readControllerFactoryUse(node, d, call, name, base);
    }
  }

  /** A controller's `@Controller(path)` or `@Controller({ path, version })`: its path and version, evaluated in the current scope. */
  private controllerPath(d: ts.Node, pathArg: ts.Expression | undefined): { paths: ConstValue; version?: string[] } | undefined {
    const arg = pathArg ? skipOuter(pathArg) : undefined;
    if (!arg || !ts.isObjectLiteralExpression(arg)) {
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

  /** A controller's handlers (and its base classes', its OvernightJS children) under its path. */
  private readController(node: ts.ClassDeclaration, d: ts.Decorator, c: { paths: ConstValue; version?: string[] } | undefined, base: string | undefined): void {
    if (!c) return;
    const { paths, version } = c;
    this.readNestHandlers(node, paths, version);
    this.readChildControllers(node, ts.getDecorators(node) ?? [], paths);
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
      let c: ReturnType<FileReader['controllerPath']>;
      this.withScope(factory.scope, () => (c = this.controllerPath(d, factory.pathArg)));
      this.readController(node, d, c && { ...c, paths: substituteParams(c.paths, args) }, base);
      return;
    }
    const cls = node.name?.text;
    if (!cls || !ts.isIdentifier(call.expression) || !this.importedNames.has(name) || !this.out.handlerClasses?.[cls]) return;
    (this.out.decoratedControllers ??= []).push({ decorator: name, args, controller: cls, line: this.line(d) });
  }

  /**
   * A local function returning applyDecorators(...) with a `Controller(path)` among its arguments,
   * written there or in an array the function builds first (`const decs = [ApiTags(name),
   * Controller(name)]; return applyDecorators(...decs)`): that call's argument, and the scope
   * naming the function's parameters `$0`, `$1`... for the path.
   */
  private controllerFactory(name: string): { call: ts.CallExpression; pathArg: ts.Expression | undefined; scope: Scope } | undefined {
    const decl = this.decls.get(name);
    const fn = decl && (ts.isFunctionDeclaration(decl) || ts.isArrowFunction(decl) || ts.isFunctionExpression(decl)) ? decl : undefined;
    const fnBody = fn?.body;
    if (!fn || !fnBody) return undefined;
    const body = ts.isBlock(fnBody) ? lastReturn(fnBody) : fnBody;
    const call = body ? skipOuter(body) : undefined;
    if (!call || !ts.isCallExpression(call) || this.decoratorName(call.expression) !== 'applyDecorators') return undefined;
    const applied = call.arguments.flatMap((a) => (ts.isSpreadElement(a) ? localArrayElements(fnBody, a.expression) : [a]));
    const controller = applied.map(skipOuter).find((a): a is ts.CallExpression => ts.isCallExpression(a) && this.decoratorName(a.expression) === 'Controller');
    if (!controller) return undefined;
    const scope: Scope = new Map(fn.parameters.map((p, i) => [ts.isIdentifier(p.name) ? p.name.text : `#${i}`, str({ ref: { local: `$${i}`, path: [] } })]));
    return { call: controller, pathArg: controller.arguments[0], scope };
  }

  /** `x.listen(5003)`, `x.listen({ port: PORT, host })`, `x.listen(Number(port), cb)`: the port, when known here. */
  private readListen(call: ts.CallExpression): void {
    const callee = skipOuter(call.expression);
    const arg = call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'listen' || !arg) return;
    const portExpr = ts.isObjectLiteralExpression(arg) ? this.prop(arg, 'port') : arg;
    const port = portExpr ? this.portValue(portExpr, 0) : undefined;
    if (port !== undefined && !(this.out.listenPorts ??= []).includes(port)) this.out.listenPorts.push(port);
  }

  /** A port number: a literal, `Number(x)` / `parseInt(x)` / `+x`, `env.PORT || 3000` (its fallback), or a constant of the file holding one. */
  private portValue(e: ts.Expression, depth: number): number | undefined {
    const x = skipOuter(e);
    if (depth > 4) return undefined;
    if (ts.isNumericLiteral(x) || ts.isStringLiteral(x)) {
      const n = Number(x.text);
      return Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined;
    }
    if (ts.isCallExpression(x) && ts.isIdentifier(x.expression) && /^(?:Number|parseInt)$/.test(x.expression.text) && x.arguments[0]) return this.portValue(x.arguments[0], depth + 1);
    if (ts.isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.PlusToken) return this.portValue(x.operand, depth + 1);
    if (ts.isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.BarBarToken || x.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return this.portValue(x.right, depth + 1);
    if (!ts.isIdentifier(x)) return undefined;
    const decl = this.decls.get(x.text);
    return decl && !this.paramNames.has(x.text) && isExpressionNode(decl) ? this.portValue(decl, depth + 1) : undefined;
  }

  /** OvernightJS `@ChildControllers([new Actions(), new Events()])` on a controller with a literal path. */
  private readChildControllers(node: ts.ClassDeclaration, decorators: readonly ts.Decorator[], paths: ConstValue): void {
    const path = literalOf(paths);
    if (!node.name || path === undefined) return;
    for (const d of decorators) {
      if (!ts.isCallExpression(d.expression) || calleeName(d.expression.expression)?.split('.').pop() !== 'ChildControllers') continue;
      const arg = d.expression.arguments[0] ? skipOuter(d.expression.arguments[0]) : undefined;
      const list = arg && ts.isArrayLiteralExpression(arg) ? arg.elements.map(skipOuter) : arg ? [arg] : [];
      const children = list.flatMap((e) => (ts.isNewExpression(e) && ts.isIdentifier(e.expression) ? [e.expression.text] : []));
      if (children.length > 0) (this.out.childControllers ??= []).push({ parent: node.name.text, path, children });
    }
  }

  /** A class that is no controller but declares route handlers, for the controllers that extend it. */
  private readHandlerClass(node: ts.ClassDeclaration, name: string, base: string | undefined): void {
    const own = this.out.routes;
    this.out.routes = [];
    try {
      this.readNestHandlers(node, str(''), undefined);
      const routes = this.out.routes.filter((r) => r.kind === 'nest');
      if (routes.length > 0) (this.out.handlerClasses ??= {})[name] = base ? { routes, base } : { routes };
    } finally {
      this.out.routes = own;
    }
  }

  /**
   * `@Module({ imports, controllers })`, with what its static methods' dynamic modules add
   * (`static register() { return { module: X, controllers: [C] } }`) and, for metadata a function
   * makes (`@Module(getModuleConfig())`), what it returns on each path: lists built in code are
   * followed (nestModuleList.ts), a list with an entry not known is marked open.
   */
  private readNestModule(node: ts.ClassDeclaration, name: string, call: ts.CallExpression): void {
    const dynamic = node.members.filter((m) => ts.isMethodDeclaration(m) && hasModifier(m, ts.SyntaxKind.StaticKeyword)).flatMap((m) => moduleObjects(m));
    const arg = call.arguments[0];
    const meta = arg ? this.moduleMetadata(arg, 0) : { objects: [], configs: [] };
    const m = meta ? this.moduleDecl([...meta.objects, ...dynamic], meta.configs) : { controllers: [], imports: [], openControllers: true, openImports: true };
    this.out.nestModules = { ...(this.out.nestModules ?? {}), [name]: m };
  }

  /** The lists the metadata objects give, and the other files' functions whose metadata they take too. */
  private moduleDecl(objects: ts.ObjectLiteralExpression[], configs: string[]): NestModuleDecl {
    const cx = { declOf: (id: ts.Identifier) => this.declOf(id), pushesOf: (id: ts.Identifier) => this.pushesOf(id), sourceOf: (e: ts.Expression) => this.sourceOf(e) };
    const lists = (key: string) =>
      objects.flatMap((o) => {
        const v = this.prop(o, key);
        return v ? [moduleListOf(v, cx)] : [];
      });
    const controllers = lists('controllers');
    const imports = lists('imports');
    const m: NestModuleDecl = { controllers: controllers.flatMap((l) => l.names), imports: imports.flatMap((l) => l.names) };
    if (controllers.some((l) => l.open)) m.openControllers = true;
    if (imports.some((l) => l.open)) m.openImports = true;
    const from = [...new Set([...controllers, ...imports].flatMap((l) => l.from))];
    if (from.length > 0) m.loadedFrom = from;
    if (configs.length > 0) m.configs = configs;
    return m;
  }

  /**
   * The object literals a module's metadata is: written out, or what a function of this file
   * returns on each path (`if (isClerkEnabled()) return getEEModuleConfig(); else return
   * getCommunityAuthModuleConfig()`), where a call of an imported function is named for the join
   * (NestModuleDecl.configs). Undefined when not known.
   */
  private moduleMetadata(e: ts.Expression, depth: number): { objects: ts.ObjectLiteralExpression[]; configs: string[] } | undefined {
    const x = skipOuter(e);
    if (ts.isObjectLiteralExpression(x)) return { objects: [x], configs: [] };
    const callee = ts.isCallExpression(x) ? skipOuter(x.expression) : undefined;
    if (!callee || !ts.isIdentifier(callee) || depth > 3) return undefined;
    if (this.importedNames.has(callee.text)) return { objects: [], configs: [callee.text] };
    const fn = this.declOf(callee);
    return fn && isFunctionWithBody(fn) ? this.returnedMetadata(fn, depth + 1) : undefined;
  }

  private returnedMetadata(fn: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration, depth: number): { objects: ts.ObjectLiteralExpression[]; configs: string[] } | undefined {
    const parts = returnedExpressions(fn).map((r) => this.moduleMetadata(r, depth));
    if (parts.length === 0 || parts.some((p) => p === undefined)) return undefined;
    return { objects: parts.flatMap((p) => p?.objects ?? []), configs: parts.flatMap((p) => p?.configs ?? []) };
  }

  /** Functions of this file returning a Nest module's metadata (`export function getCommunityAuthModuleConfig(): ModuleMetadata`). */
  private collectModuleConfigs(): void {
    if (!/\b(?:controllers|imports)\s*:/.test(this.sf.text)) return;
    for (const [name, node] of this.decls) {
      if (!isFunctionWithBody(node)) continue;
      const meta = this.returnedMetadata(node, 0);
      if (!meta || !meta.objects.some((o) => this.prop(o, 'controllers') ?? this.prop(o, 'imports'))) continue;
      (this.out.moduleConfigs ??= {})[name] = this.moduleDecl(meta.objects, meta.configs);
    }
  }

  /** The module specifier an imported (or required) name, or a `require('x')` call, stands for. */
  private sourceOf(e: ts.Expression): string | undefined {
    if (!ts.isIdentifier(e)) return requireSource(e);
    return this.importedNames.has(e.text) ? this.out.imports.find((i) => i.local === e.text)?.source : undefined;
  }

  /** What a name of this file stands for where `id` uses it: a variable's initialiser, a function. */
  private declOf(id: ts.Identifier): ts.Node | undefined {
    return this.decls.get(this.ownName(id.text, id));
  }

  /** `modules.push(...)` and `modules.unshift(...)` of the array `id` names, anywhere in the file. */
  private pushesOf(id: ts.Identifier): ts.CallExpression[] {
    if (!this.arrayPushes) {
      const found: ts.CallExpression[] = [];
      const walk = (n: ts.Node): void => {
        if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && /^(?:push|unshift)$/.test(n.expression.name.text) && ts.isIdentifier(n.expression.expression)) found.push(n);
        ts.forEachChild(n, walk);
      };
      walk(this.sf);
      this.arrayPushes = found;
    }
    const own = this.ownName(id.text, id);
    return this.arrayPushes.filter((c) => {
      const recv = (c.expression as ts.PropertyAccessExpression).expression as ts.Identifier;
      return recv.text === id.text && this.ownName(recv.text, recv) === own;
    });
  }

  private readNestHandlers(cls: ts.ClassDeclaration, controllerPaths: ConstValue, controllerVersion: string[] | undefined): void {
    for (const member of cls.members) {
      const decorators = ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : [];
      let handlerVersion: string[] | undefined;
      for (const d of decorators) {
        if (!ts.isCallExpression(d.expression) || this.decoratorName(d.expression.expression) !== 'Version') continue;
        const arg = d.expression.arguments[0];
        handlerVersion = arg ? this.versionOf(arg) : undefined;
        if (!handlerVersion) this.warn(d, { id: 'versionDecorator', args: [] });
      }
      for (const d of decorators) {
        if (!ts.isCallExpression(d.expression)) continue;
        const name = this.decoratorName(d.expression.expression);
        const method = NEST_METHODS[name];
        if (!method) {
          this.readDecoratorFactoryUse(d.expression, name, controllerPaths, handlerVersion ?? controllerVersion, cls.name?.text);
          continue;
        }
        const arg = d.expression.arguments[0];
        const a = arg ? skipOuter(arg) : undefined;
        const paths = !a ? str('') : ts.isObjectLiteralExpression(a) ? (this.evaluate(this.prop(a, 'path')) ?? str('')) : this.evaluate(a);
        if (!paths) {
          this.warn(d, { id: 'decoratorPath', args: [name] });
          continue;
        }
        const version = handlerVersion ?? controllerVersion;
        this.addNestRoutes(method, controllerPaths, paths, version, d, cls.name?.text);
      }
    }
  }

  /** `@GetUser('me')` where GetUser wraps route decorators in applyDecorators: local, or left to collect.ts when imported. */
  private readDecoratorFactoryUse(call: ts.CallExpression, name: string, controllerPaths: ConstValue, version: string[] | undefined, controller: string | undefined): void {
    const args = call.arguments.map((a) => this.evaluate(a) ?? str(''));
    const local = this.decoratorRoutes(name, 0);
    if (local) {
      for (const r of local) this.addNestRoutes(r.method, controllerPaths, substituteParams(r.path, args), version, call, controller);
      return;
    }
    if (!ts.isIdentifier(call.expression) || !this.importedNames.has(name)) return;
    const handler: NonNullable<ExtractedFile['decoratedHandlers']>[number] = { decorator: name, args, controllerPaths, line: this.line(call) };
    if (version) handler.version = version;
    if (controller) handler.controller = controller;
    (this.out.decoratedHandlers ??= []).push(handler);
  }

  /** The route decorators a local applyDecorators factory applies, with its parameters as `$0`, `$1`... */
  private decoratorRoutes(name: string, depth: number): Array<{ method: HttpMethod; path: ConstValue }> | undefined {
    const decl = this.decls.get(name);
    if (!decl || depth > 4) return undefined;
    const fn = ts.isFunctionDeclaration(decl) || ts.isArrowFunction(decl) || ts.isFunctionExpression(decl) ? decl : undefined;
    if (!fn?.body) return undefined;
    const body = ts.isBlock(fn.body) ? singleReturn(fn.body) ?? lastReturn(fn.body) : fn.body;
    const call = body ? skipOuter(body) : undefined;
    if (!call || !ts.isCallExpression(call) || calleeName(call.expression)?.split('.').pop() !== 'applyDecorators') return undefined;
    const scope: Scope = new Map(fn.parameters.map((p, i) => [ts.isIdentifier(p.name) ? p.name.text : `#${i}`, str({ ref: { local: `$${i}`, path: [] } })]));
    const out: Array<{ method: HttpMethod; path: ConstValue }> = [];
    this.withScope(scope, () => {
      for (const a of call.arguments) {
        const inner = skipOuter(a);
        if (!ts.isCallExpression(inner)) continue;
        const innerName = this.decoratorName(inner.expression);
        const method = NEST_METHODS[innerName];
        if (method) {
          const arg = inner.arguments[0];
          out.push({ method, path: arg ? (this.evaluate(arg) ?? str('')) : str('') });
        } else {
          const nested = this.decoratorRoutes(innerName, depth + 1);
          const args = inner.arguments.map((x) => this.evaluate(x) ?? str(''));
          for (const r of nested ?? []) out.push({ method: r.method, path: substituteParams(r.path, args) });
        }
      }
    });
    return out.length > 0 ? out : undefined;
  }

  private addNestRoutes(method: HttpMethod, bases: ConstValue, paths: ConstValue, version: string[] | undefined, node: ts.Node, controller: string | undefined): void {
    const items = (v: ConstValue): ConstValue[] => (v.kind === 'arr' ? v.items : [v]);
    const line = this.line(node);
    for (const b of items(bases)) {
      for (const p of items(paths)) {
        if (b.kind !== 'str' || p.kind !== 'str') continue;
        const joined = str(...b.parts, '/', ...p.parts);
        const literal = literalOf(joined);
        const route: ExtractedRoute = { method, path: literal !== undefined ? joinRoutePath(literal) : '/', line, kind: 'nest' };
        if (literal === undefined) route.pathValue = { kind: 'str', parts: mergeParts(joined.parts) };
        if (version) route.version = version;
        if (controller) route.controller = controller;
        this.out.routes.push(route);
      }
    }
  }
}

// ---- helpers -----------------------------------------------------------------------------------

function isExpressionNode(n: ts.Node): n is ts.Expression {
  return ts.isNumericLiteral(n) || ts.isStringLiteral(n) || ts.isCallExpression(n) || ts.isBinaryExpression(n) || ts.isPrefixUnaryExpression(n) || ts.isIdentifier(n) || ts.isParenthesizedExpression(n) || ts.isAsExpression(n);
}

/**
 * `true`, `false`, a flag of the file (`flags`), or `!` of these: the branch an `if` always takes.
 * Undefined for anything else (an environment variable, a config value, a `let`).
 */
function constantCondition(e: ts.Expression, flags: ReadonlyMap<string, boolean>): boolean | undefined {
  const x = skipOuter(e);
  if (x.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (x.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) {
    const v = constantCondition(x.operand, flags);
    return v === undefined ? undefined : !v;
  }
  return ts.isIdentifier(x) ? flags.get(x.text) : undefined;
}

/**
 * The file's feature flags: `const`s of its top level initialised with `true` or `false`
 * (`export const ENABLE_X = false`), whose names nothing else in the file declares (a parameter
 * or a local of the same name would be another value).
 */
function constantFlags(sf: ts.SourceFile): Map<string, boolean> {
  const flags = new Map<string, boolean>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || (st.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const d of st.declarationList.declarations) {
      const kind = d.initializer ? skipOuter(d.initializer).kind : undefined;
      if (ts.isIdentifier(d.name) && (kind === ts.SyntaxKind.TrueKeyword || kind === ts.SyntaxKind.FalseKeyword)) flags.set(d.name.text, kind === ts.SyntaxKind.TrueKeyword);
    }
  }
  if (flags.size === 0) return flags;
  const declared = new Map<string, number>();
  const walk = (n: ts.Node): void => {
    if ((ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isBindingElement(n) || ts.isFunctionDeclaration(n)) && n.name && ts.isIdentifier(n.name)) declared.set(n.name.text, (declared.get(n.name.text) ?? 0) + 1);
    ts.forEachChild(n, walk);
  };
  walk(sf);
  for (const name of [...flags.keys()]) if ((declared.get(name) ?? 0) > 1) flags.delete(name);
  return flags;
}

/**
 * The router `this` stands for inside `class UsersController extends Controller`: the class
 * itself (`class UsersController`), whose instances are mounted with `new UsersController().router`.
 * Only subclasses: a base whose methods wrap the router (`this.route({ method, path, handler })`).
 */
function subclassRouter(at: ts.Node): string | undefined {
  let cur: ts.Node | undefined = at.parent;
  while (cur && !ts.isClassLike(cur)) cur = cur.parent;
  if (!cur || !cur.name || !cur.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword)) return undefined;
  return `${CLASS_ROUTER}${cur.name.text}`;
}

/** The class around `at` as a router of its own (`this.router = express()` in it). */
function enclosingClassRouter(at: ts.Node): string | undefined {
  let cur: ts.Node | undefined = at.parent;
  while (cur && !ts.isClassLike(cur)) cur = cur.parent;
  return cur?.name ? `${CLASS_ROUTER}${cur.name.text}` : undefined;
}

/** Each class's `this.<name> = x` assignments in its members (the first of each name), read once per class. */
const thisAssignments = new WeakMap<ts.ClassLikeDeclaration, Map<string, ts.Expression>>();

/** What the class around `at` assigns to `this.<name>`: its field initializer, else the first `this.<name> = x` in its members. */
function thisAssigned(at: ts.Node, name: string): ts.Expression | undefined {
  const field = classField(at, name);
  if (field) return skipOuter(field);
  let cur: ts.Node | undefined = at.parent;
  while (cur && !ts.isClassLike(cur)) cur = cur.parent;
  if (!cur) return undefined;
  let assigned = thisAssignments.get(cur);
  if (!assigned) {
    const found = new Map<string, ts.Expression>();
    const visit = (n: ts.Node): void => {
      if (ts.isClassLike(n)) return;
      if (
        ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left) &&
        n.left.expression.kind === ts.SyntaxKind.ThisKeyword && !found.has(n.left.name.text)
      )
        found.set(n.left.name.text, skipOuter(n.right));
      ts.forEachChild(n, visit);
    };
    for (const m of cur.members) if (!ts.isPropertyDeclaration(m)) ts.forEachChild(m, visit);
    assigned = found;
    thisAssignments.set(cur, assigned);
  }
  return assigned.get(name);
}

/** Array methods that call their callback once per element. */
const ITERATING = new Set(['forEach', 'map', 'flatMap']);

/** The names a binding declares: `r`, `{ path, router }`, `[a, b]`. */
function bindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, into);
}

/** Calls whose value is their first argument, as far as paths are concerned. */
const IDENTITY_CALL = /^(?:String|Object\.freeze|createRoute|\w+\.createRoute)$/;
/** An environment variable's name as an env helper's first argument takes it (`GLOBAL_PREFIX`). */
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/** `exports.api = apiRouter` / `module.exports.api = apiRouter`: the exported name and its value. */
function cjsNamedExport(st: ts.Statement): { name: string; value: ts.Expression } | undefined {
  if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = st.expression.left;
  if (!ts.isPropertyAccessExpression(left)) return undefined;
  const base = left.expression;
  const isExports =
    (ts.isIdentifier(base) && base.text === 'exports') ||
    (ts.isPropertyAccessExpression(base) && base.name.text === 'exports' && ts.isIdentifier(base.expression) && base.expression.text === 'module');
  return isExports ? { name: left.name.text, value: skipOuter(st.expression.right) } : undefined;
}

/** `next` handed to another call as an argument anywhere in `node`. */
function passesOn(node: ts.Node, next: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && n.arguments.some((a) => ts.isIdentifier(a) && a.text === next)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** Types, interfaces and type aliases declare no route and hold no value. */
function isTypeOnly(node: ts.Node): boolean {
  return ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node);
}

/** A function whose name says it returns a path: `apiPrefix()`, `getBasePath()`, `config.baseUrl()`. */
const PREFIX_NAME = /prefix|path|baseurl|(?:base|url|root)$/i;

/**
 * Whether an expression whose value is not known is a mount's path all the same: an environment
 * variable, a template, or a call whose name says it returns a path (`held`: what a local
 * constant holds, one step). Middleware (`app.use(auth(), router)`) is none; nor is a property
 * read (`global.basePath`, `config.root`), a setting that usually defaults to no prefix, where the
 * routes answer as written.
 */
function readsAsPrefix(node: ts.Expression, sf: ts.SourceFile, held: (id: ts.Identifier) => ts.Node | undefined): boolean {
  const e = skipOuter(node);
  if (ts.isTemplateExpression(e) || /^process\.env\b/.test(e.getText(sf))) return true;
  const init = ts.isIdentifier(e) && !isParameter(e) ? held(e) : undefined;
  if (init && ts.isExpression(init) && !ts.isIdentifier(skipOuter(init))) return readsAsPrefix(init, sf, () => undefined);
  const callee = ts.isCallExpression(e) ? skipOuter(e.expression) : undefined;
  const name = callee && (ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined);
  return name !== undefined && PREFIX_NAME.test(name);
}

/** Whether an identifier names a parameter of a function around it. */
function isParameter(id: ts.Identifier): boolean {
  for (let cur: ts.Node | undefined = id.parent; cur; cur = cur.parent)
    if (ts.isFunctionLike(cur) && cur.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === id.text)) return true;
  return false;
}

/** Longest source text a message quotes. */
const MAX_CODE_TEXT = 60;

/** An expression's source text for a message, on one line and cut short. */
function codeText(node: ts.Node, sf: ts.SourceFile): string {
  const text = node.getText(sf).replace(/\s+/g, ' ');
  return text.length > MAX_CODE_TEXT ? `${text.slice(0, MAX_CODE_TEXT - 1)}…` : text;
}

/** The router a function returns: `() => router`, `{ ...; return router.routes(); }` (its last return). */
function returnedIdentifier(fn: ts.FunctionLikeDeclaration): string | undefined {
  const body = fn.body;
  if (!body) return undefined;
  let e: ts.Expression | undefined = ts.isBlock(body) ? [...body.statements].reverse().find(ts.isReturnStatement)?.expression : body;
  e = e ? skipOuter(e) : undefined;
  if (e && ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && /^(?:routes|middleware)$/.test(e.expression.name.text)) e = skipOuter(e.expression.expression);
  return e && ts.isIdentifier(e) ? e.text : undefined;
}

/** Whether a function returns a router factory's result (`return new Hono()`, `=> express.Router()`). */
function returnsFactory(fn: ts.FunctionLikeDeclaration, isFactory: (e: ts.Node) => boolean): boolean {
  const e = returnedExpression(fn);
  return e !== undefined && isFactory(chainRoot(e));
}

/** A route config: an object with a literal HTTP method and a path (`createRoute({ method: 'get', path: '/x' })`). */
function isRouteConfig(v: ConstValue | undefined): boolean {
  const method = literalOf(propOf(v, ['method']))?.toUpperCase();
  return v?.kind === 'obj' && method !== undefined && isHttpMethod(method) && propOf(v, ['path'])?.kind === 'str';
}

/**
 * A method registering a route config it is given on the router it is handed: its first parameter's
 * `.openapi(config, handler)` with a config named, not written there (`mountHttp(app) { app.openapi(route, h) }`,
 * `app.openapi(args.route, h)`).
 */
function registersGivenConfig(fn: ts.FunctionLikeDeclaration): boolean {
  const p = fn.parameters[0]?.name;
  if (!fn.body || !p || !ts.isIdentifier(p)) return false;
  const find = (n: ts.Node): boolean => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'openapi' && n.arguments.length >= 2) {
      const recv = skipOuter(n.expression.expression);
      const config = n.arguments[0] && skipOuter(n.arguments[0]);
      if (ts.isIdentifier(recv) && recv.text === p.text && config && (ts.isIdentifier(config) || ts.isPropertyAccessExpression(config))) return true;
    }
    return ts.forEachChild(n, find) ?? false;
  };
  return find(fn.body);
}

/** What a function returns last: its last `return` expression, or an arrow's expression body. */
function returnedExpression(fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  const body = fn.body;
  const e = body === undefined ? undefined : ts.isBlock(body) ? [...body.statements].reverse().find(ts.isReturnStatement)?.expression : body;
  return e === undefined ? undefined : skipOuter(e);
}

/** The innermost call or `new` of a chain: `Router().use(a).use(b)` -> `Router()`. */
function chainRoot(e: ts.Node): ts.Node {
  let cur: ts.Node = e;
  while (ts.isCallExpression(cur) && ts.isPropertyAccessExpression(cur.expression)) {
    const inner = skipOuter(cur.expression.expression);
    // `require('express').Router()`: the module load is not a link of the chain.
    if ((!ts.isCallExpression(inner) && !ts.isNewExpression(inner)) || isModuleLoad(inner)) break;
    cur = inner;
  }
  return cur;
}

/**
 * Object literals with a `module` key inside a static method: the dynamic modules it returns; also
 * one made from another by a spread (`{ ...this.forRoot(), imports: [...] }`), which has its lists.
 */
function moduleObjects(method: ts.Node): ts.ObjectLiteralExpression[] {
  const out: ts.ObjectLiteralExpression[] = [];
  const has = (o: ts.ObjectLiteralExpression, key: string) => o.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === key);
  const derived = (o: ts.ObjectLiteralExpression) => o.properties.some(ts.isSpreadAssignment) && (has(o, 'imports') || has(o, 'controllers'));
  const walk = (n: ts.Node): void => {
    if (ts.isObjectLiteralExpression(n) && (has(n, 'module') || derived(n))) out.push(n);
    ts.forEachChild(n, walk);
  };
  walk(method);
  return out;
}

/** `express.Router`, `Router`, `new Koa` -> their dotted name. */
function calleeName(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  if (ts.isIdentifier(x)) return x.text;
  if (ts.isPropertyAccessExpression(x)) {
    const base = calleeName(x.expression);
    return base === undefined ? undefined : `${base}.${x.name.text}`;
  }
  // `require('express').Router()`: the module's own name stands for the binding.
  if (ts.isCallExpression(x)) return requireSource(x) ?? calleeName(x.expression);
  return undefined;
}

function memberName(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  if (ts.isPropertyAccessExpression(x)) return x.name.text;
  if (ts.isIdentifier(x)) return x.text;
  return undefined;
}

function requireSource(e: ts.Node): string | undefined {
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || e.expression.text !== 'require') return undefined;
  const a = e.arguments[0];
  return a && ts.isStringLiteral(a) ? a.text : undefined;
}

/** `require(x)` / `import(x)` whatever x is. */
/** `glob.sync(...)`, `globSync(...)`, `fg.sync(...)`, `await globby(...)`: a list of files only known at run time. */
const GLOB_CALL = /^(?:glob|globSync|globby|globbySync|fg|fastGlob|fastglob|tinyglobby)(?:\.(?:sync|globSync|glob))?$/;

/**
 * The pattern of the glob whose files a `require(file)` / `import(file)` with a name not known
 * statically loads: it is inside a callback of `.forEach` / `.map` over the glob's result, or a
 * `for (const file of glob.sync(...))` (outline loads `plugins/*\/server/index.[jt]s` so). What
 * those modules add (plugins registering routers) cannot be known without running it.
 */
function globLoaded(load: ts.CallExpression): string | undefined {
  const arg = load.arguments[0];
  if (!arg || ts.isStringLiteralLike(arg)) return undefined;
  for (let node: ts.Node = load; node.parent !== undefined; node = node.parent) {
    const parent = node.parent;
    const list = loopAt(node)?.list;
    const glob = list ? skipOuter(ts.isAwaitExpression(skipOuter(list)) ? (skipOuter(list) as ts.AwaitExpression).expression : list) : undefined;
    if (glob && ts.isCallExpression(glob) && GLOB_CALL.test(glob.expression.getText().replace(/\s+/g, ''))) {
      const literals: string[] = [];
      const collect = (n: ts.Node): void => {
        if (ts.isStringLiteralLike(n)) literals.push(n.text);
        ts.forEachChild(n, collect);
      };
      if (glob.arguments[0]) collect(glob.arguments[0]);
      return literals.sort((a, b) => b.length - a.length)[0] ?? glob.arguments[0]?.getText() ?? '';
    }
    if (ts.isSourceFile(parent)) break;
  }
  return undefined;
}

/**
 * The loop `node` is the body of: the callback of `.forEach` / `.map` over a list, or the statement
 * of a `for (const x of list)`; with the name the element is bound to ('' when not a plain name).
 */
function loopAt(node: ts.Node): { list: ts.Expression; variable: string } | undefined {
  const parent = node.parent;
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isCallExpression(parent) && parent.arguments[0] === node) {
    const callee = parent.expression;
    const param = node.parameters[0]?.name;
    const variable = param && ts.isIdentifier(param) ? param.text : '';
    return ts.isPropertyAccessExpression(callee) && (callee.name.text === 'forEach' || callee.name.text === 'map') ? { list: callee.expression, variable } : undefined;
  }
  if (!parent || !ts.isForOfStatement(parent) || parent.statement !== node) return undefined;
  const decl = ts.isVariableDeclarationList(parent.initializer) ? parent.initializer.declarations[0]?.name : undefined;
  return { list: parent.expression, variable: decl && ts.isIdentifier(decl) ? decl.text : '' };
}

/**
 * A module a declaration loads and what of it the name gets: `require('./x')` its default (the
 * CommonJS exports), `await import('./x')` its namespace, `require('./x').y` /
 * `(await import('./x')).y` that export (a member: destructuring it takes no export's name).
 */
function loadedModule(init: ts.Expression): { source: string; imported: string; member: boolean } | undefined {
  const req = requireSource(init);
  if (req !== undefined) return { source: req, imported: 'default', member: false };
  const dyn = dynamicImportSource(init);
  if (dyn !== undefined) return { source: dyn, imported: '*', member: false };
  if (!ts.isPropertyAccessExpression(init)) return undefined;
  const inner = skipOuter(init.expression);
  const source = requireSource(inner) ?? dynamicImportSource(inner);
  return source !== undefined ? { source, imported: init.name.text, member: true } : undefined;
}

function isModuleLoad(e: ts.Node): boolean {
  return ts.isCallExpression(e) && ((ts.isIdentifier(e.expression) && e.expression.text === 'require') || e.expression.kind === ts.SyntaxKind.ImportKeyword);
}

function dynamicImportSource(e: ts.Node): string | undefined {
  if (!ts.isCallExpression(e) || e.expression.kind !== ts.SyntaxKind.ImportKeyword) return undefined;
  const a = e.arguments[0];
  return a && ts.isStringLiteral(a) ? a.text : undefined;
}

/** `process.env.X || 'api'` / `?? 'api'` -> 'api'. */
function envDefault(e: ts.Expression, sf: ts.SourceFile): string | undefined {
  if (!ts.isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.QuestionQuestionToken) return undefined;
  const left = skipOuter(e.left);
  const right = skipOuter(e.right);
  const isEnv = (x: ts.Expression): boolean => /^process\.env\b/.test(x.getText(sf));
  if (!isEnv(left)) return undefined;
  return ts.isStringLiteral(right) || ts.isNoSubstitutionTemplateLiteral(right) ? right.text : undefined;
}

/** `path.join(__dirname, 'routes')`, `join(import.meta.dirname, 'a', 'b')`, `'./routes'` -> 'routes' relative to the file's folder. */
/** The string literals a filter callback tests names with: `(d) => d.isFile() && d.name.endsWith('.js')` -> ['.js']. */
function endsWithLiterals(fn: ts.Node): string[] {
  const out: string[] = [];
  const walk = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'endsWith') {
      const arg = n.arguments[0] ? skipOuter(n.arguments[0]) : undefined;
      if (arg && ts.isStringLiteralLike(arg)) out.push(arg.text);
    }
    ts.forEachChild(n, walk);
  };
  walk(fn);
  return out;
}

function dirnameJoin(e: ts.Expression, text: (e: ts.Expression) => string | undefined): string | undefined {
  if (ts.isCallExpression(e) && /(?:^|\.)(?:join|resolve)$/.test(e.expression.getText())) {
    const [first, ...rest] = e.arguments;
    if (!first || !/^(?:__dirname|import\.meta\.(?:dirname|url))$/.test(first.getText())) return undefined;
    const parts = rest.map((a) => text(a));
    return parts.every((p): p is string => p !== undefined) ? parts.join('/') : undefined;
  }
  const pieces = ts.isTemplateExpression(e) || ts.isBinaryExpression(e) ? concatPieces(e) : undefined;
  if (pieces && pieces.length > 1) return fromDirname(pieces, (p) => (typeof p === 'string' ? p : text(p)));
  const lit = text(e);
  return lit?.replace(/^\.\//, '');
}

/** `${__dirname}/api/${r}`, `'./api/' + r`, `__dirname + '/api/' + r`: the literal and computed pieces in order. */
function concatPieces(e: ts.Expression): Array<ts.Expression | string> {
  const x = skipOuter(e);
  if (ts.isTemplateExpression(x)) return [x.head.text, ...x.templateSpans.flatMap((span) => [skipOuter(span.expression), span.literal.text])].filter((p) => p !== '');
  if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...concatPieces(x.left), ...concatPieces(x.right)];
  return [ts.isStringLiteralLike(x) ? x.text : x];
}

/** The pieces of a concatenated path as one path below the file's folder (`__dirname` or './' first), or undefined. */
function fromDirname(pieces: Array<ts.Expression | string>, text: (e: ts.Expression | string) => string | undefined): string | undefined {
  const [first, ...rest] = pieces;
  const dirname = first !== undefined && typeof first !== 'string' && /^(?:__dirname|import\.meta\.dirname)$/.test(first.getText());
  const parts = (dirname ? rest : pieces).map(text);
  if (!parts.every((p): p is string => p !== undefined)) return undefined;
  const joined = parts.join('');
  return dirname ? joined.replace(/^\//, '') : /^\.\//.test(joined) ? joined.slice(2) : undefined;
}

/** A method of the class around `at`, by name. */
function classMethod(at: ts.Node, name: string): ts.MethodDeclaration | undefined {
  let cur: ts.Node | undefined = at.parent;
  while (cur && !ts.isClassLike(cur)) cur = cur.parent;
  return cur?.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name && m.body !== undefined);
}

/** The initializer of a field of the class around `at` (`path = '/users'`). */
function classField(at: ts.Node, name: string): ts.Expression | undefined {
  let cur: ts.Node | undefined = at.parent;
  while (cur && !ts.isClassLike(cur)) cur = cur.parent;
  if (!cur) return undefined;
  for (const m of cur.members) {
    if (ts.isPropertyDeclaration(m) && m.initializer && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) && m.name.text === name) return m.initializer;
  }
  return undefined;
}

/** `class A extends B` / `extends ns.B` -> 'B' (the name a controller's base is imported or declared by). */
function baseClassName(node: ts.ClassDeclaration): string | undefined {
  const clause = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const e = clause?.types[0]?.expression;
  return e && (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) ? e.getText() : undefined;
}

/**
 * The names a rest parameter's positions go by in its function: those of `const [router, tenant]
 * = args` in the body, else `args[0]` for the first (a function that only hands `...args` on).
 */
function restNames(fn: ts.SignatureDeclarationBase, rest: string): string[] {
  const body = 'body' in fn && fn.body && ts.isBlock(fn.body as ts.Node) ? (fn.body as ts.Block) : undefined;
  for (const st of body?.statements ?? []) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations)
      if (ts.isArrayBindingPattern(d.name) && d.initializer && ts.isIdentifier(d.initializer) && d.initializer.text === rest)
        return d.name.elements.map((el) => (ts.isBindingElement(el) && ts.isIdentifier(el.name) ? el.name.text : ''));
  }
  return [`${rest}[0]`];
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let cur = node.parent; cur; cur = cur.parent)
    if (ts.isFunctionDeclaration(cur) || ts.isArrowFunction(cur) || ts.isFunctionExpression(cur) || ts.isMethodDeclaration(cur) || ts.isConstructorDeclaration(cur)) return cur;
  return undefined;
}

/** The elements of `const name = [a, b]` written at the top of a function body (not spread ones). */
function localArrayElements(body: ts.ConciseBody, e: ts.Expression): ts.Expression[] {
  const x = skipOuter(e);
  if (!ts.isBlock(body) || !ts.isIdentifier(x)) return [];
  for (const st of body.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer ? skipOuter(d.initializer) : undefined;
      if (ts.isIdentifier(d.name) && d.name.text === x.text && init && ts.isArrayLiteralExpression(init)) return init.elements.filter((el) => !ts.isSpreadElement(el));
    }
  }
  return [];
}

function singleReturn(body: ts.Block | undefined): ts.Expression | undefined {
  const st = body?.statements;
  if (!st || st.length !== 1) return undefined;
  const only = st[0];
  return only && ts.isReturnStatement(only) ? only.expression : undefined;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** `router.route('/x')` or a `.get()`/`.post()` link after it. */
function isRouteChainLink(e: ts.Expression): boolean {
  let cur = skipOuter(e);
  while (ts.isCallExpression(cur) && ts.isPropertyAccessExpression(cur.expression)) {
    const name = cur.expression.name.text;
    if (name === 'route') return cur.arguments.length === 1;
    if (!(name in ROUTER_METHODS)) return false;
    cur = skipOuter(cur.expression.expression);
  }
  return false;
}

/**
 * Calls that answer the router they are called on: `router.use(a).use(b)`, fastify
 * `withTypeProvider<T>()`, Express's settings (`express().disable('x-powered-by')`), Hono's
 * `notFound` and `onError`.
 */
/** `router.route('/x').get(...)`: a method chained on the call. */
function chainsMethod(call: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(call.parent) && call.parent.name.text in ROUTER_METHODS && ts.isCallExpression(call.parent.parent);
}

const CHAIN_KEEPS_ROUTER = new Set(['use', 'route', 'register', 'routes', 'middleware', 'basePath', 'mount', 'withTypeProvider', 'openapi', 'doc', 'doc31', 'prefix', 'disable', 'enable', 'engine', 'notFound', 'onError']);

/** A link of a chain that returns the router it was called on: `use`, a registration (a path or config and a handler). */
function keepsSameRouter(call: ts.CallExpression): boolean {
  const m = (call.expression as ts.PropertyAccessExpression).name.text;
  if (m === 'use') return true;
  // `app.get('env')` reads a setting and `router.route('/x')` makes an Express Route: neither is the router.
  return (m in ROUTER_METHODS || m === 'route' || m === 'openapi') && call.arguments.length >= 2;
}

/** @hono/zod-openapi's calls that serve the OpenAPI document (`openapi` itself registers a route). */
const OPENAPI_CALLS: Readonly<Record<string, true>> = { openapi: true, doc: true, doc31: true };

/**
 * Packages whose handler or plugin serves one GraphQL endpoint, a tree of tRPC procedures, proxies
 * every request under its path, or answers paths of its own below it (Auth.js's sign-in and
 * callback pages, the REST paths trpc-to-openapi makes of the procedures' meta).
 */
const ENDPOINT_PACKAGES: ReadonlyArray<readonly [RegExp, Endpoint]> = [
  [/^(?:@trpc\/server(?:\/.*)?|@hono\/trpc-server)$/, 'trpc'],
  [/^(?:@apollo\/server(?:\/.*)?|apollo-server-(?:express|koa|fastify|hapi|lambda)|@as-integrations\/.+|express-graphql|graphql-http(?:\/.*)?|graphql-yoga|@graphql-yoga\/.+|mercurius|koa-graphql|@hono\/graphql-server)$/, 'graphql'],
  [/^(?:http-proxy-middleware|express-http-proxy)$/, 'proxy'],
  [/^(?:@auth\/express|trpc-to-openapi|trpc-openapi)$/, 'subtree'],
];

/** Each string literal of a value changed by `f` (a string value's last literal part). */
function mapLiterals(v: ConstValue, f: (p: string) => string): ConstValue {
  if (v.kind === 'arr') return { ...v, items: v.items.map((i) => mapLiterals(i, f)) };
  const lit = literalOf(v);
  return lit !== undefined ? str(f(lit)) : v.kind === 'str' ? str(...v.parts, f('')) : v;
}

/** General-purpose utility libraries: their `get`, `all`, `on`, `use` are not routes or mounts. */
const UTILITY_PACKAGE = /^(?:lodash(?:-es)?(?:\/.*)?|lodash\.\w+|underscore|ramda|immutable|object-path|dot-prop|rxjs(?:\/.*)?)$/;
/** Packages whose `get`/`post` send a request: their calls are never routes. */
const HTTP_CLIENT_PACKAGE = /^(?:(?:node:)?https?|axios|ky|ky-universal|got|superagent|supertest|node-fetch|cross-fetch|ofetch|undici|request|request-promise(?:-native)?|needle|phin|@angular\/common\/http|redaxios|wretch)$/;

function isFunctionLike(e: ts.Node): boolean {
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

/**
 * Whether a call's result is used: awaited, assigned, returned, passed on, or continued with
 * `.then()`. Router chains (`router.get(..).post(..)`) are followed to their end first.
 */
function isValueUsed(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  for (;;) {
    let parent = node.parent;
    while (parent && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent))) {
      node = parent;
      parent = node.parent;
    }
    if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === node && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
      const name = parent.name.text;
      if (name in ROUTER_METHODS || name === 'use' || name === 'route') {
        node = parent.parent;
        continue;
      }
      return true; // .then(), .json(), .data
    }
    if (!parent) return false;
    if (ts.isExpressionStatement(parent)) return false;
    if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) return true;
    return (
      ts.isAwaitExpression(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isReturnStatement(parent) ||
      ts.isArrowFunction(parent) ||
      ts.isCallExpression(parent) ||
      ts.isYieldExpression(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isArrayLiteralExpression(parent) ||
      (ts.isBinaryExpression(parent) && parent.right === node)
    );
  }
}

function isRoutePath(p: string): boolean {
  return p.startsWith('/') || p === '*' || p === '';
}

/** koa-router joins 'users' under a prefix as '/prefix/users'; without a prefix only '/x' counts. */
function isRelativeKoaPath(p: string, knownRouter: boolean): boolean {
  return knownRouter && /^[\w:.-]/.test(p);
}
