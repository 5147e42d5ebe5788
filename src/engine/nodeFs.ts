// FsLike over node:fs: the workspace as the core sees it. Absent paths are answers
// (undefined / []), not errors, because "no dist folder yet" is a normal state of a workspace.
//
// Why synchronous calls in time-sliced batches, not fs/promises: a check stats and reads every
// source file (tens of thousands). Each fs/promises call is a libuv thread-pool round trip plus a
// FileHandle (readFile: open, fstat, read, close: four trips), which on a two-core machine cost
// ~10x the syscalls themselves and most of the garbage (bench/README.md, "nodeFs"). Calls made
// in the same turn are queued and run together as plain syscalls, yielding to the event loop
// every SLICE_MS so engine streams, probes and (in the extension host) the UI keep flowing.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FileStat, FsLike, SkippedEntry, TreeWalkOptions } from '../core/ports';
import type { ScanMessage } from '../core/scanTexts';
import { formatBytes, looksBinary, MAX_SOURCE_READ_BYTES } from '../core/mapping/sourceLimits';
import { errorCode, errorText, UserInputError } from '../core/errors';
import { isAtOrInside } from '../core/pathInside';

/** Longest run of synchronous file calls before the event loop gets a turn. */
export const SLICE_MS = 4;

/** Missing path, or a path through something that is not a folder (a/b where a is a file). */
function isAbsent(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Permission refused, or a path that loops or is too long: the entry cannot be read. */
function isUnreadable(err: unknown): boolean {
  const code = errorCodeOrText(err);
  return code === 'EACCES' || code === 'EPERM' || code === 'ELOOP' || code === 'ENAMETOOLONG';
}

/** A FIFO of synchronous jobs drained in slices of at most SLICE_MS, one slice per event-loop turn. */
function createBatcher(): <T>(work: () => T) => Promise<T> {
  let queue: (() => void)[] = [];
  let head = 0;
  let scheduled = false;
  const drain = (): void => {
    // Jobs only settle promises; their continuations (which may queue more) run after this returns.
    const end = performance.now() + SLICE_MS;
    while (head < queue.length) {
      (queue[head++] as () => void)();
      if (performance.now() > end) break;
    }
    if (head >= queue.length) {
      queue = [];
      head = 0;
      scheduled = false;
    } else setImmediate(drain);
  };
  return <T>(work: () => T): Promise<T> =>
    // Wraps synchronous work only: the promise settles when the batch reaches this job.
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        try {
          resolve(work());
        } catch (err) {
          reject(err);
        }
      });
      if (!scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
    });
}

/** Runs `step` (which returns true when done) in slices of SLICE_MS, one slice per event-loop turn. */
function sliced(step: () => boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const run = (): void => {
      try {
        const end = performance.now() + SLICE_MS;
        while (performance.now() <= end) {
          if (step()) return resolve();
        }
        setImmediate(run);
      } catch (err) {
        reject(err);
      }
    };
    setImmediate(run);
  });
}

/** `dir/name` for a clean folder path: string work only on POSIX, path.join elsewhere. */
const childPath = sep === '/' ? (dir: string, name: string) => (dir.endsWith('/') ? dir + name : `${dir}/${name}`) : join;

/**
 * throwIfNoEntry: an absent path is common (probing for tsconfig, .env, build output) and an
 * exception per miss is costly; ENOTDIR still throws and is caught here.
 */
export function statOrAbsent(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (err) {
    if (isAbsent(err)) return undefined;
    throw err;
  }
}

/** statOrAbsent for probing calls (tsconfig, build output, module folders): unreadable counts as absent. */
function statOrUnreadable(path: string): Stats | undefined {
  try {
    return statOrAbsent(path);
  } catch (err) {
    if (isUnreadable(err)) return undefined;
    throw err;
  }
}

