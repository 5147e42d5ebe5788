// Entry of the scan worker thread (bundled as dist/scanWorker.js): walks and scans one source
// tree per message, synchronously, so a large tree's system calls run beside the engine work on
// the main thread instead of in its slices. Replies carry only files, mtimes and what declares
// routes, never file texts. In a long-lived process fed by a file watcher, it keeps each tree
// up to date from the watcher's paths instead of walking it again (engine/watchedTrees.ts).
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceScan } from '../core/ports';
import { createMemoryScanCache } from './memoryScanCache';
import { SharedPackedFiles } from './pathTable';
import { createDiskScanCache } from './scanCacheStore';
import { READ_BUFFER_BYTES } from './nodeFs';
import type { ScanReply, ScanWorkerMessage, ScanWorkerData, WorkerNotice } from './sourceScanner';
import { errorText } from '../core/errors';
import { parserIdentity, setParserCodeCacheDir } from './routeParserLoader';
import { createWatchedTrees } from './watchedTrees';
import { ComposeListings } from './composeListings';

/** For the inline scanner on the main thread (sourceScanner.ts loadScanText): loading this there starts nothing. */
export { scanSourceText } from '../core/routes/scanFile';

const withExtractor = (extractor: string | undefined) => (extractor !== undefined ? { extractor } : {});

const port = parentPort;
if (port) {
  const data = workerData as ScanWorkerData | undefined;
  for (const flag of data?.v8Flags ?? []) setFlagsFromString(flag);
  setParserCodeCacheDir(data?.cacheDir);
  // One root's files packed once for both the remembered scans and the watched tree.
  const shared = new SharedPackedFiles();
  const memoryOnly = data?.remember ? createMemoryScanCache(shared) : undefined;
  const cache = (data?.cacheDir ? createDiskScanCache(data.cacheDir, { memory: data.remember, shared, ...withExtractor(parserIdentity()) }) : undefined) ?? memoryOnly;
  const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
  const trees = createWatchedTrees({
    buffer,
    cache,
    shared,
    ...(data?.treeRefreshMs !== undefined ? { refreshMs: data.treeRefreshMs } : {}),
    onMissed: (root, paths) => port.postMessage({ kind: 'missed', root, paths } satisfies WorkerNotice),
  });
  // The walk for compose files: its folder listings serve the source walks of the same check.
  const listings = new ComposeListings();
  port.on('message', (message: ScanWorkerMessage) => {
    if (message.kind === 'changed' || message.kind === 'watcher') listings.drop();
    if (message.kind === 'changed') return trees.changed(message.paths);
    if (message.kind === 'watcher') return trees.watcher(message.running);
    if (message.kind === 'walk') {
      const { id } = message;
      return void listings.walk(message.root, message.opts).then(
        (walk) => port.postMessage({ id, walk } satisfies ScanReply),
        (err: unknown) => port.postMessage({ id, error: errorText(err) } satisfies ScanReply),
      );
    }
    let reply: ScanReply;
    let scan: SourceScan | undefined;
    try {
      scan = trees.scan(message.req, listings.forScan(message.req.listings));
      reply = { id: message.id, scan };
    } catch (err) {
      reply = { id: message.id, error: errorText(err) };
    }
    // The mtimes' memory moves to the main thread instead of being copied.
    port.postMessage(reply, scan ? [scan.mtimes.buffer as ArrayBuffer] : []);
  });
}
