// Runs the whole ladder for a workspace through the ports (engine, prober, files).
// (signature first; implementation in progress)
import type { HttpMethod, Report } from './model';
import type { EngineLike, FsLike, LogSink, ProberLike } from './ports';

export interface CheckDeps {
  engine: EngineLike;
  prober: ProberLike;
  fs: FsLike;
  log?: LogSink;
}

export interface CheckOptions {
  /** Absolute workspace folder. */
  workspaceDir: string;
  /** Only these services (all when empty/undefined). */
  services?: string[];
  /** Send HTTP probes (default true). */
  probe?: boolean;
  /** Methods that may be sent; default GET and HEAD only. */
  allowedMethods?: HttpMethod[];
  /** Environment for compose interpolation and bearerTokenEnv lookup. */
  env: Record<string, string | undefined>;
  /** Extra secret lookup (the extension's SecretStorage); wins over env. */
  token?: (envName: string, service: string) => string | undefined;
  /** Globs/paths (workspace-relative prefixes) to leave out of file checks. */
  exclude?: string[];
  signal?: AbortSignal;
}

export async function checkWorkspace(_deps: CheckDeps, _opts: CheckOptions): Promise<Report> {
  throw new Error('not implemented yet');
}
