// One source tree walked and its route sources scanned, synchronously: the scan worker's job
// (src/engine/scanWorker.ts). The same answers as check.ts's in-process scan, which a unit test
// holds it to.
import { skipSourceDir } from '../core/mapping/walk';
import type { ServedScope, SourceScan, SourceScanRequest } from '../core/ports';
import { beginScanPass } from '../core/routes/scanCache';
import type { ScanCache, ScanEntry, ScanPass } from '../core/routes/scanCache';
import { TestFolderImports } from '../core/routes/testFolderImports';
import { isRouteSource, minifiedCopySources } from '../core/routes/isRouteSource';
import { scanSourceText } from '../core/routes/scanFile';
import { fileLoads, servedClosure } from '../core/routes/servedClosure';
import { cannotRead, createTreeWalk, readSourceFile, statOrAbsent, type ReadOutcome, type TreeWalkStepOptions } from './nodeFs';

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
  const sorted = walk.files.sort();
  // A Next.js app's: only the closure of what serves it is a route source to read (read once: its texts wait here).
  const closure = req.routes && req.served ? readServedClosure(req.root, sorted, req.served, buffer) : undefined;
  let read = closure?.texts.size ?? 0;
  const libraries = minifiedCopySources(sorted);
  // An indexed loop: the first services' scans run before it is optimised, where for-of made an iterator result a file.
  for (let k = 0; k < sorted.length; k++) {
    const file = sorted[k] as string;
    const routeSource = req.routes && isRouteSource(file, req.root) && !libraries.has(file) && (closure?.reached?.has(file) ?? true);
    let mtimeMs: number;
    let x: ScanEntry['extracted'];
    const early = routeSource ? closure?.texts.get(file) : undefined;
    // A route source not seen before is read, its mtime taken on the way; anything else is stat'ed.
    const stated = early === undefined && (!routeSource || pass.remembers(file));
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
      const got = early ?? readSourceFile(file, buffer);
      if (early === undefined) read += 1;
      if (!got) continue; // vanished since the walk
      mtimeMs = got.mtimeMs;
      // Read for its loads: unchanged since the last scan, its findings stand.
      const unchanged = early && got.skipped === undefined ? pass.reuse(file, mtimeMs, got.size) : undefined;
      if (got.skipped !== undefined) {
        // Still a source file (its place in the container is checked); only not scanned.
        skipped.push({ path: file, reason: got.skipped });
        x = null;
      } else if (unchanged !== undefined) {
        x = unchanged;
      } else {
        x = scanSourceText(file, got.text);
        pass.keep(file, mtimeMs, got.size, x);
      }
    }
    mtimes[files.length] = mtimeMs;
    files.push(file);
    if (x) extracted.push({ file, x });
  }
  // Only what the first wave extracted imports anything: with nothing extracted (a tree the pre-filter
  // passes over whole) there is no second wave, and no pass over every file to index test folders.
  if (req.routes && extracted.length > 0) read += scanTestFolderImports(req, files, { extracted, skipped }, pass, buffer);
  const found = { files, mtimes: files.length === mtimes.length ? mtimes : mtimes.slice(0, files.length) };
  if (req.routes) pass.finish(found);
  return { ...found, extracted, skipped, read, followedLink: walk.followedLink() };
}

/**
 * The second wave (routes/testFolderImports.ts): the files of test folders among `files` that the
 * scanned code imports, scanned into `into` in turn (remembered as any route source); how many were read.
 */
function scanTestFolderImports(req: SourceScanRequest, files: readonly string[], into: Pick<SourceScan, 'extracted' | 'skipped'>, pass: ScanPass, buffer: Buffer): number {
  const reach = new TestFolderImports(req.root, files, req.aliases);
  for (const e of into.extracted) reach.add(e.file, e.x);
  let read = 0;
  for (let wave = reach.wave(); wave.length > 0; wave = reach.wave())
    for (const file of wave) {
      let x: ScanEntry['extracted'] | undefined;
      try {
        const st = statOrAbsent(file);
        x = st ? pass.reuse(file, st.mtimeMs, st.size) : undefined;
      } catch {
        x = undefined; // the read below says why
      }
      if (x === undefined) {
        const got = readSourceFile(file, buffer);
        read += 1;
        if (!got) continue;
        if (got.skipped !== undefined) {
          into.skipped.push({ path: file, reason: got.skipped });
          continue;
        }
        x = scanSourceText(file, got.text);
        pass.keep(file, got.mtimeMs, got.size, x);
      }
      if (x) into.extracted.push({ file, x });
      reach.add(file, x);
    }
  return read;
}

/** What a Next.js app's closure read: the files reached (undefined: a computed load, so every route source), and each read. */
export interface ServedRead {
  reached: ReadonlySet<string> | undefined;
  texts: Map<string, ReadOutcome | undefined>;
}

/**
 * The closure of what serves the Next.js app at `root` among `files` (its walked files; only route
 * sources count), each file read once with the scan's buffer: the scan worker's, and the corpus's
 * (bench/corpus.ts), so both read such an app alike.
 */
export function readServedClosure(root: string, files: readonly string[], served: ServedScope, buffer: Buffer): ServedRead {
  const closure = servedClosure(root, files, served);
  const texts = new Map<string, ReadOutcome | undefined>();
  for (let wave = closure.wave(); wave.length > 0; wave = closure.wave())
    for (const file of wave) {
      const got = readSourceFile(file, buffer);
      texts.set(file, got);
      closure.add(file, fileLoads(got?.skipped === undefined && got ? got.text : ''));
    }
  return { reached: closure.gaveUp ? undefined : closure.reached, texts };
}

/** A scan, and whether its walk went through a symlink (engine/watchedTrees.ts then does not trust a watcher for it). */
export type WalkedScan = SourceScan & { followedLink: boolean };
