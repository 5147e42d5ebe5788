// Functions that hand back the list they are given, or a part of it: `static go(routes, env) { if
// (prod(env)) return this.kept(routes); return routes }` with `kept(routes) { return routes.filter(...) }`.
// What such a call gives is at most its argument's elements, so a route table passed through one
// (`server.route(Filter.go(routes, env))`) is read as that argument: the filter only leaves some out
// in some environments, and which is decided at run time.
import ts from './compiler';
import { isCallExpression, isIdentifier, isPropertyAccessExpression } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { returnedValues } from './routeSyntax';

/** Array methods that give back some of the array's own elements, in a new array or the same one. */
const SUBSET_METHODS = new Set(['filter', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed']);

/** How deep calls between sibling functions are followed. */
const MAX_DEPTH = 4;

/** A function (or method) `passedParam` reads, and its siblings by name (`this.kept(...)` of a class, `kept(...)` of a file). */
type Sibling = (name: string, viaThis: boolean) => ts.FunctionLikeDeclaration | undefined;

/**
 * The index of the parameter every `return` of `fn` gives back, itself or through an array method
 * keeping some of its elements (SUBSET_METHODS), or through a sibling that does the same with it;
 * undefined when any return is something else, or there is none.
 */
export function passedParam(fn: ts.FunctionLikeDeclaration, sibling: Sibling, depth = 0): number | undefined {
  if (!fn.body || depth > MAX_DEPTH) return undefined;
  const returned = returnedValues(fn.body);
  let index: number | undefined;
  for (const r of returned) {
    const at = passedBy(fn, skipOuter(r), sibling, depth);
    if (at === undefined || (index !== undefined && at !== index)) return undefined;
    index = at;
  }
  return index;
}

/** The parameter of `fn` one returned expression gives back, if it is one. */
function passedBy(fn: ts.FunctionLikeDeclaration, e: ts.Expression, sibling: Sibling, depth: number): number | undefined {
  if (isIdentifier(e)) {
    const i = fn.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === e.text);
    return i >= 0 ? i : undefined;
  }
  if (!isCallExpression(e)) return undefined;
  const callee = skipOuter(e.expression);
  // `routes.filter((r) => ...)`: some of the parameter's elements.
  if (isPropertyAccessExpression(callee) && SUBSET_METHODS.has(callee.name.text)) return passedBy(fn, skipOuter(callee.expression), sibling, depth);
  // `this.kept(routes)`, `kept(routes)`: a sibling that passes its own parameter through, given one of ours.
  const viaThis = isPropertyAccessExpression(callee) && skipOuter(callee.expression).kind === ts.SyntaxKind.ThisKeyword;
  const name = viaThis ? (callee as ts.PropertyAccessExpression).name.text : isIdentifier(callee) ? callee.text : undefined;
  const target = name !== undefined ? sibling(name, viaThis) : undefined;
  const inner = target && target !== fn ? passedParam(target, sibling, depth + 1) : undefined;
  const arg = inner !== undefined ? e.arguments[inner] : undefined;
  return arg ? passedBy(fn, skipOuter(arg), sibling, depth) : undefined;
}
