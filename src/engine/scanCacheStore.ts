// The scan cache kept on disk between runs, so the second cold check of a workspace reads only
// the source files that changed. One file per source root in a folder of the user's: the CLI's
// under $XDG_CACHE_HOME (else ~/.cache), the extension's in its global storage; never in the
// workspace, so no file a repository carries can be one. An entry says "this file, at this size
// and mtime, was read, and the pre-filter found nothing in it" or, under the identity of the code
// that read it (DiskScanCacheOptions.extractor: the route parser's bundle), "... and declared
// this". A file whose findings were made by other code is read again; cache files are ignored
// when not ours (owner), writable by others, another format, another root, another pre-filter, or
// of a bad shape. A file is one JSON object holding the paths as one text and the sizes, mtimes
// and findings as arrays, answered in place in the order written (see CachedEntries): an entry
// object is made only when asked. As an array per file, each loaded with its own entry object (and a weak
// set of those, to tell an unchanged pass), loading and matching a root's entries cost about a
// third of what stat'ing its files did (bench/README.md, twentieth round).
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { PREFILTER_ID } from '../core/routes/mayDeclareRoutes';
import type { ScanCache, ScanEntry } from '../core/routes/scanCache';
import type { ExtractedFile } from '../core/routes/extracted';
import { createMemoryScanCache } from './memoryScanCache';
import type { SharedPackedFiles } from './pathTable';
import { ReadonlyMapBase } from '../core/readonlyMapBase';

export const SCAN_CACHE_FORMAT = 'runtime-drift.scan-cache';
export const SCAN_CACHE_VERSION = 4;
/** A cache file larger than this is not read (a 100,000-file root writes about 5 MB). */
const MAX_CACHE_FILE_BYTES = 64 * 1024 * 1024;

/** The CLI's default folder: $XDG_CACHE_HOME/runtime-drift/scans, else ~/.cache/runtime-drift/scans; undefined when neither is known. */
export function defaultScanCacheDir(env: Record<string, string | undefined>): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'runtime-drift', 'scans');
  const home = env.HOME;
  if (home && isAbsolute(home)) return join(home, '.cache', 'runtime-drift', 'scans');
  return undefined;
}

interface CacheFile {
  format: typeof SCAN_CACHE_FORMAT;
  version: typeof SCAN_CACHE_VERSION;
  root: string;
  prefilter: string;
  /** The identity of the code whose findings `found` holds (DiskScanCacheOptions.extractor); null: none kept. */
  extractor: string | null;
  /** The files kept: their paths relative to root, joined by '\n'. */
  paths: string;
  /** sizes[i], mtimes[i] and found[i] are the i-th path's; found[i] is 0 where the pre-filter found nothing. */
  sizes: number[];
  mtimes: number[];
  found: (0 | ExtractedFile)[];
}

export interface DiskScanCacheOptions {
  /** Also remember every entry in memory across scans (a long-lived process). */
  memory: boolean;
  /** Where the memory keeps its packed files (see memoryScanCache.ts). */
  shared?: SharedPackedFiles;
  /**
   * The identity of the code that reads route sources (routeParserLoader.ts parserIdentity): the
   * findings of files that declare something are kept under it and believed only by the same code.
   * Without it only the files the pre-filter found nothing in are kept.
   */
  extractor?: string;
}

/**
 * A ScanCache backed by `dir`; undefined when the folder cannot be made ours (created 0700, owned
 * by this user, not writable by others). Reads and writes are synchronous: it runs in the scan
 * worker, off the main thread. Any trouble with a cache file means "nothing remembered".
 */
export function createDiskScanCache(dir: string, opts: DiskScanCacheOptions): ScanCache | undefined {
  if (!ownFolder(dir)) return undefined;
  const memory = opts.memory ? createMemoryScanCache(opts.shared) : undefined;
  // What the cache file of a root held when this pass loaded it, to skip a write that would
  // change nothing: a scan that read a file declaring something is not `same`, yet what is kept
  // on disk (the files that declare nothing) may well be. Held only until the pass stores: kept
  // for every root, a cached 30 x 10,000 check's peak RSS grew by ~40 MB (bench/README.md).
  const onDisk = new Map<string, ReadonlyMap<string, ScanEntry>>();
  return {
    previous(root) {
      const remembered = memory?.previous(root);
      if (remembered && remembered.size > 0) return remembered;
      const entries = loadCacheFile(dir, root, opts.extractor);
      onDisk.set(root, entries);
      return entries;
    },
    store(root, entries, same, scanned) {
      memory?.store(root, entries, same, scanned);
      const known = onDisk.get(root);
      onDisk.delete(root);
      // The entries previous() gave: what is on disk already (or was, when a write failed).
      if (same) return;
      if (known && holdsExactly(known, entries, opts.extractor)) return;
      writeCacheFile(dir, root, entries, opts.extractor);
    },
  };
}

