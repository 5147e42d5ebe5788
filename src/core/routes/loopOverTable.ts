// The one recogniser of a loop over a list or a table: `for (const k in t)`, `for (const x of
// list)`, `for (let i = 0; i < list.length; i++)`, `list.forEach((x) => ...)` / `.map` / `.flatMap`,
// over the list itself or over `Object.keys(t)` / `Object.values(t)` / `Object.entries(t)` (written
// there or a constant of the file holding it). It says what the loop runs over, what each pass
// binds and to which names (a name or a destructuring), and the body; the readers decide what to
// make of it: tableLoops.ts and loops.ts read the body once per element, routeTables.ts once per
// table key, moduleLoads.ts finds the list a module load in a loop takes its name from, loops.ts
// the variable a call in a loop over something not known reads.
import ts from './compiler';
import { isArrowFunction, isBinaryExpression, isCallExpression, isForInStatement, isFunctionDeclaration, isForOfStatement, isForStatement, isFunctionExpression, isIdentifier, isNumericLiteral, isPostfixUnaryExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isVariableDeclarationList } from './tsNodes';
import { skipOuter } from './tsSyntax';

/** What a pass of a loop binds: an element of the list, a table's key, value or `[key, value]` entry, or an index. */
type LoopBinds = 'element' | 'key' | 'value' | 'entry' | 'index';

export interface TableLoop {
  /** `for...in`, `for...of`, `for (let i = 0; i < t.length; i++)`, or the callback of `.forEach` / `.map` / `.flatMap`. */
  form: 'in' | 'of' | 'index' | 'callback';
  /** What the loop runs over as written: the object of `for...in`, the list of `for...of` / `.forEach`, `t` of `t.length`. */
  list: ts.Expression;
  /** The table read: `t` of `Object.keys(t)`, else the list itself. */
  table: ts.Expression;
  binds: LoopBinds;
  /** The loop variable, a name or a destructuring; undefined when the loop declares none (`for (k in t)`, `() => ...`). */
  variable: ts.BindingName | undefined;
  /** The loop's statement, or the callback's body. */
  body: ts.Node;
  /** The callback of `.forEach` / `.map` / `.flatMap`; for `.forEach(name)`, the function of the file that name holds. */
  callback?: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;
  /** The callback is a function of the file passed by name (`bases.forEach(registerRoutes)`), declared elsewhere. */
  named?: boolean;
}

/** `Object.keys(t)`, `Object.values(t)`, `Object.entries(t)`. */
const OBJECT_LISTING = /^Object\.(keys|values|entries)$/;
const LISTED: Readonly<Record<string, LoopBinds>> = { keys: 'key', values: 'value', entries: 'entry' };

/** Array methods that call their callback once per element. */
const LOOPING = new Set(['forEach', 'map', 'flatMap']);

/**
 * The loop `node` is, when it is one; `declOf` finds what a name of the list is declared with
 * (`const keys = Object.keys(routes); keys.forEach(...)`).
 */
export function loopOverTable(node: ts.Node, declOf?: (id: ts.Identifier) => ts.Node | undefined): TableLoop | undefined {
  if (isForInStatement(node)) return { form: 'in', list: node.expression, table: node.expression, binds: 'key', variable: declared(node.initializer), body: node.statement };
  if (isForStatement(node)) return indexLoop(node);
  if (isForOfStatement(node)) return listLoop('of', node.expression, declared(node.initializer), node.statement, declOf);
  if (!isCallExpression(node) || !isPropertyAccessExpression(node.expression) || !LOOPING.has(node.expression.name.text)) return undefined;
  const arg = node.arguments[0] ? skipOuter(node.arguments[0]) : undefined;
  if (arg && (isArrowFunction(arg) || isFunctionExpression(arg))) return { ...listLoop('callback', node.expression.expression, arg.parameters[0]?.name, arg.body, declOf), callback: arg };
  // `bases.forEach(registerRoutes)`: a function of the file, run once per element as an inline callback is.
  const named = arg && isIdentifier(arg) && node.expression.name.text === 'forEach' && declOf ? declOf(arg) : undefined;
  if (!named || !(isArrowFunction(named) || isFunctionExpression(named) || isFunctionDeclaration(named)) || !named.body) return undefined;
  return { ...listLoop('callback', node.expression.expression, named.parameters[0]?.name, named.body, declOf), callback: named, named: true };
}

/** The loop whose statement or callback `node` is. */
export function loopOfBody(node: ts.Node): TableLoop | undefined {
  const loop = node.parent ? loopOverTable(node.parent) : undefined;
  return loop && !loop.named && (loop.form === 'callback' ? loop.callback === node : loop.body === node) ? loop : undefined;
}

/** The first name (or destructuring) a loop declares: `const k` of `for (const k in t)`. */
function declared(init: ts.ForInitializer): ts.BindingName | undefined {
  return isVariableDeclarationList(init) ? init.declarations[0]?.name : undefined;
}

function listLoop(form: 'of' | 'callback', list: ts.Expression, variable: ts.BindingName | undefined, body: ts.Node, declOf?: (id: ts.Identifier) => ts.Node | undefined): TableLoop {
  let e: ts.Node | undefined = skipOuter(list);
  if (isIdentifier(e) && declOf) e = declOf(e);
  const listing = e && isCallExpression(e) && e.arguments[0] ? OBJECT_LISTING.exec(skipOuter(e.expression).getText())?.[1] : undefined;
  const binds = listing === undefined ? undefined : LISTED[listing];
  const table = binds && e && isCallExpression(e) ? e.arguments[0] : undefined;
  return { form, list, table: table ?? list, binds: (table && binds) ?? 'element', variable, body };
}

/** `for (let i = 0; i < routes.length; i++)`: the list is `routes`, each pass an index. */
function indexLoop(node: ts.ForStatement): TableLoop | undefined {
  const decl = node.initializer && isVariableDeclarationList(node.initializer) ? node.initializer.declarations[0] : undefined;
  const cond = node.condition && skipOuter(node.condition);
  const start = decl?.initializer && skipOuter(decl.initializer);
  if (!decl || !isIdentifier(decl.name) || !start || !isNumericLiteral(start) || start.text !== '0' || !isIncrement(node.incrementor, decl.name.text)) return undefined;
  if (!cond || !isBinaryExpression(cond) || cond.operatorToken.kind !== ts.SyntaxKind.LessThanToken || skipOuter(cond.left).getText() !== decl.name.text) return undefined;
  const length = skipOuter(cond.right);
  if (!isPropertyAccessExpression(length) || length.name.text !== 'length') return undefined;
  return { form: 'index', list: length.expression, table: length.expression, binds: 'index', variable: decl.name, body: node.statement };
}

/** `i++`, `++i`, `i += 1`. */
function isIncrement(e: ts.Expression | undefined, name: string): boolean {
  if (!e) return false;
  const x = skipOuter(e);
  if ((isPostfixUnaryExpression(x) || isPrefixUnaryExpression(x)) && x.operator === ts.SyntaxKind.PlusPlusToken) return isIdentifier(x.operand) && x.operand.text === name;
  return isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && isIdentifier(x.left) && x.left.text === name && x.right.getText() === '1';
}
