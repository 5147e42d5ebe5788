// What a loop over a folder listed at run time makes of each entry with string and array operations
// (`'/v0/' + file.split('.').slice(0, i).map((s) => s.replace('$', ':')).join('/')`), kept as a small
// program of data (values.ts LISTED, the step ENTRY_PROGRAM) and run on each file's name once
// collect.ts knows the tree. Only operations whose result is the text's alone are run (no call of
// the project's code); anything else leaves the expression not known, as before.
import ts from './compiler';
import { isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isBlock, isCallExpression, isConditionalExpression, isElementAccessExpression, isExpressionStatement, isIdentifier, isIfStatement, isNoSubstitutionTemplateLiteral, isNumericLiteral, isPrefixUnaryExpression, isPropertyAccessExpression, isRegularExpressionLiteral, isStringLiteral, isTemplateExpression, isVariableStatement } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { letDeclarationOf } from './letValues';
import { METHODS, PATH_FUNCTIONS, type Program } from './entryProgramRun';

/** What the reader knows of the code around the expression. */
export interface ProgramContext {
  /** Whether a name stands for the listed entry the program is run on. */
  isEntry(id: ts.Identifier): boolean;
  /** The initializer of the local `const` / `let` a name is, where no scope binds it otherwise. */
  declaration(id: ts.Identifier): ts.Expression | undefined;
  /** The text of an expression known statically without the entry; undefined otherwise. */
  known(e: ts.Expression): string | undefined;
  /** The function of node's `path` module a name is imported as (`const { join } = require('path')`). */
  pathFunction?(id: ts.Identifier): string | undefined;
}

const OPERATORS: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusToken]: '+',
  [ts.SyntaxKind.MinusToken]: '-',
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: '===',
  [ts.SyntaxKind.EqualsEqualsToken]: '===',
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: '!==',
  [ts.SyntaxKind.ExclamationEqualsToken]: '!==',
  [ts.SyntaxKind.LessThanToken]: '<',
  [ts.SyntaxKind.GreaterThanToken]: '>',
  [ts.SyntaxKind.LessThanEqualsToken]: '<=',
  [ts.SyntaxKind.GreaterThanEqualsToken]: '>=',
  [ts.SyntaxKind.AmpersandAmpersandToken]: '&&',
  [ts.SyntaxKind.BarBarToken]: '||',
  [ts.SyntaxKind.QuestionQuestionToken]: '??',
};

/** The program an expression is, when it reads the entry and only what a program may do; undefined otherwise. */
export function entryProgram(e: ts.Expression, ctx: ProgramContext): Program | undefined {
  const p = compile(e, ctx, new Map(), 0);
  return p && readsEntry(p) ? p : undefined;
}

function readsEntry(p: Program): boolean {
  return p[0] === 'in' || p.some((x) => Array.isArray(x) && (typeof x[0] === 'string' ? readsEntry(x as Program) : (x as Program[]).some(readsEntry)));
}

type Bound = Map<string, Program>;

function compile(raw: ts.Expression, ctx: ProgramContext, bound: Bound, depth: number): Program | undefined {
  if (depth > 24) return undefined;
  const e = skipOuter(raw);
  const sub = (x: ts.Expression, b: Bound = bound) => compile(x, ctx, b, depth + 1);
  if (isStringLiteral(e) || isNoSubstitutionTemplateLiteral(e)) return ['lit', e.text];
  if (isNumericLiteral(e)) return ['lit', Number(e.text)];
  if (isRegularExpressionLiteral(e)) {
    const at = e.text.lastIndexOf('/');
    return ['re', e.text.slice(1, at), e.text.slice(at + 1)];
  }
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return ['lit', e.kind === ts.SyntaxKind.TrueKeyword];
  if (e.kind === ts.SyntaxKind.NullKeyword) return ['lit', null];
  if (isTemplateExpression(e)) return template(e, sub);
  if (isIdentifier(e)) return identifier(e, ctx, bound, depth);
  if (isPropertyAccessExpression(e) || isElementAccessExpression(e)) {
    const known = ctx.known(e);
    if (known !== undefined && !mentions(e, bound)) return ['lit', known];
    const obj = sub(e.expression);
    const key = isPropertyAccessExpression(e) ? (['lit', e.name.text] as Program) : sub(e.argumentExpression);
    return obj && key ? ['get', obj, key] : undefined;
  }
  if (isCallExpression(e)) return call(e, ctx, bound, depth);
  if (isBinaryExpression(e)) {
    const op = OPERATORS[e.operatorToken.kind];
    const [l, r] = op ? [sub(e.left), sub(e.right)] : [];
    return op && l && r ? ['op', op, l, r] : undefined;
  }
  if (isPrefixUnaryExpression(e)) {
    const x = sub(e.operand);
    if (!x) return undefined;
    if (e.operator === ts.SyntaxKind.ExclamationToken) return ['not', x];
    return e.operator === ts.SyntaxKind.MinusToken ? ['op', '-', ['lit', 0], x] : undefined;
  }
  if (isConditionalExpression(e)) {
    const [c, t, f] = [sub(e.condition), sub(e.whenTrue), sub(e.whenFalse)];
    return c && t && f ? ['if', c, t, f] : undefined;
  }
  if (isArrayLiteralExpression(e)) {
    const items = e.elements.map((x) => sub(x));
    return items.every((x): x is Program => x !== undefined) ? ['arr', items] : undefined;
  }
  const known = ctx.known(e);
  return known !== undefined ? ['lit', known] : undefined;
}

