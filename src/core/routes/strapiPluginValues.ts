// The values a Strapi plugin's route modules export, as far as its routes need: route objects
// (`{ method, path, handler, config }`), arrays of them (spreads included), objects of routers
// (`{ admin: { type: 'admin', routes: [...] } }`) and the strings in them; a name a module imports or
// `require`s is a reference to that module's default export, which gather/strapiPlugins.ts follows.
import ts from './compiler';
import { isArrayLiteralExpression, isBinaryExpression, isCallExpression, isExpressionStatement, isIdentifier, isImportDeclaration, isObjectLiteralExpression, isPropertyAssignment, isShorthandPropertyAssignment, isSpreadAssignment, isSpreadElement, isStringLiteral, isVariableStatement } from './tsNodes';
import type { HttpMethod } from '../model';
import { isHttpMethod } from './routeSpec';
import { literalProp, literalText, skipOuter } from './tsSyntax';
import { isModuleExports } from './routeSyntax';
import { requireSource } from './moduleLoads';
import type { ExtractedFile } from './extracted';
import { STRAPI_EXTENSION_FILE, STRAPI_PLUGIN_ROUTES_FILE } from './strapiPluginFiles';

/** A route object: `ownPrefix` when its config names a prefix (Strapi then skips its router's prefix). */
export interface StrapiRouteValue {
  kind: 'route';
  method: HttpMethod;
  path: string;
  file: string;
  line: number;
  ownPrefix: boolean;
}

export type StrapiValue =
  | StrapiRouteValue
  | { kind: 'list'; items: StrapiValue[] }
  | { kind: 'object'; props: Record<string, StrapiValue> }
  | { kind: 'text'; text: string }
  /** The default export of the relative module `spec` (`./admin`), as written in the file holding it. */
  | { kind: 'module'; spec: string };

/** What a plugin routes module's file exports, or the routes an extension's server file pushes (ExtractedFile.strapiPlugin). */
export interface StrapiPluginModule {
  value?: StrapiValue;
  pushes?: Array<{ router: string; route: StrapiRouteValue }>;
}

/** A Strapi plugin routes module's default export, or an extension's pushed routes, when `sf` is such a file. */
export function readStrapiPluginModule(sf: ts.SourceFile, out: ExtractedFile): void {
  const file = sf.fileName.replace(/\\/g, '/');
  if (STRAPI_PLUGIN_ROUTES_FILE.test(file)) {
    const value = strapiModuleDefault(sf);
    if (value) out.strapiPlugin = { value };
  } else if (STRAPI_EXTENSION_FILE.test(file)) {
    const pushes = strapiPushedRoutes(sf);
    if (pushes.length > 0) out.strapiPlugin = { pushes };
  }
}

/** A module reference when `spec` is relative (a package's module is not the project's). */
function moduleRef(spec: string): StrapiValue | undefined {
  return spec.startsWith('.') ? { kind: 'module', spec } : undefined;
}

/** What a module exports as its default: `export default x`, `module.exports = x`. */
function strapiModuleDefault(sf: ts.SourceFile): StrapiValue | undefined {
  for (const st of sf.statements) {
    if (ts.isExportAssignment(st)) return strapiValue(st.expression, sf);
    if (isExpressionStatement(st) && isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && isModuleExports(st.expression.left))
      return strapiValue(st.expression.right, sf);
  }
  return undefined;
}

/** An expression's value: literals, arrays, objects, route objects, names bound at the top of the file. */
function strapiValue(expr: ts.Expression, sf: ts.SourceFile): StrapiValue | undefined {
  const e = skipOuter(expr);
  const text = literalText(e);
  if (text !== undefined) return { kind: 'text', text };
  const required = requireSource(e);
  if (required !== undefined) return moduleRef(required);
  if (isIdentifier(e)) return boundValue(e.text, sf);
  if (isArrayLiteralExpression(e)) {
    const items: StrapiValue[] = [];
    for (const el of e.elements) {
      const v = strapiValue(isSpreadElement(el) ? el.expression : el, sf);
      // A spread list's items are its own; a spread module stays a reference gather/strapiPlugins.ts spreads.
      if (v && isSpreadElement(el) && v.kind === 'list') items.push(...v.items);
      else if (v) items.push(v);
    }
    return { kind: 'list', items };
  }
  if (isObjectLiteralExpression(e)) return routeValue(e, sf) ?? objectValue(e, sf);
  return undefined;
}

