// A module's object constant whose fields its own top-level code sets again after the literal
// (`const config = { base: '' }; config.base = process.env.BASE_PATH || '/'`): the literal's value
// is not what other files read. One plain assignment is the field's value (when known statically);
// assignments in a branch (`try { config.base = new URL(x).pathname } catch { config.base = x }`)
// or several leave it not known, so a mount at it is shown under an unknown prefix, not at ''; but
// a URL's path set in a try and another value in its catch (`try { config.base = new URL(x).pathname }
// catch { config.base = x }`) is the path where the URL parses, else the catch's value (tryCatchValue).
import ts from './compiler';
import { isBinaryExpression, isBlock, isExpressionStatement, isIdentifier, isIfStatement, isNewExpression, isPropertyAccessExpression, isTryStatement } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { hasRefs, literalOf, readsEnv, soleRef, str, type ConstValue } from './values';
import { URL_PATH, urlPathText } from './urlPathRefs';

interface Assignment {
  owner: string;
  field: string;
  value: ts.Expression;
  branch: boolean;
  /** The try statement whose try block (`tried`) or catch block holds it. */
  within?: { statement: ts.TryStatement; tried: boolean };
}

/** `X.f = e` statements of the module's top level, and of the blocks of its top-level try and if statements (`branch`). */
function fieldAssignments(statements: readonly ts.Statement[], branch: boolean, out: Assignment[], within?: Assignment['within']): void {
  for (const st of statements) {
    if (isBlock(st)) fieldAssignments(st.statements, branch, out, within);
    else if (isTryStatement(st)) {
      fieldAssignments(st.tryBlock.statements, true, out, { statement: st, tried: true });
      fieldAssignments(st.catchClause?.block.statements ?? [], true, out, { statement: st, tried: false });
      fieldAssignments(st.finallyBlock?.statements ?? [], true, out);
    } else if (isIfStatement(st)) fieldAssignments([st.thenStatement, ...(st.elseStatement ? [st.elseStatement] : [])], true, out);
    else if (isExpressionStatement(st) && isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = st.expression.left;
      if (isPropertyAccessExpression(left) && isIdentifier(left.expression)) out.push({ owner: left.expression.text, field: left.name.text, value: st.expression.right, branch, ...(within ? { within } : {}) });
    }
  }
}

/**
 * `try { X.f = new URL(href).pathname } catch { X.f = other }`, the field's only two assignments: the
 * URL's path where it parses, else the other value (`new URL('/')` throws: no base); for an href read
 * from the environment, a reference to its path with the other value in its place where it does not
 * parse (values.ts Part `orElse`, collect.ts). Undefined for any other pair.
 */
function tryCatchValue(all: readonly Assignment[], evaluate: (e: ts.Expression) => ConstValue | undefined): ConstValue | undefined {
  const [a, b] = all;
  if (all.length !== 2 || !a?.within || !b?.within || a.within.statement !== b.within.statement || a.within.tried === b.within.tried) return undefined;
  const [tried, caught] = a.within.tried ? [a, b] : [b, a];
  const x = skipOuter(tried.value);
  const made = isPropertyAccessExpression(x) && x.name.text === 'pathname' ? skipOuter(x.expression) : undefined;
  if (!made || !isNewExpression(made) || !isIdentifier(made.expression) || made.expression.text !== 'URL' || made.arguments?.length !== 1) return undefined;
  const other = evaluate(caught.value);
  if (other?.kind !== 'str') return undefined;
  // A URL read from the environment: its path, or the other value where it does not parse.
  const value = evaluate(tried.value);
  const ref = soleRef(value);
  if (ref?.local === URL_PATH) return str({ ref: { ...ref, orElse: other } });
  if (value) return value;
  // A URL known statically that does not parse (a relative path): the catch's value.
  const href = evaluate(made.arguments[0] as ts.Expression);
  const text = href && !hasRefs(href) && !readsEnv(href) ? literalOf(href) : undefined;
  return text !== undefined && urlPathText(text, false) === undefined ? other : undefined;
}

/** The object constants with the fields the module sets again at its top level, as those assignments leave them. */
export function withReassignedFields(sf: ts.SourceFile, constants: Record<string, ConstValue>, evaluate: (e: ts.Expression) => ConstValue | undefined): void {
  const found: Assignment[] = [];
  fieldAssignments(sf.statements, false, found);
  for (const { owner, field } of found) {
    const obj = constants[owner];
    if (obj?.kind !== 'obj') continue;
    const all = found.filter((a) => a.owner === owner && a.field === field);
    const [only] = all;
    const value = all.length === 1 && only && !only.branch ? evaluate(only.value) : tryCatchValue(all, evaluate);
    const { [field]: _old, ...props } = obj.props;
    constants[owner] = { ...obj, props: value ? { ...props, [field]: value } : props };
  }
}
