// A request handler reached through a field of an object that a module's factory fills:
//
//   app.kit.handlers = require('./handlers')(app);                       // server.js
//   app.use('/settings.json', app.kit.handlers.settings);
//   module.exports = (app) => ({ settings: require('./settings')(app) }); // handlers.js
//   module.exports = (app) => { const shown = {}; ...; return (req, res) => res.json(shown); }; // settings.js
//
// madeFields: the member chains of a file each assigned exactly once, to a call of a loaded module
// (that module's factory); factoryLoads: the properties of the object literal every return of a
// module's function gives, each a call of a loaded module. collect.ts addEndpointRoutes follows a
// mount of `<chain>.<member>` through both to a module whose function makes a handler ('*()').
import ts from './compiler';
import { forEachChild, isBinaryExpression, isCallExpression, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment } from './tsNodes';
import { dottedName, returnedExpressions, skipOuter } from './tsSyntax';
import { requireSource } from './moduleLoads';

/** `require('./handlers')(app)`: the module whose function is called; undefined for any other value. */
function calledLoad(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  return isCallExpression(x) ? requireSource(skipOuter(x.expression)) : undefined;
}

/** Member chains (`app.kit.handlers`) assigned only a call of a loaded module's function, each to that module's specifier. */
export function madeFields(sf: ts.SourceFile): Record<string, string> | undefined {
  const out = new Map<string, string | undefined>();
  const walk = (n: ts.Node): void => {
    if (isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && isPropertyAccessExpression(skipOuter(n.left))) {
      const chain = dottedName(n.left, true);
      const source = calledLoad(n.right);
      // Assigned anything else, or another module's call, the field is not known.
      if (chain !== undefined) out.set(chain, out.has(chain) && out.get(chain) !== source ? undefined : source);
    }
    forEachChild(n, walk);
  };
  walk(sf);
  const known = [...out].filter((e): e is [string, string] => e[1] !== undefined);
  return known.length > 0 ? Object.fromEntries(known) : undefined;
}

/** The properties of the object literal every return of `fn` gives that hold a call of a loaded module's function (`settings: require('./settings')(app)`). */
export function factoryLoads(fn: ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction): Record<string, string> | undefined {
  const returned = returnedExpressions(fn).map(skipOuter);
  if (returned.length === 0 || !returned.every(isObjectLiteralExpression)) return undefined;
  const out: Record<string, string> = {};
  for (const o of returned as ts.ObjectLiteralExpression[]) {
    for (const p of o.properties) {
      const source = isPropertyAssignment(p) && isIdentifier(p.name) ? calledLoad(p.initializer) : undefined;
      if (source !== undefined && isPropertyAssignment(p) && isIdentifier(p.name)) out[p.name.text] = source;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
