// `runtime-drift`: the ladder on the command line, for people and for post-deploy checks in CI.
import { constants } from 'node:os';
import * as path from 'node:path';
import { parseArgs, USAGE, UsageError } from './args';
import type { CliArgs } from './args';
import { checkWorkspace } from '../core/check';
import { rebuildService } from '../core/rebuild';
import type { RebuildResult } from '../core/rebuild';
import { formatReport, formatService } from '../core/report/text';
import type { TextOptions } from '../core/report/text';
import { SAFE_METHODS } from '../core/probe/policy';
import { BusyError, errorText, InterruptedError, isEngineUnreachable, UserInputError } from '../core/errors';
import { CLI_V8_FLAGS } from './v8Tuning';
import { createAdapters } from '../engine/adapters';
import type { Adapters } from '../engine/adapters';
import { defaultScanCacheDir } from '../engine/scanCacheStore';
import { guessComposeLabel } from '../engine/composeCli';
import { redact, redactDeep, secretValues } from '../core/redact';
import { splitList, TRUST_ENV, trustFromCli } from '../core/probe/trust';
import type { ProbeTrust } from '../core/probe/trust';
import { DEFAULT_MAX_DEPTH } from '../core/compose/walk';
import { resolveDockerHost } from '../engine/dockerHost';
import { engineProbeHost } from '../engine/sshTunnel';
import type { SshTunnel } from '../engine/sshTunnel';

declare const RUNTIME_DRIFT_VERSION: string | undefined;

/** check's exit codes (README): not running (no container, or stopped) is not drift. */
export const EXIT = { inSync: 0, drift: 1, cannotCheck: 2, notRunning: 3 } as const;

async function run(argv: string[], tunnel: SshTunnel | undefined): Promise<number> {
  const args = parseArgs(argv, process.cwd());
  if (args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.inSync;
  }
  if (args.command === 'version') {
    process.stdout.write(`${typeof RUNTIME_DRIFT_VERSION === 'string' ? RUNTIME_DRIFT_VERSION : 'dev'}\n`);
    return EXIT.inSync;
  }
  const workspace = path.resolve(args.workspace);
  // The adapters first: an ssh:// engine's login starts there, and `ssh -G` (engineHostOf) then runs while it is under way.
  const adapters = createAdapters({
    host: args.host,
    env: process.env,
    probeTimeoutMs: args.timeoutMs,
    listing: args.listing,
    scanCacheDir: args.scanCache ? defaultScanCacheDir(process.env) : undefined,
    sshTunnel: tunnel,
    v8Flags: CLI_V8_FLAGS,
  });
  const interrupt = onInterrupt();
  try {
    const trust = trustFromCli(args, process.env, engineHostOf(args.host));
    return args.command === 'check' ? await check(args, workspace, adapters, trust, interrupt.signal) : await rebuild(args, workspace, adapters, trust, interrupt.signal);
  } catch (err) {
    // Whatever an interrupted step threw ("scan cancelled", an aborted request), the interrupt is the news.
    if (interrupt.signal.aborted && !(err instanceof InterruptedError)) throw interrupt.signal.reason;
    throw err;
  } finally {
    // Also after an interrupt: closing removes this run's helper containers and stops the worker.
    await adapters.close();
    interrupt.dispose();
  }
}

/** Signals that end a run: the first stops it cleanly (see onInterrupt), a second at once. */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The first SIGINT/SIGTERM/SIGHUP aborts the run with an InterruptedError: engine calls stop,
 * a compose child is stopped and waited for, helper containers are removed, and the exit code
 * is 128 + the signal's number. A second signal exits at once.
 */
function onInterrupt(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handlers = STOP_SIGNALS.map((sig) => {
    const handler = (): void => {
      if (controller.signal.aborted) process.exit(128 + (constants.signals[sig] ?? 0));
      process.exitCode = 128 + (constants.signals[sig] ?? 0);
      controller.abort(new InterruptedError(`interrupted by ${sig}`));
    };
    process.on(sig, handler);
    return [sig, handler] as const;
  });
  return {
    signal: controller.signal,
    dispose: () => {
      for (const [sig, handler] of handlers) process.off(sig, handler);
    },
  };
}


/** The remote engine's host (the user chose it: --host, DOCKER_HOST, the docker context), if any. */
function engineHostOf(host: string | undefined): string | undefined {
  try {
    return engineProbeHost(resolveDockerHost(host, process.env).host, process.env);
  } catch {
    return undefined; // The engine reports an unusable host on its first call.
  }
}

function checkOptions(args: CliArgs, workspace: string, trust: ProbeTrust, signal: AbortSignal) {
  return {
    workspaceDir: workspace,
    services: args.services,
    probe: args.probe,
    allowedMethods: [...SAFE_METHODS, ...args.extraMethods],
    env: process.env,
    trust,
    composeFiles: args.composeFiles,
    signal,
  };
}

/** Every value this run must never print: the allowed tokens and variables whose names say secret. */
function secretsOf(trust: ProbeTrust): string[] {
  return secretValues(process.env, trust.tokenVariables);
}

