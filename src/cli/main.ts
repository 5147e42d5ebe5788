// `runtime-drift`: the ladder on the command line, for people and for post-deploy checks in CI.
import * as path from 'node:path';
import { parseArgs, USAGE, UsageError } from './args';
import type { CliArgs } from './args';
import { checkWorkspace, UnknownServiceError } from '../core/check';
import { rebuildService } from '../core/rebuild';
import type { RebuildResult } from '../core/rebuild';
import { formatReport, formatService } from '../core/report/text';
import { SAFE_METHODS } from '../core/probe/policy';
import { EngineUnreachableError, UserInputError } from '../core/ports';
import { createRuntime } from '../engine/runtime';
import { guessComposeLabel } from '../engine/composeCli';
import { redact } from '../core/redact';
import { tuneHeapForCli } from './heap';

declare const RUNTIME_DRIFT_VERSION: string | undefined;

export const EXIT = { inSync: 0, drift: 1, cannotCheck: 2 } as const;

async function run(argv: string[]): Promise<number> {
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
  const runtime = createRuntime({ host: args.host, env: process.env, probeTimeoutMs: args.timeoutMs, listing: args.listing });
  try {
    return args.command === 'check' ? await check(args, workspace, runtime) : await rebuild(args, workspace, runtime);
  } finally {
    await runtime.close();
  }
}

type Runtime = ReturnType<typeof createRuntime>;

function checkOptions(args: CliArgs, workspace: string) {
  return {
    workspaceDir: workspace,
    services: args.services,
    probe: args.probe,
    allowedMethods: [...SAFE_METHODS, ...args.extraMethods],
    env: process.env,
  };
}

async function check(args: CliArgs, workspace: string, runtime: Runtime): Promise<number> {
  const report = await checkWorkspace(runtime.deps, { ...checkOptions(args, workspace), composeLabel: guessComposeLabel(process.env) });
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  if (!report.engine.reachable) {
    process.stderr.write(`runtime-drift: ${report.engine.error}\n`);
    return EXIT.cannotCheck;
  }
  if (report.services.length === 0) {
    process.stderr.write(`runtime-drift: no compose services found under ${workspace}\n`);
    return EXIT.cannotCheck;
  }
  return report.verdict === 'in-sync' ? EXIT.inSync : report.verdict === 'drift' ? EXIT.drift : EXIT.cannotCheck;
}

async function rebuild(args: CliArgs, workspace: string, runtime: Runtime): Promise<number> {
  const compose = await runtime.compose();
  if (!compose) throw new UserInputError('neither `docker compose` nor `docker-compose` is installed');
  const service = args.services[0] as string;
  // Compose output goes to stderr under --json so stdout stays one JSON document.
  const out = args.json ? process.stderr : process.stdout;
  const result = await rebuildService(
    { ...runtime.deps, compose },
    { ...checkOptions(args, workspace), service, onOutput: (chunk) => out.write(redact(chunk)) },
  );
  if (args.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(formatRebuild(result));
  return result.verified ? EXIT.inSync : EXIT.drift;
}

export function formatRebuild(r: RebuildResult): string {
  const lines = ['', `before: ${r.before ? `${r.before.verdict} — ${r.before.summary}` : 'not checked'}`];
  if (r.after) lines.push(`after:  ${r.after.verdict} — ${r.after.summary}`);
  for (const c of r.changes) lines.push(`  ${c}`);
  if (r.after) lines.push('', ...formatService(r.after));
  lines.push('', r.verified ? `✓ ${r.message}` : `✗ ${r.message}`);
  return `${lines.join('\n')}\n`;
}

function userMessage(err: unknown): string | undefined {
  if (err instanceof UsageError) return `${err.message}\n${USAGE}`;
  if (err instanceof EngineUnreachableError || err instanceof UserInputError || err instanceof UnknownServiceError) return err.message;
  return undefined;
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    const known = userMessage(err);
    const text = known ?? `internal error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`runtime-drift: ${redact(text)}\n`);
    if (!known && process.env.RUNTIME_DRIFT_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return EXIT.cannotCheck;
  }
}

if (require.main === module) {
  tuneHeapForCli();
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
