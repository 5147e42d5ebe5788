// fastify-decorators: `@Controller(route)` / `@Controller({ route })` classes whose methods carry
// `@GET(url)`, `@POST({ url, options })`... Its `bootstrap` plugin (`app.register(bootstrap, {
// directory, mask })` or `{ controllers: [...] }`) registers each controller as a plugin under its
// route, each handler at its url there: the controller's route followed by the method's. The scan
// serves every such controller it finds (as routing-controllers' and inversify's): a directory
// with a mask names its files at run time.
// https://github.com/L2jLiga/fastify-decorators (docs/Controllers.md, docs/Request-Handlers.md)
import ts from './compiler';
import { isObjectLiteralExpression, isPropertyAssignment, isIdentifier } from './tsNodes';
import type { HttpMethod } from '../model';
import type { ExtractedImport } from './extracted';
import { libraryExported } from './inversifyControllers';
import { skipOuter } from './tsSyntax';

/** The package's module. */
const FASTIFY_DECORATORS = 'fastify-decorators';

/** Its method decorators, each naming its method. */
const FASTIFY_DECORATOR_METHODS: Readonly<Record<string, HttpMethod>> = {
  GET: 'GET',
  POST: 'POST',
  PUT: 'PUT',
  PATCH: 'PATCH',
  DELETE: 'DELETE',
  HEAD: 'HEAD',
  OPTIONS: 'OPTIONS',
  ALL: 'ALL',
};

/** The property of a route's options object holding its path (`@GET({ url: '/x' })`), and of a controller's (`@Controller({ route: '/x' })`). */
const HANDLER_PATH = 'url';
const CONTROLLER_PATH = 'route';

/** The name `callee` (`GET`, `fd.GET`) is exported as by fastify-decorators, when imported from it. */
function fastifyDecoratorsExported(callee: ts.Expression, imports: readonly ExtractedImport[]): string | undefined {
  return libraryExported(callee, imports, (source) => source === FASTIFY_DECORATORS);
}

/** The expression an options object holds at `key`, when written there as `key: value`. */
function optionAt(e: ts.Expression, key: string): ts.Expression | undefined {
  const x = skipOuter(e);
  if (!isObjectLiteralExpression(x)) return e;
  const p = x.properties.find((q) => isPropertyAssignment(q) && isIdentifier(q.name) && q.name.text === key);
  return p && isPropertyAssignment(p) ? p.initializer : undefined;
}

/** A method decorator's route: its method and the expression holding its url (undefined: the controller's route itself); undefined for none of the package. */
export function fastifyDecoratorRoute(call: ts.CallExpression, imports: readonly ExtractedImport[]): { method: HttpMethod; pathArg: ts.Expression | undefined } | undefined {
  const exported = fastifyDecoratorsExported(call.expression, imports);
  const method = exported !== undefined ? FASTIFY_DECORATOR_METHODS[exported] : undefined;
  const first = call.arguments[0];
  return method ? { method, pathArg: first ? optionAt(first, HANDLER_PATH) : undefined } : undefined;
}

/** A `@Controller` of the package: the expression holding its route (undefined: none, the root); null when the callee is not the package's. */
export function fastifyControllerRoute(call: ts.CallExpression, imports: readonly ExtractedImport[]): ts.Expression | undefined | null {
  if (fastifyDecoratorsExported(call.expression, imports) !== 'Controller') return null;
  const first = call.arguments[0];
  return first ? optionAt(first, CONTROLLER_PATH) : undefined;
}
