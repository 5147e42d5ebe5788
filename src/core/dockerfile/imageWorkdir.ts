// The WORKDIR of a stage that sets none: its base image's, which the Dockerfile does not show
// (Docker's default "/" holds only for an image that sets none either: node:22 does, a company's
// own node base image often sets /home/node). Read from what the Dockerfile itself says of it:
// a later `COPY --from=<stage> /home/node/migrate-mongo-config.js` of a file the stage copied
// in relative to its WORKDIR (`COPY . .`) names that WORKDIR. A stage FROM a sibling image (same
// repository, or the same publisher: defradigital/node beside defradigital/node-development) is
// assumed to share it, and the evidence says that it is an assumption.
import * as l10n from '@vscode/l10n';
import { join, posix } from 'node:path';
import type { ContainerInfo, SourceMapping } from '../model';
import type { FsLike } from '../ports';
import { globToRegExp, locateInImage, stageLabel as label } from './locate';
import { findStage, type CopyInstr, type Dockerfile, type Stage } from './parse';

export interface ImageWorkdirs {
  /** By stage index: the WORKDIR a stage FROM an image starts in, for parseDockerfile. */
  workdirs: Map<number, string>;
  /** One sentence per stage, saying what showed its WORKDIR or that it is assumed. */
  evidence: string[];
}

/** The WORKDIRs of the stages that set none, where the Dockerfile shows them (`context`: the build context, absolute). */
export async function imageWorkdirs(fs: FsLike, df: Dockerfile, context: string): Promise<ImageWorkdirs> {
  const workdirs = new Map<number, string>();
  const evidence: string[] = [];
  for (const stage of df.stages) {
    if (!stage.workdirOfImage) continue;
    const shown = await shownByCopiesFrom(fs, df, stage, context);
    if (!shown) continue;
    workdirs.set(stage.index, shown.workdir);
    evidence.push(l10n.t('{0} sets no WORKDIR: that of its image {1}, {2}, as {3} (line {4}) shows: the context\'s {5}, copied there relative to it', label(stage), stage.from, shown.workdir, render(shown.copy), shown.copy.line, shown.file));
  }
  for (const stage of df.stages) {
    if (!stage.workdirOfImage || workdirs.has(stage.index)) continue;
    const sibling = siblingShown(df, stage, workdirs);
    if (!sibling) continue;
    const workdir = workdirs.get(sibling.index) as string;
    workdirs.set(stage.index, workdir);
    evidence.push(l10n.t('{0} sets no WORKDIR: that of its image {1}, assumed {2} as in {3}, whose image {4} is of the same publisher', label(stage), stage.from, workdir, label(sibling), sibling.from));
  }
  return { workdirs, evidence };
}

/**
 * The WORKDIR later stages' absolute `COPY --from=<stage>` sources show: the folder W such that
 * W/X is a source and X a context path the stage copied to X relative to its WORKDIR (where
 * "/" puts it at /X). The W most sources agree on; none when two tie.
 */
async function shownByCopiesFrom(fs: FsLike, df: Dockerfile, stage: Stage, context: string): Promise<{ workdir: string; copy: CopyInstr; file: string } | undefined> {
  const votes = new Map<string, { count: number; copy: CopyInstr; file: string }>();
  for (const later of df.stages.slice(stage.index + 1)) {
    for (const copy of later.copies) {
      if (copy.from === undefined || findStage(df.stages, copy.from) !== stage) continue;
      for (const raw of copy.sources) {
        const parts = posix.resolve('/', raw).split('/').filter(Boolean);
        // A wildcard only in the last name (`/home/node/package*.json`): a context file it matches.
        if (parts.slice(0, -1).some((p) => GLOB.test(p))) continue;
        for (let n = 1; n < parts.length; n++) {
          const workdir = `/${parts.slice(0, n).join('/')}`;
          const file = await contextFile(fs, context, parts.slice(n));
          if (file === undefined || !(await copiedRelative(fs, df, stage, context, file))) continue;
          const vote = votes.get(workdir);
          if (vote) vote.count++;
          else votes.set(workdir, { count: 1, copy, file });
          break;
        }
      }
    }
  }
  const ranked = [...votes].sort((a, b) => b[1].count - a[1].count);
  const [best, next] = ranked;
  if (!best || (next && next[1].count === best[1].count)) return undefined;
  return { workdir: best[0], ...best[1] };
}

