// Which source folder ends up where in the container, and under which file names: read from
// x-runtime-drift first, then the project files (Nx project.json, nest-cli.json, tsconfig,
// package.json) and the Dockerfile. The facts are gathered once; then small placement rules are
// tried in order, and each writes to `evidence` what it decided from, so a wrong guess can be
// seen (and overridden) by the user.
import * as l10n from '@vscode/l10n';
import { basename, dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import { commandWords, copiesFromContext, findStage, isContextRoot, parseDockerfile, stageChain, stagesBuiltFor, type Dockerfile, type Stage } from '../dockerfile/parse';
import { BUILD_COMMAND, contextRoot, locateInImage, type Location } from '../dockerfile/locate';
import type { ServiceSpec, SourceMapping } from '../model';
import type { FsLike } from '../ports';
import { readJsonObject, readTsConfig, type TsConfigInfo } from './tsconfig';
import { parseDockerignore } from '../dockerfile/dockerignore';
import { findBuildProject, JS_RUNNER, objectField, readPackage, withWorkspaceDeploys, type BuildProject } from './buildProject';
import { isRecord } from '../isRecord';
import { escapeRegExp } from '../escapeRegExp';
import { COMPILED_REWRITES, findEmit, type Emit } from './emit';
import { buildScriptNames, bundledEntryFolder, bundlingText, findBundler, loadedBeyond, type BundledBy } from './bundler';
import { findScriptedBundle, type ScriptedBundle } from './bundleScript';
import { findRunBundles, runCommandsInContext, type RunBundle } from '../dockerfile/runBundle';
import { serviceDockerfile } from '../dockerfile/dockerfileName';
import { imageWorkdirs } from '../dockerfile/imageWorkdir';
import { startedImageFiles, withStartScripts } from '../dockerfile/startScript';
import { withRootScripts, withRunMoves, withTurboPrunes } from '../dockerfile/runCopies';
import { withRunScripts } from '../dockerfile/runScripts';
import { entryFolder, SERVER_FRAMEWORKS, soleLoadedFolder, startedFile } from '../routes/serverApps';
import { compiledStartEntry } from './startEntry';
import { renamedManifests, withCopiedManifests } from './copiedManifest';
import { bundlerOutputDir, rollupModules, startedRollupBundle, viteSsrBundle, webpackEntryFolder } from './bundlerOutput';
import { commonFolder, foldersUpTo, isAtOrInside } from '../pathInside';
import { contextCandidates, startedDevServer, startedLauncherOutput, startedScripts, startedSourceFile, type StartedSource } from './startedSource';
import { followScripts } from '../routes/serverApps';
import { nitroBundle, routerFrameworkBundle, tanstackStartSource } from './viteServerPlugins';
import { tsconfigsRun } from './runTsconfig';

/** Tried in order: the config a Nest-style build uses, then the usual one. */
const TSCONFIG_NAMES = ['tsconfig.build.json', 'tsconfig.json'] as const;

/** Where bundlers usually write, when nothing says otherwise (Vite/webpack/Parcel, CRA, Next). */
const BUNDLE_OUTPUTS = ['dist', 'build', '.next'] as const;

const DEFAULT_MODULES_DIR = 'modules';

/** What is known before deciding: one read of every file the rules look at. */
interface Facts {
  fs: FsLike;
  spec: ServiceSpec;
  context: string;
  project: BuildProject;
  ts: TsConfigInfo | undefined;
  tsName: string;
  sourceRoot: string;
  emit: Emit | undefined;
  /** Compiled file by file (tsc, swc, babel): a tsconfig that emits, or a server's tsconfig. */
  compiled: boolean;
  bundler: BundledBy | undefined;
  /** Where the bundler's own configuration says it writes (vite.config's build.outDir...). */
  bundlerOut: { path: string; why: string } | undefined;
  /** A bundle made by a RUN of the Dockerfile (`deno compile --output app`), with its output. */
  runBundle: RunBundle | undefined;
  /** The image's start command runs this source file as copied: the image holds the source, not a build of it. */
  started: StartedSource | undefined;
  /** The image's start command runs a dev server (`vite`) over the source as copied. */
  devServer: string | undefined;
  /** The image starts a launcher of the project (bin/start.js) that starts this file of its build output. */
  launched: { launcher: string; output: string } | undefined;
  df: Dockerfile | undefined;
  /** Where the image has a context path (`at`: the placement at that image path, when it has several). */
  locate: (absPath: string, at?: string) => Location | undefined;
  evidence: string[];
}

/** Where the source lands in the image, as one rule decided it. */
interface Placement {
  target: string;
  buildOutDir?: string;
  rewrites: Record<string, string>;
  /** The image holds the source itself, names unchanged. */
  copiedAsIs?: boolean;
  /** The image copies the local build output from the context (not the source, not a build stage's output). */
  copiesLocalOutput?: boolean;
  /** The source folder copied file by file: the context paths the image's COPYs name, the only ones expected there. */
  copiedOnly?: string[];
}

type PlacementRule = (f: Facts) => Promise<Placement | undefined> | Placement | undefined;

/** In order: the user's word, a bundle, the build output, the source itself. */
const PLACEMENT_RULES: readonly PlacementRule[] = [placeByOverride, placeStartedSource, placeBundle, placeBuildOutput, placeByStartedOutput, placeSource];

export async function inferMapping(fs: FsLike, spec: ServiceSpec): Promise<SourceMapping | undefined> {
  const { drift, build } = spec;
  if (!build && drift.source === undefined && drift.target === undefined) return undefined;
  const gathered = await gatherFacts(fs, spec);
  const facts = (await unbuiltBundle(gathered)) ? { ...gathered, bundler: undefined, bundlerOut: undefined } : gathered;
  for (const rule of PLACEMENT_RULES) {
    const placement = await rule(facts);
    if (placement) return describeMapping(facts, placement);
  }
  return undefined;
}

async function gatherFacts(files: FsLike, spec: ServiceSpec): Promise<Facts> {
  const { build } = spec;
  const evidence: string[] = [];
  const context = build && isAbsolute(build.context) ? build.context : spec.projectDir;
  const parsed = await readDockerfile(files, spec, context, evidence);
  // A start command running a script of the context starts what the script runs.
  const written = parsed && (await withStartScripts(files, parsed, context, evidence, build?.target));
  const built = written && stagesBuiltFor(written, build?.target);
  // A manifest copied in as package.json is the package the image builds, not the folder's own.
  const manifests = built ? renamedManifests(built) : [];
  evidence.push(...manifests.map((m) => m.evidence));
  const fs = withCopiedManifests(files, context, manifests);
  // Which package the image builds: what the stages of its build target do, not another service's.
  const project = await findBuildProject(fs, context, build?.dockerfile, built, spec.config?.command);
  const rootScripts = objectField(await readJsonObject(fs, join(context, 'package.json')), 'scripts');
  const scripts = { ...(await denoTasks(fs, context)), ...Object.fromEntries(Object.entries(rootScripts).filter((e): e is [string, string] => typeof e[1] === 'string')) };
  const projectDir = relative(context, project.dir);
  const ownScripts = (df: Dockerfile): Dockerfile => (projectDir === '' || projectDir.startsWith('..') || isAbsolute(projectDir) ? df : withRootScripts(df, project.pkg?.scripts ?? {}, projectDir.split(sep).join('/'), project.pkg?.name));
  // A package script running a shell script of the context (`"package": "./npm_package.sh"`): its commands, then the package scripts they run.
  const withScripts = written && withRootScripts(await withRunScripts(fs, withRootScripts(withTurboPrunes(written), scripts), context), scripts);
  const df = withScripts && withWorkspaceDeploys(withRunMoves(ownScripts(withScripts)), project, context);
  if (project.evidence) evidence.push(project.evidence);
  const projectName: [string, string][] = project.pkg?.name !== undefined ? [[project.pkg.name, relative(context, project.dir)]] : [];
  const runConfigs = df ? await tsconfigsRun(fs, stagesBuiltFor(df, build?.target).stages, context, new Map(projectName)) : [];
  const ts = await projectTsConfig(fs, project, context, evidence, runConfigs);
  const tsName = ts ? relative(context, ts.file) || ts.file : '';
  const runs = df ? runCommandsInContext(stagesBuiltFor(df, build?.target)).map((r) => ({ ...r, dir: join(context, r.dir) })) : [];
  const nxRoot = project.nx ? await nxWorkspaceRoot(fs, project.dir, context) : undefined;
  const locate = (absPath: string, at?: string): Location | undefined => {
    const rel = relative(context, absPath);
    if (!df || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
    return locateInImage(df, rel.split(sep).join('/'), build?.target, at === undefined ? {} : { at });
  };
  const scriptFound = await findScriptedBundle(fs, project, buildScriptNames(project), runs, context);
  // A build script whose entries are globs writes each file at its own path: an emit (findEmit), not a bundle.
  const perFile = scriptFound?.perFile ? scriptFound : undefined;
  const scripted = await startedBundle(fs, perFile ? undefined : scriptFound, { df, target: build?.target, project, ts, locate }, evidence);
  // A front end served by a script of its own (a static server.js) is its bundle, not that script.
  const started = df && !spec.drift.source && (project.server !== undefined || findBundler(project, scripted) === undefined) ? await startsSource(fs, df, { target: build?.target, context, project, ts, scripted }, locate) : undefined;
  if (started) evidence.push(started.why);
  const stage = df && builtStage(df, build?.target);
  const devServer = stage && !started ? startedDevServer(stage, project.pkg?.scripts ?? {}) : undefined;
  if (devServer !== undefined) evidence.push(l10n.t`the image starts a dev server (${devServer}): it runs the source`);
  const launched = df && stage && !started && devServer === undefined ? await startedLauncherOutput(fs, { df, stage, context, projectDir: project.dir, scripts: project.pkg?.scripts ?? {} }) : undefined;
  const sourceRoot = await pickSourceRoot(fs, { spec, project, nxRoot, ts, tsName, started, scripted }, evidence);
  // A server whose tsconfig says noEmit is still compiled file by file (swc, babel: Nest's swc builder).
  const compiled = ts !== undefined && (ts.noEmit !== true || project.server !== undefined);
  const found = await findEmit(fs, { drift: spec.drift, nxRoot, project, sourceRoot, ts, context, ...(perFile ? { perFile } : {}) });
  const emit = found && ts?.outDir && ts.rootDir === undefined && found.bundledBy === undefined && df ? await tscRootByImageStart(fs, found, { outDir: ts.outDir.path, inputsRead: buildSeesWholeContext(df), scripts: project.pkg?.scripts ?? {} }, sourceRoot, context, df, build?.target, locate) : found;
  const runBundle = df && emit?.bundledBy === undefined ? startedRunBundle(df, build?.target, project.pkg?.scripts ?? {}) : undefined;
  const nx: BundledBy | undefined = emit?.bundledBy !== undefined ? { kind: 'nx', said: emit.bundledBy } : undefined;
  const run: BundledBy | undefined = runBundle && { kind: 'run', run: runBundle };
  // A script compiling file by file (babel src --out-dir lib) beside a bundler (webpack for the browser):
  // the image starting a file of its output runs that, not a bundle.
  const startsCompiled = df !== undefined && emit?.byFileCompiler === true && startedIn(df, build?.target, project, locate)(emit.dir, false) !== undefined;
  const notBundled = started !== undefined || devServer !== undefined || startsCompiled || (await startsCopiedSource(fs, project, sourceRoot, locate, evidence));
  const rollup = nx || notBundled || !df ? undefined : await startedRollupBundle(fs, project, buildScriptNames(project), startedIn(df, build?.target, project, locate));
  const nitro = nx || notBundled ? undefined : await nitroBundle(fs, project, buildScriptNames(project));
  const routerFramework = nx || notBundled ? undefined : await routerFrameworkBundle(fs, project, sourceRoot);
  const copied = copiedOutputBundle(project, ts, context);
  // `react-router build` / `remix vite:build` run Vite themselves: the framework's build directory, not Vite's outDir.
  const bundler = nx ?? (notBundled ? undefined : (nitro?.by ?? routerFramework?.by ?? findBundler(project, scripted) ?? run ?? (await viteSsrBundle(fs, project, buildScriptNames(project))) ?? rollup?.by ?? copied?.by));
  const byOwnOutput = [rollup, nitro, routerFramework, copied].find((b) => b !== undefined && b.by === bundler);
  // A server bundled by a build script file writes where that script says: another tool's configured output (Vite's, for its client) is not the server's.
  const scriptOut = bundler?.kind === 'scriptFile' && project.server !== undefined && bundler.bundle.output !== undefined ? { path: bundler.bundle.output, why: l10n.t`${bundler.bundle.tool}'s output folder in ${bundler.bundle.file}` } : undefined;
  const bundlerOut = bundler === undefined ? undefined : byOwnOutput ? byOwnOutput.out : (scriptOut ?? (await bundlerOutputDir(fs, project, scripted)));
  // What the framework bundles is its app directory, also where the source root read was the whole package (`"include": ["**/*.ts"]`).
  const appRoot = routerFramework !== undefined && bundler === routerFramework.by && routerFramework.app !== sourceRoot ? routerFramework.app : undefined;
  if (appRoot !== undefined) evidence.push(l10n.t`source root ${appRoot}: the app directory ${routerFramework?.by.kind === 'script' ? routerFramework.by.tool : ''} bundles`);
  return { fs, spec, context, project, ts, tsName, sourceRoot: appRoot ?? sourceRoot, emit, compiled, bundler, bundlerOut, runBundle, started, devServer, launched, df, locate, evidence };
}

const TS_SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

/**
 * The package's build output the Dockerfile copies from the context, built before `docker build`
 * (findBuildProject's copiedOutputPackage), when no tsconfig outDir names it: what made it is not
 * known (a bundler run by a workspace tool), so it has no file-by-file counterpart.
 */
function copiedOutputBundle(project: BuildProject, ts: TsConfigInfo | undefined, context: string): { by: BundledBy; out: { path: string; why: string } } | undefined {
  const out = project.copiedOutput;
  if (out === undefined || ts?.outDir?.path === out.dir) return undefined;
  const folder = relative(context, out.dir).split(sep).join('/');
  return { by: { kind: 'copiedOutput', folder, line: out.line }, out: { path: out.dir, why: l10n.t`copied by the Dockerfile, line ${out.line}` } };
}

/**
 * tsc without rootDir keeps paths relative to the common root of all its inputs, and JSON modules
 * or files imported from outside the include count too (`import('../../../package.json')`): the
 * image's start command running `<outDir>/src/server/main.js`, the output of src/server/main.ts,
 * says which root that was (`cd /app/src/server && node ./dist/src/server/main.js`) when it is
 * above the one the include gives. With no include, the root was read from every TypeScript file
 * of the project, the tests and scripts beside src included, which a build copying named folders
 * (`COPY src ./src`, not the whole context) never sees: a lower root the start command names
 * (`npm run start:prod` running `node dist/main`) wins too. So it does over an include naming
 * folders beside src (`"include": ["src/**\/*", "benchmarks/*"]`): read from the repository, not
 * from what such a build copies.
 */
async function tscRootByImageStart(
  fs: FsLike,
  emit: Emit,
  { outDir, inputsRead, scripts }: { outDir: string; inputsRead: boolean; scripts: Record<string, string> },
  sourceRoot: string,
  context: string,
  df: Dockerfile,
  target: string | undefined,
  locate: (abs: string) => Location | undefined,
): Promise<Emit> {
  const stage = builtStage(df, target);
  const out = locate(outDir)?.path;
  if (!stage || out === undefined) return emit;
  for (const file of [...startedImageFiles(stage), ...startedNodeEntries(stage, scripts, fromNodeImage(df, stage))]) {
    if (!file.startsWith(`${out}/`)) continue;
    const stem = file.slice(out.length + 1).replace(/\.[cm]?js$/, '');
    for (let base = sourceRoot; isAtOrInside(context, base); base = dirname(base)) {
      for (const ext of TS_SOURCE_EXTENSIONS) {
        const source = join(base, stem + ext);
        if (!isAtOrInside(sourceRoot, source) || !(await fs.stat(source))?.isFile) continue;
        const kept = relative(base, sourceRoot);
        const before = relative(outDir, emit.dir);
        // Only a root above the one read from the include (the kept path grows at its front): the
        // reading cannot see imports, so it may miss inputs higher up, never lower down.
        const lower = !inputsRead && kept.length < before.length && (kept === '' || before.endsWith(sep + kept));
        if (!lower && (kept.length <= before.length || !(before === '' || kept.endsWith(sep + before)))) return emit;
        const dir = join(outDir, kept);
        return { ...emit, dir, evidence: [...emit.evidence, l10n.t`the image starts ${file}, the output of ${relative(context, source)}: the source root compiles to ${relative(context, dir)}`] };
      }
      if (dirname(base) === base) break;
    }
  }
  return emit;
}

/** A COPY of the whole context (`COPY . .`): the build sees every file of the project, tests and scripts included. */
function buildSeesWholeContext(df: Dockerfile): boolean {
  return df.stages.some((st) => st.copies.some((c) => copiesFromContext(c) && c.sources.some(isContextRoot)));
}

/**
 * The entry files node loads for the stage's start command, its package scripts followed (`npm run
 * start:prod` -> `node dist/main`), an entry written without extension being its `.js` file; with
 * `nodeImage`, also the entry of a command starting with a node option, which the image hands to node.
 */
function startedNodeEntries(stage: Stage, scripts: Record<string, string>, nodeImage = false): string[] {
  const words = followScripts(commandWords(stage.start ?? ''), scripts, { hops: 2 });
  const out: string[] = [];
  let cwd = stage.workdir;
  for (const [i, part] of words.join(' ').split(/\s*(?:&&|\|\||;)\s*/).entries()) {
    const ws = part.split(/\s+/).filter((w) => w !== '' && !/^\w+=/.test(w));
    if (ws[0] === 'cd' && ws[1] !== undefined) cwd = posix.resolve(cwd, ws[1]);
    // The official node image's entrypoint runs node when the command starts with an option
    // (CMD ["--max-old-space-size=500", "dist/main"]): https://github.com/nodejs/docker-node/blob/main/docker-entrypoint.sh
    const node = ws[0] === 'node' ? ws.slice(1) : nodeImage && i === 0 && ws[0]?.startsWith('-') ? ws : undefined;
    const entry = node?.find((w) => !w.startsWith('-'));
    if (entry !== undefined && !/\.[a-z]+$/i.test(posix.basename(entry))) out.push(posix.resolve(cwd, `${entry}.js`));
    else if (entry !== undefined && ws[0] !== 'node' && /\.[cm]?js$/.test(entry)) out.push(posix.resolve(cwd, entry));
  }
  return out;
}

/** Whether a stage's image is the official node image (FROM node:20, or a stage built FROM one). */
function fromNodeImage(df: Dockerfile, stage: Stage): boolean {
  let s: Stage | undefined = stage;
  for (let hops = 0; s?.baseStage !== undefined && hops < df.stages.length; hops++) s = df.stages[s.baseStage];
  return s !== undefined && /^(?:docker\.io\/)?(?:library\/)?node(?:[:@]|$)/.test(s.from);
}

/** The stage the service runs: its build target, else the last. */
function builtStage(df: Dockerfile, target: string | undefined): Stage | undefined {
  return (target !== undefined ? findStage(df.stages, target) : undefined) ?? df.stages[df.stages.length - 1];
}

/**
 * The RUN bundle the image starts: the last one whose one file is what the start command runs
 * (`bun .output/server/index.mjs`). A start that runs another script file puts aside a one-file
 * bundle found in the image elsewhere: that is another program's (an agent's, a worker's built
 * beside the server). With no script file started (an executable, a package script), the last.
 */
function startedRunBundle(df: Dockerfile, target: string | undefined, scripts: Record<string, string>): RunBundle | undefined {
  // A RUN of a stage the target does not build (the production builder, for a dev target) writes nothing it runs.
  const bundles = findRunBundles(stagesBuiltFor(df, target));
  const stage = builtStage(df, target);
  const started = stage ? startedScripts(stage, scripts) : [];
  const last = bundles[bundles.length - 1];
  if (started.length === 0) return last;
  const at = (b: RunBundle) => (b.file === undefined ? undefined : locateInImage(df, b.file, target, { file: true })?.path);
  const hit = [...bundles].reverse().find((b) => started.includes(at(b) ?? ''));
  if (hit) return hit;
  return last && at(last) !== undefined ? undefined : last;
}

/**
 * The script the built stage's start command runs (package scripts followed) at a local path, or
 * in a local folder, as the image has them: what a bundler writes there is what the image runs.
 */
function startedIn(df: Dockerfile, target: string | undefined, project: BuildProject, locate: (abs: string) => Location | undefined): (path: string, isFile: boolean) => string | undefined {
  const stage = builtStage(df, target);
  // `node .` in the folder the project's package.json is copied to runs its main.
  const manifestAt = project.pkg?.main === undefined ? undefined : locate(join(project.dir, 'package.json'))?.path;
  const mainOf = (dir: string) => (manifestAt !== undefined && posix.dirname(manifestAt) === dir ? project.pkg?.main : undefined);
  const files = stage ? startedScripts(stage, project.pkg?.scripts ?? {}, mainOf) : [];
  return (path, isFile) => {
    const at = locate(isFile ? dirname(path) : path)?.path;
    if (at === undefined) return undefined;
    return isFile ? files.find((f) => f === posix.join(at, basename(path))) : files.find((f) => f.startsWith(`${at}/`));
  };
}

/**
 * A build script file's bundle is the server's unless the image starts a script file and none the
 * bundle writes: none in the folder it writes to, or, that folder not known, a file tsc compiles
 * into its outDir from a source that is no entry of the bundle (esbuild making a browser script
 * beside a server tsc compiles into build/, where the image starts build/index.js). A package that is
 * no server (a front end) keeps its bundle when the image holds the folder it writes to, whatever
 * script serves it.
 */
async function startedBundle(
  fs: FsLike,
  scripted: ScriptedBundle | undefined,
  { df, target, project, ts, locate }: { df: Dockerfile | undefined; target: string | undefined; project: BuildProject; ts: TsConfigInfo | undefined; locate: (abs: string) => Location | undefined },
  evidence: string[],
): Promise<ScriptedBundle | undefined> {
  const stage = df && builtStage(df, target);
  const files = stage ? startedScripts(stage, project.pkg?.scripts ?? {}) : [];
  if (!scripted || !df || files.length === 0) return scripted;
  const writes = scripted.output !== undefined ? l10n.t`writes to ${relative(project.dir, scripted.output)}` : undefined;
  if (scripted.output !== undefined && startedIn(df, target, project, locate)(scripted.output, false) !== undefined) return scripted;
  // A front end's bundle (the package is no server) that the image holds, served by a script of its own (`bun serve-web.ts`).
  if (scripted.output !== undefined && project.server === undefined && locate(scripted.output) !== undefined) return scripted;
  const compiled = writes === undefined ? await startedTscOutput(fs, files, ts, locate) : undefined;
  if (writes === undefined && (compiled === undefined || scripted.entries.includes(compiled.source))) return scripted;
  const why = compiled ? l10n.t`the image starts ${compiled.file}, which tsc compiles from ${relative(project.dir, compiled.source)}` : l10n.t`it ${writes ?? ''}, and the image starts ${files.join(', ')}`;
  evidence.push(l10n.t`not the server's bundle: ${scripted.tool} in ${scripted.file}: ${why}`);
  return undefined;
}

/** A started file in where the image holds tsc's outDir, and the source file (under rootDir, else the include's root) it is compiled from. */
async function startedTscOutput(fs: FsLike, files: readonly string[], ts: TsConfigInfo | undefined, locate: (abs: string) => Location | undefined): Promise<{ file: string; source: string } | undefined> {
  const out = ts?.outDir && locate(ts.outDir.path)?.path;
  const root = ts?.rootDir?.path ?? ts?.includeRoot?.path;
  if (out === undefined || root === undefined) return undefined;
  for (const file of files) {
    if (!file.startsWith(`${out}/`)) continue;
    const stem = file.slice(out.length + 1).replace(/\.[cm]?js$/, '');
    const source = await firstFile(fs, TS_SOURCE_EXTENSIONS.map((ext) => join(root, stem + ext)));
    if (source !== undefined) return { file, source };
  }
  return undefined;
}

/** The source file the image's start command runs as copied (startedSource.ts), outside every build output the project names. */
async function startsSource(
  fs: FsLike,
  df: Dockerfile,
  { target, context, project, ts, scripted }: { target: string | undefined; context: string; project: BuildProject; ts: TsConfigInfo | undefined; scripted: ScriptedBundle | undefined },
  locate: (abs: string, at?: string) => Location | undefined,
): Promise<StartedSource | undefined> {
  const stage = builtStage(df, target);
  if (!stage) return undefined;
  const outputs = [ts?.outDir?.path, (await bundlerOutputDir(fs, project, scripted))?.path].filter((o): o is string => o !== undefined);
  return startedSourceFile(fs, { df, stage, context, projectDir: project.dir, scripts: project.pkg?.scripts ?? {}, outputs, locate });
}

/**
 * A plain JavaScript server whose start script runs its source (`node server`) and whose image
 * holds that source as copied: a bundling build script beside it (webpack for the front end in the
 * same package) does not bundle the server.
 */
async function startsCopiedSource(fs: FsLike, project: BuildProject, sourceRoot: string, locate: (abs: string) => Location | undefined, evidence: string[]): Promise<boolean> {
  if (project.server === undefined || locate(sourceRoot)?.madeByRun !== false) return false;
  const entry = await entryFolder(fs, project.dir);
  if (entry?.path === sourceRoot && entry.byStartScript) {
    evidence.push(l10n.t`not bundled: ${entry.why}, and the image holds that source as copied`);
    return true;
  }
  // `"start": "node app.js"` of a file at the source root loading its code from one folder (./lib):
  // the server is that file run as copied, unless it loads the bundler's output.
  const started = startedFile({ scripts: project.pkg?.scripts ?? {} });
  const file = started !== undefined && /\.[cm]?js$/.test(started) ? join(project.dir, started) : undefined;
  if (started === undefined || file === undefined || dirname(file) !== sourceRoot || !(await fs.stat(file))?.isFile) return false;
  const out = await bundlerOutputDir(fs, project);
  const text = await fs.readFile(file).catch(() => '');
  if (out !== undefined && (isAtOrInside(out.path, file) || loadsFrom(text, relative(project.dir, out.path)))) return false;
  evidence.push(l10n.t`not bundled: package.json's start script runs ${started}, a source file of the root, and the image holds that source as copied`);
  return true;
}

/** The script loads a module below `folder` (relative to it: `require('./dist/server')` for dist). */
function loadsFrom(text: string, folder: string): boolean {
  const top = folder.split(sep).join('/').replace(/^\.\//, '');
  return top !== '' && new RegExp(`['"]\\./${escapeRegExp(top)}(?:/|['"])`).test(text);
}

function placeByOverride(f: Facts): Placement | undefined {
  const target = f.spec.drift.target;
  if (target === undefined) return undefined;
  f.evidence.push(l10n.t`target ${target} (x-runtime-drift.target)`);
  if (f.emit) f.evidence.push(...f.emit.evidence);
  if (f.emit === undefined && !f.compiled) return { target, rewrites: {} };
  return { target, buildOutDir: f.emit?.dir ?? f.sourceRoot, rewrites: { ...(f.emit?.rewrites ?? COMPILED_REWRITES) } };
}

/** The image runs its source as copied: the source folder is where it is, names unchanged. */
function placeStartedSource(f: Facts): Placement | undefined {
  // A started file outside the source root (a launcher in docker/ requiring the build output) says nothing of how the source root is placed.
  const runsRoot = f.started !== undefined ? isAtOrInside(f.sourceRoot, f.started.file) : f.devServer !== undefined;
  if (!runsRoot) return undefined;
  // Where the started file is, less its path below the source root: the source root copied there
  // (of two copies of it, the one the image starts), or copied file by file or folder by folder.
  const below = f.started ? relative(f.sourceRoot, f.started.file).split(sep).join('/') : undefined;
  const image = f.started?.imagePath;
  const startedAt = below !== undefined && image !== undefined && image.endsWith(`/${below}`) ? image.slice(0, -below.length - 1) || '/' : undefined;
  const loc = (startedAt === undefined ? undefined : f.locate(f.sourceRoot, startedAt)) ?? f.locate(f.sourceRoot);
  if (loc) {
    f.evidence.push(targetFrom(loc));
    return { target: loc.path, rewrites: {}, copiedAsIs: true };
  }
  // The source folder copied file by file or folder by folder (`COPY server.js ./`, `COPY services ./services`).
  if (below === undefined || image === undefined || startedAt === undefined) return undefined;
  const target = startedAt;
  f.evidence.push(l10n.t`target ${target}: the image has the started ${below} at ${image}`);
  const copiedOnly = f.df ? contextCopies(f.df, f.spec.build?.target) : undefined;
  return { target, rewrites: {}, copiedAsIs: true, ...(copiedOnly ? { copiedOnly } : {}) };
}

/**
 * What the built stage (and the stages it is built FROM) copies from the context, as written
 * (`server.js`, `lib/`, `package*.json`); undefined when it copies the whole context or anything
 * from another stage or image, whose contents a list of names does not tell.
 */
function contextCopies(df: Dockerfile, target: string | undefined): string[] | undefined {
  const built = builtStage(df, target);
  const copies = built ? stageChain(df.stages, built).flatMap((s) => s.copies) : [];
  if (copies.some((c) => c.from !== undefined || c.byRun !== undefined)) return undefined;
  const sources = copies.flatMap((c) => c.sources.map((src) => posix.normalize(src).replace(/^\.\/|\/$/g, '')));
  return sources.length === 0 || sources.some((src) => src === '.' || src === '' || src.startsWith('..')) ? undefined : sources;
}

/** A bundle has no per-file counterpart; the target is only where the bundle lands. */
async function placeBundle(f: Facts): Promise<Placement | undefined> {
  if (f.bundler === undefined) return undefined;
  // A RUN's own bundling command names its output: nearer the truth than the usual folders. One
  // file it names (an executable) is followed itself: the folder it lands in is the target.
  const runFile = f.runBundle?.file !== undefined && f.df ? locateInImage(f.df, f.runBundle.file, f.spec.build?.target, { file: true }) : undefined;
  if (runFile && f.runBundle?.file !== undefined) {
    f.evidence.push(targetFrom({ ...runFile, path: posix.dirname(runFile.path) }));
    return { target: posix.dirname(runFile.path), buildOutDir: dirname(join(f.context, f.runBundle.file)), rewrites: {} };
  }
  const outputs = bundleOutputs(f);
  const moved = movedBundleStart(f, outputs) ?? (await nextStandalone(f)) ?? copiedBundleStart(f, outputs);
  if (moved) return moved;
  // A launcher the image starts names the bundle's file (`node dist/server/index.js`): its folder, of the bundler's outputs, is the target.
  const launched = f.launched && outputs.some((o) => isAtOrInside(o, f.launched?.output ?? '')) ? f.launched : undefined;
  const launchedAt = launched && f.locate(dirname(launched.output));
  if (launched && launchedAt) {
    f.evidence.push(l10n.t`the image starts ${relative(f.context, launched.launcher)}, which starts ${relative(f.context, launched.output)} of the build output`);
    f.evidence.push(targetFrom(launchedAt));
    return { target: launchedAt.path, buildOutDir: dirname(launched.output), rewrites: {} };
  }
  for (const candidate of [...outputs, f.sourceRoot]) {
    const loc = candidate === undefined ? undefined : f.locate(candidate);
    if (!loc) continue;
    if (f.bundlerOut && candidate === f.bundlerOut.path) f.evidence.push(l10n.t`bundle output ${relative(f.context, f.bundlerOut.path) || '.'} (${f.bundlerOut.why})`);
    f.evidence.push(targetFrom(loc));
    return candidate === f.sourceRoot ? { target: loc.path, rewrites: {} } : { target: loc.path, buildOutDir: candidate, rewrites: {} };
  }
  return startedScriptedBundle(f) ?? (await packedBundle(f));
}

/**
 * A bundle a later step of the build packs into an executable (pkg, by a script whose output path is
 * computed at run time): the image holds neither the bundle's folder nor the source, only a folder
 * of the package that the build made (in no workspace), copied from a build stage, and it starts no
 * JavaScript runner. That folder holds the server, in a form no source file has a counterpart in.
 */
async function packedBundle(f: Facts): Promise<Placement | undefined> {
  const stage = f.df && builtStage(f.df, f.spec.build?.target);
  if (!f.df || !stage || f.bundler?.kind !== 'scriptFile' || JS_RUNNER.test(stage.start ?? '')) return undefined;
  const made: { abs: string; loc: Location }[] = [];
  for (const copy of stage.copies) {
    const from = copy.from === undefined ? undefined : findStage(f.df.stages, copy.from);
    const root = from && contextRoot(stageChain(f.df.stages, from).flatMap((s) => s.copies.filter(copiesFromContext)));
    for (const src of root === undefined ? [] : copy.sources) {
      const rel = posix.relative(root ?? '', posix.resolve('/', src));
      const abs = join(f.context, ...rel.split('/'));
      if (rel === '' || rel.startsWith('..') || !isAtOrInside(f.project.dir, abs) || abs === f.project.dir || (await f.fs.stat(abs)) !== undefined) continue;
      const loc = f.locate(abs);
      if (loc) made.push({ abs, loc });
    }
  }
  const [only, ...more] = made;
  if (!only || more.length > 0) return undefined;
  f.evidence.push(l10n.t`the image holds ${relative(f.context, only.abs)}, made by the build (not in the workspace), and starts no JavaScript runner: the bundle packed into an executable there`);
  f.evidence.push(targetFrom(only.loc));
  return { target: only.loc.path, rewrites: {} };
}

/** Where the bundle may be, nearest the truth first: a bundling Nx target's outputPath, a RUN's own output, the bundler's configured one, then the usual folders. */
function bundleOutputs(f: Facts): string[] {
  const at = (d: string) => join(f.project.dir, d);
  // tsc's per-file placement below outDir says nothing of where a bundler writes; a bundling
  // build target's own output (Nx outputPath) does.
  const bundleOutput = f.emit?.bundledBy !== undefined ? f.emit.dir : undefined;
  const runOutput = f.runBundle && f.runBundle.output !== '' ? join(f.context, f.runBundle.output) : undefined;
  return [bundleOutput, runOutput, f.bundlerOut?.path, f.ts?.outDir?.path, ...BUNDLE_OUTPUTS.map(at)].filter((o): o is string => o !== undefined);
}

/** Package scripts npm, yarn and pnpm run themselves when a RUN installs the dependencies. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'] as const;

/**
 * A bundler the package's scripts name that the image never runs: no RUN builds, nor does the
 * start command or a script an install runs, and the image has the bundle's output folder only
 * through a COPY of the folder its sources are in (`COPY src ./`), while the context holds no such
 * output (ignored, or never built there). The image holds the sources as copied, as a development
 * image does whose start runs `nuxt dev` or `pnpm run dev` over them.
 */
async function unbuiltBundle(f: Facts): Promise<boolean> {
  const { df } = f;
  const stage = df && builtStage(df, f.spec.build?.target);
  if (!df || !stage || f.bundler === undefined || f.bundler.kind === 'run' || runsABuild(df) || runsTasks(df)) return false;
  const scripts = f.project.pkg?.scripts ?? {};
  const starts = followScripts(commandWords(stage.start ?? ''), scripts, { hops: 2 }).join(' ');
  if (BUILD_COMMAND.test(starts) || INSTALL_SCRIPTS.some((name) => BUILD_COMMAND.test(scripts[name] ?? ''))) return false;
  // A RUN or the start command naming the output's place in the image (`RUN mv dist/app.js api/`) uses it: built before docker build.
  const commands = [starts, ...df.stages.flatMap((st) => st.runs.map((r) => r.command))];
  const named = (imagePath: string) => [imagePath, posix.relative(stage.workdir, imagePath)].some((p) => p !== '' && !p.startsWith('..') && commands.some((c) => c.includes(p)));
  for (const out of bundleOutputs(f)) {
    const loc = f.locate(out);
    if (!loc) continue;
    if (loc.fromStage || loc.madeByRun || loc.baseImage !== undefined || !coversAnyPath(f.locate, commonFolder(out, f.sourceRoot)) || named(loc.path)) return false;
    if ((await f.fs.stat(out))?.isDirectory) return false;
  }
  f.evidence.push(l10n.t`no build step in the Dockerfile, nor in its start command, and no bundle output in the context: the image holds the sources`);
  return true;
}

/**
 * A build script's bundle of one entry written where the script computes (`outdir: BUILD_DIR`
 * imported): the image starts a file named as that entry's bundle (`app.ts` -> `bun app.js`), from
 * a folder a COPY --from a build stage filled. That folder is the target.
 */
function startedScriptedBundle(f: Facts): Placement | undefined {
  const bundle = f.bundler?.kind === 'scriptFile' ? f.bundler.bundle : undefined;
  const stage = f.df && builtStage(f.df, f.spec.build?.target);
  const [entry, ...more] = bundle?.output === undefined ? (bundle?.entries ?? []) : [];
  if (!stage || entry === undefined || more.length > 0) return undefined;
  const stem = basename(entry).replace(/\.[cm]?[jt]sx?$/, '');
  for (const file of startedScripts(stage, f.project.pkg?.scripts ?? {})) {
    if (posix.basename(file).replace(/\.[cm]?js$/, '') !== stem || !/\.[cm]?js$/.test(file)) continue;
    const target = posix.dirname(file);
    const copy = stage.copies.find((c) => c.from !== undefined && isAtOrInside(c.dest, target, '/'));
    if (!copy) continue;
    f.evidence.push(l10n.t`target ${target}: the image starts ${file}, named as the bundle of ${relative(f.context, entry)}, in a folder copied from another stage (Dockerfile line ${copy.line})`);
    return { target, rewrites: {} };
  }
  return undefined;
}

/** Lockfiles of the package managers: Next.js keeps the traced files of a standalone build relative to the folder holding one. */
const LOCKFILES = ['pnpm-lock.yaml', 'package-lock.json', 'yarn.lock', 'bun.lock', 'bun.lockb', 'npm-shrinkwrap.json'];

/**
 * Next.js `output: 'standalone'` writes .next/standalone, which the image copies instead of .next:
 * a server.js beside a copy of the app's .next, at the app's path from the root the traced files
 * are kept relative to (a monorepo's root: standalone/apps/web/server.js, standalone/apps/web/.next).
 * The app's .next is beside the server.js the image starts in that copy, else at the app's path
 * from the nearest folder holding a lockfile (Next.js's default tracing root).
 * https://nextjs.org/docs/app/api-reference/config/next-config-js/output
 */
async function nextStandalone(f: Facts): Promise<Placement | undefined> {
  const stage = f.df && builtStage(f.df, f.spec.build?.target);
  const standalone = join(f.project.dir, '.next', 'standalone');
  const at = stage && 'next' in (f.project.pkg?.deps ?? {}) ? f.locate(standalone) : undefined;
  // Only a standalone folder copied out on its own: one the image has inside its .next (the whole project copied) is no layout of its own.
  if (!stage || !at || f.locate(join(f.project.dir, '.next'))?.path === posix.dirname(at.path)) return undefined;
  const server = startedScripts(stage, f.project.pkg?.scripts ?? {}).find((file) => posix.basename(file) === 'server.js' && isAtOrInside(at.path, file, '/'));
  let app = server !== undefined ? posix.dirname(server) : undefined;
  if (app === undefined) {
    let root = f.project.dir;
    for (const d of foldersUpTo(f.project.dir, f.context)) {
      if (!(await Promise.all(LOCKFILES.map((l) => f.fs.stat(join(d, l))))).some((st) => st?.isFile)) continue;
      root = d;
      break;
    }
    app = posix.join(at.path, relative(root, f.project.dir).split(sep).join('/'));
  }
  const target = posix.join(app, '.next');
  f.evidence.push(l10n.t`target ${target}: the image holds the Next.js standalone output (${at.evidence}), the app's .next beside ${server ?? posix.join(app, 'server.js')}`);
  return { target, buildOutDir: join(f.project.dir, '.next'), rewrites: {} };
}

/**
 * The image starts a file a RUN of its stage moves or copies out of the bundle's output folder
 * (`RUN mv dist/server.js server/server.js` + `node server/server.js`): the bundle is where it was
 * moved. Read in the image's paths, so an output the stage got from another stage counts too.
 */
function movedBundleStart(f: Facts, outputs: readonly string[]): Placement | undefined {
  const stage = f.df && builtStage(f.df, f.spec.build?.target);
  if (!stage) return undefined;
  const placed = outputs.flatMap((o) => {
    const at = f.locate(o)?.path;
    return at === undefined ? [] : [{ dir: o, at }];
  });
  for (const imagePath of startedScripts(stage, f.project.pkg?.scripts ?? {})) {
    for (const run of stage.runs) {
      for (const command of run.command.split(/&&|\|\||[;\n]/)) {
        const words = /^\s*(?:mv|cp)\s+(.*)$/.exec(command)?.[1]?.split(/\s+/).filter((w) => w !== '' && !w.startsWith('-'));
        if (words?.length !== 2 || /[*?$]/.test(command)) continue;
        const cwd = run.workdir ?? stage.workdir;
        const [from, to] = words.map((w) => posix.resolve(cwd, w)) as [string, string];
        if ((words[1]?.endsWith('/') ? posix.join(to, posix.basename(from)) : to) !== imagePath) continue;
        const out = placed.find((p) => from.startsWith(`${p.at}/`));
        if (!out) continue;
        const target = posix.dirname(imagePath);
        const source = join(out.dir, ...from.slice(out.at.length + 1).split('/'));
        f.evidence.push(l10n.t('target {0}: the image starts {1}, the bundle file {2} that a RUN at Dockerfile line {3} moves there ({4})', target, imagePath, relative(f.context, source), run.line, command.trim()));
        return { target, buildOutDir: dirname(source), rewrites: {} };
      }
    }
  }
  return undefined;
}

/**
 * The image starts a bundle file that a COPY takes alone out of the bundle's output folder, the
 * folder itself not copied (`COPY --from=builder /app/apps/api/dist/index.js /app/index.js` + `bun
 * /app/index.js`): the bundle is where that file lands.
 */
function copiedBundleStart(f: Facts, outputs: readonly string[]): Placement | undefined {
  const stage = f.df && builtStage(f.df, f.spec.build?.target);
  if (!stage || !f.df) return undefined;
  for (const imagePath of startedScripts(stage, f.project.pkg?.scripts ?? {})) {
    // The COPY names the file itself (not a folder holding it).
    const own = stage.copies.some((c) => c.from !== undefined && c.sources.length === 1 && /\.[cm]?js$/.test(c.sources[0] ?? '') && (c.dest === imagePath || (c.dest.endsWith('/') && posix.join(c.dest, posix.basename(c.sources[0] ?? '')) === imagePath)));
    if (!own) continue;
    for (const rel of contextCandidates(f.df, imagePath)) {
      const file = join(f.context, ...rel.split('/'));
      const out = outputs.find((o) => isAtOrInside(o, file) && o !== file);
      const loc = out === undefined ? undefined : locateInImage(f.df, rel, f.spec.build?.target, { file: true });
      if (out === undefined || loc?.path !== imagePath) continue;
      const target = posix.dirname(imagePath);
      f.evidence.push(l10n.t`target ${target}: the image starts ${imagePath}, the bundle file ${rel} copied there (${loc.evidence})`);
      return { target, buildOutDir: dirname(file), rewrites: {} };
    }
  }
  return undefined;
}

/** The build output (tsc outDir, an Nx outputPath) is what the image holds. */
async function placeBuildOutput(f: Facts): Promise<Placement | undefined> {
  const { emit, df } = f;
  if (!emit || emit.dir === f.sourceRoot || !df) return undefined;
  const loc = f.locate(emit.dir);
  if (!loc) return undefined;
  const wholeContext = coversAnyPath(f.locate, f.context);
  const copiedWithItsFolder = wholeContext || (!loc.fromStage && coversAnyPath(f.locate, commonFolder(emit.dir, f.sourceRoot)));
  // Output found in a base image built from this context by another Dockerfile was built there.
  const startsOutput = startedIn(df, f.spec.build?.target, f.project, f.locate)(emit.dir, false) !== undefined;
  if ((copiedWithItsFolder || loc.madeByRun) && loc.baseImage === undefined && !runsABuild(df) && !startsOutput && !(await f.fs.stat(emit.dir))?.isDirectory) {
    // `COPY . .`, or a COPY of the folder holding both the sources and the output (the package's),
    // would carry a local build output, but there is none and the image builds nothing: it runs
    // the sources (ts-node, tsx, plain JS). A COPY naming the output itself stands: the output is
    // made before `docker build` (CI, an Nx docker-build target); so does one whose start command
    // runs a file of the output (`node ./dist/index.js`): the checkout has no output, CI's has.
    f.evidence.push(l10n.t`no ${relative(f.context, emit.dir)} in the context and no build step in the Dockerfile: the image holds the sources`);
    return undefined;
  }
  f.evidence.push(...emit.evidence, targetFrom(loc));
  // Copied from the context, not built in a stage: unless the whole context is copied and then
  // built (`COPY . .` + `RUN npm run build`), which makes the output inside the image.
  const copiesLocalOutput = !loc.fromStage && !loc.madeByRun && !(wholeContext && runsABuild(df));
  return { target: loc.path, buildOutDir: emit.dir, rewrites: { ...emit.rewrites }, copiesLocalOutput };
}

/**
 * The image starts the build output at a path no COPY explains, because a script of the build
 * gathered it (`sh bundle.sh json . out`, then `COPY --from=builder /app/out .`): `node index.js`
 * in WORKDIR /app/api/build/src, the output of src/index.ts under the project's outDir build/src,
 * puts that output at /app/api/build/src.
 */
async function placeByStartedOutput(f: Facts): Promise<Placement | undefined> {
  const { emit, df } = f;
  const stage = df && builtStage(df, f.spec.build?.target);
  if (!emit || emit.dir === f.sourceRoot || emit.bundledBy !== undefined || !stage) return undefined;
  const kept = relative(f.project.dir, emit.dir).split(sep).join('/');
  if (kept === '' || kept.startsWith('..') || isAbsolute(kept)) return undefined;
  for (const file of startedImageFiles(stage)) {
    const at = file.lastIndexOf(`/${kept}/`);
    if (at < 0) continue;
    const stem = file.slice(at + kept.length + 2).replace(/\.[cm]?js$/, '');
    const source = await firstFile(f.fs, TS_SOURCE_EXTENSIONS.map((ext) => join(f.sourceRoot, stem + ext)));
    if (source === undefined) continue;
    const target = file.slice(0, at + kept.length + 1);
    f.evidence.push(...emit.evidence, l10n.t`target ${target}: the image starts ${file}, the output of ${relative(f.context, source)}`);
    return { target, buildOutDir: emit.dir, rewrites: { ...emit.rewrites } };
  }
  return undefined;
}

async function firstFile(fs: FsLike, paths: string[]): Promise<string | undefined> {
  for (const p of paths) if ((await fs.stat(p))?.isFile) return p;
  return undefined;
}

/** Where the image holds a folder, and the Dockerfile line that says so. */
function targetFrom(loc: Location): string {
  return l10n.t`target ${loc.path} from ${loc.evidence}`;
}

/** The image holds the source folder: as-is, or with tsc's output beside each file. */
function placeSource(f: Facts): Placement | undefined {
  const loc = f.locate(f.sourceRoot);
  if (!loc) return undefined;
  f.evidence.push(targetFrom(loc));
  if (f.compiled && f.emit === undefined) {
    // tsc without outDir writes each .js next to its .ts, so the copied source holds the output.
    f.evidence.push(l10n.t`${f.tsName} has no outDir: compiled files sit next to their sources`);
    return { target: loc.path, buildOutDir: f.sourceRoot, rewrites: { ...COMPILED_REWRITES } };
  }
  return { target: loc.path, rewrites: {}, copiedAsIs: true };
}

async function describeMapping(f: Facts, p: Placement): Promise<SourceMapping> {
  const { evidence, spec, ts } = f;
  if (Object.keys(p.rewrites).length > 0) evidence.push(l10n.t`file names: ${describeRewrites(p.rewrites)} (compiled)`);
  else if (p.copiedAsIs) evidence.push(l10n.t('file names unchanged: the image holds the source as-is'));
  let bundled = false;
  if (f.bundler !== undefined) {
    bundled = true;
    evidence.push(bundlingText(f.bundler));
  } else if (ts?.noEmit === true && !p.copiedAsIs && f.project.server === undefined && f.emit?.byFileCompiler !== true) {
    // noEmit with the source not copied as-is means some other tool builds a bundle; unless a
    // file-by-file compiler's output is known (babel src --out-dir .server: tsc only checks types).
    bundled = true;
    evidence.push(l10n.t`bundled: ${f.tsName} has noEmit: true`);
  }
  const modulesDir = spec.drift.modulesDir ?? DEFAULT_MODULES_DIR;
  evidence.push(spec.drift.modulesDir !== undefined ? l10n.t`modules under ${modulesDir}/ (x-runtime-drift.modulesDir)` : l10n.t`modules under ${modulesDir}/ (default)`);
  const mapping: SourceMapping = { sourceRoot: f.sourceRoot, target: p.target, rewrites: p.rewrites, bundled, modulesDir, evidence };
  const ignoreFile = spec.build && (await dockerignoreFile(f.fs, spec, f.context));
  if (ignoreFile !== undefined) {
    const patterns = parseDockerignore(await f.fs.readFile(ignoreFile));
    if (patterns.length > 0) {
      mapping.dockerignore = { context: f.context, patterns, applies: p.copiesLocalOutput ? 'output' : 'source' };
      evidence.push(basename(ignoreFile) === '.dockerignore' ? l10n.t`${patterns.length} .dockerignore pattern(s): ignored files are not expected in the image` : l10n.t`${patterns.length} pattern(s) of ${basename(ignoreFile)}, the Dockerfile's own ignore file: ignored files are not expected in the image`);
    }
  }
  if (p.copiedOnly) {
    // Everything but what the COPYs name is left out, as a .dockerignore of `**` and their exceptions would; the file's own patterns after.
    const only = ['**', ...p.copiedOnly.flatMap((src) => [`!${src}`, `!${src}/**`])];
    mapping.dockerignore = { context: f.context, patterns: [...only, ...(mapping.dockerignore?.patterns ?? [])], applies: 'source' };
    evidence.push(l10n.t`only what the Dockerfile copies is expected in the image: ${p.copiedOnly.join(', ')}`);
  }
  if (p.buildOutDir !== undefined) mapping.buildOutDir = p.buildOutDir;
  const started = f.df && builtStage(f.df, spec.build?.target);
  if (started) mapping.started = { command: started.start ?? '', workdir: started.workdir, ...(started.workdirOfImage && spec.drift.target === undefined ? { workdirOfImage: true as const } : {}) };
  return mapping;
}

/** ".ts/.tsx/.jsx -> .js, .mts -> .mjs, .cts -> .cjs", grouped by what they become. */
function describeRewrites(rewrites: Record<string, string>): string {
  const by = new Map<string, string[]>();
  for (const [from, to] of Object.entries(rewrites)) by.set(to, [...(by.get(to) ?? []), from]);
  return [...by.entries()].map(([to, froms]) => `${froms.join('/')} -> ${to}`).join(', ');
}

/**
 * The tsconfig the project compiles with: the one the image's own build runs tsc with (`runs`,
 * absolute: runTsconfig.ts; the first in the project's folder), the one its build script names
 * (`tsc -p X`), its nest-cli.json `compilerOptions.tsConfigPath`, else tsconfig.build.json /
 * tsconfig.json.
 */
async function projectTsConfig(fs: FsLike, project: BuildProject, context: string, evidence: string[], runs: readonly string[]): Promise<TsConfigInfo | undefined> {
  // A config emitting declarations only (`build:types`) makes the code's types, not the code: passed over.
  const emitsCode = async (file: string) => {
    const info = await readTsConfig(fs, file);
    return info?.emitDeclarationOnly === true ? undefined : info;
  };
  const scripted = tsconfigsOfScripts(project.pkg?.scripts ?? {});
  const scriptedAt = scripted.map((n) => join(project.dir, n.endsWith('.json') ? n : join(n, 'tsconfig.json')));
  // A config of a package nested in the project's folder (`cdn-server/cdn/tsconfig.json` beside
  // `cdn-server/package.json`) compiles that package, not the project.
  let run: string | undefined;
  for (const r of runs) {
    if (!isAtOrInside(project.dir, r) || (await inNestedPackage(fs, project.dir, dirname(r)))) continue;
    run = r;
    break;
  }
  const ran = run !== undefined && !scriptedAt.includes(run) ? await emitsCode(run) : undefined;
  if (ran) {
    evidence.push(l10n.t`tsconfig ${relative(context, ran.file)} (the image's build runs tsc with it)`);
    return ran;
  }
  // The build script the image runs comes before the others that name a config.
  for (const file of run !== undefined && scriptedAt.includes(run) ? [run, ...scriptedAt] : scriptedAt) {
    const info = await emitsCode(file);
    if (info) {
      evidence.push(l10n.t`tsconfig ${relative(context, info.file)} (named by package.json's build script)`);
      return info;
    }
  }
  const nestPath = objectField(project.nestCli, 'compilerOptions')['tsConfigPath'];
  if (typeof nestPath === 'string') {
    const info = await emitsCode(join(project.dir, nestPath));
    if (info) {
      evidence.push(l10n.t`tsconfig ${relative(context, info.file)} (nest-cli.json compilerOptions.tsConfigPath)`);
      return info;
    }
  }
  for (const name of TSCONFIG_NAMES) {
    const info = await emitsCode(join(project.dir, name));
    if (info) return info;
  }
  return undefined;
}

/** Whether `dir`, inside `root`, is in a package of its own below `root` (a package.json between them). */
async function inNestedPackage(fs: FsLike, root: string, dir: string): Promise<boolean> {
  for (let d = dir; d !== root && isAtOrInside(root, d); d = dirname(d)) if (await fs.stat(join(d, 'package.json'))) return true;
  return false;
}

/** The tsconfigs build scripts compile with (`tsc -p X` / `tsc --project X` / `tsc --build X`), in script order; not one run with --emitDeclarationOnly. */
function tsconfigsOfScripts(scripts: Record<string, string>): string[] {
  const named: string[] = [];
  for (const [name, script] of Object.entries(scripts)) {
    // `build:tests` compiles the tests (test/tsconfig.json), not the server.
    if (!/build/.test(name) || /\btests?\b/.test(name)) continue;
    const m = /\btsc\b([^&|;]*?)(?:-p|--project|-b|--build)\s+(\S+)([^&|;]*)/.exec(script);
    if (m?.[2] && !/--emitDeclarationOnly\b/.test(`${m[1] ?? ''} ${m[3] ?? ''}`)) named.push(m[2].replace(/^\.\//, ''));
  }
  return named;
}

type SourceRootRule = (fs: FsLike, r: SourceRootInput) => Promise<{ path: string; why: string } | undefined>;

interface SourceRootInput {
  spec: ServiceSpec;
  project: BuildProject;
  nxRoot: string | undefined;
  ts: TsConfigInfo | undefined;
  tsName: string;
  context: string;
  started: StartedSource | undefined;
  /** A build script file's bundler API call (bundleScript.ts). */
  scripted: ScriptedBundle | undefined;
}

const isDir = async (fs: FsLike, p: string): Promise<boolean> => Boolean((await fs.stat(p))?.isDirectory);

/** In order; the first that answers is the source root. */
const SOURCE_ROOT_RULES: readonly SourceRootRule[] = [
  async (_fs, { spec }) => (spec.drift.source === undefined ? undefined : { path: spec.drift.source, why: 'x-runtime-drift.source' }),
  // Nx and the Nest CLI name it; Nx relative to the workspace root, the Nest CLI to the project.
  async (fs, { project, nxRoot }) => {
    const nx = project.nx?.['sourceRoot'];
    if (typeof nx !== 'string' || nxRoot === undefined || !(await isDir(fs, join(nxRoot, nx)))) return undefined;
    return { path: join(nxRoot, nx), why: 'project.json sourceRoot' };
  },
  async (fs, { project }) => {
    const nest = project.nestCli?.['sourceRoot'];
    if (typeof nest !== 'string' || project.dir === undefined || !(await isDir(fs, join(project.dir, nest)))) return undefined;
    return { path: join(project.dir, nest), why: 'nest-cli.json sourceRoot' };
  },
  // A rootDir at or above the project folder (`"rootDir": "."`, a monorepo's base config) is where
  // output paths are kept from, not the source folder: the rules below find that.
  async (_fs, { ts, project, context }) =>
    ts?.rootDir && ts.rootDir.path.startsWith(project.dir + sep) ? { path: ts.rootDir.path, why: `${relative(context, ts.rootDir.from)} compilerOptions.rootDir` } : undefined,
  // `"include": ["."]` names the project folder itself: no narrower than it, so its src folder
  // (below) says more about where the server's code is.
  // A tsconfig that only type-checks (noEmit) a folder the start script's server is not in (an
  // Astro or Vite front end's src beside a plain JavaScript server.js) says nothing of the server.
  async (fs, { ts, context, project }) => {
    if (!ts?.includeRoot || ts.includeRoot.path === project.dir) return undefined;
    const started = ts.noEmit === true ? await entryFolder(fs, project.dir) : undefined;
    if (started?.byStartScript && !isAtOrInside(ts.includeRoot.path, started.path)) return undefined;
    return { path: ts.includeRoot.path, why: `${relative(context, ts.includeRoot.from)} include` };
  },
  // `"include": ["src/**/*", "../src/shared/**/*"]`: the project's own folder among shared ones.
  async (_fs, { ts, context }) => (ts?.ownIncludeRoot ? { path: ts.ownIncludeRoot.path, why: l10n.t`${relative(context, ts.ownIncludeRoot.from)} include, its entries in its own folder` } : undefined),
  async (_fs, { ts, tsName, project }) => {
    const configDir = ts ? dirname(ts.file) : project.dir;
    return configDir !== project.dir && configDir.startsWith(project.dir + sep) ? { path: configDir, why: l10n.t`the folder of ${tsName}, which sets no rootDir` } : undefined;
  },
  // The image starts a source file below a folder of the project (`node server/bin/prod.js`); not
  // when the tsconfig that includes it spans more than that folder (backend/ and common/ both compiled).
  // One at the project's top (`node server.js` beside a front end's src/): the project folder.
  async (fs, { project, started, ts }) => {
    const [top, ...rest] = started ? relative(project.dir, started.file).split(sep) : [];
    if (top === undefined || !started || top === '..') return undefined;
    if (rest.length === 0) {
      // A launcher beside the project's src folder loading only its modules (`node koa-api.js`
      // importing ./src/routes.js): the src folder, as a start script's root file loading only ./src
      // is (entryFolder). One loading ./lib only is the server itself, lib its helpers.
      const folder = await soleLoadedFolder(fs, started.file);
      if (folder === join(project.dir, 'src')) return { path: folder, why: l10n.t`the image starts ${started.imagePath}, at the top of the project folder, which loads only modules of ${relative(project.dir, folder)}` };
      return { path: project.dir, why: l10n.t`the image starts ${started.imagePath}, at the top of the project folder` };
    }
    const path = join(project.dir, top);
    if (ts && includeBases(ts).some((base) => !isAtOrInside(path, base))) return undefined;
    return { path, why: l10n.t`the image starts ${started.imagePath}, below it` };
  },
  async (fs, { project }) => {
    const src = await tanstackStartSource(fs, project);
    return src && (await isDir(fs, src.path)) ? src : undefined;
  },
  async (fs, { project }) => entryFolder(fs, project.dir),
  // A server's rollup build keeping one file per module (`input: 'server/router.ts'`, preserveModules): the input's first folder.
  async (fs, { project }) => {
    const rollup = project.server === undefined ? undefined : await rollupModules(fs, project, buildScriptNames(project));
    const [top] = rollup ? relative(project.dir, rollup.input).split(sep) : [];
    const path = top === undefined || top === '..' || !rollup || rollup.input === join(project.dir, top) ? undefined : join(project.dir, top);
    return path === undefined ? undefined : { path, why: l10n.t`the input of rollup with preserveModules in ${rollup?.file ?? ''} is below it` };
  },
  async (fs, { project, scripted }) => {
    const entry = await bundledEntryFolder(fs, project, scripted);
    const path = entry && join(project.dir, entry.folder);
    if (path === undefined || !entry || !(await isDir(fs, path))) return undefined;
    // The entry loading modules from beside its folder (`import x from '../src/lib/server/x.ts'`): the bundle takes them in too.
    const beyond = await loadedBeyond(fs, join(project.dir, entry.entry), path, project.dir);
    if (beyond !== undefined) return { path: project.dir, why: l10n.t`the bundle's entry ${entry.entry} loads ${beyond}, beside its folder ${entry.folder}` };
    return { path, why: entry.script === '' ? l10n.t('the entry a RUN of the Dockerfile bundles is below it') : l10n.t`the entry its "${entry.script}" script bundles is below it` };
  },
  // A server bundled by webpack: its config's entry (`entry: { server: './server/server.js' }`). A
  // package that is no server itself (a front end's, building a server beside it) only when that
  // folder is a server package's.
  async (fs, { project }) => {
    const entry = await webpackEntryFolder(fs, project, buildScriptNames(project));
    const path = entry && join(project.dir, entry.folder);
    if (path === undefined || !entry || !(await isDir(fs, path))) return undefined;
    const deps = project.server === undefined ? Object.keys((await readPackage(fs, path))?.deps ?? {}) : [];
    if (project.server === undefined && !SERVER_FRAMEWORKS.some((f) => deps.includes(f))) return undefined;
    return { path, why: l10n.t`the entry webpack bundles (${entry.file}) is below it` };
  },
  // Not when the tsconfig's include spans more than that folder (bin/ and src/ compiled together: bin/server.ts starts the code of src/).
  async (fs, { project, ts }) => {
    const compiled = await compiledStartEntry(fs, project.dir);
    if (!compiled || ts?.include?.patterns.some((p) => !isAtOrInside(compiled.sourceRoot, join(ts.include?.dir ?? '', p.split(/[*?{[]/)[0] ?? '')))) return undefined;
    return { path: compiled.sourceRoot, why: compiled.why };
  },
  async (fs, { project, ts, tsName }) => {
    const src = join(project.dir, 'src');
    if (!(await isDir(fs, src))) return undefined;
    if (!tsName) return { path: src, why: l10n.t("the project's src folder") };
    return { path: src, why: ts?.rootDir ? l10n.t`the project's src folder; ${tsName}'s rootDir is not below the project folder` : l10n.t`the project's src folder; ${tsName} sets no rootDir` };
  },
];

/** The folders a tsconfig's include patterns start from (each pattern's part before its first wildcard). */
function includeBases(ts: TsConfigInfo): string[] {
  return ts.include?.patterns.map((p) => join(ts.include?.dir ?? '', p.split(/[*?{[]/)[0] ?? '')) ?? [];
}

/** Whether a tsconfig's include holds a file (no include: every file of its folder). */
function includes(ts: TsConfigInfo, file: string): boolean {
  return ts.include === undefined ? isAtOrInside(dirname(ts.file), file) : includeBases(ts).some((base) => isAtOrInside(base, file));
}

/** A relative path a file names: `require('./x')`, `import('./src/app.js')`, `resolve(__dirname, '../dist/server.js')`. */
const RELATIVE_PATH = /['"`](\.\.?\/[^'"`$]+)['"`]/g;

/**
 * Whether a file names a path below the tsconfig's include or its outDir (`import('./src/app.js')`
 * of a top-level app.js, a launcher requiring `../dist/bin/server.js`): that tsconfig is its code's.
 */
async function loadsIncluded(fs: FsLike, file: string, ts: TsConfigInfo): Promise<boolean> {
  const text = await fs.readFile(file).catch(() => undefined);
  if (text === undefined) return false;
  for (const m of text.matchAll(RELATIVE_PATH)) {
    const path = m[1] === undefined ? undefined : join(dirname(file), m[1]);
    if (path !== undefined && (includes(ts, path) || (ts.outDir !== undefined && isAtOrInside(ts.outDir.path, path)))) return true;
  }
  return false;
}

async function pickSourceRoot(fs: FsLike, input: Omit<SourceRootInput, 'context'>, evidence: string[]): Promise<string> {
  const { spec, project, started } = input;
  const context = spec.build && isAbsolute(spec.build.context) ? spec.build.context : spec.projectDir;
  // A tsconfig that leaves out the source file the image starts as copied, and every file that one
  // loads (a front end's beside a plain JavaScript backend/app.js), says nothing of the server's source.
  const ts = input.ts && started && !includes(input.ts, started.file) && !(await loadsIncluded(fs, started.file, input.ts)) ? undefined : input.ts;
  if (ts !== input.ts && input.ts) evidence.push(l10n.t`${relative(context, input.ts.file)} does not include ${relative(context, started?.file ?? '')}, the file the image starts: not the server's`);
  for (const rule of SOURCE_ROOT_RULES) {
    const found = await rule(fs, { ...input, ts, context });
    if (found) {
      evidence.push(l10n.t`source root ${found.path} (${found.why})`);
      return found.path;
    }
  }
  evidence.push(project.dir === context ? l10n.t`source root ${project.dir} (the build context itself)` : l10n.t`source root ${project.dir} (the project folder)`);
  return project.dir;
}

/** The Nx workspace an Nx project belongs to: the nearest folder above it with nx.json, else the context. */
async function nxWorkspaceRoot(fs: FsLike, dir: string, context: string): Promise<string> {
  for (let d = dir; ; d = dirname(d)) {
    if ((await fs.stat(join(d, 'nx.json')))?.isFile) return d;
    if (dirname(d) === d) return context;
  }
}

/** A COPY of the whole context: any path at all is found in the image (copied, not guessed made by a RUN). */
function coversAnyPath(locate: (abs: string) => Location | undefined, context: string): boolean {
  return locate(join(context, '.runtime-drift-probe', 'x'))?.madeByRun === false;
}

/** A task runner or a package script run by name (`pnpm turbo make-bin`, `nx run api:bundle`, `npm run pack`): what it runs may build, whatever its name. */
const TASK_RUN = /(?:^|[\s;&|(])(?:(?:turbo|nx|lerna)\s+(?:run\s+)?|(?:npm|pnpm|yarn|bun)\s+run\s+)[\w:@/.-]+/;

function runsTasks(df: Dockerfile): boolean {
  return df.stages.some((st) => st.runs.some((r) => TASK_RUN.test(r.command)));
}

function runsABuild(df: Dockerfile): boolean {
  return df.stages.some((st) => st.runs.some((r) => BUILD_COMMAND.test(r.command)));
}

/**
 * The ignore file the build reads: BuildKit's Dockerfile-specific one (`<Dockerfile>.dockerignore`
 * beside the Dockerfile) over the context's `.dockerignore`; undefined when there is neither.
 * https://docs.docker.com/build/concepts/context/#filename-and-location
 */
async function dockerignoreFile(fs: FsLike, spec: ServiceSpec, context: string): Promise<string | undefined> {
  const dockerfile = spec.build && (await serviceDockerfile(fs, spec.build));
  for (const file of [...(dockerfile !== undefined && isAbsolute(dockerfile) ? [`${dockerfile}.dockerignore`] : []), join(context, '.dockerignore')]) {
    if ((await fs.stat(file))?.isFile) return file;
  }
  return undefined;
}

/** The service's Dockerfile, parsed with the WORKDIRs it shows of its stages' base images. */
async function readDockerfile(fs: FsLike, spec: ServiceSpec, context: string, evidence: string[]): Promise<Dockerfile | undefined> {
  const path = spec.build && (await serviceDockerfile(fs, spec.build));
  if (path === undefined || !isAbsolute(path)) return undefined;
  if (!(await fs.stat(path))?.isFile) {
    evidence.push(l10n.t`no Dockerfile at ${path}`);
    return undefined;
  }
  const text = await fs.readFile(path);
  const df = parseDockerfile(text, spec.build?.args);
  const shown = await imageWorkdirs(fs, df, context, path);
  if (shown.workdirs.size === 0) return df;
  evidence.push(...shown.evidence);
  return parseDockerfile(text, spec.build?.args, shown.workdirs, shown.envs, shown.copies);
}

/**
 * The tasks of the context's deno.json or deno.jsonc (`"compile": "deno compile --output app src/main.ts"`,
 * or `{ "command": ... }`): what `deno task compile` runs, read as package scripts are.
 * https://docs.deno.com/runtime/reference/cli/task/
 */
async function denoTasks(fs: FsLike, context: string): Promise<Record<string, string>> {
  for (const name of ['deno.json', 'deno.jsonc']) {
    const tasks = objectField(await readJsonObject(fs, join(context, name)), 'tasks');
    const out: Record<string, string> = {};
    for (const [task, body] of Object.entries(tasks)) {
      const command = typeof body === 'string' ? body : isRecord(body) ? body['command'] : undefined;
      if (typeof command === 'string') out[task] = command;
    }
    if (Object.keys(tasks).length > 0) return out;
  }
  return {};
}
