// An object the file fills at load time by merging others into it: `const settings = {}; if (env
// === 'development') merge(settings, base, development); else merge(settings, base, production);
// export default settings` (lodash merge / defaults, Object.assign). Its value is the objects
// merged, one alternative per branch when the merges stand in the two branches of one `if`. Only
// that shape: an empty object literal of a `const` or `let` at the top of the file, every change of
// it a merge call, as a statement, taking it as its first argument, at the top of the file or in
// the branches of an `if` there; anything else leaves the object as written.
import ts from './compiler';
import { isBinaryExpression, isBlock, isCallExpression, isExpressionStatement, isIdentifier, isIfStatement, isObjectLiteralExpression, isPropertyAccessExpression, isElementAccessExpression, isSourceFile, isVariableDeclaration, isVariableDeclarationList, isVariableStatement } from './tsNodes';
import { skipOuter } from './tsSyntax';

/** Functions merging objects: a configuration's defaults with what a file or the environment gives at run time. */
const MERGE_FUNCTION = /^(?:merge|mergeWith|mergeDeep|deepMerge|deepmerge|defaults|defaultsDeep|extend)$/;

/** Text a file merging into an object has: a merge function's name (or Object.assign) called. */
const MERGE_TEXT = /\b(?:merge|mergeWith|mergeDeep|deepMerge|deepmerge|defaults|defaultsDeep|extend|assign)\s*\(/;

/** `merge(a, b)`, `this.merge(a, b)`, `_.defaultsDeep(a, b)`, `Object.assign({}, a, b)`. */
export function isMergeCall(callee: ts.Expression): boolean {
  const x = skipOuter(callee);
  if (isIdentifier(x)) return MERGE_FUNCTION.test(x.text);
  if (!isPropertyAccessExpression(x)) return false;
  return MERGE_FUNCTION.test(x.name.text) || (x.name.text === 'assign' && isIdentifier(x.expression) && x.expression.text === 'Object');
}

/** Whether the file's text may merge into an object (a cheap test before mergingCalls walks the file). */
export function mayMergeInto(sf: ts.SourceFile): boolean {
  return MERGE_TEXT.test(sf.text);
}

/**
 * The objects merged into the empty object literal `decl`, in the order merged, one list per
 * alternative (the branches of one `if` each merging into it); undefined when the object is
 * changed otherwise, assigned again, or merged into inside a function or a loop. `nodes` is every
 * node of the file.
 */
export function mergingCalls(decl: ts.ObjectLiteralExpression, nodes: readonly ts.Node[]): ts.Expression[][] | undefined {
  const init = isVariableDeclaration(decl.parent) && decl.parent.initializer === decl ? decl.parent : undefined;
  if (!init || decl.properties.length > 0 || !isIdentifier(init.name) || !atTop(init)) return undefined;
  const name = init.name.text;
  const calls: ts.CallExpression[] = [];
  for (const n of nodes) {
    if (!isIdentifier(n) || n.text !== name || n === init.name) continue;
    const parent = n.parent;
    if (!parent) continue;
    // `settings = other`, `settings.route = '/x'`, `settings[key] = v`: changed otherwise.
    if (isBinaryExpression(parent) && parent.left === n && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return undefined;
    if ((isPropertyAccessExpression(parent) || isElementAccessExpression(parent)) && parent.expression === n && assignedTo(parent)) return undefined;
    if (!isCallExpression(parent) || parent.arguments[0] !== n) continue;
    if (!isMergeCall(parent.expression) || !isExpressionStatement(parent.parent) || !topBranch(parent.parent)) return undefined;
    calls.push(parent);
  }
  if (calls.length === 0) return undefined;
  const args = calls.map((c) => c.arguments.slice(1));
  if (calls.length === 1) return args;
  const exclusive = calls.every((a, i) => calls.every((b, j) => i === j || otherBranches(a, b)));
  if (exclusive) return args;
  // Merged one after another: one object, the later one's keys over the earlier one's.
  return calls.some((a, i) => calls.some((b, j) => i !== j && otherBranches(a, b))) ? undefined : [args.flat()];
}

/** Whether a member access is written to (`x.a = 1`, `x.a += 1`). */
function assignedTo(member: ts.Node): boolean {
  const p = member.parent;
  return p !== undefined && isBinaryExpression(p) && p.left === member && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** A declaration of a statement at the top of the file. */
function atTop(decl: ts.VariableDeclaration): boolean {
  const list = decl.parent;
  return isVariableDeclarationList(list) && isVariableStatement(list.parent) && list.parent.parent !== undefined && isSourceFile(list.parent.parent);
}

/** A statement at the top of the file, or in a branch (a block or the statement itself) of an `if` there, however nested. */
function topBranch(statement: ts.Node): boolean {
  for (let n: ts.Node | undefined = statement; n; ) {
    const p: ts.Node | undefined = n.parent;
    if (!p) return false;
    if (isSourceFile(p)) return true;
    if (isIfStatement(p) && p.expression !== n) n = p;
    else if (isBlock(p) && p.parent && isIfStatement(p.parent)) n = p;
    else return false;
  }
  return false;
}

/** Whether two calls stand in the two branches of one `if` (only one of them runs). */
function otherBranches(a: ts.Node, b: ts.Node): boolean {
  for (let n: ts.Node | undefined = a; n?.parent; n = n.parent) {
    const p = n.parent;
    if (!isIfStatement(p)) continue;
    const other = p.thenStatement === n ? p.elseStatement : p.elseStatement === n ? p.thenStatement : undefined;
    if (other && within(other, b)) return true;
  }
  return false;
}

function within(outer: ts.Node, inner: ts.Node): boolean {
  for (let n: ts.Node | undefined = inner; n; n = n.parent) if (n === outer) return true;
  return false;
}

/** Whether `decl` is an empty object literal (a cheap test before mergingCalls). */
export function isEmptyObject(decl: ts.Node): decl is ts.ObjectLiteralExpression {
  return isObjectLiteralExpression(decl) && decl.properties.length === 0;
}