export interface TreeWalkStepOptions extends TreeWalkOptions {
  /**
   * false: no mtimes (the map stays empty), and files are told from folders by their folder
   * entries, without a stat each; the caller gets mtimes its own way. Default true.
   */
  mtimes?: boolean;
  /** A folder's entries already read in this check (engine/composeListings.ts), used instead of reading it again; undefined: read it. */
  listed?: (dir: string) => FolderListing | undefined;
}

/** What a folder entry is, as its type in the folder says (a link is looked through where it matters). */
export const ENTRY_FILE = 1;
export const ENTRY_DIR = 2;
/** A symlink, or an entry the file system gave no type. */
export const ENTRY_LINK = 3;
/** A FIFO, socket or device. */
export const ENTRY_OTHER = 4;

/** One folder's entries in the order the folder lists them: names[i] is of kind kinds[i] (ENTRY_*). */
export interface FolderListing {
  names: string[];
  kinds: Uint8Array;
}

export function entryKind(entry: Dirent): number {
  if (entry.isFile()) return ENTRY_FILE;
  if (entry.isDirectory()) return ENTRY_DIR;
  if (entry.isSymbolicLink() || isUntyped(entry)) return ENTRY_LINK;
  return ENTRY_OTHER;
}

/** A folder's entries with their types; [] when it is absent or unreadable (FsLike.readdir's answer). */
export function readFolderSync(path: string): Dirent[] {
  return orNoEntries(() => readdirSync(path, { withFileTypes: true }));
}

function orNoEntries<T>(read: () => T[]): T[] {
  try {
    return read();
  } catch (err) {
    // Unreadable is as good as absent here; the tree walk names it in the report.
    if (isAbsent(err) || isUnreadable(err)) return [];
    throw err;
  }
}

/** FsLike.stat's answer, synchronously: undefined when absent or unreadable. */
export function fileStatSync(path: string): FileStat | undefined {
  const s = statOrUnreadable(path);
  if (!s) return undefined;
  return { isFile: s.isFile(), isDirectory: s.isDirectory(), mtimeMs: s.mtimeMs, size: s.size };
}

export interface TreeWalk {
  /** Lists one folder; true when the walk is done. */
  step(): boolean;
  files: string[];
  mtimes: Map<string, number>;
  /** What the walk left out and why (unreadable, a loop, a link out of the boundary, a bad name). */
  skipped: SkippedEntry[];
  /** Whether it met a symlink (or an entry of unknown type): a watcher of the tree does not see behind one. */
  followedLink(): boolean;
}

/** A folder on the walk's stack: its path, and the real paths a link could loop back to. */
interface PendingFolder {
  abs: string;
  rel: string;
  /** Its real path: the root's realpath, a link's target, or the parent's real path + name. */
  real: string;
  /** Real paths of the folders holding each link crossed on the way here (a cycle test). */
  crossed: readonly string[];
}

/**
 * walkTree's work as steps of one folder each: sliced on the event loop by walkTree, run straight
 * through by the scan worker. Without mtimes a file or folder is told by its folder entry's type;
 * symlinks (followed, as stat does) and file systems that report no type are stat'ed.
 *
 * Nothing in the tree ends the walk: an unreadable folder or file, a symlink loop (a link to an
 * ancestor, or links that lead back to a folder already on the way), a link whose target is
 * outside `boundary`, and a name that is not UTF-8 are each left out and listed in `skipped`.
 */
export function createTreeWalk(dir: string, opts: TreeWalkStepOptions): TreeWalk {
  return new TreeWalker(dir, opts);
}

class TreeWalker implements TreeWalk {
  readonly files: string[] = [];
  readonly mtimes = new Map<string, number>();
  readonly skipped: SkippedEntry[] = [];
  private readonly folders: PendingFolder[] = [];
  private readonly wantMtimes: boolean;
  private linked = false;

