// The scan cache a long-lived process keeps in memory (the extension's scan worker): per source
// root, the files of the last scan with their mtime, size and findings. Kept packed (one path
// table, the numbers in arrays, findings only for the few files that declare something): as a
// Map of entry objects, 300,000 files held 66 MB of the worker's heap, with every path a string
// of its own and two heap numbers per entry (bench/README.md, "retained heap"). When the scanner
// hands over every file it found (ScannedFiles), the entries sit on that packed table and mtimes
// array, which the worker's watched tree of the same root then shares (SharedPackedFiles).
import type { ExtractedFile } from '../core/routes/extracted';
import type { ScanCache, ScanEntry, ScannedFiles } from '../core/routes/scanCache';
import { ReadonlyMapBase } from '../core/readonlyMapBase';
import { SharedPackedFiles, type PackedFiles } from './pathTable';

const NOTHING: ReadonlyMap<string, ScanEntry> = new Map();

/** One root's entries, answered as the Map they were stored from (each get makes its entry afresh). */
class PackedScanEntries extends ReadonlyMapBase<string, ScanEntry> {
  /** Every file of the scan: the entries' files and, when the scanner said so, the others it found. */
  private readonly packed: PackedFiles;
  /** By the table's index: the entry's size; NaN for a file that has no entry. */
  private readonly sizes: Float64Array;
  /** By the table's index: only the files whose scan found something. */
  private readonly found = new Map<number, ExtractedFile>();
  readonly size: number;

  constructor(root: string, entries: ReadonlyMap<string, ScanEntry>, shared: SharedPackedFiles, scanned: ScannedFiles | undefined) {
    super();
    const prefix = root.endsWith('/') ? root : `${root}/`;
    this.packed = (scanned && this.onScanned(prefix, entries, shared, scanned)) ?? ownFiles(prefix, entries, shared);
    this.sizes = new Float64Array(this.packed.table.size).fill(NaN);
    for (const [file, entry] of entries) {
      const i = this.packed.table.indexOf(file);
      this.sizes[i] = entry.size;
      if (entry.extracted !== null) this.found.set(i, entry.extracted);
    }
    this.size = entries.size;
  }

  get(path: string): ScanEntry | undefined {
    const i = this.packed.table.indexOf(path);
    return i < 0 || Number.isNaN(this.sizes[i]) ? undefined : this.entry(i);
  }

  *entries(): IterableIterator<[string, ScanEntry]> {
    for (let i = 0; i < this.sizes.length; i++) if (!Number.isNaN(this.sizes[i])) yield [this.packed.table.at(i), this.entry(i)];
  }

  /** The scan's files, when every entry is among them at the same mtime (else undefined: the entries' own). */
  private onScanned(prefix: string, entries: ReadonlyMap<string, ScanEntry>, shared: SharedPackedFiles, scanned: ScannedFiles): PackedFiles | undefined {
    const packed = shared.of(prefix, scanned.files, scanned.mtimes);
    for (const [file, entry] of entries) if (packed.mtimes[packed.table.indexOf(file)] !== entry.mtimeMs) return undefined;
    return packed;
  }

  private entry(i: number): ScanEntry {
    return { mtimeMs: this.packed.mtimes[i] as number, size: this.sizes[i] as number, extracted: this.found.get(i) ?? null };
  }
}

/** The entries' own files and mtimes, packed (no scanned files to share, or they did not match). */
function ownFiles(prefix: string, entries: ReadonlyMap<string, ScanEntry>, shared: SharedPackedFiles): PackedFiles {
  const mtimes = new Float64Array(entries.size);
  let i = 0;
  for (const entry of entries.values()) mtimes[i++] = entry.mtimeMs;
  return shared.of(prefix, [...entries.keys()], mtimes);
}

/** `shared`: the worker's, so its watched trees reuse the tables made here (a fresh one otherwise). */
export function createMemoryScanCache(shared = new SharedPackedFiles()): ScanCache {
  const byRoot = new Map<string, PackedScanEntries>();
  return {
    previous: (sourceRoot) => byRoot.get(sourceRoot) ?? NOTHING,
    store: (sourceRoot, entries, _same, scanned) => void byRoot.set(sourceRoot, new PackedScanEntries(sourceRoot, entries, shared, scanned)),
  };
}
