// Small readings of syntax the route readers share: router method names, class routers and
// `this` assignments, returned and chained expressions, callee names, paths joined with __dirname,
// class members, functions around a node.
import ts from './compiler';
import { forEachChild, getModifiers, isArrayBindingPattern, isArrowFunction, isBinaryExpression, isBindingElement, isBlock, isCallExpression, isClassLike, isConstructorDeclaration, isElementAccessExpression, isExpression, isExpressionStatement, isFunctionDeclaration, isFunctionExpression, isIdentifier, isIfStatement, isInterfaceDeclaration, isMethodDeclaration, isNewExpression, isNoSubstitutionTemplateLiteral, isOmittedExpression, isPrivateIdentifier, isPropertyAccessExpression, isPropertyDeclaration, isReturnStatement, isStringLiteral, isTryStatement, isStringLiteralLike, isTemplateExpression, isTypeAliasDeclaration, isTypeNode, isVariableStatement } from './tsNodes';
import type { HttpMethod } from '../model';
import { CLASS_ROUTER } from './extracted';
import { skipOuter } from './tsSyntax';
import { requireSource, isModuleLoad } from './moduleLoads';

/**
 * Receivers accepted without a visible factory call (a fastify plugin's parameter, a router passed
 * in). Deliberately excludes client-ish names (axios, http, api, client, request) so that
 * `http.get('/users', config)` in front-end code is not taken for a route.
 */
/** Calls whose result is an app or a router. */
export const ROUTER_FACTORY =
  /^(?:express|express\.Router|express\.default|e\.Router|Router|fastify|Fastify|Koa|KoaRouter|Hono|OpenAPIHono|Elysia|polka|restify\.createServer|createRouter|KoaRouter|router)$/;

export const CONVENTIONAL_RECEIVER = /^(?:app|server|express|fastify|instance|router|routes|f)$|(?:Router|Routes|router|routes|App|app|Server)$/;

/**
 * Each class's field initializers (the first of each name), read once per class: a generated API
 * client's class asks for its fields at every `this.x` of its hundreds of methods.
 */
const fieldInitializers = new WeakMap<ts.ClassLikeDeclaration, Map<string, ts.Expression>>();

/** Each class's `this.<name> = x` assignments in its members (the first of each name), read once per class. */
const thisAssignments = new WeakMap<ts.ClassLikeDeclaration, Map<string, ts.Expression>>();

/**
 * Calls that answer the router they are called on: `router.use(a).use(b)`, fastify
 * `withTypeProvider<T>()`, Express's settings (`express().disable('x-powered-by')`), Hono's
 * `notFound`, `onError` and `on(methods, path, h)`.
 */
export const CHAIN_KEEPS_ROUTER = new Set(['use', 'set', 'route', 'register', 'routes', 'middleware', 'basePath', 'mount', 'withTypeProvider', 'openapi', 'doc', 'doc31', 'prefix', 'disable', 'enable', 'engine', 'notFound', 'onError', 'on']);

/**
 * The router `this` stands for inside `class UsersController extends Controller`: the class
 * itself (`class UsersController`), whose instances are mounted with `new UsersController().router`.
 * Only subclasses: a base whose methods wrap the router (`this.route({ method, path, handler })`).
 */
export function subclassRouter(at: ts.Node): string | undefined {
  let cur: ts.Node | undefined = at.parent;
  while (cur && !isClassLike(cur)) cur = cur.parent;
  if (!cur || !cur.name || !cur.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword)) return undefined;
  return `${CLASS_ROUTER}${cur.name.text}`;
}

/** The class around `at` as a router of its own (`this.router = express()` in it). */
export function enclosingClassRouter(at: ts.Node): string | undefined {
  let cur: ts.Node | undefined = at.parent;
  while (cur && !isClassLike(cur)) cur = cur.parent;
  return cur?.name ? `${CLASS_ROUTER}${cur.name.text}` : undefined;
}

