// Table mount helpers: functions walking a table of route entries they are given, mounting each
// entry's router under a prefix built from the entry and their parameters, and calling themselves
// on an entry holding a table of its own (`walk(app, table, base = '') { table.forEach((e) => {
// if (Array.isArray(e.routes)) return walk(app, e.routes, e.prefix); app.register(e.routes, {
// prefix: `${base}${e.prefix}` }) }) }`). Which of the two an entry takes is decided at each call
// by the value the entry holds (a list is walked, anything else mounted): collect.ts
// tableMountEdges reads the tables each call gives, through other files' constants.
import ts from './compiler';
import { forEachChild, isArrowFunction, isCallExpression, isForOfStatement, isFunctionExpression, isFunctionLike, isIdentifier, isObjectBindingPattern, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteral, isVariableDeclarationList } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { ARG, argRef, soleRef, str, type ConstValue } from './values';
import type { TableMountHelper } from './extracted';

/** Evaluates an expression with names bound to values (the parameters and the entry as ARG references). */
type EvaluateIn = (e: ts.Expression, scope: ReadonlyMap<string, ConstValue>) => ConstValue | undefined;

/** The loop over a parameter's list a body makes (`list.forEach((e) => ...)`, `for (const e of list)`): the list's place, the entry's binding and the loop's body. */
interface TableLoop {
  list: number;
  entry: ts.BindingName;
  body: ts.Node;
}

/**
 * The table mount helper `fn` (called `name` in its file) is, or undefined: a loop over a list
 * parameter whose body mounts a property of the entry on a router parameter (`register(e.routes,
 * { prefix })`, `use(prefix, e.routes)`), and possibly calls the function itself on another
 * property of the entry, the router handed on.
 */
export function tableMountHelper(fn: ts.FunctionLikeDeclaration, name: string, evaluate: EvaluateIn): TableMountHelper | undefined {
  const params = fn.parameters.map((p) => (isIdentifier(p.name) && !p.dotDotDotToken ? p.name.text : undefined));
  const loop = fn.body && tableLoop(fn.body, params);
  if (!loop) return undefined;
  // The entry is one more argument past the parameters: its properties are that argument's.
  const element = params.length;
  const scope = new Map<string, ConstValue>();
  params.forEach((p, i) => p !== undefined && scope.set(p, argRef(i)));
  bindEntry(loop.entry, element, scope);
  const entryKey = (e: ts.Expression | undefined): string | undefined => {
    const ref = e && soleRef(evaluate(e, scope));
    return ref?.local === `${ARG}${element}` && ref.path.length === 1 ? ref.path[0] : undefined;
  };
  const routerAt = (e: ts.Expression): number => {
    const x = skipOuter(e);
    return isIdentifier(x) ? params.indexOf(x.text) : -1;
  };
  const out: TableMountHelper = { router: -1, list: loop.list, element, mounts: [], recursions: [], defaults: fn.parameters.map((p) => (p.initializer ? (evaluate(p.initializer, new Map()) ?? null) : null)) };
  for (const call of ownCalls(loop.body)) {
    const callee = skipOuter(call.expression);
    const mounted = mountedEntry(call, callee, entryKey, (e) => evaluate(e, scope));
    const on = isPropertyAccessExpression(callee) ? routerAt(callee.expression) : -1;
    if (mounted && on >= 0 && (out.router < 0 || out.router === on)) {
      out.router = on;
      out.mounts.push(mounted);
      continue;
    }
    const key = calledName(callee) === name ? entryKey(call.arguments[loop.list]) : undefined;
    if (key !== undefined) out.recursions.push({ key, args: call.arguments.map((a, i) => (i === loop.list ? null : (evaluate(a, scope) ?? null))) });
  }
  const handsRouterOn = out.recursions.every((r) => {
    const given = r.args[out.router];
    return given !== undefined && given !== null && soleRef(given)?.local === `${ARG}${out.router}`;
  });
  return out.mounts.length > 0 && handsRouterOn ? out : undefined;
}

