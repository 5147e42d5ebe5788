// Finding the compose projects in a workspace: the folders holding a compose file, each loaded
// the way `docker compose` would load it from that folder (base file, one override, `.env`).
import { join, relative, sep } from 'node:path';
import type { ComposeProject } from '../model';
import type { FsLike } from '../ports';
import { mergeEnv, parseDotenv } from './dotenv';
import type { Env } from './interpolate';
import { parseComposeProject } from './parse';

/** Base file names in compose's order of preference; the first present in a folder wins. */
export const COMPOSE_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'] as const;
/** Override file names; like compose, only the first present is applied. */
export const COMPOSE_OVERRIDE_NAMES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
] as const;

/** Folders never worth walking into: dependencies, VCS data and build output. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', '.cache']);
const DEFAULT_MAX_DEPTH = 4;

export interface DiscoverOptions {
  /** Folder levels below the workspace to search (default 4; 0 = the workspace folder only). */
  maxDepth?: number;
  /** Workspace-relative folders (prefixes, `*` globs) or folder names to leave out. */
  exclude?: string[];
}

/**
 * All compose projects under the workspace. A bad compose file rejects the whole call with its
 * UserInputError; callers wanting per-project errors use findComposeDirs + loadComposeProject.
 */
export async function discoverComposeProjects(
  fs: FsLike,
  workspaceDir: string,
  env: Env,
  opts: DiscoverOptions = {},
): Promise<ComposeProject[]> {
  const dirs = await findComposeDirs(fs, workspaceDir, opts);
  const projects = await Promise.all(dirs.map((d) => loadComposeProject(fs, d, env)));
  return projects.filter((p): p is ComposeProject => p !== undefined);
}

/** Folders (absolute, sorted) under the workspace that hold a compose base file. */
export async function findComposeDirs(fs: FsLike, workspaceDir: string, opts: DiscoverOptions = {}): Promise<string[]> {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const excluded = makeExcluder(opts.exclude ?? []);
  const found: string[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    if ((await firstFile(fs, dir, COMPOSE_FILE_NAMES)) !== undefined) found.push(dir);
    if (depth >= maxDepth) return;
    const names = await fs.readdir(dir);
    const children = await Promise.all(
      names
        .filter((n) => !n.startsWith('.') && !SKIPPED_DIRS.has(n))
        .map(async (n) => {
          const child = join(dir, n);
          const st = await fs.stat(child);
          return st?.isDirectory && !excluded(toPosix(relative(workspaceDir, child)), n) ? child : undefined;
        }),
    );
    await Promise.all(children.map((c) => (c === undefined ? undefined : visit(c, depth + 1))));
  };
  await visit(workspaceDir, 0);
  return found.sort();
}

/** Loads the compose project of one folder; undefined when it holds no compose file. */
export async function loadComposeProject(fs: FsLike, dir: string, env: Env): Promise<ComposeProject | undefined> {
  const base = await firstFile(fs, dir, COMPOSE_FILE_NAMES);
  if (base === undefined) return undefined;
  const override = await firstFile(fs, dir, COMPOSE_OVERRIDE_NAMES);
  const paths = override === undefined ? [base] : [base, override];
  const files = await Promise.all(paths.map(async (path) => ({ path, text: await fs.readFile(path) })));
  const dotenvPath = join(dir, '.env');
  const dotenv = (await fs.stat(dotenvPath))?.isFile ? parseDotenv(await fs.readFile(dotenvPath), env) : {};
  return parseComposeProject(files, { dir, env: mergeEnv(env, dotenv) });
}

async function firstFile(fs: FsLike, dir: string, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) {
    const path = join(dir, name);
    if ((await fs.stat(path))?.isFile) return path;
  }
  return undefined;
}

function makeExcluder(patterns: string[]): (relPath: string, name: string) => boolean {
  const tests = patterns
    .map((p) => toPosix(p).replace(/^\.\//, '').replace(/\/+$/, ''))
    .filter((p) => p !== '')
    .map((p) => {
      if (p.includes('*')) {
        const re = globToRegExp(p);
        return (rel: string) => re.test(rel);
      }
      return (rel: string, name: string) => rel === p || rel.startsWith(`${p}/`) || (!p.includes('/') && name === p);
    });
  return (rel, name) => tests.some((t) => t(rel, name));
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A folder pattern also covers everything beneath it.
  return new RegExp(`^${re}(/.*)?$`);
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
