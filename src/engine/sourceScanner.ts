// The one SourceScannerLike the check uses: a worker thread (src/engine/scanWorker.ts, bundled
// next to the code that loads this) where it runs, else the inline scanner on this thread. Jobs
// run one after the other in the worker; the main thread meanwhile drives engine streams and
// probes, and (in the extension host) stays responsive. The worker is started with the scanner
// and holds the process open only while a job is pending. The route parser (the TypeScript
// compiler) is loaded only in the worker, or by the inline scanner on its first use.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ComposeFolders, FsLike, LogSink, SourceScan, SourceScannerLike, SourceScanRequest } from '../core/ports';
import { walkComposeFolders, type ComposeWalkOptions } from '../core/compose/walk';
import { createInlineScanner, type ScanText } from './inlineScanner';
import { createNodeFs } from './nodeFs';
import { errorText } from '../core/errors';

export const SCAN_WORKER_FILE = 'scanWorker.js';
/** The worker's young generation (V8 otherwise grows a busy thread's to 32 MB). */
const SCAN_WORKER_YOUNG_MB = 6;

export interface ScanWorkerData {
  /** Remember each file's scan by mtime across jobs (a long-lived process). */
  remember: boolean;
  /** Keep what scans learned in this folder between runs (engine/scanCacheStore.ts). */
  cacheDir?: string;
  /** How long a watched tree is trusted before its background walk (engine/watchedTrees.ts TREE_REFRESH_MS; tests shorten it). */
  treeRefreshMs?: number;
  /** V8 flags this process set (the CLI's tuning, cli/v8Tuning.ts): a worker thread's start resets them, so it sets them again. */
  v8Flags?: readonly string[];
}
export interface ScanJob {
  kind: 'scan';
  id: number;
  req: SourceScanRequest;
}
/** The walk for compose files, made in the worker (engine/composeListings.ts). */
export interface WalkJob {
  kind: 'walk';
  id: number;
  root: string;
  opts: ComposeWalkOptions;
}
/** To the worker: a scan job, a walk for compose files, paths a file watcher reported, or the watcher's start / stop (engine/watchedTrees.ts). */
export type ScanWorkerMessage = ScanJob | WalkJob | { kind: 'changed'; paths: readonly string[] } | { kind: 'watcher'; running: boolean };
export type ScanReply = { id: number; scan: SourceScan; error?: undefined } | { id: number; walk: ComposeFolders; error?: undefined } | { id: number; error: string };
/** From the worker, unasked: a background walk found changes under `root` that no watcher event reported. */
export interface WorkerNotice {
  kind: 'missed';
  root: string;
  paths: string[];
}

/**
 * A file watcher's side of the scanner (the extension's, or the bench's stand-in): while it is
 * fed, the worker keeps each walked tree up to date from its paths instead of walking it again.
 */
export interface FileWatchFeed {
  /** Paths the watcher reported: created, changed or deleted files or folders (kind not needed: each is looked at again). */
  changed(paths: readonly string[]): void;
  /** The watcher failed or may have dropped events: every kept tree is walked again. */
  lost(): void;
  /** The watcher stopped: nothing kept is trusted any more. */
  dispose(): void;
}
/** Changes a background walk found that no watcher event reported (absolute paths): re-check what they touch. */
export type MissedChanges = (paths: string[]) => void;

export interface SourceScannerOptions {
  /** The worker bundle; default scanWorker.js next to this bundle. */
  workerFile?: string;
  remember: boolean;
  /** The scan cache's folder on disk (none: nothing kept between runs). */
  cacheDir?: string;
  treeRefreshMs?: number;
  /** See ScanWorkerData.v8Flags. */
  v8Flags?: readonly string[];
}

export type SourceScanner = SourceScannerLike & {
  walkComposeFolders(workspaceDir: string, opts: ComposeWalkOptions): Promise<ComposeFolders>;
  /** Whether the worker runs JavaScript yet (it takes 100-500 ms to boot; a job sent earlier waits for that). */
  online(): boolean;
  close(): Promise<void>;
  /** Feeds a file watcher's paths to the worker (a no-op feed where there is no worker). */
  watchFiles(onMissed: MissedChanges): FileWatchFeed;
};

/** The worker alone: undefined when there is no worker bundle (running from sources: tests, tsx); its scans reject once it broke. */
export function createWorkerScanner(opts: SourceScannerOptions): SourceScanner | undefined {
  const file = opts.workerFile ?? join(__dirname, SCAN_WORKER_FILE);
  if (!existsSync(file)) return undefined;
  return new WorkerScanner(file, opts);
}

interface PendingJob {
  resolve(reply: ScanReply): void;
  reject(err: Error): void;
}

