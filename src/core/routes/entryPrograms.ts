// What a loop over a folder listed at run time makes of each entry with string and array operations
// (`'/v0/' + file.split('.').slice(0, i).map((s) => s.replace('$', ':')).join('/')`), kept as a small
// program of data (values.ts LISTED, the step ENTRY_PROGRAM) and run on each file's name once
// collect.ts knows the tree. Only operations whose result is the text's alone are run (no call of
// the project's code); anything else leaves the expression not known, as before.
import ts from './compiler';
import { isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isBlock, isCallExpression, isConditionalExpression, isElementAccessExpression, isExpressionStatement, isIdentifier, isIfStatement, isNoSubstitutionTemplateLiteral, isNumericLiteral, isPrefixUnaryExpression, isPropertyAccessExpression, isRegularExpressionLiteral, isStringLiteral, isTemplateExpression, isVariableStatement } from './tsNodes';
import { posix } from 'node:path';
import { skipOuter } from './tsSyntax';
import { letDeclarationOf } from './letValues';

/** In a listed entry's reference path (values.ts LISTED), last: the program (JSON) run on the entry. */
export const ENTRY_PROGRAM = '*prog*';

/**
 * A program: the entry (`in`), the folder of the file running it (`here`), a literal, a regular
 * expression, a callback's parameter, a member read, an allowed method call, a callback, an
 * operator, a negation, a choice, an array, or a `path` function.
 */
export type Program =
  | ['in']
  | ['here']
  | ['lit', string | number | boolean | null]
  | ['re', string, string]
  | ['var', string]
  | ['get', Program, Program]
  | ['call', Program, string, Program[]]
  | ['fn', string, Program]
  | ['op', string, Program, Program]
  | ['not', Program]
  | ['if', Program, Program, Program]
  | ['arr', Program[]]
  | ['path', string, Program[]];

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

/** Methods of strings and arrays whose result is their receiver's and arguments' alone. */
const METHODS = new Set(['split', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd', 'startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'charAt', 'at', 'padStart', 'padEnd', 'concat', 'join', 'map', 'filter', 'find', 'some', 'every', 'isFile', 'isDirectory']);
/** `path` functions a program may call on texts. */
const PATH_FUNCTIONS = new Set(['join', 'resolve', 'basename', 'extname', 'dirname', 'relative']);
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

/** What the program gives for an entry (a name, a whole path, or a folder entry `{ name, directory }`) in a file of folder `here`; undefined where the code would throw or the program reads what it cannot. */
export function runProgram(p: Program, entry: unknown, here: string): unknown {
  try {
    return run(p, { entry, here, vars: new Map() }, 0);
  } catch {
    return undefined;
  }
}

interface RunState {
  entry: unknown;
  here: string;
  vars: Map<string, unknown>;
}

class NotRun extends Error {}

function run(p: Program, st: RunState, depth: number): unknown {
  if (depth > 200) throw new NotRun('deep');
  const r = (x: Program) => run(x, st, depth + 1);
  switch (p[0]) {
    case 'in':
      return st.entry;
    case 'here':
      return st.here;
    case 'lit':
      return p[1];
    case 're':
      return new RegExp(p[1], p[2]);
    case 'var':
      return st.vars.get(p[1]);
    case 'get':
      return member(r(p[1]), r(p[2]));
    case 'call':
      return invoke(r(p[1]), p[2], p[3].map((a) => (a[0] === 'fn' ? callback(a, st, depth) : r(a))));
    case 'fn':
      return callback(p, st, depth);
    case 'op':
      return operate(p[1], p[2], p[3], r);
    case 'not':
      return !r(p[1]);
    case 'if':
      return r(p[1]) ? r(p[2]) : r(p[3]);
    case 'arr':
      return p[1].map(r);
    case 'path':
      return pathCall(p[1], p[2].map(r));
  }
}

function callback(p: Program, st: RunState, depth: number): (x: unknown) => unknown {
  if (p[0] !== 'fn') throw new NotRun('fn');
  const [, name, body] = p;
  return (x: unknown) => run(body, { ...st, vars: new Map([...st.vars, [name, x]]) }, depth + 1);
}

function member(obj: unknown, key: unknown): unknown {
  if (typeof obj === 'string' || Array.isArray(obj)) {
    if (key === 'length') return obj.length;
    if (typeof key === 'number' || (typeof key === 'string' && /^\d+$/.test(key))) return obj[Number(key)];
    throw new NotRun('member');
  }
  if (isEntryObject(obj) && key === 'name') return obj.name;
  throw new NotRun('member');
}

/** A folder entry as `readdirSync(dir, { withFileTypes: true })` gives it. */
interface EntryObject {
  name: string;
  directory: boolean;
}

function isEntryObject(x: unknown): x is EntryObject {
  return typeof x === 'object' && x !== null && typeof (x as EntryObject).name === 'string';
}

function invoke(obj: unknown, method: string, args: unknown[]): unknown {
  if (isEntryObject(obj) && (method === 'isFile' || method === 'isDirectory')) return method === 'isFile' ? !obj.directory : obj.directory;
  if (method === 'toString' && (typeof obj === 'string' || typeof obj === 'number')) return String(obj);
  const fn = (typeof obj === 'string' || Array.isArray(obj)) && METHODS.has(method) ? (obj as unknown as Record<string, unknown>)[method] : undefined;
  if (typeof fn !== 'function') throw new NotRun(method);
  return (fn as (...a: unknown[]) => unknown).apply(obj, args);
}

function operate(op: string, left: Program, right: Program, r: (x: Program) => unknown): unknown {
  const l = r(left);
  if (op === '&&') return l ? r(right) : l;
  if (op === '||') return l || r(right);
  if (op === '??') return l ?? r(right);
  const x = r(right);
  if (op === '===') return l === x || (l == null && x == null);
  if (op === '!==') return !(l === x || (l == null && x == null));
  if (op === '+' && (typeof l === 'string' || typeof l === 'number') && (typeof x === 'string' || typeof x === 'number')) return (l as string) + (x as string);
  if (typeof l !== 'number' || typeof x !== 'number') throw new NotRun(op);
  if (op === '-') return l - x;
  if (op === '<') return l < x;
  if (op === '>') return l > x;
  if (op === '<=') return l <= x;
  if (op === '>=') return l >= x;
  throw new NotRun(op);
}

function pathCall(fn: string, args: unknown[]): unknown {
  if (!args.every((a) => typeof a === 'string')) throw new NotRun(fn);
  const texts = args as string[];
  if (fn === 'join') return posix.join(...texts);
  if (fn === 'resolve') return posix.resolve('/', ...texts);
  if (fn === 'basename') return posix.basename(texts[0] ?? '', texts[1]);
  if (fn === 'extname') return posix.extname(texts[0] ?? '');
  if (fn === 'dirname') return posix.dirname(texts[0] ?? '');
  return posix.relative(texts[0] ?? '', texts[1] ?? '');
}
