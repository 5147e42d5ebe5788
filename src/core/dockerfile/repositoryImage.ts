// A stage FROM an image another Dockerfile of the repository builds (`FROM acme/build AS build`,
// with a script running `docker build -t acme/build -f docker/build.Dockerfile .`): the files that
// image holds are the ones that Dockerfile puts there. Its stages are read before this Dockerfile's,
// as if written in it, the stage FROM the image then built FROM its last stage: a later `COPY
// --from=build /app/dist` follows the build that wrote /app/dist.
import * as l10n from '@vscode/l10n';
import { basename, dirname, join, relative } from 'node:path';
import type { FsLike } from '../ports';
import type { ScriptedBuild } from '../gather/imageDockerfile';
import { findStage, parseDockerfile, stageChain, type CopyInstr, type Dockerfile, type Stage } from './parse';
import { stageLabel } from './locate';

/** A stage of this Dockerfile FROM an image a Dockerfile of the repository builds, with that Dockerfile parsed. */
export interface LinkedImage {
  stage: number;
  image: Dockerfile;
  file: string;
  said: string;
}

/**
 * The stages FROM images the repository's scripts build (`builds`) with the same context: only
 * then are that Dockerfile's context paths this build's. Not this Dockerfile itself.
 */
export async function linkedImages(fs: FsLike, df: Dockerfile, dockerfile: string, context: string, builds: readonly ScriptedBuild[]): Promise<LinkedImage[]> {
  const out: LinkedImage[] = [];
  for (const stage of df.stages) {
    if (!stage.workdirOfImage) continue;
    const build = builds.find((b) => sameImage(b.image, stage.from) && b.build.dockerfile !== dockerfile && b.build.context === context);
    if (!build || !(await fs.stat(build.build.dockerfile))?.isFile) continue;
    const image = parseDockerfile(await fs.readFile(build.build.dockerfile));
    if (image.stages.length > 0) out.push({ stage: stage.index, image, file: build.build.dockerfile, said: build.said });
  }
  return out;
}

/** The WORKDIR and ENV each linked stage starts with: those of the last stage of the Dockerfile building its image. */
export function linkedStarts(links: readonly LinkedImage[]): { workdirs: Map<number, string>; envs: Map<number, ReadonlyMap<string, string>> } {
  const workdirs = new Map<number, string>();
  const envs = new Map<number, ReadonlyMap<string, string>>();
  for (const link of links) {
    const last = link.image.stages.at(-1) as Stage;
    if (!last.workdirOfImage) workdirs.set(link.stage, last.workdir);
    envs.set(link.stage, new Map(Object.entries(last.env ?? {})));
  }
  return { workdirs, envs };
}

/** `df` with the stages of each linked image's Dockerfile before its own, each linked stage built FROM the last of them. */
export function withLinkedImages(df: Dockerfile, links: readonly LinkedImage[], context: string, evidence: string[]): Dockerfile {
  if (links.length === 0) return df;
  const before: Stage[] = [];
  const lastOf = new Map<number, number>();
  for (const link of links) {
    const offset = before.length;
    const prefix = `${df.stages[link.stage]?.from ?? ''}#`;
    before.push(...link.image.stages.map((s) => shifted(s, offset, link.image, prefix)));
    lastOf.set(link.stage, before.length - 1);
    const stage = df.stages[link.stage] as Stage;
    evidence.push(l10n.t('{0} is FROM {1}, the image {2} builds with {3}: its stages are read as the start of this build', stageLabel(stage), stage.from, link.said, relative(context, link.file) || link.file));
  }
  const own = df.stages.map((s) => {
    const moved = shifted(s, before.length, df, undefined);
    const base = lastOf.get(s.index);
    if (base === undefined) return moved;
    const { workdirOfImage: _w, imageCopies: _c, ...rest } = moved;
    return { ...rest, baseStage: base };
  });
  return { stages: [...before, ...own] };
}

/** A stage moved `offset` places on; its stage names prefixed when it comes from another Dockerfile (`prefix`). */
function shifted(s: Stage, offset: number, of: Dockerfile, prefix: string | undefined): Stage {
  const ref = (name: string): string => {
    const found = findStage(of.stages, name);
    if (!found) return name;
    return prefix !== undefined && found.name !== undefined ? `${prefix}${found.name}` : /^\d+$/.test(name) ? String(found.index + offset) : name;
  };
  const copies: CopyInstr[] = s.copies.map((c) => (c.from === undefined ? c : { ...c, from: ref(c.from) }));
  const out: Stage = { ...s, index: s.index + offset, copies };
  if (s.baseStage !== undefined) out.baseStage = s.baseStage + offset;
  if (prefix !== undefined && s.name !== undefined) out.name = `${prefix}${s.name}`;
  if (prefix !== undefined && s.baseStage !== undefined) out.from = ref(s.from);
  return out;
}