function template(e: ts.TemplateExpression, sub: (x: ts.Expression) => Program | undefined): Program | undefined {
  let out: Program = ['lit', e.head.text];
  for (const span of e.templateSpans) {
    const x = sub(span.expression);
    if (!x) return undefined;
    out = ['op', '+', ['op', '+', out, ['call', x, 'toString', []]], ['lit', span.literal.text]];
  }
  return out;
}

/** Whether an expression reads a name the program binds (a callback's parameter, a `let` being followed). */
function mentions(e: ts.Node, bound: Bound): boolean {
  if (isIdentifier(e)) return bound.has(e.text);
  let hit = false;
  e.forEachChild((c) => {
    hit ||= mentions(c, bound);
  });
  return hit;
}

function identifier(e: ts.Identifier, ctx: ProgramContext, bound: Bound, depth: number): Program | undefined {
  const own = bound.get(e.text);
  if (own) return own;
  if (e.text === '__dirname') return ['here'];
  if (e.text === 'undefined') return ['lit', null];
  if (ctx.isEntry(e)) return ['in'];
  const init = ctx.declaration(e);
  if (init) {
    const first = compile(init, ctx, bound, depth + 1);
    const decl = letDeclarationOf(init);
    return first && decl ? letAt(decl, first, e, ctx, bound, depth) : first;
  }
  const known = ctx.known(e);
  return known !== undefined ? ['lit', known] : undefined;
}

/**
 * A `let` where `read` reads it: its first value changed by the statements of its block before the
 * read, each `name = x` or `if (test) name = x` (a choice); undefined for any other change.
 */
function letAt(decl: ts.VariableDeclaration, first: Program, read: ts.Node, ctx: ProgramContext, bound: Bound, depth: number): Program | undefined {
  const name = (decl.name as ts.Identifier).text;
  const statement = decl.parent.parent;
  const block = statement.parent;
  if (!isVariableStatement(statement) || !(isBlock(block) || ts.isSourceFile(block))) return undefined;
  let value: Program | undefined = first;
  for (const st of block.statements.slice(block.statements.indexOf(statement) + 1)) {
    if (st.getStart() >= read.getStart() || !value) break;
    if (!assignsTo(st, name)) continue;
    const withValue: Bound = new Map([...bound, [name, value]]);
    const test = isIfStatement(st) && !st.elseStatement ? compile(st.expression, ctx, withValue, depth + 1) : undefined;
    const assigned = assignment(isIfStatement(st) ? st.thenStatement : st, name);
    const next = assigned && compile(assigned, ctx, withValue, depth + 1);
    value = !next ? undefined : isIfStatement(st) ? (test && ['if', test, next, value]) : next;
  }
  return value;
}

/** `name = x;` (alone in a block too): x. */
function assignment(st: ts.Statement, name: string): ts.Expression | undefined {
  const only = isBlock(st) && st.statements.length === 1 ? st.statements[0] : st;
  const e = only && isExpressionStatement(only) ? skipOuter(only.expression) : undefined;
  return e && isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && isIdentifier(e.left) && e.left.text === name ? e.right : undefined;
}

function assignsTo(node: ts.Node, name: string): boolean {
  if (isBinaryExpression(node) && isIdentifier(node.left) && node.left.text === name && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
  let hit = false;
  node.forEachChild((c) => {
    hit ||= assignsTo(c, name);
  });
  return hit;
}

function call(e: ts.CallExpression, ctx: ProgramContext, bound: Bound, depth: number): Program | undefined {
  const callee = skipOuter(e.expression);
  const args = e.arguments.map((a) => {
    const x = skipOuter(a);
    if (!isArrowFunction(x)) return compile(x, ctx, bound, depth + 1);
    const param = x.parameters.length === 1 ? x.parameters[0]?.name : undefined;
    const body = isBlock(x.body) ? undefined : x.body;
    const inner = param && isIdentifier(param) && body ? compile(body, ctx, new Map([...bound, [param.text, ['var', param.text] as Program]]), depth + 1) : undefined;
    return inner && param && isIdentifier(param) ? (['fn', param.text, inner] as Program) : undefined;
  });
  if (!args.every((a): a is Program => a !== undefined)) return undefined;
  const imported = isIdentifier(callee) ? ctx.pathFunction?.(callee) : undefined;
  if (imported !== undefined && PATH_FUNCTIONS.has(imported)) return ['path', imported, args];
  if (!isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = skipOuter(callee.expression);
  if (PATH_FUNCTIONS.has(method) && isIdentifier(receiver) && /^(?:path|posix)$/.test(receiver.text)) return ['path', method, args];
  const obj = METHODS.has(method) || method === 'toString' ? compile(receiver, ctx, bound, depth + 1) : undefined;
  return obj ? ['call', obj, method, args] : undefined;
}
