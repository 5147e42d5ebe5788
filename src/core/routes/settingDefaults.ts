// The path-like strings a module's exported object literals write (`module.exports = { ui: { path: '' } }`,
// `export const server = { base: '/api' }`): the defaults of a settings module whose value the
// program computes at run time (a configuration file merged over them, its keys re-cased), read by
// collect.ts where a mount prefix reads such a setting through a module it loads and nothing
// else gives its value (ValueResolver settingDefaultText). Keys are the property path from the
// module's exports, lower-cased (a loader may re-case them: `UI.PATH` read of `ui.path`); only a
// text that may be a path is kept ('' or one starting with '/'), so a settings file's other strings
// cost nothing.
import ts from './compiler';
import { isBinaryExpression, isExportAssignment, isExpressionStatement, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteral, isStringLiteralLike, isVariableStatement } from './tsNodes';
import { skipOuter } from './tsSyntax';
import type { SettingDefault } from './extracted';

/** Deeper than any settings object's path a prefix reads. */
const MAX_DEPTH = 5;
/** A path-like text: empty, or from the root, with no space. */
const PATH_LIKE = /^(?:\/\S*)?$/;

/** The file's exported path-like defaults by lower-cased key path; undefined when it has none. */
export function readSettingDefaults(sf: ts.SourceFile): Record<string, SettingDefault> | undefined {
  const out: Record<string, SettingDefault> = {};
  const walk = (e: ts.Expression, key: string, depth: number): void => {
    const x = skipOuter(e);
    if (isStringLiteralLike(x)) {
      if (key !== '' && PATH_LIKE.test(x.text) && !Object.hasOwn(out, key)) out[key] = { value: x.text, line: sf.getLineAndCharacterOfPosition(x.getStart(sf)).line + 1 };
      return;
    }
    if (!isObjectLiteralExpression(x) || depth > MAX_DEPTH) return;
    for (const p of x.properties)
      if (isPropertyAssignment(p) && (isIdentifier(p.name) || isStringLiteral(p.name))) walk(p.initializer, key === '' ? p.name.text.toLowerCase() : `${key}.${p.name.text.toLowerCase()}`, depth + 1);
  };
  for (const s of sf.statements) {
    const exported = exportedValue(s, sf);
    if (exported) walk(exported.value, exported.key, 0);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `module.exports = v` / `export default v` (key ''), `module.exports.k = v` / `exports.k = v` / `export const k = v` (key k). */
function exportedValue(s: ts.Statement, sf: ts.SourceFile): { key: string; value: ts.Expression } | undefined {
  if (isExportAssignment(s) && !s.isExportEquals) return { key: '', value: s.expression };
  if (isVariableStatement(s) && s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
    const [d] = s.declarationList.declarations;
    return d && s.declarationList.declarations.length === 1 && isIdentifier(d.name) && d.initializer ? { key: d.name.text.toLowerCase(), value: d.initializer } : undefined;
  }
  if (!isExpressionStatement(s) || !isBinaryExpression(s.expression) || s.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const target = s.expression.left.getText(sf);
  if (target === 'module.exports') return { key: '', value: s.expression.right };
  const left = s.expression.left;
  const named = isPropertyAccessExpression(left) && /^(?:module\.exports|exports)$/.test(left.expression.getText(sf)) ? left.name.text.toLowerCase() : undefined;
  return named !== undefined ? { key: named, value: s.expression.right } : undefined;
}

