// String methods that keep a text known statically known: `(process.env.BASE || '/').trim()`,
// `name.toLowerCase()`. Only those taking no argument, whose result is the text's alone.
import type ts from './compiler';
import { isCallExpression, isPropertyAccessExpression } from './tsNodes';
import { literalOf, str, type ConstValue } from './values';
import { skipOuter } from './tsSyntax';

const TEXT_METHODS: Readonly<Record<string, (text: string) => string>> = {
  trim: (t) => t.trim(),
  trimStart: (t) => t.trimStart(),
  trimEnd: (t) => t.trimEnd(),
  toLowerCase: (t) => t.toLowerCase(),
  toUpperCase: (t) => t.toUpperCase(),
};

/** The text a call of one of TEXT_METHODS gives on a text known statically; undefined otherwise. */
export function textMethodValue(call: ts.CallExpression, evaluate: (e: ts.Expression) => ConstValue | undefined): ConstValue | undefined {
  const callee = skipOuter(call.expression);
  if (!isCallExpression(call) || call.arguments.length > 0 || !isPropertyAccessExpression(callee) || !Object.hasOwn(TEXT_METHODS, callee.name.text)) return undefined;
  const text = literalOf(evaluate(callee.expression));
  return text !== undefined ? str((TEXT_METHODS[callee.name.text] as (t: string) => string)(text)) : undefined;
}
