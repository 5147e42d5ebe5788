// SourceScannerLike on the calling thread, for where the scan worker cannot run (no bundle next
// to the code, a worker that broke). The walk and the reads go through FsLike's time-sliced
// walkTree/readEach, so an editor stays responsive while a large tree is read; each file's
// route scan is remembered by mtime when `remember` is set (a long-lived process).
import type { FsLike, SourceScan, SourceScannerLike } from '../core/ports';
import { walkFileStats } from '../core/mapping/walk';
import { beginScanPass } from '../core/routes/scanCache';
import { createMemoryScanCache } from './memoryScanCache';
import { isRouteSource } from '../core/routes/isRouteSource';
import type { ExtractedFile } from '../core/routes/extracted';
import type { ScanMessage } from '../core/scanTexts';
import { mapPool } from '../core/pool';

/** One file's route scan (core/routes/scanFile.ts scanSourceText), loaded by the caller. */
export type ScanText = (file: string, text: string) => ExtractedFile | null;

/** The walk here yields mtimes only: entries of this scanner's own (memory) cache are keyed by mtime. */
const UNKNOWN_SIZE = -1;

/** Reads at once when the file system has no batched reader. */
const READS_IN_FLIGHT = 64;

export function createInlineScanner(fs: FsLike, opts: { remember: boolean; scanText: () => ScanText }): SourceScannerLike {
  const cache = opts.remember ? createMemoryScanCache() : undefined;
  return {
    async scan(req, signal) {
      if (signal?.aborted) throw new Error('scan cancelled');
      const tree = await walkFileStats(fs, req.root, { boundary: req.boundary });
      const extracted: SourceScan['extracted'] = [];
      if (!req.routes) return { ...tree, extracted };
      // Extract as each file is read and keep only what it declares: the texts of a large tree
      // are never held at once. A file unchanged since the last scan (same mtime) is not read.
      const pass = beginScanPass(cache, req.root);
      const toRead: string[] = [];
      const mtimeOf = new Map<string, number>();
      for (let i = 0; i < tree.files.length; i++) {
        const file = tree.files[i] as string;
        if (!isRouteSource(file, req.root)) continue;
        const mtimeMs = tree.mtimes[i] ?? 0;
        const reused = pass.reuse(file, mtimeMs, UNKNOWN_SIZE);
        if (reused !== undefined) {
          if (reused) extracted.push({ file, x: reused });
        } else {
          toRead.push(file);
          if (cache) mtimeOf.set(file, mtimeMs);
        }
      }
      const scanText = opts.scanText();
      const take = (file: string, text: string): void => {
        const x = scanText(file, text);
        if (x) extracted.push({ file, x });
        const mtimeMs = mtimeOf.get(file);
        if (mtimeMs !== undefined) pass.keep(file, mtimeMs, UNKNOWN_SIZE, x);
      };
      const skip = (path: string, reason: ScanMessage): void => {
        tree.skipped.push({ path, reason });
      };
      if (fs.readEach) await fs.readEach(toRead, take, skip);
      else await mapPool(toRead, READS_IN_FLIGHT, async (file) => take(file, await fs.readFile(file)));
      if (signal?.aborted) throw new Error('scan cancelled');
      pass.finish();
      return { ...tree, extracted, read: toRead.length };
    },
  };
}
