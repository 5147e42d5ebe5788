// A package manifest copied into the image under the name package.json (`COPY
// package.frontend.json ./package.json`, `COPY deploy/package.prod.json package.json`): the image
// installs, builds and starts with that manifest, not with the package.json the folder holds (if
// any). The project is read through a view of the files in which the folder's package.json is
// that manifest.
import * as l10n from '@vscode/l10n';
import { join, posix } from 'node:path';
import type { Dockerfile } from '../dockerfile/parse';
import type { FsLike } from '../ports';

/** One manifest the Dockerfile copies as package.json. */
export interface CopiedManifest {
  /** Context-relative POSIX folder the manifest stands for ('.' for the context itself). */
  dir: string;
  /** Context-relative POSIX path of the file copied. */
  file: string;
  evidence: string;
}

/**
 * The manifests the stages copy from the context as package.json under another name, one per
 * folder (the manifest's own): a folder two stages give different manifests is left as it is.
 */
export function renamedManifests(df: Dockerfile): CopiedManifest[] {
  const byDir = new Map<string, CopiedManifest | null>();
  for (const stage of df.stages) {
    for (const copy of stage.copies) {
      const [src, more] = copy.sources;
      if (copy.from !== undefined || copy.byRun !== undefined || copy.destIsDir || more !== undefined || src === undefined) continue;
      const file = posix.normalize(src.replace(/^\.\//, ''));
      if (posix.basename(copy.dest) !== 'package.json' || !/\.json$/.test(file) || posix.basename(file) === 'package.json' || /[*?[]/.test(file) || file.startsWith('..')) continue;
      const dir = posix.dirname(file);
      const seen = byDir.get(dir);
      const found = { dir, file, evidence: l10n.t`the Dockerfile copies ${file} as ${copy.dest}, line ${copy.line}: the image builds with that manifest` };
      byDir.set(dir, seen === undefined || seen?.file === file ? found : null);
    }
  }
  return [...byDir.values()].filter((m): m is CopiedManifest => m !== null);
}

/** `fs` in which each folder's package.json reads as the manifest the Dockerfile copies under that name. */
export function withCopiedManifests(fs: FsLike, context: string, manifests: readonly CopiedManifest[]): FsLike {
  if (manifests.length === 0) return fs;
  const swapped = new Map(manifests.map((m) => [join(context, m.dir, 'package.json'), join(context, m.file)]));
  const real = (path: string) => swapped.get(join(path)) ?? path;
  const view: FsLike = {
    readFile: (path) => fs.readFile(real(path)),
    stat: (path) => fs.stat(real(path)),
    readdir: async (path) => {
      const names = await fs.readdir(path);
      return swapped.has(join(path, 'package.json')) && !names.includes('package.json') ? [...names, 'package.json'] : names;
    },
  };
  if (fs.realpath) view.realpath = fs.realpath.bind(fs);
  return view;
}
