// An image built on an s6-overlay base (linuxserver.io's images and their kin) names no start
// command of its own: the base image's /init starts the services the build copies into it, each a
// folder with a `run` script, under /etc/s6-overlay/s6-rc.d (a `longrun` by its `type` file) or
// the older /etc/services.d. The app's start is what such a service's run script runs.
// https://github.com/just-containers/s6-overlay#writing-a-service-script
// Read as text from the build context, never run.
import { join, posix } from 'node:path';
import type { FsLike } from '../ports';
import { isAtOrInside } from '../pathInside';
import { copiesFromContext, stageChain, type Dockerfile, type Stage } from './parse';

/** Where s6-overlay v3 (s6-rc source definitions) and v2 (services.d) look for services. */
const S6_RC = '/etc/s6-overlay/s6-rc.d';
const SERVICES_D = '/etc/services.d';
/** Services looked at in one folder, at most. */
const MAX_SERVICES = 32;

/**
 * The image path of the run script of the first long-running s6 service (by name) the stage, or a
 * stage it is built FROM, copies from the build context, when it names no start of its own;
 * undefined otherwise.
 */
export async function s6ServiceRun(fs: FsLike, df: Dockerfile, stage: Stage, context: string): Promise<string | undefined> {
  if (stage.start !== undefined) return undefined;
  const copies = stageChain(df.stages, stage).flatMap((s) => s.copies);
  for (const copy of copies.reverse().filter(copiesFromContext)) {
    for (const source of copy.sources) {
      // A folder copied at or above the services' folder (`COPY root/ /`): the services are inside it.
      for (const folder of [S6_RC, SERVICES_D]) {
        if (!isAtOrInside(copy.dest, folder, '/')) continue;
        const local = join(context, source, posix.relative(copy.dest, folder));
        const run = await firstLongrun(fs, local, folder === S6_RC);
        if (run !== undefined) return posix.join(folder, run, 'run');
      }
    }
  }
  return undefined;
}

/** The name of the first service folder of `dir` with a run script (and, for s6-rc, `type` longrun). */
async function firstLongrun(fs: FsLike, dir: string, typed: boolean): Promise<string | undefined> {
  const names = (await fs.readdir(dir)).sort().slice(0, MAX_SERVICES);
  for (const name of names) {
    if (typed) {
      const type = await fs.readFile(join(dir, name, 'type')).catch(() => undefined);
      if (type?.trim() !== 'longrun') continue;
    }
    if ((await fs.stat(join(dir, name, 'run')))?.isFile) return name;
  }
  return undefined;
}
