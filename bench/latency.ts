// The bench's latency section: from a change to updated explorer badges, in one long-lived
// process that runs what the extension runs between the two. Runs in a bench child (child.ts).
//
// On the path, as in the extension: the engine backend the extension loads
// (createExtensionBackend: its engine client, scan worker and remembered scans), its event stream
// (watchEvents), which services a change touches (servicesForEvent / servicesForFile), the
// re-check timing (createBatchDebouncer with RECHECK_FIRST_MS / RECHECK_QUIET_MS), checks one
// at a time, the partial report folded in (mergeReport), and the badges recomputed and compared
// (computeFileDriftStates, changedPaths). The vscode glue around them (LiveUpdates,
// CheckRunner, ReportStore, ExplorerDecorations: a few calls each) is not: it imports `vscode`.
// Neither is VS Code's own work: its file watcher's delay before it reports a save (here Node
// inotify watchers on every folder of the workspace stand in: bench/treeWatcher.ts, which also
// feeds the backend's kept source trees as the extension's watcher does) and the IPC that
// repaints the explorer.
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import Dockerode from 'dockerode';
import { pack } from 'tar-stream';
import type { Report } from '../src/core/model';
import type { EngineEvent } from '../src/core/ports';
import { servicesForEvent, servicesForFile } from '../src/core/affectedServices';
import { createBatchDebouncer, RECHECK_FIRST_MS, RECHECK_QUIET_MS } from '../src/vscode/debouncer';
import { changedPaths, computeFileDriftStates, type FileDriftState, type FileDriftStates } from '../src/core/view/fileDriftState';
import { mergeReport } from '../src/core/report/mergeReport';
import type { ServiceRef } from '../src/core/view/serviceRef';
import { createExtensionBackend } from '../src/engine/extensionBackend';
import { watchTree } from './treeWatcher';

export interface LatencyInput {
  workspaceDir: string;
  /** A running, current service with a module in source that no image has (its files show "M"). */
  service: string;
  /** The service's source folder (holds src/), and its container's target folder (/app/dist). */
  serviceDir: string;
  target: string;
  /** Files of that module, src/modules/<module>/<name>.ts: each round copies one into the container. */
  module: string;
  moduleFiles: string[];
  /** An existing module folder of the service where the file rounds create and delete a source file. */
  fileModule: string;
  rounds: number;
}

/** A change that shows no badge change within this measured nothing: the bench fails. */
const BADGE_TIMEOUT_MS = 30_000;
/** Between samples: the burst window closes and any trailing re-check ends before the next change. */
const SETTLE_MS = RECHECK_QUIET_MS + 200;

interface Waiter {
  path: string;
  want: (state: FileDriftState | undefined) => boolean;
  resolve: (at: number) => void;
}

