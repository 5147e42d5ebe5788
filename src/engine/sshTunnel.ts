// An ssh:// engine reached the way the docker CLI reaches it: the system `ssh` (so the user's
// keys, agent, ~/.ssh/config and known_hosts apply as they are), on the engine the docker CLI of
// the engine's host names. Unlike the CLI, one login serves a whole run: a master connection
// (ControlMaster) is opened once, and every engine connection is a channel on it: a forward of
// the remote engine's unix socket when it has one, else a `docker system dial-stdio` session as
// the CLI opens per connection. The channels are served on a private unix socket, so dockerode
// and compose (v1 and v2 alike, no paramiko) simply talk to a local socket.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { EngineUnreachableError } from '../core/errors';
import { remoteEngineHost } from '../core/probe/trust';

/** How long the first login may take (the docker CLI's ssh helper uses ConnectTimeout=30). */
export const SSH_CONNECT_TIMEOUT_S = 30;
/**
 * dial-stdio channels open at once on one login. Each is an ssh session, and sshd refuses more
 * than MaxSessions (10 by default) per connection, the login's own session included: further
 * engine connections get another login. Forwarded connections are not sessions.
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

/**
 * What the login's own session runs: the engine address the docker CLI on the remote host
 * resolves (its DOCKER_HOST, else its context), a line saying it is done, then it keeps the
 * session (and so the login) open until the tunnel closes. Through the remote user's shell, as
 * the docker CLI's `docker system dial-stdio` is; an old CLI without contexts only prints an
 * error, and the tunnel then dials through `docker system dial-stdio` as the CLI does. Errors go
 * to the same stream, so that a docker CLI missing there is told in order, before the last line.
 */
const LOGIN_COMMAND = "docker context inspect --format '{{.Endpoints.docker.Host}}' 2>&1; echo rd-logged-in; exec cat";
const LOGGED_IN = 'rd-logged-in';
/** How long the forwarded socket's first `_ping` may take before the tunnel dials per connection instead. */
const FORWARD_CHECK_MS = 5000;

/**
 * How each connection reaches the engine: through an ssh stream-local forward of the engine's
 * unix socket on the one login (a channel, no remote process: tens of milliseconds), or, when
 * the remote engine is not a unix socket or the server forbids forwarding, one `docker system
 * dial-stdio` session per connection (a remote shell and a docker process each: 0.3-0.5 s here).
 */
type SshRoute = { kind: 'forward'; socketPath: string } | { kind: 'dial-stdio' };

/** The remote engine's unix socket path from what LOGIN_COMMAND printed; undefined for anything else. */
export function remoteSocketPath(stdout: string): string | undefined {
  const line = stdout
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /^[a-z]+:\/\//i.test(l));
  const path = line && /^unix:\/\/(\/.*)$/.exec(line)?.[1];
  // `-L local:remote` splits at ':'; a path with one (or with spaces, or nothing) is not forwarded.
  return path && /^\/[^:\s]*$/.test(path) ? path : undefined;
}

/** The remote shell's words when the docker CLI is not on its PATH ("bash: line 1: docker: command not found"). */
export function remoteCliMissing(stdout: string): string | undefined {
  return /^.*\bdocker: (?:command )?not found.*$/m.exec(stdout)?.[0].trim();
}

interface Master {
  /** Its ControlPath: channels and forwards name it to ride on this login. */
  control: string;
  process: ChildProcess;
  /** Resolves with what the login command printed once logged in; rejects with the reason it could not. */
  ready: Promise<string>;
  /** dial-stdio sessions open on it now. */
  channels: number;
  exited: Promise<void>;
}

/**
 * Starts logging in now; the local socket accepts connections at once and serves them when
 * ready. Connections go through a forward of the remote engine's socket when it has one; else
 * one login serves up to MAX_SSH_CHANNELS dial-stdio sessions at once, and a client that keeps
 * more open (compose's connection pool) gets a second login rather than a wait that never ends.
 */
