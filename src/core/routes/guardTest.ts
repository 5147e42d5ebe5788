// A registration's test of the environment (settingGuards.ts), evaluated as JavaScript would with
// the values a service runs with: every variable unset (what the literal defaults in code give), or
// the environment its compose files declare. Kept apart from settingGuards.ts: the join evaluates
// it without the TypeScript compiler.
import type { GuardTest } from './extracted';

/** A test's value, or NOT_KNOWN when it reads a variable whose value is not known. */
export const NOT_KNOWN = Symbol('not known');
export type TestValue = { v: unknown } | typeof NOT_KNOWN;

/**
 * The environment a test is evaluated with: a variable's value, undefined when it is unset, or
 * NOT_KNOWN when whether it is set is not known (the image or the shell may set it).
 */
export type EnvLookup = (name: string) => string | undefined | typeof NOT_KNOWN;

/** The variables a test reads, in the order written. */
export function testVariables(t: GuardTest, out: string[] = []): string[] {
  if ('env' in t && !out.includes(t.env)) out.push(t.env);
  if ('not' in t) testVariables(t.not, out);
  if ('op' in t) {
    testVariables(t.left, out);
    testVariables(t.right, out);
  }
  return out;
}

/** Whether a test reads a configuration object of another file (a `read` the join has not replaced). */
export function readsConfig(t: GuardTest): boolean {
  if ('read' in t) return true;
  if ('not' in t) return readsConfig(t.not);
  return 'op' in t && (readsConfig(t.left) || readsConfig(t.right));
}

/** The value of `t` with the environment `env`, short-circuiting as JavaScript does; a configuration read left is not known. */
export function evaluateTest(t: GuardTest, env: EnvLookup): TestValue {
  if ('read' in t) return NOT_KNOWN;
  if ('env' in t) {
    const v = env(t.env);
    return v === NOT_KNOWN ? NOT_KNOWN : { v };
  }
  if ('lit' in t) return { v: t.lit };
  if ('undef' in t) return { v: undefined };
  if ('not' in t) {
    const v = evaluateTest(t.not, env);
    return v === NOT_KNOWN ? NOT_KNOWN : { v: !v.v };
  }
  const left = evaluateTest(t.left, env);
  if (left === NOT_KNOWN) return NOT_KNOWN;
  const right = () => evaluateTest(t.right, env);
  switch (t.op) {
    case '??':
      return left.v === undefined || left.v === null ? right() : left;
    case '||':
      return left.v ? left : right();
    case '&&':
      return left.v ? right() : left;
    default: {
      const r = right();
      if (r === NOT_KNOWN) return NOT_KNOWN;
      // `==` as the code wrote it: undefined == null, '3000' == 3000.
      const loose = t.op === '==' || t.op === '!=';
      const same = loose ? left.v == r.v : left.v === r.v;
      return { v: t.op === '!==' || t.op === '!=' ? !same : same };
    }
  }
}
