// Reports speak workspace-relative paths; editors and the explorer speak absolute ones.
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

/** Absolute path of a workspace-relative report path (already absolute paths pass through). */
export function absoluteIn(workspace: string, relPath: string): string {
  if (isAbsolute(relPath)) return normalize(relPath);
  const slash = relPath.lastIndexOf('/');
  const prefix = folderPrefixIn(workspace, relPath.slice(0, slash + 1));
  const name = relPath.slice(slash + 1);
  return prefix !== undefined && isPlainName(name) ? prefix + name : join(workspace, relPath);
}

/**
 * `${workspace}/${relFolder}` when that is what join() would make of every plain file name in the
 * folder (a clean POSIX workspace and a clean relative folder, as reports hold), else undefined.
 * relFolder is '' (the workspace itself) or ends with '/'. join() re-normalises the whole path;
 * this is checked once per folder and the file names are then appended as they are, which is
 * what answering 100,000 explorer decorations needs (bench/README.md, "decorations").
 */
export function folderPrefixIn(workspace: string, relFolder: string): string | undefined {
  if (sep !== '/' || !isCleanAbsolute(workspace)) return undefined;
  if (relFolder !== '' && !(relFolder.endsWith('/') && isCleanRelative(relFolder.slice(0, -1)))) return undefined;
  return workspace === '/' ? `/${relFolder}` : `${workspace}/${relFolder}`;
}

/** A path segment (no '/') that normalize() keeps as it is: not empty, '.' or '..'. */
export function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..';
}

/** Absolute POSIX path that normalize() would leave as it is and that has no trailing slash. */
function isCleanAbsolute(p: string): boolean {
  if (p === '/') return true;
  return p.startsWith('/') && !p.endsWith('/') && hasNoDotOrEmptySegment(p);
}

/** Non-empty relative POSIX path that normalize() would leave as it is. */
function isCleanRelative(p: string): boolean {
  return p !== '' && !p.startsWith('/') && !p.endsWith('/') && p !== '.' && p !== '..' && !p.startsWith('./') && !p.startsWith('../') && hasNoDotOrEmptySegment(p);
}

function hasNoDotOrEmptySegment(p: string): boolean {
  return !p.includes('//') && !p.includes('/./') && !p.includes('/../') && !p.endsWith('/.') && !p.endsWith('/..');
}

/** `dir` and the folders above it up to `workspace` (inclusive), nearest first. */
export function foldersWithin(workspace: string, dir: string): string[] {
  const root = normalize(workspace);
  const out: string[] = [];
  // Stop at the workspace root, or at the filesystem root for a path outside it.
  while (dir.length >= root.length && dir.startsWith(root)) {
    out.push(dir);
    if (dir === root) break;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}
