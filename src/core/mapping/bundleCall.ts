// The bundling call of a build script (bundleScript.ts), read from its syntax with the TypeScript
// parser. Kept apart from bundleScript.ts: the build puts this file in the route parser's bundle
// (dist/routeParser.js, scripts/build.mjs), so the extension's engine side and the command load
// the 9 MB compiler only when a build script may call a bundler, not at start-up.
import { posix } from 'node:path';
import ts from '../routes/compiler';
import { skipOuter } from '../routes/tsSyntax';
import { MODULE_APIS } from './bundleScript';

/** A path as a script writes it: relative to the folder it runs in, or to its own folder (`__dirname`). */
export interface ScriptPath {
  rel: string;
  fromScript: boolean;
  /**
   * Joined to a folder the script computes (`path.resolve(paths.root, 'server/start.ts')`): taken
   * as relative to the folder the script runs in only where that names a file of the project.
   */
  fromUnknown?: true;
}

export interface BundleCall {
  tool: string;
  output?: ScriptPath;
  entries: ScriptPath[];
  /** An entry is a glob (`entryPoints: ['src/**\/*.ts']`): every file its own entry, written at its own path below the output folder, not one bundle. */
  perFile?: true;
}

/**
 * The first bundling call in a script's text (see the file comment); with `configTool`, the text
 * is that build CLI's configuration file: its first object naming a literal `outfile` (at any
 * depth) is the bundle, with the entries of it or of the object holding it.
 */
export function readBundleCall(text: string, file: string, configTool?: string): BundleCall | undefined {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /\.[cm]?tsx?$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  if (configTool !== undefined) return configOutfile(sf, configTool);
  const apis = importedApis(sf);
  return firstNode(sf, (n): BundleCall | undefined => {
    if (!ts.isCallExpression(n)) return undefined;
    const tool = calledTool(n.expression, apis);
    const options = tool !== undefined && n.arguments[0] ? objectOf(sf, n.arguments[0]) : undefined;
    if (tool === undefined || !options || !bundles(tool, options)) return undefined;
    const entries = entriesOf(options);
    return { tool, entries, ...outputOf(options, tool === 'rollup' ? rollupWrite(sf) : undefined), ...(entries.some((e) => /[*?]/.test(e.rel)) ? { perFile: true as const } : {}) };
  });
}

function configOutfile(sf: ts.SourceFile, tool: string): BundleCall | undefined {
  return firstNode(sf, (n): BundleCall | undefined => {
    if (!ts.isObjectLiteralExpression(n)) return undefined;
    const out = literalPath(property(n, ['outfile']));
    if (out === undefined || out.fromUnknown) return undefined;
    const owner = ts.isPropertyAssignment(n.parent) && ts.isObjectLiteralExpression(n.parent.parent) ? n.parent.parent : n;
    return { tool, output: { ...out, rel: posix.dirname(out.rel) }, entries: [...entriesOf(n), ...(owner === n ? [] : entriesOf(owner))] };
  });
}

/** What `pick` answers for the first node (depth first, in source order) it answers for. */
function firstNode<T>(root: ts.Node, pick: (n: ts.Node) => T | undefined): T | undefined {
  let found: T | undefined;
  const visit = (n: ts.Node): void => {
    if (found !== undefined) return;
    found = pick(n);
    if (found === undefined) ts.forEachChild(n, visit);
  };
  visit(root);
  return found;
}

