// The walk for compose files: the workspace's folders down to a few levels, those holding a
// compose base file and the variant files of those that have none. Apart from discover.ts (which
// loads what it finds) so that the scan worker runs the same walk without the YAML parser
// (engine/composeListings.ts: there its folder listings serve the source walks of the same check).
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ComposeFolders } from '../ports';
import { compileGlob } from '../mapping/exclude';
import { COMPOSE_FILE_NAMES } from './fileNames';
import { firstFile } from '../firstFile';

/** Folders never worth walking into: dependencies, VCS data and build output. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', '.cache']);
/** Hidden folders projects keep their deployment's compose files in (flame's .docker/): walked like any other. */
const DEPLOYMENT_DOT_DIRS = new Set(['.docker', '.deploy']);
export const DEFAULT_MAX_DEPTH = 4;

/**
 * `docker-compose.prod.yml`, `compose.document.yaml`, `docker-compose-dev.yml`, `dev.compose.yaml`,
 * `example.docker-compose.yml`: a variant of a stack, used when a folder has no base file.
 */
const VARIANT_FILE = /^(?:(?:docker-)?compose[.-](?!override\.)[\w.-]+|[\w.-]+\.(?:docker-)?compose)\.ya?ml$/;

/** A compose base file's name or a variant's (`docker-compose.prod.yml`). */
function isComposeFileName(name: string): boolean {
  return (COMPOSE_FILE_NAMES as readonly string[]).includes(name) || VARIANT_FILE.test(name);
}

/** What the walk reads: FsLike's readdir and stat (whether a name is a file or a folder, links followed). */
export interface ComposeWalkFs {
  /** Entry names in a folder, sorted; [] when absent or unreadable. */
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ isFile: boolean; isDirectory: boolean } | undefined>;
}

export interface ComposeWalkOptions {
  /** Folder levels below the workspace to search (default 4; 0 = the workspace folder only). */
  maxDepth?: number;
  /** Workspace-relative folders (prefixes, `*` globs) or folder names to leave out. */
  exclude?: string[];
}

/**
 * One walk of the workspace's folders: those holding a compose base file, and the variant files
 * (`docker-compose.prod.yml`) of folders that have none, each a stack of its own there. Beside a
 * base file, variants are alternatives the user picks with --compose-file / runtimeDrift.composeFiles.
 */
export async function walkComposeFolders(fs: ComposeWalkFs, workspaceDir: string, opts: ComposeWalkOptions): Promise<ComposeFolders> {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const excluded = makeExcluder(opts.exclude ?? []);
  const baseDirs: string[] = [];
  const variants: string[] = [];
  const besideBase: string[] = [];
  const read: string[] = [];
  const descended: string[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    const names = await fs.readdir(dir);
    read.push(dir);
    // Only names the folder lists are stat'ed: a source tree's folders (hundreds on a large
    // workspace, each walked before anything else starts) cost no stat at all.
    const hasBase = (await firstFile(fs, COMPOSE_FILE_NAMES.filter((n) => names.includes(n)).map((n) => join(dir, n)))) !== undefined;
    if (hasBase) baseDirs.push(dir);
    for (const n of names) if (VARIANT_FILE.test(n)) (hasBase ? besideBase : variants).push(join(dir, n));
    if (depth >= maxDepth) return;
    descended.push(dir);
    const children = await Promise.all(
      names
        .filter((n) => (!n.startsWith('.') || DEPLOYMENT_DOT_DIRS.has(n)) && !SKIPPED_DIRS.has(n))
        .map(async (n) => {
          const child = join(dir, n);
          const st = await fs.stat(child);
          return st?.isDirectory && !excluded(toPosix(relative(workspaceDir, child)), n) ? child : undefined;
        }),
    );
    await Promise.all(children.map((c) => (c === undefined ? undefined : visit(c, depth + 1))));
  };
  await visit(workspaceDir, 0);
  return { root: workspaceDir, baseDirs: baseDirs.sort(), variants: variants.sort(), besideBase: besideBase.sort(), read, descended };
}

/** Compose files named in hidden folders are listed up to this many. */
const HIDDEN_SHOWN = 5;
/** Folder levels searched below a hidden folder of the workspace root. */
const HIDDEN_DEPTH = 3;

/**
 * Compose files the walk does not read because they sit in a hidden folder of the workspace root
 * (`.devcontainer/docker-compose.yml`, `.github/deployment/compose.yaml`), workspace-relative and
 * sorted, at most five: what a check that found no service names, so that the user can choose one
 * (--compose-file, runtimeDrift.composeFiles). Asked only then: the check never reads them itself.
 */
export async function hiddenComposeFiles(fs: ComposeWalkFs, workspaceDir: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    const names = await fs.readdir(dir);
    for (const n of names) if (isComposeFileName(n)) found.push(join(dir, n));
    if (depth >= HIDDEN_DEPTH) return;
    for (const n of names) {
      if (SKIPPED_DIRS.has(n)) continue;
      const child = join(dir, n);
      if ((await fs.stat(child))?.isDirectory) await visit(child, depth + 1);
    }
  };
  for (const n of await fs.readdir(workspaceDir)) {
    if (!n.startsWith('.') || DEPLOYMENT_DOT_DIRS.has(n) || SKIPPED_DIRS.has(n)) continue;
    const dir = join(workspaceDir, n);
    if ((await fs.stat(dir))?.isDirectory) await visit(dir, 1);
  }
  return found.map((f) => toPosix(relative(workspaceDir, f))).sort().slice(0, HIDDEN_SHOWN);
}

/**
 * Whether a created, changed or deleted `path` can change what the walk that found `walked`
 * answers: a compose base or variant file named in a folder it read, or a folder appearing in
 * (or gone from) one it looked into, or the root itself. A file's content is not the walk's
 * business (each check reads the compose files again). `isDir` asks what the path is now.
 */
export function composeWalkTouched(walked: WalkedFolders, path: string, isDir: (path: string) => boolean): boolean {
  if (path === walked.root || isUnder(walked.root, path)) return true;
  const parent = dirname(path);
  if (!walked.read.has(parent)) return false;
  const name = basename(path);
  if (isComposeFileName(name)) return true;
  return walked.descended.has(parent) && (walked.read.has(path) || isDir(path));
}

/** `path` is inside the folder `dir`. */
export function isUnder(path: string, dir: string): boolean {
  return path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

/** A walk's folders as sets, to test many changed paths against (composeWalkTouched). */
export interface WalkedFolders {
  root: string;
  read: ReadonlySet<string>;
  descended: ReadonlySet<string>;
}

export function walkedFolders(found: ComposeFolders): WalkedFolders {
  return { root: found.root, read: new Set(found.read), descended: new Set(found.descended) };
}

function makeExcluder(patterns: string[]): (relPath: string, name: string) => boolean {
  const tests = patterns
    .map((p) => toPosix(p).replace(/^\.\//, '').replace(/\/+$/, ''))
    .filter((p) => p !== '')
    .map((p) => {
      if (p.includes('*')) {
        const re = compileGlob(p);
        return (rel: string) => re.test(rel);
      }
      return (rel: string, name: string) => rel === p || rel.startsWith(`${p}/`) || (!p.includes('/') && name === p);
    });
  return (rel, name) => tests.some((t) => t(rel, name));
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
