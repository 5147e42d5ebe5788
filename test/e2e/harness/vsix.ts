// Packages an extension folder into a .vsix the way a user would receive it, so end-to-end
// tests install exactly what would be published rather than a development folder.

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

const PACKAGE_TIMEOUT_MS = 120_000;

/**
 * Runs the project's own @vscode/vsce with node, not `npx vsce`: run from a folder with its own
 * package.json, npx would not see the repo's node_modules and could fetch the retired `vsce`.
 */
export async function packageVsix(extensionDir: string, outFile: string): Promise<string> {
  const vsce = require.resolve('@vscode/vsce/vsce');
  const target = path.resolve(outFile);
  await execFileAsync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--skip-license', '-o', target],
    { cwd: extensionDir, timeout: PACKAGE_TIMEOUT_MS, env: { ...process.env, npm_config_yes: 'true' } },
  );
  return target;
}
