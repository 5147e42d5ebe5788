// Route list helpers: functions registering a route for each element of a list they are given,
// `registerRoutes(app, endpoints) { for (const e of endpoints) app.route({ url: e.path, method:
// e.method, handler }) }`, also on a plugin instance they register (`app.register(async (f) =>
// f.route(...))`). The options read from the list's elements are kept with the parameters as
// values.ts ARG references; collect.ts reads them for the list each call passes (listElements.ts optionsForList).
import ts from './compiler';
import { forEachChild, isBinaryExpression, isCallExpression, isFunctionDeclaration, isIdentifier, isPropertyAccessExpression, isVariableDeclaration } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { enclosingFunction } from './routeSyntax';
import { ARG, EACH, str, type ConstValue } from './values';

/**
 * An element of the list a parameter of the named function around `list` holds, when the loop
 * runs over that parameter itself and its body registers route options (a `.route(...)` call):
 * `*arg*<position>` then EACH. Undefined for anything else (a loop mounting each element stays
 * the warning of a loop over values not known).
 */
export function paramListElement(list: ts.Expression, body: ts.Node): ConstValue | undefined {
  if (!registersOptions(body)) return undefined;
  const id = skipOuter(list);
  const fn = isIdentifier(id) ? enclosingFunction(id) : undefined;
  if (!fn || !isIdentifier(id) || functionName(fn) === undefined) return undefined;
  const at = fn.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === id.text);
  return at < 0 ? undefined : str({ ref: { local: `${ARG}${at}`, path: [EACH] } });
}

/**
 * The list helper a route call inside such a loop belongs to: the function's name and the position
 * of the router parameter the route is registered on, directly or on the instance a callback given
 * to that router's `register` receives. Undefined when the router is no parameter of the function.
 */
export function listHelperOf(call: ts.CallExpression, router: string): { name: string; router: number } | undefined {
  // A name the reader made its own (`f@4`, a parameter shadowing another) is the parameter's.
  let receiver = router.replace(/@\d+$/, '');
  for (let fn = enclosingFunction(call); fn; fn = enclosingFunction(fn)) {
    const name = functionName(fn);
    const at = fn.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === receiver);
    if (at >= 0 && name !== undefined) return { name, router: at };
    // `app.register(async function (f) { f.route(...) })`: the instance is `app`'s plugin.
    const parent = fn.parent;
    const registered = at === 0 && isCallExpression(parent) && isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'register' ? skipOuter(parent.expression.expression) : undefined;
    if (!registered || !isIdentifier(registered)) return undefined;
    receiver = registered.text;
  }
  return undefined;
}

/**
 * The list helper a route call belongs to when its router is made in the helper itself (`function
 * createServer(routes) { const app = fastify(); routes.forEach((r) => app.route(r)); return app }`,
 * `made` the router's initializer): the nearest named function around the call, router -1.
 */
export function ownRouterHelperOf(call: ts.CallExpression, made: ts.Node): { name: string; router: number } | undefined {
  for (let fn = enclosingFunction(call); fn; fn = enclosingFunction(fn)) {
    const name = functionName(fn);
    if (name === undefined) continue;
    for (let n: ts.Node | undefined = made; n; n = n.parent) if (n === fn) return { name, router: -1 };
    return undefined;
  }
  return undefined;
}

/** The name a function is declared or held under (`function f`, `const f = () => ...`, `exports.f = ...`). */
function functionName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (isFunctionDeclaration(fn)) return fn.name?.text;
  const parent = fn.parent;
  if (isVariableDeclaration(parent) && isIdentifier(parent.name)) return parent.name.text;
  if (isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && isPropertyAccessExpression(parent.left) && /^(?:module\.)?exports$/.test(parent.left.expression.getText())) return parent.left.name.text;
  return undefined;
}

/** Whether a loop's body calls `.route(...)` (route options), also inside the callbacks it holds. */
function registersOptions(body: ts.Node): boolean {
  const visit = (n: ts.Node): boolean => (isCallExpression(n) && isPropertyAccessExpression(n.expression) && n.expression.name.text === 'route' && n.arguments.length === 1) || (forEachChild(n, visit) ?? false);
  return visit(body);
}
