// Where a build-context path ends up inside the image: follow COPY/ADD backwards from the final
// (or target) stage, through `--from=` stages and stages built FROM earlier ones.
import * as l10n from '@vscode/l10n';
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { copiesFromContext, findStage, type CopyInstr, type Dockerfile, type Stage } from './parse';
import { BUILD_COMMAND } from '../mapping/buildCommands';

export interface Location {
  /** Absolute path inside the image. */
  path: string;
  /** The instructions that put it there: "Dockerfile: COPY --from=build /src/dist /app/dist (stage 2); ...". */
  evidence: string;
  /** No COPY names the path: it is assumed made by a RUN in a stage that received the context. */
  madeByRun: boolean;
  /** A `COPY --from=<stage>` is on the way: the path is built in another stage, not copied from the context as it is. */
  fromStage: boolean;
  /** Assumed in a base image built from this context elsewhere (by another Dockerfile): its name. */
  baseImage?: string;
}

interface Hit {
  path: string;
  steps: string[];
  madeByRun?: boolean;
  fromStage?: boolean;
  baseImage?: string;
}

/**
 * Where `contextRelPath` (relative to the build context, e.g. "dist") lands in the final stage,
 * or in the stage named `target`. A path produced by a RUN inside a stage that received the
 * context (e.g. "dist" from `npm run build`) counts as a context path at the place the context
 * was copied to: that is how a multi-stage build's output is traced to the final image.
 */
export function locateInImage(df: Dockerfile, contextRelPath: string, target?: string, opts: { file?: boolean; at?: string } = {}): Location | undefined {
  const stage = target === undefined ? df.stages[df.stages.length - 1] : findStage(df.stages, target);
  if (!stage) return undefined;
  const hit = locateInStage(df, stage, normalizeRel(contextRelPath), false, opts.file === true, opts.at);
  return hit && { path: hit.path, evidence: `Dockerfile: ${hit.steps.join('; ')}`, madeByRun: hit.madeByRun === true, fromStage: hit.fromStage === true, ...(hit.baseImage !== undefined ? { baseImage: hit.baseImage } : {}) };
}

/** Which of several places a path is at in a stage is wanted: that one path, or any one a test accepts. */
type Wanted = string | ((path: string) => boolean);

const isWanted = (path: string, at: Wanted | undefined): boolean => at === undefined || (typeof at === 'string' ? path === at : at(path));

/**
 * `file`: `rel` is a file, whatever its name (an executable `server`): copied into a folder, it lands inside it.
 * `at`: the stage's copy that puts it there, when several copies put it in several places (the one the
 * image starts, or one a later stage's `COPY --from` takes: a `pnpm deploy` copy beside the built package).
 */
function locateInStage(df: Dockerfile, stage: Stage, rel: string, viaFrom: boolean, file = false, at?: Wanted): Hit | undefined {
  for (let i = stage.copies.length - 1; i >= 0; i--) {
    const copy = stage.copies[i] as CopyInstr;
    // A release installed from the registry holds the package's files as published, as a copy of its folder would.
    const hit = copy.byRun !== undefined && copy.fromRegistry !== true && copy.from === undefined ? withinStage(df, stage, i, rel, file) : copy.from === undefined ? fromContext(copy, rel, file) : fromStage(df, stage, copy, rel, file);
    if (hit && !isWanted(hit.path, at)) continue;
    if (hit) return { ...hit, steps: [`${render(copy)} (${stageLabel(stage)})`, ...hit.steps], ...(copy.from !== undefined ? { fromStage: true } : {}) };
  }
  const base = stage.baseStage === undefined ? undefined : df.stages[stage.baseStage];
  if (base) {
    const hit = locateInStage(df, base, rel, viaFrom, file, typeof at === 'function' ? at : undefined);
    if (hit) return { ...hit, steps: [...hit.steps, l10n.t('{0} is built FROM {1}', stageLabel(stage), stageLabel(base))] };
  }
  const made = producedInStage(stage, rel, viaFrom);
  return made && typeof at === 'function' && !at(made.path) ? undefined : made;
}

