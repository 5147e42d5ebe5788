// One measured run in its own process, so each has a clean heap and its own peak RSS (VmHWM).
// Bundled by run.ts with esbuild, as the extension and the CLI are, and started with
//   node bench/tmp/child.cjs '<json>'
// It prints one line, `BENCH_RESULT {...}`, and exits.
//
// Each task loads only what it uses (dynamic import, which esbuild keeps lazy), so a child's
// peak RSS is its approach's, not the sum of every library the bench bundles.
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import { runInNewContext } from 'node:vm';
import type { Report } from '../src/core/model';
import type { ExtensionBackend } from '../src/engine/extensionBackend';
import { RESULT_MARK } from './protocol';
import { median } from './stats';
import type { ChildResult, ChildTask } from './protocol';

/** Peak resident set of this process so far, from the kernel (not sampled, so nothing is missed). */
function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m?.[1] ? Math.round(Number(m[1]) / 1024) : Math.round(process.memoryUsage().rss / 1048576);
}

/** A full garbage collection (gc exposed at run time: the child is started without flags). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

/** Heap in use after a full garbage collection. */
function retainedHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1048576;
}

/**
 * Every worker thread this process starts (the scan worker): its heap is the extension host's
 * too, and it holds the remembered route scans. Node 20 has no Worker.getHeapStatistics, so the
 * constructor is wrapped (the bundles read `Worker` off the module object when they start one).
 */
function watchWorkers(): Worker[] {
  const started: Worker[] = [];
  const threads = require('node:worker_threads') as { Worker: typeof Worker };
  const Original = threads.Worker;
  threads.Worker = class extends Original {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      started.push(this);
    }
  };
  return started;
}

/**
 * A worker's live heap: the self sizes of every node of its heap snapshot (V8 collects garbage
 * before taking one), summed as the snapshot streams past instead of parsing 100 MB of JSON.
 */
async function workerHeapMb(worker: Worker): Promise<number> {
  let head = '';
  let stride = 0;
  let sizeAt = -1;
  let field = 0;
  let number = 0;
  let inNumber = false;
  let total = 0;
  let done = false;
  for await (const chunk of await worker.getHeapSnapshot()) {
    let text = String(chunk);
    if (done) continue;
    if (stride === 0) {
      head += text;
      const start = head.indexOf('"nodes":[');
      if (start < 0) continue;
      const fields = JSON.parse(/"node_fields":(\[[^\]]*\])/.exec(head)?.[1] ?? '[]') as string[];
      stride = fields.length;
      sizeAt = fields.indexOf('self_size');
      text = head.slice(start + '"nodes":['.length);
      head = '';
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        number = number * 10 + (c - 48);
        inNumber = true;
        continue;
      }
      if (inNumber) {
        if (field === sizeAt) total += number;
        field = (field + 1) % stride;
        number = 0;
        inNumber = false;
      }
      if (c === 93 /* ] */) {
        done = true;
        break;
      }
    }
  }
  return total / 1048576;
}

const mb = (x: number): number => Math.round(x * 10) / 10;

function reportFacts(r: Report): Record<string, unknown> {
  return {
    services: r.services.length,
    stale: r.services.filter((s) => s.staleContainer).length,
    missingFiles: r.services.reduce((n, s) => n + s.missingFiles.length, 0),
    missingInImage: r.services.reduce((n, s) => n + s.missingFilesInImage.length, 0),
    probes: r.services.reduce((n, s) => n + s.routes.filter((x) => x.status !== null).length, 0),
    errors: r.services.flatMap((s) => s.errors).slice(0, 3),
    verdict: r.verdict,
  };
}

/** Wall time of `work`, and the CPU time this process spent meanwhile (user + system, all threads). */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, value };
}

