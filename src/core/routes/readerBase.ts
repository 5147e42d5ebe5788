// The state one file's route reading shares (declarations, routers, scopes, what was handled),
// and the small readings every layer uses: a node's line, warnings, object properties, scopes.
// The readers are layered on this class, one concept per file (see extract.ts); the methods a
// lower layer calls on a higher one are declared here.
import ts from './compiler';
import { isBinaryExpression, isCallExpression, isNewExpression, isExpression, isIdentifier, isParameter, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isStringLiteral, isVariableDeclaration } from './tsNodes';
import type { HttpMethod } from '../model';
import type { ConstValue } from './values';
import type { ExtractedFile, SettingGuard } from './extracted';
import { settingGuardOf, type GuardContext } from './settingGuards';
import type { ScanMessage } from '../scanTexts';
import { ROUTER_FACTORY, calleeName, chainRoot, enclosingFunction, isTypeOnly } from './routeSyntax';
import { forEachNodeLinkingParents, skipOuter } from './tsSyntax';

export type Scope = Map<string, ts.Expression | ConstValue>;

/** Read once: `ts.SyntaxKind` is a getter of the compiler's module object, and the first walk tests every assignment (tsNodes.ts). */
const { EqualsToken, FirstAssignment, LastAssignment } = ts.SyntaxKind;

/** A function of the file that registers routes for its caller (routeHelpers.ts). */
export type RouteHelper = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

export abstract class ReaderBase {
  /** Top-level `const x = ...` initialisers, enums, classes: what identifiers evaluate to. */
  protected readonly decls = new Map<string, ts.Node>();
  /** The file's feature flags (constantFlags), read at the first `if`. */
  protected flags: Map<string, boolean> | undefined;
  /** Every `x.push(...)`/`x.unshift(...)` of the file, found once when a Nest module list asks (pushesOf). */
  protected arrayPushes: ts.CallExpression[] | undefined;
  /** Scope-bound names whose receiver is being resolved now (a binding may name itself). */
  protected readonly resolving = new Set<string>();
  protected readonly importedNames = new Set<string>();
  /**
   * Names bound by `import type { x }`, with what they import: a `typeof x` parameter type can name a
   * router of another file, a parameter typed with a class a router class (methodRouters.ts).
   */
  protected readonly typeImports = new Map<string, { imported: string; source: string }>();
  /**
   * Names bound to a router's method (`const { router, get, post } = baseRouter()` of a factory returning
   * `{ router, get: router.get.bind(router) }`, `const get = router.get.bind(router)`): a call of one
   * is that method's call on that router (boundMethods.ts).
   */
  protected readonly boundMethods = new Map<string, { router: string; method: string }>();
  /** Function parameters whose declared type is a router (`app: OpenAPIHono`, `api: typeof usersApi`). */
  protected readonly typedReceivers = new Set<string>();
  /** Factory calls (and their chains) assigned to a variable: the variable names the router. */
  protected readonly factoryNames = new Map<ts.Node, string>();
  /** Router names known from a factory call, with their own prefix (koa `new Router({ prefix })`). */
  protected readonly routers = new Map<string, string>();
  /**
   * `const api = router.use(auth)`, `const api = router as Router<X>`: another name, in the function
   * declaring it, for the router it was made from (`use` returns its router).
   */
  protected readonly routerAliases = new Map<string, Array<{ of: string; fn: ts.Node | undefined }>>();
  /**
   * A name declared again in another function of the file (`const router = new Router()` in two
   * functions): each later declaration is its own router, named `router@line`; see ownName.
   */
  private readonly redeclared = new Map<string, Array<{ fn: ts.Node | undefined; name: string; decl: ts.VariableDeclaration }>>();
  /** The file's nodes outside types (isTypeOnly), in document order: found by the first walk (findRedeclared), read by collectDeclarations without another. */
  protected readonly valueNodes: ts.Node[] = [];
  /** Every call of the file in document order (found by the first walk): read through callsWithin. */
  private readonly calls: ts.CallExpression[] = [];
  /** `options.url` of each `options.url = ...` in the file (found by the first walk): the only properties a later read may find reassigned. */
  protected readonly assignedProps = new Set<string>();
  /** Names given a new value somewhere in the file (`names = listNames()`, found by the first walk): their declaration's initializer is not what they hold. */
  protected readonly reassignedNames = new Set<string>();
  /** Names assigned by any assignment operator (`x = ...`, `x += ...`): a `let` among them may change after its declaration (letValues.ts). */
  protected readonly changedNames = new Set<string>();
  /** Every parameter name of the file's functions: with decls, the names it declares itself. */
  protected readonly paramNames = new Set<string>();
  /** Router prefixes that refer to other files' constants (`prefix: config.apiPrefix`). */
  protected readonly routerPrefixValues = new Map<string, ConstValue>();
  /** Hono faces made in a loop's body (`app.basePath(`/${name}`)`), their base read where each route is added (routerCalls.ts). */
  protected readonly loopBases = new Map<string, { arg: ts.Expression; call: ts.CallExpression }>();
  protected readonly scopes: Scope[] = [];
  /** The file imports Elysia (elysiaRoutes.ts): every link of a chain on its instances returns the instance. */
  protected elysiaFile = false;
  protected readonly evaluating = new Set<ts.Node>();
  private guardContext: GuardContext | undefined;
  /** What each function read so far returns, its parameters as references (Evaluator.functionTemplate); null: not known. */
  protected readonly templates = new Map<ts.Node, ConstValue | null>();
  /** Set by factoryPrefix when the prefix is not literal; taken by the caller that names the router. */
  protected pendingPrefix: ConstValue | undefined;
  /** Prefix expressions already warned of as not known statically (unknownPrefix). */
  protected readonly unknownPrefixes = new Set<ts.Node>();
  /** Inline plugin bodies already read under their own router: not read again as the file's. */
  protected readonly handled = new Set<ts.Node>();
  /** This file's route helpers (see findRouteHelpers), by name. */
  protected readonly routeHelpers = new Map<string, RouteHelper>();
  /** Methods registering a route config handed in on the router they are given (findSpecMounters): no route of their own. */
  protected readonly specMounterFns = new Set<ts.Node>();
  /** The bodies of the file's route helpers of a fixed method (routeHelpers.ts findFixedHelpers). */
  protected readonly fixedHelperFns = new Set<ts.Node>();
  /** The calls of keyed helpers handing a router to a table's functions (routeHelpers.ts findKeyedHelpers): each call of the helper picks them. */
  protected readonly keyedCallNodes = new Set<ts.Node>();
  /** The helpers being read at a call site, innermost last; routes found take the outermost call's line. */
  protected readonly expanding: { name: string; line: number | undefined; passed?: ReadonlyMap<string, ts.Expression> }[] = [];

