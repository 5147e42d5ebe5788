// A launcher the image starts (`node /docker-entrypoint.ts` spawning `node dist/server/app.js`) that
// starts a file of the build output no compiler option names (a build script moving tsc's output
// into place): the output file's path below the output folder is its source's below the source
// root (dist/server/app.js, the output of src/server/app.ts), so that folder is the source root's
// output, where the image has it.
import * as l10n from '@vscode/l10n';
import { join, relative, sep } from 'node:path';
import { COMPILED_REWRITES } from './emit';
import { firstFile } from '../firstFile';
import { TS_SOURCE_EXTENSIONS } from './tsSource';
import { targetFrom, type Facts, type Placement } from './facts';

export async function placeLaunchedOutput(f: Facts): Promise<Placement | undefined> {
  const { launched } = f;
  if (launched === undefined || f.bundler !== undefined) return undefined;
  const segments = relative(f.project.dir, launched.output).split(sep);
  if (segments[0] === '..') return undefined;
  // The shortest output folder first: dist/server/app.js from src/server/app.ts before dist/server from src/app.ts.
  for (let n = 1; n < segments.length; n++) {
    const stem = segments.slice(n).join('/').replace(/\.[cm]?js$/, '');
    const source = await firstFile(f.fs, TS_SOURCE_EXTENSIONS.map((ext) => join(f.sourceRoot, stem + ext)));
    const out = join(f.project.dir, ...segments.slice(0, n));
    const loc = source === undefined ? undefined : f.locate(out);
    if (!loc || source === undefined) continue;
    f.evidence.push(l10n.t`the image starts ${relative(f.context, launched.launcher)}, which starts ${relative(f.context, launched.output)}, the output of ${relative(f.context, source)}`, targetFrom(loc));
    return { target: loc.path, buildOutDir: out, rewrites: { ...COMPILED_REWRITES } };
  }
  return undefined;
}
