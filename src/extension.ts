// Entry point: build the controller (which owns every lifetime) and hand it to VS Code.
// No engine work here: the first check is scheduled and runs after activation returns.
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { RuntimeDriftController } from './vscode/controller';
import { detectComposeRunner, loadBackend } from './vscode/backendLoader';

export function activate(context: vscode.ExtensionContext): void {
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