  constructor(dir: string, private readonly opts: TreeWalkStepOptions) {
    this.wantMtimes = opts.mtimes !== false;
    let rootReal: string;
    try {
      rootReal = realpathSync(dir);
    } catch (err) {
      if (!isAbsent(err)) this.skip(dir, cannotRead(err));
      return;
    }
    if (opts.boundary !== undefined && !isAtOrInside(opts.boundary, rootReal, '/')) {
      this.skip(dir, { id: 'outsideWorkspace', args: [] });
      return;
    }
    this.folders.push({ abs: dir, rel: '', real: rootReal, crossed: [] });
  }

  /** A property, not a method: walkTree hands it to the slicer on its own. */
  readonly step = (): boolean => {
    const folder = this.folders.pop();
    if (!folder) return true;
    const listed = this.opts.listed?.(folder.abs);
    if (listed) {
      const { names, kinds } = listed;
      for (let i = 0; i < names.length; i++) this.visitEntry(folder, names[i] as string, kinds[i] as number);
      return this.folders.length === 0;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(folder.abs, { withFileTypes: true });
    } catch (err) {
      if (!isAbsent(err)) this.skip(folder.abs, { id: 'cannotReadFolder', args: [errorCodeOrText(err)] });
      return this.folders.length === 0;
    }
    for (const entry of entries) this.visitEntry(folder, entry.name, entryKind(entry));
    return this.folders.length === 0;
  };

  readonly followedLink = (): boolean => this.linked;

  private skip(path: string, reason: ScanMessage): void {
    this.skipped.push({ path, reason });
  }

  private visitEntry(folder: PendingFolder, name: string, kind: number): void {
    const { abs, rel } = folder;
    // Relative paths only matter to exclude: not built for every entry without one.
    const childRel = this.opts.exclude ? (rel === '' ? name : `${rel}/${name}`) : '';
    if (this.opts.exclude?.(childRel)) return;
    const childAbs = childPath(abs, name);
    // Node decodes names as UTF-8; a name that is not comes back with U+FFFD and its path
    // names nothing on disk (or another file), so it cannot be read: say so.
    if (name.includes('\uFFFD') && !existsByName(abs, name)) return this.skip(childAbs, { id: 'nameNotUtf8', args: [] });
    if (kind === ENTRY_LINK) return this.visitLink(folder, childAbs, childRel, name);
    if (this.wantMtimes) {
      let st: Stats | undefined;
      try {
        st = statOrAbsent(childAbs);
      } catch (err) {
        return this.skip(childAbs, cannotRead(err));
      }
      return this.visitPlain(folder, childAbs, childRel, name, st);
    }
    if (kind === ENTRY_FILE) this.files.push(childAbs);
    else if (kind === ENTRY_DIR && !this.opts.skipDir(name)) {
      this.folders.push({ abs: childAbs, rel: childRel, real: childPath(folder.real, name), crossed: folder.crossed });
    }
  }

  /** A symlink (or an entry of unknown type): followed only inside the boundary and never into a loop. */
  private visitLink(parent: PendingFolder, childAbs: string, childRel: string, name: string): void {
    // Even a dangling link or one left out: what it points at can appear without an event for it.
    this.linked = true;
    let real: string;
    let st: Stats | undefined;
    try {
      real = realpathSync(childAbs);
      st = statSync(childAbs);
    } catch (err) {
      if (isAbsent(err)) return; // A dangling link: nothing there, as before.
      return this.skip(childAbs, errorCodeOrText(err) === 'ELOOP' ? { id: 'symlinkLoop', args: [] } : cannotRead(err));
    }
    const boundary = this.opts.boundary;
    if (boundary !== undefined && !isAtOrInside(boundary, real, '/')) return this.skip(childAbs, { id: 'linkOutside', args: [real] });
    if (st.isDirectory()) {
      if (this.opts.skipDir(name)) return;
      const crossed = [...parent.crossed, parent.real];
      if (crossed.some((c) => isAtOrInside(real, c, '/'))) return this.skip(childAbs, { id: 'symlinkLoopBack', args: [real] });
      this.folders.push({ abs: childAbs, rel: childRel, real, crossed });
    } else if (st.isFile()) {
      this.files.push(childAbs);
      if (this.wantMtimes) this.mtimes.set(childAbs, st.mtimeMs);
    }
  }

