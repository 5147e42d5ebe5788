// The page check's I/O, through the ports: the source's pages (router files read, file-based
// routing from paths) and the built assets the running container serves (archive API).
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import type { ContainerInfo, PageReport, SourceMapping } from '../model';
import type { EngineLike, FsLike } from '../ports';
import { mapPool } from '../pool';
import { filePages, pagesInRouterSource, type FileRouting, type PageDef } from './extract';
import { judgePages, SERVED_TEXT } from './judgePages';
import { errorText } from '../errors';

/** Router source files read per service at most: a front end's route table is in a handful. */
export const MAX_PAGE_SOURCES = 4000;
/** Bytes of built assets read per container at most. */
export const MAX_SERVED_BYTES = 64 * 1024 * 1024;

const SCRIPT = /\.(tsx?|jsx?|mjs|vue)$/;

/** The pages a bundled front end's source declares. `files`: the walked source tree (absolute). */
export async function declaredPages(fs: FsLike, sourceRoot: string, files: readonly string[]): Promise<PageDef[]> {
  const routing = await fileRouting(fs, sourceRoot);
  const rel = files.map((abs) => ({ abs, rel: path.relative(sourceRoot, abs).split(path.sep).join('/') }));
  const out = filePages(rel, routing);
  const scripts = files.filter((f) => SCRIPT.test(f)).slice(0, MAX_PAGE_SOURCES);
  const found = await mapPool(scripts, 16, async (file) => pagesInRouterSource(file, await fs.readFile(file).catch(() => '')));
  for (const list of found) out.push(...list);
  return out;
}

/** Next.js or SvelteKit, from the nearest package.json at or above the source root (two levels). */
async function fileRouting(fs: FsLike, sourceRoot: string): Promise<FileRouting> {
  for (const dir of [sourceRoot, path.dirname(sourceRoot), path.dirname(path.dirname(sourceRoot))]) {
    const text = await fs.readFile(path.join(dir, 'package.json')).catch(() => undefined);
    if (text === undefined) continue;
    try {
      const pkg = JSON.parse(text) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
      const deps = { ...pkg.dependencies, ...pkg.devDependencies };
      return { next: 'next' in deps, sveltekit: '@sveltejs/kit' in deps };
    } catch {
      break;
    }
  }
  return { next: false, sveltekit: false };
}

/** Each page against the assets under the mapping's target in the container (running or stopped). */
export async function servedPages(
  engine: EngineLike,
  container: ContainerInfo | undefined,
  mapping: SourceMapping,
  pages: readonly PageDef[],
  rel: (abs: string) => string,
  signal?: AbortSignal,
): Promise<PageReport[]> {
  if (pages.length === 0) return [];
  if (!container) return judgePages(pages, undefined, l10n.t('no container: the served bundle cannot be read'), rel);
  if (!engine.readServedFiles) return judgePages(pages, undefined, l10n.t('this engine client cannot read the served assets'), rel);
  try {
    const served = await engine.readServedFiles(container.id, mapping.target, { wanted: (p) => SERVED_TEXT.test(p), maxBytes: MAX_SERVED_BYTES }, signal);
    return judgePages(pages, served, '', rel);
  } catch (err) {
    return judgePages(pages, undefined, l10n.t`the served assets under ${mapping.target} could not be read: ${errorText(err)}`, rel);
  }
}
