// How the extension names one compose service across views, commands and command links.
// Plain data so it survives JSON (command URIs, tree nodes) and needs no report to be built.
import type { Report, ServiceReport } from '../model';
import { isRecord } from '../isRecord';

export interface ServiceRef {
  /** Absolute workspace folder the report was made for. */
  workspace: string;
  project: string;
  service: string;
}

export function refOf(report: Report, service: ServiceReport): ServiceRef {
  return { workspace: report.workspace, project: service.project, service: service.name };
}

/** ` (docker-compose.full.yml)` after a name whose folder holds several stacks of that name; '' otherwise. */
const stackSuffix = (s: Pick<ServiceReport, 'stackFile'>): string => (s.stackFile === undefined ? '' : ` (${s.stackFile})`);

/**
 * A compose project as the views name it: its name, and the file its stack is read from when its
 * folder holds several stacks (`sorry-cypress (docker-compose.full.yml)`).
 */
export function projectLabel(s: Pick<ServiceReport, 'project' | 'stackFile'>): string {
  return `${s.project}${stackSuffix(s)}`;
}

/** A service as the views name it: `project/service`, and its stack's file when it needs one (`sorry-cypress/director (docker-compose.full.yml)`). */
export function serviceLabel(s: Pick<ServiceReport, 'project' | 'name' | 'stackFile'>): string {
  return `${serviceSelector({ project: s.project, service: s.name })}${stackSuffix(s)}`;
}

/** `project/service`, what the check and the rebuild take to name one service of one compose project (neither name can hold a `/`). */
export function serviceSelector(ref: { project: string; service: string }): string {
  return `${ref.project}/${ref.service}`;
}

/**
 * Commands receive a ServiceRef (command links, CodeLens), a tree node carrying `ref`
 * (context menus) or nothing (palette). Anything else is treated as nothing.
 */
export function toServiceRef(arg: unknown): ServiceRef | undefined {
  if (!isRecord(arg)) return undefined;
  const candidate = isRecord(arg['ref']) ? arg['ref'] : arg;
  const { workspace, project, service } = candidate;
  if (typeof workspace === 'string' && typeof project === 'string' && typeof service === 'string') {
    return { workspace, project, service };
  }
  return undefined;
}

/** The service a ref points at in a set of reports (one per workspace folder). */
export function findService(
  reports: readonly Report[],
  ref: ServiceRef,
): { report: Report; service: ServiceReport } | undefined {
  for (const report of reports) {
    if (report.workspace !== ref.workspace) continue;
    const service = report.services.find((s) => s.project === ref.project && s.name === ref.service);
    if (service) return { report, service };
  }
  return undefined;
}

/**
 * The container a command acts on: a task node's own (a Swarm service has several), else the
 * service's container. A container id the service does not have is ignored.
 */
export function chosenContainer(arg: unknown, service: ServiceReport): { id: string; state: string } | undefined {
  const asked = isRecord(arg) && typeof arg['containerId'] === 'string' ? arg['containerId'] : undefined;
  const task = asked === undefined ? undefined : service.swarm?.tasks.find((t) => t.id === asked);
  return task ?? service.container ?? undefined;
}
