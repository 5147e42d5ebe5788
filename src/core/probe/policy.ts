// Which routes may be sent, where to, and with which URL. Probes are read-only by default (GET,
// HEAD) and only ever go to a published port on this machine or a URL the user configured: a
// container's private IP is refused, because it is not what users reach and it may be another
// host's network.
import * as l10n from '@vscode/l10n';
import type { HttpMethod, RouteDef, ServiceSpec } from '../model';
import { isLoopbackHost } from './trust';

/** Methods that cannot change server state: the only ones sent unless the user opts in. */
export const SAFE_METHODS: readonly HttpMethod[] = ['GET', 'HEAD'];

/** What a path parameter or wildcard is filled with: matches `:id`, `:id(\\d+)`, `*` alike. */
const PARAM_VALUE = '1';

export type ProbeDecision = { send: true; method: HttpMethod } | { send: false; reason: string };

/** Why a route under a mount prefix not known statically (RouteDef.prefixUnknown) is never sent, and what fixes it. */
export function unknownPrefixReason(): string {
  return l10n.t('prefix not known statically: not sent, since a guessed URL would answer 404; list the route with its full path in x-runtime-drift.routes');
}

export function decideProbe(route: RouteDef, opts: { allowedMethods: HttpMethod[] }): ProbeDecision {
  if (route.notServed !== undefined) return { send: false, reason: route.notServed };
  if (route.prefixUnknown) return { send: false, reason: unknownPrefixReason() };
  // A catch-all handler answers GET like anything else.
  const method: HttpMethod = route.method === 'ALL' ? 'GET' : route.method;
  if (opts.allowedMethods.includes(method)) return { send: true, method };
  const what = route.method === 'ALL' ? l10n.t('ALL (probed as GET)') : method;
  return { send: false, reason: l10n.t`only GET/HEAD are sent by default; opt in for ${what} with --probe-method or runtimeDrift.probe.methods` };
}

/**
 * A concrete path for a route pattern: `:id`, `:id?`, `:id(\\d+)`, `{id}` and wildcards (`*`,
 * `*splat`, `(.*)`) become "1"; Express 5 optional groups (`{/:id}`) are left out. Segments are
 * percent-encoded. A param constrained to letters (`:slug([a-z]+)`) still gets "1" and may then
 * answer 404 from the router: a known limit, since generating values for arbitrary regexes is not
 * worth its complexity here.
 */
export function fillPathParams(path: string): string {
  const withoutOptionalGroups = path.replace(/\{[^{}]*[:*][^{}]*\}/g, '');
  const segments = withoutOptionalGroups.split('/').map((segment) =>
    encodeSegment(
      segment
        .replace(/\{[A-Za-z_$][\w$]*\}/g, PARAM_VALUE)
        .replace(/:[A-Za-z_$][\w$]*(?:\((?:[^()]|\([^()]*\))*\))?[?+*]?/g, PARAM_VALUE)
        .replace(/\(\.\*\)|\*[A-Za-z_$][\w$]*|\*/g, PARAM_VALUE),
    ),
  );
  const joined = segments.filter((s, i) => s !== '' || i === segments.length - 1).join('/');
  return `/${joined.replace(/^\/+/, '')}`;
}

/** encodeURIComponent, keeping what RFC 3986 allows in a path segment as is. */
function encodeSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A lone '%' is literal text: encode it below.
  }
  return encodeURIComponent(decoded).replace(/%(3A|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Base URL + path with exactly one slash between; the base's own path is kept, its query dropped. */
export function buildProbeUrl(baseUrl: string, path: string): string {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${basePath}/${path.replace(/^\/+/, '')}`;
}

/**
 * False for a literal private IPv4 address (10/8, 172.16/12, 192.168/16: container networks) and
 * for anything that is not a URL; true for loopback, localhost and other host names. The URL
 * parser normalises odd IPv4 spellings (0xAC.18.0.2, 2886860802) first.
 */
export function isLoopbackOrAllowedHost(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return false;
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const hi = parseInt(mapped[1] ?? '0', 16);
    const lo = parseInt(mapped[2] ?? '0', 16);
    host = `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (!v4) return true;
  const a = Number(v4[1]);
  const b = Number(v4[2]);
  if (a === 10) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  return true;
}

/** An IPv6 literal is bracketed in a URL. */
function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

const noBaseUrl = (): string => l10n.t('no published port; set x-runtime-drift.baseUrl');

/**
 * Where a service answers from this machine, and how that was decided. Of several published
 * ports, the one whose container port the server's source listens on (`listenPorts`: a Next.js
 * front end on 3000 and the API on 5003 in one container), else the first.
 */
export function resolveBaseUrl(spec: ServiceSpec, engineHost?: string, listenPorts: readonly number[] = []): { url?: string; evidence: string } {
  const configured = spec.drift.baseUrl;
  if (configured !== undefined) {
    let protocol = '';
    try {
      protocol = new URL(configured).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'http:' && protocol !== 'https:') return { evidence: l10n.t`x-runtime-drift.baseUrl "${configured}" is not an http(s) URL` };
    return { url: configured, evidence: `x-runtime-drift.baseUrl ${configured}` };
  }
  const tcp = spec.ports.filter((p) => p.protocol === 'tcp');
  if (spec.networkMode === 'host') {
    // Host networking ignores `ports:`; the container listens on the host at its own port.
    const port = tcp[0];
    if (!port) return { evidence: noBaseUrl() };
    if (engineHost !== undefined) {
      return {
        url: `http://${urlHost(engineHost)}:${port.target}`,
        evidence: l10n.t`network_mode host: container port ${port.target} on the engine's host ${engineHost}`,
      };
    }
    return { url: `http://127.0.0.1:${port.target}`, evidence: l10n.t`network_mode host: container port ${port.target} is a host port` };
  }
  const publishedPorts = tcp.filter((p) => p.published !== undefined);
  const published = publishedPorts.find((p) => listenPorts.includes(p.target)) ?? publishedPorts[0];
  if (!published || published.published === undefined) return { evidence: noBaseUrl() };
  if (engineHost !== undefined) {
    // The containers run on a remote engine: their published ports are on its host, not this machine's.
    return {
      url: `http://${urlHost(engineHost)}:${published.published}`,
      evidence: l10n.t`published port ${published.published} on the engine's host ${engineHost} -> container port ${published.target}`,
    };
  }
  // A port bound to one LAN interface is still probed on loopback: probes never leave the machine.
  const host = published.hostIp && isLoopbackHost(published.hostIp) ? published.hostIp : '127.0.0.1';
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return {
    url: `http://${hostPart}:${published.published}`,
    evidence: l10n.t`published port ${`${published.hostIp ? `${published.hostIp}:` : ''}${published.published}`} -> container port ${published.target}`,
  };
}
