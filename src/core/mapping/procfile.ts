// A Procfile run by a process manager (`nf start`, `foreman start -f Procfile.dev`, `honcho start
// web`, `heroku local`, `overmind start`): the manager starts the command of each process the file
// declares (`web: yarn workspace server start:prod`), or of those named on its command line. Heroku's
// heritage, kept in images that start the app the same way. Read as text, never run.
// https://devcenter.heroku.com/articles/procfile https://github.com/strongloop/node-foreman
// https://github.com/ddollar/foreman https://honcho.readthedocs.io https://github.com/DarthSim/overmind
import { posix } from 'node:path';

/** A process manager's start of a Procfile: the file it reads (relative to where it runs) and the processes named, none for all. */
export interface ProcfileStart {
  file: string;
  processes: string[];
}

/** The managers, each with the words that start it (`nf start`, `heroku local`) and its option naming the file. */
const MANAGERS: ReadonlyArray<{ words: readonly string[]; fileOptions: RegExp }> = [
  { words: ['nf', 'start'], fileOptions: /^(?:-j|--procfile)$/ },
  { words: ['foreman', 'start'], fileOptions: /^(?:-f|--procfile)$/ },
  { words: ['honcho', 'start'], fileOptions: /^(?:-f|--procfile)$/ },
  { words: ['heroku', 'local'], fileOptions: /^(?:-f|--procfile)$/ },
  { words: ['overmind', 'start'], fileOptions: /^(?:-f|--procfile)$/ },
  { words: ['overmind', 's'], fileOptions: /^(?:-f|--procfile)$/ },
];

/** Options of theirs that take a value besides the file (`-e .env`, `-p 5000`, `-d dir`): the word after one is no process name. */
const VALUE_OPTION = /^(?:-e|--env|-p|--port|-d|--root|--app-root|-x|--formation|-c|--concurrency|-t|--timeout|-s|--socket|-l|--processes)$/;

/** The Procfile starts in `command` (a shell line: `yarn && nf start -j Procfile.dev`), in their order. */
export function procfileStarts(command: string): ProcfileStart[] {
  const out: ProcfileStart[] = [];
  for (const part of command.split(/&&|\|\||[;&|\n]/)) {
    const words = part.trim().split(/\s+/).filter((w) => w !== '');
    for (const { words: starts, fileOptions } of MANAGERS) {
      const at = words.findIndex((w, i) => posix.basename(w) === starts[0] && words[i + 1] === starts[1]);
      if (at < 0) continue;
      out.push(startOf(words.slice(at + 2), fileOptions));
      break;
    }
  }
  return out;
}

function startOf(args: readonly string[], fileOptions: RegExp): ProcfileStart {
  let file = 'Procfile';
  const processes: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i] ?? '';
    const eq = /^(--[\w-]+)=(.*)$/.exec(w);
    if (eq && fileOptions.test(eq[1] ?? '')) file = eq[2] ?? file;
    else if (fileOptions.test(w)) file = args[++i] ?? file;
    else if (VALUE_OPTION.test(w)) i++;
    else if (!w.startsWith('-')) processes.push(...w.split(',').filter((p) => p !== ''));
  }
  return { file: file.replace(/^(['"])(.*)\1$/, '$2'), processes };
}

/** The commands a Procfile's text declares (`name: command` lines), only those of `processes` when it names any. */
export function procfileCommands(text: string, processes: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([\w.-]+)\s*:\s*(\S.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    if (processes.length === 0 || processes.includes(m[1] ?? '')) out.push(m[2] ?? '');
  }
  return out;
}