async function runTask(task: ChildTask): Promise<ChildResult> {
  switch (task.kind) {
    case 'ours': {
      // As the CLI runs it: the real adapters, the full check, one process, the CLI's V8 tuning (heap, WebAssembly).
      const [{ createAdapters }, { checkWorkspace }, { tuneV8ForCli, CLI_V8_FLAGS }] = await Promise.all([
        import('../src/engine/adapters'),
        import('../src/core/check'),
        import('../src/cli/v8Tuning'),
      ]);
      const tuned = process.env.RD_BENCH_DEFAULT_HEAP !== '1';
      if (tuned) tuneV8ForCli();
      const adapters = createAdapters({ env: process.env, scanCacheDir: task.scanCacheDir, ...(tuned ? { v8Flags: CLI_V8_FLAGS } : {}) });
      try {
        const { ms, cpuMs, value } = await timed(() => checkWorkspace(adapters.deps, { workspaceDir: task.workspaceDir, env: process.env }));
        return { ms, cpuMs, peakRssMb: peakRssMb(), facts: reportFacts(value) };
      } finally {
        await adapters.close();
      }
    }
    case 'hand': {
      const { runHand } = await import('./hand');
      const { ms, cpuMs, value } = await timed(() => runHand(task.input));
      return { ms, cpuMs, peakRssMb: peakRssMb(), facts: { ...value } };
    }
    case 'floor': {
      const [{ default: Dockerode }, { runFloor }] = await Promise.all([import('dockerode'), import('./floor')]);
      const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
      const { ms, cpuMs, value } = await timed(() => runFloor(docker, task.input));
      return { ms, cpuMs, peakRssMb: peakRssMb(), facts: { ...value } };
    }
    case 'recheck': {
      // As the extension runs it: its engine backend in one long-lived process, with the engine's
      // event stream connected (running containers' listings are then remembered until an event
      // may have changed them) and a file watcher feeding it (source trees are then kept, not
      // walked again: bench/treeWatcher.ts stands in for VS Code's watcher), a full check, then a
      // re-check of one service (as after a saved file; the latency section covers a container
      // event). Warm-up first, then alternate. The explicit "Check Runtime" command walks every
      // tree instead: `explicitMs` is that check, run in turn with the others (a paired comparison
      // of the kept trees against walking them; CPU times are this process's, all threads).
      // The engine side is the bundle the extension loads (dist/engine.js, built as
      // scripts/build.mjs builds it), loaded after a baseline of this child's own heap: the bench's
      // code and its stand-in watcher (VS Code's runs in another process) are not the extension's.
      const [{ computeFileDriftStates }, { watchTree }] = await Promise.all([import('../src/core/view/fileDriftState'), import('./treeWatcher')]);
      let feed: ReturnType<ExtensionBackend['watchFiles']> | undefined;
      let watcherError: unknown;
      const watcher = watchTree(task.workspaceDir, (paths) => feed?.changed(paths), (err) => {
        watcherError = err;
        feed?.lost();
      });
      const workers = watchWorkers();
      const baseMb = retainedHeap();
      const { createExtensionBackend } = require(task.engineBundle) as typeof import('../src/engine/extensionBackend');
      const backend = createExtensionBackend({ engineHost: '', probeTimeoutMs: 3000, env: process.env, log: { log: () => undefined } });
      const events = new AbortController();
      feed = backend.watchFiles(() => undefined);
      try {
        let connected: () => void = () => undefined;
        const open = new Promise<void>((resolve) => (connected = resolve));
        void backend.watchEvents(() => undefined, events.signal, { onConnected: () => connected() });
        await open;
        const opts = { workspaceDir: task.workspaceDir, env: process.env };
        await backend.check(opts);
        const full: number[] = [];
        const one: number[] = [];
        const explicit: number[] = [];
        const fullCpu: number[] = [];
        const explicitCpu: number[] = [];
        for (let i = 0; i < task.reps; i++) {
          const f = await timed(() => backend.check(opts));
          full.push(f.ms);
          fullCpu.push(f.cpuMs);
          one.push((await timed(() => backend.check({ ...opts, services: [task.service] }))).ms);
          const e = await timed(() => backend.check({ ...opts, fullWalk: true }));
          explicit.push(e.ms);
          explicitCpu.push(e.cpuMs);
        }
        const explicitMs = median(explicit);
        const cpu = { fullCpuMs: median(fullCpu), explicitCpuMs: median(explicitCpu) };
        const fullMs = median(full);
        const oneServiceMs = median(one);
        const peak = peakRssMb();
        // What the extension host keeps between checks, after a full collection: the backend
        // (remembered listings; the scan worker with its remembered scans), the last report and
        // the explorer's badge states, as the extension keeps them.
        const report = await backend.check(opts);
        const states = computeFileDriftStates([report]);
        const mainMb = retainedHeap() - baseMb;
        // For finding what is kept (not a figure): BENCH_HEAP_SNAPSHOT=file writes the main thread's heap here.
        if (process.env.BENCH_HEAP_SNAPSHOT) writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT);
        let workerMb = 0;
        for (const w of workers) workerMb += await workerHeapMb(w);
        if (watcherError) throw watcherError;
        const retained = { retainedHeapMb: mb(mainMb + workerMb), retainedMainHeapMb: mb(mainMb), retainedWorkerHeapMb: mb(workerMb), badgeStates: states.size };
        return { ms: fullMs, peakRssMb: peak, facts: { fullMs, oneServiceMs, ratio: oneServiceMs / fullMs, explicitMs, ...cpu, ...retained, services: report.services.length } };
      } finally {
        watcher.close();
        feed?.dispose();
        events.abort();
        await backend.close();
      }
    }
    case 'latency': {
      // As the extension runs it between a change and its badges (bench/latency.ts says what is in it).
      const { runLatency } = await import('./latency');
      const facts = await runLatency(task.input);
      return { ms: Number(facts.p95Ms), peakRssMb: peakRssMb(), facts };
    }
    case 'decorations': {
      const { decorationsTask } = await import('./decorationsChild');
      const { ms, facts } = await decorationsTask(task.files, collectGarbage);
      return { ms, peakRssMb: peakRssMb(), facts };
    }
    case 'activation':
      return activation(task.bundle, task.vscodeTypes);
  }
}

