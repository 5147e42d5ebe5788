// What a Next.js route handler file exports, read from its syntax tree: the HTTP methods an App
// Router `route.ts` answers (its exports named GET, POST, ...) and whether a Pages Router API file
// has a default export (its handler, which answers every method). A SvelteKit endpoint's
// (`+server.ts`) are read the same way, with its `fallback` export, an Astro endpoint's with its
// `ALL`, and a Remix route module's
// loader and action. Read only for files whose path
// can be one (isNextHandlerFile); nextRoutes.ts turns them into routes once the app's folder is known.
import ts from './compiler';
import { isBindingElement, isExportAssignment, isExportDeclaration, isExpressionStatement, isBinaryExpression, isFunctionDeclaration, isClassDeclaration, isIdentifier, isNamedExports, isObjectBindingPattern, isArrayBindingPattern, isStringLiteral, isVariableStatement } from './tsNodes';
import { hasModifier, isModuleExports } from './routeSyntax';
import type { HttpMethod } from '../model';
import { METADATA_ID_EXPORTS } from './nextMetadata';

/** The export names Next.js's App Router calls as handlers. */
const HANDLER_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** What a route handler file exports (ExtractedFile.nextHandler). */
export interface NextHandlerExports {
  /** Exported handler methods and the line naming each. */
  methods: Array<{ method: HttpMethod; line: number }>;
  /** The line of `export default` / `module.exports =`, when the file has one. */
  defaultLine?: number;
  /** `export * from './x'`: methods of another module, not read (its specifier). */
  reexportsAll?: string[];
  /** A SvelteKit endpoint's `fallback` export, answering every method it exports no handler for: the line naming it. */
  fallbackLine?: number;
  /** An Astro endpoint's `ALL` export, answering every method it exports no handler for (astroRoutes.ts): the line naming it. */
  allLine?: number;
  /** A metadata file's generateSitemaps or generateImageMetadata export (nextMetadata.ts): the line naming it. */
  idsLine?: number;
  /** A Remix / React Router route module's `loader` and `action` exports (remixRoutes.ts): the line naming each. */
  loaderLine?: number;
  actionLine?: number;
}

/** The handler exports of a file's top-level statements; undefined when it exports none. */
export function nextHandlerExports(sf: ts.SourceFile): NextHandlerExports | undefined {
  const out: NextHandlerExports = { methods: [] };
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const add = (name: ts.Identifier | ts.StringLiteral | ts.ModuleExportName) => {
    const text = name.text;
    if (METADATA_ID_EXPORTS.has(text)) out.idsLine ??= lineOf(name);
    if (text === 'fallback') out.fallbackLine ??= lineOf(name);
    if (text === 'ALL') out.allLine ??= lineOf(name);
    if (text === 'loader') out.loaderLine ??= lineOf(name);
    if (text === 'action') out.actionLine ??= lineOf(name);
    if (HANDLER_METHODS.has(text) && !out.methods.some((m) => m.method === text)) out.methods.push({ method: text as HttpMethod, line: lineOf(name) });
  };
  for (const st of sf.statements) {
    const exported = hasModifier(st, ts.SyntaxKind.ExportKeyword);
    const isDefault = exported && hasModifier(st, ts.SyntaxKind.DefaultKeyword);
    if ((isFunctionDeclaration(st) || isClassDeclaration(st)) && exported) {
      if (isDefault) out.defaultLine ??= lineOf(st);
      else if (st.name) add(st.name);
    } else if (isVariableStatement(st) && exported) {
      for (const d of st.declarationList.declarations) boundNames(d.name).forEach(add);
    } else if (isExportDeclaration(st) && !st.isTypeOnly) {
      if (st.exportClause && isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) if (!el.isTypeOnly) (el.name.text === 'default' ? (out.defaultLine ??= lineOf(el)) : add(el.name));
      } else if (!st.exportClause && st.moduleSpecifier && isStringLiteral(st.moduleSpecifier)) (out.reexportsAll ??= []).push(st.moduleSpecifier.text);
    } else if (isExportAssignment(st) || (isExpressionStatement(st) && isBinaryExpression(st.expression) && isModuleExports(st.expression.left))) {
      out.defaultLine ??= lineOf(st);
    }
  }
  const remix = out.loaderLine !== undefined || out.actionLine !== undefined;
  return out.methods.length > 0 || out.defaultLine !== undefined || out.fallbackLine !== undefined || out.allLine !== undefined || remix || out.reexportsAll ? out : undefined;
}

/** The identifiers a declaration binds: `GET`, or each of `{ GET, POST }`, `{ handlers: { GET, POST } }`, `[GET]`. */
function boundNames(name: ts.BindingName): ts.Identifier[] {
  if (isIdentifier(name)) return [name];
  if (isObjectBindingPattern(name) || isArrayBindingPattern(name)) return name.elements.flatMap((el) => (isBindingElement(el) ? boundNames(el.name) : []));
  return [];
}
