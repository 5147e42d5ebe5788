// A module's object constant whose fields its own top-level code sets again after the literal
// (`const config = { base: '' }; config.base = process.env.BASE_PATH || '/'`): the literal's value
// is not what other files read. One plain assignment is the field's value (when known statically);
// assignments in a branch (`try { config.base = new URL(x).pathname } catch { config.base = x }`)
// or several leave it not known, so a mount at it is shown under an unknown prefix, not at ''.
import ts from './compiler';
import { isBinaryExpression, isBlock, isExpressionStatement, isIdentifier, isIfStatement, isPropertyAccessExpression, isTryStatement } from './tsNodes';
import type { ConstValue } from './values';

/** `X.f = e` statements of the module's top level, and of the blocks of its top-level try and if statements (`branch`). */
function fieldAssignments(statements: readonly ts.Statement[], branch: boolean, out: Array<{ owner: string; field: string; value: ts.Expression; branch: boolean }>): void {
  for (const st of statements) {
    if (isBlock(st)) fieldAssignments(st.statements, branch, out);
    else if (isTryStatement(st)) for (const block of [st.tryBlock, st.catchClause?.block, st.finallyBlock]) fieldAssignments(block?.statements ?? [], true, out);
    else if (isIfStatement(st)) fieldAssignments([st.thenStatement, ...(st.elseStatement ? [st.elseStatement] : [])], true, out);
    else if (isExpressionStatement(st) && isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = st.expression.left;
      if (isPropertyAccessExpression(left) && isIdentifier(left.expression)) out.push({ owner: left.expression.text, field: left.name.text, value: st.expression.right, branch });
    }
  }
}

/** The object constants with the fields the module sets again at its top level, as those assignments leave them. */
export function withReassignedFields(sf: ts.SourceFile, constants: Record<string, ConstValue>, evaluate: (e: ts.Expression) => ConstValue | undefined): void {
  const found: Array<{ owner: string; field: string; value: ts.Expression; branch: boolean }> = [];
  fieldAssignments(sf.statements, false, found);
  for (const { owner, field } of found) {
    const obj = constants[owner];
    if (obj?.kind !== 'obj') continue;
    const all = found.filter((a) => a.owner === owner && a.field === field);
    const [only] = all;
    const value = all.length === 1 && only && !only.branch ? evaluate(only.value) : undefined;
    const { [field]: _old, ...props } = obj.props;
    constants[owner] = { ...obj, props: value ? { ...props, [field]: value } : props };
  }
}
