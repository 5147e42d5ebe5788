// Routes at a path a setter gives the instance: a class registers its routes in a method at a path
// reading a field of `this` (`this.app.get(this.prefix.concat('/:id'), h)`); a setter fills the
// field (`setPrefix(p) { this.prefix = p; return this }`); another file makes instances and calls
// the setter, then the method that registers (`new Users(app).setPrefix('/users').register()`),
// often in loops over a literal table (`for (const v of versions) for (const e of table[v].endpoints)
// for (const p of table[v].prefixes) e.setPrefix(p).register()`): each of the table's entries pairs
// only its own instances with its own values. What one file says is recorded here
// (ExtractedFile.fieldPathRoutes, setterClasses, setterCalls); setterPathRoutes.ts joins them.
import ts from './compiler';
import { forEachChild, isArrayBindingPattern, isArrayLiteralExpression, isBinaryExpression, isBindingElement, isCallExpression, isClassDeclaration, isComputedPropertyName, isElementAccessExpression, isExpressionStatement, isForOfStatement, isIdentifier, isMethodDeclaration, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isReturnStatement, isStringLiteral, isTemplateExpression, isVariableDeclaration } from './tsNodes';
import { extendedClass, skipOuter } from './tsSyntax';
import type { ExtractedFile, FieldPathRoute, PathPiece, SetterCall, SetterClass } from './extracted';
import type { HttpMethod } from '../model';
import { SETTER_RETURNS_THIS } from './mayDeclareRoutes';
import { literalText, thisMember } from './inheritedPaths';

