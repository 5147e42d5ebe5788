// Route tables dispatched by hand through an app's settings (dispatchTables.ts finds the loop): a
// helper of the app (`async dispatch(ctx, settings = {}) { const { items } = settings; for (const
// { url, method } of items) { const target = ctx.request.url.replace('/api/', '').split('?')[0];
// if (ctx.request.method === method.toUpperCase() && target === url) ... } }`), called by a
// middleware with a settings object (`app.dispatch(ctx, app.config.shop)`) that a settings file
// declares (`exports.shop = { items: [{ url: 'shop/list', method: 'get' }] }`, Egg merging its
// config files and its plugins' into app.config). Each record answers at the prefix the helper cut
// from the URL before comparing, joined with the record's url, for the record's method. Three facts,
// one per file (the helper's loop, the call, the settings' lists), joined by gather/handDispatched.ts.
// A helper cutting the URL otherwise (a pattern, a slice) is not read: the loop's warning stays.
import ts from './compiler';
import { forEachChild, isBlock, isSourceFile, isVariableStatement, isArrayLiteralExpression, isBinaryExpression, isCallExpression, isElementAccessExpression, isIdentifier, isMethodDeclaration, isFunctionDeclaration, isObjectBindingPattern, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isVariableDeclaration, isExpressionStatement, isNumericLiteral, isStringLiteral } from './tsNodes';
import { literalProp, literalText, skipOuter } from './tsSyntax';
import { enclosingFunction, isModuleExports } from './routeSyntax';
import type { TableLoop } from './loopOverTable';
import type { HttpMethod } from '../model';
import { isHttpMethod } from './routeSpec';
import { MIDDLEWARE_FILE, SETTINGS_FILE } from './handDispatchFiles';

/** A helper's loop over a list of its settings parameter, comparing the URL cut of `prefix` with each record's url. */
export interface HandDispatcher {
  fn: string;
  param: number;
  field: string;
  prefix: string;
}

/** A call of a function `fn` given a settings object of the app's config, `app.config.<key>`, at `param`. */
export interface SettingsCall {
  fn: string;
  param: number;
  key: string;
}

/** A list of route records in the settings `key` declares, under its property `field`. */
export interface SettingsList {
  key: string;
  field: string;
  records: Array<{ method: HttpMethod; url: string; line: number }>;
}

/** The request's URL or path as a middleware reads it: `ctx.url`, `ctx.request.path`, `req.originalUrl`. */
const REQUEST_URL = /^(?:this\.)?(?:ctx|context|req|request)(?:\.(?:request|req))?\.(?:url|path|originalUrl)$/;


/** A name's value where the nearest block around `at` declares it, before `at`: `const name = value`. */
function declared(at: ts.Node, name: string): ts.Expression | undefined {
  for (let cur: ts.Node | undefined = at.parent; cur; cur = cur.parent) {
    if (!isBlock(cur) && !isSourceFile(cur)) continue;
    for (const st of cur.statements) {
      if (st.pos > at.pos) break;
      if (!isVariableStatement(st)) continue;
      const d = st.declarationList.declarations.find((v) => isIdentifier(v.name) && v.name.text === name);
      if (d?.initializer) return skipOuter(d.initializer);
    }
  }
  return undefined;
}

/** `e`, through a name declared with a value: `target` of `const target = ...`. */
function valueOf(at: ts.Node, e: ts.Expression): ts.Expression {
  const x = skipOuter(e);
  return isIdentifier(x) ? (declared(at, x.text) ?? x) : x;
}

/** The prefix a URL comparison cuts: '' for the request's URL itself, `p` for `url.replace(p, '')`, past `.split('?')[0]`. */
function cutPrefix(at: ts.Node, e: ts.Expression): string | undefined {
  let x = valueOf(at, e);
  if (isElementAccessExpression(x) && isNumericLiteral(x.argumentExpression) && x.argumentExpression.text === '0') {
    const split = skipOuter(x.expression);
    if (!isCallExpression(split) || !isPropertyAccessExpression(split.expression) || split.expression.name.text !== 'split') return undefined;
    x = valueOf(at, split.expression.expression);
  }
  if (isCallExpression(x) && isPropertyAccessExpression(x.expression) && x.expression.name.text === 'replace' && x.arguments.length === 2) {
    const [from, to] = [literalText(x.arguments[0]), literalText(x.arguments[1])];
    if (from === undefined || to !== '' || !REQUEST_URL.test(valueOf(at, x.expression.expression).getText())) return undefined;
    return from;
  }
  return REQUEST_URL.test(x.getText()) ? '' : undefined;
}

