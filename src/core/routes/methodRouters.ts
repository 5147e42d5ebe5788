// Routes a router class registers in a method of its own, once per call with that call's values:
// `addRelationRoutes(queries, pathname) { this.get(`/:id/${pathname}`, h) }` called as
// `router.addRelationRoutes(rolesScopes, 'scopes')` on an instance. Such a method is a router of its
// own (`class SchemaRouter#addRelationRoutes`), its parameters read as the constructor's are
// (`$0`, `$1`...), mounted on the instance at each call with that call's arguments (collect.ts).
import ts from './compiler';
import { forEachChild, isArrowFunction, isCallExpression, isFunctionLike, isIdentifier, isMethodDeclaration, isNewExpression, isPropertyAccessExpression, isTypeReferenceNode } from './tsNodes';
import { CLASS_ROUTER, methodRouterName } from './extracted';
import { subclassRouter } from './routeSyntax';
import { ROUTER_METHODS } from './routeSpec';
import { skipOuter } from './tsSyntax';

const routeMethods = new WeakMap<ts.MethodDeclaration, boolean>();

/**
 * The router of the method around `at` (through the arrow functions in it) when that method
 * registers routes on `this` whose paths use its parameters; undefined elsewhere (a constructor, a
 * method whose routes do not depend on how it is called: those are the class's own).
 */
export function methodRouterOf(at: ts.Node): string | undefined {
  let cur: ts.Node | undefined = at.parent;
  while (cur && (isArrowFunction(cur) || !isFunctionLike(cur))) cur = cur.parent;
  return cur && isMethodDeclaration(cur) ? methodRouter(cur) : undefined;
}

/** Whether a class has a method of that name that is a method router (`x.addRelationRoutes(...)` on its instance may mount routes). */
export function declaresMethodRouter(cls: ts.ClassDeclaration, method: string): boolean {
  return cls.members.some((m) => isMethodDeclaration(m) && isIdentifier(m.name) && m.name.text === method && methodRouter(m) !== undefined);
}

/** `class SchemaRouter#addRelationRoutes` for that method, when it is such a method of a router subclass. */
export function methodRouter(m: ts.MethodDeclaration): string | undefined {
  if (!m.body || !isIdentifier(m.name) || m.parameters.length === 0 || m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) return undefined;
  const own = subclassRouter(m);
  if (own === undefined) return undefined;
  let registers = routeMethods.get(m);
  if (registers === undefined) {
    registers = registersByParams(m);
    routeMethods.set(m, registers);
  }
  return registers ? methodRouterName(own.slice(CLASS_ROUTER.length), m.name.text) : undefined;
}

/** Whether a `this.<verb>(path, ...)` call in the method's body has a path naming one of its parameters. */
function registersByParams(m: ts.MethodDeclaration): boolean {
  const params = new Set(m.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : '')).filter((n) => n !== ''));
  const names = (n: ts.Node): boolean => (isIdentifier(n) && params.has(n.text)) || (forEachChild(n, names) ?? false);
  const find = (n: ts.Node): boolean => {
    if (isCallExpression(n) && isPropertyAccessExpression(n.expression) && n.expression.name.text in ROUTER_METHODS) {
      const onThis = skipOuter(n.expression.expression).kind === ts.SyntaxKind.ThisKeyword;
      const path = n.arguments[0];
      if (onThis && path && names(path)) return true;
    }
    return forEachChild(n, find) ?? false;
  };
  return m.body !== undefined && find(m.body);
}

/**
 * The class an instance named `name` at `at` is made of: `const router = new SchemaRouter(...)`
 * (its declaration given), or a parameter typed with it (`router: SchemaRouter<K>`).
 */
export function instanceClass(name: string, at: ts.Node, decl: ts.Node | undefined): string | undefined {
  if (decl && isNewExpression(decl) && isIdentifier(decl.expression)) return decl.expression.text;
  for (let cur: ts.Node | undefined = at.parent; cur; cur = cur.parent) {
    if (!isFunctionLike(cur)) continue;
    const p = cur.parameters.find((x) => isIdentifier(x.name) && x.name.text === name);
    if (!p) continue;
    return p.type && isTypeReferenceNode(p.type) && isIdentifier(p.type.typeName) ? p.type.typeName.text : undefined;
  }
  return undefined;
}
