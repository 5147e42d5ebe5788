// One source tree walked and its route sources scanned, synchronously: the scan worker's job
// (src/engine/scanWorker.ts). The same answers as check.ts's in-process scan, which a unit test
// holds it to.
import { skipSourceDir } from '../core/mapping/walk';
import type { SourceScan, SourceScanRequest } from '../core/ports';
import type { ScanCache, ScanEntry } from '../core/routes/scanCache';
import { isRouteSource, scanSourceText } from '../core/routes/scanFile';
import { createTreeWalk, readText } from './nodeFs';

/**
 * `buffer` is reused for every read (small files are read whole into it). With `cache`, files
 * whose mtime is unchanged since the last scan of the root are not read again (mtimes are then
 * always taken).
 */
export function scanTreeSync(req: SourceScanRequest, buffer: Buffer, cache?: ScanCache): SourceScan {
  const walk = createTreeWalk(req.root, { skipDir: skipSourceDir, mtimes: req.mtimes || cache !== undefined });
  while (!walk.step());
  const files = walk.files.sort();
  const extracted: SourceScan['extracted'] = [];
  if (!req.routes) return { files, mtimes: walk.mtimes, extracted };
  const previous = cache?.previous(req.root);
  const entries = new Map<string, ScanEntry>();
  for (const file of files) {
    if (!isRouteSource(file)) continue;
    const mtimeMs = walk.mtimes.get(file);
    const known = previous?.get(file);
    let x: ScanEntry['extracted'];
    if (known && known.mtimeMs === mtimeMs) {
      x = known.extracted;
    } else {
      const text = readText(file, buffer);
      if (text === undefined) continue; // vanished since the walk
      x = scanSourceText(file, text);
    }
    if (x) extracted.push({ file, x });
    if (cache && mtimeMs !== undefined) entries.set(file, { mtimeMs, extracted: x });
  }
  cache?.store(req.root, entries);
  return { files, mtimes: walk.mtimes, extracted };
}