/** Compose files only hidden folders hold: the flag that checks one. */
function hiddenHint(files: readonly string[] | undefined): string {
  if (!files?.length) return '';
  return `, or --compose-file ${files[0]} for a compose file in a hidden folder (${files.length} found)`;
}

async function check(args: CliArgs, workspace: string, adapters: Adapters, trust: ProbeTrust, signal: AbortSignal): Promise<number> {
  const report = await checkWorkspace(adapters.deps, { ...checkOptions(args, workspace, trust, signal), composeLabel: adapters.hostedLabel(guessComposeLabel(process.env)) });
  // An interrupted check may still return a report of what it got: not a verdict to print.
  signal.throwIfAborted();
  const secrets = secretsOf(trust);
  process.stdout.write(args.json ? `${JSON.stringify(redactDeep(report, secrets), null, 2)}\n` : redact(formatReport(report, { verbose: args.verbose }), secrets));
  if (!report.engine.reachable) {
    process.stderr.write(`runtime-drift: ${redact(report.engine.error ?? '', secrets)}\n`);
    return EXIT.cannotCheck;
  }
  if (report.services.length === 0) {
    process.stderr.write(`runtime-drift: no compose services or Dockerfiles found under ${workspace}: Runtime Drift checks the services of a compose file (compose.yaml, docker-compose.yml, or a variant such as docker-compose.prod.yml) in that folder or up to ${DEFAULT_MAX_DEPTH} folders below, or with none there, each Dockerfile as a service of its own; pass --workspace DIR for another folder${hiddenHint(report.composeFilesHidden)}\n`);
    return EXIT.cannotCheck;
  }
  switch (report.verdict) {
    case 'in-sync':
    case 'completed':
      return EXIT.inSync;
    case 'drift':
      return EXIT.drift;
    case 'not-running':
    case 'stopped':
      return EXIT.notRunning;
    case 'unknown':
      return EXIT.cannotCheck;
  }
}

async function rebuild(args: CliArgs, workspace: string, adapters: Adapters, trust: ProbeTrust, signal: AbortSignal): Promise<number> {
  const compose = await adapters.compose();
  if (!compose) throw new UserInputError('neither `docker compose` nor `docker-compose` is installed');
  const service = args.services[0] as string;
  // Compose output goes to stderr under --json so stdout stays one JSON document.
  const out = args.json ? process.stderr : process.stdout;
  const secrets = secretsOf(trust);
  const result = await rebuildService(
    { ...adapters.deps, compose },
    { ...checkOptions(args, workspace, trust, signal), service, onOutput: (chunk) => out.write(redact(chunk, secrets)) },
  );
  signal.throwIfAborted();
  if (args.json) process.stdout.write(`${JSON.stringify(redactDeep(result, secrets), null, 2)}\n`);
  else process.stdout.write(redact(formatRebuild(result, { verbose: args.verbose }), secrets));
  return result.verified ? EXIT.inSync : EXIT.drift;
}

export function formatRebuild(r: RebuildResult, options: TextOptions = {}): string {
  const lines = ['', `before: ${r.before ? `${r.before.verdict} — ${r.before.summary}` : 'not checked'}`];
  if (r.after) lines.push(`after:  ${r.after.verdict} — ${r.after.summary}`);
  for (const c of r.changes) lines.push(`  ${c}`);
  if (r.after) lines.push('', ...formatService(r.after, options));
  lines.push('', r.verified ? `✓ ${r.message}` : `✗ ${r.message}`);
  return `${lines.join('\n')}\n`;
}

function userMessage(err: unknown): string | undefined {
  if (err instanceof UsageError) return `${err.message}\n${USAGE}`;
  if (
    isEngineUnreachable(err) ||
    err instanceof UserInputError ||
    err instanceof BusyError
  )
    return err.message;
  if (err instanceof InterruptedError) return `${err.message}; nothing of this run is left running`;
  return undefined;
}

/** Token variables named on the command line, for redacting an error that came before they were parsed. */
function tokenNamesIn(argv: readonly string[]): string[] {
  return [
    ...splitList(process.env[TRUST_ENV.tokenVariables]),
    ...argv.flatMap((a, i) => (a === '--allow-token-env' ? [argv[i + 1] ?? ''] : a.startsWith('--allow-token-env=') ? [a.slice(18)] : [])),
  ];
}

/** The command's run; `tunnel`: the ssh:// engine's login, already started by src/cli/entry.ts (main closes it). */
export async function main(argv: string[], tunnel?: SshTunnel): Promise<number> {
  try {
    return await run(argv, tunnel);
  } catch (err) {
    const known = userMessage(err);
    const text = known ?? `internal error: ${errorText(err)}`;
    process.stderr.write(`runtime-drift: ${redact(text, secretValues(process.env, tokenNamesIn(argv)))}\n`);
    if (!known && process.env.RUNTIME_DRIFT_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    // Interrupted: 128 + the signal's number, as onInterrupt set it.
    if (err instanceof InterruptedError && process.exitCode) return Number(process.exitCode);
    return EXIT.cannotCheck;
  }
}

