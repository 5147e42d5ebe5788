// The parts of a tsconfig that decide where compiled files go: rootDir, outDir, noEmit.
// tsconfig is JSONC (comments, trailing commas), so it is cleaned before JSON.parse.
import { dirname, relative, resolve } from 'node:path';
import type { FsLike } from '../ports';
import { isRecord } from '../isRecord';

export interface TsConfigInfo {
  /** The tsconfig file read (the one extending others, if any). */
  file: string;
  /** Absolute rootDir, and the file that set it. */
  rootDir?: { path: string; from: string };
  /** Absolute outDir, and the file that set it. */
  outDir?: { path: string; from: string };
  noEmit?: boolean;
  /** Emits `.d.ts` files only: the types of the code, not the code that runs. */
  emitDeclarationOnly?: boolean;
  /** The single folder `include` names (["src"], ["src/**\/*"]), absolute, when it names one. */
  includeRoot?: { path: string; from: string };
  /**
   * The single folder the `include` entries inside the config's own folder name, when others
   * reach outside it (["src/**\/*", "../shared/**\/*"] -> "src"): the project's own source, the
   * rest shared folders compiled along with it.
   */
  ownIncludeRoot?: { path: string; from: string };
  composite?: boolean;
  allowJs?: boolean;
  /** `include` and `exclude` as written, with the folder of the config that set them (they are relative to it). */
  include?: { patterns: string[]; dir: string };
  exclude?: { patterns: string[]; dir: string };
  /**
   * The folders `paths` aliases point at (absolute, wildcards cut off), and the file that set them;
   * `aliases`: each pattern with its targets, absolute (`@libs/*` -> [`/ws/libs/*`]).
   */
  pathTargets?: { paths: string[]; from: string; aliases: [string, string[]][] };
  /** Absolute `baseUrl`: bare module names are looked up below it first. */
  baseUrl?: string;
  /** `resolveJsonModule`: an imported .json file is an input too. */
  resolveJsonModule?: boolean;
  /**
   * The Dockerfile writes this file itself (writtenTsconfigs.ts), at `line`: read as it writes it
   * when it writes it `whole`; else what the build compiles with is not the repository's file.
   */
  writtenBy?: { line: number; whole: boolean };
}

/** How many `extends` hops to follow (tsconfig.build.json -> tsconfig.json -> tsconfig.base.json). */
const MAX_EXTENDS = 3;

