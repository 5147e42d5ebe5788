// Route tables keyed by "METHOD /path" strings, registered by a loop over their keys (tableKeys.ts):
// `Object.keys(routes).forEach((key) => { const [method, path] = key.split(' '); router[method](path, h) })`,
// `for (const [key, h] of Object.entries(routes))`, `for (const key in routes)`. The table is an
// object literal, a constant of the file (with what `Object.assign(routes, more)` and
// `routes['get /x'] = h` add to it), what a function of the file returns, or another file's
// (imported, or what an imported function returns), resolved by collect.ts. The loop's body is
// read once, its key bound to a reference the router call expands, one route per key, at the
// key's line. What cannot be followed is a warning: a table not known statically, a part of one.
import ts from './compiler';
import { forEachChild, isArrayBindingPattern, isArrowFunction, isBinaryExpression, isBindingElement, isCallExpression, isComputedPropertyName, isElementAccessExpression, isExportAssignment, isExpression, isExpressionStatement, isFunctionDeclaration, isFunctionExpression, isIdentifier, isObjectLiteralExpression, isPrivateIdentifier, isPropertyAccessExpression, isRegularExpressionLiteral, isSpreadAssignment, isStringLiteralLike, isVariableDeclaration } from './tsNodes';
import { DEFAULT_OBJECT, literalOf, str, type ConstValue, type Part, type StrValue } from './values';
import { skipOuter } from './tsSyntax';
import { enclosingFunction, isFunctionLike, returnedExpression } from './routeSyntax';
import { requireSource } from './moduleLoads';
import { KEYS, LOWER, METHOD_PATH_KEY, OWN_TABLE, SPLIT, SPLIT_WS, TRIM, UPPER, keyText, routerMethodOf, type RouteTable } from './tableKeys';
import type { Scope } from './readerBase';
import { codeText } from './evaluator';
import { LoopReader } from './loops';
import type { TableLoop } from './loopOverTable';

/** A table read in this file: its keys with their nodes (a route's line), or undefined when not known. */
interface OwnTable {
  text: string;
  table: (RouteTable & { nodes: ts.Node[] }) | undefined;
  warned: boolean;
}

