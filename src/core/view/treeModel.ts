// The Containers tree as plain data: compose project → service → container, modules → routes.
// Sync (is it the code?) and health (is it up?) are told apart: the icon shape follows health,
// its colour follows sync, and the description spells both out.
import type { ModuleReport, Report, RouteReport, ServiceReport } from '../model';
import { COMMAND } from './commandIds';
import { absoluteIn } from './paths';
import { ladderDetail, routeAnswer, serviceReason, verdictWords } from './rungText';
import { refOf, type ServiceRef } from './serviceRef';
import { shortId, timeAgo } from '../ladder/format';

export type NodeKind = 'project' | 'service' | 'container' | 'module' | 'route' | 'message';

export interface NodeIcon {
  /** Codicon id. */
  id: string;
  /** Theme colour id, e.g. "charts.red". */
  color?: string;
}

export interface NodeCommand {
  command: string;
  title: string;
  args: unknown[];
}

export interface TreeNodeModel {
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  tooltip: string;
  icon: NodeIcon;
  /** For menus: "service", "service:container", "service:container:running", "container:running", "module", "route". */
  contextValue: string;
  expanded: boolean;
  ref?: ServiceRef;
  containerId?: string;
  /** Absolute file or folder this node stands for (modules, routes). */
  resource?: string;
  /** 1-based line in `resource`. */
  line?: number;
  command?: NodeCommand;
  children: TreeNodeModel[];
}

export const SYNC_COLOR = { inSync: 'charts.green', drift: 'charts.red', stale: 'charts.orange', unknown: 'charts.yellow' } as const;

/** Roots of the tree; empty when there is nothing to show (the welcome view takes over). */
export function buildTree(reports: readonly Report[], now: Date): TreeNodeModel[] {
  const roots: TreeNodeModel[] = [];
  const multiFolder = reports.length > 1;
  for (const report of reports) {
    if (!report.engine.reachable) continue;
    const projects = new Map<string, ServiceReport[]>();
    for (const service of report.services) {
      const list = projects.get(service.project) ?? [];
      list.push(service);
      projects.set(service.project, list);
    }
    for (const [project, services] of projects) {
      const drifted = services.filter((s) => s.verdict === 'drift').length;
      const id = `p:${report.workspace}:${project}`;
      roots.push({
        id,
        kind: 'project',
        label: project,
        description: `${services.length} service${services.length === 1 ? '' : 's'}${drifted > 0 ? ` · ${drifted} drifted` : ' · in sync'}${multiFolder ? ` · ${report.workspace}` : ''}`,
        tooltip: `Compose project ${project} in ${report.workspace}\nChecked ${report.checkedAt} against ${report.engine.host}`,
        icon: { id: 'layers', color: drifted > 0 ? SYNC_COLOR.drift : undefined },
        contextValue: 'project',
        expanded: true,
        children: services.map((s) => serviceNode(report, s, id, now)),
      });
    }
  }
  return roots;
}

/** "in sync", "stale", "drift: image"…: the sync half of a service's description. */
export function syncText(service: ServiceReport): string {
  if (service.verdict === 'in-sync') return 'in sync';
  if (service.verdict === 'unknown') return 'sync unknown';
  if (service.staleContainer) return 'stale';
  const first = service.modules.find((m) => m.firstFailure)?.firstFailure;
  return first ? `drift at ${first}` : 'drift';
}

/** "running", "exited", "no container": the health half. */
export function healthText(service: ServiceReport): string {
  return service.container ? service.container.state : 'no container';
}

function syncColor(service: ServiceReport): string {
  if (service.verdict === 'in-sync') return SYNC_COLOR.inSync;
  if (service.verdict === 'unknown') return SYNC_COLOR.unknown;
  return service.staleContainer ? SYNC_COLOR.stale : SYNC_COLOR.drift;
}

function healthIcon(service: ServiceReport): string {
  const state = service.container?.state;
  if (state === 'running') return 'vm-running';
  if (state === 'restarting' || state === 'created' || state === 'paused') return 'vm-active';
  return 'vm-outline';
}

function serviceNode(report: Report, service: ServiceReport, parentId: string, now: Date): TreeNodeModel {
  const id = `${parentId}/s:${service.name}`;
  const ref = refOf(report, service);
  const running = service.container?.state === 'running';
  const contextValue = ['service', service.container ? 'container' : undefined, running ? 'running' : undefined]
    .filter(Boolean)
    .join(':');
  const children: TreeNodeModel[] = [containerNode(service, id, ref, now)];
  const byModule = new Map<string, RouteReport[]>();
  const loose: RouteReport[] = [];
  for (const route of service.routes) {
    if (route.module !== null && service.modules.some((m) => m.name === route.module)) {
      const list = byModule.get(route.module) ?? [];
      list.push(route);
      byModule.set(route.module, list);
    } else loose.push(route);
  }
  for (const module of service.modules) children.push(moduleNode(report, service, module, byModule.get(module.name) ?? [], id));
  for (const route of loose) children.push(routeNode(report, route, id));
  for (const [i, error] of service.errors.entries()) {
    children.push({ id: `${id}/e:${i}`, kind: 'message', label: error, tooltip: error, icon: { id: 'warning', color: 'list.warningForeground' }, contextValue: 'message', expanded: false, children: [] });
  }
  const fix = service.fix ? `\nFix: ${service.fix}` : '';
  return {
    id,
    kind: 'service',
    label: service.name,
    description: `${syncText(service)} · ${healthText(service)}`,
    tooltip: `${service.name}: ${service.summary}\nSync: ${syncText(service)} · Health: ${healthText(service)}${fix}`,
    icon: { id: healthIcon(service), color: syncColor(service) },
    contextValue,
    expanded: service.verdict !== 'in-sync',
    ref,
    containerId: service.container?.id,
    children,
  };
}