const lineOf = (sf: ts.SourceFile, n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;

/** A path of literals and fields of `this`: `this.prefix`, `this.prefix + '/x'`, `` `${this.prefix}/x` ``, `this.prefix.concat('/x')`. */
function fieldPieces(e: ts.Expression): PathPiece[] | undefined {
  const x = skipOuter(e);
  const lit = literalText(x);
  if (lit !== undefined) return [lit];
  const field = thisMember(x);
  if (field !== undefined) return [{ field }];
  const join = (parts: ts.Expression[]): PathPiece[] | undefined => {
    const pieces = parts.map(fieldPieces);
    return pieces.every((p): p is PathPiece[] => p !== undefined) ? pieces.flat() : undefined;
  };
  if (isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.PlusToken) return join([x.left, x.right]);
  if (isCallExpression(x) && isPropertyAccessExpression(x.expression) && x.expression.name.text === 'concat') return join([x.expression.expression, ...x.arguments]);
  if (!isTemplateExpression(x)) return undefined;
  const out: PathPiece[] = [x.head.text];
  for (const span of x.templateSpans) {
    const p = fieldPieces(span.expression);
    if (!p) return undefined;
    out.push(...p, span.literal.text);
  }
  return out.filter((p) => p !== '');
}

/** A route call in a class's method whose path reads fields of `this` (ExtractedFile.fieldPathRoutes), else undefined. */
export function fieldPathRoute(sf: ts.SourceFile, call: ts.CallExpression, method: HttpMethod, router: string): FieldPathRoute | undefined {
  const arg = call.arguments[0];
  const path = arg ? fieldPieces(arg) : undefined;
  if (!path?.some((p) => typeof p === 'object')) return undefined;
  let m: ts.Node | undefined = call.parent;
  while (m && !isMethodDeclaration(m)) m = m.parent;
  const cls = m?.parent;
  if (!m || !isMethodDeclaration(m) || !isIdentifier(m.name) || !cls || !isClassDeclaration(cls) || !cls.name) return undefined;
  return { cls: cls.name.text, in: m.name.text, method, path, router, line: lineOf(sf, call) };
}

/** A method setting a field to its one parameter and returning `this`: the field. */
function setterField(m: ts.MethodDeclaration): string | undefined {
  const param = m.parameters.length === 1 ? m.parameters[0] : undefined;
  const body = m.body?.statements;
  if (!param || !isIdentifier(param.name) || !body || body.length !== 2) return undefined;
  const [set, ret] = body;
  const assign = set && isExpressionStatement(set) ? skipOuter(set.expression) : undefined;
  if (!assign || !isBinaryExpression(assign) || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const value = skipOuter(assign.right);
  if (!isIdentifier(value) || value.text !== param.name.text) return undefined;
  if (!ret || !isReturnStatement(ret) || !ret.expression || skipOuter(ret.expression).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  return thisMember(assign.left);
}

/** The methods of `this` a body calls (`this.run()`). */
function thisCalls(body: ts.Node): string[] {
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (isCallExpression(n)) {
      const callee = thisMember(n.expression);
      if (callee !== undefined) out.add(callee);
    }
    forEachChild(n, visit);
  };
  visit(body);
  return [...out];
}

function setterClass(cls: ts.ClassDeclaration): SetterClass {
  const c: SetterClass = {};
  const base = extendedClass(cls);
  if (base && isIdentifier(base)) c.base = base.text;
  for (const m of cls.members) {
    if (!isMethodDeclaration(m) || !isIdentifier(m.name) || !m.body) continue;
    const field = setterField(m);
    if (field !== undefined) (c.setters ??= {})[m.name.text] = field;
    const calls = thisCalls(m.body);
    if (calls.length > 0) (c.calls ??= {})[m.name.text] = calls;
  }
  return c;
}

/** A file that may set a field and return `this`, or call a method with no arguments on a call's result (`.setPrefix(p).register()`). */
const SETTER = new RegExp(SETTER_RETURNS_THIS);
const CHAINED = /\)\s*\.\s*[A-Za-z_$][\w$]*\s*\(\s*\)/;

/** Records the file's setter classes and setter calls (ExtractedFile.setterClasses, setterCalls). */
export function readSetterPaths(sf: ts.SourceFile, out: ExtractedFile): void {
  if (out.fieldPathRoutes || SETTER.test(sf.text)) {
    const classes: Record<string, SetterClass> = {};
    for (const st of sf.statements) if (isClassDeclaration(st) && st.name) classes[st.name.text] = setterClass(st);
    if (Object.keys(classes).length > 0) out.setterClasses = classes;
  }
  if (!CHAINED.test(sf.text)) return;
  const calls: SetterCall[] = [];
  const visit = (n: ts.Node): void => {
    if (isCallExpression(n)) calls.push(...setterCallsOf(sf, n));
    forEachChild(n, visit);
  };
  visit(sf);
  if (calls.length > 0) out.setterCalls = calls;
}

/** What a loop's name stands for: an element of the list it goes over, or a key of the table it indexes. */
type Bound = { element: ts.Expression } | { key: string };
type Env = ReadonlyMap<string, Bound>;

/** `recv.setter(value).then()`: one call per instance and value the enclosing loops give. */
function setterCallsOf(sf: ts.SourceFile, call: ts.CallExpression): SetterCall[] {
  const outer = call.expression;
  if (call.arguments.length > 0 || !isPropertyAccessExpression(outer)) return [];
  const inner = skipOuter(outer.expression);
  if (!isCallExpression(inner) || !isPropertyAccessExpression(inner.expression) || inner.arguments.length !== 1 || !inner.arguments[0]) return [];
  const [recv, arg, setter] = [inner.expression.expression, inner.arguments[0], inner.expression.name.text];
  const out: SetterCall[] = [];
  for (const env of loopEnvs(call)) {
    const classes = values(recv, env)?.map(newClass);
    const texts = values(arg, env)?.map(literalText);
    if (!classes || !texts || classes.some((c) => c === undefined) || texts.some((t) => t === undefined)) return [];
    for (const cls of classes as string[]) for (const value of texts as string[]) out.push({ cls, setter, value, then: outer.name.text, line: lineOf(sf, call) });
  }
  return out;
}

/** `new C(...)`: `C`. */
function newClass(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  return isNewExpression(x) && isIdentifier(x.expression) ? x.expression.text : undefined;
}

/** The `for...of` loops around a node, outermost first. */
function enclosingLoops(n: ts.Node): ts.ForOfStatement[] {
  const loops: ts.ForOfStatement[] = [];
  for (let at: ts.Node = n; at.parent; at = at.parent) if (isForOfStatement(at.parent) && at === at.parent.statement) loops.unshift(at.parent);
  return loops;
}

/** The names a loop binds: `x`, or `[i, x]`. */
function loopNames(loop: ts.ForOfStatement): string[] | undefined {
  const decl = ts.isVariableDeclarationList(loop.initializer) ? loop.initializer.declarations[0] : undefined;
  if (!decl) return undefined;
  if (isIdentifier(decl.name)) return [decl.name.text];
  if (!isArrayBindingPattern(decl.name)) return undefined;
  const names = decl.name.elements.map((e) => (isBindingElement(e) && isIdentifier(e.name) ? e.name.text : undefined));
  return names.every((x): x is string => x !== undefined) ? names : undefined;
}

/**
 * The bindings of the loops around a call: a loop over a list known statically binds each element;
 * a loop over anything else binds names that, used as keys of one literal table in the loops inside
 * (`table[version].endpoints`), stand for each of its keys in turn.
 */
function loopEnvs(call: ts.CallExpression): Env[] {
  let envs: Env[] = [new Map()];
  for (const loop of enclosingLoops(call)) {
    const names = loopNames(loop);
    if (!names) return [];
    envs = envs.flatMap((env): Env[] => {
      const list = names.length === 1 ? listOf(loop.expression, env) : undefined;
      if (list) return list.map((element) => new Map([...env, [names[0] as string, { element }]]));
      const keys = tableKeys(loop.statement, names, env);
      return keys ? keys.map(([name, key]) => new Map([...env, [name, { key }]])) : [];
    });
  }
  return envs;
}

/** The keys of the one literal table a loop's names index in its body (`table[v]`), with the name indexing it. */
function tableKeys(body: ts.Node, names: string[], env: Env): Array<[string, string]> | undefined {
  const found: Array<[string, ts.ObjectLiteralExpression]> = [];
  const visit = (n: ts.Node): void => {
    if (isElementAccessExpression(n) && isIdentifier(n.argumentExpression) && names.includes(n.argumentExpression.text)) {
      const table = tableOf(n.expression, env);
      if (table) found.push([n.argumentExpression.text, table]);
    }
    forEachChild(n, visit);
  };
  visit(body);
  const first = found[0];
  if (!first || found.some(([name, t]) => name !== first[0] || t !== first[1])) return undefined;
  return first[1].properties.flatMap((p) => {
    const key = p.name ? keyText(p.name) : undefined;
    return key !== undefined ? [[first[0], key] as [string, string]] : [];
  });
}

function keyText(name: ts.PropertyName): string | undefined {
  if (isIdentifier(name) || isStringLiteral(name)) return name.text;
  return isComputedPropertyName(name) ? name.expression.getText() : undefined;
}

/** The initializer of a `const` a name refers to, in the function around it or the file. */
function constInit(id: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (!('statements' in scope)) continue;
    for (const st of (scope as ts.Block).statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      const d = st.declarationList.declarations.find((x) => isVariableDeclaration(x) && isIdentifier(x.name) && x.name.text === id.text);
      if (d?.initializer) return d.initializer;
    }
  }
  return undefined;
}

