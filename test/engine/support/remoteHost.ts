// A "remote" Docker host on this machine: two network namespaces of the test's own, joined by a
// veth pair — the engine's host (a private dockerd, its own data and exec roots) and the client's
// (where the CLI runs) — so the client's 127.0.0.1 is not the engine host's, as on a real infra
// node. Nothing is added to the machine's own network namespace, and the shared engine at
// /var/run/docker.sock is never touched (no swarm init there). stop() removes everything.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { runCli } from './dockerCli';
import { findCommand } from '../../../scripts/engine-setup.mjs';
import type { CliResult } from './dockerCli';

export interface TlsMaterial {
  dir: string;
  /** Client files as DOCKER_CERT_PATH wants them: ca.pem, cert.pem, key.pem. */
  clientDir: string;
  serverCert: string;
  serverKey: string;
  ca: string;
}

export interface RemoteHostOptions {
  /** Images copied from the shared engine (docker save | load): nothing can be pulled here. */
  images?: string[];
  /** Serve the engine API on tcp://<engineIp>:2376 with TLS, client certificates verified. */
  tls?: boolean;
  /** Serve it on tcp://<engineIp>:2375 in the clear (ignored with tls). */
  tcp?: boolean;
}

export interface RemoteHost {
  engineNs: string;
  clientNs: string;
  /** The engine host's address, seen from the client namespace. */
  engineIp: string;
  /** The client's address, seen from the engine host. */
  clientIp: string;
  /** unix:// address of the private engine, for the test's own set-up (it is reachable from here). */
  socketHost: string;
  /** tcp:// address the client uses (TLS or clear), when one was asked for. */
  tcpHost?: string;
  tls?: TlsMaterial;
  dir: string;
  /** Runs a command in a namespace, argument array only. */
  run(ns: string, command: string, args: string[], opts?: { env?: Record<string, string>; cwd?: string; timeoutMs?: number }): Promise<CliResult>;
  /** Starts a long-lived process in a namespace; stop() ends it. */
  spawnIn(ns: string, command: string, args: string[]): ChildProcess;
  /** docker against the private engine's socket. */
  docker(args: string[], opts?: { cwd?: string; env?: Record<string, string> }): Promise<CliResult>;
  stop(): Promise<void>;
}

const ENGINE_START_TIMEOUT_MS = 60_000;

