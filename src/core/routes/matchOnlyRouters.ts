// Routers that only match: a package's router whose routes answer nothing by themselves
// (tiny-request-router's `new Router()`: `get`/`post` register, `match(method, path)` looks up).
// Its routes are HTTP routes only where code answering HTTP requests calls that match (a Worker's
// `export default { fetch }`, `addEventListener('fetch', ...)`, a Node server's handler); the same
// table matched by an Electron IPC handler or a browser app's axios adapter is no server's.
// Extraction marks such routes (ExtractedRoute.matchOnly) and the files that answer HTTP requests
// and call a match (ExtractedFile.requestEntry); matchOnlyServed.ts decides with the whole app.
import type ts from './compiler';
import { NODE_SERVER, REQUEST_ENTRY } from './mayDeclareRoutes';
import { forEachChild, isCallExpression, isIdentifier, isMethodDeclaration, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isStringLiteralLike, isVariableDeclaration, isExportAssignment } from './tsNodes';
import type { ExtractedFile } from './extracted';
import { writtenName } from './extracted';

/** Packages whose router only matches a method and path to a handler and serves nothing itself. */
const MATCH_ONLY_ROUTER_PACKAGE = /^tiny-request-router$/;

/** A file answering HTTP requests itself (REQUEST_ENTRY) or by Node's `createServer`. */
const REQUEST_ENTRY_TEST = new RegExp(`${REQUEST_ENTRY}|${NODE_SERVER}`);

/** Marks the routes of this file's match-only routers (`const router = new Router()` of such a package). */
export function markMatchOnlyRoutes(sf: ts.SourceFile, out: ExtractedFile): void {
  const makers = new Set(out.imports.filter((i) => MATCH_ONLY_ROUTER_PACKAGE.test(i.source) && i.imported !== '*').map((i) => i.local));
  if (makers.size === 0 || out.routes.length === 0) return;
  const routers = new Set<string>();
  const walk = (n: ts.Node): void => {
    if (isVariableDeclaration(n) && isIdentifier(n.name) && n.initializer && isNewExpression(n.initializer) && isIdentifier(n.initializer.expression) && makers.has(n.initializer.expression.text)) routers.add(n.name.text);
    forEachChild(n, walk);
  };
  walk(sf);
  for (const r of out.routes) if (r.router !== undefined && routers.has(writtenName(r.router))) r.matchOnly = true;
}

/**
 * Where this file answers HTTP requests (REQUEST_ENTRY), and whether it calls a router's
 * `match(method, path)` (two arguments: `String.prototype.match` takes one).
 */
export function readRequestEntry(sf: ts.SourceFile, out: ExtractedFile): void {
  const text = sf.text;
  const matches = text.includes('.match(');
  if (!REQUEST_ENTRY_TEST.test(text) && !matches) return;
  let entry: number | undefined;
  let match: number | undefined;
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const walk = (n: ts.Node): void => {
    if (entry === undefined && isRequestEntry(n)) entry = line(n);
    if (match === undefined && isCallExpression(n) && isPropertyAccessExpression(n.expression) && n.expression.name.text === 'match' && n.arguments.length === 2) match = line(n);
    forEachChild(n, walk);
  };
  walk(sf);
  if (entry !== undefined) out.requestEntry = entry;
  if (match !== undefined) out.matchCall = match;
}

function isRequestEntry(n: ts.Node): boolean {
  if (isExportAssignment(n) && !n.isExportEquals && isObjectLiteralExpression(n.expression))
    return n.expression.properties.some((p) => (isMethodDeclaration(p) || isPropertyAssignment(p) || isShorthandPropertyAssignment(p)) && isIdentifier(p.name) && p.name.text === 'fetch');
  if (!isCallExpression(n)) return false;
  const callee = n.expression;
  const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name === 'addEventListener') return n.arguments[0] !== undefined && isStringLiteralLike(n.arguments[0]) && n.arguments[0].text === 'fetch';
  if (name === 'createServer') return true;
  return name === 'serve' && isPropertyAccessExpression(callee) && isIdentifier(callee.expression) && (callee.expression.text === 'Bun' || callee.expression.text === 'Deno');
}
