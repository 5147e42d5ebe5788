// The package a RUN's own bundling command builds (`bun build --compile --outfile server
// ./apps/api/src/index.ts`, from the root of a workspace): the package holding the entry it names,
// when the final image holds what it writes. A workspace's root is no server itself; the bundle
// is made from that one package's code, whatever other packages the stages copy beside it.
import * as l10n from '@vscode/l10n';
import { join, posix } from 'node:path';
import type { Dockerfile } from '../dockerfile/parse';
import { findRunBundles } from '../dockerfile/runBundle';
import { locateInImage } from '../dockerfile/locate';
import type { FsLike } from '../ports';

/**
 * The context-relative folder of the package (the nearest package.json above the entry, below the
 * context's root) whose entry the last RUN bundle the final image holds names, and why.
 * Undefined when that bundle's entries lie in no package or in several.
 */
export async function runBundledPackage(fs: FsLike, context: string, df: Dockerfile): Promise<{ dir: string; why: string } | undefined> {
  const held = findRunBundles(df).filter((b) => locateInImage(df, b.file ?? b.output, undefined, b.file !== undefined ? { file: true } : {}) !== undefined);
  const bundle = held[held.length - 1];
  if (!bundle || bundle.entries.length === 0) return undefined;
  const dirs = new Set<string>();
  for (const entry of bundle.entries) {
    const dir = await packageAbove(fs, context, posix.dirname(entry));
    if (dir === undefined) return undefined;
    dirs.add(dir);
  }
  const [dir] = dirs;
  if (dir === undefined || dirs.size > 1) return undefined;
  return { dir, why: l10n.t`the Dockerfile bundles ${bundle.entries.join(', ')} of package ${dir} (${bundle.bundler}, line ${bundle.line})` };
}

/** The nearest folder at or above `rel` (context-relative) holding a package.json, the context's root left out. */
async function packageAbove(fs: FsLike, context: string, rel: string): Promise<string | undefined> {
  for (let dir = rel; dir !== '.' && dir !== '' && dir !== '/'; dir = posix.dirname(dir)) {
    if ((await fs.stat(join(context, dir, 'package.json')))?.isFile) return dir;
  }
  return undefined;
}
