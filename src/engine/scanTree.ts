// One source tree walked and its route sources scanned, synchronously: the scan worker's job
// (src/engine/scanWorker.ts). The same answers as check.ts's in-process scan, which a unit test
// holds it to.
import { skipSourceDir } from '../core/mapping/walk';
import type { SourceScan, SourceScanRequest } from '../core/ports';
import { beginScanPass } from '../core/routes/scanCache';
import type { ScanCache, ScanEntry } from '../core/routes/scanCache';
import { isRouteSource } from '../core/routes/isRouteSource';
import { scanSourceText } from '../core/routes/scanFile';
import { cannotRead, createTreeWalk, readSourceFile, statOrAbsent, type TreeWalkStepOptions } from './nodeFs';

/**
 * `buffer` is reused for every read (small files are read whole into it). Files and folders are
 * told by their folder entries; each file's mtime comes from the descriptor a route source is
 * read through (fstat: no second path lookup) or, for the others, from one stat. With `cache`,
 * a route source whose size and mtime are unchanged since the last scan of the root is stat'ed, not read.
 * `listed` gives folders' entries the check already read (engine/composeListings.ts).
 */
export function scanTreeSync(req: SourceScanRequest, buffer: Buffer, cache?: ScanCache, listed?: TreeWalkStepOptions['listed']): WalkedScan {
  const walk = createTreeWalk(req.root, { skipDir: skipSourceDir, mtimes: false, boundary: req.boundary, ...(listed ? { listed } : {}) });
  const skipped = walk.skipped;
  while (!walk.step());
  const files: string[] = [];
  // Room for every walked file; files gone since the walk leave the tail unused.
  const mtimes = new Float64Array(walk.files.length);
  const extracted: SourceScan['extracted'] = [];
  const pass = beginScanPass(cache, req.root);
  let read = 0;
  for (const file of walk.files.sort()) {
    const routeSource = req.routes && isRouteSource(file, req.root);
    let mtimeMs: number;
    let x: ScanEntry['extracted'];
    // A route source not seen before is read, its mtime taken on the way; anything else is stat'ed.
    const stated = !routeSource || pass.remembers(file);
    let st: ReturnType<typeof statOrAbsent>;
    try {
      st = stated ? statOrAbsent(file) : undefined;
    } catch (err) {
      skipped.push({ path: file, reason: cannotRead(err) });
      continue;
    }
    if (stated && !st?.isFile()) continue; // gone, or a folder now, since the walk
    const reused = routeSource && st ? pass.reuse(file, st.mtimeMs, st.size) : undefined;
    if (st && (!routeSource || reused !== undefined)) {
      mtimeMs = st.mtimeMs;
      x = reused ?? null;
    } else {
      const got = readSourceFile(file, buffer);
      read += 1;
      if (!got) continue; // vanished since the walk
      mtimeMs = got.mtimeMs;
      if (got.skipped !== undefined) {
        // Still a source file (its place in the container is checked); only not scanned.
        skipped.push({ path: file, reason: got.skipped });
        x = null;
      } else {
        x = scanSourceText(file, got.text);
        pass.keep(file, mtimeMs, got.size, x);
      }
    }
    mtimes[files.length] = mtimeMs;
    files.push(file);
    if (x) extracted.push({ file, x });
  }
  const found = { files, mtimes: files.length === mtimes.length ? mtimes : mtimes.slice(0, files.length) };
  if (req.routes) pass.finish(found);
  return { ...found, extracted, skipped, read, followedLink: walk.followedLink() };
}

/** A scan, and whether its walk went through a symlink (engine/watchedTrees.ts then does not trust a watcher for it). */
export type WalkedScan = SourceScan & { followedLink: boolean };
