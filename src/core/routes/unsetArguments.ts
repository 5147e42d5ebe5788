// A setting handed to a normalising function when nothing sets it: `tidyBase(opts.base ||
// process.env.BASE_PATH)` with `function tidyBase(p) { if (p === undefined || p.trim() === '')
// return ''; ... }`. With the variable unset (and the option not given) the argument is undefined,
// and the function returns what its first test returns for undefined: the variable's default, as
// `process.env.BASE_PATH || ''` gives it (values.ts envRead), decided by the same variable.
import ts from './compiler';
import { isBinaryExpression, isBlock, isIdentifier, isIfStatement, isParameter, isPrefixUnaryExpression, isPropertyAccessExpression, isReturnStatement, isStringLiteralLike } from './tsNodes';
import { isNamed, skipOuter } from './tsSyntax';
import { envVariableRead } from './envReads';
import { enclosingFunction } from './routeSyntax';

const K = ts.SyntaxKind;
const EQUALS = new Set([K.EqualsEqualsEqualsToken, K.EqualsEqualsToken]);

/** `undefined`, or `null` compared loosely (`p == null` holds for undefined too). */
function isUndefinedWord(e: ts.Expression, loose: boolean): boolean {
  const x = skipOuter(e);
  return (isIdentifier(x) && x.text === 'undefined') || (loose && x.kind === K.NullKeyword);
}

/**
 * What a test on `name` gives for it undefined, JavaScript's order kept: true (`p === undefined`,
 * `p == null`, `!p`, `typeof p === 'undefined'`), false (`p === null`), or undefined when the test
 * is anything else or would read a property of it (`p.trim() === ''`, a TypeError).
 */
function testWhenUndefined(e: ts.Expression, name: string): boolean | undefined {
  const x = skipOuter(e);
  const isName = (n: ts.Expression): boolean => isNamed(n, name);
  if (isPrefixUnaryExpression(x) && x.operator === K.ExclamationToken) return isName(x.operand) ? true : undefined;
  if (!isBinaryExpression(x)) return undefined;
  const op = x.operatorToken.kind;
  if (op === K.BarBarToken) {
    const left = testWhenUndefined(x.left, name);
    return left === false ? testWhenUndefined(x.right, name) : left;
  }
  if (!EQUALS.has(op)) return undefined;
  const [a, b] = isName(x.left) ? [x.left, x.right] : isName(x.right) ? [x.right, x.left] : [undefined, undefined];
  if (a && b) return isUndefinedWord(b, op === K.EqualsEqualsToken) ? true : op === K.EqualsEqualsEqualsToken && skipOuter(b).kind === K.NullKeyword ? false : undefined;
  const typeOf = skipOuter(x.left);
  const word = skipOuter(x.right);
  return typeOf.kind === K.TypeOfExpression && isName((typeOf as ts.TypeOfExpression).expression) && isStringLiteralLike(word) && word.text === 'undefined' ? true : undefined;
}

/**
 * What a function of one parameter returns for it undefined, when its first statement decides it:
 * `if (p === undefined || p === null || p.trim() === '') { return ''; }` -> `''`. Undefined for any
 * other function.
 */
export function returnWhenArgumentUnset(fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  const param = fn.parameters[0];
  if (fn.parameters.length !== 1 || !param || !isIdentifier(param.name) || param.initializer || !fn.body || !isBlock(fn.body)) return undefined;
  const first = fn.body.statements[0];
  if (!first || !isIfStatement(first) || testWhenUndefined(first.expression, param.name.text) !== true) return undefined;
  const then = isBlock(first.thenStatement) ? first.thenStatement.statements[0] : first.thenStatement;
  return then && isReturnStatement(then) && then.expression ? then.expression : undefined;
}

/** Whether `e` reads a field of a parameter of the function it is in (`opts.base`): an option a caller may leave out. */
function optionField(e: ts.Expression): boolean {
  const x = skipOuter(e);
  if (!isPropertyAccessExpression(x)) return false;
  const base = skipOuter(x.expression);
  const fn = enclosingFunction(x);
  return isIdentifier(base) && fn !== undefined && fn.parameters.some((p) => isParameter(p) && isIdentifier(p.name) && p.name.text === base.text);
}

/**
 * The environment variable an argument is unset with, when nothing else gives it: `process.env.X`
 * with no default, or `opts.x || process.env.X` (`??` too) with an option of the enclosing function.
 */
export function unsetArgumentVariable(arg: ts.Expression, sf: ts.SourceFile): string | undefined {
  const x = skipOuter(arg);
  const direct = envVariableRead(x, sf);
  if (direct !== undefined) return direct;
  if (!isBinaryExpression(x) || (x.operatorToken.kind !== K.BarBarToken && x.operatorToken.kind !== K.QuestionQuestionToken)) return undefined;
  return optionField(x.left) ? envVariableRead(x.right, sf) : undefined;
}
