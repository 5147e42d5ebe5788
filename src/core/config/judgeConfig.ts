// The config-drift verdict of one service: the field comparison (configDrift.ts), agreed with
// compose's own config-hash where compose can tell. Compose v1 hashes its Python config dict and
// v2 its Go ServiceConfig as JSON: neither is reproducible from here, so compose is asked
// (`config --hash '*'`) — only when a field differs, so an in-sync check never pays for starting
// compose (docker-compose v1 is a Python start-up of most of a second).
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import type { ConfigDrift, ContainerInfo, ServiceSpec } from '../model';
import type { ConfigHashSourceLike, FsLike } from '../ports';
import { compareConfig } from './configDrift';
import { SWARM_SERVICE_LABEL } from '../swarm';
import { locateConfigFields, type ComposeParses } from './locate';
import { readServiceTexts } from './serviceTexts';

/** The label compose (v1 and v2) writes on each container: the hash of the config it was created from. */
export const CONFIG_HASH_LABEL = 'com.docker.compose.config-hash';

export interface ConfigJudgement {
  drift: ConfigDrift[];
  /** How it was judged, for the report; null when there is no container to compare. */
  basis: string | null;
  /** Where the service is defined (workspace-relative), when there is drift: the editor's Recreate lens. */
  composeLine?: { file: string; line: number };
}

export interface JudgeOptions {
  hashes: ProjectHashes;
  /** Reads the compose and env files to place each field on its line. */
  fs: FsLike;
  workspaceDir: string;
  /** The check's compose parses, shared by its services (locate.ts createComposeParses); else parsed per call. */
  composeParses?: ComposeParses;
  signal?: AbortSignal;
}

/** One ask per compose project per check, shared by its services. */
export type ProjectHashes = (spec: ServiceSpec, signal?: AbortSignal) => Promise<ReadonlyMap<string, string> | undefined>;

export function projectHashes(source: ConfigHashSourceLike | undefined): ProjectHashes {
  const asked = new Map<string, Promise<ReadonlyMap<string, string> | undefined>>();
  return (spec, signal) => {
    if (!source) return Promise.resolve(undefined);
    const key = `${spec.project}\0${spec.composeFiles.join('\0')}`;
    let hashes = asked.get(key);
    if (!hashes) {
      hashes = source.hashes({ name: spec.project, dir: spec.projectDir, composeFiles: spec.composeFiles }, signal).catch(() => undefined);
      asked.set(key, hashes);
    }
    return hashes;
  };
}

export async function judgeConfig(spec: ServiceSpec, container: ContainerInfo | undefined, opts: JudgeOptions): Promise<ConfigJudgement> {
  const judged = await judgeFields(spec, container, opts.hashes, opts.signal);
  return judged.drift.length > 0 ? placeDrift(spec, judged, opts) : judged;
}

async function judgeFields(spec: ServiceSpec, container: ContainerInfo | undefined, hashes: ProjectHashes, signal?: AbortSignal): Promise<ConfigJudgement> {
  if (!container?.config || !spec.config) return { drift: [], basis: null };
  // A Swarm task is made by the Swarm from the stack's service, not by compose from this file:
  // its labels and settings are the Swarm's, so a field-by-field comparison would only mislead.
  if (container.labels[SWARM_SERVICE_LABEL] !== undefined) return { drift: [], basis: l10n.t('not compared: a Swarm task (the Swarm owns its configuration)') };
  const fields = compareConfig(spec.config, container.config, {
    secretVariables: spec.drift.secretVariables,
    hostNetwork: spec.networkMode === 'host',
  });
  const created = container.labels[CONFIG_HASH_LABEL];
  if (fields.length === 0) return { drift: [], basis: l10n.t('field by field: command, entrypoint, environment, ports, volumes, labels, healthcheck, user, working_dir') };
  if (!created) return { drift: fields, basis: l10n.t('field by field (the container has no compose config-hash label)') };
  const now = (await hashes(spec, signal))?.get(spec.name);
  if (!now) return { drift: fields, basis: l10n.t("field by field (compose's config-hash could not be computed here)") };
  if (now === created) {
    return { drift: [], basis: l10n.t`compose's config-hash agrees (${now.slice(0, 12)}): compose would not recreate it; ${fields.length} field difference(s) it does not count are not reported` };
  }
  return { drift: fields, basis: l10n.t("field by field, and compose's config-hash changed too ({0} → {1}): compose would recreate it", created.slice(0, 12), now.slice(0, 12)) };
}

/** Each field's compose (or env_file) line, workspace-relative; files outside the workspace are not read. */
async function placeDrift(spec: ServiceSpec, judged: ConfigJudgement, opts: JudgeOptions): Promise<ConfigJudgement> {
  const inside = (abs: string): string | undefined => {
    const rel = path.relative(opts.workspaceDir, abs);
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
  };
  const { composeTexts, env } = await readServiceTexts(opts.fs, spec, opts.workspaceDir);
  const located = locateConfigFields(spec.name, judged.drift.map((d) => d.field), composeTexts, env, opts.composeParses);
  const drift = judged.drift.map((d) => {
    const at = located.fields.get(d.field);
    const file = at ? inside(at.file) : undefined;
    return file !== undefined && at ? { ...d, file, line: at.line } : d;
  });
  const serviceFile = located.service ? inside(located.service.file) : undefined;
  return {
    ...judged,
    drift,
    ...(serviceFile !== undefined && located.service ? { composeLine: { file: serviceFile, line: located.service.line } } : {}),
  };
}
