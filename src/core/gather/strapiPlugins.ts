// Strapi's local plugins and plugin extensions (routes/strapiPluginValues.ts reads their modules).
// A plugin enabled by path in config/plugins (`name: { resolve: './src/plugins/x' }`) serves the
// routers its server's routes module exports (server/routes, or server/src/routes in Strapi 5), as
// Strapi's register-routes does: an array is one router of type 'admin'; an object holds routers,
// each of its `type` (default 'admin') with its `prefix` (default `/<plugin name>`). An admin-type
// router sits on the admin API (no prefix of its own), a content-api one under the content API's
// prefix (`/api`); a route whose config names a prefix skips its router's. An extension
// (src/extensions/<plugin>/strapi-server) pushing routes onto `plugin.routes['content-api'].routes`
// adds them to that plugin's router of that key: Strapi's plugins name their routers by type
// ('content-api', 'admin'), under the plugin's default prefix (an installed plugin's own router
// prefix, in node_modules, is not read).
import { basename, dirname, join } from 'node:path';
import type { FsLike, SourceScan } from '../ports';
import type { RouteDef } from '../model';
import type { StrapiRouteValue, StrapiValue } from '../routes/strapiPluginValues';
import { joinRoutePath } from '../routes/joinPath';
import { firstText } from '../firstFile';

/** Where a plugin's server keeps its routes module, from its folder: Strapi 4's layout, then Strapi 5's. */
const ROUTES_MODULES = ['server/routes', 'server/src/routes'];

/** How deep module references are followed (an index importing routers importing route lists is 3). */
const MAX_MODULE_DEPTH = 8;

/** A router of a plugin: its type, prefix and routes. */
interface PluginRouter {
  type: string;
  prefix: string;
  routes: StrapiRouteValue[];
}

type Extracted = ReadonlyMap<string, SourceScan['extracted'][number]['x']>;

/** The extracted file a module path names: `./x` as x.ts, x.js, x/index.ts, x/index.js, or itself. */
function moduleFile(extracted: Extracted, base: string): string | undefined {
  return [`${base}.ts`, `${base}.js`, join(base, 'index.ts'), join(base, 'index.js'), base].find((f) => extracted.get(f)?.strapiPlugin?.value);
}

/** `v` with its module references replaced by those modules' default exports (a list spreads a referenced list). */
function resolved(v: StrapiValue, file: string, extracted: Extracted, depth = 0): StrapiValue | undefined {
  if (v.kind === 'module') {
    const target = depth < MAX_MODULE_DEPTH ? moduleFile(extracted, join(dirname(file), v.spec)) : undefined;
    const value = target ? extracted.get(target)?.strapiPlugin?.value : undefined;
    return target && value ? resolved(value, target, extracted, depth + 1) : undefined;
  }
  if (v.kind === 'list') {
    const items = v.items.flatMap((item) => {
      const r = resolved(item, file, extracted, depth);
      return !r ? [] : item.kind === 'module' && r.kind === 'list' ? r.items : [r];
    });
    return { kind: 'list', items };
  }
  if (v.kind === 'object') {
    const props: Record<string, StrapiValue> = {};
    for (const [k, x] of Object.entries(v.props)) {
      const r = resolved(x, file, extracted, depth);
      if (r) props[k] = r;
    }
    return { kind: 'object', props };
  }
  return v;
}

/**
 * config/plugins' local plugins: each key whose object names a literal `resolve` (and not `enabled:
 * false`), with that path. Read from the file itself, not the scan: a plugin with a package.json
 * of its own is scanned (and joined) apart from the app whose config enables it.
 */
