// The router a call is made on: a name, an alias, a chain (`router.route('/x').get(...)`), `this`
// in a router class, a factory call; and whether a `get`/`post` on it is a client's request
// (axios, fetch wrappers, a request made and its result used) rather than a route.
import ts from './compiler';
import { isArrayLiteralExpression, isArrowFunction, isClassLike, isAsExpression, isAwaitExpression, isBinaryExpression, isCallExpression, isConditionalExpression, isElementAccessExpression, isExpression, isExpressionStatement, isIdentifier, isNewExpression, isNonNullExpression, isObjectLiteralExpression, isParenthesizedExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isReturnStatement, isSatisfiesExpression, isTypeReferenceNode, isVariableDeclaration, isYieldExpression } from './tsNodes';
import { CLASS_ROUTER } from './extracted';
import { methodRouterOf } from './methodRouters';
import { skipOuter } from './tsSyntax';
import { CONVENTIONAL_RECEIVER, subclassRouter, enclosingClassRouter, thisAssigned, chainRoot, classField, enclosingFunction, CHAIN_KEEPS_ROUTER, isFunctionLike } from './routeSyntax';
import { ROUTER_METHODS } from './routeSpec';
import { RouteTableReader } from './routeTables';

/** Packages whose `get`/`post` send a request: their calls are never routes. */
const HTTP_CLIENT_PACKAGE = /^(?:(?:node:)?https?|axios|ky|ky-universal|got|superagent|supertest|node-fetch|cross-fetch|ofetch|undici|request|request-promise(?:-native)?|needle|phin|@angular\/common\/http|redaxios|wretch)$/;