export function openSshTunnel(address: string, opts: SshTunnelOptions = {}): SshTunnel {
  const target = sshTarget(address);
  if (!target) throw new EngineUnreachableError(`engine unreachable: ${address} is not an ssh:// address`);
  const targetArgs = sshTargetArgs(target);
  const ssh = opts.ssh ?? 'ssh';
  const env = { ...(opts.env ?? process.env) } as NodeJS.ProcessEnv;
  const dir = mkdtempSync(join(tmpdir(), 'rd-ssh-'));
  const socketPath = join(dir, 'docker.sock');
  const forwardPath = join(dir, 'engine.sock');
  const masters: Master[] = [];
  const channels = new Set<ChildProcess>();
  const upstreams = new Set<Socket>();
  // BatchMode: never a password or host-key prompt nobody can answer; keys and agents still work.
  const common = (control: string): string[] => ['-o', 'BatchMode=yes', '-o', `ControlPath=${control}`];

  function startMaster(): Master {
    const control = join(dir, `ctl${masters.length}`);
    const proc = spawn(ssh, [...common(control), '-o', 'ControlMaster=yes', '-o', `ConnectTimeout=${SSH_CONNECT_TIMEOUT_S}`, '-T', ...targetArgs, LOGIN_COMMAND], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    proc.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-2000)));
    proc.stdin?.on('error', () => undefined);
    const exited = new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.once('error', (err) => {
        stderr = err.message;
        resolve();
      });
    });
    const ready = new Promise<string>((resolve, reject) => {
      proc.stdout?.on('data', (c: Buffer) => {
        if (stdout.includes(LOGGED_IN)) return;
        stdout = (stdout + c.toString('utf8')).slice(-4000);
        if (stdout.includes(LOGGED_IN)) resolve(stdout);
      });
      void exited.then(() => reject(new EngineUnreachableError(`engine unreachable: ${address}: ${why(stderr)}`)));
    });
    ready.catch(() => undefined); // Reported to whoever asks; never unhandled.
    const master: Master = { control, process: proc, ready, channels: 0, exited };
    masters.push(master);
    return master;
  }

  const first = startMaster();
  const route: Promise<SshRoute> = first.ready.then(async (printed) => {
    const remote = remoteSocketPath(printed);
    const missing = remote === undefined ? remoteCliMissing(printed) : undefined;
    if (missing) throw new EngineUnreachableError(`engine unreachable: ${address}: ${missing} (the engine's host needs the docker CLI)`);
    if (remote === undefined) return { kind: 'dial-stdio' };
    const forwarded = await succeeds(ssh, [...common(first.control), '-O', 'forward', '-L', `${forwardPath}:${remote}`, ...targetArgs], env);
    return forwarded && (await answersPing(forwardPath)) ? { kind: 'forward', socketPath: forwardPath } : { kind: 'dial-stdio' };
  });
  route.catch(() => undefined);

  function masterWithRoom(): Master {
    return masters.find((m) => m.channels < MAX_SSH_CHANNELS && m.process.exitCode === null) ?? startMaster();
  }

  /** One connection, one `docker system dial-stdio` session on a login with room. */
  async function dialStdio(socket: Socket): Promise<void> {
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
    const channel = spawn(ssh, [...common(master.control), '-o', 'ControlMaster=no', '-T', ...targetArgs, 'docker', 'system', 'dial-stdio'], {
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

  /** One connection through the forwarded engine socket: a channel on the login, no remote process. */
  function forward(socket: Socket, path: string): void {
    const upstream = connect(path);
    upstreams.add(upstream);
    upstream.once('close', () => {
      upstreams.delete(upstream);
      socket.destroy();
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    socket.once('close', () => upstream.destroy());
    socket.pipe(upstream);
    upstream.pipe(socket);
  }

  async function serve(socket: Socket): Promise<void> {
    const how = await route;
    if (socket.destroyed) return;
    if (how.kind === 'forward') forward(socket, how.socketPath);
    else await dialStdio(socket);
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
    ready: async () => {
      await route;
    },
    async close() {
      agent.destroy();
      // A client's idle keep-alive connection would hold server.close() open until it times out.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      for (const upstream of upstreams) upstream.destroy();
      for (const channel of channels) channel.kill();
      for (const m of masters) if (m.process.exitCode === null && m.process.signalCode === null) m.process.kill('SIGTERM');
      await Promise.race([Promise.all(masters.map((m) => m.exited)), delay(5000, undefined, { ref: false })]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The engine answers `GET /_ping` on this socket (the server may refuse a forward only when it is used). */
function answersPing(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    let head = '';
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), FORWARD_CHECK_MS);
    socket.on('error', () => done(false));
    socket.once('close', () => done(/^HTTP\/1\.[01] 200 /.test(head)));
    socket.on('data', (c: Buffer) => {
      head += c.toString('latin1');
      if (head.includes('\r\n')) done(/^HTTP\/1\.[01] 200 /.test(head));
    });
    socket.write('GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n');
  });
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