/** What the class around `at` assigns to `this.<name>`: its field initializer, else the first `this.<name> = x` in its members. */
export function thisAssigned(at: ts.Node, name: string): ts.Expression | undefined {
  const field = classField(at, name);
  if (field) return skipOuter(field);
  let cur: ts.Node | undefined = at.parent;
  while (cur && !isClassLike(cur)) cur = cur.parent;
  if (!cur) return undefined;
  let assigned = thisAssignments.get(cur);
  if (!assigned) {
    const found = new Map<string, ts.Expression>();
    const visit = (n: ts.Node): void => {
      if (isClassLike(n)) return;
      if (
        isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && isPropertyAccessExpression(n.left) &&
        n.left.expression.kind === ts.SyntaxKind.ThisKeyword && !found.has(n.left.name.text)
      )
        found.set(n.left.name.text, skipOuter(n.right));
      forEachChild(n, visit);
    };
    for (const m of cur.members) if (!isPropertyDeclaration(m)) forEachChild(m, visit);
    assigned = found;
    thisAssignments.set(cur, assigned);
  }
  return assigned.get(name);
}

/** The names a binding declares: `r`, `{ path, router }`, `[a, b]`. */
export function bindingNames(name: ts.BindingName, into: Set<string>): void {
  if (isIdentifier(name)) into.add(name.text);
  else for (const el of name.elements) if (!isOmittedExpression(el)) bindingNames(el.name, into);
}

/** Types, interfaces and type aliases declare no route and hold no value. */
export function isTypeOnly(node: ts.Node): boolean {
  return isTypeNode(node) || isInterfaceDeclaration(node) || isTypeAliasDeclaration(node);
}

/** What a function returns last: its last `return` expression, or an arrow's expression body. */
export function returnedExpression(fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  const body = fn.body;
  const e = body === undefined ? undefined : isBlock(body) ? [...body.statements].reverse().find(isReturnStatement)?.expression : body;
  return e === undefined ? undefined : skipOuter(e);
}

/** The innermost call or `new` of a chain: `Router().use(a).use(b)` -> `Router()`. */
export function chainRoot(e: ts.Node): ts.Node {
  let cur: ts.Node = e;
  while (isCallExpression(cur) && isPropertyAccessExpression(cur.expression)) {
    const inner = skipOuter(cur.expression.expression);
    // `require('express').Router()`: the module load is not a link of the chain.
    if ((!isCallExpression(inner) && !isNewExpression(inner)) || isModuleLoad(inner)) break;
    cur = inner;
  }
  return cur;
}

/** `express.Router`, `Router`, `new Koa` -> their dotted name. */
export function calleeName(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  if (isIdentifier(x)) return x.text;
  if (isPropertyAccessExpression(x)) {
    const base = calleeName(x.expression);
    return base === undefined ? undefined : `${base}.${x.name.text}`;
  }
  // `require('express').Router()`: the module's own name stands for the binding.
  if (isCallExpression(x)) return requireSource(x) ?? calleeName(x.expression);
  return undefined;
}

