// Modules a file loads in code: `require('./x')`, `await import('./x')`, a member of either, and
// loads in a loop over a glob's files (a list only known at run time).
import ts from './compiler';
import { forEachChild, isAwaitExpression, isBinaryExpression, isCallExpression, isConditionalExpression, isIdentifier, isPropertyAccessExpression, isSourceFile, isStringLiteral, isStringLiteralLike, isTemplateExpression } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { loopOfBody, type TableLoop } from './loopOverTable';
import { GLOB_CALL } from './globListings';
import { CONVICT_PROPERTIES } from './convictSchema';

/** Read once: `ts.SyntaxKind` is a getter of the compiler's module object, and isModuleLoad runs at every call (tsNodes.ts). */
const IMPORT_KEYWORD = ts.SyntaxKind.ImportKeyword;
const PLUS_TOKEN = ts.SyntaxKind.PlusToken;


/** The module `require(x)` names: a string, or a path from the file's own folder (`require(`${__dirname}/app/routes`)`, `require(__dirname + '/app/routes')`) as `./app/routes`. */
export function requireSource(e: ts.Node): string | undefined {
  if (!isCallExpression(e) || !isIdentifier(e.expression) || e.expression.text !== 'require') return undefined;
  const a = e.arguments[0] && skipOuter(e.arguments[0]);
  if (!a) return undefined;
  if (isStringLiteral(a)) return a.text;
  return fromOwnFolder(a);
}

/** `${__dirname}/x` or `__dirname + '/x'`: `./x`, the file's folder then a literal path below it. */
function fromOwnFolder(a: ts.Expression): string | undefined {
  const isDirname = (x: ts.Node | undefined) => !!x && isIdentifier(skipOuter(x as ts.Expression)) && (skipOuter(x as ts.Expression) as ts.Identifier).text === '__dirname';
  let rest: string | undefined;
  if (isTemplateExpression(a) && a.head.text === '' && a.templateSpans.length === 1 && isDirname(a.templateSpans[0]?.expression)) rest = a.templateSpans[0]?.literal.text;
  else if (isBinaryExpression(a) && a.operatorToken.kind === PLUS_TOKEN && isDirname(a.left) && isStringLiteralLike(skipOuter(a.right))) rest = (skipOuter(a.right) as ts.StringLiteralLike).text;
  return rest !== undefined && /^\/[\w@.-]/.test(rest) && !rest.includes('..') ? `.${rest}` : undefined;
}

/**
 * The pattern of the glob whose files a `require(file)` / `import(file)` with a name not known
 * statically loads: it is inside a callback of `.forEach` / `.map` over the glob's result, or a
 * `for (const file of glob.sync(...))` (outline loads `plugins/*\/server/index.[jt]s` so). What
 * those modules add (plugins registering routers) cannot be known without running it.
 */
export function globLoaded(load: ts.CallExpression): string | undefined {
  const arg = load.arguments[0];
  if (!arg || isStringLiteralLike(arg)) return undefined;
  for (let node: ts.Node = load; node.parent !== undefined; node = node.parent) {
    const parent = node.parent;
    const list = loopAt(node)?.list;
    const glob = list ? skipOuter(isAwaitExpression(skipOuter(list)) ? (skipOuter(list) as ts.AwaitExpression).expression : list) : undefined;
    if (glob && isCallExpression(glob) && GLOB_CALL.test(glob.expression.getText().replace(/\s+/g, ''))) {
      const literals: string[] = [];
      const collect = (n: ts.Node): void => {
        if (isStringLiteralLike(n)) literals.push(n.text);
        forEachChild(n, collect);
      };
      if (glob.arguments[0]) collect(glob.arguments[0]);
      return literals.sort((a, b) => b.length - a.length)[0] ?? glob.arguments[0]?.getText() ?? '';
    }
    if (isSourceFile(parent)) break;
  }
  return undefined;
}

