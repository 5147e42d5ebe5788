// Placeholder: the VS Code adapter is built in src/vscode (issue 3).
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {}
export function deactivate(): void {}
