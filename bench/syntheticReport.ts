// A check result for a large workspace, shaped like checkWorkspace's: 10 services of equal size,
// 40 modules each, 10% of the files not in the running container (half of those services stale,
// their files in the newest image). Used to time the explorer decorations without building a
// 100,000-file stack on the engine: decorations only read the in-memory report.
import { RUNG_NAMES } from '../src/core/model';
import type { ModuleReport, Report, Rungs, ServiceReport } from '../src/core/model';

const SERVICES = 10;
const MODULES_PER_SERVICE = 40;
/** Modules of each service missing from its running container (10% of its files). */
const MISSING_MODULES = 4;
export const WORKSPACE = '/ws/bench-decorations';

function rungs(failAt: string | null): Rungs {
  return Object.fromEntries(
    RUNG_NAMES.map((n) => [n, { status: n === failAt ? 'fail' : 'pass', evidence: `${n} evidence` }]),
  ) as unknown as Rungs;
}

export function syntheticReport(totalFiles: number): { report: Report; paths: string[] } {
  const perService = Math.ceil(totalFiles / SERVICES);
  const perModule = Math.ceil(perService / MODULES_PER_SERVICE);
  const paths: string[] = [];
  const services: ServiceReport[] = [];
  for (let s = 0; s < SERVICES && paths.length < totalFiles; s++) {
    const name = `svc${s}`;
    const stale = s % 2 === 0;
    const modules: ModuleReport[] = [];
    const missing: string[] = [];
    for (let m = 0; m < MODULES_PER_SERVICE; m++) {
      const source = `${name}/src/modules/m${m}`;
      const absent = m >= MODULES_PER_SERVICE - MISSING_MODULES;
      const failAt = absent ? (stale ? 'container' : 'image') : null;
      modules.push({ name: `m${m}`, source, target: `/app/dist/modules/m${m}`, rungs: rungs(failAt), firstFailure: failAt as ModuleReport['firstFailure'], fix: null });
      for (let k = 0; k < perModule && paths.length < totalFiles; k++) {
        const rel = `${source}/file${k}.ts`;
        paths.push(`${WORKSPACE}/${rel}`);
        if (absent) missing.push(rel);
      }
    }
    services.push({
      name,
      project: 'bench',
      verdict: 'drift',
      summary: `${missing.length} file(s) not in the running container`,
      container: { id: `c${s}`.padEnd(64, '0'), name: `bench-${name}-1`, state: 'running', imageId: 'sha256:'.padEnd(71, '1'), created: '2025-01-01T00:00:00.000Z' },
      image: { ref: `bench-${name}`, id: 'sha256:'.padEnd(71, '2'), created: '2025-01-01T00:00:00.000Z' },
      staleContainer: stale,
      baseUrl: null,
      mapping: null,
      sourceNewest: null,
      modules,
      routes: [],
      missingFiles: missing,
      missingFilesInImage: stale ? missing : [],
      changedFiles: [],
      configDrift: [],
      configBasis: null,
      pages: [],
      fix: null,
      action: null,
      errors: [],
      warnings: [],
    });
  }
  const report: Report = {
    verdict: 'drift',
    workspace: WORKSPACE,
    checkedAt: new Date(0).toISOString(),
    engine: { reachable: true, host: 'unix:///var/run/docker.sock', error: null },
    services,
  };
  // VS Code hands a decoration provider URIs revived from its IPC's JSON, so uri.fsPath is a flat
  // string; the template literals above are ropes, which every Map lookup would flatten first.
  return { report, paths: JSON.parse(JSON.stringify(paths)) as string[] };
}
