// Where the Docker engine is, resolved the way the docker CLI does it, as plain data.
// Pure apart from the injected `readFile`: no process.env, no os.homedir() unless defaulted.
import * as l10n from '@vscode/l10n';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UserInputError } from '../core/errors';
import { errorCode, errorText } from '../core/errors';
import { isRecord } from '../core/isRecord';

export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

/** The subset of dockerode's DockerOptions we fill; every key is set, see dockerOptions(). */
export interface DockerConnectionOptions {
  socketPath?: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https' | 'ssh';
  username?: string;
  ca?: string;
  cert?: string;
  key?: string;
  sshOptions?: { agent?: string };
}

export type DockerHostSource = 'override' | 'DOCKER_HOST' | 'context' | 'default';

export interface ResolvedDockerHost {
  /** The engine address as a person would write it, for messages. */
  host: string;
  options: DockerConnectionOptions;
  source: DockerHostSource;
  /** How it was found ("DOCKER_CONTEXT=remote -> contexts/meta/…/meta.json"). */
  evidence: string;
  /** The docker context's name, when the host came from one. */
  context?: string;
  /** The folder holding ca.pem, cert.pem and key.pem when the connection uses TLS (what DOCKER_CERT_PATH means). */
  tlsDir?: string;
}

/** Reads a text file; throws when absent. Injected so unit tests use a temp dir and no globals. */
export type ReadTextFile = (path: string) => string;

const readText: ReadTextFile = (path) => readFileSync(path, 'utf8');

/**
 * Precedence follows the docker CLI (cli/command/cli.go resolveContextName): an explicit host
 * (our setting, like `-H`), then DOCKER_HOST, then DOCKER_CONTEXT, then `currentContext` in
 * config.json, then the default socket. Throws UserInputError for a host we cannot use.
 */
export function resolveDockerHost(
  override: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  dockerConfigDir?: string,
  readFile: ReadTextFile = readText,
): ResolvedDockerHost {
  const configDir = dockerConfigDir ?? nonEmpty(env.DOCKER_CONFIG) ?? join(homedir(), '.docker');
  // Only read certificates for a host that uses them: DOCKER_TLS_VERIFY left over in a shell
  // must not break a unix socket.
  const tls = (host: string) => (isTcp(host) ? tlsFromEnv(env, configDir, readFile) : undefined);

  const sshAgent = nonEmpty(env.SSH_AUTH_SOCK);

  const explicit = nonEmpty(override);
  if (explicit) return resolved(explicit, 'override', 'runtimeDrift docker host setting', tls(explicit), sshAgent);

  const fromEnv = nonEmpty(env.DOCKER_HOST);
  if (fromEnv) return resolved(fromEnv, 'DOCKER_HOST', 'DOCKER_HOST environment variable', tls(fromEnv), sshAgent);

  const contextFromEnv = nonEmpty(env.DOCKER_CONTEXT);
  const contextName = contextFromEnv ?? currentContext(configDir, readFile);
  if (contextName && contextName !== 'default') {
    const ctx = readContext(configDir, contextName, readFile);
    const via = contextFromEnv ? `DOCKER_CONTEXT=${contextName}` : `currentContext "${contextName}" in ${join(configDir, 'config.json')}`;
    return { ...resolved(ctx.host, 'context', `${via} -> ${ctx.metaPath}`, ctx.tls, sshAgent), context: contextName };
  }

  return resolved(DEFAULT_DOCKER_HOST, 'default', 'default socket', undefined, undefined);
}

interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
  /** The folder they were read from. */
  dir: string;
}

function resolved(
  host: string,
  source: DockerHostSource,
  evidence: string,
  tls: TlsFiles | undefined,
  sshAgent: string | undefined,
): ResolvedDockerHost {
  return { host, options: connectionOptions(host, tls, sshAgent), source, evidence, ...(tls ? { tlsDir: tls.dir } : {}) };
}

/**
 * Turns `unix://`, `npipe://`, `tcp://`, `http(s)://` or `ssh://` into dockerode options. Like the
 * docker CLI, `host:port` without a scheme means tcp; a bare absolute path is taken as a socket.
 */