/** The names the loop gives the record's `url` / `path` field: `{ url } = record`, or `record.url` as text. */
function urlReads(loop: TableLoop): Set<string> {
  const out = new Set<string>();
  const bind = (p: ts.ObjectBindingPattern) => {
    for (const el of p.elements) {
      const key = el.propertyName && isIdentifier(el.propertyName) ? el.propertyName.text : isIdentifier(el.name) ? el.name.text : '';
      if ((key === 'url' || key === 'path') && isIdentifier(el.name)) out.add(el.name.text);
    }
  };
  const record = loop.variable && isIdentifier(loop.variable) ? loop.variable.text : undefined;
  if (loop.variable && isObjectBindingPattern(loop.variable)) bind(loop.variable);
  if (record !== undefined) for (const f of ['url', 'path']) out.add(`${record}.${f}`);
  const walk = (n: ts.Node): void => {
    if (record !== undefined && isVariableDeclaration(n) && isObjectBindingPattern(n.name) && n.initializer && skipOuter(n.initializer).getText() === record) bind(n.name);
    forEachChild(n, walk);
  };
  walk(loop.body);
  return out;
}

/** The prefix the loop's body cuts from the request's URL before comparing it with a record's url. */
function loopPrefix(loop: TableLoop): string | undefined {
  const urls = urlReads(loop);
  let prefix: string | undefined;
  const walk = (n: ts.Node): void => {
    if (prefix === undefined && isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || n.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken)) {
      const [l, r] = [skipOuter(n.left), skipOuter(n.right)];
      if (urls.has(r.getText())) prefix = cutPrefix(n, l);
      else if (urls.has(l.getText())) prefix = cutPrefix(n, r);
    }
    forEachChild(n, walk);
  };
  walk(loop.body);
  return prefix;
}

/** A function's name as its callers write it: a method's, a function declaration's, a property's holding it. */
function functionName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if ((isMethodDeclaration(fn) || isFunctionDeclaration(fn)) && fn.name && isIdentifier(fn.name)) return fn.name.text;
  const p = fn.parent;
  if (isPropertyAssignment(p) && isIdentifier(p.name)) return p.name.text;
  return isVariableDeclaration(p) && isIdentifier(p.name) ? p.name.text : undefined;
}

/** Which of `fn`'s parameters a list comes from, and under which field: `const { items } = settings`, `settings.items`. */
function listSource(fn: ts.FunctionLikeDeclaration, loop: TableLoop): { param: number; field: string } | undefined {
  const params = fn.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : ''));
  const list = skipOuter(loop.list);
  if (isPropertyAccessExpression(list) && isIdentifier(list.expression) && params.includes(list.expression.text)) return { param: params.indexOf(list.expression.text), field: list.name.text };
  if (!isIdentifier(list)) return undefined;
  let found: { param: number; field: string } | undefined;
  const walk = (n: ts.Node): void => {
    if (found) return;
    const init = isVariableDeclaration(n) && n.initializer ? skipOuter(n.initializer) : undefined;
    if (init && isIdentifier(init) && params.includes(init.text) && isVariableDeclaration(n) && isObjectBindingPattern(n.name)) {
      const el = n.name.elements.find((e) => isIdentifier(e.name) && e.name.text === list.text && !e.dotDotDotToken);
      const field = el && (el.propertyName && isIdentifier(el.propertyName) ? el.propertyName.text : list.text);
      if (field !== undefined) found = { param: params.indexOf(init.text), field };
    }
    forEachChild(n, walk);
  };
  if (fn.body) walk(fn.body);
  return found;
}

/** The helper a hand-dispatched loop (dispatchTables.ts) sits in, when its list, field and cut are read. */
export function handDispatcher(loop: TableLoop, at: ts.Node): HandDispatcher | undefined {
  const fn = enclosingFunction(at);
  const name = fn && functionName(fn);
  const source = fn && listSource(fn, loop);
  const prefix = loopPrefix(loop);
  return name !== undefined && source && prefix !== undefined ? { fn: name, ...source, prefix } : undefined;
}

