// inversify-express-utils: `@controller(path, ...middleware)` classes whose methods carry
// `@httpGet(path)`, `@httpPost`... `@all(path)` or `@httpMethod('get', path)`. Its server
// (`new InversifyExpressServer(container, router, { rootPath })`) registers each route on one router
// at the controller's path followed by the method's, written together (`${controller}${method}`, no
// slash put between), and mounts that router at rootPath ('/' by default).
// Which controllers serve: the package registers every class `@controller` decorated by the time
// build() runs (getControllersFromMetadata), so a class whose module the started code never loads is
// not served. The scan serves every @controller class it finds (as routing-controllers' and Midway's):
// the files that load them (`import './controller'` barrels, a container configuration binding them)
// are often no file the scan reads, so "nothing loads it" cannot be told from what it holds.
// https://github.com/inversify/inversify-express-utils (src/decorators.ts, src/server.ts)
import ts from './compiler';
import { isIdentifier, isObjectLiteralExpression } from './tsNodes';
import type { HttpMethod } from '../model';
import type { ExtractedImport } from './extracted';
import { isHttpMethod } from './routeSpec';
import { skipOuter } from './tsSyntax';

/** The package's module. */
const INVERSIFY_EXPRESS = 'inversify-express-utils';

/** Its method decorators naming their method; `httpMethod(method, path)` names it in its first argument. */
const INVERSIFY_METHODS: Readonly<Record<string, HttpMethod>> = {
  httpGet: 'GET',
  httpPost: 'POST',
  httpPut: 'PUT',
  httpPatch: 'PATCH',
  httpDelete: 'DELETE',
  httpHead: 'HEAD',
  httpOptions: 'OPTIONS',
  all: 'ALL',
};

/** The name `callee` (`controller`, `httpGet`, `utils.httpGet`) is exported as by inversify-express-utils, when imported from it. */
export function inversifyExported(callee: ts.Expression, imports: readonly ExtractedImport[]): string | undefined {
  return libraryExported(callee, imports, (source) => source === INVERSIFY_EXPRESS);
}

/** The name `callee` (`route`, `lib.route`) is exported as by a module `fromLibrary` accepts, when imported from one. */
export function libraryExported(callee: ts.Expression, imports: readonly ExtractedImport[], fromLibrary: (source: string) => boolean): string | undefined {
  const x = skipOuter(callee);
  if (isIdentifier(x)) return imports.find((i) => i.local === x.text && fromLibrary(i.source) && i.imported !== '*' && i.imported !== 'default')?.imported;
  if (!ts.isPropertyAccessExpression(x) || !isIdentifier(x.expression)) return undefined;
  const root = x.expression.text;
  return imports.some((i) => i.local === root && fromLibrary(i.source) && (i.imported === '*' || i.imported === 'default')) ? x.name.text : undefined;
}

/**
 * A method decorator's route: its method (that of `httpMethod`'s first argument, `methodOf` giving its
 * literal) and the argument holding its path; undefined for no route decorator of the package.
 */
export function inversifyRoute(exported: string, args: readonly ts.Expression[], methodOf: (e: ts.Expression) => string | undefined): { method: HttpMethod | undefined; pathArg: ts.Expression | undefined } | undefined {
  const named = INVERSIFY_METHODS[exported];
  if (named) return { method: named, pathArg: args[0] };
  if (exported !== 'httpMethod') return undefined;
  const m = args[0] ? methodOf(args[0])?.toUpperCase() : undefined;
  return { method: m !== undefined && isHttpMethod(m) ? m : undefined, pathArg: args[1] };
}

/** The routing options of `new InversifyExpressServer(container, router, { rootPath })`: that object literal, when written there. */
export function inversifyRoutingConfig(node: ts.NewExpression, imports: readonly ExtractedImport[]): ts.ObjectLiteralExpression | undefined {
  if (inversifyExported(node.expression, imports) !== 'InversifyExpressServer') return undefined;
  const arg = node.arguments?.[2] ? skipOuter(node.arguments[2]) : undefined;
  return arg && isObjectLiteralExpression(arg) ? arg : undefined;
}
