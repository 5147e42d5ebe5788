// A function of the file that walks a folder's tree at run time and gives back the files it finds:
// `const walk = (dir, found = [], base = '') => { for (const item of fs.readdirSync(dir)) { ... if
// (isDirectory) walk(join(dir, item), found, join(base, item)); else if (item.endsWith('.ts'))
// found.push(join(base, item).replace(/\.ts$/, '')); } return found; }`. Its call on a folder known
// statically lists the files below that folder its tests keep, each as a path relative to it
// (loops.ts listedEntry: values.ts LISTED with the glob '**/*'). Anything else the walk tests or
// makes of a name leaves the listing not known (the loop's warning stays).
import ts from './compiler';
import { forEachChild, isBinaryExpression, isBlock, isCallExpression, isConditionalExpression, isForOfStatement, isFunctionDeclaration, isIdentifier, isIfStatement, isPrefixUnaryExpression, isPropertyAccessExpression, isRegularExpressionLiteral, isStringLiteralLike, isVariableDeclaration, isVariableDeclarationList } from './tsNodes';
import { lastReturn, skipOuter, isFunctionWithBody } from './tsSyntax';

/** What a folder walk gives for each file it keeps: the endings its tests keep (`!` before one it drops) and what it makes of the relative path (values.ts LISTED steps). */
export interface FolderWalk {
  endings: string[];
  steps: string[];
}

/** Tests on an entry that only tell a file from a folder: they keep every file. */
const KIND_TEST = /^(?:isFile|isDirectory)$/;

/**
 * The walk a function is (see the file's comment), when its first parameter is the folder it lists
 * with `readdirSync`, it calls itself, and it gives back the one list it pushes each kept file to.
 */
export function folderWalk(fn: ts.Node, name: string): FolderWalk | undefined {
  if (!isFunctionWithBody(fn) || !fn.body || !isBlock(fn.body)) return undefined;
  const dirParam = fn.parameters[0]?.name;
  if (!dirParam || !isIdentifier(dirParam)) return undefined;
  const calls: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (isCallExpression(n)) calls.push(n);
    forEachChild(n, visit);
  };
  visit(fn.body);
  const listing = calls.find((c) => /(?:^|\.)readdirSync$/.test(c.expression.getText()) && c.arguments.length === 1 && skipOuter(c.arguments[0] as ts.Expression).getText() === dirParam.text);
  const recurses = calls.some((c) => isIdentifier(skipOuter(c.expression)) && skipOuter(c.expression).getText() === name);
  const pushes = calls.filter((c) => isPropertyAccessExpression(c.expression) && c.expression.name.text === 'push');
  const push = pushes.length === 1 ? pushes[0] : undefined;
  const list = push && isPropertyAccessExpression(push.expression) ? skipOuter(push.expression.expression) : undefined;
  const returned = lastReturn(fn.body);
  if (!listing || !recurses || !push || push.arguments.length !== 1 || !list || !isIdentifier(list) || !returned || skipOuter(returned).getText() !== list.text) return undefined;
  const item = itemOf(listing, fn.body);
  const endings = item ? keptEndings(push, fn.body) : undefined;
  const steps = item && madeOfPath(push.arguments[0] as ts.Expression, item, dirParam.text, fn.body);
  return endings && steps ? { endings, steps } : undefined;
}

/** The name each entry of the listing is bound to in the body: `for (const item of list)` or `list.forEach((item) => ...)`, the list that call or a name holding it. */
function itemOf(listing: ts.CallExpression, body: ts.Node): string | undefined {
  const holder = listing.parent && isVariableDeclaration(listing.parent) && isIdentifier(listing.parent.name) ? listing.parent.name.text : undefined;
  const uses = (e: ts.Expression): boolean => {
    const x = skipOuter(e);
    return x === listing || (holder !== undefined && isIdentifier(x) && x.text === holder);
  };
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found !== undefined) return;
    const bound = isForOfStatement(n) && uses(n.expression) && isVariableDeclarationList(n.initializer) ? n.initializer.declarations[0]?.name : undefined;
    const cb = isCallExpression(n) && isPropertyAccessExpression(n.expression) && n.expression.name.text === 'forEach' && uses(n.expression.expression) && n.arguments[0] ? skipOuter(n.arguments[0]) : undefined;
    const param = bound ?? (cb && isFunctionWithBody(cb) ? cb.parameters[0]?.name : undefined);
    if (param && isIdentifier(param)) found = param.text;
    else forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/**
 * The endings the tests around the push keep: each `if` it is in the branch of, read as `&&` of
 * terms, each an `endsWith` test, a `||` of them, one negated (dropped), or a test of the entry's
 * kind (isFile). Undefined when any other test decides what is pushed.
 */
