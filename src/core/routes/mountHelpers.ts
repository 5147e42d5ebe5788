// Mount helpers: functions that mount a router they are handed on another router they are handed,
// under a prefix built from their parameters (`function setup(type, app, routes) {
// app.use(`/${type}`, routes) }`). The prefix and what is mounted are known only at each call
// (`setup('users', app, usersRouter)`): collect.ts makes one mount per call (ExtractedFile.mountHelpers).
import ts from './compiler';
import { forEachChild, isArrowFunction, isCallExpression, isForOfStatement, isFunctionExpression, isFunctionLike, isIdentifier, isObjectBindingPattern, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isSpreadElement, isStringLiteral, isVariableDeclaration, isVariableDeclarationList } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { concat, str, type ConstValue } from './values';
import type { HelperArg, MountHelperEntry } from './extracted';
import { forwardedTo } from './forwardingMiddleware';

/** A `router.use([prefix,] target)` call of the helper's body: its receiver's and target's names and the prefix expression. */
interface UseCall {
  receiver: string;
  targets: string[];
  prefix: ts.Expression | undefined;
}

/**
 * The mounts one helper's body makes of routers its parameters give (`bound`: each name the
 * parameters bind, plain or a property of one). A router the body makes itself and mounts on a
 * parameter stands for what it mounts of the parameters (`const wrapper = Router();
 * wrapper.use(main); app.use(base, wrapper)`), under both prefixes. `prefixOf` evaluates a prefix
 * with the parameters as references; one not known statically makes no entry.
 */
export function mountHelperEntries(body: ts.Node, calls: readonly ts.CallExpression[], params: ReadonlyMap<string, HelperArg>, prefixOf: (e: ts.Expression) => ConstValue | undefined): MountHelperEntry[] {
  const bound = withInnerBindings(body, params);
  const uses = calls.map(useCall).filter((u): u is UseCall => u !== undefined);
  const prefix = (e: ts.Expression | undefined): ConstValue | undefined => (e === undefined ? str('') : prefixOf(e));
  // What the body's own routers mount of the parameters.
  const inner = new Map<string, Array<{ child: HelperArg; prefix: ConstValue }>>();
  for (const u of uses) {
    if (bound.has(u.receiver)) continue;
    const p = prefix(u.prefix);
    for (const t of u.targets) {
      const child = bound.get(t);
      if (child !== undefined && p) inner.set(u.receiver, [...(inner.get(u.receiver) ?? []), { child, prefix: p }]);
    }
  }
  const out: MountHelperEntry[] = [];
  for (const u of uses) {
    const on = bound.get(u.receiver);
    const p = on !== undefined ? prefix(u.prefix) : undefined;
    if (on === undefined || !p) continue;
    for (const t of u.targets) {
      const child = bound.get(t);
      if (child !== undefined) out.push({ on, child, prefix: p });
      for (const via of inner.get(t) ?? []) {
        const joined = concat(concat(p, str('/')) ?? p, via.prefix);
        if (joined) out.push({ on, child: via.child, prefix: joined });
      }
    }
  }
  return out;
}

/** `r.use(target)`, `r.use(prefix, ...middleware, target)`, a plugin `r.register(target, { prefix })`: names only (a router named, not made by a call there). */
function useCall(call: ts.CallExpression): UseCall | undefined {
  const callee = skipOuter(call.expression);
  if (isPropertyAccessExpression(callee) && callee.name.text === 'register') return registerCall(call, callee);
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'use' || call.arguments.some(isSpreadElement)) return undefined;
  const receiver = skipOuter(callee.expression);
  if (!isIdentifier(receiver) || call.arguments.length === 0) return undefined;
  const withPrefix = call.arguments.length >= 2;
  const targets = call.arguments
    .slice(withPrefix ? 1 : 0)
    .map((a) => skipOuter(a))
    .map((a) => (isIdentifier(a) ? a.text : memberName(a) ?? forwardedTo(a)?.text))
    .filter((t): t is string => t !== undefined);
  return { receiver: receiver.text, targets, prefix: withPrefix ? call.arguments[0] : undefined };
}

/** `r.register(target)`, `r.register(target, { prefix })`: the plugin mounted under its options' prefix (none: at /). */
function registerCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression): UseCall | undefined {
  const receiver = skipOuter(callee.expression);
  const [first, options] = call.arguments.map((a) => skipOuter(a));
  const target = first && (isIdentifier(first) ? first.text : memberName(first));
  if (!isIdentifier(receiver) || target === undefined || call.arguments.length > 2) return undefined;
  if (options && !isObjectLiteralExpression(options)) return undefined;
  const prefix = options?.properties.find((p): p is ts.PropertyAssignment => isPropertyAssignment(p) && isIdentifier(p.name) && p.name.text === 'prefix');
  return { receiver: receiver.text, targets: [target], prefix: prefix?.initializer };
}

