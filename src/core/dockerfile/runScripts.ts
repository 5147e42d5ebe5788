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
    const file = scriptOf(part, workdir, root);
    const text = file === undefined ? undefined : await fs.readFile(join(context, ...file.split('/'))).catch(() => undefined);
    out.push(text !== undefined && text.length <= MAX_SCRIPT_CHARS ? ` ${scriptCommands(text, workdir)} ` : part);
  }
  return out.join('');
}

/** The context-relative script a command runs (`./npm_package.sh`, `sh scripts/build.sh`), when the stage has it from the context. */
function scriptOf(part: string, workdir: string, root: string): string | undefined {
  const words = commandWords(part.trim());
  const script = SHELL.test(words[0] ?? '') ? words.slice(1).find((w) => !w.startsWith('-')) : words[0];
  if (script === undefined || !/\.sh$/.test(script) || (!script.startsWith('./') && !SHELL.test(words[0] ?? ''))) return undefined;
  const rel = posix.relative(root, posix.resolve(workdir, script));
  return rel === '' || rel.startsWith('..') || posix.isAbsolute(rel) ? undefined : rel;
}

/**
 * A script's commands, one a line: its shebang, comments, blank lines and `set` options left out;
 * the folder it starts in (`workdir`) written for a variable holding it (workingFolderVariables).
 */
function scriptCommands(text: string, workdir: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#') && !/^set\s/.test(l));
  return withWorkingFolder(lines, workdir).join('\n');
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