/** A literal table an expression stands for: an object literal, a `const` of one, `t[k]` or `t.p` of one. */
function tableOf(e: ts.Expression, env: Env): ts.ObjectLiteralExpression | undefined {
  const x = skipOuter(e);
  if (isObjectLiteralExpression(x)) return x;
  if (isIdentifier(x)) {
    const init = env.has(x.text) ? undefined : constInit(x);
    return init ? tableOf(init, env) : undefined;
  }
  const member = memberOf(x, env);
  return member ? tableOf(member, env) : undefined;
}

/** `t[k]` (k a key a loop binds, or a literal) or `t.p` of a literal table: that property's value. */
function memberOf(x: ts.Expression, env: Env): ts.Expression | undefined {
  let key: string | undefined;
  let of: ts.Expression | undefined;
  if (isPropertyAccessExpression(x)) [key, of] = [x.name.text, x.expression];
  else if (isElementAccessExpression(x)) {
    const k = skipOuter(x.argumentExpression);
    const bound = isIdentifier(k) ? env.get(k.text) : undefined;
    [key, of] = [bound && 'key' in bound ? bound.key : literalText(k), x.expression];
  }
  const table = of && key !== undefined ? tableOf(of, env) : undefined;
  const p = table?.properties.find((q) => q.name !== undefined && keyText(q.name) === key);
  return p && isPropertyAssignment(p) ? p.initializer : undefined;
}

/** The elements of a list known statically: a literal list, a `const` of one, a table's member. */
function listOf(e: ts.Expression, env: Env): ts.Expression[] | undefined {
  const x = skipOuter(e);
  if (isArrayLiteralExpression(x)) return x.elements.some((el) => el.kind === ts.SyntaxKind.SpreadElement) ? undefined : [...x.elements];
  if (isIdentifier(x)) {
    const init = env.has(x.text) ? undefined : constInit(x);
    return init ? listOf(init, env) : undefined;
  }
  const member = isPropertyAccessExpression(x) || isElementAccessExpression(x) ? memberOf(x, env) : undefined;
  return member ? listOf(member, env) : undefined;
}

/** The values an expression may take: a list's elements (a literal list, a `const` of one, a table's member), a loop's element, or itself. */
function values(e: ts.Expression, env: Env): ts.Expression[] | undefined {
  const x = skipOuter(e);
  if (isArrayLiteralExpression(x)) return x.elements.some((el) => el.kind === ts.SyntaxKind.SpreadElement) ? undefined : [...x.elements];
  if (isIdentifier(x)) {
    const bound = env.get(x.text);
    if (bound) return 'element' in bound ? [bound.element] : undefined;
    const init = constInit(x);
    return init ? values(init, env) : undefined;
  }
  if (isPropertyAccessExpression(x) || isElementAccessExpression(x)) {
    const member = memberOf(x, env);
    return member ? values(member, env) : undefined;
  }
  return [x];
}