/** Local name -> tool, for each bundling function or namespace imported (`import { build } from 'esbuild'`, `const esbuild = require('esbuild')`). */
function importedApis(sf: ts.SourceFile): Map<string, { tool: string; call?: string }> {
  const apis = new Map<string, { tool: string; call?: string }>();
  const bind = (module: string, local: string, imported: string | undefined) => {
    const api = MODULE_APIS[module];
    if (!api) return;
    if (imported === undefined) apis.set(local, { tool: api.tool });
    else if (api.calls.includes(imported)) apis.set(local, { tool: api.tool, call: imported });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier) && n.importClause) {
      const module = n.moduleSpecifier.text;
      const { name, namedBindings } = n.importClause;
      if (name) bind(module, name.text, undefined);
      if (namedBindings && ts.isNamespaceImport(namedBindings)) bind(module, namedBindings.name.text, undefined);
      if (namedBindings && ts.isNamedImports(namedBindings)) for (const el of namedBindings.elements) bind(module, el.name.text, (el.propertyName ?? el.name).text);
    } else if (ts.isVariableDeclaration(n) && n.initializer) {
      const module = requiredModule(n.initializer);
      if (module !== undefined && ts.isIdentifier(n.name)) bind(module, n.name.text, undefined);
      if (module !== undefined && ts.isObjectBindingPattern(n.name))
        for (const el of n.name.elements) if (ts.isIdentifier(el.name)) bind(module, el.name.text, el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return apis;
}

/** `require('esbuild')`, `await import('esbuild')`: the module named. */
function requiredModule(e: ts.Expression): string | undefined {
  const inner = skipOuter(e);
  if (!ts.isCallExpression(inner) || !ts.isStringLiteral(inner.arguments[0] ?? inner)) return undefined;
  const callee = inner.expression;
  const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
  return isRequire || callee.kind === ts.SyntaxKind.ImportKeyword ? (inner.arguments[0] as ts.StringLiteral).text : undefined;
}

/** The tool a call's callee is: `Bun.build`, an imported `build`, `esbuild.build`, `require('esbuild').buildSync`. */
function calledTool(callee: ts.Expression, apis: Map<string, { tool: string; call?: string }>): string | undefined {
  if (ts.isIdentifier(callee)) return apis.get(callee.text)?.call !== undefined ? apis.get(callee.text)?.tool : undefined;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const member = callee.name.text;
  const owner = skipOuter(callee.expression);
  if (ts.isIdentifier(owner) && owner.text === 'Bun') return member === 'build' ? 'Bun.build' : undefined;
  const module = ts.isIdentifier(owner) ? apis.get(owner.text) : undefined;
  const tool = module?.call === undefined ? module?.tool : undefined;
  const required = tool === undefined ? requiredModule(owner) : undefined;
  const api = Object.values(MODULE_APIS).find((a) => a.tool === (tool ?? required));
  return api?.calls.includes(member) ? api.tool : undefined;
}

/** The object literal an argument is, or names (`const options = { ... }` in the file). */
function objectOf(sf: ts.SourceFile, arg: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const e = skipOuter(arg);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (!ts.isIdentifier(e)) return undefined;
  return firstNode(sf, (n) => {
    const init = ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === e.text && n.initializer ? skipOuter(n.initializer) : undefined;
    return init && ts.isObjectLiteralExpression(init) ? init : undefined;
  });
}

/**
 * Whether the call's options bundle: esbuild's only when asked (`bundle: true`; it transforms file
 * by file by default, https://esbuild.github.io/api/#bundle), tsup's unless told not (`bundle:
 * false`, https://tsup.egoist.dev/#bundle-files). A value computed at run time, or options spread
 * in from elsewhere, may bundle.
 */
function bundles(tool: string, options: ts.ObjectLiteralExpression): boolean {
  const value = property(options, ['bundle']);
  const kind = value && skipOuter(value).kind;
  if (kind === ts.SyntaxKind.FalseKeyword) return false;
  if (tool !== 'esbuild' || kind !== undefined) return true;
  return options.properties.some((p) => ts.isSpreadAssignment(p));
}

function property(o: ts.ObjectLiteralExpression, names: readonly string[]): ts.Expression | undefined {
  for (const p of o.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && names.includes(p.name.text)) return p.initializer;
  }
  return undefined;
}

/**
 * A literal path: `'dist'`, or one joined to the script's folder (`path.join(__dirname, 'dist')`),
 * written in place or as the value of a `const` of the file the option names (`outdir: OUTDIR`).
 */
function literalPath(e: ts.Expression | undefined, depth = 0): ScriptPath | undefined {
  const inner = e && skipOuter(e);
  if (!inner) return undefined;
  if (ts.isIdentifier(inner)) return depth < 2 ? literalPath(constValue(inner), depth + 1) : undefined;
  if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return posix.isAbsolute(inner.text) ? undefined : { rel: inner.text, fromScript: false };
  // `entry: () => import('./src/main.js')`: the module the entry loads, relative to the file that imports it.
  const loaded = ts.isArrowFunction(inner) && !ts.isBlock(inner.body) ? skipOuter(inner.body) : undefined;
  if (loaded) {
    const spec = ts.isCallExpression(loaded) && loaded.expression.kind === ts.SyntaxKind.ImportKeyword ? loaded.arguments[0] : undefined;
    return spec && ts.isStringLiteral(spec) && spec.text.startsWith('.') ? { rel: spec.text, fromScript: true } : undefined;
  }
  if (!isPathJoin(inner)) return undefined;
  const [base, ...rest] = inner.arguments;
  const parts = rest.map((a) => (ts.isStringLiteral(a) ? a.text : undefined));
  if (!base || parts.length === 0 || parts.some((p) => p === undefined)) return undefined;
  const rel = posix.join(...(parts as string[]));
  const own = scriptFolder(base);
  if (own !== undefined) return { rel: posix.join(own, rel), fromScript: true };
  return ts.isStringLiteral(base) || posix.isAbsolute(rel) ? undefined : { rel, fromScript: false, fromUnknown: true };
}

