// The WORKDIR of a stage that sets none: its base image's, which the Dockerfile does not show
// (Docker's default "/" holds only for an image that sets none either: node:22 does, a company's
// own node base image often sets /home/node). Read from what the Dockerfile itself says of it:
// a later `COPY --from=<stage> /home/node/migrate-mongo-config.js` of a file the stage copied
// in relative to its WORKDIR (`COPY . .`) names that WORKDIR. A stage FROM a sibling image (same
// repository, or the same publisher: defradigital/node beside defradigital/node-development) is
// assumed to share it, and the evidence says that it is an assumption. An image of the
// repository's own, built by another of its Dockerfiles (ghcr.io/acme/base beside docker/base/),
// gives its WORKDIR and ENV from that Dockerfile, also said to be an assumption. A few widely used
// published images (publishedWorkdirs.ts) give the WORKDIR their publisher's Dockerfile sets.
import * as l10n from '@vscode/l10n';
import { basename, dirname, join, posix, relative } from 'node:path';
import type { ContainerInfo, SourceMapping } from '../model';
import type { FsLike } from '../ports';
import { globToRegExp, locateInImage, stageLabel as label } from './locate';
import { copiesFromContext, findStage, isContextRoot, parseDockerfile, stageChain, type CopyInstr, type Dockerfile, type Stage } from './parse';
import { isAtOrInside } from '../pathInside';
import { publishedEnv, publishedWorkdir } from './publishedWorkdirs';

export interface ImageWorkdirs {
  /** By stage index: the WORKDIR a stage FROM an image starts in, for parseDockerfile. */
  workdirs: Map<number, string>;
  /** By stage index: the ENV variables its image carries, where another Dockerfile of the repository builds it. */
  envs: Map<number, ReadonlyMap<string, string>>;
  /** By stage index: that Dockerfile's COPYs from the context (its start script, say), in the order its stages make them. */
  copies: Map<number, readonly CopyInstr[]>;
  /** One sentence per stage, saying what showed its WORKDIR or that it is assumed. */
  evidence: string[];
}

/**
 * The WORKDIRs of the stages that set none, where the Dockerfile shows them (`context`: the build
 * context, absolute; `dockerfile`: the Dockerfile's path, beside which the repository's own base
 * images' Dockerfiles are looked for).
 */
