// Modules as the framework sees them: the unit the report checks and names, each with its own
// place in the container. Three sources, one rule (a file belongs to the deepest module folder
// holding it; the source root itself is never a module):
//   - the folders directly under <sourceRoot>/<modulesDir> (default modules/, or the override),
//     named by folder;
//   - Nest: every folder holding a *.module.ts, wherever it is, named by its module class;
//   - Express/Fastify/Koa: the folder of each file that declares router routes or mounts a
//     router or plugin, named by its path below the source root.
import { dirname, join, posix, relative, sep } from 'node:path';
import type { SourceMapping, SourceModule } from '../model';
import { isAtOrInside } from '../pathInside';

export type ModuleDir = Omit<SourceModule, 'files'>;

/** What finding modules needs of a mapping: where the source is, its modules folder, where it lands. */
export type ModuleRoots = Pick<SourceMapping, 'sourceRoot' | 'modulesDir' | 'target'>;

/** A Nest module file: `users.module.ts` (also .js/.mts/.cts for compiled or ESM sources). */
export const NEST_MODULE_FILE = /\.module\.(m|c)?(t|j)s$/;

/** The first exported class of a Nest module file (linear: one regex pass, no backtracking). */
export function moduleClassName(text: string): string | undefined {
  return /\bexport\s+(?:default\s+)?class\s+([A-Za-z_$][\w$]*)/.exec(text)?.[1];
}

export interface ModuleHints {
  /** Every walked source file (absolute). */
  files: readonly string[];
  /** Nest module files -> their class name (files whose class could not be read are left out). */
  nestModules?: ReadonlyMap<string, string>;
  /** Files declaring Express/Fastify/Koa routes or mounting a router/plugin. */
  routerFiles?: readonly string[];
}

/** The modules of a mapping from its walked files and framework hints, sorted by name. Pure. */
export function findModules(m: ModuleRoots, hints: ModuleHints): ModuleDir[] {
  const root = m.sourceRoot;
  const byDir = new Map<string, { name: string; from: 'dir' | 'nest' | 'router' }>();
  // 1. modules/ (or the override): the first path segment below it.
  const modulesRoot = join(root, m.modulesDir) + sep;
  // A walk gives a folder's files together: a file in the module folder of the file before adds nothing.
  let lastModule = '';
  // Indexed: for-of made an iterator result a file while this ran unoptimised (bench/README.md, thirty-first round).
  for (let i = 0; i < hints.files.length; i++) {
    const file = hints.files[i] as string;
    if (lastModule !== '' && file.startsWith(lastModule)) continue;
    if (!file.startsWith(modulesRoot)) continue;
    const at = file.indexOf(sep, modulesRoot.length);
    if (at < 0) continue;
    const name = file.slice(modulesRoot.length, at);
    if (name.startsWith('.') || name === 'node_modules') continue;
    byDir.set(file.slice(0, at), { name, from: 'dir' });
    lastModule = file.slice(0, at + 1);
  }
  // 2. Nest: the folder of each *.module.ts, by its class (modules/<name> keeps its folder name).
  for (const [file, cls] of hints.nestModules ?? []) {
    const dir = dirname(file);
    if (dir === root || !isAtOrInside(root, dir) || byDir.has(dir)) continue;
    byDir.set(dir, { name: cls, from: 'nest' });
  }
  // 3. Express/Fastify/Koa: the folder of each router or plugin file.
  for (const file of hints.routerFiles ?? []) {
    const dir = dirname(file);
    if (dir === root || !isAtOrInside(root, dir) || byDir.has(dir)) continue;
    byDir.set(dir, { name: toPosix(relative(root, dir)), from: 'router' });
  }
  // Two Nest modules with one class name (or a class named like a folder) stay apart by path.
  const counts = new Map<string, number>();
  for (const { name } of byDir.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const out: ModuleDir[] = [...byDir].map(([dir, { name }]) => {
    const relDir = toPosix(relative(root, dir));
    return {
      name: (counts.get(name) ?? 0) > 1 ? `${name} (${relDir})` : name,
      sourceDir: dir,
      target: posix.join(m.target, relDir),
    };
  });
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The module holding a file: its deepest module folder. Each distinct folder is looked up once
 * (remembered), so a tree of N files in D folders costs N map hits plus D short walks up.
 */
export function moduleLookup<T extends { sourceDir: string }>(modules: readonly T[], sourceRoot: string): (file: string) => T | undefined {
  const byDir = new Map<string, T | undefined>(modules.map((mod) => [mod.sourceDir, mod]));
  const seen = new Map<string, T | undefined>();
  const ofDir = (dir: string): T | undefined => {
    if (byDir.has(dir)) return byDir.get(dir);
    if (seen.has(dir)) return seen.get(dir);
    const parent = dirname(dir);
    const found = dir === sourceRoot || parent === dir || !isAtOrInside(sourceRoot, dir) ? undefined : ofDir(parent);
    seen.set(dir, found);
    return found;
  };
  return (file) => ofDir(dirname(file));
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
