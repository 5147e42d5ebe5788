// A build script of the project's own (`"build": "bun run build.ts"`, `node scripts/build.mjs`, or
// a RUN of the Dockerfile: `RUN node build.mjs`) that bundles through a bundler's JavaScript API:
// `Bun.build({ entrypoints, outdir })`, esbuild's `build` / `buildSync({ entryPoints, outdir |
// outfile })`, rollup's `rollup({ input })` with `output` or `bundle.write({ dir | file })`,
// rolldown's `build({ input, output: { file | dir } })` or `rolldown({ input })`, tsup's `build({
// entry, outDir })`; or a build CLI given a configuration file of the project (`x build -c
// x.config.ts`) whose options name one output file (`outfile`): one file out is a bundle. Read from
// the script's syntax: only literal options count (a folder computed at run time says nothing; an
// entry joined to one, `path.resolve(paths.root, 'server/start.ts')`, counts where its literal part
// names a file of the project from the folder the script runs in).
// https://bun.sh/docs/bundler https://esbuild.github.io/api/#build https://rollupjs.org/javascript-api/
// https://rolldown.rs/apis/javascript-api
import { dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import type { FsLike } from '../ports';
import type { BuildProject } from './buildProject';
import type { BundleCall, ScriptPath } from './bundleCall';
import { isAtOrInside } from '../pathInside';
import { isFileRunner } from './runners';
import { scriptsReached } from './scriptsReached';

export interface ScriptedBundle {
  /** The API called, as written in the evidence ("Bun.build", "esbuild", "rollup", "tsup"). */
  tool: string;
  /** The script file, relative to the project folder as its package.json names it. */
  file: string;
  /** The package.json script that runs it ('' when a RUN of the Dockerfile does: `line`). */
  script: string;
  /** The Dockerfile line of the RUN that runs it, when no package script does. */
  line?: number;
  /** The folder the bundle is written to (absolute), when an option names it literally. */
  output?: string;
  /** The entry files (absolute), when an option names them literally. */
  entries: string[];
  /** Its entries are globs: each file is written at its own path below `output` (BundleCall.perFile). */
  perFile?: true;
}

/** Commands that run a script file given as an argument: the file runners, and zx (a shell-script runner, for build scripts only). */
const runsScript = (word: string): boolean => isFileRunner(word) || posix.basename(word) === 'zx';
const SCRIPT_FILE = /^(?:\.\/)?[\w@.-][\w@./-]*\.[cm]?[jt]sx?$/;

/** Which module each API comes from, and the functions of it that bundle (read by bundleCall.ts). */
export const MODULE_APIS: Readonly<Record<string, { tool: string; calls: readonly string[] }>> = {
  // esbuild's context() takes the build options too, built by rebuild() or watch(): https://esbuild.github.io/api/#rebuild
  esbuild: { tool: 'esbuild', calls: ['build', 'buildSync', 'context'] },
  rollup: { tool: 'rollup', calls: ['rollup'] },
  tsup: { tool: 'tsup', calls: ['build'] },
  rolldown: { tool: 'rolldown', calls: ['build', 'rolldown'] },
};

/**
 * A script can call a bundler's API only if it names one: `Bun.build`, or a module of MODULE_APIS
 * it imports. Only such a script loads the parser.
 */
const NAMES_BUNDLER = new RegExp(`\\bBun\\s*\\.\\s*build\\b|['"\`](?:${Object.keys(MODULE_APIS).join('|')})['"\`]`);

type ReadBundleCall = typeof import('./bundleCall').readBundleCall;
let readBundleCall: ReadBundleCall | undefined;

/** `configTool`: the file is a build CLI's configuration (its `outfile`), not a script calling an API. */
function bundleCallIn(text: string, file: string, configTool?: string): BundleCall | undefined {
  if (!(configTool === undefined ? NAMES_BUNDLER : /\boutfile\b/).test(text)) return undefined;
  // Loaded on first need (the build points this require at the route parser's bundle).
  readBundleCall ??= (require('./bundleCall') as typeof import('./bundleCall')).readBundleCall;
  return readBundleCall(text, file, configTool);
}

/** A RUN command of the Dockerfile, with the workspace folder it runs in (where the stage put the context, WORKDIR followed). */
export interface ScriptRun {
  command: string;
  dir: string;
  line: number;
}

/**
 * The first bundling API call of a file that a `build*` script (names: which) of the project runs,
 * else that a RUN of the Dockerfile (`runs`) runs, when the file or its entries are in the project;
 * only files inside `within` (the build context) are read.
 */
export async function findScriptedBundle(
  fs: FsLike,
  project: BuildProject,
  names: RegExp,
  runs: readonly ScriptRun[] = [],
  within?: string,
  binRuns?: (command: string) => Promise<{ file: string; args: string[] }[]>,
): Promise<ScriptedBundle | undefined> {
  const scripts = project.pkg?.scripts ?? {};
  // The build scripts, and those they run by name (`"build": "run-s clean build:app"`).
  const named = Object.keys(scripts).filter((script) => names.test(script));
  const reached = scriptsReached(named.map((script) => scripts[script] ?? ''), scripts);
  const commands: { command: string; dir: string; script: string; line?: number }[] = [
    ...Object.entries(scripts)
      .filter(([script]) => names.test(script) || reached.has(script))
      .map(([script, command]) => ({ command, dir: project.dir, script })),
    ...runs.map((r) => ({ command: r.command, dir: r.dir, script: '', line: r.line })),
    // A RUN running a turbo task runs the project's script of that name (`turbo bundle` -> "bundle": "node build.mjs").
    ...(await Promise.all(runs.map((r) => turboTasksRun(fs, project, r.command, within)))).flat().flatMap((task) => (names.test(task) || !Object.hasOwn(scripts, task) ? [] : [{ command: scripts[task] ?? '', dir: project.dir, script: task }])),
  ];
  for (const run of commands) {
    // A command a workspace package provides as its bin runs that package's file (workspaceBins.ts).
    const bins = binRuns ? await binRuns(run.command) : [];
    const files = [...runFiles(run.command).map((r) => ({ ...r, config: false })), ...configFiles(run.command).map((file) => ({ file, args: [], config: true })), ...bins.map((b) => ({ ...b, config: false }))];
    for (const { file, args, config } of files) {
      const abs = isAbsolute(file) ? file : join(run.dir, file);
      // A file outside the build context (`RUN node ../../../x.mjs`) is not read: workspace files
      // are input, they do not choose what else of the machine is opened.
      if (within !== undefined && !isAtOrInside(within, abs)) continue;
      const text = await fs.readFile(abs).catch(() => undefined);
      const found = text === undefined ? undefined : bundleCallIn(text, file, config ? toolOf(run.command, file) : undefined);
      if (!found) continue;
      const from = (p: ScriptPath) => (p.fromScript ? join(dirname(abs), p.rel) : join(run.dir, p.rel));
      // Entries the call takes from its command line (`node build.mjs -e server/index.ts`, the
      // script reading `entryPoints: [argv.entry]`) are the source files among its arguments.
      const known = found.entries.filter((e) => !e.fromUnknown).map(from);
      const guessed = await existingFiles(fs, found.entries.filter((e) => e.fromUnknown).map(from));
      const entries = found.entries.length > 0 ? [...known, ...guessed] : await existingFiles(fs, args.filter((a) => SCRIPT_FILE.test(a)).map((a) => join(run.dir, a)));
      if (run.line !== undefined && !isAtOrInside(project.dir, abs) && !entries.some((e) => isAtOrInside(project.dir, e))) continue;
      const named = run.line === undefined && !isAbsolute(file) ? file.replace(/^\.\//, '') : relative(project.dir, abs).split(sep).join('/');
      return { tool: found.tool, file: named, script: run.script, entries, ...(run.line !== undefined ? { line: run.line } : {}), ...(found.output !== undefined ? { output: from(found.output) } : {}), ...(found.perFile ? { perFile: true as const } : {}) };
    }
  }
  return undefined;
}

/**
 * The project's tasks a turbo command runs: those it names (turboTasks), none when its `--filter`s
 * name other packages only (`turbo bundle --filter=@x/web` runs no task of the server), and the
 * project's own tasks those depend on in turbo.json (`"make-bin": { "dependsOn": ["bundle"] }`: a
 * `dependsOn` entry without `^` or `#` is the same package's task), the package's turbo.json and the
 * workspace root's (`within`). https://turborepo.com/docs/reference/configuration#dependson
 */
async function turboTasksRun(fs: FsLike, project: BuildProject, command: string, within: string | undefined): Promise<string[]> {
  const named = turboTasks(command);
  if (named.length === 0 || !filtersProject(command, project, within)) return [];
  const configs = await Promise.all([project.dir, within].filter((d): d is string => d !== undefined).map((d) => readTurboTasks(fs, d)));
  const name = project.pkg?.name;
  const tasks = [...named];
  for (let i = 0; i < tasks.length && tasks.length < 20; i++) {
    const task = tasks[i] ?? '';
    for (const config of configs)
      for (const key of [task, ...(name !== undefined ? [`${name}#${task}`] : [])])
        for (const dep of config[key] ?? []) {
          const own = dep.includes('#') ? (name !== undefined && dep.startsWith(`${name}#`) ? dep.slice(name.length + 1) : undefined) : dep.startsWith('^') ? undefined : dep;
          if (own !== undefined && !tasks.includes(own)) tasks.push(own);
        }
  }
  return tasks;
}

/** Whether a turbo command's `--filter`s select the project: no filter, one naming it (by name, by its name without scope, or by its folder), one selecting a package's dependencies too (`x...`, not followed here), or any name when the project's is not known. */
function filtersProject(command: string, project: BuildProject, within: string | undefined): boolean {
  const filters = [...command.matchAll(/--filter(?:=|\s+)(['"]?)([^\s'"]+)\1/g)].map((m) => m[2] ?? '');
  if (filters.length === 0 || filters.some((f) => f.endsWith('...'))) return true;
  const name = project.pkg?.name;
  return filters.some((f) => {
    const bare = f.replace(/^\.\.\.\^?|^\{|\}$/g, '');
    if (bare.startsWith('.')) return within !== undefined && join(within, bare) === project.dir;
    return name === undefined || bare === name || bare === name.slice(name.indexOf('/') + 1);
  });
}

/** A turbo.json's tasks (`tasks`, turbo 1's `pipeline`), each with its `dependsOn` entries. */
async function readTurboTasks(fs: FsLike, dir: string): Promise<Record<string, string[]>> {
  const text = await fs.readFile(join(dir, 'turbo.json')).catch(() => undefined);
  let json: unknown;
  try {
    json = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return {};
  }
  const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const tasks = record(record(json)['tasks'] ?? record(json)['pipeline']);
  const out: Record<string, string[]> = {};
  for (const [task, def] of Object.entries(tasks)) {
    const deps = record(def)['dependsOn'];
    out[task] = Array.isArray(deps) ? deps.filter((d): d is string => typeof d === 'string') : [];
  }
  return out;
}

/** turbo's own commands, which are no task of the workspace's packages. */
const TURBO_COMMANDS = new Set(['prune', 'login', 'logout', 'link', 'unlink', 'gen', 'generate', 'daemon', 'ls', 'query', 'info', 'telemetry', 'scan', 'watch', 'boundaries', 'bin', 'docs', 'completion']);

/** The tasks a command has turbo run (`turbo bundle`, `pnpm turbo run build lint --filter=api`): each package's script of that name. https://turborepo.com/docs/reference/run */
function turboTasks(command: string): string[] {
  const tasks: string[] = [];
  for (const part of command.split(/&&|\|\||[;|\n]/)) {
    const words = part.trim().split(/\s+/);
    const at = words.findIndex((w) => posix.basename(w) === 'turbo');
    if (at < 0) continue;
    const rest = words.slice(words[at + 1] === 'run' ? at + 2 : at + 1);
    if (TURBO_COMMANDS.has(rest[0] ?? '')) continue;
    for (const w of rest) {
      if (w.startsWith('-')) break;
      tasks.push(w);
    }
  }
  return tasks;
}

/** The configuration files a command passes to a build CLI (`libnest build -c libnest.config.ts`, `--config=x.mjs`). */
function configFiles(command: string): string[] {
  return [...command.matchAll(/(?:^|\s)(?:-c|--config)(?:=|\s+)(['"]?)((?:\.\/)?[\w@.-][\w@./-]*\.[cm]?[jt]s)\1(?=$|\s|[;&|])/g)].map((m) => m[2] ?? '');
}

/** The program a command runs before the configuration file it names (`libnest` for `libnest build -c x.ts`). */
function toolOf(command: string, file: string): string {
  const before = command.slice(0, command.indexOf(file)).split(/&&|\|\||[;|\n]/).pop() ?? '';
  const words = before.trim().split(/\s+/).filter((w) => !/^\w+=/.test(w) && !/^(?:npx|pnpm|yarn|bunx|exec|dlx)$/.test(w));
  return posix.basename(words[0] ?? file);
}

/** Those of the paths that are files of the workspace (an output named beside an entry is not, yet). */
async function existingFiles(fs: FsLike, paths: readonly string[]): Promise<string[]> {
  const found = await Promise.all(paths.map(async (p) => ((await fs.stat(p).catch(() => undefined))?.isFile === true ? p : undefined)));
  return found.filter((p): p is string => p !== undefined);
}

/** The script files a command runs (`bun run build.ts`, `node --import tsx scripts/build.ts`), in order, each with the words after it. */
export function runFiles(command: string): { file: string; args: string[] }[] {
  const files: { file: string; args: string[] }[] = [];
  for (const part of command.split(/&&|\|\||[;|\n]/)) {
    const words = part.trim().split(/\s+/).map((w) => w.replace(/^(['"])(.*)\1$/, '$2'));
    const at = words.findIndex(runsScript);
    if (at < 0) continue;
    // `bun build x.ts` is Bun's bundler CLI (bundler.ts reads it), not a script run.
    if (words[at] === 'bun' && words[at + 1] === 'build') continue;
    const i = words.findIndex((w, j) => j > at && SCRIPT_FILE.test(w) && !w.startsWith('-'));
    const file = words[i];
    if (file !== undefined) files.push({ file, args: words.slice(i + 1) });
  }
  return files;
}
