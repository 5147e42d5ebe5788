// The config-drift verdict of one service: the field comparison (configDrift.ts), agreed with
// compose's own config-hash where compose can tell. Compose v1 hashes its Python config dict and
// v2 its Go ServiceConfig as JSON: neither is reproducible from here, so compose is asked
// (`config --hash '*'`) — only when a field differs, so an in-sync check never pays for starting
// compose (docker-compose v1 is a Python start-up of most of a second).
import type { ConfigDrift, ContainerInfo, ServiceSpec } from '../model';
import type { ConfigHashSourceLike } from '../ports';
import { compareConfig } from './configDrift';

/** The label compose (v1 and v2) writes on each container: the hash of the config it was created from. */
export const CONFIG_HASH_LABEL = 'com.docker.compose.config-hash';

export interface ConfigJudgement {
  drift: ConfigDrift[];
  /** How it was judged, for the report; null when there is no container to compare. */
  basis: string | null;
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

export async function judgeConfig(spec: ServiceSpec, container: ContainerInfo | undefined, hashes: ProjectHashes, signal?: AbortSignal): Promise<ConfigJudgement> {
  if (!container?.config || !spec.config) return { drift: [], basis: null };
  const fields = compareConfig(spec.config, container.config, {
    secretVariables: spec.drift.secretVariables,
    hostNetwork: spec.networkMode === 'host',
  });
  const created = container.labels[CONFIG_HASH_LABEL];
  if (fields.length === 0) return { drift: [], basis: 'field by field: command, entrypoint, environment, ports, volumes, labels, healthcheck, user, working_dir' };
  if (!created) return { drift: fields, basis: 'field by field (the container has no compose config-hash label)' };
  const now = (await hashes(spec, signal))?.get(spec.name);
  if (!now) return { drift: fields, basis: "field by field (compose's config-hash could not be computed here)" };
  if (now === created) {
    return { drift: [], basis: `compose's config-hash agrees (${now.slice(0, 12)}): compose would not recreate it; ${fields.length} field difference(s) it does not count are not reported` };
  }
  return { drift: fields, basis: `field by field, and compose's config-hash changed too (${created.slice(0, 12)} → ${now.slice(0, 12)}): compose would recreate it` };
}
