// Listing a source tree through FsLike, with each file's mtime.
import { join } from 'node:path';
import type { FsLike, SkippedEntry } from '../ports';

export interface WalkOptions {
  /** Leave out a file or folder, by its path relative to the walked folder ("a/b.ts", POSIX). */
  exclude?: (relPath: string) => boolean;
  /** Real path of the workspace: no link is followed out of it (TreeWalkOptions.boundary). */
  boundary?: string;
}

export interface WalkedTree {
  /** Regular files under the walked folder, absolute and sorted. */
  files: string[];
  /** mtimes[i] is files[i]'s mtime, from the walk's own stat: callers need not stat again. */
  mtimes: Float64Array;
  /** What the walk left out and why (loops, links out of the workspace, unreadable entries). */
  skipped: SkippedEntry[];
}

/**
 * Folders a source walk never enters: dependencies and dot-folders (.git, .cache...), except
 * `.well-known` (RFC 8615), whose files a server answers at /.well-known/... (a Next.js route handler
 * app/.well-known/assetlinks.json/route.ts).
 */
export function skipSourceDir(name: string): boolean {
  return name === 'node_modules' || (name.startsWith('.') && name !== '.well-known');
}

/** Regular files under `dir` with their mtimes; node_modules and dot-folders are skipped. */
export async function walkFileStats(fs: FsLike, dir: string, opts: WalkOptions = {}): Promise<WalkedTree> {
  if (fs.walkTree) {
    const tree = await fs.walkTree(dir, { skipDir: skipSourceDir, exclude: opts.exclude, boundary: opts.boundary });
    return { ...alignMtimes(tree.files, tree.mtimes), skipped: tree.skipped };
  }
  const files: string[] = [];
  const mtimes = new Map<string, number>();
  const visit = async (abs: string, rel: string): Promise<void> => {
    const names = await fs.readdir(abs);
    await Promise.all(
      names.map(async (name) => {
        const childAbs = join(abs, name);
        const childRel = rel === '' ? name : `${rel}/${name}`;
        if (opts.exclude?.(childRel)) return;
        const st = await fs.stat(childAbs);
        if (!st) return;
        if (st.isDirectory) {
          if (skipSourceDir(name)) return;
          await visit(childAbs, childRel);
        } else if (st.isFile) {
          files.push(childAbs);
          mtimes.set(childAbs, st.mtimeMs);
        }
      }),
    );
  };
  await visit(dir, '');
  return { ...alignMtimes(files, mtimes), skipped: [] };
}

/** The files sorted, with their mtimes in the same order. */
function alignMtimes(files: string[], byFile: ReadonlyMap<string, number>): Omit<WalkedTree, 'skipped'> {
  files.sort();
  const mtimes = new Float64Array(files.length);
  for (let i = 0; i < files.length; i++) mtimes[i] = byFile.get(files[i] as string) ?? 0;
  return { files, mtimes };
}
