// The files a set of started files loads, transitively: what can run in a process those files
// start. A Next.js app's pages and components are loaded by Next.js to render, never by its
// framework server: the routes such an app serves come from its custom server, its route
// handlers and its config, and from what those load or name. Of such an app's source root only
// that closure is read and parsed for routes (the scan worker, engine/scanTree.ts, and the inline
// scanner), not its thousands of front-end files.
import { sep } from 'node:path';
import type { PathAlias } from './collect';
import { toSlash } from './collect';
import { resolveSpecifier } from './moduleResolution';
import { isNextRouteHandler } from './serverApps';
import { isNextMetadataCode } from './mayDeclareRoutes';
import { isRouteSource } from './isRouteSource';
import type { ServedScope } from '../ports';

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

/** The files Next.js itself loads on the server beside the route handlers, in `src/`. */
const NEXT_SPECIAL_FILE = /^(?:middleware|instrumentation)\.[cm]?[jt]s$/;
const SOURCE_FILE = /(?<!\.d)\.[cm]?[jt]sx?$/;

/**
 * Where a Next.js app in `dir` (the scanned root) starts a framework server from, among `files`
 * (absolute): its route handlers and metadata code files (`app/sitemap.ts`), the source files at its top (a custom server `server.js`,
 * `next.config.js`, a bundler config naming the server's entry), `middleware` and
 * `instrumentation` in `src/`, and `named`, the files its package.json scripts run
 * (serverApps.ts nextAppScope).
 */
export function servedSeeds(dir: string, files: readonly string[], named: readonly string[]): string[] {
  const scripts = new Set(named);
  return files.filter((f) => {
    if (!f.startsWith(dir + sep) || !SOURCE_FILE.test(f)) return false;
    const rel = f.slice(dir.length + 1).split(sep);
    return scripts.has(f) || rel.length === 1 || (rel.length === 2 && rel[0] === 'src' && NEXT_SPECIAL_FILE.test(rel[1] ?? '')) || isNextRouteHandler(rel.join('/')) || isNextMetadataCode(`/${rel.join('/')}`);
  });
}

/**
 * The closure of some seeds among `files` (absolute), found as their texts are read: `wave()`
 * names the files reached and not read yet, `add()` takes what one of them loads. A relative
 * specifier or one `aliases` resolve (the join's resolution, collect.ts resolveSpecifier) and a
 * file another names (FileLoads.named) are followed; a package outside `files` is not. A file
 * reached that loads a module by a computed name ends it: `gaveUp` (then any file may run).
 * Driven in waves so a synchronous reader (the scan worker) and a batched one (the inline
 * scanner's FsLike.readEach) share it.
 */
export class ImportClosure {
  readonly reached = new Set<string>();
  gaveUp = false;
  private readonly byKey: Map<string, string>;
  private todo: string[];

  constructor(
    seeds: readonly string[],
    files: readonly string[],
    private readonly aliases: readonly PathAlias[],
  ) {
    this.byKey = new Map(files.map((f) => [toSlash(f), f]));
    this.todo = seeds.filter((s) => this.byKey.has(toSlash(s)));
    for (const s of this.todo) this.reached.add(s);
  }

  /** The files reached since the last wave, to read; empty when the closure is complete (or gave up). */
  wave(): string[] {
    const next = this.gaveUp ? [] : this.todo;
    this.todo = [];
    return next;
  }

  /** What `file` (of a wave) loads. */
  add(file: string, loads: FileLoads): void {
    if (loads.computed) this.gaveUp = true;
    if (this.gaveUp) return;
    const key = toSlash(file);
    for (const specifier of [...loads.specifiers, ...loads.named.map((n) => (n.startsWith('.') || n.startsWith('/') ? n : `./${n}`))]) {
      const hit = specifier.startsWith('/') ? this.byKey.get(specifier) : resolveSpecifier(key, specifier, this.byKey, this.aliases);
      if (hit === undefined || this.reached.has(hit)) continue;
      this.reached.add(hit);
      this.todo.push(hit);
    }
  }
}

/** The closure of what serves the Next.js app at `root` (SourceScanRequest.served) among the route sources of `files`, its walked files. */
export function servedClosure(root: string, files: readonly string[], served: ServedScope): ImportClosure {
  const sources = files.filter((f) => isRouteSource(f, root));
  return new ImportClosure(servedSeeds(root, sources, served.named), sources, served.aliases);
}
