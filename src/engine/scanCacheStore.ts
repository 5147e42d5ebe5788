// The scan cache kept on disk between runs, so the second cold check of a workspace reads only
// the source files that changed (or that declare something). One file per source root in a
// folder of the user's: the CLI's under $XDG_CACHE_HOME (else ~/.cache), the extension's in its
// global storage. Nothing there is an answer we trust: an entry only says "this file, at this
// size and mtime, was read and the route pre-filter found nothing in it", which lets a scan skip
// reading it. Files that declared anything are not kept (they are read every time), so the worst a
// stale, corrupt or planted cache file can do is hide a route, and such files are ignored: not
// ours (owner), writable by others, another format, another root, another pre-filter, bad shape.
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { PREFILTER_ID } from '../core/routes/mayDeclareRoutes';
import type { ScanCache, ScanEntry } from '../core/routes/scanCache';
import { createMemoryScanCache } from './memoryScanCache';
import type { SharedPackedFiles } from './pathTable';

export const SCAN_CACHE_FORMAT = 'runtime-drift.scan-cache';
export const SCAN_CACHE_VERSION = 2;
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
  /** [path relative to root, size, mtimeMs] of each file the pre-filter found nothing in. */
  files: Array<[string, number, number]>;
}

export interface DiskScanCacheOptions {
  /** Also remember every entry in memory across scans (a long-lived process). */
  memory: boolean;
  /** Where the memory keeps its packed files (see memoryScanCache.ts). */
  shared?: SharedPackedFiles;
}

/**
 * A ScanCache backed by `dir`; undefined when the folder cannot be made ours (created 0700, owned
 * by this user, not writable by others). Reads and writes are synchronous: it runs in the scan
 * worker, off the main thread. Any trouble with a cache file means "nothing remembered".
 */
export function createDiskScanCache(dir: string, opts: DiskScanCacheOptions): ScanCache | undefined {
  if (!ownFolder(dir)) return undefined;
  const memory = opts.memory ? createMemoryScanCache(opts.shared) : undefined;
  // To skip a write that would change nothing without holding every root's entries: a pass keeps
  // the very entry objects it reused, so "unchanged" is "as many as were loaded, all of them those".
  // (Entries from memory are made afresh on each lookup: there the pass itself says `same`.)
  const loaded = new WeakSet<ScanEntry>();
  const loadedCount = new Map<string, number>();
  return {
    previous(root) {
      const remembered = memory?.previous(root);
      if (remembered && remembered.size > 0) return remembered;
      const entries = loadCacheFile(dir, root);
      for (const entry of entries.values()) loaded.add(entry);
      loadedCount.set(root, entries.size);
      return entries;
    },
    store(root, entries, same, scanned) {
      memory?.store(root, entries, same, scanned);
      // The entries previous() gave: what is on disk already (or was, when a write failed).
      if (same) return;
      const kept = new Map<string, ScanEntry>();
      let unchanged = true;
      for (const [file, entry] of entries) {
        if (entry.extracted !== null || entry.size < 0) continue;
        kept.set(file, entry);
        if (!loaded.has(entry)) unchanged = false;
      }
      if (unchanged && kept.size === loadedCount.get(root)) return;
      for (const entry of kept.values()) loaded.add(entry);
      loadedCount.set(root, kept.size);
      writeCacheFile(dir, root, kept);
    },
  };
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

/** The entries a cache file holds for `root`; nothing when it is missing, foreign or malformed. */
export function loadCacheFile(dir: string, root: string): ReadonlyMap<string, ScanEntry> {
  const path = cacheFileOf(dir, root);
  let text: string;
  try {
    const st = lstatSync(path);
    if (!st.isFile() || !ownedAndPrivate(st) || st.size > MAX_CACHE_FILE_BYTES) return NOTHING;
    text = readFileSync(path, 'utf8');
  } catch {
    return NOTHING;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return NOTHING;
  }
  const file = raw as Partial<CacheFile> | null;
  if (
    typeof file !== 'object' ||
    file === null ||
    file.format !== SCAN_CACHE_FORMAT ||
    file.version !== SCAN_CACHE_VERSION ||
    file.root !== root ||
    file.prefilter !== PREFILTER_ID ||
    !Array.isArray(file.files)
  ) {
    return NOTHING;
  }
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const entries = new Map<string, ScanEntry>();
  for (const item of file.files as unknown[]) {
    if (!Array.isArray(item) || item.length !== 3) return NOTHING;
    const [rel, size, mtimeMs] = item as unknown[];
    if (typeof rel !== 'string' || rel === '' || rel.startsWith('/') || rel.includes('\0') || !isCount(size) || !isTime(mtimeMs)) return NOTHING;
    entries.set(prefix + rel, { mtimeMs, size, extracted: null });
  }
  return entries;
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function writeCacheFile(dir: string, root: string, entries: ReadonlyMap<string, ScanEntry>): void {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const files: CacheFile['files'] = [];
  for (const [path, entry] of entries) if (path.startsWith(prefix)) files.push([path.slice(prefix.length), entry.size, entry.mtimeMs]);
  const body: CacheFile = { format: SCAN_CACHE_FORMAT, version: SCAN_CACHE_VERSION, root, prefilter: PREFILTER_ID, files };
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
