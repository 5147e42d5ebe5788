// What a Nest module's `imports` and `controllers` lists hold when they are built in code rather
// than written out: `imports: modules` with `const modules = [...base, ...extra()]`, pushes of that
// array under conditions, `base.concat(more)`, `cond ? [A] : [B]`, a function of the file that
// returns one. Conditional entries count (a module a condition may register may serve). An entry
// taken from a module loaded by its name (`require('@acme/ee')?.BillingModule`, `...eeModule.controllers`
// of `const eeModule = require('@acme/ee').m`) is named by that module, for the join to tell whether
// it is one of the scan's; any other entry that is not a class, a call on one or forwardRef(() => X)
// leaves the list open.
import ts from './compiler';
import { forEachChild, isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isBlock, isCallExpression, isClassExpression, isConditionalExpression, isElementAccessExpression, isExpression, isFunctionDeclaration, isFunctionExpression, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isSpreadElement, isStringLiteralLike } from './tsNodes';
import { lastReturn, skipOuter as skip } from './tsSyntax';
import type { SettingGuard } from './extracted';

export interface ModuleList {
  names: string[];
  /** Some entry is not known statically (a spread of a parameter, a call's result). */
  open: boolean;
  /** Module specifiers some entries are taken from (`require('@acme/ee')?.X`). */
  from: string[];
  /** Entries listed only when a test of settings holds (settingGuards.ts), by name. */
  guards?: Record<string, SettingGuard>;
}

/** What the list reader asks of the file it is in. */
export interface ListContext {
  /** How a name of the file is declared where `id` uses it: its variable's initialiser, a function. */
  declOf(id: ts.Identifier): ts.Node | undefined;
  /** `x.push(...)` / `x.unshift(...)` calls of the array `id` names. */
  pushesOf(id: ts.Identifier): ts.CallExpression[];
  /** The module specifier a name is imported or required from, or `require('x')` names. */
  sourceOf(e: ts.Expression): string | undefined;
  /** The test of settings an entry is listed under, if any (settingGuards.ts). */
  guardOf?(e: ts.Node): SettingGuard | undefined;
}

const MAX_DEPTH = 6;
const OPEN: ModuleList = { names: [], open: true, from: [] };

/** The class names `expr` lists, following this file's arrays, their pushes and the functions that return them. */
export function moduleListOf(expr: ts.Expression, cx: ListContext, depth = 0): ModuleList {
  const e = skip(expr);
  if (depth > MAX_DEPTH) return OPEN;
  const lists: ModuleList[] = [];
  const more = (x: ts.Expression) => lists.push(moduleListOf(x, cx, depth + 1));
  const element = (x: ts.Expression) => lists.push(isSpreadElement(x) ? moduleListOf(x.expression, cx, depth + 1) : entryOf(x, cx));
  if (isArrayLiteralExpression(e)) e.elements.forEach(element);
  else if (isConditionalExpression(e)) [e.whenTrue, e.whenFalse].forEach(more);
  // `...(original.imports || [])`: either side's entries.
  else if (isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) [e.left, e.right].forEach(more);
  else if (isSiblingList(e, cx)) return { names: [], open: false, from: [] };
  else if (isCallExpression(e) && isPropertyAccessExpression(e.expression) && e.expression.name.text === 'concat') [e.expression.expression, ...e.arguments].forEach(more);
  else if (isIdentifier(e)) {
    const source = cx.sourceOf(e);
    if (source !== undefined) return { names: [], open: false, from: [source] };
    const decl = cx.declOf(e);
    if (!decl || !isExpression(decl) || isFunctionExpression(decl) || isArrowFunction(decl)) return OPEN;
    more(decl);
    // `modules.push(A)`, `modules.unshift(...extra)`: what the array holds after the file ran.
    for (const call of cx.pushesOf(e)) call.arguments.forEach(element);
  } else if (isCallExpression(e) && isIdentifier(skip(e.expression))) {
    const fn = cx.declOf(skip(e.expression) as ts.Identifier);
    const body = fn && (isArrowFunction(fn) || isFunctionExpression(fn) || isFunctionDeclaration(fn)) ? fn.body : undefined;
    const returned = body === undefined ? undefined : isBlock(body) ? lastReturn(body) : body;
    if (!returned) return OPEN;
    more(returned);
  } else return entryOf(e, cx);
  return joined(lists);
}

/** The entries of several lists as one. */
function joined(lists: readonly ModuleList[]): ModuleList {
  const out: ModuleList = { names: lists.flatMap((l) => l.names), open: lists.some((l) => l.open), from: lists.flatMap((l) => l.from) };
  const guards = lists.filter((l) => l.guards !== undefined);
  if (guards.length > 0) out.guards = Object.assign({}, ...guards.map((l) => l.guards)) as Record<string, SettingGuard>;
  return out;
}

/** One class named at `at`, with the test of settings it is listed under. */
function named(name: string, at: ts.Node, cx: ListContext, guard = cx.guardOf?.(at)): ModuleList {
  return guard ? { names: [name], open: false, from: [], guards: { [name]: guard } } : { names: [name], open: false, from: [] };
}

/**
 * `original.imports` where `const original = this.forRoot()`: the list of another dynamic module of
 * the same class, whose static methods' module objects are all read as the class's own already.
 */
function isSiblingList(e: ts.Expression, cx: ListContext): boolean {
  if (!isPropertyAccessExpression(e) || !LIST_KEYS.has(e.name.text) || !isIdentifier(skip(e.expression))) return false;
  const decl = cx.declOf(skip(e.expression) as ts.Identifier);
  const call = decl && isExpression(decl) ? skip(decl) : undefined;
  return call !== undefined && isCallExpression(call) && isPropertyAccessExpression(call.expression) && call.expression.expression.kind === ts.SyntaxKind.ThisKeyword;
}

