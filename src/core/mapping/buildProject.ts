// Which project inside the build context the image builds. Usually the context itself; in a
// monorepo built from its root, the project is named by the build: an Nx project.json beside the
// Dockerfile (Nx generates one Dockerfile per project), or the workspace package the Dockerfile's
// build selects (`pnpm --filter ./apps/api build`, `npm run build -w api`, `nx build api`,
// `turbo run build --filter=api`), read from its RUN lines and the root scripts they run.
import * as l10n from '@vscode/l10n';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { pnpmWorkspaceGlobs } from './pnpmWorkspace';
import { copiesFromContext, stageChain, type Dockerfile, type Stage } from '../dockerfile/parse';
import { contextRoot, locateInImage } from '../dockerfile/locate';
import { installsRelease } from './packedInstall';
import { BUILD_COMMAND, scriptRun, scriptsRun } from './buildCommands';
import { runCommandsInContext } from '../dockerfile/runBundle';
import { bareSelector, withRunCopies, withRunMoves } from '../dockerfile/runCopies';
import { withRunScripts } from '../dockerfile/runScripts';
import { startedImageFiles } from '../dockerfile/startScript';
import type { FsLike } from '../ports';
import { BROWSER_EXECUTOR, isSourceFileName, SERVER_FRAMEWORKS } from '../routes/serverApps';
import { isRecord } from '../isRecord';
import { startsNothing } from './unstartedImage';
import { readJsonObject } from './tsconfig';
import { findScriptedBundle } from './bundleScript';
import { withNodemonConfigs } from './nodemonScripts';
import { foldersUpTo, isAtOrInside } from '../pathInside';
import { escapeRegExp } from '../escapeRegExp';
import { contextCandidates, startedDevServer, startedScripts } from './startedSource';
import { parallelTexts } from './gnuParallel';
import { procfileCommands, procfileStarts } from './procfile';
import { nxBuildOutput } from './nxOutput';
import { readNxProject, workspaceJsonProjects } from './nxProject';
import { runBundledPackage } from './runBundledPackage';
import type { SolutionBuild } from './solutionBuild';
import { folderScriptBuilds, topServerFile, type FolderScriptBuild } from './folderScriptBuilds';

export interface PackageInfo {
  name?: string;
  deps: Record<string, unknown>;
  scripts: Record<string, string>;
  /** `workspaces` globs (npm, yarn), when the package is a workspace root. */
  workspaces?: string[];
  /** `main`: the file `node <its folder>` runs (https://nodejs.org/api/modules.html#folders-as-modules). */
  main?: string;
}

export interface BuildProject {
  /** The project's folder: the build context unless a monorepo rule chose one of its packages. */
  dir: string;
  /** Its package.json (the context's when the project has none of its own). */
  pkg?: PackageInfo;
  /** Its Nx project configuration, when it has one (nxProject.ts)... */
  nx?: Record<string, unknown>;
  /** ...and the file it was read from: its project.json, or the workspace.json declaring it. */
  nxFile?: string;
  /** Its nest-cli.json, when it has one. */
  nestCli?: Record<string, unknown>;
  /** A server framework it depends on, or the file that marks it a server; undefined when not one. */
  server?: string;
  /** Found by the Dockerfile copying this package's build output from the context (`COPY web/dist ./dist`): that folder, absolute, and the line. */
  copiedOutput?: { dir: string; line: number };
  /** Why this folder is the project (only when it is not the build context). */
  evidence?: string;
}

/** A package.json's fields naming the packages it depends on, of every kind. */
export const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

export function objectField(o: object | undefined, name: string): Record<string, unknown> {
  const v = o === undefined ? undefined : (o as Record<string, unknown>)[name];
  return isRecord(v) ? v : {};
}

export async function readPackage(fs: FsLike, dir: string): Promise<PackageInfo | undefined> {
  const pkg = await readJsonObject(fs, join(dir, 'package.json'));
  if (!pkg) return undefined;
  const written = Object.fromEntries(Object.entries(objectField(pkg, 'scripts')).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const scripts = await withNodemonConfigs(fs, dir, pkg, written);
  const info: PackageInfo = { deps: { ...objectField(pkg, 'dependencies'), ...objectField(pkg, 'devDependencies') }, scripts };
  if (typeof pkg['name'] === 'string') info.name = pkg['name'];
  if (typeof pkg['main'] === 'string') info.main = pkg['main'];
  const ws = Array.isArray(pkg['workspaces']) ? pkg['workspaces'] : objectField(pkg, 'workspaces')['packages'];
  if (Array.isArray(ws)) info.workspaces = ws.filter((w): w is string => typeof w === 'string');
  return info;
}

/** The project the image builds from `context` (see the file comment). */
/** `command`: the compose service's `command:`, run instead of the image's CMD. */
export async function findBuildProject(fs: FsLike, context: string, dockerfile: string | undefined, df: Dockerfile | undefined, command?: string[], oneProgram = false, solution?: SolutionBuild): Promise<BuildProject> {
  const project = await findProjectFolder(fs, context, dockerfile, df, command, oneProgram, solution);
  return df ? nestCliAppBuilt(project, df, command) : project;
}

/** `oneProgram`: the image's start is one program of several it runs (programMappings.ts), the package it starts in being its own, server or not. */
async function findProjectFolder(fs: FsLike, context: string, dockerfile: string | undefined, df: Dockerfile | undefined, command: string[] | undefined, oneProgram: boolean, solution: SolutionBuild | undefined): Promise<BuildProject> {
  const rootPkg = await readPackage(fs, context);
  const nx = dockerfile ? await nxProjectBeside(fs, context, dockerfile) : undefined;
  if (nx) return { ...(await describeProject(fs, nx.dir, rootPkg)), evidence: nx.evidence };
  // A Nest CLI monorepo at the root whose app the build names (`pnpm run build gateway` running
  // `nest build`): that app (findBuildProject), not a workspace package the stages copy beside it.
  const root = df && (await fs.stat(join(context, 'nest-cli.json')))?.isFile ? await describeProject(fs, context, rootPkg) : undefined;
  if (root && df && nestCliAppBuilt(root, df, command) !== root) return root;
  // One program of several: what it starts decides, ahead of what the build selects for them all.
  const started = df && oneProgram ? ((await startedInPackage(fs, context, rootPkg, df, true)) ?? (await startedStageOutput(fs, context, rootPkg, df))) : undefined;
  if (started) return started;
  const release = df && command === undefined ? await installedRelease(fs, context, df) : undefined;
  if (release) return release;
  const folderBuilt = df ? await folderBuiltServer(fs, context, rootPkg, df) : undefined;
  if (folderBuilt) return folderBuilt;
  const rootServer = df ? await startedRootServer(fs, context, rootPkg, df, command) : undefined;
  if (rootServer) return rootServer;
  const selected = df ? await workspaceSelection(fs, context, rootPkg, df, command) : undefined;
  // No server the build selects (a front end built beside them all) and none started: not known which runs.
  const unknown = df && command === undefined && selected?.server === undefined ? await severalServersUnstarted(fs, context, rootPkg, df) : undefined;
  if (unknown) return unknown;
  if (selected) return selected;
  const referenced = solution && (await referencedServer(fs, context, rootPkg, solution));
  if (referenced) return referenced;
  const installed = df ? await packageCopiedToWorkdir(fs, context, rootPkg, df) : undefined;
  if (installed) return (df && (await selectedInCopiedWorkspace(fs, context, installed, df, command))) ?? installed;
  const whole = await describeProject(fs, context, rootPkg);
  if (whole.server !== undefined || !df) return whole;
  return (await startedInPackage(fs, context, rootPkg, df, false)) ?? (await startedStageOutput(fs, context, rootPkg, df)) ?? (await bundledPackage(fs, context, rootPkg, df)) ?? (await copiedServerPackage(fs, context, rootPkg, df)) ?? (await copiedOutputPackage(fs, context, rootPkg, df)) ?? (await soleServerOfUnstarted(fs, context, rootPkg, df)) ?? whole;
}

/**
 * A workspace root below the context copied to the WORKDIR (`COPY web/package.json web/pnpm-workspace.yaml ./`,
 * later `COPY web/ .`) whose build selects one of its packages (`pnpm --filter @acme/portal build`): that
 * package, read in the copied workspace as a workspace at the context's root is.
 */
async function selectedInCopiedWorkspace(fs: FsLike, context: string, installed: BuildProject, df: Dockerfile, command: string[] | undefined): Promise<BuildProject | undefined> {
  if (installed.dir === context) return undefined;
  const pkg = await readPackage(fs, installed.dir);
  if ((await workspaceGlobs(fs, installed.dir, pkg)).length === 0) return undefined;
  const selected = await workspaceSelection(fs, installed.dir, pkg, df, command);
  if (selected === undefined || selected.dir === installed.dir) return undefined;
  const rel = (p: string) => relative(context, p).split(sep).join('/');
  return { ...selected, evidence: l10n.t`${installed.evidence ?? ''}; ${rel(installed.dir)} is a workspace whose build selects ${rel(selected.dir)}` };
}

/**
 * The image installs a workspace package from the registry by its name (`npm install @acme/server`)
 * and starts a file of it (`node node_modules/@acme/server/index.js`): that package is what runs,
 * its published release (packedInstall.ts), whatever the context holds.
 */
async function installedRelease(fs: FsLike, context: string, df: Dockerfile): Promise<BuildProject | undefined> {
  const final = df.stages[df.stages.length - 1];
  const start = final?.start ?? '';
  const runs = df.stages.flatMap((s) => s.runs.flatMap((r) => r.command.split(/&&|\|\||[;\n]/)));
  const rootPkg = await readPackage(fs, context);
  for (const dir of await workspacePackageDirs(fs, context)) {
    const name = (await readPackage(fs, dir))?.name;
    if (name === undefined || !start.includes(`node_modules/${name}/`) || !runs.some((r) => installsRelease(r, name))) continue;
    return { ...(await describeProject(fs, dir, rootPkg)), evidence: l10n.t`the image installs workspace package ${relative(context, dir).split(sep).join('/')} from the registry by its name (${name}) and starts a file of it` };
  }
  return undefined;
}

/** The workspace's server packages, when the image starts nothing of its own (unstartedImage.ts); undefined when it starts something. */
async function unstartedServers(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, df: Dockerfile): Promise<BuildProject[] | undefined> {
  const built = df.stages[df.stages.length - 1];
  if (!built || !startsNothing(df, built)) return undefined;
  const servers: BuildProject[] = [];
  for (const dir of await workspacePackageDirs(fs, context)) {
    const project = await describeProject(fs, dir, rootPkg);
    if (project.server !== undefined) servers.push(project);
  }
  return servers;
}

/**
 * An image that starts nothing of its own, built from a workspace whose one server package is the
 * only program it could serve: that package.
 */
async function soleServerOfUnstarted(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, df: Dockerfile): Promise<BuildProject | undefined> {
  const servers = (await unstartedServers(fs, context, rootPkg, df)) ?? [];
  const [sole] = servers;
  if (servers.length !== 1 || !sole) return undefined;
  const rel = relative(context, sole.dir).split(sep).join('/');
  return { ...sole, evidence: l10n.t`the image names no start command (its base image's is node's REPL): what runs is set where it is run; workspace package ${rel} is the one server (${sole.server ?? ''})` };
}

/**
 * Several server packages in a workspace whose image starts nothing of its own: which one runs is
 * set where the image is run (a deploy's command), not in the repository's files, so none is
 * chosen, nor a front end the build selects beside them; the workspace itself, with the evidence saying so.
 */
async function severalServersUnstarted(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, df: Dockerfile): Promise<BuildProject | undefined> {
  const servers = (await unstartedServers(fs, context, rootPkg, df)) ?? [];
  if (servers.length < 2) return undefined;
  const names = servers.map((p) => relative(context, p.dir).split(sep).join('/'));
  return { ...(await describeProject(fs, context, rootPkg)), evidence: l10n.t`the image names no start command (its base image's is node's REPL) and the workspace has ${servers.length} server packages (${names.join(', ')}): which one runs is set where it is run, not known here (x-runtime-drift.source chooses one)` };
}

/**
 * The one server package among the projects a solution tsconfig references, which the image's
 * build compiles with `tsc --build` (solutionBuild.ts): each into its own outDir, so that package,
 * not the context, is the project. A project without a package.json of its own is not told apart.
 */
async function referencedServer(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, solution: SolutionBuild): Promise<BuildProject | undefined> {
  const servers: BuildProject[] = [];
  for (const dir of solution.projects) {
    if ((await readPackage(fs, dir)) === undefined) continue;
    const project = await describeProject(fs, dir, rootPkg);
    if (project.server !== undefined) servers.push(project);
  }
  const [sole] = servers;
  if (servers.length !== 1 || !sole) return undefined;
  const rel = (p: string) => relative(context, p).split(sep).join('/');
  return { ...sole, evidence: l10n.t`the image's build runs tsc --build with ${rel(solution.config)}, which compiles only the projects it references, each into its own outDir: ${rel(sole.dir)} is the one server among them (${sole.server ?? ''})` };
}

/** The package a RUN's bundling command takes its entry from (runBundledPackage.ts). */
async function bundledPackage(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, df: Dockerfile): Promise<BuildProject | undefined> {
  const found = await runBundledPackage(fs, context, df);
  return found && { ...(await describeProject(fs, resolve(context, found.dir), rootPkg)), evidence: found.why };
}

/** The folder names a package's build usually writes to, as a Dockerfile copies them (`COPY web/dist ./dist`). */
const OUTPUT_FOLDER = /^(?:dist|build|out|lib|\.next|\.output)$/;

/**
 * A context that is no server package, whose Dockerfile copies a package's build output made
 * before `docker build` (`COPY ./packages/web/dist ./dist`, from the context, not a stage): the
 * first package so copied, the folder holding that output with a package.json of its own. A
 * folder below an output folder (`COPY dist/bundle /app`) is that output too, also of the
 * context's own package; not below lib, as often a folder of sources (lib/routes) as of output.
 */
async function copiedOutputPackage(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, df: Dockerfile): Promise<BuildProject | undefined> {
  for (const { rel, line } of copiedContextPaths(df)) {
    const segments = rel.split('/');
    for (let at = segments.length - 1; at >= 0; at--) {
      const pkgRel = segments.slice(0, at).join('/') || '.';
      const below = at < segments.length - 1;
      if (!OUTPUT_FOLDER.test(segments[at] ?? '') || (below ? segments[at] === 'lib' : pkgRel === '.')) continue;
      const dir = resolve(context, pkgRel);
      if (!(await fs.stat(join(dir, 'package.json')))?.isFile) continue;
      const evidence = l10n.t`the Dockerfile copies ${rel}, the build output of package ${pkgRel}, from the context, line ${line}`;
      return { ...(await describeProject(fs, dir, rootPkg)), evidence, copiedOutput: { dir: resolve(context, rel), line } };
    }
  }
  return undefined;
}

/** What the Dockerfile's COPYs take from the context, each path relative and normalized, with its line: not the context itself, nothing above it, no globs. */
function copiedContextPaths(df: Dockerfile): { rel: string; line: number }[] {
  return df.stages
    .flatMap((s) => s.copies)
    .filter(copiesFromContext)
    .flatMap((copy) => copy.sources.map((src) => ({ rel: posix.normalize(src).replace(/\/+$/, ''), line: copy.line })))
    .filter(({ rel }) => rel !== '.' && !rel.startsWith('..') && !posix.isAbsolute(rel) && !/[*?[]/.test(rel));
}

/**
 * A context that is no server package (a workspace whose build selects none of its packages
 * included), copied whole, whose image starts in one of its packages (`cd packages/backend && yarn start`, an entrypoint script's, the context at
 * the WORKDIR; or a WORKDIR set to one below the context's copy), or starts a file of one's output (`node redisinsight/api/dist/src/main`: the
 * nearest folder above the file's own holding a package.json): that package, when it is a server's.
 */
async function startedInPackage(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, df: Dockerfile, anyPackage: boolean): Promise<BuildProject | undefined> {
  const final = df.stages[df.stages.length - 1];
  // A final stage copying only build output keeps the layout of a stage that put the context at its WORKDIR.
  const root = final && (stageContextRoot(df, final.index, 0) ?? (df.stages.some((st) => stageContextRoot(df, st.index, 0) === final.workdir) ? final.workdir : undefined));
  if (!final || root === undefined) return undefined;
  // In a workspace, the packages its build selects decide (workspaceSelection), even when the
  // selection resolves to none (`--filter api` with two scopes having an api): not one started beside them.
  const selects = (await workspaceGlobs(fs, context, rootPkg)).length > 0 && selectedPackages(buildText(df, rootPkg?.scripts ?? {}).text).length > 0;
  const inside = (p: string) => {
    const rel = posix.relative(root, posix.resolve(final.workdir, p));
    return rel === '' || rel.startsWith('..') || posix.isAbsolute(rel) ? undefined : rel;
  };
  for (const text of startTexts(final, rootPkg?.scripts ?? {})) {
    const folders = [...text.matchAll(/\bcd\s+([\w./-]+)/g)].map((m) => inside(m[1] ?? ''));
    folders.push(...(await copiedSourcePackages(fs, context, df, final, text, inside)));
    const ranThere = new Set(ranInPackage(text).map(inside));
    // `node api/dist/src/main`: each folder above the file's own, nearest first, up to the context's
    // root (a package's build output is in a folder of its own; a file of the package folder itself,
    // `node server/server.js`, may be anything put there: a bundle of the root's build moved in).
    // In a workspace whose build selects no package (a root script `cd packages/x && swc src -d
    // dist`, lerna run build), the package holding the started file likewise.
    for (const m of selects ? [] : text.matchAll(/(?:^|[\s;&|])node\s+(?:-\S+\s+)*([\w.][\w./-]*)/g)) {
      const own = inside(posix.dirname(m[1] ?? ''));
      for (let rel = own !== undefined ? posix.dirname(own) : '.'; rel !== '.'; rel = posix.dirname(rel)) folders.push(rel);
    }
    // Last, the WORKDIR itself where it is a folder of the context (`WORKDIR /srv/app` after `COPY
    // . /srv`): a package's start command (`npm run start`) runs the package.json found there.
    if (text.trim() !== '') folders.push(inside('.'));
    for (const rel of folders) {
      if (rel === undefined) continue;
      const dir = resolve(context, rel);
      if (!(await fs.stat(join(dir, 'package.json')))?.isFile) continue;
      const project = await describeProject(fs, dir, rootPkg);
      if (project.server !== undefined) return { ...project, evidence: l10n.t`the image starts in package ${rel} (${project.server}): ${text.trim()}` };
      if (anyPackage || ranThere.has(rel)) return { ...project, evidence: l10n.t`the program starts in package ${rel}: ${text.trim()}` };
    }
  }
  return undefined;
}

/**
 * The package folders holding a file the start runs with node as the context has it (`node
 * /app/workers/index.js` after `COPY ./workers/ ./workers/`, started from another package's
 * folder): the file at the top of a package folder the Dockerfile copies by name, as it is (no
 * stage built it), so that package runs whatever folder the start is in. Read before the start's folder.
 */
async function copiedSourcePackages(fs: FsLike, context: string, df: Dockerfile, final: Stage, text: string, inside: (p: string) => string | undefined): Promise<string[]> {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[\s;&|])node\s+(?:-\S+\s+)*([\w./][\w./-]*\.[cm]?js)(?=$|[\s;&|)])/g)) {
    const written = m[1] ?? '';
    const rel = inside(written);
    const dir = rel === undefined ? '.' : posix.dirname(rel);
    // The folder copied by name (`COPY ./workers/ ./workers/`), not within the whole context (`COPY . .`, then `RUN mv dist/server.js server/`).
    if (rel === undefined || dir === '.' || !copiedContextPaths(df).some((c) => c.rel === dir) || !(await fs.stat(join(context, dir, 'package.json')))?.isFile) continue;
    const at = locateInImage(df, rel, undefined, { file: true });
    if (!at || at.fromStage || at.madeByRun || at.path !== posix.resolve(final.workdir, written)) continue;
    if ((await fs.stat(join(context, ...rel.split('/'))))?.isFile && !out.includes(dir)) out.push(dir);
  }
  return out;
}

