// The files a set of started files loads, transitively: what can run in a process those files
// start. A Next.js app's pages and components are loaded by Next.js to render, never by its
// framework server: the routes such an app serves come from its custom server, its route
// handlers and its config, and from what those load or name (serverApps.ts nextAppSeeds). Only that
// closure is read for routes, not the app's thousands of front-end files.
import type { PathAlias } from './collect';
import { resolveSpecifier, toSlash } from './collect';

/** What a file loads by name: its module specifiers, and whether it loads any by a name made at run time. */
export interface FileLoads {
  specifiers: string[];
  /**
   * Other strings naming a source file (`entryPoints: ['src/server/index.ts']` in a tsup config,
   * `new Worker('./worker.ts')`): a config's entry, taken relative to the file's folder.
   */
  named: string[];
  /** `require(path.join(dir, f))`, `import(\`./${x}\`)`: the closure cannot be known from the text. */
  computed: boolean;
}

/** `import x from 'm'`, `import 'm'`, `export * from 'm'`, `require('m')`, `import('m')`, `import x = require('m')`. */
const LOAD = /\b(?:from|import)\s*(['"])([^'"\n]+)\1|\b(?:require|import)\s*\(\s*(['"])([^'"\n]+)\3\s*\)/g;
/** A string literal naming a JavaScript or TypeScript file by its extension. */
const SOURCE_NAME = /(['"`])([^'"`\s$]+\.[cm]?[jt]sx?)\1/g;
/** A `require(` or `import(` whose argument is no plain string literal. */
const COMPUTED_LOAD = /\b(?:require|import)\s*\(\s*(?![\s)]|(['"])[^'"\n]*\1\s*\))/;

/**
 * The modules `text` loads, read from the text alone (no parse): every string after `from`,
 * `import`, `require(` or `import(`, comments included, so the list holds at least what runs.
 */
export function fileLoads(text: string): FileLoads {
  const specifiers: string[] = [];
  for (const m of text.matchAll(LOAD)) specifiers.push((m[2] ?? m[4]) as string);
  const named = [...text.matchAll(SOURCE_NAME)].map((m) => m[2] as string).filter((n) => !specifiers.includes(n));
  return { specifiers, named, computed: COMPUTED_LOAD.test(text) };
}

/**
 * The files among `files` (absolute) that `seeds` load, transitively, the seeds included: a
 * relative specifier or one `aliases` resolve (the join's resolution, collect.ts
 * resolveSpecifier), and a file another names (FileLoads.named); a package outside `files` is
 * not followed. Undefined when a file reached
 * loads a module by a computed name (then any file may run). `loadsOf` reads a file's loads.
 */
export async function importClosure(
  seeds: readonly string[],
  files: readonly string[],
  loadsOf: (file: string) => FileLoads | Promise<FileLoads>,
  aliases: readonly PathAlias[],
): Promise<Set<string> | undefined> {
  const byKey = new Map(files.map((f) => [toSlash(f), f]));
  const reached = new Set<string>();
  const todo = seeds.filter((s) => byKey.has(toSlash(s)));
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    const loads = await loadsOf(file);
    if (loads.computed) return undefined;
    const key = toSlash(file);
    for (const specifier of [...loads.specifiers, ...loads.named.map((n) => (n.startsWith('.') || n.startsWith('/') ? n : `./${n}`))]) {
      const hit = specifier.startsWith('/') ? byKey.get(specifier) : resolveSpecifier(key, specifier, byKey, aliases);
      if (hit !== undefined && !reached.has(hit)) todo.push(hit);
    }
  }
  return reached;
}
