// Functions of the file that register routes by handing their parameters on to a route helper of a
// fixed method of the file (routeHelpers.ts findFixedHelpers): `apiRouter(base, builder, opts) { return
// createRouter({ basePath: base, builder, router: opts.router }) }` registers what createRouter does with
// apiRouter's own parameters put in. Also through a callback the function is given: `createRouter({
// basePath, builder, router }) { builder({ route: (config) => mountRoute(router, basePath, config) }) }`
// registers mountRoute's routes once for each call the caller's callback makes of `route` (`apiRouter('/v1',
// ({ route }) => { route(listRoute) }, { router })`), whose arguments take the places after the function's
// own (FixedRegistration.via). A chain is followed a few functions deep (MAX_CHAIN), a callback one level.
import type ts from './compiler';
import { isArrowFunction, isFunctionExpression, isIdentifier, isMethodDeclaration, isObjectLiteralExpression, isPropertyAssignment, isShorthandPropertyAssignment, isBlock, isVariableStatement } from './tsNodes';
import { skipOuter } from './tsSyntax';
import type { FixedRegistration, HelperArg, HelperGuard } from './extracted';
import type { RouteHelper } from './readerBase';

/** How many functions deep a chain of hand-ons is followed. */
const MAX_CHAIN = 4;

/** What the chains need of the reader: a function's parameter bindings, a path's pieces, the calls of a body outside functions inside it. */
export interface ChainReading {
  bindings(fn: RouteHelper): Map<string, HelperArg>;
  pieces(e: ts.Expression, fn: RouteHelper, bound: ReadonlyMap<string, HelperArg>): Array<HelperArg | string> | undefined;
  ownCalls(body: ts.Node): ts.CallExpression[];
}

/**
 * The registrations of the functions handing on to the known helpers (`known`, by name), added to it
 * round by round (a function handing on to one found the round before), up to MAX_CHAIN rounds.
 * Returns the names added.
 */
export function chainedHelpers(functions: ReadonlyArray<[string, RouteHelper]>, known: Record<string, FixedRegistration[]>, read: ChainReading): string[] {
  const added: string[] = [];
  for (let round = 0, changed = true; changed && round < MAX_CHAIN; round++) {
    changed = false;
    for (const [name, fn] of functions) {
      if (Object.hasOwn(known, name) || !fn.body) continue;
      const bound = read.bindings(fn);
      const found = read.ownCalls(fn.body).flatMap((call) => handedOn(call, name, fn, bound, known, read));
      if (found.length === 0) continue;
      known[name] = found;
      added.push(name);
      changed = true;
    }
  }
  return added;
}

/** What one call of a function's body registers: a helper of the file called, or a parameter called with an object of member functions calling one. */
function handedOn(call: ts.CallExpression, name: string, fn: RouteHelper, bound: ReadonlyMap<string, HelperArg>, known: Record<string, FixedRegistration[]>, read: ChainReading): FixedRegistration[] {
  const callee = skipOuter(call.expression);
  if (!isIdentifier(callee) || callee.text === name) return [];
  const from = fn.parameters.length;
  const helper = Object.hasOwn(known, callee.text) ? known[callee.text] : undefined;
  if (helper) return helper.flatMap((r) => substituted(r, call, { fn, bound, from }, read) ?? []);
  const callback = bound.get(callee.text);
  if (callback === undefined) return [];
  return call.arguments.flatMap((arg) =>
    memberFunctions(arg, fn).flatMap(([member, memberFn]) => {
      if (!memberFn.body) return [];
      // The member's parameters take the places after the function's own.
      const inner = new Map(bound);
      memberFn.parameters.forEach((p, i) => void (isIdentifier(p.name) ? inner.set(p.name.text, from + i) : undefined));
      return read.ownCalls(memberFn.body).flatMap((c) => {
        const target = skipOuter(c.expression);
        const registers = isIdentifier(target) && target.text !== name && Object.hasOwn(known, target.text) ? known[target.text] : undefined;
        // One callback level: a helper registering through a callback of its own is not handed on from a member.
        return (registers ?? []).flatMap((r) => {
          const s = r.via ? undefined : substituted(r, c, { fn, bound: inner, from }, read);
          return s ? [{ ...s, via: { callback, member, from } }] : [];
        });
      });
    }),
  );
}

/** The function reading a call: its bindings (with a member function's parameters), and where a member call's arguments start. */
interface Caller {
  fn: RouteHelper;
  bound: ReadonlyMap<string, HelperArg>;
  from: number;
}

