// Without rootDir, tsc keeps each output file's path relative to the common root of its inputs
// (https://www.typescriptlang.org/tsconfig#rootDir); with `composite`, rootDir defaults to the
// tsconfig's folder. The inputs are what `include` names (default: every source file under the
// tsconfig's folder) less `exclude` (default: node_modules and the outDir), plus the files they
// import from elsewhere, through `paths` aliases too. Read shallowly: the folders where inputs start.
import * as l10n from '@vscode/l10n';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { FsLike } from '../ports';
import { commonFolder, isAtOrInside } from '../pathInside';
import { compileGlob } from './exclude';
import { importedOutside } from './importedInputs';
import type { TsConfigInfo } from './tsconfig';

export interface InputRoot {
  path: string;
  /** What made it differ from the source root. */
  why: string;
  /** The inputs outside the source root that raised it there (absolute paths): a build copying named folders may not see them all. */
  outside: string[];
}

const SOURCE_FILE = /\.(?:ts|tsx|mts|cts)$/;
const JS_FILE = /\.(?:js|jsx|mjs|cjs)$/;
const ALWAYS_SKIPPED = new Set(['node_modules', 'bower_components', 'jspm_packages']);
/** How deep a folder is searched for a source file before it counts as an input folder. */
const SEARCH_DEPTH = 3;

/** The common root of the inputs, when it is not the source root itself; undefined otherwise. */
export async function commonInputRoot(fs: FsLike, ts: TsConfigInfo, sourceRoot: string, projectDir: string, context: string): Promise<InputRoot | undefined> {
  const configDir = dirname(ts.file);
  if (ts.composite === true) return configDir === sourceRoot ? undefined : { path: configDir, why: l10n.t`composite: rootDir defaults to the folder of ${relative(context, ts.file)}`, outside: [] };
  const excluded = exclusions(ts, configDir);
  const starts = ts.include ? await includedStarts(fs, ts, ts.include, excluded) : await inputStarts(fs, ts, configDir, excluded);
  const listed = await existing(fs, starts);
  // What the inputs import from above their common root is an input as well, through a `paths` alias too (importedInputs.ts).
  const read = await importedOutside(fs, ts, listed.reduce(commonFolder, sourceRoot), listedInput(ts, configDir, excluded));
  // Too many inputs to read their imports: every folder an alias names outside the package may be one.
  const aliased = read !== undefined ? [] : (ts.pathTargets?.paths ?? []).filter((p) => !isAtOrInside(projectDir, p) && !p.split(sep).includes('node_modules'));
  const inputs = [...listed, ...aliased];
  const root = inputs.reduce(commonFolder, sourceRoot);
  const imported = (read ?? []).filter((p) => isAtOrInside(context, p));
  const widened = imported.map(dirname).reduce(commonFolder, root);
  if (widened === sourceRoot) return undefined;
  if (widened !== root) {
    const named = imported.filter((p) => !isAtOrInside(root, p)).map((p) => relative(context, p));
    return { path: widened, why: l10n.t`no rootDir, and the sources import ${named.join(', ')} from outside ${relative(context, root) || '.'}: tsc compiles what they import, so the common root of its inputs is ${relative(context, widened) || '.'}`, outside: [] };
  }
  const outside = inputs.filter((p) => !isAtOrInside(sourceRoot, p));
  const named = outside.map((p) => relative(context, p) || '.');
  return { path: root, why: l10n.t`no rootDir, and inputs outside the source root (${named.join(', ')}): tsc's common root of the inputs is ${relative(context, root) || '.'}`, outside };
}

/**
 * Where each include pattern's inputs start: `knexfile.ts` -> its folder; `src/**\/*.ts` or `src` -> src, or
 * rather the folders in src that hold a source (`**\/*.ts` at the tsconfig's folder is its src/ when
 * only src/ holds sources, as tsc's common root of the files it finds).
 */