/**
 * Whether `image` is the one `dockerfile` builds: a script of the project tags its build so
 * (`docker build -t acme/app -f Dockerfile .`), or it is the context's own Dockerfile and the
 * image, of a namespace (`acme/app`, not `node`), is named like the project (`namedLikeProject`).
 */
export function builtImageTest(dockerfile: string, context: string, builds: readonly ScriptedBuild[], namedLikeProject: (repository: string) => boolean): (image: string) => boolean {
  const scripted = builds.filter((b) => b.build.dockerfile === dockerfile).map((b) => b.image);
  const contextOwn = dirname(dockerfile) === context && /^dockerfile$/i.test(basename(dockerfile));
  return (image) => {
    if (scripted.some((s) => sameImage(s, image))) return true;
    const name = image.split('@')[0] ?? '';
    return contextOwn && name.includes('/') && namedLikeProject((name.slice(name.lastIndexOf('/') + 1).split(':')[0] ?? '').toLowerCase());
  };
}

/** The same image, tags aside: `acme/build:latest` and `acme/build`. */
function sameImage(a: string, b: string): boolean {
  const repo = (ref: string) => {
    const name = (ref.split('@')[0] ?? '').toLowerCase();
    const slash = name.lastIndexOf('/');
    const colon = name.lastIndexOf(':');
    return colon > slash ? name.slice(0, colon) : name;
  };
  return repo(a) === repo(b);
}

/** A Dockerfile's name as projects write it: `Dockerfile`, `Dockerfile.hosted`, `Dockerfile-prod`, `hosted.Dockerfile`. */
const DOCKERFILE_NAME = /^(?:Dockerfile(?:[.-][\w.-]+)?|[\w.-]+\.Dockerfile)$/i;

/**
 * The image this Dockerfile builds names no start (its built stage is FROM node's image with no
 * CMD or ENTRYPOINT: `ownImage` says which image names are it) and a Dockerfile beside it is FROM
 * that image, adding the start (`FROM acme/app:${HASH}` + `CMD ["server/entrypoint.sh"]`, the
 * image a project publishes for self-hosting): what a user runs of it is that start. That
 * Dockerfile's stages are read after this one's, its first built FROM this one's last, so the
 * start, WORKDIR and ENV are those it gives; undefined when there is no such Dockerfile, or several.
 */
export async function withDerivedStart(fs: FsLike, df: Dockerfile, dockerfile: string, ownImage: (image: string) => boolean, evidence: string[]): Promise<Dockerfile> {
  const last = df.stages.at(-1);
  if (!last) return df;
  const dir = dirname(dockerfile);
  const found: { file: string; derived: Dockerfile }[] = [];
  for (const name of (await fs.readdir(dir)).filter((n) => DOCKERFILE_NAME.test(n)).sort()) {
    const file = join(dir, name);
    if (file === dockerfile || !(await fs.stat(file))?.isFile) continue;
    const text = await fs.readFile(file);
    const { stages } = parseDockerfile(text);
    const end = stages.at(-1);
    const chain = end ? stageChain(stages, end) : [];
    const root = chain[0];
    if (!root || root.baseStage !== undefined || !ownImage(root.from) || !chain.some((s) => s.start !== undefined)) continue;
    const derived = parseDockerfile(text, {}, root.workdirOfImage ? new Map([[root.index, last.workdir]]) : new Map(), new Map([[root.index, new Map(Object.entries(last.env ?? {}))]]));
    found.push({ file, derived });
  }
  const [only] = found;
  if (found.length !== 1 || !only) return df;
  const offset = df.stages.length;
  const rootIndex = stageChain(only.derived.stages, only.derived.stages.at(-1) as Stage)[0]?.index ?? 0;
  const after = only.derived.stages.map((s) => {
    const moved = shifted(s, offset, only.derived, 'derived#');
    if (s.index !== rootIndex) return moved;
    const { workdirOfImage: _w, imageCopies: _c, ...rest } = moved;
    return { ...rest, baseStage: last.index };
  });
  const start = [...after].reverse().find((s) => s.start !== undefined)?.start ?? '';
  evidence.push(l10n.t("{0} names no start command (its base image's is node's REPL); {1} beside it is FROM {2}, the image this Dockerfile builds, and starts {3}: read as this image's start", stageLabel(last), basename(only.file), only.derived.stages[rootIndex]?.from ?? '', start));
  return { stages: [...df.stages, ...after] };
}