/** A helper's registration as the caller's: each place the helper reads replaced by what the call gives there, from the caller's parameters; undefined when one is not. */
function substituted(r: FixedRegistration, call: ts.CallExpression, caller: Caller, read: ChainReading): FixedRegistration | undefined {
  const place = (a: HelperArg): HelperArg | undefined => {
    const v = given(a, r, call, caller, read);
    return v === undefined || typeof v === 'string' || v.length !== 1 || typeof v[0] === 'string' ? undefined : v[0];
  };
  const router = place(r.router);
  const method = typeof r.method === 'string' ? r.method : place(r.method);
  const path: Array<HelperArg | string> = [];
  for (const p of r.path) {
    const v = typeof p === 'string' ? p : given(p, r, call, caller, read);
    if (v === undefined) return undefined;
    path.push(...(typeof v === 'string' ? [v] : v));
  }
  const when: HelperGuard[] = [];
  for (const g of r.when ?? []) {
    const arg = place(g.arg);
    if (arg === undefined) return undefined;
    when.push({ ...g, arg });
  }
  const via = r.via && place(r.via.callback);
  if (router === undefined || method === undefined || (r.via && via === undefined)) return undefined;
  return { router, method, path, ...(r.options ? { options: true as const } : {}), ...(when.length > 0 ? { when } : {}), ...(r.via && via !== undefined ? { via: { ...r.via, callback: via, from: caller.from } } : {}) };
}

/**
 * What a call gives at a place a helper reads, as pieces of the caller's (its parameters' places and
 * literal text): the argument at that position, or the property of an object written there, or the
 * literal a property absent from it defaults to. A member call's place (from `via.from` on) stays one
 * of the caller's member calls.
 */
function given(a: HelperArg, r: FixedRegistration, call: ts.CallExpression, caller: Caller, read: ChainReading): Array<HelperArg | string> | string | undefined {
  const [at, prop, fallback] = typeof a === 'number' ? [a] : a;
  if (r.via && at >= r.via.from) {
    const moved = caller.from + (at - r.via.from);
    return [prop === undefined ? moved : fallback === undefined ? [moved, prop] : [moved, prop, fallback]];
  }
  const arg = call.arguments[at] && skipOuter(call.arguments[at]);
  if (!arg) return undefined;
  if (prop === undefined) return read.pieces(arg, caller.fn, caller.bound);
  if (isObjectLiteralExpression(arg)) {
    const p = arg.properties.find((q) => q.name !== undefined && isIdentifier(q.name) && q.name.text === prop);
    const value = p && isPropertyAssignment(p) ? p.initializer : p && isShorthandPropertyAssignment(p) ? p.name : undefined;
    if (!p) return fallback;
    return value ? read.pieces(value, caller.fn, caller.bound) : undefined;
  }
  // `helper(config)` of a parameter `config`: its property.
  const whole = read.pieces(arg, caller.fn, caller.bound);
  const only = whole?.length === 1 ? whole[0] : undefined;
  return typeof only === 'number' ? [fallback === undefined ? [only, prop] : [only, prop, fallback]] : undefined;
}

/** The member functions of an object handed to a callback: written there, or a constant of the function holding one (`const helpers = { route: (config) => ... }`). */
function memberFunctions(arg: ts.Expression, fn: RouteHelper): Array<[string, ts.FunctionLikeDeclaration]> {
  let o = skipOuter(arg);
  if (isIdentifier(o) && fn.body) {
    const name = o.text;
    const decl = localDeclaration(fn.body, name);
    if (decl?.initializer) o = skipOuter(decl.initializer);
  }
  if (!isObjectLiteralExpression(o)) return [];
  return o.properties.flatMap((p): Array<[string, ts.FunctionLikeDeclaration]> => {
    if (isMethodDeclaration(p) && isIdentifier(p.name)) return [[p.name.text, p]];
    const value = isPropertyAssignment(p) ? skipOuter(p.initializer) : undefined;
    return value && p.name && isIdentifier(p.name) && (isArrowFunction(value) || isFunctionExpression(value)) ? [[p.name.text, value]] : [];
  });
}

/** The declaration of `name` among the body's own statements (`const helpers = {...}`). */
function localDeclaration(body: ts.Node, name: string): ts.VariableDeclaration | undefined {
  if (!isBlock(body)) return undefined;
  for (const st of body.statements) if (isVariableStatement(st)) for (const d of st.declarationList.declarations) if (isIdentifier(d.name) && d.name.text === name) return d;
  return undefined;
}
