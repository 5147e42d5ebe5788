// A compact, immutable table of paths, for what a long-lived process remembers by path: a
// container's or an image's listing (tens of thousands of files, kept between checks in the
// extension). A Set of separate strings costs about 90 bytes a path (a string object each, the
// Set's and a sizes Map's hash tables, another string per tar entry); here the paths share one
// string, less a prefix they all have, with an offset and a hash slot each: about 40 bytes a path
// on the bench's listings (bench/README.md, "retained heap"); with each folder stored once and
// only the names in that string, about 27 (a folder index of two bytes a path).
//
// Lookups hash the asked path's characters after the prefix (no slice, no allocation) and
// compare them in place (folder, then name), so `has` answers exactly what a Set of the same
// paths would.
import type { FileListing } from '../core/model';
import { ReadonlyMapBase } from '../core/readonlyMapBase';

/** FNV-1a over path[from, to), continuing from `h` (the hash of what came before). */
function hashOf(path: string, from: number, to: number, h = 0x811c9dc5): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class PathTable implements ReadonlySet<string> {
  /**
   * Every path without `prefix` is a folder (up to and with its last '/', '' for none) and a
   * name: path i is folders[folderOf[i]] + names[starts[i], starts[i + 1]). A folder is stored
   * once: 250 files of a module folder repeat it 250 times as separate text (bench/README.md).
   */
  private readonly folders: string[];
  private readonly folderOf: Uint16Array | Uint32Array;
  private readonly names: string;
  private readonly starts: Uint32Array;
  /** Open addressing, linear probing: index + 1 of the path hashed there, 0 for none. */
  private readonly slots: Uint16Array | Uint32Array;
  /** What every path starts with (stored once): the candidate given when all have it, else ''. */
  readonly prefix: string;

  /** `paths` without duplicates (a Set's keys), in the order iteration is to give them back. */
  constructor(paths: readonly string[], prefix = '') {
    this.prefix = paths.every((p) => p.startsWith(prefix)) ? prefix : '';
    const cut = this.prefix.length;
    this.starts = new Uint32Array(paths.length + 1);
    this.folders = [];
    const folderIds = new Map<string, number>();
    const folderHashes: number[] = [];
    const folderOf = new Uint32Array(paths.length);
    const hashes = new Uint32Array(paths.length);
    const parts: string[] = new Array<string>(paths.length);
    let at = 0;
    // Listings and walks give a folder's files together: most paths are in the folder before.
    let last = -1;
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i] as string;
      const slash = path.lastIndexOf('/') + 1;
      const folderLength = slash > cut ? slash - cut : 0;
      const previous = last >= 0 ? (this.folders[last] as string) : undefined;
      if (previous === undefined || previous.length !== folderLength || !path.startsWith(previous, cut)) {
        const folder = path.slice(cut, cut + folderLength);
        let id = folderIds.get(folder);
        if (id === undefined) {
          id = this.folders.length;
          this.folders.push(folder);
          folderHashes.push(hashOf(folder, 0, folder.length));
          folderIds.set(folder, id);
        }
        last = id;
      }
      folderOf[i] = last;
      hashes[i] = hashOf(path, cut + folderLength, path.length, folderHashes[last]);
      const name = path.slice(cut + folderLength);
      parts[i] = name;
      this.starts[i] = at;
      at += name.length;
    }
    this.starts[paths.length] = at;
    this.names = parts.join('');
    this.folderOf = this.folders.length <= 0xffff ? Uint16Array.from(folderOf) : folderOf;
    // A load of at most two thirds: a miss ends after a few probes (each a length comparison
    // first). Two bytes a slot while the indexes fit.
    let capacity = 8;
    while (capacity < paths.length * 1.5) capacity *= 2;
    this.slots = paths.length < 0xffff ? new Uint16Array(capacity) : new Uint32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < paths.length; i++) {
      let slot = (hashes[i] as number) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = i + 1;
    }
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** The index of `path` (its place in iteration order), or -1. */
  indexOf(path: string): number {
    const cut = this.prefix.length;
    if (cut > 0 && !path.startsWith(this.prefix)) return -1;
    const length = path.length - cut;
    const mask = this.slots.length - 1;
    for (let slot = hashOf(path, cut, path.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return -1;
      const i = entry - 1;
      const start = this.starts[i] as number;
      const folder = this.folders[this.folderOf[i] as number] as string;
      if ((this.starts[entry] as number) - start + folder.length === length && path.startsWith(folder, cut) && this.sameAt(start, path, cut + folder.length)) return i;
    }
  }

  has(path: string): boolean {
    return this.indexOf(path) >= 0;
  }

  /** Whether this table holds exactly `paths`, in this order (no allocation: each is looked up in place). */
  holdsExactly(paths: readonly string[]): boolean {
    if (paths.length !== this.size) return false;
    for (let i = 0; i < paths.length; i++) if (this.indexOf(paths[i] as string) !== i) return false;
    return true;
  }

  /** Path number `i` (0 <= i < size). */
  at(i: number): string {
    return this.prefix + (this.folders[this.folderOf[i] as number] as string) + this.names.slice(this.starts[i], this.starts[i + 1]);
  }

  *values(): IterableIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.at(i);
  }

  keys(): IterableIterator<string> {
    return this.values();
  }

  *entries(): IterableIterator<[string, string]> {
    for (const p of this.values()) yield [p, p];
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this.values();
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const p of this.values()) callback.call(thisArg, p, p, this);
  }

  /** Whether path[from..] is the name stored at `start` (its length already matched). */
  private sameAt(start: number, path: string, from: number): boolean {
    for (let k = 0; from + k < path.length; k++) if (this.names.charCodeAt(start + k) !== path.charCodeAt(from + k)) return false;
    return true;
  }
}

