// The programs an image starts side by side: a start command running several at once (`node a.js
// & node b.js`, GNU parallel, `concurrently "x" "y"`, `run-p a b`), or a process manager's
// configuration the image holds (pm2's ecosystem file with several apps, supervisord's
// [program:x] sections). Each is a command line with the folder it starts in, to be read as the
// start of an image running only it. Read as text, never run.
import { posix } from 'node:path';
import { commandWords, findStage, type Dockerfile, type Stage } from './parse';
import { followScripts } from '../routes/serverApps';
import { parallelRuns } from '../mapping/gnuParallel';
import { isFileRunner } from '../mapping/runners';
import { pm2AppCommands, pm2EcosystemFile } from './pm2Ecosystem';
import { supervisordConfigs, supervisordPrograms } from './supervisord';
import { turboTask } from './runCopies';

export interface StartedProgram {
  /** The command line it runs (`cd api && node dist/main.js`). */
  command: string;
  /** The folder it starts in. */
  workdir: string;
}

/** Programs read at most (a server and a worker per package of a workspace: a dozen): a start naming more is read for its first ones. */
const MAX_PROGRAMS = 12;

/** `concurrently`'s options that take the next word as their value. https://github.com/open-cli-tools/concurrently#usage */
const CONCURRENTLY_VALUE = /^(?:-n|--names|-c|--prefix-colors|-p|--prefix|-l|--prefix-length|-m|--max-processes|-s|--success|--restart-tries|--restart-after|-t|--timestamp-format|--default-input-target|--pad-prefix|--passthrough-arguments)$/;

/**
 * The programs the stage's start command runs at once (package scripts written out), or those of
 * the process manager's configuration it starts, read through `readImageFile` (the text of the
 * file the image has at a path, when the build context put it there). One program, or none known:
 * a list of at most one.
 */
export async function startedPrograms(
  stage: Stage,
  scripts: Record<string, string>,
  readImageFile: (imagePath: string) => Promise<string | undefined>,
  packagesWithScript: (name: string) => Promise<{ dir: string; script: string }[]> = async () => [],
): Promise<StartedProgram[]> {
  const words = followScripts(commandWords(stage.start ?? ''), scripts, { hops: 2 });
  const managed = (await managerPrograms(words, stage, readImageFile)) ?? (await turboPrograms(words, stage.workdir, packagesWithScript));
  if (managed) return managed.slice(0, MAX_PROGRAMS);
  const out: StartedProgram[] = [];
  let workdir = stage.workdir;
  const parts = words
    .join(' ')
    .split(/\s*(?:&&|\|\||;)\s*/)
    .map((part) => withoutShell(part.split(/\s+/).filter((w) => w !== '')));
  // In a chain each command ends before the next starts: the last one is left running, beside what was sent to the background (`node a.js &`).
  const last = parts.map((ws) => !SHELL_STEP.test(ws[0] ?? '')).lastIndexOf(true);
  parts.forEach((written, i) => {
    if (written[0] === 'cd' && written[1] !== undefined) workdir = posix.resolve(workdir, written[1]);
    if (SHELL_STEP.test(written[0] ?? '')) return;
    // `exec node b.js`: the shell replaced by the program.
    const pieces = splitAt(written, '&').map((ws) => (ws[0] === 'exec' ? ws.slice(1) : ws));
    pieces.forEach((piece, j) => {
      if (j < pieces.length - 1 || i === last) for (const run of parallelRuns(piece)) for (const command of concurrentCommands(run, scripts)) out.push({ command: command.join(' '), workdir });
    });
  });
  return out.filter((p) => p.command !== '').slice(0, MAX_PROGRAMS);
}

/** Shell builtins of a start line that start no program: a folder change, waiting for the background ones. */
const SHELL_STEP = /^(?:cd|wait|export|echo|set)$/;

/** The words without a shell running them as its command line (`sh -c ...`). */
function withoutShell(words: string[]): string[] {
  return /^(?:sh|bash|ash|dash|zsh)$/.test(posix.basename(words[0] ?? '')) && words[1] === '-c' ? words.slice(2) : words;
}

