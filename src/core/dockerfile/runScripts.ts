// RUN commands that run a shell script of the build context (`RUN ./build.sh`, or a package script
// `"package": "./npm_package.sh"` once withRootScripts put it in the RUN's place): the script's own
// commands in their place, so the moves and copies it makes (`mv dist package`) are followed as a
// RUN's own are (runCopies.ts). The script is read as text, never run, and only from inside the
// build context, where the stage copied it.
import { join, posix } from 'node:path';
import type { FsLike } from '../ports';
import { commandWords, copiesFromContext, type Dockerfile, type Stage } from './parse';
import { contextRoot } from './locate';

/** Shells a script is handed to (`sh ./build.sh`); their options before it are skipped. */
const SHELL = /^(?:sh|bash|ash|dash)$/;
/** A script of more than this is not read (a build script is a few dozen lines). */
const MAX_SCRIPT_CHARS = 16 * 1024;

/** The Dockerfile with each RUN command that runs a shell script of the context replaced by the script's commands. */
export async function withRunScripts(fs: FsLike, df: Dockerfile, context: string): Promise<Dockerfile> {
  let changed = false;
  const stages: Stage[] = [];
  for (const stage of df.stages) {
    const root = contextRoot(stage.copies.filter(copiesFromContext));
    const runs = [];
    for (const run of stage.runs) {
      const command = root === undefined ? run.command : await expandScripts(fs, run.command, posix.resolve(run.workdir ?? stage.workdir), root, context);
      changed ||= command !== run.command;
      runs.push(command === run.command ? run : { ...run, command });
    }
    stages.push({ ...stage, runs });
  }
  return changed ? { ...df, stages } : df;
}

/** Each part of a command line (`a && ./x.sh; b`) that runs a script of the context, as the script's lines. */
async function expandScripts(fs: FsLike, command: string, workdir: string, root: string, context: string): Promise<string> {
  const parts = command.split(/(&&|\|\||;|\n)/);
  const out: string[] = [];
  for (const part of parts) {
    const run = scriptOf(part, workdir, root);
    const text = run === undefined ? undefined : await fs.readFile(join(context, ...run.file.split('/'))).catch(() => undefined);
    out.push(run !== undefined && text !== undefined && text.length <= MAX_SCRIPT_CHARS ? ` ${scriptCommands(text, workdir, run.variables)} ` : part);
  }
  return out.join('');
}

/** A variable assignment word before a command (`LINUXBUILD=dizquetv sh make_dist.sh`). */
const ASSIGNMENT_WORD = /^([A-Za-z_]\w*)=(.*)$/;

/**
 * The context-relative script a command runs (`./npm_package.sh`, `sh scripts/build.sh`), when the
 * stage has it from the context, with the variables it starts with: those assigned before the
 * command (`LINUXBUILD=dizquetv sh make_dist.sh`) and its arguments as $1, $2...
 */
function scriptOf(part: string, workdir: string, root: string): { file: string; variables: Map<string, string> } | undefined {
  const all = commandWords(part.trim());
  const variables = new Map<string, string>();
  let at = 0;
  for (let m = ASSIGNMENT_WORD.exec(all[at] ?? ''); m !== null; m = ASSIGNMENT_WORD.exec(all[++at] ?? '')) variables.set(m[1] ?? '', m[2] ?? '');
  const words = all.slice(at);
  const scriptAt = SHELL.test(words[0] ?? '') ? words.findIndex((w, i) => i > 0 && !w.startsWith('-')) : 0;
  const script = scriptAt < 0 ? undefined : words[scriptAt];
  if (script === undefined || !/\.sh$/.test(script) || (!script.startsWith('./') && !SHELL.test(words[0] ?? ''))) return undefined;
  words.slice(scriptAt + 1).forEach((arg, i) => variables.set(String(i + 1), arg));
  const rel = posix.relative(root, posix.resolve(workdir, script));
  return rel === '' || rel.startsWith('..') || posix.isAbsolute(rel) ? undefined : { file: rel, variables };
}

/**
 * A script's commands, one a line: its shebang, comments, blank lines and `set` options left out;
 * the folder it starts in (`workdir`) written for a variable holding it (workingFolderVariables),
 * and the variables it is given or sets to known values written out (withKnownVariables).
 */
