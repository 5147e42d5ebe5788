// Routes a router factory registers only under some of its options (`if (options.admin)
// router.get('/admin', h)`), and what a call of the factory gives those options: collect.ts keeps
// such a route for an instance only when the call's options can make the condition hold.
import ts from './compiler';
import { forEachChild, isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isBindingElement, isClassExpression, isConditionalExpression, isFunctionDeclaration, isFunctionExpression, isIdentifier, isMethodDeclaration, isNewExpression, isNoSubstitutionTemplateLiteral, isNumericLiteral, isObjectBindingPattern, isObjectLiteralExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isSpreadAssignment, isSpreadElement, isStringLiteral, isTemplateExpression, isVariableDeclaration, isVariableDeclarationList } from './tsNodes';
import type { ArgCondition, GivenObject } from './extracted';
import { enclosingFunction } from './routeSyntax';
import { skipOuter } from './tsSyntax';

type Fn = ts.FunctionLikeDeclaration;

/**
 * What must hold of the enclosing functions' parameters for each branch of `if (test)` to run:
 * `options.admin`, a `const admin = options.admin` or `const { admin } = options` of the function,
 * a destructured parameter (`{ admin }`), under `!`, each operand of `&&` (then) and of `||` (else).
 * Only what is certain: any other test says nothing of the options.
 */
export function branchConditions(test: ts.Expression): { then: ArgCondition[]; otherwise: ArgCondition[] } {
  return { then: holding(test, true), otherwise: holding(test, false) };
}

/** The conditions that hold when `e` is truthy (`truthy`) or falsy. */
function holding(e: ts.Expression, truthy: boolean): ArgCondition[] {
  const x = skipOuter(e);
  if (isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) return holding(x.operand, !truthy);
  if (isBinaryExpression(x)) {
    const op = x.operatorToken.kind;
    // `a && b` true: both are; `a || b` false: neither is. The other way round says nothing of either.
    if ((op === ts.SyntaxKind.AmpersandAmpersandToken && truthy) || (op === ts.SyntaxKind.BarBarToken && !truthy)) return [...holding(x.left, truthy), ...holding(x.right, truthy)];
    return [];
  }
  const option = optionOf(x);
  return option ? [{ ...option, truthy }] : [];
}

/** The parameter property an expression reads: `options.admin`, or a name bound to one. */
function optionOf(e: ts.Expression): Omit<ArgCondition, 'truthy'> | undefined {
  if (isPropertyAccessExpression(e) && isIdentifier(e.expression)) {
    const param = paramOf(e.expression.text, e);
    return param && param.prop === undefined ? { ...param, prop: e.name.text } : undefined;
  }
  if (!isIdentifier(e)) return undefined;
  const param = paramOf(e.text, e);
  return param && param.prop !== undefined ? { fn: param.fn, param: param.param, prop: param.prop } : undefined;
}

/**
 * The function parameter `name` stands for at `at`: the parameter itself (no prop), a property of
 * a destructured one, or a `const` of the function reading a property of one. Undefined when the
 * nearest function declaring the name declares it otherwise, or when that function has no name.
 */
export function paramOf(name: string, at: ts.Node): { fn: string; param: number; prop?: string } | undefined {
  for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
    const index = fn.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === name);
    if (index >= 0) return named(fn, { param: index });
    for (const [i, p] of fn.parameters.entries()) {
      const el = isObjectBindingPattern(p.name) ? p.name.elements.find((b) => isIdentifier(b.name) && b.name.text === name) : undefined;
      // A default (`{ admin = true }`) stands for the property when the call leaves it out: not read.
      if (el) return !el.dotDotDotToken && !el.initializer ? named(fn, { param: i, prop: bindingProp(el) }) : undefined;
    }
    const decl = localConst(fn, name);
    if (decl) return readsParam(fn, decl);
  }
  return undefined;
}

/** The property a binding element reads: `{ admin }`, `{ admin: isAdmin }`. */
function bindingProp(el: ts.BindingElement): string | undefined {
  const key = el.propertyName ?? el.name;
  return isIdentifier(key) || isStringLiteral(key) ? key.text : undefined;
}

/** `const admin = options.admin` or `const { admin } = options` of `fn` (its own, not a nested function's): the parameter property read. */
function readsParam(fn: Fn, decl: ts.VariableDeclaration | ts.BindingElement): { fn: string; param: number; prop?: string } | undefined {
  const own = (name: string) => {
    const index = fn.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === name);
    return index >= 0 ? index : undefined;
  };
  if (isBindingElement(decl)) {
    const init = skipOuter((decl.parent.parent as ts.VariableDeclaration).initializer as ts.Expression);
    const index = isIdentifier(init) ? own(init.text) : undefined;
    const prop = bindingProp(decl);
    return index !== undefined && prop !== undefined && !decl.initializer && !decl.dotDotDotToken ? named(fn, { param: index, prop }) : undefined;
  }
  const init = decl.initializer ? skipOuter(decl.initializer) : undefined;
  const index = init && isPropertyAccessExpression(init) && isIdentifier(init.expression) ? own(init.expression.text) : undefined;
  return index !== undefined && init && isPropertyAccessExpression(init) ? named(fn, { param: index, prop: init.name.text }) : undefined;
}

