// An in-memory FsLike for unit tests: keys are absolute POSIX file paths, folders are implied.
import { posix } from 'node:path';
import type { FileStat, FsLike } from '../../../src/core/ports';

export interface MemFsOptions {
  /** mtimeMs per file path (default 0). */
  mtimes?: Record<string, number>;
}

export function memFs(files: Record<string, string>, opts: MemFsOptions = {}): FsLike {
  const clean = (p: string) => {
    const n = posix.normalize(p);
    return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
  };
  const contents = new Map(Object.entries(files).map(([p, text]) => [clean(p), text]));
  const paths = [...contents.keys()];
  const prefix = (dir: string) => (dir === '/' ? '/' : `${dir}/`);
  const isDir = (dir: string) => paths.some((p) => p.startsWith(prefix(dir)));
  return {
    async readFile(path) {
      const text = contents.get(clean(path));
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
      return text;
    },
    async stat(path): Promise<FileStat | undefined> {
      const p = clean(path);
      if (contents.has(p)) return { isFile: true, isDirectory: false, mtimeMs: opts.mtimes?.[p] ?? 0, size: Buffer.byteLength(contents.get(p) as string) };
      if (isDir(p)) return { isFile: false, isDirectory: true, mtimeMs: 0 };
      return undefined;
    },
    async readdir(path) {
      const pre = prefix(clean(path));
      const names = new Set<string>();
      for (const p of paths) if (p.startsWith(pre)) names.add(p.slice(pre.length).split('/')[0] as string);
      return [...names].sort();
    },
  };
}
