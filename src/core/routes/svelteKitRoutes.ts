// A SvelteKit app's own HTTP routes: its endpoints (svelte.dev/docs/kit/routing#server), each
// `+server.js` / `+server.ts` below its routes folder (`src/routes`, else svelte.config's
// kit.files.routes) answering the methods it exports (GET, POST, ...; `fallback` every other one),
// at the URL its folders give: `(group)` folders left out, `[id]` and `[id=matcher]` a parameter,
// `[[lang]]` optional (the route with and without it), `[...rest]` the rest of the path; all under
// kit.paths.base. Pages (+page.svelte) and form actions are no routes here, as Next.js pages are
// not. Only an app whose adapter runs a server of its own (adapter-node, a Bun or Deno adapter) is
// one: adapter-static prerenders its endpoints into files, a platform adapter serves them off any
// container.
import { join, sep } from 'node:path';
import type { FsLike } from '../ports';
import type { RouteDef } from '../model';
import { readJsonObject } from '../mapping/tsconfig';
import { scanWarningText } from '../scanTexts';
import { firstText } from '../firstFile';
import type { ExtractedFile } from './extracted';
import { joinRoutePath, UNKNOWN_PREFIX } from './joinPath';
import { dependencyNames } from './serverApps';
import { configOptions, literalString, type ConfigValue } from './nitroConfig';
import { endpointRoutes, fileRouteApps, isFileRouteAppSource, type FileRouteFramework } from './packageFolders';

/** Where a SvelteKit app's endpoints are, and under which base. */
export interface SvelteKitLayout {
  /** The routes folder, relative to the app (POSIX). */
  routesDir: string;
  /** kit.paths.base: '' for none; UNKNOWN_PREFIX when it is not known statically. */
  base: string;
  /** Why the base is not known (svelte.config and line), when it is not. */
  warnings: string[];
}

const SVELTE_CONFIGS = ['svelte.config.js', 'svelte.config.mjs', 'svelte.config.ts', 'svelte.config.cjs'];
/** Adapters whose build is a server the container runs (`node build`): SvelteKit's Node adapter, the community Bun and Deno ones. */
const SERVER_ADAPTER = /(['"])(?:@sveltejs\/adapter-node|svelte-adapter-bun|svelte-adapter-deno|@deno\/svelte-adapter|sveltekit-adapter-deno)\1/;
const ENDPOINT = /^\+server\.[jt]s$/;

/**
 * The layout of the SvelteKit app in `dir`: a package depending on @sveltejs/kit whose
 * svelte.config loads a server adapter. Undefined for any other folder.
 */
export async function svelteKitLayout(fs: FsLike, dir: string): Promise<SvelteKitLayout | undefined> {
  const pkg = await readJsonObject(fs, join(dir, 'package.json'));
  if (!pkg || !dependencyNames(pkg).includes('@sveltejs/kit')) return undefined;
  const config = await firstText(fs, dir, SVELTE_CONFIGS);
  if (!config || !SERVER_ADAPTER.test(config.text)) return undefined;
  const options = configOptions(config.text);
  const routesDir = (literalString(options.get('kit.files.routes')) ?? 'src/routes').replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  return { routesDir, ...baseOf(config.file, options.get('kit.paths.base')) };
}

/** `env.A || 'x'`, and a chain of variables before the default (`env.BASE_URL || env.BASE_PATH || ''`): the default, what the build has when none of them is set. */
const ENV_DEFAULT = /^(?:(?:process\.)?env\.[\w$]+\s*(?:\|\||\?\?)\s*)+(['"`])([^'"`$]*)\1$/;

/** kit.paths.base as written: a literal, an environment variable's (or a chain of variables') literal default; an unset variable none (with a warning); anything else not known. */
function baseOf(file: string, v: ConfigValue | undefined): Pick<SvelteKitLayout, 'base' | 'warnings'> {
  if (v === undefined) return { base: '', warnings: [] };
  const literal = literalString(v) ?? ENV_DEFAULT.exec(v.text)?.[2];
  if (literal !== undefined) return { base: literal === '/' ? '' : literal, warnings: [] };
  const envVar = /^(?:process\.)?env\.([\w$]+)$/.exec(v.text)?.[1];
  if (envVar !== undefined) return { base: '', warnings: [scanWarningText(file, { id: 'svelteKitBaseEnv', args: [envVar], line: v.line })] };
  return { base: UNKNOWN_PREFIX, warnings: [scanWarningText(file, { id: 'svelteKitBase', args: [v.text], line: v.line })] };
}

/**
 * The URL paths of an endpoint from its path below the routes folder (POSIX), or none when it is
 * no endpoint: `api/users/[id]/+server.ts` -> /api/users/:id; `[[lang]]/feed/+server.ts` -> /feed
 * and /:lang/feed; `files/[...path]/+server.ts` -> /files/:path*.
 */
export function svelteKitPathsOf(rel: string): string[] {
  const parts = rel.split('/');
  if (!ENDPOINT.test(parts.pop() ?? '')) return [];
  let paths = [''];
  for (const folder of parts) {
    if (/^\(.*\)$/.test(folder)) continue;
    const optional = /^\[\[([\w$]+)(?:=[\w$]+)?\]\]$/.exec(folder)?.[1];
    if (optional !== undefined) {
      paths = [...paths, ...paths.map((p) => `${p}/:${optional}`)];
      continue;
    }
    const segment = folder.replace(/\[\.{3}([\w$]+)(?:=[\w$]+)?\]/g, ':$1*').replace(/\[([\w$]+)(?:=[\w$]+)?\]/g, ':$1');
    paths = paths.map((p) => `${p}/${segment}`);
  }
  return paths.map((p) => joinRoutePath(p));
}

/** The routes the SvelteKit app in `dir` declares among `extracted` (its files' scans): each endpoint's exported methods, `fallback` as ALL. */
export function svelteKitAppRoutes(dir: string, extracted: ReadonlyArray<{ file: string; x: ExtractedFile }>, layout: SvelteKitLayout): { routes: RouteDef[]; warnings: string[] } {
  return endpointRoutes(dir, extracted, layout, { pathsOf: svelteKitPathsOf, allLine: (h) => h.fallbackLine });
}

/** The SvelteKit apps among `files` (a tree's, absolute) with an endpoint: servers of their own routes. A front end with none is not one. */
export function findSvelteKitApps(fs: FsLike, files: readonly string[]): Promise<string[]> {
  return fileRouteApps(fs, files, SVELTEKIT);
}

/** Whether the package holding `sourceRoot` (the nearest package.json at or above it, within the workspace) is a SvelteKit app serving its endpoints. */
export function isSvelteKitAppSource(fs: FsLike, sourceRoot: string, workspaceDir: string): Promise<boolean> {
  return isFileRouteAppSource(fs, sourceRoot, workspaceDir, SVELTEKIT);
}

const SVELTEKIT: FileRouteFramework = { layout: svelteKitLayout, pathsOf: svelteKitPathsOf };
