// Where the build writes the source root's compiled files, as each build tool decides it:
// x-runtime-drift.buildOutput; an Nx build target (its executor's own rules for output paths);
// tsc's outDir, below which each file keeps its path relative to rootDir — or, without rootDir,
// relative to the common root of the inputs (inputRoot.ts).
// Every answer carries the evidence it came from.
import * as l10n from '@vscode/l10n';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import type { DriftOverrides } from '../model';
import type { FsLike } from '../ports';
import { commonInputRoot } from './inputRoot';
import { commonFolder, isAtOrInside } from '../pathInside';
import { objectField, type BuildProject } from './buildProject';
import { readJsonObject, type TsConfigInfo } from './tsconfig';
import { compiledStartEntry } from './startEntry';
import { buildScriptNames, scriptRun, serverBundleTool } from './bundler';
import { rollupModules, webpackOutputPath } from './bundlerOutput';
import type { ScriptedBundle } from './bundleScript';
import { unbundledOutput } from './unbundledOutput';
import { fileCompilerOutput, fileCompilerRuns, shellFileCompilerRuns, type FileCompilerRun } from './fileCompilerScripts';

/** What tsc (and babel/swc builds following it) turns each source extension into. */
export const COMPILED_REWRITES: Readonly<Record<string, string>> = {
  '.ts': '.js',
  '.tsx': '.js',
  '.mts': '.mjs',
  '.cts': '.cjs',
  '.jsx': '.js',
};

export interface Emit {
  /** The folder holding the source root's output (its files at the same relative paths). */
  dir: string;
  /** Source extension -> emitted extension. */
  rewrites: Record<string, string>;
  /** Set when the tool bundles: why, a translated sentence (the output has no per-file counterpart then). */
  bundledBy?: string;
  /** A script's own file-by-file compiler (babel, swc) writes it, whatever the tsconfig says (noEmit: tsc only checks types). */
  byFileCompiler?: true;
  /** A bundler configured to keep one file per module writes it (unbundledOutput.ts): the server's build is no bundle. */
  keepsModules?: true;
  /** tsc without rootDir: the inputs outside the source root that set the output's common root (InputRoot.outside). */
  tscInputsOutside?: string[];
  evidence: string[];
}

export interface EmitInput {
  drift: DriftOverrides;
  /** The workspace root an Nx project's paths are relative to. */
  nxRoot: string | undefined;
  project: BuildProject;
  sourceRoot: string;
  ts: TsConfigInfo | undefined;
  /** For evidence: paths are shown relative to it. */
  context: string;
  /** A build script calling a bundler's API with glob entries (bundleScript.ts): each file written at its own path. */
  perFile?: ScriptedBundle;
  /** The Nx build target the service's start runs (nxServeTarget.ts), when not `build`. */
  nxBuildTarget?: string;
}

/** The first rule that knows. */
export async function findEmit(fs: FsLike, input: EmitInput): Promise<Emit | undefined> {
  return emitByOverride(input) ?? emitByNx(input) ?? emitByNxCommand(input) ?? (await emitByNxPlugin(fs, input)) ?? emitByNestSwc(input) ?? (await emitByBabelScript(fs, input)) ?? emitByEsbuildScript(input) ?? emitByPerFileScript(input) ?? (await emitByRollupModules(fs, input)) ?? (await emitByUnbundled(fs, input)) ?? emitByMidwayBuild(input) ?? (await emitByTsc(fs, input)) ?? (await emitByStartEntry(fs, input));
}

/** A server's rollup build keeping one file per module (bundlerOutput.ts rollupModules): each at its path below preserveModulesRoot in output.dir. */
async function emitByRollupModules(fs: FsLike, { project, sourceRoot, context }: EmitInput): Promise<Emit | undefined> {
  if (project.server === undefined) return undefined;
  const rollup = await rollupModules(fs, project, buildScriptNames(project));
  if (!rollup || !isAtOrInside(rollup.root, sourceRoot) || !isAtOrInside(sourceRoot, rollup.input)) return undefined;
  const evidence = [l10n.t`build output ${relative(context, rollup.dir) || '.'} (rollup with preserveModules in ${rollup.file}, its "${rollup.script}" script: one file per module, paths kept below ${relative(context, rollup.root) || '.'})`];
  return placed(rollup.dir, rollup.root, sourceRoot, { ...COMPILED_REWRITES }, evidence);
}