/** A `const` declaring `name` in `fn`'s own body (not in a function inside it), as a variable or a destructured element. */
function localConst(fn: Fn, name: string): ts.VariableDeclaration | ts.BindingElement | undefined {
  let found: ts.VariableDeclaration | ts.BindingElement | undefined;
  const walk = (n: ts.Node): void => {
    if (found || (n !== fn.body && (isArrowFunction(n) || isFunctionExpression(n) || isFunctionDeclaration(n) || isMethodDeclaration(n) || isClassExpression(n)))) return;
    if (isVariableDeclaration(n) && isVariableDeclarationList(n.parent) && (n.parent.flags & ts.NodeFlags.Const) !== 0 && n.initializer) {
      if (isIdentifier(n.name) && n.name.text === name) found = n;
      else if (isObjectBindingPattern(n.name)) found = n.name.elements.find((b) => isIdentifier(b.name) && b.name.text === name);
      if (found) return;
    }
    forEachChild(n, walk);
  };
  if (fn.body) walk(fn.body);
  return found;
}

/** The condition's function by its name: a function declaration's, or the variable's an arrow or function expression is assigned to. */
function named(fn: Fn, at: { param: number; prop?: string }): { fn: string; param: number; prop?: string } | undefined {
  const name = fn.name && isIdentifier(fn.name) ? fn.name.text : isVariableDeclaration(fn.parent) && isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
  return name === undefined ? undefined : { fn: name, ...at };
}

/**
 * What a call gives each parameter: for an object literal, each property's truthiness (null where
 * not known) and whether it may hold others (a spread of anything but object literals); null for
 * any other argument. A spread `...(c ? { a } : {})` may give `a`: not known.
 */
export function givenArgs(call: ts.CallExpression): Array<GivenObject | null> | undefined {
  // `f(...args)`: no argument is known at its position.
  if (call.arguments.some((a) => isSpreadElement(a))) return undefined;
  const out = call.arguments.map((a) => givenObject(skipOuter(a)));
  return out.some((a) => a !== null) ? out : undefined;
}

function givenObject(e: ts.Expression): GivenObject | null {
  if (!isObjectLiteralExpression(e)) return null;
  const given: GivenObject = { props: {}, closed: true };
  for (const p of e.properties) {
    if (isSpreadAssignment(p)) {
      spread(given, skipOuter(p.expression));
      continue;
    }
    const name = p.name && (isIdentifier(p.name) || isStringLiteral(p.name)) ? p.name.text : undefined;
    if (name === undefined) {
      open(given);
      continue;
    }
    given.props[name] = isPropertyAssignment(p) ? truthiness(p.initializer) : isShorthandPropertyAssignment(p) ? null : true;
  }
  return given;
}

/** Another object spread into `given`: its properties (maybe given where it is chosen at run time), or any when not known. */
function spread(given: GivenObject, e: ts.Expression): void {
  const alternatives = isConditionalExpression(e) ? [e.whenTrue, e.whenFalse] : isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? [e.right] : [e];
  const objects = alternatives.map((a) => givenObject(skipOuter(a)));
  if (objects.some((o) => o === null || !o.closed)) return open(given);
  const certain = objects.length === 1 && alternatives[0] === e;
  for (const o of objects) for (const [name, v] of Object.entries((o as GivenObject).props)) given.props[name] = certain ? v : null;
}

/** Any property may be given: none is known absent, none known as it was. */
function open(given: GivenObject): void {
  given.closed = false;
  for (const name of Object.keys(given.props)) given.props[name] = null;
}

/** Whether an expression is truthy, where its form says: a function, an object, a literal; null for anything else. */
function truthiness(e: ts.Expression): boolean | null {
  const x = skipOuter(e);
  if (isArrowFunction(x) || isFunctionExpression(x) || isClassExpression(x) || isObjectLiteralExpression(x) || isArrayLiteralExpression(x) || isNewExpression(x) || isTemplateExpression(x)) return true;
  if (isStringLiteral(x) || isNoSubstitutionTemplateLiteral(x)) return x.text !== '';
  if (isNumericLiteral(x)) return Number(x.text) !== 0;
  if (x.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (x.kind === ts.SyntaxKind.FalseKeyword || x.kind === ts.SyntaxKind.NullKeyword) return false;
  if (isIdentifier(x) && x.text === 'undefined') return false;
  return null;
}