export abstract class ReceiverReader extends RouteTableReader {
  /** The router a name stands for: what a scope binds it to, the router it renames, or itself. */
  private identifierReceiver(e: ts.Identifier): string | undefined {
    const bound = this.lookup(e.text);
    // `[source].forEach((source) => ...)`: a parameter bound to an element of its own name is
    // that outer name, not a loop back to itself.
    const scoped = bound && isExpression(bound as ts.Node) && this.scopes.some((s) => s.has(e.text)) ? (bound as ts.Expression) : undefined;
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
  /**
   * `app.basePath('/api').route('/x', sub)` on a router known by name: a face of it under the base
   * (a factory's own chain, `new Hono().basePath('/x')`, is read with the factory: withChainBase).
   */
  private basePathReceiver(e: ts.CallExpression, on: ts.Expression): string | undefined {
    const based = this.receiverOf(on);
    if (based === undefined) return undefined;
    // Not `@`-named as inline routers are: its base is its prefix, which its mounts need too.
    const name = `basePath:${this.line(e)}:${e.getStart(this.sf)}`;
    this.factoryNames.set(e, name);
    this.basePathFace(name, e, based);
    return name;
  }

  protected receiverOf(expr: ts.Expression): string | undefined {
    const e = skipOuter(expr);
    if (isIdentifier(e)) return this.identifierReceiver(e);
    if (e.kind === ts.SyntaxKind.ThisKeyword) return methodRouterOf(e) ?? subclassRouter(e) ?? 'this';
    if (isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) {
      // `client: AxiosInstance` declared by the class: its calls are requests, never routes.
      if (this.httpClientField(e)) return undefined;
      const field = classField(e, e.name.text);
      // `this.app.use(...)` in a subclass of a controller base: the base's router, the class itself.
      const own = field === undefined ? subclassRouter(e) : undefined;
      if (own !== undefined) return own;
      // `this.router = express()` in the class, or its field `router = Router()`: its instances are mounted as `new ApiRouter().router`.
      const made = field ?? thisAssigned(e, e.name.text);
      if (made !== undefined && this.factoryPrefix(made) !== undefined) return enclosingClassRouter(e);
      // `const app = express(); class Main { constructor() { this.e = app } ... this.e.use('/x', r) }`: the file's own app under another name.
      const kept = made !== undefined && isIdentifier(made) ? this.decls.get(made.text) : undefined;
      if (kept && isExpression(kept) && this.factoryPrefix(kept) !== undefined) return this.receiverOf(made as ts.Identifier);
    }
    if (isPropertyAccessExpression(e)) {
      // route.router where `route` is an element of a literal array being iterated
      const bound = isIdentifier(e.expression) && this.scopes.some((s) => s.has((e.expression as ts.Identifier).text)) ? this.lookup(e.expression.text) : undefined;
      if (bound && isObjectLiteralExpression(bound as ts.Node)) {
        const inner = this.prop(bound as ts.ObjectLiteralExpression, e.name.text);
        return inner ? this.receiverOf(inner) : undefined;
      }
      const base = this.receiverOf(e.expression);
      return base === undefined ? undefined : `${base}.${e.name.text}`;
    }
    if (isCallExpression(e) || isNewExpression(e)) {
      const named = this.factoryNames.get(e);
      if (named) return named;
      const outer = this.pendingPrefix;
      this.pendingPrefix = undefined;
      const prefix = this.factoryPrefix(e);
      const pending = this.pendingPrefix;
      this.pendingPrefix = outer;
      if (prefix !== undefined) {
        const name = `@${this.line(e)}:${e.getStart(this.sf)}`;
        this.factoryNames.set(e, name);
        this.routers.set(name, this.withChainBase(prefix, e));
        // `new Elysia({ prefix: config.prefix }).use(...)` not assigned: another file's value, resolved by collect.ts as a named instance's is.
        if (pending && this.elysiaFile) this.routerPrefixValues.set(name, pending);
        return name;
      }
      const maker = this.routerMaker(e);
      if (maker !== undefined) {
        const name = `@${this.line(e)}:${e.getStart(this.sf)}`;
        this.factoryNames.set(e, name);
        this.madeBy(name, maker, this.withChainBase('', e), e);
        return name;
      }
      const callee = e.expression;
      if (isPropertyAccessExpression(callee)) {
        const m = callee.name.text;
        const on = skipOuter(callee.expression);
        if (m === 'basePath' && isCallExpression(e) && !isCallExpression(on) && !isNewExpression(on)) return this.basePathReceiver(e, on);
        // Chains return their router: router.get(...).post(...), Router().use(...), app.basePath('/x');
        // each of an Elysia instance's methods returns it (`.guard(...)`, `.derive(...)`, `.as('global')`).
        if (m in ROUTER_METHODS || CHAIN_KEEPS_ROUTER.has(m) || this.elysiaFile) {
          const root = chainRoot(e);
          const named2 = this.factoryNames.get(root);
          if (named2) return named2;
          return this.receiverOf(callee.expression);
        }
      }
    }
    return undefined;
  }

  /** `this.client` where the class declares `client: AxiosInstance` (a type imported from an HTTP client package). */
  private httpClientField(e: ts.PropertyAccessExpression): boolean {
    let cls: ts.Node | undefined = e.parent;
    while (cls && !isClassLike(cls)) cls = cls.parent;
    const field = cls && isClassLike(cls) ? cls.members.find((m) => isPropertyDeclaration(m) && isIdentifier(m.name) && m.name.text === e.name.text) : undefined;
    const type = field && isPropertyDeclaration(field) ? field.type : undefined;
    const typeName = type && isTypeReferenceNode(type) && isIdentifier(type.typeName) ? type.typeName.text : undefined;
    const source = typeName !== undefined ? (this.out.imports.find((i) => i.local === typeName)?.source ?? this.typeImports.get(typeName)?.source) : undefined;
    return source !== undefined && HTTP_CLIENT_PACKAGE.test(source);
  }

  protected isReceiver(name: string): boolean {
    return this.routers.has(name) || this.isRouterByName(name) || this.importedNames.has(name) || this.typedReceivers.has(name);
  }

  /**
   * A receiver made a router here, a class router, or named as routers are: not one known only by
   * its import or type, nor made by another file's function that may make anything
   * (`const driver = await loadStorageDriver(config)`).
   */
  protected isRouterByName(name: string): boolean {
    if ((this.routers.has(name) && this.out.routerMakers?.[name] === undefined) || name.startsWith(CLASS_ROUTER)) return true;
    return CONVENTIONAL_RECEIVER.test(name.slice(name.lastIndexOf('.') + 1));
  }

  /**
   * An HTTP client's request, not a route: `await api.post('/x', data)`, `client.get('/y').then(...)`,
   * `() => http.get('/z')`. Only asked of receivers known by name alone (imported, conventional),
   * never of a router this file created. A registration is a statement and passes a handler; a
   * request's answer is used and it passes data. A receiver imported from an HTTP client package
   * (axios, ky, got...) or made by one (`axios.create()`) is a client whatever the call looks like.
   */
  protected isClientCall(call: ts.CallExpression, router: string): boolean {
    const root = router.split('.')[0] ?? router;
    const source = this.clientSourceOf(root);
    if (source !== undefined && HTTP_CLIENT_PACKAGE.test(source)) return true;
    if (call.arguments.slice(1).some((a) => isFunctionLike(skipOuter(a)))) return false;
    // koa-route's `app.use(route.get('/users', list))`: a request's answer is never middleware.
    if (isUseArgument(call)) return false;
    return isValueUsed(call);
  }

  /** The package a name comes from: its import, or the import behind `const api = axios.create()`. */
  protected clientSourceOf(name: string, depth = 0): string | undefined {
    const imported = this.out.imports.find((i) => i.local === name)?.source;
    if (imported !== undefined || depth > 3) return imported;
    const init = this.decls.get(name);
    if (!init || !isExpression(init as ts.Node)) return undefined;
    let cur: ts.Node = skipOuter(init as ts.Expression);
    while (isCallExpression(cur) || isNewExpression(cur) || isPropertyAccessExpression(cur)) cur = skipOuter(cur.expression);
    return isIdentifier(cur) && cur.text !== name ? this.clientSourceOf(cur.text, depth + 1) : undefined;
  }
}

/** Whether a call is handed as it is to a `use(...)` call (`app.use(route.get('/x', h))`). */
function isUseArgument(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (node.parent && (isParenthesizedExpression(node.parent) || isAsExpression(node.parent) || isNonNullExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  return parent !== undefined && isCallExpression(parent) && parent.expression !== node && isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'use';
}

/** Operators whose left operand may be a statement's work rather than a value used: `a(), b()`, `ok && app.get(...)`'s kin. */
const SEQUENCING_OPERATORS = new Set<ts.SyntaxKind>([ts.SyntaxKind.CommaToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);

/**
 * Whether a call's result is used: awaited, assigned, returned, passed on, or continued with
 * `.then()`. Router chains (`router.get(..).post(..)`) are followed to their end first.
 */
function isValueUsed(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  for (;;) {
    let parent = node.parent;
    while (parent && (isParenthesizedExpression(parent) || isAsExpression(parent) || isNonNullExpression(parent) || isSatisfiesExpression(parent))) {
      node = parent;
      parent = node.parent;
    }
    if (parent && isPropertyAccessExpression(parent) && parent.expression === node && isCallExpression(parent.parent) && parent.parent.expression === parent) {
      const name = parent.name.text;
      if (name in ROUTER_METHODS || name === 'use' || name === 'route') {
        node = parent.parent;
        continue;
      }
      return true; // .then(), .json(), .data
    }
    if (!parent) return false;
    if (isExpressionStatement(parent)) return false;
    // `return ok ? this.post({ path }, data) : []`: a branch's value is the conditional's.
    if (isConditionalExpression(parent) && parent.condition !== node) {
      node = parent;
      continue;
    }
    if (isPropertyAccessExpression(parent) || isElementAccessExpression(parent)) return true;
    return (
      isAwaitExpression(parent) ||
      isVariableDeclaration(parent) ||
      isReturnStatement(parent) ||
      isArrowFunction(parent) ||
      isCallExpression(parent) ||
      isYieldExpression(parent) ||
      isPropertyAssignment(parent) ||
      isArrayLiteralExpression(parent) ||
      (isBinaryExpression(parent) && (parent.right === node || !SEQUENCING_OPERATORS.has(parent.operatorToken.kind)))
    );
  }
}
