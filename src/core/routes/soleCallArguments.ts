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
  const uses = identifiersNamed(fn.getSourceFile(), name.text).filter((n) => n !== name);
  const [use] = uses;
  if (uses.length !== 1 || !use) return undefined;
  const call = use.parent;
  if (!call || !isCallExpression(call) || skipOuter(call.expression) !== use) return undefined;
  for (let cur: ts.Node | undefined = call; cur; cur = cur.parent) if (cur === fn) return undefined;
  return call.arguments;
}

/** Per file: its identifiers by name, in the order a walk meets them; made at the second function asked of it. */
const identifiersByFile = new WeakMap<ts.SourceFile, Map<string, ts.Identifier[]>>();
/** Files a function was asked of once: the first ask walks for its name alone. */
const askedOnce = new WeakSet<ts.SourceFile>();

/**
 * The identifiers of the file named `text`, in walk order: a walk for that name at the file's first
 * ask, one walk indexing every name at its second (a file of many helper functions was walked once
 * per function before, its parameters read each in turn).
 */
function identifiersNamed(sf: ts.SourceFile, text: string): readonly ts.Identifier[] {
  const known = identifiersByFile.get(sf);
  if (known) return known.get(text) ?? [];
  if (!askedOnce.has(sf)) {
    askedOnce.add(sf);
    const found: ts.Identifier[] = [];
    walkIdentifiers(sf, (n) => n.text === text && found.push(n));
    return found;
  }
  const index = new Map<string, ts.Identifier[]>();
  walkIdentifiers(sf, (n) => {
    const same = index.get(n.text);
    if (same) same.push(n);
    else index.set(n.text, [n]);
  });
  identifiersByFile.set(sf, index);
  return index.get(text) ?? [];
}

/** Each identifier under `root`, in the order forEachChild meets them. */
function walkIdentifiers(root: ts.Node, meet: (n: ts.Identifier) => unknown): void {
  const visit = (n: ts.Node): void => {
    if (isIdentifier(n)) meet(n);
    forEachChild(n, visit);
  };
  visit(root);
}
