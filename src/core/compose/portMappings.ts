// `ports:` entries (short and long syntax) -> PortMapping, ranges expanded, so the prober can
// find the host port that reaches a container port.
// https://docs.docker.com/reference/compose-file/services/#ports
import * as l10n from '@vscode/l10n';
import type { PortMapping } from '../model';
import { UserInputError } from '../errors';
import { isRecord } from '../isRecord';

/** Parses a service's `ports:` list. `where` names it in errors ("service api ports"). */
export function parsePorts(value: unknown, where: string): PortMapping[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new UserInputError(l10n.t`${where}: must be a list`);
  return value.flatMap((entry, i) => parsePortEntry(entry, `${where}[${i}]`));
}

function parsePortEntry(entry: unknown, where: string): PortMapping[] {
  if (typeof entry === 'number') return parseShort(String(entry), where);
  if (typeof entry === 'string') return parseShort(entry, where);
  if (isRecord(entry)) return parseLong(entry, where);
  throw new UserInputError(l10n.t`${where}: expected "HOST:CONTAINER" or a mapping with target, got ${JSON.stringify(entry)}`);
}

/** "3000", "8080:3000", "127.0.0.1:8080:3000", "127.0.0.1::3000", "[::1]:80:80", "53:53/udp", "3000-3001:3000-3001". */
function parseShort(text: string, where: string): PortMapping[] {
  const s = text.trim();
  const slash = s.lastIndexOf('/');
  const protocol = parseProtocol(slash >= 0 ? s.slice(slash + 1) : 'tcp', where);
  const spec = slash >= 0 ? s.slice(0, slash) : s;
  let hostIp: string | undefined;
  let published: string | undefined;
  let container: string;
  if (spec.startsWith('[')) {
    const end = spec.indexOf(']');
    const rest = end < 0 ? '' : spec.slice(end + 1);
    const m = /^:([^:]*):([^:]+)$/.exec(rest);
    if (end < 0 || !m) throw new UserInputError(l10n.t`${where}: invalid port "${text}"`);
    hostIp = spec.slice(1, end);
    published = m[1];
    container = m[2] as string;
  } else {
    const parts = spec.split(':');
    container = parts[parts.length - 1] ?? '';
    if (parts.length >= 2) published = parts[parts.length - 2];
    // More than three parts: an unbracketed IPv6 host address.
    if (parts.length >= 3) hostIp = parts.slice(0, parts.length - 2).join(':');
  }
  return expand(hostIp || undefined, published || undefined, container, protocol, where, text);
}

function parseLong(entry: Record<string, unknown>, where: string): PortMapping[] {
  const target = entry['target'];
  if (typeof target !== 'number' && typeof target !== 'string') {
    throw new UserInputError(l10n.t`${where}: "target" (the container port) is required`);
  }
  const published = entry['published'];
  if (published !== undefined && published !== null && typeof published !== 'number' && typeof published !== 'string') {
    throw new UserInputError(l10n.t`${where}: "published" must be a port number or range`);
  }
  const hostIp = entry['host_ip'];
  if (hostIp !== undefined && typeof hostIp !== 'string') throw new UserInputError(l10n.t`${where}: "host_ip" must be a string`);
  const protocol = entry['protocol'];
  if (protocol !== undefined && typeof protocol !== 'string') throw new UserInputError(l10n.t`${where}: "protocol" must be a string`);
  const pub = published === undefined || published === null || published === '' ? undefined : String(published);
  return expand(hostIp || undefined, pub, String(target), parseProtocol(protocol ?? 'tcp', where), where, JSON.stringify(entry));
}

function expand(
  hostIp: string | undefined,
  published: string | undefined,
  container: string,
  protocol: 'tcp' | 'udp' | undefined,
  where: string,
  text: string,
): PortMapping[] {
  if (protocol === undefined) return [];
  const targets = parseRange(container, where, text);
  const pubs = published === undefined ? undefined : parseRange(published, where, text);
  const withIp = (m: PortMapping): PortMapping => (hostIp === undefined ? m : { hostIp, ...m });
  if (pubs === undefined) return targets.map((target) => withIp({ target, protocol }));
  if (pubs.length === targets.length) {
    return targets.map((target, i) => withIp({ published: pubs[i], target, protocol }));
  }
  if (targets.length === 1) {
    // "8000-8010:80": the engine picks a free host port in the range, normally the first.
    return [withIp({ published: pubs[0], target: targets[0] as number, protocol })];
  }
  throw new UserInputError(l10n.t`${where}: port ranges in "${text}" have different lengths`);
}

function parseRange(text: string, where: string, whole: string): number[] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) throw new UserInputError(l10n.t`${where}: invalid port "${whole}"`);
  const start = checkPort(Number(m[1]), where, whole);
  const end = m[2] === undefined ? start : checkPort(Number(m[2]), where, whole);
  if (end < start) throw new UserInputError(l10n.t`${where}: invalid port range in "${whole}"`);
  return Array.from({ length: end - start + 1 }, (_v, i) => start + i);
}

function checkPort(n: number, where: string, whole: string): number {
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UserInputError(l10n.t`${where}: port out of range in "${whole}"`);
  return n;
}

/** undefined for sctp: valid for compose, but nothing we can probe, so such entries are dropped. */
function parseProtocol(p: string, where: string): 'tcp' | 'udp' | undefined {
  const lower = p.toLowerCase();
  if (lower === 'tcp' || lower === 'udp') return lower;
  if (lower === 'sctp') return undefined;
  throw new UserInputError(l10n.t`${where}: unsupported protocol "${p}" (expected tcp, udp or sctp)`);
}