/** `process.env.X || 'api'` / `?? 'api'` -> 'api'. */
export function envDefault(e: ts.Expression, sf: ts.SourceFile): string | undefined {
  if (!isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.QuestionQuestionToken) return undefined;
  const left = skipOuter(e.left);
  const right = skipOuter(e.right);
  // Node's process.env, Deno's Deno.env.get('X'), Bun's Bun.env.
  const isEnv = (x: ts.Expression): boolean => /^(?:process\.env\b|Deno\.env\.get\(|Bun\.env\b)/.test(x.getText(sf));
  if (!isEnv(left)) return undefined;
  return isStringLiteral(right) || isNoSubstitutionTemplateLiteral(right) ? right.text : undefined;
}

/** `path.join(__dirname, 'routes')`, `join(import.meta.dirname, 'a', 'b')`, `'./routes'` -> 'routes' relative to the file's folder. */
export function dirnameJoin(e: ts.Expression, text: (e: ts.Expression) => string | undefined): string | undefined {
  if (isCallExpression(e) && /(?:^|\.)(?:join|resolve)$/.test(e.expression.getText())) {
    const [first, ...rest] = e.arguments;
    if (!first || !/^(?:__dirname|import\.meta\.(?:dirname|url))$/.test(first.getText())) return undefined;
    const parts = rest.map((a) => text(a));
    return parts.every((p): p is string => p !== undefined) ? parts.join('/') : undefined;
  }
  if (/^(?:__dirname|import\.meta\.dirname)$/.test(e.getText())) return '';
  // `fileURLToPath(new URL('../routes', import.meta.url))`, `new URL('./api', import.meta.url).pathname`: ES modules' `join(__dirname, ...)`.
  const url = isCallExpression(e) && /(?:^|\.)fileURLToPath$/.test(e.expression.getText()) && e.arguments[0] ? skipOuter(e.arguments[0]) : isPropertyAccessExpression(e) && e.name.text === 'pathname' ? skipOuter(e.expression) : undefined;
  if (url && isNewExpression(url) && url.expression.getText() === 'URL' && url.arguments?.length === 2 && url.arguments[1]?.getText() === 'import.meta.url') {
    const [rel] = url.arguments;
    const lit = rel && text(rel);
    return lit?.replace(/^\.\//, '');
  }
  const pieces = isTemplateExpression(e) || isBinaryExpression(e) ? concatPieces(e) : undefined;
  if (pieces && pieces.length > 1) return fromDirname(pieces, (p) => (typeof p === 'string' ? p : text(p)));
  const lit = text(e);
  return lit?.replace(/^\.\//, '');
}

/** `${__dirname}/api/${r}`, `'./api/' + r`, `__dirname + '/api/' + r`: the literal and computed pieces in order. */
export function concatPieces(e: ts.Expression): Array<ts.Expression | string> {
  const x = skipOuter(e);
  if (isTemplateExpression(x)) return [x.head.text, ...x.templateSpans.flatMap((span) => [skipOuter(span.expression), span.literal.text])].filter((p) => p !== '');
  if (isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...concatPieces(x.left), ...concatPieces(x.right)];
  return [isStringLiteralLike(x) ? x.text : x];
}

/** The pieces of a concatenated path as one path from the file's folder (`__dirname`, './' or '../' first), or undefined. */
export function fromDirname(pieces: Array<ts.Expression | string>, text: (e: ts.Expression | string) => string | undefined): string | undefined {
  const [first, ...rest] = pieces;
  const dirname = first !== undefined && typeof first !== 'string' && /^(?:__dirname|import\.meta\.dirname)$/.test(first.getText());
  const parts = (dirname ? rest : pieces).map(text);
  if (!parts.every((p): p is string => p !== undefined)) return undefined;
  const joined = parts.join('');
  return dirname ? joined.replace(/^\//, '') : /^\.\//.test(joined) ? joined.slice(2) : /^\.\.\//.test(joined) ? joined : undefined;
}

/** The initializer of a field of the class around `at` (`path = '/users'`). */
export function classField(at: ts.Node, name: string): ts.Expression | undefined {
  let cur: ts.Node | undefined = at.parent;
  while (cur && !isClassLike(cur)) cur = cur.parent;
  if (!cur) return undefined;
  let fields = fieldInitializers.get(cur);
  if (!fields) {
    fields = new Map();
    for (const m of cur.members)
      if (isPropertyDeclaration(m) && m.initializer && (isIdentifier(m.name) || isPrivateIdentifier(m.name)) && !fields.has(m.name.text)) fields.set(m.name.text, m.initializer);
    fieldInitializers.set(cur, fields);
  }
  return fields.get(name);
}

/**
 * A field a JavaScript class (or tsc's output of a TypeScript one) sets in a statement of its own
 * in its constructor, `this.common = Common;`: what it holds once the instance is made (the
 * evaluator's `this.common`). Not one set from a constructor parameter.
 */
export function constructorField(at: ts.Node, name: string): ts.Expression | undefined {
  let cur: ts.Node | undefined = at.parent;
  while (cur && !isClassLike(cur)) cur = cur.parent;
  for (const m of cur?.members ?? []) {
    if (!isConstructorDeclaration(m) || !m.body) continue;
    const params = new Set(m.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : '')));
    for (const st of m.body.statements) {
      const e = isExpressionStatement(st) ? st.expression : undefined;
      if (!e || !isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const left = e.left;
      const right = skipOuter(e.right);
      if (isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name) return isIdentifier(right) && params.has(right.text) ? undefined : e.right;
    }
  }
  return undefined;
}

/**
 * The names a rest parameter's positions go by in its function: those of `const [router, tenant]
 * = args` in the body, else `args[0]` for the first (a function that only hands `...args` on).
 */
export function restNames(fn: ts.SignatureDeclarationBase, rest: string): string[] {
  const body = 'body' in fn && fn.body && isBlock(fn.body as ts.Node) ? (fn.body as ts.Block) : undefined;
  for (const st of body?.statements ?? []) {
    if (!isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations)
      if (isArrayBindingPattern(d.name) && d.initializer && isIdentifier(d.initializer) && d.initializer.text === rest)
        return d.name.elements.map((el) => (isBindingElement(el) && isIdentifier(el.name) ? el.name.text : ''));
  }
  return [`${rest}[0]`];
}

export function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let cur = node.parent; cur; cur = cur.parent)
    if (isFunctionDeclaration(cur) || isArrowFunction(cur) || isFunctionExpression(cur) || isMethodDeclaration(cur) || isConstructorDeclaration(cur)) return cur;
  return undefined;
}

/**
 * What a function returns when the environment variables it tests are unset: its return reached
 * when every `if` on the way, whose condition is a read of `process.env` (directly, or through a
 * local read from it, joined by `&&` with further tests), is false (`if (mount && mount.length > 0)
 * return ...; else return 'api';` -> 'api'), past calls made for their effect (`console.log(x);`).
 * Undefined when any other statement or test is met.
 */
export function returnWhenEnvUnset(fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  if (!fn.body || !isBlock(fn.body)) return undefined;
  const envLocals = new Set<string>();
  const isEnvRead = (e: ts.Expression): boolean => {
    const x = skipOuter(e);
    if (isIdentifier(x)) return envLocals.has(x.text);
    const base = isPropertyAccessExpression(x) || isElementAccessExpression(x) ? skipOuter(x.expression) : undefined;
    return base !== undefined && isPropertyAccessExpression(base) && base.name.text === 'env' && isIdentifier(base.expression) && base.expression.text === 'process';
  };
  // False when the variables are unset: a read of one, or an `&&` chain holding one.
  const falseWhenUnset = (e: ts.Expression): boolean => {
    const x = skipOuter(e);
    if (isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return falseWhenUnset(x.left) || falseWhenUnset(x.right);
    return isEnvRead(x);
  };
  const walk = (statements: readonly ts.Statement[]): ts.Expression | undefined | null => {
    for (const st of statements) {
      if (isReturnStatement(st)) return st.expression ? skipOuter(st.expression) : undefined;
      if (isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) if (isIdentifier(d.name) && d.initializer && isEnvRead(d.initializer)) envLocals.add(d.name.text);
        continue;
      }
      // A call made for its effect (`console.log(options)`, `await this.init()`) decides nothing returned.
      if (isExpressionStatement(st) && isCallExpression(skipOuter(st.expression))) continue;
      if (!isIfStatement(st) || !falseWhenUnset(st.expression)) return undefined;
      const other = st.elseStatement;
      if (!other) continue;
      const r = walk(isBlock(other) ? other.statements : [other]);
      if (r !== null) return r;
    }
    return null; // fell through: no return on this path yet
  };
  return walk(fn.body.statements) ?? undefined;
}

export function singleReturn(body: ts.Block | undefined): ts.Expression | undefined {
  const st = body?.statements;
  if (!st || st.length !== 1) return undefined;
  const only = st[0];
  return only && isReturnStatement(only) ? only.expression : undefined;
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (getModifiers(node) ?? []).some((m) => m.kind === kind);
}

export function isFunctionLike(e: ts.Node): boolean {
  return isArrowFunction(e) || isFunctionExpression(e);
}

/**
 * An Express-style `(req, res, next)` function given as a route's only handler that hands every
 * request on: its body ends by calling `next()` (or is that call), returns nowhere before and
 * rewrites nothing of the request, as `app.all('*', (req, res, next) => { res.header(...); next(); })`
 * setting CORS headers for every path, or a path left to a middleware mounted before it.
 * Middleware, though registered by a route call. One that sets `req.url` (a rewrite the next
 * middleware answers) is a route; so is one that answers through its response before calling `next()`
 * (`res.send(v); next();`, the request answered whatever runs after it), or that sets a field of the
 * response for a later middleware to send (`res.response = req.task; next();`, an app whose last
 * `app.use` sends what the routes set; `res.locals`, the views' values, is not such a field). With `marksRequest`, one
 * that writes to the request (`req.kind = 'preview'`) hands it on all the same: for a route call
 * followed by others in its chain, which answer what it marks.
 */
export function handsEveryRequestOn(node: ts.Node, marksRequest = false): boolean {
  if (!isFunctionLike(node) && !isFunctionDeclaration(node)) return false;
  const fn = node as ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;
  const names = fn.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : ''));
  const next = names[2];
  if (names.length !== 3 || !next || /^next$/i.test(names[1] ?? '') || !fn.body) return false;
  const isNextCall = (e: ts.Node | undefined, given = 0): boolean => {
    const c = e && isExpression(e) ? skipOuter(e) : undefined;
    return !!c && isCallExpression(c) && c.arguments.length <= given && isIdentifier(c.expression) && c.expression.text === next;
  };
  if (!isBlock(fn.body)) return isNextCall(fn.body);
  const last = fn.body.statements.at(-1);
  if (!last || !endsHandingOn(last, isNextCall, marksRequest)) return false;
  const [req, res] = names;
  let answers = false;
  const visit = (n: ts.Node): void => {
    if (answers || isFunctionLike(n) || isFunctionDeclaration(n)) return;
    const writesRequest = !marksRequest && isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && rootName(n.left) === req;
    if ((isReturnStatement(n) && n !== last) || writesRequest || sendsResponse(n, res) || setsResponseField(n, res)) answers = true;
    else forEachChild(n, visit);
  };
  forEachChild(fn.body, visit);
  return !answers;
}

