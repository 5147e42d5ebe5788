// Runs the docker CLI for engine tests: argument arrays only, never a shell string.
import { execFile } from 'node:child_process';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface DockerCliOptions {
  /** Working directory (a build context, a compose project). */
  cwd?: string;
  /** Default 120 s: image builds on a busy two-core machine are slow. */
  timeoutMs?: number;
  /** Added to the inherited environment. */
  env?: Record<string, string>;
  /** Throw with the command's stderr when it exits non-zero (default false). */
  check?: boolean;
}

export function dockerCli(args: string[], opts: DockerCliOptions = {}): Promise<CliResult> {
  return runCli('docker', args, opts);
}

/** Any CLI (docker-compose, …) with the same conventions as dockerCli. */
export function runCli(command: string, args: string[], opts: DockerCliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: opts.cwd,
        timeout: opts.timeoutMs ?? 120_000,
        maxBuffer: 32 * 1024 * 1024,
        env: opts.env ? { ...process.env, ...opts.env } : process.env,
      },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
        const result = { code, stdout: String(stdout), stderr: String(stderr) };
        if (opts.check && code !== 0) {
          reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${result.stderr.trim() || result.stdout.trim() || err?.message}`));
        } else {
          resolve(result);
        }
      },
    );
  });
}
