// The run of a React Router route config (remixRouteConfig.ts) over the modules read so far: in the
// route parser's bundle, as it needs the TypeScript compiler (scripts/build.mjs). Its value, a list of
// route entries, gives each module file (relative to app/) its URL paths, children joined under their
// parents' paths.
import { dirname, join, posix, sep } from 'node:path';
import ts from './compiler';
import { joinRoutePath } from './joinPath';
import { defaultExportOf, MissingModule, NotStatic, type ModuleSet } from './configModules';
import type { FolderModule } from './remixRouteConfig';

type Entry = Record<string, unknown>;

/** Each module's paths; or the module (its path without extension) the run needs read first; or undefined when the config is not static. */
export type ConfigRun = { paths: Map<string, string[]> } | { missing: string } | undefined;

/** Runs `config` among `texts` (each module read so far, by absolute path); `tries`: the endings an import is tried with. */
export function runRouteConfig(texts: ReadonlyMap<string, string>, config: string, folder: readonly FolderModule[], tries: readonly string[]): ConfigRun {
  const sources = new Map([...texts].map(([file, text]) => [file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, /x$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS)]));
  const modules: ModuleSet = { sources, resolve: (from, spec) => resolveIn(sources, from, spec, tries), hosts: routeHosts(folder) };
  let value: unknown;
  try {
    value = defaultExportOf(modules, config);
  } catch (e) {
    if (e instanceof MissingModule) return { missing: e.base };
    if (e instanceof NotStatic) return undefined;
    throw e;
  }
  if (!Array.isArray(value)) return undefined;
  const paths = new Map<string, string[]>();
  return addEntries(value, '', paths) ? { paths } : undefined;
}

function resolveIn(sources: ReadonlyMap<string, ts.SourceFile>, from: string, spec: string, tries: readonly string[]): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = join(dirname(from), spec);
  const found = tries.map((t) => base + t).find((f) => sources.has(f));
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

