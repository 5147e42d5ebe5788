// A module-level list the file fills at load time, one element per file of a folder it lists:
// `const kinds = []; for (const file of globSync('./src/kinds/*.js')) { const name = basename(file,
// '.js'); kinds.push({ name, label: name.toUpperCase() }); }`. The list's value is then one element
// made per listed file (values.ts PER_ENTRY), which collect.ts makes from the tree's files. Only
// that shape: an empty array literal at the top of the file, every change of it a one-argument
// push in the body of one loop at the top of the file; anything else leaves the list as written.
import ts from './compiler';
import { isArrayLiteralExpression, isBinaryExpression, isCallExpression, isExpressionStatement, isFunctionLike, isIdentifier, isPropertyAccessExpression, isSourceFile, isVariableDeclaration, isVariableDeclarationList, isVariableStatement } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { loopOverTable, type TableLoop } from './loopOverTable';

/** Array methods that change the array they are called on. */
const CHANGES_LIST = /^(?:push|unshift|splice|pop|shift|sort|reverse|fill|copyWithin|length)$/;

/** The loop filling a list and the values it pushes, each in that loop's body. */
interface PushingLoop {
  loop: TableLoop;
  pushed: ts.Expression[];
}

/**
 * The loop at the top of the file that pushes every element of the list `decl` declares (an empty
 * array literal of a `const` or `let` at the top of the file); undefined when the list is changed
 * anywhere else, by anything but a push, or is assigned again. `nodes` is every node of the file.
 */
export function pushingLoop(decl: ts.Node, nodes: readonly ts.Node[]): PushingLoop | undefined {
  const init = isVariableDeclaration(decl.parent) && decl.parent.initializer === decl ? decl.parent : undefined;
  if (!init || !isArrayLiteralExpression(decl) || decl.elements.length > 0 || !isIdentifier(init.name) || !atTop(init)) return undefined;
  const name = init.name.text;
  let loop: TableLoop | undefined;
  const pushed: ts.Expression[] = [];
  for (const n of nodes) {
    if (!isIdentifier(n) || n.text !== name || n === init.name) continue;
    const parent = n.parent;
    // `kinds = other`, `kinds.length = 0`: changed otherwise.
    if (parent && isBinaryExpression(parent) && parent.left === n && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return undefined;
    const member = parent && isPropertyAccessExpression(parent) && parent.expression === n ? parent.name.text : undefined;
    if (member === undefined || !CHANGES_LIST.test(member)) continue;
    const call = parent?.parent;
    if (member !== 'push' || !call || !isCallExpression(call) || call.expression !== parent || call.arguments.length !== 1) return undefined;
    const around = topLoop(call);
    if (!around || (loop && around.body !== loop.body)) return undefined;
    loop = around;
    pushed.push(call.arguments[0] as ts.Expression);
  }
  return loop && pushed.length > 0 ? { loop, pushed } : undefined;
}

/** A declaration of a statement at the top of the file. */
function atTop(decl: ts.VariableDeclaration): boolean {
  const list = decl.parent;
  return isVariableDeclarationList(list) && isVariableStatement(list.parent) && list.parent.parent !== undefined && isSourceFile(list.parent.parent);
}

/** The loop around `node` whose statement is at the top of the file (`for...of` or `.forEach`), when no function but its callback is between. */
function topLoop(node: ts.Node): TableLoop | undefined {
  for (let n: ts.Node | undefined = node.parent; n && !isSourceFile(n); n = n.parent) {
    const statement = n.parent && isSourceFile(n.parent) ? n : undefined;
    if (statement) {
      const call = isExpressionStatement(statement) ? skipOuter(statement.expression) : statement;
      const loop = loopOverTable(call);
      return loop && (loop.form === 'of' || loop.form === 'callback') && !loop.named && contains(loop.body, node) ? loop : undefined;
    }
    if (isFunctionLike(n) && !(n.parent && isCallExpression(n.parent) && n.parent.parent && isExpressionStatement(n.parent.parent) && n.parent.parent.parent && isSourceFile(n.parent.parent.parent))) return undefined;
  }
  return undefined;
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  for (let n: ts.Node | undefined = inner; n; n = n.parent) if (n === outer) return true;
  return false;
}
