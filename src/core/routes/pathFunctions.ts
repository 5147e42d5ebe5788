// What a function builds a path from its parameters, for each call with that call's arguments:
// `routerPath(path, param = true) { let route = '/' + path; param ? (route += '/:id') : null; return route; }`
// called as `this.routerPath('sendText')`. The body is run statement by statement over its own
// locals (declarations, `=` and `+=`, `if`, `?:` and `&&` as statements, `return`), each parameter
// a reference to its position (values.ts ARG): a test on a parameter runs both branches and joins
// them in a conditional on it, so what is returned is one value per function, filled with each
// call's arguments (extracted.ts substituteParams). Loops, `switch`, `try` and the like: not read.
import ts from './compiler';
import { forEachChild, isBinaryExpression, isBindingElement, isBlock, isCallExpression, isConditionalExpression, isPropertyAccessExpression, isExpressionStatement, isIdentifier, isIfStatement, isObjectBindingPattern, isArrayBindingPattern, isPrefixUnaryExpression, isReturnStatement, isStringLiteral, isThrowStatement, isVariableStatement } from './tsNodes';
import { ARG, UNKNOWN_LOCAL, argRef, concat, isTruthyText, literalOf, propOf, str, unknownIn, type ConstValue, type TextTest } from './values';
import { skipOuter } from './tsSyntax';

const UNKNOWN: ConstValue = str({ ref: { local: UNKNOWN_LOCAL, path: [] } });

/** Statements a body may run, branches of tests on parameters counted each: past it the function is not read. */
const MAX_STATEMENTS = 48;

/** A test on a parameter's argument: its truthiness, or its equality with a literal; `negated` swaps the branches. */
interface ParamTest {
  param: string;
  equals?: string;
  /** `p.endsWith('/')`: the end (or start) of the argument's text tested for `equals`. */
  textTest?: TextTest;
  negated: boolean;
}

/** Where a run of statements ends: a value returned, a throw, or the end of the statements (`next`). */
type Flow = { kind: 'return'; value: ConstValue } | { kind: 'throw' } | { kind: 'next' };

/**
 * What `fn` returns, its parameters as references to their positions (`*arg*0`...), its locals in
 * `locals` (the scope the caller's `evaluate` reads names from, filled here); undefined when a
 * statement is not one read here, or what is returned reads a value not known.
 */
export function returnedTemplate(fn: ts.FunctionLikeDeclaration, locals: Map<string, ConstValue>, evaluate: (e: ts.Expression) => ConstValue | undefined): ConstValue | undefined {
  const body = fn.body;
  if (!body) return undefined;
  fn.parameters.forEach((p, i) => bindNames(p.name, locals, p.dotDotDotToken ? UNKNOWN : argRef(i)));
  const run = new BodyRun(locals, evaluate);
  const flow = isBlock(body) ? run.statements(body.statements, 0) : ({ kind: 'return', value: evaluate(body) ?? UNKNOWN } as const);
  return flow?.kind === 'return' && !unknownIn(flow.value) ? flow.value : undefined;
}

/** Arguments a call of a function joining its arguments is read with, at most (collect.ts fills as many for another file's function). */
export const JOINED_ARGS = 16;

/**
 * Whether a function joins its arguments with slashes, as a URL-joining helper does: its one
 * parameter a rest parameter, `(...parts) => parts.join('/')`, `function (...args) { const s =
 * [].slice.call(args, 0).join('/'); return normalize(s); }` (a normalizing of repeated slashes, as
 * every route path gets, is read as done). A body of a few statements only.
 */
export function joinsArguments(fn: ts.FunctionLikeDeclaration): boolean {
  const [p, more] = fn.parameters;
  const body = fn.body;
  if (!p || more || !p.dotDotDotToken || !isIdentifier(p.name) || !body) return false;
  if (isBlock(body) && body.statements.length > 4) return false;
  const rest = p.name.text;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (isCallExpression(n) && isPropertyAccessExpression(n.expression) && n.expression.name.text === 'join') {
      const [sep] = n.arguments;
      if (sep && isStringLiteral(sep) && sep.text === '/' && n.arguments.length === 1 && mentions(n.expression.expression, rest)) found = true;
    }
    forEachChild(n, visit);
  };
  visit(body);
  return found;
}

function mentions(node: ts.Node, name: string): boolean {
  if (isIdentifier(node)) return node.text === name;
  return forEachChild(node, (c) => (mentions(c, name) ? true : undefined)) === true;
}

/**
 * What a call of a function joining its arguments (joinsArguments) gives for the arguments: each
 * one, a slash between; undefined where the values cannot be joined.
 */
export function joinedValue(args: readonly ConstValue[]): ConstValue | undefined {
  let out: ConstValue | undefined;
  for (const a of args) {
    const joined: ConstValue | undefined = out === undefined ? a : concat(out, str('/'));
    out = out === undefined ? joined : joined && concat(joined, a);
    if (!out) return undefined;
  }
  return out;
}

