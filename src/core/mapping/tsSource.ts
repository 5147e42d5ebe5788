// The TypeScript source files a compiled file may come from.
import type { FsLike } from '../ports';

/** The extensions of the TypeScript sources a compiler (tsc, swc, babel) turns into JavaScript files. */
export const TS_SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

/** The first of the paths that is a file (a compiled file's stem tried with each source extension). */
export async function firstFile(fs: FsLike, paths: string[]): Promise<string | undefined> {
  for (const p of paths) if ((await fs.stat(p))?.isFile) return p;
  return undefined;
}