function containerNode(service: ServiceReport, parentId: string, ref: ServiceRef, now: Date): TreeNodeModel {
  const id = `${parentId}/c`;
  const c = service.container;
  if (!c) {
    return {
      id,
      kind: 'container',
      label: 'no container',
      description: `image ${service.image.ref}`,
      tooltip: `No container for ${service.name}: run docker compose up -d ${service.name}.`,
      icon: { id: 'circle-slash', color: SYNC_COLOR.drift },
      contextValue: 'container',
      expanded: false,
      ref,
      children: [],
    };
  }
  const freshness = service.staleContainer ? 'stale' : 'current';
  const built = timeAgo(service.image.created, now);
  const created = timeAgo(c.created, now);
  const description = [c.state, `image ${shortId(c.imageId)}`, created ? `created ${created}` : undefined].filter(Boolean).join(' · ');
  const tooltip = [
    `Container ${c.name} (${shortId(c.id)}) is ${c.state}.`,
    `Created from image ${shortId(c.imageId)} ${created ?? ''}`.trim(),
    `Newest image ${service.image.ref}: ${shortId(service.image.id)}${built ? `, built ${built}` : ''}.`,
    service.staleContainer
      ? 'Stale: the container runs an older image than the newest build; recreate it.'
      : 'Current: the container runs the newest image.',
  ].join('\n');
  return {
    id,
    kind: 'container',
    label: `${c.name} · ${freshness}`,
    description,
    tooltip,
    icon: { id: c.state === 'running' ? 'debug-start' : 'debug-stop', color: service.staleContainer ? SYNC_COLOR.stale : SYNC_COLOR.inSync },
    contextValue: c.state === 'running' ? 'container:running' : 'container',
    expanded: false,
    ref,
    containerId: c.id,
    children: [],
  };
}

function moduleNode(report: Report, service: ServiceReport, module: ModuleReport, routes: RouteReport[], parentId: string): TreeNodeModel {
  const id = `${parentId}/m:${module.name}`;
  const reason = module.firstFailure ? serviceReason(service, module) : undefined;
  const description = module.firstFailure ? `fails at ${module.firstFailure}${reason ? ` · ${reason}` : ''}` : 'in sync';
  const unknown = !module.firstFailure && Object.values(module.rungs).some((r) => r.status === 'unknown');
  const resource = absoluteIn(report.workspace, module.source);
  return {
    id,
    kind: 'module',
    label: module.name,
    description: unknown ? 'partly unknown' : description,
    tooltip: [`Module ${module.name}: ${module.source} → ${module.target}`, ...ladderDetail(module.rungs), ...(module.fix ? [`Fix: ${module.fix}`] : [])].join('\n'),
    icon: module.firstFailure ? { id: 'error', color: SYNC_COLOR.drift } : unknown ? { id: 'question', color: SYNC_COLOR.unknown } : { id: 'pass', color: SYNC_COLOR.inSync },
    contextValue: 'module',
    expanded: module.firstFailure !== null,
    ref: refOf(report, service),
    resource,
    children: routes.map((r) => routeNode(report, r, id)),
  };
}

function routeIcon(route: RouteReport): NodeIcon {
  if (route.authVerdict === 'live' || route.verdict === 'live' || route.verdict === 'exists') return { id: 'pass', color: SYNC_COLOR.inSync };
  if (route.verdict === 'needs-auth') return { id: 'lock', color: 'charts.blue' };
  if (route.verdict === 'missing' || route.verdict === 'broken') return { id: 'error', color: SYNC_COLOR.drift };
  return { id: 'question', color: SYNC_COLOR.unknown };
}

function routeNode(report: Report, route: RouteReport, parentId: string): TreeNodeModel {
  const id = `${parentId}/r:${route.method} ${route.path}`;
  const resource = route.file === null ? undefined : absoluteIn(report.workspace, route.file);
  const where = route.file === null ? 'declared in x-runtime-drift' : `${route.file}${route.line === null ? '' : `:${route.line}`}`;
  return {
    id,
    kind: 'route',
    label: `${route.method} ${route.path} → ${routeAnswer(route)}`,
    description: verdictWords(route.verdict),
    tooltip: [`${route.method} ${route.path}: ${routeAnswer(route)} (${verdictWords(route.verdict)})`, route.detail ?? '', where].filter(Boolean).join('\n'),
    icon: routeIcon(route),
    contextValue: 'route',
    expanded: false,
    resource,
    line: route.line ?? undefined,
    command: resource ? { command: COMMAND.revealSource, title: 'Reveal Source', args: [{ resource, line: route.line ?? 1 }] } : undefined,
    children: [],
  };
}