  constructor(
    protected readonly sf: ts.SourceFile,
    protected readonly out: ExtractedFile,
  ) {}

  /**
   * Names declared by `const`/`let` in more than one function of the file (see redeclared). The
   * reader's first walk: it links the nodes to their parents (forEachNodeLinkingParents), which
   * every later reading of `.parent` needs, and lists the nodes outside types (valueNodes).
   */
  protected findRedeclared(): void {
    const all = new Map<string, ts.VariableDeclaration[]>();
    const nodes = this.valueNodes;
    forEachNodeLinkingParents(this.sf, (node) => {
      // Types declare no value: a type's nodes are linked, not listed (nor can they declare a variable).
      if (isTypeOnly(node)) return true;
      nodes.push(node);
      if (isBinaryExpression(node) && node.operatorToken.kind === EqualsToken && isPropertyAccessExpression(node.left) && isIdentifier(node.left.expression))
        this.assignedProps.add(`${node.left.expression.text}.${node.left.name.text}`);
      if (isBinaryExpression(node) && node.operatorToken.kind === EqualsToken && isIdentifier(node.left)) this.reassignedNames.add(node.left.text);
      if (isBinaryExpression(node) && isIdentifier(node.left) && node.operatorToken.kind >= FirstAssignment && node.operatorToken.kind <= LastAssignment) this.changedNames.add(node.left.text);
      if (!isVariableDeclaration(node) || !isIdentifier(node.name)) return false;
      const same = all.get(node.name.text);
      if (same) same.push(node);
      else all.set(node.name.text, [node]);
      return false;
    }, this.calls);
    const params = parameterFunctions(this.valueNodes);
    for (const [name, decls] of all) {
      const fns = decls.map((d) => enclosingFunction(d));
      // A router declared in one function only, and a parameter of that name in another function of the file
      // (`function make() { const router = Router(); ... }` beside `function mount(router) { ... }`):
      // two values of one name, so the declaration gets its own as a redeclared one does.
      const fn = fns[0];
      if (fns.length === 1 && fn !== undefined && makesRouter(decls[0] as ts.VariableDeclaration) && [...(params.get(name) ?? [])].some((g) => g !== fn)) {
        this.redeclared.set(name, [{ fn, decl: decls[0] as ts.VariableDeclaration, name: `${name}@${this.line(decls[0] as ts.VariableDeclaration)}` }]);
        continue;
      }
      if (new Set(fns).size < 2) continue;
      // The first declaration keeps the name (a top-level one first of all); each other function's its own.
      const first = fns.indexOf(undefined) >= 0 ? undefined : fns[0];
      this.redeclared.set(
        name,
        decls.map((decl, i) => ({ fn: fns[i], decl, name: fns[i] === first ? name : `${name}@${this.line(decl)}` })),
      );
    }
  }

