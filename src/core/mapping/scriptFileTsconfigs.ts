// A build script of the project's own (`"build": "node build.js"`) that runs tsc itself, as a
// command line (`execSync('tsc -p tsconfig.server.json')`) or as a process's arguments
// (`spawn('pnpm', ['tsc', '-p', 'tsconfig.node.json'])`): the config it names is the one the build
// compiles with, not the tsconfig.json beside it (which may only hold the shared options).
import { join } from 'node:path';
import type { FsLike } from '../ports';
import { isAtOrInside } from '../pathInside';
import { runFiles } from './bundleScript';

/** `tsc -p x.json`, `'tsc', '-p', 'x.json'`, `"tsc", "--project", "x.json"`: the config named, as written. */
const TSC_CONFIG = /\btsc\b['"`]?\s*,?\s*['"`]?(?:-p|--project|-b|--build)['"`]?\s*,?\s*['"`]?([\w@./-]+\.json)\b/g;

/**
 * The tsconfigs (relative to the project folder, as written) that the script files the `build`
 * scripts among `scripts` run compile with, in script and text order, with the file naming each.
 * Only files inside the project folder are read.
 */
export async function tsconfigsOfScriptFiles(fs: FsLike, dir: string, scripts: Readonly<Record<string, string>>): Promise<{ config: string; file: string }[]> {
  const named: { config: string; file: string }[] = [];
  for (const [name, command] of Object.entries(scripts)) {
    if (!/build/.test(name) || /\btests?\b/.test(name)) continue;
    for (const { file } of runFiles(command)) {
      const abs = join(dir, file);
      if (!isAtOrInside(dir, abs)) continue;
      const text = await fs.readFile(abs).catch(() => '');
      for (const m of text.matchAll(TSC_CONFIG)) named.push({ config: (m[1] ?? '').replace(/^\.\//, ''), file: file.replace(/^\.\//, '') });
    }
  }
  return named;
}
