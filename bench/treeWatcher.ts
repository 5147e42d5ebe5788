// The bench's stand-in for VS Code's file watcher: one Node `fs.watch` (inotify) per folder of the
// workspace, as VS Code's own watcher keeps one inotify watch per folder on Linux. It reports
// paths as VS Code's does to an extension: created, changed or deleted files and folders (a new
// folder is watched from then on; the kind is not passed on: the backend looks at each path again).
// Paths are handed on once per turn of the event loop. Not VS Code's: its own delay, throttling
// and the extension host IPC before an extension hears of a change.
import { watch, readdirSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface TreeWatcher {
  close(): void;
}

/** Folders the walk skips (skipSourceDir) are not watched either. */
const skip = (name: string): boolean => name === 'node_modules' || name.startsWith('.');

export function watchTree(root: string, onPaths: (paths: string[]) => void, onError: (err: Error) => void): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();
  let pending: string[] = [];
  const flush = (): void => {
    const paths = pending;
    pending = [];
    onPaths(paths);
  };
  const report = (path: string): void => {
    if (pending.length === 0) setImmediate(flush);
    pending.push(path);
  };
  const add = (dir: string): void => {
    if (watchers.has(dir)) return;
    let w: FSWatcher;
    try {
      w = watch(dir, (_kind, name) => {
        if (!name) return;
        const path = join(dir, name.toString());
        report(path);
        // A folder created or moved in: watch it (and what it holds) from now on.
        addTree(path);
      });
    } catch {
      return; // gone already, or not a folder
    }
    w.on('error', (err) => {
      // A watched folder that was deleted ends its watcher; anything else is a watcher failure.
      watchers.get(dir)?.close();
      watchers.delete(dir);
      if ((err as NodeJS.ErrnoException).code !== 'EPERM' && (err as NodeJS.ErrnoException).code !== 'ENOENT') onError(err);
    });
    watchers.set(dir, w);
  };
  const addTree = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    add(dir);
    for (const e of entries) if (e.isDirectory() && !skip(e.name)) addTree(join(dir, e.name));
  };
  addTree(root);
  return {
    close() {
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
