// Whether the project's build bundles its output into a few files (then source files have no
// one-to-one counterpart in the image), and what says so.
import * as l10n from '@vscode/l10n';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import type { FsLike } from '../ports';
import { isAtOrInside } from '../pathInside';
import type { RunBundle } from '../dockerfile/runBundle';
import { packageScriptCall } from '../dockerfile/runCopies';
import { objectField, type BuildProject } from './buildProject';
import type { ScriptedBundle } from './bundleScript';
import { readPathAliases } from '../routes/aliases';
import { aliasMatch } from '../routes/moduleResolution';
import type { PathAlias } from '../routes/collect';
import { firstFile } from '../firstFile';
import { CODE_SOURCE_EXTENSIONS } from './tsSource';
import { scriptsRun } from './buildCommands';

/** What says the output is a bundle: the mapping's evidence line is made from it (bundlingText). */
export type BundledBy =
  /** package.json depends on a front-end bundler (BUNDLERS). */
  | { kind: 'dependency'; name: string }
  /** A build script runs a bundling tool ("esbuild" in the "build" script). */
  | { kind: 'script'; tool: string; script: string }
  /** A build script runs a file of the project that calls a bundler's API (bundleScript.ts). */
  | { kind: 'scriptFile'; bundle: ScriptedBundle }
  /** nest-cli.json asks for webpack in this compilerOptions field. */
  | { kind: 'nestCli'; field: 'webpack' | 'builder' }
  /** A RUN of the Dockerfile bundles (dockerfile/runBundle.ts). */
  | { kind: 'run'; run: RunBundle }
  /** An Nx build target bundles: `said` is the translated sentence naming it (mapping/emit.ts). */
  | { kind: 'nx'; said: string }
  /** The Dockerfile copies an output folder built before `docker build`, no tsc outDir: by a tool the build does not name. */
  | { kind: 'copiedOutput'; folder: string; line: number };

/** Dependencies that mean the output is a bundle, so files do not map one to one. */
export const BUNDLERS = [
  'vite', 'webpack', 'next', 'parcel', 'rollup', '@angular/cli', 'react-scripts', '@sveltejs/kit',
  // Front-end builders beyond those: an Expo web export, Vue CLI, Rsbuild / Rspack, Umi, Quasar.
  'expo', '@vue/cli-service', '@rsbuild/core', '@rspack/cli', 'umi', '@umijs/max', '@quasar/app-vite', '@quasar/app-webpack',
] as const;

/**
 * Build scripts that bundle a server into a few files (Vite's SSR build: https://vite.dev/guide/ssr#building-for-production;
 * Rsbuild and Rspack, webpack's kin; Razzle's server-rendered apps, webpack run for the server too: https://razzlejs.org;
 * pkgroll, rollup bundling the entries package.json's main/exports name from src to dist: https://github.com/privatenumber/pkgroll).
 */
const SERVER_BUNDLE_SCRIPT = /\btsup\b|\bpkgroll\b|\bbackstage-cli\s+package\s+build\b|\btsdown\b|\brolldown\b|\bncc\s+build\b|\besbuild\b[^&|;]*--bundle|\bwebpack\b|\brsbuild\s+build\b|\brspack\s+build\b|\brazzle\s+build\b|\bnest\s+build\b[^&|;]*--webpack|\bbun\s+build\b|\bvite\s+build\b[^&|;]*\s--ssr\b/;

/**
 * What a script runs: a script that only runs another script of the package (`"build": "npm run
 * bundle"`) is that script, followed a few levels. A script running several (`npm run build:api
 * && npm run build:web`) stays as written: the others may build a front end.
 */
export function scriptRun(scripts: Readonly<Record<string, string>>, script: string, depth = 0): string {
  const body = packageScriptCall(script, scripts);
  return body === undefined || depth >= 3 ? script : scriptRun(scripts, body, depth + 1);
}

/** The build scripts that say how the project is built: a server's own build only (a `build:web` beside it bundles a front end). */
export function buildScriptNames(project: BuildProject): RegExp {
  return project.server !== undefined ? /^build(?:[:.](?:prod|server|api))?$/ : /^build(?:[:.][\w-]+)?$/;
}