/** A server's tsdown (`unbundle: true`) or tsup (`bundle: false`) build: each module at its path below the input root in the output folder. */
async function emitByUnbundled(fs: FsLike, { project, sourceRoot, context }: EmitInput): Promise<Emit | undefined> {
  if (project.server === undefined) return undefined;
  const out = await unbundledOutput(fs, project, buildScriptNames(project));
  if (!out || !isAtOrInside(out.root, sourceRoot)) return undefined;
  const evidence = [l10n.t`build output ${relative(context, out.dir) || '.'} (${out.tool} in ${out.file}, its "${out.script}" script, keeps one file per module: paths kept below ${relative(context, out.root) || '.'}, from ${out.rootFrom})`];
  return { ...placed(out.dir, out.root, sourceRoot, { ...COMPILED_REWRITES }, evidence), keepsModules: true };
}

/**
 * A package script that runs `babel <dir> --out-dir <out>` or `swc <dir> -d <out>` naming the
 * source root (fileCompilerScripts.ts): babel writes each file at its path below <dir> into <out>;
 * the swc CLI keeps the path as given unless --strip-leading-paths. It outranks the tsconfig, which
 * such a build runs for its types or checks only (sorry-cypress: tsc with the root's noEmit, then
 * babel src -d dist).
 */
