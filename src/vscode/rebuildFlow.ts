// Rebuild that proves itself: compose build + up streamed into a terminal, a cancellable progress
// notification, then before → after and a plain verdict: verified, or what is still wrong.
import * as vscode from 'vscode';
import type { RebuildResult } from '../core/rebuild';
import { COMMAND } from '../core/view/commandIds';
import type { ServiceRef } from '../core/view/serviceRef';
import { abortSignalOf } from './cancellation';
import type { CheckRunner } from './checkRunner';
import { RebuildTerminal } from './rebuildTerminal';

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

  async run(ref: ServiceRef): Promise<RebuildResult | undefined> {
    const out = new RebuildTerminal(`Rebuild ${ref.service}`);
    this.terminals.add(out);
    out.terminal.show(true);
    out.line(`Runtime Drift: rebuild and recreate ${ref.service} (project ${ref.project})`, 'bold');
    out.line(`docker compose build ${ref.service} && docker compose up -d ${ref.service}, then re-check`);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Rebuilding ${ref.service}`, cancellable: true },
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
          );
        } finally {
          dispose();
        }
      },
    );
    out.line('');
    for (const change of result.changes) out.line(`  ${change}`);
    out.line(result.message, result.verified ? 'green' : 'yellow');
    await this.announce(result);
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
      void vscode.window.showInformationMessage(`${result.service} rebuilt and verified${changes}.`);
      return;
    }
    const choice = await vscode.window.showWarningMessage(`${result.service} was rebuilt but is still not in sync: ${result.message}${changes}`, 'Show Report');
    if (choice === 'Show Report') await vscode.commands.executeCommand(COMMAND.showReport);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const t of this.terminals) t.dispose();
    this.terminals.clear();
  }
}