/**
 * A number per path of a table (a file's size), by the table's index; `absent` where a path has
 * none (a symlink has no size of its own): as a Map holding only the others.
 */
export class PathNumbers extends ReadonlyMapBase<string, number> {
  readonly size: number;

  constructor(
    private readonly table: PathTable,
    private readonly numbers: Float64Array,
    private readonly absent: number,
  ) {
    super();
    let n = 0;
    for (const x of numbers) if (x !== absent) n += 1;
    this.size = n;
  }

  get(path: string): number | undefined {
    const i = this.table.indexOf(path);
    if (i < 0) return undefined;
    const x = this.numbers[i] as number;
    return x === this.absent ? undefined : x;
  }

  *entries(): IterableIterator<[string, number]> {
    for (let i = 0; i < this.table.size; i++) {
      const x = this.numbers[i] as number;
      if (x !== this.absent) yield [this.table.at(i), x];
    }
  }
}

/** A root's files packed (one table) with a number each (the mtimes), both immutable once made. */
export interface PackedFiles {
  table: PathTable;
  mtimes: Float64Array;
}

/**
 * The scan worker keeps each source root's files twice over, for two readers: the watched tree
 * (engine/watchedTrees.ts) and the remembered route scans (engine/memoryScanCache.ts), each of
 * 10,000 paths per root on the bench's largest stack. After a walk both are made from the same
 * files and mtimes; this hands the second asker the first one's table and array instead of a copy.
 * Only the last one made per prefix is known, and only weakly: it lives as long as a reader keeps it.
 */
export class SharedPackedFiles {
  private readonly last = new Map<string, WeakRef<PackedFiles>>();

  /** `files` under `prefix` with their `mtimes` (copied when new): the last made for `prefix` when it holds exactly these. */
  of(prefix: string, files: readonly string[], mtimes: Float64Array): PackedFiles {
    const known = this.last.get(prefix)?.deref();
    if (known && sameNumbers(known.mtimes, mtimes) && known.table.holdsExactly(files)) return known;
    const made: PackedFiles = { table: new PathTable(files, prefix), mtimes: mtimes.slice() };
    this.last.set(prefix, new WeakRef(made));
    return made;
  }
}

function sameNumbers(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A listing as a long-lived client keeps it: its files and their sizes packed (see PathTable). */
export function packedListing(root: string, files: ReadonlySet<string>, sizes: ReadonlyMap<string, number>): FileListing {
  const table = new PathTable([...files], root === '/' ? '/' : `${root}/`);
  // Sizes are never negative (tar headers, stat's %s): -1 marks a file without one (a symlink).
  const numbers = new Float64Array(table.size).fill(-1);
  let i = 0;
  for (const path of files) {
    const size = sizes.get(path);
    if (size !== undefined) numbers[i] = size;
    i += 1;
  }
  return { root, files: table, sizes: new PathNumbers(table, numbers, -1), rootMissing: false };
}
