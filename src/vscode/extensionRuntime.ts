// What the extension needs from the engine side, behind one interface so the controller never
// touches dockerode/undici directly. Everything heavy is loaded by dynamic import on first use:
// activation only defines this loader, the first check pays for loading it.
import type { CheckOptions } from '../core/check';
import type { Report } from '../core/model';
import type { ComposeRunnerLike, LogSink } from '../core/ports';
import type { RebuildResult } from '../core/rebuild';
import type { EngineEvent } from '../core/view/affectedServices';
import type { WatchHooks } from '../engine/events';

export interface RuntimeSettings {
  /** Empty: DOCKER_HOST, the docker context, the default socket. */
  engineHost: string;
  probeTimeoutMs: number;
  env: Record<string, string | undefined>;
  log: LogSink;
}

export interface ExtensionRuntime {
  check(opts: CheckOptions): Promise<Report>;
  /** Build + recreate + verify one service through the compose CLI; undefined compose = none installed. */
  rebuild(compose: ComposeRunnerLike, opts: CheckOptions & { service: string; onOutput: (chunk: string) => void }): Promise<RebuildResult>;
  /** The engine's event stream until `signal` aborts; reconnects by itself. */
  watchEvents(onEvent: (e: EngineEvent) => void, signal: AbortSignal, hooks: WatchHooks): Promise<void>;
  /** `x-runtime-drift.auth.bearerTokenEnv` of a service, read from its compose file. */
  tokenEnvName(workspaceDir: string, project: string, service: string): Promise<string | undefined>;
  /** The compose CLI this machine has; undefined when there is none. */
  compose(): Promise<ComposeRunnerLike | undefined>;
  close(): Promise<void>;
}

export type RuntimeLoader = (settings: RuntimeSettings) => Promise<ExtensionRuntime>;

/** Finds the compose CLI for a runtime (the wiring decides how; tests pass a fake). */
export type ComposeRunnerFactory = (runtime: ExtensionRuntime) => Promise<ComposeRunnerLike | undefined>;

export const loadEngineRuntime: RuntimeLoader = async (settings) => {
  const [{ createRuntime }, { checkWorkspace }, { rebuildService }, { watchEngineEvents }, { resolveDockerHost }, { discoverComposeProjects }] =
    await Promise.all([
      import('../engine/runtime'),
      import('../core/check'),
      import('../core/rebuild'),
      import('../engine/events'),
      import('../engine/dockerHost'),
      import('../core/compose/discover'),
    ]);
  const runtime = createRuntime({ host: settings.engineHost || undefined, env: settings.env, probeTimeoutMs: settings.probeTimeoutMs, log: settings.log });
  return {
    check: (opts) => checkWorkspace(runtime.deps, opts),
    rebuild: (compose, opts) => rebuildService({ ...runtime.deps, compose }, opts),
    async watchEvents(onEvent, signal, hooks) {
      // A dedicated client for the long-lived stream: the checking client keeps its per-call timeouts.
      const { default: Dockerode } = await import('dockerode');
      const resolved = resolveDockerHost(settings.engineHost || undefined, settings.env);
      const docker = new Dockerode(resolved.options);
      await watchEngineEvents(docker as unknown as Parameters<typeof watchEngineEvents>[0], onEvent, signal, hooks);
    },
    async tokenEnvName(workspaceDir, project, service) {
      const projects = await discoverComposeProjects(runtime.deps.fs, workspaceDir, settings.env);
      const spec = projects.find((p) => p.name === project)?.services.find((s) => s.name === service);
      return spec?.drift.auth?.bearerTokenEnv;
    },
    compose: () => runtime.compose(),
    close: () => runtime.close(),
  };
};

/** The default compose runner: the one the engine runtime detects (`docker compose`, else `docker-compose`). */
export const detectComposeRunner: ComposeRunnerFactory = (runtime) => runtime.compose();
