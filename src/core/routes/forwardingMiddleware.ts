// Middleware that hands the request on to a router (`(req, res, next) => router(req, res, next)`,
// behind a test of the path or not): where it is used, the router is mounted, as `app.use(router)` would.
import ts from './compiler';
import { forEachChild, isArrowFunction, isCallExpression, isFunctionExpression, isFunctionLike, isIdentifier } from './tsNodes';
import { skipOuter } from './tsSyntax';

/**
 * `(req, res, next) => { ...; return router(req, res, next); }`: a middleware handing the request on
 * to a router, the name it calls (the mount is that router's, under the use's prefix); a
 * function that calls no such name with its own request and response gives none.
 */
export function forwardedTo(e: ts.Expression): ts.Identifier | undefined {
  if (!isArrowFunction(e) && !isFunctionExpression(e)) return undefined;
  const params = e.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : ''));
  if (params.length < 2 || params.some((p) => p === '')) return undefined;
  let found: ts.Identifier | undefined;
  const walk = (n: ts.Node): void => {
    if (found !== undefined) return;
    if (isCallExpression(n) && isIdentifier(n.expression) && n.arguments.length >= 2 && !params.includes(n.expression.text)) {
      const args = n.arguments.map((a) => skipOuter(a));
      if (args.every((a, i) => isIdentifier(a) && a.text === params[i])) found = n.expression;
    }
    if (!isFunctionLike(n)) forEachChild(n, walk);
  };
  walk(e.body);
  return found;
}
