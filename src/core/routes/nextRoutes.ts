// A Next.js app's own HTTP routes: its App Router route handlers (`app/**/route.ts` exporting GET,
// POST, ...) and its Pages Router API routes (`pages/api/**`, a default-exported handler answering
// every method), at the URL its file's folders give, under next.config's `basePath`. A handler that
// hands the request to a server framework's app (Hono's `handle(app)`) is no route of its own: that
// app's routes are (nextHandlers.ts bounds them by the handler's folder).
import { join, relative, sep } from 'node:path';
import type { FsLike } from '../ports';
import type { RouteDef } from '../model';
import { scanWarningText } from '../scanTexts';
import type { ExtractedFile } from './extracted';
import { joinRoutePath, UNKNOWN_PREFIX } from './joinPath';
import { isNextRouteHandler, NEXT_CONFIG_FILES, NEXT_ROUTER_FOLDERS, nextAppScope, nextHandlerPaths, SERVER_FRAMEWORKS } from './serverApps';
import { isUrlFolder, servedThroughHandlers } from './nextHandlers';
import { toSlash, type CollectedRoutes, type PathAlias } from './collect';
import { resolveSpecifier } from './moduleResolution';
import { foldersUpTo } from '../pathInside';
import { firstText } from '../firstFile';
import { dynamicSegment, metadataRouteOf } from './nextMetadata';
import { nitroAppLayout, nitroAppRoutes, type NitroLayout } from './nitroRoutes';
import { svelteKitAppRoutes, svelteKitLayout, type SvelteKitLayout } from './svelteKitRoutes';
import { remixAppRoutes, remixLayout, type RemixLayout } from './remixRoutes';
import { astroAppRoutes, astroLayout, type AstroLayout } from './astroRoutes';
import { packageFolders } from './packageFolders';
import { envPathNote, envPathValue, type ServiceEnv } from './settingGuardWarnings';
import { parseDotenv } from '../compose/dotenv';

/** What next.config says about where the app's routes are, and which files are routes. */
export interface NextAppLayout {
  /** `basePath`, '' for none; UNKNOWN_PREFIX when it is not known statically. */
  basePath: string;
  /** The file endings that are pages and routes (`pageExtensions`, default tsx ts jsx js). */
  extensions: string[];
  /** The App Router's and the Pages Router's folders, relative to the app ('app' or 'src/app'), when present. */
  appDir?: string;
  pagesDir?: string;
  /** Why basePath is not known (the config file and line), when it is not. */
  basePathWarning?: string;
}

const DEFAULT_EXTENSIONS = ['tsx', 'ts', 'jsx', 'js'];

/** The layout of the Next.js app in `dir`: its config's basePath and pageExtensions, its router folders. `env`: the service's (configLayout). */
export async function nextAppLayout(fs: FsLike, dir: string, env?: ServiceEnv): Promise<NextAppLayout> {
  const layout: NextAppLayout = { basePath: '', extensions: DEFAULT_EXTENSIONS };
  const config = await firstText(fs, dir, NEXT_CONFIG_FILES);
  if (config) Object.assign(layout, configLayout(config.text, config.file, env, await nextBuildEnvFiles(fs, dir)));
  const isDir = async (rel: string) => Boolean((await fs.stat(join(dir, ...rel.split('/'))))?.isDirectory);
  // Next.js reads src/app and src/pages only when the app's root has no app or pages folder.
  const [app, srcApp, pages, srcPages] = await Promise.all(NEXT_ROUTER_FOLDERS.map(isDir));
  const rootRouted = app || pages;
  if (app) layout.appDir = 'app';
  else if (srcApp && !rootRouted) layout.appDir = 'src/app';
  if (pages) layout.pagesDir = 'pages';
  else if (srcPages && !rootRouted) layout.pagesDir = 'src/pages';
  return layout;
}

/** The env files `next build` loads into process.env before it reads next.config, most binding first (a build runs as production). */
const NEXT_BUILD_ENV_FILES = ['.env.production.local', '.env.local', '.env.production', '.env'];

/**
 * The variables the app's env files in `dir` set for `next build` (the first file setting one wins),
 * `where` naming the file; undefined when none sets any. .env.development and .env.example are not
 * loaded by a build.
 */
