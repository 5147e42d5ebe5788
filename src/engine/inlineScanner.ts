// SourceScannerLike on the calling thread, for where the scan worker cannot run (no bundle next
// to the code, a worker that broke). The walk and the reads go through FsLike's time-sliced
// walkTree/readEach, so an editor stays responsive while a large tree is read; each file's
// route scan is remembered by mtime when `remember` is set (a long-lived process).
import type { FsLike, ServedScope, SourceScan, SourceScannerLike } from '../core/ports';
import { walkFileStats } from '../core/mapping/walk';
import { beginScanPass, type ScanPass } from '../core/routes/scanCache';
import type { PathAlias } from '../core/routes/collect';
import { createMemoryScanCache } from './memoryScanCache';
import { isRouteSource, minifiedCopySources } from '../core/routes/isRouteSource';
import type { ExtractedFile } from '../core/routes/extracted';
import type { ScanMessage } from '../core/scanTexts';
import { mapPool } from '../core/pool';
import { fileLoads, servedClosure } from '../core/routes/servedClosure';
import { TestFolderImports } from '../core/routes/testFolderImports';

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
      // A Next.js app's: only the closure of what serves it is read (its texts kept for the scan).
      const closure = req.served ? await readClosure(fs, req.root, tree.files, req.served) : undefined;
      const libraries = minifiedCopySources(tree.files);
      for (let i = 0; i < tree.files.length; i++) {
        const file = tree.files[i] as string;
        if (!isRouteSource(file, req.root) || libraries.has(file) || (closure?.reached && !closure.reached.has(file))) continue;
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
      const unread = closure ? toRead.filter((file) => !closure.texts.has(file)) : toRead;
      for (const file of toRead) {
        const text = closure?.texts.get(file);
        if (text !== undefined) take(file, text);
      }
      await readAll(fs, unread, take, skip);
      const more = await readTestFolderImports({ ...tree, root: req.root, aliases: req.aliases }, extracted, pass, (files) => {
        if (cache) for (const file of files) mtimeOf.set(file, mtimeOfWalked(tree, file));
        return readAll(fs, files, take, skip);
      });
      if (signal?.aborted) throw new Error('scan cancelled');
      pass.finish();
      return { ...tree, extracted, read: toRead.length + more };
    },
  };
}

/**
 * The second wave (routes/testFolderImports.ts): the files of test folders the code in `extracted`
 * imports, each remembered one taken from `pass`, the others read through `read` (which adds what
 * they declare to `extracted`), wave by wave; how many were read.
 */
async function readTestFolderImports(
  tree: { root: string; files: readonly string[]; mtimes: Float64Array; aliases?: PathAlias[] | undefined },
  extracted: SourceScan['extracted'],
  pass: ScanPass,
  read: (files: string[]) => Promise<void>,
): Promise<number> {
  const reach = new TestFolderImports(tree.root, tree.files, tree.aliases);
  for (const e of extracted) reach.add(e.file, e.x);
  let count = 0;
  for (let wave = reach.wave(); wave.length > 0; wave = reach.wave()) {
    const before = extracted.length;
    const fresh = wave.filter((file) => {
      const reused = pass.reuse(file, mtimeOfWalked(tree, file), UNKNOWN_SIZE);
      if (reused) extracted.push({ file, x: reused });
      return reused === undefined;
    });
    count += fresh.length;
    await read(fresh);
    for (const e of extracted.slice(before)) reach.add(e.file, e.x);
  }
  return count;
}

/** A walked file's mtime (a few files of a wave: looked up, not indexed). */
function mtimeOfWalked(tree: { files: readonly string[]; mtimes: Float64Array }, file: string): number {
  return tree.mtimes[tree.files.indexOf(file)] ?? 0;
}

function readAll(fs: FsLike, files: readonly string[], take: (file: string, text: string) => void, skip: (path: string, reason: ScanMessage) => void): Promise<void> {
  if (fs.readEach) return fs.readEach(files, take, skip);
  return mapPool(files, READS_IN_FLIGHT, async (file) => take(file, await fs.readFile(file))).then(() => undefined);
}

/** As engine/scanTree.ts readServedClosure, through FsLike, a wave of reads at a time; a file that cannot be read loads nothing (the scan then says why). */
async function readClosure(fs: FsLike, root: string, files: readonly string[], served: ServedScope): Promise<{ reached: ReadonlySet<string> | undefined; texts: Map<string, string> }> {
  const closure = servedClosure(root, files, served);
  const texts = new Map<string, string>();
  for (let wave = closure.wave(); wave.length > 0; wave = closure.wave()) {
    await readAll(fs, wave, (file, text) => texts.set(file, text), () => undefined);
    for (const file of wave) closure.add(file, fileLoads(texts.get(file) ?? ''));
  }
  return { reached: closure.gaveUp ? undefined : closure.reached, texts };
}
