// Strapi (v4, v5): the router files of its APIs (`src/api/<api>/routes/*.ts`), which Strapi loads
// itself (no file imports them). A core router (`factories.createCoreRouter('api::restaurant.restaurant',
// { prefix, only, except })`) serves its content type's REST routes, named by the type's schema.json
// (`info.pluralName`, `singularName`, `kind`: gather/strapiApp.ts reads it and places the routes); a custom router exports
// `{ routes: [{ method, path, handler }] }`. Both are served under the content API's prefix (`/api`,
// or config/api's `rest.prefix`), then the router's own prefix.
import ts from './compiler';
import { isArrayLiteralExpression, isBinaryExpression, isCallExpression, isExpressionStatement, isObjectLiteralExpression } from './tsNodes';
import type { HttpMethod } from '../model';
import type { ExtractedFile } from './extracted';
import { isHttpMethod } from './routeSpec';
import { literalProp, literalText, literalTexts, skipOuter } from './tsSyntax';
import { calleeName, isModuleExports } from './routeSyntax';

/** A router file Strapi loads: in the routes folder of one of its APIs. */
const STRAPI_ROUTER_FILE = /(?:^|\/)api\/[^/]+\/routes\/[^/]+\.[cm]?[jt]s$/;

/** A file's router, as read (ExtractedFile.strapiRouter). */
export interface StrapiRouter {
  line: number;
  /** A core router: the content type's uid and createCoreRouter's options. */
  core?: { uid: string; prefix?: string; only?: string[]; except?: string[] };
  /** A custom router's routes, and its prefix. */
  routes?: Array<{ method: HttpMethod; path: string; line: number }>;
  prefix?: string;
}

/** The router a Strapi router file exports, when `file` is one and exports a router read statically. */
export function readStrapiRouter(sf: ts.SourceFile, out: ExtractedFile): void {
  if (!STRAPI_ROUTER_FILE.test(sf.fileName.replace(/\\/g, '/'))) return;
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  for (const st of sf.statements) {
    const exported = defaultExport(st);
    const value = exported && skipOuter(exported);
    if (!value) continue;
    if (isCallExpression(value) && calleeName(value.expression)?.split('.').pop() === 'createCoreRouter') {
      const uid = literalText(value.arguments[0]);
      const options = value.arguments[1] ? skipOuter(value.arguments[1]) : undefined;
      const opts = options && isObjectLiteralExpression(options) ? options : undefined;
      if (uid === undefined) continue;
      const prefix = opts ? literalText(literalProp(opts, 'prefix')) : undefined;
      const only = opts ? literalTexts(literalProp(opts, 'only')) : undefined;
      const except = opts ? literalTexts(literalProp(opts, 'except')) : undefined;
      out.strapiRouter = { line: line(value), core: { uid, ...(prefix !== undefined ? { prefix } : {}), ...(only ? { only } : {}), ...(except ? { except } : {}) } };
    } else if (isObjectLiteralExpression(value)) {
      const list = literalProp(value, 'routes');
      const items = list && isArrayLiteralExpression(skipOuter(list)) ? (skipOuter(list) as ts.ArrayLiteralExpression).elements.map(skipOuter) : [];
      const routes = items.flatMap((r) => (isObjectLiteralExpression(r) ? customRoute(r, line(r)) : []));
      const prefix = literalText(literalProp(value, 'prefix'));
      if (routes.length > 0 && literalText(literalProp(value, 'type')) !== 'admin') out.strapiRouter = { line: line(value), routes, ...(prefix !== undefined ? { prefix } : {}) };
    }
  }
}

/** `{ method: 'GET', path: '/restaurants/custom', handler }`: a custom router's route. */
function customRoute(r: ts.ObjectLiteralExpression, line: number): Array<{ method: HttpMethod; path: string; line: number }> {
  const method = literalText(literalProp(r, 'method'))?.toUpperCase();
  const path = literalText(literalProp(r, 'path'));
  return method !== undefined && isHttpMethod(method) && path !== undefined ? [{ method, path, line }] : [];
}

/** What a statement exports as the module: `export default x`, `module.exports = x`. */
function defaultExport(st: ts.Statement): ts.Expression | undefined {
  if (ts.isExportAssignment(st)) return st.expression;
  return isExpressionStatement(st) && isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && isModuleExports(st.expression.left) ? st.expression.right : undefined;
}