  private visitPlain(parent: PendingFolder, childAbs: string, childRel: string, name: string, st: Stats | undefined): void {
    if (!st) return;
    if (st.isDirectory()) {
      if (!this.opts.skipDir(name)) this.folders.push({ abs: childAbs, rel: childRel, real: childPath(parent.real, name), crossed: parent.crossed });
    } else if (st.isFile()) {
      this.files.push(childAbs);
      if (this.wantMtimes) this.mtimes.set(childAbs, st.mtimeMs);
    }
  }
}

/** True when `name`, as decoded, is really in `dir` (a U+FFFD from a non-UTF-8 name is not). */
function existsByName(dir: string, name: string): boolean {
  try {
    return readdirSync(dir, { encoding: 'buffer' }).some((raw) => raw.equals(Buffer.from(name, 'utf8')));
  } catch {
    return false;
  }
}

/** A folder entry whose type the file system did not report (DT_UNKNOWN): only stat can tell. */
function isUntyped(entry: Dirent): boolean {
  return !entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink() && !entry.isFIFO() && !entry.isSocket() && !entry.isCharacterDevice() && !entry.isBlockDevice();
}

/** Small files are read into one reused buffer (no FileHandle, no options object per call). */
export const READ_BUFFER_BYTES = 64 * 1024;

/** A source file read whole, or why it was not (too large, binary, unreadable). */
export type ReadOutcome = { text: string; mtimeMs: number; size: number; skipped?: undefined } | { skipped: ScanMessage; mtimeMs: number };

/** Why a file or folder could not be read, as data (core/scanTexts.ts): its error's code. */
export function cannotRead(err: unknown): ScanMessage {
  return { id: 'cannotRead', args: [errorCodeOrText(err)] };
}

/**
 * A source file's text, with its mtime from fstat on the descriptor it is read through (no
 * second path lookup, as a stat by path would make); undefined when it is gone. A file larger
 * than MAX_SOURCE_READ_BYTES, one that looks binary, or one that cannot be read is not read:
 * the outcome says why (its mtime is still known when the file could be opened).
 */
