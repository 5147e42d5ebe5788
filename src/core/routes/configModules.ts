// A config module run as its build tool runs it, over a small part of JavaScript: a module whose
// value is computed (React Router's app/routes.ts building its route list with functions, loops,
// filters and constants of other modules of the app). Values are concrete: strings, numbers,
// booleans, arrays, plain objects, regular expressions and the module's own functions; a package's
// exports are what the caller hands in (`hosts`). Anything else (a class, a call of an unknown
// function, a method of no listed kind, a loop without end) stops the run: NotStatic, and the caller
// falls back to what it reads without running. Nothing of the workspace is run but these nodes'
// meaning: no eval, no I/O; a regular expression only tests the short strings the config makes.
import ts from './compiler';
import { skipOuter } from './tsSyntax';
import { mayBacktrack } from './backtracking';

/** The run met what it does not follow: the module's value is not known statically. */
export class NotStatic extends Error {}

/** The run needs a module not read yet (`base`: its path without extension): the caller reads it and runs again. */
export class MissingModule extends NotStatic {
  constructor(readonly base: string) {
    super(base);
  }
}

/** A function of the module, with the scope it was made in. */
class Closure {
  constructor(
    readonly node: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration,
    readonly scope: Scope,
  ) {}
}

interface Scope {
  vars: Map<string, { value: unknown }>;
  parent: Scope | undefined;
  module: ModuleRun;
}

/** The modules the run may read: each file's parsed source by its absolute path, and how an import names another. */
export interface ModuleSet {
  sources: ReadonlyMap<string, ts.SourceFile>;
  /** The absolute path an import of `specifier` from `fromFile` reads, when it is one of `sources`; MissingModule when it is to be read first. */
  resolve(fromFile: string, specifier: string): string | undefined;
  /** A package's exports by name (host functions and values), for the packages the config may import. */
  hosts: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** Methods of arrays, strings and regular expressions the run calls: none changes anything but the array pushed to. */
const ARRAY_METHODS = new Set(['map', 'filter', 'some', 'every', 'find', 'flatMap', 'flat', 'includes', 'concat', 'join', 'slice', 'push', 'forEach', 'indexOf']);
const STRING_METHODS = new Set(['startsWith', 'endsWith', 'includes', 'replace', 'replaceAll', 'split', 'slice', 'toLowerCase', 'toUpperCase', 'trim', 'charAt', 'concat']);
const REGEXP_METHODS = new Set(['test']);
/** How many nodes a run may evaluate before it is taken for a loop without end. */
const MAX_STEPS = 200_000;
/** How deep calls may nest before the run is taken for a recursion without end (well before the stack's own limit). */
const MAX_CALL_DEPTH = 200;

const DONE = Symbol('done');

/** The value of `file`'s default export, run; NotStatic when the run meets what it does not follow. */
export function defaultExportOf(modules: ModuleSet, file: string): unknown {
  return new Runner(modules).exportOf(file, 'default');
}

interface ModuleRun {
  file: string;
  sf: ts.SourceFile;
  scope: Scope;
}

class Runner {
  private steps = 0;
  private depth = 0;
  private readonly runs = new Map<string, ModuleRun>();

  constructor(private readonly modules: ModuleSet) {}

  exportOf(file: string, name: string, depth = 0): unknown {
    if (depth > 8) throw new NotStatic(name);
    const run = this.moduleRun(file);
    for (const st of run.sf.statements) {
      if (name === 'default' && ts.isExportAssignment(st)) return this.evaluate(st.expression, run.scope);
      if (ts.isExportDeclaration(st) && !st.isTypeOnly) {
        const target = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
        if (!st.exportClause && target !== undefined && name !== 'default') {
          const other = this.modules.resolve(file, target);
          if (other && this.declares(other, name)) return this.exportOf(other, name, depth + 1);
        } else if (st.exportClause && ts.isNamedExports(st.exportClause)) {
          const spec = st.exportClause.elements.find((e) => e.name.text === name);
          if (spec) {
            const local = (spec.propertyName ?? spec.name).text;
            const other = target !== undefined ? this.modules.resolve(file, target) : undefined;
            if (target === undefined) return this.lookup(local, run.scope);
            if (!other) throw new NotStatic(target);
            return this.exportOf(other, local, depth + 1);
          }
        }
      }
    }
    if (name !== 'default' && this.declares(file, name)) return this.lookup(name, run.scope);
    throw new NotStatic(name);
  }

