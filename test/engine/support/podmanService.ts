// A real Podman service (its Docker-compatible API) with a private config, storage and socket:
// nothing under /etc or /var/lib changes, and stop() removes it all. See RECIPES "Podman".
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { runCli } from './dockerCli';

/** Processes whose command line names `dir` (Podman's conmon, with its --root there): ours to end. */
export function processesUnder(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

export interface PodmanService {
  /** unix:// address of its API socket. */
  host: string;
  /** Its storage folder: every process it starts names it. */
  dir: string;
  /** podman with this service's config and storage. */
  podman(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

/** The sandbox refuses Podman's default rlimits: ask for the machine's own hard limits. */
function ulimits(): string[] {
  const hard = (flag: string) => spawnSync('sh', ['-c', `ulimit -H${flag}`], { encoding: 'utf8' }).stdout.trim();
  const pidMax = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim());
  const nofile = hard('n');
  const nprocRaw = hard('u');
  const nproc = nprocRaw === 'unlimited' ? pidMax : Math.min(Number(nprocRaw), pidMax);
  return [`"nofile=${nofile}:${nofile}"`, `"nproc=${nproc}:${nproc}"`];
}

export async function startPodmanService(opts: { images?: string[] } = {}): Promise<PodmanService> {
  const dir = mkdtempSync(join(tmpdir(), 'rd-podman-'));
  const conf = join(dir, 'containers.conf');
  writeFileSync(conf, `[engine]\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n[containers]\ndefault_ulimits = [${ulimits().join(', ')}]\n`);
  const socket = join(dir, 'podman.sock');
  const env = { CONTAINERS_CONF: conf };
  const base = ['--root', join(dir, 'root'), '--runroot', join(dir, 'run'), '--tmpdir', join(dir, 'tmp')];
  const podman: PodmanService['podman'] = (args) => runCli('podman', [...base, ...args], { env, timeoutMs: 300_000 });
  const service: ChildProcess = spawn('podman', [...base, 'system', 'service', '--time=0', `unix://${socket}`], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  service.stderr?.on('data', (c: Buffer) => (log = (log + c.toString('utf8')).slice(-4000)));

  const stop = async (): Promise<void> => {
    // Containers first (their conmon processes), then the service, then the storage.
    await podman(['rm', '-a', '-f', '-t', '0']);
    const exited = new Promise((resolve) => service.once('exit', resolve));
    if (service.exitCode === null) service.kill('SIGTERM');
    await Promise.race([exited, delay(10_000)]);
    await podman(['system', 'reset', '-f']).catch(() => undefined);
    // Podman 4 keeps a conmon for 300 s after each exec; they are this service's, so they end here.
    for (const pid of processesUnder(dir)) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    spawnSync('sh', ['-c', `grep -o ' ${dir}/[^ ]*' /proc/self/mounts | sort -r | xargs -r -n1 umount -l`]);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while ((await runCli('docker', ['-H', `unix://${socket}`, 'version', '--format', '{{.Server.Version}}'])).code !== 0) {
      if (service.exitCode !== null || Date.now() > deadline) throw new Error(`podman service did not start: ${log}`);
      await delay(200);
    }
    for (const image of opts.images ?? []) {
      const file = join(dir, 'image.tar');
      const saved = await runCli('docker', ['save', '-o', file, image], { timeoutMs: 300_000 });
      if (saved.code !== 0) throw new Error(`docker save ${image}: ${saved.stderr}`);
      const loaded = await podman(['load', '-q', '-i', file]);
      if (loaded.code !== 0) throw new Error(`podman load ${image}: ${loaded.stderr}`);
      rmSync(file, { force: true });
    }
    return { host: `unix://${socket}`, dir, podman, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