  /**
   * The calls inside `node` (and `node` itself when it is one), in the order a walk of it meets
   * them: a reading that looks only at calls finds them without walking every node again. The
   * first walk lists them in document order, each after the calls holding it, so those inside
   * `node` are the run from the first starting at or after its start to the last starting before
   * its end (less a call holding `node` that starts where it starts).
   */
  protected callsWithin(node: ts.Node): ts.CallExpression[] {
    const calls = this.calls;
    let lo = 0;
    for (let hi = calls.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if ((calls[mid] as ts.CallExpression).pos < node.pos) lo = mid + 1;
      else hi = mid;
    }
    const out: ts.CallExpression[] = [];
    for (let i = lo; i < calls.length && (calls[i] as ts.CallExpression).pos < node.end; i++) {
      const call = calls[i] as ts.CallExpression;
      if (call.end <= node.end) out.push(call);
    }
    return out;
  }

  /**
   * The first walk's nodes a reading looks for by a plain name, indexed by it on first need (a large file's
   * loops, parameters and pushes each asked a walk of every node: seconds for a 500 KB file). In document
   * order, as valueNodes lists them: `name = ...` (assignmentsTo), `name.method(...)` (methodCallsOn),
   * `name(...)` (callsOf).
   */
  private byName: { assigned: Map<string, ts.BinaryExpression[]>; methodCalls: Map<string, ts.CallExpression[]>; calls: Map<string, ts.CallExpression[]> } | undefined;

  private nodesByName(): NonNullable<ReaderBase['byName']> {
    if (this.byName) return this.byName;
    const by: NonNullable<ReaderBase['byName']> = { assigned: new Map(), methodCalls: new Map(), calls: new Map() };
    const add = <T>(m: Map<string, T[]>, name: string, n: T) => {
      const list = m.get(name);
      if (list) list.push(n);
      else m.set(name, [n]);
    };
    for (const n of this.valueNodes) {
      if (isBinaryExpression(n) && n.operatorToken.kind === EqualsToken && isIdentifier(n.left)) add(by.assigned, n.left.text, n);
      if (!isCallExpression(n)) continue;
      const callee = skipOuter(n.expression);
      if (isIdentifier(callee)) add(by.calls, callee.text, n);
      const target = isPropertyAccessExpression(n.expression) ? skipOuter(n.expression.expression) : undefined;
      if (target && isIdentifier(target)) add(by.methodCalls, target.text, n);
    }
    return (this.byName = by);
  }

  /** The file's assignments `name = ...` (outside types), in document order. */
  protected assignmentsTo(name: string): readonly ts.BinaryExpression[] {
    return this.nodesByName().assigned.get(name) ?? [];
  }

  /** The file's calls of a method of `name` (`name.push(x)`, `(name as T[]).add(x)`), in document order. */
  protected methodCallsOn(name: string): readonly ts.CallExpression[] {
    return this.nodesByName().methodCalls.get(name) ?? [];
  }

  /** The file's calls of `name` itself (`name(x)`, `(name)(x)`), in document order. */
  protected callsOf(name: string): readonly ts.CallExpression[] {
    return this.nodesByName().calls.get(name) ?? [];
  }

