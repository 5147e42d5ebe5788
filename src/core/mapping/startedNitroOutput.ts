// Nitro's server entry is `<output>/server/index.mjs` wherever the output folder is: a Vite plugin
// running Nitro may choose one of its own (dist/output), which no config file of the project names.
// The image starting such an entry, copied there from the build, says where that output was.
import * as l10n from '@vscode/l10n';
import { dirname, join, posix, relative } from 'node:path';
import type { Dockerfile } from '../dockerfile/parse';
import type { Location } from '../dockerfile/locate';
import { isAtOrInside } from '../pathInside';
import type { BuildProject } from './buildProject';
import type { BundledBy } from './bundler';
import { startedFilesOf, startedIn } from './builtImage';
import { contextCandidates } from './startedSource';

type NitroBuild = { by: BundledBy; out: { path: string; why: string } };
interface Image {
  df: Dockerfile;
  target: string | undefined;
  project: BuildProject;
  locate: (abs: string) => Location | undefined;
  context: string;
}

/** Nitro's server entry below its output folder. */
const SERVER_ENTRY = 'server/index.mjs';

/**
 * The Nitro build as the image runs it: its output folder where the config says, else the folder of
 * the `server/index.mjs` the image starts, traced back to the build's folder in the context
 * (`COPY --from=builder /usr/src/dist/output ./output` then `node output/server/index.mjs`: dist/output/server).
 */
export function startedNitroOutput(nitro: NitroBuild | undefined, image: Image | undefined): NitroBuild | undefined {
  if (nitro === undefined || image === undefined) return nitro;
  const { df, target, project, locate, context } = image;
  if (startedIn(df, target, project, locate, context)(join(nitro.out.path, 'index.mjs'), true) !== undefined) return nitro;
  for (const file of startedFilesOf(df, target, project, locate).filter((f) => f.endsWith(`/${SERVER_ENTRY}`))) {
    for (const candidate of contextCandidates(df, file).filter((c) => c.endsWith(SERVER_ENTRY))) {
      const dir = join(context, dirname(candidate));
      if (!isAtOrInside(project.dir, dir) || locate(dir)?.path !== posix.dirname(file)) continue;
      return { by: nitro.by, out: { path: dir, why: l10n.t`the image starts ${file}, Nitro's server entry, built at ${relative(context, dir)}` } };
    }
  }
  return nitro;
}
