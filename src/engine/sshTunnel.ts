// An ssh:// engine reached the way the docker CLI reaches it: the system `ssh` (so the user's
// keys, agent, ~/.ssh/config and known_hosts apply as they are), on the engine the docker CLI of
// the engine's host names. Unlike the CLI, one login serves a whole run: a master connection
// (ControlMaster) is opened once, and every engine connection is a channel on it: a forward of
// the remote engine's unix socket when it has one, else a `docker system dial-stdio` session as
// the CLI opens per connection. The channels are served on a private unix socket, so dockerode
// and compose (v1 and v2 alike, no paramiko) simply talk to a local socket.
import * as l10n from '@vscode/l10n';
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
import { DEFAULT_DOCKER_HOST } from './dockerHost';

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
 * What the login's own session runs: which engine the docker CLI of the engine's host would use,
 * read the way that CLI reads it ($DOCKER_HOST, else $DOCKER_CONTEXT, else `currentContext` in
 * $DOCKER_CONFIG/config.json) with shell builtins only; the remote CLI itself starts only when a
 * context other than "default" is named (its own start costs 0.6-0.7 s, more than the login).
 * Then whether that CLI is on the PATH (dial-stdio needs it), a line saying it is done, and a
 * builtin loop that keeps the session (and so the login) open until the tunnel closes. Constant:
 * nothing from the workspace goes into it. Run by /bin/sh whatever the login shell is, one line
 * without single quotes or `!` so that csh and fish pass it on unchanged.
 */
const LOGIN_SCRIPT = [
  'h=$DOCKER_HOST; c=$DOCKER_CONTEXT; f=${DOCKER_CONFIG:-$HOME/.docker}/config.json',
  // config.json is read line by line and only the currentContext value is printed: its `auths` never leave the host.
  'if [ -z "$h$c" ] && [ -r "$f" ]; then while IFS= read -r l || [ -n "$l" ]; do case $l in *\\"currentContext\\"*) r=${l#*\\"currentContext\\"}; r=${r#*\\"}; c=${r%%\\"*};; esac; done < "$f"; fi',
  `if [ -z "$h" ]; then case $c in ""|default) h=${DEFAULT_DOCKER_HOST};; *) h=$(docker context inspect --format "{{.Endpoints.docker.Host}}" 2>&1);; esac; fi`,
  'echo "rd-engine=$h"',
  'command -v docker >/dev/null 2>&1 || echo rd-no-cli',
  'echo rd-logged-in',
  'while read -r l; do :; done',
].join('; ');
const LOGIN_COMMAND = `/bin/sh -c '${LOGIN_SCRIPT}'`;
const LOGGED_IN = 'rd-logged-in';
const DEFAULT_SOCKET = DEFAULT_DOCKER_HOST.slice('unix://'.length);
/** How long the forwarded socket's first `_ping` may take before the tunnel dials per connection instead. */
const FORWARD_CHECK_MS = 5000;

/**
 * How each connection reaches the engine: through an ssh stream-local forward of the engine's
 * unix socket on the one login (a channel, no remote process: tens of milliseconds), or, when
 * the remote engine is not a unix socket or the server forbids forwarding, one `docker system
 * dial-stdio` session per connection (a remote shell and a docker process each: 0.3-0.5 s here).
 */
type SshRoute = { kind: 'forward'; socketPath: string } | { kind: 'dial-stdio' };

/** What the login's session said about the engine's host. */
export interface LoginAnswer {
  /** The engine address the docker CLI there would use, or what it said instead (an error). */
  engine: string;
  /** The docker CLI is on that host's PATH (dial-stdio needs it). */
  cli: boolean;
}