/** Reads `file` and the relative configs it extends; undefined when absent or not parseable. */
export async function readTsConfig(fs: FsLike, file: string): Promise<TsConfigInfo | undefined> {
  const chain = await loadChain(fs, file, 0);
  if (chain.length === 0) return undefined;
  const info: TsConfigInfo = { file };
  let baseUrl: string | undefined;
  let paths: { map: Record<string, unknown>; dir: string; from: string } | undefined;
  // The chain is ordered base first, so later (more specific) configs overwrite.
  for (const { path, json } of chain) {
    const options = isRecord(json['compilerOptions']) ? json['compilerOptions'] : {};
    const dir = dirname(path);
    if (typeof options['baseUrl'] === 'string') baseUrl = resolve(dir, options['baseUrl']);
    if (isRecord(options['paths'])) paths = { map: options['paths'], dir, from: path };
    if (typeof options['rootDir'] === 'string') info.rootDir = { path: resolve(dir, options['rootDir']), from: path };
    if (typeof options['outDir'] === 'string') info.outDir = { path: resolve(dir, options['outDir']), from: path };
    if (typeof options['noEmit'] === 'boolean') info.noEmit = options['noEmit'];
    if (typeof options['emitDeclarationOnly'] === 'boolean') info.emitDeclarationOnly = options['emitDeclarationOnly'];
    if (typeof options['composite'] === 'boolean') info.composite = options['composite'];
    if (typeof options['allowJs'] === 'boolean') info.allowJs = options['allowJs'];
    if (typeof options['resolveJsonModule'] === 'boolean') info.resolveJsonModule = options['resolveJsonModule'];
    if (Array.isArray(json['exclude'])) info.exclude = { patterns: json['exclude'].filter((p): p is string => typeof p === 'string'), dir };
    if (Array.isArray(json['include'])) {
      info.include = { patterns: json['include'].filter((p): p is string => typeof p === 'string'), dir };
      const root = singleIncludeRoot(json['include']);
      if (root === undefined) delete info.includeRoot;
      else info.includeRoot = { path: resolve(dir, root), from: path };
      const own = json['include'].filter((p) => typeof p !== 'string' || !p.replace(/^\.\//, '').startsWith('../'));
      const ownRoot = root === undefined && own.length > 0 && own.length < json['include'].length ? singleIncludeRoot(own) : undefined;
      // `[".", "../../test"]`: the config's folder itself is no narrower than the folder rules.
      if (ownRoot === undefined || ownRoot === '.') delete info.ownIncludeRoot;
      else info.ownIncludeRoot = { path: resolve(dir, ownRoot), from: path };
    }
  }
  if (paths) info.pathTargets = { paths: aliasFolders(paths.map, baseUrl ?? paths.dir), from: paths.from, aliases: aliasTargets(paths.map, baseUrl ?? paths.dir) };
  if (baseUrl !== undefined) info.baseUrl = baseUrl;
  return info;
}

/** `{"@libs/*": ["libs/*"], "@x": ["x/src/index.ts"]}` -> the folders they name, absolute. */
function aliasFolders(map: Record<string, unknown>, base: string): string[] {
  const folders = new Set<string>();
  for (const targets of Object.values(map)) {
    if (!Array.isArray(targets)) continue;
    for (const t of targets) {
      // A declaration file (another package's dist/index.d.ts) is never an input tsc emits.
      if (typeof t !== 'string' || /\.d\.[cm]?ts$/.test(t)) continue;
      const star = t.indexOf('*');
      const cut = star >= 0 ? t.slice(0, star) : /\.[cm]?[jt]sx?$/.test(t) ? dirname(t) : t;
      folders.add(resolve(base, cut.replace(/\/+$/, '') || '.'));
    }
  }
  return [...folders];
}

/** `{"@libs/*": ["libs/*"]}` -> `[["@libs/*", ["/ws/libs/*"]]]`: each pattern's string targets, absolute. */
function aliasTargets(map: Record<string, unknown>, base: string): [string, string[]][] {
  return Object.entries(map).map(([pattern, targets]) => [pattern, (Array.isArray(targets) ? targets : []).filter((t): t is string => typeof t === 'string').map((t) => resolve(base, t))]);
}

async function loadChain(fs: FsLike, file: string, depth: number, leafDir = dirname(file)): Promise<{ path: string; json: Record<string, unknown> }[]> {
  if (!(await fs.stat(file))?.isFile) return [];
  let parsed: unknown;
  try {
    parsed = parseJsonc(await fs.readFile(file));
  } catch {
    return [];
  }
  if (!isRecord(parsed)) return [];
  const json = expandConfigDir(parsed, dirname(file), leafDir);
  const bases: { path: string; json: Record<string, unknown> }[] = [];
  const ext = json['extends'];
  const parents = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext.filter((e) => typeof e === 'string') : [];
  if (depth < MAX_EXTENDS) {
    for (const parent of parents) {
      // Package configs (@tsconfig/node20) rarely set rootDir/outDir; only relative ones are followed.
      if (!parent.startsWith('.')) continue;
      const path = resolve(dirname(file), parent.endsWith('.json') ? parent : `${parent}.json`);
      bases.push(...(await loadChain(fs, path, depth + 1, leafDir)));
    }
  }
  return [...bases, { path: file, json }];
}

/**
 * TypeScript 5.5's `${configDir}` template (https://www.typescriptlang.org/tsconfig/#extends): the
 * folder of the config tsc reads first (the one extending the others), whichever config of the
 * chain writes it. A shared base's `"outDir": "${configDir}/dist"` is each app's own dist. Replaced
 * by that folder relative to the declaring config's folder, so resolving against it gives it.
 */
export function expandConfigDir(json: Record<string, unknown>, declaringDir: string, leafDir: string): Record<string, unknown> {
  const dir = relative(declaringDir, leafDir) || '.';
  const expand = (value: unknown): unknown =>
    typeof value === 'string'
      ? value.split('${configDir}').join(dir)
      : Array.isArray(value)
        ? value.map(expand)
        : isRecord(value)
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]))
          : value;
  return expand(json) as Record<string, unknown>;
}

/**
 * "src", "src/**\/*", "./src/**\/*.ts" -> "src"; "src/backend/**\/*" -> "src/backend" (the folders before
 * the first wildcard: tsc finds no input outside them, so its common root is no higher). Several
 * entries: the folder they share. Declaration files emit nothing and are left out. Undefined when
 * include names files at the top or spans several top folders.
 */
function singleIncludeRoot(include: unknown[]): string | undefined {
  let shared: string[] | undefined;
  for (const entry of include) {
    if (typeof entry !== 'string') return undefined;
    if (/\.d\.[cm]?ts$/.test(entry)) continue;
    const segments = entry.replace(/^\.\//, '').split('/');
    const wild = segments.findIndex((s) => /[*?]/.test(s));
    const fixed = wild < 0 ? segments : segments.slice(0, wild);
    const folders = wild < 0 && /\.[a-z]+$/i.test(fixed[fixed.length - 1] ?? '') ? fixed.slice(0, -1) : fixed;
    shared = shared === undefined ? folders : shared.slice(0, commonLength(shared, folders));
    if (shared.length === 0 || shared[0] === '') return undefined;
  }
  return shared?.join('/');
}

function commonLength(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** A JSON(C) file holding an object; undefined when absent, unreadable or not an object. */
export async function readJsonObject(fs: FsLike, file: string): Promise<Record<string, unknown> | undefined> {
  if (!(await fs.stat(file))?.isFile) return undefined;
  try {
    const v = parseJsonc(await fs.readFile(file));
    return isRecord(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * JSON with comments and trailing commas -> value. Throws SyntaxError like JSON.parse. A leading
 * byte-order mark (files saved by Windows editors) is not part of the text, as tsc reads it.
 */
export function parseJsonc(text: string): unknown {
  let out = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += ch;
      i++;
    }
  }
  return JSON.parse(dropTrailingCommas(out));
}

/** Removes commas followed only by whitespace and a closing bracket, outside strings. */
function dropTrailingCommas(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (ch === ',' && /^\s*[}\]]/.test(text.slice(i + 1))) {
      continue;
    } else {
      out += ch;
    }
  }
  return out;
}

