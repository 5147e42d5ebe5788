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
  for (const report of reports) {
    if (!report.engine.reachable) continue;
    for (const service of report.services) {
      const ref: ServiceRef = refOf(report, service);
      for (const route of service.routes) {
        if (route.file === null || route.line === null) continue;
        const file = absoluteIn(report.workspace, route.file);
        const lenses = out.get(file) ?? [];
        lenses.push({ line: route.line, title: routeLensTitle(service, route), command: COMMAND.showReport, args: [], tooltip: route.detail ?? undefined });
        if (service.action && route.verdict !== 'live') {
          lenses.push({
            line: route.line,
            title: service.action.label,
            command: ACTION_COMMAND[service.action.kind],
            args: [ref],
            tooltip: l10n.t`${service.action.command}, then verify`,
          });
        } else if (route.verdict === 'needs-auth' && route.authStatus === null) {
          lenses.push({ line: route.line, title: l10n.t('Set Probe Credential'), command: COMMAND.setProbeCredential, args: [ref] });

        }
        out.set(file, lenses);
      }
    }
  }
  return out;
}