async function includedStarts(fs: FsLike, ts: TsConfigInfo, include: { patterns: string[]; dir: string }, excluded: (abs: string) => boolean): Promise<string[]> {
  const starts: string[] = [];
  for (const p of include.patterns) {
    if (/\.d\.[cm]?ts$/.test(p)) continue;
    const segments = p.replace(/^\.\//, '').split('/');
    const wild = segments.findIndex((s) => /[*?]/.test(s));
    const fixed = wild < 0 ? segments : segments.slice(0, wild);
    const last = fixed[fixed.length - 1] ?? '';
    const file = wild < 0 && /\.[a-z]+$/i.test(last);
    const dir = resolve(include.dir, ...(file ? fixed.slice(0, -1) : fixed));
    if (excluded(dir)) continue;
    // A folder, named or under a wildcard, gives its inputs only when it holds a source (tsc reads
    // `"include": ["src", "test"]` as every source file there: a test folder of JSON adds none).
    if (file || !(await fs.stat(dir))?.isDirectory) starts.push(dir);
    else starts.push(...(await inputStarts(fs, ts, dir, excluded)));
  }
  return starts;
}

/** Every source file under `dir` (the tsconfig's folder when there is no include): top-level files and the folders holding one. */
async function inputStarts(fs: FsLike, ts: TsConfigInfo, configDir: string, excluded: (abs: string) => boolean): Promise<string[]> {
  const isSource = (name: string) => (SOURCE_FILE.test(name) || (ts.allowJs === true && JS_FILE.test(name))) && !/\.d\.[cm]?ts$/.test(name);
  const starts: string[] = [];
  for (const name of await fs.readdir(configDir)) {
    const path = join(configDir, name);
    if (name.startsWith('.') || ALWAYS_SKIPPED.has(name) || excluded(path)) continue;
    const stat = await fs.stat(path);
    if (stat?.isFile && isSource(name)) starts.push(configDir);
    else if (stat?.isDirectory && (await holdsSource(fs, path, isSource, excluded, SEARCH_DEPTH))) starts.push(path);
  }
  return starts;
}

async function holdsSource(fs: FsLike, dir: string, isSource: (n: string) => boolean, excluded: (p: string) => boolean, depth: number): Promise<boolean> {
  const names = await fs.readdir(dir);
  for (const name of names) if (isSource(name) && !excluded(join(dir, name)) && (await fs.stat(join(dir, name)))?.isFile) return true;
  if (depth === 0) return false;
  for (const name of names) {
    const path = join(dir, name);
    if (name.startsWith('.') || ALWAYS_SKIPPED.has(name) || excluded(path)) continue;
    if ((await fs.stat(path))?.isDirectory && (await holdsSource(fs, path, isSource, excluded, depth - 1))) return true;
  }
  return false;
}

/** What `include` names (default: everything under the tsconfig's folder) less what is excluded, as a test on absolute paths. */
function listedInput(ts: TsConfigInfo, configDir: string, excluded: (abs: string) => boolean): (abs: string) => boolean {
  const include = ts.include;
  const patterns = include ? include.patterns.map((p) => compileGlob(relative(include.dir, resolve(include.dir, p)).split(sep).join('/'))) : [];
  return (abs) => {
    if (excluded(abs)) return false;
    if (!include) return isAtOrInside(configDir, abs);
    const rel = relative(include.dir, abs).split(sep).join('/');
    return patterns.some((re) => re.test(rel));
  };
}

/** `exclude` patterns (default none) and the outDir, as a test on absolute paths. */
function exclusions(ts: TsConfigInfo, configDir: string): (abs: string) => boolean {
  const base = ts.exclude?.dir ?? configDir;
  const patterns = (ts.exclude?.patterns ?? []).map((p) => compileGlob(relative(base, resolve(base, p)).split(sep).join('/')));
  const out = ts.outDir?.path;
  return (abs) => {
    if (out !== undefined && isAtOrInside(out, abs)) return true;
    const rel = relative(base, abs).split(sep).join('/');
    return patterns.some((re) => re.test(rel));
  };
}

async function existing(fs: FsLike, dirs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const d of new Set(dirs)) if ((await fs.stat(d))?.isDirectory) out.push(d);
  return out;
}
