// CodeLens above route handlers (the live answer and why, then the fix as its own lens) and on a
// compose service's line when its container's config differs (Recreate). Lenses are compared
// file by file: the editor is asked to refresh only when an open file's lenses changed.
import * as vscode from 'vscode';
import { computeRouteLenses, type LensModel, type RouteLenses } from '../core/view/codeLensModel';
import { composeServiceLenses } from '../core/view/configDriftView';
import { changedKeys } from '../core/view/sameData';
import type { ReportStore } from './reportStore';

export class RouteCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private lenses: RouteLenses = new Map();
  private readonly subscription: vscode.Disposable;

  constructor(store: ReportStore) {
    this.subscription = store.onDidChangeReports((reports) => {
      const next = mergeLenses(computeRouteLenses(reports), composeServiceLenses(reports));
      const changed = new Set(changedKeys(this.lenses, next));
      this.lenses = next;
      // VS Code asks every open document again on this event; a file not open asks when it opens.
      if (vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'file' && changed.has(d.uri.fsPath))) this.emitter.fire();
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
