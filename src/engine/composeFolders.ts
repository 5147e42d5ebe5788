// The walk for compose files (core/compose/discover.ts) remembered between checks, for a
// long-lived process that watches the workspace's files (the extension). The walk reads every
// folder down to four levels: on the bench's 30 services × 10,000 files that is 1,200 folders
// and 300,000 entries, and it ran before every re-check, also of one service after one saved
// file (most of the time from a save to its badge). A remembered walk holds while the file
// watcher runs and reports nothing that can change it (composeWalkTouched: a compose file named
// in a folder it read, a folder appearing or going where it looked); it is made again in the
// background REFRESH_MS after it was made (what a watcher missed, behind a link or in a folder
// the editor does not watch, shows by then) and not served after MAX_AGE_MS. The explicit check
// walks (`fresh`).
import { statSync } from 'node:fs';
import { composeWalkTouched, isUnder, walkedFolders, type WalkedFolders } from '../core/compose/walk';
import type { ComposeFolders, ComposeFoldersLike } from '../core/ports';

/** Older than this, a remembered walk is served once more while it is made again. */
export const COMPOSE_FOLDERS_REFRESH_MS = 60_000;
/** Older than this, a remembered walk is not served: the check walks. */
export const COMPOSE_FOLDERS_MAX_AGE_MS = 5 * 60_000;
/** Workspaces (and walk options) remembered at most. */
const MAX_WALKS = 16;

interface Entry {
  at: number;
  walk: Promise<ComposeFolders>;
  /** The finished walk's folders, to test changed paths against; undefined while it runs. */
  walked?: WalkedFolders;
  root: string;
  refreshing: boolean;
}

export interface ComposeFolderMemoryOptions {
  now?: () => number;
  /** Whether a path is a folder now (following links, as the walk does). */
  isDir?: (path: string) => boolean;
}

export class ComposeFolderMemory implements ComposeFoldersLike {
  private watching = false;
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every change that drops a walk: a walk begun before it is not kept. */
  private epoch = 0;
  private readonly now: () => number;
  private readonly isDir: (path: string) => boolean;

  constructor(opts: ComposeFolderMemoryOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.isDir = opts.isDir ?? isDirNow;
  }

  /** The file watcher (re)started, may have dropped events (true), or stopped (false): nothing remembered holds. */
  watcher(running: boolean): void {
    this.watching = running;
    this.entries.clear();
    this.epoch++;
  }

  /** Paths the watcher reported: walks they can change are dropped. */
  changed(paths: readonly string[]): void {
    for (const [key, entry] of this.entries) {
      const { walked, root } = entry;
      // A walk still running has read no folder list yet: anything under its root may change it.
      const touched = walked
        ? paths.some((p) => composeWalkTouched(walked, p, this.isDir))
        : paths.some((p) => p === root || isUnder(p, root) || isUnder(root, p));
      if (!touched) continue;
      this.entries.delete(key);
      this.epoch++;
    }
  }

  folders(workspaceDir: string, key: string, walk: (background?: boolean) => Promise<ComposeFolders>, fresh: boolean): Promise<ComposeFolders> {
    if (!this.watching) return walk(false);
    const id = `${workspaceDir}\0${key}`;
    const known = this.entries.get(id);
    const age = known ? this.now() - known.at : Infinity;
    if (!fresh && known && age < COMPOSE_FOLDERS_MAX_AGE_MS) {
      if (age >= COMPOSE_FOLDERS_REFRESH_MS && !known.refreshing) {
        known.refreshing = true;
        void this.remember(id, workspaceDir, () => walk(true)).catch(() => undefined);
      }
      return known.walk;
    }
    return this.remember(id, workspaceDir, () => walk(false));
  }

  private remember(id: string, root: string, walk: () => Promise<ComposeFolders>): Promise<ComposeFolders> {
    const epoch = this.epoch;
    const entry: Entry = { at: this.now(), walk: walk(), root, refreshing: false };
    // Kept at once when nothing is remembered (concurrent checks share the walk), else when done.
    if (!this.entries.has(id)) this.store(id, entry);
    entry.walk.then(
      (found) => {
        entry.walked = walkedFolders(found);
        if (this.watching && this.epoch === epoch) this.store(id, entry);
        else if (this.entries.get(id) === entry) this.entries.delete(id);
      },
      () => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
        const old = this.entries.get(id);
        if (old) old.refreshing = false;
      },
    );
    return entry.walk;
  }

  private store(id: string, entry: Entry): void {
    if (this.entries.size >= MAX_WALKS && !this.entries.has(id)) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id, entry);
  }
}

function isDirNow(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