/** `config.main` of two names: `config.main`, looked up in the bindings (withInnerBindings binds it). */
function memberName(e: ts.Expression): string | undefined {
  const owner = isPropertyAccessExpression(e) ? skipOuter(e.expression) : undefined;
  return owner && isIdentifier(owner) && isPropertyAccessExpression(e) ? `${owner.text}.${e.name.text}` : undefined;
}

/**
 * `list.forEach((el) => ...)`, `config.routers.forEach(({ router }) => ...)` of a list a parameter
 * gives: the callback, whose calls are the helper's own, and the list's place.
 */
export function forEachOfParam(call: ts.Node, bound: ReadonlyMap<string, HelperArg>): { callback: ts.FunctionLikeDeclaration; list: [number, string] } | undefined {
  if (!isCallExpression(call)) return undefined;
  const callee = skipOuter(call.expression);
  const callback = call.arguments[0] && skipOuter(call.arguments[0]);
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'forEach' || !callback || !(isArrowFunction(callback) || isFunctionExpression(callback))) return undefined;
  const target = skipOuter(callee.expression);
  const named = isIdentifier(target) ? target.text : memberName(target);
  const at = named === undefined ? undefined : bound.get(named) ?? memberOf(named, bound);
  return Array.isArray(at) && at.length === 2 ? { callback, list: at } : undefined;
}

/** `config.main` of a parameter `config` at place 2: [2, 'main']. */
function memberOf(named: string, bound: ReadonlyMap<string, HelperArg>): HelperArg | undefined {
  const [owner, key] = named.split('.');
  const at = owner === undefined ? undefined : bound.get(owner);
  return typeof at === 'number' && key !== undefined ? [at, key] : undefined;
}

/**
 * The parameters' names and those the body's blocks bind from a parameter, at any depth outside
 * inner functions (`if (config.main) { const { main } = config; ... }`, `const main = config.main`),
 * members of a parameter (`config.main`), and the element a forEach callback over a parameter's list takes.
 */
function withInnerBindings(body: ts.Node, params: ReadonlyMap<string, HelperArg>): Map<string, HelperArg> {
  const out = new Map(params);
  const walk = (n: ts.Node): void => {
    const each = forEachOfParam(n, out);
    const first = each?.callback.parameters[0];
    if (each && first) {
      bindElement(first.name, each.list, out);
      if (each.callback.body) walk(each.callback.body);
    }
    if (isFunctionLike(n)) return;
    const member = memberName(n as ts.Expression);
    const held = member === undefined ? undefined : memberOf(member, out);
    if (member !== undefined && held !== undefined && !out.has(member)) out.set(member, held);
    const init = isVariableDeclaration(n) && n.initializer ? skipOuter(n.initializer) : undefined;
    const from = init && isIdentifier(init) ? out.get(init.text) : undefined;
    if (typeof from === 'number' && isVariableDeclaration(n) && isObjectBindingPattern(n.name))
      for (const el of n.name.elements) {
        const key = el.propertyName ?? el.name;
        if (!el.dotDotDotToken && isIdentifier(el.name) && (isIdentifier(key) || isStringLiteral(key))) out.set(el.name.text, [from, key.text]);
      }
    // `for (const { router } of config.subRouters)`: each element's property (EACH_ELEMENT), `for (const r of list)` each element.
    const looped = isForOfStatement(n) ? skipOuter(n.expression) : undefined;
    const list = looped && isIdentifier(looped) ? out.get(looped.text) : undefined;
    const decl = isForOfStatement(n) && isVariableDeclarationList(n.initializer) ? n.initializer.declarations[0] : undefined;
    if (Array.isArray(list) && decl) bindElement(decl.name, list, out);
    const owner = init && isPropertyAccessExpression(init) ? skipOuter(init.expression) : undefined;
    const at = owner && isIdentifier(owner) ? out.get(owner.text) : undefined;
    if (typeof at === 'number' && init && isPropertyAccessExpression(init) && isVariableDeclaration(n) && isIdentifier(n.name)) out.set(n.name.text, [at, init.name.text]);
    forEachChild(n, walk);
  };
  forEachChild(body, walk);
  return out;
}

/** In a HelperArg's key: an element of the list there (`subRouters[].router`, the router of each element of the `subRouters` property). */
export const EACH_ELEMENT = '[]';

/** The name (or the names an object pattern takes) a loop over a parameter's list binds, as each element (or its property). */
function bindElement(name: ts.BindingName, list: [number, string] | [number, string, string], out: Map<string, HelperArg>): void {
  const [at, key] = list;
  if (isIdentifier(name)) out.set(name.text, [at, `${key}${EACH_ELEMENT}`]);
  else if (isObjectBindingPattern(name))
    for (const el of name.elements) {
      const prop = el.propertyName ?? el.name;
      if (!el.dotDotDotToken && isIdentifier(el.name) && (isIdentifier(prop) || isStringLiteral(prop))) out.set(el.name.text, [at, `${key}${EACH_ELEMENT}.${prop.text}`]);
    }
}
