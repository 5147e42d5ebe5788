// CodeLens above route handlers (the live answer and why, then the fix as its own lens) and on a
// compose service's line when its container's config differs (Recreate).
import * as vscode from 'vscode';
import { computeRouteLenses, type LensModel, type RouteLenses } from '../core/view/codeLensModel';
import { composeServiceLenses } from '../core/view/configDriftView';
import type { ReportStore } from './reportStore';

export class RouteCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private lenses: RouteLenses = new Map();
  private fingerprint = '';
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ReportStore) {
    this.subscription = store.onDidChangeReports((reports) => {
      const next = mergeLenses(computeRouteLenses(reports), composeServiceLenses(reports));
      const fingerprint = JSON.stringify([...next]);
      if (fingerprint === this.fingerprint) return;
      this.lenses = next;
      this.fingerprint = fingerprint;
      this.emitter.fire();
    });
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const models = this.lenses.get(document.uri.fsPath) ?? [];
    return models
      .filter((m) => m.line <= document.lineCount)
      .map((m) => {
        const range = document.lineAt(m.line - 1).range;
        return new vscode.CodeLens(range, { title: m.title, command: m.command, arguments: m.args, tooltip: m.tooltip });
      });
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** Route lenses and the compose files' service lenses (config drift: Recreate), by file. */
function mergeLenses(a: RouteLenses, b: RouteLenses): RouteLenses {
  const out = new Map<string, readonly LensModel[]>(a);
  for (const [file, lenses] of b) out.set(file, [...(out.get(file) ?? []), ...lenses]);
  return out;
}
