// Reads the typed Config from VS Code settings (see src/core/view/settings.ts for the shape).
import * as vscode from 'vscode';
import { CONFIG_SECTION, parseConfig, type Config } from '../core/view/settings';

export function readConfig(): Config {
  const section = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return parseConfig((key) => section.get(key));
}