async function must(result: Promise<CliResult>, what: string): Promise<CliResult> {
  const r = await result;
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}: ${r.stderr.trim() || r.stdout.trim()}`);
  return r;
}

/** dockerd as scripts/engine-setup.mjs finds the main engine's: on PATH, else in the sbin folders. */
function dockerdPath(): string {
  return findCommand('dockerd') ?? 'dockerd';
}

export async function startRemoteHost(opts: RemoteHostOptions = {}): Promise<RemoteHost> {
  const id = randomBytes(3).toString('hex');
  const engineNs = `rd-e-${id}`;
  const clientNs = `rd-c-${id}`;
  // 10.213.x.0/30 inside namespaces that only this test has: no traffic leaves them.
  const subnet = 1 + (parseInt(id.slice(0, 2), 16) % 250);
  const engineIp = `10.213.${subnet}.1`;
  const clientIp = `10.213.${subnet}.2`;
  const dir = mkdtempSync(join(tmpdir(), 'rd-remote-'));
  const children: ChildProcess[] = [];
  const socket = join(dir, 'docker.sock');
  let dockerd: ChildProcess | undefined;

  // nsenter, not `ip netns exec`: that also remounts /sys, which hides the cgroup mounts dockerd needs.
  const enter = (ns: string): string[] => [`--net=/run/netns/${ns}`, '--'];
  const run: RemoteHost['run'] = (ns, command, args, o = {}) => runCli('nsenter', [...enter(ns), command, ...args], { ...o, timeoutMs: o.timeoutMs ?? 120_000 });
  const spawnIn: RemoteHost['spawnIn'] = (ns, command, args) => {
    const child = spawn('nsenter', [...enter(ns), command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    return child;
  };
  const docker: RemoteHost['docker'] = (args, o = {}) => runCli('docker', ['-H', `unix://${socket}`, ...args], { ...o, timeoutMs: 300_000 });

  const stop = async (): Promise<void> => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    if (dockerd && dockerd.exitCode === null) {
      // dockerd stops its containers and its containerd, and unmounts its layers, on SIGTERM.
      const exited = new Promise((resolve) => dockerd?.once('exit', resolve));
      dockerd.kill('SIGTERM');
      await Promise.race([exited, delay(30_000)]);
      if (dockerd.exitCode === null) dockerd.kill('SIGKILL');
    }
    // dockerd leaves its namespace files bind-mounted under the exec root.
    for (const mount of mountsUnder(dir)) await runCli('umount', ['-l', mount]);
    await runCli('ip', ['netns', 'del', engineNs]);
    await runCli('ip', ['netns', 'del', clientNs]);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await must(runCli('ip', ['netns', 'add', engineNs]), 'ip netns add');
    await must(runCli('ip', ['netns', 'add', clientNs]), 'ip netns add');
    await must(runCli('ip', ['link', 'add', 've', 'netns', engineNs, 'type', 'veth', 'peer', 'name', 'vc', 'netns', clientNs]), 'ip link add veth');
    for (const [ns, ip, dev] of [[engineNs, engineIp, 've'], [clientNs, clientIp, 'vc']] as const) {
      await must(run(ns, 'ip', ['link', 'set', 'lo', 'up']), 'lo up');
      await must(run(ns, 'ip', ['addr', 'add', `${ip}/30`, 'dev', dev]), 'ip addr add');
      await must(run(ns, 'ip', ['link', 'set', dev, 'up']), 'link up');
    }

    const tls = opts.tls ? makeTls(dir, engineIp) : undefined;
    const port = tls ? 2376 : 2375;
    const listen = tls || opts.tcp ? ['-H', `tcp://${engineIp}:${port}`] : [];
    const tlsFlags = tls ? ['--tlsverify', '--tlscacert', tls.ca, '--tlscert', tls.serverCert, '--tlskey', tls.serverKey] : [];
    dockerd = spawnIn(engineNs, dockerdPath(), [
      '--data-root', join(dir, 'data'),
      '--exec-root', join(dir, 'exec'),
      '--pidfile', join(dir, 'dockerd.pid'),
      '-H', `unix://${socket}`,
      ...listen,
      ...tlsFlags,
      '--bridge=none', '--iptables=false', '--ip6tables=false',
    ]);
    await engineUp(dockerd, docker);
    await loadImages(docker, opts.images ?? [], dir);
    return {
      engineNs,
      clientNs,
      engineIp,
      clientIp,
      socketHost: `unix://${socket}`,
      ...(tls || opts.tcp ? { tcpHost: `tcp://${engineIp}:${port}` } : {}),
      ...(tls ? { tls } : {}),
      dir,
      run,
      spawnIn,
      docker,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Waits until the private dockerd answers; throws with its last words when it does not. */
async function engineUp(dockerd: ChildProcess, docker: RemoteHost['docker']): Promise<void> {
  let log = '';
  dockerd.stderr?.on('data', (c: Buffer) => (log = (log + c.toString('utf8')).slice(-4000)));
  dockerd.stdout?.resume();
  const deadline = Date.now() + ENGINE_START_TIMEOUT_MS;
  while ((await docker(['version', '--format', '{{.Server.Version}}'])).code !== 0) {
    if (dockerd.exitCode !== null || Date.now() > deadline) throw new Error(`private dockerd did not start: ${log}`);
    await delay(250);
  }
}

/** Copies images from the shared engine (docker save | load): nothing can be pulled here. */
async function loadImages(docker: RemoteHost['docker'], images: readonly string[], dir: string): Promise<void> {
  for (const image of images) {
    const file = join(dir, 'image.tar');
    await must(runCli('docker', ['save', '-o', file, image], { timeoutMs: 300_000 }), `docker save ${image}`);
    await must(docker(['load', '-q', '-i', file]), `docker load ${image}`);
    rmSync(file, { force: true });
  }
}

/** A second private engine on the client's side of the veth: another node, with a host name of its own. */
export interface WorkerEngine {
  /** Its host name (its own UTS namespace), as a Swarm names the node. */
  hostname: string;
  /** Its address on the veth, seen from the engine host. */
  ip: string;
  docker(args: string[], opts?: { cwd?: string; env?: Record<string, string> }): Promise<CliResult>;
  stop(): Promise<void>;
}

/**
 * Starts a dockerd in the host's client namespace (so the first engine reaches it over the veth,
 * as two machines would), in a UTS namespace of its own named `hostname`. Its files are under the
 * host's folder, so the host's stop() unmounts what it leaves.
 */
export async function startWorkerEngine(host: RemoteHost, hostname: string, images: readonly string[]): Promise<WorkerEngine> {
  const dir = join(host.dir, 'worker');
  const socket = join(dir, 'docker.sock');
  const docker: WorkerEngine['docker'] = (args, o = {}) => runCli('docker', ['-H', `unix://${socket}`, ...args], { ...o, timeoutMs: 300_000 });
  // The script is constant; the host name and dockerd's arguments are its positional parameters.
  const dockerd = host.spawnIn(host.clientNs, 'unshare', ['--uts', '--', 'sh', '-c', 'hostname "$0" && exec "$@"', hostname, dockerdPath(),
    '--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'), '--pidfile', join(dir, 'dockerd.pid'),
    '-H', `unix://${socket}`, '--bridge=none', '--iptables=false', '--ip6tables=false']);
  const stop = async (): Promise<void> => {
    if (dockerd.exitCode !== null) return;
    const exited = new Promise((resolve) => dockerd.once('exit', resolve));
    dockerd.kill('SIGTERM');
    await Promise.race([exited, delay(30_000)]);
    if (dockerd.exitCode === null) dockerd.kill('SIGKILL');
  };
  try {
    await engineUp(dockerd, docker);
    await loadImages(docker, images, host.dir);
  } catch (err) {
    await stop();
    throw err;
  }
  return { hostname, ip: host.clientIp, docker, stop };
}