async function emitByBabelScript(fs: FsLike, { project, sourceRoot, context }: EmitInput): Promise<Emit | undefined> {
  const scripts = project.pkg?.scripts ?? {};
  // The shell scripts of its build only (`"build": "yarn build-prod"` -> `bash scripts/build-prod.sh`), not a dev build's writing elsewhere.
  const builds = Object.fromEntries(Object.entries(scripts).filter(([name]) => buildScriptNames(project).test(name)).map(([name, body]) => [name, scriptRun(scripts, body)]));
  const runs = [...fileCompilerRuns(scripts, project.pkg?.deps), ...(await shellFileCompilerRuns(fs, project.dir, builds, project.pkg?.deps))];
  const emit = (dir: string, run: FileCompilerRun): Emit => ({ dir, rewrites: { ...COMPILED_REWRITES }, byFileCompiler: true, evidence: [l10n.t`build output ${relative(context, dir) || '.'} (package.json script ${run.script}: ${run.command})`] });
  for (const run of runs) {
    // Folders as written, trailing slash or not (`babel src/ -d lib/`).
    const input = run.inputs.find((a) => resolve(project.dir, run.dir ?? '', a) === sourceRoot);
    if (input !== undefined) return emit(fileCompilerOutput(project.dir, run, input), run);
  }
  // The source root compiled in parts (`babel "*.js" --out-dir ../dist/app` in src, `babel -d dist/app/server src/server`): each part's output at its path below one folder.
  const parts = runs.flatMap((run) => run.inputs.flatMap((input) => {
    const folder = compiledFolder(project.dir, run, input);
    const below = folder === undefined ? '' : relative(sourceRoot, folder);
    const out = folder === undefined ? '' : fileCompilerOutput(project.dir, run, /[*?[]/.test(input) ? posix.dirname(input) : input);
    if (folder === undefined || below.startsWith('..') || isAbsolute(below) || (below !== '' && !out.endsWith(sep + below))) return [];
    return [{ run, dir: below === '' ? out : out.slice(0, -below.length - 1) }];
  }));
  const [first] = parts;
  return first && parts.every((p) => p.dir === first.dir) ? emit(first.dir, first.run) : undefined;
}

/** The folder an input of a file-by-file compile names: itself, or the folder of a one-level glob (`*.js`: babel writes each file by its name); undefined for a deeper glob. */
function compiledFolder(dir: string, run: FileCompilerRun, input: string): string | undefined {
  if (!/[*?[]/.test(input)) return resolve(dir, run.dir ?? '', input);
  const folder = posix.dirname(input);
  return run.keepsPath || /[*?[]/.test(folder) ? undefined : resolve(dir, run.dir ?? '', folder);
}

/** `esbuild <entries> --outdir=<out>`, up to the end of that command (a `find` in backticks or `$(...)` kept whole). */
const ESBUILD_COMMAND = /(?:^|[\s;&|(/])esbuild\s+((?:`[^`]*`|\$\((?:\\\)|[^)])*\)|[^;&|`$])*)/g;

/**
 * A package script that transpiles files one by one with esbuild (`esbuild `find src -name '*.ts'`
 * --outdir=build`, `esbuild src/**\/*.ts --outdir=dist`; no --bundle): each entry is written at its
 * path relative to --outbase, else to the entries' lowest common folder, below --outdir.
 * https://esbuild.github.io/api/#outbase
 */
function emitByEsbuildScript({ project, sourceRoot, context }: EmitInput): Emit | undefined {
  for (const [name, script] of Object.entries(project.pkg?.scripts ?? {})) {
    for (const match of script.matchAll(ESBUILD_COMMAND)) {
      const body = match[1] ?? '';
      const options = new Map([...body.matchAll(/--([\w-]+)(?:=(\S+))?/g)].map((o) => [o[1] ?? '', (o[2] ?? '').replace(/^["']|["']$/g, '')]));
      const out = options.get('outdir');
      if (options.has('bundle') || options.has('watch') || !out) continue;
      const folders = esbuildEntryFolders(body).map((f) => join(project.dir, f));
      const base = options.get('outbase') ? join(project.dir, options.get('outbase') ?? '') : folders.length === 0 ? undefined : folders.reduce(commonFolder);
      if (base === undefined || relative(base, sourceRoot).startsWith('..')) continue;
      const evidence = [l10n.t`build output ${relative(context, join(project.dir, out)) || '.'} (package.json script ${name}: esbuild per file, out base ${relative(context, base) || '.'})`];
      return placed(join(project.dir, out), base, sourceRoot, { ...COMPILED_REWRITES }, evidence);
    }
  }
  return undefined;
}

/**
 * A build script calling a bundler's API with glob entries (`esbuild.build({ entryPoints:
 * ['src/**\/*.ts'], outdir: 'dist', bundle: true })`): each matched file is an entry of its own,
 * written at its path relative to the entries' lowest common folder below the output folder, its
 * imports inlined or not: file for file, not one bundle. https://esbuild.github.io/api/#glob
 */
function emitByPerFileScript({ perFile, sourceRoot, context }: EmitInput): Emit | undefined {
  if (perFile?.output === undefined || perFile.entries.length === 0) return undefined;
  const folders = perFile.entries.map((e) => {
    const wild = e.search(/[*?[{]/);
    return wild >= 0 ? e.slice(0, wild).replace(/[\\/][^\\/]*$/, '') : join(e, '..');
  });
  const base = folders.reduce(commonFolder);
  if (relative(base, sourceRoot).startsWith('..')) return undefined;
  const evidence = [l10n.t`build output ${relative(context, perFile.output) || '.'} (${perFile.tool} in ${perFile.file}: glob entries, each file written at its own path, out base ${relative(context, base) || '.'})`];
  return placed(perFile.output, base, sourceRoot, { ...COMPILED_REWRITES }, evidence);
}

/** The folders an esbuild command's entries come from: a `find <dir>`'s dir, a glob's fixed folder, a file's folder. */
function esbuildEntryFolders(body: string): string[] {
  const found = [...body.matchAll(/(?:`|\$\()\s*find\s+(\S+)/g)].map((m) => m[1] ?? '');
  const rest = body.replace(/`[^`]*`|\$\((?:\\\)|[^)])*\)/g, ' ');
  for (const raw of rest.split(/\s+/)) {
    const token = raw.replace(/^["']|["']$/g, '');
    if (token === '' || token.startsWith('-')) continue;
    const wild = token.search(/[*?[{]/);
    const fixed = wild >= 0 ? token.slice(0, wild) : token;
    found.push(wild >= 0 ? fixed.slice(0, fixed.lastIndexOf('/') + 1) || '.' : posix.dirname(fixed));
  }
  return found;
}


/**
 * Nest CLI's swc builder (nest-cli.json `compilerOptions.builder` swc): @swc/cli compiles the Nest
 * sourceRoot into the builder's outDir, else the tsconfig's, else dist; since nest-cli 10.3 it strips
 * the first folder of each path (src/users/x.ts -> dist/users/x.js) unless the tsconfig sets rootDir.
 */
function emitByNestSwc({ project, ts, sourceRoot, context }: EmitInput): Emit | undefined {
  const options = objectField(project.nestCli, 'compilerOptions');
  const builder = options['builder'];
  const type = typeof builder === 'string' ? builder : objectField(options, 'builder')['type'];
  if (type !== 'swc') return undefined;
  const rel = relative(project.dir, sourceRoot);
  if (rel.startsWith('..')) return undefined;
  const builderOut = objectField(objectField(options, 'builder'), 'options')['outDir'];
  const out = typeof builderOut === 'string' ? join(project.dir, builderOut) : (ts?.outDir?.path ?? join(project.dir, 'dist'));
  const kept = ts?.rootDir ? rel.split(sep) : rel.split(sep).slice(1);
  const dir = join(out, ...kept);
  const from = typeof builderOut === 'string' ? l10n.t`nest-cli.json builder options.outDir` : ts?.outDir ? l10n.t`${relative(context, ts.outDir.from)} compilerOptions.outDir` : l10n.t`the default dist`;
  const strip = ts?.rootDir ? l10n.t`the tsconfig sets rootDir, so paths keep their first folder` : l10n.t`no rootDir, so the first folder of each path is stripped`;
  return { dir, rewrites: { ...COMPILED_REWRITES }, evidence: [l10n.t`Nest CLI swc builder: build output ${relative(context, out) || '.'} (${from}); ${strip}: the source root compiles to ${relative(context, dir) || '.'}`] };
}

/** No outDir says it, but the start script runs the source root's output (startEntry.ts). */
async function emitByStartEntry(fs: FsLike, { project, sourceRoot, context }: EmitInput): Promise<Emit | undefined> {
  const entry = await compiledStartEntry(fs, project.dir);
  if (entry?.sourceRoot !== sourceRoot) return undefined;
  return { dir: entry.outDir, rewrites: { ...COMPILED_REWRITES }, evidence: [l10n.t`build output ${relative(context, entry.outDir)} (${entry.why})`] };
}

function emitByOverride({ drift }: EmitInput): Emit | undefined {
  if (drift.buildOutput === undefined) return undefined;
  return { dir: drift.buildOutput, rewrites: { ...COMPILED_REWRITES }, evidence: [l10n.t`build output ${drift.buildOutput} (x-runtime-drift.buildOutput)`] };
}

/**
 * Executors that bundle whatever their options say: Nx's, the webpack-based `@nrwl/node:build` of
 * Nx before v12 (https://v11.nx.dev/latest/angular/node/build), and the Angular CLI's builders a
 * workspace.json names.
 */
const NX_BUNDLERS = /^(?:@(?:nx|nrwl)\/(?:webpack|rollup|vite|next|rspack|angular|node:webpack|node:build\b)|@angular-devkit\/build-angular:)/;

/**
 * The project's Nx build target (options merged with its default configuration). @nx/esbuild
 * bundles unless `bundle: false`; unbundled for Node as CommonJS, it keeps every file's path
 * relative to the workspace root below outputPath, otherwise esbuild's outbase (the inputs'
 * common folder: the source root). @nx/js:tsc and :swc keep paths relative to the project root
 * (their rootDir default).
 */
function emitByNx({ nxRoot, project, sourceRoot, context, nxBuildTarget }: EmitInput): Emit | undefined {
  const build = objectField(objectField(project.nx, 'targets'), nxBuildTarget ?? 'build');
  const executor = typeof build['executor'] === 'string' ? build['executor'] : undefined;
  const config = typeof build['defaultConfiguration'] === 'string' ? objectField(objectField(build, 'configurations'), build['defaultConfiguration']) : {};
  const options = { ...objectField(build, 'options'), ...config };
  if (!executor || nxRoot === undefined || typeof options['outputPath'] !== 'string') return undefined;
  const outputPath = join(nxRoot, options['outputPath']);
  const said = l10n.t('{0} {1} target ({2}, outputPath {3})', relative(context, project.nxFile ?? join(project.dir, 'project.json')) || 'project.json', nxBuildTarget ?? 'build', executor, options['outputPath']);
  if (NX_BUNDLERS.test(executor) || (/^@(?:nx|nrwl)\/esbuild:/.test(executor) && options['bundle'] !== false) || runsNxBundler(project.nx, options)) {
    return { dir: outputPath, rewrites: {}, bundledBy: said, evidence: [l10n.t`build output ${outputPath} (${said})`] };
  }
  if (/^@(?:nx|nrwl)\/esbuild:/.test(executor)) {
    const formats = Array.isArray(options['format']) ? options['format'] : ['esm'];
    const cjs = formats[0] === 'cjs';
    const keepsWorkspacePaths = cjs && (options['platform'] ?? 'node') === 'node';
    const base = keepsWorkspacePaths ? nxRoot : sourceRoot;
    const userExt = objectField(objectField(options, 'esbuildOptions'), 'outExtension')['.js'];
    const ext = cjs ? (userExt === '.js' ? '.js' : '.cjs') : userExt === '.mjs' ? '.mjs' : '.js';
    const why = keepsWorkspacePaths ? l10n.t('bundle: false, platform node, format cjs: files keep their workspace paths') : l10n.t('bundle: false: files keep their paths below the source root');
    return placed(outputPath, base, sourceRoot, withJsAs(ext), [l10n.t`build output ${outputPath} (${said}; ${why}; .js files named ${ext})`]);
  }
  if (/^@(?:nx|nrwl)\/js:(?:tsc|swc)$/.test(executor)) {
    const root = typeof options['rootDir'] === 'string' ? join(nxRoot, options['rootDir']) : project.dir;
    return placed(outputPath, root, sourceRoot, { ...COMPILED_REWRITES }, [l10n.t`build output ${outputPath} (${said}; paths kept relative to ${relative(context, root) || '.'})`]);
  }
  return undefined;
}

/**
 * A build target whose executor runs other targets of the project in turn (qwik-nx:build's
 * `runSequence: ['web:build.client', 'web:build.ssr']`): it bundles when one of those is an Nx bundler.
 */
function runsNxBundler(nx: Record<string, unknown> | undefined, options: Record<string, unknown>): boolean {
  const sequence = Array.isArray(options['runSequence']) ? options['runSequence'].filter((t): t is string => typeof t === 'string') : [];
  const targets = objectField(nx, 'targets');
  return sequence.some((step) => {
    const executor = objectField(targets, step.slice(step.indexOf(':') + 1))['executor'];
    return typeof executor === 'string' && NX_BUNDLERS.test(executor);
  });
}

/**
 * An Nx build target running a command of its own (`nx:run-commands` with `webpack-cli build`,
 * `tsup`, `esbuild --bundle` ...): when that command bundles, the output is the target's
 * `outputs` ({workspaceRoot}, {projectRoot}, {projectName} filled; a bare path is the workspace's).
 * https://nx.dev/nx-api/nx/executors/run-commands https://nx.dev/reference/project-configuration#outputs
 */
function emitByNxCommand({ nxRoot, project, context }: EmitInput): Emit | undefined {
  const build = objectField(objectField(project.nx, 'targets'), 'build');
  if (nxRoot === undefined || !/^(?:nx|@nrwl\/workspace):run-commands$/.test(String(build['executor']))) return undefined;
  const options = objectField(build, 'options');
  const listed = Array.isArray(options['commands']) ? (options['commands'] as unknown[]) : [options['command']];
  const commands = listed.map((c) => (typeof c === 'object' && c !== null ? (c as Record<string, unknown>)['command'] : c)).filter((c): c is string => typeof c === 'string');
  const command = commands.find((c) => serverBundleTool(c) !== undefined);
  const output = Array.isArray(build['outputs']) && typeof build['outputs'][0] === 'string' ? build['outputs'][0] : undefined;
  if (command === undefined || output === undefined) return undefined;
  const name = typeof project.nx?.['name'] === 'string' ? project.nx['name'] : undefined;
  const filled = output.replace('{workspaceRoot}', nxRoot).replace('{projectRoot}', project.dir).replace('{projectName}', name ?? '{projectName}');
  if (filled.includes('{')) return undefined;
  const dir = isAbsolute(filled) ? filled : join(nxRoot, filled);
  const said = l10n.t('{0} build target (nx:run-commands: {1}; outputs {2})', relative(context, project.nxFile ?? join(project.dir, 'project.json')) || 'project.json', command, output);
  return { dir, rewrites: {}, bundledBy: said, evidence: [l10n.t`build output ${dir} (${said})`] };
}

/**
 * Nx plugins that infer a project's build target from its bundler config file (Nx "inferred
 * targets"): listed in nx.json `plugins`, they build every project holding such a file.
 */
const NX_INFERRED_BUNDLERS: ReadonlyArray<{ plugin: string; configs: RegExp }> = [
  { plugin: '@nx/webpack/plugin', configs: /^webpack\.config\.[cm]?[jt]s$/ },
  { plugin: '@nx/rspack/plugin', configs: /^rspack\.config\.[cm]?[jt]s$/ },
  { plugin: '@nx/vite/plugin', configs: /^vite\.config\.[cm]?[jt]s$/ },
  { plugin: '@nx/rollup/plugin', configs: /^rollup\.config\.[cm]?[jt]s$/ },
];

/**
 * A build target an Nx plugin infers (project.json names no executor for it): the bundler whose
 * config file sits in the project folder, when nx.json lists its plugin. The output is the
 * target's `outputs` in project.json, else the config file's literal `outputPath`.
 */
async function emitByNxPlugin(fs: FsLike, { nxRoot, project, context }: EmitInput): Promise<Emit | undefined> {
  if (nxRoot === undefined || project.nx === undefined) return undefined;
  const nxJson = await readJsonObject(fs, join(nxRoot, 'nx.json'));
  const plugins = Array.isArray(nxJson?.['plugins']) ? (nxJson['plugins'] as unknown[]) : [];
  const entries = await fs.readdir(project.dir).catch(() => [] as string[]);
  for (const entry of plugins) {
    const spec = typeof entry === 'string' ? { plugin: entry } : typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const known = NX_INFERRED_BUNDLERS.find((b) => b.plugin === spec['plugin']);
    const config = known && entries.find((e) => known.configs.test(e));
    if (!known || !config) continue;
    const targetName = objectField(spec, 'options')['buildTargetName'];
    const build = objectField(objectField(project.nx, 'targets'), typeof targetName === 'string' ? targetName : 'build');
    if (typeof build['executor'] === 'string') continue; // an explicit executor: emitByNx reads it
    const said = l10n.t('build target inferred by {0} (nx.json plugins) from {1}', known.plugin, relative(context, join(project.dir, config)));
    const outputs = Array.isArray(build['outputs']) ? build['outputs'].filter((o): o is string => typeof o === 'string') : [];
    const fromOutputs = outputs[0]?.replace('{workspaceRoot}', nxRoot).replace('{projectRoot}', project.dir);
    if (fromOutputs !== undefined && !fromOutputs.includes('{'))
      return { dir: fromOutputs, rewrites: {}, bundledBy: said, evidence: [l10n.t`build output ${fromOutputs} (project.json build outputs; ${said})`] };
    const text = await fs.readFile(join(project.dir, config)).catch(() => '');
    const literal = /\boutputPath\s*:\s*['"]([^'"]+)['"]/.exec(text)?.[1];
    if (literal !== undefined) return { dir: join(nxRoot, literal), rewrites: {}, bundledBy: said, evidence: [l10n.t`build output ${join(nxRoot, literal)} (${config} outputPath; ${said})`] };
    // No outputPath for the plugin: webpack's own `output: { path: join(__dirname, 'dist') }`, or
    // Vite's `build: { outDir }`, from the config's folder.
    const own = known.plugin === '@nx/webpack/plugin' ? webpackOutputPath(text) : known.plugin === '@nx/vite/plugin' ? viteOutDir(text) : undefined;
    if (own !== undefined) return { dir: join(project.dir, own), rewrites: {}, bundledBy: said, evidence: [l10n.t`build output ${join(project.dir, own)} (${config} output.path; ${said})`] };
  }
  return undefined;
}

/**
 * Vite's `build.outDir` as a config writes it: a literal (`outDir: '../../dist/apps/web'`), or the
 * shorthand `outDir,` of a constant the file declares with a literal. https://vite.dev/config/build-options#build-outdir
 */
function viteOutDir(text: string): string | undefined {
  const literal = /\boutDir\s*:\s*(['"`])([^'"`$]+)\1/.exec(text)?.[2];
  if (literal !== undefined) return literal;
  if (!/[{,]\s*outDir\s*[,}]/.test(text)) return undefined;
  return /\bconst\s+outDir\s*=\s*(['"`])([^'"`$]+)\1/.exec(text)?.[2];
}

/** Midway's build command (`midway-bin build -c`, also `mw build`), with its --srcDir when given. */
const MIDWAY_BUILD = /\b(?:midway-bin|mw)\s+build\b([^;&|]*)/;

/**
 * Midway's `midway-bin build` compiles its source folder (--srcDir, default src) as the root of
 * the output, in the tsconfig's outDir (default dist): unlike tsc, files elsewhere in the project
 * (a sample config under docs/) do not move the root, as Midway loads dist/ as it would src/.
 */
function emitByMidwayBuild({ project, ts, sourceRoot, context }: EmitInput): Emit | undefined {
  for (const [name, script] of Object.entries(project.pkg?.scripts ?? {})) {
    const m = MIDWAY_BUILD.exec(script);
    if (!m) continue;
    const src = join(project.dir, /--srcDir[=\s]+([^\s]+)/.exec(m[1] ?? '')?.[1] ?? 'src');
    if (!isAtOrInside(src, sourceRoot)) continue;
    const out = ts?.outDir?.path ?? join(project.dir, 'dist');
    return placed(out, src, sourceRoot, { ...COMPILED_REWRITES }, [l10n.t`build output ${relative(context, out) || '.'} (package.json script ${name}: ${script}, compiling ${relative(context, src) || '.'} as the root of its output)`]);
  }
  return undefined;
}

/** tsc: outDir, below it the source root's path relative to rootDir or to the inputs' common root. */
async function emitByTsc(fs: FsLike, { ts, sourceRoot, project, context }: EmitInput): Promise<Emit | undefined> {
  if (!ts?.outDir) return undefined;
  const evidence = [outDirEvidence(ts, ts.outDir, context)];
  const rootDir = ts.rootDir;
  if (rootDir !== undefined) {
    if (rootDir.path !== sourceRoot) evidence.push(l10n.t`rootDir ${relative(context, rootDir.path) || '.'} (${relative(context, rootDir.from)}): files keep their paths relative to it`);
    return placed(ts.outDir.path, rootDir.path, sourceRoot, { ...COMPILED_REWRITES }, evidence);
  }
  const common = await commonInputRoot(fs, ts, sourceRoot, project.dir, context);
  if (common) evidence.push(common.why);
  const emit = placed(ts.outDir.path, common?.path ?? sourceRoot, sourceRoot, { ...COMPILED_REWRITES }, evidence);
  return common && common.outside.length > 0 ? { ...emit, tscInputsOutside: common.outside } : emit;
}

/** Where tsc's outDir comes from: the file that set it, or the Dockerfile's own tsconfig (TsConfigInfo.writtenBy). */
function outDirEvidence(ts: TsConfigInfo, outDir: { path: string; from: string }, context: string): string {
  const from = relative(context, outDir.from);
  const written = outDir.from === ts.file ? ts.writtenBy : undefined;
  if (written?.whole) return l10n.t`build output ${outDir.path} (compilerOptions.outDir of the tsconfig the Dockerfile writes, line ${written.line})`;
  if (written) return l10n.t`build output ${outDir.path} (compilerOptions.outDir of the repository's ${from}, which the build does not compile with: the Dockerfile replaces it, line ${written.line}, so the real one is not knowable here)`;
  return l10n.t`build output ${outDir.path} (${from} compilerOptions.outDir)`;
}

/** Output folder of `sourceRoot` when files keep their path relative to `base` below `out`. */
function placed(out: string, base: string, sourceRoot: string, rewrites: Record<string, string>, evidence: string[]): Emit {
  const rel = relative(base, sourceRoot);
  if (rel === '' || rel.startsWith('..')) return { dir: out, rewrites, evidence };
  const dir = join(out, rel);
  return { dir, rewrites, evidence: [...evidence, l10n.t`the source root compiles to ${dir}`] };
}

function withJsAs(ext: string): Record<string, string> {
  if (ext === '.js') return { ...COMPILED_REWRITES };
  const out: Record<string, string> = { '.js': ext };
  for (const [from, to] of Object.entries(COMPILED_REWRITES)) out[from] = to === '.js' ? ext : to;
  return out;
}
