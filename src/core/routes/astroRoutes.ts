// An Astro app's own HTTP routes: its endpoints (docs.astro.build/en/guides/endpoints), each
// `.js` / `.ts` file below its pages folder (`src/pages`, else the config's srcDir's) answering the
// methods it exports (GET, POST, ...; ALL every other one), at the URL its path gives: the extension
// dropped (`rss.xml.ts` -> /rss.xml), `index` naming its folder, `[id]` a parameter, `[...slug]` the
// rest of the path; a file or folder whose name starts with `_` is none. All under the config's
// `base`. Pages (.astro, .md) are no routes here, as Next.js and SvelteKit pages are not. Only an
// app built for a server of its own is one: the config names an adapter running one (@astrojs/node,
// a Deno or Bun adapter) and renders on demand (`output: 'server'`, Astro 2-4's 'hybrid', or the
// adapter alone, Astro 5's default of prerendering what does not opt out).
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

/** Where an Astro app's endpoints are, and under which base. */
export interface AstroLayout {
  /** The pages folder, relative to the app (POSIX). */
  routesDir: string;
  /** The config's `base`: '' for none; UNKNOWN_PREFIX when it is not known statically. */
  base: string;
  /** Why the base is not known (the config and line), when it is not. */
  warnings: string[];
}

const ASTRO_CONFIGS = ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts', 'astro.config.cjs'];
/** Adapters whose build is a server the container runs (`node dist/server/entry.mjs`): Astro's Node adapter, the Deno and Bun ones. */
const SERVER_ADAPTER = /(['"])(?:@astrojs\/node|@astrojs\/deno|@deno\/astro-adapter|@nurodev\/astro-bun|astro-bun-adapter|@wyattjoh\/astro-bun-adapter)\1/;
/** An endpoint's file name: a script (not a page: .astro, .md, .mdx, .html), not a declaration or a test. */
const ENDPOINT = /^(?!.*\.d\.[cm]?ts$)(?!.*\.(?:test|spec)\.[^.]+$)(.+)\.[cm]?[jt]s$/;

/**
 * The layout of the Astro app in `dir`: a package depending on astro whose config loads a server
 * adapter. Undefined for any other folder (a static site, a platform adapter's build).
 */
export async function astroLayout(fs: FsLike, dir: string): Promise<AstroLayout | undefined> {
  const pkg = await readJsonObject(fs, join(dir, 'package.json'));
  if (!pkg || !dependencyNames(pkg).includes('astro')) return undefined;
  const config = await firstText(fs, dir, ASTRO_CONFIGS);
  if (!config || !SERVER_ADAPTER.test(config.text)) return undefined;
  const options = configOptions(config.text);
  const srcDir = (literalString(options.get('srcDir')) ?? 'src').replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  return { routesDir: [srcDir, 'pages'].filter((p) => p !== '' && p !== '.').join('/'), ...baseOf(config.file, options.get('base')) };
}

/** The config's `base` as written: a literal, an environment variable's literal default; an unset variable none (with a warning); anything else not known. */
function baseOf(file: string, v: ConfigValue | undefined): Pick<AstroLayout, 'base' | 'warnings'> {
  if (v === undefined) return { base: '', warnings: [] };
  const literal = literalString(v) ?? /^(?:(?:process\.env|import\.meta\.env)\.[\w$]+\s*(?:\|\||\?\?)\s*)+(['"`])([^'"`$]*)\1$/.exec(v.text)?.[2];
  if (literal !== undefined) return { base: literal.replace(/\/+$/, ''), warnings: [] };
  const envVar = /^(?:process\.env|import\.meta\.env)\.([\w$]+)$/.exec(v.text)?.[1];
  if (envVar !== undefined) return { base: '', warnings: [scanWarningText(file, { id: 'astroBaseEnv', args: [envVar], line: v.line })] };
  return { base: UNKNOWN_PREFIX, warnings: [scanWarningText(file, { id: 'astroBase', args: [v.text], line: v.line })] };
}

/**
 * The URL paths of an endpoint from its path below the pages folder (POSIX), or none when it is no
 * endpoint: `api/users/[id].ts` -> /api/users/:id; `feed/index.ts` -> /feed; `rss.xml.js` -> /rss.xml;
 * `files/[...path].ts` -> /files/:path*; `_lib/db.ts` none.
 */
export function astroPathsOf(rel: string): string[] {
  const parts = rel.split('/');
  const name = ENDPOINT.exec(parts.pop() ?? '')?.[1];
  if (name === undefined || [...parts, name].some((p) => p.startsWith('_') || p.startsWith('.'))) return [];
  const segments = [...parts, ...(name === 'index' ? [] : [name])].map((s) => s.replace(/\[\.{3}([\w$]+)\]/g, ':$1*').replace(/\[([\w$]+)\]/g, ':$1'));
  return [joinRoutePath('', ...segments)];
}

/** The routes the Astro app in `dir` declares among `extracted` (its files' scans): each endpoint's exported methods, `ALL` every method. */
export function astroAppRoutes(dir: string, extracted: ReadonlyArray<{ file: string; x: ExtractedFile }>, layout: AstroLayout): { routes: RouteDef[]; warnings: string[] } {
  return endpointRoutes(dir, extracted, layout, { pathsOf: astroPathsOf, allLine: (h) => h.allLine });
}

/** The Astro apps among `files` (a tree's, absolute) with an endpoint: servers of their own routes. A site with none is not one. */
export function findAstroApps(fs: FsLike, files: readonly string[]): Promise<string[]> {
  return fileRouteApps(fs, files, ASTRO);
}

/** Whether the package holding `sourceRoot` (the nearest package.json at or above it, within the workspace) is an Astro app serving its endpoints. */
export function isAstroAppSource(fs: FsLike, sourceRoot: string, workspaceDir: string): Promise<boolean> {
  return isFileRouteAppSource(fs, sourceRoot, workspaceDir, ASTRO);
}

const ASTRO: FileRouteFramework = { layout: astroLayout, pathsOf: astroPathsOf };
