// The package folders of a tree's file list: where a package.json sits, outside node_modules.
import { sep } from 'node:path';

/** The folders of `files` (a tree's, absolute) holding a package.json, installed packages left out. */
export function packageFolders(files: readonly string[]): string[] {
  return files.filter((f) => f.endsWith(`${sep}package.json`) && !f.includes(`${sep}node_modules${sep}`)).map((f) => f.slice(0, -`${sep}package.json`.length));
}
