// A server bundled (or compiled into one executable) by a RUN of the Dockerfile itself, not by a
// package.json script: `deno compile --output app src/serve.ts`, `bun build --compile --outfile
// server`, `esbuild --bundle --outfile=out.js`, `ncc build src/index.ts -o dist`, `pkg . -o app`,
// `nexe -o app`. What it names as output, as a build-context path, is what locateInImage can follow
// to the final image.
import { posix } from 'node:path';
import { contextRoot } from './locate';
import { copiesFromContext, stageChain, type Dockerfile, type Stage } from './parse';

export interface RunBundle {
  /** The command that bundles, as written ("deno compile"). */
  bundler: string;
  /** Its output folder as a build-context path ("apps/server/dist"; '' for the context root). */
  output: string;
  /** The one file it writes, when it names one (`--outfile server`, an executable): a build-context path. */
  file?: string;
  /** The script files it names as entries (`./apps/api/src/index.ts`), as build-context paths. */
  entries: string[];
  line: number;
}

interface BundleCommand {
  name: string;
  /** Matches the command. */
  command: RegExp;
  /** Its output file or folder, the first capture group. */
  output: RegExp;
  /** The output named is a file (an executable), not a folder; `--outfile` always is. */
  file?: boolean;
  /** The folder it writes to when the command names none. */
  byDefault?: string;
}

const BUNDLE_COMMANDS: readonly BundleCommand[] = [
  { name: 'deno compile', command: /\bdeno\s+compile\b/, output: /(?:--output[=\s]|\s-o\s*)(\S+)/, file: true },
  { name: 'deno bundle', command: /\bdeno\s+bundle\b/, output: /(?:--output[=\s]|\s-o\s*)(\S+)/ },
  { name: 'bun build', command: /\bbun\s+build\b/, output: /--out(?:file|dir)[=\s](\S+)/ },
  { name: 'esbuild --bundle', command: /\besbuild\b(?=.*\s--bundle\b)/, output: /--out(?:file|dir)[=\s](\S+)/ },
  // https://github.com/vercel/ncc#commands: `-o, --out [dir]`, dist by default.
  { name: 'ncc build', command: /\bncc\s+build\b/, output: /(?:--out[=\s]|\s-o\s*)(\S+)/, byDefault: 'dist' },
  // https://github.com/vercel/pkg#usage, https://github.com/nexe/nexe#usage: one executable.
  { name: 'pkg', command: /(?:^|[\s/])pkg\s/, output: /(?:--output[=\s]|\s-o\s+)(\S+)/, file: true },
  { name: 'pkg', command: /(?:^|[\s/])pkg\s/, output: /--out-path[=\s](\S+)/ },
  { name: 'nexe', command: /(?:^|[\s/])nexe\s/, output: /(?:--output[=\s]|\s-o\s+)(\S+)/, file: true },
];

/**
 * The bundling commands of the Dockerfile whose output lies in a stage's copy of the build
 * context, in order (a bundle written to /tmp and copied on is followed through its next command's
 * input). `cd X &&` before the command moves where its relative output is written.
 */
export function findRunBundles(df: Dockerfile): RunBundle[] {
  const found: RunBundle[] = [];
  for (const { part, cwd, root, line } of runCommands(df, (stage) => stage.workdir)) {
    for (const b of BUNDLE_COMMANDS) {
      if (!b.command.test(part)) continue;
      const out = lastOutput(part, b.output) ?? b.byDefault;
      if (out === undefined || root === undefined) continue;
      // `--outfile=dist-api/index.js` names the bundle itself: it lands in that file's folder.
      const isFile = b.file === true || /--outfile[=\s]/.test(part);
      const abs = posix.resolve(cwd, unquote(out));
      const rel = posix.relative(root, isFile ? posix.dirname(abs) : abs);
      const file = posix.relative(root, abs);
      if ((rel === '' && !isFile) || rel.startsWith('..') || file === '' || file.startsWith('..')) continue;
      found.push({ bundler: b.name, output: rel, entries: entryFiles(part, cwd, root), line, ...(isFile ? { file } : {}) });
    }
  }
  return found;
}

/**
 * Each command of the Dockerfile's RUNs that runs where a stage put the build context, with the
 * context-relative folder it runs in (the RUN's WORKDIR, then the `cd X` before it): `RUN node
 * build.mjs` in WORKDIR /app/api of a stage that copied the context to /app runs api/build.mjs.
 */
export function runCommandsInContext(df: Dockerfile): { command: string; dir: string; line: number }[] {
  const out: { command: string; dir: string; line: number }[] = [];
  for (const { part, cwd, root, line } of runCommands(df, (stage, run) => run.workdir ?? stage.workdir)) {
    const dir = root === undefined ? undefined : posix.relative(root, cwd);
    if (dir !== undefined && !dir.startsWith('..') && !posix.isAbsolute(dir)) out.push({ command: part.trim(), dir, line });
  }
  return out;
}

/**
 * The commands of every RUN, each with the folder it runs in (`cd X` followed from `start`) and where
 * its stage put the context: a stage built FROM another that copied it (`FROM sources AS build`) has
 * it where that one put it.
 */
function* runCommands(df: Dockerfile, start: (stage: Stage, run: Stage['runs'][number]) => string): Generator<{ part: string; cwd: string; root: string | undefined; line: number }> {
  for (const stage of df.stages) {
    const root = contextRoot(stageChain(df.stages, stage).flatMap((s) => s.copies.filter(copiesFromContext)));
    for (const run of stage.runs) {
      let cwd = start(stage, run);
      for (const part of run.command.split(/\n|&&|;|\|\|/)) {
        const cd = /^\s*cd\s+(\S+)\s*$/.exec(part);
        if (cd?.[1] !== undefined) cwd = posix.resolve(cwd, unquote(cd[1]));
        else yield { part, cwd, root, line: run.line };
      }
    }
  }
}

/** Options of the bundling commands whose value is a file that is no entry (the output, a configuration). */
const FILE_OPTION = /^(?:--out(?:file|dir|put)?|-o|--config|-c|--tsconfig(?:-override)?)$/;

/** The script files a bundling command names as entries, not as an option's value: build-context paths (none outside it). */
function entryFiles(part: string, cwd: string, root: string): string[] {
  const words = part.trim().split(/\s+/).map(unquote);
  return words
    .filter((w, i) => !w.startsWith('-') && !FILE_OPTION.test(words[i - 1] ?? '') && /\.[cm]?[jt]sx?$/.test(w))
    .map((w) => posix.relative(root, posix.resolve(cwd, w)))
    .filter((rel) => !rel.startsWith('..') && !posix.isAbsolute(rel));
}

/** The output a command names last: a later option overrides an earlier one (a script's `--outfile=x.js` given `-- --outfile=x` after it). */
function lastOutput(part: string, output: RegExp): string | undefined {
  return [...part.matchAll(new RegExp(output.source, 'g'))].at(-1)?.[1];
}

function unquote(s: string): string {
  return s.replace(/^(['"])(.*)\1$/, '$2');
}
