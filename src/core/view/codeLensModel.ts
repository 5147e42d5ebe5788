// CodeLens above each route handler: what the live route answered and, as a separate lens, the fix.
// "GET /api/v1/workflows/steps/definitions → 404 in runtime · container is stale" + "Recreate api".
import * as l10n from '@vscode/l10n';
import { NOT_RUNNING_DETAIL } from '../model';
import type { Report, RouteReport, ServiceReport } from '../model';
import { ACTION_COMMAND, COMMAND } from '../commandIds';
import { absoluteIn } from './paths';
import { routeAnswer, serviceReason } from './rungText';
import { refOf, type ServiceRef } from './serviceRef';

export interface LensModel {
  /** 1-based line of the handler. */
  line: number;
  title: string;
  command: string;
  args: unknown[];
  tooltip?: string;
}

/** Absolute file path -> lenses in line order. */
export type RouteLenses = ReadonlyMap<string, readonly LensModel[]>;

export function routeLensTitle(service: ServiceReport, route: RouteReport): string {
  // Not probed whatever runs: say what fixes it, not how the service is doing.
  if (route.prefixUnknown) return `${route.method} ${route.path} → ${routeAnswer(route)} · ${l10n.t('list its full path in x-runtime-drift.routes')}`;
  if (route.notServed) return `${route.method} ${route.path} → ${routeAnswer(route)}`;
  // Nothing runs: there is no "in runtime" to speak of, only that it was not asked.
  if (route.status === null && route.detail?.startsWith(NOT_RUNNING_DETAIL)) return `${route.method} ${route.path} → ${routeAnswer(route)}`;
  const head = l10n.t`${route.method} ${route.path} → ${routeAnswer(route)} in runtime`;
  const ok = route.verdict === 'live' || route.authVerdict === 'live' || route.verdict === 'exists';
  if (ok && !service.staleContainer) return head;
  const module = route.module ? service.modules.find((m) => m.name === route.module) : undefined;
  const reason = serviceReason(service, module);
  return reason ? `${head} · ${reason}` : head;
}

export function computeRouteLenses(reports: readonly Report[]): RouteLenses {
  const out = new Map<string, LensModel[]>();
  for (const { report, service, route } of shownRoutes(reports)) {
    const file = absoluteIn(report.workspace, route.file as string);
    const lenses = out.get(file) ?? [];
    const line = route.line as number;
    const title = routeLensTitle(service, route);
    // Services built from one source (a dev and a prod variant) answering alike: one lens says it, one fix is offered.
    if (!lenses.some((l) => l.line === line && l.title === title)) lenses.push({ line, title, command: COMMAND.showReport, args: [], tooltip: route.detail ?? undefined });
    const fix = fixLens(report, service, route);
    if (fix && !lenses.some((l) => l.line === line && l.command === fix.command)) lenses.push({ line, ...fix });
    out.set(file, lenses);
  }
  return out;
}

function fixLens(report: Report, service: ServiceReport, route: RouteReport): Omit<LensModel, 'line'> | undefined {
  const ref: ServiceRef = refOf(report, service);
  if (service.action && route.verdict !== 'live') {
    return { title: service.action.label, command: ACTION_COMMAND[service.action.kind], args: [ref], tooltip: l10n.t`${service.action.command}, then verify` };
  }
  if (route.verdict === 'needs-auth' && route.authStatus === null) return { title: l10n.t('Set Probe Credential'), command: COMMAND.setProbeCredential, args: [ref] };
  return undefined;
}

interface ShownRoute {
  report: Report;
  service: ServiceReport;
  route: RouteReport;
}

/**
 * Each route with a place in the source, once per service that serves it; but where a service
 * that runs answers for a handler, the services that do not run (another variant or profile of the
 * same source) are left out there: their "not running" says nothing about the code.
 */
function shownRoutes(reports: readonly Report[]): ShownRoute[] {
  const all: ShownRoute[] = [];
  for (const report of reports) {
    if (!report.engine.reachable) continue;
    for (const service of report.services) for (const route of service.routes) if (route.file !== null && route.line !== null) all.push({ report, service, route });
  }
  const key = (r: ShownRoute) => `${r.report.workspace}\u0000${r.route.file}\u0000${r.route.line}\u0000${r.route.method} ${r.route.path}`;
  const idle = (r: ShownRoute) => r.route.status === null && r.route.detail?.startsWith(NOT_RUNNING_DETAIL) === true;
  const answered = new Set(all.filter((r) => !idle(r)).map(key));
  return all.filter((r) => !idle(r) || !answered.has(key(r)));
}
