// How the join resolves an import to a file of the scan: relative paths and tsconfig `paths`
// aliases, with an extension, a swapped JS extension or a folder's index (as tsc does). What an
// import names depends only on the scan's file names and the aliases, not on the files' contents,
// so resolutions are remembered per set of names: a re-join after a saved file (same names, one
// file's contents changed) asks none of them again.
import { posix } from 'node:path';
import type { PathAlias } from './collect';

// `.json` last, as Node tries it after `.js` (a JSON module is in a scan only when code imports it: testFolderImports.ts).
const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx', '.json'];

/** Sets of file names whose resolutions are kept (a check joins one root per service). */
const KEPT_SETS = 64;

/** What the specifiers written in one file (or bare ones, under '') name: the key, or null for none. */
type Resolutions = Map<string, Map<string, string | null>>;

/** Resolutions by the set of names they were made in (a fingerprint of the names and aliases), oldest first. */
const kept = new Map<string, Resolutions>();
/** Each name map's resolutions, found once per map and aliases list. */
const ofMap = new WeakMap<ReadonlyMap<string, unknown>, WeakMap<readonly PathAlias[], Resolutions>>();

/** FNV-1a over `text`, two different seeds: 64 bits, so two different sets of names do not meet in practice. */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${text.length}`;
}

/** The resolutions kept for `byKey`'s names under `aliases`. */
function memoFor(byKey: ReadonlyMap<string, unknown>, aliases: readonly PathAlias[]): Resolutions {
  let perAliases = ofMap.get(byKey);
  if (!perAliases) ofMap.set(byKey, (perAliases = new WeakMap()));
  let memo = perAliases.get(aliases);
  if (memo) return memo;
  const names = [...byKey.keys()].join('\n');
  const id = `${fingerprint(names)}:${byKey.size}:${JSON.stringify(aliases)}`;
  memo = kept.get(id) ?? new Map();
  kept.delete(id);
  kept.set(id, memo);
  if (kept.size > KEPT_SETS) kept.delete(kept.keys().next().value as string);
  perAliases.set(aliases, memo);
  return memo;
}

/**
 * The key of the file an import of `specifier` from the file keyed `fromKey` names among `byKey`'s
 * keys (resolveSpecifier), remembered for the set of keys and aliases.
 */
export function resolvedKey(fromKey: string, specifier: string, byKey: ReadonlyMap<string, unknown>, aliases: readonly PathAlias[]): string | undefined {
  const memo = memoFor(byKey, aliases);
  // A bare specifier means the same from every file; a relative one is remembered per file that writes it.
  const from = specifier.startsWith('.') ? fromKey : '';
  let ofFile = memo.get(from);
  if (!ofFile) memo.set(from, (ofFile = new Map()));
  const known = ofFile.get(specifier);
  if (known !== undefined) return known ?? undefined;
  const found = resolveKey(fromKey, specifier, byKey, aliases);
  ofFile.set(specifier, found ?? null);
  return found;
}

/**
 * What an import of `specifier` from the file keyed `fromKey` (POSIX) names among `byKey`'s keys:
 * a relative path, or a bare name through `aliases`; undefined when it names none of them (a
 * package outside the scan). The join's resolution, and the one servedClosure.ts follows.
 */
export function resolveSpecifier<T>(fromKey: string, specifier: string, byKey: ReadonlyMap<string, T>, aliases: readonly PathAlias[]): T | undefined {
  const key = resolveKey(fromKey, specifier, byKey, aliases);
  return key === undefined ? undefined : byKey.get(key);
}

function resolveKey(fromKey: string, specifier: string, byKey: ReadonlyMap<string, unknown>, aliases: readonly PathAlias[]): string | undefined {
  if (!specifier.startsWith('.')) {
    for (const alias of aliases) {
      const matched = aliasMatch(alias, specifier);
      if (matched === undefined) continue;
      for (const t of alias.targets) {
        // `"@*": ["./src/*"]` given `@/api/x`: `src//api/x`, one folder separator as TypeScript and Node read it.
        const hit = lookupModule(t.replace('*', matched).replace(/\\/g, '/').replace(/\/{2,}/g, '/'), byKey);
        if (hit !== undefined) return hit;
      }
    }
    return undefined;
  }
  const joined = posix.normalize(posix.join(posix.dirname(fromKey), specifier));
  // Node reads `./v1/`, `.` and `..` (a trailing slash, or a bare dot segment) as a folder only: its index, never `v1.js`.
  if (/(?:^|\/)\.{0,2}$/.test(specifier)) return lookupFolderIndex(joined === '/' ? '' : joined.replace(/\/+$/, ''), byKey);
  return lookupModule(joined, byKey);
}

/** The index module of the folder `dir` (a key without its trailing slash: `.` for a relative root, '' for `/`). */
function lookupFolderIndex(dir: string, byKey: ReadonlyMap<string, unknown>): string | undefined {
  const base = dir === '.' ? 'index' : `${dir}/index`;
  for (const ext of MODULE_EXTENSIONS) if (byKey.has(base + ext)) return base + ext;
  return undefined;
}

/** What a bare specifier gives an alias's `*` (`''` for one without): undefined when the alias does not match it. */
export function aliasMatch(alias: PathAlias, specifier: string): string | undefined {
  const star = alias.pattern.indexOf('*');
  if (star < 0) return specifier === alias.pattern ? '' : undefined;
  const [before, after] = [alias.pattern.slice(0, star), alias.pattern.slice(star + 1)];
  return specifier.startsWith(before) && specifier.endsWith(after) ? specifier.slice(star, specifier.length - after.length) : undefined;
}

/** The key `base` names: as written, with an extension, with its JS extension swapped, or its folder's index. */
function lookupModule(base: string, byKey: ReadonlyMap<string, unknown>): string | undefined {
  if (byKey.has(base)) return base;
  // TypeScript ESM writes './users.js' for './users.ts'.
  const stem = base.replace(/\.(?:m|c)?jsx?$/, '');
  // Asked for every import followed on every join: no candidate list is built.
  for (const b of stem === base ? [base, `${base}/index`] : [base, stem, `${base}/index`])
    for (const ext of MODULE_EXTENSIONS) if (byKey.has(b + ext)) return b + ext;
  return undefined;
}
