// Where probes (and above all bearer tokens) may go, and which variables may be sent as tokens.
// Decided by the user outside the workspace (CLI flags, the CI job's environment, user-level
// editor settings), never by the workspace's own files: a compose file in a pull request is
// input, not authority, so the origins it names are probed only when the user allowed them.
import * as l10n from '@vscode/l10n';
import { TrustInputError } from '../errors';

export interface ProbeTrust {
  /** Origins the user allowed ("https://staging.example.com"), as `URL.origin` spells them. */
  allowedOrigins: readonly string[];
  /** Variable names whose values the user allowed to be sent as bearer tokens. */
  tokenVariables: readonly string[];
  /** Host name of the engine the user chose when it is remote (tcp://, ssh://); its ports are the services' ports. */
  engineHost?: string;
}

/** Nothing allowed beyond this machine's loopback: what a check gets when nobody said more. */
export const NO_TRUST: ProbeTrust = { allowedOrigins: [], tokenVariables: [] };

/** The environment variables a CI job (or a shell) uses to allow origins and token variables. */
export const TRUST_ENV = { origins: 'RUNTIME_DRIFT_ALLOW_ORIGINS', tokenVariables: 'RUNTIME_DRIFT_TOKEN_ENVS' } as const;

/** `http(s)://host[:port]` with nothing else; the error names the bad entry and where it came from. */
export function normalizeOrigin(entry: string, from: string): string {
  let url: URL;
  try {
    url = new URL(entry.trim());
  } catch {
    throw new TrustInputError(l10n.t('{0}: "{1}" is not an origin (expected http(s)://host[:port])', from, entry));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TrustInputError(l10n.t('{0}: "{1}" is not an http(s) origin', from, entry));
  if (url.username || url.password) throw new TrustInputError(l10n.t('{0}: an allowed origin carries no credentials', from));
  return url.origin;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isVariableName(name: string): boolean {
  return VARIABLE_NAME.test(name);
}

export function normalizeVariableName(entry: string, from: string): string {
  const name = entry.trim();
  if (!isVariableName(name)) throw new TrustInputError(l10n.t('{0}: "{1}" is not a variable name', from, entry));
  return name;
}

/** Comma- or space-separated list, as an environment variable holds it. */
export function splitList(text: string | undefined): string[] {
  return (text ?? '').split(/[\s,]+/).filter((s) => s !== '');
}

/**
 * The trust of a CLI run: its flags plus the two environment variables (the CI job's own
 * configuration, not the repository's), and the engine host when it is remote.
 */
export function trustFromCli(
  flags: { allowOrigins: readonly string[]; allowTokenEnvs: readonly string[] },
  env: Record<string, string | undefined>,
  engineHost: string | undefined,
): ProbeTrust {
  const origins = [
    ...flags.allowOrigins.map((o) => normalizeOrigin(o, '--allow-origin')),
    ...splitList(env[TRUST_ENV.origins]).map((o) => normalizeOrigin(o, TRUST_ENV.origins)),
  ];
  const names = [
    ...flags.allowTokenEnvs.map((n) => normalizeVariableName(n, '--allow-token-env')),
    ...splitList(env[TRUST_ENV.tokenVariables]).map((n) => normalizeVariableName(n, TRUST_ENV.tokenVariables)),
  ];
  return { allowedOrigins: [...new Set(origins)], tokenVariables: [...new Set(names)], engineHost };
}

/** The host part of a remote engine address (tcp://h:2376, ssh://u@h); undefined for sockets and pipes. */
export function remoteEngineHost(dockerHost: string | undefined): string | undefined {
  if (!dockerHost) return undefined;
  let url: URL;
  try {
    url = new URL(dockerHost);
  } catch {
    return undefined;
  }
  if (!['tcp:', 'ssh:', 'http:', 'https:'].includes(url.protocol)) return undefined;
  const host = unbracket(url.hostname);
  return host === '' || isLoopbackHost(host) ? undefined : host;
}

function unbracket(host: string): string {
  return host.replace(/^\[|\]$/g, '').toLowerCase();
}

/** 127.0.0.0/8, ::1 (and its IPv4-mapped form), and the name localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = unbracket(hostname);
  if (host === 'localhost' || host === '::1') return true;
  const mapped = /^::ffff:(?:127\.\d+\.\d+\.\d+|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.test(host);
  return mapped || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Who vouched for an allowed destination: this machine's loopback, or the user (their engine's host, an origin they allowed). */
export type DestinationGrant = 'loopback' | 'engine-host' | 'allowed-origin';

export type Destination = { allowed: true; by: DestinationGrant } | { allowed: false; reason: string };

/**
 * May a probe be sent to `url`? Loopback, the remote engine's own host (the user chose it), and
 * origins the user allowed; everything else — names, public, link-local and private addresses the
 * workspace's files name — is refused with the way to allow it. Never echoes credentials.
 */
export function probeDestination(url: string, trust: ProbeTrust): Destination {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allowed: false, reason: l10n.t('the base URL is not a URL') };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { allowed: false, reason: l10n.t`base URL protocol ${parsed.protocol} is not http(s)` };
  const host = unbracket(parsed.hostname);
  if (trust.allowedOrigins.includes(parsed.origin)) return { allowed: true, by: 'allowed-origin' };
  if (isLoopbackHost(host)) return { allowed: true, by: 'loopback' };
  if (trust.engineHost !== undefined && host === unbracket(trust.engineHost)) return { allowed: true, by: 'engine-host' };
  return {
    allowed: false,
    reason: l10n.t`not probing ${parsed.origin}: only the workspace's files name it; allow it outside the workspace (--allow-origin ${parsed.origin}, ${TRUST_ENV.origins}, or the user setting runtimeDrift.probe.allowedOrigins)`,
  };
}

/** Why a token variable may not be read, or undefined when the user allowed it. */
export function refuseTokenVariable(name: string, trust: ProbeTrust): string | undefined {
  if (trust.tokenVariables.includes(name)) return undefined;
  return l10n.t`${name} is not an allowed token variable: a workspace file cannot choose which secret is sent; allow it outside the workspace (--allow-token-env ${name}, ${TRUST_ENV.tokenVariables}, the user setting runtimeDrift.probe.tokenVariables, or "Set Probe Credential")`;
}
