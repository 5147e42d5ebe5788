// "Show Report": a read-only virtual markdown document that follows the latest reports.
import * as vscode from 'vscode';
import { renderReportMarkdown } from '../core/view/reportDocument';
import type { ReportStore } from './reportStore';

export const REPORT_SCHEME = 'runtime-drift';
export const REPORT_URI = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/Runtime Drift Report.md' });

export class ReportDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];
  /** The error the document last showed: a status change that keeps it (a check starting) redraws nothing. */
  private shownError: string | undefined;

  constructor(private readonly store: ReportStore) {
    this.shownError = store.error;
    this.subscriptions = [
      store.onDidChangeReports(() => this.emitter.fire(REPORT_URI)),
      // A failed check changes only the status, and the document shows its error.
      store.onDidChangeStatus((status) => {
        if (status.error !== this.shownError) this.emitter.fire(REPORT_URI);
      }),
    ];
  }

  provideTextDocumentContent(): string {
    this.shownError = this.store.error;
    return renderReportMarkdown(this.store.all(), this.shownError);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