/** Whether the entries a cache file keeps of `entries` (see keeps) are exactly `known`, at the same size and mtime. */
function holdsExactly(known: ReadonlyMap<string, ScanEntry>, entries: ReadonlyMap<string, ScanEntry>, extractor: string | undefined): boolean {
  let count = 0;
  for (const [file, entry] of entries) {
    if (!keeps(entry, extractor)) continue;
    count += 1;
    const was = known.get(file);
    if (was?.size !== entry.size || was.mtimeMs !== entry.mtimeMs) return false;
  }
  return count === known.size;
}

/** A file read by a scanner that knows its size, found to declare nothing (or anything, when the code that read it has an identity): kept on disk. */
function keeps(entry: ScanEntry, extractor: string | undefined): boolean {
  return entry.size >= 0 && (entry.extracted === null || extractor !== undefined);
}

export function cacheFileOf(dir: string, root: string): string {
  return join(dir, `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
}

/** Ours: this user's, and nobody else may write it. Where there are no owners (Windows), any. */
function ownedAndPrivate(st: { uid: number; mode: number }): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return true;
  return st.uid === uid && (st.mode & 0o022) === 0;
}

export function ownFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    return st.isDirectory() && ownedAndPrivate(st);
  } catch {
    return false;
  }
}

/** A file's bytes when it is ours and private (see ownedAndPrivate) and at most `maxBytes`; else undefined. */
export function readOwnFile(path: string, maxBytes = MAX_CACHE_FILE_BYTES): Buffer | undefined {
  try {
    const st = lstatSync(path);
    if (!st.isFile() || !ownedAndPrivate(st) || st.size > maxBytes) return undefined;
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

const NOTHING: ReadonlyMap<string, ScanEntry> = new Map();

/**
 * A cache file's entries, by path: each get makes its entry afresh. A scan asks for its files in
 * the order it wrote them (a root's walk, sorted), each twice (remembers, then reuse): the entry
 * after the last one found is tried first, compared in place with the file's path, so an unchanged
 * tree is matched without a map of its paths. The map (each path to its place) is made on the
 * first path asked out of that order, as loadCacheFile made it before: about a third of a cached
 * check's work in the worker beside its stats (bench/README.md, thirty-eighth round).
 */
class CachedEntries extends ReadonlyMapBase<string, ScanEntry> {
  private places: Map<string, number> | undefined;
  /** Where in `order` the next path asked is looked for first. */
  private next = 0;
  private lastPath: string | undefined;
  private lastPlace = -1;

  constructor(
    private readonly prefix: string,
    /** The paths relative to the root, joined by '\n'; path k runs from starts[k] to ends[k]. */
    private readonly paths: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    /** The places of the entries believed (see loadCacheFile), in the file's order. */
    private readonly order: Int32Array,
    private readonly sizes: readonly number[],
    private readonly mtimes: readonly number[],
    private readonly found: readonly (0 | ExtractedFile)[],
    /** The paths at `order` ascend strictly (each is there once); else every path is asked through the map. */
    private readonly ordered: boolean,
  ) {
    super();
  }

  get size(): number {
    return this.ordered ? this.order.length : this.byPath().size;
  }

  override has(path: string): boolean {
    return this.placeOf(path) >= 0;
  }

  get(path: string): ScanEntry | undefined {
    const k = this.placeOf(path);
    return k < 0 ? undefined : this.entry(k);
  }

  *entries(): IterableIterator<[string, ScanEntry]> {
    if (!this.ordered) for (const [path, k] of this.byPath()) yield [path, this.entry(k)];
    else for (const k of this.order) yield [this.pathAt(k), this.entry(k)];
  }

  private placeOf(path: string): number {
    if (path === this.lastPath) return this.lastPlace;
    let k = -1;
    const at = this.next;
    if (this.ordered && at < this.order.length && this.isAt(this.order[at] as number, path)) {
      k = this.order[at] as number;
      this.next = at + 1;
    } else {
      k = this.byPath().get(path) ?? -1;
    }
    this.lastPath = path;
    this.lastPlace = k;
    return k;
  }

  /** Whether `path` is the root's prefix and then path k, compared without making either. */
  private isAt(k: number, path: string): boolean {
    const from = this.starts[k] as number;
    const to = this.ends[k] as number;
    const p = this.prefix.length;
    if (path.length !== p + to - from || !path.startsWith(this.prefix)) return false;
    for (let i = from, j = p; i < to; i++, j++) if (this.paths.charCodeAt(i) !== path.charCodeAt(j)) return false;
    return true;
  }

  /** Each path to its place (a path written twice: its last place). */
  private byPath(): Map<string, number> {
    if (!this.places) {
      this.places = new Map();
      for (const k of this.order) this.places.set(this.pathAt(k), k);
    }
    return this.places;
  }

  private pathAt(k: number): string {
    return this.prefix + this.paths.slice(this.starts[k], this.ends[k]);
  }

  private entry(k: number): ScanEntry {
    const found = this.found[k];
    return { mtimeMs: this.mtimes[k] as number, size: this.sizes[k] as number, extracted: found === 0 || found === undefined ? null : found };
  }
}

/** The entries a cache file holds for `root` (findings only when made by `extractor`); nothing when it is missing, foreign or malformed. */
export function loadCacheFile(dir: string, root: string, extractor?: string): ReadonlyMap<string, ScanEntry> {
  const file = readCacheBody(cacheFileOf(dir, root), root);
  if (!file) return NOTHING;
  const { paths, sizes, mtimes, found } = file;
  const believed = file.extractor !== null && file.extractor === extractor;
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const starts = new Int32Array(sizes.length);
  const ends = new Int32Array(sizes.length);
  const order = new Int32Array(sizes.length);
  let count = 0;
  let from = 0;
  for (let k = 0; k < sizes.length; k++) {
    const end = paths.indexOf('\n', from);
    const to = end < 0 ? paths.length : end;
    // One path per number, each relative, none empty, the last one ending the text.
    if ((end < 0) !== (k === sizes.length - 1) || to === from || paths.charCodeAt(from) === 0x2f) return NOTHING;
    starts[k] = from;
    ends[k] = to;
    // Findings of other code (an older parser): the file is read again.
    if (found[k] === 0 || believed) order[count++] = k;
    from = to + 1;
  }
  const kept = order.subarray(0, count);
  // Paths in strictly ascending order (as a root's sorted walk writes them) are each there once; a
  // file in any other order may name one twice, so it is asked through the map (the last place).
  return new CachedEntries(prefix, paths, starts, ends, kept, sizes, mtimes, found, ascending(paths, starts, ends, kept));
}

/** Whether the paths at `order` ascend strictly, by UTF-16 code units (Array.prototype.sort's order). */
function ascending(paths: string, starts: Int32Array, ends: Int32Array, order: Int32Array): boolean {
  for (let i = 1; i < order.length; i++) {
    const a = order[i - 1] as number;
    const b = order[i] as number;
    if (compareAt(paths, starts[a] as number, ends[a] as number, starts[b] as number, ends[b] as number) >= 0) return false;
  }
  return true;
}

function compareAt(text: string, aFrom: number, aTo: number, bFrom: number, bTo: number): number {
  for (let i = aFrom, j = bFrom; i < aTo && j < bTo; i++, j++) {
    const d = text.charCodeAt(i) - text.charCodeAt(j);
    if (d !== 0) return d;
  }
  return aTo - aFrom - (bTo - bFrom);
}

/** A cache file of ours for `root`, of this format, version and pre-filter, each array of the right shape; else undefined. */
function readCacheBody(path: string, root: string): CacheFile | undefined {
  let raw: unknown;
  try {
    const st = lstatSync(path);
    if (!st.isFile() || !ownedAndPrivate(st) || st.size > MAX_CACHE_FILE_BYTES) return undefined;
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const file = raw as Partial<CacheFile> | null;
  if (
    typeof file !== 'object' ||
    file === null ||
    file.format !== SCAN_CACHE_FORMAT ||
    file.version !== SCAN_CACHE_VERSION ||
    file.root !== root ||
    file.prefilter !== PREFILTER_ID ||
    (file.extractor !== null && typeof file.extractor !== 'string') ||
    typeof file.paths !== 'string' ||
    !Array.isArray(file.sizes) ||
    !Array.isArray(file.mtimes) ||
    !Array.isArray(file.found) ||
    file.sizes.length !== file.mtimes.length ||
    file.sizes.length !== file.found.length
  ) {
    return undefined;
  }
  const { sizes, mtimes, found } = file;
  for (let k = 0; k < sizes.length; k++) if (!isCount(sizes[k]) || !isTime(mtimes[k]) || !isFound(found[k])) return undefined;
  // A path never holds a NUL; a file that says otherwise is not ours.
  if (sizes.length === 0 || file.paths.includes('\0')) return undefined;
  return file as CacheFile;
}

/** 0 (nothing declared) or findings of the shape every scan makes (an object with its routes). */
const isFound = (x: unknown): x is 0 | ExtractedFile =>
  x === 0 || (typeof x === 'object' && x !== null && !Array.isArray(x) && Array.isArray((x as Partial<ExtractedFile>).routes));
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Writes the entries a cache file keeps (see keeps); a path holding a line break is left out (read every time). */
function writeCacheFile(dir: string, root: string, entries: ReadonlyMap<string, ScanEntry>, extractor: string | undefined): void {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const rels: string[] = [];
  const sizes: number[] = [];
  const mtimes: number[] = [];
  const found: (0 | ExtractedFile)[] = [];
  for (const [path, entry] of entries) {
    if (!keeps(entry, extractor) || !path.startsWith(prefix) || path.includes('\n')) continue;
    rels.push(path.slice(prefix.length));
    sizes.push(entry.size);
    mtimes.push(entry.mtimeMs);
    found.push(entry.extracted ?? 0);
  }
  const body: CacheFile = { format: SCAN_CACHE_FORMAT, version: SCAN_CACHE_VERSION, root, prefilter: PREFILTER_ID, extractor: extractor ?? null, paths: rels.join('\n'), sizes, mtimes, found };
  const path = cacheFileOf(dir, root);
  // Written aside and renamed over: a reader sees the old file or the new one, never half.
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(body), { mode: 0o600, flag: 'wx' });
    renameSync(tmp, path);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}
