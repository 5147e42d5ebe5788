// Small readings of TypeScript syntax the route scan shares.
import ts from './compiler';
import { forEachChild, isArrayLiteralExpression, isIdentifier, isNoSubstitutionTemplateLiteral, isPropertyAssignment, isStringLiteral, isArrowFunction, isAsExpression, isAwaitExpression, isBlock, isCallExpression, isFunctionDeclaration, isFunctionExpression, isFunctionLike, isNonNullExpression, isParenthesizedExpression, isPropertyAccessExpression, isReturnStatement, isSatisfiesExpression, isTypeAssertionExpression, isYieldExpression } from './tsNodes';

/** What a class extends, as written (`class A extends B`, `extends F(args)`): the expression of its `extends` clause. */
export function extendedClass(cls: ts.ClassLikeDeclaration): ts.Expression | undefined {
  return cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
}

/**
 * The expression inside parentheses, `as`, `!`, `satisfies`, type assertions, `await` and `yield*`
 * (a generator's `const router = yield* makeRouter()` is what the delegated generator returns, as
 * an Effect's `yield*` is its result).
 */
export function skipOuter(e: ts.Expression): ts.Expression {
  let cur = e;
  for (;;) {
    if (isParenthesizedExpression(cur) || isAsExpression(cur) || isNonNullExpression(cur) || isTypeAssertionExpression(cur) || isSatisfiesExpression(cur))
      cur = cur.expression;
    else if (isAwaitExpression(cur)) cur = cur.expression;
    else if (isYieldExpression(cur) && cur.asteriskToken && cur.expression) cur = cur.expression;
    else return cur;
  }
}

/** A block's last statement when it returns a value. */
export function lastReturn(body: ts.Block): ts.Expression | undefined {
  const last = body.statements[body.statements.length - 1];
  return last && isReturnStatement(last) ? last.expression : undefined;
}

/** An arrow function, a function expression or a function declaration. */
export function isFunctionWithBody(n: ts.Node): n is ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration {
  return isArrowFunction(n) || isFunctionExpression(n) || isFunctionDeclaration(n);
}

/**
 * The function an expression is, or wraps as the first function among a call's arguments: a
 * plugin wrapped by its registrar (`fp(async (app) => ...)`, `fp(fp2(function (f) {...}), opts)`).
 */
export function wrappedFunction(e: ts.Expression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  const inner = skipOuter(e);
  if (isArrowFunction(inner) || isFunctionExpression(inner)) return inner;
  if (!isCallExpression(inner)) return undefined;
  for (const arg of inner.arguments) {
    const fn = wrappedFunction(arg);
    if (fn) return fn;
  }
  return undefined;
}

/** What a function may return: an arrow's expression, else every `return x` of its own body (not of functions inside it). */
export function returnedExpressions(fn: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!isBlock(body)) return [body];
  const out: ts.Expression[] = [];
  const walk = (n: ts.Node): void => {
    if (isReturnStatement(n) && n.expression) out.push(n.expression);
    if (!isFunctionLike(n)) forEachChild(n, walk);
  };
  forEachChild(body, walk);
  return out;
}

/**
 * Visits every node of a file parsed without parent pointers (extract.ts), linking each to its
 * parent before `visit` sees it: the reader's first walk over the tree does what the parser's
 * own pass would (a second walk, a third of the parse's time; bench/README.md, session 16).
 * When `visit` returns true, the node's descendants are linked but not visited. `calls`, when
 * given, receives every call of the file, visited or not, in the walk's order (document order).
 */
export function forEachNodeLinkingParents(sf: ts.SourceFile, visit: (node: ts.Node) => boolean | void, calls?: ts.CallExpression[]): void {
  let parent: ts.Node = sf;
  let skipping = 0;
  const walk = (node: ts.Node): void => {
    (node as { parent: ts.Node }).parent = parent;
    if (calls !== undefined && isCallExpression(node)) calls.push(node);
    const skip = skipping === 0 && visit(node) === true;
    if (skip) skipping++;
    const outer = parent;
    parent = node;
    forEachChild(node, walk);
    parent = outer;
    if (skip) skipping--;
  };
  if (visit(sf) === true) skipping++;
  forEachChild(sf, walk);
}

/** Whether `e` is the name `name` (`x`, `(x)`, `x!`). */
export function isNamed(e: ts.Expression, name: string): boolean {
  const x = skipOuter(e);
  return isIdentifier(x) && x.text === name;
}

/**
 * A member chain of names as written (`app.router`, `app.kit.handlers`); with `thisRoot`, also one
 * starting at `this` (`this.kit.handlers`). Undefined for anything else.
 */
export function dottedName(e: ts.Expression, thisRoot = false): string | undefined {
  const x = skipOuter(e);
  if (isIdentifier(x)) return x.text;
  if (thisRoot && x.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (!isPropertyAccessExpression(x)) return undefined;
  const head = dottedName(x.expression, thisRoot);
  return head === undefined ? undefined : `${head}.${x.name.text}`;
}

/** The field `this.<name>` reads (`router` of `this.router`); undefined for anything else. */
export function thisMember(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  return isPropertyAccessExpression(x) && x.expression.kind === ts.SyntaxKind.ThisKeyword ? x.name.text : undefined;
}

/** The value written for `name` in an object literal (`name: value`, `'name': value`). */
export function literalProp(o: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  return o.properties.find((q): q is ts.PropertyAssignment => isPropertyAssignment(q) && (isIdentifier(q.name) || isStringLiteral(q.name)) && q.name.text === name)?.initializer;
}

/** A string written as a literal (quotes or a template without substitutions). */
export function literalText(e: ts.Expression | undefined): string | undefined {
  const x = e && skipOuter(e);
  return x && (isStringLiteral(x) || isNoSubstitutionTemplateLiteral(x)) ? x.text : undefined;
}

/** An array literal of string literals, each element one. */
export function literalTexts(e: ts.Expression | undefined): string[] | undefined {
  const x = e && skipOuter(e);
  if (!x || !isArrayLiteralExpression(x)) return undefined;
  const out = x.elements.map((el) => literalText(el));
  return out.every((s): s is string => s !== undefined) ? out : undefined;
}