/** The login's answer out of what its session printed (the login shell's own greetings are skipped). */
export function loginAnswer(stdout: string): LoginAnswer {
  const lines = stdout.split('\n').map((l) => l.trim());
  const at = lines.findIndex((l) => l.startsWith('rd-engine='));
  const end = lines.indexOf(LOGGED_IN, at);
  if (at >= 0) lines[at] = (lines[at] ?? '').slice('rd-engine='.length);
  // The remote CLI may warn before its answer, or answer with an error over several lines.
  const said = at < 0 ? [] : lines.slice(at, end < 0 ? undefined : end).filter((l) => l !== '' && l !== 'rd-no-cli');
  return { engine: said.find((l) => /^[a-z][a-z0-9+.-]*:\/\//i.test(l)) ?? said.join(' '), cli: !lines.includes('rd-no-cli') };
}

/** The remote engine's unix socket path from the login's answer; undefined for anything else. */
export function remoteSocketPath(engine: string): string | undefined {
  const path = /^unix:\/\/(\/.*)$/.exec(engine.trim())?.[1];
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
  return new Tunnel(address, target, opts);
}

class Tunnel implements SshTunnel {
  readonly localHost: string;
  readonly socketPath: string;
  readonly agent = new Agent({ keepAlive: true, maxSockets: MAX_SSH_CHANNELS });
  private readonly targetArgs: string[];
  private readonly ssh: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly dir = mkdtempSync(join(tmpdir(), 'rd-ssh-'));
  private readonly masters: Master[] = [];
  private readonly channels = new Set<ChildProcess>();
  private readonly upstreams = new Set<Socket>();
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  private readonly route: Promise<SshRoute>;
  /** Where the first login forwards the remote default socket. */
  private readonly defaultForward = join(this.dir, 'default.sock');

  constructor(
    private readonly address: string,
    target: SshTarget,
    opts: SshTunnelOptions,
  ) {
    this.targetArgs = sshTargetArgs(target);
    this.ssh = opts.ssh ?? 'ssh';
    this.env = { ...(opts.env ?? process.env) } as NodeJS.ProcessEnv;
    this.socketPath = join(this.dir, 'docker.sock');
    this.localHost = `unix://${this.socketPath}`;
    const first = this.startMaster();
    this.route = first.ready.then((printed) => this.routeFor(first, loginAnswer(printed)));
    this.route.catch(() => undefined); // Reported to whoever asks; never unhandled.
    this.server = createServer((socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      this.serve(socket).catch(() => socket.destroy());
    });
    this.server.listen(this.socketPath);
  }

  async ready(): Promise<void> {
    await this.route;
  }

  async close(): Promise<void> {
    this.agent.destroy();
    // A client's idle keep-alive connection would hold server.close() open until it times out.
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
    for (const upstream of this.upstreams) upstream.destroy();
    for (const channel of this.channels) channel.kill();
    for (const m of this.masters) if (m.process.exitCode === null && m.process.signalCode === null) m.process.kill('SIGTERM');
    await Promise.race([Promise.all(this.masters.map((m) => m.exited)), delay(5000, undefined, { ref: false })]);
    rmSync(this.dir, { recursive: true, force: true });
  }

  // BatchMode: never a password or host-key prompt nobody can answer; keys and agents still work.
  private common(control: string): string[] {
    return ['-o', 'BatchMode=yes', '-o', `ControlPath=${control}`];
  }

  private startMaster(): Master {
    const control = join(this.dir, `ctl${this.masters.length}`);
    // The first login forwards the default socket from the start, so the usual answer needs no `-O forward` round.
    const forward = this.masters.length === 0 ? ['-L', `${this.defaultForward}:${DEFAULT_SOCKET}`] : [];
    const args = [...this.common(control), '-o', 'ControlMaster=yes', '-o', `ConnectTimeout=${SSH_CONNECT_TIMEOUT_S}`, ...forward, '-T', ...this.targetArgs, LOGIN_COMMAND];
    const proc = spawn(this.ssh, args, { env: this.env, stdio: ['pipe', 'pipe', 'pipe'] });
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
      void exited.then(() => reject(new EngineUnreachableError(`engine unreachable: ${this.address}: ${why(stderr)}`)));
    });
    ready.catch(() => undefined); // Reported to whoever asks; never unhandled.
    const master: Master = { control, process: proc, ready, channels: 0, exited };
    this.masters.push(master);
    return master;
  }

  /** Forward the engine's socket when it is one and the server allows it; else dial-stdio, which needs the remote CLI. */
  private async routeFor(first: Master, answer: LoginAnswer): Promise<SshRoute> {
    const missing = remoteCliMissing(answer.engine);
    if (missing) throw this.needsCli(missing);
    const remote = remoteSocketPath(answer.engine);
    if (remote === DEFAULT_SOCKET && (await answersPing(this.defaultForward))) return { kind: 'forward', socketPath: this.defaultForward };
    if (remote !== undefined && remote !== DEFAULT_SOCKET) {
      const forwardPath = join(this.dir, 'engine.sock');
      const forwarded = await succeeds(this.ssh, [...this.common(first.control), '-O', 'forward', '-L', `${forwardPath}:${remote}`, ...this.targetArgs], this.env);
      if (forwarded && (await answersPing(forwardPath))) return { kind: 'forward', socketPath: forwardPath };
    }
    if (!answer.cli) throw this.needsCli(remote === undefined ? l10n.t('docker: not found') : l10n.t("docker: not found, and the engine's socket {0} could not be forwarded", remote));
    return { kind: 'dial-stdio' };
  }

  private needsCli(words: string): EngineUnreachableError {
    return new EngineUnreachableError(l10n.t("engine unreachable: {0}: {1} (the engine's host needs the docker CLI)", this.address, words));
  }

  private async serve(socket: Socket): Promise<void> {
    const how = await this.route;
    if (socket.destroyed) return;
    if (how.kind === 'forward') this.forward(socket, how.socketPath);
    else await this.dialStdio(socket);
  }

  /** One connection through the forwarded engine socket: a channel on the login, no remote process. */
  private forward(socket: Socket, path: string): void {
    const upstream = connect(path);
    this.upstreams.add(upstream);
    upstream.once('close', () => this.upstreams.delete(upstream));
    splice(socket, upstream);
  }

  private masterWithRoom(): Master {
    return this.masters.find((m) => m.channels < MAX_SSH_CHANNELS && m.process.exitCode === null) ?? this.startMaster();
  }

  /** One connection, one `docker system dial-stdio` session on a login with room. */
  private async dialStdio(socket: Socket): Promise<void> {
    const master = this.masterWithRoom();
    master.channels++;
    const usable = await master.ready.then(
      () => !socket.destroyed,
      () => false,
    );
    if (!usable) {
      master.channels--;
      socket.destroy();
      return;
    }
    const channel = spawn(this.ssh, [...this.common(master.control), '-o', 'ControlMaster=no', '-T', ...this.targetArgs, 'docker', 'system', 'dial-stdio'], {
      env: this.env,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    this.channels.add(channel);
    channel.once('close', () => {
      this.channels.delete(channel);
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
}

/** Two sockets joined both ways; either end closing or failing closes the other. */
function splice(a: Socket, b: Socket): void {
  for (const [from, to] of [[a, b], [b, a]] as const) {
    from.on('error', () => to.destroy());
    from.once('close', () => to.destroy());
    from.pipe(to);
  }
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
