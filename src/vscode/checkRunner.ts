// Runs checks and rebuilds one at a time and folds their reports into the store. Owns the engine
// backend: loaded on the first check (never during activation), replaced when its settings change.
import * as vscode from 'vscode';
import type { CheckOptions } from '../core/check';
import type { ActionKind, HttpMethod, Report } from '../core/model';
import type { LogSink } from '../core/ports';
import type { RebuildResult } from '../core/rebuild';
import { allowedMethods, settingName, type Config } from '../core/settings';
import { serviceSelector, type ServiceRef } from '../core/view/serviceRef';
import type { ComposeRunnerFactory, ExtensionBackend, BackendLoader, FileWatchFeed } from './backendLoader';
import { shortError } from './logChannel';
import { redact, redactDeep } from '../core/redact';
import { normalizeOrigin, normalizeVariableName, type ProbeTrust } from '../core/probe/trust';
import type { ProbeSecrets } from './probeSecrets';
import type { ReportStore } from './reportStore';
import { isEngineUnreachable } from '../core/errors';
import { noticesToLog } from '../core/view/workspaceNotices';

export interface CheckRunnerDeps {
  store: ReportStore;
  log: LogSink;
  secrets: ProbeSecrets;
  /** Every value that must never be shown (stored tokens, allowed and secret-named variables). */
  knownSecrets: () => readonly string[];
  loadBackend: BackendLoader;
  composeRunner: ComposeRunnerFactory;
  config: () => Config;
  /** Where the scan cache is kept (the extension's global storage); none: nothing kept between sessions. */
  scanCacheDir?: string;
}

export interface RunOptions {
  /** Send HTTP probes; default: the probe.enabled setting, and never in an untrusted workspace. */
  probe?: boolean;
  /** Walk every source tree instead of taking it from what the file watcher kept (an explicit check). */
  fullWalk?: boolean;
}

export class CheckRunner implements vscode.Disposable {
  private backend: Promise<ExtensionBackend> | undefined;
  /** Checks and rebuilds run in order so a slow full check cannot overwrite a newer partial one. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Per folder: the workspace notices last logged (noticesToLog's key). */
  private readonly notices = new Map<string, string>();
  private readonly lifetime = new AbortController();
  /** The loaded backend's side of the file watcher (its kept source trees). */
  private feed: FileWatchFeed | undefined;
  private missedListener: ((paths: string[]) => void) | undefined;

  constructor(private readonly deps: CheckRunnerDeps) {}

  /** Paths the editor's file watcher reported (any file or folder): the backend keeps its source trees up to date from them. */
  filesChanged(paths: readonly string[]): void {
    this.feed?.changed(paths);
  }

  /** Changes the backend's background walk found that the file watcher did not report. */
  onMissedFiles(listener: (paths: string[]) => void): void {
    this.missedListener = listener;
  }

  /** The engine backend, loaded on first use. */
  getBackend(): Promise<ExtensionBackend> {
    if (!this.backend) {
      const config = this.deps.config();
      const loading = this.deps.loadBackend({
        engineHost: config.engineHost,
        probeTimeoutMs: config.probe.timeoutMs,
        listing: config.listing,
        scanCacheDir: config.scanCache ? this.deps.scanCacheDir : undefined,
        env: { ...process.env },
        log: this.deps.log,
        translations: vscode.l10n.bundle,
      }).then((backend) => {
        // Before any check: a tree is kept only when walked while the watcher feeds it.
        this.feed?.dispose();
        this.feed = backend.watchFiles((paths) => this.missedListener?.(paths));
        return backend;
      });
      // A failed load must not stick: the next call tries again.
      loading.catch(() => {
        if (this.backend === loading) this.backend = undefined;
      });
      this.backend = loading;
    }
    return this.backend;
  }

  /** Settings that shape the backend changed: close it; the next check builds a new one. */
  resetBackend(): void {
    const old = this.backend;
    this.backend = undefined;
    this.feed?.dispose();
    this.feed = undefined;
    void old?.then((rt) => rt.close()).catch((err) => this.deps.log.log('warn', `closing engine client: ${shortError(err)}`));
  }

  /** Every workspace folder, every service. */
  checkAll(opts: RunOptions = {}): Promise<void> {
    return this.enqueue(async () => {
      const folders = fileFolders();
      this.deps.store.retain(folders);
      for (const folder of folders) await this.checkFolder(folder, undefined, opts);
    });
  }

  /** Only these services (grouped by folder); the rest of each report is kept. */
  checkServices(refs: readonly ServiceRef[], opts: RunOptions = {}): Promise<void> {
    return this.enqueue(async () => {
      const byFolder = new Map<string, string[]>();
      for (const ref of refs) byFolder.set(ref.workspace, [...(byFolder.get(ref.workspace) ?? []), serviceSelector(ref)]);
      for (const [folder, services] of byFolder) await this.checkFolder(folder, [...new Set(services)], opts);
    });
  }

