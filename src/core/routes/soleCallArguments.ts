// A parameter of a function the file calls exactly once, and names nowhere else: what that call
// passes for it. `async function mountAll(dir: string, base: string) { for (const f of
// readdirSync(dir)) router.use(`${base}/${f}`, ...) }` then `await mountAll(apiDir, '/api')`: dir is
// apiDir and base '/api', as if the body were written at the call. A function exported, passed
// along, called twice or calling itself gets nothing: its parameters stay unknown.
import ts from './compiler';
import { forEachChild, isArrowFunction, isCallExpression, isFunctionDeclaration, isFunctionExpression, isIdentifier, isSpreadElement, isVariableDeclaration } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { enclosingFunction, hasModifier } from './routeSyntax';

/** Per function: its one call's arguments, or null when it has no such single call. */
const callsByFunction = new WeakMap<ts.Node, readonly ts.Expression[] | null>();

/** The expression the one call of the function around `id` passes for the parameter `id` names (see the file's comment). */
export function soleCallArgument(id: ts.Identifier): ts.Expression | undefined {
  for (let fn = enclosingFunction(id); fn; fn = enclosingFunction(fn)) {
    const index = fn.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === id.text);
    if (index < 0) continue;
    if (fn.parameters[index]?.dotDotDotToken) return undefined;
    const args = soleCallArguments(fn);
    const arg = args?.[index];
    return arg && !isSpreadElement(arg) ? skipOuter(arg) : undefined;
  }
  return undefined;
}

function soleCallArguments(fn: ts.FunctionLikeDeclaration): readonly ts.Expression[] | undefined {
  const known = callsByFunction.get(fn);
  if (known !== undefined) return known ?? undefined;
  const found = findSoleCall(fn);
  callsByFunction.set(fn, found ?? null);
  return found;
}

/** The name a plain function of the file goes by: `function f() {}`, `const f = () => {}`, `const f = function () {}`; not exported. */
function ownName(fn: ts.FunctionLikeDeclaration): ts.Identifier | undefined {
  if (isFunctionDeclaration(fn)) return fn.name && !hasModifier(fn, ts.SyntaxKind.ExportKeyword) ? fn.name : undefined;
  if (!isArrowFunction(fn) && !isFunctionExpression(fn)) return undefined;
  const decl = fn.parent;
  if (!isVariableDeclaration(decl) || decl.initializer !== fn || !isIdentifier(decl.name)) return undefined;
  const statement = decl.parent?.parent;
  return statement && hasModifier(statement, ts.SyntaxKind.ExportKeyword) ? undefined : decl.name;
}

function findSoleCall(fn: ts.FunctionLikeDeclaration): readonly ts.Expression[] | undefined {
  const name = ownName(fn);
  if (!name) return undefined;
  const uses: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (isIdentifier(n) && n.text === name.text && n !== name) uses.push(n);
    forEachChild(n, visit);
  };
  visit(fn.getSourceFile());
  const [use] = uses;
  if (uses.length !== 1 || !use) return undefined;
  const call = use.parent;
  if (!call || !isCallExpression(call) || skipOuter(call.expression) !== use) return undefined;
  for (let cur: ts.Node | undefined = call; cur; cur = cur.parent) if (cur === fn) return undefined;
  return call.arguments;
}