/** A file may hold a route table only when some string in it reads as "METHOD /path". */
const METHOD_PATH_LITERAL = /['"`]\s*(?:get|post|put|patch|delete|del|head|options|all)\s+\/[^'"`\s]*\s*['"`]/i;

/** The steps a string method makes of a key (tableKeys.ts); `split` takes its separator. */
const KEY_STEPS: Readonly<Record<string, string>> = { toLowerCase: LOWER, toUpperCase: UPPER, trim: TRIM };

const MAX_TABLE_DEPTH = 6;

export abstract class RouteTableReader extends LoopReader {
  private readonly ownTables: OwnTable[] = [];
  /** What the file adds to objects after declaring them, by the name added to (found once: tableAdditions). */
  private additions: Map<string, ts.Node[]> | undefined;

  /**
   * A loop over a table's keys (`Object.keys(t).forEach`, `.map`, `for...of Object.keys(t)` or
   * `Object.entries(t)`, `for...in t`) whose body calls a router by a computed method: read once
   * with the key bound to the table's keys. False for any other loop (read as before), and for a
   * table written out in the file without a "METHOD /path" key (not a parameter of the same name):
   * tableLoops.ts reads that one element by element.
   */
  protected readKeyLoop(loop: TableLoop): boolean {
    const binding = loop.variable;
    if ((loop.binds !== 'key' && loop.binds !== 'entry') || !binding || !callsComputedMethod(loop.body)) return false;
    const table = this.tableOf(loop.table, 0);
    const shadowed = isIdentifier(skipOuter(loop.table)) && isParameterHere(skipOuter(loop.table) as ts.Identifier);
    // A parameter every call of its function gives the same object known statically: read key by key (readLoop).
    if (shadowed && this.givenTableItems(loop) !== undefined) return false;
    if (!shadowed && this.tableNode(loop.table) !== undefined && !table?.entries.some((e) => METHOD_PATH_KEY.test(e.key))) return false;
    const index = this.ownTables.length;
    this.ownTables.push({ text: codeText(loop.table, this.sf), table, warned: false });
    const key = str({ ref: { local: `${OWN_TABLE}${index}`, path: [KEYS] } });
    const scope: Scope = new Map();
    bindKey(binding, loop.binds === 'entry', key, scope);
    this.withScope(scope, () => {
      this.bindDerived(loop.body, scope);
      this.visit(loop.body);
    });
    return true;
  }

  /** The body's declarations of values made of the key (`const [method, path] = key.split(' ')`), in order. */
  private bindDerived(body: ts.Node, scope: Scope): void {
    const walk = (n: ts.Node): void => {
      if (isFunctionLike(n) || isFunctionDeclaration(n)) return;
      if (isVariableDeclaration(n) && n.initializer) {
        const v = this.evaluate(n.initializer);
        if (v && readsKey(v)) bindName(n.name, v, scope);
      }
      forEachChild(n, walk);
    };
    forEachChild(body, walk);
  }

  /** `key.split(' ')`, `.split(/\s+/)`, `.toLowerCase()`, `.trim()` of a table's key: the key with that step. */
  protected tableKeyStep(call: ts.CallExpression): ConstValue | undefined {
    const callee = skipOuter(call.expression);
    if (!isPropertyAccessExpression(callee)) return undefined;
    const name = callee.name.text;
    const sep = call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
    const step = name === 'split' && sep ? splitStep(sep) : KEY_STEPS[name];
    if (step === undefined || (name !== 'split' && call.arguments.length > 0)) return undefined;
    const base = this.evaluate(callee.expression);
    const ref = base && keyRefOf(base);
    return ref && str({ ref: { ...ref, path: [...ref.path, step] } });
  }

  /**
   * `router[method](path, ...)` with the method made of a table's key: a route per key of a table
   * read here (at the key's line), one for collect.ts to expand per key of another file's table.
   * True when the method is a table's key (warned of when the table is not known).
   */
  protected readTableRoute(call: ts.CallExpression, router: string, methodValue: ConstValue): boolean {
    const methodRef = keyRefOf(methodValue);
    const own = methodRef?.local.startsWith(OWN_TABLE) ? this.ownTables[Number(methodRef.local.slice(OWN_TABLE.length))] : undefined;
    if (!methodRef || !own || methodValue.kind !== 'str') return false;
    const pathValue = this.evaluate(call.arguments[0]);
    if (!own.table || pathValue?.kind !== 'str') {
      if (!own.warned) this.warn(call, own.table ? { id: 'routeKeyPath', args: [call.arguments[0]?.getText(this.sf) ?? ''] } : { id: 'routeKeyTable', args: [own.text] });
      own.warned = true;
      return true;
    }
    const { table } = own;
    if (!own.warned) for (const u of table.unknown) this.out.warnings.push({ id: 'routeTablePart', args: [u.text], line: u.line });
    own.warned = true;
    table.entries.forEach((entry, i) => {
      const method = routerMethodOf(keyText(entry.key, methodRef.path.slice(1)));
      const path = withKey(pathValue, methodRef.local, entry.key);
      if (method && path) this.addRoute(router, method, path, table.nodes[i] ?? call);
    });
    const prefix = this.routers.get(router) ?? '';
    for (const piece of table.pieces) {
      const retarget = (v: StrValue) => str(...v.parts.map((p) => (typeof p !== 'string' && p.ref.local === methodRef.local ? { ref: { local: piece.local, path: [...piece.path, ...p.ref.path] } } : p)));
      this.out.routes.push({ method: 'ALL', methodValue: retarget(methodValue), path: '/', pathValue: str(prefix, '/', ...retarget(pathValue).parts), line: this.line(call), kind: 'router', router });
    }
    return true;
  }

  /** The table an expression stands for; undefined when it is not an object known statically. */
  private tableOf(expr: ts.Expression, depth: number): OwnTable['table'] {
    const e = skipOuter(expr);
    if (depth > MAX_TABLE_DEPTH) return undefined;
    if (isObjectLiteralExpression(e)) return this.objectTable(e, depth);
    if (isIdentifier(e)) {
      if (isParameterHere(e)) return undefined;
      const decl = this.decls.get(this.ownName(e.text, e));
      if (decl && isExpression(decl)) return this.declaredTable(e.text, decl, depth);
      return this.importedNames.has(e.text) ? piece(e.text, [], this.line(e)) : undefined;
    }
    if (isPropertyAccessExpression(e) && isIdentifier(skipOuter(e.expression)) && this.importedNames.has((skipOuter(e.expression) as ts.Identifier).text))
      return piece((skipOuter(e.expression) as ts.Identifier).text, [e.name.text], this.line(e));
    if (!isCallExpression(e)) return undefined;
    const callee = skipOuter(e.expression);
    const name = callee.getText(this.sf);
    if (name === 'Object.assign') return merge(e.arguments.map((a) => this.partOf(a, depth)));
    if (name === 'Object.freeze' && e.arguments[0]) return this.tableOf(e.arguments[0], depth + 1);
    if (!isIdentifier(callee) || requireSource(e) !== undefined) return undefined;
    const fn = this.decls.get(this.ownName(callee.text, callee));
    if (fn && (isFunctionDeclaration(fn) || isFunctionLike(fn))) {
      const returned = returnedExpression(fn as ts.FunctionLikeDeclaration);
      return returned && this.tableOf(returned, depth + 1);
    }
    return this.importedNames.has(callee.text) ? piece(callee.text, ['()'], this.line(e)) : undefined;
  }

  /** A part of a table: its table, or a part not known statically (warned of where the table is used). */
  private partOf(e: ts.Expression, depth: number): NonNullable<OwnTable['table']> {
    return this.tableOf(e, depth + 1) ?? { entries: [], nodes: [], pieces: [], unknown: [{ text: codeText(e, this.sf), line: this.line(e) }] };
  }

  private objectTable(o: ts.ObjectLiteralExpression, depth: number): OwnTable['table'] {
    const parts: Array<NonNullable<OwnTable['table']>> = [];
    for (const p of o.properties) {
      if (isSpreadAssignment(p)) {
        parts.push(this.partOf(p.expression, depth));
        continue;
      }
      const name = p.name;
      const key = !name ? undefined : isComputedPropertyName(name) ? literalOf(this.evaluate(name.expression)) : isPrivateIdentifier(name) ? undefined : name.text;
      if (key !== undefined && name) parts.push({ entries: [{ key, line: this.line(name) }], nodes: [name], pieces: [], unknown: [] });
      else if (name && isComputedPropertyName(name)) parts.push(this.partOf(name.expression, depth));
    }
    return merge(parts);
  }

  /**
   * A table a name is declared with, and what the function declaring it adds to it:
   * `Object.assign(routes, more)` (in a callback too) and `routes['get /x'] = h`.
   */
  private declaredTable(name: string, init: ts.Expression, depth: number): OwnTable['table'] {
    const first = this.tableOf(init, depth + 1);
    if (!first) return undefined;
    const own = this.ownName(name, init.parent);
    const sameName = (e: ts.Expression): boolean => isIdentifier(skipOuter(e)) && (skipOuter(e) as ts.Identifier).text === name && this.ownName(name, e) === own;
    const parts = [first];
    const scope = enclosingFunction(init);
    for (const n of this.tableAdditions().get(name) ?? []) {
      if (scope && (n.pos < scope.pos || n.end > scope.end)) continue;
      if (isCallExpression(n) && n.arguments[0] && sameName(n.arguments[0])) for (const a of n.arguments.slice(1)) parts.push(this.partOf(a, depth));
      if (isBinaryExpression(n) && isElementAccessExpression(n.left) && sameName(n.left.expression)) {
        const key = literalOf(this.evaluate(n.left.argumentExpression));
        parts.push(key !== undefined ? { entries: [{ key, line: this.line(n.left) }], nodes: [n.left], pieces: [], unknown: [] } : this.partOf(n.left.argumentExpression, depth));
      }
    }
    return merge(parts);
  }

  /** Every `Object.assign(name, ...)` and `name[key] = value` of the file, by name: one walk for all its tables. */
  private tableAdditions(): Map<string, ts.Node[]> {
    if (this.additions) return this.additions;
    const found = new Map<string, ts.Node[]>();
    const add = (target: ts.Expression, n: ts.Node): void => {
      const t = skipOuter(target);
      if (isIdentifier(t)) found.set(t.text, [...(found.get(t.text) ?? []), n]);
    };
    const walk = (n: ts.Node): void => {
      if (isCallExpression(n) && n.arguments[0] && isPropertyAccessExpression(n.expression) && n.expression.name.text === 'assign' && n.expression.expression.getText(this.sf) === 'Object') add(n.arguments[0], n);
      if (isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && isElementAccessExpression(n.left)) add(n.left.expression, n);
      forEachChild(n, walk);
    };
    walk(this.sf);
    this.additions = found;
    return found;
  }

  /**
   * The route tables this file offers other files (ExtractedFile.routeTables): each name whose
   * value, or a function's returned value, is a table with a "METHOD /path" key; the default
   * export's and `module.exports.x = {...}`'s. Only read in a file with such a string.
   */
  protected collectRouteTables(): void {
    if (!METHOD_PATH_LITERAL.test(this.sf.text)) return;
    const tables: Record<string, RouteTable> = {};
    const keep = (name: string, t: OwnTable['table']): void => {
      if (t && t.entries.some((e) => METHOD_PATH_KEY.test(e.key))) tables[name] = { entries: t.entries, pieces: t.pieces, unknown: t.unknown };
    };
    for (const [name, node] of this.decls) {
      const fn = isFunctionDeclaration(node) || isFunctionLike(node) ? (node as ts.FunctionLikeDeclaration) : undefined;
      const returned = fn ? returnedExpression(fn) : undefined;
      if (fn) keep(name, returned && this.tableOf(returned, 0));
      else if (isExpression(node)) keep(name, this.declaredTable(name, node, 0));
    }
    for (const st of this.sf.statements) {
      const exported = exportedTable(st, this.sf);
      const returned = exported && !isObjectLiteralExpression(exported.value) ? returnedExpression(exported.value) : undefined;
      if (exported) keep(exported.name, isObjectLiteralExpression(exported.value) ? this.objectTable(exported.value, 0) : returned && this.tableOf(returned, 0));
    }
    if (Object.keys(tables).length > 0) this.out.routeTables = tables;
  }
}

/** A name that is a parameter of a function around it: its value comes from the caller, not from the file's declarations. */
function isParameterHere(id: ts.Identifier): boolean {
  for (let fn = enclosingFunction(id); fn; fn = enclosingFunction(fn)) if (fn.parameters.some((p) => isIdentifier(p.name) && p.name.text === id.text)) return true;
  return false;
}

function piece(local: string, path: string[], line: number): NonNullable<OwnTable['table']> {
  return { entries: [], nodes: [], pieces: [{ local, path, line }], unknown: [] };
}

function merge(parts: Array<NonNullable<OwnTable['table']>>): NonNullable<OwnTable['table']> {
  return { entries: parts.flatMap((p) => p.entries), nodes: parts.flatMap((p) => p.nodes), pieces: parts.flatMap((p) => p.pieces), unknown: parts.flatMap((p) => p.unknown) };
}

/**
 * A table a statement exports without a name of the file: `export default {...}` / `module.exports =
 * {...}` (under DEFAULT_OBJECT), an anonymous function returning one (`export default () => ({...})`,
 * under '*', the default export's name for it; `export default function () {}`, under
 * DEFAULT_OBJECT, as it has none), and `module.exports.routes = {...}` / `exports.routes = {...}`.
 */
function exportedTable(st: ts.Statement, sf: ts.SourceFile): { name: string; value: ts.ObjectLiteralExpression | ts.FunctionLikeDeclaration } | undefined {
  if (isFunctionDeclaration(st) && !st.name && st.body && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return { name: DEFAULT_OBJECT, value: st };
  const assigned = isExpressionStatement(st) && isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken ? st.expression : undefined;
  const value = isExportAssignment(st) ? skipOuter(st.expression) : assigned ? skipOuter(assigned.right) : undefined;
  const left = assigned?.left.getText(sf);
  if (value && (isArrowFunction(value) || isFunctionExpression(value)) && (!assigned || left === 'module.exports')) return { name: '*', value };
  if (!value || !isObjectLiteralExpression(value)) return undefined;
  if (!assigned || left === 'module.exports') return { name: DEFAULT_OBJECT, value };
  const named = /^(?:module\.exports|exports)\.([\w$]+)$/.exec(left ?? '');
  return named?.[1] !== undefined ? { name: named[1], value } : undefined;
}

/** Whether a loop body calls something by a computed name, `router[method](...)`. */
function callsComputedMethod(body: ts.Node): boolean {
  const find = (n: ts.Node): boolean => (isCallExpression(n) && isElementAccessExpression(skipOuter(n.expression))) || (forEachChild(n, find) ?? false);
  return find(body);
}

/** The key bound to a loop's variable: `key`, `[key, value]` of an entry, or `entry` (its `[0]`). */
function bindKey(binding: ts.BindingName, entries: boolean, key: StrValue, scope: Scope): void {
  if (!entries) bindName(binding, key, scope);
  else if (isIdentifier(binding)) scope.set(binding.text, { kind: 'arr', items: [key] });
  else if (isArrayBindingPattern(binding)) {
    const first = binding.elements[0];
    if (first && isBindingElement(first)) bindName(first.name, key, scope);
  }
}

/** A name (or `[a, b]` of a list or a key's pieces) bound to a value in a scope. */
function bindName(name: ts.BindingName, v: ConstValue, scope: Scope): void {
  if (isIdentifier(name)) scope.set(name.text, v);
  else if (isArrayBindingPattern(name))
    name.elements.forEach((el, i) => {
      if (isBindingElement(el) && !el.dotDotDotToken) bindName(el.name, v.kind === 'arr' ? (v.items[i] ?? str()) : refStep(v, String(i)), scope);
    });
}

function refStep(v: ConstValue, step: string): ConstValue {
  const ref = keyRefOf(v);
  return ref ? str({ ref: { ...ref, path: [...ref.path, step] } }) : str();
}

/** `split(' ')`, `split(/\s+/)`: the step, for a literal separator or a run of white space. */
function splitStep(sep: ts.Expression): string | undefined {
  if (isStringLiteralLike(sep)) return `${SPLIT}${sep.text}`;
  return isRegularExpressionLiteral(sep) && /^\/(?:\\s|\s)[+]?\/$/.test(sep.text) ? SPLIT_WS : undefined;
}

/** The reference to a table's keys a value is (alone), if it is one. */
function keyRefOf(v: ConstValue): { local: string; path: string[] } | undefined {
  const only = v.kind === 'str' && v.parts.length === 1 ? v.parts[0] : undefined;
  return typeof only === 'object' && only.ref.path.includes(KEYS) ? only.ref : undefined;
}

function readsKey(v: ConstValue): boolean {
  return (v.kind === 'str' && v.parts.some((p) => typeof p !== 'string' && p.ref.path.includes(KEYS))) || (v.kind === 'arr' && v.items.some(readsKey));
}

/** A path value with the parts made of one table's key replaced by what they make of `key`; undefined when one makes nothing. */
function withKey(v: StrValue, local: string, key: string): StrValue | undefined {
  const parts: Part[] = [];
  for (const p of v.parts) {
    if (typeof p === 'string' || p.ref.local !== local) {
      parts.push(p);
      continue;
    }
    const text = keyText(key, p.ref.path.slice(p.ref.path.indexOf(KEYS) + 1));
    if (text === undefined) return undefined;
    parts.push(text);
  }
  return str(...parts);
}
