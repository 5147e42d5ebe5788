// One answer to "is this path in that folder?" for absolute, normalised paths: by their spelling,
// never the disk. The folder itself counts as in it; a trailing separator on the folder is allowed.
import { sep } from 'node:path';

/** `path` is `folder` or below it. `separator`: the platform's unless the paths are POSIX by nature. */
export function isAtOrInside(folder: string, path: string, separator: string = sep): boolean {
  if (path === folder) return true;
  return path.startsWith(folder.endsWith(separator) ? folder : folder + separator);
}
