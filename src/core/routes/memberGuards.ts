// Routes a route helper registers only when the object it is given has a member: the page-handler
// pattern `const route = (path, handler) => router.get(path, handler.GET) && handler.POST &&
// router.post(path, handler.POST)`, called with `route('/x', new ConfirmHandler())`. The POST route
// exists only where the handler's class declares POST. The class is often another file's: the route
// keeps the condition (ExtractedRoute.needsMember) and collect.ts drops it where that class, found
// through its import, is known to lack the member (unmetMemberGuards.ts; a class extending another
// is never known to).
import ts from './compiler';
import { isArrowFunction, isBinaryExpression, isBlock, isClassDeclaration, isConstructorDeclaration, isExportAssignment, isExpressionStatement, isFunctionDeclaration, isFunctionExpression, isGetAccessorDeclaration, isIdentifier, isIfStatement, isMethodDeclaration, isNewExpression, isParenthesizedExpression, isPropertyAccessExpression, isPropertyDeclaration } from './tsNodes';
import { lastReturn, skipOuter } from './tsSyntax';
import { hasModifier, isModuleExports } from './routeSyntax';
import type { ExtractedFile, ExtractedRoute } from './extracted';

export type MemberGuard = NonNullable<ExtractedRoute['needsMember']>;

/** The class whose instance the file's default export returns when it is a function (`return new X(...)`, `(o) => new X(o)`), by name. */
export function defaultFactoryClass(sf: ts.SourceFile): string | undefined {
  for (const st of sf.statements) {
    const fn =
      isExpressionStatement(st) && isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && isModuleExports(skipOuter(st.expression.left))
        ? skipOuter(st.expression.right)
        : isExportAssignment(st) && !st.isExportEquals
          ? skipOuter(st.expression)
          : isFunctionDeclaration(st) && hasModifier(st, ts.SyntaxKind.DefaultKeyword)
            ? st
            : undefined;
    if (!fn || !(isFunctionExpression(fn) || isArrowFunction(fn) || isFunctionDeclaration(fn)) || !fn.body) continue;
    const made = isBlock(fn.body) ? lastReturn(fn.body) : fn.body;
    const e = made && skipOuter(made);
    if (e && isNewExpression(e) && isIdentifier(e.expression)) return e.expression.text;
  }
  return undefined;
}

/** A route helper's parameters given `new X(...)` at the call being expanded: parameter name -> class name. */
export function instanceArgs(params: readonly ts.ParameterDeclaration[], args: readonly ts.Expression[]): Map<string, string> {
  const out = new Map<string, string>();
  params.forEach((p, i) => {
    const a = args[i] && skipOuter(args[i]);
    if (isIdentifier(p.name) && a && isNewExpression(a) && isIdentifier(a.expression)) out.set(p.name.text, a.expression.text);
  });
  return out;
}

/**
 * The member a route call inside a helper needs of a parameter given an instance: `p.M && call`
 * (the call right of `&&`, at any depth of the chain) or `if (p.M) call`. Undefined when none.
 */
export function memberGuardOf(call: ts.CallExpression, instances: ReadonlyMap<string, string>, stopAt: ts.Node): MemberGuard | undefined {
  let node: ts.Node = call;
  // `stopAt`, the helper's body, is read too: an arrow function's body may be the `&&` chain itself.
  for (let parent = node.parent; parent && node !== stopAt; node = parent, parent = node.parent) {
    if (isParenthesizedExpression(parent) || isExpressionStatement(parent)) continue;
    const guard =
      isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === node
        ? guardIn(parent.left, instances)
        : isIfStatement(parent) && parent.thenStatement === node
          ? guardIn(parent.expression, instances)
          : undefined;
    if (guard) return guard;
    if (!isBinaryExpression(parent) && !isIfStatement(parent) && !isBlock(parent)) return undefined;
  }
  return undefined;
}

/** `p.M`, or one conjunct of an `&&` chain that is, for a parameter `p` given an instance. */
function guardIn(e: ts.Expression, instances: ReadonlyMap<string, string>): MemberGuard | undefined {
  const x = skipOuter(e);
  if (isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return guardIn(x.right, instances) ?? guardIn(x.left, instances);
  if (!isPropertyAccessExpression(x) || !isIdentifier(x.expression)) return undefined;
  const cls = instances.get(x.expression.text);
  return cls === undefined ? undefined : { local: cls, member: x.name.text };
}

/**
 * The instance members of the file's top-level classes that extend none (their members are all
 * written here): properties, methods, getters, and `this.x =` of the constructor.
 */
export function classMembers(sf: ts.SourceFile): ExtractedFile['classMembers'] {
  let out: NonNullable<ExtractedFile['classMembers']> | undefined;
  for (const st of sf.statements) {
    if (!isClassDeclaration(st) || !st.name || st.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword)) continue;
    (out ??= {})[st.name.text] = ownMembers(st);
  }
  return out;
}

/**
 * The file's top-level classes extending a class named by an identifier (`class Users extends
 * BaseService<User>`): the base's name here and the members written here; collect.ts adds the
 * base's, found in the file or through its import, so a chain of the project's classes is known.
 */
export function classBases(sf: ts.SourceFile): ExtractedFile['classBases'] {
  let out: NonNullable<ExtractedFile['classBases']> | undefined;
  for (const st of sf.statements) {
    const base = isClassDeclaration(st) && st.name ? st.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression : undefined;
    if (!base || !isIdentifier(base) || !isClassDeclaration(st) || !st.name) continue;
    (out ??= {})[st.name.text] = { base: base.text, members: ownMembers(st) };
  }
  return out;
}

/** Properties, methods, getters, and `this.x =` of the constructor, a class writes itself. */
function ownMembers(st: ts.ClassDeclaration): string[] {
  const names = new Set<string>();
  for (const m of st.members) {
    if ((isPropertyDeclaration(m) || isMethodDeclaration(m) || isGetAccessorDeclaration(m)) && isIdentifier(m.name)) names.add(m.name.text);
    if (isConstructorDeclaration(m) && m.body) for (const s of m.body.statements) {
      const field = thisAssignment(s)?.field;
      if (field !== undefined) names.add(field);
    }
  }
  return [...names];
}

/** A statement `this.field = value;` (a constructor's, say): the field and the value. */
export function thisAssignment(s: ts.Statement): { field: string; value: ts.Expression } | undefined {
  const e = isExpressionStatement(s) ? s.expression : undefined;
  if (!e || !isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = e.left;
  return isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword ? { field: left.name.text, value: e.right } : undefined;
}