function scriptCommands(text: string, workdir: string, variables: ReadonlyMap<string, string>): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#') && !/^set\s/.test(l));
  return withKnownVariables(withWorkingFolder(lines, workdir), variables).join('\n');
}

/** A line assigning a variable (`LINUX64=${LINUXBUILD:-dizquetv-linux-x64}`, `export OUT="dist"`). */
const ASSIGNMENT_LINE = /^(?:export\s+|readonly\s+)?([A-Za-z_]\w*)=(\S*)$/;
/** `$NAME`, `${NAME}`, `${NAME:-default}` / `${NAME-default}`, `$1`. */
const VARIABLE_USE = /\$(?:\{([A-Za-z_]\w*|\d+)(?::?-([^}]*))?\}|([A-Za-z_]\w*|\d))/g;

/**
 * Lines with the variables whose values are known written out, read in order as the shell runs a
 * script with no branches: those given to it (`LINUXBUILD=dizquetv sh make_dist.sh linuxonly`: $1
 * is linuxonly) and those it assigns from literals and known variables (`LINUX64=${LINUXBUILD:-x}`),
 * so `nexe --output $LINUX64` names its file. A value made by a command (`$(date)`) is not known:
 * its uses stay as written, as do those of variables never assigned.
 */
function withKnownVariables(lines: readonly string[], given: ReadonlyMap<string, string>): string[] {
  const known = new Map(given);
  const write = (text: string): string | undefined => {
    let unknown = false;
    const written = text.replace(VARIABLE_USE, (use, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
      const value = known.get(braced ?? bare ?? '') ?? fallback;
      if (value === undefined) unknown = true;
      return value ?? use;
    });
    return unknown ? undefined : written;
  };
  return lines.map((line) => {
    const assigned = ASSIGNMENT_LINE.exec(line);
    if (assigned) {
      const value = /[`]|\$\(/.test(assigned[2] ?? '') ? undefined : write(unquote(assigned[2] ?? ''));
      if (value === undefined) known.delete(assigned[1] ?? '');
      else known.set(assigned[1] ?? '', value);
      return line;
    }
    return line.replace(VARIABLE_USE, (use, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => known.get(braced ?? bare ?? '') ?? fallback ?? use);
  });
}

function unquote(s: string): string {
  return s.replace(/^(['"])(.*)\1$/, '$2');
}

/** `BASE=$(pwd)`, `` ROOT=`pwd` ``, `HERE="$PWD"`: a variable set to the working folder, the name in group 1. */
const PWD_ASSIGNMENT = /^(?:export\s+|readonly\s+)?(\w+)=(?:"?\$\(pwd\)"?|"?`pwd`"?|"?\$\{?PWD\}?"?)$/;

/**
 * Lines with each variable set to the working folder before the script first changes folder
 * (`BASE_PATH=$(pwd)`, then `cd "${BASE_PATH}/daemon"`) written as that folder, the RUN's
 * working folder, and a quoted word left with no quoting to keep (`"/src/daemon/app.js"`): the
 * moves it makes (`mv "${BASE_PATH}/daemon/production/app.js" "${BASE_PATH}/out/daemon"`) are
 * then read as written ones are. A variable set after a `cd`, or set again, is left as written.
 */
function withWorkingFolder(lines: readonly string[], workdir: string): string[] {
  const firstCd = lines.findIndex((l) => /^(?:cd|pushd)\s/.test(l));
  const set = (name: string) => lines.filter((l) => new RegExp(`^(?:export\\s+|readonly\\s+)?${name}=`).test(l)).length;
  const names = lines.flatMap((l, i) => {
    const name = PWD_ASSIGNMENT.exec(l)?.[1];
    return name !== undefined && (firstCd < 0 || i < firstCd) && set(name) === 1 ? [name] : [];
  });
  if (names.length === 0) return [...lines];
  const uses = new RegExp(`\\$(?:\\{(${names.join('|')})\\}|(${names.join('|')})\\b)`, 'g');
  return lines.map((l) => {
    const written = l.replace(uses, workdir);
    return written === l ? l : written.replace(/"([^"\s$`\\]*)"/g, '$1');
  });
}