  /** The router name a declaration or a reference stands for: `router@12` for a name another function of the file declares too. */
  protected ownName(name: string, at: ts.Node): string {
    const decls = this.redeclared.get(name);
    if (!decls) return name;
    if (isVariableDeclaration(at)) return decls.find((d) => d.decl === at)?.name ?? name;
    for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
      const own = decls.find((d) => d.fn === fn);
      if (own) return own.name;
      // A parameter of the same name in between shadows every outer declaration.
      if (fn.parameters.some((p) => isIdentifier(p.name) && p.name.text === name)) return name;
    }
    return name;
  }

  protected line(node: ts.Node): number {
    // Routes of a helper read at a call are at the outermost call's line; at their own for a call not known (readKeyedMemberCall).
    const outer = this.expanding[0]?.line;
    if (outer !== undefined) return outer;
    // A call on a chain (`server.route({...})\n  .route({...})`, `r.route('/x').get(...).post(...)`) is on its method's line.
    const at = isCallExpression(node) && isPropertyAccessExpression(node.expression) ? node.expression.name : node;
    return this.sf.getLineAndCharacterOfPosition(at.getStart(this.sf)).line + 1;
  }

  /** The test of the environment or configuration `node` runs under, if any (settingGuards.ts). */
  protected settingGuard(node: ts.Node): SettingGuard | undefined {
    this.guardContext ??= {
      sf: this.sf,
      constOf: (name) => {
        const decl = this.decls.get(name);
        return decl !== undefined && isExpression(decl) && !this.changedNames.has(name) && !this.paramNames.has(name) ? decl : undefined;
      },
      importedFrom: (name) => this.out.imports.find((i) => i.local === name)?.source,
    };
    return settingGuardOf(node, this.guardContext);
  }

  /** A declaration seen but not understood: data, rendered in the reader's language (core/scanTexts.ts). */
  protected warn(node: ts.Node, message: ScanMessage, on?: string): void {
    this.out.warnings.push({ ...message, line: this.line(node), ...(on !== undefined ? { on } : {}) });
  }

  protected prop(obj: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
    for (const p of obj.properties) {
      const name = p.name && (isIdentifier(p.name) || isStringLiteral(p.name)) ? p.name.text : undefined;
      if (name !== key) continue;
      if (isPropertyAssignment(p)) return p.initializer;
      if (isShorthandPropertyAssignment(p)) return p.name;
    }
    return undefined;
  }

  protected lookup(name: string): ts.Expression | ConstValue | ts.Node | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const hit = this.scopes[i]?.get(name);
      if (hit) return hit;
    }
    return this.decls.get(name);
  }

  protected withScope(scope: Scope, fn: () => void): void {
    this.scopes.push(scope);
    try {
      fn();
    } finally {
      this.scopes.pop();
    }
  }

  // Provided by the readers built on this one (see extract.ts).
  protected abstract listedLoad(init: ts.Expression): { source: string; imported: string } | undefined;
  /** A list the file fills with one element per listed file (pushedLists.ts), for the empty array literal declaring it. */
  protected abstract pushedList(decl: ts.ArrayLiteralExpression): ConstValue | undefined;
  protected abstract visit(node: ts.Node): void;
  protected abstract isReceiver(name: string): boolean;
  protected abstract inRouteHelper(node: ts.Node): boolean;
  protected abstract versionOf(node: ts.Expression): string[] | undefined;
  protected abstract controllerPath(d: ts.Node, pathArg: ts.Expression | undefined): { paths: ConstValue; version?: string[] } | undefined;
  protected abstract controllerFactory(name: string): { call: ts.CallExpression; pathArg: ts.Expression | undefined; scope: Scope } | undefined;
  protected abstract tableKeyStep(call: ts.CallExpression): ConstValue | undefined;
  protected abstract addRoute(router: string, method: HttpMethod, value: ConstValue, node: ts.Node, code?: string): void;
  protected abstract decoratorRoutes(name: string, depth: number): Array<{ method: HttpMethod; path: ConstValue }> | undefined;
}

/** The functions declaring each plain parameter name (`function mount(router)`, `(router) => ...`), from the file's value nodes. */
function parameterFunctions(nodes: readonly ts.Node[]): Map<string, Set<ts.Node>> {
  const out = new Map<string, Set<ts.Node>>();
  for (const node of nodes) {
    if (!isParameter(node) || !isIdentifier(node.name)) continue;
    const set = out.get(node.name.text) ?? new Set<ts.Node>();
    set.add(node.parent);
    out.set(node.name.text, set);
  }
  return out;
}

/** `const router = express.Router()`, `new Router({ prefix })`, `new Hono().basePath('/x')`: a declaration made by a router factory call. */
function makesRouter(decl: ts.VariableDeclaration): boolean {
  const root = decl.initializer ? chainRoot(skipOuter(decl.initializer)) : undefined;
  const callee = root && (isCallExpression(root) || isNewExpression(root)) ? calleeName(root.expression) : undefined;
  return callee !== undefined && ROUTER_FACTORY.test(callee);
}
