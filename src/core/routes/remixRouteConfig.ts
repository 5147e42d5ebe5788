// React Router's app/routes.ts when it builds its routes in code (reactrouter.com/start/framework/routing):
// the module is run as the build runs it (configModules.ts), with `flatRoutes()` the routes folder's
// modules by the flat routes convention (one entry per module: its path without the leading slash,
// not nested under a parent module) and @react-router/dev/routes' `route`, `index`, `layout` and
// `prefix`. Its value, a list of route entries, gives each module file (relative to app/) the URL
// paths it answers at, children joined under their parents' paths. A config the run cannot follow
// gives nothing: the caller reads the folder alone and warns.
import { relative, sep } from 'node:path';
import type { FsLike } from '../ports';
import type { ConfigRun } from './routeConfigRun';

/** A route module of the routes folder, relative to it (POSIX), with its paths by the convention. */
export interface FolderModule {
  rel: string;
  paths: string[];
}

/** The extensions an import without one is tried with, and a folder's index names. */
const IMPORT_TRIES = ['', '.ts', '.tsx', '.js', '.mjs', '.mts', '/index.ts', '/index.tsx', '/index.js'];
/** How many modules a config may import, all told. */
const MAX_MODULES = 40;

type RunRouteConfig = typeof import('./routeConfigRun').runRouteConfig;
/** The run needs the TypeScript compiler: in the route parser's bundle, loaded on the first config run (scripts/build.mjs). */
let runRouteConfig: RunRouteConfig | undefined;

/**
 * The URL paths of each route module (its path relative to the app folder, POSIX) that `config`
 * (app/routes.ts, absolute) builds, or undefined when the run cannot follow it. `folder`: the routes
 * folder's modules, what `flatRoutes()` gives.
 */
export async function configuredRoutePaths(fs: FsLike, config: string, folder: readonly FolderModule[]): Promise<Map<string, string[]> | undefined> {
  runRouteConfig ??= (require('./routeConfigRun') as typeof import('./routeConfigRun')).runRouteConfig;
  const texts = new Map<string, string>();
  // The run reads the modules it needs one at a time (missing): a config's imports may hold far more than it reads.
  for (let base: string | undefined = config; base !== undefined && texts.size < MAX_MODULES; ) {
    const file = await firstExisting(fs, base);
    const text = file !== undefined ? await fs.readFile(file).catch(() => undefined) : undefined;
    if (file === undefined || text === undefined) return undefined;
    texts.set(file, text);
    const run: ConfigRun = runRouteConfig(texts, config, folder, IMPORT_TRIES);
    if (!run || 'paths' in run) return run?.paths;
    base = run.missing;
  }
  return undefined;
}

async function firstExisting(fs: FsLike, base: string): Promise<string | undefined> {
  for (const tail of IMPORT_TRIES) if ((await fs.stat(base + tail))?.isFile) return base + tail;
  return undefined;
}

/** A module file's path relative to the app folder (POSIX), as route entries name it. */
export function appRelative(appDir: string, file: string): string {
  return relative(appDir, file).split(sep).join('/');
}
