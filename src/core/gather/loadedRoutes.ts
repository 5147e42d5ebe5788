// Routes of files a framework loads by itself (no file of the app imports them): Strapi's API
// routers (strapiApp.ts), its local plugins' and extensions' routes (strapiPlugins.ts) and Moleculer's gateway aliases over its services (routes/moleculerRoutes.ts
// reads the schemas). Added to whatever else a tree serves, by the check and the corpus alike.
import type { FsLike, SourceScan } from '../ports';
import type { HttpMethod, RouteDef } from '../model';
import type { MoleculerService } from '../routes/moleculerRoutes';
import { joinRoutePath } from '../routes/joinPath';
import { isHttpMethod } from '../routes/routeSpec';
import { strapiApiPrefix, strapiRoutes } from './strapiApp';
import { strapiPluginRoutes } from './strapiPlugins';
import { firstText } from '../firstFile';
import { join } from 'node:path';

/** The routes of the framework-loaded files among `extracted`. */
export async function loadedRoutes(fs: FsLike, extracted: SourceScan['extracted']): Promise<RouteDef[]> {
  const apiPrefix = async (app: string) => strapiApiPrefix((await firstText(fs, join(app, 'config'), ['api.ts', 'api.js']))?.text);
  return [...(await strapiRoutes(fs, extracted)), ...(await strapiPluginRoutes(fs, extracted, apiPrefix)), ...moleculerRoutes(extracted)];
}

/** moleculer-web's REST shorthand: "REST posts" is these six aliases. */
const REST_ALIASES: ReadonlyArray<[HttpMethod, string]> = [
  ['GET', ''],
  ['GET', '/:id'],
  ['POST', ''],
  ['PUT', '/:id'],
  ['PATCH', '/:id'],
  ['DELETE', '/:id'],
];

/** An alias or an action's rest as routes below `base`: "GET users", "REST posts", "/about" (no method: every method). */
function aliasRoutes(base: string, spec: string): Array<{ method: HttpMethod; path: string }> {
  const m = /^\s*(?:([A-Za-z*]+)\s+)?(\S*)\s*$/.exec(spec);
  if (!m) return [];
  const verb = (m[1] ?? '*').toUpperCase();
  const path = joinRoutePath(base, m[2] ?? '');
  if (verb === 'REST') return REST_ALIASES.map(([method, tail]) => ({ method, path: joinRoutePath(path, tail) }));
  const method = verb === '*' || verb === 'ALL' ? 'ALL' : verb;
  return isHttpMethod(method) ? [{ method, path }] : [];
}

/** Whether a whitelist entry (`users.*`, `**`, `v2.users.list`) names an action by its full name (`<service full name>.<action>`). */
function whitelisted(whitelist: readonly string[] | undefined, actionName: string): boolean {
  if (!whitelist) return true;
  return whitelist.some((w) => {
    const pattern = new RegExp(`^${w.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '.+').replace(/\*/g, '[^.]+')}$`);
    return pattern.test(actionName);
  });
}

/** A Moleculer service's base for its actions' rest: `settings.rest`, else `/<version>/<name>` (dots as slashes). */
function serviceBase(s: MoleculerService): string {
  return s.rest ?? `/${[s.version, s.name].filter((p) => p !== undefined).join('/').replace(/\./g, '/')}`;
}

/** A gateway route's autoAliases: each whitelisted service action's rest at the service's base (or the rest's own basePath). */
function autoAliasRoutes(base: string, whitelist: readonly string[] | undefined, services: ReadonlyArray<{ file: string; s: MoleculerService }>): RouteDef[] {
  return services.flatMap(({ file, s }) => {
    const fullName = [s.version, s.name].filter((p) => p !== undefined).join('.');
    return s.actions
      .filter((a) => whitelisted(whitelist, `${fullName}.${a.action ?? ''}`))
      .flatMap((a) => aliasRoutes(joinRoutePath(base, a.base ?? serviceBase(s)), a.spec).map((r): RouteDef => ({ ...r, file, line: a.line, origin: 'source' })));
  });
}

/** Each gateway route's aliases, and with autoAliases the rest of every whitelisted service's actions, at full paths. */
export function moleculerRoutes(extracted: SourceScan['extracted']): RouteDef[] {
  const services = extracted.flatMap(({ file, x }) => (x.moleculer?.services ?? []).map((s) => ({ file, s })));
  const out: RouteDef[] = [];
  for (const { file, x } of extracted)
    for (const gw of x.moleculer?.gateways ?? [])
      for (const route of gw.routes) {
        const base = joinRoutePath(gw.path ?? '', route.path ?? '');
        for (const a of route.aliases) for (const r of aliasRoutes(base, a.spec)) out.push({ ...r, file, line: a.line, origin: 'source' });
        if (!route.autoAliases) continue;
        out.push(...autoAliasRoutes(base, route.whitelist, services));
      }
  return out;
}