/**
 * A middleware body's last statement handing every request on: `next()`, or `try { ...; next(); }
 * catch (e) { next(e); }` (what the try block throws goes to the error handler, answered there).
 */
function endsHandingOn(last: ts.Statement, isNextCall: (e: ts.Node | undefined, given?: number) => boolean, branches = false): boolean {
  if (isExpressionStatement(last) || isReturnStatement(last)) return isNextCall(last.expression) || (branches && isNextCall(last.expression, 1));
  // With `branches`: `if (enabled) { req.kind = 'x'; next(); } else { next(notAllowed); }`, every branch handing on (an error to the error handler).
  if (branches && isIfStatement(last)) return !!last.elseStatement && endsHandingOn(lastOf(last.thenStatement), isNextCall, true) && endsHandingOn(lastOf(last.elseStatement), isNextCall, true);
  if (!isTryStatement(last) || last.finallyBlock || !last.catchClause) return false;
  const tried = last.tryBlock.statements.at(-1);
  const caught = last.catchClause.block.statements.at(-1);
  return !!tried && endsHandingOn(tried, isNextCall) && !!caught && (isExpressionStatement(caught) || isReturnStatement(caught)) && isNextCall(caught.expression, 1);
}

/** A block's last statement, or the statement itself. */
function lastOf(st: ts.Statement): ts.Statement {
  return isBlock(st) ? (st.statements.at(-1) ?? st) : st;
}