const GLOB = /[*?[]/;

/** The context path the names give, the first file it matches when the last name is a COPY wildcard (Go's filepath.Match). */
async function contextFile(fs: FsLike, context: string, names: string[]): Promise<string | undefined> {
  const last = names[names.length - 1] ?? '';
  if (!GLOB.test(last)) return names.join('/');
  const dir = names.slice(0, -1);
  const matches = globToRegExp(last);
  const found = (await fs.readdir(join(context, ...dir)).catch(() => [])).sort().find((name) => matches.test(name));
  return found === undefined ? undefined : [...dir, found].join('/');
}

/** The context path `file` exists and the stage copies it (not builds it) to /`file`: relative to a WORKDIR taken as "/". */
async function copiedRelative(fs: FsLike, df: Dockerfile, stage: Stage, context: string, file: string): Promise<boolean> {
  if (!(await fs.stat(join(context, ...file.split('/'))))) return false;
  const at = locateInImage(df, file, String(stage.index));
  return at !== undefined && !at.madeByRun && at.path === `/${file}`;
}

/** A stage it copies from, whose WORKDIR is shown, FROM an image of the same repository or publisher. */
function siblingShown(df: Dockerfile, stage: Stage, workdirs: ReadonlyMap<number, string>): Stage | undefined {
  for (const copy of stage.copies) {
    const source = copy.from === undefined ? undefined : findStage(df.stages, copy.from);
    if (source && source.index < stage.index && workdirs.has(source.index) && samePublisher(stage.from, source.from)) return source;
  }
  return undefined;
}

/** `defradigital/node:22` and `defradigital/node-development:22`; `node:22` and `node:22-alpine`. */
function samePublisher(a: string, b: string): boolean {
  const [ra, rb] = [repository(a), repository(b)];
  if (ra === rb) return true;
  const [pa, pb] = [posix.dirname(ra), posix.dirname(rb)];
  return pa !== '.' && pa === pb;
}

/** An image reference without its tag or digest: `ghcr.io/acme/node:22@sha256:…` -> ghcr.io/acme/node. */
function repository(ref: string): string {
  const name = ref.split('@')[0] ?? '';
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  return (colon > slash ? name.slice(0, colon) : name).toLowerCase();
}

function render(copy: CopyInstr): string {
  return `COPY --from=${copy.from ?? ''} ${copy.sources.join(' ')}`;
}

/**
 * When the built stage sets no WORKDIR, the mapping took its image's as the Dockerfile shows it or
 * as assumed: the container's image says which it is (its Config.WorkingDir, "/" when empty). A
 * warning when they differ, with the target that WORKDIR gives.
 */
export function imageWorkdirWarning(mapping: SourceMapping | undefined, container: ContainerInfo | undefined): string | undefined {
  const started = mapping?.started;
  const image = container?.config?.imageDefaults;
  if (!mapping || !started?.workdirOfImage || !image || !container) return undefined;
  const actual = posix.resolve('/', image.workingDir);
  const taken = started.workdir;
  if (actual === taken) return undefined;
  const below = posix.relative(taken, mapping.target);
  const target = below.startsWith('..') || posix.isAbsolute(below) ? undefined : posix.join(actual, below);
  return target === undefined
    ? l10n.t('the Dockerfile sets no WORKDIR in the stage it builds: taken as {0}, but the image of container {1} works in {2}', taken, container.name, actual)
    : l10n.t('the Dockerfile sets no WORKDIR in the stage it builds: taken as {0}, but the image of container {1} works in {2}, so the target is likely {3}, not {4} (x-runtime-drift.target)', taken, container.name, actual, target, mapping.target);
}