const LIST_KEYS = new Set(['imports', 'controllers']);

/**
 * The module an expression's value comes from when it is a member of a module loaded by name:
 * `require('x')?.Y`, `eeModule.controllers` where `const eeModule = require('x').m` (through this
 * file's variables), an imported binding's member.
 */
function loadedFrom(e: ts.Expression, cx: ListContext, depth = 0): string | undefined {
  let root = skip(e);
  // `require('@acme/ee')?.BillingModule.forRoot()`: down to what the members are read from.
  while (isPropertyAccessExpression(root) || isElementAccessExpression(root) || (isCallExpression(root) && cx.sourceOf(root) === undefined)) root = skip(root.expression);
  if (root === skip(e) && !isCallExpression(root)) return undefined;
  const source = cx.sourceOf(root);
  if (source !== undefined || !isIdentifier(root) || depth > 3) return source;
  const decl = cx.declOf(root);
  return decl && isExpression(decl) && (isPropertyAccessExpression(skip(decl)) || isElementAccessExpression(skip(decl)) || isCallExpression(skip(decl))) ? loadedFrom(decl, cx, depth + 1) : undefined;
}

/** One entry: `A`, `A.forRoot(...)`, `forwardRef(() => A)`, `cond ? A : B`, a variable of this file holding one. */
function entryOf(el: ts.Expression, cx: ListContext, depth = 0): ModuleList {
  const e = skip(el);
  if (depth > MAX_DEPTH) return OPEN;
  if (isIdentifier(e)) {
    // `const uploader = cond ? LocalModule : S3Module` of this file: what the variable holds.
    const decl = cx.declOf(e);
    return decl && isExpression(decl) && !isClassExpression(decl) ? entryOf(decl, cx, depth + 1) : named(e.text, e, cx);
  }
  if (isConditionalExpression(e)) return joined([entryOf(e.whenTrue, cx, depth + 1), entryOf(e.whenFalse, cx, depth + 1)]);
  if (isCallExpression(e)) {
    const callee = skip(e.expression);
    const arg = e.arguments[0];
    if (isIdentifier(callee) && callee.text === 'forwardRef' && arg && isArrowFunction(arg) && !isBlock(arg.body)) return entryOf(arg.body, cx, depth + 1);
    // `ConditionalModule.registerWhen(BillingModule, 'USE_BILLING')` (@nestjs/config): the module it imports when the condition holds.
    if (isPropertyAccessExpression(callee) && callee.name.text === 'registerWhen' && isIdentifier(skip(callee.expression)) && (skip(callee.expression) as ts.Identifier).text === 'ConditionalModule' && arg) {
      const inner = entryOf(arg, cx, depth + 1);
      const when = registerWhenGuard(e, cx);
      return when ? { ...inner, guards: Object.fromEntries(inner.names.map((n) => [n, when])) } : inner;
    }
    // `TypeOrmModule.forFeature([...])`, `ProfilingModule.register(name)`: the class the call is made on.
    if (isPropertyAccessExpression(callee) && isIdentifier(skip(callee.expression))) return named((skip(callee.expression) as ts.Identifier).text, e, cx);
  }
  const loaded = loadedFrom(e, cx);
  return loaded !== undefined ? { names: [], open: false, from: [loaded] } : OPEN;
}

/**
 * `ConditionalModule.registerWhen(M, 'USE_M')`: @nestjs/config imports M only when the environment
 * variable is set to anything but `false`, so not when it is unset. A function as the condition is
 * a test of settings not read here; the guard around the call, if any, stands.
 */
function registerWhenGuard(call: ts.CallExpression, cx: ListContext): SettingGuard | undefined {
  const variable = call.arguments[1] ? skip(call.arguments[1]) : undefined;
  if (!variable || !isStringLiteralLike(variable)) return cx.guardOf?.(call);
  const sf = call.getSourceFile();
  const line = sf.getLineAndCharacterOfPosition(call.getStart(sf)).line + 1;
  const env = { env: variable.text };
  // Set, and not to `false`.
  const test = { value: { op: '&&' as const, left: env, right: { op: '!==' as const, left: env, right: { lit: 'false' } } }, holds: true };
  return { line, code: `process.env.${variable.text} (ConditionalModule.registerWhen)`, test };
}

/**
 * Controller classes an imported module's options name (`PrometheusModule.register({ controller:
 * StatusController })`, `X.forRoot({ controllers: [A, B] })`): a library that takes a controller
 * registers it in the dynamic module it returns, so it serves like one of the module's own.
 */
export function controllersGivenTo(imports: ts.Expression): string[] {
  const out: string[] = [];
  const names = (v: ts.Expression) => {
    const x = skip(v);
    const items = isArrayLiteralExpression(x) ? x.elements.map(skip) : [x];
    for (const i of items) if (isIdentifier(i)) out.push(i.text);
  };
  const walk = (n: ts.Node): void => {
    if (isCallExpression(n) && isPropertyAccessExpression(skip(n.expression))) {
      for (const arg of n.arguments) {
        const o = skip(arg);
        if (!isObjectLiteralExpression(o)) continue;
        for (const p of o.properties) if (isPropertyAssignment(p) && isIdentifier(p.name) && /^controllers?$/.test(p.name.text)) names(p.initializer);
      }
    }
    forEachChild(n, walk);
  };
  walk(imports);
  return out;
}
