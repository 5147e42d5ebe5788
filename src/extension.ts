// Entry point: build the controller (which owns every lifetime) and hand it to VS Code.
// No engine work here: the first check is scheduled and runs after activation returns.
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { RuntimeDriftController } from './vscode/controller';
import { detectComposeRunner, loadBackend } from './vscode/backendLoader';

export function activate(context: vscode.ExtensionContext): void {
  // The core builds the tree, hover, CodeLens, Problems and report texts with @vscode/l10n (it
  // cannot import vscode): give it the bundle VS Code loaded for the display language. None in
  // English; the CLI never sets one.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const controller = new RuntimeDriftController(context, {
    loadBackend: loadBackend,
    composeRunner: detectComposeRunner,
    scanCacheDir: join(context.globalStorageUri.fsPath, 'scans'),
  });
  context.subscriptions.push(controller);
  controller.start();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
