// path.relative for the common case of a file inside a folder, without its cost. path.relative
// resolves and re-normalises both paths on every call, which a check does for every source file
// two or three times (tens of thousands of calls: a visible share of a large check's time).
import { posix, sep } from 'node:path';

/**
 * What `path.relative(root, abs)` returns, when `abs` is an absolute, already normalised POSIX
 * path strictly inside `root` spelled as its literal prefix; undefined otherwise, and the caller
 * uses path.relative. Only the shape is checked, never the disk.
 */
export function relativeInside(root: string, abs: string): string | undefined {
  if (sep !== '/') return undefined; // Windows: drive letters and case rules; keep path.relative.
  if (root.length < 1 || root.charCodeAt(0) !== 47 /* / */) return undefined;
  const base = root === '/' ? '/' : root.endsWith('/') ? undefined : `${root}/`;
  if (base === undefined || abs.length <= base.length || !abs.startsWith(base)) return undefined;
  // Normalised means no empty, "." or ".." segment anywhere (root included) and no trailing slash.
  if (abs.includes('//') || abs.includes('/./') || abs.includes('/../') || abs.endsWith('/') || abs.endsWith('/.') || abs.endsWith('/..')) {
    return undefined;
  }
  const rel = abs.slice(base.length);
  return posix.isAbsolute(rel) ? undefined : rel;
}