function keptEndings(push: ts.Node, body: ts.Node): string[] | undefined {
  const out: string[] = [];
  for (let n: ts.Node = push; n !== body && n.parent; n = n.parent) {
    const parent = n.parent;
    if (!isIfStatement(parent) || parent.expression === n) continue;
    if (parent.elseStatement === n) {
      if (!isKindTest(parent.expression)) return undefined;
      continue;
    }
    for (const term of andTerms(parent.expression)) {
      if (isKindTest(term)) continue;
      const tests = endingTests(term);
      if (!tests) return undefined;
      out.push(...tests);
    }
  }
  return out;
}

function andTerms(e: ts.Expression): ts.Expression[] {
  const x = skipOuter(e);
  return isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? [...andTerms(x.left), ...andTerms(x.right)] : [x];
}

/** `stat.isFile()`, `entry.isDirectory()`, negated too. */
function isKindTest(e: ts.Expression): boolean {
  const x = skipOuter(e);
  if (isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) return isKindTest(x.operand);
  return isCallExpression(x) && isPropertyAccessExpression(x.expression) && KIND_TEST.test(x.expression.name.text) && x.arguments.length === 0;
}

/** `n.endsWith('.ts')` -> ['.ts']; `a || b` -> both; `!n.endsWith('.d.ts')` -> ['!.d.ts']; else undefined. */
function endingTests(e: ts.Expression): string[] | undefined {
  const x = skipOuter(e);
  if (isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = skipOuter(x.operand);
    const one = isCallExpression(inner) ? endingTests(inner) : undefined;
    return one?.length === 1 ? [`!${one[0]}`] : undefined;
  }
  if (isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
    const [l, r] = [endingTests(x.left), endingTests(x.right)];
    return l && r && [...l, ...r].every((t) => !t.startsWith('!')) ? [...l, ...r] : undefined;
  }
  const arg = isCallExpression(x) && isPropertyAccessExpression(x.expression) && x.expression.name.text === 'endsWith' && x.arguments.length === 1 ? skipOuter(x.arguments[0] as ts.Expression) : undefined;
  return arg && isStringLiteralLike(arg) && !/[,|*]/.test(arg.text) ? [arg.text] : undefined;
}

/**
 * What the pushed value makes of the entry's path relative to the walked folder: nothing (the
 * path itself), or `.replace(/\.ts$/, '')` (values.ts `*stem*`). The path is the entry's name, a
 * name declared as it, or `join(base, item)` / `base ? join(base, item) : item` with `base` no
 * name the folder's path is made of. Undefined for anything else.
 */
function madeOfPath(pushed: ts.Expression, item: string, dirParam: string, body: ts.Node): string[] | undefined {
  const x = skipOuter(pushed);
  if (isCallExpression(x) && isPropertyAccessExpression(x.expression) && x.expression.name.text === 'replace') {
    const [re, by] = x.arguments.map(skipOuter);
    const stem = re && isRegularExpressionLiteral(re) && /^\/\\\..*\$\/$/.test(re.text) && by && isStringLiteralLike(by) && by.text === '';
    return stem && isRelativePath(x.expression.expression, item, dirParam, body) ? ['*stem*'] : undefined;
  }
  return isRelativePath(x, item, dirParam, body) ? [] : undefined;
}

function isRelativePath(e: ts.Expression, item: string, dirParam: string, body: ts.Node, depth = 0): boolean {
  const x = skipOuter(e);
  if (isIdentifier(x) && x.text === item) return true;
  if (isIdentifier(x) && depth < 2) {
    const init = localInit(body, x.text);
    return init !== undefined && isRelativePath(init, item, dirParam, body, depth + 1);
  }
  if (isConditionalExpression(x)) return isRelativePath(x.whenTrue, item, dirParam, body, depth) && isRelativePath(x.whenFalse, item, dirParam, body, depth);
  if (!isCallExpression(x) || !/(?:^|\.)join$/.test(x.expression.getText()) || x.arguments.length !== 2) return false;
  const [base, last] = x.arguments.map(skipOuter);
  return last !== undefined && isIdentifier(last) && last.text === item && base !== undefined && isIdentifier(base) && base.text !== dirParam && localInit(body, base.text) === undefined;
}

/** The initializer of a `const`/`let` the body declares under `name` (the first), not of a function. */
function localInit(body: ts.Node, name: string): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (isVariableDeclaration(n) && isIdentifier(n.name) && n.name.text === name && n.initializer) found = n.initializer;
    else if (!isFunctionDeclaration(n)) forEachChild(n, visit);
  };
  visit(body);
  return found;
}
