// Everything the extension needs from the engine side, built as its own bundle (dist/engine.js)
// so that activation loads only the small extension bundle; dockerode, undici and the core are
// loaded on the first check. No `vscode` here: the extension passes settings in.
import * as l10n from '@vscode/l10n';
import Dockerode from 'dockerode';
import type { CheckOptions } from '../core/check';
import { checkWorkspace } from '../core/check';
import { discoverComposeProjects } from '../core/compose/discover';
import type { Report } from '../core/model';
import type { ComposeRunnerLike, EngineEvent, ListingMethod, LogSink } from '../core/ports';
import type { RebuildOptions, RebuildResult } from '../core/rebuild';
import { rebuildService } from '../core/rebuild';
import { explicitOptions } from './dockerEngine';
import { resolveDockerHost } from './dockerHost';
import { watchEngineEvents } from './events';
import type { WatchHooks } from './events';
import { createAdapters } from './adapters';
import { engineProbeHost } from './sshTunnel';
import { guessComposeLabel } from './composeCli';
import type { FileWatchFeed, MissedChanges } from './sourceScanner';
import { withinWorkspace } from '../core/confinedFs';

export type { FileWatchFeed, MissedChanges };

export interface BackendSettings {
  /** Empty: DOCKER_HOST, the docker context, the default socket. */
  engineHost: string;
  probeTimeoutMs: number;
  /** How running containers are listed (see DockerEngineOptions.listing). */
  listing?: ListingMethod;
  /** The scan cache's folder in the extension's storage; none: nothing kept between sessions. */
  scanCacheDir?: string;
  env: Record<string, string | undefined>;
  log: LogSink;
  /** The scan worker's bundle (default: next to this bundle) and how long a watched tree is trusted: tests set them. */
  scanWorker?: string;
  treeRefreshMs?: number;
  /**
   * The bundle VS Code loaded for the display language (`vscode.l10n.bundle`); none: English.
   * The report's texts (rung evidence, summaries, fixes, action labels) are made in this bundle,
   * whose own copy of @vscode/l10n the extension's `l10n.config` does not reach.
   */
  translations?: Record<string, string>;
}

export interface ExtensionBackend {
  check(opts: CheckOptions): Promise<Report>;
  /** Build + recreate + verify one service through the compose CLI. */
  rebuild(compose: ComposeRunnerLike, opts: RebuildOptions): Promise<RebuildResult>;
  /**
   * The editor's file watcher, fed in: while it is, a re-check takes each source tree from what
   * it kept and the watcher's changes instead of walking it (engine/watchedTrees.ts). `onMissed`
   * gets changes a background walk found that the watcher did not report.
   */
  watchFiles(onMissed: MissedChanges): FileWatchFeed;
  /** The engine's event stream until `signal` aborts; reconnects by itself. */
  watchEvents(onEvent: (e: EngineEvent) => void, signal: AbortSignal, hooks: WatchHooks): Promise<void>;
  /** `x-runtime-drift.auth.bearerTokenEnv` of a service, read from its compose file. */
  tokenEnvName(workspaceDir: string, project: string, service: string): Promise<string | undefined>;
  /** The compose CLI this machine has; undefined when there is none. */
  compose(): Promise<ComposeRunnerLike | undefined>;
  /** The remote engine's host name (tcp://, ssh://), where published ports are probed; undefined for a local socket. */
  remoteHost(): string | undefined;
  /** Whether the container has a shell to exec (distroless and scratch images have none). */
  hasShell(containerId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** What `docker exec -it <id> sh` runs: found on the PATH the base images set. */
export const SHELL_PATHS = ['/bin/sh', '/usr/bin/sh'];

export function createExtensionBackend(settings: BackendSettings): ExtensionBackend {
  l10n.config({ contents: settings.translations ?? {} });
  const adapters = createAdapters({
    host: settings.engineHost || undefined,
    env: settings.env,
    probeTimeoutMs: settings.probeTimeoutMs,
    listing: settings.listing,
    rememberScans: true,
    scanCacheDir: settings.scanCacheDir,
    scanWorker: settings.scanWorker,
    treeRefreshMs: settings.treeRefreshMs,
    log: settings.log,
  });
  let probeHost: { value: string | undefined } | undefined;
  return {
    // Fix texts name the engine that was checked, so a pasted one never acts on another.
    check: (opts) => checkWorkspace(adapters.deps, { ...opts, composeLabel: adapters.hostedLabel(opts.composeLabel ?? guessComposeLabel(settings.env)) }),
    rebuild: (compose, opts) => rebuildService({ ...adapters.deps, compose }, opts),
    watchFiles: (onMissed) => adapters.watchFiles(onMissed),
    watchEvents: (onEvent, signal, hooks) => watchEventsOf(adapters, settings, onEvent, signal, hooks),
    async tokenEnvName(workspaceDir, project, service) {
      const projects = await discoverComposeProjects(withinWorkspace(adapters.deps, workspaceDir).fs, workspaceDir, settings.env);
      const spec = projects.find((p) => p.name === project)?.services.find((s) => s.name === service);
      return spec?.drift.auth?.bearerTokenEnv;
    },
    compose: () => adapters.compose(),
    remoteHost() {
      // Once per adapters, like its engine client (`ssh -G` is a process per call).
      probeHost ??= { value: remoteHostOf(settings) };
      return probeHost.value;
    },
    hasShell: (containerId) => hasShellIn(adapters, containerId),
    close: () => adapters.close(),
  };
}

type Adapters = ReturnType<typeof createAdapters>;

/** The engine's event stream on a client of its own, telling the adapters whether it is connected. */
async function watchEventsOf(adapters: Adapters, settings: BackendSettings, onEvent: (e: EngineEvent) => void, signal: AbortSignal, hooks: WatchHooks): Promise<void> {
  // A dedicated client for the long-lived stream: the checking client keeps its per-call timeouts.
  const connection = adapters.connection() ?? resolveDockerHost(settings.engineHost || undefined, settings.env).options;
  const docker = new Dockerode(explicitOptions(connection));
  // The engine client remembers listings only while this stream vouches for them, and its own
  // listing execs are no one's news (a re-check would list again: a loop).
  const events = adapters.events;
  try {
    await watchEngineEvents(
      docker as unknown as Parameters<typeof watchEngineEvents>[0],
      (e) => {
        if (events.engineEvent(e)) onEvent(e);
      },
      signal,
      {
        ...hooks,
        onConnected: () => {
          events.eventsConnected(true);
          hooks.onConnected?.();
        },
        onDisconnected: (err, retryInMs) => {
          events.eventsConnected(false);
          hooks.onDisconnected?.(err, retryInMs);
        },
      },
    );
  } finally {
    events.eventsConnected(false);
  }
}

async function hasShellIn(adapters: Adapters, containerId: string): Promise<boolean> {
  // The archive API answers for a shell-less image too: no exec attempt just to find out.
  for (const shell of SHELL_PATHS) {
    const listing = await adapters.deps.engine.listContainerFiles(containerId, shell);
    if (!listing.rootMissing) return true;
  }
  return false;
}

function remoteHostOf(settings: BackendSettings): string | undefined {
  try {
    return engineProbeHost(resolveDockerHost(settings.engineHost || undefined, settings.env).host, settings.env);
  } catch {
    return undefined; // The engine reports an unusable host on its first call.
  }
}
