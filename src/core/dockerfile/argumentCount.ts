// A start script that tests whether it was given arguments (`if [ $# -eq 0 ]; then node app.js; else
// ...; fi`, `if [ -z "$1" ]`) runs one side of that test: the image's start command says how many
// arguments it hands the script, so only the lines of the side that runs are read.

/** `if [ $# -eq 0 ]`, `if [ "$#" = 0 ]`, `if [[ -z "$1" ]]`, with `; then` or not: a test for no arguments. */
const NO_ARGUMENTS_TEST = /^\s*if\s+\[\[?\s+(?:"?\$#"?\s+(?:-eq|==?)\s+["']?0["']?|-z\s+["']?\$\{?1\}?["']?)\s+\]\]?\s*(?:;\s*then)?\s*$/;
const OPENS_IF = /^\s*if\b/;
const CLOSES_IF = /^\s*fi\b/;
const ELSE = /^\s*(?:else|elif)\b/;

/**
 * The lines of `lines` the script runs when it gets `argumentCount` arguments: of each test for no
 * arguments, the `then` side when it gets none, else the `else` side (and its `elif`s); every other
 * line as it is. Tests nested in a kept side are read the same way.
 */
export function argumentCountLines(lines: readonly string[], argumentCount: number): string[] {
  const out: string[] = [];
  // One entry per open `if` met inside a test's sides: the depth tells which `else`/`fi` is the test's.
  const tests: { depth: number; keep: boolean }[] = [];
  let depth = 0;
  const keeping = (): boolean => tests.every((t) => t.keep);
  for (const line of lines) {
    const test = tests[tests.length - 1];
    if (NO_ARGUMENTS_TEST.test(line)) {
      depth++;
      tests.push({ depth, keep: argumentCount === 0 });
      continue;
    }
    if (OPENS_IF.test(line)) depth++;
    if (test && depth === test.depth && ELSE.test(line)) {
      test.keep = argumentCount !== 0;
      continue;
    }
    if (CLOSES_IF.test(line)) {
      depth--;
      if (test && depth === test.depth - 1) {
        tests.pop();
        continue;
      }
    }
    if (keeping()) out.push(line);
  }
  return out;
}
