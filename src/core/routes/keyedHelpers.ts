// Keyed helpers: functions of the file that hand a router they are given to functions a table of the
// file picks by the keys of a list they are given, `function decorate(router, model, ops) {
// ops.forEach((op) => handlers[op](router, model)) }` with `const handlers = { list, add }`. Which
// functions run is known only at each call (`decorate(router, User, ['list'])`): collect.ts mounts
// the router each call hands in on the router parameter of each function its keys pick
// (ExtractedFile.keyedHelpers). The list may be chosen by a test of the given list (`ops && ops[0]
// !== '*' ? ops : Object.keys(handlers)`), kept as data (ListTest) and evaluated per call.
import ts from './compiler';
import { isArrowFunction, isBinaryExpression, isCallExpression, isConditionalExpression, isElementAccessExpression, isExportAssignment, isExpressionStatement, isFunctionDeclaration, isFunctionExpression, isIdentifier, isNumericLiteral, isObjectLiteralExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isStringLiteralLike } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { loopOfBody } from './loopOverTable';
import type { KeyedCall, KeyList, ListTest } from './keyLists';

type FunctionNode = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;

/**
 * The keyed calls of a helper's body: `table[key](...params)` in a loop whose variable is `key`,
 * over a list its parameters give (KeyList), `table` an object literal of the file whose values
 * are names. `calls`: the calls of the body; `declOf` finds what a name of the file is declared with.
 */
export function keyedCalls(fn: FunctionNode, calls: readonly ts.CallExpression[], declOf: (name: string) => ts.Node | undefined, lineOf: (n: ts.Node) => number): Array<{ call: ts.CallExpression; entry: KeyedCall }> {
  const params = new Map<string, number>();
  fn.parameters.forEach((p, i) => {
    if (isIdentifier(p.name) && !p.dotDotDotToken) params.set(p.name.text, i);
  });
  const out: Array<{ call: ts.CallExpression; entry: KeyedCall }> = [];
  for (const call of calls) {
    const entry = isElementAccessExpression(skipOuter(call.expression)) ? keyedCall(call, params, declOf) : undefined;
    if (entry) out.push({ call, entry: { ...entry, line: lineOf(call) } });
  }
  return out;
}

function keyedCall(call: ts.CallExpression, params: ReadonlyMap<string, number>, declOf: (name: string) => ts.Node | undefined): Omit<KeyedCall, 'line'> | undefined {
  const callee = skipOuter(call.expression);
  if (!isElementAccessExpression(callee)) return undefined;
  const [tableNode, keyNode] = [skipOuter(callee.expression), skipOuter(callee.argumentExpression)];
  if (!isIdentifier(tableNode) || !isIdentifier(keyNode) || params.has(tableNode.text)) return undefined;
  const table = tableOf(declOf(tableNode.text));
  const loop = loopAround(call, keyNode.text);
  if (!table || !loop) return undefined;
  const read = keyListOf(loop, params, tableNode.text, declOf, 0);
  if (!read) return undefined;
  const passes: Array<[number, number]> = [];
  call.arguments.forEach((a, i) => {
    const x = skipOuter(a);
    const at = isIdentifier(x) ? params.get(x.text) : undefined;
    if (at !== undefined) passes.push([at, i]);
  });
  const router = passes[0] ? (call.arguments[passes[0][1]]?.getText() ?? '') : '';
  return passes.length > 0 ? { keys: read.keys, list: read.list, table, passes, code: [tableNode.text, keyNode.text, router] } : undefined;
}

/** An object literal whose every value is a name (`{ list, 'add': add }`): key -> name. */
function tableOf(decl: ts.Node | undefined): Record<string, string> | undefined {
  const o = decl && skipOuter(decl as ts.Expression);
  if (!o || !isObjectLiteralExpression(o) || o.properties.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const p of o.properties) {
    const key = p.name && (isIdentifier(p.name) || isStringLiteralLike(p.name)) ? p.name.text : undefined;
    const value = isShorthandPropertyAssignment(p) ? p.name : isPropertyAssignment(p) ? skipOuter(p.initializer) : undefined;
    if (key === undefined || !value || !isIdentifier(value)) return undefined;
    out[key] = value.text;
  }
  return out;
}

/** The list a loop around `node` binding `name` to each element runs over. */
function loopAround(node: ts.Node, name: string): ts.Expression | undefined {
  for (let cur: ts.Node | undefined = node; cur; cur = cur.parent) {
    const loop = loopOfBody(cur);
    if (loop && loop.binds === 'element' && loop.variable && isIdentifier(loop.variable) && loop.variable.text === name) return loop.list;
    if (isFunctionDeclaration(cur)) return undefined;
  }
  return undefined;
}

