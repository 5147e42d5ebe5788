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
  /**
   * Nest: the API versions of `@Version(...)` on the handler, else of the controller's
   * `version`; NEUTRAL_VERSION for VERSION_NEUTRAL. Only used under URI versioning.
   */
  version?: string[];
}

/** Stands for Nest's VERSION_NEUTRAL in a version list: the route has no version segment. */
export const NEUTRAL_VERSION = '';

/** `app.enableVersioning(...)` with URI versioning (Nest's default type). */
export interface UriVersioning {
  /** Put before the version in the path: 'v' unless `prefix` says otherwise ('' for `prefix: false`). */
  prefix: string;
  /** `defaultVersion`: for routes whose handler and controller name none. */
  defaultVersion?: string[];
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
  /** `app.enableVersioning(...)` when its type is URI; absent when not called or another type. */
  uriVersioning?: UriVersioning;
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
  extractVersioning(src, result);
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

interface Decorator {
  /** The last part of the decorator's name (`@Nest.Get(` → 'Get'). */
  name: string;
  at: number;
  /** Offset of its `(`, or -1 when it is not called. */
  open: number;
  end: number;
}

/**
 * The decorators of the file, each group (the decorators of one class or member, written one
 * after the other) as one array, in source order. Decorators inside another's arguments are
 * left out.
 */
function decoratorGroups(src: SourceText): Decorator[][] {
  const groups: Decorator[][] = [];
  let last: Decorator | undefined;
  for (const m of src.code.matchAll(new RegExp(`@(${IDENT}(?:\\s*\\.\\s*${IDENT})*)`, 'g'))) {
    if (isIdentChar(src.code[m.index - 1]) || (last && m.index < last.end)) continue;
    const next = skipSpace(src.code, m.index + m[0].length);
    const close = src.code[next] === '(' ? findClose(src.code, next) : -1;
    const name = (m[1] ?? '').split('.').pop()?.trim() ?? '';
    const d: Decorator = { name, at: m.index, open: close < 0 ? -1 : next, end: close < 0 ? m.index + m[0].length : close + 1 };
    if (last && skipSpace(src.code, last.end) === d.at) groups[groups.length - 1]?.push(d);
    else groups.push([d]);
    last = d;
  }
  return groups;
}

/** `'1'`, `['1', '2']`, `VERSION_NEUTRAL` (or a list holding it); undefined when not literal. */
function readVersion(src: SourceText, at: number): string[] | undefined {
  const neutral = (j: number): string | undefined =>
    /^(?:[A-Za-z_$][\w$]*\s*\.\s*)?VERSION_NEUTRAL(?![\w$])/.test(src.code.slice(j, j + 64)) ? NEUTRAL_VERSION : undefined;
  return readStrings(src, at, neutral);
}

function extractNest(src: SourceText, out: ExtractedFile): void {
  const groups = decoratorGroups(src);
  const controllers: Array<{ offset: number; paths: string[] | undefined; version: string[] | undefined }> = [];
  for (const d of groups.flat()) {
    if ((d.name !== 'Controller' && d.name !== 'JsonController') || d.open < 0) continue;
    const paths = decoratorPaths(src, d.open);
    if (!paths) out.warnings.push(`${src.lineAt(d.at)}: controller path is not a string literal; its routes are skipped`);
    const argAt = skipSpace(src.code, d.open + 1);
    const versionAt = src.code[argAt] === '{' ? objectValue(src, argAt, 'version') : undefined;
    const version = versionAt === undefined ? undefined : readVersion(src, versionAt);
    if (versionAt !== undefined && !version) out.warnings.push(`${src.lineAt(d.at)}: controller version is not a string literal or VERSION_NEUTRAL; taken as none`);
    controllers.push({ offset: d.at, paths, version });
  }
  if (controllers.length === 0) return;
  for (const group of groups) {
    const versionDecorator = group.find((d) => d.name === 'Version' && d.open >= 0);
    let handlerVersion: string[] | undefined;
    if (versionDecorator) {
      handlerVersion = readVersion(src, versionDecorator.open + 1);
      if (!handlerVersion) out.warnings.push(`${src.lineAt(versionDecorator.at)}: @Version argument is not a string literal or VERSION_NEUTRAL; taken as none`);
    }
    for (const d of group) {
      const method = NEST_METHODS[d.name];
      if (!method || d.open < 0) continue;
      const controller = controllers.filter((c) => c.offset < d.at).pop();
      if (!controller?.paths) continue;
      const line = src.lineAt(d.at);
      const paths = decoratorPaths(src, d.open);
      if (!paths) {
        out.warnings.push(`${line}: @${d.name} path is not a string literal; route skipped`);
        continue;
      }
      const version = handlerVersion ?? controller.version;
      for (const base of controller.paths) {
        for (const p of paths) {
          const route: ExtractedRoute = { method, path: joinRoutePath(base, p), line, kind: 'nest' };
          if (version) route.version = version;
          out.routes.push(route);
        }
      }
    }
  }
}

/** Nest's `app.enableVersioning(...)`: URI versioning (its default type) puts the version in the path. */
function extractVersioning(src: SourceText, out: ExtractedFile): void {
  for (const m of src.code.matchAll(/\.\s*enableVersioning\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const argAt = skipSpace(src.code, open + 1);
    const line = src.lineAt(m.index);
    if (src.code[argAt] === ')') {
      out.uriVersioning = { prefix: 'v' };
      continue;
    }
    if (src.code[argAt] !== '{') {
      out.warnings.push(`${line}: enableVersioning argument is not an object literal; versions are not put in route paths`);
      continue;
    }
    const typeAt = objectValue(src, argAt, 'type');
    const type = typeAt === undefined ? 'URI' : /^(?:[A-Za-z_$][\w$]*\s*\.\s*)?(URI|HEADER|MEDIA_TYPE|CUSTOM)(?![\w$])/.exec(src.code.slice(typeAt, typeAt + 64))?.[1];
    if (type === undefined) {
      out.warnings.push(`${line}: enableVersioning type is not a VersioningType member; versions are not put in route paths`);
      continue;
    }
    if (type !== 'URI') continue; // header, media type, custom: the path carries no version
    const versioning: UriVersioning = { prefix: 'v' };
    const prefixAt = objectValue(src, argAt, 'prefix');
    if (prefixAt !== undefined) {
      const prefix = /^false(?![\w$])/.test(src.code.slice(prefixAt, prefixAt + 6)) ? '' : readString(src, prefixAt)?.value;
      if (prefix === undefined) {
        out.warnings.push(`${line}: enableVersioning prefix is not a string literal or false; versions are not put in route paths`);
        continue;
      }
      versioning.prefix = prefix;
    }
    const defaultAt = objectValue(src, argAt, 'defaultVersion');
    if (defaultAt !== undefined) {
      const defaultVersion = readVersion(src, defaultAt);
      if (defaultVersion) versioning.defaultVersion = defaultVersion;
      else out.warnings.push(`${line}: enableVersioning defaultVersion is not a string literal or VERSION_NEUTRAL; taken as none`);
    }
    out.uriVersioning = versioning;
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
