// Router method wrappers: a member a file assigns on a router, forwarding its first parameter as the
// path of one of the router's own methods (`router.getAsync = (path, ...handlers) =>
// router.get(path, ...wrap(handlers))`, often in a factory another file calls for its router).
// The method is the one the wrapper calls, never read from its name. Another file's
// `router.getAsync('/x', h)` is a route of that method once collect.ts finds the wrapper
// (ExtractedRoute.wrapper, ExtractedFile.methodWrappers; methodWrapperRoutes.ts).
import ts from './compiler';
import { forEachChild, isArrowFunction, isBinaryExpression, isCallExpression, isFunctionExpression, isIdentifier, isPropertyAccessExpression } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { ROUTER_METHODS } from './routeSpec';
import type { HttpMethod } from '../model';

/** The member assigned and the method its function forwards to, for `r.member = (path, ...) => r.verb(path, ...)`. */
function wrapperOf(assign: ts.Node): { member: string; method: HttpMethod; fn: ts.ArrowFunction | ts.FunctionExpression; call: ts.CallExpression } | undefined {
  if (!isBinaryExpression(assign) || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !isPropertyAccessExpression(assign.left)) return undefined;
  const owner = skipOuter(assign.left.expression);
  const fn = skipOuter(assign.right);
  const member = assign.left.name.text;
  if (!isIdentifier(owner) || member in ROUTER_METHODS || (!isArrowFunction(fn) && !isFunctionExpression(fn))) return undefined;
  const first = fn.parameters[0]?.name;
  if (!first || !isIdentifier(first)) return undefined;
  const call = forwardingCall(fn, owner.text, first.text);
  const verb = call && isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
  const method = verb !== undefined ? ROUTER_METHODS[verb] : undefined;
  return call && method ? { member, method, fn, call } : undefined;
}

/** `owner.verb(path, ...)` of the function's body (outside functions inside it), `path` its first parameter. */
function forwardingCall(fn: ts.ArrowFunction | ts.FunctionExpression, owner: string, path: string): ts.CallExpression | undefined {
  const walk = (n: ts.Node): ts.CallExpression | undefined => {
    if (n !== fn.body && (isArrowFunction(n) || isFunctionExpression(n))) return undefined;
    if (isCallExpression(n) && isForwarding(n, owner, path)) return n;
    return forEachChild(n, walk);
  };
  return walk(fn.body);
}

function isForwarding(call: ts.CallExpression, owner: string, path: string): boolean {
  const callee = skipOuter(call.expression);
  const on = isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
  const arg = call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
  return isPropertyAccessExpression(callee) && callee.name.text in ROUTER_METHODS && !!on && isIdentifier(on) && on.text === owner && !!arg && isIdentifier(arg) && arg.text === path;
}

/** The file's method wrappers: member -> the method it registers; undefined when there is none. */
export function methodWrappers(sf: ts.SourceFile): Record<string, HttpMethod> | undefined {
  let out: Record<string, HttpMethod> | undefined;
  const walk = (n: ts.Node): void => {
    const found = isBinaryExpression(n) ? wrapperOf(n) : undefined;
    if (found) (out ??= {})[found.member] = found.method;
    forEachChild(n, walk);
  };
  walk(sf);
  return out;
}

/** Whether `call` is a method wrapper's forwarding call (its path is what the wrapper's callers give: no warning of it). */
export function isWrapperForwarding(call: ts.CallExpression): boolean {
  for (let cur: ts.Node | undefined = call.parent; cur; cur = cur.parent) {
    if (!isArrowFunction(cur) && !isFunctionExpression(cur)) continue;
    const found = cur.parent ? wrapperOf(cur.parent) : undefined;
    return found?.call === call;
  }
  return false;
}

