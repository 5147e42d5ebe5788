// The Containers tree as plain data: compose project → service → container, modules → routes; a
// project deployed as a Swarm stack reads stack → service → tasks.
// Sync (is it the code?) and health (is it up?) are told apart: the icon shape follows health,
// its colour follows sync, and the description spells both out.
import * as l10n from '@vscode/l10n';
import type { ModuleReport, PageReport, Report, RouteReport, ServiceReport, SwarmTaskReport, Verdict } from '../model';
import { spaNote } from '../pages/judgePages';
import { COMMAND } from '../commandIds';
import { absoluteIn } from './paths';
import { ladderDetail, routeAnswer, serviceReason } from './rungText';
import { projectLabel, refOf, type ServiceRef } from './serviceRef';
import { outsideNode } from './workspaceNotices';
import { probeDetailText, rungWord, shortId, timeAgo, verdictWords } from '../ladder/format';

export type NodeKind = 'project' | 'service' | 'container' | 'task' | 'module' | 'route' | 'message';

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
  /** For menus: "service", "service:container", "service:container:running", "container:running", "task:running", "stack", "module", "route". */
  contextValue: string;
  expanded: boolean;
  ref?: ServiceRef;
  /** Project nodes: the compose project they stand for ("Start All"), and its stack's file when its folder has several. */
  projectRef?: { workspace: string; project: string; stackFile?: string };
  containerId?: string;
  /** Absolute file or folder this node stands for (modules, routes). */
  resource?: string;
  /** 1-based line in `resource`. */
  line?: number;
  command?: NodeCommand;
  children: TreeNodeModel[];
}

export const SYNC_COLOR = { inSync: 'charts.green', drift: 'charts.red', stale: 'charts.orange', unknown: 'charts.yellow' } as const;

/** A group with more children than this starts collapsed, whatever its state: its counts show on it. */
export const LARGE_GROUP = 8;

/** What needs attention first: drift, then unknown, then what does not run, then in sync. */
const ATTENTION: Record<Verdict, number> = { drift: 0, unknown: 1, stopped: 2, 'not-running': 3, 'in-sync': 4, completed: 5 };