export async function imageWorkdirs(fs: FsLike, df: Dockerfile, context: string, dockerfile?: string): Promise<ImageWorkdirs> {
  const workdirs = new Map<number, string>();
  const envs = new Map<number, ReadonlyMap<string, string>>();
  const copies = new Map<number, readonly CopyInstr[]>();
  const evidence: string[] = [];
  const built = new Map<string, Awaited<ReturnType<typeof builtHere>>>();
  for (const stage of df.stages) {
    if (!stage.workdirOfImage || dockerfile === undefined) continue;
    if (!built.has(stage.from)) built.set(stage.from, await builtHere(fs, stage.from, dockerfile, context));
    const own = built.get(stage.from);
    if (!own) continue;
    workdirs.set(stage.index, own.workdir);
    if (own.env.size > 0) envs.set(stage.index, own.env);
    if (own.copies.length > 0) copies.set(stage.index, own.copies);
    const env = own.env.size === 0 ? '' : l10n.t('; its {0} ENV variable(s) from it', own.env.size);
    evidence.push(l10n.t('{0} sets no WORKDIR: that of its image {1}, {2}, assumed built by {3} of this repository (a folder or file named as the image){4}', label(stage), stage.from, own.workdir, relative(context, own.file), env));
  }
  for (const stage of df.stages) {
    if (!stage.workdirOfImage || workdirs.has(stage.index)) continue;
    const shown = await shownByCopiesFrom(fs, df, stage, context);
    if (!shown) continue;
    workdirs.set(stage.index, shown.workdir);
    evidence.push(l10n.t('{0} sets no WORKDIR: that of its image {1}, {2}, as {3} (line {4}) shows: the context\'s {5}, copied there relative to it', label(stage), stage.from, shown.workdir, render(shown.copy), shown.copy.line, shown.file));
  }
  for (const stage of df.stages) {
    if (!stage.workdirOfImage || workdirs.has(stage.index)) continue;
    const published = publishedWorkdir(stage.from);
    if (published === undefined) continue;
    workdirs.set(stage.index, published);
    evidence.push(l10n.t('{0} sets no WORKDIR: that of its image {1}, assumed {2}, the WORKDIR its publisher\'s Dockerfile sets', label(stage), stage.from, published));
  }
  for (const stage of df.stages) {
    if (!stage.workdirOfImage || workdirs.has(stage.index)) continue;
    const sibling = siblingShown(df, stage, workdirs);
    if (!sibling) continue;
    const workdir = workdirs.get(sibling.index) as string;
    workdirs.set(stage.index, workdir);
    evidence.push(l10n.t('{0} sets no WORKDIR: that of its image {1}, assumed {2} as in {3}, whose image {4} is of the same publisher', label(stage), stage.from, workdir, label(sibling), sibling.from));
  }
  for (const stage of df.stages) {
    if (!stage.workdirOfImage || workdirs.has(stage.index)) continue;
    const mirrored = mirroredCopy(df, stage);
    if (!mirrored) continue;
    workdirs.set(stage.index, mirrored.workdir);
    evidence.push(l10n.t('{0} sets no WORKDIR: that of its image {1}, assumed {2} as in {3}, whose image {4} is of the same publisher and which {5} (line {6}) copies from to the same place relative to it', label(stage), stage.from, mirrored.workdir, label(mirrored.source), mirrored.source.from, render(mirrored.copy), mirrored.copy.line));
  }
  for (const stage of df.stages) {
    const env = stage.baseStage === undefined && !envs.has(stage.index) ? publishedEnv(stage.from) : undefined;
    if (!env) continue;
    envs.set(stage.index, env);
    evidence.push(l10n.t('{0}: its image {1} sets {2}, as its publisher documents', label(stage), stage.from, [...env].map(([k, v]) => `${k}=${v}`).join(', ')));
  }
  return { workdirs, envs, copies, evidence };
}

/**
 * A COPY of the stage from an earlier stage that sets its WORKDIR W, on an image of the same
 * publisher, from W/X to X relative to the stage's own WORKDIR (`FROM acme/node:22 AS build`,
 * `WORKDIR /app`; `FROM acme/node:22-runtime`, `COPY --from=build /app/dist ./dist`): the layout
 * is kept, so the image works in W too. Relative destinations read as from "/" (Docker's default).
 * Only for an image of a namespace: an official one (`node:22-alpine`) keeps Docker's default.
 */
function mirroredCopy(df: Dockerfile, stage: Stage): { workdir: string; source: Stage; copy: CopyInstr } | undefined {
  for (const copy of stage.copies) {
    const source = copy.from === undefined ? undefined : findStage(df.stages, copy.from);
    if (!source || source.index >= stage.index || source.workdirOfImage || source.workdir === '/') continue;
    const root = stageChain(df.stages, source)[0] ?? source;
    // An official image (`node:22-alpine`, no namespace) works in Docker's default unless known otherwise: not assumed.
    if (!repository(stage.from).includes('/') || !samePublisher(stage.from, root.from) || !copy.destRelative) continue;
    // Into a folder (`COPY --from=build /app/package.json ./`): the source keeps its name there.
    const place = (raw: string) => posix.join(source.workdir, copy.dest, copy.destIsDir ? posix.basename(raw) : '');
    const kept = copy.sources.some((raw) => !UNRESOLVED.test(raw) && !GLOB.test(raw) && posix.resolve('/', raw) === place(raw));
    if (kept) return { workdir: source.workdir, source, copy };
  }
  return undefined;
}

/**
 * The Dockerfile beside this one that builds `image`, an image of a registry or namespace
 * (`ghcr.io/acme/base:latest`, not `node:22`), found by its name: `../base/Dockerfile` (a sibling
 * folder named as the image), `Dockerfile.base` or `base.Dockerfile` (beside it). Its last stage's
 * WORKDIR and ENV are the image's, when that stage sets a WORKDIR of its own. Only a file inside
 * the build context is read: the image's name (the workspace's text) never reaches a file beyond it.
 */
