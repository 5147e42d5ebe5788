// The one place the latest reports live (one per workspace folder). Views subscribe to its change
// event and get the previous and current snapshot, so they can refresh only what changed.
import * as vscode from 'vscode';
import type { Report } from '../core/model';
import { mergeReport } from '../core/view/mergeReport';

export interface ReportChange {
  previous: readonly Report[];
  current: readonly Report[];
}

export class ReportStore implements vscode.Disposable {
  private readonly byFolder = new Map<string, Report>();
  private readonly emitter = new vscode.EventEmitter<ReportChange>();
  readonly onDidChange = this.emitter.event;
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

  /** A full report replaces the folder's; a partial one (some services) is merged into it. */
  put(report: Report, partial: boolean): void {
    const previous = this.all();
    const merged = partial ? mergeReport(this.byFolder.get(report.workspace), report) : report;
    this.byFolder.set(report.workspace, merged);
    this.lastError = undefined;
    this.emitter.fire({ previous, current: this.all() });
  }

  /** Drops folders no longer in the workspace. */
  retain(folders: readonly string[]): void {
    const previous = this.all();
    let removed = false;
    for (const key of [...this.byFolder.keys()]) {
      if (!folders.includes(key)) removed = this.byFolder.delete(key) || removed;
    }
    if (removed) this.emitter.fire({ previous, current: this.all() });
  }

  setError(message: string | undefined): void {
    this.lastError = message;
    const snapshot = this.all();
    this.emitter.fire({ previous: snapshot, current: snapshot });
  }

  /** Marks a check as running until the returned function is called. */
  beginCheck(): () => void {
    this.running += 1;
    const snapshot = this.all();
    this.emitter.fire({ previous: snapshot, current: snapshot });
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running -= 1;
      const now = this.all();
      this.emitter.fire({ previous: now, current: now });
    };
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
