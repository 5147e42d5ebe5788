// What "Check Runtime" says when it is done: a warning only for drift, with the action for the
// service that matters most as its main button; nothing for services that simply do not run.
import * as l10n from '@vscode/l10n';
import type { ActionKind, Report } from '../model';
import { byAttention } from './treeModel';
import { refOf, type ServiceRef } from './serviceRef';

export type CheckMessage =
  | { kind: 'none' }
  | { kind: 'info'; text: string }
  | { kind: 'warning'; text: string; action: { label: string; kind: ActionKind; ref: ServiceRef } | undefined };

export function checkMessage(reports: readonly Report[]): CheckMessage {
  const services = reports.flatMap((r) => r.services.map((s) => ({ report: r, service: s })));
  const drifted = services.filter((x) => x.service.verdict === 'drift').sort((a, b) => byAttention(a.service, b.service));
  if (drifted.length === 0) {
    // Not running is a state, not a problem: the tree and the status bar say it, no toast.
    const idle = services.filter((x) => x.service.verdict === 'not-running' || x.service.verdict === 'stopped').length;
    if (idle > 0) return { kind: 'none' };
    return { kind: 'info', text: l10n.t`Runtime in sync: ${services.length} service(s) checked.` };
  }
  // The service that matters most is the first drifted one with an action (drift sorts first).
  const first = drifted.find((x) => x.service.action !== null);
  const text = drifted.map((x) => `${x.service.name}: ${x.service.summary}`).join('; ');
  return {
    kind: 'warning',
    text: l10n.t`Runtime Drift: ${drifted.length} drifted — ${text}`,

    action: first?.service.action ? { label: first.service.action.label, kind: first.service.action.kind, ref: refOf(first.report, first.service) } : undefined,
  };
}