/** `r.register(e.routes, { prefix })`, `r.use(prefix, e.routes)`, `r.use(e.routes)`: the entry's key mounted and the prefix (none: ''). */
function mountedEntry(call: ts.CallExpression, callee: ts.Expression, entryKey: (e: ts.Expression | undefined) => string | undefined, evaluate: (e: ts.Expression) => ConstValue | undefined): { key: string; prefix: ConstValue } | undefined {
  if (!isPropertyAccessExpression(callee)) return undefined;
  const [first, second] = call.arguments;
  const method = callee.name.text;
  if (method === 'register' && call.arguments.length <= 2) {
    const key = entryKey(first);
    const options = second && skipOuter(second);
    if (key === undefined || (options && !isObjectLiteralExpression(options))) return undefined;
    const prefix = options?.properties.find((p): p is ts.PropertyAssignment => isPropertyAssignment(p) && isIdentifier(p.name) && p.name.text === 'prefix');
    const value = prefix ? evaluate(prefix.initializer) : str('');
    return value?.kind === 'str' ? { key, prefix: value } : undefined;
  }
  if (method !== 'use' || call.arguments.length === 0 || call.arguments.length > 2) return undefined;
  const key = entryKey(call.arguments[call.arguments.length - 1]);
  const value = call.arguments.length === 2 && first ? evaluate(first) : str('');
  return key !== undefined && value?.kind === 'str' ? { key, prefix: value } : undefined;
}

/** The first loop of the body over a list parameter, outside inner functions but the loop's own callback. */
function tableLoop(body: ts.Node, params: ReadonlyArray<string | undefined>): TableLoop | undefined {
  const listAt = (e: ts.Expression): number => {
    const x = skipOuter(e);
    return isIdentifier(x) ? params.indexOf(x.text) : -1;
  };
  const find = (n: ts.Node): TableLoop | undefined => {
    if (isForOfStatement(n) && isVariableDeclarationList(n.initializer) && n.initializer.declarations.length === 1) {
      const list = listAt(n.expression);
      const decl = n.initializer.declarations[0];
      if (list >= 0 && decl) return { list, entry: decl.name, body: n.statement };
    }
    const callee = isCallExpression(n) ? skipOuter(n.expression) : undefined;
    const callback = isCallExpression(n) && n.arguments[0] ? skipOuter(n.arguments[0]) : undefined;
    if (callee && isPropertyAccessExpression(callee) && callee.name.text === 'forEach' && callback && (isArrowFunction(callback) || isFunctionExpression(callback))) {
      const list = listAt(callee.expression);
      const entry = callback.parameters[0]?.name;
      if (list >= 0 && entry) return { list, entry, body: callback.body };
    }
    return isFunctionLike(n) ? undefined : forEachChild(n, find);
  };
  return forEachChild(body, find);
}

/** The entry's name (`e`), or the names its object pattern takes (`({ prefix, routes })`), as properties of the entry argument. */
function bindEntry(name: ts.BindingName, element: number, scope: Map<string, ConstValue>): void {
  if (isIdentifier(name)) scope.set(name.text, argRef(element));
  else if (isObjectBindingPattern(name))
    for (const el of name.elements) {
      const key = el.propertyName ?? el.name;
      if (!el.dotDotDotToken && isIdentifier(el.name) && (isIdentifier(key) || isStringLiteral(key))) scope.set(el.name.text, str({ ref: { local: `${ARG}${element}`, path: [key.text] } }));
    }
}

/** The calls of a loop's body, at any depth outside inner functions. */
function ownCalls(body: ts.Node): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  const walk = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (isCallExpression(n)) out.push(n);
    forEachChild(n, walk);
  };
  walk(body);
  return out;
}

/** `f(...)`, `owner.f(...)`: the name a call calls a function of the file by. */
function calledName(callee: ts.Expression): string | undefined {
  if (isIdentifier(callee)) return callee.text;
  const owner = isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
  return owner && isIdentifier(owner) && isPropertyAccessExpression(callee) ? `${owner.text}.${callee.name.text}` : undefined;
}
