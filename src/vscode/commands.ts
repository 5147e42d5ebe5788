// Commands as one table registered in one loop. One wrapper logs failures and shows a short
// message (no stack), and refuses commands that run things in an untrusted workspace.
import * as vscode from 'vscode';
import type { LogSink } from '../core/ports';
import type { CommandId } from '../core/view/commandIds';
import { shortError } from './logChannel';

export interface CommandSpec {
  run(...args: unknown[]): unknown;
  /** Runs something (probe, compose, docker exec/logs): refused until the workspace is trusted. */
  requiresTrust?: boolean;
}

export type CommandTable = Record<CommandId, CommandSpec>;

export const UNTRUSTED_MESSAGE =
  'Runtime Drift only reads engine state in an untrusted workspace. Trust this workspace to run probes, rebuilds, logs and shells.';

export function registerCommands(table: CommandTable, log: LogSink, secrets: () => readonly string[]): vscode.Disposable[] {
  return Object.entries(table).map(([id, spec]: [string, CommandSpec]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      if (spec.requiresTrust && !vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(UNTRUSTED_MESSAGE);
        return undefined;
      }
      try {
        return await spec.run(...args);
      } catch (err) {
        const message = shortError(err, secrets());
        log.log('error', `${id} failed: ${message}${err instanceof Error && err.stack ? `\n${err.stack}` : ''}`);
        void vscode.window.showErrorMessage(`Runtime Drift: ${message}`);
        return undefined;
      }
    }),
  );
}
