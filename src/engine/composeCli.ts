// The compose CLI, whichever this machine has: `docker compose` (v2, what most users run) or
// `docker-compose` (v1, what Debian ships). Both take the same project flags and both label
// containers the same way, so the rest of Runtime Drift does not care which one ran.
import * as l10n from '@vscode/l10n';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, join } from 'node:path';
import { COMPOSE_DETECT_TIMEOUT_MS } from './timeouts';
import { InterruptedError } from '../core/errors';

export interface ComposeCli {
  /** Executable: "docker" or "docker-compose". */
  command: string;
  /** Arguments before the compose ones: ["compose"] for v2, [] for v1. */
  baseArgs: string[];
  /** As printed by `version --short`, without a leading "v" ("2.29.1", "1.29.2"). */
  version: string;
}

export interface ComposeProjectRef {
  name: string;
  /** Folder relative paths in the compose files resolve from. */
  dir: string;
  composeFiles: string[];
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; resolves with its exit code rather than throwing. */
export type RunCommand = (command: string, args: string[], opts: { timeoutMs: number }) => Promise<CommandResult>;

export const execFileRun: RunCommand = (command, args, opts) =>
  new Promise((resolve) => {
    execFile(command, args, { timeout: opts.timeoutMs, windowsHide: true }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 127;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });

const CANDIDATES: ReadonlyArray<Pick<ComposeCli, 'command' | 'baseArgs'>> = [
  { command: 'docker', baseArgs: ['compose'] },
  { command: 'docker-compose', baseArgs: [] },
];

/** The first compose CLI that answers `version --short`, v2 before v1; undefined when none does. */
export async function detectComposeCli(run: RunCommand = execFileRun): Promise<ComposeCli | undefined> {
  for (const candidate of CANDIDATES) {
    const result = await run(candidate.command, [...candidate.baseArgs, 'version', '--short'], { timeoutMs: COMPOSE_DETECT_TIMEOUT_MS });
    // `docker` without the compose plugin exits non-zero ("unknown flag: --short"); so does a missing binary.
    const version = result.stdout.trim().split('\n')[0]?.trim().replace(/^v/, '') ?? '';
    if (result.code === 0 && /^\d+\.\d+/.test(version)) return { ...candidate, baseArgs: [...candidate.baseArgs], version };
  }
  return undefined;
}

/** The project flags both CLIs understand, then `args`. */
export function composeArgs(project: ComposeProjectRef, args: string[]): string[] {
  return [
    '-p',
    project.name,
    ...project.composeFiles.flatMap((file) => ['-f', file]),
    '--project-directory',
    project.dir,
    ...args,
  ];
}

export interface RunComposeOptions {
  /** stdout and stderr as they arrive, decoded as UTF-8 (compose writes progress to stderr). */
  onOutput: (chunk: string) => void;
  /** Aborting stops the CLI (SIGTERM) and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Added to the inherited environment (e.g. DOCKER_HOST for a non-default engine). */
  env?: Record<string, string>;
}

/** After SIGTERM, how long compose gets to stop its build before SIGKILL. */
export const COMPOSE_STOP_GRACE_MS = 5000;

/**
 * Runs compose for one project, streaming its output; resolves with the exit code. Aborting
 * stops it and waits: SIGTERM to its process group (compose v2 runs as a plugin under `docker`),
 * SIGKILL after COMPOSE_STOP_GRACE_MS, and rejects only once it has exited, so no build goes on
 * as an orphan. An InterruptedError reason comes back saying what was stopped.
 */
export function runCompose(cli: ComposeCli, project: ComposeProjectRef, args: string[], opts: RunComposeOptions): Promise<{ code: number }> {
  return runStreaming({ command: cli.command, baseArgs: cli.baseArgs, cwd: project.dir }, args, composeArgs(project, args), opts);
}

/**
 * Runs the docker CLI in `dir` (a documented image build: `docker build --tag=app .`), streaming
 * its output, stopped as compose is; no shell ever reads its arguments.
 */
export function runDocker(dir: string, args: string[], opts: RunComposeOptions): Promise<{ code: number }> {
  return runStreaming({ command: 'docker', baseArgs: [], cwd: dir }, args, args, opts);
}

/** `args`: the arguments named in an interruption's message; `argv`: all of them, after the base ones. */
function runStreaming(cli: { command: string; baseArgs: string[]; cwd: string }, args: string[], argv: string[], opts: RunComposeOptions): Promise<{ code: number }> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const label = [cli.command, ...cli.baseArgs].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(cli.command, [...cli.baseArgs, ...argv], {
      cwd: cli.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      // Its own process group, so a stop reaches compose's own children too.
      detached: process.platform !== 'win32',
    });
    let stoppedWith: NodeJS.Signals | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const signalGroup = (sig: NodeJS.Signals): void => {
      stoppedWith = sig;
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, sig);
        else child.kill(sig);
      } catch {
        child.kill(sig); // The group is gone; the child may not be.
      }
    };
    const onAbort = (): void => {
      signalGroup('SIGTERM');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), COMPOSE_STOP_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => opts.onOutput(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => opts.onOutput(chunk));
    child.once('error', (err: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      if (signal?.aborted) reject(signal.reason);
      else if (err.code === 'ENOENT') reject(new Error(l10n.t('{0} not found: is it installed and on PATH?', label)));
      else reject(new Error(l10n.t('{0} could not start: {1}', label, err.message)));
    });
    child.once('close', (code, killedBy) => {
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      if (signal?.aborted) {
        const reason: unknown = signal.reason;
        const what = `\`${label} ${args.join(' ')}\``;
        return reject(
          reason instanceof InterruptedError
            ? new InterruptedError(
                stoppedWith !== undefined
                  ? l10n.t('{0}: stopped {1} ({2}) and waited for it to exit', reason.message, what, stoppedWith)
                  : l10n.t('{0}: stopped {1} (it had ended) and waited for it to exit', reason.message, what),
              )
            : reason,
        );
      }
      // Shell convention for a process ended by a signal, so callers still see a failure code.
      resolve({ code: code ?? 128 + (killedBy ? constants.signals[killedBy] : 0) });
    });
  });
}

/** Where the docker CLI looks for its compose plugin (docs.docker.com/compose/install/linux). */
const PLUGIN_DIRS = ['/usr/local/lib/docker/cli-plugins', '/usr/local/libexec/docker/cli-plugins', '/usr/lib/docker/cli-plugins', '/usr/libexec/docker/cli-plugins'];

/**
 * The compose command to name in a fix text, found by looking at files instead of running
 * them: `docker-compose version` is a Python start-up (most of a second) that a read-only check
 * should not pay. The rebuild still detects the CLI by running it.
 */
export function guessComposeLabel(env: Readonly<Record<string, string | undefined>>, exists: (p: string) => boolean = existsSync): string {
  const home = env.HOME ?? '';
  const configDir = env.DOCKER_CONFIG ?? (home ? join(home, '.docker') : '');
  const pluginDirs = [...(configDir ? [join(configDir, 'cli-plugins')] : []), ...PLUGIN_DIRS];
  if (pluginDirs.some((d) => exists(join(d, 'docker-compose')))) return 'docker compose';
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean);
  if (onPath.some((d) => exists(join(d, 'docker-compose')))) return 'docker-compose';
  return 'docker compose';
}

/** `config --hash '*'` output ("api 3f2a…" a line, v1 and v2) -> service -> hash; other lines (warnings) are skipped. */
export function parseConfigHashes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+([0-9a-f]{64})\s*$/.exec(line.trim());
    if (m) out.set(m[1] as string, m[2] as string);
  }
  return out;
}
