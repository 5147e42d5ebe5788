// Runs the real CLI (dist/cli.js) as a child, with a time bound the test states, and measures
// what a user would: exit code, stdout, stderr, wall time, peak memory.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import * as path from 'node:path';

export const CLI = path.resolve(__dirname, '../../../dist/cli.js');

export interface CliRun {
  /** Exit code; 128 + n when ended by signal n. */
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory seen (kB), sampled from /proc every 50 ms. */
  peakRssKb: number;
  /** True when the bound passed and the test had to kill it. */
  killedAtBound: boolean;
}

export interface CliOptions {
  /** Added to the environment. */
  env?: Record<string, string | undefined>;
  /** The promise under test: the run ends within this; killed (and reported) beyond it. */
  boundMs: number;
  /** Runs the CLI through this prefix (e.g. setpriv ... to drop capabilities). */
  prefix?: string[];
  /** Called once the child runs (to signal it, say). */
  onStart?: (child: ChildProcess) => void;
}

export function runCli(args: string[], opts: CliOptions): Promise<CliRun> {
  const started = Date.now();
  const [cmd, ...pre] = [...(opts.prefix ?? []), process.execPath, CLI];
  const child = spawn(cmd as string, [...pre, ...args], { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let peakRssKb = 0;
  let killedAtBound = false;
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const sample = setInterval(() => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakRssKb = Math.max(peakRssKb, Number(m[1]));
    } catch {
      // exited
    }
  }, 50);
  const bound = setTimeout(() => {
    killedAtBound = true;
    child.kill('SIGKILL');
  }, opts.boundMs);
  opts.onStart?.(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearInterval(sample);
      clearTimeout(bound);
      const n = signal ? constants.signals[signal] : 0;
      resolve({ code: code ?? 128 + n, stdout, stderr, ms: Date.now() - started, peakRssKb, killedAtBound });
    });
  });
}

/** Fails with the run's output when it did not end by itself within its bound. */
export function assertBounded(run: CliRun, boundMs: number): void {
  if (run.killedAtBound || run.ms > boundMs) {
    throw new Error(`not bounded: still running after ${boundMs} ms\nstdout: ${run.stdout.slice(-2000)}\nstderr: ${run.stderr.slice(-2000)}`);
  }
}

/** No stack trace and no "internal error" reaches the user. */
export function assertNoInternalError(run: CliRun): void {
  const text = run.stdout + run.stderr;
  if (/internal error|\n\s+at .+\(.+:\d+:\d+\)/.test(text)) throw new Error(`the user sees an internal error or a stack:\n${run.stderr.slice(-3000)}`);
}
