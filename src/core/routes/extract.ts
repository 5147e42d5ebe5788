// Route declarations in one source file: NestJS decorators and Express/Fastify/Koa/Hono style
// router calls, plus what collectRoutes needs to join files up (global prefix, mounts, imports,
// the default export). Pattern scanning over masked source (see sourceText.ts), never a
// compiler: a file that does not type-check still yields its routes.
import type { HttpMethod } from '../model';
import { joinRoutePath } from './joinPath';
import { isHttpMethod } from './routeSpec';
import type { SourceText } from './sourceText';
import { createSourceText, findClose, objectValue, readString, readStrings, skipSpace, splitTopLevel } from './sourceText';

export type RouteKind = 'nest' | 'router';

export interface ExtractedRoute {
  method: HttpMethod;
  /** Normalised, without any global prefix or mount prefix (a Koa `new Router({ prefix })` is applied). */
  path: string;
  /** 1-based line of the decorator or of the method call. */
  line: number;
  kind: RouteKind;
  /** The variable the route is declared on (router kind): how mounts find it. */
  router?: string;
}

/** `app.use('/users', usersRouter)`, `fastify.register(users, { prefix: '/users' })`. */
export interface ExtractedMount {
  prefix: string;
  routerName: string;
  line: number;
  /** The variable `use`/`register` was called on, so nested mounts compose. */
  mountedOn?: string;
}

export interface ExtractedImport {
  /** The local name. */
  local: string;
  /** 'default', '*' (namespace) or the exported name. */
  imported: string;
  /** The module specifier as written ('./users.routes'). */
  source: string;
}

export interface ExtractedFile {
  routes: ExtractedRoute[];
  /** `app.setGlobalPrefix('api/v1')`, normalised ('/api/v1'). */
  globalPrefix?: string;
  /** setGlobalPrefix's `exclude` paths, normalised. */
  globalPrefixExclude?: string[];
  mounts: ExtractedMount[];
  imports: ExtractedImport[];
  /** The local name behind `export default x` / `module.exports = x`. */
  defaultExport?: string;
  /** Declarations seen but not understood ("src/a.ts:12: @Get path is not a string literal; route skipped"). */
  warnings: string[];
}

const NEST_METHODS: Readonly<Record<string, HttpMethod>> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Head: 'HEAD',
  Options: 'OPTIONS',
  All: 'ALL',
};

const ROUTER_METHODS: Readonly<Record<string, HttpMethod>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE', // koa-router alias
  head: 'HEAD',
  options: 'OPTIONS',
  all: 'ALL',
};

/** Calls whose result is an app or a router: a variable assigned from one receives routes. */
const ROUTER_FACTORY =
  /^(?:express|express\.Router|express\.default|Router|fastify|Fastify|Koa|KoaRouter|Hono|OpenAPIHono|polka|restify\.createServer|createRouter)$/;

/**
 * Receivers accepted without a visible factory call (a fastify plugin's parameter, a router passed
 * in). Deliberately excludes client-ish names (axios, http, api, client, request) so that
 * `http.get('/users', config)` in front-end code is not taken for a route.
 */
const CONVENTIONAL_RECEIVER = /^(?:app|server|fastify|instance|router|routes)$|(?:Router|Routes|router|routes)$/;

const IDENT = '[A-Za-z_$][\\w$]*';

export function extractRoutesFromSource(text: string, file: string): ExtractedFile {
  const src = createSourceText(text);
  const result: ExtractedFile = { routes: [], mounts: [], imports: [], warnings: [] };
  extractNest(src, result);
  extractGlobalPrefix(src, result);
  const receivers = findReceivers(src);
  extractRouterCalls(src, receivers, result);
  extractRouteChains(src, receivers, result);
  extractMounts(src, receivers, result);
  extractImports(src, result);
  const defaultExport = findDefaultExport(src.code);
  if (defaultExport) result.defaultExport = defaultExport;
  result.warnings = result.warnings.map((w) => `${file}:${w}`);
  return result;
}

