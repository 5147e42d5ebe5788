// Command-line parsing for `runtime-drift`, on node:util's parseArgs. Pure: returns a plan or a usage error.
import { parseArgs as parseArgv, type ParseArgsConfig } from 'node:util';
import { PROBE_METHODS, type HttpMethod } from '../core/model';
import { LISTING_METHODS, type ListingMethod } from '../core/ports';

export const USAGE = `usage:
  runtime-drift check [--workspace DIR] [--service [PROJECT/]NAME[' (STACK FILE)']]... [--json | --verbose] [--no-probe]
                      [--probe-method METHOD]... [--timeout MS] [--host DOCKER_HOST]
                      [--listing ${LISTING_METHODS.join('|')}] [--allow-origin ORIGIN]... [--allow-token-env NAME]...
                      [--compose-file FILE]... [--no-scan-cache]
  runtime-drift rebuild [PROJECT/]SERVICE[' (STACK FILE)'] [--workspace DIR] [--json | --verbose] [--host DOCKER_HOST] [--compose-file FILE]...
                      [--allow-origin ORIGIN]... [--allow-token-env NAME]...
  runtime-drift --help | --version

the text report says each service's verdict and fix first, counts modules that read alike and
routes that answered as declared or were not sent, and names what failed; --verbose lists every
module's rungs, every route and every warning; --json prints the whole report as JSON.

probes go to loopback and the engine's host; other origins only with --allow-origin (or
RUNTIME_DRIFT_ALLOW_ORIGINS); a service's auth.bearerTokenEnv is read only with
--allow-token-env NAME (or RUNTIME_DRIFT_TOKEN_ENVS): the workspace's files cannot choose either.

what the route scan found in each source file is remembered by size and mtime in
$XDG_CACHE_HOME/runtime-drift/scans (else ~/.cache/runtime-drift/scans), so the next check
reads only what changed; --no-scan-cache reads every file and keeps nothing.

exit codes: 0 in sync (rebuild: verified), 1 drift found (rebuild: not verified),
            2 could not check (no engine, bad compose file, bad arguments),
            3 no drift but a service is not running (check only)`;

export interface CliArgs {
  command: 'check' | 'rebuild' | 'help' | 'version';
  workspace: string;
  services: string[];
  json: boolean;
  /** The text report lists every module's rungs, every route and every warning (report/text.ts). */
  verbose: boolean;
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

/** The options, as node:util's parseArgs reads them; each one's effect is in SET below. */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  workspace: { type: 'string', short: 'w' },
  service: { type: 'string', short: 's' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  'no-probe': { type: 'boolean' },
  'no-scan-cache': { type: 'boolean' },
  'probe-method': { type: 'string' },
  timeout: { type: 'string' },
  host: { type: 'string' },
  'allow-origin': { type: 'string' },
  'allow-token-env': { type: 'string' },
  'compose-file': { type: 'string', short: 'f' },
  listing: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;
type OptionName = keyof typeof OPTIONS;

/** What each option does to the plan (`value` is the option's argument; '' for a flag). */
const SET: Record<Exclude<OptionName, 'help' | 'version'>, (args: CliArgs, value: string) => void> = {
  workspace: (args, v) => (args.workspace = v),
  service: (args, v) => args.services.push(v),
  json: (args) => (args.json = true),
  verbose: (args) => (args.verbose = true),
  'no-probe': (args) => (args.probe = false),
  'no-scan-cache': (args) => (args.scanCache = false),
  'probe-method': (args, v) => {
    const m = v.toUpperCase() as HttpMethod;
    if (!(PROBE_METHODS as readonly string[]).includes(m)) throw new UsageError(`--probe-method: unknown method ${m}`);
    args.extraMethods.push(m);
  },
  timeout: (args, v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0 || n > MAX_PROBE_TIMEOUT_MS) throw new UsageError(`--timeout takes milliseconds from 1 to ${MAX_PROBE_TIMEOUT_MS} (10 minutes)`);
    args.timeoutMs = n;
  },
  host: (args, v) => (args.host = v),
  'allow-origin': (args, v) => args.allowOrigins.push(v),
  'allow-token-env': (args, v) => args.allowTokenEnvs.push(v),
  'compose-file': (args, v) => args.composeFiles.push(v),
  listing: (args, v) => {
    if (!LISTING_METHODS.includes(v as ListingMethod)) throw new UsageError(`--listing takes ${LISTING_METHODS.join(' or ')}`);
    args.listing = v as ListingMethod;
  },
};

/** The plan for `argv`, options applied in order: --help or --version answers at once, a bad option throws UsageError. */
export function parseArgs(argv: readonly string[], cwd: string): CliArgs {
  const args: CliArgs = {
    command: 'help',
    workspace: cwd,
    services: [],
    json: false,
    verbose: false,
    probe: true,
    extraMethods: [],
    timeoutMs: DEFAULT_PROBE_TIMEOUT_MS,
    listing: 'auto',
    allowOrigins: [],
    allowTokenEnvs: [],
    composeFiles: [],
    scanCache: true,
  };
  // Not strict: unknown options and missing values come back as tokens, so the messages are ours.
  const { tokens } = parseArgv({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positional.push(token.value);
    else if (token.kind === 'option-terminator') throw new UsageError('unknown option --');
    else if (token.name === 'help' || token.name === 'version') return { ...args, command: token.name };
    else if (!Object.hasOwn(SET, token.name)) throw new UsageError(`unknown option ${token.rawName}`);
    else {
      const name = token.name as keyof typeof SET;
      const takesValue = OPTIONS[name].type === 'string';
      if (takesValue && (token.value === undefined || token.value.startsWith('--'))) throw new UsageError(`${token.rawName} needs a value`);
      SET[name](args, token.value ?? '');
    }
  }
  return withCommand(args, positional);
}

function withCommand(args: CliArgs, positional: readonly string[]): CliArgs {
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
