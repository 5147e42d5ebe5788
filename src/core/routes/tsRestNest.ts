// ts-rest's Nest adapter (@ts-rest/nest): a controller method decorated `@TsRest(route)` (or the
// deprecated `@Api(route)`) or `@TsRestHandler(route)` is a Nest route with the contract route's
// method and path, as `@Get(route.path)` would be: under the controller's path, the global prefix
// and URI versions like any other handler. `@TsRestHandler(router)` serves each route written
// directly in the router (one handler for all), not those of routers nested in it. A contract
// route's path is its own `path` after the `pathPrefix` of each `c.router(..., { pathPrefix })`
// enclosing it (tsRestContracts.ts); the contract is usually imported, from another package of a
// monorepo too, and read there by collect.ts.
import ts from './compiler';
import { isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression } from './tsNodes';
import { skipOuter } from './tsSyntax';
import type { ExtractedImport } from './extracted';
import type { ConstValue } from './values';

const TS_REST_NEST = '@ts-rest/nest';
const ROUTE_DECORATORS: ReadonlySet<string> = new Set(['TsRest', 'TsRestHandler', 'Api']);
/**
 * A route decorator of @ts-rest/nest (`@TsRestHandler(c.users.list)`, `@nest.TsRest(route)`):
 * its name and the argument split into the name it starts from and the member path after it
 * (so that each router passed on the way adds its pathPrefix). Undefined for any other decorator,
 * and for `@TsRest({ jsonQuery: true })`, options only.
 */
export function tsRestNestDecorator(call: ts.CallExpression, imports: readonly ExtractedImport[]): { decorator: string; root: ts.Expression; keys: string[] } | undefined {
  const callee = skipOuter(call.expression);
  const local = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) && isIdentifier(skipOuter(callee.expression)) ? (skipOuter(callee.expression) as ts.Identifier).text : undefined;
  const imp = imports.find((i) => i.local === local && i.source === TS_REST_NEST);
  const decorator = !imp ? undefined : isIdentifier(callee) ? imp.imported : imp.imported === '*' && isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const arg = call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
  if (!decorator || !ROUTE_DECORATORS.has(decorator) || !arg || isObjectLiteralExpression(arg)) return undefined;
  const keys: string[] = [];
  let root: ts.Expression = arg;
  while (isPropertyAccessExpression(root)) {
    keys.unshift(root.name.text);
    root = skipOuter(root.expression);
  }
  return { decorator, root, keys };
}

/**
 * The older helpers of @ts-rest/nest handing the contract back: `nestControllerContract(contract)`
 * is the contract, `initNestServer(contract)` an object whose `route` is (`@Api(s.route.getPost)`).
 * Undefined for any other call.
 */
export function tsRestNestServerValue(call: ts.CallExpression, evaluate: (e: ts.Expression) => ConstValue | undefined, imports: readonly ExtractedImport[]): ConstValue | undefined {
  const callee = skipOuter(call.expression);
  const imported = isIdentifier(callee) ? imports.find((i) => i.local === callee.text && i.source === TS_REST_NEST)?.imported : undefined;
  const arg = call.arguments[0];
  if (!arg || (imported !== 'nestControllerContract' && imported !== 'initNestServer')) return undefined;
  const contract = evaluate(arg);
  if (!contract) return undefined;
  return imported === 'initNestServer' ? { kind: 'obj', props: { route: contract } } : contract;
}
