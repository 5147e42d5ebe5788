// Loops that register routes once per element (`routes.forEach((r) => router.use(r.path, r.route))`,
// `for (const r of list)`): the elements, each bound in its own scope; a module loaded by a name
// taken from a list; and the loop variable a mount's path names but this scan cannot know.
import ts from 'typescript';
import { posix } from 'node:path';
import { EACH, LISTED, literalOf, str, type ConstValue } from './values';
import { lastReturn, skipOuter } from './tsSyntax';
import { bindingNames, dirnameJoin, concatPieces, fromDirname, isFunctionLike } from './routeSyntax';
import { loopAt, isModuleLoad } from './moduleLoads';
import { TableLoopReader } from './tableLoops';
import { loopOfBody, type TableLoop } from './loopOverTable';

export abstract class LoopReader extends TableLoopReader {
  /**
   * `require(path.join(__dirname, 'api', r))` / `await import(join(dir, d.name))` in a loop over a
   * folder listed at run time (listedEntry), the entry's name last: each file of that folder, the
   * listing (values.ts LISTED) standing for the module's source; collect.ts makes it one per file.
   */
  protected listedLoad(init: ts.Expression): { source: string; imported: string } | undefined {
    const load = skipOuter(ts.isAwaitExpression(skipOuter(init)) ? (skipOuter(init) as ts.AwaitExpression).expression : init);
    const arg = isModuleLoad(load) && ts.isCallExpression(load) && load.arguments[0] ? skipOuter(load.arguments[0]) : undefined;
    const joinCall = arg && ts.isCallExpression(arg) && /(?:^|\.)(?:join|resolve)$/.test(arg.expression.getText()) ? arg : undefined;
    const pieces = arg && !joinCall ? concatPieces(arg) : undefined;
    const args = joinCall ? joinCall.arguments.map(skipOuter) : pieces && pieces.length > 1 ? pieces : undefined;
    const last = args?.[args.length - 1];
    const entry = last && typeof last !== 'string' && (ts.isIdentifier(last) ? this.loopEntry(last, ['name']) : ts.isPropertyAccessExpression(last) && last.name.text === 'name' && ts.isIdentifier(last.expression) ? this.loopEntry(last.expression, []) : undefined);
    if (!entry || !last || !args) return undefined;
    const text = (x: ts.Expression | string): string | undefined => (typeof x === 'string' ? x : x === last ? '\0' : literalOf(this.evaluate(x)));
    const first = args[0];
    const decl = first && typeof first !== 'string' && ts.isIdentifier(first) ? this.decls.get(first.text) : undefined;
    const base = decl && ts.isExpression(decl) ? dirnameJoin(skipOuter(decl), text) : undefined;
    const rest = args.slice(1).map(text);
    const sep = joinCall ? '/' : '';
    const joined = base !== undefined ? (rest.every((r): r is string => r !== undefined) ? [base, ...rest].join(sep) : undefined) : joinCall ? dirnameJoin(joinCall, text) : fromDirname(args, text);
    const [dir = ''] = entry.slice(LISTED.length).split('|');
    const same = joined !== undefined && posix.join('x', joined) === posix.join('x', dir, '\0');
    return same ? { source: entry, imported: ts.isCallExpression(load) && load.expression.kind === ts.SyntaxKind.ImportKeyword ? '*' : 'default' } : undefined;
  }

  /** The listing (LISTED local) a loop over a listed folder binds `id` to, when what it binds is that entry's `steps` (['name'] for a name, [] for a dirent). */
  private loopEntry(id: ts.Identifier, steps: string[]): string | undefined {
    for (let node: ts.Node = id; node.parent !== undefined; node = node.parent) {
      const loop = loopAt(node);
      const value = loop && loop.variable === id.text ? this.listedEntry(loop.list) : undefined;
      const ref = value?.kind === 'str' && typeof value.parts[0] === 'object' ? value.parts[0].ref : undefined;
      if (ref) return ref.path.slice(1).join('.') === steps.join('.') ? ref.local : undefined;
    }
    return undefined;
  }

  /**
   * A loop (loopOverTable.ts) read element by element: `routes.forEach((r) => router.use(r.path,
   * r.route))` or `for (const r of list)` over a literal array, once per element; over an imported
   * array, once with the variable standing for each element (collect.ts expands it when it resolves
   * the import); over a constant table of the file (`for...in` and indexed `for` too), once per
   * element with the variable's names bound (tableLoops.ts). False for any other loop.
   */
  protected readLoop(loop: TableLoop): boolean {
    const { variable: name, list, body } = loop;
    if (!name) return false;
    const table = () => {
      const items = this.tableItems(loop);
      return items !== undefined && this.readTableLoop(name, items, body);
    };
    if (loop.form === 'in' || loop.form === 'index') return ts.isIdentifier(name) && table();
    if (!ts.isIdentifier(name)) return table();
    const variable = name.text;
    const arr = this.arrayElements(list);
    if (arr) {
      // `[...featureRoutes, ...metricRoutes]`: each spread list's elements, as over that list.
      this.visitEach(
        arr.map((el) => new Map([[variable, (ts.isSpreadElement(el) ? this.eachOf(el.expression) : undefined) ?? el]])),
        body,
      );
      return true;
    }
    const each = this.eachOf(list) ?? this.listedEntry(list);
    if (!each) return table();
    this.withScope(new Map([[variable, each]]), () => this.visit(body));
    return true;
  }