/**
 * The folders a start command changes into to run a script of the package there (`cd apps/client
 * && pnpm start`): that package is what runs, a front end's dev server as much as a server.
 */
function ranInPackage(text: string): string[] {
  return [...text.matchAll(/\bcd\s+([\w./-]+)\s*(?:&&|;|\n)\s*(?:exec\s+)?(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?[\w:-]+/g)].map((m) => m[1] ?? '');
}

/**
 * A context that is no server package, whose final stage starts a file that another stage built
 * inside one of its packages and the final stage copied out of it (`COPY --from=builder
 * /work/mods/api/dist /home/app/api/dist` + `node /home/app/api/dist/server.js`, the builder
 * holding the context at /work), or a script the stage runs moved out of it: the nearest folder
 * above the file's own holding a package.json, below the context's root. The build of the whole
 * workspace (`lerna run build`) names no package: what the image keeps and starts does.
 */
async function startedStageOutput(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, df: Dockerfile): Promise<BuildProject | undefined> {
  // The moves a shell script of the context makes (`RUN ./build.sh`: `mv api/production/app.js out/api`) take files out of a package too.
  const [first] = await stageOutputPackages(fs, context, withRunMoves(await withRunScripts(fs, df, context)), rootPkg?.scripts ?? {});
  return first && { ...(await describeProject(fs, resolve(context, first.dir), rootPkg)), evidence: first.why };
}

/** The packages (folders relative to the context) holding files the final stage starts that it copies out of another stage's build (startedStageOutput). */
async function stageOutputPackages(fs: FsLike, context: string, df: Dockerfile, scripts: Record<string, string>): Promise<{ dir: string; why: string }[]> {
  const final = df.stages[df.stages.length - 1];
  const found: { dir: string; why: string }[] = [];
  for (const file of final ? new Set([...startedImageFiles(final), ...startedScripts(final, scripts)]) : []) {
    for (const rel of contextCandidates(df, file)) {
      const at = locateInImage(df, rel, undefined, { file: true });
      if (at?.path !== file || !at.fromStage) continue;
      for (let dir = posix.dirname(posix.dirname(rel)); dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) {
        if (!(await fs.stat(join(context, dir, 'package.json')))?.isFile) continue;
        if (!found.some((f) => f.dir === dir)) found.push({ dir, why: l10n.t`the image starts ${file}, built in package ${dir} (${at.evidence})` });
        break;
      }
    }
  }
  return found;
}

/**
 * A sub-folder's package.json copied into its stage's WORKDIR (`COPY browser/package*.json ./`,
 * then `npm install`, `npm run build` there), or the whole sub-folder (`COPY ./service ./`, then
 * `pnpm install`, and the final image starts where that folder lands): the image builds that package as its own, whatever
 * the context's root package.json holds. Only one such folder: stages that install several
 * (a front end's and a back end's) leave the choice to the other rules.
 */
async function packageCopiedToWorkdir(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, df: Dockerfile): Promise<BuildProject | undefined> {
  const final = df.stages[df.stages.length - 1];
  // What the image starts, through the root's scripts too (`npm start` running `node dist/server.js`).
  const started = final ? startedThroughScripts(final, rootPkg?.scripts ?? {}) : undefined;
  const found = await packagesCopiedToWorkdirs(fs, context, df, final, df.stages, started);
  // Packages of several stages (front ends built in stages of their own, `COPY client/. .`, their
  // output copied into the image): the one the running stage, or a stage it is FROM, copies in is what runs.
  const running = found.size > 1 && final ? await packagesCopiedToWorkdirs(fs, context, df, final, stageChain(df.stages, final), started) : found;
  const chosen = running.size === 1 ? running : found;
  const [only] = chosen;
  if (chosen.size !== 1 || !only) return undefined;
  return { ...(await describeProject(fs, resolve(context, only[0]), rootPkg)), evidence: only[1] };
}

/**
 * Whether `stage` is an earlier stage whose files the image's last stage takes (`COPY --from=build`)
 * when that last stage only serves files: FROM a static file server's image (nginx, Caddy, httpd),
 * no stage of the Dockerfile, so what runs there is no server package of the context.
 */
function copiedFromByFinal(stage: Stage, final: Stage): boolean {
  const repository = final.from.split('@')[0]?.replace(/:[^/]*$/, '').split('/').pop() ?? '';
  if (final.baseStage !== undefined || !STATIC_SERVER_IMAGE.test(repository)) return false;
  return stage !== final && final.copies.some((c) => c.from !== undefined && (c.from === stage.name || c.from === String(stage.index)));
}

/** Static file servers' images, by repository: nginx, its unprivileged build, OpenResty, Caddy, Apache httpd, lighttpd. */
const STATIC_SERVER_IMAGE = /^(?:nginx|nginx-unprivileged|openresty|caddy|httpd|lighttpd)$/;

/** The context's packages `stages` copy into their WORKDIR (their manifest, or the whole folder where the image starts), with the evidence of each. */
async function packagesCopiedToWorkdirs(fs: FsLike, context: string, df: Dockerfile, final: Stage | undefined, stages: readonly Stage[], started?: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const stage of stages) {
    if (final && (!holdsStartedFile(df, stage, final, started) || takesOnlyDependencies(df, stage, final))) continue;
    for (const copy of stage.copies) {
      // `COPY worker/package.json package.json` names the manifest's place in the WORKDIR, as `./` does, where the image runs
      // (a workspace root's manifest copied so, the image running in a package folder below it, is not that package).
      const manifestNamed = copy.sources.length === 1 && copy.dest === posix.join(stage.workdir, 'package.json') && final?.workdir === stage.workdir;
      if (copy.from !== undefined || copy.byRun !== undefined || (copy.dest !== stage.workdir && !manifestNamed)) continue;
      for (const src of copy.sources) {
        // `COPY worker/package*.json ./`, or the whole package folder where the image starts: `COPY ./service ./`.
        const manifestOf = /^(?:\.\/)?([^*?[]+)\/package(?:\*)?\.json$/.exec(src)?.[1];
        if (manifestNamed && manifestOf === undefined) continue;
        const named = manifestOf ?? (/[*?[]/.test(src) ? undefined : src);
        // `COPY service/. .` copies the folder's contents, as `COPY service .` does.
        const rel = named === undefined ? undefined : posix.normalize(named).replace(/\/+$/, '');
        if (rel === undefined || rel === '.' || rel === '' || rel.startsWith('..') || posix.isAbsolute(rel) || found.has(rel)) continue;
        // The whole folder: where the image starts, or where an earlier stage builds it whose files the
        // image takes (`COPY ./client /app` then `npm run build` in a build stage, `COPY --from=build
        // /app/dist /usr/share/nginx/html` in the nginx stage it ends with).
        if (manifestOf === undefined && (final === undefined || (locateInImage(df, rel)?.path !== final.workdir && !copiedFromByFinal(stage, final)))) continue;
        if ((await fs.stat(join(resolve(context, rel), 'package.json')))?.isFile) found.set(rel, l10n.t`the Dockerfile copies ${src} into its WORKDIR ${stage.workdir}, line ${copy.line}: the image builds package ${rel}`);
      }
    }
  }
  return found;
}

/**
 * Whether what `stage` builds can be what the final image starts: always, unless the final stage
 * starts known files (`node dist/server.js`) and takes this earlier stage's files only by COPYs
 * that put none of them in place (an admin panel's stage, `COPY --from=admin /app/admin/dist
 * ./admin/dist`, beside the server it does not start).
 */
function holdsStartedFile(df: Dockerfile, stage: Stage, final: Stage, started = startedImageFiles(final)): boolean {
  if (started.length === 0 || stage === final) return true;
  for (let s: Stage | undefined = final; s?.baseStage !== undefined; s = df.stages[s.baseStage]) if (s.baseStage === stage.index) return true;
  const taken = final.copies.filter((c) => c.from !== undefined && (c.from === stage.name || c.from === String(stage.index)));
  return taken.length === 0 || taken.some((c) => started.some((f) => isAtOrInside(c.dest, f, '/')));
}

/** The files the final stage starts in the image, those the context root's scripts its start runs name included (`npm start` -> `node dist/server.js`). */
function startedThroughScripts(final: Stage, scripts: Record<string, string>): string[] {
  return [...new Set(startTexts(final, scripts).flatMap((start) => startedImageFiles({ ...final, start })))];
}

/**
 * Whether the final stage takes from `stage` nothing but installed dependencies (`COPY
 * --from=builder /usr/src/app/node_modules/better-sqlite3 ...`, a native module built there from a
 * manifest of its own): the package copied into that stage's WORKDIR is installed from, not built,
 * so it is not the image's project. A final stage built FROM that stage holds all of it.
 */
function takesOnlyDependencies(df: Dockerfile, stage: Stage, final: Stage): boolean {
  if (stage === final) return false;
  for (let s: Stage | undefined = final; s?.baseStage !== undefined; s = df.stages[s.baseStage]) if (s.baseStage === stage.index) return false;
  const taken = final.copies.filter((c) => c.from !== undefined && (c.from === stage.name || c.from === String(stage.index)));
  return taken.length > 0 && taken.every((c) => c.sources.every((src) => /(?:^|\/)node_modules(?:\/|$)/.test(src)));
}

/**
 * A context that is neither a server package nor a workspace, holding packages side by side that
 * are each installed on their own (`COPY ./server /app/server/`, `COPY ./collector/ ./collector/`):
 * the first server package the Dockerfile copies from the context, one that renders pages last.
 */
async function copiedServerPackage(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, df: Dockerfile): Promise<BuildProject | undefined> {
  const servers: BuildProject[] = [];
  for (const { rel, line } of copiedContextPaths(df)) {
    const dir = resolve(context, rel);
    if (servers.some((p) => p.dir === dir) || !(await fs.stat(join(dir, 'package.json')))?.isFile) continue;
    const project = await describeProject(fs, dir, rootPkg);
    if (project.server) servers.push({ ...project, evidence: l10n.t`the Dockerfile copies server package ${rel} (${project.server}) from the context, line ${line}` });
  }
  return servers.sort((a, b) => Number(rendersPages(a)) - Number(rendersPages(b)))[0];
}

async function describeProject(fs: FsLike, dir: string, rootPkg: PackageInfo | undefined): Promise<BuildProject> {
  const own = await readPackage(fs, dir);
  const pkg = own ?? rootPkg;
  const project: BuildProject = { dir };
  if (pkg) project.pkg = pkg;
  const nx = await readNxProject(fs, dir);
  if (nx) {
    project.nx = nx.config;
    project.nxFile = nx.file;
  }
  const nestCli = await readJsonObject(fs, join(dir, 'nest-cli.json'));
  if (nestCli) project.nestCli = nestCli;
  // A workspace package that declares no dependencies of its own (they sit in the root
  // package.json, for every package alike) is told a server by its nest-cli.json only.
  const framework = SERVER_FRAMEWORKS.find((f) => f in (pkg?.deps ?? {}));
  if (framework) project.server = l10n.t('package.json depends on {0}', framework);
  else if (nestCli) project.server = 'nest-cli.json';
  // An Nx project without a package.json of its own shares the root's dependencies: its build
  // executor tells a front end (built for the browser) from a server.
  const executor = objectField(objectField(project.nx, 'targets'), 'build')['executor'];
  if (!own && typeof executor === 'string' && BROWSER_EXECUTOR.test(executor)) delete project.server;
  return project;
}

/**
 * A Nest CLI monorepo (nest-cli.json `projects`) builds one app per command: `nest build auth`, or
 * `pnpm run build auth` through a script that runs `nest build`; an image building none starts one
 * (`nest start auth`, `npm run start:dev auth` through a script running `nest start --watch`), by
 * the compose service's command or the image's own. The app the Dockerfile builds (of several built,
 * the one started, else the first), else the one started, speaks for the nest-cli.json: its
 * sourceRoot, and its compilerOptions (tsConfigPath) over the workspace's (webpack). Without such a
 * command the workspace's default app stands.
 */
function nestCliAppBuilt(project: BuildProject, df: Dockerfile, command?: string[]): BuildProject {
  const apps = objectField(project.nestCli, 'projects');
  if (Object.keys(apps).length === 0) return project;
  const scripts = project.pkg?.scripts ?? {};
  const appsOf = (line: string, verb: NestVerb) =>
    line.split(/&&|\|\||[;|\n]/).flatMap((c) => nestCommandArgs(c, scripts, verb)).filter((a) => Object.hasOwn(apps, a) && objectField(apps, a)['type'] !== 'library');
  const appOf = (line: string, verb: NestVerb) => appsOf(line, verb)[0];
  const chosen = (name: string, why: string): BuildProject => {
    const app = objectField(apps, name);
    const nestCli: Record<string, unknown> = { ...project.nestCli, compilerOptions: { ...objectField(project.nestCli, 'compilerOptions'), ...objectField(app, 'compilerOptions') } };
    if (typeof app['sourceRoot'] === 'string') nestCli['sourceRoot'] = app['sourceRoot'];
    return { ...project, nestCli, evidence: project.evidence ? `${project.evidence}; ${why}` : why };
  };
  const start = command !== undefined ? command.join(' ') : df.stages[df.stages.length - 1]?.start;
  const started = start !== undefined ? appOf(start, 'start') : undefined;
  // A build of several apps (`nest build api && nest build worker`) serves the one started, else its first.
  const built = df.stages.flatMap((s) => s.runs).flatMap((run) => appsOf(run.command, 'build').map((name) => ({ name, line: run.line })));
  const pick = built.find((b) => b.name === started) ?? built[0];
  if (pick !== undefined) return chosen(pick.name, l10n.t`Nest CLI app ${pick.name} of nest-cli.json's projects, built at Dockerfile line ${pick.line}`);
  return started !== undefined ? chosen(started, l10n.t`Nest CLI app ${started} of nest-cli.json's projects, started by ${start ?? ''}`) : project;
}

/**
 * The words after `nest build` (also the CLI run as a file, `node node_modules/@nestjs/cli/bin/nest.js
 * build community`), or after a package manager's run of a script that runs `nest build`: the
 * words given to the run, and those of the script's own `nest build X` (`"deploy:community": "nest
 * build community && mv apps/community/dist dist"`). The same for `nest start`.
 */
function nestCommandArgs(command: string, scripts: Record<string, string>, verb: NestVerb, depth = 0): string[] {
  const words = (rest: string | undefined) => (rest ?? '').split(/\s+/).filter((w) => w !== '' && !w.startsWith('-'));
  const direct = NEST_COMMAND[verb].exec(command);
  if (direct) return words(direct[1]);
  const viaScript = scriptRun(command);
  const script = viaScript !== undefined ? scripts[viaScript.name] : undefined;
  if (script === undefined || depth > 2 || !(NEST_COMMAND[verb].test(script) || /\b(?:npm|pnpm|yarn|bun)\s/.test(script))) return [];
  const own = script.split(/&&|\|\||[;|\n]/).flatMap((c) => nestCommandArgs(c, scripts, verb, depth + 1));
  return NEST_COMMAND[verb].test(script) ? [...words(viaScript?.rest), ...own] : own;
}

type NestVerb = 'build' | 'start';
const NEST_COMMAND: Record<NestVerb, RegExp> = { build: /\bnest(?:\.js)?\s+build\b(.*)/, start: /\bnest(?:\.js)?\s+start\b(.*)/ };


/** An Nx project.json with a build target in the Dockerfile's folder or one above it, inside the context. */
async function nxProjectBeside(fs: FsLike, context: string, dockerfile: string): Promise<{ dir: string; evidence: string } | undefined> {
  for (const dir of foldersUpTo(dirname(dockerfile), context)) {
    const project = await readJsonObject(fs, join(dir, 'project.json'));
    if (project && 'build' in objectField(project, 'targets')) {
      return { dir, evidence: l10n.t`Nx project ${relative(context, join(dir, 'project.json')) || 'project.json'} (beside the Dockerfile) builds the image's output` };
    }
  }
  return undefined;
}

/**
 * Package managers' and monorepo tools' ways of naming the packages a command runs in. `folder`:
 * the option names the package's folder, not the package (`pnpm -C apps/core run bundle`).
 */
const SELECTORS: readonly { tool: RegExp; names: RegExp; folder?: true }[] = [
  { tool: /\bpnpm\b/, names: /(?:--filter(?:=|\s+)|-F\s*)(['"]?)([^\s'"]+)\1/g },
  // The folder a package manager runs in: pnpm's -C/--dir, npm's --prefix, yarn's --cwd.
  // https://pnpm.io/pnpm-cli#-c-path---dir-path https://docs.npmjs.com/cli/using-npm/config#prefix
  { tool: /\bpnpm\b/, names: /(?:(?<=\s)-C\s*|--dir(?:=|\s+))(['"]?)([^\s'"-][^\s'"]*)\1/g, folder: true },
  { tool: /\bnpm\b/, names: /--prefix(?:=|\s+)(['"]?)([^\s'"-][^\s'"]*)\1/g, folder: true },
  { tool: /\byarn\b/, names: /--cwd(?:=|\s+)(['"]?)([^\s'"-][^\s'"]*)\1/g, folder: true },
  // `yarn build --filter=x`: a root script running turbo, which takes the filter.
  { tool: /\b(?:npm|yarn)\b/, names: /(?:--workspace(?:=|\s+)|-w\s+|--filter(?:=|\s+))(['"]?)([^\s'"]+)\1/g },
  { tool: /\byarn\b/, names: /\bworkspace\s+(['"]?)([^\s'"]+)\1/g },
  // Yarn 2+ `yarn workspaces foreach --include packages/web run build`: a workspace by name or path. https://yarnpkg.com/cli/workspaces/foreach
  { tool: /\byarn\s+workspaces\s+foreach\b/, names: /--include(?:=|\s+)(['"]?)([^\s'"*]+)\1/g },
  // turbo's -F is --filter's short form: `turbo build -F @acme/web`. https://turborepo.com/docs/reference/run#--filter-string
  { tool: /\bturbo\b/, names: /(?:--filter(?:=|\s+)|(?<![\w-])-F\s*)(['"]?)([^\s'"]+)\1/g },
  // `turbo prune api --docker`, `turbo prune --scope=api`: the package the pruned workspace is for.
  { tool: /\bturbo\b/, names: /\bprune\s+(?:--scope(?:=|\s+))?(['"]?)([^\s'"-][^\s'"]*)\1/g },
  { tool: /\bnx\b/, names: /\b(?:build\s+|run\s+)(['"]?)([\w@./-]+?)\1(?::build\b|\s|$)/g },
  // The Angular CLI, which ran an Nx workspace's targets before Nx 11 (angular.json): `ng build api --prod`, `ng run api:build`.
  // https://angular.dev/cli/build https://angular.dev/cli/run
  { tool: /(?:^|[\s/])ng\s+(?:build|run)\b/, names: /(?<=(?:^|[\s/])ng\s+)(?:build\s+|run\s+)(['"]?)([\w@.][\w@./-]*?)\1(?::build\b|\s|$)/g },
  // Bun's workspaces: `bun run --filter web build` (a name or a path; -F short), `bun run --cwd apps/api build` (a folder).
  // https://bun.sh/docs/cli/filter https://bun.sh/docs/cli/run
  { tool: /\bbun\b/, names: /(?:--filter(?:=|\s+)|(?<![\w-])-F\s*)(['"]?)([^\s'"]+)\1/g },
  { tool: /\bbun\b/, names: /--cwd(?:=|\s+)(['"]?)([^\s'"-][^\s'"]*)\1/g, folder: true },
];

/** `first` when it holds any, else what `then` gives. */
async function orElse<T>(first: T[], then: () => Promise<T[]>): Promise<T[]> {
  return first.length > 0 ? first : then();
}

/**
 * Why the first of workspaceSelection's answers chose a package: the image starts a file of one Nx
 * project's build output (`node dist/apps/api/main.js`), that project whatever else the build
 * selects; the service runs one project's Nx target (`nx run api:serve`, `nx serve api`), that
 * project whatever the image built; the image starts one of the packages the build selects.
 */
function startedHow(kind: 'nxOutput' | 'nxRun' | 'selected'): (pkg: string) => string {
  if (kind === 'nxOutput') return (pkg) => l10n.t('the image starts the Nx build output of workspace package {0}', pkg);
  if (kind === 'nxRun') return (pkg) => l10n.t('the service runs an Nx target of workspace package {0}', pkg);
  return (pkg) => l10n.t('the image starts workspace package {0}, one of those the build selects', pkg);
}

/** Nx's own commands, which take no `<target> <project>` (https://nx.dev/reference/nx-commands). */
const NX_COMMANDS = new Set(['run', 'run-many', 'affected', 'graph', 'dep-graph', 'reset', 'format', 'format:check', 'format:write', 'generate', 'g', 'migrate', 'list', 'report', 'show', 'init', 'add', 'release', 'sync', 'sync:check', 'watch', 'exec', 'daemon', 'connect', 'connect-to-nx-cloud', 'view-logs', 'repair', 'import', 'login', 'logout', 'mcp', 'print-affected', 'configure-ai-agents']);
/** Nx's program: `nx`, or its script run by node (`node_modules/nx/bin/nx.js`). */
const NX_PROGRAM = String.raw`\bnx(?:\.[cm]?js)?\s+`;
/** `nx run [options] <project>:<target>[:<configuration>]`. */
const NX_RUN = new RegExp(`${NX_PROGRAM}run\\s+(?:--?[\\w-]+(?:=\\S+)?\\s+)*['"]?([\\w@./-]+):([\\w-]+)(?::([\\w-]+))?`);
/** `nx <target> [options] <project>`. */
const NX_TARGET = new RegExp(`${NX_PROGRAM}([\\w:-]+)\\s+(?:--?[\\w-]+(?:=\\S+)?\\s+)*['"]?([\\w@./-]+)`);

/** An Nx target a command runs: `nx run api:serve:development` -> project api, target serve, configuration development. */
export interface NxRun {
  project: string;
  target: string;
  configuration?: string;
}

/**
 * The Nx targets a start command runs: `nx run api:serve:development` (options before it skipped),
 * `nx serve api`, `nx dev www` (`nx <target> <project>`, any target), Nx run as node's script too;
 * `nx run-many` and Nx's other commands aside. https://nx.dev/reference/nx-commands#run
 */
export function nxRunTargets(text: string): NxRun[] {
  const found: NxRun[] = [];
  for (const command of text.split(/&&|\|\||[;&|\n]/)) {
    const run = NX_RUN.exec(command);
    const short = run ? undefined : NX_TARGET.exec(command);
    if (run) found.push({ project: run[1] as string, target: run[2] as string, ...(run[3] !== undefined ? { configuration: run[3] } : {}) });
    else if (short && !NX_COMMANDS.has(short[1] as string) && !(short[2] as string).startsWith('-')) found.push({ project: short[2] as string, target: short[1] as string });
  }
  return found;
}

/** The Nx projects a start command runs a target of (nxRunTargets). */
export function nxRunProjects(text: string): string[] {
  return [...new Set(nxRunTargets(text).map((r) => r.project))];
}

/** Every package the text selects, in the order written (each command of it read apart). */
export function selectedPackages(text: string): string[] {
  const found: string[] = [];
  for (const command of text.split(/&&|\|\||[;&|\n]/)) {
    const hits: { at: number; name: string }[] = [];
    for (const { tool, names, folder } of SELECTORS) {
      if (!tool.test(command)) continue;
      for (const m of command.matchAll(names)) if (m[2]) hits.push({ at: m.index ?? 0, name: folder && !/^[./]/.test(m[2]) ? `./${m[2]}` : m[2] });
    }
    found.push(...hits.sort((a, b) => a.at - b.at).map((h) => bareSelector(h.name)));
  }
  return [...new Set(found)];
}

/** What workspaceSelection has found when it asks for the later answers. */
interface SelectionFacts {
  fs: FsLike;
  df: Dockerfile;
  context: string;
  scripts: Record<string, string>;
  packages: Map<string, string>;
  runs: string[];
  selected: string[];
  packagesAt: (selectors: string[]) => Promise<BuildProject[]>;
  servers: (selectors: string[]) => Promise<BuildProject[]>;
}

/**
 * workspaceSelection's later answers, tried in order when no package the build selects or copies
 * is a server: the first that finds a package, with the sentence that says why.
 */
async function laterChoice(f: SelectionFacts): Promise<{ chosen: BuildProject[]; how: (pkg: string) => string }> {
  const { fs, df, context, scripts, packages, runs, selected, packagesAt, servers } = f;
  const tiers: Array<[() => Promise<BuildProject[]>, (pkg: string) => string]> = [
    [async () => servers(await startPackageDirs(fs, df, context, scripts, packages)), (pkg) => l10n.t('the image starts in workspace package {0}', pkg)],
    [async () => packagesAt(await builtOutputsInImage(fs, df, context, packages, true)), (pkg) => l10n.t('the image starts the Nx build output of workspace package {0}', pkg)],
    [async () => servers(await builtOutputsInImage(fs, df, context, packages)), (pkg) => l10n.t('the image holds the Nx build output of workspace package {0}', pkg)],
    // No package depends on a server framework (a worker with a health server of node:http, a
    // Next.js app): the package the COPY lines name whose file the image starts (`COPY --from=build
    // /app/apps/workflows/dist ./apps/workflows/dist` + `CMD node apps/workflows/dist/server.cjs`),
    // before one `pnpm deploy` copies out beside it (a worker deployed next to the started
    // `node apps/web/server.js` of a Next.js standalone output).
    [
      async () => {
        const copied = copiedPackageDirs(df, context, packages);
        return packagesAt((await startPackageDirs(fs, df, context, scripts, packages, true)).filter((d) => copied.includes(d)));
      },
      (pkg) => l10n.t('the image starts a file of workspace package {0}', pkg),
    ],
    // No server, no started file: the package the image starts in (its WORKDIR, a `cd`) when the
    // start command runs a dev server there through that package's own scripts (WORKDIR
    // /app/apps/web + `pnpm run dev` -> `next dev`): it serves that package's source as copied.
    [
      async () => {
        const final = df.stages[df.stages.length - 1];
        const started = final ? await packagesAt(await startPackageDirs(fs, df, context, scripts, packages)) : [];
        return started.filter((p) => final !== undefined && startedDevServer(final, p.pkg?.scripts ?? {}) !== undefined);
      },
      (pkg) => l10n.t('the image starts a dev server in workspace package {0}', pkg),
    ],
    // No package depends on a server framework and the image starts no file of a copied one: the
    // one `pnpm deploy` copies out of the workspace is what the image runs.
    [async () => packagesAt(deployedPackages(runs)), (pkg) => l10n.t('the Dockerfile deploys workspace package {0}', pkg)],
    // No server at all: a front end the build selects (`pnpm --filter web exec vite build`, its
    // dist served by nginx or Caddy) is the image's code, not the workspace root as it is.
    [async () => (await packagesAt(selected)).filter(rendersPages), (pkg) => l10n.t("the Dockerfile's build selects workspace package {0}", pkg)],
  ];
  for (const [find, how] of tiers) {
    const chosen = await find();
    if (chosen.length > 0) return { chosen, how };
  }
  return { chosen: [], how: (pkg) => pkg };
}

/**
 * The front end an image running no JavaScript serves: the one the build selects (`npm run
 * build:public` in its folder), else, for a build over the whole workspace (`lerna run build`,
 * `turbo run build`) that selects none by name, the one whose folder the final stage copies out
 * of a build stage (`COPY --from=build /app/packages/web/dist /usr/share/nginx/html`; a dist built
 * before docker build and copied from the context is another rule's).
 */
async function servedFrontEnd(packagesAt: (selectors: string[]) => Promise<BuildProject[]>, selected: string[], copiedToFinal: string[]): Promise<{ chosen: BuildProject[]; how: (pkg: string) => string }> {
  const chosen = (await packagesAt(selected)).filter(rendersPages);
  const copied = (await packagesAt(copiedToFinal)).filter(rendersPages);
  const servedHow = (pkg: string) => l10n.t('the image serves the build output of workspace package {0}, a front end, without running JavaScript', pkg);
  // Several front ends built (a component library first, then the app): the one whose output the final stage copies.
  const served = chosen.length > 1 ? chosen.filter((p) => copied.some((c) => c.dir === p.dir)) : [];
  if (served.length > 0) return { chosen: served, how: servedHow };
  if (chosen.length > 0) return { chosen, how: (pkg) => l10n.t("the Dockerfile's build selects workspace package {0}, a front end the image serves without running JavaScript", pkg) };
  return { chosen: copied, how: servedHow };
}

/** The package folder's JavaScript / TypeScript sources are all at its top (none in a folder of it but node_modules, tests, dist). */
async function onlyTopLevelSources(fs: FsLike, dir: string): Promise<boolean> {
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (name === 'node_modules' || name.startsWith('.') || /^(?:tests?|__tests__|dist|build|lib)$/.test(name)) continue;
    if (isSourceFileName(name) || !(await fs.stat(join(dir, name)))?.isDirectory) continue;
    if ((await fs.readdir(join(dir, name)).catch(() => [] as string[])).some(isSourceFileName)) return false;
  }
  return true;
}

/**
 * The image starts in (or starts a file of) one package that is no server itself but is built on
 * workspace packages that are. Run as copied, with no build of its own, it only launches them
 * (WORKDIR /app/services/pds + `node index.ts` importing @atproto/pds): they are the server's code,
 * or its one workspace dependency when none depends on a framework. Compiled, it is the app that
 * composes them (`node service/lib/entry.js`): the project itself. Several started packages (a run
 * over the workspace, `turbo run dev`, starts every package's script) say nothing.
 */
async function builtOnServers(
  started: BuildProject[],
  packages: Map<string, string>,
  f: Pick<SelectionFacts, 'fs' | 'packagesAt' | 'servers'>,
): Promise<{ chosen: BuildProject[]; how: (pkg: string) => string } | undefined> {
  const [p] = started;
  if (started.length !== 1 || p === undefined || p.server !== undefined) return undefined;
  const deps = Object.keys(p.pkg?.deps ?? {}).filter((d) => d !== p.pkg?.name && packages.has(d));
  const depServers = await f.servers(deps);
  if (p.pkg?.scripts['build'] !== undefined)
    return depServers.length > 0 ? { chosen: [p], how: (pkg) => l10n.t('the image starts workspace package {0}, built on workspace packages that serve', pkg) } : undefined;
  // A launcher is a few files at the package's top; a package with source folders of its own (a
  // Slack bot's agent/ beside its app.js) is an app, whatever its dependencies.
  if (!(await onlyTopLevelSources(f.fs, p.dir))) return undefined;
  const chosen = depServers.length > 0 ? depServers : deps.length === 1 ? await f.packagesAt(deps) : [];
  return chosen.length > 0 ? { chosen, how: (pkg) => l10n.t('the image starts in a package that only launches workspace package {0}', pkg) } : undefined;
}

/**
 * A root script the build runs (`named`: the scripts its RUN lines name) runs a script file
 * bundling one workspace package's entry (`bun scripts/build.backend.ts` calling `Bun.build({
 * entrypoints: [path.join(ROOT, 'packages/backend/src/app.ts')] })`): that package is the image's.
 */
async function bundledByRootScript(
  fs: FsLike,
  context: string,
  rootPkg: PackageInfo | undefined,
  named: readonly string[],
  packages: Map<string, string>,
): Promise<{ chosen: BuildProject[]; how: (pkg: string) => string } | undefined> {
  const ran = named.filter((n) => Object.hasOwn(rootPkg?.scripts ?? {}, n));
  if (ran.length === 0) return undefined;
  const bundle = await findScriptedBundle(fs, { dir: context, ...(rootPkg ? { pkg: rootPkg } : {}) }, new RegExp(`^(?:${ran.map(escapeRegExp).join('|')})$`), [], context);
  const owners = [...new Set(bundle?.entries.flatMap((e) => [...new Set(packages.values())].filter((d) => isAtOrInside(d, e))) ?? [])];
  const [owner] = owners;
  if (owners.length !== 1 || owner === undefined || !bundle) return undefined;
  return { chosen: [await describeProject(fs, owner, rootPkg)], how: (pkg) => l10n.t('the build runs {0} ({1} in {2}), which bundles an entry of workspace package {3}', bundle.script, bundle.tool, bundle.file, pkg) };
}

/**
 * In a workspace root, the first package the Dockerfile's build selects that is a server (a
 * front end built beside it is not the service's code). The text read is each RUN line and
 * the root package.json scripts those lines run.
 */
async function workspaceSelection(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, df: Dockerfile, command: string[] | undefined): Promise<BuildProject | undefined> {
  const globs = await workspaceGlobs(fs, context, rootPkg);
  if (globs.length === 0) return undefined;
  const runs = df.stages.flatMap((s) => s.runs.map((r) => r.command));
  const scripts = rootPkg?.scripts ?? {};
  const { named, text } = buildText(df, scripts);
  const packages = await workspacePackages(fs, context, globs);
  const selected = [...new Set([...selectedPackages(text), ...packagesBuiltIn(df, context, packages)])];
  const packagesAt = async (selectors: string[]): Promise<BuildProject[]> => {
    const found: BuildProject[] = [];
    for (const sel of selectors) {
      const dir = sel.startsWith('.') || (sel.includes('/') && !sel.startsWith('@')) ? resolve(context, sel) : (packages.get(sel) ?? byNameWithoutScope(packages, sel));
      if (dir !== undefined && (await fs.stat(dir))?.isDirectory) found.push(await describeProject(fs, dir, rootPkg));
    }
    return found;
  };
  const servers = async (selectors: string[]): Promise<BuildProject[]> => (await packagesAt(selectors)).filter((p) => p.server !== undefined);
  // No server package named by a command (none, or a library: `pnpm -F db prisma generate`): the packages whose folders the COPY lines name.
  const selectedProjects = await packagesAt(selected);
  const nxStarted = await packagesAt(await builtOutputsInImage(fs, df, context, packages, true, scripts));
  // (And the packages the stage's start command names: `pnpm --filter=app start`; one Nx project's target it runs: `nx run api:serve`.)
  const startText = startTexts(df.stages[df.stages.length - 1], scripts, command).join('\n');
  const startedByName = await packagesAt(selectedPackages(startText));
  const nxRun = nxStarted.length === 1 ? [] : await packagesAt(nxRunProjects(startText));
  let chosen = nxStarted.length === 1 ? nxStarted : nxRun.length === 1 ? nxRun : await orElse(await startedOfSelected(selectedProjects, startedByName), async () => builtFileOfOnlySelected(selectedProjects, await startedBuildOutputs(fs, df, context, scripts, command), servers, packages));
  let how = startedHow(nxStarted.length === 1 ? 'nxOutput' : nxRun.length === 1 ? 'nxRun' : 'selected');
  let startedIn: BuildProject | undefined;
  if (chosen.length === 0) ({ chosen, how } = (await startedByCd(df, scripts, packages, context, packagesAt)) ?? (await startedFileOfSelected(fs, df, { context, rootPkg }, scripts, packages, selectedProjects)) ?? namedByStartOnly(selected, startedByName) ?? { chosen, how });
  if (chosen.length === 0) ({ chosen, how } = await deployedOrSelectedServers(df, packagesAt, async () => servers(selected)));
  // A front end the build selects for an image running no JavaScript (nginx serving the files), not a library beside it using a server
  // framework; unless the image holds a server package's folder (`COPY --from=build /app/server/bin ./server/bin`: an executable).
  const final = df.stages[df.stages.length - 1];
  const holdsServer = async (stage: Stage) => (await servers(copiedPackageDirs({ ...df, stages: [stage] }, context, packages))).length > 0;
  if (chosen.length === 0 && final && !startTexts(final, scripts, command).some((t) => JS_RUNNER.test(t)) && !(await holdsServer(final))) {
    ({ chosen, how } = await servedFrontEnd(packagesAt, selected, copiedPackageDirs({ ...df, stages: [{ ...final, copies: final.copies.filter((c) => c.from !== undefined) }] }, context, packages)));
  }
  if (chosen.length === 0) ({ chosen, how } = (await builtOnServers(await packagesAt(await startPackageDirs(fs, df, context, scripts, packages, true)), packages, { fs, packagesAt, servers })) ?? { chosen, how });
  if (chosen.length === 0) {
    // The COPY lines name every package the server needs (a library using hono too): the one the
    // image starts in comes first.
    const started = new Set([...(await startPackageDirs(fs, df, context, scripts, packages)), ...(await stageOutputPackages(fs, context, df, scripts)).map((p) => p.dir)].map((d) => resolve(context, d)));
    chosen = (await servers(copiedPackageDirs(df, context, packages))).sort((a, b) => Number(started.has(b.dir)) - Number(started.has(a.dir)));
    if (chosen.length > 1 && started.has(chosen[0]?.dir ?? '')) {
      startedIn = chosen[0];
      how = (pkg) => l10n.t('the Dockerfile copies workspace package {0}, the one the image starts in', pkg);
    }
  }
  if (chosen.length > 1 && startedIn === undefined) {
    // A library using the framework built beside the server (`pnpm run --filter=./cdn-server/cdn
    // --filter=./cdn-server build`): the package `pnpm deploy` copies out of the workspace is what runs.
    const deployed = new Set((await packagesAt(deployedPackages(runs))).map((p) => p.dir));
    startedIn = chosen.find((p) => deployed.has(p.dir));
    if (startedIn) how = (pkg) => l10n.t('the Dockerfile deploys workspace package {0}, one of those the build selects', pkg);
  }
  if (chosen.length === 0) ({ chosen, how } = (await bundledByRootScript(fs, context, rootPkg, named, packages)) ?? { chosen, how });
  if (chosen.length === 0) ({ chosen, how } = await laterChoice({ fs, df, context, scripts, packages, runs, selected, packagesAt, servers }));
  // A package that renders pages (a Next.js app with a custom express server) comes after one
  // that only serves: the API server is the service's code when both are built. The package the
  // image starts in stays first: a library beside it that depends on the framework is not what runs.
  const rank = (p: BuildProject): number => (p === startedIn ? -1 : Number(rendersPages(p)));
  chosen.sort((a, b) => rank(a) - rank(b));
  const first = chosen[0];
  if (!first) return undefined;
  const others = chosen.slice(1).map((p) => relative(context, p.dir));
  first.evidence =
    how(relative(context, first.dir)) +
    (first.server !== undefined ? ` (${first.server})` : '') +
    (others.length ? l10n.t('; it also builds {0} (x-runtime-drift.source chooses another)', others.join(', ')) : '');
  return first;
}

/** The Dockerfile's RUN commands and the root scripts they run by name (`npm run build`): what selects the packages built. */
function buildText(df: Dockerfile, scripts: Record<string, string>): { named: string[]; text: string } {
  const runs = df.stages.flatMap((s) => s.runs.map((r) => r.command));
  const named = runs.flatMap((r) => scriptsRun(r));
  return { named, text: [...runs, ...named.filter((n) => n in scripts).map((n) => `${scripts[n]}`)].join('\n') };
}

/**
 * Workspace packages a RUN builds in, having `cd`ed or set its WORKDIR to the package's folder
 * where the stage put the context (`RUN cd apps/server && yarn tsc`): `./apps/server` selectors.
 */
function packagesBuiltIn(df: Dockerfile, context: string, packages: Map<string, string>): string[] {
  const dirs = new Set(packages.values());
  return runCommandsInContext(df)
    .filter((r) => r.dir !== '' && BUILD_COMMAND.test(r.command) && dirs.has(resolve(context, r.dir)))
    .map((r) => `./${r.dir}`);
}

/**
 * A start command running JavaScript: Node, a package manager's script, Bun, Deno. Not a question
 * of buildCommands.ts (does a command build, or run a package script by name): whether the image
 * runs JavaScript at all, where one starting none (caddy, nginx, an executable) serves built files
 * or a server packed into an executable. So any package manager counts here, whatever it runs, and
 * pm2, Node's process manager (`pm2 start dist/index.js`, `pm2-runtime ecosystem.config.js`).
 */
export const JS_RUNNER = /(?:^|[\s;&|/])(?:node|nodejs|nodemon|npm|npx|pnpm|yarn|bun|bunx|deno|tsx|ts-node|pm2|pm2-runtime|pm2-docker)(?:\s|$)/;

/** UI libraries a package renders pages with. */
const UI_LIBRARIES = ['react-dom', 'vue', 'svelte', '@angular/core', 'solid-js', 'preact'];

function rendersPages(project: BuildProject): boolean {
  return UI_LIBRARIES.some((d) => d in (project.pkg?.deps ?? {}));
}

/**
 * pnpm's `--filter api` picks `@scope/api` when no package is named `api` and one scope alone
 * has it (https://pnpm.io/filtering): two scoped packages of that name pick nothing.
 */
function byNameWithoutScope(packages: Map<string, string>, name: string): string | undefined {
  const hits = [...packages.entries()].filter(([pkg]) => pkg.startsWith('@') && pkg.slice(pkg.indexOf('/') + 1) === name);
  return hits.length === 1 ? hits[0]?.[1] : undefined;
}

/**
 * Nx projects whose build output (project.json build `outputPath` or the webpack config's, nxOutput.ts) the
 * image holds: after a build of every project (`nx run-many -t build`) and `COPY --from=build
 * /app/dist ./dist`, the projects are told apart by what was built, not by a name.
 */
async function builtOutputsInImage(fs: FsLike, df: Dockerfile, context: string, packages: Map<string, string>, started = false, scripts: Record<string, string> = {}): Promise<string[]> {
  const final = df.stages[df.stages.length - 1];
  // With `started`, only the output holding a file the image starts (`CMD node ./dist/apps/server/main.js`, or a root script running it: `CMD pnpm start:prod`).
  const startedFiles = started && final ? startTexts(final, scripts).flatMap((start) => startedImageFiles({ ...final, start })) : [];
  const found: string[] = [];
  for (const dir of new Set(packages.values())) {
    const outputPath = await nxBuildOutput(fs, dir, context);
    const at = outputPath !== undefined ? locateInImage(df, outputPath) : undefined;
    if (at !== undefined && (!started || startedFiles.some((f) => isAtOrInside(at.path, f, '/')))) found.push(`./${relative(context, dir).split(sep).join('/')}`);
  }
  return found;
}

/**
 * Workspace package folders (relative, `./apps/server`) that a COPY source path runs through, or
 * that a folder it copies holds (`COPY packages ./packages`; not the context's root), in Dockerfile
 * order. A package's manifest copied alone (`COPY apps/server/package.json apps/server/`, for the
 * install of every workspace's dependencies) brings none of its code.
 */
function copiedPackageDirs(df: Dockerfile, context: string, packages: Map<string, string>): string[] {
  const rels = packageFolders(packages, context);
  const found: string[] = [];
  for (const stage of df.stages)
    for (const copy of stage.copies)
      for (const src of copy.sources) {
        const path = posix.normalize(src.replace(/^\.\//, '')).replace(/\/+$/, '');
        const padded = `/${path}/`;
        for (const rel of rels) {
          const at = padded.indexOf(`/${rel}/`);
          const holds = path !== '.' && copy.from === undefined && isAtOrInside(path, rel, '/');
          if ((holds || (at >= 0 && !MANIFEST.test(padded.slice(at + rel.length + 1)))) && !found.includes(`./${rel}`)) found.push(`./${rel}`);
        }
      }
  return found;
}

/**
 * What is left of a COPY source below a package's folder when it copies only the package's manifest
 * or lockfile, or one data file at its top (`COPY packages/api/openapi.json` for a client generator
 * of another package): not the package's code.
 */
const MANIFEST = /^\/(?:package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|[^/]+\.(?:json|ya?ml|toml|md|txt))\/$/;

/**
 * The command a stage starts (the compose `command:` instead of its CMD when there is one) and
 * the root package.json scripts it runs, through the scripts those run (`pnpm run start-app` ->
 * `pnpm --filter=app start`; run-script-os picks `start:default`/`start:linux`).
 */
function startTexts(stage: Stage | undefined, scripts: Record<string, string>, command?: string[]): string[] {
  const texts = [command !== undefined ? command.join(' ') : (stage?.start ?? '')];
  for (let i = 0; i < texts.length && i < 12; i++) {
    for (const name of scriptsRun(texts[i] ?? '')) {
      for (const key of [name, `${name}:default`, `${name}:linux`, `${name}:nix`]) if (scripts[key] !== undefined) texts.push(scripts[key] ?? '');
    }
  }
  // `parallel node {} ::: api/src/main.ts worker/src/main.ts`: each line it runs.
  return texts.flatMap(parallelTexts);
}

/**
 * The build selects one package (`yarn workspace @x/web build`) and the image runs a file of its
 * build output (`node ./web/build/index.js`, a file the context does not hold): that package is the
 * service's code, a front end too, not a server package the image also holds (the whole workspace
 * copied) -- unless it depends on a workspace server package (the later rules weigh that one).
 */
async function builtFileOfOnlySelected(
  selected: BuildProject[],
  builtFiles: string[],
  servers: (selectors: string[]) => Promise<BuildProject[]>,
  packages: Map<string, string>,
): Promise<BuildProject[]> {
  const [only] = selected;
  if (selected.length !== 1 || !only || !builtFiles.some((f) => f.startsWith(only.dir + sep))) return [];
  const workspaceDeps = Object.keys(only.pkg?.deps ?? {}).filter((name) => packages.has(name));
  return (await servers(workspaceDeps)).length > 0 ? [] : [only];
}

/**
 * The files the final stage's start runs by a path relative to its WORKDIR (`node ./web/build/index.js`) that the context does not hold (made by the build), absolute in the context.
 * A package's file the install put in node_modules (`node_modules/nx/bin/nx.js serve api`) is no build output.
 */
async function startedBuildOutputs(fs: FsLike, df: Dockerfile, context: string, scripts: Record<string, string>, command: string[] | undefined): Promise<string[]> {
  const at = finalWorkdir(df);
  if (!at) return [];
  const out: string[] = [];
  for (const text of startTexts(at.final, scripts, command))
    for (const rel of startedRelativePaths(text)) {
      const file = resolve(context, posix.join(at.workdir, rel));
      if (/\.[cm]?js$/.test(rel) && !/(?:^|\/)node_modules\//.test(rel) && !(await fs.stat(file))?.isFile) out.push(file);
    }
  return out;
}

/**
 * The one server package whose own build script the image's build runs in its folder (`cd api &&
 * yarn build`, `npm --prefix api run build`; folderScriptBuilds.ts), through the root scripts too:
 * that package makes what runs (a root package depending on the same framework only for the
 * install, a front end built beside it), its own script read, not the root's.
 */
async function folderBuiltServer(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, df: Dockerfile): Promise<BuildProject | undefined> {
  const builds = (await folderScriptBuilds(fs, context, df)).filter((b) => b.dir !== '.' && (BUILD_COMMAND.test(b.script) || BUILD_COMMAND.test(b.text)));
  const servers: { project: BuildProject; build: FolderScriptBuild }[] = [];
  for (const build of builds) {
    const project = await describeProject(fs, resolve(context, build.dir), rootPkg);
    // A package declaring no dependencies (the root's serve them all) is a server by a file of it loading a framework.
    const loader = project.server === undefined && Object.keys((await readPackage(fs, project.dir))?.deps ?? {}).length === 0 ? await topServerFile(fs, project.dir) : undefined;
    if (loader !== undefined) project.server = l10n.t('{0} loads a server framework', `${build.dir}/${loader}`);
    if (project.server !== undefined && !servers.some((s) => s.project.dir === project.dir)) servers.push({ project, build });
  }
  const [only] = servers;
  if (servers.length !== 1 || !only) return undefined;
  const { project, build } = only;
  // Built in a stage whose files the image takes, but not the file it starts (a browser bundle copied
  // in beside the root package's `dist/server.js`, made in a stage of its own): not what runs.
  const final = df.stages[df.stages.length - 1];
  const stage = df.stages.find((st) => st.runs.some((r) => r.line === build.line));
  if (final && stage && !holdsStartedFile(df, stage, final, startedThroughScripts(final, rootPkg?.scripts ?? {}))) return undefined;
  // The image starts in another workspace package (WORKDIR /app/apps/worker + `bun src/index.ts`): the one built is a library of it.
  const packages = await workspacePackages(fs, context, await workspaceGlobs(fs, context, rootPkg));
  const started = (await startPackageDirs(fs, df, context, rootPkg?.scripts ?? {}, packages, true)).map((d) => resolve(context, d));
  if (started.some((d) => d !== project.dir)) return undefined;
  const by = build.via === undefined ? l10n.t('Dockerfile line {0}', build.line) : l10n.t('script {0}, which Dockerfile line {1} runs', build.via, build.line);
  return { ...project, evidence: l10n.t('the build runs `{0}` in {1} ({2}): script {3} of {1}/package.json ({4}), a server ({5})', build.command, build.dir, by, build.script, build.text, project.server ?? '') };
}

/**
 * The image starts a build output of the workspace's root package itself (`pm2 start dist/index.js`
 * where the root package.json is copied, none of its workspace packages' folders holding that file)
 * and the root depends on a server framework: the root is the service's code, not a workspace
 * package (a set of dev consoles using express) copied in beside it for the install.
 */
async function startedRootServer(fs: FsLike, context: string, rootPkg: PackageInfo | undefined, df: Dockerfile, command: string[] | undefined): Promise<BuildProject | undefined> {
  const globs = await workspaceGlobs(fs, context, rootPkg);
  if (globs.length === 0) return undefined;
  const packages = await workspacePackages(fs, context, globs);
  const scripts = rootPkg?.scripts ?? {};
  // An Nx project's output the image starts (`node dist/apps/api/main.js`) is that project's (workspaceSelection).
  if ((await builtOutputsInImage(fs, df, context, packages, true, scripts)).length > 0) return undefined;
  const started = await startedBuildOutputs(fs, df, context, scripts, command);
  const folders = packageFolders(packages, context);
  const rels = started.map((f) => relative(context, f).split(sep).join('/'));
  if (rels.length === 0 || rels.some((r) => r.startsWith('..') || owningFolder(folders, r) !== undefined)) return undefined;
  const root = await describeProject(fs, context, rootPkg);
  if (root.server === undefined) return undefined;
  root.evidence = l10n.t('the image starts {0}, a build output of the workspace root package, itself a server ({1}), not of one of its workspace packages', rels.join(', '), root.server);
  return root;
}

/** The final stage and its WORKDIR relative to where it holds the context's root, when the WORKDIR is at or below it. */
function finalWorkdir(df: Dockerfile): { final: Stage; workdir: string } | undefined {
  const final = df.stages[df.stages.length - 1];
  const root = final ? stageContextRoot(df, final.index, 0) : undefined;
  if (!final || root === undefined) return undefined;
  const workdir = posix.relative(root, final.workdir);
  return workdir.startsWith('..') ? undefined : { final, workdir };
}

/** The workspace's package folders inside the context, relative to it with `/` (the root package left out). */
function packageFolders(packages: Map<string, string>, context: string): string[] {
  return [...new Set(packages.values())].map((d) => relative(context, d).split(sep).join('/')).filter((r) => r !== '' && !r.startsWith('..'));
}

/** The innermost of `folders` holding `path` (or being it: a folder a start moves into), all relative to the context. */
function owningFolder(folders: readonly string[], path: string): string | undefined {
  return folders.filter((r) => path === r || path.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
}

/** A script file a start command names, with or without a folder (`node serve.js`, `node --enable-source-maps dist/api/index.js`). */
const STARTED_SCRIPT = /(?:^|\s)((?:\.\/)?[\w.-]+(?:\/[\w.-]+)*\.[cm]?[jt]sx?)(?=\s|$)/g;

/**
 * The build selects several packages and the image starts a script file of one of them, named from
 * the final stage's WORKDIR (a compose service's `working_dir: /srv/web` + `command: node serve.js`,
 * beside another service of the same image starting the API): that package is the service's code,
 * a front end's own small server too, whatever server package the build selects beside it.
 */
async function startedFileOfSelected(
  fs: FsLike,
  df: Dockerfile,
  { context, rootPkg }: { context: string; rootPkg: PackageInfo | undefined },
  scripts: Record<string, string>,
  packages: Map<string, string>,
  selected: BuildProject[],
): Promise<{ chosen: BuildProject[]; how: (pkg: string) => string } | undefined> {
  const at = finalWorkdir(df);
  if (!at || selected.length < 2) return undefined;
  const rels = packageFolders(packages, context);
  const own = rels.includes(at.workdir) ? (await readPackage(fs, join(context, at.workdir)))?.scripts : undefined;
  const owners = new Set<string>();
  for (const text of startTexts(at.final, own ?? scripts))
    for (const m of text.matchAll(STARTED_SCRIPT)) {
      const file = posix.join(at.workdir, m[1] ?? '');
      const owner = owningFolder(rels, file);
      if (owner !== undefined) owners.add(resolve(context, owner));
    }
  const started = selected.filter((p) => owners.has(p.dir));
  if (owners.size === 1 && started.length === 1) return { chosen: started, how: (pkg) => l10n.t('the image starts a file of workspace package {0}, one of those the build selects', pkg) };
  return owners.size === 1 && started.length === 0 ? startedServerBeside(fs, [...owners][0] as string, rootPkg, selected) : undefined;
}

/**
 * The image starts a file of a server package the build's selection leaves out (`npm run -w web build`
 * for the front ends, the whole workspace compiled before, `node packages/api/dist/main.js`): that
 * server runs, the selected front ends are what it serves, not the service's code.
 */
async function startedServerBeside(fs: FsLike, dir: string, rootPkg: PackageInfo | undefined, selected: BuildProject[]): Promise<{ chosen: BuildProject[]; how: (pkg: string) => string } | undefined> {
  if (selected.some((p) => p.server !== undefined && !rendersPages(p))) return undefined;
  const project = await describeProject(fs, dir, rootPkg);
  return project.server === undefined ? undefined : { chosen: [project], how: (pkg) => l10n.t('the image starts a file of workspace package {0}, a server the build does not select beside the front ends it builds', pkg) };
}

/** The relative file paths a start command names (`node apps/api/dist/server.cjs`, `node ./web/build/index.js`). */
function startedRelativePaths(text: string): string[] {
  return [...text.matchAll(/(?:^|\s)((?:\.\/)?\w[\w.-]*\/[\w./-]+)/g)].map((m) => m[1] ?? '');
}

/**
 * The build selects no package (its stages only install the workspace) and the stage runs one by
 * name (`yarn workspace @x/web dev`): that one, not a server package copied beside it.
 */
function namedByStartOnly(selected: readonly string[], started: BuildProject[]): { chosen: BuildProject[]; how: (pkg: string) => string } | undefined {
  return selected.length === 0 && started.length === 1 ? { chosen: started, how: (pkg) => l10n.t('the image runs workspace package {0}, which its start command names', pkg) } : undefined;
}

/**
 * The build selects several packages (`turbo build --filter=@x/api --filter=@x/app`) and the
 * stage the service runs starts one of them (`pnpm run start-app` -> `pnpm --filter=app start`):
 * that one is the service's code, a front end too, not the server built beside it.
 */
async function startedOfSelected(selected: BuildProject[], started: BuildProject[]): Promise<BuildProject[]> {
  if (selected.length < 2) return [];
  return started.filter((p) => selected.some((q) => q.dir === p.dir)).slice(0, 1);
}

/**
 * The packages the image starts in, when the whole workspace is copied and built: the final
 * stage's WORKDIR (`WORKDIR /app/apps/api` + `CMD bun start`), and the folders its start
 * command `cd`s into, through the root scripts it runs (`pnpm start` -> `cd packages/server/bin &&
 * ./run start`; run-script-os picks `start:default`/`start:linux`); the packages a workspace run
 * starts a script in (`pnpm run --parallel pm2`, `pnpm --filter ./apps/api start`); the apps a
 * process manager's file lists (`pm2-runtime ecosystem.config.js`: their `cwd` and `script`).
 */
async function startPackageDirs(fs: FsLike, df: Dockerfile, context: string, scripts: Record<string, string>, packages: Map<string, string>, startedFiles = false): Promise<string[]> {
  const at = finalWorkdir(df);
  if (!at) return [];
  const { final, workdir } = at;
  const rels = packageFolders(packages, context);
  const dirs = [workdir];
  // A WORKDIR holding a workspace package runs that package's scripts (`yarn start` in /app/apps/client), not the root's.
  const own = rels.includes(workdir) ? (await readPackage(fs, join(context, workdir)))?.scripts : undefined;
  const texts = startTexts(final, own ?? scripts);
  // A Procfile the start runs through its process manager (`nf start` -> `web: yarn workspace server start`): each process's command.
  for (const command of await procfileProcessCommands(fs, join(context, workdir), texts)) texts.push(...startTexts(undefined, own ?? scripts, [command]));
  for (const text of texts) {
    for (const m of text.matchAll(/\bcd\s+([\w./-]+)/g)) dirs.push(posix.join(workdir, m[1] ?? ''));
    // With startedFiles, the relative file paths it names (`node apps/api/dist/server.cjs`).
    if (startedFiles) for (const rel of startedRelativePaths(text)) dirs.push(posix.join(workdir, rel));
    dirs.push(...(await workspaceRunDirs(fs, text, context, rels, packages)));
    for (const file of processManagerFiles(text)) dirs.push(...(await processManagerApps(fs, context, posix.join(workdir, file))));
  }
  const found: string[] = [];
  for (const dir of dirs) {
    const owner = owningFolder(rels, dir);
    if (owner !== undefined && !found.includes(`./${owner}`)) found.push(`./${owner}`);
  }
  return found;
}

/** The commands of the processes the Procfiles `texts` start name (procfile.ts), each file read from `dir`, where the start runs. */
async function procfileProcessCommands(fs: FsLike, dir: string, texts: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const start of texts.flatMap(procfileStarts)) {
    const text = await fs.readFile(join(dir, ...start.file.split('/'))).catch(() => undefined);
    if (text !== undefined) out.push(...procfileCommands(text, start.processes));
  }
  return out;
}

/**
 * The folders (relative, `apps/api`) of the packages a workspace run in `text` starts a script in:
 * every package having the script for a run over the workspace (`pnpm -r run x`, `pnpm run
 * --parallel x`, `npm run x --workspaces`, `yarn workspaces foreach run x`, `lerna run x`), or
 * those a filter selects (`pnpm --filter ./apps/api run start`).
 */
async function workspaceRunDirs(fs: FsLike, text: string, context: string, rels: readonly string[], packages: Map<string, string>): Promise<string[]> {
  const out: string[] = [];
  for (const command of text.split(/&&|\|\||[;&|\n]/)) {
    const run = workspaceRunScript(command);
    if (run === undefined) continue;
    const selected = selectedPackages(command).map((sel) => (sel.startsWith('.') || (sel.includes('/') && !sel.startsWith('@')) ? posix.normalize(sel) : relative(context, packages.get(sel) ?? byNameWithoutScope(packages, sel) ?? '').split(sep).join('/')));
    const candidates = selected.length > 0 ? selected.filter((r) => rels.includes(r)) : run.all ? rels : [];
    for (const rel of candidates) if ((await readPackage(fs, join(context, rel)))?.scripts[run.script] !== undefined) out.push(rel);
  }
  return out;
}

/** The script a command runs through a package manager or monorepo tool (`run x`, or pnpm's `start`), and whether over the whole workspace. */
function workspaceRunScript(command: string): { script: string; all: boolean } | undefined {
  const words = command.trim().split(/\s+/);
  const tool = words.findIndex((w) => /^(?:npm|pnpm|yarn|bun|lerna|turbo)$/.test(posix.basename(w)));
  if (tool < 0) return undefined;
  const rest = words.slice(tool + 1);
  const all = /^(?:lerna|turbo)$/.test(posix.basename(words[tool] ?? '')) || rest.some((w) => /^(?:-r|--recursive|--parallel|--workspaces|-ws|--all|-A)$/.test(w));
  const run = rest.findIndex((w) => w === 'run' || w === 'run-script');
  const args: string[] = [];
  // Yarn's `yarn workspace <name> <script>`: the package named, then its script. https://classic.yarnpkg.com/en/docs/cli/workspace
  const yarnWorkspace = posix.basename(words[tool] ?? '') === 'yarn' && run < 0 && rest[0] === 'workspace';
  for (let i = yarnWorkspace ? 2 : run + 1; i < rest.length; i++) {
    const w = rest[i] ?? '';
    if (VALUE_OPTIONS.test(w)) i++;
    else if (!w.startsWith('-') && w !== 'workspaces' && w !== 'foreach') args.push(w);
  }
  // pnpm, yarn and bun run a script named in place of a command of theirs (`pnpm --filter api start:dev`): https://pnpm.io/cli/run
  const byName = /^(?:pnpm|yarn|bun)$/.test(posix.basename(words[tool] ?? '')) && args[0] !== undefined && !PACKAGE_MANAGER_COMMANDS.has(args[0]);
  const script = run >= 0 || byName ? args[0] : args[0] === 'start' ? 'start' : undefined;
  return script === undefined ? undefined : { script, all };
}

/** Commands of pnpm, yarn and bun themselves, never a script's name when written in place of one. */
const PACKAGE_MANAGER_COMMANDS = new Set(['install', 'i', 'add', 'remove', 'rm', 'update', 'up', 'upgrade', 'exec', 'dlx', 'x', 'create', 'link', 'unlink', 'prune', 'deploy', 'pack', 'publish', 'store', 'why', 'list', 'ls', 'outdated', 'audit', 'rebuild', 'init', 'config', 'workspace', 'workspaces', 'import', 'fetch', 'patch', 'env', 'setup', 'build', 'test', 'node', 'dedupe']);

/** Options of package managers and monorepo tools that take the next word as their value. */
const VALUE_OPTIONS = /^(?:--filter|-F|-w|--workspace|--workspace-concurrency|--scope|--concurrency)$/;

/** The config files a process manager starts its apps from (`pm2-runtime start ecosystem.config.js`, `pm2 start apps.json`). */
function processManagerFiles(text: string): string[] {
  const files: string[] = [];
  for (const m of text.matchAll(/(?:^|[\s;&|/])pm2(?:-runtime|-docker)?\s+(?:start\s+)?((?:\.\/)?[\w./-]+\.(?:[cm]?js|json|ya?ml))(?=$|[\s;&|])/g)) files.push(m[1] ?? '');
  return files;
}

/** The folders (relative to the context) of the apps a process manager's config lists: each app's `cwd`, and its `script` when that is a path. */
async function processManagerApps(fs: FsLike, context: string, file: string): Promise<string[]> {
  const text = await fs.readFile(join(context, file)).catch(() => '');
  const base = posix.dirname(file);
  const out: string[] = [];
  for (const m of text.matchAll(/["']?\b(cwd|script)["']?\s*:\s*["'`]([^"'`$]+)["'`]/g)) {
    const value = m[2] ?? '';
    if (m[1] === 'cwd' || value.includes('/')) out.push(posix.join(base, value));
  }
  return out;
}

/**
 * Where a stage holds the build context's root: copied from the context (`COPY . .`), inherited
 * from the stage it is built FROM, or copied whole out of another stage that holds it (`COPY
 * --from=builder /etc/app .` after the builder's `COPY . .` into /etc/app).
 */
function stageContextRoot(df: Dockerfile, index: number, hops: number): string | undefined {
  const stage = df.stages[index];
  if (!stage || hops > 8) return undefined;
  const own = contextRoot(stage.copies.filter(copiesFromContext));
  if (own !== undefined) return own;
  for (const copy of [...stage.copies].reverse()) {
    const from = copy.from === undefined ? undefined : df.stages.find((st) => st.name === copy.from || String(st.index) === copy.from);
    if (!from || from.index >= index) continue;
    const theirs = stageContextRoot(df, from.index, hops + 1);
    if (theirs === undefined) continue;
    for (const src of copy.sources) {
      const from = posix.normalize(src).replace(/\/+$/, '') || '/';
      const inside = posix.relative(from, theirs);
      if (!inside.startsWith('..') && !posix.isAbsolute(inside)) return posix.join(copy.dest, inside);
      const kept = keptPlace(theirs, from, copy.dest);
      if (kept !== undefined) return kept;
    }
  }
  return stage.baseStage === undefined ? undefined : stageContextRoot(df, stage.baseStage, hops + 1);
}

/**
 * A folder of the context copied out of a build stage to the same place below another root
 * (`COPY --from=builder /usr/crowd/app/services/apps/api/ ./services/apps/api` where the builder
 * has the context at /usr/crowd/app): that root is where this stage has the context's layout.
 */
function keptPlace(theirs: string, from: string, dest: string): string | undefined {
  const below = posix.relative(theirs, from);
  const to = dest.replace(/\/+$/, '');
  if (below === '' || below.startsWith('..') || posix.isAbsolute(below) || !to.endsWith(`/${below}`)) return undefined;
  return to.slice(0, -below.length - 1) || '/';
}

/** Where an Nx workspace keeps its projects by convention. */
const NX_DEFAULT_GLOBS = ['apps/*', 'libs/*', 'packages/*'];

/**
 * A Lerna repository's packages (lerna.json `packages`, `packages/*` when it names none), which
 * `lerna bootstrap` links and `lerna run` builds without a package manager's workspace.
 * https://lerna.js.org/docs/api-reference/configuration
 */
async function lernaPackageGlobs(fs: FsLike, context: string): Promise<string[]> {
  const lerna = await readJsonObject(fs, join(context, 'lerna.json'));
  if (!lerna) return [];
  const packages = lerna['packages'];
  return Array.isArray(packages) ? packages.filter((p): p is string => typeof p === 'string' && !p.startsWith('!')) : ['packages/*'];
}

async function workspaceGlobs(fs: FsLike, context: string, rootPkg: PackageInfo | undefined): Promise<string[]> {
  // Nx finds its projects by their project.json wherever they are, whatever the package manager's
  // workspace lists (pnpm's apps/docs alone beside Nx's apps/api): both are the workspace's.
  const nx = (await fs.stat(join(context, 'nx.json')))?.isFile ? NX_DEFAULT_GLOBS : [];
  const own = [...(rootPkg?.workspaces ?? []), ...(await lernaPackageGlobs(fs, context))];
  const pnpm = await pnpmWorkspaceGlobs(fs, context);
  // pnpm reads its packages from pnpm-workspace.yaml alone; a package.json `workspaces` beside it
  // (for other tools) may list fewer (services/* left out): both are the workspace's. A
  // pnpm-workspace.yaml holding only settings (onlyBuiltDependencies...) adds Nx's folders, if Nx.
  if (pnpm === null) return own;
  return [...new Set([...own, ...(pnpm ?? []), ...nx])];
}

/**
 * The workspace packages (absolute folders) the image `df` built from `context` starts (startPackageDirs;
 * with `startedFiles`, also those holding a file its start command names); [] when the context is no workspace.
 */
export async function startedWorkspacePackages(fs: FsLike, df: Dockerfile, context: string, startedFiles = false): Promise<string[]> {
  const rootPkg = await readPackage(fs, context);
  const globs = await workspaceGlobs(fs, context, rootPkg);
  if (globs.length === 0) return [];
  const packages = await workspacePackages(fs, context, globs);
  return (await startPackageDirs(fs, df, context, rootPkg?.scripts ?? {}, packages, startedFiles)).map((d) => resolve(context, d));
}

/** The folders of the workspace whose root is `root` (its `workspaces` or pnpm-workspace.yaml globs); [] when it is none. */
export async function workspacePackageDirs(fs: FsLike, root: string): Promise<string[]> {
  const globs = await workspaceGlobs(fs, root, await readPackage(fs, root));
  return globs.length === 0 ? [] : [...new Set((await workspacePackages(fs, root, globs)).values())];
}

/** Package (or Nx project) name -> folder, for globs of the form `dir`, `dir/*`. */
/** The folders a workspace glob names, each `*` segment one level of folders (`packages/<any>/<any>`: every folder two levels below packages). */
async function globFolders(fs: FsLike, context: string, glob: string): Promise<string[]> {
  let dirs = [context];
  for (const part of glob.split('/').filter((p) => p !== '')) {
    if (part !== '*') {
      dirs = dirs.map((d) => join(d, part));
      continue;
    }
    const next: string[] = [];
    for (const d of dirs) next.push(...(await fs.readdir(d).catch(() => [] as string[])).map((n) => join(d, n)));
    dirs = next;
  }
  return dirs;
}

async function workspacePackages(fs: FsLike, context: string, globs: readonly string[]): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  for (const glob of globs) {
    const clean = glob.replace(/^\.\//, '').replace(/\/\*\*?$/, '/*');
    // A glob reaching above the root (`../`: an app naming the repository's workspace as its own) names none of its packages.
    for (const dir of (await globFolders(fs, context, clean)).filter((d) => isAtOrInside(context, d))) {
      for (const file of ['package.json', 'project.json']) {
        const manifest = await readJsonObject(fs, join(dir, file));
        // An Nx project.json naming no project (its name given by workspace.json): known by its folder.
        const name = manifest?.['name'] ?? (manifest && file === 'project.json' ? relative(context, dir).split(sep).join('/') : undefined);
        if (typeof name === 'string' && !byName.has(name)) byName.set(name, dir);
      }
    }
  }
  // Projects an Nx workspace.json declares inline, with no project.json of their own.
  for (const [name, { dir }] of await workspaceJsonProjects(fs, context)) if (!byName.has(name) && isAtOrInside(context, dir)) byName.set(name, dir);
  return byName;
}

/**
 * `pnpm deploy --filter <pkg> <dir>` copies the package's folder (with its build output) to
 * <dir> in the same stage: recorded as a copy of that stage, so locating the project's output
 * follows it (https://pnpm.io/cli/deploy). Other packages' deploys are left out.
 */
export function withWorkspaceDeploys(df: Dockerfile, project: BuildProject, context: string): Dockerfile {
  const rel = relative(context, project.dir).split(sep).join('/');
  if (rel === '' || rel.startsWith('..')) return df;
  const isProject = (sel: string) => sel === project.pkg?.name || resolve(context, sel) === project.dir;
  // The deploy folder is relative to the RUN's own WORKDIR, not the stage's last one.
  return withRunCopies(df, (command, _stage, _before, workdir) => {
    const target = deployTarget(command);
    return target === undefined || !selectedPackages(command).some(isProject) ? undefined : { source: rel, dest: posix.resolve(workdir, target) };
  });
}

/**
 * The start command moves into one workspace package by `cd`, through the root's scripts (`pnpm
 * start:service` -> `cd server && pnpm start:service`): that package runs, whatever server packages
 * (a plugin depending on express) the build selects beside it. Not when it moves into several, nor into a front end.
 */
async function startedByCd(
  df: Dockerfile,
  scripts: Record<string, string>,
  packages: Map<string, string>,
  context: string,
  packagesAt: (selectors: string[]) => Promise<BuildProject[]>,
): Promise<{ chosen: BuildProject[]; how: (pkg: string) => string } | undefined> {
  const at = finalWorkdir(df);
  if (!at) return undefined;
  const rels = packageFolders(packages, context);
  const owners = new Set<string>();
  for (const text of startTexts(at.final, scripts)) {
    for (const m of text.matchAll(/\bcd\s+([\w./-]+)/g)) {
      const dir = posix.join(at.workdir, m[1] ?? '');
      const owner = owningFolder(rels, dir);
      if (owner !== undefined) owners.add(`./${owner}`);
    }
  }
  const started = owners.size === 1 ? await packagesAt([...owners]) : [];
  // A front end it moves into (`cd packages/dashboard && next start`) is one program beside the server the build selects, not the image's server.
  return started.length === 1 && !started.some(rendersPages) ? { chosen: started, how: (pkg) => l10n.t('the image starts in workspace package {0} (its start command moves there with cd)', pkg) } : undefined;
}

/** The packages the RUN lines' `pnpm deploy` commands copy out of the workspace. */
function deployedPackages(runs: string[]): string[] {
  const commands = runs.flatMap((r) => r.split(/&&|\|\||[;\n]/)).filter((c) => deployTarget(c) !== undefined);
  return [...new Set(commands.flatMap(selectedPackages))];
}

/**
 * Several packages deployed (`pnpm deploy` of site and of worker), one run stage each: the one whose
 * deploy folder the image copies. Else the server packages the build selects.
 */
async function deployedOrSelectedServers(
  df: Dockerfile,
  packagesAt: (selectors: string[]) => Promise<BuildProject[]>,
  selectedServers: () => Promise<BuildProject[]>,
): Promise<{ chosen: BuildProject[]; how: (pkg: string) => string }> {
  const deployed = await packagesAt(deploysCopiedToFinal(df));
  if (deployed.length > 0) return { chosen: deployed, how: (pkg) => l10n.t('the image copies the `pnpm deploy` folder of workspace package {0}', pkg) };
  return { chosen: await selectedServers(), how: (pkg) => l10n.t("the Dockerfile's build selects workspace package {0}", pkg) };
}

/**
 * The packages whose `pnpm deploy` folder the last stage copies from the stage that deployed them
 * (`RUN pnpm deploy --filter=worker --prod /prod/worker`, then `COPY --from=build /prod/worker
 * /prod/worker`): what that image runs, whatever else the same stage deployed for other targets.
 * Where the Dockerfile deploys one package, only when the image starts a file of where it copies
 * that folder: a command-line package deployed with the workspace servers it is built on (`pnpm
 * --filter=cli deploy --prod /prod`, its node_modules holding them) runs, not a worker deployed
 * beside a Next.js server the image starts.
 */
function deploysCopiedToFinal(df: Dockerfile): string[] {
  const final = df.stages[df.stages.length - 1];
  const started = final ? startedImageFiles(final) : [];
  const several = deployedPackages(df.stages.flatMap((s) => s.runs.map((r) => r.command))).length > 1;
  const fromStage = (stage: Stage) => (final?.copies ?? []).filter((c) => c.from !== undefined && (c.from === stage.name || c.from === String(stage.index)));
  const found = df.stages.flatMap((stage) =>
    stage.runs.flatMap((run) =>
      run.command.split(/&&|\|\||[;\n]/).flatMap((command) => {
        const target = deployTarget(command);
        const dest = target === undefined ? undefined : posix.resolve(run.workdir ?? stage.workdir, target);
        const copies = dest === undefined ? [] : fromStage(stage).filter((c) => c.sources.some((s) => isAtOrInside(posix.resolve('/', s), dest, '/') || isAtOrInside(dest, posix.resolve('/', s), '/')));
        const runs = several || copies.some((c) => started.some((f) => isAtOrInside(c.dest, f, '/')));
        return copies.length > 0 && runs ? selectedPackages(command) : [];
      }),
    ),
  );
  return [...new Set(found)];
}

/** The folder a `pnpm deploy` writes to: its last word that is not an option or an option's value. */
function deployTarget(command: string): string | undefined {
  const words = command.trim().split(/\s+/);
  const at = words.indexOf('deploy');
  if (!/\bpnpm\b/.test(command) || at < 0) return undefined;
  const rest: string[] = [];
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i] as string;
    if (/^(?:--filter|-F)$/.test(w)) i++;
    else if (!w.startsWith('-')) rest.push(w);
  }
  return rest[rest.length - 1];
}
