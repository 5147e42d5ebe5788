// awilix-express and awilix-koa (their decorators are awilix-router-core's): a class's `@route(path)`
// (one or more) and its methods' `@route(path)` (one or more) with verb decorators (`@GET()`,
// `@POST()`... `@ALL()`, or `@verbs([HttpVerbs.GET, HttpVerbs.PUT])`). The package's rollUpState
// registers each method once per verb at every class path followed by every method path, written
// together (`root + method`, no slash put between); a method with no path of its own is served at the
// class's paths. A method with no verb is no route.
// Which controllers serve: those given to `loadControllers(glob)`, `controller(Class)`, or a loop of
// the project's own over its modules (rollUpState + router[verb]); as for inversify-express-utils'
// and routing-controllers', the scan serves every class with a class-level `@route` it finds.
// https://github.com/jeffijoe/awilix-router-core (src/decorators.ts, src/state-util.ts)
import ts from './compiler';
import { isArrayLiteralExpression, isPropertyAccessExpression } from './tsNodes';
import type { HttpMethod } from '../model';
import type { ExtractedImport } from './extracted';
import { isHttpMethod } from './routeSpec';
import { skipOuter } from './tsSyntax';
import { libraryExported } from './inversifyControllers';

/** The modules exporting awilix-router-core's decorators. */
const AWILIX_ROUTER = /^awilix-(?:express|koa|router-core)$/;

/** Its function joining a controller's class and method state into each method's verbs and paths, which a loop of the project's own may register (`router[verb](paths, ...)`). */
export const AWILIX_ROLL_UP = 'rollUpState';

/** Its decorator giving a class or a method a path. */
export const AWILIX_ROUTE = 'route';

/** Its verb decorators (`@GET()`), each the same as `verbs([HttpVerbs.GET])`; CONNECT is none of ours. */
const AWILIX_VERBS: Readonly<Record<string, HttpMethod>> = {
  GET: 'GET',
  HEAD: 'HEAD',
  POST: 'POST',
  PUT: 'PUT',
  DELETE: 'DELETE',
  OPTIONS: 'OPTIONS',
  PATCH: 'PATCH',
  ALL: 'ALL',
};

/** Whether a module is one of those exporting awilix-router-core's decorators (a decorator framework placing its controllers itself). */
export function isAwilixRouter(source: string): boolean {
  return AWILIX_ROUTER.test(source);
}

/** The name `callee` (`route`, `GET`, `awilix.route`) is exported as by awilix-express, awilix-koa or awilix-router-core, when imported from one. */
export function awilixExported(callee: ts.Expression, imports: readonly ExtractedImport[]): string | undefined {
  return libraryExported(callee, imports, isAwilixRouter);
}

/**
 * The verbs a method decorator of the package assigns: `@GET()` one, `@verbs([...])` (`methods` in
 * later versions) each element's, an element read by its member name (`HttpVerbs.PUT`) or its literal
 * (`methodOf`); undefined for no verb decorator, an empty list for verbs not known statically.
 */
export function awilixVerbs(exported: string, args: readonly ts.Expression[], methodOf: (e: ts.Expression) => string | undefined): HttpMethod[] | undefined {
  const named = AWILIX_VERBS[exported];
  if (named) return [named];
  if (exported !== 'verbs' && exported !== 'methods') return undefined;
  const list = args[0] ? skipOuter(args[0]) : undefined;
  if (!list || !isArrayLiteralExpression(list)) return [];
  const out: HttpMethod[] = [];
  for (const el of list.elements.map(skipOuter)) {
    const name = (isPropertyAccessExpression(el) ? el.name.text : methodOf(el))?.toUpperCase();
    if (name === undefined || !isHttpMethod(name)) return [];
    out.push(name);
  }
  return out;
}