async function builtHere(fs: FsLike, image: string, dockerfile: string, context: string): Promise<{ file: string; workdir: string; env: ReadonlyMap<string, string>; copies: CopyInstr[] } | undefined> {
  const repo = repository(image);
  if (!repo.includes('/')) return undefined;
  const name = basename(repo);
  const dir = dirname(dockerfile);
  for (const file of [join(dirname(dir), name, 'Dockerfile'), join(dir, `Dockerfile.${name}`), join(dir, `${name}.Dockerfile`)]) {
    if (file === dockerfile || !isAtOrInside(context, file) || !(await fs.stat(file))?.isFile) continue;
    const { stages } = parseDockerfile(await fs.readFile(file));
    const last = stages.at(-1);
    if (!last || last.workdirOfImage || last.workdir === '/') return undefined;
    // The last stage's own context COPYs and those of the stages it is built FROM, earliest first.
    const copies = stageChain(stages, last).flatMap((s) => s.copies.filter(copiesFromContext));
    return { file, workdir: last.workdir, env: new Map(Object.entries(last.env ?? {})), copies };
  }
  return undefined;
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
      const from = copy.from === undefined ? undefined : findStage(df.stages, copy.from);
      const chain = from === undefined ? [] : workdirHeirs(df, from, stage);
      if (from === undefined || chain.length === 0) continue;
      // A source naming a variable the Dockerfile does not set (`$WORKDIR/dist`, the base image's ENV) shows no folder.
      for (const raw of copy.sources.filter((s) => !UNRESOLVED.test(s))) {
        const source = posix.resolve('/', raw);
        const parts = source.split('/').filter(Boolean);
        // A wildcard only in the last name (`/home/node/package*.json`): a context file it matches.
        if (parts.slice(0, -1).some((p) => GLOB.test(p))) continue;
        const vote = (workdir: string, file: string) => {
          const cast = votes.get(workdir);
          if (cast) cast.count++;
          else votes.set(workdir, { count: 1, copy, file });
        };
        let shown = false;
        for (let n = 1; n < parts.length && !shown; n++) {
          const workdir = `/${parts.slice(0, n).join('/')}`;
          const file = await contextFile(fs, context, parts.slice(n));
          if (file === undefined || !(await copiedRelative(fs, df, from, context, file))) continue;
          vote(workdir, file);
          shown = true;
        }
        // `COPY --from=build /home/app .` onto the later stage's own WORKDIR, of a stage that copied the
        // whole context to its WORKDIR (`COPY . .`): the app folder moves as a whole, the folder copied is
        // that WORKDIR.
        if (!shown && parts.length > 0 && !GLOB.test(source) && copy.dest === later.workdir && chain.some(copiesContextToWorkdir)) vote(source, '.');
      }
    }
  }
  const ranked = [...votes].sort((a, b) => b[1].count - a[1].count);
  const [best, next] = ranked;
  if (!best || (next && next[1].count === best[1].count)) return undefined;
  return { workdir: best[0], ...best[1] };
}

