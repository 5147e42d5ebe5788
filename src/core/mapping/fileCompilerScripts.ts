// Package scripts that compile a folder file by file with a CLI (`babel <dir> --out-dir <out>`,
// `swc <dir> -d <out>`): which folders they read and where each file is written. emit.ts reads the
// output folder of a known source root; sourceRoot.ts reads which folder is compiled into the
// output that holds the file the start script runs.
import * as l10n from '@vscode/l10n';
import { join, relative, resolve } from 'node:path';
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
}

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
      const inputs = args.filter((a, i) => i !== at + 1 && !a.startsWith('-'));
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
  return run.keepsPath ? resolve(dir, run.out, relative(dir, resolve(dir, input))) : resolve(dir, run.out);
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
