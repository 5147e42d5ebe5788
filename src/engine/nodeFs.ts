// FsLike over node:fs: the workspace as the core sees it. Absent paths are answers
// (undefined / []), not errors, because "no dist folder yet" is a normal state of a workspace.
//
// Why synchronous calls in time-sliced batches, not fs/promises: a check stats and reads every
// source file (tens of thousands). Each fs/promises call is a libuv thread-pool round trip plus a
// FileHandle (readFile: open, fstat, read, close: four trips), which on a two-core machine cost
// ~10x the syscalls themselves and most of the garbage (bench/README.md, "nodeFs"). Calls made
// in the same turn are queued and run together as plain syscalls, yielding to the event loop
// every SLICE_MS so engine streams, probes and (in the extension host) the UI keep flowing.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FileStat, FsLike, TreeWalkOptions } from '../core/ports';

/** Longest run of synchronous file calls before the event loop gets a turn. */
export const SLICE_MS = 4;

/** Missing path, or a path through something that is not a folder (a/b where a is a file). */
function isAbsent(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR';
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

export interface TreeWalkStepOptions extends TreeWalkOptions {
  /**
   * false: no mtimes (the map stays empty), and files are told from folders by their folder
   * entries, without a stat each; the caller gets mtimes its own way. Default true.
   */
  mtimes?: boolean;
}

export interface TreeWalk {
  /** Lists one folder; true when the walk is done. */
  step(): boolean;
  files: string[];
  mtimes: Map<string, number>;
}

/**
 * walkTree's work as steps of one folder each: sliced on the event loop by walkTree, run straight
 * through by the scan worker. Without mtimes a file or folder is told by its folder entry's type;
 * symlinks (followed, as stat does) and file systems that report no type are stat'ed.
 */
export function createTreeWalk(dir: string, opts: TreeWalkStepOptions): TreeWalk {
  const files: string[] = [];
  const mtimes = new Map<string, number>();
  const wantMtimes = opts.mtimes !== false;
  const folders: [abs: string, rel: string][] = [[dir, '']];
  const visit = (childAbs: string, childRel: string, name: string, st: Stats | undefined): void => {
    if (!st) return;
    if (st.isDirectory()) {
      if (!opts.skipDir(name)) folders.push([childAbs, childRel]);
    } else if (st.isFile()) {
      files.push(childAbs);
      if (wantMtimes) mtimes.set(childAbs, st.mtimeMs);
    }
  };
  const step = (): boolean => {
    const next = folders.pop();
    if (!next) return true;
    const [abs, rel] = next;
    let entries: string[] | Dirent[];
    try {
      entries = wantMtimes ? readdirSync(abs) : readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      if (isAbsent(err)) return folders.length === 0;
      throw err;
    }
    for (const entry of entries) {
      const name = typeof entry === 'string' ? entry : entry.name;
      // Relative paths only matter to exclude: not built for every entry without one.
      const childRel = opts.exclude ? (rel === '' ? name : `${rel}/${name}`) : '';
      if (opts.exclude?.(childRel)) continue;
      const childAbs = childPath(abs, name);
      if (typeof entry === 'string') visit(childAbs, childRel, name, statOrAbsent(childAbs));
      else if (entry.isFile()) files.push(childAbs);
      else if (entry.isDirectory()) {
        if (!opts.skipDir(name)) folders.push([childAbs, childRel]);
      } else if (entry.isSymbolicLink() || isUntyped(entry)) visit(childAbs, childRel, name, statOrAbsent(childAbs));
    }
    return folders.length === 0;
  };
  return { step, files, mtimes };
}

/** A folder entry whose type the file system did not report (DT_UNKNOWN): only stat can tell. */
function isUntyped(entry: Dirent): boolean {
  return !entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink() && !entry.isFIFO() && !entry.isSocket() && !entry.isCharacterDevice() && !entry.isBlockDevice();
}

/** Small files are read into one reused buffer (no FileHandle, no options object per call). */
export const READ_BUFFER_BYTES = 64 * 1024;

function readText(path: string, buffer: Buffer): string | undefined {
  return readOpened(path, buffer, false)?.text;
}

/**
 * readText, with the file's mtime from fstat on the descriptor it is read through: no second
 * path lookup, as a stat by path would make.
 */
export function readTextAndMtime(path: string, buffer: Buffer): { text: string; mtimeMs: number } | undefined {
  return readOpened(path, buffer, true);
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

function readOpened(path: string, buffer: Buffer, withMtime: boolean): { text: string; mtimeMs: number } | undefined {
  let fd: number;
  try {
    fd = openForRead(path);
  } catch (err) {
    if (isAbsent(err)) return undefined;
    throw err;
  }
  let size = 0;
  try {
    const mtimeMs = withMtime ? fstatSync(fd).mtimeMs : 0;
    while (size < buffer.length) {
      const want = buffer.length - size;
      const n = readSync(fd, buffer, size, want, size);
      size += n;
      // A regular file on a local file system reads short only at its end: no extra read to
      // learn what the short read already said (a read of 0 still ends it anywhere else).
      if (n < want) return { text: buffer.toString('utf8', 0, size), mtimeMs };
    }
    return { text: readFileSync(fd, 'utf8'), mtimeMs }; // Larger than the buffer: the rest the plain way.
  } finally {
    closeSync(fd);
  }
}

export function createNodeFs(): FsLike {
  const batch = createBatcher();
  const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
  return {
    async walkTree(dir: string, opts: TreeWalkOptions) {
      const walk = createTreeWalk(dir, opts);
      await sliced(walk.step);
      return { files: walk.files, mtimes: walk.mtimes };
    },

    async readEach(paths: readonly string[], onText: (path: string, text: string) => void) {
      let i = 0;
      if (paths.length === 0) return;
      await sliced(() => {
        const path = paths[i++] as string;
        const text = readText(path, buffer);
        if (text !== undefined) onText(path, text);
        return i >= paths.length;
      });
    },

    readFile(path: string): Promise<string> {
      return batch(() => readFileSync(path, 'utf8'));
    },

    stat(path: string): Promise<FileStat | undefined> {
      return batch(() => {
        const s = statOrAbsent(path);
        if (!s) return undefined;
        return { isFile: s.isFile(), isDirectory: s.isDirectory(), mtimeMs: s.mtimeMs, size: s.size };
      });
    },

    readdir(path: string): Promise<string[]> {
      return batch(() => {
        try {
          return readdirSync(path).sort();
        } catch (err) {
          if (isAbsent(err)) return [];
          throw err;
        }
      });
    },
  };
}