/**
 * The loop `node` is the body of (loopOverTable.ts): the callback of `.forEach` / `.map` / `.flatMap` over a list,
 * or the statement of a `for (const x of list)`; with the name the element is bound to ('' when not a plain name).
 */
export function loopAt(node: ts.Node): { list: ts.Expression; variable: string; loop: TableLoop } | undefined {
  const loop = loopOfBody(node);
  if (!loop || (loop.form !== 'of' && loop.form !== 'callback')) return undefined;
  return { list: loop.list, variable: loop.variable && isIdentifier(loop.variable) ? loop.variable.text : '', loop };
}

/**
 * A module a declaration loads and what of it the name gets: `require('./x')` its default (the
 * CommonJS exports), `await import('./x')` its namespace, `require('./x').y` /
 * `(await import('./x')).y` that export (a member: destructuring it takes no export's name).
 */
export function loadedModule(init: ts.Expression): { source: string; imported: string; member: boolean; others?: string[] } | undefined {
  const req = requireSource(init);
  if (req !== undefined) return { source: req, imported: 'default', member: false };
  const dyn = dynamicImportSources(init);
  if (dyn?.[0] !== undefined) return { source: dyn[0], imported: '*', member: false, ...(dyn.length > 1 ? { others: dyn.slice(1) } : {}) };
  // `require('./config').getProperties()`: the settings object of the module's convict instance (convictSchema.ts).
  const properties = isCallExpression(init) && init.arguments.length === 0 ? skipOuter(init.expression) : undefined;
  const held = properties && isPropertyAccessExpression(properties) && properties.name.text === CONVICT_PROPERTIES ? requireSource(skipOuter(properties.expression)) : undefined;
  if (held !== undefined) return { source: held, imported: 'default', member: false };
  if (!isPropertyAccessExpression(init)) return undefined;
  const inner = skipOuter(init.expression);
  const source = requireSource(inner) ?? dynamicImportSource(inner);
  return source !== undefined ? { source, imported: init.name.text, member: true } : undefined;
}

/** `require(x)` / `import(x)` whatever x is. */
export function isModuleLoad(e: ts.Node): boolean {
  return isCallExpression(e) && ((isIdentifier(e.expression) && e.expression.text === 'require') || e.expression.kind === IMPORT_KEYWORD);
}

export function dynamicImportSource(e: ts.Node): string | undefined {
  return dynamicImportSources(e)?.[0];
}

/**
 * The modules `import(x)` may load: x a literal, or built of literals alone through choices
 * (`import(`${light ? './a.js' : './b.js'}`)`, `import(cond ? './a' : './b')`), each possible value
 * in source order; undefined when x reads anything else.
 */
export function dynamicImportSources(e: ts.Node): string[] | undefined {
  if (!isCallExpression(e) || e.expression.kind !== IMPORT_KEYWORD) return undefined;
  const a = e.arguments[0];
  return a ? literalChoices(a, 0) : undefined;
}

/** The strings an expression of literals and choices between them may be (at most MAX_CHOICES). */
function literalChoices(e: ts.Expression, depth: number): string[] | undefined {
  const x = skipOuter(e);
  if (isStringLiteralLike(x)) return [x.text];
  if (depth > 4) return undefined;
  if (isConditionalExpression(x)) {
    const [yes, no] = [literalChoices(x.whenTrue, depth + 1), literalChoices(x.whenFalse, depth + 1)];
    return yes && no ? [...new Set([...yes, ...no])].slice(0, MAX_CHOICES) : undefined;
  }
  if (!isTemplateExpression(x)) return undefined;
  let out: string[] | undefined = [x.head.text];
  for (const span of x.templateSpans) {
    const inner = literalChoices(span.expression, depth + 1);
    out = inner && out?.flatMap((before) => inner.map((v) => `${before}${v}${span.literal.text}`)).slice(0, MAX_CHOICES);
  }
  return out;
}

const MAX_CHOICES = 8;