export function strapiLocalPlugins(configText: string): Array<{ name: string; resolve: string }> {
  const out: Array<{ name: string; resolve: string }> = [];
  for (const m of configText.matchAll(/\bresolve\s*:\s*(['"`])([^'"`$]+)\1/g)) {
    const open = enclosingBrace(configText, m.index);
    const key = open === undefined ? undefined : /(?:^|[{,\s])(?:(['"])([^'"]+)\1|([\w$]+))\s*:\s*$/.exec(configText.slice(0, open));
    const name = key?.[2] ?? key?.[3];
    const close = open === undefined ? -1 : matchingBrace(configText, open);
    if (name === undefined || open === undefined || /\benabled\s*:\s*false\b/.test(configText.slice(open, close < 0 ? undefined : close))) continue;
    out.push({ name, resolve: m[2] as string });
  }
  return out;
}

/** The `{` opening the object literal around position `at`. */
function enclosingBrace(text: string, at: number): number | undefined {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    if (text[i] === '}') depth++;
    else if (text[i] === '{' && depth-- === 0) return i;
  }
  return undefined;
}

/** The `}` closing the `{` at `open`, or -1. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function routesIn(v: StrapiValue | undefined): StrapiRouteValue[] {
  return v?.kind === 'list' ? v.items.filter((x): x is StrapiRouteValue => x.kind === 'route') : [];
}

/** The routers a plugin's routes module exports (an array: one admin router; an object: its routers). */
function pluginRouters(v: StrapiValue | undefined, name: string): PluginRouter[] {
  const own = `/${name}`;
  if (v?.kind === 'list') return [{ type: 'admin', prefix: own, routes: routesIn(v) }];
  if (v?.kind !== 'object') return [];
  return Object.values(v.props).flatMap((r) => {
    if (r.kind !== 'object') return [];
    const { type, prefix } = r.props;
    // Strapi's `router.type || 'admin'`, `router.prefix || '/<name>'`: an empty string is the default too.
    return [{ type: (type?.kind === 'text' && type.text) || 'admin', prefix: (prefix?.kind === 'text' && prefix.text) || own, routes: routesIn(r.props.routes) }];
  });
}

/** A router's routes at full paths: admin ones on the admin API, content-api ones under `apiPrefix`; other types none. */
function routerRoutes(router: PluginRouter, apiPrefix: string): RouteDef[] {
  const base = router.type === 'admin' ? '' : router.type === 'content-api' ? apiPrefix : undefined;
  if (base === undefined) return [];
  return router.routes.map((r) => ({ method: r.method, path: joinRoutePath(base, r.ownPrefix ? '' : router.prefix, r.path), file: r.file, line: r.line, origin: 'source' }));
}

/** The Strapi apps holding the scanned plugin files: the folder above their (src/)plugins or (src/)extensions. */
function strapiApps(extracted: SourceScan['extracted']): string[] {
  const apps = new Set<string>();
  for (const { file, x } of extracted) {
    const above = x.strapiPlugin ? /^(.*)[\\/](?:plugins|extensions)[\\/][^\\/]+[\\/]/.exec(file)?.[1] : undefined;
    if (above) apps.add(basename(above) === 'src' ? dirname(above) : above);
  }
  return [...apps];
}

/** The routes of the Strapi apps' local plugins and of their extensions of plugins, `apiPrefix` giving an app's content API prefix. */
export async function strapiPluginRoutes(fs: FsLike, extracted: SourceScan['extracted'], apiPrefix: (app: string) => Promise<string>): Promise<RouteDef[]> {
  const out: RouteDef[] = [];
  const byFile: Extracted = new Map(extracted.map(({ file, x }) => [file, x]));
  for (const app of strapiApps(extracted)) {
    const prefix = await apiPrefix(app);
    const config = await firstText(fs, join(app, 'config'), ['plugins.ts', 'plugins.js']);
    for (const { name, resolve } of config ? strapiLocalPlugins(config.text) : []) {
      const index = ROUTES_MODULES.map((dir) => moduleFile(byFile, join(app, resolve, dir))).find((f) => f !== undefined);
      const exported = index ? byFile.get(index)?.strapiPlugin?.value : undefined;
      const value = index && exported ? resolved(exported, index, byFile) : undefined;
      for (const router of pluginRouters(value, name)) out.push(...routerRoutes(router, prefix));
    }
    for (const { file, x } of extracted) {
      const plugin = /[\\/]extensions[\\/]([^\\/]+)[\\/][^\\/]+$/.exec(file)?.[1];
      if (!plugin || !file.startsWith(join(app, 'src', 'extensions')) || !x.strapiPlugin?.pushes) continue;
      for (const { router, route } of x.strapiPlugin.pushes)
        if (router === 'admin' || router === 'content-api') out.push(...routerRoutes({ type: router, prefix: `/${plugin}`, routes: [route] }, prefix));
    }
  }
  return out;
}