export function connectionOptions(rawHost: string, tls?: TlsFiles, sshAgent?: string): DockerConnectionOptions {
  const host = rawHost.startsWith('/') ? `unix://${rawHost}` : rawHost.includes('://') ? rawHost : `tcp://${rawHost}`;
  const scheme = /^([a-z0-9+.-]+):\/\//i.exec(host)?.[1]?.toLowerCase();
  if (scheme === 'unix') {
    return { socketPath: host.slice('unix://'.length) || '/var/run/docker.sock' };
  }
  if (scheme === 'npipe') {
    return { socketPath: host.slice('npipe://'.length) || '//./pipe/docker_engine' };
  }
  if (scheme === 'tcp' || scheme === 'http' || scheme === 'https' || scheme === 'ssh') {
    let url: URL;
    try {
      url = new URL(host);
    } catch {
      throw new UserInputError(l10n.t`Docker host "${host}" is not a valid address (expected e.g. tcp://127.0.0.1:2375).`);
    }
    if (!url.hostname) throw new UserInputError(l10n.t`Docker host "${host}" has no host name.`);
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (scheme === 'ssh') {
      // docker-modem tunnels HTTP over ssh2 itself (DOCKER_HOST=ssh://user@host semantics).
      return {
        host: hostname,
        port: url.port ? Number(url.port) : 22,
        protocol: 'ssh',
        ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
        ...(sshAgent ? { sshOptions: { agent: sshAgent } } : {}),
      };
    }
    const secure = scheme === 'https' || tls !== undefined;
    const port = url.port ? Number(url.port) : secure ? 2376 : 2375;
    return { host: hostname, port, protocol: secure ? 'https' : 'http', ...(tls ? { ca: tls.ca, cert: tls.cert, key: tls.key } : {}) };
  }
  throw new UserInputError(
    l10n.t`Docker host "${host}" is not supported: use unix://, npipe://, tcp://, https:// or ssh:// (fd:// is only for dockerd itself).`,
  );
}

/** Docker enables TLS when DOCKER_TLS_VERIFY is set to anything non-empty (docker/cli opts). */
function tlsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  configDir: string,
  readFile: ReadTextFile,
): TlsFiles | undefined {
  if (!nonEmpty(env.DOCKER_TLS_VERIFY)) return undefined;
  const certDir = nonEmpty(env.DOCKER_CERT_PATH) ?? configDir;
  try {
    return {
      ca: readFile(join(certDir, 'ca.pem')),
      cert: readFile(join(certDir, 'cert.pem')),
      key: readFile(join(certDir, 'key.pem')),
      dir: certDir,
    };
  } catch (err) {
    throw new UserInputError(l10n.t`DOCKER_TLS_VERIFY is set but the certificates in ${certDir} cannot be read (${errorCode(err) ?? errorText(err)}).`);
  }
}

function currentContext(configDir: string, readFile: ReadTextFile): string | undefined {
  let text: string;
  try {
    text = readFile(join(configDir, 'config.json'));
  } catch {
    return undefined; // No config.json is the common case: the default context.
  }
  try {
    const parsed: unknown = JSON.parse(text);
    const value = isRecord(parsed) ? parsed.currentContext : undefined;
    return typeof value === 'string' ? nonEmpty(value) : undefined;
  } catch {
    throw new UserInputError(l10n.t`${join(configDir, 'config.json')} is not valid JSON, so the current Docker context cannot be read.`);
  }
}

/** The docker CLI stores each context under the SHA-256 of its name (docker/cli context/store). */
export function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

function readContext(
  configDir: string,
  name: string,
  readFile: ReadTextFile,
): { host: string; metaPath: string; tls: TlsFiles | undefined } {
  const id = contextDirName(name);
  const metaPath = join(configDir, 'contexts', 'meta', id, 'meta.json');
  let meta: unknown;
  try {
    meta = JSON.parse(readFile(metaPath));
  } catch (err) {
    throw new UserInputError(l10n.t`Docker context "${name}" not found: cannot read ${metaPath} (${errorCode(err) ?? errorText(err)}).`);
  }
  const endpoints = isRecord(meta) ? meta.Endpoints : undefined;
  const dockerEndpoint = isRecord(endpoints) ? endpoints.docker : undefined;
  const host = isRecord(dockerEndpoint) ? dockerEndpoint.Host : undefined;
  if (typeof host !== 'string' || !host) {
    throw new UserInputError(l10n.t`Docker context "${name}" has no Endpoints.docker.Host in ${metaPath}.`);
  }
  return { host, metaPath, tls: contextTls(configDir, id, readFile) };
}

/** A context created with --docker "ca=…,cert=…,key=…" keeps copies under contexts/tls/<id>/docker. */
function contextTls(configDir: string, id: string, readFile: ReadTextFile): TlsFiles | undefined {
  const dir = join(configDir, 'contexts', 'tls', id, 'docker');
  try {
    return { ca: readFile(join(dir, 'ca.pem')), cert: readFile(join(dir, 'cert.pem')), key: readFile(join(dir, 'key.pem')), dir };
  } catch {
    return undefined;
  }
}

function isTcp(host: string): boolean {
  return /^(tcp|https?):\/\//i.test(host);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
