// The status bar item: in sync / N drifted / engine unreachable; a click checks again.
import * as vscode from 'vscode';
import { COMMAND } from '../core/commandIds';
import { statusBarModel } from '../core/view/statusBarModel';
import type { ReportStore } from './reportStore';

const BACKGROUND: Record<string, string | undefined> = {
  warning: 'statusBarItem.warningBackground',
  error: 'statusBarItem.errorBackground',
};

export class RuntimeStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('runtimeDrift.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ReportStore) {
    this.item.name = 'Runtime Drift';
    this.item.command = COMMAND.checkRuntime;
    this.subscription = vscode.Disposable.from(
      store.onDidChangeReports(() => this.update()),
      store.onDidChangeStatus(() => this.update()),
    );
    this.update();
    this.item.show();
  }

  private update(): void {
    const model = statusBarModel({ reports: this.store.all(), checking: this.store.checking, error: this.store.error });
    this.item.text = model.text;
    this.item.tooltip = model.tooltip;
    const bg = BACKGROUND[model.severity];
    this.item.backgroundColor = bg ? new vscode.ThemeColor(bg) : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