function mountsUnder(dir: string): string[] {
  return readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((mount) => mount.startsWith(`${dir}/`))
    .reverse();
}

/** A CA, a server certificate for `ip` and a client certificate, made with openssl now. */
function makeTls(parent: string, ip: string): TlsMaterial {
  const dir = join(parent, 'tls');
  const clientDir = join(dir, 'client');
  const sh = [
    `set -e; mkdir -p "${clientDir}"; cd "${dir}"`,
    'openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 1 -subj /CN=rd-test-ca 2>/dev/null',
    'openssl req -newkey rsa:2048 -nodes -keyout server-key.pem -out server.csr -subj /CN=rd-engine 2>/dev/null',
    `printf 'subjectAltName=IP:${ip}\\nextendedKeyUsage=serverAuth\\n' > server.ext`,
    'openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out server-cert.pem -days 1 -extfile server.ext 2>/dev/null',
    'openssl req -newkey rsa:2048 -nodes -keyout client/key.pem -out client.csr -subj /CN=rd-client 2>/dev/null',
    "printf 'extendedKeyUsage=clientAuth\\n' > client.ext",
    'openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out client/cert.pem -days 1 -extfile client.ext 2>/dev/null',
    'cp ca.pem client/ca.pem',
  ].join('\n');
  const script = join(parent, 'make-tls.sh');
  writeFileSync(script, sh);
  const r = spawnSync('sh', [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  return { dir, clientDir, ca: join(dir, 'ca.pem'), serverCert: join(dir, 'server-cert.pem'), serverKey: join(dir, 'server-key.pem') };
}
