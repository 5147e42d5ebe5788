// Nest's setGlobalPrefix `exclude` list, read as the installed @nestjs/core reads it. Each entry is
// compiled by path-to-regexp (middleware/utils.ts mapToExcludeRoute) and tested against a route's
// path without its version segment (router/utils/exclude-route.util.ts isRouteExcluded):
// - up to Nest 10, path-to-regexp 3: `:name`, `(regex)` groups and their `?`/`*`/`+` modifiers;
//   a bare `*` or `{` is text. `docs/(.*)` needs the slash: it covers /docs/x, not /docs.
// - from Nest 11, path-to-regexp 8, after LegacyRouteConverter turns a trailing `(.*)` or `*` into
//   `{*path}` (and a `*` segment inside into `*pathN`): `:name`, `*name` (one or more characters),
//   `{...}` optional. `docs/{*path}` covers /docs/ and below, not /docs; `docs{/*path}` covers /docs.
// Both match case-insensitively and with an optional trailing slash.
import { escapeRegExp } from '../escapeRegExp';
import type { PrefixExclude } from './extracted';

/** The @nestjs/core major whose reading applies when the project's is not known: the current one. */
const NEST_MAJOR_DEFAULT = 11;

/** Whether an exclude entry covers a route: the entry's method (none for every method) and its path as that Nest major compiles it. */
export function isExcluded(r: { path: string; method: string }, exclude: readonly PrefixExclude[], nestMajor = NEST_MAJOR_DEFAULT): boolean {
  return exclude.some((ex) => (ex.method === undefined || ex.method === r.method) && (excludePattern(ex.path, nestMajor)?.test(r.path) ?? false));
}

/** The entry compiled as that major's path-to-regexp would; undefined when it rejects it (Nest does not start). */
function excludePattern(path: string, nestMajor: number): RegExp | undefined {
  const body = nestMajor >= 11 ? pathToRegexp8(legacyConverted(path)) : pathToRegexp3(path);
  if (body === undefined) return undefined;
  try {
    return new RegExp(`^${body}(?:/)?$`, 'i');
  } catch {
    return undefined;
  }
}

/** Nest 11's LegacyRouteConverter.tryConvert: the wildcards of path-to-regexp 3 paths, named. */
function legacyConverted(route: string): string {
  const lead = route.startsWith('/') ? route : `/${route}`;
  const normalized = route.endsWith('/') ? lead : `${lead}/`;
  if (normalized.endsWith('/(.*)/')) return route.replace('(.*)', '{*path}');
  if (normalized.endsWith('/*/')) return route.replace('*', '{*path}');
  if (normalized.endsWith('/+/')) return route.replace('/+', '/*path');
  if (normalized.includes('/*/')) return route.replace(/\/\*(?=\/)/g, (_m, offset: number) => `/*path${offset}`);
  return route;
}

const NAME = /^(?:[A-Za-z_$][\w$]*|"(?:[^"\\]|\\.)*")/;

/** path-to-regexp 8's pattern of a path: text, `:name`, `*name`, `{optional}`; undefined for what it rejects. */
function pathToRegexp8(path: string): string | undefined {
  let out = '';
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i] ?? '';
    if (c === '\\') {
      out += escapeRegExp(path[++i] ?? '');
    } else if (c === '{') {
      out += '(?:';
      depth++;
    } else if (c === '}') {
      if (depth-- === 0) return undefined;
      out += ')?';
    } else if (c === ':' || c === '*') {
      const name = NAME.exec(path.slice(i + 1))?.[0];
      if (name === undefined) return undefined;
      out += c === ':' ? '[^/]+' : '[^]+';
      i += name.length;
    } else if ('()[]?+!'.includes(c)) {
      return undefined;
    } else {
      out += escapeRegExp(c);
    }
  }
  return depth === 0 ? out : undefined;
}

/** path-to-regexp 3's tokens: an escaped character, `:name(regex)?` or `(regex)`, each with a `?`, `*` or `+` modifier. */
const PTR3_TOKEN = /(\\.)|(?::(\w+)(?:\(((?:\\.|[^\\()])+)\))?|\(((?:\\.|[^\\()])+)\))([+*?])?/g;

/** path-to-regexp 3's pattern of a path: a parameter takes the character before it as its prefix (optional with it). */
function pathToRegexp3(path: string): string {
  let out = '';
  let text = '';
  let index = 0;
  for (const m of path.matchAll(PTR3_TOKEN)) {
    text += path.slice(index, m.index);
    index = m.index + m[0].length;
    if (m[1] !== undefined) {
      text += m[1][1] ?? '';
      continue;
    }
    const prefix = text.slice(-1);
    out += escapeRegExp(text.slice(0, -1));
    text = '';
    const modifier = m[5];
    const pattern = m[3] ?? m[4] ?? `[^${escapeRegExp(prefix === '' || prefix === '/' ? '/' : `${prefix}/`)}]+?`;
    const capture = modifier === '*' || modifier === '+' ? `(?:${pattern})(?:${escapeRegExp(prefix || '/')}(?:${pattern}))*` : pattern;
    out += modifier === '?' || modifier === '*' ? `(?:${escapeRegExp(prefix)}(?:${capture}))?` : `${escapeRegExp(prefix)}(?:${capture})`;
  }
  return out + escapeRegExp(text + path.slice(index));
}

/**
 * The major of @nestjs/core a package.json's dependencies name (`^11.2.1`, `~10.4.7`, `11.1.18`),
 * else the version a package-lock.json beside it installed; undefined when neither says
 * (`catalog:`, `workspace:*`, no lockfile).
 */
export function nestCoreMajor(pkg: Record<string, unknown>, lock: Record<string, unknown> | undefined): number | undefined {
  const deps = { ...(pkg['devDependencies'] as object | undefined), ...(pkg['dependencies'] as object | undefined) } as Record<string, unknown>;
  const spec = deps['@nestjs/core'];
  const ranged = typeof spec === 'string' ? /^\s*(?:[\^~=v]|>=?)?\s*(\d+)/.exec(spec)?.[1] : undefined;
  if (ranged !== undefined) return Number(ranged);
  const packages = lock?.['packages'] as Record<string, { version?: unknown }> | undefined;
  const installed = packages?.['node_modules/@nestjs/core']?.version;
  const major = typeof installed === 'string' ? /^(\d+)\./.exec(installed)?.[1] : undefined;
  return major !== undefined ? Number(major) : undefined;
}