/** `app.config.key`, `this.app.config.key`: the key of the app's settings `e` reads, through a name declared with it. */
function settingsKey(at: ts.Node, e: ts.Expression): string | undefined {
  const x = valueOf(at, e);
  return isPropertyAccessExpression(x) && isPropertyAccessExpression(x.expression) && x.expression.name.text === 'config' ? x.name.text : undefined;
}

/** The calls of a middleware file that hand a function the app's settings (`app.dispatch(ctx, app.config.shop)`). */
function settingsCalls(sf: ts.SourceFile): SettingsCall[] {
  const out: SettingsCall[] = [];
  const walk = (n: ts.Node): void => {
    if (isCallExpression(n) && isPropertyAccessExpression(n.expression)) {
      const fn = n.expression.name.text;
      n.arguments.forEach((arg, param) => {
        const key = settingsKey(n, arg);
        if (key !== undefined) out.push({ fn, param, key });
      });
    }
    forEachChild(n, walk);
  };
  walk(sf);
  return out;
}

/** The route records of an array literal of `{ url|path, method }` objects, each with both as strings. */
function records(sf: ts.SourceFile, e: ts.Expression): SettingsList['records'] | undefined {
  const x = skipOuter(e);
  if (!isArrayLiteralExpression(x) || x.elements.length === 0) return undefined;
  const out: SettingsList['records'] = [];
  for (const el of x.elements) {
    const o = skipOuter(el);
    if (!isObjectLiteralExpression(o)) return undefined;
    const url = literalText(literalProp(o, 'url') ?? literalProp(o, 'path'));
    const method = literalText(literalProp(o, 'method'))?.toUpperCase();
    if (url === undefined || method === undefined || !isHttpMethod(method)) return undefined;
    out.push({ method, url, line: sf.getLineAndCharacterOfPosition(o.getStart(sf)).line + 1 });
  }
  return out;
}

/** The record lists of one settings object, by property. */
function objectLists(sf: ts.SourceFile, key: string, o: ts.ObjectLiteralExpression): SettingsList[] {
  const out: SettingsList[] = [];
  for (const p of o.properties) {
    if (!isPropertyAssignment(p) || !(isIdentifier(p.name) || isStringLiteral(p.name))) continue;
    const found = records(sf, p.initializer);
    if (found) out.push({ key, field: p.name.text, records: found });
  }
  return out;
}

/** The route record lists a settings file declares: `exports.key = {...}`, `config.key = {...}`, `module.exports = { key: {...} }`. */
function settingsLists(sf: ts.SourceFile): SettingsList[] {
  const out: SettingsList[] = [];
  const walk = (n: ts.Node): void => {
    if (isExpressionStatement(n) && isBinaryExpression(n.expression) && n.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const [left, right] = [skipOuter(n.expression.left), skipOuter(n.expression.right)];
      if (isPropertyAccessExpression(left) && isObjectLiteralExpression(right) && !isModuleExports(left)) out.push(...objectLists(sf, left.name.text, right));
      if (isModuleExports(left) && isObjectLiteralExpression(right))
        for (const p of right.properties) if (isPropertyAssignment(p) && isIdentifier(p.name) && isObjectLiteralExpression(skipOuter(p.initializer))) out.push(...objectLists(sf, p.name.text, skipOuter(p.initializer) as ts.ObjectLiteralExpression));
    }
    forEachChild(n, walk);
  };
  walk(sf);
  return out;
}

/** What `sf` gives the join of hand-dispatched tables: a settings file's record lists, a middleware's settings calls. */
export function readHandDispatchFacts(sf: ts.SourceFile, out: { handDispatch?: HandDispatchFacts }): void {
  const file = sf.fileName.replace(/\\/g, '/');
  const lists = SETTINGS_FILE.test(file) ? settingsLists(sf) : [];
  const calls = MIDDLEWARE_FILE.test(file) ? settingsCalls(sf) : [];
  if (lists.length > 0) (out.handDispatch ??= {}).lists = lists;
  if (calls.length > 0) (out.handDispatch ??= {}).calls = calls;
}

/** One file's facts for the join (gather/handDispatched.ts). */
export interface HandDispatchFacts {
  dispatchers?: HandDispatcher[];
  calls?: SettingsCall[];
  lists?: SettingsList[];
}
