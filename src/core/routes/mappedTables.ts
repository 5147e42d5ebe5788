// A literal table mapped to route options: hapi's and Fastify's
//   export default [{ from: '/js/{path*}', to: 'js' }, ...].map((o) => ({ method: 'GET', path: o.from, handler }))
// Each element's method and path are what the mapper's object builds from it; the rest of the
// options (handlers, caching) are not read.
import type ts from './compiler';
import { isArrayLiteralExpression, isArrowFunction, isBlock, isFunctionExpression, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression } from './tsNodes';
import { lastReturn, skipOuter } from './tsSyntax';
import { ARG, argRef, unknownIn, type ConstValue } from './values';
import { substituteParams } from './extracted';

/** The option keys a route's method and path are read from. */
const ROUTE_KEYS = ['method', 'path', 'url'] as const;

export interface MappedTableReader {
  evaluate(e: ts.Expression): ConstValue | undefined;
  /** `e` evaluated with `name` bound to `value` (the mapper's parameter). */
  evaluateWith(name: string, value: ConstValue, e: ts.Expression): ConstValue | undefined;
  prop(obj: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined;
}

/**
 * `[...].map((row) => ({ method, path: row.from, ... }))` over a literal table: the list of route
 * options (method and path only) one per row; undefined when it is no such call, or when a row's
 * method or path is not known statically.
 */
export function mappedRouteOptions(call: ts.CallExpression, reader: MappedTableReader): ConstValue | undefined {
  const callee = call.expression;
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'map' || call.arguments.length !== 1) return undefined;
  const table = skipOuter(callee.expression);
  const mapper = skipOuter(call.arguments[0] as ts.Expression);
  if (!isArrayLiteralExpression(table) || table.elements.length === 0 || !(isArrowFunction(mapper) || isFunctionExpression(mapper))) return undefined;
  const param = mapper.parameters[0]?.name;
  const body = isBlock(mapper.body) ? lastReturn(mapper.body) : mapper.body;
  const built = body && skipOuter(body);
  if (!param || !isIdentifier(param) || !built || !isObjectLiteralExpression(built)) return undefined;
  const template: Record<string, ConstValue> = {};
  for (const key of ROUTE_KEYS) {
    const node = reader.prop(built, key);
    const v = node && reader.evaluateWith(param.text, argRef(0), node);
    if (node && !v) return undefined;
    if (v) template[key] = v;
  }
  if (!template['method'] || !(template['path'] ?? template['url'])) return undefined;
  const rows = reader.evaluate(table);
  if (rows?.kind !== 'arr') return undefined;
  const items: ConstValue[] = rows.items.map((row) => ({ kind: 'obj', props: Object.fromEntries(Object.entries(template).map(([k, v]) => [k, substituteParams(v, [row], ARG)])) }));
  return items.some((item) => unknownIn(item, true)) ? undefined : { kind: 'arr', items };
}