class WorkerScanner implements SourceScanner {
  private readonly pending = new Map<number, PendingJob>();
  private worker: Worker | undefined;
  private broken: Error | undefined;
  private nextId = 0;
  private onMissed: MissedChanges | undefined;
  private started = false;

  constructor(
    private readonly file: string,
    private readonly opts: SourceScannerOptions,
  ) {
    // Started now, not on the first scan: a thread takes 50-200 ms to boot, which then overlaps
    // compose discovery and the first engine calls instead of delaying the first source scan.
    this.worker = this.start();
  }

  async scan(req: SourceScanRequest, signal?: AbortSignal): Promise<SourceScan> {
    const reply = await this.request((id) => ({ kind: 'scan', id, req }), signal);
    if (!('scan' in reply)) throw new Error('the scan worker answered a scan with something else');
    return reply.scan;
  }

  online(): boolean {
    return this.started && this.worker !== undefined;
  }

  async walkComposeFolders(root: string, opts: ComposeWalkOptions): Promise<ComposeFolders> {
    const reply = await this.request((id) => ({ kind: 'walk', id, root, opts }));
    if (!('walk' in reply)) throw new Error('the scan worker answered a walk with something else');
    return reply.walk;
  }

  private request(job: (id: number) => ScanJob | WalkJob, signal?: AbortSignal): Promise<ScanReply> {
    // The worker is gone only once broken (or closed): the caller then scans in process.
    const w = this.worker;
    if (this.broken || !w) return Promise.reject(this.broken ?? new Error('the scan worker is not running'));
    if (signal?.aborted) return Promise.reject(new Error('scan cancelled'));
    const id = this.nextId++;
    return new Promise<ScanReply>((resolve, reject) => {
      // A cancelled check stops waiting; the job itself is one tree and runs to its end.
      const onAbort = (): void => {
        this.pending.delete(id);
        if (this.pending.size === 0) w.unref();
        reject(new Error('scan cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (reply) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(reply);
        },
        reject: (err) => {
          signal?.removeEventListener('abort', onAbort);
          reject(err);
        },
      });
      w.ref();
      w.postMessage(job(id));
    });
  }

  watchFiles(missed: MissedChanges): FileWatchFeed {
    this.onMissed = missed;
    this.post({ kind: 'watcher', running: true });
    let open = true;
    return {
      changed: (paths) => open && paths.length > 0 && this.post({ kind: 'changed', paths }),
      lost: () => open && this.post({ kind: 'watcher', running: true }),
      dispose: () => {
        if (!open) return;
        open = false;
        this.onMissed = undefined;
        this.post({ kind: 'watcher', running: false });
      },
    };
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.fail(new Error('the scan worker was closed'));
    if (w) await w.terminate();
  }

  private post(message: ScanWorkerMessage): void {
    this.worker?.postMessage(message);
  }

  private fail(err: Error): void {
    this.broken ??= err;
    this.worker = undefined;
    for (const job of this.pending.values()) job.reject(err);
    this.pending.clear();
  }

  private start(): Worker {
    const { remember, cacheDir, treeRefreshMs, v8Flags } = this.opts;
    const w = new Worker(this.file, {
      workerData: { remember, cacheDir, treeRefreshMs, v8Flags } satisfies ScanWorkerData,
      // Its garbage (file texts) dies young: a small young generation costs no speed and keeps
      // V8 from growing it to 32 MB (measured: 16 MB of new space became 4).
      resourceLimits: { maxYoungGenerationSizeMb: SCAN_WORKER_YOUNG_MB },
    });
    if (v8Flags && v8Flags.length > 0) holdFlagsWhileStarting(w, v8Flags);
    w.once('online', () => (this.started = true));
    w.unref();
    w.on('message', (reply: ScanReply | WorkerNotice) => this.receive(w, reply));
    w.on('error', (err) => this.fail(err));
    w.on('exit', (code) => this.fail(new Error(`the scan worker stopped (exit code ${code})`)));
    return w;
  }

  private receive(w: Worker, reply: ScanReply | WorkerNotice): void {
    if ('kind' in reply) return this.onMissed?.(reply.paths);
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) w.unref();
    if (reply.error !== undefined) job.reject(new Error(reply.error));
    else job.resolve(reply);
  }
}

/** How often this thread sets its V8 flags again while a worker starts (holdFlagsWhileStarting). */
const FLAG_HOLD_MS = 1;

/**
 * A worker thread's start puts V8's process-wide flags back, at some point while its heap is set
 * up on the worker's own thread: the CLI's young-generation growth factor (cli/v8Tuning.ts) is then 2
 * again, and this thread, busy with the check meanwhile, grew its new space to 16-32 MB before the
 * worker's first line could set the flags again (measured: 16 MB at a 30 x 10,000 check's peak).
 * So this thread sets them again every millisecond until the worker runs JavaScript ('online'),
 * then once more: new space stays at its starting 2 MB (scratch test, 5 of 5 starts; 0 of 3
 * when only the worker set them).
 */
