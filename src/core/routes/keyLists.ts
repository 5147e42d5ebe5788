// The key lists of keyed helpers (keyedHelpers.ts) as data, and which functions of the table a
// call picks with the list it gives: read by collect.ts without the parser.

/** A test of the key list a call gives, as data: truthy (an array is), an element compared, an element included, not empty. */
export type ListTest = { truthy: true } | { at: number; equals: string } | { includes: string } | { nonEmpty: true } | { not: ListTest } | { and: [ListTest, ListTest] } | { or: [ListTest, ListTest] };

/** The keys a pass runs over: those the call gives, every key of the table, or either by a test of the given list. */
export type KeyList = 'given' | 'all' | { test: ListTest; then: KeyList; else: KeyList };

/** One keyed call of a helper's body (`handlers[op](router, model)`). */
export interface KeyedCall {
  /** The helper's parameter giving the key list. */
  keys: number;
  list: KeyList;
  /** The table's functions by key (their names in the file, or imported names). */
  table: Record<string, string>;
  /** Each parameter of the helper the call hands on, with its place in the call: [helper parameter, call argument]. */
  passes: Array<[number, number]>;
  line: number;
  /** The table, the key and the router as written, for the warning when a call's keys are not known. */
  code: [string, string, string];
}

/** Whether a test holds for a given list of keys. */
function holds(t: ListTest, given: readonly string[]): boolean {
  if ('truthy' in t) return true;
  if ('at' in t) return given[t.at] === t.equals;
  if ('includes' in t) return given.includes(t.includes);
  if ('nonEmpty' in t) return given.length > 0;
  if ('not' in t) return !holds(t.not, given);
  if ('and' in t) return holds(t.and[0], given) && holds(t.and[1], given);
  return holds(t.or[0], given) || holds(t.or[1], given);
}

/** The table's names a call giving `given` runs: the keys chosen that the table holds. */
export function pickedFunctions(entry: KeyedCall, given: readonly string[]): string[] {
  let list: KeyList = entry.list;
  while (typeof list === 'object') list = holds(list.test, given) ? list.then : list.else;
  const keys = list === 'all' ? Object.keys(entry.table) : given;
  return [...new Set(keys.flatMap((k) => (Object.hasOwn(entry.table, k) ? [entry.table[k] ?? ''] : [])))];
}
