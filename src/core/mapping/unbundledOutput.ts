// A server built by tsdown with `unbundle: true`, or by tsup with `bundle: false`: the bundler
// writes one file per module, each at its path below the input root in the output folder
// (tsdown's `root`, by default the entries' common folder; tsup passes the entries to esbuild,
// whose out base is their common folder). No bundle: the source maps file for file.
// https://tsdown.dev/options/unbundle https://tsdown.dev/reference/api/Interface.UserConfig#root
// https://tsup.egoist.dev/#bundle-files (`bundle: false`)
// Vite+'s `vp pack` is tsdown, its options the `pack` field of vite.config.*: https://viteplus.dev/guide/pack
// Only literal options count (read from the config's text); an entry that is a glob counts by its fixed folders.
import { join, posix } from 'node:path';
import type { FsLike } from '../ports';
import { commonFolder } from '../pathInside';
import type { BuildProject } from './buildProject';
import { bundlerCommands, configText, CONFIG_EXTENSIONS, type BundlerConfig } from './bundlerOutput';

interface ModuleKeeper {
  config: BundlerConfig;
  /** The option, as the config writes it, that keeps one file per module. */
  keeps: RegExp;
  /** The option naming the input root, when the tool has one. */
  root?: RegExp;
  /** Where in the config file the tool's options start, when it shares the file with others (Vite+'s `pack: {`). */
  section?: RegExp;
}

const LITERAL = (name: string) => new RegExp(`\\b${name}\\s*:\\s*(['"\`])([^'"\`$]+)\\1`);

const KEEPERS: readonly ModuleKeeper[] = [
  {
    config: { tool: 'tsdown', command: /(?:^|[\s&|;(/])tsdown\b[^&|;]*/, files: [...CONFIG_EXTENSIONS, 'cts'].map((e) => `tsdown.config.${e}`), output: LITERAL('outDir'), flag: /(?:--out-dir|-d)[=\s]+(['"]?)([^\s'"-][^\s'"]*)\1/ },
    keeps: /\bunbundle\s*:\s*true\b/,
    root: LITERAL('root'),
  },
  {
    config: { tool: 'vp pack', command: /(?:^|[\s&|;(/])vp\s+pack\b[^&|;]*/, files: CONFIG_EXTENSIONS.map((e) => `vite.config.${e}`), output: LITERAL('outDir'), flag: /(?:--out-dir|-d)[=\s]+(['"]?)([^\s'"-][^\s'"]*)\1/ },
    keeps: /\bunbundle\s*:\s*true\b/,
    root: LITERAL('root'),
    section: /\bpack\s*:\s*\{/,
  },
  {
    config: { tool: 'tsup', command: /(?:^|[\s&|;(/])tsup\b[^&|;]*/, files: [...CONFIG_EXTENSIONS, 'cts'].map((e) => `tsup.config.${e}`), output: LITERAL('outDir'), flag: /(?:--out-dir|-d)[=\s]+(['"]?)([^\s'"-][^\s'"]*)\1/ },
    keeps: /\bbundle\s*:\s*false\b/,
  },
];

/** Both tools write to dist when nothing says. */
const DEFAULT_OUT = 'dist';

export interface UnbundledOutput {
  tool: string;
  /** The config file read, relative to the project. */
  file: string;
  script: string;
  /** The output folder and the input root (absolute): a module keeps its path below `root` under `dir`. */
  dir: string;
  root: string;
  /** What set the root: the option, or the entries it is the common folder of. */
  rootFrom: string;
}

/** The module-keeping build a server's own build script (names) runs, when its config says so literally. */
export async function unbundledOutput(fs: FsLike, project: BuildProject, names: RegExp): Promise<UnbundledOutput | undefined> {
  for (const keeper of KEEPERS) {
    const commands = bundlerCommands(project, keeper.config, names);
    const [first] = commands;
    const whole = first && (await configText(fs, project, keeper.config, commands));
    const at = whole && keeper.section ? whole.text.search(keeper.section) : 0;
    const read = whole && at >= 0 ? { ...whole, text: whole.text.slice(at) } : undefined;
    if (!first || !read || !keeper.keeps.test(read.text)) continue;
    const out = keeper.config.flag?.exec(first.command)?.[2] ?? keeper.config.output.exec(read.text)?.[2] ?? DEFAULT_OUT;
    const root = keeper.root?.exec(read.text)?.[2];
    const entries = configEntries(read.text);
    if (posix.isAbsolute(out) || (root !== undefined && posix.isAbsolute(root)) || (root === undefined && entries.length === 0)) continue;
    const rootDir = root !== undefined ? join(project.dir, root) : entries.map((e) => join(project.dir, fixedFolder(e))).reduce(commonFolder);
    return { tool: keeper.config.tool, file: read.file, script: first.name, dir: join(project.dir, out), root: rootDir, rootFrom: root !== undefined ? `root: '${root}'` : `entry ${entries.join(', ')}` };
  }
  return undefined;
}

/** The literal entries of a config's `entry` (a string, or the strings of its array or object). */
function configEntries(text: string): string[] {
  const m = /\bentry\s*:\s*(\[[^\]]*\]|\{[^}]*\}|(['"`])[^'"`$]+\2)/.exec(text);
  if (!m) return [];
  const body = m[1] ?? '';
  const values = body.startsWith('{') ? body.replace(/(?:[\w$]+|(['"`])[^'"`]*\1)\s*:/g, '') : body;
  return [...values.matchAll(/(['"`])([^'"`$]+)\1/g)].map((v) => v[2] ?? '').filter((e) => !e.startsWith('!'));
}

/** A glob's folder before its first wildcard (`src/**\/*.ts` -> src), a file's folder. */
function fixedFolder(entry: string): string {
  const wild = entry.search(/[*?[{]/);
  return posix.dirname(wild >= 0 ? `${entry.slice(0, wild)}x` : entry);
}