/** `{ method: 'GET', path: '/x', handler }`: a route. */
function routeValue(o: ts.ObjectLiteralExpression, sf: ts.SourceFile): StrapiRouteValue | undefined {
  const method = literalText(literalProp(o, 'method'))?.toUpperCase();
  const path = literalText(literalProp(o, 'path'));
  if (method === undefined || !isHttpMethod(method) || path === undefined) return undefined;
  const config = literalProp(o, 'config');
  const ownPrefix = config !== undefined && isObjectLiteralExpression(skipOuter(config)) && literalProp(skipOuter(config) as ts.ObjectLiteralExpression, 'prefix') !== undefined;
  return { kind: 'route', method, path, file: sf.fileName, line: sf.getLineAndCharacterOfPosition(o.getStart(sf)).line + 1, ownPrefix };
}

function objectValue(o: ts.ObjectLiteralExpression, sf: ts.SourceFile): StrapiValue {
  const props: Record<string, StrapiValue> = {};
  for (const p of o.properties) {
    if (isSpreadAssignment(p)) {
      const v = strapiValue(p.expression, sf);
      if (v?.kind === 'object') Object.assign(props, v.props);
      continue;
    }
    const name = (isPropertyAssignment(p) || isShorthandPropertyAssignment(p)) && (isIdentifier(p.name) || isStringLiteral(p.name)) ? p.name.text : undefined;
    if (name === undefined) continue;
    const v = isPropertyAssignment(p) ? strapiValue(p.initializer, sf) : boundValue(name, sf);
    if (v) props[name] = v;
  }
  return { kind: 'object', props };
}

/** A name bound at the top of the file: a default or namespace import, a `require`, a constant. */
function boundValue(name: string, sf: ts.SourceFile): StrapiValue | undefined {
  for (const st of sf.statements) {
    if (isImportDeclaration(st) && isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      const ns = clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings) ? clause.namedBindings.name.text : undefined;
      if (clause?.name?.text === name || ns === name) return moduleRef(st.moduleSpecifier.text);
    }
    if (!isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations)
      if (isIdentifier(d.name) && d.name.text === name && d.initializer) return strapiValue(d.initializer, sf);
  }
  return undefined;
}

/** `plugin.routes['content-api'].routes.push({ ... })` anywhere in a plugin extension: each route pushed, with its router's key. */
function strapiPushedRoutes(sf: ts.SourceFile): Array<{ router: string; route: StrapiRouteValue }> {
  const out: Array<{ router: string; route: StrapiRouteValue }> = [];
  const visit = (n: ts.Node): void => {
    const router = isCallExpression(n) ? pushedRouter(n.expression) : undefined;
    if (router !== undefined && isCallExpression(n))
      for (const a of n.arguments) {
        const r = isObjectLiteralExpression(skipOuter(a)) ? routeValue(skipOuter(a) as ts.ObjectLiteralExpression, sf) : undefined;
        if (r) out.push({ router, route: r });
      }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** `<x>.routes['content-api'].routes.push` / `<x>.routes.admin.routes.push`: the router's key. */
function pushedRouter(callee: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'push') return undefined;
  const list = callee.expression;
  if (!ts.isPropertyAccessExpression(list) || list.name.text !== 'routes') return undefined;
  const router = list.expression;
  const key = ts.isElementAccessExpression(router) ? literalText(router.argumentExpression) : ts.isPropertyAccessExpression(router) ? router.name.text : undefined;
  const owner = ts.isElementAccessExpression(router) || ts.isPropertyAccessExpression(router) ? router.expression : undefined;
  return owner && ts.isPropertyAccessExpression(owner) && owner.name.text === 'routes' ? key : undefined;
}
