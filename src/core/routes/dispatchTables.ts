// Route tables dispatched by hand: a middleware looping over a list of records
// (`[{ url: 'items/list', method: 'get', handler: 'list' }, ...]`, often a plugin's settings) and
// comparing the request's method and URL with each record's `method` and `url` / `path` fields
// (`if (ctx.request.method === method.toUpperCase() && target === url)`), then calling the record's
// handler itself. Which paths answer depends on how the URL is cut before the comparison (a prefix
// removed, a query dropped, a pattern matched) and on which settings reach the loop: no router
// declares them. A helper of the app given its settings and cutting a literal prefix is read with
// the middleware calling it and the settings file (handDispatch.ts); any other loop is told, so a
// short route list is a known gap.
import ts from './compiler';
import { forEachChild, isBinaryExpression, isCallExpression, isIdentifier, isObjectBindingPattern, isPropertyAccessExpression, isVariableDeclaration } from './tsNodes';
import { skipOuter } from './tsSyntax';
import type { TableLoop } from './loopOverTable';

/** The request's method as a middleware reads it: `ctx.method`, `ctx.request.method`, `req.method`, `this.ctx.method`. */
const REQUEST_METHOD = /^(?:this\.)?(?:ctx|context|req|request)(?:\.(?:request|req))?\.method$/;

/** A record's fields naming where it answers. */
const PATH_FIELDS = new Set(['url', 'path']);

const EQUALITY: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken]);

/** `x`, or `x.toUpperCase()` / `x.toLowerCase()`. */
function uncased(e: ts.Expression): ts.Expression {
  const x = skipOuter(e);
  return isCallExpression(x) && isPropertyAccessExpression(x.expression) && /^to(?:Upper|Lower)Case$/.test(x.expression.name.text) ? skipOuter(x.expression.expression) : x;
}

/** The names a pass gives the record's fields: `{ url, method } = record` in the loop or its body, by field. */
function fieldNames(loop: TableLoop): Map<string, string> {
  const out = new Map<string, string>();
  const bind = (pattern: ts.ObjectBindingPattern) => {
    for (const el of pattern.elements) {
      const key = el.propertyName && isIdentifier(el.propertyName) ? el.propertyName.text : isIdentifier(el.name) ? el.name.text : '';
      if (isIdentifier(el.name) && !el.dotDotDotToken) out.set(el.name.text, key);
    }
  };
  const record = loop.variable && isIdentifier(loop.variable) ? loop.variable.text : undefined;
  if (loop.variable && isObjectBindingPattern(loop.variable)) bind(loop.variable);
  const walk = (n: ts.Node): void => {
    if (record !== undefined && isVariableDeclaration(n) && isObjectBindingPattern(n.name) && n.initializer && skipOuter(n.initializer).getText() === record) bind(n.name);
    forEachChild(n, walk);
  };
  walk(loop.body);
  return out;
}

/** The record field `e` reads: `record.url`, or a name bound to one. */
function fieldOf(e: ts.Expression, record: string | undefined, names: Map<string, string>): string | undefined {
  const x = uncased(e);
  if (isIdentifier(x)) return names.get(x.text);
  return isPropertyAccessExpression(x) && record !== undefined && skipOuter(x.expression).getText() === record ? x.name.text : undefined;
}

/**
 * Whether a pass of `loop` compares the request's method with its record's `method` and uses the
 * record's `url` or `path` in a comparison or a call: a table dispatched by hand.
 */
export function dispatchesByHand(loop: TableLoop): boolean {
  if (loop.binds !== 'element' || !loop.variable) return false;
  const names = fieldNames(loop);
  const record = isIdentifier(loop.variable) ? loop.variable.text : undefined;
  let method = false;
  let path = false;
  const walk = (n: ts.Node): void => {
    if (isBinaryExpression(n) && EQUALITY.has(n.operatorToken.kind)) {
      const [a, b] = [fieldOf(n.left, record, names), fieldOf(n.right, record, names)];
      const request = (e: ts.Expression) => REQUEST_METHOD.test(uncased(e).getText());
      if ((a === 'method' && request(n.right)) || (b === 'method' && request(n.left))) method = true;
      if (PATH_FIELDS.has(a ?? '') || PATH_FIELDS.has(b ?? '')) path = true;
    }
    if (isCallExpression(n) && n.arguments.some((arg) => PATH_FIELDS.has(fieldOf(arg, record, names) ?? ''))) path = true;
    forEachChild(n, walk);
  };
  walk(loop.body);
  return method && path;
}
