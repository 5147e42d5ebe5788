// "Show Report": a read-only virtual markdown document that follows the latest reports.
import * as vscode from 'vscode';
import { renderReportMarkdown } from '../core/view/reportDocument';
import type { ReportStore } from './reportStore';

export const REPORT_SCHEME = 'runtime-drift';
export const REPORT_URI = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/Runtime Drift Report.md' });

export class ReportDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ReportStore) {
    this.subscription = store.onDidChangeReports(() => this.emitter.fire(REPORT_URI));
  }

  provideTextDocumentContent(): string {
    return renderReportMarkdown(this.store.all(), this.store.error);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
