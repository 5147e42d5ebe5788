// React Router's app/routes.ts when it builds its routes in code (reactrouter.com/start/framework/routing):
// the module is run as the build runs it (configModules.ts), with `flatRoutes()` the routes folder's
// modules by the flat routes convention (one entry per module: its path without the leading slash,
// not nested under a parent module) and @react-router/dev/routes' `route`, `index`, `layout` and
// `prefix`. Its value, a list of route entries, gives each module file (relative to app/) the URL
// paths it answers at, children joined under their parents' paths. A config the run cannot follow
// gives nothing: the caller reads the folder alone and warns.
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from './compiler';
import type { FsLike } from '../ports';
import { joinRoutePath } from './joinPath';
import { defaultExportOf, MissingModule, NotStatic, type ModuleSet } from './configModules';

/** A route module of the routes folder, relative to it (POSIX), with its paths by the convention. */
export interface FolderModule {
  rel: string;
  paths: string[];
}

type Entry = Record<string, unknown>;

/** The extensions an import without one is tried with, and a folder's index names. */
const IMPORT_TRIES = ['', '.ts', '.tsx', '.js', '.mjs', '.mts', '/index.ts', '/index.tsx', '/index.js'];
/** How many modules a config may import, all told. */
const MAX_MODULES = 40;

/**
 * The URL paths of each route module (its path relative to the app folder, POSIX) that `config`
 * (app/routes.ts, absolute) builds, or undefined when the run cannot follow it. `folder`: the routes
 * folder's modules, what `flatRoutes()` gives.
 */
export async function configuredRoutePaths(fs: FsLike, config: string, folder: readonly FolderModule[]): Promise<Map<string, string[]> | undefined> {
  const sources = new Map<string, ts.SourceFile>();
  const modules: ModuleSet = { sources, resolve: (from, spec) => resolveIn(sources, from, spec), hosts: routeHosts(folder) };
  // The run reads the modules it needs one at a time (MissingModule): a config's imports may hold far more than it reads.
  for (let base: string | undefined = config; base !== undefined && sources.size < MAX_MODULES; ) {
    const file = await firstExisting(fs, base);
    const text = file !== undefined ? await fs.readFile(file).catch(() => undefined) : undefined;
    if (file === undefined || text === undefined) return undefined;
    sources.set(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, /x$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS));
    const run = runConfig(modules, config);
    if (!(run instanceof MissingModule)) return run;
    base = run.base;
  }
  return undefined;
}

/** The paths the config's value gives each module, undefined when it is not static, or the module the run needs first. */
function runConfig(modules: ModuleSet, config: string): Map<string, string[]> | MissingModule | undefined {
  let value: unknown;
  try {
    value = defaultExportOf(modules, config);
  } catch (e) {
    if (e instanceof MissingModule) return e;
    if (e instanceof NotStatic) return undefined;
    throw e;
  }
  if (!Array.isArray(value)) return undefined;
  const out = new Map<string, string[]>();
  return addEntries(value, '', out) ? out : undefined;
}

async function firstExisting(fs: FsLike, base: string): Promise<string | undefined> {
  for (const tail of IMPORT_TRIES) if ((await fs.stat(base + tail))?.isFile) return base + tail;
  return undefined;
}

function resolveIn(sources: ReadonlyMap<string, ts.SourceFile>, from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = join(dirname(from), spec);
  const found = IMPORT_TRIES.map((t) => base + t).find((f) => sources.has(f));
  if (found === undefined) throw new MissingModule(base);
  return found;
}

/** The packages a route config imports its helpers from. */
function routeHosts(folder: readonly FolderModule[]): ModuleSet['hosts'] {
  // Options (another folder, files left out) change what it reads: not followed.
  const flatRoutes = (...options: unknown[]): Entry[] => {
    if (options.length > 0) throw new NotStatic('flatRoutes options');
    return folderEntries(folder);
  };
  const route = (path: unknown, file: unknown, a?: unknown, b?: unknown): Entry => ({ path, file, children: Array.isArray(a) ? a : b });
  const index = (file: unknown): Entry => ({ index: true, file });
  const layout = (file: unknown, a?: unknown, b?: unknown): Entry => ({ file, children: Array.isArray(a) ? a : b });
  const prefix = (p: unknown, routes: unknown): Entry[] => {
    if (typeof p !== 'string' || !Array.isArray(routes)) throw new NotStatic('prefix');
    return routes.map((r: Entry) => ({ ...r, path: typeof r.path === 'string' && r.path !== '' ? `${p}/${r.path}` : p }));
  };
  return { '@react-router/fs-routes': { flatRoutes }, '@react-router/dev/routes': { route, index, layout, prefix } };
}

/** What `flatRoutes()` gives: one entry per module and path, the index route without a path. */
function folderEntries(folder: readonly FolderModule[]): Entry[] {
  return folder.flatMap((m) => m.paths.map((p) => (p === '/' ? { id: idOf(m.rel), file: `routes/${m.rel}`, index: true } : { id: idOf(m.rel), file: `routes/${m.rel}`, path: p.slice(1) })));
}

function idOf(rel: string): string {
  return `routes/${rel.replace(/\.[cm]?[jt]sx?$/, '')}`;
}

/** Adds each entry's file with its full path (under `parent`); false when an entry is not a route entry. */
function addEntries(entries: unknown[], parent: string, out: Map<string, string[]>): boolean {
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false;
    const { path, file, children } = entry as Entry;
    if (typeof file !== 'string' || (path !== undefined && typeof path !== 'string')) return false;
    const full = path ? `${parent}/${path}` : parent;
    const rel = posix.normalize(file.split(sep).join('/')).replace(/^\.\//, '');
    out.set(rel, [...new Set([...(out.get(rel) ?? []), joinRoutePath(full || '/')])]);
    if (Array.isArray(children) && !addEntries(children, full, out)) return false;
  }
  return true;
}

/** A module file's path relative to the app folder (POSIX), as route entries name it. */
export function appRelative(appDir: string, file: string): string {
  return relative(appDir, file).split(sep).join('/');
}
