// Router classes whose paths their subclasses give to the base class's constructor: a base class
// keeps a constructor parameter as a field (`constructor(private _path: string)`, read through
// `get path() { return this._path }`) and registers routes at that field, directly
// (`this.router.post(this.path, ...)`) or in a method over a list of [suffix, handler] pairs
// (`mountGets(pairs) { for (const [suffix, h] of pairs) this.router.get(`${this.path}${suffix}`, h) }`);
// each subclass hands it the path (`super(api, '/blocks', service)`) and the pairs
// (`this.mountGets([['', this.list], ['/:id', this.one]])`). What one file says of its classes is
// recorded here (ExtractedFile.pathClasses); collect.ts joins a subclass to its base class
// (inheritedPathRoutes.ts), in this file or another.
import ts from './compiler';
import { forEachChild, isArrayBindingPattern, isArrayLiteralExpression, isBinaryExpression, isBindingElement, isBlock, isCallExpression, isClassDeclaration, isConstructorDeclaration, isExpressionStatement, isForOfStatement, isGetAccessorDeclaration, isIdentifier, isMethodDeclaration, isNoSubstitutionTemplateLiteral, isPropertyAccessExpression, isReturnStatement, isStringLiteral, isTemplateExpression, isVariableDeclaration, isVariableStatement } from './tsNodes';
import { skipOuter, extendedClass } from './tsSyntax';
import { ROUTER_METHODS } from './routeSpec';
import type { ExtractedFile, PathClass, PathPiece, PathRoute } from './extracted';

/**
 * A file that may declare such classes: a class calling `super(...)` or keeping a constructor
 * parameter, after the word `class`. Two searches, from the first `class` on: one pattern
 * `class[\s\S]*(?:super|constructor)` backtracked from the end of the text at every `class`, which
 * in a generated file of hundreds of classes and none of these was seconds (bench/README.md,
 * thirty-second round).
 */
