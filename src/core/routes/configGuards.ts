// A registration's test of configuration flags read from a file of the repository (settingGuards.ts
// `read`: `if (config.files.enable)` with `config` imported from './config' by a literal path), with
// the values that file commits put in place (the join reads them: collect.ts ValueResolver.guardRead).
// Where the file exports an object literal, its value is what the server loads, unless the loader or
// the environment changes it, which the join then does not claim to know (a value read from the
// environment, a computed export: the read stays, and the warning with it). Kept apart from
// settingGuards.ts: the join uses it without the TypeScript compiler.
import type { ExtractedFile, GuardTest, SettingGuard } from './extracted';
import { evaluateTest, NOT_KNOWN, readsConfig, testVariables } from './guardTest';

/** A configuration read's committed value and the file giving it, or NOT_KNOWN. */
export type ConfigLookup = (read: { local: string; path: string[] }) => { v: unknown; file: string } | typeof NOT_KNOWN;

/**
 * `g` with its configuration reads replaced by the committed values: null when those values alone
 * make it hold (no guard left), the guard with them (and `defaults`, the file) otherwise; undefined
 * when it reads none, or one whose value is not known (kept as written).
 */
function withConfigDefaults(g: SettingGuard, lookup: ConfigLookup): SettingGuard | null | undefined {
  if (!g.test || !readsConfig(g.test.value)) return undefined;
  const files: string[] = [];
  const value = substituted(g.test.value, lookup, files, true);
  if (!value) return undefined;
  const decided = testVariables(value).length === 0 ? evaluateTest(value, () => undefined) : NOT_KNOWN;
  if (decided !== NOT_KNOWN && Boolean(decided.v) === g.test.holds) return null;
  return { ...g, test: { value, holds: g.test.holds }, defaults: files.join(', ') };
}

/**
 * `t` with its reads replaced by their values. An object read (a YAML file's section, yamlSettings.ts)
 * is `true` where only its truth counts (`truth`: the whole test, under `!`, an operand of `&&` /
 * `||` / `??` whose result is so used, the left of `&&`), never in a comparison.
 */
function substituted(t: GuardTest, lookup: ConfigLookup, files: string[], truth: boolean): GuardTest | undefined {
  if ('read' in t) {
    const found = lookup(t.read);
    if (found === NOT_KNOWN) return undefined;
    if (!files.includes(found.file)) files.push(found.file);
    const v = found.v;
    if (v === undefined) return { undef: true };
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return { lit: v };
    return truth && typeof v === 'object' ? { lit: true } : undefined;
  }
  if ('not' in t) {
    const not = substituted(t.not, lookup, files, true);
    return not && { not };
  }
  if (!('op' in t)) return t;
  const logical = t.op === '&&' || t.op === '||' || t.op === '??';
  const left = substituted(t.left, lookup, files, t.op === '&&' || (logical && truth));
  const right = left && substituted(t.right, lookup, files, logical && truth);
  return left && right ? { ...t, left, right } : undefined;
}

/** A YAML file's value at a property path (yamlSettings.ts): undefined when the path leaves the objects it holds. */
export function yamlValueAt(v: unknown, path: readonly string[]): { v: unknown } | undefined {
  let at = v;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || Array.isArray(at) || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return { v: at };
}

/** The file's extraction with its routes' and mounts' guards read against the committed configuration; undefined when none reads it. */
export function configGuardedFile(x: ExtractedFile, lookup: ConfigLookup): ExtractedFile | undefined {
  const reads = (g: SettingGuard | undefined) => g?.test !== undefined && readsConfig(g.test.value);
  if (!x.routes.some((r) => reads(r.onlyWhen)) && !x.mounts.some((m) => reads(m.onlyWhen))) return undefined;
  const decide = <T extends { onlyWhen?: SettingGuard }>(item: T): T => {
    const g = item.onlyWhen && withConfigDefaults(item.onlyWhen, lookup);
    if (g === undefined) return item;
    const { onlyWhen: _dropped, ...rest } = item;
    return g === null ? (rest as T) : { ...item, onlyWhen: g };
  };
  return { ...x, routes: x.routes.map(decide), mounts: x.mounts.map(decide) };
}
