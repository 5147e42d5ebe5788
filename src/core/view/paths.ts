// Reports speak workspace-relative paths; editors and the explorer speak absolute ones.
import { dirname, isAbsolute, join, normalize } from 'node:path';

/** Absolute path of a workspace-relative report path (already absolute paths pass through). */
export function absoluteIn(workspace: string, relPath: string): string {
  return isAbsolute(relPath) ? normalize(relPath) : join(workspace, relPath);
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
