// Globs from the workspace (.dockerignore, tsconfig include, a compose file's list, a source file's
// glob) matched without a backtracking regular expression. A regular expression made of a glob with
// many stars (`*a*a*a*a*a*b`) backtracks in a name's length to the power of its stars: one line of
// a workspace file could hang the check. Here the glob is a list of steps walked as a set of
// positions, one pass over the text: at most (steps x characters) work, whatever the glob.

/** One step: a character a test accepts, any run of characters none of which is in `stop`, or any folders (`**\/`: nothing, or a text ending in `/`). */
export type GlobStep = { kind: 'char'; test: (c: string) => boolean } | { kind: 'run'; stop: string } | { kind: 'folders' };

/** The most spellings a glob's braces may give (`{a,b}{c,d}` gives four) before it is taken to match nothing. */
const MOST_BRACE_SPELLINGS = 64;

/** The step matching the character `c` alone. */
export const literalStep = (c: string): GlobStep => ({ kind: 'char', test: (x) => x === c });

/**
 * Whether the steps match the whole of `text`; with `atFolder`, also a leading part of it ending
 * before a `/` (the glob names a folder, `text` is inside it).
 */
export function stepsMatch(steps: readonly GlobStep[], text: string, atFolder = false): boolean {
  const end = steps.length;
  let at = closure(steps, Uint8Array.of(1, ...new Uint8Array(end)));
  // Within folders (`**\/`) past its start and not just after a `/`: it may not yet match nothing.
  let within = new Uint8Array(end + 1);
  for (const c of text) {
    if (atFolder && c === '/' && at[end] === 1) return true;
    const next = new Uint8Array(end + 1);
    const nextWithin = new Uint8Array(end + 1);
    let alive = false;
    for (let i = 0; i < end; i++) {
      const step = steps[i];
      if ((at[i] !== 1 && within[i] !== 1) || step === undefined) continue;
      if (step.kind === 'folders') (c === '/' ? next : nextWithin)[i] = 1;
      else if (at[i] !== 1) continue;
      else if (step.kind === 'char' ? step.test(c) : !step.stop.includes(c)) next[step.kind === 'char' ? i + 1 : i] = 1;
      else continue;
      alive = true;
    }
    if (!alive) return false;
    at = closure(steps, next);
    within = nextWithin;
  }
  return at[end] === 1;
}

/** The positions reachable from `at` without reading a character (a run or folders may match nothing). */
function closure(steps: readonly GlobStep[], at: Uint8Array): Uint8Array {
  for (let i = 0; i < steps.length; i++) if (at[i] === 1 && steps[i]?.kind !== 'char') at[i + 1] = 1;
  return at;
}

/**
 * The spellings of a glob's braces (`src/*.{ts,js}` -> src/*.ts and src/*.js, inner braces first);
 * none when they give more than MOST_BRACE_SPELLINGS (`{a,b}` forty times over is 2^40 globs).
 */
function braceSpellings(glob: string): string[] {
  const done: string[] = [];
  const todo = [glob];
  for (let g = todo.pop(); g !== undefined; g = todo.pop()) {
    const close = g.indexOf('}');
    const open = close < 0 ? -1 : g.lastIndexOf('{', close);
    const spelt = g;
    if (open < 0) done.push(g);
    else todo.push(...g.slice(open + 1, close).split(',').map((o) => spelt.slice(0, open) + o + spelt.slice(close + 1)));
    if (done.length + todo.length > MOST_BRACE_SPELLINGS) return [];
  }
  return done;
}

/**
 * A path glob (no braces) as steps: `**\/` any folders, `**` as a whole name any text, `*` any text within a
 * folder's name, `?` one character of one, `[a-z]` / `[^.]` one of (not of) a set, `\x` the character x.
 */
function pathGlobSteps(glob: string): GlobStep[] {
  const steps: GlobStep[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    const set = c === '[' ? charSet(glob, i) : undefined;
    if (glob.startsWith('**/', i) && (i === 0 || glob[i - 1] === '/')) {
      steps.push({ kind: 'folders' });
      i += 2;
    } else if (c === '*') {
      const run = /^\*+/.exec(glob.slice(i))?.[0].length ?? 1;
      // `**` is any folders only as a whole name (`a/**`); within a name (`**.js`) it is `*`.
      const whole = run > 1 && (i === 0 || glob[i - 1] === '/') && (i + run === glob.length || glob[i + run] === '/');
      steps.push({ kind: 'run', stop: whole ? '' : '/' });
      i += run - 1;
    } else if (c === '?') steps.push({ kind: 'char', test: (x) => x !== '/' });
    else if (set) {
      steps.push({ kind: 'char', test: set.test });
      i = set.end;
    } else if (c === '\\' && i + 1 < glob.length) steps.push(literalStep(glob[++i] ?? ''));
    else steps.push(literalStep(c));
  }
  return steps;
}

/** The set `[...]` opening at `open` (`[abc]`, `[a-z]`, `[^x]`; as picomatch, `!` is no negation) as a test, and the index of its `]`; none when it does not close. */
function charSet(glob: string, open: number): { test: (c: string) => boolean; end: number } | undefined {
  const negated = glob[open + 1] === '^';
  const first = open + (negated ? 2 : 1);
  const end = glob.indexOf(']', first + 1);
  if (end < 0) return undefined;
  const body = glob.slice(first, end);
  const ranges: Array<[string, string]> = [];
  for (let i = 0; i < body.length; i++) {
    const lo = body[i] ?? '';
    const hi = body[i + 1] === '-' && i + 2 < body.length ? (body[i + 2] ?? lo) : lo;
    ranges.push([lo, hi]);
    if (hi !== lo || (body[i + 1] === '-' && i + 2 < body.length)) i += 2;
  }
  return { test: (c) => c !== '/' && ranges.some(([lo, hi]) => c >= lo && c <= hi) !== negated, end };
}

/**
 * A path glob with braces (`**\/*.{ts,js}`) as a test over a relative POSIX path: each spelling of
 * its braces, made ready by `prepare`, walked as steps (pathGlobSteps); with `atFolder`, a path
 * inside a folder the glob names matches too (stepsMatch).
 */
export function pathGlobTest(glob: string, opts: { prepare?: (spelling: string) => string; atFolder?: boolean } = {}): { test: (path: string) => boolean } {
  const spellings = braceSpellings(glob).map((g) => pathGlobSteps(opts.prepare ? opts.prepare(g) : g));
  return { test: (path) => spellings.some((steps) => stepsMatch(steps, path, opts.atFolder)) };
}
