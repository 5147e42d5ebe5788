// `Object.values(x)` where route options are gathered (`server.route([...Object.values(userRoutes)])`):
// the values of an object known here, or, for another file's value (a reference, a namespace import
// among them), a reference ending in VALUES that collect.ts lists once the import is resolved.
import ts from './compiler';
import { isIdentifier, isPropertyAccessExpression } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { SPREAD, VALUES, soleRef, str, type ConstValue } from './values';

/** `Object.values(x)`, one argument. */
export function isObjectValuesCall(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  return isPropertyAccessExpression(callee) && callee.name.text === 'values' && isIdentifier(callee.expression) && callee.expression.text === 'Object' && call.arguments.length === 1;
}

/**
 * What `Object.values` of `v` gives: the values of an object written here (an object whose keys are
 * not all known gives nothing), a reference to the values of another file's one; else undefined.
 */
export function objectValues(v: ConstValue | undefined): ConstValue | undefined {
  if (v?.kind === 'obj') return v.other === undefined && !Object.hasOwn(v.props, SPREAD) ? { kind: 'arr', items: Object.values(v.props) } : undefined;
  const ref = soleRef(v);
  return ref && !ref.path.includes(VALUES) ? str({ ref: { ...ref, path: [...ref.path, VALUES] } }) : undefined;
}
