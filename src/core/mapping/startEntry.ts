// A compiled server's start entry (`node ./build/server/index.js`) is the output of a source file
// (server/index.ts): the entry's folder is where the build writes that source folder. This says
// where the output goes when no tsconfig outDir does (swc or babel run by a script:
// `swc ./server -d ./build/server`).
import * as l10n from '@vscode/l10n';
import { join } from 'node:path';
import type { FsLike } from '../ports';
import { startedFile } from '../routes/serverApps';
import { readJsonObject } from './tsconfig';
import { TS_SOURCE_EXTENSIONS } from './tsSource';

export interface StartEntry {
  /** The source folder the entry is compiled from. */
  sourceRoot: string;
  /** The folder its output is in. */
  outDir: string;
  why: string;
}

/**
 * For `node <out>/<folder>/<rest>.js` in the start script, with `<folder>/<rest>.ts` in the
 * project: `<folder>` compiles to `<out>/<folder>`. The entry must be below at least one output
 * folder and one source folder; the longest output path that fits is taken first.
 */
export async function compiledStartEntry(fs: FsLike, dir: string): Promise<StartEntry | undefined> {
  const file = startedFile(await readJsonObject(fs, join(dir, 'package.json')));
  if (file === undefined || !/\.[cm]?js$/.test(file)) return undefined;
  const segments = file.replace(/^\.\//, '').split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  for (let cut = segments.length - 2; cut >= 1; cut--) {
    const rest = segments.slice(cut);
    const stem = rest.join('/').replace(/\.[cm]?js$/, '');
    for (const ext of TS_SOURCE_EXTENSIONS) {
      if (!(await fs.stat(join(dir, stem + ext)))?.isFile) continue;
      const folder = rest[0] as string;
      return {
        sourceRoot: join(dir, folder),
        outDir: join(dir, ...segments.slice(0, cut), folder),
        why: l10n.t`package.json's start script runs ${file}, the output of ${stem + ext}`,
      };
    }
  }
  return undefined;
}