/**
 * The scripts that may write a bundle the image starts: the build scripts, and one named for the
 * bundling itself (`"bundle": "rollup -c"`, run before docker build). The caller checks that the
 * image starts a file that script writes, which ties it to the server.
 */
export function startedBundleScriptNames(project: BuildProject): RegExp {
  return new RegExp(`${buildScriptNames(project).source}|^bundle(?:[:.][\\w-]+)?$`);
}

/**
 * What bundles the output, if anything. A server is judged by its build script (tsup, tsdown, ncc,
 * esbuild --bundle, webpack, a script file calling a bundler's API: `scripted`, read by
 * bundleScript.ts from the scripts buildScriptNames gives) and nest-cli.json only: a front-end
 * bundler beside it (Next, Vite for the dashboard or for dev) does not make the server a bundle.
 */
export function findBundler(project: BuildProject, scripted?: ScriptedBundle): BundledBy | undefined {
  const pkg = project.pkg;
  const scriptFile: BundledBy | undefined = scripted && { kind: 'scriptFile', bundle: scripted };
  if (project.server !== undefined) {
    const script = bundlingScript(pkg?.scripts ?? {}, buildScriptNames(project)) ?? scriptFile;
    if (script) return script;
    if (builtByNextOnly(project)) return { kind: 'script', tool: 'next build', script: 'build' };
    if (builtBySvelteKitOnly(project)) return { kind: 'dependency', name: '@sveltejs/kit' };
    const nest = objectField(project.nestCli, 'compilerOptions');
    if (nest['webpack'] === true) return { kind: 'nestCli', field: 'webpack' };
    // Nest CLI 10+: `"builder": "webpack"` or `{ "type": "webpack" }` (tsc and swc emit per file).
    const builder = typeof nest['builder'] === 'string' ? nest['builder'] : objectField(nest, 'builder')['type'];
    if (builder === 'webpack') return { kind: 'nestCli', field: 'builder' };
    return undefined;
  }
  if (!pkg) return undefined;
  const named = BUNDLERS.find((b) => b in pkg.deps);
  if (named) return { kind: 'dependency', name: named };
  // No bundler dependency by name, but a build script that bundles (esbuild --bundle, webpack...).
  return bundlingScript(pkg.scripts, buildScriptNames(project)) ?? scriptFile;
}

/**
 * Front-end builds, in a package that depends on no server framework: `vite build` bundles a
 * browser app (its bundler installed at the workspace's top, not in the package's own manifest).
 */
const FRONT_END_BUNDLE = /\bvite\s+build\b|\bparcel\s+build\b|\breact-scripts\s+build\b|\bcraco\s+build\b|\bng\s+build\b|\bvue-cli-service\s+build\b/;

/**
 * A build script of a package with no server that runs a front-end build, itself or through the
 * scripts it runs by name (`"build": "npm-run-all clean vite-build"`): the last answer on whether the
 * output is a bundle, after what the image starts (a server script of the package beside the
 * front end it serves runs as written).
 */
export function frontEndBuild(project: BuildProject): BundledBy | undefined {
  if (project.server !== undefined || !project.pkg) return undefined;
  const { scripts } = project.pkg;
  const names = buildScriptNames(project);
  const runs = (name: string, depth: number): string | undefined => {
    const text = scripts[name];
    if (text === undefined) return undefined;
    const tool = FRONT_END_BUNDLE.exec(text)?.[0];
    if (tool !== undefined || depth >= 3) return tool;
    for (const next of scriptsRun(text)) {
      const found = next !== name ? runs(next, depth + 1) : undefined;
      if (found !== undefined) return found;
    }
    return undefined;
  };
  for (const name of Object.keys(scripts).filter((n) => names.test(n))) {
    const tool = runs(name, 0);
    if (tool !== undefined) return { kind: 'script', tool, script: name };
  }
  return undefined;
}

/** A script that is `<tool> build` alone (env settings and flags aside). */
const buildAlone = (tool: string): RegExp => new RegExp(String.raw`^(?:(?:cross-env\s+)?(?:\w+=\S*\s+)*)?${tool}\s+build(?:\s+-[\w-]+(?:[=\s](?!-)\S+)?)*\s*$`);
/** `next build` alone: what runs the package's routes once built is Next.js. */
const NEXT_BUILD_ONLY = buildAlone('next');
/** `vite build` alone, in a package depending on @sveltejs/kit. */
const VITE_BUILD_ONLY = buildAlone('vite');

