// Reports speak workspace-relative paths; editors and the explorer speak absolute ones.
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

/** Absolute path of a workspace-relative report path (already absolute paths pass through). */
export function absoluteIn(workspace: string, relPath: string): string {
  if (isAbsolute(relPath)) return normalize(relPath);
  // join() re-normalises the whole path; for the usual case (a clean POSIX workspace and a
  // clean relative path, as reports hold) plain concatenation is the same string, and this runs
  // once per decorated file (bench/README.md, "decorations").
  if (sep === '/' && isCleanAbsolute(workspace) && isCleanRelative(relPath)) return workspace === '/' ? `/${relPath}` : `${workspace}/${relPath}`;
  return join(workspace, relPath);
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

/** Folders between `file` (exclusive) and `workspace` (inclusive), nearest first. */
export function ancestorsWithin(workspace: string, file: string): string[] {
  const root = normalize(workspace);
  const out: string[] = [];
  let dir = dirname(file);
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

/** True when `relFile` is `relFolder` or inside it (both workspace-relative, `/` separated). */
export function isInside(relFolder: string, relFile: string): boolean {
  const folder = relFolder.replace(/\\/g, '/').replace(/\/+$/, '');
  const file = relFile.replace(/\\/g, '/');
  return folder === '' || file === folder || file.startsWith(`${folder}/`);
}
