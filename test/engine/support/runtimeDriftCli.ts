// Runs the built CLI (dist/cli.js) for engine tests, and finds a free loopback port for a stack.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';
import type { Report, ServiceReport } from '../../../src/core/model';
import { runCli } from './dockerCli';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `runtime-drift ARGS` with `env` added to this process's environment; never rejects. */
export function runtimeDrift(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 }, (err, stdout, stderr) => {
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `runtime-drift check --workspace DIR --json`: the service named `name` (asserted to be in the report), the exit code and the output. */
export async function checkService(dir: string, name: string, env: Record<string, string>): Promise<{ code: number; service: ServiceReport; stdout: string; stderr: string }> {
  const run = await runtimeDrift(['check', '--workspace', dir, '--json'], env);
  const service = (JSON.parse(run.stdout) as Report).services.find((s) => s.name === name);
  assert.ok(service, run.stdout + run.stderr);
  return { code: run.code, service, stdout: run.stdout, stderr: run.stderr };
}

/** `docker-compose up -d --build` of the stack in `dir` with the classic builder, asserted to succeed. */
export async function composeUpBuilt(dir: string, env: Record<string, string>): Promise<void> {
  const up = await runCli('docker-compose', ['up', '-d', '--build'], { cwd: dir, env: { ...env, DOCKER_BUILDKIT: '0' }, timeoutMs: 300_000 });
  assert.equal(up.code, 0, up.stderr);
}
