// Explorer badges: "M" on source files the image and container both lack (fix: build), "S" on
// files the newest image has but the running container does not (fix: recreate), and on the
// folders holding them. Fires one batched change event with only the URIs whose state changed.
import * as vscode from 'vscode';
import { changedPaths, computeFileDriftStates, type FileDriftState, type FileDriftStates } from '../core/view/fileDriftState';
import type { Report } from '../core/model';
import type { ReportStore } from './reportStore';

export const DRIFT_COLOR = { missing: 'runtimeDrift.missingForeground', stale: 'runtimeDrift.staleForeground', changed: 'runtimeDrift.staleForeground' } as const;

export class ExplorerDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.emitter.event;
  private states: FileDriftStates = new Map();
  /** One decoration per state object; a new report's states make new ones, the old go with their states. */
  private readonly decorations = new WeakMap<FileDriftState, vscode.FileDecoration>();
  private readonly subscription: vscode.Disposable;

  constructor(store: ReportStore) {
    this.subscription = store.onDidChangeReports((reports) => this.update(reports));
  }

  private update(reports: readonly Report[]): void {
    const next = computeFileDriftStates(reports);
    const changed = changedPaths(this.states, next);
    this.states = next;
    if (changed.length > 0) this.emitter.fire(changed.map((p) => vscode.Uri.file(p)));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'file') return undefined;
    const state = this.states.get(uri.fsPath);
    if (!state) return undefined;
    // The files of a folder share one state per kind (fileDriftState.ts), so they share one
    // decoration too: VS Code only reads it (badge, tooltip, color, propagate) to send it over.
    let decoration = this.decorations.get(state);
    if (decoration === undefined) {
      decoration = new vscode.FileDecoration(state.badge, state.tooltip, new vscode.ThemeColor(DRIFT_COLOR[state.kind]));
      // Folders are computed explicitly (with counts in the tooltip), so VS Code must not propagate too.
      decoration.propagate = false;
      this.decorations.set(state, decoration);
    }
    return decoration;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