export function readSourceFile(path: string, buffer: Buffer): ReadOutcome | undefined {
  let fd: number;
  try {
    fd = openForRead(path);
  } catch (err) {
    if (isAbsent(err)) return undefined;
    const st = statOrAbsentQuiet(path);
    return { skipped: cannotRead(err), mtimeMs: st?.mtimeMs ?? 0 };
  }
  let size = 0;
  let mtimeMs = 0;
  try {
    const st = fstatSync(fd);
    mtimeMs = st.mtimeMs;
    if (!st.isFile()) return { skipped: { id: 'notRegularFile', args: [] }, mtimeMs };
    if (st.size > MAX_SOURCE_READ_BYTES) return { skipped: { id: 'overReadLimit', args: [formatBytes(st.size), formatBytes(MAX_SOURCE_READ_BYTES)] }, mtimeMs };
    while (size < buffer.length) {
      const want = buffer.length - size;
      const n = readSync(fd, buffer, size, want, size);
      size += n;
      // A regular file on a local file system reads short only at its end: no extra read to
      // learn what the short read already said (a read of 0 still ends it anywhere else).
      if (n < want) break;
    }
    if (looksBinary(buffer, size)) return { skipped: { id: 'binaryContent', args: [] }, mtimeMs };
    if (size < buffer.length) return { text: buffer.toString('utf8', 0, size), mtimeMs, size: st.size };
    // Larger than the buffer: the whole file the plain way (positional reads left the offset at 0).
    return { text: readFileSync(fd, 'utf8'), mtimeMs, size: st.size };
  } catch (err) {
    return { skipped: cannotRead(err), mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/**
 * A workspace file read whole (a compose file, a manifest, a lockfile, a tsconfig): one larger than
 * MAX_PLAIN_READ_BYTES is not read (its error says so, code EFBIG), so a planted huge file cannot
 * hold the check or its memory. The largest lockfiles of real projects are a few MB.
 */
export const MAX_PLAIN_READ_BYTES = 32 * 1024 * 1024;

function readTextCapped(path: string): string {
  const fd = openForRead(path);
  try {
    const st = fstatSync(fd);
    if (st.isFile() && st.size > MAX_PLAIN_READ_BYTES) {
      throw Object.assign(new UserInputError(`${path} is ${formatBytes(st.size)}, over the ${formatBytes(MAX_PLAIN_READ_BYTES)} a workspace file is read up to: not read`), { code: 'EFBIG' });
    }
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

function statOrAbsentQuiet(path: string): Stats | undefined {
  try {
    return statOrAbsent(path);
  } catch {
    return undefined;
  }
}

/**
 * Linux: open without updating the access time. A freshly cloned or checked-out file has an
 * atime no newer than its mtime, so relatime would write every file's inode on its first read
 * (measured here: a first read of 50,000 fresh files took 15-20% longer than with O_NOATIME). Only the file's
 * owner may ask it; after one EPERM the plain open is used for the rest of the process.
 */
let noAtimeFlags: number | undefined = constants.O_NOATIME ? constants.O_RDONLY | constants.O_NOATIME : undefined;

function openForRead(path: string): number {
  if (noAtimeFlags !== undefined) {
    try {
      return openSync(path, noAtimeFlags);
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'EPERM') throw err;
      noAtimeFlags = undefined;
    }
  }
  return openSync(path, 'r');
}

export function createNodeFs(): FsLike {
  const batch = createBatcher();
  const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
  return {
    async walkTree(dir: string, opts: TreeWalkOptions) {
      const walk = createTreeWalk(dir, opts);
      await sliced(walk.step);
      return { files: walk.files, mtimes: walk.mtimes, skipped: walk.skipped };
    },

    async readEach(paths: readonly string[], onText: (path: string, text: string) => void, onSkip?: (path: string, reason: ScanMessage) => void) {
      let i = 0;
      if (paths.length === 0) return;
      await sliced(() => {
        const path = paths[i++] as string;
        const got = readSourceFile(path, buffer);
        if (got?.skipped !== undefined) onSkip?.(path, got.skipped);
        else if (got) onText(path, got.text);
        return i >= paths.length;
      });
    },

    readFile(path: string): Promise<string> {
      return batch(() => readTextCapped(path));
    },

    stat(path: string): Promise<FileStat | undefined> {
      return batch(() => fileStatSync(path));
    },

    readdir(path: string): Promise<string[]> {
      return batch(() => orNoEntries(() => readdirSync(path)).sort());
    },

    realpath(path: string): Promise<string | undefined> {
      return batch(() => realpathOrAbsent(path));
    },
  };
}

/**
 * Linux: one realpath(3) call, not Node's JavaScript walk that lstats each part of the path and
 * makes a Stats object for each (the workspace view resolves every path a check reads:
 * core/confinedFs.ts; on the bench's 30 x 10,000 that is ~1,300 folders of seven parts,
 * half the CPU). Both resolve the same links to the same path; absent is absent to both
 * (ENOENT, ENOTDIR); on any other refusal (a path over PATH_MAX, which the JavaScript walk can
 * still resolve) the JavaScript walk answers, so the answer is the one it always was.
 */
const nativeRealpath = process.platform === 'linux' ? realpathSync.native : undefined;

/** FsLike.realpath's answer: the path with every link resolved, undefined when absent or unreadable. */
function realpathOrAbsent(path: string): string | undefined {
  if (nativeRealpath) {
    try {
      return nativeRealpath(path);
    } catch (err) {
      if (isAbsent(err)) return undefined;
    }
  }
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function errorCodeOrText(err: unknown): string {
  return errorCode(err) ?? errorText(err);
}
