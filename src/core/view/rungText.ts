// Words for rungs and probe answers, shared by every view so the tree, the CodeLens, the hover
// and the report say the same thing the same way.
import * as l10n from '@vscode/l10n';
import { NOT_RUNNING_DETAIL, RUNG_NAMES } from '../model';
import type { ModuleReport, RouteReport, RungName, RungStatus, Rungs, ServiceReport } from '../model';
import { probeDetailText, rungWord, verdictWords } from '../ladder/format';

const STATUS_MARK: Record<RungStatus, string> = { pass: '✓', fail: '✗', skip: '–', unknown: '?' };

export function statusMark(status: RungStatus): string {
  return STATUS_MARK[status];
}


/** "source ✓ · build ✓ · image ✓ · container ✗ · route ? · auth –" */
export function ladderLine(rungs: Rungs): string {
  return RUNG_NAMES.map((name) => `${rungWord(name)} ${statusMark(rungs[name].status)}`).join(' · ');
}

/** One line per rung with its evidence, for tooltips and the report. */
export function ladderDetail(rungs: Rungs): string[] {
  return RUNG_NAMES.map((name) => `${statusMark(rungs[name].status)} ${rungWord(name)}: ${rungs[name].evidence}`);
}

/** What the first failing rung means, in the words a CodeLens can carry. */
export function failurePhrase(rung: RungName, service: ServiceReport): string {
  switch (rung) {
    case 'source':
      return l10n.t('not found in source');
    case 'build':
      return l10n.t('not in the build output');
    case 'image':
      return l10n.t('not in the image');
    case 'container':
      return service.staleContainer ? l10n.t('container is stale') : l10n.t('not in the container');
    case 'route':
      return l10n.t('route not served');
    case 'auth':
      return l10n.t('rejected with the probe token');
  }
}

/** Why a service is out of sync, shortest first: a stale container explains everything after it. */
export function serviceReason(service: ServiceReport, module?: ModuleReport): string | undefined {
  if (service.staleContainer) return l10n.t('container is stale');
  if (module?.firstFailure) return failurePhrase(module.firstFailure, service);
  if (service.verdict === 'drift') return service.summary || l10n.t('out of sync');
  return undefined;
}


/** "404", "401 (200 with token)", or the verdict in words when no HTTP answer came back. */
export function routeAnswer(route: RouteReport): string {
  // Under a mount prefix not known statically: never asked at a guessed URL.
  if (route.prefixUnknown) return l10n.t('not probed: prefix unknown');
  // Registered only under a test of the environment the service's environment (compose, the Dockerfile's ENV) makes fail.
  if (route.notServed) return l10n.t('not served by this service (its environment)');
  // A service that does not run was not asked: say so, rather than a bare "not probed".
  if (route.status === null && route.verdict === 'not-probed' && route.detail?.startsWith(NOT_RUNNING_DETAIL)) {
    return l10n.t`not probed: ${probeDetailText(route.detail) ?? ''}`;
  }
  const first = route.status === null ? verdictWords(route.verdict) : String(route.status);
  if (route.authStatus === null) return first;
  return l10n.t`${first} (${route.authStatus} with token)`;
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
  return service.action?.label ?? l10n.t`Rebuild ${service.name}`;

}

