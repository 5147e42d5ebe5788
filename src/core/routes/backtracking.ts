// Regular expressions written in the workspace (a source file's /.../ literal) that the check runs
// itself, on the workspace's own text: one that may backtrack without end is not run.

/** The most unbounded repeats (`*`, `+`, `{n,}`) a pattern run here may hold: side by side they may split a text every way (`.*a.*a.*a.*a.*b`). */
const MOST_REPEATS = 3;

/**
 * Whether a regular expression's source may take time exponential in its input: a backreference,
 * a quantified group holding a quantifier or an alternation (`(a+)+`, `(a|a)*`, `(?:x*y?){2,}`), or
 * more than MOST_REPEATS unbounded repeats (polynomial of that degree in the input's length).
 * Over-cautious on purpose: such a pattern is not run, and what it would give stays unknown.
 */
export function mayBacktrack(source: string): boolean {
  if (/\\[1-9k]/.test(source)) return true;
  const open: number[] = [];
  let repeats = 0;
  let inSet = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inSet) inSet = c !== ']';
    else if (c === '[') inSet = true;
    else if (c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(source.slice(i)))) repeats++;
    else if (c === '(') open.push(i);
    else if (c === ')') {
      const from = open.pop() ?? 0;
      const inner = source.slice(from + 1, i).replace(/\\./g, '');
      if (/^[*+{]/.test(source.slice(i + 1)) && /[*+{|]/.test(inner)) return true;
    }
  }
  return repeats > MOST_REPEATS;
}
