// Entry of the scan worker thread (bundled as dist/scanWorker.js): walks and scans one source
// tree per message, synchronously, so a large tree's system calls run beside the engine work on
// the main thread instead of in its slices. Replies carry only files, mtimes and what declares
// routes, never file texts.
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceScan } from '../core/ports';
import { createScanCache } from '../core/routes/scanCache';
import { createDiskScanCache } from './scanCacheStore';
import { READ_BUFFER_BYTES } from './nodeFs';
import { scanTreeSync } from './scanTree';
import type { ScanReply, ScanJob, ScanWorkerData } from './sourceScanner';
import { errorText } from '../core/errors';
import { setParserCodeCacheDir } from './routeParserLoader';

/** For the inline scanner on the main thread (sourceScanner.ts loadScanText): loading this there starts nothing. */
export { scanSourceText } from '../core/routes/scanFile';

const port = parentPort;
if (port) {
  const data = workerData as ScanWorkerData | undefined;
  setParserCodeCacheDir(data?.cacheDir);
  const memoryOnly = data?.remember ? createScanCache() : undefined;
  const cache = (data?.cacheDir ? createDiskScanCache(data.cacheDir, { memory: data.remember }) : undefined) ?? memoryOnly;
  const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
  port.on('message', (job: ScanJob) => {
    let reply: ScanReply;
    let scan: SourceScan | undefined;
    try {
      scan = scanTreeSync(job.req, buffer, cache);
      reply = { id: job.id, scan };
    } catch (err) {
      reply = { id: job.id, error: errorText(err) };
    }
    // The mtimes' memory moves to the main thread instead of being copied.
    port.postMessage(reply, scan ? [scan.mtimes.buffer as ArrayBuffer] : []);
  });
}