export async function nextBuildEnvFiles(fs: FsLike, dir: string): Promise<ServiceEnv | undefined> {
  const values: Record<string, string> = {};
  const where: Record<string, string> = {};
  for (const name of NEXT_BUILD_ENV_FILES) {
    const text = await fs.readFile(join(dir, name)).catch(() => undefined);
    if (text === undefined) continue;
    for (const [k, v] of Object.entries(parseDotenv(text))) {
      if (Object.hasOwn(values, k)) continue;
      values[k] = v;
      where[k] = name;
    }
  }
  return Object.keys(values).length > 0 ? { service: '', values, where } : undefined;
}

/**
 * basePath and pageExtensions from a next.config's text: a literal, an environment variable's
 * literal default (`process.env.BASE_PATH || ''`), also through a constant of the file. An
 * environment variable with no default (or `|| undefined`) is no basePath unless the build sets it
 * (Next.js reads an unset one as none): the routes are shown without it, with a warning naming it. Any other basePath
 * is not known statically. An environment variable the service's environment sets (`env`: its
 * image's ENV, a build arg made ENV, and compose's environment, which a build run at start sees)
 * is that value, `||` taking the default in place of an empty one, with a note of where it is set.
 * One it does not set but the app's env files do (`files`: nextBuildEnvFiles) is their value, as
 * next build loads them, with a note naming the file.
 */
