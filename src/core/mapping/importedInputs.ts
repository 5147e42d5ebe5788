// tsc compiles every file its inputs import, wherever it is: a module the source root imports from
// outside it (`import config from 'config/configuration'` found below baseUrl, `import pkg from
// '../package.json'` with resolveJsonModule) is an input too, and without rootDir it widens the
// common root of the inputs, so the source root's output moves down a level (dist/src, not dist).
// https://www.typescriptlang.org/tsconfig#rootDir https://www.typescriptlang.org/tsconfig#baseUrl
// A `paths` alias brings in a file only when a source imports through it (`@libs/x` -> libs/x.ts):
// the folders the aliases name are no inputs of their own.
// Read from the text of the files (module specifiers only), never run; a specifier computed at run
// time says nothing.
import { dirname, join, resolve } from 'node:path';
import type { FsLike } from '../ports';
import { isAtOrInside } from '../pathInside';
import { walkFileStats } from './walk';
import type { TsConfigInfo } from './tsconfig';
import { TS_SOURCE_EXTENSIONS } from './tsSource';
import { firstFile } from '../firstFile';

/** More source files than this under the source root are not read for their imports (the answer stays the include's). */
const MAX_FILES = 4000;
/** Files imported from outside followed for their own imports, at most. */
const MAX_OUTSIDE = 50;

/** `from 'x'`, `import 'x'`, `import('x')`, `import x = require('x')`, `export ... from 'x'`: the specifier in group 2. */
const SPECIFIER = /(?:\bfrom\s*|^\s*import\s*|\bimport\s*\(\s*|\bimport\s+[\w$]+\s*=\s*require\s*\(\s*)(['"])([^'"\n]+)\1/gm;
/** A JavaScript input's `require('x')` too; in a TypeScript file a bare require() call is no import tsc follows. */
const JS_SPECIFIER = /(?:\bfrom\s*|^\s*import\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/gm;
const SOURCE = /\.(?:ts|tsx|mts|cts)$/;
const JS = /\.(?:js|jsx|mjs|cjs)$/;

/**
 * The files outside `root` that the inputs below it (`listed`: what include and exclude name) import,
 * as tsc resolves them (relative paths, then `paths` aliases, then names below baseUrl); in the order
 * found. Undefined when there are too many inputs to read.
 */
export async function importedOutside(fs: FsLike, ts: TsConfigInfo, root: string, listed: (abs: string) => boolean): Promise<string[] | undefined> {
  const isInput = (f: string) => (SOURCE.test(f) || (ts.allowJs === true && JS.test(f))) && !/\.d\.[cm]?ts$/.test(f);
  const { files } = await walkFileStats(fs, root);
  const sources = files.filter((f) => isInput(f) && listed(f));
  if (sources.length > MAX_FILES) return undefined;
  const found: string[] = [];
  const queue = [...sources];
  for (let i = 0; i < queue.length && found.length < MAX_OUTSIDE; i++) {
    const file = queue[i] ?? '';
    const text = await fs.readFile(file).catch(() => '');
    for (const m of text.matchAll(JS.test(file) ? JS_SPECIFIER : SPECIFIER)) {
      const target = await resolveSpecifier(fs, ts, file, m[2] ?? '');
      if (target === undefined || isAtOrInside(root, target) || found.includes(target) || target.split(/[\\/]/).includes('node_modules')) continue;
      found.push(target);
      if (!target.endsWith('.json')) queue.push(target);
    }
  }
  return found;
}

/** The input file a specifier names: relative to the importing file, else through a `paths` alias, else below baseUrl; undefined for a package or nothing there. */
async function resolveSpecifier(fs: FsLike, ts: TsConfigInfo, from: string, spec: string): Promise<string | undefined> {
  const relative = spec.startsWith('./') || spec.startsWith('../');
  if (relative) return inputAt(fs, ts, resolve(dirname(from), spec));
  for (const target of aliasedPaths(ts, spec)) {
    const found = await inputAt(fs, ts, target);
    if (found !== undefined) return found;
  }
  if (ts.baseUrl === undefined || spec.startsWith('/') || spec.includes(':')) return undefined;
  return inputAt(fs, ts, join(ts.baseUrl, spec));
}

/** Where the `paths` patterns matching `spec` send it (`@libs/*` with `@libs/db` -> /ws/libs/db), the longest prefix first as tsc tries them. */
function aliasedPaths(ts: TsConfigInfo, spec: string): string[] {
  const matches: { prefix: number; paths: string[] }[] = [];
  for (const [pattern, targets] of ts.pathTargets?.aliases ?? []) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (pattern === spec) matches.push({ prefix: Infinity, paths: targets });
      continue;
    }
    const [prefix, suffix] = [pattern.slice(0, star), pattern.slice(star + 1)];
    if (spec.length < prefix.length + suffix.length || !spec.startsWith(prefix) || !spec.endsWith(suffix)) continue;
    const matched = spec.slice(prefix.length, spec.length - suffix.length);
    matches.push({ prefix: prefix.length, paths: targets.map((t) => t.replace('*', matched)) });
  }
  return matches.sort((a, b) => b.prefix - a.prefix).flatMap((m) => m.paths);
}

/** The input file at `base` as tsc finds a module there (the file, its TypeScript twin, its index); undefined when none. */
async function inputAt(fs: FsLike, ts: TsConfigInfo, base: string): Promise<string | undefined> {
  if (base.endsWith('.json')) return ts.resolveJsonModule === true && (await fs.stat(base))?.isFile ? base : undefined;
  // `./x.js` written for the output names ./x.ts (tsc's rewrite for ESM imports).
  const stem = base.replace(/\.[cm]?js$/, '');
  const candidates = [base, ...TS_SOURCE_EXTENSIONS.map((e) => stem + e), ...['.ts', '.tsx'].map((e) => join(base, `index${e}`))];
  if (ts.allowJs === true) candidates.push(`${base}.js`, join(base, 'index.js'));
  return firstFile(fs, candidates.filter((c) => (SOURCE.test(c) || JS.test(c)) && !/\.d\.[cm]?ts$/.test(c)));
}