/** Each name a parameter or a declaration binds (`{ a, b: [c] }` too), set to `value`. */
function bindNames(name: ts.BindingName, locals: Map<string, ConstValue>, value: ConstValue): void {
  if (isIdentifier(name)) locals.set(name.text, value);
  else if (isObjectBindingPattern(name) || isArrayBindingPattern(name)) for (const el of name.elements) if (isBindingElement(el)) bindNames(el.name, locals, UNKNOWN);
}

class BodyRun {
  private budget = MAX_STATEMENTS;

  constructor(
    private readonly locals: Map<string, ConstValue>,
    private readonly evaluate: (e: ts.Expression) => ConstValue | undefined,
  ) {}

  /** The statements from `from` on; undefined when one is not read here. */
  statements(sts: readonly ts.Statement[], from: number): Flow | undefined {
    for (let i = from; i < sts.length; i++) {
      const st = sts[i] as ts.Statement;
      if (--this.budget < 0) return undefined;
      if (isIfStatement(st)) {
        const test = this.test(st.expression);
        if (test === undefined) return undefined;
        const { thenStatement: then, elseStatement: otherwise } = st;
        if (typeof test === 'boolean') {
          const branch = test ? then : otherwise;
          const flow = branch ? this.statement(branch) : { kind: 'next' as const };
          if (flow?.kind !== 'next') return flow;
          continue;
        }
        const flow = this.fork(test, () => this.statement(then), () => (otherwise ? this.statement(otherwise) : { kind: 'next' }), sts, i + 1);
        if (flow?.kind !== 'next') return flow;
        continue;
      }
      if (isExpressionStatement(st)) {
        const e = skipOuter(st.expression);
        const branched = isConditionalExpression(e) ? ([e.condition, e.whenTrue, e.whenFalse] as const) : logicalEffect(e);
        if (!branched) {
          this.effect(e);
          continue;
        }
        const test = this.test(branched[0]);
        if (test === undefined) return undefined;
        const [, whenTrue, whenFalse] = branched;
        const run = (x: ts.Expression | undefined): Flow => {
          if (x) this.effect(skipOuter(x));
          return { kind: 'next' };
        };
        if (typeof test === 'boolean') run(test ? whenTrue : whenFalse);
        else {
          const flow = this.fork(test, () => run(whenTrue), () => run(whenFalse), sts, i + 1);
          if (flow?.kind !== 'next') return flow;
        }
        continue;
      }
      const flow = this.statement(st);
      if (flow?.kind !== 'next') return flow;
    }
    return { kind: 'next' };
  }

