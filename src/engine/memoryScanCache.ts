// The scan cache a long-lived process keeps in memory (the extension's scan worker): per source
// root, the files of the last scan with their mtime, size and findings. Kept packed (one path
// table, the numbers in arrays, findings only for the few files that declare something): as a
// Map of entry objects, 300,000 files held 66 MB of the worker's heap, with every path a string
// of its own and two heap numbers per entry (bench/README.md, "retained heap").
import type { ExtractedFile } from '../core/routes/extracted';
import type { ScanCache, ScanEntry } from '../core/routes/scanCache';
import { PathTable } from './pathTable';

const NOTHING: ReadonlyMap<string, ScanEntry> = new Map();

/** One root's entries, answered as the Map they were stored from (each get makes its entry afresh). */
class PackedScanEntries implements ReadonlyMap<string, ScanEntry> {
  private readonly table: PathTable;
  private readonly mtimes: Float64Array;
  private readonly sizes: Float64Array;
  /** By the table's index: only the files whose scan found something. */
  private readonly found = new Map<number, ExtractedFile>();

  constructor(root: string, entries: ReadonlyMap<string, ScanEntry>) {
    this.table = new PathTable([...entries.keys()], root.endsWith('/') ? root : `${root}/`);
    this.mtimes = new Float64Array(this.table.size);
    this.sizes = new Float64Array(this.table.size);
    let i = 0;
    for (const entry of entries.values()) {
      this.mtimes[i] = entry.mtimeMs;
      this.sizes[i] = entry.size;
      if (entry.extracted !== null) this.found.set(i, entry.extracted);
      i += 1;
    }
  }

  get size(): number {
    return this.table.size;
  }

  get(path: string): ScanEntry | undefined {
    const i = this.table.indexOf(path);
    return i < 0 ? undefined : this.entry(i);
  }

  has(path: string): boolean {
    return this.table.has(path);
  }

  *entries(): IterableIterator<[string, ScanEntry]> {
    for (let i = 0; i < this.table.size; i++) yield [this.table.at(i), this.entry(i)];
  }

  keys(): IterableIterator<string> {
    return this.table.values();
  }

  *values(): IterableIterator<ScanEntry> {
    for (let i = 0; i < this.table.size; i++) yield this.entry(i);
  }

  [Symbol.iterator](): IterableIterator<[string, ScanEntry]> {
    return this.entries();
  }

  forEach(callback: (value: ScanEntry, key: string, map: ReadonlyMap<string, ScanEntry>) => void, thisArg?: unknown): void {
    for (const [path, entry] of this.entries()) callback.call(thisArg, entry, path, this);
  }

  private entry(i: number): ScanEntry {
    return { mtimeMs: this.mtimes[i] as number, size: this.sizes[i] as number, extracted: this.found.get(i) ?? null };
  }
}

export function createMemoryScanCache(): ScanCache {
  const byRoot = new Map<string, PackedScanEntries>();
  return {
    previous: (sourceRoot) => byRoot.get(sourceRoot) ?? NOTHING,
    store: (sourceRoot, entries) => void byRoot.set(sourceRoot, new PackedScanEntries(sourceRoot, entries)),
  };
}
