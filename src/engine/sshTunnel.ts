// An ssh:// engine reached the way the docker CLI reaches it: the system `ssh` (so the user's
// keys, agent, ~/.ssh/config and known_hosts apply as they are) running `docker system
// dial-stdio` on the engine's host. Unlike the CLI, one login serves a whole run: a master
// connection (ControlMaster) is opened once, and every engine connection is a channel on it.
// The channels are served on a private unix socket, so dockerode and compose (v1 and v2 alike,
// no paramiko) simply talk to a local socket.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { EngineUnreachableError } from '../core/ports';
import { remoteEngineHost } from '../core/probe/trust';

/** How long the first login may take (the docker CLI's ssh helper uses ConnectTimeout=30). */
export const SSH_CONNECT_TIMEOUT_S = 30;
/** How often the master's control socket is looked for while it logs in. */
const READY_POLL_MS = 10;
/**
 * Channels open at once on the one login. Each is an ssh session, and sshd refuses more than
 * MaxSessions (10 by default) per connection: further engine connections wait their turn.
 */
export const MAX_SSH_CHANNELS = 8;

export interface SshTarget {
  host: string;
  port?: number;
  user?: string;
}

export interface SshTunnel {
  /** unix:// address of the local socket that reaches the remote engine. */
  readonly localHost: string;
  readonly socketPath: string;
  /** Keeps connections to the local socket open between requests: each new one is an ssh channel and a remote process. */
  readonly agent: Agent;
  /** Resolves once logged in; rejects with EngineUnreachableError("engine unreachable: <why>"). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** ssh://user@host:port as the target the ssh command takes; undefined for any other address. */
export function sshTarget(address: string): SshTarget | undefined {
  if (!/^ssh:\/\//i.test(address)) return undefined;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (!url.hostname) return undefined;
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    ...(url.port ? { port: Number(url.port) } : {}),
    ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
  };
}

/** The ssh arguments that name the target (`-l user -p port -- host`), as the docker CLI builds them. */
export function sshTargetArgs(t: SshTarget): string[] {
  return [...(t.user ? ['-l', t.user] : []), ...(t.port ? ['-p', String(t.port)] : []), '--', t.host];
}

/**
 * The host whose published ports are the services' ports: for ssh:// the host name ssh really
 * connects to (`ssh -G` applies ~/.ssh/config, so an alias becomes its HostName), else the
 * address's own host; undefined for a local engine.
 */
export function engineProbeHost(address: string, env: Readonly<Record<string, string | undefined>>, ssh = 'ssh'): string | undefined {
  const target = sshTarget(address);
  if (!target) return remoteEngineHost(address);
  const r = spawnSync(ssh, ['-G', ...sshTargetArgs(target)], { env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 5000 });
  const hostname = r.status === 0 ? /^hostname (\S+)$/m.exec(r.stdout)?.[1] : undefined;
  const host = hostname ?? target.host;
  return remoteEngineHost(`ssh://${host.includes(':') ? `[${host}]` : host}`);
}

export interface SshTunnelOptions {
  /** The ssh command (default "ssh" on PATH). */
  ssh?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

interface Master {
  /** Its ControlPath: channels name it to ride on this login. */
  control: string;
  process: ChildProcess;
  /** Resolves once logged in; rejects with the reason it could not. */
  ready: Promise<void>;
  /** Channels open on it now. */
  channels: number;
  exited: Promise<void>;
}

/**
 * Starts logging in now; the local socket accepts connections at once and serves them when
 * ready. One login serves up to MAX_SSH_CHANNELS connections at once; a client that keeps more
 * open (compose's connection pool) gets a second login rather than a wait that never ends.
 */
export function openSshTunnel(address: string, opts: SshTunnelOptions = {}): SshTunnel {
  const target = sshTarget(address);
  if (!target) throw new EngineUnreachableError(`engine unreachable: ${address} is not an ssh:// address`);
  const ssh = opts.ssh ?? 'ssh';
  const env = { ...(opts.env ?? process.env) } as NodeJS.ProcessEnv;
  const dir = mkdtempSync(join(tmpdir(), 'rd-ssh-'));
  const socketPath = join(dir, 'docker.sock');
  const masters: Master[] = [];
  const channels = new Set<ChildProcess>();
  // BatchMode: never a password or host-key prompt nobody can answer; keys and agents still work.
  const common = (control: string): string[] => ['-o', 'BatchMode=yes', '-o', `ControlPath=${control}`];

  function startMaster(): Master {
    const control = join(dir, `ctl${masters.length}`);
    const proc = spawn(ssh, [...common(control), '-o', 'ControlMaster=yes', '-o', `ConnectTimeout=${SSH_CONNECT_TIMEOUT_S}`, '-N', '-T', ...sshTargetArgs(target as SshTarget)], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-2000)));
    const exited = new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.once('error', (err) => {
        stderr = err.message;
        resolve();
      });
    });
    const ready = (async () => {
      for (;;) {
        if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) {
          await exited;
          throw new EngineUnreachableError(`engine unreachable: ${address}: ${why(stderr)}`);
        }
        // ssh makes the control socket once logged in; `-O check` then confirms the master answers on it.
        if (existsSync(control) && (await succeeds(ssh, [...common(control), '-O', 'check', ...sshTargetArgs(target as SshTarget)], env))) return;
        await Promise.race([delay(READY_POLL_MS), exited]);
      }
    })();
    ready.catch(() => undefined); // Reported to whoever asks; never unhandled.
    const master: Master = { control, process: proc, ready, channels: 0, exited };
    masters.push(master);
    return master;
  }

  const first = startMaster();

  function masterWithRoom(): Master {
    return masters.find((m) => m.channels < MAX_SSH_CHANNELS && m.process.exitCode === null) ?? startMaster();
  }

  async function serve(socket: Socket): Promise<void> {
    await first.ready;
    const master = masterWithRoom();
    master.channels++;
    try {
      await master.ready;
    } catch {
      master.channels--;
      socket.destroy();
      return;
    }
    if (socket.destroyed) {
      master.channels--;
      return;
    }
    const channel = spawn(ssh, [...common(master.control), '-o', 'ControlMaster=no', '-T', ...sshTargetArgs(target as SshTarget), 'docker', 'system', 'dial-stdio'], {
      env,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    channels.add(channel);
    channel.once('close', () => {
      channels.delete(channel);
      master.channels--;
      socket.destroy();
    });
    channel.once('error', () => socket.destroy());
    channel.stdin?.on('error', () => socket.destroy());
    if (channel.stdin) socket.pipe(channel.stdin);
    channel.stdout?.pipe(socket);
    socket.once('close', () => channel.kill());
    socket.on('error', () => channel.kill());
  }

  const sockets = new Set<Socket>();
  const server: Server = createServer((socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serve(socket).catch(() => socket.destroy());
  });
  server.listen(socketPath);

  const agent = new Agent({ keepAlive: true, maxSockets: MAX_SSH_CHANNELS });
  return {
    localHost: `unix://${socketPath}`,
    socketPath,
    agent,
    ready: () => first.ready,
    async close() {
      agent.destroy();
      // A client's idle keep-alive connection would hold server.close() open until it times out.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      for (const channel of channels) channel.kill();
      for (const m of masters) if (m.process.exitCode === null && m.process.signalCode === null) m.process.kill('SIGTERM');
      await Promise.race([Promise.all(masters.map((m) => m.exited)), delay(5000, undefined, { ref: false })]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** ssh's last words, on one line: "Permission denied (publickey).", "Host key verification failed.". */
export function why(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^Warning: Permanently added/.test(l));
  return lines.at(-1) ?? 'ssh exited without saying why';
}

function succeeds(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}
