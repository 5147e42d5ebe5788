// The `if` tests around a route helper's registration that compare a property of one of its
// parameters with a literal (`if (rh.method === 'GET') server.get(rh.path, ...) else if (rh.method
// === 'POST') server.post(...)`): a call giving that property another value registers no such route.
import ts from './compiler';
import { isBinaryExpression, isFunctionLike, isIdentifier, isIfStatement, isPropertyAccessExpression, isStringLiteralLike } from './tsNodes';
import { skipOuter } from './tsSyntax';
import type { HelperArg, HelperGuard } from './extracted';

/** The equalities that hold where `call` runs in the helper's body (each `if` whose then-branch holds it, up to the helper). */
export function helperGuards(call: ts.Node, bound: ReadonlyMap<string, HelperArg>): HelperGuard[] {
  const out: HelperGuard[] = [];
  let child: ts.Node = call;
  for (let at = call.parent as ts.Node | undefined; at !== undefined && !isFunctionLike(at); child = at, at = at.parent as ts.Node | undefined) {
    if (!isIfStatement(at) || at.thenStatement !== child) continue;
    const guard = equality(at.expression, bound);
    if (guard) out.push(guard);
  }
  return out;
}

/** `p.prop === 'x'` (or `==`, either side) of a parameter `p`: the parameter property and the literal. */
function equality(test: ts.Expression, bound: ReadonlyMap<string, HelperArg>): HelperGuard | undefined {
  const x = skipOuter(test);
  if (!isBinaryExpression(x)) return undefined;
  const op = x.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
  const [left, right] = [skipOuter(x.left), skipOuter(x.right)];
  const [read, literal] = isStringLiteralLike(right) ? [left, right.text] : isStringLiteralLike(left) ? [right, left.text] : [undefined, undefined];
  if (read === undefined || literal === undefined || !isPropertyAccessExpression(read)) return undefined;
  const base = skipOuter(read.expression);
  const owner = isIdentifier(base) ? bound.get(base.text) : undefined;
  return typeof owner === 'number' ? { arg: [owner, read.name.text], equals: literal } : undefined;
}
