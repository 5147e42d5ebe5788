// The one place the latest reports live (one per workspace folder). Two typed events, so each
// listener gets what it reads: the reports when a check lands or a folder goes away, and the
// check status (running, last error) when a check starts, ends or fails.
import * as vscode from 'vscode';
import type { Report } from '../core/model';
import { mergeReport } from '../core/report/mergeReport';

export interface CheckStatus {
  /** A check or rebuild is running. */
  checking: boolean;
  /** Why the last check failed (not an unreachable engine: that is a report). */
  error: string | undefined;
}

export class ReportStore implements vscode.Disposable {
  private readonly byFolder = new Map<string, Report>();
  private readonly reportsEmitter = new vscode.EventEmitter<readonly Report[]>();
  private readonly statusEmitter = new vscode.EventEmitter<CheckStatus>();
  /** The reports changed: every folder's latest report. */
  readonly onDidChangeReports = this.reportsEmitter.event;
  /** A check started or ended, or the last one failed. */
  readonly onDidChangeStatus = this.statusEmitter.event;
  private running = 0;
  private lastError: string | undefined;

  all(): Report[] {
    return [...this.byFolder.values()];
  }

  get checking(): boolean {
    return this.running > 0;
  }

  get error(): string | undefined {
    return this.lastError;
  }

  get status(): CheckStatus {
    return { checking: this.checking, error: this.lastError };
  }

  /** A full report replaces the folder's; a partial one (some services) is merged into it. */
  put(report: Report, partial: boolean): void {
    const merged = partial ? mergeReport(this.byFolder.get(report.workspace), report) : report;
    this.byFolder.set(report.workspace, merged);
    const hadError = this.lastError !== undefined;
    this.lastError = undefined;
    this.reportsEmitter.fire(this.all());
    if (hadError) this.statusEmitter.fire(this.status);
  }

  /** Drops folders no longer in the workspace. */
  retain(folders: readonly string[]): void {
    let removed = false;
    for (const key of [...this.byFolder.keys()]) {
      if (!folders.includes(key)) removed = this.byFolder.delete(key) || removed;
    }
    if (removed) this.reportsEmitter.fire(this.all());
  }

  setError(message: string | undefined): void {
    this.lastError = message;
    this.statusEmitter.fire(this.status);
  }

  /** Marks a check as running until the returned function is called. */
  beginCheck(): () => void {
    this.running += 1;
    this.statusEmitter.fire(this.status);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running -= 1;
      this.statusEmitter.fire(this.status);
    };
  }

  dispose(): void {
    this.reportsEmitter.dispose();
    this.statusEmitter.dispose();
  }
}
