// One answer to "is this path in that folder?" for absolute, normalised paths: by their spelling,
// never the disk. The folder itself counts as in it; a trailing separator on the folder is allowed.
import { dirname, sep } from 'node:path';

/** `path` is `folder` or below it. `separator`: the platform's unless the paths are POSIX by nature. */
export function isAtOrInside(folder: string, path: string, separator: string = sep): boolean {
  if (path === folder) return true;
  return path.startsWith(folder.endsWith(separator) ? folder : folder + separator);
}

/** The deepest folder holding both `a` and `b`: `a` itself when `b` is in it, else the nearest folder above `a` that holds `b`. */
export function commonFolder(a: string, b: string): string {
  let dir = a;
  while (!isAtOrInside(dir, b) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** `start`, then each folder above it while it is still `boundary` or inside it (nearest first). */
export function* foldersUpTo(start: string, boundary: string): Generator<string> {
  for (let dir = start; isAtOrInside(boundary, dir); dir = dirname(dir)) {
    yield dir;
    if (dir === boundary || dirname(dir) === dir) return;
  }
}
