// Reads the typed Config from VS Code settings (see src/core/settings.ts for the shape).
import * as vscode from 'vscode';
import { CONFIG_SECTION, parseConfig, USER_ONLY_KEYS, type Config, type ConfigKey } from '../core/settings';

export function readConfig(): Config {
  const section = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const fromWorkspace = (key: ConfigKey): boolean => {
    const i = section.inspect(key);
    return i?.workspaceValue !== undefined || i?.workspaceFolderValue !== undefined;
  };
  // The user's own value only (never the workspace's), for the keys that decide where secrets go.
  const get = (key: ConfigKey): unknown => (USER_ONLY_KEYS.includes(key) ? section.inspect(key)?.globalValue : section.get(key));
  return parseConfig(get, fromWorkspace);
}
