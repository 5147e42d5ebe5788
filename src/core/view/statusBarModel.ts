// The status bar item's text: one glance says in sync, how many services drifted, or no engine.
import * as l10n from '@vscode/l10n';
import type { Report } from '../model';

export type StatusSeverity = 'ok' | 'warning' | 'error' | 'busy' | 'none';

export interface StatusBarModel {
  text: string;
  tooltip: string;
  severity: StatusSeverity;
}

export interface StatusInput {
  reports: readonly Report[];
  checking: boolean;
  /** Message of a check that failed outright (bad compose file...). */
  error?: string;
}

export function statusBarModel({ reports, checking, error }: StatusInput): StatusBarModel {
  if (reports.length === 0) {
    if (error) return { text: `$(error) ${l10n.t('Runtime check failed')}`, tooltip: `${error}\n${again()}`, severity: 'error' };
    return { text: `$(sync~spin) ${l10n.t('Checking runtime…')}`, tooltip: l10n.t('Runtime Drift is reading the engine.'), severity: 'busy' };
  }
  const unreachable = reports.find((r) => !r.engine.reachable);
  if (unreachable) {
    const why = unreachable.engine.error ?? l10n.t`no answer from ${unreachable.engine.host}`;
    return { text: `$(debug-disconnect) ${l10n.t('Engine unreachable')}`, tooltip: `${why}\n${again()}`, severity: 'error' };
  }
  const services = reports.flatMap((r) => r.services);
  const spin = checking ? ' $(sync~spin)' : '';
  if (services.length === 0) {
    return { text: `$(circle-slash) ${l10n.t('No services')}${spin}`, tooltip: l10n.t('No compose file with services, and no Dockerfile, found in this workspace.'), severity: 'none' };
  }
  const drifted = services.filter((s) => s.verdict === 'drift');
  if (drifted.length > 0) {
    const lines = drifted.map((s) => (s.fix ? l10n.t`${s.name}: ${s.summary} — fix: ${s.fix}` : `${s.name}: ${s.summary}`));
    return { text: `$(warning) ${l10n.t`${drifted.length} drifted`}${spin}`, tooltip: `${lines.join('\n')}\n${again()}`, severity: 'warning' };
  }
  const unknown = services.filter((s) => s.verdict === 'unknown');
  if (unknown.length > 0) {
    const lines = unknown.map((s) => `${s.name}: ${s.summary}`);
    return { text: `$(question) ${l10n.t`${unknown.length} unknown`}${spin}`, tooltip: `${lines.join('\n')}\n${again()}`, severity: 'warning' };
  }
  // Not running is a state, not drift: said plainly, no warning colour.
  const idle = services.filter((s) => s.verdict === 'not-running' || s.verdict === 'stopped');
  if (idle.length > 0) {
    const lines = idle.map((s) => `${s.name}: ${s.summary}${s.action ? ` — ${s.action.command}` : ''}`);
    const running = services.length - idle.length;
    return {
      text: `$(circle-outline) ${l10n.t`${idle.length} not running`}${spin}`,
      tooltip: `${lines.join('\n')}${running > 0 ? `\n${l10n.t`${running} running service(s) in sync.`}` : ''}\n${again()}`,
      severity: 'none',
    };
  }
  const when = reports.map((r) => r.checkedAt).sort().at(-1) ?? '';
  return {
    text: `$(check) ${l10n.t('Runtime in sync')}${spin}`,
    tooltip: `${services.length === 1 ? l10n.t`1 service runs the code you see (checked ${when}).` : l10n.t`${services.length} services run the code you see (checked ${when}).`}\n${again()}`,
    severity: 'ok',
  };
}

function again(): string {
  return l10n.t('Click to check again.');
}