  /** Each element of an imported array, as one value collect.ts expands when it resolves the import. */
  private eachOf(list: ts.Expression): ConstValue | undefined {
    const imported = this.evaluate(list);
    const ref = imported?.kind === 'str' && imported.parts.length === 1 && typeof imported.parts[0] === 'object' ? imported.parts[0].ref : undefined;
    return ref && str({ ref: { local: ref.local, path: [...ref.path, EACH] } });
  }

  /**
   * Each entry of a folder listed at run time, `fs.readdirSync(dir, { withFileTypes: true })` (a
   * dirent, its file name `.name`) or `readdirSync(dir)` (the name), through `.filter(...)` calls
   * whose `endsWith('.js')` keep those names only: one value collect.ts expands from the tree's files.
   */
  private listedEntry(list: ts.Expression): ConstValue | undefined {
    let e = skipOuter(list);
    const endings: string[] = [];
    while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'filter') {
      const keep = e.arguments[0];
      if (keep) endings.push(...endsWithLiterals(keep));
      e = skipOuter(e.expression.expression);
    }
    if (!ts.isCallExpression(e) || !/(?:^|\.)readdirSync$/.test(e.expression.getText())) return undefined;
    const arg = e.arguments[0] ? skipOuter(e.arguments[0]) : undefined;
    const dirNode = arg && ts.isIdentifier(arg) && !this.scopes.some((sc) => sc.has(arg.text)) ? this.decls.get(arg.text) : arg;
    const dir = dirNode && ts.isExpression(dirNode) ? dirnameJoin(skipOuter(dirNode), (x) => literalOf(this.evaluate(x))) : undefined;
    if (dir === undefined) return undefined;
    const options = e.arguments[1] ? skipOuter(e.arguments[1]) : undefined;
    const types = options && ts.isObjectLiteralExpression(options) ? this.prop(options, 'withFileTypes') : undefined;
    const dirents = types !== undefined && skipOuter(types).kind === ts.SyntaxKind.TrueKeyword;
    return str({ ref: { local: `${LISTED}${dir}|${endings.join(',')}`, path: dirents ? [EACH] : [EACH, 'name'] } });
  }

  private arrayElements(expr: ts.Expression, depth = 0): ts.Expression[] | undefined {
    let e: ts.Node | undefined = skipOuter(expr);
    if (ts.isIdentifier(e)) e = this.decls.get(e.text);
    // `for (const router of createRouters(tenant))`: what a function of this file returns, an
    // array literal of its routers, is what the loop runs over.
    if (e && ts.isCallExpression(e) && ts.isIdentifier(skipOuter(e.expression)) && depth < 2) {
      const fn = this.decls.get((skipOuter(e.expression) as ts.Identifier).text);
      const body = fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn)) ? fn.body : undefined;
      const returned = body === undefined ? undefined : ts.isBlock(body) ? lastReturn(body) : body;
      return returned ? this.arrayElements(returned, depth + 1) : undefined;
    }
    return e && ts.isArrayLiteralExpression(e) ? [...e.elements] : undefined;
  }

  /**
   * The loop variable a call's arguments read when the loop runs over something not known here
   * (`for (const r of loadRouters()) app.use(r.path, r.router)`, `files.forEach((f) => ...)`); a
   * loop over a literal array is read element by element instead (readLoop).
   */
  protected unknownLoopVariable(call: ts.CallExpression): string | undefined {
    const names = new Set<string>();
    for (let cur: ts.Node = call; cur.parent && !ts.isSourceFile(cur); cur = cur.parent) {
      const loop = loopOfBody(cur);
      if (loop?.variable && loop.form !== 'index') bindingNames(loop.variable, names);
    }
    if (names.size === 0) return undefined;
    let hit: string | undefined;
    const visit = (n: ts.Node): void => {
      if (hit !== undefined || isFunctionLike(n)) return;
      if (ts.isIdentifier(n) && names.has(n.text) && !this.scopes.some((sc) => sc.has(n.text))) hit = n.text;
      else ts.forEachChild(n, visit);
    };
    for (const a of call.arguments) visit(a);
    return hit;
  }
}

/** The string literals a filter callback tests names with: `(d) => d.isFile() && d.name.endsWith('.js')` -> ['.js']. */
function endsWithLiterals(fn: ts.Node): string[] {
  const out: string[] = [];
  const walk = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'endsWith') {
      const arg = n.arguments[0] ? skipOuter(n.arguments[0]) : undefined;
      if (arg && ts.isStringLiteralLike(arg)) out.push(arg.text);
    }
    ts.forEachChild(n, walk);
  };
  walk(fn);
  return out;
}
