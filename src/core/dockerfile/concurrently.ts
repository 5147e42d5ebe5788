// The commands a runner of several commands at once starts: `concurrently "node a.js" "vite"`,
// `concurrently npm:api npm:web`, `concurrently -n w: npm:start:*` (every script whose name the
// pattern matches), `run-p a b` / `npm-run-all --parallel 'start:*'` (package scripts). Read as
// text, never run. https://github.com/open-cli-tools/concurrently#usage
import { posix } from 'node:path';
import { commandWords } from './parse';
import { isFileRunner } from '../mapping/runners';
import { literalStep, stepsMatch, type GlobStep } from '../globSteps';

/** `concurrently`'s options that take the next word as their value. */
const CONCURRENTLY_VALUE = /^(?:-n|--names|-c|--prefix-colors|-p|--prefix|-l|--prefix-length|-m|--max-processes|-s|--success|--restart-tries|--restart-after|-t|--timestamp-format|--default-input-target|--pad-prefix|--passthrough-arguments)$/;
const RUNNERS = /^(?:concurrently|run-p|npm-run-all)$/;
/** A word starting a program, where quoted commands were joined into one line by spaces. */
const PROGRAM_START = /^(?:npm|pnpm|yarn|npx|bun)$|^(?:npm|pnpm|yarn|bun):/;

/**
 * The commands `words` runs side by side, each as words, a package script as `npm run <name>` (a
 * pattern `start:*`, with concurrently's `(!x)` leaving names out, as every script of `scripts` it
 * matches, in their order); undefined when the words run no concurrently, run-p or npm-run-all
 * --parallel. A quoted command is one word holding spaces; one written out in the line is read as
 * the words up to the next one starting a program (a file runner, a package manager, `npm:`).
 */
export function concurrentCommands(words: readonly string[], scripts: Readonly<Record<string, string>>): string[][] | undefined {
  const at = words.findIndex((w) => RUNNERS.test(posix.basename(w)));
  if (at < 0) return undefined;
  const tool = posix.basename(words[at] ?? '');
  if (tool === 'npm-run-all' && !words.some((w) => w === '-p' || w === '--parallel')) return undefined;
  const operands: string[] = [];
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i] ?? '';
    if (tool === 'concurrently' && CONCURRENTLY_VALUE.test(w)) i++;
    else if (!w.startsWith('-')) operands.push(w);
  }
  if (tool !== 'concurrently') return operands.flatMap((name) => scriptRuns(name, scripts));
  const quoted = operands.some((w) => /\s/.test(w.trim()));
  const starts = new Set(operands.flatMap((w, i) => (quoted || i === 0 || isFileRunner(w) || PROGRAM_START.test(w) ? [i] : [])));
  const commands: string[][] = [];
  operands.forEach((w, i) => (starts.has(i) || commands.length === 0 ? commands.push(quoted ? commandWords(w) : [w]) : commands[commands.length - 1]?.push(w)));
  return commands.flatMap((c) => {
    const npm = /^(?:npm|pnpm|yarn|bun):(.+)$/.exec(c[0] ?? '');
    return npm ? scriptRuns(npm[1] ?? '', scripts).map((run) => [...run, ...c.slice(1)]) : [c];
  });
}

/**
 * `npm run <name>` for a script name, or for each script a pattern (`start:*`, `watch:*(!css)`)
 * matches, less those whose starred part holds the omitted text (with several stars, the text
 * between the pattern's first and last star). Matched by walking its steps, not as a regular
 * expression of the package.json's pattern: `*a*a*a...` would backtrack without end on a long name.
 */
function scriptRuns(name: string, scripts: Readonly<Record<string, string>>): string[][] {
  if (!name.includes('*')) return [['npm', 'run', name]];
  const m = /^(.*?)(?:\(!([^)]*)\))?$/.exec(name);
  const pattern = m?.[1] ?? name;
  const steps: GlobStep[] = [...pattern].map((c) => (c === '*' ? { kind: 'run', stop: '' } : literalStep(c)));
  const [head = '', tail = ''] = [pattern.slice(0, pattern.indexOf('*')), pattern.slice(pattern.lastIndexOf('*') + 1)];
  const left = m?.[2];
  return Object.keys(scripts)
    .filter((s) => stepsMatch(steps, s) && (left === undefined || !s.slice(head.length, s.length - tail.length).includes(left)))
    .map((s) => ['npm', 'run', s]);
}
