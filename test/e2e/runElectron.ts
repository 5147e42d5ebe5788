// Runs the in-host tests (test/e2e/electron/*.test.ts) inside a desktop VS Code downloaded by
// @vscode/test-electron, with the repo root as the extension under development. For machines
// that can download VS Code; this one cannot (RECIPES.md), so CI here uses code-server instead.
//
//   npm run build && npx tsx test/e2e/runElectron.ts
//
// The extension host loads plain CommonJS, so the TypeScript tests are bundled first.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';

const repoRoot = path.resolve(__dirname, '..', '..');
const sourceDir = path.join(__dirname, 'electron');
const outDir = path.join(repoRoot, 'out', 'test', 'e2e', 'electron');

/** Oldest VS Code the extension claims to support (engines.vscode), so a regression shows. */
const VSCODE_VERSION = process.env.RUNTIME_DRIFT_VSCODE_VERSION ?? '1.100.3';

export async function runElectronTests(): Promise<void> {
  const entries = (await readdir(sourceDir))
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => path.join(sourceDir, name));
  await rm(outDir, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    // vscode is provided by the host; mocha must stay one copy, shared by index and tests.
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });

  const workspace = await mkdtemp(path.join(tmpdir(), 'rd-electron-'));
  try {
    await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(outDir, 'index.js'),
      // Only our extension, in a throwaway profile, on an empty folder.
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runElectronTests().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
