// FsLike over node:fs: the workspace as the core sees it. Absent paths are answers
// (undefined / []), not errors, because "no dist folder yet" is a normal state of a workspace.
//
// Why synchronous calls in time-sliced batches, not fs/promises: a check stats and reads every
// source file (tens of thousands). Each fs/promises call is a libuv thread-pool round trip plus a
// FileHandle (readFile: open, fstat, read, close: four trips), which on a two-core machine cost
// ~10x the syscalls themselves and most of the garbage (bench/README.md, "nodeFs"). Calls made
// in the same turn are queued and run together as plain syscalls, yielding to the event loop
// every SLICE_MS so engine streams, probes and (in the extension host) the UI keep flowing.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { FileStat, FsLike } from '../core/ports';

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

export function createNodeFs(): FsLike {
  const batch = createBatcher();
  return {
    readFile(path: string): Promise<string> {
      return batch(() => readFileSync(path, 'utf8'));
    },

    stat(path: string): Promise<FileStat | undefined> {
      return batch(() => {
        try {
          // throwIfNoEntry: an absent path is common (probing for tsconfig, .env, build output)
          // and an exception per miss is costly; ENOTDIR still throws and is caught below.
          const s = statSync(path, { throwIfNoEntry: false });
          if (!s) return undefined;
          return { isFile: s.isFile(), isDirectory: s.isDirectory(), mtimeMs: s.mtimeMs, size: s.size };
        } catch (err) {
          if (isAbsent(err)) return undefined;
          throw err;
        }
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
