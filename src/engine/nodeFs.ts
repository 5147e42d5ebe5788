// FsLike over node:fs/promises: the workspace as the core sees it. Absent paths are answers
// (undefined / []), not errors, because "no dist folder yet" is a normal state of a workspace.
import { readFile, readdir, stat } from 'node:fs/promises';
import type { FileStat, FsLike } from '../core/ports';

/** Missing path, or a path through something that is not a folder (a/b where a is a file). */
function isAbsent(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export const nodeFs: FsLike = {
  readFile(path: string): Promise<string> {
    return readFile(path, 'utf8');
  },

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await stat(path);
      return { isFile: s.isFile(), isDirectory: s.isDirectory(), mtimeMs: s.mtimeMs, size: s.size };
    } catch (err) {
      if (isAbsent(err)) return undefined;
      throw err;
    }
  },

  async readdir(path: string): Promise<string[]> {
    try {
      return (await readdir(path)).sort();
    } catch (err) {
      if (isAbsent(err)) return [];
      throw err;
    }
  },
};