/** A step of a build script that only moves files about (`cp -r public .next/standalone/`): it compiles and bundles nothing. */
const FILE_STEP = /^(?:cp|mv|rm|mkdir|ln|touch|echo|rimraf|cpy|copyfiles|shx\s+(?:cp|mv|rm|mkdir))\s/;

/**
 * Whether the package's `build` script (the scripts it runs followed) is `only`, once the steps
 * that only move files about are left out (`next build && cp -r .next/static .next/standalone/.next/`).
 */
function wholeBuildIs(project: BuildProject, only: RegExp): boolean {
  const scripts = project.pkg?.scripts ?? {};
  const build = scripts['build'];
  if (build === undefined) return false;
  const steps = scriptRun(scripts, build)
    .split(/&&|;/)
    .map((step) => step.trim())
    .filter((step) => step !== '' && !FILE_STEP.test(step));
  return steps.length === 1 && only.test(steps[0] ?? '');
}

/**
 * A server package (it depends on hono, express...) whose whole build is `next build`: its
 * framework runs inside the Next.js app's route handlers (`export const GET = handle(app)`), so
 * its code is in Next's bundle (.next), not compiled beside it. A custom server built besides
 * (`next build && tsc -p tsconfig.server.json`) is not this.
 */
export function builtByNextOnly(project: BuildProject): boolean {
  return wholeBuildIs(project, NEXT_BUILD_ONLY);
}

/**
 * A server package (a custom polka or express server.js starting SvelteKit's adapter-node
 * handler) whose whole build is SvelteKit's `vite build`: its routes are in the adapter's bundle
 * (build/), the server script beside it only wraps that handler.
 */
function builtBySvelteKitOnly(project: BuildProject): boolean {
  return project.pkg !== undefined && '@sveltejs/kit' in project.pkg.deps && wholeBuildIs(project, VITE_BUILD_ONLY);
}

/** The bundling tool a command runs (`webpack-cli build`, `tsup`, `esbuild src/main.ts --bundle`), if any. */
export function serverBundleTool(command: string): string | undefined {
  return SERVER_BUNDLE_SCRIPT.exec(command)?.[0];
}

/** esbuild's and `bun build`'s command line: the entries, with --outdir (or one --outfile). https://esbuild.github.io/api/#outdir https://bun.sh/docs/bundler#outdir */
const CLI_BUNDLE = /\besbuild\b[^&|;]*--bundle|\bbun\s+build\b/;

/**
 * The files, package-relative, that a server build script's bundler command line writes: each
 * entry under --outdir by its name with .js (`esbuild ./server.ts --bundle --outdir=build` ->
 * build/server.js), or the --outfile. Read from the server's own build scripts (buildScriptNames).
 */
export function scriptBundleFiles(project: BuildProject): { file: string; script: string }[] {
  const scripts = project.pkg?.scripts ?? {};
  const names = buildScriptNames(project);
  return Object.entries(scripts)
    .filter(([name]) => names.test(name))
    .flatMap(([name, script]) => cliBundleFiles(scriptRun(scripts, script)).map((file) => ({ file, script: name })));
}