/**
 * require() of the extension bundle and activate() without VS Code. The `vscode` module only
 * exists inside VS Code's extension host, so this process resolves it to a stub: a Proxy on
 * which every property is callable, constructible and returns another such stub, and every
 * event registration returns a disposable. activate() then runs its real code (building the
 * controller, registering everything) against no-op APIs: the time is ours, VS Code's own work
 * behind those calls is not in it. The stub lives only in this bench process.
 */
async function activation(bundle: string, vscodeTypes: string): Promise<ChildResult> {
  // A made-up file name: the module cache entry below is what require() returns for it.
  const stubId = '/nonexistent/runtime-drift-bench/vscode-stub.js';
  const stub = vscodeStub(vscodeTypes);
  const mod = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
    _cache: Record<string, unknown>;
  };
  const original = mod._resolveFilename;
  mod._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? stubId : original.call(this, request, ...rest);
  };
  mod._cache[stubId] = { id: stubId, filename: stubId, loaded: true, exports: stub };
  const t0 = performance.now();
  const ext = require(bundle) as { activate: (ctx: unknown) => unknown };
  const t1 = performance.now();
  const context = {
    subscriptions: [] as unknown[],
    extensionUri: makeStub('extensionUri'),
    extensionPath: '/nonexistent/runtime-drift',
    globalStorageUri: { fsPath: '/nonexistent/runtime-drift-storage', scheme: 'file' },
    globalState: makeStub('globalState'),
    workspaceState: makeStub('workspaceState'),
    secrets: makeStub('secrets'),
    environmentVariableCollection: makeStub('env'),
    asAbsolutePath: (p: string) => `/nonexistent/runtime-drift/${p}`,
    extensionMode: 1,
  };
  let activateError: string | null = null;
  try {
    await ext.activate(context);
  } catch (err) {
    activateError = err instanceof Error ? err.message : String(err);
  }
  const t2 = performance.now();
  return {
    ms: t2 - t0,
    peakRssMb: peakRssMb(),
    facts: { loadMs: t1 - t0, activateMs: activateError ? null : t2 - t1, activateError, subscriptions: context.subscriptions.length },
  };
}

/**
 * The module object: one own, enumerable key per top-level name @types/vscode declares
 * (namespaces, classes, enums...). Bundlers copy a CommonJS module's own keys into the
 * `import * as vscode` namespace, so a bare Proxy would leave `vscode.Uri` undefined.
 */
function vscodeStub(typesFile: string): Record<string, unknown> {
  const text = readFileSync(typesFile, 'utf8');
  const names = new Set<string>();
  for (const m of text.matchAll(/^\t?(?: {4})?export (?:namespace|class|enum|const|let|function) ([A-Za-z_$][\w$]*)/gm)) if (m[1]) names.add(m[1]);
  return Object.fromEntries([...names].map((n) => [n, makeStub(n)]));
}

function makeStub(name: string): unknown {
  const target = function stub(): void {
    // callable placeholder
  };
  // What the extension writes on a stub (class fields, `item.label = ...`) reads back as written;
  // kept here rather than on the function, whose `name` and `length` are read-only.
  const written = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(_t, prop) {
      if (written.has(prop)) return written.get(prop);
      if (prop === 'then') return undefined; // not a thenable: `await stub` must not hang
      if (prop === Symbol.toPrimitive) return () => `[stub ${name}]`;
      if (prop === Symbol.iterator) return function* empty(): Generator<never> {};
      if (prop === 'dispose') return () => undefined;
      return makeStub(`${name}.${String(prop)}`);
    },
    set(_t, prop, value) {
      written.set(prop, value);
      return true;
    },
    defineProperty(_t, prop, desc) {
      written.set(prop, desc.value ?? desc.get?.());
      return true;
    },
    apply() {
      return makeStub(`${name}()`);
    },
    construct() {
      return makeStub(`new ${name}`) as object;
    },
  });
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
  const result = await runTask(task);
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
  // Timers a stubbed activate() scheduled, or idle sockets, must not keep the child alive.
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
