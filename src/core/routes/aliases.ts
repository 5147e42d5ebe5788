// tsconfig (or a JavaScript project's jsconfig.json) `paths` and `baseUrl` (and package.json `imports`, and a Deno
// project's deno.json import map), as tsc (or deno) resolves them: from the nearest tsconfig of an app (and
// the configs it `extends`), made absolute so collect.ts can resolve `@server/routes` the way the
// compiler does.
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { FsLike } from '../ports';
import { isRecord } from '../isRecord';
import { expandConfigDir, parseJsonc, readJsonObject, readTsConfig } from '../mapping/tsconfig';
import type { PathAlias } from './collect';

const TSCONFIG_NAMES = ['tsconfig.json', 'tsconfig.app.json', 'tsconfig.build.json', 'tsconfig.base.json', 'jsconfig.json'];
const MAX_EXTENDS = 8;

interface Options {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** Folder `paths` entries are relative to when there is no baseUrl (the declaring config's). */
  pathsBase?: string;
}

async function readConfig(fs: FsLike, file: string, depth: number, leafDir = dirname(file)): Promise<Options> {
  if (depth > MAX_EXTENDS) return {};
  let raw: unknown;
  try {
    raw = parseJsonc(await fs.readFile(file));
  } catch {
    return {};
  }
  if (!isRecord(raw)) return {};
  const cfg = expandConfigDir(raw, dirname(file), leafDir) as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } };
  const here = dirname(file);
  let inherited: Options = {};
  const parents = Array.isArray(cfg.extends) ? cfg.extends : cfg.extends !== undefined ? [cfg.extends] : [];
  for (const ext of parents) {
    if (typeof ext !== 'string' || !(ext.startsWith('.') || isAbsolute(ext))) continue; // package configs hold no paths of ours
    const target = resolve(here, ext.endsWith('.json') ? ext : `${ext}.json`);
    inherited = { ...inherited, ...(await readConfig(fs, target, depth + 1, leafDir)) };
  }
  const own: Options = {};
  const co = cfg.compilerOptions;
  if (co && typeof co.baseUrl === 'string') own.baseUrl = resolve(here, co.baseUrl);
  if (co && co.paths && typeof co.paths === 'object') {
    own.paths = co.paths as Record<string, string[]>;
    own.pathsBase = here;
  }
  return { ...inherited, ...own };
}

/**
 * The aliases that apply to files under `dir`: its nearest tsconfig's `paths` and `baseUrl`, looking
 * up to `root`, then its nearest package.json's `imports` (Node's subpath imports, `"#api/*":
 * "./src/*"`, which tsc resolves too).
 */
export async function readPathAliases(fs: FsLike, dir: string, root: string): Promise<PathAlias[]> {
  return [...(await tsconfigAliases(fs, dir, root)), ...(await packageImports(fs, dir, root)), ...(await denoImports(fs, dir, root))];
}

/**
 * The local entries of the nearest deno.json / deno.jsonc's import map at or above `dir` (its
 * `imports`, or the file its `importMap` names), as Deno resolves them
 * (https://docs.deno.com/runtime/fundamentals/modules/#import-maps): a key ending in '/' maps every
 * specifier it starts (`"@/": "./"` makes `@/src/app.ts` the project's `src/app.ts`), another key the
 * specifier itself. Only targets in the project (`./`, `../`) become aliases; `npm:`, `jsr:` and URL
 * targets are packages.
 */
