// The package folders of a tree's file list: where a package.json sits, outside node_modules; and
// the apps among them whose routes are files of a routes folder (SvelteKit, Remix / React Router).
import { join, relative, sep } from 'node:path';
import type { FsLike } from '../ports';
import type { RouteDef } from '../model';
import { foldersUpTo } from '../pathInside';
import type { ExtractedFile } from './extracted';
import { joinRoutePath, UNKNOWN_PREFIX } from './joinPath';

/** The folders of `files` (a tree's, absolute) holding a package.json, installed packages left out. */
export function packageFolders(files: readonly string[]): string[] {
  return files.filter((f) => f.endsWith(`${sep}package.json`) && !f.includes(`${sep}node_modules${sep}`)).map((f) => f.slice(0, -`${sep}package.json`.length));
}

/** How a framework with file routes reads a package: its layout (undefined: not such an app), and the route paths a file of its routes folder makes. */
export interface FileRouteFramework {
  layout(fs: FsLike, dir: string): Promise<{ routesDir: string } | undefined>;
  /** `rel`: the file's path in the routes folder, '/'-separated. */
  pathsOf(rel: string): readonly unknown[];
}

/** The apps of `framework` among `files` (a tree's, absolute): packages of its layout with a file of their routes folder that makes a route. */
export async function fileRouteApps(fs: FsLike, files: readonly string[], framework: FileRouteFramework): Promise<string[]> {
  const apps: string[] = [];
  for (const dir of packageFolders(files)) {
    const layout = await framework.layout(fs, dir);
    if (!layout) continue;
    const root = join(dir, ...layout.routesDir.split('/')) + sep;
    if (files.some((f) => f.startsWith(root) && framework.pathsOf(relative(root, f).split(sep).join('/')).length > 0)) apps.push(dir);
  }
  return apps;
}

/** Whether the package holding `sourceRoot` (the nearest package.json at or above it, within the workspace) has `framework`'s layout. */
export async function isFileRouteAppSource(fs: FsLike, sourceRoot: string, workspaceDir: string, framework: Pick<FileRouteFramework, 'layout'>): Promise<boolean> {
  for (const dir of foldersUpTo(sourceRoot, workspaceDir)) {
    if ((await fs.stat(join(dir, 'package.json')))?.isFile) return (await framework.layout(fs, dir)) !== undefined;
  }
  return false;
}

/**
 * The routes of an app whose endpoints are the script files of its routes folder (SvelteKit's
 * +server.ts, Astro's pages) among `extracted` (its files' scans): each endpoint's exported methods,
 * and ALL where `allLine` gives the line of its every-method export (SvelteKit's `fallback`, Astro's
 * `ALL`), under the layout's base; its warnings only when it has a route.
 */
export function endpointRoutes(
  dir: string,
  extracted: ReadonlyArray<{ file: string; x: ExtractedFile }>,
  layout: { routesDir: string; base: string; warnings: string[] },
  framework: { pathsOf(rel: string): string[]; allLine(handler: NonNullable<ExtractedFile['nextHandler']>): number | undefined },
): { routes: RouteDef[]; warnings: string[] } {
  const root = join(dir, ...layout.routesDir.split('/')) + sep;
  const unknown = layout.base === UNKNOWN_PREFIX ? { prefixUnknown: true as const } : {};
  const routes: RouteDef[] = [];
  for (const { file, x } of extracted) {
    const handler = x.nextHandler;
    if (!handler || !file.startsWith(root)) continue;
    const all = framework.allLine(handler);
    const methods = [...handler.methods, ...(all !== undefined ? [{ method: 'ALL' as const, line: all }] : [])];
    for (const path of framework.pathsOf(file.slice(root.length).split(sep).join('/'))) {
      for (const m of methods) routes.push({ method: m.method, path: joinRoutePath(layout.base, path), file, line: m.line, origin: 'source', ...unknown });
    }
  }
  return { routes, warnings: routes.length > 0 ? layout.warnings : [] };
}