function holdFlagsWhileStarting(w: Worker, flags: readonly string[]): void {
  const apply = (): void => {
    for (const flag of flags) setFlagsFromString(flag);
  };
  const timer = setInterval(apply, FLAG_HOLD_MS);
  timer.unref();
  const stop = (): void => {
    clearInterval(timer);
    apply();
  };
  w.once('online', stop);
  w.once('exit', stop);
}

export interface ScannerOptions {
  /** The worker bundle (default scanWorker.js next to this bundle); false: scan on this thread only. */
  workerFile?: string | false;
  /** Remember each file's scan by mtime across checks (a long-lived process). */
  remember: boolean;
  /**
   * Keep what scans learned in this folder between runs (engine/scanCacheStore.ts). Only the
   * worker uses it: the in-process fallback scanner reads every file.
   */
  cacheDir?: string;
  /** See ScanWorkerData.treeRefreshMs. */
  treeRefreshMs?: number;
  /** See ScanWorkerData.v8Flags. */
  v8Flags?: readonly string[];
  fs?: FsLike;
  log?: LogSink;
}

export type CompositeScanner = SourceScanner & { where(): 'worker thread' | 'main thread' };

/** The worker where it runs; the inline scanner when there is no bundle or the worker broke. */
export function createSourceScanner(opts: ScannerOptions): CompositeScanner {
  const workerFile = opts.workerFile === false ? undefined : (opts.workerFile ?? join(__dirname, SCAN_WORKER_FILE));
  const worker = workerFile === undefined ? undefined : createWorkerScanner({ workerFile, remember: opts.remember, cacheDir: opts.cacheDir, treeRefreshMs: opts.treeRefreshMs, v8Flags: opts.v8Flags });
  let scanText: ScanText | undefined;
  const fs = opts.fs ?? createNodeFs();
  const inline = createInlineScanner(fs, {
    remember: opts.remember,
    scanText: () => (scanText ??= loadScanText(workerFile)),
  });
  let workerFailed = worker === undefined;
  return {
    where: () => (workerFailed ? 'main thread' : 'worker thread'),
    online: () => !workerFailed && (worker?.online() ?? false),
    async scan(req, signal) {
      if (worker && !workerFailed) {
        try {
          const scan = await worker.scan(req, signal);
          if (scan.watchedChanges !== undefined) opts.log?.log('debug', `${req.root}: from the watched tree (${scan.watchedChanges} changed path(s) applied), not walked`);
          return scan;
        } catch (err) {
          if (signal?.aborted) throw err;
          workerFailed = true;
          opts.log?.log('warn', `the scan worker failed (${errorText(err)}): source trees are read on the main thread from now on`);
        }
      }
      return inline.scan(req, signal);
    },
    // In the worker, which keeps the folders it read for the source walks; else here, the same walk.
    // Also here while the worker still boots (a cold run's first check): waiting for it held the
    // engine's first container list back by the boot, 300-500 ms under load (bench/README.md).
    async walkComposeFolders(root, walkOpts) {
      if (worker && !workerFailed && worker.online()) {
        try {
          return await worker.walkComposeFolders(root, walkOpts);
        } catch (err) {
          workerFailed = true;
          opts.log?.log('warn', `the scan worker failed (${errorText(err)}): source trees are read on the main thread from now on`);
        }
      }
      return walkComposeFolders(fs, root, walkOpts);
    },
    // Only the worker keeps trees: after it broke, every scan walks (correct, as before the watcher).
    watchFiles: (onMissed) => worker?.watchFiles(onMissed) ?? NO_FEED,
    close: async () => {
      await worker?.close();
    },
  };
}

const NO_FEED: FileWatchFeed = { changed: () => undefined, lost: () => undefined, dispose: () => undefined };

/**
 * The route scan of one file, for the inline scanner: from the worker bundle when there is one (it
 * exports it, and loads nothing else on the main thread), else from the sources (tests, tsx). A
 * computed path, so the bundler keeps the parser out of the bundle that loads this.
 */
function loadScanText(workerFile: string | undefined): ScanText {
  const sources = join(__dirname, '..', 'core', 'routes', 'scanFile');
  const load = (from: string): ScanText => (require(from) as { scanSourceText: ScanText }).scanSourceText;
  if (workerFile === undefined || !existsSync(workerFile)) return load(sources);
  try {
    return load(workerFile);
  } catch (err) {
    // A bundle that does not load (the reason the worker broke): the sources, where they are.
    try {
      return load(sources);
    } catch {
      throw err;
    }
  }
}

