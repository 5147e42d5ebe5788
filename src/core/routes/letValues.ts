// A `let` changed after its declaration by statements of the same block, some inside `if`s whose
// tests are known statically (`let base = process.env.BASE || '/'; if (!base.endsWith('/')) base
// += '/';`): its value where it is read, the assignments before the read applied in order, each `if`
// taken or not by its test on the values known so far (the environment unset, as elsewhere). An
// `if` whose test is not known statically (`if (config.proxyPath)`, an optional setting) is read as
// not taken, as the declaration alone was read before; so is a loop or `switch` assigning it. An
// assignment inside a function (`server = app.listen()` in a callback) runs at a time not known: it
// is not read either. An unconditional assignment of a value not known makes the value not known.
import ts from './compiler';
import { forEachChild, isBinaryExpression, isBlock, isCallExpression, isExpressionStatement, isFunctionLike, isIdentifier, isIfStatement, isParenthesizedExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isSourceFile, isVariableDeclaration, isVariableDeclarationList, isVariableStatement } from './tsNodes';
import { concat, literalOf, type ConstValue } from './values';
import { skipOuter } from './tsSyntax';

/** Evaluates an expression with the `let`'s name bound to a value (the reader's scopes). */
type EvaluateWith = (e: ts.Expression, name: string, value: ConstValue) => ConstValue | undefined;

/** The `let` declaration an initializer belongs to, when the declaration is a statement of a block (or the file). */
export function letDeclarationOf(init: ts.Node): ts.VariableDeclaration | undefined {
  // The initializer as declarations.ts keeps it: without its parentheses and type assertions.
  let decl: ts.Node | undefined = init.parent;
  for (let i = 0; i < 4 && decl && !isVariableDeclaration(decl); i++) decl = decl.parent;
  if (!decl || !isVariableDeclaration(decl) || !decl.initializer || skipOuter(decl.initializer) !== init || !isIdentifier(decl.name)) return undefined;
  const list = decl.parent;
  if (!isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Let) || !isVariableStatement(list.parent)) return undefined;
  const block = list.parent.parent;
  return block && (isBlock(block) || isSourceFile(block)) ? decl : undefined;
}

/**
 * The value of the `let` `decl` (initialized to `initial`) as `read` sees it: the statements after
 * the declaration applied, those ending before the read (all of them when the read is in a function
 * run later). Undefined when one of them changes it in a way not known statically.
 */
export function letValueAt(decl: ts.VariableDeclaration, initial: ConstValue, read: ts.Node, evaluate: EvaluateWith): ConstValue | undefined {
  const name = (decl.name as ts.Identifier).text;
  const statement = decl.parent.parent as ts.VariableStatement;
  const block = statement.parent as ts.Block | ts.SourceFile;
  const later = inFunctionBelow(read, block);
  const after = block.statements.slice(block.statements.indexOf(statement) + 1).filter((st) => later || st.end <= read.getStart());
  return applyStatements(after, name, initial, evaluate);
}

/** Whether `read` is inside a function declared below `block` (run when called, after the block's statements). */
function inFunctionBelow(read: ts.Node, block: ts.Node): boolean {
  for (let cur = read.parent; cur && cur !== block; cur = cur.parent) if (isFunctionLike(cur)) return true;
  return false;
}

function applyStatements(statements: readonly ts.Statement[], name: string, initial: ConstValue, evaluate: EvaluateWith): ConstValue | undefined {
  let value: ConstValue | undefined = initial;
  for (const st of statements) {
    if (!value) return undefined;
    if (!assigns(st, name)) continue;
    value = applyStatement(st, name, value, evaluate);
  }
  return value;
}

function applyStatement(st: ts.Statement, name: string, value: ConstValue, evaluate: EvaluateWith): ConstValue | undefined {
  if (isBlock(st)) return applyStatements(st.statements, name, value, evaluate);
  if (isIfStatement(st)) {
    const taken = staticTest(st.expression, name, value, evaluate);
    if (taken === undefined) return value;
    const branch = taken ? st.thenStatement : st.elseStatement;
    return branch ? applyStatement(branch, name, value, evaluate) : value;
  }
  const e = isExpressionStatement(st) ? skipOuter(st.expression) : undefined;
  if (!e || !isBinaryExpression(e) || !isIdentifier(e.left) || e.left.text !== name) return isExpressionStatement(st) ? undefined : value;
  const right = evaluate(e.right, name, value);
  if (!right) return undefined;
  if (e.operatorToken.kind === ts.SyntaxKind.EqualsToken) return right;
  return e.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken ? concat(value, right) : undefined;
}

/** Whether a statement assigns `name` (`name = x`, `name += x`), outside the functions it declares. */
function assigns(node: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (isBinaryExpression(n) && isIdentifier(n.left) && n.left.text === name && isAssignment(n.operatorToken.kind)) found = true;
    else forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** STRING_TESTS: `text.startsWith('/')` and the like, on a text known statically. */
const STRING_TESTS: Readonly<Record<string, (text: string, arg: string) => boolean>> = {
  startsWith: (t, a) => t.startsWith(a),
  endsWith: (t, a) => t.endsWith(a),
  includes: (t, a) => t.includes(a),
};

/**
 * An `if`'s test known statically: `!`, `&&`, `||`, `===`/`!==` (and `==`/`!=`) of two known texts,
 * and startsWith/endsWith/includes of a known text. Undefined for any other.
 */
function staticTest(test: ts.Expression, name: string, value: ConstValue, evaluate: EvaluateWith): boolean | undefined {
  const e = skipOuter(test);
  if (isParenthesizedExpression(e)) return staticTest(e.expression, name, value, evaluate);
  if (isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = staticTest(e.operand, name, value, evaluate);
    return inner === undefined ? undefined : !inner;
  }
  const text = (x: ts.Expression) => literalOf(evaluate(x, name, value));
  if (isCallExpression(e) && isPropertyAccessExpression(e.expression) && e.arguments.length === 1 && e.expression.name.text in STRING_TESTS) {
    const [t, a] = [text(e.expression.expression), text(e.arguments[0] as ts.Expression)];
    return t !== undefined && a !== undefined ? (STRING_TESTS[e.expression.name.text] as (t: string, a: string) => boolean)(t, a) : undefined;
  }
  if (!isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
    const [l, r] = [staticTest(e.left, name, value, evaluate), staticTest(e.right, name, value, evaluate)];
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return l === false || r === false ? false : l && r;
    return l === true || r === true ? true : l === undefined || r === undefined ? undefined : false;
  }
  const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  if (!equal && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  const [l, r] = [text(e.left), text(e.right)];
  return l === undefined || r === undefined ? undefined : (l === r) === equal;
}
