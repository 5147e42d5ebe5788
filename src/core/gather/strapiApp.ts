// Strapi's routes (routes/strapiRoutes.ts reads its router files): a core router's REST routes come
// from its content type's schema.json (`kind`, `info.singularName`, `info.pluralName`), every route
// sits under the content API's prefix (`/api`, or config/api's `rest.prefix`) and its router's prefix.
import { dirname, join, basename } from 'node:path';
import type { FsLike, SourceScan } from '../ports';
import type { HttpMethod, RouteDef } from '../model';
import type { StrapiRouter } from '../routes/strapiRoutes';
import { joinRoutePath } from '../routes/joinPath';
import { readJsonObject } from '../mapping/tsconfig';
import { firstText } from '../firstFile';

/** A content type's schema.json `info` and `kind`. */
export interface StrapiContentType {
  kind: 'collectionType' | 'singleType';
  singularName: string;
  pluralName: string;
}

/** The core routes of a content type, by action: Strapi's own table (core-api/routes). */
function coreRoutes(t: StrapiContentType): Record<string, { method: HttpMethod; path: string }> {
  if (t.kind === 'singleType') {
    const one = `/${t.singularName}`;
    return { find: { method: 'GET', path: one }, update: { method: 'PUT', path: one }, delete: { method: 'DELETE', path: one } };
  }
  const all = `/${t.pluralName}`;
  const one = `${all}/:id`;
  return { find: { method: 'GET', path: all }, findOne: { method: 'GET', path: one }, create: { method: 'POST', path: all }, update: { method: 'PUT', path: one }, delete: { method: 'DELETE', path: one } };
}

/** A router's routes at their full paths: the content API's prefix, the router's, then each route's. `type`: its core router's content type, when read. */
export function strapiRouterRoutes(router: StrapiRouter, apiPrefix: string, type: StrapiContentType | undefined): Array<{ method: HttpMethod; path: string; line: number }> {
  const { core } = router;
  if (core) {
    if (!type) return [];
    return Object.entries(coreRoutes(type))
      .filter(([action]) => (core.only ? core.only.includes(action) : true) && !(core.except ?? []).includes(action))
      .map(([, r]) => ({ method: r.method, path: joinRoutePath(apiPrefix, core.prefix ?? '', r.path), line: router.line }));
  }
  return (router.routes ?? []).map((r) => ({ ...r, path: joinRoutePath(apiPrefix, router.prefix ?? '', r.path) }));
}

/** `api::restaurant.restaurant` -> the API's folder and the content type's, when it is an API's (not a plugin's). */
export function strapiUidParts(uid: string): { api: string; type: string } | undefined {
  const m = /^api::([\w-]+)\.([\w-]+)$/.exec(uid);
  return m?.[1] && m[2] ? { api: m[1], type: m[2] } : undefined;
}

/** config/api's `rest: { prefix: '/v1' }` in its text, else Strapi's default `/api`. */
export function strapiApiPrefix(configText: string | undefined): string {
  const m = configText === undefined ? undefined : /\brest\s*:\s*\{[^}]*?\bprefix\s*:\s*(['"`])([^'"`$]*)\1/.exec(configText);
  return m?.[2] ?? '/api';
}

/** A schema.json's content type, when it names its kind and names. */
export function strapiContentType(schema: Record<string, unknown> | undefined): StrapiContentType | undefined {
  const info = schema?.info;
  const names = typeof info === 'object' && info !== null ? (info as Record<string, unknown>) : {};
  const kind = schema?.kind;
  const { singularName, pluralName } = names;
  if ((kind !== 'collectionType' && kind !== 'singleType') || typeof singularName !== 'string' || typeof pluralName !== 'string') return undefined;
  return { kind, singularName, pluralName };
}

/** The routes of the Strapi router files among `extracted`, each file's under its app's content API prefix. */
export async function strapiRoutes(fs: FsLike, extracted: SourceScan['extracted']): Promise<RouteDef[]> {
  const out: RouteDef[] = [];
  const prefixes = new Map<string, string>();
  for (const { file, x } of extracted) {
    const router = x.strapiRouter;
    if (!router) continue;
    // <app>/src/api/<api>/routes/<file>: the APIs' folder, and the app's root above its src folder.
    const apiDir = dirname(dirname(dirname(file)));
    const src = dirname(apiDir);
    const app = basename(src) === 'src' ? dirname(src) : src;
    if (!prefixes.has(app)) prefixes.set(app, strapiApiPrefix((await firstText(fs, join(app, 'config'), ['api.ts', 'api.js']))?.text));
    const parts = router.core ? strapiUidParts(router.core.uid) : undefined;
    const type = parts ? strapiContentType(await readJsonObject(fs, join(apiDir, parts.api, 'content-types', parts.type, 'schema.json'))) : undefined;
    for (const r of strapiRouterRoutes(router, prefixes.get(app) ?? '/api', type)) out.push({ method: r.method, path: r.path, file, line: r.line, origin: 'source' });
  }
  return out;
}
