// Where a setting read through a module the file loads finds its default (collect.ts
// settingDefaultText): among the path-like defaults the modules' exports write (settingDefaults.ts,
// read by the parser), looked for from that module through the project's modules it loads. Kept
// apart from the reader: collect.ts runs on the engine side, which never loads the TypeScript
// compiler (test/unit/lint/parserBundle.test.ts).
import type { SettingDefault } from './extracted';

/** How far from the module a setting is read through its defaults are looked for, in loads, and in files at most. */
const MAX_LOADS = 4;
const MAX_FILES = 64;

/**
 * The default a setting read as `key` (lower-cased, dotted) of a module has, found among the
 * exported defaults of that module and of the project's modules it loads, directly or through
 * others (`require('./settings')()` of a module merging a file read at run time over
 * `require('./defaults')`): the one value all of them that write that key give, with the file
 * writing it first; undefined when none writes it or they differ.
 */
export function closureSettingDefault<F>(start: F, key: string, loads: (file: F) => readonly F[], defaults: (file: F) => Readonly<Record<string, SettingDefault>> | undefined): { file: F; found: SettingDefault } | undefined {
  const seen = new Set<F>([start]);
  let level: F[] = [start];
  const hits: Array<{ file: F; found: SettingDefault }> = [];
  for (let depth = 0; depth <= MAX_LOADS && level.length > 0; depth++) {
    const next: F[] = [];
    for (const f of level) {
      const found = defaults(f)?.[key];
      if (found) hits.push({ file: f, found });
      for (const g of depth < MAX_LOADS ? loads(f) : [])
        if (!seen.has(g) && seen.size < MAX_FILES) {
          seen.add(g);
          next.push(g);
        }
    }
    level = next;
  }
  const [first] = hits;
  return first && hits.every((h) => h.found.value === first.found.value) ? first : undefined;
}
