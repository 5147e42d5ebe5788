// CodeLens above route handlers: the live answer and why, then the fix as its own lens.
import * as vscode from 'vscode';
import { computeRouteLenses, type RouteLenses } from '../core/view/codeLensModel';
import type { ReportStore } from './reportStore';

export class RouteCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private lenses: RouteLenses = new Map();
  private fingerprint = '';
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ReportStore) {
    this.subscription = store.onDidChange(() => {
      const next = computeRouteLenses(this.store.all());
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