function isIdentChar(c: string | undefined): boolean {
  return c !== undefined && /[\w$]/.test(c);
}

/**
 * Paths of a decorator call whose `(` is at `open`: `()` → [''], `('x')`, `(['a', 'b'])`,
 * `({ path: 'x' })`; undefined when the argument is not a literal.
 */
function decoratorPaths(src: SourceText, open: number): string[] | undefined {
  const i = skipSpace(src.code, open + 1);
  const c = src.code[i];
  if (c === ')') return [''];
  if (c === '{') {
    const value = objectValue(src, i, 'path');
    return value === undefined ? [''] : readStrings(src, value);
  }
  return readStrings(src, i);
}

function extractNest(src: SourceText, out: ExtractedFile): void {
  const controllers: Array<{ offset: number; paths: string[] | undefined }> = [];
  for (const m of src.code.matchAll(/@(?:Controller|JsonController)\s*\(/g)) {
    if (isIdentChar(src.code[m.index - 1])) continue;
    const paths = decoratorPaths(src, m.index + m[0].length - 1);
    if (!paths) out.warnings.push(`${src.lineAt(m.index)}: controller path is not a string literal; its routes are skipped`);
    controllers.push({ offset: m.index, paths });
  }
  if (controllers.length === 0) return;
  for (const m of src.code.matchAll(/@(Get|Post|Put|Patch|Delete|Head|Options|All)\s*\(/g)) {
    const method = NEST_METHODS[m[1] ?? ''];
    if (!method || isIdentChar(src.code[m.index - 1])) continue;
    const controller = controllers.filter((c) => c.offset < m.index).pop();
    if (!controller?.paths) continue;
    const line = src.lineAt(m.index);
    const paths = decoratorPaths(src, m.index + m[0].length - 1);
    if (!paths) {
      out.warnings.push(`${line}: @${m[1] ?? ''} path is not a string literal; route skipped`);
      continue;
    }
    for (const base of controller.paths) {
      for (const p of paths) out.routes.push({ method, path: joinRoutePath(base, p), line, kind: 'nest' });
    }
  }
}

function extractGlobalPrefix(src: SourceText, out: ExtractedFile): void {
  for (const m of src.code.matchAll(/\.\s*setGlobalPrefix\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const close = findClose(src.code, open);
    if (close < 0) continue;
    const [first, second] = splitTopLevel(src.code, open, close);
    const prefix = first ? readString(src, skipSpace(src.code, first[0])) : undefined;
    if (!prefix) {
      out.warnings.push(`${src.lineAt(m.index)}: setGlobalPrefix argument is not a string literal`);
      continue;
    }
    out.globalPrefix = joinRoutePath(prefix.value);
    const optionsAt = second ? skipSpace(src.code, second[0]) : -1;
    if (src.code[optionsAt] !== '{') continue;
    const excludeAt = objectValue(src, optionsAt, 'exclude');
    if (excludeAt === undefined || src.code[excludeAt] !== '[') continue;
    const excludeClose = findClose(src.code, excludeAt);
    const exclude: string[] = [];
    for (const [a] of splitTopLevel(src.code, excludeAt, excludeClose)) {
      const at = skipSpace(src.code, a);
      // Entries are 'health' or { path: 'health', method: RequestMethod.GET }.
      const pathAt = src.code[at] === '{' ? objectValue(src, at, 'path') : at;
      const value = pathAt === undefined ? undefined : readString(src, pathAt);
      if (value) exclude.push(joinRoutePath(value.value));
    }
    out.globalPrefixExclude = exclude;
  }
}

interface Receivers {
  /** Variables assigned from a router/app factory. */
  declared: Set<string>;
  /** Koa `new Router({ prefix })` / `router.prefix('/p')`, normalised. */
  prefixes: Map<string, string>;
}

function findReceivers(src: SourceText): Receivers {
  const declared = new Set<string>();
  const prefixes = new Map<string, string>();
  const assignment = new RegExp(
    `(?<![\\w$])(${IDENT})\\s*(?::\\s*[\\w$.<>\\[\\]|, ]+?)?\\s*=\\s*(?:await\\s+)?(new\\s+)?(${IDENT}(?:\\s*\\.\\s*${IDENT})*)\\s*(?:<[^>(]*>)?\\s*\\(`,
    'g',
  );
  for (const m of src.code.matchAll(assignment)) {
    const name = m[1] ?? '';
    const callee = (m[3] ?? '').replace(/\s+/g, '');
    if (!ROUTER_FACTORY.test(callee)) continue;
    declared.add(name);
    const open = m.index + m[0].length - 1;
    const argAt = skipSpace(src.code, open + 1);
    if (src.code[argAt] !== '{') continue;
    const prefixAt = objectValue(src, argAt, 'prefix');
    const prefix = prefixAt === undefined ? undefined : readString(src, prefixAt);
    if (prefix) prefixes.set(name, joinRoutePath(prefix.value));
  }
  for (const m of src.code.matchAll(new RegExp(`(${IDENT})\\s*\\.\\s*prefix\\s*\\(`, 'g'))) {
    const prefix = readString(src, skipSpace(src.code, m.index + m[0].length));
    if (prefix && m[1]) prefixes.set(m[1], joinRoutePath(prefix.value));
  }
  return { declared, prefixes };
}

function isReceiver(receivers: Receivers, name: string): boolean {
  return receivers.declared.has(name) || receivers.prefixes.has(name) || CONVENTIONAL_RECEIVER.test(name);
}

function isRoutePath(p: string): boolean {
  return p.startsWith('/') || p === '*';
}

function addRouterRoute(out: ExtractedFile, receivers: Receivers, router: string, method: HttpMethod, p: string, line: number): void {
  out.routes.push({ method, path: joinRoutePath(receivers.prefixes.get(router) ?? '', p), line, kind: 'router', router });
}

/** `router.get('/x', handler)`, `app.post("/y", ...)`, koa-router's `router.get('name', '/x', ...)`. */
function extractRouterCalls(src: SourceText, receivers: Receivers, out: ExtractedFile): void {
  const call = new RegExp(`(${IDENT})\\s*\\.\\s*(get|post|put|patch|delete|del|head|options|all)\\s*\\(`, 'g');
  for (const m of src.code.matchAll(call)) {
    const router = m[1] ?? '';
    const method = ROUTER_METHODS[m[2] ?? ''];
    if (!method || !isReceiver(receivers, router)) continue;
    const open = m.index + m[0].length - 1;
    const close = findClose(src.code, open);
    if (close < 0) continue;
    const args = splitTopLevel(src.code, open, close);
    // A route call has a handler; `router.get('/x')` alone is a lookup, not a declaration.
    if (args.length < 2) continue;
    const line = src.lineAt(m.index + m[0].indexOf('.'));
    let paths = readStrings(src, args[0]?.[0] ?? open + 1);
    if (paths && !paths.every(isRoutePath) && args.length >= 3) paths = readStrings(src, args[1]?.[0] ?? open + 1);
    if (!paths) {
      // Regex paths (`/^\/x/`) are legitimate but cannot be probed; say so only for the rest.
      if (!src.text.slice(args[0]?.[0] ?? 0, args[0]?.[1] ?? 0).trim().startsWith('/'))
        out.warnings.push(`${line}: ${router}.${m[2] ?? ''} path is not a string literal; route skipped`);
      continue;
    }
    if (!paths.every(isRoutePath)) continue;
    for (const p of paths) addRouterRoute(out, receivers, router, method, p, line);
  }
}

/** `router.route('/b').get(...).post(...)` and fastify/hapi `server.route({ method, url })`. */
function extractRouteChains(src: SourceText, receivers: Receivers, out: ExtractedFile): void {
  for (const m of src.code.matchAll(new RegExp(`(${IDENT})\\s*\\.\\s*route\\s*\\(`, 'g'))) {
    const router = m[1] ?? '';
    if (!isReceiver(receivers, router)) continue;
    const open = m.index + m[0].length - 1;
    const close = findClose(src.code, open);
    if (close < 0) continue;
    const argAt = skipSpace(src.code, open + 1);
    const line = src.lineAt(m.index + m[0].indexOf('.'));
    if (src.code[argAt] === '{') {
      extractRouteObject(src, receivers, router, argAt, line, out);
      continue;
    }
    const path = readString(src, argAt);
    if (!path || !isRoutePath(path.value)) continue;
    // Follow the chain: .get(...).post(...), stopping at anything else.
    let i = close + 1;
    const link = new RegExp(`^\\s*\\.\\s*(${IDENT})\\s*\\(`);
    for (;;) {
      const l = link.exec(src.code.slice(i, i + 200));
      const method = l ? ROUTER_METHODS[l[1] ?? ''] : undefined;
      if (!l || !method) break;
      const linkOpen = i + l[0].length - 1;
      addRouterRoute(out, receivers, router, method, path.value, src.lineAt(i + l[0].indexOf('.')));
      const linkClose = findClose(src.code, linkOpen);
      if (linkClose < 0) break;
      i = linkClose + 1;
    }
  }
}

function extractRouteObject(src: SourceText, receivers: Receivers, router: string, open: number, line: number, out: ExtractedFile): void {
  const methodAt = objectValue(src, open, 'method');
  const urlAt = objectValue(src, open, 'url') ?? objectValue(src, open, 'path');
  const methods = methodAt === undefined ? undefined : readStrings(src, methodAt);
  const url = urlAt === undefined ? undefined : readString(src, urlAt);
  if (!methods || !url) {
    out.warnings.push(`${line}: ${router}.route({...}) method or url is not a string literal; route skipped`);
    return;
  }
  if (!isRoutePath(url.value)) return;
  for (const raw of methods) {
    const method = raw.toUpperCase() === '*' ? 'ALL' : raw.toUpperCase();
    if (isHttpMethod(method)) addRouterRoute(out, receivers, router, method, url.value, line);
  }
}

/** `app.use('/users', usersRouter)`, koa `router.use('/u', users.routes())`, fastify register. */
function extractMounts(src: SourceText, receivers: Receivers, out: ExtractedFile): void {
  const mountable = new RegExp(`^(${IDENT})(?:\\s*\\.\\s*(?:routes|router)\\s*\\(\\s*\\))?$`);
  const routerOf = (a: number, b: number): string | undefined => {
    const at = skipSpace(src.code, a);
    const slice = src.code.slice(at, b).trim();
    const ident = mountable.exec(slice);
    if (ident) return ident[1];
    // An inline require('./users') names its module: record it as an import under that name.
    const req = /^require\s*\(\s*/.exec(slice);
    const source = req ? readString(src, at + req[0].length) : undefined;
    if (!source) return undefined;
    const local = `require(${source.value})`;
    out.imports.push({ local, imported: 'default', source: source.value });
    return local;
  };
  for (const m of src.code.matchAll(new RegExp(`(${IDENT})\\s*\\.\\s*(use|register)\\s*\\(`, 'g'))) {
    const mountedOn = m[1] ?? '';
    if (!isReceiver(receivers, mountedOn)) continue;
    const open = m.index + m[0].length - 1;
    const close = findClose(src.code, open);
    if (close < 0) continue;
    const args = splitTopLevel(src.code, open, close);
    const line = src.lineAt(m.index + m[0].indexOf('.'));
    const [first, second] = args;
    if (!first) continue;
    if (m[2] === 'use') {
      // `app.use(router)` mounts at the parent's own path; it still links nested routers.
      const prefix = readString(src, skipSpace(src.code, first[0]));
      if (prefix && !prefix.value.startsWith('/')) continue;
      for (const [a, b] of prefix ? args.slice(1) : args) {
        const routerName = routerOf(a, b);
        if (routerName) out.mounts.push({ prefix: joinRoutePath(prefix?.value ?? ''), routerName, line, mountedOn });
      }
    } else {
      // fastify.register(plugin, { prefix: '/users' })
      const optionsAt = second ? skipSpace(src.code, second[0]) : -1;
      if (src.code[optionsAt] !== '{') continue;
      const prefixAt = objectValue(src, optionsAt, 'prefix');
      const prefix = prefixAt === undefined ? undefined : readString(src, prefixAt);
      const routerName = routerOf(first[0], first[1]);
      if (prefix && routerName) out.mounts.push({ prefix: joinRoutePath(prefix.value), routerName, line, mountedOn });
    }
  }
}

function extractImports(src: SourceText, out: ExtractedFile): void {
  const sourceAt = (offset: number): string | undefined => readString(src, skipSpace(src.code, offset))?.value;
  for (const m of src.code.matchAll(/(?<![\w$.])import\s+(type\s+)?([\w$*{}\s,]+?)\s+from\s*(?=['"])/g)) {
    const source = sourceAt(m.index + m[0].length);
    if (m[1] || !source) continue;
    parseImportClause(m[2] ?? '', source, out.imports);
  }
  const requires = new RegExp(`(?<![\\w$.])(?:(?:const|let|var)\\s+(${IDENT}|\\{[^}]*\\})|import\\s+(${IDENT}))\\s*=\\s*require\\s*\\(\\s*(?=['"])`, 'g');
  for (const m of src.code.matchAll(requires)) {
    const source = sourceAt(m.index + m[0].length);
    const target = m[1] ?? m[2] ?? '';
    if (!source) continue;
    if (target.startsWith('{')) parseNamed(target, source, out.imports);
    else out.imports.push({ local: target, imported: 'default', source });
  }
}

function parseImportClause(clause: string, source: string, imports: ExtractedImport[]): void {
  const namespace = new RegExp(`\\*\\s*as\\s+(${IDENT})`).exec(clause);
  if (namespace?.[1]) imports.push({ local: namespace[1], imported: '*', source });
  const braces = /\{[^}]*\}/.exec(clause);
  if (braces) parseNamed(braces[0], source, imports);
  const defaultName = new RegExp(`^\\s*(${IDENT})\\s*(?:,|$)`).exec(clause);
  if (defaultName?.[1]) imports.push({ local: defaultName[1], imported: 'default', source });
}

function parseNamed(braces: string, source: string, imports: ExtractedImport[]): void {
  for (const part of braces.slice(1, -1).split(',')) {
    const m = new RegExp(`^\\s*(?:type\\s+)?(${IDENT})(?:\\s*(?:as|:)\\s*(${IDENT}))?\\s*$`).exec(part);
    if (!m?.[1] || /^type\s/.test(part.trim())) continue;
    imports.push({ local: m[2] ?? m[1], imported: m[1], source });
  }
}

function findDefaultExport(code: string): string | undefined {
  const patterns = [
    new RegExp(`\\bexport\\s+default\\s+(?!function\\b|class\\b|async\\b|new\\b)(${IDENT})\\s*(?:;|$)`, 'm'),
    new RegExp(`\\bmodule\\s*\\.\\s*exports\\s*=\\s*(${IDENT})\\s*(?:;|$)`, 'm'),
    new RegExp(`\\bexport\\s*=\\s*(${IDENT})\\s*(?:;|$)`, 'm'),
    new RegExp(`\\bexport\\s*\\{[^}]*?\\b(${IDENT})\\s+as\\s+default\\b`),
  ];
  for (const p of patterns) {
    const m = p.exec(code);
    if (m?.[1]) return m[1];
  }
  return undefined;
}
