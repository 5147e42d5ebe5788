// Which file a build reads as its Dockerfile. Given no file name (compose's `build:` without
// `dockerfile:`, `docker build DIR` without -f), Docker reads DIR/Dockerfile, and DIR/dockerfile
// when there is no Dockerfile (moby/moby#10858); a name written out is read as written.
import { basename, dirname, join } from 'node:path';
import type { ServiceBuild } from '../model';
import type { FsLike } from '../ports';

/** The name Docker reads when none is given. */
export const DEFAULT_DOCKERFILE = 'Dockerfile';
/** What Docker reads instead when the context has no file of the default name. */
const LOWERCASE_DOCKERFILE = 'dockerfile';

/** The Dockerfile a build of `folder` without a file name reads: Dockerfile, else dockerfile; undefined when it has neither. */
export async function defaultDockerfileIn(fs: FsLike, folder: string): Promise<string | undefined> {
  for (const name of [DEFAULT_DOCKERFILE, LOWERCASE_DOCKERFILE]) {
    const file = join(folder, name);
    if ((await fs.stat(file))?.isFile) return file;
  }
  return undefined;
}

/** The file a service's build reads: the one compose names, else the default one of its context (build.dockerfile when it has neither). */
export async function serviceDockerfile(fs: FsLike, build: ServiceBuild): Promise<string> {
  if (build.defaultDockerfile !== true || basename(build.dockerfile) !== DEFAULT_DOCKERFILE) return build.dockerfile;
  return (await defaultDockerfileIn(fs, dirname(build.dockerfile))) ?? build.dockerfile;
}