  private statement(st: ts.Statement): Flow | undefined {
    if (isBlock(st)) return this.statements(st.statements, 0);
    if (isReturnStatement(st)) return { kind: 'return', value: (st.expression && this.evaluate(st.expression)) ?? UNKNOWN };
    if (isThrowStatement(st)) return { kind: 'throw' };
    if (isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) this.bind(d.name, d.initializer && this.evaluate(d.initializer));
      return { kind: 'next' };
    }
    if (st.kind === ts.SyntaxKind.EmptyStatement) return { kind: 'next' };
    if (isIfStatement(st) || isExpressionStatement(st)) return this.statements([st], 0);
    return undefined;
  }

  /** A declaration's names: `x`, or `{ a, b: c = 'd' }` and `[e, f]` each from its part of the value, else its default. */
  private bind(name: ts.BindingName, value: ConstValue | undefined): void {
    if (isIdentifier(name)) {
      this.locals.set(name.text, value ?? UNKNOWN);
      return;
    }
    name.elements.forEach((el, i) => {
      if (!isBindingElement(el)) return;
      const key = isObjectBindingPattern(name) ? (el.propertyName ?? el.name) : undefined;
      const at = isObjectBindingPattern(name) ? (key && (isIdentifier(key) || isStringLiteral(key)) ? key.text : undefined) : String(i);
      const part = value && at !== undefined && !el.dotDotDotToken ? propOf(value, [at]) : undefined;
      this.bind(el.name, part ?? (el.initializer && this.evaluate(el.initializer)));
    });
  }

  /** `x = v`, `x += v` on a local; anything else (a call logging) changes no local read here. */
  private effect(e: ts.Expression): void {
    if (!isBinaryExpression(e) || !isIdentifier(e.left) || !this.locals.has(e.left.text)) return;
    const op = e.operatorToken.kind;
    const right = this.evaluate(e.right);
    if (op === ts.SyntaxKind.EqualsToken) this.locals.set(e.left.text, right ?? UNKNOWN);
    else if (op === ts.SyntaxKind.PlusEqualsToken) {
      const cur = this.locals.get(e.left.text);
      this.locals.set(e.left.text, (cur && right && concat(cur, right)) || UNKNOWN);
    }
  }

  /**
   * Both branches of a test on a parameter, each from the locals as they are now; then the rest of
   * the statements (`rest` from `from`) from the branch that goes on, when only one does. What is
   * returned, and each local the branches leave different, is a conditional on the parameter.
   */
  private fork(test: ParamTest, whenTrue: () => Flow | undefined, whenFalse: () => Flow | undefined, rest: readonly ts.Statement[], from: number): Flow | undefined {
    const before = new Map(this.locals);
    const a = whenTrue();
    const afterTrue = new Map(this.locals);
    this.restore(before);
    const b = whenFalse();
    if (!a || !b) return undefined;
    const join = (x: ConstValue, y: ConstValue): ConstValue => (x === y ? x : cond(test, x, y));
    if (a.kind === 'throw') return b;
    if (b.kind === 'throw') {
      this.restore(afterTrue);
      return a;
    }
    if (a.kind === 'return' && b.kind === 'return') return { kind: 'return', value: join(a.value, b.value) };
    if (a.kind === 'next' && b.kind === 'next') {
      for (const [name, value] of afterTrue) this.locals.set(name, join(value, this.locals.get(name) ?? UNKNOWN));
      return { kind: 'next' };
    }
    // One branch returned: the other goes on through the rest, and returns there or not at all.
    if (b.kind === 'return') this.restore(afterTrue);
    const on = this.statements(rest, from);
    if (on?.kind !== 'return') return on?.kind === 'throw' ? (a.kind === 'return' ? a : b) : undefined;
    return { kind: 'return', value: a.kind === 'return' ? join(a.value, on.value) : join(on.value, (b as { value: ConstValue }).value) };
  }

  private restore(state: Map<string, ConstValue>): void {
    this.locals.clear();
    for (const [k, v] of state) this.locals.set(k, v);
  }

  /** A test's outcome: known, a test on one parameter, or undefined (not known statically). */
  private test(e: ts.Expression): boolean | ParamTest | undefined {
    const x = skipOuter(e);
    if (isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) {
      const inner = this.test(x.operand);
      return typeof inner === 'boolean' ? !inner : inner && { ...inner, negated: !inner.negated };
    }
    if (x.kind === ts.SyntaxKind.TrueKeyword || x.kind === ts.SyntaxKind.FalseKeyword) return x.kind === ts.SyntaxKind.TrueKeyword;
    if (isBinaryExpression(x)) {
      const op = x.operatorToken.kind;
      const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
      if (!equal && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
      const [l, r] = [this.evaluate(x.left), this.evaluate(x.right)];
      const [lt, rt] = [literalOf(l), literalOf(r)];
      if (lt !== undefined && rt !== undefined) return (lt === rt) === equal;
      const param = lt === undefined ? paramOf(l) : paramOf(r);
      const equals = lt ?? rt;
      return param !== undefined && equals !== undefined ? { param, equals, negated: !equal } : undefined;
    }
    const textTest = this.textTest(x);
    if (textTest) return textTest;
    const v = this.evaluate(x);
    const text = literalOf(v);
    if (text !== undefined) return isTruthyText(text);
    const param = paramOf(v);
    return param !== undefined ? { param, negated: false } : undefined;
  }

  /** `p.endsWith('/')`, `p.startsWith('/')` on a parameter, with a literal: a test of its argument's text; undefined for anything else. */
  private textTest(x: ts.Expression): ParamTest | undefined {
    if (!isCallExpression(x) || x.arguments.length !== 1 || !isPropertyAccessExpression(x.expression)) return undefined;
    const method = x.expression.name.text;
    if (method !== 'endsWith' && method !== 'startsWith') return undefined;
    const param = paramOf(this.evaluate(x.expression.expression));
    const equals = literalOf(this.evaluate(x.arguments[0] as ts.Expression));
    return param !== undefined && equals !== undefined ? { param, equals, textTest: method, negated: false } : undefined;
  }
}

/** `a && (x += y)`, `a || (x = y)` as a statement: its test and what runs when it passes (or fails). */
function logicalEffect(e: ts.Expression): readonly [ts.Expression, ts.Expression | undefined, ts.Expression | undefined] | undefined {
  if (!isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.AmpersandAmpersandToken) return [e.left, e.right, undefined];
  if (op === ts.SyntaxKind.BarBarToken) return [e.left, undefined, e.right];
  return undefined;
}

/** The parameter a value is, whole (`*arg*1`). */
function paramOf(v: ConstValue | undefined): string | undefined {
  const only = v?.kind === 'str' && v.parts.length === 1 ? v.parts[0] : undefined;
  return typeof only === 'object' && only.ref.local.startsWith(ARG) && only.ref.path.length === 0 ? only.ref.local : undefined;
}

function cond(test: ParamTest, x: ConstValue, y: ConstValue): ConstValue {
  const [then, otherwise] = test.negated ? [y, x] : [x, y];
  if (test.textTest && test.equals !== undefined) return { kind: 'cond', param: test.param, equals: test.equals, then, otherwise, textTest: test.textTest };
  return test.equals !== undefined ? { kind: 'cond', param: test.param, equals: test.equals, then, otherwise } : { kind: 'cond', param: test.param, equals: '', then, otherwise, truthy: true };
}
