// A start script choosing what to run by a test of an environment variable the container's
// environment sets (`if [ "$NODE_ENV" = "production" ]; then npm start; else npm run dev; fi`, with
// compose's `NODE_ENV=production`): only the branch that test takes runs. A test of a variable not
// set, of anything else, or an `if` with an `elif`, keeps every branch (what the script starts is
// then read from all of them, as before).

/** `if [ "$VAR" = "value" ]; then` (also `==`, `!=`, `[[ ]]`, `test`), with what may follow `then` on the line. */
const IF_TEST = /^\s*if\s+(?:\[\[?|test)\s+"?\$\{?([A-Za-z_]\w*)\}?"?\s*(==?|!=)\s*(["']?)([^"'\]\s;]*)\3\s*(?:\]\]?)?\s*;?\s*(?:then\b\s*(.*))?$/;

/**
 * The lines of a script as the container runs them: of each `if` testing a variable `env` sets, the
 * branch its value takes (the `then` lines, else the `else` lines); every other line as it is.
 */
export function envBranchLines(lines: readonly string[], env: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const taken = takenBranch(lines, i, env);
    if (!taken) {
      out.push(lines[i] ?? '');
      continue;
    }
    out.push(...envBranchLines(taken.lines, env));
    i = taken.end;
  }
  return out;
}

/** The `if` at `at`, when its test is decided by `env` and it has no `elif`: the lines of the branch taken and the index of its `fi`. */
function takenBranch(lines: readonly string[], at: number, env: Readonly<Record<string, string>>): { lines: string[]; end: number } | undefined {
  const m = IF_TEST.exec(lines[at] ?? '');
  const variable = m?.[1];
  if (!m || variable === undefined || !Object.hasOwn(env, variable)) return undefined;
  const holds = (env[variable] === (m[4] ?? '')) === (m[2] !== '!=');
  const thenLines: string[] = m[5] ? [m[5]] : [];
  const elseLines: string[] = [];
  let inElse = false;
  let thenSeen = m[5] !== undefined;
  let depth = 0;
  for (let i = at + 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (/^if\b/.test(line)) depth++;
    if (depth === 0 && /^elif\b/.test(line)) return undefined;
    if (/^fi\b/.test(line) && depth-- === 0) return { lines: holds ? thenLines : elseLines, end: i };
    if (depth === 0 && !thenSeen && /^then\b/.test(line)) {
      thenSeen = true;
      thenLines.push(line.replace(/^then\b\s*/, ''));
    } else if (depth === 0 && /^else\b/.test(line)) {
      inElse = true;
      elseLines.push(line.replace(/^else\b\s*/, ''));
    } else (inElse ? elseLines : thenLines).push(lines[i] ?? '');
  }
  return undefined;
}
