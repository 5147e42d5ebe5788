// Command-line parsing for `runtime-drift`. Pure: returns a plan or a usage error.
import { PROBE_METHODS, type HttpMethod } from '../core/model';
import { LISTING_METHODS, type ListingMethod } from '../core/ports';

export const USAGE = `usage:
  runtime-drift check [--workspace DIR] [--service NAME]... [--json] [--no-probe]
                      [--probe-method METHOD]... [--timeout MS] [--host DOCKER_HOST]
                      [--listing auto|archive] [--allow-origin ORIGIN]... [--allow-token-env NAME]...
                      [--compose-file FILE]... [--no-scan-cache]
  runtime-drift rebuild SERVICE [--workspace DIR] [--json] [--host DOCKER_HOST] [--compose-file FILE]...
                      [--allow-origin ORIGIN]... [--allow-token-env NAME]...
  runtime-drift --help | --version

probes go to loopback and the engine's host; other origins only with --allow-origin (or
RUNTIME_DRIFT_ALLOW_ORIGINS); a service's auth.bearerTokenEnv is read only with
--allow-token-env NAME (or RUNTIME_DRIFT_TOKEN_ENVS): the workspace's files cannot choose either.

source files the route scan found nothing in are remembered by size and mtime in
$XDG_CACHE_HOME/runtime-drift/scans (else ~/.cache/runtime-drift/scans), so the next check
reads only what changed; --no-scan-cache reads every file and keeps nothing.

exit codes: 0 in sync (rebuild: verified), 1 drift found (rebuild: not verified),
            2 could not check (no engine, bad compose file, bad arguments)`;

export interface CliArgs {
  command: 'check' | 'rebuild' | 'help' | 'version';
  workspace: string;
  services: string[];
  json: boolean;
  probe: boolean;
  extraMethods: HttpMethod[];
  timeoutMs: number;
  host?: string;
  /** How running containers are listed (LISTING_METHODS). */
  listing: ListingMethod;
  /** Compose files to read, like `docker compose -f` (repeatable); discovered when none. */
  composeFiles: string[];
  /** Origins the user allowed probes (and tokens) to go to, beyond loopback and the engine's host. */
  allowOrigins: string[];
  /** Variables the user allowed to be sent as bearer tokens. */
  allowTokenEnvs: string[];
  /** Keep the route scans' findings between runs (engine/scanCacheStore.ts); --no-scan-cache turns it off. */
  scanCache: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const DEFAULT_PROBE_TIMEOUT_MS = 3000;
/** Longest --timeout: a probe that needs longer is a hung service; beyond 2^31-1 Node's timers fire at once. */
export const MAX_PROBE_TIMEOUT_MS = 600_000;

export function parseArgs(argv: readonly string[], cwd: string): CliArgs {
  const args: CliArgs = {
    command: 'help',
    workspace: cwd,
    services: [],
    json: false,
    probe: true,
    extraMethods: [],
    timeoutMs: DEFAULT_PROBE_TIMEOUT_MS,
    listing: 'auto',
    allowOrigins: [],
    allowTokenEnvs: [],
    composeFiles: [],
    scanCache: true,
  };
  const rest = [...argv];
  const value = (flag: string): string => {
    const v = rest.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const positional: string[] = [];
  while (rest.length > 0) {
    const a = rest.shift() as string;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (inline !== undefined) rest.unshift(inline);
    switch (flag) {
      case '--help':
      case '-h':
        return { ...args, command: 'help' };
      case '--version':
        return { ...args, command: 'version' };
      case '--workspace':
      case '-w':
        args.workspace = value(flag);
        break;
      case '--service':
      case '-s':
        args.services.push(value(flag));
        break;
      case '--json':
        args.json = true;
        break;
      case '--no-probe':
        args.probe = false;
        break;
      case '--no-scan-cache':
        args.scanCache = false;
        break;
      case '--probe-method': {
        const m = value(flag).toUpperCase() as HttpMethod;
        if (!(PROBE_METHODS as readonly string[]).includes(m)) throw new UsageError(`--probe-method: unknown method ${m}`);
        args.extraMethods.push(m);
        break;
      }
      case '--timeout': {
        const n = Number(value(flag));
        if (!Number.isInteger(n) || n <= 0 || n > MAX_PROBE_TIMEOUT_MS) {
          throw new UsageError(`--timeout takes milliseconds from 1 to ${MAX_PROBE_TIMEOUT_MS} (10 minutes)`);
        }
        args.timeoutMs = n;
        break;
      }
      case '--host':
        args.host = value(flag);
        break;
      case '--allow-origin':
        args.allowOrigins.push(value(flag));
        break;
      case '--allow-token-env':
        args.allowTokenEnvs.push(value(flag));
        break;
      case '--compose-file':
      case '-f':
        args.composeFiles.push(value(flag));
        break;
      case '--listing': {
        const v = value(flag) as ListingMethod;
        if (!LISTING_METHODS.includes(v)) throw new UsageError(`--listing takes ${LISTING_METHODS.join(' or ')}`);
        args.listing = v;
        break;
      }
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        positional.push(flag);
    }
  }
  const [command, ...operands] = positional;
  if (command === undefined) return args;
  if (command === 'check') {
    if (operands.length > 0) throw new UsageError(`check takes no operands (got ${operands.join(' ')}); use --service`);
    return { ...args, command };
  }
  if (command === 'rebuild') {
    if (operands.length !== 1) throw new UsageError('rebuild takes exactly one SERVICE');
    return { ...args, command, services: [operands[0] as string] };
  }
  throw new UsageError(`unknown command ${command}`);
}
