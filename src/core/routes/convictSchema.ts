// convict (`const conf = convict({ api: { version: { doc: '…', default: 1, env: 'API_VERSION' } } })`):
// the settings object the schema declares, each leaf (an object with a `default`) as that default,
// as `conf.getProperties()` and `conf.get('api.version')` give it when nothing else is set. What a
// loaded file (conf.loadFile) or the environment (`env:`) sets at run time is not known here: the
// default is what the source says when nothing is set, as a `process.env.X || '/v1'` fallback is read.
import type ts from './compiler';
import { isIdentifier, isObjectLiteralExpression, isPropertyAssignment, isStringLiteral } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { SPREAD, literalOf, type ConstValue } from './values';

/** The package convict is. */
export const CONVICT_PACKAGE = 'convict';

/** The method of a convict instance giving the whole settings object (`require('./config').getProperties()`). */
export const CONVICT_PROPERTIES = 'getProperties';

/**
 * The settings a convict schema declares, as an object value: a group (an object without `default`)
 * holds its keys, a leaf is its `default` evaluated. A leaf whose default is not known is left out,
 * and the object stays open (any other key not known).
 */
export function convictDefaults(schema: ts.ObjectLiteralExpression, evaluate: (e: ts.Expression) => ConstValue | undefined, depth = 0): ConstValue {
  const props: Record<string, ConstValue> = {};
  for (const p of schema.properties) {
    if (!isPropertyAssignment(p) || !(isIdentifier(p.name) || isStringLiteral(p.name))) continue;
    const x = skipOuter(p.initializer);
    if (!isObjectLiteralExpression(x)) continue;
    const d = defaultOf(x);
    const v = d ? evaluate(d) : depth < 8 ? convictDefaults(x, evaluate, depth + 1) : undefined;
    if (v) props[p.name.text] = v;
  }
  return { kind: 'obj', props, other: { [SPREAD]: null } };
}

function defaultOf(o: ts.ObjectLiteralExpression): ts.Expression | undefined {
  for (const p of o.properties) if (isPropertyAssignment(p) && isIdentifier(p.name) && p.name.text === 'default') return p.initializer;
  return undefined;
}

/** Each known text of a declared settings object by its dotted key (`{ api: { version: '1' } }` -> `api.version`: '1'). */
export function dottedTexts(v: ConstValue, key = '', out: Record<string, string> = {}, depth = 0): Record<string, string> {
  const text = literalOf(v);
  if (text !== undefined && key !== '') out[key] = text;
  else if (v.kind === 'obj' && depth < 8) for (const [k, x] of Object.entries(v.props)) dottedTexts(x, key === '' ? k : `${key}.${k}`, out, depth + 1);
  return out;
}
