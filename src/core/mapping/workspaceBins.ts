// A build script running a command a package of the workspace provides as its `bin`
// (`"build": "scripts build-node src/index.ts"`, packages/scripts/package.json `"bin": { "scripts":
// "./development.mjs" }`): the command is that file of the workspace, run with the script's words
// after it. https://docs.npmjs.com/cli/v10/configuring-npm/package-json#bin
import { join, posix } from 'node:path';
import type { FsLike } from '../ports';
import { isRecord } from '../isRecord';
import { isAtOrInside } from '../pathInside';
import { workspacePackageDirs } from './buildProject';

/** A workspace file a command runs, absolute, with the words given to it. */
interface BinRun {
  file: string;
  args: string[];
}

/** The files of the workspace at `root` that the commands of `command` run as a package's bin; [] when none (or no workspace). */
export function workspaceBinRuns(fs: FsLike, root: string): (command: string) => Promise<BinRun[]> {
  let bins: Promise<Map<string, string>> | undefined;
  return async (command) => {
    const parts = command.split(/&&|\|\||[;|\n]/).map((p) => p.trim().split(/\s+/).filter((w) => w !== ''));
    // Env settings and `cross-env` before the command (`NODE_ENV=production scripts build`).
    const words = parts.map((w) => w.slice(w.findIndex((x) => !/^\w+=/.test(x) && x !== 'cross-env')));
    if (!words.some((w) => w[0] !== undefined && /^[\w@.-]+$/.test(w[0]))) return [];
    bins ??= workspaceBins(fs, root);
    const byName = await bins;
    return words.flatMap(([name, ...args]) => {
      const file = name === undefined ? undefined : byName.get(name);
      return file === undefined ? [] : [{ file, args }];
    });
  };
}

/** Bin name -> file (absolute) of every package of the workspace; a file outside its package is left out. */
async function workspaceBins(fs: FsLike, root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const dir of await workspacePackageDirs(fs, root)) {
    const pkg: unknown = JSON.parse(await fs.readFile(join(dir, 'package.json')).catch(() => 'null'));
    if (!isRecord(pkg)) continue;
    const { bin, name } = pkg;
    // A string bin is named after the package (its scope left out).
    const entries = typeof bin === 'string' && typeof name === 'string' ? [[posix.basename(name), bin]] : isRecord(bin) ? Object.entries(bin) : [];
    for (const [key, rel] of entries) {
      const file = typeof rel === 'string' ? join(dir, rel) : undefined;
      if (file !== undefined && isAtOrInside(dir, file) && !out.has(key)) out.set(key, file);
    }
  }
  return out;
}
