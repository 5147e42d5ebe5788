// tsconfig `paths` and `baseUrl` (and package.json `imports`), as tsc resolves them: from the nearest tsconfig of an app (and
// the configs it `extends`), made absolute so collect.ts can resolve `@server/routes` the way the
// compiler does.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { FsLike } from '../ports';
import { parseJsonc } from '../mapping/tsconfig';
import type { PathAlias } from './collect';

const TSCONFIG_NAMES = ['tsconfig.json', 'tsconfig.app.json', 'tsconfig.build.json', 'tsconfig.base.json'];
const MAX_EXTENDS = 8;

interface Options {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** Folder `paths` entries are relative to when there is no baseUrl (the declaring config's). */
  pathsBase?: string;
}

async function readConfig(fs: FsLike, file: string, depth: number): Promise<Options> {
  if (depth > MAX_EXTENDS) return {};
  let raw: unknown;
  try {
    raw = parseJsonc(await fs.readFile(file));
  } catch {
    return {};
  }
  if (!raw || typeof raw !== 'object') return {};
  const cfg = raw as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } };
  const here = dirname(file);
  let inherited: Options = {};
  const parents = Array.isArray(cfg.extends) ? cfg.extends : cfg.extends !== undefined ? [cfg.extends] : [];
  for (const ext of parents) {
    if (typeof ext !== 'string' || !(ext.startsWith('.') || isAbsolute(ext))) continue; // package configs hold no paths of ours
    const target = resolve(here, ext.endsWith('.json') ? ext : `${ext}.json`);
    inherited = { ...inherited, ...(await readConfig(fs, target, depth + 1)) };
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
  return [...(await tsconfigAliases(fs, dir, root)), ...(await packageImports(fs, dir, root))];
}

async function tsconfigAliases(fs: FsLike, dir: string, root: string): Promise<PathAlias[]> {
  let cur = dir;
  for (;;) {
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
    if (cur === root || dirname(cur) === cur) return [];
    cur = dirname(cur);
  }
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

function targetPaths(target: unknown, depth: number): string[] {
  if (typeof target === 'string') return target.startsWith('./') ? [target] : [];
  if (!target || typeof target !== 'object' || depth > MAX_EXTENDS) return [];
  return Object.values(target).flatMap((t) => targetPaths(t, depth + 1));
}
