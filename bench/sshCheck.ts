// A check over ssh:// against the same check over the local socket (issue #11's target: ≤ 1.5×).
// A real sshd on a loopback port, key-only, with an ssh config and keys of its own (the engine
// behind it is this machine's, so only the transport differs), a one-service workspace, N
// interleaved rounds of the built CLI (dist/cli.js) each way. Prints wall-time medians, each
// run's CPU (the CLI and its children: ssh, compose), and the load average, as the machine is
// shared. Run: node scripts/with-engine.mjs tsx bench/sshCheck.ts [rounds=10]
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findFreePort } from '../test/fixtures/incident/driver.mjs';
import { cleanupProject } from '../test/engine/support/cleanupProject';
import { writeHealthWorkspace } from '../test/engine/support/healthWorkspace';
import { uniqueProjectName } from '../test/engine/support/projectNames';
import { startSshServer } from '../test/engine/support/sshServer';

const CLI = path.resolve(__dirname, '../dist/cli.js');
const LOCAL = 'unix:///var/run/docker.sock';

/** CPU of this process's waited-for children so far (cutime + cstime in /proc/self/stat), ms. */
function childCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function main(rounds: number): Promise<void> {
  const sshd = await startSshServer();
  const project = uniqueProjectName('rdsshbench');
  const ws = writeHealthWorkspace({ project, port: await findFreePort() });
  // No agent: keys come from the test's ssh config.
  const env = { ...process.env, PATH: `${sshd.binDir}:${process.env.PATH ?? ''}`, SSH_AUTH_SOCK: '', DOCKER_CONTEXT: '' };
  const ways = [['local socket', LOCAL], ['ssh', `ssh://${sshd.hosts.good}`]] as const;
  const wall: number[][] = [[], []];
  const cpu: number[][] = [[], []];
  const loads: string[] = [];
  try {
    const up = await runCli(['rebuild', 'api', '--workspace', ws], { ...env, DOCKER_HOST: LOCAL });
    if (up.code !== 0) throw new Error(`rebuild failed: ${up.stderr}`);
    for (const [, host] of ways) await runCli(['check', '--workspace', ws], { ...env, DOCKER_HOST: host }); // warm-up
    for (let i = 0; i < rounds; i++) {
      for (const [k, [name, host]] of ways.entries()) {
        const [c0, t0] = [childCpuMs(), performance.now()];
        const run = await runCli(['check', '--workspace', ws], { ...env, DOCKER_HOST: host });
        wall[k]?.push(performance.now() - t0);
        cpu[k]?.push(childCpuMs() - c0);
        if (run.code !== 0) throw new Error(`${name} check exited ${run.code}: ${run.stderr}`);
      }
      loads.push(readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?');
    }
  } finally {
    await cleanupProject(project);
    await sshd.stop();
    rmSync(ws, { recursive: true, force: true });
  }
  for (const [k, [name]] of ways.entries()) {
    console.log(`${name.padEnd(13)} wall median ${Math.round(median(wall[k] ?? []))} ms (${(wall[k] ?? []).map(Math.round).join(', ')}); CPU median ${median(cpu[k] ?? [])} ms`);
  }
  console.log(`ssh / local: ${(median(wall[1] ?? []) / median(wall[0] ?? [])).toFixed(2)}× (medians of ${rounds} interleaved rounds); logins ${sshd.logins()}; 1-min load ${loads.join(' ')}`);
}

void main(Number(process.argv[2] ?? 10)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