export function configLayout(text: string, file: string, env?: ServiceEnv, files?: ServiceEnv): Pick<NextAppLayout, 'basePath' | 'extensions' | 'basePathWarning'> {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/^[ \t]*\/\/.*$/gm, '');
  const out: Pick<NextAppLayout, 'basePath' | 'extensions' | 'basePathWarning'> = { basePath: '', extensions: DEFAULT_EXTENSIONS };
  // `basePath: value`, or the shorthand `basePath,` of a constant named so.
  const base = /\bbasePath\s*(?::\s*([^,\n}]+)|(?=\s*[,}\n]))/.exec(code);
  if (base) {
    const written = (base[1] ?? 'basePath').trim();
    const constant = /^[A-Za-z_$][\w$]*$/.test(written) ? new RegExp(`\\b(?:const|let|var)\\s+${written.replace(/\$/g, '\\$')}\\s*=\\s*([^;\\n]+)`).exec(code)?.[1]?.trim() : undefined;
    // `|| undefined` / `?? undefined` is no default at all: an unset (or, for `||`, empty) variable is no basePath.
    const value = (constant ?? written).replace(/\s*(?:\|\||\?\?)\s*undefined$/, '');
    const literal = /^(['"`])([^'"`$]*)\1$/.exec(value) ?? /^(?:process\.)?env\.[\w$]+\s*(?:\|\||\?\?)\s*(['"`])([^'"`$]*)\1$/.exec(value);
    const envVar = /^(?:process\.)?env\.([\w$]+)$/.exec(value)?.[1];
    const line = code.slice(0, base.index).split('\n').length;
    const set = env && serviceSetting(value, env);
    const fromFile = !set && files ? serviceSetting(value, files) : undefined;
    if (set && env) {
      out.basePath = set.value;
      out.basePathWarning = envPathNote(file, env, set.variable);
    } else if (fromFile && files) {
      out.basePath = fromFile.value;
      out.basePathWarning = scanWarningText(file, { id: 'nextBasePathEnvFile', args: [fromFile.variable, fromFile.value === '' ? "''" : fromFile.value, files.where[fromFile.variable] ?? '.env'], line });
    } else if (literal) out.basePath = literal[2] ?? '';
    else if (envVar !== undefined) out.basePathWarning = scanWarningText(file, { id: 'nextBasePathEnv', args: [envVar], line });
    else {
      out.basePath = UNKNOWN_PREFIX;
      out.basePathWarning = scanWarningText(file, { id: 'nextBasePath', args: [written], line });
    }
  }
  const exts = /\bpageExtensions\s*:\s*\[([^\]]*)\]/.exec(code)?.[1];
  const listed = exts === undefined ? [] : [...exts.matchAll(/(['"`])([\w.-]+)\1/g)].map((m) => m[2] ?? '');
  if (listed.length > 0) out.extensions = listed;
  return out;
}

/** `process.env.X`, `process.env.X || 'd'`, `process.env.X ?? 'd'` with X set in the service's environment to a known value: that value (`||`: the default for an empty one). */
function serviceSetting(value: string, env: ServiceEnv): { variable: string; value: string } | undefined {
  const m = /^(?:process\.)?env\.([\w$]+)\s*(?:(\|\||\?\?)\s*(['"`])([^'"`$]*)\3)?$/.exec(value);
  const variable = m?.[1];
  const given = variable !== undefined ? envPathValue(env, variable) : undefined;
  // An ENV made of a build arg not given (`ENV BASE=${BASE}` with no such arg) is not known.
  if (variable === undefined || given === undefined || given.includes('$')) return undefined;
  return { variable, value: given === '' && m?.[2] === '||' ? (m[4] ?? '') : given };
}

/**
 * The URL path of a route handler from its path relative to the app (POSIX), or undefined when it
 * is none: `app/api/users/[id]/route.ts` -> `/api/users/:id` (`[...slug]` :slug+, `[[...slug]]`
 * :slug*; route groups `(x)` and slots `@x` left out; a `_private` folder is not routed), and
 * `pages/api/users/index.ts` -> `/api/users`.
 */
export function nextRouteOf(rel: string, layout: Pick<NextAppLayout, 'extensions' | 'appDir' | 'pagesDir'>): { router: 'app' | 'pages'; path: string } | undefined {
  const endsAs = (name: string) => layout.extensions.find((e) => name.endsWith(`.${e}`) && name.length > e.length + 1);
  const parts = rel.split('/');
  const name = parts.at(-1) ?? '';
  if (layout.appDir !== undefined && rel.startsWith(`${layout.appDir}/`)) {
    const ext = endsAs(name);
    if (ext === undefined || name !== `route.${ext}`) return undefined;
    const folders = parts.slice(layout.appDir.split('/').length, -1);
    if (folders.some((f) => f.startsWith('_'))) return undefined;
    return { router: 'app', path: joinRoutePath(...folders.filter(isUrlFolder).map(dynamicSegment)) };
  }
  if (layout.pagesDir !== undefined && rel.startsWith(`${layout.pagesDir}/api/`)) {
    const ext = endsAs(name);
    if (ext === undefined) return undefined;
    const segments = [...parts.slice(layout.pagesDir.split('/').length, -1), name.slice(0, -ext.length - 1)];
    if (segments.at(-1) === 'index') segments.pop();
    return { router: 'pages', path: joinRoutePath(...segments.map(dynamicSegment)) };
  }
  return undefined;
}

/** A module of a server framework (`hono/vercel`, `express`), not its client (`hono/client`): a handler importing one hands the request to that framework's app. */
function isFrameworkModule(source: string): boolean {
  return SERVER_FRAMEWORKS.some((f) => source === f || source.startsWith(`${f}/`)) && !/\/client$/.test(source);
}

/** A server framework's adapter to Next.js's route handlers: `handle(app)` turns its app into one. */
const NEXT_ADAPTER = /^hono\/(?:vercel|nextjs)$/;

type Scans = ReadonlyArray<{ file: string; x: ExtractedFile }>;

/**
 * Whether a route handler hands its requests to a server framework's app: it imports the framework
 * itself (`handle` from hono/vercel), or a module of the app that makes its handler with a Next.js
 * adapter (`const { handler } = OAuthIntegration(...)`, whose module returns `handle(app)`).
 */
function isAdapter(file: string, x: ExtractedFile, byKey: ReadonlyMap<string, ExtractedFile>, aliases: readonly PathAlias[]): boolean {
  if (x.imports.some((i) => isFrameworkModule(i.source))) return true;
  return x.imports.some((i) => resolveSpecifier(toSlash(file), i.source, byKey, aliases)?.imports.some((j) => NEXT_ADAPTER.test(j.source)) === true);
}

/** The routes the Next.js app in `dir` declares among `extracted` (its files' scans), with what could not be read. `aliases`: its import aliases. */
export function nextAppRoutes(dir: string, extracted: Scans, layout: NextAppLayout, aliases: readonly PathAlias[] = [], metadataFiles: readonly string[] = []): { routes: RouteDef[]; warnings: string[] } {
  const routes: RouteDef[] = [];
  const warnings: string[] = layout.basePathWarning !== undefined ? [layout.basePathWarning] : [];
  const byKey = new Map(extracted.map((e) => [toSlash(e.file), e.x]));
  for (const { file, x } of extracted) {
    const handler = x.nextHandler;
    if (!handler || !file.startsWith(dir + sep) || isAdapter(file, x, byKey, aliases)) continue;
    const route = nextRouteOf(relative(dir, file).split(sep).join('/'), layout);
    if (!route) continue;
    const path = joinRoutePath(layout.basePath, route.path);
    const unknown = layout.basePath === UNKNOWN_PREFIX ? { prefixUnknown: true as const } : {};
    if (route.router === 'pages') {
      if (handler.defaultLine !== undefined) routes.push({ method: 'ALL', path, file, line: handler.defaultLine, origin: 'source', ...unknown });
      continue;
    }
    for (const m of handler.methods) routes.push({ method: m.method, path, file, line: m.line, origin: 'source', ...unknown });
    for (const source of handler.reexportsAll ?? []) warnings.push(scanWarningText(file, { id: 'nextReexportAll', args: [source] }));
  }
  return { routes: [...routes, ...metadataRoutes(dir, metadataFiles, layout, byKey)], warnings };
}

/**
 * The GET routes of the app's metadata files (nextMetadata.ts), under basePath: a code file's when
 * its scan has the default export that generates it, at `/:id` below its name when it exports
 * generateSitemaps or generateImageMetadata; a static file's always.
 */
function metadataRoutes(dir: string, files: readonly string[], layout: NextAppLayout, byKey: ReadonlyMap<string, ExtractedFile>): RouteDef[] {
  const appDir = layout.appDir;
  if (appDir === undefined) return [];
  const unknown = layout.basePath === UNKNOWN_PREFIX ? { prefixUnknown: true as const } : {};
  return files.flatMap((file): RouteDef[] => {
    const handler = byKey.get(toSlash(file))?.nextHandler;
    const rel = relative(join(dir, ...appDir.split('/')), file).split(sep).join('/');
    const route = metadataRouteOf(rel, layout.extensions, handler?.idsLine !== undefined);
    if (!route || (route.code && handler?.defaultLine === undefined)) return [];
    const line = route.code ? { line: handler?.defaultLine } : {};
    return [{ method: 'GET', path: joinRoutePath(layout.basePath, route.path), file, ...line, origin: 'source', ...unknown }];
  });
}

/** What a package's routes need to be served as a Next.js app serves them (nextServing); undefined for another package. */
export interface NextServing {
  /** The route handlers' folders bounding a framework app's routes (serverApps.ts nextHandlerPaths), when the app lists no framework. */
  handlerPaths?: string[];
  /** The app's layout, when it is a Next.js app (a package depending on `next` whose scripts run it). */
  layout?: NextAppLayout;
  /** Its App Router's files that can be metadata files (nextMetadata.ts decides), with a layout. */
  metadataFiles?: string[];
  /** Where its Nitro file routes are, when it is a Nuxt app or a Nitro server (nitroRoutes.ts). */
  nitro?: NitroLayout;
  /** Where its endpoints are, when it is a SvelteKit app with a server adapter (svelteKitRoutes.ts). */
  svelteKit?: SvelteKitLayout;
  /** Where its route modules are, when it is a Remix or React Router framework-mode app (remixRoutes.ts). */
  remix?: RemixLayout;
  /** Where its endpoints are, when it is an Astro app built for a server (astroRoutes.ts). */
  astro?: AstroLayout;
}

/** What the package in `dir` needs for nextServedRoutes. `files`: its source files (where its handlers are); `env`: the service's environment (configLayout). */
export async function nextServing(fs: FsLike, dir: string, files: readonly string[], env?: ServiceEnv): Promise<NextServing> {
  const handlerPaths = await nextHandlerPaths(fs, dir, files);
  const layout = (await nextAppScope(fs, dir)) ? await nextAppLayout(fs, dir, env) : undefined;
  const router = layout?.appDir !== undefined ? join(dir, ...layout.appDir.split('/')) + sep : undefined;
  const metadataFiles = router !== undefined ? files.filter((f) => f.startsWith(router) && layout && metadataRouteOf(f.slice(router.length).split(sep).join('/'), layout.extensions)) : [];
  const nitro = await nitroAppLayout(fs, dir);
  const svelteKit = await svelteKitLayout(fs, dir);
  const remix = await remixLayout(fs, dir);
  const astro = await astroLayout(fs, dir);
  return { ...(handlerPaths ? { handlerPaths } : {}), ...(layout ? { layout, metadataFiles } : {}), ...(nitro ? { nitro } : {}), ...(svelteKit ? { svelteKit } : {}), ...(remix ? { remix } : {}), ...(astro ? { astro } : {}) };
}

/**
 * The routes of the package in `dir` as it serves them: a Next.js app's route handlers' own added
 * (a Nuxt app's or a Nitro server's file routes likewise, nitroRoutes.ts, and a SvelteKit app's
 * endpoints, svelteKitRoutes.ts, an Astro app's, astroRoutes.ts, and a Remix app's resource
 * routes, remixRoutes.ts),
 * a framework app's they hand requests to bounded by the handlers' folders (nextHandlers.ts); any
 * other package's as collected. `extracted`: the scans of its files.
 */
export function nextServedRoutes(dir: string, collected: CollectedRoutes, extracted: Scans, serving: NextServing, aliases: readonly PathAlias[] = []): CollectedRoutes {
  const served = serving.handlerPaths ? servedThroughHandlers(collected, serving.handlerPaths) : collected;
  const own = [
    ...(serving.layout ? [nextAppRoutes(dir, extracted, serving.layout, aliases, serving.metadataFiles)] : []),
    ...(serving.nitro ? [nitroAppRoutes(dir, extracted, serving.nitro)] : []),
    ...(serving.svelteKit ? [svelteKitAppRoutes(dir, extracted, serving.svelteKit)] : []),
    ...(serving.remix ? [remixAppRoutes(dir, extracted, serving.remix)] : []),
    ...(serving.astro ? [astroAppRoutes(dir, extracted, serving.astro)] : []),
  ];
  if (own.length === 0) return served;
  return { routes: [...served.routes, ...own.flatMap((o) => o.routes)], warnings: [...served.warnings, ...own.flatMap((o) => o.warnings)] };
}

/** The Next.js apps among `files` (a tree's, absolute) that have a route handler or a metadata file (app/sitemap.ts, app/favicon.ico): servers of their own routes. */
export async function findNextApps(fs: FsLike, files: readonly string[]): Promise<string[]> {
  const apps: string[] = [];
  for (const dir of packageFolders(files)) {
    if (!(await nextAppScope(fs, dir))) continue;
    if (files.some((f) => f.startsWith(dir + sep) && servesOwnRoute(f.slice(dir.length + 1).split(sep).join('/')))) apps.push(dir);
  }
  return apps;
}

/** Whether `rel` (POSIX, relative to a Next.js app) is a route handler or a metadata file of its App Router. */
function servesOwnRoute(rel: string): boolean {
  const inApp = /^(?:src\/)?app\/(.+)$/.exec(rel)?.[1];
  return isNextRouteHandler(rel) || (inApp !== undefined && metadataRouteOf(inApp, DEFAULT_EXTENSIONS) !== undefined);
}

/** Whether the package holding `sourceRoot` (the nearest package.json at or above it, within the workspace) is a Next.js app. */
export async function isNextAppSource(fs: FsLike, sourceRoot: string, workspaceDir: string): Promise<boolean> {
  for (const dir of foldersUpTo(sourceRoot, workspaceDir)) {
    if ((await fs.stat(join(dir, 'package.json')))?.isFile) return (await nextAppScope(fs, dir)) !== undefined;
  }
  return false;
}