const GLOB = /[*?[]/;
/** A variable left as written by the parse: one the Dockerfile gives no value. */
const UNRESOLVED = /\$(?:\{?[A-Za-z_])/;

/**
 * The stages from `stage` to `from` (`from`'s chain of FROM stages, `stage` first) when `from` is
 * `stage` or built FROM it, no stage between setting a WORKDIR: all work in `stage`'s image's
 * WORKDIR, so a COPY --from `from` shows it (`FROM acme/node AS base`, `FROM base AS build`,
 * `COPY --from=build /app/dist`). Empty otherwise.
 */
function workdirHeirs(df: Dockerfile, from: Stage, stage: Stage): Stage[] {
  const chain = stageChain(df.stages, from);
  const at = chain.indexOf(stage);
  if (at < 0) return [];
  const heirs = chain.slice(at);
  return heirs.every((s) => s.workdir === stage.workdir) ? heirs : [];
}

/** The stage copies the whole build context to its WORKDIR, as Docker's default "/" reads it (`COPY . .`, `COPY ./ ./`). */
function copiesContextToWorkdir(stage: Stage): boolean {
  return stage.copies.some((c) => copiesFromContext(c) && c.dest === '/' && c.sources.length > 0 && c.sources.every(isContextRoot));
}

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

/**
 * A stage it copies from, whose WORKDIR is shown, FROM an image of the same repository or
 * publisher: the stage copied from itself, or the stage on an image it is built FROM (`FROM dev
 * AS prod_build`, copied from), no stage between setting a WORKDIR.
 */
function siblingShown(df: Dockerfile, stage: Stage, workdirs: ReadonlyMap<number, string>): Stage | undefined {
  for (const copy of stage.copies) {
    const source = copy.from === undefined ? undefined : findStage(df.stages, copy.from);
    if (!source || source.index >= stage.index) continue;
    const root = stageChain(df.stages, source)[0] ?? source;
    if (workdirs.has(root.index) && samePublisher(stage.from, root.from) && workdirHeirs(df, source, root).length > 0) return root;
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

/** Where the built stage's WORKDIR was taken from its image, and the container's image works elsewhere: that WORKDIR and the target it gives (none when the target is not below the WORKDIR taken). */
function movedWorkdir(mapping: SourceMapping | undefined, container: ContainerInfo | undefined): { taken: string; actual: string; target: string | undefined } | undefined {
  const started = mapping?.started;
  const image = container?.config?.imageDefaults;
  if (!mapping || !started?.workdirOfImage || !image) return undefined;
  const actual = posix.resolve('/', image.workingDir);
  const taken = started.workdir;
  if (actual === taken) return undefined;
  const below = posix.relative(taken, mapping.target);
  const target = below.startsWith('..') || posix.isAbsolute(below) ? undefined : posix.join(actual, below);
  return { taken, actual, target };
}

/**
 * The mapping as the container's image shows it: where the built stage sets no WORKDIR and the
 * mapping took its image's as the Dockerfile shows it or as assumed, the image's Config.WorkingDir
 * ("/" when empty) is the one the container works in, so a target below the WORKDIR taken moves
 * below that one (a company's base image working in /opt/app, `COPY --from=build /app/dist
 * ./dist`: /opt/app/dist, not /dist). The same mapping otherwise.
 */
export function mappingOnImageWorkdir<M extends SourceMapping | undefined>(mapping: M, container: ContainerInfo | undefined): M {
  const moved = movedWorkdir(mapping, container);
  if (!mapping || !moved?.target || !mapping.started) return mapping;
  const evidence = l10n.t('target {0}: the image of container {1} works in {2} (the Dockerfile sets no WORKDIR in the stage it builds; {3} was taken)', moved.target, container?.name ?? '', moved.actual, moved.taken);
  return { ...mapping, target: moved.target, started: { ...mapping.started, workdir: moved.actual }, evidence: [...mapping.evidence, evidence] };
}

/**
 * When the built stage sets no WORKDIR, the mapping took its image's as the Dockerfile shows it or
 * as assumed: the container's image says which it is (its Config.WorkingDir, "/" when empty). A
 * warning when they differ: the target that WORKDIR gives is the one checked
 * (mappingOnImageWorkdir), or none is known.
 */
export function imageWorkdirWarning(mapping: SourceMapping | undefined, container: ContainerInfo | undefined): string | undefined {
  const moved = movedWorkdir(mapping, container);
  if (!moved || !mapping || !container) return undefined;
  return moved.target === undefined
    ? l10n.t('the Dockerfile sets no WORKDIR in the stage it builds: taken as {0}, but the image of container {1} works in {2}', moved.taken, container.name, moved.actual)
    : l10n.t('the Dockerfile sets no WORKDIR in the stage it builds: taken as {0}, but the image of container {1} works in {2}, so its files are looked for in {3}, not {4} (x-runtime-drift.target to say otherwise)', moved.taken, container.name, moved.actual, moved.target, mapping.target);
}
