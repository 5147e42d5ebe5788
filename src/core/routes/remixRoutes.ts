// A Remix or React Router (framework mode) app's own HTTP routes: its resource routes
// (remix.run/docs/en/main/guides/resource-routes), the route modules of its routes folder that
// export a loader or an action and no component. A loader answers GET (and HEAD, not listed, as for
// Next.js), an action every other method. The URL comes from the module's name by the flat routes
// convention (remix.run/docs/en/main/file-conventions/routes; React Router's `flatRoutes()` of
// @react-router/fs-routes): dots as slashes, `$id` a parameter, `$` the rest of the path, `($lang)`
// optional, `_index` the parent's index, a leading `_` a pathless layout, a trailing `_` left out,
// `[.]` an escaped character; a folder is one module when it holds route.tsx (or index.tsx).
// Pages (modules with a default component) are no routes here, as Next.js and SvelteKit pages are
// not. React Router's app/routes.ts building its routes in code is run (remixRouteConfig.ts); a
// config calling remix-flat-routes reads the folder by that package's convention (remixFlatRoutes.ts);
// routes it cannot follow and Remix's other `routes()` options are not read: a warning says so.
// An app built with Remix 1 (its package.json's or lockfile's @remix-run/dev) that does not opt in
// to the flat convention reads its routes folder by Remix 1's nested folders (remixV1PathsOf).
import { join, sep } from 'node:path';
import type { FsLike } from '../ports';
import type { HttpMethod, RouteDef } from '../model';
import { readJsonObject } from '../mapping/tsconfig';
import { scanWarningText } from '../scanTexts';
import { firstText } from '../firstFile';
import type { ExtractedFile } from './extracted';
import { joinRoutePath } from './joinPath';
import { dependencyNames } from './serverApps';
import { fileRouteApps, isFileRouteAppSource, type FileRouteFramework } from './packageFolders';
import { appRelative, configuredRoutePaths, type FolderModule } from './remixRouteConfig';
import { flatFolderPathsOf, flatRoutesUse, type FlatRoutesUse } from './remixFlatRoutes';

/** Where a Remix / React Router app's route modules are. */
export interface RemixLayout {
  /** The routes folder, relative to the app (POSIX). */
  routesDir: string;
  /** Why its routes are not all read (the config defining them in code), when they are not. */
  warnings: string[];
  /** The URL paths of each module (relative to app/, POSIX) that app/routes.ts builds in code, when the config was run (remixRouteConfig.ts). */
  configured?: ReadonlyMap<string, string[]>;
  /** Whether the routes folder is read by remix-flat-routes' convention (`+` folders) rather than the framework's own. */
  flatFolders?: boolean;
  /** Whether the routes folder is read by Remix 1's nested folder convention (remixV1PathsOf) rather than the flat one. */
  nestedFolders?: boolean;
}

