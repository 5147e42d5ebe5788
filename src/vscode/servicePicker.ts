// Resolves the service a command is about: from its argument (link, CodeLens, tree node) or, from
// the palette, by asking with a quick pick.
import * as vscode from 'vscode';
import type { ServiceReport } from '../core/model';
import { projectLabel, refOf, toServiceRef, type ServiceRef } from '../core/view/serviceRef';
import { healthText, syncText } from '../core/view/treeModel';
import type { ReportStore } from './reportStore';

export async function resolveService(
  store: ReportStore,
  arg: unknown,
  placeHolder: string,
  filter: (s: ServiceReport) => boolean = () => true,
): Promise<ServiceRef | undefined> {
  const given = toServiceRef(arg);
  if (given) return given;
  const items = store.all().flatMap((report) =>
    report.services.filter(filter).map((s) => ({
      label: s.name,
      description: `${projectLabel(s)} · ${syncText(s)} · ${healthText(s)}`,
      detail: s.summary,
      ref: refOf(report, s),
    })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Runtime Drift: no matching compose service. Run "Check Runtime" first.'));
    return undefined;
  }
  if (items.length === 1) return items[0]?.ref;
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.ref;
}
