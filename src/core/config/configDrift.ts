// Config drift: what a container was created with against what the compose files declare now,
// field by field. Pure. A container created from an older compose configuration (a changed
// command, environment value, port, mount or label) runs other code paths than the workspace
// says, and `up -d SERVICE` is what compose itself would do about it: recreate it.
import * as l10n from '@vscode/l10n';
import type { ConfigDrift, ContainerConfig, DeclaredConfig } from '../model';
import { isSecretName } from '../redact';

export interface CompareOptions {
  /** Variables the user marked (x-runtime-drift.secretVariables): their values are never shown. */
  secretVariables?: readonly string[];
  /** `network_mode: host` discards published ports: the engine keeps none, so none are compared. */
  hostNetwork?: boolean;
}

/** Labels compose and the engine write themselves: never declared, never drift. */
const COMPOSE_LABEL_PREFIX = 'com.docker.compose.';

export function compareConfig(declared: DeclaredConfig, seen: ContainerConfig, opts: CompareOptions = {}): ConfigDrift[] {
  const out: ConfigDrift[] = [];
  const image = seen.imageDefaults;
  const hide = hiddenReason(opts.secretVariables ?? []);

  if (declared.image !== undefined && withTag(declared.image) !== withTag(seen.image)) out.push(differs('image', declared.image, seen.image));

  // Compose sends only what is declared; the engine fills in the image's defaults. An entrypoint
  // set by compose drops the image's CMD too (the engine's rule, not compose's).
  const entrypoint = declared.entrypoint ?? image?.entrypoint;
  if (entrypoint !== undefined) compareList(out, 'entrypoint', entrypoint, seen.entrypoint);
  const command = declared.command ?? (declared.entrypoint ? null : image?.cmd);
  if (command !== undefined) compareList(out, 'command', command, seen.cmd);

  compareMap(out, 'environment', declared.environment, envMap(seen.env), image ? envMap(image.env) : undefined, hide);
  compareMap(out, 'labels', declared.labels, withoutCompose(seen.labels), image ? image.labels : undefined, () => undefined);

  const exposed = new Set([...declared.exposed, ...(image?.exposed ?? [])]);
  for (const port of [...new Set([...exposed, ...seen.exposed])].sort()) {
    const want = exposed.has(port);
    const has = seen.exposed.includes(port);
    // Without the image's own EXPOSE list, a port only the container has may be the image's.
    if (want !== has && (want || image)) out.push(differs(`ports.${port}`, want ? 'exposed' : null, has ? 'exposed' : null));
  }
  if (!opts.hostNetwork) {
    for (const port of [...new Set([...Object.keys(declared.published), ...Object.keys(seen.published)])].sort()) {
      const want = (declared.published[port] ?? []).join(', ');
      const has = [...(seen.published[port] ?? [])].sort().join(', ');
      if (want !== has) out.push(differs(`ports.${port}`, want ? `published on ${want}` : null, has ? `published on ${has}` : null));
    }
  }

  for (const target of [...new Set([...Object.keys(declared.volumes), ...Object.keys(seen.volumes)])].sort()) {
    const want = declared.volumes[target];
    const has = seen.volumes[target];
    if (want === undefined && has !== undefined && has.startsWith('volume:') && image?.volumes.includes(target)) continue; // the image's VOLUME
    if (want === undefined && has !== undefined && !image) continue;
    if (!sameMount(want, has)) out.push(differs(`volumes.${target}`, want ?? null, has ?? null));
  }

  const health = declared.healthcheck ?? image?.healthcheck;
  if (health !== undefined) compareList(out, 'healthcheck', health, seen.healthcheck);
  const user = declared.user ?? image?.user;
  if (user !== undefined && user !== seen.user) out.push(differs('user', user || null, seen.user || null));
  const workingDir = declared.workingDir ?? image?.workingDir;
  if (workingDir !== undefined && trimSlash(workingDir) !== trimSlash(seen.workingDir)) {
    out.push(differs('working_dir', workingDir || null, seen.workingDir || null));
  }
  return out;
}

