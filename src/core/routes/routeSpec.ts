// "GET /health" entries from x-runtime-drift.routes: the user's own list of routes to probe.
import * as l10n from '@vscode/l10n';
import { HTTP_METHODS, type HttpMethod } from '../model';
import { joinRoutePath } from './joinPath';

/**
 * A router's method names (`router.get`, koa-router's `del`) and the HTTP method each registers. No
 * prototype: a call's name is looked up here, and `x.toLocaleString(...)` or `x.constructor` must
 * find nothing.
 */
export const ROUTER_METHODS: Readonly<Record<string, HttpMethod>> = Object.assign(Object.create(null) as Record<string, HttpMethod>, {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE', // koa-router alias
  head: 'HEAD',
  options: 'OPTIONS',
  all: 'ALL',
});

/** True when `value` is one of HTTP_METHODS (text that claims to be a method). */
export function isHttpMethod(value: string): value is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(value);
}

/** Parses "METHOD /path"; the error says what is wrong, in the user's terms. */
export function parseRouteSpec(entry: string): { method: HttpMethod; path: string } | { error: string } {
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(entry);
  if (!m) return { error: l10n.t('route "{0}" is not "METHOD /path"', entry) };
  const method = (m[1] ?? '').toUpperCase();
  const path = m[2] ?? '';
  if (!isHttpMethod(method)) return { error: l10n.t('route "{0}": {1} is not one of {2}', entry, m[1] ?? '', HTTP_METHODS.join(', ')) };
  if (!path.startsWith('/')) return { error: l10n.t('route "{0}": the path must start with "/"', entry) };
  return { method, path: joinRoutePath(path) };
}
