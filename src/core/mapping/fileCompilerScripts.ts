// Package scripts that compile a folder file by file with a CLI (`babel <dir> --out-dir <out>`,
// `swc <dir> -d <out>`): which folders they read and where each file is written. emit.ts reads the
// output folder of a known source root; sourceRoot.ts reads which folder is compiled into the
// output that holds the file the start script runs.
import * as l10n from '@vscode/l10n';
import { join, posix, relative, resolve } from 'node:path';
import type { FsLike } from '../ports';
import { isAtOrInside } from '../pathInside';
import { startedFile } from '../routes/serverApps';
import { readJsonObject } from './tsconfig';
import { CODE_SOURCE_EXTENSIONS } from './tsSource';

/** `babel <dir> --out-dir <out>` / `swc <dir> -d <out>` (or `--out-dir`), up to the end of that command. */
const FILE_COMPILER_COMMAND = /(?:^|[\s;&|(/])(babel|swc)\s+([^;&|]*)/g;

/** The source files babel and swc compile into one `.js` file: TypeScript and JavaScript alike. */

export interface FileCompilerRun {
  /** The package script's name. */
  script: string;
  /** The command as written, for evidence. */
  command: string;
  /** Its words that are not options nor the output folder: the folders (or files) it compiles, as written. */
  inputs: string[];
  /** The output folder as written. */
  out: string;
  /**
   * The swc CLI keeps each input's path below the output (`swc ./src -d dist`: src/x.js -> dist/src/x.js)
   * unless --strip-leading-paths, since its 0.3.0; before, it wrote src/x.js to dist/x.js as babel does.
   */
  keepsPath: boolean;
  /** The folder it runs in, relative to the package, when a shell script changed into one (`pushd src`); else the package's. */
  dir?: string;
}

/** Options of babel and swc taking a value (`--config-file ../babel.config.js`): that word is neither an input nor the output. */
const VALUE_OPTION = /^(?:--config-file|--config|-C|--extensions|-x|--ignore|--only|--presets|--plugins|--env-name|--root-mode)$/;

/**
 * Every run of babel or swc with an output folder in the package's scripts; a watching run
 * (`swc src -w --out-dir dist`) is for development, not the image's build. `deps`: the package's
 * dependencies, whose @swc/cli version says how swc names its output.
 * https://babeljs.io/docs/babel-cli#compile-directories https://swc.rs/docs/usage/cli#--strip-leading-paths
 * https://github.com/swc-project/cli/issues/281
 */
export function fileCompilerRuns(scripts: Readonly<Record<string, string>>, deps: Readonly<Record<string, unknown>> = {}): FileCompilerRun[] {
  const swcStrips = swcCliBeforeKeptPaths(deps['@swc/cli']);
  const runs: FileCompilerRun[] = [];
  for (const [script, text] of Object.entries(scripts)) {
    for (const match of text.matchAll(FILE_COMPILER_COMMAND)) {
      const args = (match[2] ?? '').trim().split(/\s+/).map((a) => a.replace(/^["']|["']$/g, ''));
      if (args.some((a) => a === '-w' || a === '--watch')) continue;
      const at = args.findIndex((a) => a === '--out-dir' || a === '-d');
      const out = at >= 0 ? args[at + 1] : undefined;
      if (out === undefined) continue;
      const inputs = args.filter((a, i) => i !== at + 1 && !a.startsWith('-') && !VALUE_OPTION.test(args[i - 1] ?? ''));
      runs.push({ script, command: match[0].trim(), inputs, out, keepsPath: match[1] === 'swc' && !swcStrips && !args.includes('--strip-leading-paths') });
    }
  }
  return runs;
}

/** Whether a dependency range on @swc/cli only allows versions before 0.3.0 (`^0.1.57`, `~0.2.3`, `0.1.x`), which strip the input's path. */
function swcCliBeforeKeptPaths(range: unknown): boolean {
  const m = typeof range === 'string' ? /^[\^~=v\s]*0\.([0-2])(?:\.|$)/.exec(range.trim()) : null;
  return m !== null;
}

/** The folder `run` writes the files of its input `input` (a folder of `dir`, as written) into. */
export function fileCompilerOutput(dir: string, run: FileCompilerRun, input: string): string {
  const base = resolve(dir, run.dir ?? '');
  return run.keepsPath ? resolve(base, run.out, relative(base, resolve(base, input))) : resolve(base, run.out);
}

/** A package script handing a shell script of the package to a shell (`bash scripts/build.sh`, `./build.sh`): that script, relative to the package. */
const SHELL_SCRIPT = /(?:^|[\s;&|(])(?:(?:bash|sh)\s+(?:-\w+\s+)*)?((?:\.\/)?[\w./-]+\.sh)\b/g;
/** A shell script of more than this is not read (a build script is a few dozen lines). */
const MAX_SHELL_SCRIPT_CHARS = 16 * 1024;

/**
 * The babel and swc runs of the shell scripts the package's scripts run (`"build": "bash
 * scripts/build.sh"`), each in the folder the script is in at that line: `pushd src` / `cd src`
 * change it, `popd` returns. Read as text, never run, only inside the package folder.
 */
export async function shellFileCompilerRuns(fs: FsLike, dir: string, scripts: Readonly<Record<string, string>>, deps: Readonly<Record<string, unknown>> = {}): Promise<FileCompilerRun[]> {
  const runs: FileCompilerRun[] = [];
  const files = new Set([...Object.values(scripts).join('\n').matchAll(SHELL_SCRIPT)].map((m) => posix.normalize(m[1] ?? '')));
  for (const file of files) {
    if (file.startsWith('..') || posix.isAbsolute(file)) continue;
    const text = await fs.readFile(join(dir, ...file.split('/'))).catch(() => undefined);
    if (text === undefined || text.length > MAX_SHELL_SCRIPT_CHARS) continue;
    const folders = [''];
    for (const line of text.replace(/\\\r?\n\s*/g, ' ').split(/\r?\n/).map((l) => l.trim())) {
      const move = /^(pushd|cd|popd)(?:\s+(\S+))?\s*$/.exec(line);
      if (move?.[1] === 'popd') folders.length > 1 && folders.pop();
      else if (move) folders.splice(move[1] === 'cd' ? -1 : folders.length, move[1] === 'cd' ? 1 : 0, posix.join(folders.at(-1) ?? '', move[2] ?? '.'));
      else runs.push(...fileCompilerRuns({ [file]: line }, deps).map((run) => ({ ...run, dir: folders.at(-1) ?? '' })));
    }
  }
  return runs;
}

/**
 * The folder a package's file-by-file compile turns into the file its start script runs (`node
 * ./server/dist/index.js` after `babel --out-dir ./server/dist ./server/src`, server/src/index.ts
 * there): that input folder is the server's source root, wherever the output is beside it.
 */
export async function fileCompiledStart(fs: FsLike, dir: string): Promise<{ path: string; why: string } | undefined> {
  const pkg = await readJsonObject(fs, join(dir, 'package.json'));
  const file = startedFile(pkg);
  const scripts = pkg?.['scripts'];
  if (file === undefined || !/\.[cm]?js$/.test(file) || typeof scripts !== 'object' || scripts === null) return undefined;
  const started = resolve(dir, file);
  const deps = { ...asRecord(pkg?.['dependencies']), ...asRecord(pkg?.['devDependencies']) };
  for (const run of fileCompilerRuns(scripts as Record<string, string>, deps)) {
    for (const input of run.inputs) {
      const output = fileCompilerOutput(dir, run, input);
      if (!isAtOrInside(output, started) || !(await fs.stat(resolve(dir, input)))?.isDirectory) continue;
      const stem = join(resolve(dir, input), relative(output, started).replace(/\.[cm]?js$/, ''));
      for (const ext of CODE_SOURCE_EXTENSIONS) {
        if ((await fs.stat(stem + ext))?.isFile) return { path: resolve(dir, input), why: l10n.t`package.json's start script runs ${file}, which its "${run.script}" script (${run.command}) compiles from ${relative(dir, stem + ext)}` };
      }
    }
  }
  return undefined;
}

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}