export async function runLatency(input: LatencyInput): Promise<Record<string, unknown>> {
  const runtime = createExtensionBackend({ engineHost: '', probeTimeoutMs: 3000, env: process.env, log: { log: () => undefined } });
  const lifetime = new AbortController();
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  try {
    const options = (services?: string[]) => ({ workspaceDir: input.workspaceDir, env: process.env, services });
    // The file watcher first, as in the extension (it runs from activation): trees walked from now on are kept.
    let report: Report | undefined;
    let watcherFailed: unknown;
    const feed = runtime.watchFiles((paths) => {
      if (report) for (const p of paths) debouncer.add(servicesForFile([report], p));
    });
    const watcher = watchTree(
      input.workspaceDir,
      (paths) => {
        feed.changed(paths);
        if (report) for (const p of paths) debouncer.add(servicesForFile([report], p));
      },
      (err) => {
        watcherFailed = err;
        feed.lost();
      },
    );
    // Engine events: the time each container event arrived, for the round that caused it. Connected
    // before the first check, so that check's listings are remembered as in the extension's steady
    // state (a listing made while the stream was not connected is not trusted).
    let lastCopyEventAt: number | undefined;
    let connected: () => void = () => undefined;
    const eventsOpen = new Promise<void>((res) => (connected = res));
    void runtime.watchEvents(
      (e: EngineEvent) => {
        if (e.type === 'container' && e.action === 'extract-to-dir' && e.service === input.service) lastCopyEventAt ??= performance.now();
        if (report) debouncer.add(servicesForEvent([report], e));
      },
      lifetime.signal,
      { onConnected: () => connected() },
    );
    await eventsOpen;
    report = await runtime.check(options());
    let states: FileDriftStates = computeFileDriftStates([report]);
    let waiter: Waiter | undefined;
    let failure: unknown;
    let queue: Promise<void> = Promise.resolve();
    let checks = 0;
    const debouncer = createBatchDebouncer<ServiceRef>({ quietMs: RECHECK_QUIET_MS, firstMs: RECHECK_FIRST_MS }, (batch) => {
      // One check at a time, as the extension's CheckRunner queues them.
      queue = queue.then(async () => {
        const services = batch === 'all' ? undefined : [...new Set(batch.map((r) => r.service))];
        const fresh = await runtime.check(options(services));
        checks += 1;
        report = services && report ? mergeReport(report, fresh) : fresh;
        const next = computeFileDriftStates([report]);
        changedPaths(states, next);
        states = next;
        const w = waiter;
        if (w?.want(states.get(w.path))) {
          waiter = undefined;
          w.resolve(performance.now());
        }
      }).catch((err: unknown) => {
        failure = err;
      });
    });

    const srcDir = join(input.serviceDir, 'src', 'modules', input.fileModule);
    const service = report.services.find((s) => s.name === input.service);
    const containerId = service?.container?.id;
    if (!containerId) throw new Error(`latency: ${input.service} has no container`);
    const expectBadge = async (path: string, want: Waiter['want'], change: () => Promise<void>): Promise<number> => {
      const seen = new Promise<number>((resolve) => (waiter = { path, want, resolve }));
      await change();
      const timeout = delay(BADGE_TIMEOUT_MS).then(() => Number.NaN);
      const at = await Promise.race([seen, timeout]);
      if (failure) throw failure;
      if (Number.isNaN(at)) throw new Error(`latency: no badge change for ${path} within ${BADGE_TIMEOUT_MS} ms`);
      return at;
    };
    const settle = async () => {
      await delay(SETTLE_MS);
      await queue;
    };

    const containerMs: number[] = [];
    const copyMs: number[] = [];
    const fileMs: number[] = [];
    await settle();
    for (let round = 0; round < input.rounds; round++) {
      // docker cp of one missing file into the running container: its "M" badge goes.
      const name = input.moduleFiles[round % input.moduleFiles.length] as string;
      const srcFile = join(input.serviceDir, 'src', 'modules', input.module, `${name}.ts`);
      if (states.get(srcFile)?.kind !== 'missing') throw new Error(`latency: ${srcFile} is not missing before the copy`);
      lastCopyEventAt = undefined;
      let copyStarted = 0;
      const badgeAt = await expectBadge(srcFile, (s) => s?.kind !== 'missing', async () => {
        const tar = await tarOf(`modules/${input.module}/${name}.js`, `// copied in by the latency bench\n`);
        copyStarted = performance.now();
        await docker.getContainer(containerId).putArchive(tar, { path: input.target });
      });
      if (lastCopyEventAt === undefined) throw new Error('latency: the copy brought no extract-to-dir event');
      containerMs.push(badgeAt - lastCopyEventAt);
      copyMs.push(badgeAt - copyStarted);
      await settle();

      // A new source file saved, then deleted: its "M" badge comes, then goes.
      const file = join(srcDir, `latency${round}.ts`);
      let written = 0;
      const shownAt = await expectBadge(file, (s) => s?.kind === 'missing', async () => {
        await writeFile(file, `export const latency${round} = ${round};\n`);
        written = performance.now();
      });
      fileMs.push(shownAt - written);
      await settle();
      let removed = 0;
      const goneAt = await expectBadge(file, (s) => s === undefined, async () => {
        await unlink(file);
        removed = performance.now();
      });
      fileMs.push(goneAt - removed);
      await settle();
    }
    watcher.close();
    feed.dispose();
    debouncer.dispose();
    if (watcherFailed) throw watcherFailed;
    const all = [...containerMs, ...fileMs];
    return {
      rounds: input.rounds,
      service: input.service,
      checks,
      containerEventMs: containerMs.map(round1),
      copyMs: copyMs.map(round1),
      fileSaveMs: fileMs.map(round1),
      containerEventP50: round1(percentile(containerMs, 50)),
      containerEventP95: round1(percentile(containerMs, 95)),
      fileSaveP50: round1(percentile(fileMs, 50)),
      fileSaveP95: round1(percentile(fileMs, 95)),
      p95Ms: round1(percentile(all, 95)),
    };
  } finally {
    lifetime.abort();
    await runtime.close();
  }
}

/** Nearest-rank percentile. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

async function tarOf(name: string, text: string): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => chunks.push(c as Buffer));
  const ended = new Promise<void>((res, rej) => {
    p.on('end', () => res());
    p.on('error', rej);
  });
  // No folder entries: the engine creates a missing parent folder when it extracts.
  p.entry({ name, mode: 0o644 }, text);
  p.finalize();
  await ended;
  return Buffer.concat(chunks);
}
