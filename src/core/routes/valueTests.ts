// Routes a loop's body or a route helper registers only for some values (`if (kind === 'invoice' ||
// kind === 'quote') router.post(`/${kind}/mail`, h)` in a helper called once per element of a
// list): what each branch of the test says of a value compared with text. extract.ts decides the
// branch where the value is known there (a literal the loop or the call binds) and marks the routes
// with the test where it is an element of another file's list (ExtractedRoute.valueWhen), which
// collect.ts checks per element. Only what is certain: any other test says nothing.
import ts from './compiler';
import { isArrayLiteralExpression, isBinaryExpression, isCallExpression, isIdentifier, isPrefixUnaryExpression, isPropertyAccessExpression, isStringLiteralLike } from './tsNodes';
import { skipOuter } from './tsSyntax';

/** A value compared with texts: whether it is one of them (`holds`) or none of them. */
export interface ValueTerm {
  expr: ts.Expression;
  oneOf: string[];
  holds: boolean;
}

/** The terms that hold in each branch of `if (test)`. */
export function branchTerms(test: ts.Expression): { then: ValueTerm[]; otherwise: ValueTerm[] } {
  return { then: holding(test, true), otherwise: holding(test, false) };
}

function holding(e: ts.Expression, truthy: boolean): ValueTerm[] {
  const x = skipOuter(e);
  if (isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) return holding(x.operand, !truthy);
  const group = comparison(x);
  if (group) return [{ expr: group.expr, oneOf: group.oneOf, holds: group.equal === truthy }];
  if (isBinaryExpression(x)) {
    const op = x.operatorToken.kind;
    // `a && b` true: both are; `a || b` false: neither is. The other way round says nothing of either.
    if ((op === ts.SyntaxKind.AmpersandAmpersandToken && truthy) || (op === ts.SyntaxKind.BarBarToken && !truthy)) return [...holding(x.left, truthy), ...holding(x.right, truthy)];
  }
  return [];
}

interface Group {
  expr: ts.Expression;
  oneOf: string[];
  equal: boolean;
}

/**
 * `a === 'x'` (`'x' === a`, `==`), `['x', 'y'].includes(a)`: a is one of them; `a !== 'x'`: none.
 * `a === 'x' || a === 'y'` and `a !== 'x' && a !== 'y'` of the same `a`: one group.
 */
function comparison(x: ts.Expression): Group | undefined {
  if (isCallExpression(x) && isPropertyAccessExpression(x.expression) && x.expression.name.text === 'includes' && x.arguments.length === 1) {
    const list = skipOuter(x.expression.expression);
    const texts = isArrayLiteralExpression(list) ? list.elements.map((el) => (isStringLiteralLike(el) ? el.text : undefined)) : [];
    const arg = skipOuter(x.arguments[0] as ts.Expression);
    return texts.length > 0 && texts.every((t): t is string => t !== undefined) && readsName(arg) ? { expr: arg, oneOf: texts, equal: true } : undefined;
  }
  if (!isBinaryExpression(x)) return undefined;
  const op = x.operatorToken.kind;
  const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  const unequal = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  if (equal || unequal) {
    const [l, r] = [skipOuter(x.left), skipOuter(x.right)];
    const [expr, lit] = isStringLiteralLike(r) ? [l, r] : isStringLiteralLike(l) ? [r, l] : [];
    return expr && lit && readsName(expr) ? { expr, oneOf: [lit.text], equal } : undefined;
  }
  // The same value compared in each operand: `||` of equalities, `&&` of inequalities.
  const joins = op === ts.SyntaxKind.BarBarToken ? true : op === ts.SyntaxKind.AmpersandAmpersandToken ? false : undefined;
  if (joins === undefined) return undefined;
  const [a, b] = [comparison(skipOuter(x.left)), comparison(skipOuter(x.right))];
  if (!a || !b || a.equal !== joins || b.equal !== joins || a.expr.getText() !== b.expr.getText()) return undefined;
  return { expr: a.expr, oneOf: [...a.oneOf, ...b.oneOf], equal: joins };
}

/** A name or a property read of one (`kind`, `entry.kind`): what a loop or a call may bind. */
function readsName(e: ts.Expression): boolean {
  const x = skipOuter(e);
  return isIdentifier(x) || (isPropertyAccessExpression(x) && readsName(x.expression));
}

/** The name at the root of a term's value (`entry` of `entry.kind`). */
export function rootName(e: ts.Expression): string {
  let x = skipOuter(e);
  while (isPropertyAccessExpression(x)) x = skipOuter(x.expression);
  return isIdentifier(x) ? x.text : '';
}