  /** Whether `file` declares or exports `name` at its top. */
  private declares(file: string, name: string): boolean {
    const sf = this.modules.sources.get(file);
    return !!sf && sf.statements.some((st) => topNames(st).includes(name) || (ts.isExportDeclaration(st) && !!st.exportClause && ts.isNamedExports(st.exportClause) && st.exportClause.elements.some((e) => e.name.text === name)));
  }

  private moduleRun(file: string): ModuleRun {
    const known = this.runs.get(file);
    if (known) return known;
    const sf = this.modules.sources.get(file);
    if (!sf) throw new NotStatic(file);
    const run = { file, sf, scope: undefined as unknown as Scope };
    run.scope = { vars: new Map(), parent: undefined, module: run };
    this.runs.set(file, run);
    return run;
  }

  /** A name's value: a local's, else the module's top-level declaration or import (evaluated once, when first read). */
  private lookup(name: string, scope: Scope): unknown {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v) return v.value;
    }
    if (name === 'undefined') return undefined;
    const top = scope.module.scope;
    const value = this.topValue(name, scope.module);
    top.vars.set(name, { value });
    return value;
  }

  private topValue(name: string, run: ModuleRun): unknown {
    for (const st of run.sf.statements) {
      if (ts.isFunctionDeclaration(st) && st.name?.text === name) return new Closure(st, run.scope);
      if (ts.isVariableStatement(st)) {
        const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
        if (d) {
          if (!d.initializer) throw new NotStatic(name);
          return this.evaluate(d.initializer, run.scope);
        }
      }
      if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause && !st.importClause.isTypeOnly) {
        const imported = importedName(st.importClause, name);
        if (imported !== undefined) return this.imported(run.file, st.moduleSpecifier.text, imported);
      }
    }
    throw new NotStatic(name);
  }

  private imported(file: string, specifier: string, name: string): unknown {
    const host = this.modules.hosts[specifier];
    if (host) {
      if (!Object.hasOwn(host, name)) throw new NotStatic(name);
      return host[name];
    }
    const other = this.modules.resolve(file, specifier);
    if (!other) throw new NotStatic(specifier);
    return this.exportOf(other, name);
  }

  evaluate(node: ts.Expression, scope: Scope): unknown {
    if (++this.steps > MAX_STEPS) throw new NotStatic('steps');
    const e = skipOuter(node);
    if (ts.isStringLiteralLike(e)) return e.text;
    if (ts.isNumericLiteral(e)) return Number(e.text);
    if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (e.kind === ts.SyntaxKind.NullKeyword) return null;
    if (ts.isIdentifier(e)) return this.lookup(e.text, scope);
    if (ts.isRegularExpressionLiteral(e)) return regExpOf(e.text);
    if (ts.isTemplateExpression(e)) return e.templateSpans.reduce((s, span) => s + text(this.evaluate(span.expression, scope)) + span.literal.text, e.head.text);
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return new Closure(e, scope);
    if (ts.isArrayLiteralExpression(e)) return e.elements.flatMap((x) => (ts.isSpreadElement(x) ? [...arrayOf(this.evaluate(x.expression, scope))] : [this.evaluate(x, scope)]));
    if (ts.isObjectLiteralExpression(e)) return this.objectOf(e, scope);
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return this.member(e, scope);
    if (ts.isCallExpression(e)) return this.call(e, scope);
    if (ts.isConditionalExpression(e)) return this.evaluate(this.evaluate(e.condition, scope) ? e.whenTrue : e.whenFalse, scope);
    if (ts.isBinaryExpression(e)) return this.binary(e, scope);
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return !this.evaluate(e.operand, scope);
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) return -Number(this.evaluate(e.operand, scope));
    throw new NotStatic(ts.SyntaxKind[e.kind]);
  }

  private objectOf(e: ts.ObjectLiteralExpression, scope: Scope): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of e.properties) {
      if (ts.isSpreadAssignment(p)) {
        const v = this.evaluate(p.expression, scope);
        if (v !== undefined && v !== null) Object.assign(out, plainObject(v));
      } else if (ts.isPropertyAssignment(p)) out[this.keyOf(p.name, scope)] = this.evaluate(p.initializer, scope);
      else if (ts.isShorthandPropertyAssignment(p)) out[p.name.text] = this.lookup(p.name.text, scope);
      else throw new NotStatic('object member');
    }
    return out;
  }

  private keyOf(name: ts.PropertyName, scope: Scope): string {
    if ((ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) && name.text !== '__proto__') return name.text;
    const key = ts.isComputedPropertyName(name) ? text(this.evaluate(name.expression, scope)) : undefined;
    // A key that would set the object's prototype is no data of a config.
    if (key !== undefined && key !== '__proto__') return key;
    throw new NotStatic('key');
  }

  private member(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, scope: Scope): unknown {
    const base = this.evaluate(e.expression, scope);
    if ((base === undefined || base === null) && e.questionDotToken) return undefined;
    const key = ts.isPropertyAccessExpression(e) ? e.name.text : this.evaluate(e.argumentExpression, scope);
    return propertyOf(base, key);
  }

  private binary(e: ts.BinaryExpression, scope: Scope): unknown {
    const op = e.operatorToken.kind;
    const left = this.evaluate(e.left, scope);
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return left ? this.evaluate(e.right, scope) : left;
    if (op === ts.SyntaxKind.BarBarToken) return left ? left : this.evaluate(e.right, scope);
    if (op === ts.SyntaxKind.QuestionQuestionToken) return left ?? this.evaluate(e.right, scope);
    const right = this.evaluate(e.right, scope);
    switch (op) {
      case ts.SyntaxKind.EqualsEqualsEqualsToken: return left === right;
      case ts.SyntaxKind.ExclamationEqualsEqualsToken: return left !== right;
      case ts.SyntaxKind.EqualsEqualsToken: return left === right || (left == null && right == null);
      case ts.SyntaxKind.ExclamationEqualsToken: return !(left === right || (left == null && right == null));
      case ts.SyntaxKind.PlusToken: return typeof left === 'number' && typeof right === 'number' ? left + right : text(left) + text(right);
      default: throw new NotStatic(ts.SyntaxKind[op]);
    }
  }

  private call(e: ts.CallExpression, scope: Scope): unknown {
    const args = e.arguments.flatMap((a) => (ts.isSpreadElement(a) ? [...arrayOf(this.evaluate(a.expression, scope))] : [this.evaluate(a, scope)]));
    const callee = skipOuter(e.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const base = this.evaluate(callee.expression, scope);
      if ((base === undefined || base === null) && (callee.questionDotToken || e.questionDotToken)) return undefined;
      const method = callee.name.text;
      if ((Array.isArray(base) && ARRAY_METHODS.has(method)) || (typeof base === 'string' && STRING_METHODS.has(method)) || (base instanceof RegExp && REGEXP_METHODS.has(method))) {
        const fn = (base as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>)[method];
        if (!fn) throw new NotStatic(method);
        return fn.apply(base, args.map((a) => this.callable(a)));
      }
      return this.apply(propertyOf(base, method), args);
    }
    return this.apply(this.evaluate(callee, scope), args);
  }

  /** A value as a host array method receives it: the module's functions as plain functions. */
  private callable(v: unknown): unknown {
    return v instanceof Closure ? (...a: unknown[]) => this.apply(v, a) : v;
  }

  private apply(fn: unknown, args: unknown[]): unknown {
    if (typeof fn === 'function') return (fn as (...a: unknown[]) => unknown)(...args);
    if (!(fn instanceof Closure)) throw new NotStatic('call');
    if (this.depth >= MAX_CALL_DEPTH) throw new NotStatic('depth');
    this.depth++;
    try {
      return this.applyClosure(fn, args);
    } finally {
      this.depth--;
    }
  }

  private applyClosure(fn: Closure, args: unknown[]): unknown {
    const scope: Scope = { vars: new Map(), parent: fn.scope, module: fn.scope.module };
    fn.node.parameters.forEach((p, i) => {
      if (!ts.isIdentifier(p.name)) throw new NotStatic('parameter');
      const given = p.dotDotDotToken ? args.slice(i) : args[i];
      scope.vars.set(p.name.text, { value: given === undefined && p.initializer ? this.evaluate(p.initializer, scope) : given });
    });
    const body = fn.node.body;
    if (!body) throw new NotStatic('body');
    if (!ts.isBlock(body)) return this.evaluate(body, scope);
    const done = this.run(body.statements, scope);
    return done === undefined ? undefined : done.value;
  }

  /** Runs statements in `scope`; what a return statement among them gives, when one ran. */
  private run(statements: readonly ts.Statement[], scope: Scope): { value: unknown; [DONE]: true } | undefined {
    for (const st of statements) {
      if (++this.steps > MAX_STEPS) throw new NotStatic('steps');
      const done = this.statement(st, scope);
      if (done) return done;
    }
    return undefined;
  }

  private statement(st: ts.Statement, scope: Scope): { value: unknown; [DONE]: true } | undefined {
    if (ts.isReturnStatement(st)) return { value: st.expression ? this.evaluate(st.expression, scope) : undefined, [DONE]: true };
    if (ts.isExpressionStatement(st)) return void this.expressionStatement(st.expression, scope);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) throw new NotStatic('declaration');
        scope.vars.set(d.name.text, { value: d.initializer ? this.evaluate(d.initializer, scope) : undefined });
      }
      return undefined;
    }
    if (ts.isIfStatement(st)) {
      const branch = this.evaluate(st.expression, scope) ? st.thenStatement : st.elseStatement;
      return branch ? this.run([branch], { vars: new Map(), parent: scope, module: scope.module }) : undefined;
    }
    if (ts.isBlock(st)) return this.run(st.statements, { vars: new Map(), parent: scope, module: scope.module });
    if (ts.isForOfStatement(st)) return this.forOf(st, scope);
    if (ts.isFunctionDeclaration(st) && st.name) return void scope.vars.set(st.name.text, { value: new Closure(st, scope) });
    if (st.kind === ts.SyntaxKind.EmptyStatement) return undefined;
    throw new NotStatic(ts.SyntaxKind[st.kind]);
  }

  private expressionStatement(e: ts.Expression, scope: Scope): void {
    const x = skipOuter(e);
    if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(x.left)) {
      const value = this.evaluate(x.right, scope);
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        const v = s.vars.get(x.left.text);
        if (v) return void (v.value = value);
      }
      throw new NotStatic(x.left.text);
    }
    this.evaluate(x, scope);
  }

  private forOf(st: ts.ForOfStatement, scope: Scope): { value: unknown; [DONE]: true } | undefined {
    const list = st.initializer;
    const name = ts.isVariableDeclarationList(list) && list.declarations.length === 1 && ts.isIdentifier(list.declarations[0]!.name) ? list.declarations[0]!.name.text : undefined;
    if (name === undefined) throw new NotStatic('for...of');
    for (const item of arrayOf(this.evaluate(st.expression, scope))) {
      const inner: Scope = { vars: new Map([[name, { value: item }]]), parent: scope, module: scope.module };
      const done = this.run([st.statement], inner);
      if (done) return done;
    }
    return undefined;
  }
}

