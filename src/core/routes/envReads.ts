// Values a server reads from its environment when it starts, recorded by where the source keeps
// them (`export const env = { app: { routePrefix: getOsEnv('APP_ROUTE_PREFIX') } }` keeps
// APP_ROUTE_PREFIX at `env.app.routePrefix`). Never taken for the value: what runs may set
// anything. Only named, so a warning about a value not known can say which variable decides it.
import ts from './compiler';
import { isCallExpression, isElementAccessExpression, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteralLike, isVariableDeclaration } from './tsNodes';
import { skipOuter } from './tsSyntax';

/** An environment variable's name as written by convention: `APP_ROUTE_PREFIX`. */
const VARIABLE = /^[A-Z][A-Z0-9_]*$/;

/** `process.env` / `Bun.env` (Deno's `Deno.env.get('X')` is a call, read below). */
export const ENV_OBJECT = /^(?:process\.env|Bun\.env)$/;

/**
 * The variable `e` reads: `process.env.X`, `process.env['X']`, `Bun.env.X`, `Deno.env.get('X')`, or a
 * call of a function named for the environment with the variable's name first (`getOsEnv('X')`,
 * `env('X')`, `requireEnv('X', ...)`).
 */
export function envVariableRead(e: ts.Expression, sf: ts.SourceFile): string | undefined {
  const x = skipOuter(e);
  if (isPropertyAccessExpression(x) && ENV_OBJECT.test(x.expression.getText(sf))) return VARIABLE.test(x.name.text) ? x.name.text : undefined;
  if (isElementAccessExpression(x) && ENV_OBJECT.test(x.expression.getText(sf)) && isStringLiteralLike(x.argumentExpression)) return x.argumentExpression.text;
  if (!isCallExpression(x)) return undefined;
  const first = x.arguments[0] ? skipOuter(x.arguments[0]) : undefined;
  const callee = x.expression.getText(sf);
  const name = isIdentifier(x.expression) ? x.expression.text : isPropertyAccessExpression(x.expression) ? x.expression.name.text : '';
  if (!first || !isStringLiteralLike(first) || !VARIABLE.test(first.text)) return undefined;
  return callee === 'Deno.env.get' || /env/i.test(name) ? first.text : undefined;
}

/**
 * The dotted place a property assignment or a variable keeps its value at, from the top-level
 * constant holding it (`env.app.routePrefix`); undefined inside anything but object literals.
 */
export function keptAt(node: ts.PropertyAssignment | ts.VariableDeclaration): string | undefined {
  const names: string[] = [];
  let at: ts.Node = node;
  while (isPropertyAssignment(at)) {
    if (!isIdentifier(at.name) && !isStringLiteralLike(at.name)) return undefined;
    names.unshift(at.name.text);
    const literal = at.parent;
    if (!isObjectLiteralExpression(literal)) return undefined;
    at = literal.parent;
  }
  if (!isVariableDeclaration(at) || !isIdentifier(at.name)) return undefined;
  return [at.name.text, ...names].join('.');
}
