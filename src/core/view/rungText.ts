// Words for rungs and probe answers, shared by every view so the tree, the CodeLens, the hover
// and the report say the same thing the same way.
import { RUNG_NAMES } from '../model';
import { NOT_RUNNING_DETAIL } from '../model';
import type { ModuleReport, ProbeVerdict, RouteReport, RungName, RungStatus, Rungs, ServiceReport } from '../model';

const STATUS_MARK: Record<RungStatus, string> = { pass: '✓', fail: '✗', skip: '–', unknown: '?' };

export function statusMark(status: RungStatus): string {
  return STATUS_MARK[status];
}

/** "source ✓ · build ✓ · image ✓ · container ✗ · route ? · auth –" */
export function ladderLine(rungs: Rungs): string {
  return RUNG_NAMES.map((name) => `${name} ${statusMark(rungs[name].status)}`).join(' · ');
}

/** One line per rung with its evidence, for tooltips and the report. */
export function ladderDetail(rungs: Rungs): string[] {
  return RUNG_NAMES.map((name) => `${statusMark(rungs[name].status)} ${name}: ${rungs[name].evidence}`);
}

/** What the first failing rung means, in the words a CodeLens can carry. */
export function failurePhrase(rung: RungName, service: ServiceReport): string {
  switch (rung) {
    case 'source':
      return 'not found in source';
    case 'build':
      return 'not in the build output';
    case 'image':
      return 'not in the image';
    case 'container':
      return service.staleContainer ? 'container is stale' : 'not in the container';
    case 'route':
      return 'route not served';
    case 'auth':
      return 'rejected with the probe token';
  }
}

/** Why a service is out of sync, shortest first: a stale container explains everything after it. */
export function serviceReason(service: ServiceReport, module?: ModuleReport): string | undefined {
  if (service.staleContainer) return 'container is stale';
  if (module?.firstFailure) return failurePhrase(module.firstFailure, service);
  if (service.verdict === 'drift') return service.summary || 'out of sync';
  return undefined;
}

const VERDICT_WORDS: Record<ProbeVerdict, string> = {
  live: 'live',
  'needs-auth': 'needs auth',
  exists: 'handler exists',
  missing: 'not found',
  broken: 'server error',
  unreachable: 'unreachable',
  'not-probed': 'not probed',
};

export function verdictWords(verdict: ProbeVerdict): string {
  return VERDICT_WORDS[verdict];
}

/** "404", "401 (200 with token)", or the verdict in words when no HTTP answer came back. */
export function routeAnswer(route: RouteReport): string {
  // A service that does not run was not asked: say so, rather than a bare "not probed".
  if (route.status === null && route.verdict === 'not-probed' && route.detail?.startsWith(NOT_RUNNING_DETAIL)) {
    return `not probed: ${route.detail}`;
  }
  const first = route.status === null ? verdictWords(route.verdict) : String(route.status);
  if (route.authStatus === null) return first;
  return `${first} (${route.authStatus} with token)`;
}

/** The module a workspace-relative file belongs to, by its source folder. */
export function moduleOfFile(service: ServiceReport, relFile: string): ModuleReport | undefined {
  const file = relFile.replace(/\\/g, '/');
  let best: ModuleReport | undefined;
  for (const m of service.modules) {
    const folder = m.source.replace(/\\/g, '/').replace(/\/+$/, '');
    if (file === folder || file.startsWith(`${folder}/`)) {
      if (!best || folder.length > best.source.length) best = m;
    }
  }
  return best;
}

/** The button text of the service's action ("Start api", "Recreate api", "Rebuild api", "Pull db"). */
export function fixLabel(service: ServiceReport): string {
  return service.action?.label ?? `Rebuild ${service.name}`;
}

