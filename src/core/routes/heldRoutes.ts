// Express's `router.route(path)` kept in a constant and its verbs called on it afterwards:
// `const item = router.route('/items/:id'); item.get(show); item.put(save);`, the same route as
// `router.route('/items/:id').get(show).put(save)` written in one chain.
import ts from './compiler';
import { forEachChild, isCallExpression, isIdentifier, isPropertyAccessExpression, isVariableDeclaration, isVariableDeclarationList } from './tsNodes';
import type { HttpMethod } from '../model';
import { ROUTER_METHODS } from './routeSpec';

/** The constant `route(path)` is the whole initializer of (`const item = router.route('/x')`), if any. */
function heldIn(call: ts.CallExpression): ts.Identifier | undefined {
  const decl = call.parent;
  if (!isVariableDeclaration(decl) || decl.initializer !== call || !isIdentifier(decl.name)) return undefined;
  const list = decl.parent;
  return isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0 ? decl.name : undefined;
}

/** The verbs of `held.get(...).post(...)`, a chain starting at the constant, outermost call last. */
function chainVerbs(start: ts.PropertyAccessExpression): [HttpMethod, ts.Node][] {
  const out: [HttpMethod, ts.Node][] = [];
  for (let access: ts.Node = start; isPropertyAccessExpression(access) && isCallExpression(access.parent) && access.parent.expression === access; ) {
    const m = ROUTER_METHODS[access.name.text];
    if (!m) break;
    out.push([m, access.name]);
    access = access.parent.parent;
  }
  return out;
}

/**
 * The verbs called on the constant a `route(path)` call is held in, in the scope declaring it, in
 * source order (each chain's links in order); none when the call is not held in a constant.
 */
export function heldRouteVerbs(call: ts.CallExpression): [HttpMethod, ts.Node][] {
  const held = heldIn(call);
  const scope = held?.parent.parent.parent?.parent;
  if (!held || !scope) return [];
  const out: [HttpMethod, ts.Node][] = [];
  const visit = (n: ts.Node): void => {
    if (isPropertyAccessExpression(n) && isIdentifier(n.expression) && n.expression.text === held.text && n.expression !== held) {
      out.push(...chainVerbs(n));
      return;
    }
    forEachChild(n, visit);
  };
  forEachChild(scope, visit);
  return out;
}
