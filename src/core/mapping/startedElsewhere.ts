// A Dockerfile written for another build context than the one it is built with: its start command
// names a file (`bun run src/index.ts` in WORKDIR /app, after `COPY . .`) that the context it is
// given does not hold at that path, while one package folder of it does (packages/api/src/index.ts).
// The image starts nothing there; the code it was meant to run is that package's, said with a warning.
import * as l10n from '@vscode/l10n';
import { join, posix, relative } from 'node:path';
import type { FsLike } from '../ports';
import type { Location } from '../dockerfile/locate';

export interface StartedElsewhere {
  /** The file the image starts, as an image path (/app/src/index.ts). */
  file: string;
  /** The one package folder's file at that path below it (absolute). */
  found: string;
  /** The source root: that file's top folder below the package (packages/api/src). */
  sourceRoot: string;
}

/** Where package folders of a workspace usually are, two levels deep at most (packages/api, api). */
async function packageFolders(fs: FsLike, context: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of await fs.readdir(context).catch(() => [] as string[])) {
    const dir = join(context, name);
    if (name.startsWith('.') || name === 'node_modules' || !(await fs.stat(dir))?.isDirectory) continue;
    if ((await fs.stat(join(dir, 'package.json')))?.isFile) found.push(dir);
    for (const sub of await fs.readdir(dir).catch(() => [] as string[])) if ((await fs.stat(join(dir, sub, 'package.json')))?.isFile) found.push(join(dir, sub));
  }
  return found;
}

/**
 * The started file (an image path below where the whole context was copied) missing from the
 * context, and found at the same path below exactly one package folder (said in `evidence`); undefined otherwise.
 */
export async function startedElsewhere(fs: FsLike, context: string, startedFiles: readonly string[], locate: (abs: string) => Location | undefined, evidence: string[]): Promise<StartedElsewhere | undefined> {
  const root = locate(context);
  if (root === undefined || root.madeByRun) return undefined;
  for (const file of startedFiles) {
    const rel = posix.relative(root.path, file);
    const [top, ...rest] = rel.split('/');
    if (top === undefined || rest.length === 0 || rel.startsWith('..') || (await fs.stat(join(context, ...rel.split('/')))) !== undefined) continue;
    const holders: string[] = [];
    for (const dir of await packageFolders(fs, context)) if ((await fs.stat(join(dir, ...rel.split('/'))))?.isFile) holders.push(dir);
    const [holder] = holders;
    if (holders.length !== 1 || holder === undefined) continue;
    const found = join(holder, ...rel.split('/'));
    evidence.push(l10n.t('the image starts {0}, which the build context does not hold at {1} (the Dockerfile looks written for {2} as its context): {3} is the file meant', file, rel, relative(context, holder), relative(context, found)));
    return { file, found, sourceRoot: join(holder, top) };
  }
  return undefined;
}
