// The workspace package an image starts in when no stage holds the whole context: a final stage
// putting one package's folder where it starts (`COPY --from=builder /app/services/apps/api/
// ./services/apps/api`, the container's working directory /app/services/apps/api, set by WORKDIR or
// a compose service's working_dir). That package's scripts are what `pnpm run start` runs there.
import { posix } from 'node:path';
import type { Dockerfile } from '../dockerfile/parse';
import { locateInImage } from '../dockerfile/locate';

/**
 * The folder (relative to the context, `services/apps/api`) of the package among `rels` the final
 * stage holds at its WORKDIR, when exactly one is there. Undefined for a WORKDIR holding none
 * (or several, the context's root copied whole: the caller's own reading then applies).
 */
export function packageAtWorkdir(df: Dockerfile, rels: readonly string[]): string | undefined {
  const final = df.stages[df.stages.length - 1];
  if (!final) return undefined;
  const workdir = posix.normalize(final.workdir).replace(/(.)\/+$/, '$1');
  const held = rels.filter((rel) => locateInImage(df, rel)?.path === workdir);
  return held.length === 1 ? held[0] : undefined;
}
