// Hover markdown may link to our own commands only: isTrusted limited to those ids.
import * as vscode from 'vscode';
import { COMMAND } from '../core/commandIds';

const ENABLED = [COMMAND.rebuildService, COMMAND.probeRoutes, COMMAND.showReport, COMMAND.setProbeCredential, COMMAND.checkRuntime];

export function trustedMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, true);
  md.isTrusted = { enabledCommands: ENABLED };
  return md;
}