/** The packages that build a Remix or React Router framework-mode app. */
const FRAMEWORK_PACKAGES = ['@remix-run/dev', '@react-router/dev'];
/** React Router's route config (app/routes.ts), and the call reading the routes folder by the flat routes convention. */
const ROUTE_CONFIGS = ['app/routes.ts', 'app/routes.js', 'app/routes.mts', 'app/routes.mjs'];
/** The config exporting the convention's routes as they are (`export default flatRoutes() satisfies RouteConfig`), not routes built from them. */
const FLAT_ROUTES_EXPORT = /\bexport\s+default\s+(?:await\s+)?flatRoutes\s*\(\s*\)\s*(?:satisfies\s+[\w$.<>[\]]+\s*)?;?\s*$/;
/** Remix's own config files and the vite config, where a `routes(defineRoutes)` option adds routes in code. */
const REMIX_CONFIGS = ['remix.config.js', 'remix.config.mjs', 'remix.config.cjs', 'vite.config.ts', 'vite.config.js', 'vite.config.mts', 'vite.config.mjs'];
const ROUTES_OPTION = /\broutes\s*(?:\(|:\s*(?:async\s*)?(?:\(|function\b))/;
/** A route module's extensions the scan reads. */
const MODULE = /^(.+)\.[cm]?[jt]sx?$/;
/** The methods an action answers: every one but GET and HEAD, which the loader answers. */
const ACTION_METHODS: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The layout of the Remix or React Router app in `dir`: a package depending on its build tool. Undefined for any other folder. */
export async function remixLayout(fs: FsLike, dir: string): Promise<RemixLayout | undefined> {
  const pkg = await readJsonObject(fs, join(dir, 'package.json'));
  const deps = pkg ? dependencyNames(pkg) : [];
  if (!FRAMEWORK_PACKAGES.some((p) => deps.includes(p))) return undefined;
  const config = await firstText(fs, dir, ROUTE_CONFIGS);
  if (config && FLAT_ROUTES_EXPORT.test(config.text)) return { routesDir: 'app/routes', warnings: [] };
  const flat = config ? flatRoutesUse(config.text) : undefined;
  if (config && flat) return flatFoldersLayout(config.file, flat);
  if (config) {
    const configured = await configuredRoutePaths(fs, config.file, await folderModules(fs, join(dir, 'app', 'routes')));
    if (!configured) return { routesDir: 'app/routes', warnings: [scanWarningText(config.file, { id: 'remixRouteConfig', args: [] })] };
    // The scan reads a route module's loader and action in app/routes only (mayDeclareRoutes.ts).
    const outside = [...configured.keys()].filter((f) => !f.startsWith('routes/') && MODULE.test(f));
    return { routesDir: 'app/routes', warnings: outside.length > 0 ? [scanWarningText(config.file, { id: 'remixOutsideModules', args: [outside.slice(0, 3).join(', ')] })] : [], configured };
  }
  const remix = await firstText(fs, dir, REMIX_CONFIGS);
  const remixFlat = remix ? flatRoutesUse(remix.text) : undefined;
  if (remix && remixFlat) return flatFoldersLayout(remix.file, remixFlat);
  const warnings = remix && ROUTES_OPTION.test(remix.text) ? [scanWarningText(remix.file, { id: 'remixRouteConfig', args: [] })] : [];
  const nested = pkg && !V2_ROUTE_CONVENTION.test(remix?.text ?? '') && (await remixDevMajor(fs, dir, pkg)) === 1;
  return { routesDir: 'app/routes', warnings, ...(nested ? { nestedFolders: true } : {}) };
}

/** Remix 1's opt-in to the flat convention (`future: { v2_routeConvention: true }`). */
const V2_ROUTE_CONVENTION = /\bv2_routeConvention\s*:\s*true\b/;

/**
 * The major of @remix-run/dev the package builds with: its package.json's range (`^1.19.3`), else
 * the version its lockfile resolved (`"latest"` in package.json, yarn.lock's or package-lock.json's
 * entry); undefined when none says.
 */
async function remixDevMajor(fs: FsLike, dir: string, pkg: Record<string, unknown>): Promise<number | undefined> {
  const deps = { ...(pkg['devDependencies'] as object | undefined), ...(pkg['dependencies'] as object | undefined) } as Record<string, unknown>;
  const spec = deps['@remix-run/dev'];
  const ranged = typeof spec === 'string' ? /^\s*(?:[\^~=v]|>=?)?\s*(\d+)/.exec(spec)?.[1] : undefined;
  if (ranged !== undefined) return Number(ranged);
  const yarn = await fs.readFile(join(dir, 'yarn.lock')).catch(() => undefined);
  const fromYarn = yarn !== undefined ? /^"?@remix-run\/dev@[^\n]*:\n\s+version:?\s+"?(\d+)\./m.exec(yarn)?.[1] : undefined;
  if (fromYarn !== undefined) return Number(fromYarn);
  const lock = await readJsonObject(fs, join(dir, 'package-lock.json'));
  const installed = (lock?.['packages'] as Record<string, { version?: unknown }> | undefined)?.['node_modules/@remix-run/dev']?.version;
  const major = typeof installed === 'string' ? /^(\d+)\./.exec(installed)?.[1] : undefined;
  return major !== undefined ? Number(major) : undefined;
}

/**
 * The URL paths of a route module by Remix 1's nested folder convention
 * (remix.run/docs/en/1.19.3/file-conventions/routes-files), or none when it is no route module:
 * folders and dots are segments (`auth/login.ts`, `auth.login.ts` -> /auth/login), `index` its
 * parent's index, `$id` a parameter, `$` the rest, `__name` a pathless layout, `[.]` an escape.
 */
export function remixV1PathsOf(rel: string): string[] {
  const parts = rel.split('/');
  const file = MODULE.exec(parts.pop() ?? '')?.[1];
  if (file === undefined || [...parts, file].some((p) => p.startsWith('.'))) return [];
  const segments = [...parts, ...splitSegments(file)].filter((s, i, all) => !(i === all.length - 1 && s === 'index') && !s.startsWith('__'));
  return [joinRoutePath('', ...segments.map(urlSegment))];
}

/** The layout of an app whose `config` calls remix-flat-routes: its convention over app/routes, or a warning when the call changes it. */
function flatFoldersLayout(config: string, use: Exclude<FlatRoutesUse, undefined>): RemixLayout {
  if (use === 'options') return { routesDir: 'app/routes', warnings: [scanWarningText(config, { id: 'remixRouteConfig', args: [] })] };
  return { routesDir: 'app/routes', warnings: [], flatFolders: true };
}

/**
 * The URL paths of a route module from its path below the routes folder (POSIX), or none when it
 * is no route module: `api.users.$id.ts` -> /api/users/:id; `($lang).feed.ts` -> /feed and
 * /:lang/feed; `files.$.ts` -> /files/*; `sitemap[.]xml.ts` -> /sitemap.xml; `api.items/route.ts`
 * -> /api/items.
 */
export function remixPathsOf(rel: string): string[] {
  const parts = rel.split('/');
  const file = MODULE.exec(parts.pop() ?? '')?.[1];
  if (file === undefined || parts.length > 1) return [];
  const name = parts.length === 1 ? (/^(?:route|index)$/.test(file) ? parts[0] : undefined) : file;
  if (name === undefined || name.startsWith('.')) return [];
  let paths = [''];
  for (const segment of splitSegments(name)) {
    if (segment === '_index' || (segment.startsWith('_') && !segment.startsWith('_['))) continue;
    const bare = segment.endsWith('_') && !segment.endsWith(']_') ? segment.slice(0, -1) : segment.replace(/\]_$/, ']');
    const optional = /^\((.+)\)$/.exec(bare)?.[1];
    const part = urlSegment(optional ?? bare);
    paths = optional !== undefined ? [...paths, ...paths.map((p) => `${p}/${part}`)] : paths.map((p) => `${p}/${part}`);
  }
  return [...new Set(paths.map((p) => joinRoutePath(p)))];
}

/** A module name's segments: split at the dots outside `[...]` escapes. */
function splitSegments(name: string): string[] {
  const out: string[] = [];
  let cur = '';
  let escaped = false;
  for (const ch of name) {
    if (ch === '[') escaped = true;
    else if (ch === ']') escaped = false;
    if (ch === '.' && !escaped) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  return [...out, cur];
}

/** One URL segment: `$` the rest of the path, `$id` a parameter, escapes unwrapped. */
function urlSegment(segment: string): string {
  if (segment === '$') return '*';
  if (segment.startsWith('$')) return `:${segment.slice(1)}`;
  return segment.replace(/\[([^\]]*)\]/g, '$1');
}

/** The route modules of a routes folder (its files and its folders' route or index files) with their paths by the convention. */
async function folderModules(fs: FsLike, routesDir: string): Promise<FolderModule[]> {
  const out: FolderModule[] = [];
  for (const name of (await fs.readdir(routesDir).catch(() => [])).sort()) {
    const inner = MODULE.test(name) ? [] : (await fs.readdir(join(routesDir, name)).catch(() => [])).sort().map((f) => `${name}/${f}`);
    for (const rel of MODULE.test(name) ? [name] : inner) {
      const paths = remixPathsOf(rel);
      if (paths.length > 0) out.push({ rel, paths });
    }
  }
  return out;
}

/** The paths of the module `file` of the app in `dir`: those its route config builds, when it was run; else those of the routes folder's convention. */
function modulePaths(dir: string, file: string, layout: RemixLayout): string[] {
  if (layout.configured) return layout.configured.get(appRelative(join(dir, 'app'), file)) ?? [];
  const root = join(dir, ...layout.routesDir.split('/')) + sep;
  if (!file.startsWith(root)) return [];
  const rel = file.slice(root.length).split(sep).join('/');
  if (layout.nestedFolders) return remixV1PathsOf(rel);
  return layout.flatFolders ? flatFolderPathsOf(rel) : remixPathsOf(rel);
}

/** The routes the app in `dir` declares among `extracted` (its files' scans): each resource route's loader (GET) and action (every other method). */
export function remixAppRoutes(dir: string, extracted: ReadonlyArray<{ file: string; x: ExtractedFile }>, layout: RemixLayout): { routes: RouteDef[]; warnings: string[] } {
  const routes: RouteDef[] = [];
  for (const { file, x } of extracted) {
    const handler = x.nextHandler;
    if (!handler || handler.defaultLine !== undefined) continue;
    for (const path of modulePaths(dir, file, layout)) {
      if (handler.loaderLine !== undefined) routes.push({ method: 'GET', path, file, line: handler.loaderLine, origin: 'source' });
      if (handler.actionLine !== undefined) for (const method of ACTION_METHODS) routes.push({ method, path, file, line: handler.actionLine, origin: 'source' });
    }
  }
  return { routes, warnings: layout.warnings };
}

/** The Remix / React Router apps among `files` (a tree's, absolute) with a module in their routes folder. */
export function findRemixApps(fs: FsLike, files: readonly string[]): Promise<string[]> {
  return fileRouteApps(fs, files, REMIX);
}

/** Whether the package holding `sourceRoot` (the nearest package.json at or above it, within the workspace) is a Remix / React Router app. */
export function isRemixAppSource(fs: FsLike, sourceRoot: string, workspaceDir: string): Promise<boolean> {
  return isFileRouteAppSource(fs, sourceRoot, workspaceDir, REMIX);
}

// An app is found by a module of its routes folder, by either convention (a `+` folder's file only by remix-flat-routes').
const REMIX: FileRouteFramework = { layout: remixLayout, pathsOf: (rel) => (rel.includes('+/') ? flatFolderPathsOf(rel) : remixPathsOf(rel)) };