function cliBundleFiles(run: string): string[] {
  if (!CLI_BUNDLE.test(run) || /&&|\|\||;/.test(run)) return [];
  const words = run.split(/\s+/).filter((w) => w !== '');
  const option = (name: string) => {
    // The last one given wins (`-- --outfile=x` handed to a script that names one already).
    const at = words.map((w, i) => (w === name || w.startsWith(`${name}=`) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    return at < 0 ? undefined : words[at]?.includes('=') ? words[at]?.slice(name.length + 1) : words[at + 1];
  };
  const outfile = option('--outfile');
  if (outfile !== undefined) return [posix.normalize(outfile)];
  const outdir = option('--outdir');
  const entries = words.filter((w, i) => !w.startsWith('-') && !/^--out(?:dir|file)$/.test(words[i - 1] ?? '') && /\.[cm]?[jt]sx?$/.test(w));
  return outdir === undefined ? [] : entries.map((e) => posix.join(outdir, posix.basename(e).replace(/\.[cm]?[jt]sx?$/, '.js')));
}

function bundlingScript(scripts: Record<string, string>, names: RegExp): BundledBy | undefined {
  const build = Object.entries(scripts).find(([name, script]) => names.test(name) && SERVER_BUNDLE_SCRIPT.test(scriptRun(scripts, script)));
  const tool = build && SERVER_BUNDLE_SCRIPT.exec(scriptRun(scripts, build[1]))?.[0];
  return build && tool !== undefined ? { kind: 'script', tool, script: build[0] } : undefined;
}

/** The evidence line that says the output is a bundle, and why. */
export function bundlingText(by: BundledBy): string {
  switch (by.kind) {
    case 'dependency':
      return l10n.t('bundled: package.json depends on {0}', by.name);
    case 'script':
      return l10n.t('bundled: {0} (its "{1}" script)', by.tool, by.script);
    case 'scriptFile':
      if (by.bundle.line !== undefined) return l10n.t('bundled: {0} in {1} (a RUN at Dockerfile line {2} runs it)', by.bundle.tool, by.bundle.file, by.bundle.line);
      return l10n.t('bundled: {0} in {1} (its "{2}" script runs it)', by.bundle.tool, by.bundle.file, by.bundle.script);
    case 'nestCli':
      return l10n.t('bundled: webpack (nest-cli.json compilerOptions.{0})', by.field);
    case 'run':
      return l10n.t('bundled: {0} into {1} (a RUN at Dockerfile line {2})', by.run.bundler, by.run.file ?? by.run.output, by.run.line);
    case 'nx':
      return l10n.t('bundled: {0}', by.said);
    case 'copiedOutput':
      return l10n.t('bundled: the Dockerfile copies {0} as built before docker build (line {1}), and no tsconfig outDir names it: no file-by-file counterpart is known', by.folder, by.line);
  }
}

/** A bundling command that names its entry file among its arguments. */
const ENTRY_BUNDLER = /\b(esbuild|bun\s+build|ncc\s+build|tsup|tsdown)\s+([^&|;]*)/;
const SERVER_ENTRY = /^(?:\.\/)?([\w@.-]+)\/[\w@./-]*\.[cm]?[jt]s$/;
/** Its options that take a configuration file (never an entry). */
const CONFIG_FLAG = /^(?:-c|--config)$/;
/** The bundlers whose configuration file lists the entries, when the command names none: https://tsup.egoist.dev/#multiple-entrypoints, https://tsdown.dev/options/entry */
const ENTRY_CONFIGS: Readonly<Record<string, readonly string[]>> = {
  tsup: ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((e) => `tsup.config.${e}`),
  tsdown: ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((e) => `tsdown.config.${e}`),
};
/** A configuration's `entry` as written: a literal path, or the first of an array or object of them (`entry: ['server/index.ts']`). */
const CONFIG_ENTRY = /\bentry\s*:\s*(?:\[\s*|\{\s*(?:[\w$]+|(['"])[^'"]*\1)\s*:\s*\[?\s*)?(['"`])([^'"`$]+)\2/;

/**
 * The folder a server's bundling build script starts from: `esbuild api/index.ts --bundle
 * --outfile=dist-api/index.js` bundles what api/ holds, whatever other folders (a front end's
 * src/) sit beside it. The entry's first folder, as written in a `build*` script (the server's own
 * build scripts, buildScriptNames, before the others: `build:server` before a library's
 * `build:lib`), else in the configuration file it names (`tsup --config server/tsup.config.ts`,
 * whose `entry` is relative to the package), else in the options of the bundler API call a script
 * file makes (`scripted`).
 */
export async function bundledEntryFolder(fs: FsLike, project: BuildProject, scripted?: ScriptedBundle): Promise<{ folder: string; entry: string; script: string } | undefined> {
  if (project.server === undefined) return undefined;
  const firstFolder = (args: readonly string[]) =>
    args
      .map((a) => a.replace(/^(['"])(.*)\1$/, '$2'))
      .map((entry) => ({ entry, folder: SERVER_ENTRY.exec(entry)?.[1] }))
      .find((e): e is { entry: string; folder: string } => e.folder !== undefined && e.folder !== '..' && e.folder !== '.');
  const own = buildScriptNames(project);
  const builds = Object.entries(project.pkg?.scripts ?? {}).filter(([name]) => /^build\b/.test(name));
  for (const [name, script] of [...builds.filter(([n]) => own.test(n)), ...builds.filter(([n]) => !own.test(n))]) {
    const m = ENTRY_BUNDLER.exec(script);
    const words = m?.[2]?.split(/\s+/) ?? [];
    const config = words.find((_w, i) => CONFIG_FLAG.test(words[i - 1] ?? ''));
    const args = words.filter((w, i) => !CONFIG_FLAG.test(w) && !CONFIG_FLAG.test(words[i - 1] ?? ''));
    const found = firstFolder(args) ?? firstFolder(await configEntries(fs, project.dir, m?.[1] ?? '', config));
    if (found !== undefined) return { ...found, script: name };
  }
  const found = scripted && firstFolder(scripted.entries.map((e) => relative(project.dir, e).split(sep).join('/')));
  return scripted && found !== undefined ? { ...found, script: scripted.script } : undefined;
}

/** A module a file loads, as written (`from '../src/lib/server/startup.ts'`, `require('../knexfile.js')`, `import '@app/lib/sentry'`). */
const LOAD = /(?:\brequire\s*\(|\bimport\s*\(|\bfrom|^\s*import)\s*['"]([^'"]+)['"]/gm;

/**
 * The first module `file` loads that lies outside `folder` but in `root` (absolute), as written: by a
 * relative path going up, or through a tsconfig `paths` alias or package.json `imports` entry of the
 * file's (`"@app/*": ["./*"]` with `import '@app/lib/config.ts'`): what a bundle of that entry takes in
 * from beside its own folder. Undefined when none.
 */
export async function loadedBeyond(fs: FsLike, file: string, folder: string, root: string): Promise<string | undefined> {
  const text = await fs.readFile(file).catch(() => '');
  let aliases: PathAlias[] | undefined;
  for (const m of text.matchAll(LOAD)) {
    const spec = m[1] ?? '';
    if (spec.startsWith('./')) continue;
    if (spec.startsWith('../')) {
      const loaded = resolve(dirname(file), spec);
      if (!isAtOrInside(folder, loaded) && isAtOrInside(root, loaded)) return spec;
      continue;
    }
    aliases ??= await readPathAliases(fs, dirname(file), root);
    for (const alias of aliases) {
      const matched = aliasMatch(alias, spec);
      for (const target of matched === undefined ? [] : alias.targets.map((t) => resolve(t.replace('*', matched)))) {
        // Only a source module there counts: tsc tries each target, then node_modules (`express`
        // through a baseUrl's `*`), and a JSON file is data, not code of the server.
        if (!isAtOrInside(folder, target) && isAtOrInside(root, target) && (await isCodeModule(fs, target))) return spec;
      }
    }
  }
  return undefined;
}

/** Whether `base` names a code module: the file as written (a code extension), with one, with its JS extension swapped for TypeScript's, or a folder's index. */
async function isCodeModule(fs: FsLike, base: string): Promise<boolean> {
  const stem = base.replace(/\.(?:m|c)?jsx?$/, '');
  const candidates = [
    ...(CODE_SOURCE_EXTENSIONS.some((e) => base.endsWith(e)) ? [base] : []),
    ...CODE_SOURCE_EXTENSIONS.map((e) => stem + e),
    ...CODE_SOURCE_EXTENSIONS.map((e) => join(base, `index${e}`)),
  ];
  return (await firstFile(fs, candidates)) !== undefined;
}

/** The entry a bundler's configuration file (the one named, else its usual one in `dir`) lists first, as written. */
async function configEntries(fs: FsLike, dir: string, tool: string, named: string | undefined): Promise<string[]> {
  const usual = ENTRY_CONFIGS[tool];
  if (usual === undefined) return [];
  for (const file of named !== undefined ? [named] : usual) {
    const text = await fs.readFile(join(dir, file)).catch(() => undefined);
    const entry = text === undefined ? undefined : CONFIG_ENTRY.exec(text)?.[3];
    if (text !== undefined) return entry === undefined ? [] : [entry];
  }
  return [];
}
