// A tsdown or tsup configuration exporting several builds (`defineConfig([{ entry: [...], outDir:
// 'dist/server' }, { outDir: 'dist/client', platform: 'browser' }])`): each writes its own folder,
// and the server's is the one holding the package's `main`, the file Node loads when the package is
// imported (`import 'app'` of a launcher) or started as a folder.
// https://tsdown.dev/options/config-file https://tsup.egoist.dev/#using-custom-configuration
import * as l10n from '@vscode/l10n';
import { join } from 'node:path';
import type { FsLike } from '../ports';
import type { BuildProject } from './buildProject';
import { scriptRun } from './bundler';
import { isAtOrInside } from '../pathInside';

const TOOLS = ['tsdown', 'tsup'] as const;
const EXTENSIONS = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'];
/** An output folder written as a literal in a configuration. */
const OUT_DIR = /\boutDir\s*:\s*(['"`])([^'"`$]+)\1/g;

/** The output folder, of the several a build script's tsdown or tsup configuration lists, that holds the package's main (absolute), and why; undefined otherwise. */
export async function mainBundleOutput(fs: FsLike, project: BuildProject): Promise<{ path: string; why: string } | undefined> {
  const main = project.pkg?.main;
  const scripts = project.pkg?.scripts ?? {};
  if (main === undefined) return undefined;
  for (const tool of TOOLS) {
    const runs = Object.entries(scripts).some(([name, script]) => /^build\b/.test(name) && new RegExp(`(?:^|[\\s&|;(/])${tool}\\b`).test(scriptRun(scripts, script)));
    for (const file of runs ? EXTENSIONS.map((e) => `${tool}.config.${e}`) : []) {
      const text = await fs.readFile(join(project.dir, file)).catch(() => undefined);
      if (text === undefined) continue;
      const outs = [...new Set([...text.matchAll(OUT_DIR)].map((m) => m[2] ?? ''))];
      const holding = outs.filter((out) => isAtOrInside(join(project.dir, out), join(project.dir, main)));
      const [only] = holding;
      if (outs.length < 2 || holding.length !== 1 || only === undefined) return undefined;
      return { path: join(project.dir, only), why: l10n.t`the one of the output folders of ${tool}'s builds in ${file} holding the package's main ${main}` };
    }
  }
  return undefined;
}
