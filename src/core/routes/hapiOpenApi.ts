// hapi-openapi: the plugin object `{ plugin: HapiOpenAPI, options: { api, handlers } }` registered on
// a hapi server serves the OpenAPI document `api` names (a file, or the document itself): a route
// per operation at the document's basePath (OpenAPI 2) or servers' paths (OpenAPI 3) + the path,
// handled by the method key (`get`, `post`...) of the module whose path under the `handlers` folder
// mirrors the operation's (`handlers/users/{id}.js` for /users/{id}). Read here as an
// express-openapi initialize over that folder (openApiFramework.ts, joined by openApiJoin.ts); a
// document in a file has its base paths read by the gatherer (gather/openApiDocs.ts).
import ts from './compiler';
import { forEachChild, isCallExpression, isConditionalExpression, isIdentifier, isObjectLiteralExpression, isStringLiteral, isVariableStatement } from './tsNodes';
import { literalOf } from './values';
import { skipOuter } from './tsSyntax';
import { folderValue, propValue, type Evaluate, type OpenApiInit } from './openApiFramework';

/** The package read. */
export const HAPI_OPENAPI = 'hapi-openapi';

/** The router the plugin's routes are declared on: the hapi server it is registered with. */
const SERVER = 'server';

/** The hapi-openapi plugin objects of a file (the plugin imported, or required in place). */
export function readHapiOpenApiPlugins(sf: ts.SourceFile, imports: ReadonlyArray<{ local: string; imported: string; source: string }>, evaluate: Evaluate): OpenApiInit[] {
  const locals = new Set(imports.filter((i) => i.source === HAPI_OPENAPI && (i.imported === 'default' || i.imported === '*')).map((i) => i.local));
  const out: OpenApiInit[] = [];
  const visit = (n: ts.Node): void => {
    if (isObjectLiteralExpression(n) && isPlugin(propValue(n, 'plugin'), locals)) {
      const options = propValue(n, 'options');
      const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
      for (const o of options ? optionObjects(sf, options) : []) {
        const init = readOptions(o, evaluate);
        if (init) out.push({ ...init, line });
      }
    }
    forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/**
 * The options object literals: written in place, held by a constant of the file, or each branch of
 * `isApi ? apiOptions : adminOptions` (a server made once per document: both are served).
 */
function optionObjects(sf: ts.SourceFile, e: ts.Expression, depth = 0): ts.ObjectLiteralExpression[] {
  const n = skipOuter(e);
  if (depth > 3) return [];
  if (isObjectLiteralExpression(n)) return [n];
  if (isConditionalExpression(n)) return [...optionObjects(sf, n.whenTrue, depth + 1), ...optionObjects(sf, n.whenFalse, depth + 1)];
  const held = isIdentifier(n) ? fileConstant(sf, n.text) : undefined;
  return held ? optionObjects(sf, held, depth + 1) : [];
}

function fileConstant(sf: ts.SourceFile, name: string): ts.Expression | undefined {
  for (const s of sf.statements)
    if (isVariableStatement(s) && s.declarationList.flags & ts.NodeFlags.Const)
      for (const d of s.declarationList.declarations) if (isIdentifier(d.name) && d.name.text === name && d.initializer) return d.initializer;
  return undefined;
}

function isPlugin(e: ts.Expression | undefined, locals: ReadonlySet<string>): boolean {
  const n = e && skipOuter(e);
  if (!n) return false;
  if (isIdentifier(n)) return locals.has(n.text);
  const arg = isCallExpression(n) && isIdentifier(n.expression) && n.expression.text === 'require' ? n.arguments[0] : undefined;
  return arg !== undefined && isStringLiteral(arg) && arg.text === HAPI_OPENAPI;
}

/** `handlers` as the folder of path modules; `api` as a file beside the declaring file, else a value. */
function readOptions(o: ts.ObjectLiteralExpression, evaluate: Evaluate): Omit<OpenApiInit, 'line'> | undefined {
  const handlers = propValue(o, 'handlers');
  if (!handlers) return undefined;
  const init: Omit<OpenApiInit, 'line'> = { router: SERVER, specs: [], folders: [], plugin: true };
  const folder = folderValue(skipOuter(handlers), evaluate);
  if (folder) init.folders.push(folder);
  else init.unread = 'handlers';
  const api = propValue(o, 'api');
  const file = api && folderValue(skipOuter(api), evaluate);
  const path = file?.fromFile ? literalOf(file.value)?.replace(/\/$/, '') : undefined;
  if (path !== undefined) init.apiFile = path;
  else if (api) {
    const doc = evaluate(api);
    if (doc) init.apiDoc = doc;
  }
  return init;
}
