// The class a method call's receiver is an instance of, where the code says so, for routes a class
// declares in a method its instance is asked for (`app.use(accounts.route())`) or handed a router
// (`group('/api', (app) => this.codes.route(app))`):
//   - `this` in a method: the class around it;
//   - `this.codes`: a constructor parameter property (`constructor(private codes: Codes)`, a
//     dependency-injection `@inject(Codes) private codes: ICodes` naming the class it is given) or
//     a field declared with the class as its type or its `new` (`codes = new Codes()`);
//   - a name holding `new Codes()` or a container's instance (`container.resolve(Codes)`,
//     `container.get(Codes)`), or that call written in place.
import ts from './compiler';
import { getDecorators, isCallExpression, isClassLike, isConstructorDeclaration, isExpression, isFunctionLike, isIdentifier, isNewExpression, isPropertyAccessExpression, isPropertyDeclaration, isTypeReferenceNode } from './tsNodes';
import { skipOuter } from './tsSyntax';

/** The class a container call gives an instance of: `x.get(Cls)`, `x.resolve(Cls)` with one class-named argument. */
export function containerInstance(e: ts.Expression): string | undefined {
  if (!isCallExpression(e) || !isPropertyAccessExpression(e.expression) || !/^(?:get|resolve)$/.test(e.expression.name.text)) return undefined;
  const [arg, ...rest] = e.arguments;
  return arg && rest.length === 0 && isIdentifier(arg) && /^[A-Z]/.test(arg.text) ? arg.text : undefined;
}

/** `new Codes(...)` or `container.resolve(Codes)`: the class named. */
function madeClass(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  if (isNewExpression(x) && isIdentifier(x.expression)) return x.expression.text;
  return containerInstance(x);
}

/** The class a type names when it is a plain class-like name (`Codes`, `Codes<T>`). */
function typeClass(type: ts.TypeNode | undefined): string | undefined {
  return type && isTypeReferenceNode(type) && isIdentifier(type.typeName) ? type.typeName.text : undefined;
}

/** `@inject(Codes)` on a parameter or field: the class it is given (tsyringe, inversify). */
function injectedClass(node: ts.Node): string | undefined {
  for (const d of ts.canHaveDecorators(node) ? (getDecorators(node) ?? []) : []) {
    const call = d.expression;
    const arg = isCallExpression(call) && isIdentifier(call.expression) && /^inject$/i.test(call.expression.text) && call.arguments.length === 1 ? call.arguments[0] : undefined;
    if (arg && isIdentifier(arg) && /^[A-Z]/.test(arg.text)) return arg.text;
  }
  return undefined;
}

/** The class of the instance a field of `cls` holds: its parameter property or its declaration. */
function fieldClass(cls: ts.ClassLikeDeclaration, name: string): string | undefined {
  for (const m of cls.members) {
    if (isPropertyDeclaration(m) && isIdentifier(m.name) && m.name.text === name) return injectedClass(m) ?? (m.initializer ? madeClass(m.initializer) : undefined) ?? typeClass(m.type);
    if (!isConstructorDeclaration(m)) continue;
    const p = m.parameters.find((x) => isIdentifier(x.name) && x.name.text === name && ts.getModifiers(x)?.length);
    if (p) return injectedClass(p) ?? typeClass(p.type);
  }
  return undefined;
}

/** The class around a node. */
function enclosingClass(at: ts.Node): ts.ClassLikeDeclaration | undefined {
  let cur: ts.Node | undefined = at.parent;
  while (cur && !isClassLike(cur)) cur = cur.parent;
  return cur;
}

/**
 * The class an expression's value is an instance of (see the file's head); `held` gives the value a
 * name of the file is declared with. Undefined when the code does not say.
 */
export function receiverClass(e: ts.Expression, held: (name: string) => ts.Node | undefined): string | undefined {
  const x = skipOuter(e);
  if (x.kind === ts.SyntaxKind.ThisKeyword) return enclosingClass(x)?.name?.text;
  if (isPropertyAccessExpression(x) && x.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(x);
    return cls ? fieldClass(cls, x.name.text) : undefined;
  }
  if (!isIdentifier(x)) return madeClass(x);
  const init = held(x.text);
  return init && isExpression(init) ? madeClass(init) : undefined;
}

/**
 * The class a value is declared to be an instance of, where its declaration says so: `this.cfg` of
 * a field or constructor parameter property typed with (or made as, or injected as) a class, a
 * parameter of a function around it typed with one (`configure(app, cfg: AppSettings)`). What the
 * value holds is then what any instance of the class holds: its fields' defaults, its getters.
 */
export function declaredClass(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  if (isPropertyAccessExpression(x) && x.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(x);
    return cls ? fieldClass(cls, x.name.text) : undefined;
  }
  if (!isIdentifier(x)) return undefined;
  for (let cur: ts.Node | undefined = x.parent; cur; cur = cur.parent) {
    if (!isFunctionLike(cur)) continue;
    const p = cur.parameters.find((q) => isIdentifier(q.name) && q.name.text === x.text);
    if (p) return injectedClass(p) ?? typeClass(p.type);
  }
  return undefined;
}
