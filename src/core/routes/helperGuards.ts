// The `if` tests around a route helper's registration that compare a property of one of its
// parameters with a literal (`if (rh.method === 'GET') server.get(rh.path, ...) else if (rh.method
// === 'POST') server.post(...)`), or the `case` of a `switch` on such a property that holds it (`switch
// (config.method) { case 'get': router.get(path, h) }`): a call giving that property another value
// registers no such route.
import ts from './compiler';
import { isBinaryExpression, isCaseClause, isFunctionLike, isIdentifier, isIfStatement, isPropertyAccessExpression, isStringLiteralLike } from './tsNodes';
import { skipOuter } from './tsSyntax';
import type { HelperArg, HelperGuard } from './extracted';

/** The equalities that hold where `call` runs in the helper's body (each `if` whose then-branch holds it, up to the helper). */
export function helperGuards(call: ts.Node, bound: ReadonlyMap<string, HelperArg>): HelperGuard[] {
  const out: HelperGuard[] = [];
  let child: ts.Node = call;
  for (let at = call.parent as ts.Node | undefined; at !== undefined && !isFunctionLike(at); child = at, at = at.parent as ts.Node | undefined) {
    const guard = isIfStatement(at) && at.thenStatement === child ? equality(at.expression, bound) : isCaseClause(at) ? caseEquality(at, bound) : undefined;
    if (guard) out.push(guard);
  }
  return out;
}

/**
 * `case 'get':` of a `switch (p.prop)` on a parameter `p`: the parameter property and the literal. None
 * when an empty clause before it falls through into it (`case 'get': case 'head':`), which another value reaches.
 */
function caseEquality(clause: ts.CaseClause, bound: ReadonlyMap<string, HelperArg>): HelperGuard | undefined {
  const clauses = clause.parent.clauses;
  const before = clauses[clauses.indexOf(clause) - 1];
  if (!isStringLiteralLike(skipOuter(clause.expression)) || (before !== undefined && before.statements.length === 0)) return undefined;
  const read = skipOuter(clause.parent.parent.expression);
  if (!isPropertyAccessExpression(read)) return undefined;
  const base = skipOuter(read.expression);
  const owner = isIdentifier(base) ? bound.get(base.text) : undefined;
  return typeof owner === 'number' ? { arg: [owner, read.name.text], equals: (skipOuter(clause.expression) as ts.StringLiteralLike).text } : undefined;
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
