// Express app settings as values: `app.set('base path', '/x')`, or every key of a configuration
// object set in a loop (`for (const k in config.server) app.set(k, config.server[k])`), read back by
// `app.get('base path')` in a mount or route path of any file (one argument: a setting read; two or
// more: a route). What one file sets, the project's app reads (the app is handed from file to file),
// so collect.ts looks a read up among the settings of every file.
import type ts from './compiler';
import { isCallExpression, isForInStatement, isForOfStatement, isIdentifier, isPropertyAccessExpression, isVariableDeclarationList } from './tsNodes';
import { skipOuter } from './tsSyntax';

/** `x.set(key, value)`: the key and the value; undefined for any other call. */
export function settingCall(call: ts.CallExpression): { key: ts.Expression; value: ts.Expression } | undefined {
  const callee = skipOuter(call.expression);
  const [key, value] = call.arguments;
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'set' || call.arguments.length !== 2 || !key || !value) return undefined;
  return { key, value };
}

/**
 * The object a loop walks the keys of when `key` is its variable: `for (const k in obj)`,
 * `for (const k of Object.keys(obj))`, `Object.keys(obj).forEach((k) => ...)` around the set call.
 */
export function loopedKeysOf(key: ts.Identifier): ts.Expression | undefined {
  for (let n: ts.Node | undefined = key.parent; n; n = n.parent) {
    if ((isForInStatement(n) || isForOfStatement(n)) && declares(n.initializer, key.text)) return isForInStatement(n) ? n.expression : keysCallArg(n.expression);
    const fn: ts.Node | undefined = n.parent;
    if (fn && isCallExpression(fn) && fn.arguments[0] === n && 'parameters' in n) {
      const params = (n as ts.FunctionLikeDeclaration).parameters;
      const callee = skipOuter(fn.expression);
      if (params[0] && isIdentifier(params[0].name) && params[0].name.text === key.text && isPropertyAccessExpression(callee) && callee.name.text === 'forEach') return keysCallArg(callee.expression);
    }
  }
  return undefined;
}

function declares(init: ts.ForInitializer, name: string): boolean {
  if (isVariableDeclarationList(init)) return init.declarations.some((d) => isIdentifier(d.name) && d.name.text === name);
  return isIdentifier(init) && init.text === name;
}

/** `Object.keys(obj)`: obj. */
function keysCallArg(e: ts.Expression): ts.Expression | undefined {
  const x = skipOuter(e);
  if (!isCallExpression(x) || x.arguments.length !== 1) return undefined;
  const callee = skipOuter(x.expression);
  return isPropertyAccessExpression(callee) && callee.name.text === 'keys' && isIdentifier(callee.expression) && callee.expression.text === 'Object' ? x.arguments[0] : undefined;
}
