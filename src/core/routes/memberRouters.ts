// A class that builds a router in its constructor and keeps it in a field of the instance:
//
//   class Hub { constructor() { const router = Router(); router.get('/items', h); this.middleware = router; } }
//   app.use('/hub', new Hub().middleware)
//
// The routes are declared on the constructor's local router; the mount names the instance's field.
// Each such field is recorded by class and member (`Hub#middleware` -> `router`), so a mount of
// that member of an instance (collect.ts resolveClassMount) serves the local router's routes.
// A method returning a router it makes is read the same way (`route() { return new Elysia().get(...) }`
// asked as `app.use(hub.route())`: `Hub#route` -> that router).
import ts from './compiler';
import { isBinaryExpression, isClassDeclaration, isConstructorDeclaration, isExpressionStatement, isIdentifier, isMethodDeclaration, isPropertyAccessExpression } from './tsNodes';
import { returnedExpression } from './routeSyntax';
import { skipOuter } from './tsSyntax';

/**
 * The fields of the file's top-level classes that their constructor sets to one of `routers` (the
 * names routes or mounts of this file are declared on): `Class#field` -> router name. Undefined
 * when there is none.
 */
export function memberRouters(sf: ts.SourceFile, routers: ReadonlySet<string>, returned: (e: ts.Expression) => string | undefined): Record<string, string> | undefined {
  if (routers.size === 0) return undefined;
  const out: Record<string, string> = {};
  for (const st of sf.statements) {
    if (!isClassDeclaration(st) || !st.name) continue;
    for (const m of st.members) {
      const made = isMethodDeclaration(m) && isIdentifier(m.name) ? madeRouter(m, routers, returned) : undefined;
      if (made !== undefined) out[`${st.name.text}#${(m.name as ts.Identifier).text}`] = made;
      if (!isConstructorDeclaration(m) || !m.body) continue;
      for (const s of m.body.statements) {
        const e = isExpressionStatement(s) ? skipOuter(s.expression) : undefined;
        if (!e || !isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
        const left = e.left;
        const right = skipOuter(e.right);
        if (!isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword || !isIdentifier(right)) continue;
        if (routers.has(right.text)) out[`${st.name.text}#${left.name.text}`] = right.text;
      }
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The router a method returns when it is one this file declares routes or mounts on and not one of
 * the method's parameters (a router handed in is the caller's: routerParams).
 */
function madeRouter(m: ts.MethodDeclaration, routers: ReadonlySet<string>, returned: (e: ts.Expression) => string | undefined): string | undefined {
  const e = m.body ? returnedExpression(m) : undefined;
  const name = e ? returned(e) : undefined;
  const params = new Set(m.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : '')));
  return name !== undefined && routers.has(name) && !params.has(name) ? name : undefined;
}