const CLASS_WORD = /\bclass\b/;
const SUPER_OR_FIELD = /\bsuper\s*\(|constructor\s*\(\s*(?:private|protected|public|readonly)\b/g;

function mayDeclare(text: string): boolean {
  const at = CLASS_WORD.exec(text);
  if (!at) return false;
  SUPER_OR_FIELD.lastIndex = at.index + at[0].length;
  return SUPER_OR_FIELD.test(text);
}

/** The line of a node (1-based). */
const lineOf = (sf: ts.SourceFile, n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;

/** Records the file's path classes (ExtractedFile.pathClasses); drops the warnings about a field path a pair helper reads, as its calls give the path. */
export function readPathClasses(sf: ts.SourceFile, out: ExtractedFile): void {
  if (!mayDeclare(sf.text)) return;
  const classes: Record<string, PathClass> = {};
  for (const st of sf.statements) {
    if (!isClassDeclaration(st) || !st.name) continue;
    const c = pathClass(sf, st);
    if (c) classes[st.name.text] = c;
  }
  if (Object.keys(classes).length === 0) return;
  out.pathClasses = classes;
  const helperLines = new Set(Object.values(classes).flatMap((c) => Object.values(c.pairHelpers ?? {}).flatMap((rs) => rs.map((r) => r.line))));
  // A path helper's routes at its parameter: each call gives the path (a call giving no literal is warned of there).
  const pathLines = new Set(Object.values(classes).flatMap((c) => Object.values(c.pathHelpers ?? {}).flatMap((rs) => rs.map((r) => r.line))));
  out.warnings = out.warnings.filter((w) => w.line === undefined || (w.id === 'instanceFieldPath' ? !helperLines.has(w.line) : w.id !== 'routerPath' || !pathLines.has(w.line)));
}

function pathClass(sf: ts.SourceFile, cls: ts.ClassDeclaration): PathClass | undefined {
  const c: PathClass = {};
  const base = extendedClass(cls);
  if (base && isIdentifier(base)) c.base = base.text;
  const ctor = cls.members.find(isConstructorDeclaration);
  const fields = ctorFields(cls, ctor);
  if (Object.keys(fields).length > 0) c.fields = fields;
  const superCall = ctor?.body?.statements.map((st) => (isExpressionStatement(st) ? skipOuter(st.expression) : undefined)).find((e): e is ts.CallExpression => e !== undefined && isCallExpression(e) && e.expression.kind === ts.SyntaxKind.SuperKeyword);
  if (superCall) c.superArgs = superCall.arguments.map((a) => literalText(a) ?? null);
  const own = new Set(cls.members.flatMap((m) => (m.name && isIdentifier(m.name) ? [m.name.text] : [])));
  for (const m of cls.members) {
    if (isMethodDeclaration(m) && isIdentifier(m.name) && m.parameters.length === 1) {
      const routes = pairRoutes(sf, m);
      if (routes.length > 0) (c.pairHelpers ??= {})[m.name.text] = routes;
      const direct = routes.length === 0 ? paramRoutes(sf, m) : [];
      if (direct.length > 0) (c.pathHelpers ??= {})[m.name.text] = direct;
    }
    if ((isMethodDeclaration(m) || isConstructorDeclaration(m)) && m.body) readCalls(sf, m.body, own, c);
  }
  return c.fields || c.pairHelpers || c.pathHelpers || c.pairCalls || c.fieldRoutes ? c : undefined;
}

/** The constructor's parameter properties by position, and the getters returning one (`get path() { return this._path }`). */
function ctorFields(cls: ts.ClassDeclaration, ctor: ts.ConstructorDeclaration | undefined): Record<string, number> {
  const fields: Record<string, number> = {};
  ctor?.parameters.forEach((p, i) => {
    const property = ts.getModifiers?.(p)?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword || m.kind === ts.SyntaxKind.PublicKeyword || m.kind === ts.SyntaxKind.ReadonlyKeyword);
    if (property && isIdentifier(p.name)) fields[p.name.text] = i;
  });
  for (const m of cls.members) {
    const ret = isGetAccessorDeclaration(m) && isIdentifier(m.name) && m.body?.statements.length === 1 ? m.body.statements[0] : undefined;
    const read = ret && isReturnStatement(ret) && ret.expression ? thisMember(ret.expression) : undefined;
    if (read !== undefined && fields[read] !== undefined && isGetAccessorDeclaration(m) && isIdentifier(m.name)) fields[m.name.text] = fields[read];
  }
  return fields;
}

/** `this.x`: `x`. */
export function thisMember(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  return isPropertyAccessExpression(x) && x.expression.kind === ts.SyntaxKind.ThisKeyword ? x.name.text : undefined;
}

/** A string literal's or a template's without substitutions text. */
export function literalText(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  return isStringLiteral(x) || isNoSubstitutionTemplateLiteral(x) ? x.text : undefined;
}

/** `this.<router>.get(...)`: the method, when the receiver is a member of `this`. */
function thisRouterMethod(call: ts.CallExpression): ts.Expression | undefined {
  const callee = call.expression;
  if (!isPropertyAccessExpression(callee) || ROUTER_METHODS[callee.name.text] === undefined || callee.name.text === 'use') return undefined;
  return thisMember(callee.expression) !== undefined ? callee : undefined;
}

/** A path as pieces: literals, fields of `this`, and the name a loop binds to the pair's first element. */
function pathPieces(e: ts.Expression, element: string | undefined): PathPiece[] | undefined {
  const x = skipOuter(e);
  const lit = literalText(x);
  if (lit !== undefined) return [lit];
  const field = thisMember(x);
  if (field !== undefined) return [{ field }];
  if (isIdentifier(x)) return element !== undefined && x.text === element ? [{ element: 0 }] : undefined;
  if (isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [l, r] = [pathPieces(x.left, element), pathPieces(x.right, element)];
    return l && r ? [...l, ...r] : undefined;
  }
  if (!isTemplateExpression(x)) return undefined;
  const out: PathPiece[] = [x.head.text];
  for (const span of x.templateSpans) {
    const p = pathPieces(span.expression, element);
    if (!p) return undefined;
    out.push(...p, span.literal.text);
  }
  return out.filter((p) => p !== '');
}

/**
 * The routes a method registers for each pair of the list it is given: a `for...of` over its
 * parameter binding the pair's first element (`for (const [suffix, h] of pairs)`, or `const
 * [suffix, h] = pair` first in the body), its path built of that element and fields of `this`.
 */
function pairRoutes(sf: ts.SourceFile, m: ts.MethodDeclaration): NonNullable<PathClass['pairHelpers']>[string] {
  const param = m.parameters[0];
  if (!param || !isIdentifier(param.name) || !m.body) return [];
  const list = param.name.text;
  const out: NonNullable<PathClass['pairHelpers']>[string] = [];
  for (const st of m.body.statements) {
    if (!isForOfStatement(st) || !isIdentifier(skipOuter(st.expression)) || (skipOuter(st.expression) as ts.Identifier).text !== list) continue;
    const element = pairFirst(st);
    const visit = (n: ts.Node): void => {
      const method = isCallExpression(n) ? thisRouterMethod(n) : undefined;
      const path = method && isCallExpression(n) && n.arguments[0] ? pathPieces(n.arguments[0], element) : undefined;
      if (method && path?.some((p) => typeof p === 'object' && 'element' in p) && isPropertyAccessExpression(method)) out.push({ method: ROUTER_METHODS[method.name.text] ?? 'GET', path, router: method.expression.getText(sf), line: lineOf(sf, n) });
      forEachChild(n, visit);
    };
    visit(st.statement);
  }
  return out;
}

/**
 * The routes a method registers at the path it is given (`setupRoutes(endpoint) { this.app.get(endpoint,
 * h) }`, also under a prefix field, `${this.base}${endpoint}`): its one parameter read as the path's
 * piece a call gives (a pair's first element, as pairRoutes reads one).
 */
function paramRoutes(sf: ts.SourceFile, m: ts.MethodDeclaration): PathRoute[] {
  const param = m.parameters[0];
  if (!param || !isIdentifier(param.name) || !m.body) return [];
  const name = param.name.text;
  const out: PathRoute[] = [];
  const visit = (n: ts.Node): void => {
    const method = isCallExpression(n) ? thisRouterMethod(n) : undefined;
    const path = method && isCallExpression(n) && n.arguments.length >= 2 && n.arguments[0] ? pathPieces(n.arguments[0], name) : undefined;
    if (method && path?.some((p) => typeof p === 'object' && 'element' in p) && isPropertyAccessExpression(method)) out.push({ method: ROUTER_METHODS[method.name.text] ?? 'GET', path, router: method.expression.getText(sf), line: lineOf(sf, n) });
    forEachChild(n, visit);
  };
  visit(m.body);
  return out;
}

/** `this.x` or `super.x`: `x`. */
function ownOrBaseMember(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  return isPropertyAccessExpression(x) && (x.expression.kind === ts.SyntaxKind.ThisKeyword || x.expression.kind === ts.SyntaxKind.SuperKeyword) ? x.name.text : undefined;
}

/** The name a `for...of` binds to its element's first item: `for (const [a] of l)`, or `const [a] = e` first in its body. */
function pairFirst(loop: ts.ForOfStatement): string | undefined {
  const init = loop.initializer;
  const decl = ts.isVariableDeclarationList(init) ? init.declarations[0] : undefined;
  if (!decl) return undefined;
  const first = (p: ts.BindingName): string | undefined => (isArrayBindingPattern(p) && p.elements[0] && isBindingElement(p.elements[0]) && isIdentifier(p.elements[0].name) ? p.elements[0].name.text : undefined);
  if (isArrayBindingPattern(decl.name)) return first(decl.name);
  if (!isIdentifier(decl.name)) return undefined;
  const body = loop.statement;
  const st = isBlock(body) ? body.statements[0] : undefined;
  const d = st && isVariableStatement(st) ? st.declarationList.declarations[0] : undefined;
  return d && isVariableDeclaration(d) && d.initializer && isIdentifier(skipOuter(d.initializer)) && (skipOuter(d.initializer) as ts.Identifier).text === decl.name.text ? first(d.name) : undefined;
}

/**
 * In a method or constructor: `this.helper([['/x', h], ...])` (a call of a pair helper, by name:
 * collect.ts finds it in the class or a base), and routes on a member of `this` at a path reading
 * a field the class does not declare itself (inherited: its base's constructor keeps it).
 */
function readCalls(sf: ts.SourceFile, body: ts.Block, own: Set<string>, c: PathClass): void {
  const visit = (n: ts.Node): void => {
    if (isCallExpression(n)) {
      const helper = thisMember(n.expression);
      const list = n.arguments.length === 1 && n.arguments[0] ? skipOuter(n.arguments[0]) : undefined;
      if (helper !== undefined && list && isArrayLiteralExpression(list) && list.elements.length > 0 && list.elements.every((e) => isArrayLiteralExpression(skipOuter(e)))) {
        const firsts = list.elements.map((e) => {
          const first = (skipOuter(e) as ts.ArrayLiteralExpression).elements[0];
          return first ? (literalText(first) ?? null) : null;
        });
        (c.pairCalls ??= []).push({ helper, firsts, line: lineOf(sf, n) });
      }
      // `super.setupRoutes('/companions')`: a path helper (paramRoutes) of this class or a base given the path.
      const pathHelper = ownOrBaseMember(n.expression);
      if (pathHelper !== undefined && n.arguments.length === 1 && n.arguments[0] && !isArrayLiteralExpression(skipOuter(n.arguments[0])))
        (c.pairCalls ??= []).push({ helper: pathHelper, firsts: [literalText(n.arguments[0]) ?? null], line: lineOf(sf, n), direct: true });
      const method = thisRouterMethod(n);
      const path = method && n.arguments.length >= 2 && n.arguments[0] ? pathPieces(n.arguments[0], undefined) : undefined;
      const inherited = path?.some((p) => typeof p === 'object' && 'field' in p && !own.has(p.field));
      if (method && path && inherited && isPropertyAccessExpression(method)) (c.fieldRoutes ??= []).push({ method: ROUTER_METHODS[method.name.text] ?? 'GET', path, router: method.expression.getText(sf), line: lineOf(sf, n) });
    }
    forEachChild(n, visit);
  };
  visit(body);
}

