// What each source file declared, remembered across checks by path, size and modification time:
// in memory for a long-lived process (the extension re-checks on every save and engine event:
// engine/memoryScanCache.ts), and on disk between runs (engine/scanCacheStore.ts). A file whose
// size and mtime are unchanged is not read again; anything else is. Per source root, only the files of the latest scan are
// kept, so deleted and renamed files drop out and memory follows the workspace.
import type { ExtractedFile } from './extracted';
import { ReadonlyMapBase } from '../readonlyMapBase';

export interface ScanEntry {
  mtimeMs: number;
  /** Bytes; -1 where the scanner does not know it (the in-process scanner, memory only). */
  size: number;
  /** null: the file cannot declare a route (the pre-filter said so). */
  extracted: ExtractedFile | null;
}

/**
 * Every file one scan of a root found, in its order (the files of its entries among them), with
 * each one's mtime: a long-lived scanner keeps the root's files anyway (engine/watchedTrees.ts),
 * and a cache handed them can keep its entries on the same packed table instead of a second one.
 */
export interface ScannedFiles {
  files: readonly string[];
  mtimes: Float64Array;
}

export interface ScanCache {
  /** The entries of the last scan of `sourceRoot` (empty when none). */
  previous(sourceRoot: string): ReadonlyMap<string, ScanEntry>;
  /**
   * Replaces what is remembered for `sourceRoot` with this scan's entries. `same`: they are
   * exactly what previous() gave this scan (no file read, none gone), so nothing needs writing.
   * `scanned`: every file the scan found (see ScannedFiles), when the scanner has them.
   */
  store(sourceRoot: string, entries: ReadonlyMap<string, ScanEntry>, same: boolean, scanned?: ScannedFiles): void;
}

const NOTHING: ReadonlyMap<string, ScanEntry> = new Map();

/**
 * One scan of a source root against what `cache` remembers of it (nothing without a cache): the
 * in-process scan (check.ts) and the scan worker (engine/scanTree.ts) both go through it.
 */
export interface ScanPass {
  /** Whether the last scan saw `file` (its mtime is then worth a stat before reading). */
  remembers(file: string): boolean;
  /** What `file` declared, if the last scan saw it at this mtime and size (kept for the next); else undefined: read it. */
  reuse(file: string, mtimeMs: number, size: number): ExtractedFile | null | undefined;
  /** What a read of `file` at `mtimeMs` and `size` declared, kept for the next scan. */
  keep(file: string, mtimeMs: number, size: number, extracted: ExtractedFile | null): void;
  /** Replaces what is remembered for the root with this pass's files (`scanned`: see ScanCache.store). */
  finish(scanned?: ScannedFiles): void;
}

export function beginScanPass(cache: ScanCache | undefined, sourceRoot: string): ScanPass {
  const previous = cache?.previous(sourceRoot) ?? NOTHING;
  const entries = new PassEntries();
  let kept = 0;
  return {
    remembers: (file) => previous.has(file),
    reuse(file, mtimeMs, size) {
      const known = previous.get(file);
      if (known?.mtimeMs !== mtimeMs || known.size !== size) return undefined;
      entries.add(file, known);
      return known.extracted;
    },
    keep(file, mtimeMs, size, extracted) {
      if (!cache) return;
      entries.add(file, { mtimeMs, size, extracted });
      kept += 1;
    },
    finish(scanned) {
      // Nothing read and as many reused as there were: the previous entries, unchanged.
      cache?.store(sourceRoot, entries, kept === 0 && entries.size === previous.size, scanned);
    },
  };
}

/**
 * A pass's entries, as a Map set in the order they came would answer (a file added twice: its first
 * place, its last entry). Kept as two lists while the files ascend strictly (a scan adds its sorted
 * walk's files in order, so each is there once): the map is made only when a file is asked for or
 * one comes out of order. A disk cache handed an unchanged pass (`same`) drops it unread; making
 * the map of every reused file was most of a cached check's pass in the worker (bench/README.md,
 * thirty-eighth and fortieth rounds).
 */
class PassEntries extends ReadonlyMapBase<string, ScanEntry> {
  private readonly files: string[] = [];
  private readonly list: ScanEntry[] = [];
  private map: Map<string, ScanEntry> | undefined;

  get size(): number {
    return this.map ? this.map.size : this.files.length;
  }

  add(file: string, entry: ScanEntry): void {
    const last = this.files[this.files.length - 1];
    if (!this.map && (last === undefined || file > last)) {
      this.files.push(file);
      this.list.push(entry);
    } else this.byFile().set(file, entry);
  }

  get(file: string): ScanEntry | undefined {
    return this.byFile().get(file);
  }

  entries(): IterableIterator<[string, ScanEntry]> {
    return this.map ? this.map.entries() : this.inOrder();
  }

  private *inOrder(): IterableIterator<[string, ScanEntry]> {
    for (let k = 0; k < this.files.length; k++) yield [this.files[k] as string, this.list[k] as ScanEntry];
  }

  private byFile(): Map<string, ScanEntry> {
    if (!this.map) {
      this.map = new Map();
      for (let k = 0; k < this.files.length; k++) this.map.set(this.files[k] as string, this.list[k] as ScanEntry);
      this.files.length = 0;
      this.list.length = 0;
    }
    return this.map;
  }
}
