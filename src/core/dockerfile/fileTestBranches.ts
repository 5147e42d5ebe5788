// A start script choosing what to run by whether a file is there, each branch running the file it
// tested for (`if [ -f "server.js" ]; then exec node server.js; elif [ -f "/app/server.js" ]; then
// exec node /app/server.js; else exec npm run dev; fi`): the first such branch is the start the
// script is written for, the later ones its fallbacks. Only that branch is kept; an `if` whose
// branches test anything else keeps every branch (what the script starts is then read from all).
import { posix } from 'node:path';
import { commandWords } from './parse';

/** `if [ -f "path" ]; then` (also `-e`, `-x`, `[[ ]]`, `test`), or its `elif`, with what follows `then` on the line. */
const FILE_TEST = /^\s*(if|elif)\s+(?:\[\[?|test)\s+-[efx]\s+(["']?)([^"'\s\]]+)\2\s*(?:\]\]?)?\s*;?\s*(?:then\b\s*(.*))?$/;

/** A line opening such an `if`. */
const FILE_TEST_START = /^\s*if\s+(?:\[\[?|test)\s+-[efx]\s/;

interface Branch {
  /** The file the branch's test names, when it is a file test. */
  tested?: string;
  lines: string[];
}

/** The lines of a script with each `if` choosing by a file test reduced to the first branch that runs the file it tested for. */
export function fileTestBranchLines(written: readonly string[]): string[] {
  // An `if` written on one line (`if [ -f a.js ]; then node a.js; else yarn dev; fi`) read as one keyword a line.
  const lines = written.flatMap((l) => (FILE_TEST_START.test(l) ? l.split(/;\s*(?=(?:then|elif|else|fi)\b)/) : [l]));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const chain = FILE_TEST.exec(lines[i] ?? '')?.[1] === 'if' ? branchesAt(lines, i) : undefined;
    const taken = chain?.branches.find((b) => b.tested !== undefined && runsFile(b.lines, b.tested));
    if (!chain || !taken) {
      out.push(lines[i] ?? '');
      continue;
    }
    out.push(...fileTestBranchLines(taken.lines));
    i = chain.end;
  }
  return out;
}

/** The branches of the `if` at `at` (its `elif`s and `else` included) and the index of its `fi`; undefined when it has no `fi`. */
function branchesAt(lines: readonly string[], at: number): { branches: Branch[]; end: number } | undefined {
  const branches: Branch[] = [];
  let current = opened(lines[at] ?? '');
  let depth = 0;
  for (let i = at + 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (/^if\b/.test(line)) depth++;
    if (depth === 0 && /^(?:elif|else|fi)\b/.test(line)) {
      branches.push(current);
      if (/^fi\b/.test(line)) return { branches, end: i };
      current = /^elif\b/.test(line) ? opened(line) : { lines: [line.replace(/^else\b\s*/, '')] };
      continue;
    }
    if (/^fi\b/.test(line)) depth--;
    const afterThen = depth === 0 && current.lines.length === 0 ? /^then\b\s*(.*)$/.exec(line) : null;
    if (afterThen) {
      if (afterThen[1]) current.lines.push(afterThen[1]);
    } else current.lines.push(lines[i] ?? '');
  }
  return undefined;
}

/** A branch opened by an `if`/`elif` line: the file it tests, when it tests one, and what follows its `then`. */
function opened(line: string): Branch {
  const m = FILE_TEST.exec(line);
  if (!m) return { lines: [] };
  return { tested: m[3] ?? '', lines: m[4] ? [m[4]] : [] };
}

/** Whether one of the lines runs `file` (`node server.js`, `exec node /app/server.js`). */
function runsFile(lines: readonly string[], file: string): boolean {
  const name = posix.normalize(file);
  return lines.some((line) => commandWords(line.replace(/(^|\s)#.*$/, '').trim()).some((w, i) => i > 0 && posix.normalize(w) === name));
}
