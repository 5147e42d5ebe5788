// The functions of a file's top level that hold registrations: those nothing uses (not exported,
// their name never written again in the file: `async function registerGeneratedRoutes(app) {...}`
// whose only call is commented out), whose registrations are never made; and the exported ones,
// which collect.ts leaves out when no file of the scan imports them.
import ts from './compiler';
import { forEachChild, isArrowFunction, isCallExpression, isExportDeclaration, isNamedExports, isNewExpression, isFunctionDeclaration, isFunctionExpression, isIdentifier, isPropertyAccessExpression, isVariableStatement } from './tsNodes';
import { hasModifier } from './routeSyntax';
import { skipOuter, wrappedFunction } from './tsSyntax';

interface TopFunction {
  name: string;
  exported: boolean;
  /** Whether it takes parameters (a router to register on: `registerRoutes(app)`). */
  given: boolean;
  /** 1-based first and last line. */
  range: [number, number];
}

/**
 * Top-level function declarations and `const f = (...) => {...}` holding one of `lines`; with
 * `wrapped`, also a function handed to a wrapper call (`const billing = fp(async (app) => {...})`,
 * a plugin made by a library's `createPlugin`), named by its const.
 */
function topLevelFunctions(sf: ts.SourceFile, lines: readonly number[], wrapped = false): TopFunction[] {
  const out: TopFunction[] = [];
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const add = (name: ts.Identifier, node: ts.Node, fn: ts.SignatureDeclarationBase, exported: boolean) => {
    const range: [number, number] = [lineOf(node.getStart(sf)), lineOf(node.getEnd())];
    if (lines.some((l) => l >= range[0] && l <= range[1])) out.push({ name: name.text, exported, given: fn.parameters.length > 0, range });
  };
  for (const st of sf.statements) {
    if (isFunctionDeclaration(st) && st.name && st.body) add(st.name, st, st, hasModifier(st, ts.SyntaxKind.ExportKeyword));
    if (!isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const fn = d.initializer && (isArrowFunction(d.initializer) || isFunctionExpression(d.initializer) ? d.initializer : wrapped && !isBuilderChain(d.initializer) ? wrappedFunction(d.initializer) : undefined);
      if (isIdentifier(d.name) && fn) add(d.name, d, fn, hasModifier(st, ts.SyntaxKind.ExportKeyword));
    }
  }
  return out;
}

/**
 * A method chain on a made object (`new Elysia({ prefix }).get('/', (ctx) => ...)`, `Router().post(...)`):
 * a router built in place, whose inline handlers are no plugin wrapped by a registrar (`fp(async (app) => ...)`,
 * `Plugin.create(fn)`: a call on a name).
 */
function isBuilderChain(e: ts.Expression): boolean {
  const x = skipOuter(e);
  if (!isCallExpression(x) || !isPropertyAccessExpression(x.expression)) return false;
  let receiver = skipOuter(x.expression.expression);
  while (isCallExpression(receiver) && isPropertyAccessExpression(receiver.expression)) receiver = skipOuter(receiver.expression.expression);
  return isNewExpression(receiver) || isCallExpression(receiver);
}

/**
 * The line ranges of the file's top-level functions holding one of `lines` that nothing uses, of
 * those given something to register on (one taking no parameter makes its own app: a script's
 * `bootstrap()` is started in ways a scan does not always see).
 */
export function uncalledFunctionLines(sf: ts.SourceFile, lines: readonly number[]): Array<[number, number]> {
  const candidates = new Map(topLevelFunctions(sf, lines).filter((f) => !f.exported && f.given).map((f) => [f.name, f.range]));
  if (candidates.size === 0) return [];
  // Each name's occurrences: one is its declaration; any other is a use (a call, a reference, an export).
  const seen = new Map<string, number>();
  const walk = (n: ts.Node): void => {
    if (isIdentifier(n) && candidates.has(n.text)) seen.set(n.text, (seen.get(n.text) ?? 0) + 1);
    forEachChild(n, walk);
  };
  walk(sf);
  return [...candidates].filter(([name]) => (seen.get(name) ?? 0) <= 1).map(([, range]) => range);
}

/** The local names of the file's own export lists (`export { billing, auth as authPlugin }`, not one passed on from another module). */
function exportListed(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  for (const st of sf.statements)
    if (isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && isNamedExports(st.exportClause)) for (const el of st.exportClause.elements) out.add((el.propertyName ?? el.name).text);
  return out;
}

/** The exported top-level functions holding one of `lines` (by the export keyword, the file's export list or one of `exportedNames`), with their line ranges. */
export function exportedFunctionLines(sf: ts.SourceFile, lines: readonly number[], exportedNames: ReadonlySet<string>): Record<string, [number, number]> | undefined {
  const listed = exportListed(sf);
  const found = topLevelFunctions(sf, lines, true).filter((f) => f.exported || exportedNames.has(f.name) || listed.has(f.name));
  return found.length > 0 ? Object.fromEntries(found.map((f) => [f.name, f.range])) : undefined;
}

/** The file's top-level functions holding one of `lines` that it does not export, with their line ranges. */
export function localFunctionLines(sf: ts.SourceFile, lines: readonly number[], exportedNames: ReadonlySet<string>): Record<string, [number, number]> {
  const listed = exportListed(sf);
  return Object.fromEntries(topLevelFunctions(sf, lines).filter((f) => !f.exported && !exportedNames.has(f.name) && !listed.has(f.name)).map((f) => [f.name, f.range]));
}
