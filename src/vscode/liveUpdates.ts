// Live: engine events (container start/die/..., image tag/untag) and file changes (source,
// compose, Dockerfile) re-check only the services they touch: a lone change at once, a burst as one batch.
// No polling: when the engine goes away the event stream breaks, we re-check once (the status bar
// shows "unreachable"), and the watcher's reconnect triggers the check that recovers.
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import { compileExclude } from '../core/mapping/exclude';
import type { LogSink } from '../core/ports';
import type { EngineEvent } from '../core/ports';
import { servicesForEvent, servicesForFile } from '../core/affectedServices';
import { createBatchDebouncer, RECHECK_FIRST_MS, RECHECK_QUIET_MS, type BatchDebouncer } from './debouncer';
import type { ServiceRef } from '../core/view/serviceRef';
import type { CheckRunner } from './checkRunner';
import { shortError } from './logChannel';
import type { ReportStore } from './reportStore';

const WATCHED = [
  '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,go,rb,php,java,kt,cs,rs}',
  '**/{compose,docker-compose}{,.override}.{yaml,yml}',
  // `dockerfile`: what Docker reads when a context has no Dockerfile (core/dockerfile/dockerfileName.ts).
  '**/{Dockerfile,Dockerfile.*,*.Dockerfile,dockerfile,.dockerignore,.env}',
];
const IGNORED = /[\\/](node_modules|\.git)[\\/]/;

export class LiveUpdates implements vscode.Disposable {
  private readonly debouncer: BatchDebouncer<ServiceRef>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private events: AbortController | undefined;
  private connected: boolean | undefined;

  constructor(
    private readonly runner: CheckRunner,
    private readonly store: ReportStore,
    private readonly log: LogSink,
    private readonly autoCheck: () => boolean,
    private readonly exclude: () => readonly string[],
  ) {
    this.debouncer = createBatchDebouncer<ServiceRef>({ quietMs: RECHECK_QUIET_MS, firstMs: RECHECK_FIRST_MS }, (batch) => {
      const run = batch === 'all' ? this.runner.checkAll() : this.runner.checkServices(batch);
      run.catch((err) => this.log.log('error', `re-check failed: ${shortError(err)}`));
    });
    for (const glob of WATCHED) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      const onFile = (uri: vscode.Uri) => this.onFile(uri);
      this.subscriptions.push(watcher, watcher.onDidChange(onFile), watcher.onDidCreate(onFile), watcher.onDidDelete(onFile));
    }
    // Every file and folder, whatever the re-check setting: the backend keeps its source trees
    // from these instead of walking them on each re-check (a deleted or renamed folder comes as
    // one event for the folder). Batched per turn of the event loop (a checkout sends thousands).
    const all = vscode.workspace.createFileSystemWatcher('**/*');
    const onAny = (uri: vscode.Uri) => this.onAnyPath(uri);
    this.subscriptions.push(all, all.onDidChange(onAny), all.onDidCreate(onAny), all.onDidDelete(onAny));
    this.runner.onMissedFiles((paths) => {
      this.log.log('info', `the file watcher did not report ${paths.length} change(s) a background walk found (${paths[0] ?? ''}…): re-checking`);
      if (this.autoCheck()) for (const p of paths) this.debouncer.add(servicesForFile(this.store.all(), p));
    });
  }

  private changedPaths: string[] = [];
  private onAnyPath(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    if (this.changedPaths.length === 0) setImmediate(() => this.runner.filesChanged(this.changedPaths.splice(0)));
    this.changedPaths.push(uri.fsPath);
  }

  /** Re-check everything after the quiet period (activation, settings, trust, folders). */
  scheduleAll(): void {
    this.debouncer.add('all');
  }

  private onFile(uri: vscode.Uri): void {
    if (!this.autoCheck() || uri.scheme !== 'file' || IGNORED.test(uri.fsPath)) return;
    // The same runtimeDrift.exclude the check applies: an excluded file changes no verdict.
    if (compileExclude(this.exclude())(vscode.workspace.asRelativePath(uri, false))) return;
    this.debouncer.add(servicesForFile(this.store.all(), uri.fsPath));
  }

  private onEngineEvent(event: EngineEvent): void {
    this.log.log('debug', `engine event ${event.type} ${event.action}${event.service ? ` (${event.project}/${event.service})` : ''}`);
    this.debouncer.add(servicesForEvent(this.store.all(), event));
  }

  /** (Re)subscribes to the engine's events, e.g. after engineHost changed. Never blocks the caller. */
  restartEngineEvents(): void {
    this.events?.abort();
    const controller = new AbortController();
    this.events = controller;
    this.connected = undefined;
    void (async () => {
      try {
        // Let activation (and the first check's debounce) finish before loading the engine client.
        await delay(RECHECK_QUIET_MS, undefined, { signal: controller.signal });
        const backend = await this.runner.getBackend();
        await backend.watchEvents((e) => this.onEngineEvent(e), controller.signal, {
          onConnected: () => {
            // Anything may have happened while we were not listening.
            if (this.connected === false) {
              this.log.log('info', 'engine events: reconnected');
              this.scheduleAll();
            }
            this.connected = true;
          },
          onDisconnected: (err, retryInMs) => {
            if (this.connected !== false) {
              this.log.log('warn', `engine events: ${shortError(err)}; retrying every ${Math.round(retryInMs / 1000)} s or more`);
              this.scheduleAll();
            }
            this.connected = false;
          },
        });
      } catch (err) {
        if (!controller.signal.aborted) this.log.log('error', `engine events stopped: ${shortError(err)}`);
      }
    })();
  }

  dispose(): void {
    this.events?.abort();
    this.debouncer.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