/** Why a variable's value is not shown, or undefined when it may be. */
function hiddenReason(marked: readonly string[]): (name: string) => string | undefined {
  const set = new Set(marked);
  return (name) => (set.has(name) ? l10n.t('marked in x-runtime-drift.secretVariables') : isSecretName(name) ? l10n.t('secret-looking name') : undefined);
}

function compareMap(
  out: ConfigDrift[],
  prefix: string,
  declared: Record<string, string>,
  seen: Record<string, string>,
  imageDefaults: Record<string, string> | undefined,
  hide: (name: string) => string | undefined,
): void {
  for (const key of Object.keys(declared).sort()) {
    if (seen[key] !== declared[key]) out.push(differs(`${prefix}.${key}`, declared[key] ?? null, seen[key] ?? null, hide(key)));
  }
  // A value the container has that neither compose nor the image sets was declared once and
  // removed since. Without the image's defaults that cannot be told from the image's own.
  if (!imageDefaults) return;
  for (const key of Object.keys(seen).sort()) {
    if (key in declared || imageDefaults[key] === seen[key]) continue;
    out.push(differs(`${prefix}.${key}`, imageDefaults[key] ?? null, seen[key] ?? null, hide(key)));
  }
}

function compareList(out: ConfigDrift[], field: string, want: readonly string[] | null, has: readonly string[] | null): void {
  const w = want ?? [];
  const h = has ?? [];
  if (w.length === h.length && w.every((x, i) => x === h[i])) return;
  out.push(differs(field, w.length ? JSON.stringify(w) : null, h.length ? JSON.stringify(h) : null));
}

function differs(field: string, compose: string | null, container: string | null, hidden?: string): ConfigDrift {
  if (hidden !== undefined) {
    const state = compose === null ? l10n.t('set in the container only') : container === null ? l10n.t('not set in the container') : l10n.t('values differ');
    // "NAME (value hidden…): …", never "NAME: …": that shape reads as a secret's value to redact().
    return { field, compose: null, container: null, hidden: true, evidence: l10n.t`${field} (value hidden: ${hidden}): ${state}`, file: null, line: null };
  }
  const said = compose === null ? l10n.t('compose declares none') : l10n.t`compose says ${`\`${compose}\``}`;
  const has = container === null ? l10n.t('container has none') : l10n.t`container has ${`\`${container}\``}`;
  return { field, compose, container, hidden: false, evidence: l10n.t`${field}: ${said}, ${has}`, file: null, line: null };
}

/** "KEY=value" list -> map; the engine keeps the last of a repeated key. */
export function envMap(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of list) {
    const eq = e.indexOf('=');
    if (eq < 0) out[e] = '';
    else out[e.slice(0, eq)] = e.slice(eq + 1);
  }
  return out;
}

function withoutCompose(labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (!k.startsWith(COMPOSE_LABEL_PREFIX)) out[k] = v;
  return out;
}

/** "node" and "node:latest" name the same image. */
function withTag(ref: string): string {
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  return last.includes(':') || ref.includes('@') ? ref : `${ref}:latest`;
}

function trimSlash(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/**
 * Same mount: a bind of the same host path, or a volume of that name (compose prefixes named
 * volumes with the project: "data" is "demo_data"; an anonymous one matches any), same read-only.
 */
function sameMount(want: string | undefined, has: string | undefined): boolean {
  if (want === undefined || has === undefined) return want === has;
  const w = splitMount(want);
  const h = splitMount(has);
  if (w.kind !== h.kind || w.ro !== h.ro) return false;
  if (w.kind !== 'volume') return w.source === h.source || w.kind === 'tmpfs';
  return w.source === '' || h.source === w.source || h.source.endsWith(`_${w.source}`);
}

function splitMount(text: string): { kind: string; source: string; ro: boolean } {
  const ro = text.endsWith(':ro');
  const body = ro ? text.slice(0, -3) : text;
  const colon = body.indexOf(':');
  return { kind: body.slice(0, colon), source: body.slice(colon + 1), ro };
}