export function byAttention(a: ServiceReport, b: ServiceReport): number {
  return ATTENTION[a.verdict] - ATTENTION[b.verdict] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Roots of the tree; empty when there is nothing to show (the welcome view takes over). */
export function buildTree(reports: readonly Report[], now: Date): TreeNodeModel[] {
  const roots: TreeNodeModel[] = [];
  const multiFolder = reports.length > 1;
  for (const report of reports) {
    if (!report.engine.reachable) continue;
    const firstRoot = roots.length;
    for (const { project, stackFile, services } of stacksOf(report.services)) {
      const drifted = services.filter((s) => s.verdict === 'drift').length;
      const idle = services.filter((s) => s.verdict === 'not-running' || s.verdict === 'stopped').length;
      const id = `p:${report.workspace}:${project}${stackFile === undefined ? '' : `:${stackFile}`}`;
      const state = [drifted > 0 ? l10n.t`${drifted} drifted` : undefined, idle > 0 ? l10n.t`${idle} not running` : undefined].filter(Boolean);
      const startable = services.some((s) => s.action?.kind === 'start');
      // Deployed with `docker stack deploy`: the Swarm runs it, so compose's "Start All" is not offered.
      const stack = services.find((s) => s.swarm)?.swarm?.stack;
      const serviceCount = services.length === 1 ? l10n.t('1 service') : l10n.t('{0} services', services.length);
      const standalone = services.every((s) => s.standalone);
      const counts = `${stackFile === undefined ? '' : `${stackFile} · `}${standalone ? `${l10n.t('Dockerfiles, no compose file')} · ` : ''}${serviceCount} · ${state.length > 0 ? state.join(' · ') : l10n.t('in sync')}${multiFolder ? ` · ${report.workspace}` : ''}`;
      roots.push({
        id,
        kind: 'project',
        label: stack ?? project,
        description: stack ? l10n.t`Swarm stack · ${counts}` : counts,
        tooltip: `${stack ? l10n.t`Swarm stack ${stack} (docker stack deploy) from the compose project ${project}` : standalone ? l10n.t`The Dockerfiles of ${project}, each checked as a service: no compose file here; a service's containers are those running its image` : l10n.t`Compose project ${projectLabel({ project, stackFile })}`}${l10n.t` in ${report.workspace}`}\n${l10n.t`Checked ${report.checkedAt} against ${report.engine.host}`}`,
        icon: { id: 'layers', color: drifted > 0 ? SYNC_COLOR.drift : undefined },
        contextValue: stack ? 'stack' : startable ? 'project:startable' : 'project',
        expanded: true,
        projectRef: { workspace: report.workspace, project, ...(stackFile === undefined ? {} : { stackFile }) },
        children: [...[...services].sort(byAttention).map((s) => serviceNode(report, s, id, now)), ...optional(roots.length === firstRoot ? outsideNode(report, id) : undefined)],
      });
    }
  }
  return roots;
}

function optional<T>(item: T | undefined): T[] {
  return item === undefined ? [] : [item];
}

/** A report's services by compose stack: by project, and by file where a folder's stacks share the project's name. */
function stacksOf(services: readonly ServiceReport[]): Array<{ project: string; stackFile: string | undefined; services: ServiceReport[] }> {
  const stacks = new Map<string, { project: string; stackFile: string | undefined; services: ServiceReport[] }>();
  for (const service of services) {
    const key = `${service.project}\u0000${service.stackFile ?? ''}`;
    const stack = stacks.get(key) ?? { project: service.project, stackFile: service.stackFile, services: [] };
    stack.services.push(service);
    stacks.set(key, stack);
  }
  return [...stacks.values()];
}

/** "in sync", "stale", "drift: image", "not running"…: the sync half of a service's description. */
export function syncText(service: ServiceReport): string {
  if (service.verdict === 'in-sync') return l10n.t('in sync');
  if (service.verdict === 'completed') return l10n.t('job completed');
  if (service.verdict === 'unknown') return l10n.t('sync unknown');
  if (service.verdict === 'not-running') return l10n.t('not running');
  if (service.verdict === 'stopped') return l10n.t('stopped');
  if (service.staleContainer) return l10n.t('stale');
  const first = service.modules.find((m) => m.firstFailure)?.firstFailure;
  return first ? l10n.t`drift at ${rungWord(first)}` : l10n.t('drift');
}

/** "running", "exited", "no container", "1/2 tasks running": the health half. */
export function healthText(service: ServiceReport): string {
  if (service.swarm) {
    const running = service.swarm.tasks.filter((t) => t.state === 'running').length;
    const tasks = service.swarm.tasks.length;
    return tasks === 1 ? l10n.t('{0}/1 task running', running) : l10n.t('{0}/{1} tasks running', running, tasks);
  }
  const c = service.container;
  if (!c) return l10n.t('no container');
  return c.exitCode !== undefined && c.state === 'exited' ? l10n.t('{0} ({1})', c.state, c.exitCode) : c.state;
}

/** Neutral (no colour) for what does not run: nothing there can be out of sync. */
function syncColor(service: ServiceReport): string | undefined {
  if (service.verdict === 'in-sync' || service.verdict === 'completed') return SYNC_COLOR.inSync;
  if (service.verdict === 'unknown') return SYNC_COLOR.unknown;
  if (service.verdict === 'not-running' || service.verdict === 'stopped') return undefined;
  return service.staleContainer ? SYNC_COLOR.stale : SYNC_COLOR.drift;
}

function healthIcon(service: ServiceReport): string {
  const state = service.container?.state;
  if (state === 'running') return 'vm-running';
  if (state === 'restarting' || state === 'created' || state === 'paused') return 'vm-active';
  return 'vm-outline';
}

/** "23 routes · 2 missing · 1 broken": what a collapsed group holds, problems counted by kind. */
export function routeCounts(routes: readonly RouteReport[]): string {
  const parts = [routes.length === 1 ? l10n.t('1 route') : l10n.t('{0} routes', routes.length)];
  const problem = { missing: (n: number) => l10n.t`${n} missing`, broken: (n: number) => l10n.t`${n} server error`, unreachable: (n: number) => l10n.t`${n} unreachable` };
  for (const verdict of ['missing', 'broken', 'unreachable'] as const) {
    const n = routes.filter((r) => r.verdict === verdict).length;
    if (n > 0) parts.push(problem[verdict](n));
  }
  return parts.join(' · ');
}

function serviceNode(report: Report, service: ServiceReport, parentId: string, now: Date): TreeNodeModel {
  const id = `${parentId}/s:${service.name}`;
  const ref = refOf(report, service);
  const running = service.container?.state === 'running';
  // The action kind last: menus offer the one button that fits (package.json `viewItem =~`). A
  // Dockerfile with no compose file (`standalone`) and no container has no Rebuild: only a
  // container the person ran can be made again with its options (ServiceAction.container).
  const contextValue = ['service', service.container ? 'container' : undefined, running ? 'running' : undefined, service.standalone ? 'standalone' : undefined, service.action?.kind]
    .filter(Boolean)
    .join(':');
  const children: TreeNodeModel[] = service.swarm ? service.swarm.tasks.map((t) => taskNode(service, t, id, ref, now)) : [containerNode(service, id, ref, now)];
  const byModule = new Map<string, RouteReport[]>();
  const loose: RouteReport[] = [];
  for (const route of service.routes) {
    if (route.module !== null && service.modules.some((m) => m.name === route.module)) {
      const list = byModule.get(route.module) ?? [];
      list.push(route);
      byModule.set(route.module, list);
    } else loose.push(route);
  }
  const modules = [...service.modules].sort((a, b) => Number(b.firstFailure !== null) - Number(a.firstFailure !== null));
  for (const module of modules) children.push(moduleNode(report, service, module, byModule.get(module.name) ?? [], id));
  if (loose.length > LARGE_GROUP) children.push(routeGroupNode(report, loose, id));
  else for (const route of loose) children.push(routeNode(report, route, id));
  if (service.pages.length > 0) children.push(pagesNode(report, service, id));
  if (service.configDrift.length > 0) children.push(configNode(report, service, id));
  for (const [i, error] of service.errors.entries()) {
    children.push({ id: `${id}/e:${i}`, kind: 'message', label: error, tooltip: error, icon: { id: 'warning', color: 'list.warningForeground' }, contextValue: 'message', expanded: false, children: [] });
  }
  const warnings = service.warnings ?? [];
  if (warnings.length > 0) children.push(warningsNode(warnings, id));
  const fix = service.fix ? `\n${l10n.t`Fix: ${service.fix}`}` : '';
  const action = service.action ? `\n${l10n.t`Action: ${service.action.label} (${service.action.command})`}` : '';
  const expanded = service.verdict === 'drift' || service.verdict === 'unknown';
  const health = service.verdict === 'not-running' ? undefined : healthText(service);
  const counts = !expanded && service.routes.length > 0 ? routeCounts(service.routes) : undefined;
  return {
    id,
    kind: 'service',
    label: service.name,
    description: [syncText(service), health, counts].filter(Boolean).join(' · '),
    tooltip: `${service.name}: ${service.summary}${service.swarm ? `\n${l10n.t`Swarm service ${service.swarm.service} of the stack ${service.swarm.stack}`}` : ''}\n${l10n.t`Sync: ${syncText(service)} · Health: ${healthText(service)}`}${fix}${action}`,
    icon: { id: healthIcon(service), color: syncColor(service) },
    contextValue,
    expanded,
    ref,
    containerId: service.container?.id,
    children,
  };
}

/**
 * What the source scan could not know or read ("src/app.ts:12: @Get path is not known
 * statically; route skipped (list it in x-runtime-drift.routes)"): one collapsed node, each
 * warning a child whose hover says it whole.
 */
function warningsNode(warnings: readonly string[], parentId: string): TreeNodeModel {
  const id = `${parentId}/warnings`;
  return {
    id,
    kind: 'message',
    label: l10n.t('warnings'),
    description: String(warnings.length),
    tooltip: warnings.slice(0, 10).join('\n') + (warnings.length > 10 ? `\n${l10n.t`… ${warnings.length - 10} more`}` : ''),
    icon: { id: 'info' },
    contextValue: 'warnings',
    expanded: false,
    children: warnings.map((w, i) => ({ id: `${id}/${i}`, kind: 'message', label: w, tooltip: w, icon: { id: 'info' }, contextValue: 'message', expanded: false, children: [] })),
  };
}

/** Config drift as its own line under the service: one child per field, each revealing its compose line. */
function configNode(report: Report, service: ServiceReport, parentId: string): TreeNodeModel {
  const id = `${parentId}/config`;
  const n = service.configDrift.length;
  return {
    id,
    kind: 'message',
    label: l10n.t('config differs from compose'),
    description: `${n === 1 ? l10n.t('1 field') : l10n.t('{0} fields', n)} · ${service.configDrift.map((d) => d.field).slice(0, 3).join(', ')}${n > 3 ? ', …' : ''}`,
    tooltip: [
      l10n.t('The container was created from an older compose configuration; `up -d` recreates it.'),
      ...service.configDrift.map((d) => d.evidence),
      ...(service.configBasis ? [l10n.t`Compared: ${service.configBasis}`] : []),
    ].join('\n'),
    icon: { id: 'settings-gear', color: SYNC_COLOR.stale },
    contextValue: 'config',
    expanded: false,
    ref: refOf(report, service),
    children: service.configDrift.map((d) =>
      sourceLeaf(report, {
        id: `${id}/${d.field}`,
        label: d.field,
        description: d.hidden ? l10n.t('differs (value hidden)') : l10n.t`compose ${d.compose ?? l10n.t('none')} · container ${d.container ?? l10n.t('none')}`,
        tooltip: d.evidence,
        icon: { id: 'diff-modified', color: SYNC_COLOR.stale },
        contextValue: 'configField',
        file: d.file,
        line: d.line,
      }),
    ),
  };
}

const PAGE_ICON: Record<PageReport['verdict'], NodeIcon> = {
  served: { id: 'pass', color: SYNC_COLOR.inSync },
  missing: { id: 'error', color: SYNC_COLOR.drift },
  unknown: { id: 'question', color: SYNC_COLOR.unknown },
};

/** A front end's pages against the bundle its container serves, one child per page. */
function pagesNode(report: Report, service: ServiceReport, parentId: string): TreeNodeModel {
  const id = `${parentId}/pages`;
  const missing = service.pages.filter((p) => p.verdict === 'missing').length;
  const n = service.pages.length;
  return {
    id,
    kind: 'message',
    label: l10n.t('pages'),
    description: `${n === 1 ? l10n.t('1 page') : l10n.t('{0} pages', n)}${missing > 0 ? ` · ${l10n.t`${missing} not in the served bundle`}` : ''}`,
    tooltip: l10n.t`Pages in the source, judged by the bundle the container serves (${spaNote()}).`,
    icon: { id: 'browser', color: missing > 0 ? SYNC_COLOR.drift : undefined },
    contextValue: 'pages',
    expanded: missing > 0 && n <= LARGE_GROUP,
    children: service.pages.map((p) =>
      sourceLeaf(report, {
        id: `${id}/${p.file}:${p.line}:${p.path}`,
        label: p.path,
        description: p.verdict === 'served' ? l10n.t('in the served bundle') : p.verdict === 'missing' ? l10n.t('not in the served bundle') : l10n.t('unknown'),
        tooltip: `${p.path} (${p.framework}): ${p.evidence}\n${p.file}:${p.line}`,
        icon: PAGE_ICON[p.verdict],
        contextValue: 'page',
        file: p.file,
        line: p.line,
      }),
    ),
  };
}

/** A childless node that opens its workspace-relative file at its line when clicked. */
function sourceLeaf(
  report: Report,
  leaf: { id: string; label: string; description: string; tooltip: string; icon: NodeIcon; contextValue: string; file: string | null; line: number | null },
): TreeNodeModel {
  const resource = leaf.file === null ? undefined : absoluteIn(report.workspace, leaf.file);
  return {
    id: leaf.id,
    kind: 'message',
    label: leaf.label,
    description: leaf.description,
    tooltip: leaf.tooltip,
    icon: leaf.icon,
    contextValue: leaf.contextValue,
    expanded: false,
    resource,
    line: leaf.line ?? undefined,
    command: resource ? { command: COMMAND.revealSource, title: l10n.t('Reveal Source'), args: [{ resource, line: leaf.line ?? 1 }] } : undefined,
    children: [],
  };
}

/** Routes outside any module, many of them: one collapsed node that says what it holds. */
function routeGroupNode(report: Report, routes: RouteReport[], parentId: string): TreeNodeModel {
  const id = `${parentId}/routes`;
  return {
    id,
    kind: 'message',
    label: l10n.t('routes'),
    description: routeCounts(routes),
    tooltip: l10n.t`Routes declared outside any module: ${routeCounts(routes)}`,
    icon: { id: 'globe' },
    contextValue: 'routes',
    expanded: false,
    children: routes.map((r) => routeNode(report, r, id)),
  };
}

function containerNode(service: ServiceReport, parentId: string, ref: ServiceRef, now: Date): TreeNodeModel {
  const id = `${parentId}/c`;
  const c = service.container;
  if (!c) {
    return {
      id,
      kind: 'container',
      label: l10n.t('not running'),
      description: l10n.t`no container · image ${service.image.ref}`,
      tooltip: `${l10n.t`No container for ${service.name} (never started, or removed): not running, which is not drift.`}${service.action ? ` ${service.action.label}: ${service.action.command}.` : ''}`,
      icon: { id: 'circle-outline' },
      contextValue: 'container',
      expanded: false,
      ref,
      children: [],
    };
  }
  const freshness = service.staleContainer ? l10n.t('stale') : l10n.t('current');
  const built = timeAgo(service.image.created, now);
  const created = timeAgo(c.created, now);
  const description = [c.state, l10n.t`image ${shortId(c.imageId)}`, created ? l10n.t`created ${created}` : undefined].filter(Boolean).join(' · ');
  const tooltip = [
    l10n.t`Container ${c.name} (${shortId(c.id)}) is ${c.state}.`,
    created ? l10n.t`Created from image ${shortId(c.imageId)} ${created}` : l10n.t`Created from image ${shortId(c.imageId)}`,
    built ? l10n.t`Newest image ${service.image.ref}: ${shortId(service.image.id)}, built ${built}.` : l10n.t`Newest image ${service.image.ref}: ${shortId(service.image.id)}.`,
    ...(service.image.lastTagged ? [l10n.t`Built again from the layer cache ${timeAgo(service.image.lastTagged, now) ?? service.image.lastTagged}: its source is judged from then.`] : []),
    service.staleContainer
      ? l10n.t('Stale: the container runs an older image than the newest build; recreate it.')
      : l10n.t('Current: the container runs the newest image.'),
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

/** One task of a Swarm service: where it runs, its container, and whether it runs the service's image of now. */
function taskNode(service: ServiceReport, task: SwarmTaskReport, parentId: string, ref: ServiceRef, now: Date): TreeNodeModel {
  const created = timeAgo(task.created, now);
  const running = task.state === 'running';
  // The reference its spec names (the manager's records), with the image ID its container runs when it is on this engine.
  const image = task.image && task.inspectable ? `${task.image} (${shortId(task.imageId)})` : (task.image ?? shortId(task.imageId));
  const tooltip = [
    task.node
      ? l10n.t`Task ${task.name} of the Swarm service ${service.swarm?.service ?? service.name} on node ${task.node} is ${task.state}.`
      : l10n.t`Task ${task.name} of the Swarm service ${service.swarm?.service ?? service.name} (container ${shortId(task.id)}) is ${task.state}.`,
    created ? l10n.t`Runs image ${image}, created ${created}.` : l10n.t`Runs image ${image}.`,
    service.swarm?.image ? l10n.t`The service's image ${service.swarm.image}.` : l10n.t`The service's image ${service.image.ref}: ${shortId(service.image.id)}.`,
    task.stale
      ? service.fix
        ? l10n.t`Stale: the task runs an older image than the service's; the Swarm replaces it on a service update (${service.fix}).`
        : l10n.t("Stale: the task runs an older image than the service's; the Swarm replaces it on a service update.")
      : l10n.t("Current: the task runs the service's image."),
    ...(task.inspectable ? [] : [l10n.t`Task on node ${task.node ?? '?'}: not inspectable from this engine (its container is on that node).`]),
  ].join('\n');
  return {
    id: `${parentId}/t:${task.id}`,
    kind: 'task',
    label: `${task.name} · ${!running ? task.state : task.stale ? l10n.t('stale') : l10n.t('current')}`,
    description: [task.state, task.node ? l10n.t`node ${task.node}` : undefined, l10n.t`image ${image}`, created ? l10n.t`created ${created}` : undefined].filter(Boolean).join(' · '),
    tooltip,
    icon: { id: running ? 'debug-start' : 'debug-stop', color: !running ? undefined : task.stale ? SYNC_COLOR.stale : SYNC_COLOR.inSync },
    // Another node's task: no container menu (logs, files) would reach it through this engine.
    contextValue: !task.inspectable ? 'remoteTask' : running ? 'task:running' : 'task',
    expanded: false,
    ref,
    ...(task.inspectable ? { containerId: task.id } : {}),
    children: [],
  };
}

function moduleNode(report: Report, service: ServiceReport, module: ModuleReport, routes: RouteReport[], parentId: string): TreeNodeModel {
  const id = `${parentId}/m:${module.name}`;
  const reason = module.firstFailure ? serviceReason(service, module) : undefined;
  const idle = service.verdict === 'not-running' || service.verdict === 'stopped';
  const description = module.firstFailure ? `${l10n.t`fails at ${rungWord(module.firstFailure)}`}${reason ? ` · ${reason}` : ''}` : idle ? l10n.t('not running') : l10n.t('in sync');
  const unknown = !module.firstFailure && Object.values(module.rungs).some((r) => r.status === 'unknown');
  const resource = absoluteIn(report.workspace, module.source);
  const counts = routes.length > 0 ? ` · ${routeCounts(routes)}` : '';
  return {
    id,
    kind: 'module',
    label: module.name,
    description: `${unknown ? l10n.t('partly unknown') : description}${counts}`,
    tooltip: [l10n.t`Module ${module.name}: ${module.source} → ${module.target}`, ...ladderDetail(module.rungs), ...(module.fix ? [l10n.t`Fix: ${module.fix}`] : [])].join('\n'),
    icon: module.firstFailure
      ? { id: 'error', color: idle ? undefined : SYNC_COLOR.drift }
      : unknown
        ? { id: 'question', color: SYNC_COLOR.unknown }
        : idle
          ? { id: 'circle-outline' }
          : { id: 'pass', color: SYNC_COLOR.inSync },
    contextValue: 'module',
    expanded: module.firstFailure !== null && !idle && routes.length <= LARGE_GROUP,
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
  const where = route.file === null ? l10n.t('declared in x-runtime-drift') : `${route.file}${route.line === null ? '' : `:${route.line}`}`;
  return {
    id,
    kind: 'route',
    label: `${route.method} ${route.path} → ${routeAnswer(route)}`,
    description: verdictWords(route.verdict),
    tooltip: [`${route.method} ${route.path}: ${routeAnswer(route)} (${verdictWords(route.verdict)})`, probeDetailText(route.detail) ?? '', where].filter(Boolean).join('\n'),
    icon: routeIcon(route),
    contextValue: 'route',
    expanded: false,
    resource,
    line: route.line ?? undefined,
    command: resource ? { command: COMMAND.revealSource, title: l10n.t('Reveal Source'), args: [{ resource, line: route.line ?? 1 }] } : undefined,

    children: [],
  };
}
