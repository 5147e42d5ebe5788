// A route prefix that is the path of a URL: `new URL(process.env.PUBLIC_URL || 'http://localhost').pathname`,
// its trailing slash dropped (`.replace(/\/$/, '')`), often worked out in an IIFE that guards an empty
// or unparsable URL. Kept as a reference (URL_PATH) to the URL's value, so the service's environment
// can set the URL (collect.ts, urlPathRefs.ts); its path is known once the URL's text is, and only when it parses.
import ts from './compiler';
import { forEachChild, isArrowFunction, isBlock, isCatchClause, isFunctionExpression, isFunctionLike, isIdentifier, isIfStatement, isNewExpression, isNoSubstitutionTemplateLiteral, isPrefixUnaryExpression, isPropertyAccessExpression, isRegularExpressionLiteral, isReturnStatement, isStringLiteral } from './tsNodes';
import { hasRefs, literalOf, readsEnv, soleRef, str, type ConstValue } from './values';
import { skipOuter } from './tsSyntax';
import { EMPTY_WHEN_UNSET, ENV_VALUE, NO_TRAILING_SLASH, URL_PATH, urlPathText } from './urlPathRefs';
import { envVariableRead } from './envReads';

/**
 * `new URL(x)` with one argument: its `pathname` read as the path of `x` (`process.env.BASE_URL` with no
 * default: of the value the service's environment sets, ENV_VALUE); undefined for any other expression.
 */
export function urlObject(node: ts.Expression, evaluate: (e: ts.Expression) => ConstValue | undefined, sf: ts.SourceFile): ConstValue | undefined {
  if (!isNewExpression(node) || !isIdentifier(node.expression) || node.expression.text !== 'URL' || node.arguments?.length !== 1) return undefined;
  const arg = node.arguments[0] as ts.Expression;
  const variable = envVariableRead(arg, sf);
  const href = evaluate(arg) ?? (variable !== undefined ? str({ ref: { local: ENV_VALUE, path: [variable] } }) : undefined);
  const path = href && urlPathValue(href, false);
  return path ? { kind: 'obj', props: { pathname: path } } : undefined;
}

function urlPathValue(href: ConstValue, trimmed: boolean): ConstValue | undefined {
  if (href.kind !== 'str') return undefined;
  // A URL written whole in code: its path now. One that reads another value (the environment's): a reference to it.
  if (!hasRefs(href) && !readsEnv(href)) {
    const text = urlPathText(literalOf(href) ?? '', trimmed);
    return text !== undefined ? str(text) : undefined;
  }
  return str({ ref: { local: URL_PATH, path: trimmed ? [NO_TRAILING_SLASH] : [], args: [href] } });
}

/** `x.replace(/\/$/, '')`: a path known statically, or the path of a URL, without its trailing slash; undefined for any other call. */
export function trailingSlashDropped(node: ts.CallExpression, evaluate: (e: ts.Expression) => ConstValue | undefined): ConstValue | undefined {
  const callee = skipOuter(node.expression);
  const [pattern, replacement] = node.arguments.map(skipOuter);
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'replace' || !pattern || !replacement || !isRegularExpressionLiteral(pattern) || !/^\/\\\/\+?\$\/$/.test(pattern.text)) return undefined;
  if (literalOf(evaluate(replacement)) !== '') return undefined;
  const value = evaluate(callee.expression);
  const ref = soleRef(value);
  if (ref?.local === URL_PATH && ref.args?.[0]) return str({ ref: { ...ref, path: [...new Set([...ref.path, NO_TRAILING_SLASH])] } });
  const text = value && !hasRefs(value) && !readsEnv(value) ? literalOf(value) : undefined;
  return text !== undefined ? str(text.replace(/\/+$/, '')) : undefined;
}

/**
 * What an immediately called function without parameters gives (`(() => x)()`, or the one return
 * of its body), evaluated. Its guards are set aside only for the path of a URL (URL_PATH): a
 * `return ''` under `if (!url)` and the returns of a `catch` clause are taken only when the URL is
 * empty or does not parse, where urlPathRefs.ts knows no path either. Undefined for any other call.
 */
export function iifeValue(node: ts.CallExpression, evaluate: (e: ts.Expression) => ConstValue | undefined): ConstValue | undefined {
  const fn = skipOuter(node.expression);
  if (node.arguments.length > 0 || !(isArrowFunction(fn) || isFunctionExpression(fn)) || fn.parameters.length > 0) return undefined;
  if (!isBlock(fn.body)) return evaluate(fn.body);
  const returns: ts.ReturnStatement[] = [];
  let setAside = false;
  let emptyGuard = false;
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    emptyGuard ||= isEmptyGuard(n);
    if (isCatchClause(n) || isEmptyGuard(n)) setAside = true;
    else if (isReturnStatement(n)) returns.push(n);
    else forEachChild(n, visit);
  };
  forEachChild(fn.body, visit);
  const returned = returns.length === 1 ? returns[0]?.expression : undefined;
  const value = returned && evaluate(returned);
  const ref = soleRef(value);
  // Under `if (!url) return '';` the path is '' where the URL is unset or empty (urlPathRefs.ts EMPTY_WHEN_UNSET).
  if (ref?.local === URL_PATH && emptyGuard) return str({ ref: { ...ref, path: [...ref.path, EMPTY_WHEN_UNSET] } });
  return !setAside || ref?.local === URL_PATH ? value : undefined;
}

/** `if (!url) return '';` (a block ending with that return too: a log before it), with no else. */
function isEmptyGuard(n: ts.Node): boolean {
  if (!isIfStatement(n) || n.elseStatement || !isPrefixUnaryExpression(n.expression) || n.expression.operator !== ts.SyntaxKind.ExclamationToken) return false;
  const then = isBlock(n.thenStatement) ? n.thenStatement.statements[n.thenStatement.statements.length - 1] : n.thenStatement;
  const e = then && isReturnStatement(then) && then.expression ? skipOuter(then.expression) : undefined;
  return e !== undefined && (isStringLiteral(e) || isNoSubstitutionTemplateLiteral(e)) && e.text === '';
}
