// The status bar item's text: one glance says in sync, how many services drifted, or no engine.
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
    if (error) return { text: '$(error) Runtime check failed', tooltip: `${error}\nClick to check again.`, severity: 'error' };
    return { text: '$(sync~spin) Checking runtime…', tooltip: 'Runtime Drift is reading the engine.', severity: 'busy' };
  }
  const unreachable = reports.find((r) => !r.engine.reachable);
  if (unreachable) {
    const why = unreachable.engine.error ?? `no answer from ${unreachable.engine.host}`;
    return { text: '$(debug-disconnect) Engine unreachable', tooltip: `${why}\nClick to check again.`, severity: 'error' };
  }
  const services = reports.flatMap((r) => r.services);
  const spin = checking ? ' $(sync~spin)' : '';
  if (services.length === 0) {
    return { text: `$(circle-slash) No compose services${spin}`, tooltip: 'No compose file with services found in this workspace.', severity: 'none' };
  }
  const drifted = services.filter((s) => s.verdict === 'drift');
  if (drifted.length > 0) {
    const lines = drifted.map((s) => `${s.name}: ${s.summary}${s.fix ? ` — fix: ${s.fix}` : ''}`);
    return { text: `$(warning) ${drifted.length} drifted${spin}`, tooltip: `${lines.join('\n')}\nClick to check again.`, severity: 'warning' };
  }
  const unknown = services.filter((s) => s.verdict === 'unknown');
  if (unknown.length > 0) {
    const lines = unknown.map((s) => `${s.name}: ${s.summary}`);
    return { text: `$(question) ${unknown.length} unknown${spin}`, tooltip: `${lines.join('\n')}\nClick to check again.`, severity: 'warning' };
  }
  // Not running is a state, not drift: said plainly, no warning colour.
  const idle = services.filter((s) => s.verdict === 'not-running' || s.verdict === 'stopped');
  if (idle.length > 0) {
    const lines = idle.map((s) => `${s.name}: ${s.summary}${s.action ? ` — ${s.action.command}` : ''}`);
    const running = services.length - idle.length;
    return {
      text: `$(circle-outline) ${idle.length} not running${spin}`,
      tooltip: `${lines.join('\n')}${running > 0 ? `\n${running} running service(s) in sync.` : ''}\nClick to check again.`,
      severity: 'none',
    };
  }
  const when = reports.map((r) => r.checkedAt).sort().at(-1) ?? '';
  return {
    text: `$(check) Runtime in sync${spin}`,
    tooltip: `${services.length} service${services.length === 1 ? '' : 's'} run the code you see (checked ${when}).\nClick to check again.`,
    severity: 'ok',
  };
}