/** The list a loop runs over as a KeyList of one parameter: the parameter, the table's keys, or a choice between them. */
function keyListOf(e: ts.Expression, params: ReadonlyMap<string, number>, table: string, declOf: (name: string) => ts.Node | undefined, depth: number): { keys: number; list: KeyList } | undefined {
  const x = skipOuter(e);
  if (depth > 3) return undefined;
  if (isIdentifier(x) && params.has(x.text)) return { keys: params.get(x.text) ?? 0, list: 'given' };
  if (isIdentifier(x)) {
    const init = declOf(x.text);
    return init && !isFunctionLike(init) ? keyListOf(init as ts.Expression, params, table, declOf, depth + 1) : undefined;
  }
  if (isConditionalExpression(x)) {
    const [yes, no] = [choice(x.whenTrue, params, table), choice(x.whenFalse, params, table)];
    const keys = typeof yes === 'number' ? yes : no;
    if (yes === undefined || no === undefined || typeof keys !== 'number') return undefined;
    const test = listTest(x.condition, keys);
    return test ? { keys, list: { test, then: yes === 'all' ? 'all' : 'given', else: no === 'all' ? 'all' : 'given' } } : undefined;
  }
  // `ops || Object.keys(table)`, `ops ?? ...`: a list given is an array, truthy.
  if (isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.BarBarToken || x.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    const given = choice(x.left, params, table);
    return typeof given === 'number' && choice(x.right, params, table) === 'all' ? { keys: given, list: 'given' } : undefined;
  }
  return undefined;
}

/** A branch of a choice: a parameter's place, or 'all' for `Object.keys(table)`. */
function choice(e: ts.Expression, params: ReadonlyMap<string, number>, table: string): number | 'all' | undefined {
  const x = skipOuter(e);
  if (isIdentifier(x)) return params.get(x.text);
  const listed = isCallExpression(x) && x.arguments.length === 1 ? skipOuter(x.arguments[0] as ts.Expression) : undefined;
  return listed && skipOuter((x as ts.CallExpression).expression).getText() === 'Object.keys' && isIdentifier(listed) && listed.text === table ? 'all' : undefined;
}

function isFunctionLike(n: ts.Node): boolean {
  return isArrowFunction(n) || isFunctionExpression(n) || isFunctionDeclaration(n);
}

/** A test of the parameter at `keys` as data; undefined when it reads anything else. */
function listTest(e: ts.Expression, keys: number): ListTest | undefined {
  const x = skipOuter(e);
  const isKeys = (n: ts.Node): boolean => {
    const p = skipOuter(n as ts.Expression);
    return isIdentifier(p) && paramIndexOf(p) === keys;
  };
  if (isKeys(x)) return { truthy: true };
  if (isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = listTest(x.operand, keys);
    return inner && { not: inner };
  }
  if (isCallExpression(x)) {
    const callee = skipOuter(x.expression);
    const arg = x.arguments[0] ? skipOuter(x.arguments[0]) : undefined;
    if (callee.getText() === 'Array.isArray' && arg && isKeys(arg)) return { truthy: true };
    if (isPropertyAccessExpression(callee) && callee.name.text === 'includes' && isKeys(callee.expression) && arg && isStringLiteralLike(arg)) return { includes: arg.text };
    return undefined;
  }
  if (isPropertyAccessExpression(x) && x.name.text === 'length' && isKeys(x.expression)) return { nonEmpty: true };
  if (!isBinaryExpression(x)) return undefined;
  const op = x.operatorToken.kind;
  if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
    const [l, r] = [listTest(x.left, keys), listTest(x.right, keys)];
    if (!l || !r) return undefined;
    return op === ts.SyntaxKind.AmpersandAmpersandToken ? { and: [l, r] } : { or: [l, r] };
  }
  return comparison(x, isKeys);
}

const EQUAL = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken]);
const UNEQUAL = new Set([ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** `keys[0] === '*'` (or `!==`), `keys.length > 0` (or `!== 0`, `=== 0`). */
function comparison(x: ts.BinaryExpression, isKeys: (n: ts.Node) => boolean): ListTest | undefined {
  const op = x.operatorToken.kind;
  const [left, right] = [skipOuter(x.left), skipOuter(x.right)];
  const negate = (t: ListTest): ListTest => (UNEQUAL.has(op) ? { not: t } : t);
  if (isElementAccessExpression(left) && isKeys(left.expression) && isNumericLiteral(skipOuter(left.argumentExpression)) && isStringLiteralLike(right) && (EQUAL.has(op) || UNEQUAL.has(op)))
    return negate({ at: Number((skipOuter(left.argumentExpression) as ts.NumericLiteral).text), equals: right.text });
  const length = isPropertyAccessExpression(left) && left.name.text === 'length' && isKeys(left.expression);
  if (!length || !isNumericLiteral(right) || right.text !== '0') return undefined;
  if (op === ts.SyntaxKind.GreaterThanToken || UNEQUAL.has(op)) return { nonEmpty: true };
  return EQUAL.has(op) ? { not: { nonEmpty: true } } : undefined;
}

/** The place of the parameter a name is, in the function that declares it. */
function paramIndexOf(id: ts.Identifier): number | undefined {
  for (let cur: ts.Node | undefined = id.parent; cur; cur = cur.parent) {
    if (!isArrowFunction(cur) && !isFunctionExpression(cur) && !isFunctionDeclaration(cur)) continue;
    const at = cur.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === id.text);
    if (at >= 0) return at;
  }
  return undefined;
}

/** The function `module.exports = function (...) {...}`, `export default (...) => ...` or `export default function (...)` exports unnamed, read as 'default'. */
export function defaultExportedFunction(sf: ts.SourceFile): FunctionNode | undefined {
  for (const st of sf.statements) {
    if (isFunctionDeclaration(st) && !st.name && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return st;
    const value = isExportAssignment(st) ? st.expression : isExpressionStatement(st) && isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && st.expression.left.getText(sf) === 'module.exports' ? st.expression.right : undefined;
    const fn = value && skipOuter(value);
    if (fn && (isArrowFunction(fn) || isFunctionExpression(fn))) return fn;
  }
  return undefined;
}
