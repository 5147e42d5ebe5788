// Compose must act on the engine that was checked, and so must every command we print: a fix
// pasted into another shell would otherwise act on that shell's (often the local) engine.
import type { ResolvedDockerHost } from './dockerHost';

/**
 * What compose's environment needs beyond the inherited one to reach `resolved`: the host, and
 * for TLS the certificates' folder (compose reads DOCKER_TLS_VERIFY / DOCKER_CERT_PATH, not a
 * context's TLS store). Undefined when the inherited environment already says it all.
 */
export function composeEnvFor(resolved: ResolvedDockerHost): Record<string, string> | undefined {
  if (resolved.source === 'default') return undefined;
  if (resolved.source === 'DOCKER_HOST' && resolved.tlsDir === undefined) return undefined;
  // A DOCKER_TLS_VERIFY left in the shell must not turn TLS on for a plain engine.
  const tls: Record<string, string> = resolved.tlsDir !== undefined ? { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: resolved.tlsDir } : { DOCKER_TLS_VERIFY: '' };
  return { DOCKER_HOST: resolved.host, ...tls };
}

/**
 * The compose command as a person should type it against `resolved`: `docker --context prod
 * compose`, `docker-compose --context prod`, or with the host in front (`DOCKER_HOST=tcp://h:2376
 * docker compose`); the bare label for the local default engine.
 */
export function hostedComposeLabel(label: string, resolved: ResolvedDockerHost | undefined): string {
  if (!resolved || resolved.source === 'default') return label;
  if (resolved.context !== undefined) {
    const context = shellWord(resolved.context);
    return /^docker compose\b/.test(label) ? label.replace(/^docker compose/, `docker --context ${context} compose`) : `${label} --context ${context}`;
  }
  const env = [`DOCKER_HOST=${shellWord(resolved.host)}`];
  if (resolved.tlsDir !== undefined) env.push('DOCKER_TLS_VERIFY=1', `DOCKER_CERT_PATH=${shellWord(resolved.tlsDir)}`);
  return `${env.join(' ')} ${label}`;
}

/** A word a POSIX shell reads back as itself: quoted only when it has to be. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./~-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
