// SourceScannerLike through one worker thread (src/engine/scanWorker.ts, bundled next to the
// code that loads this). Jobs run one after the other in the worker; the main thread meanwhile
// drives engine streams and probes, and (in the extension host) stays responsive. The worker is
// started with the scanner, holds the process open only while a job is pending, and is never
// needed: a missing bundle or a broken worker makes check.ts scan in process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceScan, SourceScannerLike, SourceScanRequest } from '../core/ports';

export const SCAN_WORKER_FILE = 'scanWorker.js';
/** The worker's young generation (V8 otherwise grows a busy thread's to 32 MB). */
const SCAN_WORKER_YOUNG_MB = 6;

export interface ScanWorkerData {
  /** Remember each file's scan by mtime across jobs (a long-lived process). */
  remember: boolean;
}
export interface ScanJob {
  id: number;
  req: SourceScanRequest;
}
export type ScanReply = { id: number; scan: SourceScan; error?: undefined } | { id: number; error: string };

export interface SourceScannerOptions {
  /** The worker bundle; default scanWorker.js next to this bundle. */
  workerFile?: string;
  remember: boolean;
}

export type SourceScanner = SourceScannerLike & { close(): Promise<void> };

/** undefined when there is no worker bundle (running from sources: tests, tsx). */
export function createSourceScanner(opts: SourceScannerOptions): SourceScanner | undefined {
  const file = opts.workerFile ?? join(__dirname, SCAN_WORKER_FILE);
  if (!existsSync(file)) return undefined;
  const pending = new Map<number, { resolve(scan: SourceScan): void; reject(err: Error): void }>();
  let worker: Worker | undefined;
  let broken: Error | undefined;
  let nextId = 0;

  const fail = (err: Error): void => {
    broken ??= err;
    worker = undefined;
    for (const job of pending.values()) job.reject(err);
    pending.clear();
  };
  const start = (): Worker => {
    const w = new Worker(file, {
      workerData: { remember: opts.remember } satisfies ScanWorkerData,
      // Its garbage (file texts) dies young: a small young generation costs no speed and keeps
      // V8 from growing it to 32 MB (measured: 16 MB of new space became 4).
      resourceLimits: { maxYoungGenerationSizeMb: SCAN_WORKER_YOUNG_MB },
    });
    w.unref();
    w.on('message', (reply: ScanReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      if (reply.error !== undefined) job.reject(new Error(reply.error));
      else job.resolve(reply.scan);
    });
    w.on('error', (err) => fail(err));
    w.on('exit', (code) => fail(new Error(`the scan worker stopped (exit code ${code})`)));
    return w;
  };

  // Started now, not on the first scan: a thread takes 50-200 ms to boot, which then overlaps
  // compose discovery and the first engine calls instead of delaying the first source scan.
  worker = start();

  return {
    scan(req, signal) {
      // The worker is gone only once broken (or closed): the caller then scans in process.
      const w = worker;
      if (broken || !w) return Promise.reject(broken ?? new Error('the scan worker is not running'));
      if (signal?.aborted) return Promise.reject(new Error('scan cancelled'));
      const id = nextId++;
      return new Promise<SourceScan>((resolve, reject) => {
        // A cancelled check stops waiting; the job itself is one tree and runs to its end.
        const onAbort = (): void => {
          pending.delete(id);
          if (pending.size === 0) w.unref();
          reject(new Error('scan cancelled'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(id, {
          resolve: (scan) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(scan);
          },
          reject: (err) => {
            signal?.removeEventListener('abort', onAbort);
            reject(err);
          },
        });
        w.ref();
        w.postMessage({ id, req } satisfies ScanJob);
      });
    },
    async close() {
      const w = worker;
      fail(new Error('the scan worker was closed'));
      if (w) await w.terminate();
    },
  };
}
