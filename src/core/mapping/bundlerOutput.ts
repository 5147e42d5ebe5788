// Where a bundler writes, as its own configuration says: Vite's `build.outDir` (or `vite build
// --outDir x`), webpack's `output.path`. Read from the config file's text (it is code, not data):
// a literal folder only; one computed at run time says nothing and the usual folders are tried.
// https://vite.dev/config/build-options#build-outdir https://webpack.js.org/configuration/output/#outputpath
import * as l10n from '@vscode/l10n';
import { join, posix } from 'node:path';
import type { FsLike } from '../ports';
import { isRecord } from '../isRecord';
import type { BuildProject } from './buildProject';
import type { ScriptedBundle } from './bundleScript';
import { builtByNextOnly, scriptRun, type BundledBy } from './bundler';
import { withConfigPaths } from './configPaths';
import { mainBundleOutput } from './mainBundleOutput';

export interface BundlerConfig {
  tool: string;
  /** The build script's command that runs the tool; its --config / -c names the file. */
  command: RegExp;
  files: readonly string[];
  /** The output folder in the config's text: group 2 is the folder. */
  output: RegExp;
  /** The output folder on the command line: group 2 is the folder. */
  flag?: RegExp;
  /** Where the tool writes when neither says (next build: .next). */
  byDefault?: string;
  /** The folder the config's output is relative to, in the config's text (vite's `root`): group 2. */
  root?: RegExp;
}

export const CONFIG_EXTENSIONS = ['ts', 'mts', 'js', 'mjs', 'cjs'];

