// A service's workspace read kept between checks, for a long-lived process whose file watcher
// reports every change in the workspace (the extension). On the bench's 30 services of 10,000
// files, a warm re-check of an unchanged workspace spent most of its main thread sending each
// kept source tree over from the scan worker and mapping, sorting and bucketing its every file
// again (bench/README.md, fifty-second round), to the same answer. A read is kept only while
// nothing can have changed it: the watcher runs and has reported no path since the read began
// (any path: a read also opens package.json, tsconfig and Dockerfiles beside its trees), every
// tree it scanned is one the scan worker keeps up to date from the same watcher
// (SourceScan.kept), and it is younger than KEPT_READ_MAX_AGE_MS (a change the watcher missed
// shows by then, as the worker's background walk of its trees does). Pure: the caller feeds it.
import type { MappedFile, ModuleEvidence } from '../ladder/evidence';
import { filesMissingFrom } from '../ladder/rungs';
import { newestMtime } from '../ladder/evaluate';
import type { FileEvidence } from './workspaceFiles';

/** Older than this, a kept read is read again (as the scan worker walks its kept trees again: TREE_REFRESH_MS). */
export const KEPT_READ_MAX_AGE_MS = 60_000;
/** Services (by read) kept at most; the oldest go first. */
const MAX_KEPT = 256;

interface Entry<T> {
  epoch: number;
  at: number;
  value: T;
}

export class KeptReads<T> {
  private watching = false;
  /** Bumped by every report of the watcher: a read begun before it is not kept. */
  private epoch = 0;
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The file watcher (re)started, may have dropped events, or a background walk found what it missed (true); or it stopped (false). */
  watcher(running: boolean): void {
    this.watching = running;
    this.changed();
  }

  /** The watcher reported paths: nothing kept holds. */
  changed(): void {
    this.epoch++;
    this.entries.clear();
  }

  /** The mark a read begins under, for keep(); undefined: nothing is kept now (no watcher runs). */
  begin(): number | undefined {
    return this.watching ? this.epoch : undefined;
  }

  /** The read kept under `key`, when nothing can have changed it since it began. */
  get(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (!this.watching || e.epoch !== this.epoch || this.now() - e.at >= KEPT_READ_MAX_AGE_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** Keeps a read begun under `epoch` (begin()); dropped when the watcher reported anything since. */
  keep(key: string, epoch: number, value: T): void {
    if (!this.watching || epoch !== this.epoch) return;
    this.entries.delete(key);
    this.entries.set(key, { epoch, at: this.now(), value });
    if (this.entries.size > MAX_KEPT) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** The kept files of every module a listing lacks none of: one array (frozen: never added to), not one each (about 1,200 on 30 x 10,000). */
const NONE_LACKED = Object.freeze([]) as unknown as MappedFile[];

/**
 * A read's files as kept: in each module only those a listing of `listed` lacks (all the ladder
 * still asks of a listing it was judged against: the rest are there), with the module's count and
 * the newest mtime of all. Undefined with a local build output: its state is stat'ed each check.
 */
export function compactFiles(files: FileEvidence, listed: readonly (ReadonlySet<string> | undefined)[]): FileEvidence | undefined {
  const groups = files.loose ? [...files.modules, files.loose] : files.modules;
  if (groups.some((m) => m.buildMissing !== null)) return undefined;
  const compact = (m: ModuleEvidence): ModuleEvidence => {
    const lacked = new Set<MappedFile>();
    for (const l of listed) if (l) for (const f of filesMissingFrom(m.files, l)) lacked.add(f);
    const some = lacked.size > 0 ? m.files.filter((f) => lacked.has(f)) : NONE_LACKED;
    // Every field named, in one order: one shape for all of them (a spread copy gave each kept module its own, 0.4 MB on 30 x 10,000).
    return { name: m.name, rel: m.rel, target: m.target, files: some, fileCount: m.fileCount ?? m.files.length, buildMissing: m.buildMissing, buildStale: m.buildStale };
  };
  const newest = files.newestMtimeMs ?? groups.reduce((n, m) => Math.max(n, newestMtime(m.files)), 0);
  const count = files.fileCount ?? groups.reduce((n, m) => n + (m.fileCount ?? m.files.length), 0);
  return { modules: files.modules.map(compact), loose: files.loose ? compact(files.loose) : null, newestMtimeMs: newest, fileCount: count };
}
