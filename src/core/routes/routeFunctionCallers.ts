// Who in its own file reaches an exported route function (ExtractedFile.routeFunctions): a metrics
// server's `export function createMetricsServer()` is called by `startMetricsServer()` of the same
// file, which main.ts imports and calls. The function is used when any of its callers is, so
// collect.ts asks for the callers' names as it asks for the function's own.
import ts from './compiler';
import { forEachChild, isArrowFunction, isExportAssignment, isExportSpecifier, isFunctionDeclaration, isFunctionExpression, isIdentifier, isVariableStatement } from './tsNodes';

/** The name of each top-level function of the file (declared, or `const f = () => {}`) with its statement. */
function topLevelFunctionNames(sf: ts.SourceFile): Map<ts.Node, string> {
  const out = new Map<ts.Node, string>();
  for (const st of sf.statements) {
    if (isFunctionDeclaration(st) && st.name) out.set(st, st.name.text);
    if (!isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations)
      if (isIdentifier(d.name) && d.initializer && (isArrowFunction(d.initializer) || isFunctionExpression(d.initializer))) out.set(st, d.name.text);
  }
  return out;
}

/**
 * For each of `fns`, the other top-level functions of the file that use it, directly or through
 * one another, by name; '' when code of the file's top level outside any function does (a call at
 * load). Its export (`export { f }`, `export default f`) is no use. Undefined when none has any.
 */
export function routeFunctionCallers(sf: ts.SourceFile, fns: readonly string[]): Record<string, string[]> | undefined {
  const names = topLevelFunctionNames(sf);
  const known = new Set(names.values());
  // users.get(f): the top-level functions (or '') whose code names f.
  const users = new Map<string, Set<string>>();
  for (const st of sf.statements) {
    const own = names.get(st);
    const walk = (n: ts.Node): void => {
      if (isIdentifier(n) && known.has(n.text) && n.text !== own && !isExportSpecifier(n.parent) && !isExportAssignment(n.parent)) {
        const set = users.get(n.text) ?? new Set<string>();
        users.set(n.text, set.add(own ?? ''));
      }
      forEachChild(n, walk);
    };
    forEachChild(st, walk);
  }
  const out: Record<string, string[]> = {};
  for (const fn of fns) {
    const reach = new Set<string>();
    const queue = [...(users.get(fn) ?? [])];
    for (let u = queue.pop(); u !== undefined; u = queue.pop()) {
      if (reach.has(u) || u === fn) continue;
      reach.add(u);
      if (u !== '') queue.push(...(users.get(u) ?? []));
    }
    if (reach.size > 0) out[fn] = [...reach];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