const BUNDLER_CONFIGS: readonly BundlerConfig[] = [
  {
    tool: 'vite',
    command: /\bvite\s+build\b[^&|;]*/,
    files: CONFIG_EXTENSIONS.map((e) => `vite.config.${e}`),
    output: /\boutDir\s*:\s*(['"`])([^'"`$]+)\1/,
    flag: /--outDir[=\s]+(['"]?)([^\s'"]+)\1/,
    // build.outDir is relative to the project root, `root` when the config sets one (`root: 'src'`,
    // `outDir: '../build'`). https://vite.dev/config/shared-options#root
    root: /\broot\s*:\s*(['"`])([^'"`$]+)\1/,
  },
  {
    // SvelteKit's adapter-static writes the site to its `pages` folder (build by default), set in
    // svelte.config.*, not vite's outDir: `vite build` runs it. Only a literal `pages` of that adapter.
    // https://svelte.dev/docs/kit/adapter-static
    tool: 'adapter-static',
    command: /\bvite\s+build\b[^&|;]*/,
    files: CONFIG_EXTENSIONS.map((e) => `svelte.config.${e}`),
    output: /@sveltejs\/adapter-static['"`][\s\S]*?\badapter\s*\(\s*\{[^}]*?\bpages\s*:\s*(['"`])([^'"`$]+)\1/,
  },
  {
    tool: 'webpack',
    command: /(?:^|[\s&|;(])webpack\b[^&|;]*/,
    files: CONFIG_EXTENSIONS.map((e) => `webpack.config.${e}`),
    output: /\boutput\s*:\s*\{[^}]*?\bpath\s*:\s*(?:(?:path\.)?(?:resolve|join)\(\s*__dirname\s*,\s*)?(['"`])([^'"`$]+)\1/,
    flag: /--output-path[=\s]+(['"]?)([^\s'"]+)\1/,
  },
  {
    // https://rsbuild.rs/config/output/dist-path: `distPath: { root: 'build' }` (or a folder written alone), dist by default.
    tool: 'rsbuild',
    command: /\brsbuild\s+build\b[^&|;]*/,
    files: CONFIG_EXTENSIONS.map((e) => `rsbuild.config.${e}`),
    output: /\bdistPath\s*:\s*(?:\{[^}]*?\broot\s*:\s*)?(['"`])([^'"`$]+)\1/,
    byDefault: 'dist',
  },
  {
    // Razzle writes the server bundle (server.js) and the client (public/) to build; razzle.config.*'s
    // modifyPaths may set another appBuild. https://razzlejs.org/docs/customization#extending-paths
    tool: 'razzle',
    command: /\brazzle\s+build\b[^&|;]*/,
    files: CONFIG_EXTENSIONS.map((e) => `razzle.config.${e}`),
    output: /\bappBuild\s*[:=]\s*(?:(?:path\.)?(?:resolve|join)\(\s*__dirname\s*,\s*)?(['"`])([^'"`$]+)\1/,
    byDefault: 'build',
  },
  {
    // Parcel writes to dist unless --dist-dir names another folder (or package.json targets do).
    // https://parceljs.org/features/cli/#--dist-dir-%3Cdir%3E
    tool: 'parcel',
    command: /\bparcel\s+build\b[^&|;]*/,
    files: [],
    output: /(?!)/,
    flag: /--dist-dir[=\s]+(['"]?)([^\s'"]+)\1/,
    byDefault: 'dist',
  },
  {
    // https://nextjs.org/docs/app/api-reference/config/next-config-js/distDir
    tool: 'next',
    command: /\bnext\s+build\b[^&|;]*/,
    files: CONFIG_EXTENSIONS.map((e) => `next.config.${e}`),
    output: /\bdistDir\s*:\s*(['"`])([^'"`$]+)\1/,
    byDefault: '.next',
  },
  {
    // Quasar CLI writes a build to dist/<mode> (dist/spa by default) unless build.distDir names another.
    // Only the default mode is read: `-m ssr` or `-m pwa` write elsewhere. https://quasar.dev/quasar-cli-vite/quasar-config-file#build
    tool: 'quasar',
    command: /\bquasar\s+build\b(?![^&|;]*\s(?:-m|--mode)[=\s]+(?!spa\b))[^&|;]*/,
    files: ['quasar.config', 'quasar.conf'].flatMap((base) => CONFIG_EXTENSIONS.map((e) => `${base}.${e}`)),
    output: /\bdistDir\s*:\s*(['"`])([^'"`$]+)\1/,
    byDefault: 'dist/spa',
  },
];

/** rollup: its config's `output: { dir }` or `output: { file }` (the first of an array of outputs), or -d / -o on the command line. */
const ROLLUP: BundlerConfig = {
  tool: 'rollup',
  command: /(?:^|[\s&|;(])rollup\b[^&|;]*/,
  files: CONFIG_EXTENSIONS.map((e) => `rollup.config.${e}`),
  output: /\boutput\s*:\s*\[?\s*\{[^}]*?\b(?:dir|file)\s*:\s*(['"`])([^'"`$]+)\1/g,
  flag: /(?:--dir|-d|--file|-o)[=\s]+(['"]?)([^\s'"-][^\s'"]*)\1/,
};

/**
 * rollup bundles front ends and libraries (an SDK) as often as servers: a server's build script
 * (names: buildScriptNames) running it bundles the server only when the image starts a file rollup
 * writes. `started(path, isFile)`: the file the image starts at that local path, or inside that
 * local folder; undefined when it starts none there.
 * https://rollupjs.org/configuration-options/#output-dir https://rollupjs.org/command-line-interface/
 */
export async function startedRollupBundle(
  fs: FsLike,
  project: BuildProject,
  names: RegExp,
  started: (path: string, isFile: boolean) => string | undefined,
): Promise<{ by: BundledBy; out: { path: string; why: string } } | undefined> {
  const commands = bundlerCommands(project, ROLLUP, names);
  const [first] = commands;
  if (!first) return undefined;
  const outputs: { path: string; isFile: boolean; from: string }[] = [];
  for (const { command } of commands) {
    const flag = ROLLUP.flag?.exec(command);
    if (flag) outputs.push({ path: flag[2] ?? '', isFile: /^(?:--file|-o)/.test(flag[0]), from: command.trim() });
  }
  const read = await configText(fs, project, ROLLUP, commands);
  for (const m of read?.text.matchAll(ROLLUP.output) ?? []) outputs.push({ path: m[2] ?? '', isFile: /\bfile\s*:\s*\S+$/.test(m[0]), from: read?.file ?? '' });
  for (const output of outputs) {
    if (posix.isAbsolute(output.path)) continue;
    const path = join(project.dir, output.path);
    const file = started(path, output.isFile);
    if (file === undefined) continue;
    const dir = output.isFile ? posix.dirname(output.path) : output.path;
    const tool = l10n.t('rollup writing {0} ({1}), which the image starts as {2}', output.path, output.from, file);
    return { by: { kind: 'script', tool, script: first.name }, out: { path: join(project.dir, dir), why: l10n.t`rollup's output in ${output.from}` } };
  }
  return undefined;
}

/** A rollup config's options read for preserveModules: each a literal (`input: 'server/router.ts'`). */
const ROLLUP_INPUT = /\binput\s*:\s*(['"`])([^'"`$]+)\1/;
const ROLLUP_DIR = /\bdir\s*:\s*(['"`])([^'"`$]+)\1/;
const ROLLUP_MODULES_ROOT = /\bpreserveModulesRoot\s*:\s*(['"`])([^'"`$]+)\1/;

/**
 * rollup run by a server's own build script (names: buildScriptNames) with `output.preserveModules`:
 * no bundle, one file per module, each at its path below `preserveModulesRoot` under `output.dir`
 * (`input: 'server/router.ts'`, `dir: 'build/server/hono'`, `preserveModulesRoot: '.'`:
 * server/router.ts -> build/server/hono/server/router.js). Only literal options count; without a
 * literal preserveModulesRoot the paths depend on every module imported, which is not read.
 * https://rollupjs.org/configuration-options/#output-preservemodules
 */
export async function rollupModules(fs: FsLike, project: BuildProject, names: RegExp): Promise<{ input: string; dir: string; root: string; file: string; script: string } | undefined> {
  const commands = bundlerCommands(project, ROLLUP, names);
  const [first] = commands;
  const read = first && (await configText(fs, project, ROLLUP, commands));
  if (!first || !read || !/\bpreserveModules\s*:\s*true\b/.test(read.text)) return undefined;
  const [input, dir, root] = [ROLLUP_INPUT, ROLLUP_DIR, ROLLUP_MODULES_ROOT].map((re) => re.exec(read.text)?.[2]);
  if (input === undefined || dir === undefined || root === undefined || [input, dir, root].some((p) => posix.isAbsolute(p))) return undefined;
  return { input: join(project.dir, input), dir: join(project.dir, dir), root: join(project.dir, root), file: read.file, script: first.name };
}

/** `__dirname + '/precompiled'`: the folder beside the config, as `path.join(__dirname, 'precompiled')` names it. */
const DIRNAME_PLUS = /__dirname\s*\+\s*(['"`])\/([^'"`$]*)\1/g;

/**
 * The output folder a bundler's config text names (its `output` pattern's second group), a path
 * joined to __dirname by `+` read as joined, one computed from the file's own constants as the path
 * it gives (configPaths.ts) from the project's folder; `configDir`: the config's folder from there.
 */
function configOutput(config: { output: RegExp; root?: RegExp }, text: string, configDir = '.', ran = false): string | undefined {
  const read = withConfigPaths(text.replace(DIRNAME_PLUS, 'path.join(__dirname, $1$2$1)'), configDir);
  const out = config.output.exec(read)?.[2];
  // The root moves the output of a build a script runs; a config no build script runs (a client's,
  // beside a server a script file bundles) keeps its output as written.
  const root = ran ? config.root?.exec(read)?.[2] : undefined;
  return out === undefined || root === undefined || posix.isAbsolute(out) || posix.isAbsolute(root) ? out : posix.join(root, out);
}

/** A Next.js config asking for a static export. */
const NEXT_EXPORT = /\boutput\s*:\s*(['"`])export\1/;

/** The package's start script runs `next start` and its build scripts run `next build`. */
function servedByNext(project: BuildProject): boolean {
  const scripts = project.pkg?.scripts ?? {};
  return /\bnext\s+start\b/.test(scripts['start'] ?? '') && Object.entries(scripts).some(([name, command]) => /^build\b/.test(name) && /\bnext\s+build\b/.test(command));
}

/** webpack's `output.path` as a config's text writes it (a literal, or joined to __dirname), relative to the config's folder. */
export function webpackOutputPath(text: string): string | undefined {
  const config = BUNDLER_CONFIGS.find((c) => c.tool === 'webpack');
  const out = config && configOutput(config, text);
  return out === undefined || posix.isAbsolute(out) ? undefined : out;
}

/**
 * The folder (absolute) the project's bundler writes to, and what says so: its configuration, else
 * the bundler API call of a build script file (`scripted`); undefined when neither names one.
 */
export async function bundlerOutputDir(fs: FsLike, project: BuildProject, scripted?: ScriptedBundle): Promise<{ path: string; why: string } | undefined> {
  // Angular's outputPath, or the one of a tsdown/tsup configuration's several builds holding the package's main.
  const named = (await angularOutputDir(fs, project)) ?? (await svelteKitNodeOutput(fs, project)) ?? (await mainBundleOutput(fs, project));
  if (named) return named;
  // Where a tool writes when nothing says, taken last: a server package beside its Next.js pages (a
  // custom server bundled into dist by a build script file) runs its own output, not .next.
  let byDefault: { path: string; why: string } | undefined;
  for (const config of BUNDLER_CONFIGS) {
    const commands = bundlerCommands(project, config, /^build\b/);
    const [run] = commands;
    if (byDefault === undefined && run !== undefined && config.byDefault !== undefined && (project.server === undefined || (config.tool === 'next' && builtByNextOnly(project)))) {
      byDefault = { path: join(project.dir, config.byDefault), why: l10n.t`${config.tool}'s own output folder (its "${run.name}" script: ${run.command.trim()})` };
    }
    for (const { name, command } of commands) {
      const flag = config.flag?.exec(command)?.[2];
      if (flag !== undefined) return { path: join(project.dir, flag), why: l10n.t`its "${name}" script: ${command.trim()}` };
    }
    // A Next.js app its start script serves (`next start`): another bundler's configured output (a
    // widget library built by vite into public/js beside `next build`) is an asset of it, not the bundle.
    if (config.tool !== 'next' && servedByNext(project)) continue;
    const read = await configText(fs, project, config, commands);
    const out = read === undefined ? undefined : configOutput(config, read.text, posix.dirname(read.file), commands.length > 0);
    if (read !== undefined && out !== undefined && !posix.isAbsolute(out)) return { path: join(project.dir, out), why: l10n.t`${config.tool}'s output folder in ${read.file}` };
    // Next.js's static export (`output: 'export'`) writes the site to out. https://nextjs.org/docs/app/guides/static-exports
    if (config.tool === 'next' && run !== undefined && read !== undefined && NEXT_EXPORT.test(read.text)) return { path: join(project.dir, 'out'), why: l10n.t`Next.js's static export folder (output: 'export' in ${read.file})` };
  }
  if (scripted?.output !== undefined) return { path: scripted.output, why: l10n.t`${scripted.tool}'s output folder in ${scripted.file}` };
  return byDefault;
}

/** svelte.config's adapter-node, and its `out` option when the call gives it one as a literal. */
const ADAPTER_NODE = /(['"`])@sveltejs\/adapter-node\1/;
const ADAPTER_NODE_OUT = /\badapter\s*\(\s*\{[^}]*?\bout\s*:\s*(['"`])([^'"`$]+)\1/;

/**
 * SvelteKit's adapter-node output (`vite build` in a build script of a package depending on
 * @sveltejs/kit whose svelte.config loads that adapter): the adapter's `out` option, `build` by
 * default, wherever vite's own outDir is (SvelteKit builds into .svelte-kit, the adapter writes the
 * server there). https://svelte.dev/docs/kit/adapter-node#Options-out
 */
async function svelteKitNodeOutput(fs: FsLike, project: BuildProject): Promise<{ path: string; why: string } | undefined> {
  const vite = BUNDLER_CONFIGS.find((c) => c.tool === 'vite');
  if (!vite || bundlerCommands(project, vite, /^build\b/).length === 0 || !project.pkg || !('@sveltejs/kit' in project.pkg.deps)) return undefined;
  const read = await configText(fs, project, { files: CONFIG_EXTENSIONS.map((e) => `svelte.config.${e}`) }, []);
  if (!read || !ADAPTER_NODE.test(read.text)) return undefined;
  const out = ADAPTER_NODE_OUT.exec(read.text)?.[2]?.replace(/^\.\//, '').replace(/\/+$/, '');
  if (out !== undefined && posix.isAbsolute(out)) return undefined;
  return { path: join(project.dir, out ?? 'build'), why: out === undefined ? l10n.t`adapter-node's default output folder (${read.file})` : l10n.t`adapter-node's out option in ${read.file}` };
}

/**
 * The Angular CLI's output folder (`ng build` in a build script): angular.json's build target
 * `outputPath` of the project built (named on the command line, else the only one or the
 * `defaultProject`); the application builder writes the browser files to its `browser` folder
 * (`outputPath: { base, browser: '' }` to none). https://angular.dev/reference/configs/workspace-config
 */
async function angularOutputDir(fs: FsLike, project: BuildProject): Promise<{ path: string; why: string } | undefined> {
  const scripts = project.pkg?.scripts ?? {};
  const command = Object.entries(scripts).map(([name, script]) => (/^build\b/.test(name) ? /(?:^|[\s&|;(])ng\s+build\b([^&|;]*)/.exec(scriptRun(scripts, script)) : null)).find((m) => m);
  if (!command) return undefined;
  const text = await fs.readFile(join(project.dir, 'angular.json')).catch(() => undefined);
  let config: unknown;
  try {
    config = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
  const field = (o: unknown, key: string): unknown => (isRecord(o) ? o[key] : undefined);
  const projects = field(config, 'projects');
  const names = isRecord(projects) ? Object.keys(projects) : [];
  const named = (command[1] ?? '').split(/\s+/).find((w) => w !== '' && !w.startsWith('-') && names.includes(w));
  const fallback = field(config, 'defaultProject');
  const name = named ?? (names.length === 1 ? names[0] : typeof fallback === 'string' ? fallback : undefined);
  const build = field(field(field(projects, name ?? ''), 'architect') ?? field(field(projects, name ?? ''), 'targets'), 'build');
  const output = field(field(build, 'options'), 'outputPath');
  const builder = field(build, 'builder');
  const application = typeof builder === 'string' && /:application$/.test(builder);
  const base = typeof output === 'string' ? output : field(output, 'base');
  if (typeof base !== 'string' || posix.isAbsolute(base)) return undefined;
  const browser = typeof output === 'object' ? field(output, 'browser') : undefined;
  const sub = application ? (typeof browser === 'string' ? browser : 'browser') : '';
  return { path: join(project.dir, base, sub), why: l10n.t`the outputPath of project ${name ?? ''} in angular.json` };
}

/** The commands of the project's scripts named `names` (through the scripts they only run: scriptRun) that run the tool. */
export function bundlerCommands(project: BuildProject, config: BundlerConfig, names: RegExp): { name: string; command: string }[] {
  const scripts = project.pkg?.scripts ?? {};
  return Object.entries(scripts).flatMap(([name, script]) => {
    const command = names.test(name) ? config.command.exec(scriptRun(scripts, script))?.[0] : undefined;
    return command === undefined ? [] : [{ name, command }];
  });
}

/** The tool's config file the commands name (--config / -c), else its usual one: the first of them there is. */
export async function configText(fs: FsLike, project: BuildProject, config: Pick<BundlerConfig, 'files'>, commands: { command: string }[]): Promise<{ file: string; text: string } | undefined> {
  const named = commands.map((c) => /(?:--config|-c)[=\s]+(['"]?)([^\s'"]+)\1/.exec(c.command)?.[2]).filter((f) => f !== undefined);
  for (const file of [...named, ...config.files]) {
    const text = await fs.readFile(join(project.dir, file)).catch(() => undefined);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

/**
 * webpack's `entry` as its config writes it: a literal path, or the first of an array or object of
 * them (`entry: { server: './server/server.js' }`), also as the path from the config's folder
 * (`entry: path.resolve(__dirname, 'server/server.js')`). https://webpack.js.org/concepts/entry-points/
 */
const WEBPACK_ENTRY = /\bentry\s*:\s*(?:\[\s*|\{\s*(?:[\w$]+|(['"])[^'"]*\1)\s*:\s*\[?\s*)?(?:(?:path\s*\.\s*)?(?:resolve|join)\s*\(\s*__dirname\s*,\s*)?(['"`])([^'"`$]+)\2/;

/**
 * Packages an entry array names before its own file (`entry: ['regenerator-runtime/runtime',
 * './server/server.js']`, `['@babel/polyfill', ...]`): polyfills bundled ahead of the program, by a
 * bare module name (no `./`, `../` or `/` first, no file extension), not the program's file.
 */
const ENTRY_PACKAGES = /(\bentry\s*:\s*(?:\{\s*(?:[\w$]+|(['"])[^'"]*\2)\s*:\s*)?\[\s*)(?:(['"`])(?![./])[^'"`$]*?(?<!\.[cm]?[jt]sx?)\3\s*,\s*)+/;

/** The file webpack's `entry` names (WEBPACK_ENTRY), past the packages an entry array bundles ahead of it (ENTRY_PACKAGES). */
function webpackEntry(text: string): string | undefined {
  return WEBPACK_ENTRY.exec(text.replace(ENTRY_PACKAGES, '$1'))?.[3];
}

/**
 * The folder (first below the project, `server`) of the entry the project's own build bundles with
 * webpack, as the config that build script runs says; not when the config sets its own `context`
 * (entries are relative to it) or the entry is the project folder's own file.
 */
export async function webpackEntryFolder(fs: FsLike, project: BuildProject, names: RegExp): Promise<{ folder: string; file: string } | undefined> {
  const config = BUNDLER_CONFIGS.find((c) => c.tool === 'webpack');
  const commands = config ? bundlerCommands(project, config, names) : [];
  const read = config && commands.length > 0 ? await serverWebpackConfig(fs, project, config, commands) : undefined;
  if (read === undefined || /\bcontext\s*:/.test(read.text)) return undefined;
  const entry = webpackEntry(withConfigPaths(read.text, posix.dirname(read.file)));
  const folder = entry === undefined || posix.isAbsolute(entry) ? undefined : /^(?:\.\/)?([\w@.-]+)\/[\w@./-]*\.[cm]?[jt]sx?$/.exec(entry)?.[1];
  return folder === undefined || folder === '.' || folder === '..' ? undefined : { folder, file: read.file };
}

/** A folder named `output` as a whole option, in the paths a config hands to a function building it (`output: path.resolve(root, 'build')`). */
const OUTPUT_FOLDER = /\boutput\s*:\s*(['"`])([^'"`$]+)\1/;

/**
 * webpack run by any build script of the package (`build:api:prod` running `webpack --config
 * config/api/webpack.config.ts`) whose config writes to the folder holding the file the image
 * starts: that config bundles the program the image runs (a package building several, each image
 * its own), from its entry. Its output is webpack's `output.path`, or a path option named `output`
 * handed to a function building the config; either may be computed from the file's constants
 * (configPaths.ts). `startsIn(dir)`: the file the image starts in that local folder, if any.
 */
export async function startedWebpackBundle(
  fs: FsLike,
  project: BuildProject,
  startsIn: (dir: string) => string | undefined,
): Promise<{ by: BundledBy; out: { path: string; why: string }; entryDir: string | undefined } | undefined> {
  const config = BUNDLER_CONFIGS.find((c) => c.tool === 'webpack');
  for (const command of config ? bundlerCommands(project, config, /^build\b/) : []) {
    const read = config && (await configText(fs, project, config, [command]));
    if (!config || read === undefined) continue;
    const text = withConfigPaths(read.text.replace(DIRNAME_PLUS, 'path.join(__dirname, $1$2$1)'), posix.dirname(read.file));
    const out = config.output.exec(text)?.[2] ?? OUTPUT_FOLDER.exec(text)?.[2];
    const path = out === undefined || posix.isAbsolute(out) ? undefined : join(project.dir, out);
    const file = path === undefined ? undefined : startsIn(path);
    if (path === undefined || file === undefined) continue;
    const entry = /\bcontext\s*:/.test(text) ? undefined : webpackEntry(text);
    const entryDir = entry === undefined || posix.isAbsolute(entry) || posix.normalize(entry).startsWith('..') ? undefined : join(project.dir, posix.dirname(entry));
    const tool = l10n.t('webpack writing {0} ({1}), which the image starts as {2}', out ?? '', read.file, file);
    return { by: { kind: 'script', tool, script: command.name }, out: { path, why: l10n.t`webpack's output folder in ${read.file}` }, entryDir };
  }
  return undefined;
}

/** webpack's `target` for Node (`target: 'node'`, `'async-node'`, `'node18'`): the config bundles a program Node runs, not a page. */
const WEBPACK_NODE_TARGET = /\btarget\s*:\s*(['"`])(?:async-)?node[\d.]*\1/;

/**
 * The webpack config of the build scripts' (configText): of several they name (`build` the front
 * end's, `build:server` the server's), for a server's package the first one targeting Node, the one
 * bundling the server; else the first.
 */
async function serverWebpackConfig(fs: FsLike, project: BuildProject, config: BundlerConfig, commands: { command: string }[]): Promise<{ file: string; text: string } | undefined> {
  if (project.server !== undefined && commands.length > 1) {
    for (const c of commands) {
      const read = await configText(fs, project, config, [c]);
      if (read && WEBPACK_NODE_TARGET.test(read.text)) return read;
    }
  }
  return configText(fs, project, config, commands);
}

/** The project's Vite config: the one its build script names (--config), else vite.config.*. */
export async function viteConfigText(fs: FsLike, project: BuildProject): Promise<{ file: string; text: string } | undefined> {
  const vite = BUNDLER_CONFIGS.find((c) => c.tool === 'vite');
  return vite && configText(fs, project, vite, bundlerCommands(project, vite, /^build\b/));
}

/** Vite's SSR build option set in its configuration: `build: { ssr: true }` or an entry (`ssr: 'src/server.ts'`). */
const VITE_SSR_OPTION = /\bssr\s*:\s*(?:true\b|['"`])/;
/**
 * vite-plugin-node imported by the configuration: its plugin sets build.ssr to its `appPath` (the
 * server's entry), so `vite build` bundles the server (https://github.com/axe-me/vite-plugin-node).
 */
const VITE_NODE_PLUGIN = /\bfrom\s*(['"])vite-plugin-node\1/;

/**
 * A server's build script (names: buildScriptNames) that runs Vite's SSR build through its
 * configuration (build.ssr, https://vite.dev/config/build-options#build-ssr) bundles the server;
 * `vite build --ssr` on the command line is read with the other bundling scripts (bundler.ts).
 */
export async function viteSsrBundle(fs: FsLike, project: BuildProject, names: RegExp): Promise<BundledBy | undefined> {
  const vite = BUNDLER_CONFIGS.find((c) => c.tool === 'vite');
  const commands = vite ? bundlerCommands(project, vite, names) : [];
  const found = vite && commands.length > 0 ? await configText(fs, project, vite, commands) : undefined;
  const [first] = commands;
  if (!found || !first) return undefined;
  if (VITE_SSR_OPTION.test(found.text)) return { kind: 'script', tool: l10n.t('vite build, ssr in {0}', found.file), script: first.name };
  if (VITE_NODE_PLUGIN.test(found.text)) return { kind: 'script', tool: l10n.t('vite build with vite-plugin-node in {0}', found.file), script: first.name };
  return undefined;
}