/** `path.join(...)`, `resolve(...)`. */
function isPathJoin(e: ts.Expression): e is ts.CallExpression {
  return ts.isCallExpression(e) && /^(?:join|resolve)$/.test(ts.isPropertyAccessExpression(e.expression) ? e.expression.name.text : e.expression.getText());
}

/**
 * The script's own folder, or one joined to it, as a path relative to that folder: `__dirname`,
 * `import.meta.dirname`, ESM's `dirname(fileURLToPath(import.meta.url))`, a `const` of the file
 * holding one (`const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')`).
 */
function scriptFolder(e: ts.Expression, depth = 0): string | undefined {
  const inner = skipOuter(e);
  if (/^(?:__dirname|import\.meta\.dirname|import\.meta\.dir|(?:\w+\.)?dirname\((?:\w+\.)?fileURLToPath\(import\.meta\.url\)\))$/.test(inner.getText().replace(/\s+/g, ''))) return '';
  if (ts.isIdentifier(inner)) {
    const value = depth < 3 ? constValue(inner) : undefined;
    return value === undefined ? undefined : scriptFolder(value, depth + 1);
  }
  if (!isPathJoin(inner) || depth >= 3) return undefined;
  const [base, ...rest] = inner.arguments;
  const parts = rest.map((a) => (ts.isStringLiteral(a) ? a.text : undefined));
  const own = base === undefined || parts.some((p) => p === undefined) ? undefined : scriptFolder(base, depth + 1);
  return own === undefined ? undefined : posix.join(own, ...(parts as string[]));
}

/**
 * A file named at run time in a folder the script names (`outfile: path.join(OUT_DIR, `${name}.cjs`)`,
 * one bundle per entry of a list): that folder, as a file of it.
 */
function computedFileIn(e: ts.Expression | undefined): ScriptPath | undefined {
  const inner = e && skipOuter(e);
  if (!inner || !isPathJoin(inner) || inner.arguments.length < 2) return undefined;
  const last = inner.arguments[inner.arguments.length - 1] as ts.Expression;
  if (ts.isStringLiteral(last) || /[/\\]/.test(last.getText())) return undefined;
  const [base, ...mid] = inner.arguments.slice(0, -1);
  const parts = mid.map((a) => (ts.isStringLiteral(a) ? a.text : undefined));
  if (base === undefined || parts.some((p) => p === undefined)) return undefined;
  const own = scriptFolder(base);
  const folder = own !== undefined ? { rel: own, fromScript: true } : literalPath(base);
  return folder && { ...folder, rel: posix.join(folder.rel, ...(parts as string[]), 'file') };
}

function entriesOf(o: ts.ObjectLiteralExpression): ScriptPath[] {
  const e = property(o, ['entrypoints', 'entryPoints', 'entry', 'input']);
  const inner = e && skipOuter(e);
  if (!inner) return [];
  const items = ts.isArrayLiteralExpression(inner) ? [...inner.elements] : ts.isObjectLiteralExpression(inner) ? inner.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? [p.initializer] : [])) : [inner];
  return items.map((i) => literalPath(i)).filter((p): p is ScriptPath => p !== undefined);
}

/** Where the call's options (or rollup's `bundle.write(...)`) say it writes: a folder, or a file's folder. */
function outputOf(o: ts.ObjectLiteralExpression, write: ts.ObjectLiteralExpression | undefined): { output?: ScriptPath } {
  const rollupOutput = property(o, ['output']);
  const nested = rollupOutput && ts.isObjectLiteralExpression(skipOuter(rollupOutput)) ? (skipOuter(rollupOutput) as ts.ObjectLiteralExpression) : undefined;
  for (const options of [o, nested, write]) {
    if (!options) continue;
    // An output joined to a computed folder says nothing: it may be anywhere.
    const known = (p: ScriptPath | undefined) => (p?.fromUnknown ? undefined : p);
    const folder = known(literalPath(property(options, ['outdir', 'outDir', 'dir'])));
    if (folder !== undefined) return { output: folder };
    const file = known(literalPath(property(options, ['outfile', 'file'])) ?? computedFileIn(property(options, ['outfile', 'file'])));
    if (file !== undefined) return { output: { ...file, rel: posix.dirname(file.rel) } };
  }
  return {};
}

/** The options of the file's first `.write({ ... })` call: where a rollup bundle is written. */
function rollupWrite(sf: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  return firstNode(sf, (n) => (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'write' && n.arguments[0] ? objectOf(sf, n.arguments[0]) : undefined));
}

/** The initializer of the file's top-level `const` a name refers to (none for `let`, `var`, or a name declared twice). */
function constValue(name: ts.Identifier): ts.Expression | undefined {
  const found: ts.Expression[] = [];
  for (const statement of name.getSourceFile().statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name.text && d.initializer) found.push(d.initializer);
  }
  return found.length === 1 ? found[0] : undefined;
}
