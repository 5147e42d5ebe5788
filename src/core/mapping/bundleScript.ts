// A build script of the project's own (`"build": "bun run build.ts"`, `node scripts/build.mjs`)
// that bundles through a bundler's JavaScript API: `Bun.build({ entrypoints, outdir })`,
// esbuild's `build` / `buildSync({ entryPoints, outdir | outfile })`, rollup's `rollup({ input })`
// with `output` or `bundle.write({ dir | file })`, tsup's `build({ entry, outDir })`. Read from the
// script's syntax: only literal options count (a folder computed at run time says nothing).
// https://bun.sh/docs/bundler https://esbuild.github.io/api/#build https://rollupjs.org/javascript-api/
import { dirname, join, posix } from 'node:path';
import type { FsLike } from '../ports';
import type { BuildProject } from './buildProject';
import type { BundleCall, ScriptPath } from './bundleCall';

export interface ScriptedBundle {
  /** The API called, as written in the evidence ("Bun.build", "esbuild", "rollup", "tsup"). */
  tool: string;
  /** The script file, relative to the project folder as its package.json names it. */
  file: string;
  /** The package.json script that runs it. */
  script: string;
  /** The folder the bundle is written to (absolute), when an option names it literally. */
  output?: string;
  /** The entry files (absolute), when an option names them literally. */
  entries: string[];
}

/** Commands that run a JavaScript or TypeScript file given as an argument. */
const RUNNERS = new Set(['node', 'bun', 'tsx', 'ts-node', 'ts-node-esm', 'esno', 'esr', 'jiti', 'vite-node', 'deno', 'zx', 'babel-node', 'sucrase-node']);
const SCRIPT_FILE = /^(?:\.\/)?[\w@.-][\w@./-]*\.[cm]?[jt]sx?$/;

/**
 * A script can call a bundler's API only if it names one: `Bun.build`, or the module it imports
 * (bundleCall.ts's MODULE_APIS). Only such a script loads the parser.
 */
const NAMES_BUNDLER = /\bBun\s*\.\s*build\b|['"`](?:esbuild|rollup|tsup)['"`]/;

type ReadBundleCall = typeof import('./bundleCall').readBundleCall;
let readBundleCall: ReadBundleCall | undefined;

function bundleCallIn(text: string, file: string): BundleCall | undefined {
  if (!NAMES_BUNDLER.test(text)) return undefined;
  // Loaded on first need (the build points this require at the route parser's bundle).
  readBundleCall ??= (require('./bundleCall') as typeof import('./bundleCall')).readBundleCall;
  return readBundleCall(text, file);
}

/** The first bundling API call of a file that a `build*` script (names: which) of the project runs. */
export async function findScriptedBundle(fs: FsLike, project: BuildProject, names: RegExp): Promise<ScriptedBundle | undefined> {
  for (const [script, command] of Object.entries(project.pkg?.scripts ?? {})) {
    if (!names.test(script)) continue;
    for (const file of runFiles(command)) {
      const text = await fs.readFile(join(project.dir, file)).catch(() => undefined);
      const found = text === undefined ? undefined : bundleCallIn(text, file);
      if (!found) continue;
      const from = (p: ScriptPath) => (p.fromScript ? join(project.dir, dirname(file), p.rel) : join(project.dir, p.rel));
      return { tool: found.tool, file: file.replace(/^\.\//, ''), script, entries: found.entries.map(from), ...(found.output !== undefined ? { output: from(found.output) } : {}) };
    }
  }
  return undefined;
}

/** The script files a command runs (`bun run build.ts`, `node --import tsx scripts/build.ts`), in order. */
function runFiles(command: string): string[] {
  const files: string[] = [];
  for (const part of command.split(/&&|\|\||[;|\n]/)) {
    const words = part.trim().split(/\s+/).map((w) => w.replace(/^(['"])(.*)\1$/, '$2'));
    const at = words.findIndex((w) => RUNNERS.has(posix.basename(w)));
    if (at < 0) continue;
    // `bun build x.ts` is Bun's bundler CLI (bundler.ts reads it), not a script run.
    if (words[at] === 'bun' && words[at + 1] === 'build') continue;
    const file = words.slice(at + 1).find((w) => SCRIPT_FILE.test(w) && !w.startsWith('-'));
    if (file !== undefined) files.push(file);
  }
  return files;
}
