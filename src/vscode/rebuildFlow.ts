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

const ACTION_TITLE: Record<ActionKind, string> = { start: 'Starting', recreate: 'Recreating', rebuild: 'Rebuilding', pull: 'Pulling' };
const ACTION_WORDS: Record<ActionKind, string> = { start: 'start', recreate: 'recreate', rebuild: 'rebuild and recreate', pull: 'pull and recreate' };

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
    const out = this.open(`${ACTION_TITLE[action]} ${ref.service}`);
    const result = await this.step(out, ref, action);
    await this.announce(result);
    return result;
  }

  /** Starts several services one after the other in one terminal ("Start All"), then says how it went. */
  async startAll(refs: readonly ServiceRef[]): Promise<RebuildResult[]> {
    if (refs.length === 0) {
      void vscode.window.showInformationMessage('Runtime Drift: every service already runs.');
      return [];
    }
    const out = this.open(`Start ${refs.length} service${refs.length === 1 ? '' : 's'}`);
    const results: RebuildResult[] = [];
    for (const ref of refs) results.push(await this.step(out, ref, 'start'));
    const failed = results.filter((r) => !r.verified);
    if (failed.length === 0) void vscode.window.showInformationMessage(`Started and verified: ${results.map((r) => r.service).join(', ')}.`);
    else {
      const choice = await vscode.window.showWarningMessage(`Started ${results.length - failed.length} of ${results.length}; ${failed.map((r) => `${r.service}: ${r.message}`).join('; ')}`, 'Show Report');
      if (choice === 'Show Report') await vscode.commands.executeCommand(COMMAND.showReport);
    }
    return results;
  }

  private open(title: string): RebuildTerminal {
    const out = new RebuildTerminal(`Runtime Drift: ${title}`);
    this.terminals.add(out);
    out.terminal.show(true);
    return out;
  }

  private async step(out: RebuildTerminal, ref: ServiceRef, action: ActionKind): Promise<RebuildResult> {
    out.line(`Runtime Drift: ${ACTION_WORDS[action]} ${ref.service} (project ${ref.project}), then re-check`, 'bold');
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `${ACTION_TITLE[action]} ${ref.service}`, cancellable: true },
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
      void vscode.window.showErrorMessage(`Build of ${result.service} failed (exit ${result.buildCode}); the container was left as it was. See the terminal.`);
      return;
    }
    if (result.upCode !== null && result.upCode !== 0) {
      void vscode.window.showErrorMessage(`Recreating ${result.service} failed (exit ${result.upCode}). See the terminal.`);
      return;
    }
    if (result.verified) {
      void vscode.window.showInformationMessage(`${result.service} ${result.action === 'start' ? 'started' : `${result.action === 'pull' ? 'pulled' : result.action === 'recreate' ? 'recreated' : 'rebuilt'}`} and verified${changes}.`);
      return;
    }
    const choice = await vscode.window.showWarningMessage(`${result.service}: ${result.message}${changes}`, 'Show Report');
    if (choice === 'Show Report') await vscode.commands.executeCommand(COMMAND.showReport);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const t of this.terminals) t.dispose();
    this.terminals.clear();
  }
}
