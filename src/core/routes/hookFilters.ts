// Values that pass through a call unchanged as far as a scan can know: a plugin system's filter hook
// (`await plugins.hooks.fire('filter:router.add', { mounts })`, `applyFilters('routes', list)`),
// which hands back the data it is given when no plugin is installed (the project's own code is all
// the scan reads); and an object built from a list by `reduce`, one key per element
// (`names.reduce((memo, name) => { memo[name] = name; return memo; }, {})`).
import ts from './compiler';
import { isArrowFunction, isBinaryExpression, isBlock, isComputedPropertyName, isElementAccessExpression, isExpressionStatement, isFunctionExpression, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isReturnStatement, isSpreadAssignment, isStringLiteralLike } from './tsNodes';
import { isNamed, skipOuter } from './tsSyntax';

/** A hook's name naming a filter: its handlers each take the value and hand it (changed) back. */
const FILTER_HOOK_NAME = /^filters?[:.]/i;

/** Functions running a named filter over a value (WordPress-style hooks): `applyFilters(name, value, ...)`. */
const APPLY_FILTERS = /^applyFilters?(?:Async|Sync)?$/;

/**
 * The data a filter hook's call hands back with no handler registered: its second argument, for a
 * call naming a filter hook by a literal first argument (`hooks.fire('filter:x', data)`) or a call
 * of `applyFilters(name, data)`. Undefined for any other call.
 */
export function filteredData(call: ts.CallExpression): ts.Expression | undefined {
  const [name, data] = call.arguments;
  if (!name || !data || call.arguments.length > 3) return undefined;
  const callee = skipOuter(call.expression);
  const fn = isPropertyAccessExpression(callee) ? callee.name.text : isIdentifier(callee) ? callee.text : undefined;
  const named = skipOuter(name);
  if (isStringLiteralLike(named) && FILTER_HOOK_NAME.test(named.text)) return data;
  return fn !== undefined && APPLY_FILTERS.test(fn) ? data : undefined;
}

/** What one pass of a reduce adds: the accumulator's key and value, as expressions of the element. */
export interface ReducedEntries {
  list: ts.Expression;
  element: string;
  entries: Array<[ts.Expression | string, ts.Expression]>;
}

/**
 * `list.reduce((acc, el) => { acc[k] = v; return acc; }, {})` or `(acc, el) => ({ ...acc, [k]: v })`:
 * the list, the element's name and what each pass writes. Undefined for any other reduce (one whose
 * callback does anything else, or starts from anything but an empty object).
 */
export function reducedEntries(call: ts.CallExpression): ReducedEntries | undefined {
  const callee = skipOuter(call.expression);
  const [fn, start] = call.arguments.map(skipOuter);
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'reduce' || !fn || !start) return undefined;
  if (!isObjectLiteralExpression(start) || start.properties.length > 0 || !(isArrowFunction(fn) || isFunctionExpression(fn))) return undefined;
  const [acc, el] = fn.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : undefined));
  if (acc === undefined || el === undefined || fn.parameters.length > 2) return undefined;
  const entries = isBlock(fn.body) ? assignedEntries(fn.body, acc) : spreadEntries(fn.body, acc);
  return entries && entries.length > 0 ? { list: callee.expression, element: el, entries } : undefined;
}

/** `{ acc[k] = v; ...; return acc; }`: each `acc[k] = v` (or `acc.k = v`); undefined when the block does anything else. */
function assignedEntries(body: ts.Block, acc: string): Array<[ts.Expression | string, ts.Expression]> | undefined {
  const out: Array<[ts.Expression | string, ts.Expression]> = [];
  const last = body.statements[body.statements.length - 1];
  if (!last || !isReturnStatement(last) || !last.expression || !isNamed(last.expression, acc)) return undefined;
  for (const st of body.statements.slice(0, -1)) {
    const e = isExpressionStatement(st) ? skipOuter(st.expression) : undefined;
    if (!e || !isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
    const target = skipOuter(e.left);
    if (isElementAccessExpression(target) && isNamed(target.expression, acc)) out.push([target.argumentExpression, e.right]);
    else if (isPropertyAccessExpression(target) && isNamed(target.expression, acc)) out.push([target.name.text, e.right]);
    else return undefined;
  }
  return out;
}

/** `({ ...acc, [k]: v })`: each computed or named property after the accumulator's spread. */
function spreadEntries(body: ts.Expression, acc: string): Array<[ts.Expression | string, ts.Expression]> | undefined {
  const o = skipOuter(body);
  if (!isObjectLiteralExpression(o)) return undefined;
  const [first, ...rest] = o.properties;
  if (!first || !isSpreadAssignment(first) || !isNamed(first.expression, acc)) return undefined;
  const out: Array<[ts.Expression | string, ts.Expression]> = [];
  for (const p of rest) {
    if (!isPropertyAssignment(p)) return undefined;
    const key = isComputedPropertyName(p.name) ? p.name.expression : isIdentifier(p.name) || isStringLiteralLike(p.name) ? p.name.text : undefined;
    if (key === undefined) return undefined;
    out.push([key, p.initializer]);
  }
  return out;
}