/** The methods of Express's response that send it (`res.status(404)` alone sets a status only). */
const SENDS = /^(?:send|json|jsonp|end|render|sendFile|sendStatus|redirect|download)$/;

/** `res.send(x)`, `res.status(404).json(x)`: a call sending the response named `res`. */
function sendsResponse(n: ts.Node, res: string | undefined): boolean {
  if (!res || !isCallExpression(n) || !isPropertyAccessExpression(n.expression) || !SENDS.test(n.expression.name.text)) return false;
  let cur = skipOuter(n.expression.expression);
  while (isCallExpression(cur) && isPropertyAccessExpression(cur.expression)) cur = skipOuter(cur.expression.expression);
  return isIdentifier(cur) && cur.text === res;
}

/** `res.response = x`, `res.meta.total = n`: an assignment to a field of the response named `res`, other than its `locals`. */
function setsResponseField(n: ts.Node, res: string | undefined): boolean {
  if (!res || !isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  let cur = skipOuter(n.left);
  let first: ts.Expression | undefined;
  while (isPropertyAccessExpression(cur) || isElementAccessExpression(cur)) {
    first = cur;
    cur = skipOuter(cur.expression);
  }
  return isIdentifier(cur) && cur.text === res && !!first && !(isPropertyAccessExpression(first) && first.name.text === 'locals');
}

/** `req` of `req.url`, `req.a.b`, `req['x']`. */
function rootName(e: ts.Expression): string | undefined {
  let cur = skipOuter(e);
  while (isPropertyAccessExpression(cur) || isElementAccessExpression(cur)) cur = skipOuter(cur.expression);
  return isIdentifier(cur) ? cur.text : undefined;
}


/** `module.exports`. */
export function isModuleExports(e: ts.Expression): boolean {
  return isPropertyAccessExpression(e) && e.name.text === 'exports' && isIdentifier(e.expression) && e.expression.text === 'module';
}

/**
 * A variable's value through chained assignments (`const authRouter = module.exports = Router()`
 * holds `Router()`), and whether one of them is `module.exports` (the variable is then what the
 * module exports).
 */
export function assignedValue(init: ts.Expression): { value: ts.Expression; exported: boolean } {
  let value = skipOuter(init);
  let exported = false;
  while (isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    exported ||= isModuleExports(skipOuter(value.left));
    value = skipOuter(value.right);
  }
  return { value, exported };
}

/** `exports.api = apiRouter` / `module.exports.api = apiRouter`: the exported name and its value. */
export function cjsNamedExport(st: ts.Statement): { name: string; value: ts.Expression } | undefined {
  if (!isExpressionStatement(st) || !isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = st.expression.left;
  if (!isPropertyAccessExpression(left)) return undefined;
  const base = left.expression;
  const isExports =
    (isIdentifier(base) && (base.text === 'exports' || exportsAliases(st.getSourceFile()).has(base.text))) ||
    (isPropertyAccessExpression(base) && base.name.text === 'exports' && isIdentifier(base.expression) && base.expression.text === 'module');
  return isExports ? { name: left.name.text, value: skipOuter(st.expression.right) } : undefined;
}

const EXPORTS_ALIASES = new WeakMap<ts.SourceFile, Set<string>>();

/** The top-level constants a file binds to its CommonJS exports, `const helpers = module.exports` (its `helpers.x = ...` are exports). */
function exportsAliases(sf: ts.SourceFile): Set<string> {
  let names = EXPORTS_ALIASES.get(sf);
  if (names) return names;
  names = new Set();
  for (const st of sf.statements) {
    if (!isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer && skipOuter(d.initializer);
      if (isIdentifier(d.name) && init && isPropertyAccessExpression(init) && init.name.text === 'exports' && isIdentifier(init.expression) && init.expression.text === 'module') names.add(d.name.text);
    }
  }
  EXPORTS_ALIASES.set(sf, names);
  return names;
}

/**
 * What a function returns: its expression body, or the value of each `return` of its block outside
 * nested functions (`try { return { ...env, prefix: 'api' } } catch { throw ... }` returns one).
 */
export function returnedValues(body: ts.ConciseBody): ts.Expression[] {
  if (!isBlock(body)) return [body];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (isReturnStatement(n)) {
      if (n.expression) out.push(n.expression);
    } else if (!ts.isFunctionLike(n) && !isClassLike(n)) forEachChild(n, visit);
  };
  forEachChild(body, visit);
  return out;
}
