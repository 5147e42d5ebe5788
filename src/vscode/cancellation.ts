// The core speaks AbortSignal; VS Code hands out CancellationTokens.
import type * as vscode from 'vscode';

export function abortSignalOf(token: vscode.CancellationToken, ...others: AbortSignal[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const sub = token.onCancellationRequested(() => controller.abort(new Error('cancelled')));
  if (token.isCancellationRequested) controller.abort(new Error('cancelled'));
  const signal = others.length > 0 ? AbortSignal.any([controller.signal, ...others]) : controller.signal;
  return { signal, dispose: () => sub.dispose() };
}