  /** compose build + up for one service, output streamed to `onOutput`, then the verifying re-check. */
  rebuild(ref: ServiceRef, onOutput: (chunk: string) => void, signal: AbortSignal, action: ActionKind = 'rebuild'): Promise<RebuildResult> {
    return this.enqueue(async () => {
      const backend = await this.getBackend();
      const compose = await this.deps.composeRunner(backend);
      if (!compose) {
        // The backend remembers what it detected; start afresh so the next attempt looks again.
        this.resetBackend();
        throw new Error(vscode.l10n.t('No compose CLI found (tried docker compose and docker-compose): install Docker Compose to rebuild, then try again.'));
      }
      const done = this.deps.store.beginCheck();
      try {
        const secrets = this.deps.knownSecrets();
        const result = redactDeep(
          await backend.rebuild(compose, {
            ...(await this.options(ref.workspace, [serviceSelector(ref)], { probe: true }, signal)),
            service: serviceSelector(ref),
            action,
            onOutput: (chunk) => onOutput(redact(chunk, secrets)),
          }),
          secrets,
        );
        const previous = this.deps.store.all().find((r) => r.workspace === ref.workspace);
        if (result.after && previous) {
          this.deps.store.put({ ...previous, checkedAt: new Date().toISOString(), services: [result.after] }, true);
        }
        return result;
      } finally {
        done();
      }
    });
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async options(workspaceDir: string, services: string[] | undefined, opts: RunOptions, signal: AbortSignal): Promise<CheckOptions> {
    const config = this.deps.config();
    const tokens = await this.deps.secrets.snapshot();
    const probe = vscode.workspace.isTrusted && (opts.probe ?? config.probe.enabled);
    const methods: HttpMethod[] = allowedMethods(config);
    const backend = await this.getBackend();
    return {
      workspaceDir,
      services,
      probe,
      allowedMethods: methods,
      env: { ...process.env },
      token: (envName) => tokens.get(envName),
      trust: this.trust(config, backend),
      exclude: config.exclude,
      composeFiles: config.composeFiles,
      ...(opts.fullWalk ? { fullWalk: true } : {}),
      signal,
    };
  }

  /** Where probes and tokens may go: the user's settings, and the engine host unless a workspace chose it. */
  private trust(config: Config, backend: ExtensionBackend): ProbeTrust {
    // The CLI refuses a bad entry (trustFromCli); a setting's bad entry is left out with a warning.
    const valid = (entries: readonly string[], normalize: (entry: string, from: string) => string, from: string): string[] =>
      entries.flatMap((entry) => {
        try {
          return [normalize(entry, from)];
        } catch (err) {
          this.deps.log.log('warn', shortError(err));
          return [];
        }
      });
    return {
      allowedOrigins: valid(config.probe.allowedOrigins, normalizeOrigin, settingName('probe.allowedOrigins')),
      tokenVariables: valid(config.probe.tokenVariables, normalizeVariableName, settingName('probe.tokenVariables')),
      engineHost: config.engineHostFromWorkspace ? undefined : backend.remoteHost(),
    };
  }

  /** Paths not read (outside the workspace) and compose variants not checked, logged when they change. */
  private logNotices(folder: string, report: Report): void {
    const { key, lines } = noticesToLog(this.notices.get(folder), report);
    this.notices.set(folder, key);
    for (const line of lines) this.deps.log.log('warn', `${folder}: ${line}`);
  }

  private async checkFolder(folder: string, services: string[] | undefined, opts: RunOptions): Promise<void> {
    const done = this.deps.store.beginCheck();
    const started = Date.now();
    try {
      const backend = await this.getBackend();
      const report = await backend.check(await this.options(folder, services, opts, this.lifetime.signal));
      this.deps.log.log('info', `checked ${folder}${services ? ` (${services.join(', ')})` : ''}: ${report.verdict} in ${Date.now() - started} ms`);
      this.deps.store.put(redactDeep(report, this.deps.knownSecrets()), services !== undefined);
      if (services === undefined) this.logNotices(folder, report);
    } catch (err) {
      if (this.lifetime.signal.aborted) return;
      const message = shortError(err, this.deps.knownSecrets());
      this.deps.log.log('error', `check of ${folder} failed: ${message}`);
      if (isEngineUnreachable(err)) {
        // Keep what we knew about the services; the views show "unreachable" until it answers again.
        const previous = this.deps.store.all().find((r) => r.workspace === folder);
        this.deps.store.put(unreachableReport(folder, message, this.deps.config().engineHost, previous), false);
      } else {
        this.deps.store.setError(message);
      }
    } finally {
      done();
    }
  }

  dispose(): void {
    this.lifetime.abort(new Error('extension deactivated'));
    this.resetBackend();
  }
}

function fileFolders(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

function unreachableReport(workspace: string, error: string, host: string, previous: Report | undefined): Report {
  return {
    verdict: 'unknown',
    workspace,
    checkedAt: new Date().toISOString(),
    engine: { reachable: false, host: host || 'default Docker engine', error },
    services: previous?.services ?? [],
  };
}
