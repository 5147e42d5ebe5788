// Rebuild that proves itself: compose build + up streamed into a terminal, a cancellable progress
// notification, then before → after and a plain verdict: verified, or what is still wrong.
import * as vscode from 'vscode';
import type { ActionKind } from '../core/model';
import type { RebuildResult } from '../core/rebuild';
import { COMMAND } from '../core/commandIds';
import type { ServiceRef } from '../core/view/serviceRef';
import { abortSignalOf } from './cancellation';
import type { CheckRunner } from './checkRunner';
import { RebuildTerminal } from './rebuildTerminal';

/** Whole sentences per action, so a translation can order its words: "Rebuilding api". */
const ACTION_TITLE: Record<ActionKind, (service: string) => string> = {
  start: (s) => vscode.l10n.t('Starting {0}', s),
  recreate: (s) => vscode.l10n.t('Recreating {0}', s),
  rebuild: (s) => vscode.l10n.t('Rebuilding {0}', s),
  pull: (s) => vscode.l10n.t('Pulling {0}', s),
};
/** The terminal's first line: "Runtime Drift: rebuild and recreate api (project demo), then re-check". */
const ACTION_LINE: Record<ActionKind, (service: string, project: string) => string> = {
  start: (s, p) => vscode.l10n.t('Runtime Drift: start {0} (project {1}), then re-check', s, p),
  recreate: (s, p) => vscode.l10n.t('Runtime Drift: recreate {0} (project {1}), then re-check', s, p),
  rebuild: (s, p) => vscode.l10n.t('Runtime Drift: rebuild and recreate {0} (project {1}), then re-check', s, p),
  pull: (s, p) => vscode.l10n.t('Runtime Drift: pull and recreate {0} (project {1}), then re-check', s, p),
};
/** "api rebuilt and verified (route … 404 → 401)." */
const ACTION_VERIFIED: Record<ActionKind, (service: string, changes: string) => string> = {
  start: (s, c) => vscode.l10n.t('{0} started and verified{1}.', s, c),
  recreate: (s, c) => vscode.l10n.t('{0} recreated and verified{1}.', s, c),
  rebuild: (s, c) => vscode.l10n.t('{0} rebuilt and verified{1}.', s, c),
  pull: (s, c) => vscode.l10n.t('{0} pulled and verified{1}.', s, c),
};

export class RebuildFlow implements vscode.Disposable {
  private readonly terminals = new Set<RebuildTerminal>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly runner: CheckRunner) {
    this.subscription = vscode.window.onDidCloseTerminal((closed) => {
      for (const t of this.terminals) {
        if (t.terminal === closed) {
          this.terminals.delete(t);
          t.dispose();
        }
      }
    });
  }

  /** Runs one service's action (rebuild by default) in a terminal, then announces the verified result. */
  async run(ref: ServiceRef, action: ActionKind = 'rebuild'): Promise<RebuildResult | undefined> {
    const out = this.open(ACTION_TITLE[action](ref.service));
    const result = await this.step(out, ref, action);
    await this.announce(result);
    return result;
  }

  /** Starts several services one after the other in one terminal ("Start All"), then says how it went. */
  async startAll(refs: readonly ServiceRef[]): Promise<RebuildResult[]> {
    if (refs.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Runtime Drift: every service already runs.'));
      return [];
    }
    const out = this.open(refs.length === 1 ? vscode.l10n.t('Start 1 service') : vscode.l10n.t('Start {0} services', refs.length));
    const results: RebuildResult[] = [];
    for (const ref of refs) results.push(await this.step(out, ref, 'start'));
    const failed = results.filter((r) => !r.verified);
    if (failed.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Started and verified: {0}.', results.map((r) => r.service).join(', ')));
    else {
      const showReport = vscode.l10n.t('Show Report');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Started {0} of {1}; {2}', results.length - failed.length, results.length, failed.map((r) => `${r.service}: ${r.message}`).join('; ')),
        showReport,
      );
      if (choice === showReport) await vscode.commands.executeCommand(COMMAND.showReport);
    }
    return results;
  }

  private open(title: string): RebuildTerminal {
    const out = new RebuildTerminal(vscode.l10n.t('Runtime Drift: {0}', title));
    this.terminals.add(out);
    out.terminal.show(true);
    return out;
  }

  private async step(out: RebuildTerminal, ref: ServiceRef, action: ActionKind): Promise<RebuildResult> {
    out.line(ACTION_LINE[action](ref.service, ref.project), 'bold');
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: ACTION_TITLE[action](ref.service), cancellable: true },
      async (progress, token) => {
        const { signal, dispose } = abortSignalOf(token);
        try {
          return await this.runner.rebuild(
            ref,
            (chunk) => {
              out.write(chunk);
              const last = chunk.split(/[\r\n]+/).filter((l) => l.trim() !== '').at(-1);
              if (last) progress.report({ message: last.slice(0, 80) });
            },
            signal,
            action,
          );
        } finally {
          dispose();
        }
      },
    );
    out.line('');
    for (const change of result.changes) out.line(`  ${change}`);
    out.line(result.message, result.verified ? 'green' : 'yellow');
    return result;
  }

  private async announce(result: RebuildResult): Promise<void> {
    const changes = result.changes.length > 0 ? ` (${result.changes.join('; ')})` : '';
    if (result.buildCode !== 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Build of {0} failed (exit {1}); the container was left as it was. See the terminal.', result.service, result.buildCode));
      return;
    }
    if (result.upCode !== null && result.upCode !== 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Recreating {0} failed (exit {1}). See the terminal.', result.service, result.upCode));
      return;
    }
    if (result.verified) {
      void vscode.window.showInformationMessage(ACTION_VERIFIED[result.action](result.service, changes));
      return;
    }
    const showReport = vscode.l10n.t('Show Report');
    const choice = await vscode.window.showWarningMessage(`${result.service}: ${result.message}${changes}`, showReport);
    if (choice === showReport) await vscode.commands.executeCommand(COMMAND.showReport);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const t of this.terminals) t.dispose();
    this.terminals.clear();
  }
}
