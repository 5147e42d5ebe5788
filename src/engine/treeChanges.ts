// The pure part of a watched source tree (engine/watchedTrees.ts): a tree is a sorted list of
// files with their mtimes, the file watcher names paths that changed, and a change is applied by
// removing what is gone and putting in what is there now. No file system here: the caller stats.
//
// Files are sorted by UTF-16 code units (Array.prototype.sort), so everything under a folder `d`
// is one run: from `d/` up to (not including) `d0` ('0' is the code unit after '/').

/** A walked tree: files[i] has mtime mtimes[i]; files sorted. */
export interface TreeFiles {
  files: readonly string[];
  mtimes: Float64Array;
}

/** First index whose file is >= `key`. */
function lowerBound(files: readonly string[], key: string): number {
  let lo = 0;
  let hi = files.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((files[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [start, end) of `path` itself (a file) or of everything under it (a folder): a tree never holds both. */
export function rangeOf(files: readonly string[], path: string): [number, number] {
  const at = lowerBound(files, path);
  if (files[at] === path) return [at, at + 1];
  // `path-x` and `path.x` sort between `path` and `path/`: not in it.
  return [lowerBound(files, `${path}/`), lowerBound(files, `${path}0`)];
}

export interface TreeChanges {
  /** Paths that are gone: each a file, or a folder whose every file is gone. */
  gone: readonly string[];
  /** Files as they are now (created or changed), with their mtimes; win over `gone`. */
  present: ReadonlyMap<string, number>;
}

/**
 * The tree after `changes`: every file at or under a `gone` path removed, every `present` file
 * put in (or its mtime replaced), still sorted. One pass over the old tree plus a sort of the
 * changed files; the old tree is not modified.
 */
export function applyTreeChanges(tree: TreeFiles, changes: TreeChanges): TreeFiles {
  const n = tree.files.length;
  // Runs of the old tree to drop, as a mark per index (cheap next to the copy below).
  const drop = new Uint8Array(n);
  for (const path of changes.gone) {
    const [start, end] = rangeOf(tree.files, path);
    drop.fill(1, start, end);
  }
  const added = [...changes.present.keys()].sort();
  const files: string[] = [];
  const mtimes = new Float64Array(n + added.length);
  let j = 0;
  const push = (file: string, mtime: number): void => {
    mtimes[files.length] = mtime;
    files.push(file);
  };
  for (let i = 0; i < n; i++) {
    const file = tree.files[i] as string;
    while (j < added.length && (added[j] as string) < file) {
      const a = added[j++] as string;
      push(a, changes.present.get(a) as number);
    }
    if (j < added.length && added[j] === file) {
      push(file, changes.present.get(file) as number);
      j += 1;
    } else if (drop[i] !== 1) push(file, tree.mtimes[i] as number);
  }
  while (j < added.length) {
    const a = added[j++] as string;
    push(a, changes.present.get(a) as number);
  }
  return { files, mtimes: files.length === mtimes.length ? mtimes : mtimes.slice(0, files.length) };
}

/**
 * What a changed path means for a tree rooted at `root`: 'inside' (apply it), 'root' (the root
 * itself or a folder above it changed: walk the whole tree again) or 'outside'.
 */
export function relationTo(root: string, path: string): 'inside' | 'root' | 'outside' {
  if (path === root || root.startsWith(`${path}/`)) return 'root';
  return path.startsWith(`${root}/`) ? 'inside' : 'outside';
}

/**
 * The difference between two trees of one root: files added, removed, or with another mtime.
 * For a background re-walk, to tell which changes the watcher did not report.
 */
export function treeDifference(before: TreeFiles, after: TreeFiles, limit: number): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while ((i < before.files.length || j < after.files.length) && out.length < limit) {
    const a = before.files[i];
    const b = after.files[j];
    if (b === undefined || (a !== undefined && a < b)) {
      out.push(a as string);
      i += 1;
    } else if (a === undefined || b < a) {
      out.push(b);
      j += 1;
    } else {
      if (before.mtimes[i] !== after.mtimes[j]) out.push(a);
      i += 1;
      j += 1;
    }
  }
  return out;
}