async function denoImports(fs: FsLike, dir: string, root: string): Promise<PathAlias[]> {
  for (let cur = dir; ; cur = dirname(cur)) {
    for (const name of ['deno.json', 'deno.jsonc']) {
      const file = join(cur, name);
      if (!(await fs.stat(file))?.isFile) continue;
      const cfg = await readJsonc(fs, file);
      const mapFile = typeof cfg?.['importMap'] === 'string' ? resolve(cur, cfg['importMap']) : undefined;
      const imports = (mapFile !== undefined ? await readJsonc(fs, mapFile) : cfg)?.['imports'];
      const base = mapFile !== undefined ? dirname(mapFile) : cur;
      if (!isRecord(imports)) return [];
      return Object.entries(imports)
        .filter((e): e is [string, string] => typeof e[1] === 'string' && /^\.\.?\//.test(e[1]))
        .map(([key, target]) =>
          key.endsWith('/') && target.endsWith('/') ? { pattern: `${key}*`, targets: [join(resolve(base, target), '*')] } : { pattern: key, targets: [resolve(base, target)] },
        );
    }
    if (cur === root || dirname(cur) === cur) return [];
  }
}

async function readJsonc(fs: FsLike, file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const raw = parseJsonc(await fs.readFile(file));
    return isRecord(raw) ? raw : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The aliases of the nearest tsconfig at or above `dir` declaring any; when none does, those of one
 * in the app's source folder (`src/tsconfig.json`, the project a build compiles with `tsc -p src` or
 * gulp-typescript's createProject('./src/tsconfig.json'), its `paths` relative to src).
 */
async function tsconfigAliases(fs: FsLike, dir: string, root: string): Promise<PathAlias[]> {
  for (let cur = dir; ; cur = dirname(cur)) {
    const found = await aliasesIn(fs, cur);
    if (found) return found;
    if (cur === root || dirname(cur) === cur) break;
  }
  return (await aliasesIn(fs, join(dir, 'src'))) ?? [];
}

/** The aliases of the first tsconfig of `cur` declaring `paths` or `baseUrl`; undefined when none does. */
async function aliasesIn(fs: FsLike, cur: string): Promise<PathAlias[] | undefined> {
  for (const name of TSCONFIG_NAMES) {
    const file = join(cur, name);
    if (!(await fs.stat(file))?.isFile) continue;
    const o = await readConfig(fs, file, 0);
    if (o.baseUrl === undefined && o.paths === undefined) continue;
    const base = o.baseUrl ?? o.pathsBase ?? cur;
    const aliases: PathAlias[] = Object.entries(o.paths ?? {}).map(([pattern, targets]) => ({
      pattern,
      targets: (Array.isArray(targets) ? targets : []).filter((t): t is string => typeof t === 'string').map((t) => resolve(base, t)),
    }));
    if (o.baseUrl !== undefined) aliases.push({ pattern: '*', targets: [join(o.baseUrl, '*')] });
    return aliases;
  }
  return undefined;
}

/**
 * The `imports` of the nearest package.json at or above `dir` (https://nodejs.org/api/packages.html#subpath-imports):
 * each target relative to that package; a conditional target (`{ "types": ..., "default": ... }`)
 * gives every path it names, tried in order.
 */
async function packageImports(fs: FsLike, dir: string, root: string): Promise<PathAlias[]> {
  for (let cur = dir; ; cur = dirname(cur)) {
    const file = join(cur, 'package.json');
    if ((await fs.stat(file))?.isFile) {
      let pkg: unknown;
      try {
        pkg = JSON.parse(await fs.readFile(file));
      } catch {
        return [];
      }
      const imports = pkg && typeof pkg === 'object' ? (pkg as { imports?: unknown }).imports : undefined;
      if (!imports || typeof imports !== 'object') return [];
      return Object.entries(imports)
        .filter(([pattern]) => pattern.startsWith('#'))
        .map(([pattern, target]) => ({ pattern, targets: targetPaths(target, 0).map((t) => resolve(cur, t)) }));
    }
    if (cur === root || dirname(cur) === cur) return [];
  }
}

/**
 * How a bare import of a workspace package (`import { x } from 'workbench/hono'`) reaches its
 * source: each `exports` subpath (and `main` / `module` / `types` / `source` for the bare name)
 * as an alias of the package name, every path a condition names tried in order; a path into the
 * package's build output (its tsconfig `outDir`, `dist/adapters/hono.js`) is read at the same
 * place below its `rootDir` (`src/adapters/hono.ts`), and `x.d.ts` as `x.ts`. Without `exports`,
 * `name/sub` is the package folder's `sub`, as Node and tsc resolve it.
 */
export async function workspacePackageAliases(fs: FsLike, packages: readonly { dir: string; name?: string | undefined }[]): Promise<PathAlias[]> {
  const out: PathAlias[] = [];
  for (const { dir, name } of packages) {
    if (name === undefined) continue;
    const pkg = await readJsonObject(fs, join(dir, 'package.json'));
    if (!pkg) continue;
    const ts = await readTsConfig(fs, join(dir, 'tsconfig.json'));
    const outDir = ts?.outDir?.path;
    const rootDir = ts?.rootDir?.path ?? ts?.includeRoot?.path ?? join(dir, 'src');
    const toSource = (t: string): string[] => {
      const abs = resolve(dir, t).replace(/\.d\.([cm]?)ts$/, '.$1ts');
      return outDir !== undefined && abs.startsWith(outDir + sep) ? [join(rootDir, abs.slice(outDir.length + 1)), abs] : [abs];
    };
    const exportsMap = pkg['exports'];
    const subpaths: [string, unknown][] =
      typeof exportsMap === 'string' || Array.isArray(exportsMap)
        ? [['.', exportsMap]]
        : exportsMap && typeof exportsMap === 'object'
          ? Object.keys(exportsMap).every((k) => k.startsWith('.'))
            ? Object.entries(exportsMap)
            : [['.', exportsMap]]
          : [];
    for (const [sub, target] of subpaths) {
      const pattern = sub === '.' ? name : `${name}/${sub.replace(/^\.\//, '')}`;
      out.push({ pattern, targets: [...new Set(targetPaths(target, 0).flatMap(toSource))] });
    }
    if (subpaths.length === 0) {
      const fields = ['source', 'types', 'typings', 'module', 'main'].map((f) => pkg[f]).filter((f): f is string => typeof f === 'string');
      out.push({ pattern: name, targets: [...new Set([...fields.map((f) => (f.startsWith('.') ? f : `./${f}`)).flatMap(toSource), join(dir, 'index')])] });
      // A built package's subpath (`shared/validators`) is, at the package root, a bridge to its
      // build output (`validators.js`: `module.exports = require('./dist/validators')`, beside a
      // `validators.d.ts` re-exporting `./src/validators`): the source root's module comes first.
      out.push({ pattern: `${name}/*`, targets: [...(outDir !== undefined ? [join(rootDir, '*')] : []), join(dir, '*')] });
    }
  }
  return out;
}

function targetPaths(target: unknown, depth: number): string[] {
  if (typeof target === 'string') return target.startsWith('./') ? [target] : [];
  if (!target || typeof target !== 'object' || depth > MAX_EXTENDS) return [];
  return Object.values(target).flatMap((t) => targetPaths(t, depth + 1));
}