/** The local name `name` of an import clause, by the name the other module exports it under ('default' for a default import). */
function importedName(clause: ts.ImportClause, name: string): string | undefined {
  if (clause.name?.text === name) return 'default';
  const bindings = clause.namedBindings;
  if (!bindings || !ts.isNamedImports(bindings)) return undefined;
  const spec = bindings.elements.find((e) => !e.isTypeOnly && e.name.text === name);
  return spec ? (spec.propertyName ?? spec.name).text : undefined;
}

/** The names a top-level statement declares. */
function topNames(st: ts.Statement): string[] {
  if (ts.isFunctionDeclaration(st) && st.name) return [st.name.text];
  if (ts.isVariableStatement(st)) return st.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  return [];
}

/** A /.../ literal of the module; one that may backtrack without end is not made, as the module may run it on a text of its own. */
function regExpOf(literal: string): RegExp {
  const end = literal.lastIndexOf('/');
  if (mayBacktrack(literal.slice(1, end))) throw new NotStatic('regexp');
  return new RegExp(literal.slice(1, end), literal.slice(end + 1));
}

function text(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === undefined || v === null) return String(v);
  throw new NotStatic('text');
}

function arrayOf(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new NotStatic('array');
  return v;
}

function plainObject(v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof RegExp) throw new NotStatic('object');
  return v as Record<string, unknown>;
}

/** A property of a value the run made: an own property of an object, an array's element or length, a string's length. */
function propertyOf(base: unknown, key: unknown): unknown {
  if (Array.isArray(base) || typeof base === 'string') {
    if (key === 'length') return base.length;
    if (typeof key === 'number') return base[key];
    throw new NotStatic('member');
  }
  if (typeof key !== 'string' && typeof key !== 'number') throw new NotStatic('key');
  const obj = plainObject(base);
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}