/** A COPY from the build context that covers `rel` (the path itself, a parent, or a glob). */
function fromContext(copy: CopyInstr, rel: string, file: boolean): Hit | undefined {
  const many = copy.sources.length > 1;
  for (let j = copy.sources.length - 1; j >= 0; j--) {
    const raw = copy.sources[j] as string;
    if (/^(https?|git):\/\/|^git@/.test(raw)) continue;
    const src = normalizeRel(raw);
    const path = placeUnder(src, rel, copy, many, /[*?[]/.test(src), file);
    if (path !== undefined) return { path, steps: [] };
  }
  return undefined;
}

/** A `COPY --from=<stage>` whose source covers where `rel` is in that stage. */
function fromStage(df: Dockerfile, stage: Stage, copy: CopyInstr, rel: string, file: boolean): Hit | undefined {
  const source = findStage(df.stages, copy.from as string);
  // Only earlier stages can be referenced; anything else is an external image we cannot see into.
  if (!source || source.index >= stage.index) return undefined;
  const many = copy.sources.length > 1;
  // --from sources are relative to the root of that stage, not its WORKDIR.
  const placed = (p: string) => copy.sources.map((raw) => posix.resolve('/', raw)).map((src) => placeUnder(src, p, copy, many, /[*?[]/.test(src), file)).find((q) => q !== undefined);
  // Where the path is in that stage, of the places it is at, one this COPY takes.
  const inner = locateInStage(df, source, rel, true, file, (p) => placed(p) !== undefined);
  const path = inner && placed(inner.path);
  return inner && path !== undefined ? { ...inner, path } : undefined;
}

/**
 * A RUN's copy of a context folder (`pnpm deploy`, `turbo prune`): `rel` under it, found in the stage
 * as it was before. A RUN's move of one script file to a path of its name (`mv dist/app.js
 * out/api/app.js`): a bundle's folder, whose output is that file, is where the file lands, as a
 * COPY of that one file says (placeUnder).
 */
function withinStage(df: Dockerfile, stage: Stage, index: number, rel: string, file: boolean): Hit | undefined {
  const copy = stage.copies[index] as CopyInstr;
  const src = normalizeRel(copy.sources[0] ?? '');
  const bundleFolder = SCRIPT_FILE.test(src) && posix.dirname(src) === rel && posix.basename(copy.dest) === posix.basename(src);
  // '' is the whole context (`turbo prune` copies the workspace).
  if (src !== '' && rel !== src && !rel.startsWith(`${src}/`) && !bundleFolder) return undefined;
  const before: Stage = { ...stage, copies: stage.copies.slice(0, index), runs: stage.runs.filter((r) => r.afterCopy < index) };
  const inner = locateInStage(df, before, rel, true, file);
  const path = bundleFolder ? posix.dirname(copy.dest) : posix.join(copy.dest, src === '' ? rel : rel.slice(src.length + 1));
  return inner && { ...inner, path };
}

/** Where `p` lands when `copy` copies `src` (a path or glob, same namespace as `p`); undefined when not covered. */
function placeUnder(src: string, p: string, copy: CopyInstr, many: boolean, glob: boolean, file = false): string | undefined {
  const intoDir = copy.destIsDir || many;
  if (glob) {
    // `COPY precompiled/* /app/`: every entry of the folder lands in dest, as its contents would.
    const every = /^(.+)\/\*$/.exec(src)?.[1];
    if (every !== undefined && p === every && intoDir && !/[*?[]/.test(every)) return copy.dest;
    return globToRegExp(src).test(p) ? (intoDir ? posix.join(copy.dest, posix.basename(p)) : copy.dest) : undefined;
  }
  if (src === '' || src === '/') return posix.join(copy.dest, p);
  if (p === src) {
    // A folder's contents go to dest; a file goes inside dest when dest is a folder.
    return intoDir && (file || looksLikeFile(src)) ? posix.join(copy.dest, posix.basename(src)) : copy.dest;
  }
  if (p.startsWith(`${src}/`)) return posix.join(copy.dest, p.slice(src.length + 1));
  // One script taken out of the folder (`COPY --from=build /repo/apps/api/dist/index.cjs .`, or to
  // a file of its own name: `COPY --from=build /app/dist/main.js main.js`): a bundle's folder,
  // whose output is that file, is where the file lands.
  if (posix.dirname(src) === p && SCRIPT_FILE.test(src)) {
    if (intoDir) return copy.dest;
    if (posix.basename(copy.dest) === posix.basename(src)) return posix.dirname(copy.dest);
  }
  return undefined;
}

/** A script file (a bundle's), as a Dockerfile or a RUN copies it alone. */
export const SCRIPT_FILE = /\.(?:c|m)?js$/;

/**
 * `rel` was not copied in, but may have been built here: when this stage received (part of) the
 * context and then ran commands, assume build output appears where the context root was copied.
 * Only trusted when a later `COPY --from` names that exact place (viaFrom) or a RUN follows.
 */
function producedInStage(stage: Stage, rel: string, viaFrom: boolean): Hit | undefined {
  const contextCopies = stage.copies.map((c, i) => ({ c, i })).filter(({ c }) => c.from === undefined);
  const first = contextCopies[0];
  if (!first) return viaFrom ? inBaseImage(stage, rel) : undefined;
  const ranAfter = stage.runs.filter((r) => r.afterCopy >= first.i);
  if (!viaFrom && ranAfter.length === 0) return undefined;
  // The output appears where the context was when the build ran: files copied elsewhere after
  // the last build step (a manifest into the output folder, to install there) do not move it.
  const build = ranAfter.filter((r) => BUILD_COMMAND.test(r.command)).pop();
  const before = build ? contextCopies.filter(({ i }) => i <= build.afterCopy) : contextCopies;
  const flat = flattenedFolder(before.map(({ c }) => c)) ?? mirroredFolder(before.map(({ c }) => c), stage.workdir);
  const under = flat !== undefined && rel.startsWith(`${flat.dir}/`) ? rel.slice(flat.dir.length + 1) : undefined;
  const copied = contextRoot(before.map(({ c }) => c));
  // Only named files came in (`COPY ./entrypoint.sh /entrypoint.sh`): no sources were built here,
  // unless a folder came from another stage into the working folder and a command ran after it
  // (`turbo prune`'s out/full copied from the pruning stage, then built); not another stage's build
  // output copied where a web server serves it (`COPY --from=build /app/dist /usr/share/nginx/html`).
  const folderFromStage = stage.copies.some(
    (c, i) => (c.from !== undefined || c.byRun !== undefined) && c.dest === stage.workdir && c.sources.some((src) => !looksLikeFile(normalizeRel(src))) && stage.runs.some((r) => r.afterCopy >= i),
  );
  if (under === undefined && copied === undefined && !folderFromStage && before.every(({ c }) => c.sources.every((src) => looksLikeFile(normalizeRel(src))))) return undefined;
  // Only folders deep in the context came in (`COPY packages/db/prisma ./packages/db/prisma`, for a
  // migration job): the context as a whole was not built here.
  // Top-level files beside them (`COPY .dockerignore ./.dockerignore`) bring no folder of it either; the context's own
  // manifest does (`COPY package.json .` then `COPY dist/esm .`: the context's package, its build output copied).
  const bringsNoFolder = (src: string) => src.includes('/') || (looksLikeFile(src) && !MANIFEST.test(src));
  if (rel === '' && under === undefined && before.every(({ c }) => c.sources.every((src) => bringsNoFolder(normalizeRel(src)))) && !before.every(({ c }) => c.sources.every((src) => !normalizeRel(src).includes('/')))) return undefined;
  // Only other top folders of the context came in (`COPY backend/server /code/` for a Python
  // back end): a folder under frontend/ was not built here.
  if (under === undefined && copied === undefined && !folderFromStage && !sharesTopFolder(before.map(({ c }) => c), rel)) return undefined;
  const root = under !== undefined && flat ? flat.dest : (copied ?? stage.workdir);
  const path = posix.join(root, under ?? rel);
  const run = build ?? ranAfter[ranAfter.length - 1];
  const why = run ? `, RUN ${truncate(run.command)}` : '';
  return { path, steps: [l10n.t('{0} is built in {1} at {2} (context copied to {3}{4})', rel, stageLabel(stage), path, root, why)], madeByRun: true };
}

/** Whether a copy of the context brought in something of `rel`'s top folder (or `rel` is the context itself, or a copy took a top-level file or the whole context). */
function sharesTopFolder(copies: CopyInstr[], rel: string): boolean {
  const top = rel.split('/')[0] ?? '';
  return rel === '' || copies.some((c) => c.sources.some((raw) => {
    const src = normalizeRel(raw);
    return !src.includes('/') || src.split('/')[0] === top;
  }));
}

/**
 * `FROM ${BASE_IMAGE} AS base` + `WORKDIR /opt/outline`, copied from later (`COPY --from=base
 * /opt/outline/build ./build`): an image of this repository's own build (another Dockerfile of it
 * makes it), assumed to hold the context, built, at the WORKDIR the stage names.
 */
function inBaseImage(stage: Stage, rel: string): Hit | undefined {
  if (stage.baseStage !== undefined || stage.copies.length > 0 || stage.workdir === '/') return undefined;
  const path = posix.join(stage.workdir, rel);
  const step = l10n.t('{0} is FROM the image {1}, assumed built from this context at its WORKDIR {2}', stageLabel(stage), stage.from, stage.workdir);
  return { path, steps: [step], madeByRun: true, baseImage: stage.from };
}

/**
 * Files of one folder copied into one place, names kept (`COPY browser/package*.json ./`, `COPY
 * browser/server.ts ./`): that folder is there, so what its build writes is too (browser/dist -> ./dist).
 */
function flattenedFolder(copies: CopyInstr[]): { dir: string; dest: string } | undefined {
  const sources = copies.flatMap((c) => c.sources.map((raw) => ({ src: normalizeRel(raw), c })));
  const dirs = new Set(sources.map(({ src }) => posix.dirname(src)));
  const dests = new Set(copies.map((c) => c.dest));
  const [dir] = dirs;
  const [dest] = dests;
  if (dirs.size !== 1 || dests.size !== 1 || dir === undefined || dest === undefined || dir === '.' || /[*?[]/.test(dir)) return undefined;
  return sources.every(({ src, c }) => looksLikeFile(src) && (c.destIsDir || c.sources.length > 1)) ? { dir, dest } : undefined;
}

/**
 * One folder of the context copied piece by piece into the WORKDIR, each piece at its own path
 * below it (`COPY ./web/package.json package.json`, `COPY ./web/pages/ pages/`, `COPY ./web/next.config.js
 * next.config.js`): the folder stands at the WORKDIR, as `COPY ./web .` would put it. Every copy
 * must agree on that folder, and there are at least two.
 */
function mirroredFolder(copies: CopyInstr[], workdir: string): { dir: string; dest: string } | undefined {
  const dirs = new Set<string>();
  for (const c of copies) {
    for (const raw of c.sources) {
      const src = normalizeRel(raw).replace(/\/+$/, '');
      if (src === '' || /[*?[]/.test(src)) return undefined;
      const dest = posix.resolve(workdir, c.dest);
      // A folder's contents land in dest; a file copied into a folder keeps its name there.
      const placed = looksLikeFile(src) && (c.destIsDir || c.sources.length > 1) ? posix.join(dest, posix.basename(src)) : dest;
      const tail = posix.relative(workdir, placed);
      if (tail === '' || tail.startsWith('..') || !src.endsWith(`/${tail}`)) return undefined;
      dirs.add(src.slice(0, src.length - tail.length - 1));
    }
  }
  const [dir] = dirs;
  const pieces = copies.reduce((n, c) => n + c.sources.length, 0);
  return dirs.size === 1 && dir !== undefined && pieces >= 2 ? { dir, dest: workdir } : undefined;
}

/** Where a stage put the context root, judged from its context COPYs (latest first). */
export function contextRoot(copies: CopyInstr[]): string | undefined {
  for (let i = copies.length - 1; i >= 0; i--) {
    const copy = copies[i] as CopyInstr;
    for (const raw of copy.sources) {
      const src = normalizeRel(raw);
      if (src === '') return copy.dest;
      // `COPY src ./src` in /build: the context root is /build.
      if (!looksLikeFile(src) && (copy.dest === `/${src}` || copy.dest.endsWith(`/${src}`))) {
        return copy.dest.slice(0, copy.dest.length - src.length - 1) || '/';
      }
      // `COPY package.json tsconfig.json ./`: files keep their names inside dest.
      if ((copy.destIsDir || copy.sources.length > 1) && looksLikeFile(src) && !src.includes('/')) return copy.dest;
    }
  }
  return undefined;
}

function render(copy: CopyInstr): string {
  if (copy.byRun !== undefined) return `RUN ${truncate(copy.byRun)} (${copy.sources[0] || '.'} -> ${copy.dest})`;
  if (copy.byMount !== undefined) return l10n.t('compose volume {0}', copy.byMount);
  const from = copy.from === undefined ? '' : ` --from=${copy.from}`;
  return `${copy.instruction}${from} ${copy.sources.join(' ')} ${copy.dest}`;
}

/** "stage 2" or `stage 2 "build"`, as the evidence names a stage. */
export function stageLabel(stage: Stage): string {
  return stage.name === undefined ? l10n.t('stage {0}', stage.index + 1) : l10n.t('stage {0} "{1}"', stage.index + 1, stage.name);
}

/** "./dist/" -> "dist", "." -> "". */
function normalizeRel(p: string): string {
  const n = posix.normalize(p.replace(/\\/g, '/')).replace(/^\.\/+/, '').replace(/\/+$/, '');
  return n === '.' ? '' : n;
}

function looksLikeFile(p: string): boolean {
  const name = posix.basename(p);
  return (/\.[A-Za-z0-9]+$/.test(name) && !name.startsWith('.')) || DOT_FILE.test(name);
}

/**
 * Dot-named files by convention, not folders (`.next`, `.output` are): environment files (`.env`,
 * `.env.production`), run-control files (`.npmrc`, `.babelrc`) and ignore lists (`.dockerignore`).
 */
const DOT_FILE = /^\.(?:env(?:\.[\w.-]+)?|[\w-]+rc|[\w-]+ignore)$/;

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * A COPY source glob as Docker reads it (Go's filepath.Match): `*`, `?` and `[...]` stay within one
 * path segment; no `**`, braces or extglobs. Parentheses stay literal.
 */
export function globToRegExp(glob: string): RegExp {
  return picomatch.makeRe(glob.replace(/[()]/g, '\\$&'), { dot: true, noglobstar: true, nobrace: true, noextglob: true });
}

/**
 * Whether the image gets the context folder `contextRelDir` ('' for the whole context) or part of
 * it: a context COPY of the context root, of the folder, of a folder holding it, or of something
 * inside it other than a manifest copied alone to install dependencies, in a stage that reaches the
 * final (or target) stage: that stage, a stage it is built FROM, or a stage it `COPY --from=`s a
 * path of where the folder is in that stage (its build output; not another app's).
 */
export function copiesContextFolder(df: Dockerfile, contextRelDir: string, target?: string): boolean {
  const dir = normalizeRel(contextRelDir);
  const covers = (raw: string): boolean => {
    const src = normalizeRel(raw);
    if (/[*?[]/.test(src)) return [dir, ...ancestors(dir)].some((p) => globToRegExp(src).test(p));
    const inside = dir === '' ? src !== '' : src.startsWith(`${dir}/`);
    return src === '' || src === dir || dir.startsWith(`${src}/`) || (inside && !MANIFEST.test(src));
  };
  const gets = (st: Stage): boolean => st.copies.some((c) => copiesFromContext(c) && c.sources.some(covers));
  const carries = (copy: CopyInstr, source: Stage): boolean => {
    const place = locateInImage(df, dir, String(source.index))?.path;
    if (place === undefined) return true;
    return copy.sources.some((raw) => {
      const src = posix.resolve('/', raw).replace(/\/+$/, '') || '/';
      return src === place || src === '/' || place.startsWith(`${src}/`) || src.startsWith(`${place}/`);
    });
  };
  return reachingStages(df, target, carries).some(gets);
}

/** Files copied alone to install dependencies before the source: they bring no code. */
const MANIFEST = /(?:^|\/)(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|bun\.lockb?|\.npmrc|\.yarnrc(?:\.yml)?|tsconfig[^/]*\.json|nest-cli\.json)$/;

function ancestors(rel: string): string[] {
  const out: string[] = [];
  for (let p = posix.dirname(rel); p !== '.' && p !== '/' && rel !== ''; p = posix.dirname(p)) out.push(p);
  return out;
}

/** The final (or target) stage and every stage whose files reach it: FROM, and COPY --from when `carries` says so. */
function reachingStages(df: Dockerfile, target: string | undefined, carries: (copy: CopyInstr, source: Stage) => boolean): Stage[] {
  const last = target === undefined ? df.stages[df.stages.length - 1] : findStage(df.stages, target);
  const seen = new Set<Stage>();
  const visit = (st: Stage | undefined): void => {
    if (!st || seen.has(st)) return;
    seen.add(st);
    if (st.baseStage !== undefined) visit(df.stages[st.baseStage]);
    for (const c of st.copies) {
      const source = c.from === undefined ? undefined : findStage(df.stages, c.from);
      if (source && source.index < st.index && carries(c, source)) visit(source);
    }
  };
  visit(last);
  return [...seen];
}