/** The programs of the pm2 ecosystem file or the supervisord configuration the start runs, when it runs one the image holds. */
async function managerPrograms(words: readonly string[], stage: Stage, readImageFile: (imagePath: string) => Promise<string | undefined>): Promise<StartedProgram[] | undefined> {
  const ecosystem = pm2EcosystemFile(words);
  const text = ecosystem === undefined ? undefined : await readImageFile(posix.resolve(stage.workdir, ecosystem));
  if (text !== undefined) return pm2AppCommands(text).map((command) => ({ command, workdir: stage.workdir }));
  for (const file of supervisordConfigs(words, stage)) {
    const conf = await readImageFile(file);
    if (conf !== undefined) return supervisordPrograms(conf, stage.workdir);
  }
  return undefined;
}

/** A runner before turbo (`bun --bun turbo dev`, `npx turbo run dev`), with its options. */
const TURBO_RUNNER = /^(?:npx|pnpx|bunx|pnpm|yarn|bun|exec|tini|dumb-init|--|-.*)$/;

/**
 * The packages' scripts a start running one Turborepo task over the workspace starts (`bun --bun
 * turbo dev` in the workspace root: each package's dev script, in its folder), found by
 * `packagesWithScript` (folder relative to the workspace root, and the script). A task run with a
 * filter, or in a chain, is left to the other readings.
 */
async function turboPrograms(words: readonly string[], workdir: string, packagesWithScript: (name: string) => Promise<{ dir: string; script: string }[]>): Promise<StartedProgram[] | undefined> {
  if (words.some((w) => /^(?:&&|\|\||;|&)$/.test(w))) return undefined;
  const at = words.findIndex((w) => !TURBO_RUNNER.test(posix.basename(w)));
  if (words[at] !== 'turbo') return undefined;
  const task = turboTask(words.slice(at + 1), new Set());
  const found = task === undefined ? [] : await packagesWithScript(task);
  return found.length > 0 ? found.map((p) => ({ command: p.script, workdir: posix.join(workdir, p.dir) })) : undefined;
}

function splitAt(words: readonly string[], separator: string): string[][] {
  const out: string[][] = [[]];
  for (const w of words) {
    if (w === separator) out.push([]);
    else out[out.length - 1]?.push(w);
  }
  return out.filter((ws) => ws.length > 0);
}

/**
 * The commands `concurrently "node a.js" "node b.js"` (`npm:dev` for `npm run dev`) or `run-p a b`
 * / `npm-run-all --parallel a b` (package scripts) run, each as words; the words themselves when
 * they run neither. Quoted commands were joined into the line by spaces: a command is read as the
 * words up to the next one starting a program (a file runner, a package manager, `npm:`).
 */
function concurrentCommands(words: readonly string[], scripts: Record<string, string>): string[][] {
  const at = words.findIndex((w) => /^(?:concurrently|run-p|npm-run-all)$/.test(posix.basename(w)));
  if (at < 0) return [[...words]];
  const tool = posix.basename(words[at] ?? '');
  const operands: string[] = [];
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i] ?? '';
    if (tool === 'concurrently' && CONCURRENTLY_VALUE.test(w)) i++;
    else if (!w.startsWith('-')) operands.push(w);
  }
  if (tool === 'npm-run-all' && !words.some((w) => w === '-p' || w === '--parallel')) return [[...words]];
  if (tool !== 'concurrently') return operands.map((name) => followScripts(['npm', 'run', name], scripts, { hops: 2 }));
  const starts = new Set(operands.flatMap((w, i) => (i === 0 || isFileRunner(w) || /^(?:npm|pnpm|yarn|npx)$|^npm:/.test(w) ? [i] : [])));
  const commands: string[][] = [];
  operands.forEach((w, i) => (starts.has(i) || commands.length === 0 ? commands.push([w]) : commands[commands.length - 1]?.push(w)));
  return commands.map((c) => (/^npm:/.test(c[0] ?? '') ? followScripts(['npm', 'run', (c[0] ?? '').slice(4)], scripts, { hops: 2 }) : c));
}

/** The Dockerfile with the start of the stage built (its target, else the last) narrowed to one of its programs: that command, in that folder. */
export function withProgramStart(df: Dockerfile, target: string | undefined, program: StartedProgram): Dockerfile {
  const built = (target !== undefined ? findStage(df.stages, target) : undefined) ?? df.stages[df.stages.length - 1];
  if (!built) return df;
  const { entrypoint: _entrypoint, ...rest } = built;
  const stage: Stage = { ...rest, start: program.command, cmd: program.command, workdir: program.workdir };
  return { ...df, stages: df.stages.map((s) => (s === built ? stage : s)) };
}
