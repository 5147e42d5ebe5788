// A build that only copies: a package whose build script is a script file of its own walking the
// package's folder and copying its files into an output folder (`"build": "node build.js"`, with
// `fs.readdirSync` and `fs.copyFileSync` into 'dist'), no compiler, no bundler. The output holds
// the sources under their own names, so where the image has that folder (`COPY --from=server
// /app/dist .`) is where the package's folder is.
import * as l10n from '@vscode/l10n';
import { join, posix, relative, sep } from 'node:path';
import type { Facts, Placement } from './facts';
import { scriptsRun } from './buildCommands';
import { buildScriptNames } from './bundler';

/** `node build.js` (or .cjs/.mjs), the script file in group 1. */
const NODE_SCRIPT = /(?:^|[\s;&|])node\s+(?:-\S+\s+)*((?:\.\/)?[\w./-]+\.[cm]?js)\b/;
/** A call walking a folder (readdir, a glob) and one copying a file or a tree. */
const WALKS = /\b(?:readdirSync|readdir|opendirSync|globSync|glob)\s*\(/;
const COPIES = /\b(?:copyFileSync|copyFile|cpSync|copySync)\s*\(/;
/** A module that compiles or bundles: such a script makes something other than copies. */
const TRANSFORMS = /['"](?:esbuild|webpack|rollup|rolldown|typescript|@babel\/core|@swc\/core|terser|vite|tsup|parcel|bun)['"]/;
/** A string naming one folder of the package (`'dist'`, `"./build/"`). */
const FOLDER_LITERAL = /['"`](?:\.\/)?([\w-][\w.-]*)\/?['"`]/g;

/** The package's build script runs a script file of the package that only copies the package's files: that file. */
async function copyingScript(f: Facts): Promise<{ file: string; text: string } | undefined> {
  const scripts = f.project.pkg?.scripts ?? {};
  const names = buildScriptNames(f.project);
  const ran = new Set((f.df?.stages ?? []).flatMap((s) => s.runs.flatMap((r) => scriptsRun(r.command))));
  for (const [name, script] of Object.entries(scripts)) {
    if (!names.test(name) || !ran.has(name)) continue;
    const written = NODE_SCRIPT.exec(script)?.[1];
    if (written === undefined) continue;
    const file = join(f.project.dir, ...posix.normalize(written).split('/'));
    const text = await f.fs.readFile(file).catch(() => undefined);
    if (text !== undefined && WALKS.test(text) && COPIES.test(text) && !TRANSFORMS.test(text)) return { file, text };
  }
  return undefined;
}

/**
 * The source root where the image has the output folder of a build that only copies the package
 * (the folders the script names, one the image takes out of the stage that ran the build): the
 * package's folder is there, names unchanged. Not for a project compiled or bundled.
 */
export async function placeCopiedPackage(f: Facts): Promise<Placement | undefined> {
  if (f.bundler !== undefined || f.emit !== undefined || f.compiled || f.started !== undefined) return undefined;
  const below = relative(f.project.dir, f.sourceRoot);
  if (below.startsWith('..')) return undefined;
  const script = await copyingScript(f);
  if (!script) return undefined;
  for (const m of script.text.matchAll(FOLDER_LITERAL)) {
    const folder = m[1] ?? '';
    const loc = folder === 'node_modules' ? undefined : f.locate(join(f.project.dir, folder));
    if (!loc?.fromStage || loc.madeByRun) continue;
    const target = posix.join(loc.path, ...below.split(sep).filter((s) => s !== ''));
    const name = relative(f.context, script.file).split(sep).join('/');
    f.evidence.push(l10n.t`${name}, the package's build, copies its files into ${folder}: target ${target} from ${loc.evidence}`);
    return { target, rewrites: {}, copiedAsIs: true };
  }
  return undefined;
}
