// Compose files in different folders that name the same project and service (a top-level
// `name: server` copied into apps/dashboard, apps/server and apps/status-page): docker compose
// keeps one container per project and service (labels com.docker.compose.project/.service), so
// each `up` recreates the one container the others also claim.
import * as l10n from '@vscode/l10n';
import type { ServiceSpec } from '../model';

/**
 * For each service defined again under the same project and service name by a compose file of
 * another folder: a warning naming those files (as `relPath` writes them).
 */
export function sharedNameWarnings(specs: readonly ServiceSpec[], relPath: (abs: string) => string): Map<ServiceSpec, string> {
  const byName = new Map<string, ServiceSpec[]>();
  for (const s of specs) {
    const key = `${s.project}\n${s.name}`;
    byName.set(key, [...(byName.get(key) ?? []), s]);
  }
  const out = new Map<ServiceSpec, string>();
  for (const same of byName.values()) {
    for (const s of same) {
      const others = same.filter((o) => o.projectDir !== s.projectDir).map((o) => relPath(o.composeFiles[0] ?? o.projectDir));
      if (others.length === 0) continue;
      out.set(s, l10n.t`project "${s.project}" defines service "${s.name}" also in ${others.join(', ')}: docker compose runs one container for them all, and each one's up replaces the container of the others`);
    }
  }
  return out;
}
