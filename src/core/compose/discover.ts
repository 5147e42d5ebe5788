// Finding the compose projects in a workspace: the folders holding a compose file, each loaded
// the way `docker compose` would load it from that folder (base file, one override, `.env`).
import * as l10n from '@vscode/l10n';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import type { ComposeProject } from '../model';
import type { ComposeFolders, ComposeFoldersLike, FsLike, RunningComposeProject } from '../ports';
import { UserInputError } from '../errors';
import { mergeEnv, parseDotenv } from './dotenv';
import type { Env } from './interpolate';
import { parseComposeProject, referencedFiles, type ComposeFileText } from './parse';
import { COMPOSE_FILE_NAMES, COMPOSE_OVERRIDE_NAMES } from './fileNames';
import { DEFAULT_MAX_DEPTH, walkComposeFolders, type ComposeWalkOptions } from './walk';
import { firstFile } from '../firstFile';

export interface DiscoverOptions extends ComposeWalkOptions {
  /**
   * The compose files to use, like `docker compose -f a -f b` (workspace-relative or absolute,
   * merged in order, one project from the first file's folder); found by discovery when empty.
   */
  composeFiles?: string[];
  /** Where a long-lived caller remembers the walk's answer between calls (the extension); walked every time without. */
  folders?: ComposeFoldersLike;
  /** Walk even where `folders` remembers the answer (the user's explicit check). */
  fresh?: boolean;
  /**
   * Makes the walk in place of reading `fs` here (the scan worker, which keeps its folder listings
   * for the source walks after it: SourceScannerLike.walkComposeFolders); the same answers.
   */
  walk?: (workspaceDir: string, opts: ComposeWalkOptions) => Promise<ComposeFolders>;
  /**
   * The compose projects on the engine (EngineLike.composeProjects), asked only where the files
   * leave it open which stack runs (variant files beside a base file, or stacks of one name): a
   * stack run from them is loaded from the files it was created from (withRunningFiles).
   */
  running?: () => Promise<readonly RunningComposeProject[]>;
  /**
   * Told the variant files beside a base file that no stack was read from (`docker-compose.dev.yml`
   * next to `docker-compose.yml`, nothing running from it): the check names them, as files a user
   * checks with --compose-file.
   */
  notRead?: (files: string[]) => void;
}


/**
 * All compose projects under the workspace. A bad compose file rejects the whole call with its
 * UserInputError; callers wanting per-project errors use loadComposeProject per folder.
 */
export async function discoverComposeProjects(
  fs: FsLike,
  workspaceDir: string,
  env: Env,
  opts: DiscoverOptions = {},
): Promise<ComposeProject[]> {
  if (opts.composeFiles?.length) return [await loadComposeFiles(fs, workspaceDir, opts.composeFiles, env)];
  const walkOpts: ComposeWalkOptions = { ...(opts.maxDepth !== undefined ? { maxDepth: opts.maxDepth } : {}), ...(opts.exclude ? { exclude: opts.exclude } : {}) };
  // A walk in the background (a remembered walk's refresh) is not the scanner's: its listings
  // would serve no source walk, and the scan worker's jobs would wait behind it.
  const walk = (background = false) => (opts.walk && !background ? opts.walk(workspaceDir, walkOpts) : walkComposeFolders(fs, workspaceDir, walkOpts));
  const key = JSON.stringify([opts.maxDepth ?? DEFAULT_MAX_DEPTH, opts.exclude ?? []]);
  const { baseDirs, variants, besideBase } = opts.folders ? await opts.folders.folders(workspaceDir, key, walk, opts.fresh ?? false) : await walk();
  const loaded = await Promise.all(baseDirs.map((d) => loadComposeProject(fs, d, env, workspaceDir)));
  const projects = await Promise.all(loaded.map((p) => p && withBuildingVariant(p, besideBase, (files) => loadFiles(fs, p.dir, files, env, workspaceDir))));
  const fromVariants = await Promise.all(variants.map((f) => loadFiles(fs, dirname(f), [f], env, workspaceDir)));
  const found = [...projects.filter((p): p is ComposeProject => p !== undefined), ...fromVariants];
  // Only where the files leave it open which stack runs: variants beside a base file, or stacks
  // of one name (a folder of variants, each `docker-compose.server.yml` named by the folder).
  const names = found.map((p) => p.name);
  const stacks = !opts.running || (besideBase.length === 0 && new Set(names).size === names.length)
    ? found
    : await withRunningFiles(found, await opts.running(), new Set([...found.flatMap((p) => p.composeFiles), ...besideBase]), (files) => loadFiles(fs, dirname(files[0] as string), files, env, workspaceDir));
  const read = new Set(stacks.flatMap((p) => p.composeFiles));
  opts.notRead?.(besideBase.filter((f) => !read.has(f)));
  return labelledByFile(stacks);
}

/**
 * A folder's project whose services compose refuses to run (neither an image nor a build: its base
 * file only adds to another, `docker-compose.yml` holding ports and env, `docker-compose.dev.yml`
 * the builds): merged with the variant file beside it that gives each of them a build, the stack
 * its users run (`docker compose -f docker-compose.yml -f docker-compose.dev.yml`). A variant that
 * only names images (the published ones) gives no source to check; two that build leave it open.
 */
async function withBuildingVariant(project: ComposeProject, besideBase: readonly string[], load: (files: string[]) => Promise<ComposeProject>): Promise<ComposeProject> {
  const unrunnable = project.services.filter((s) => s.addsToAnother).map((s) => s.name);
  if (unrunnable.length === 0) return project;
  const building: ComposeProject[] = [];
  for (const variant of besideBase.filter((f) => dirname(f) === project.dir)) {
    const merged = await load([...project.composeFiles, variant]).catch(() => undefined);
    const built = (name: string) => merged?.services.find((s) => s.name === name && s.build !== undefined && s.error === undefined);
    if (merged && unrunnable.every(built)) building.push(merged);
  }
  const [only] = building;
  return building.length === 1 && only ? only : project;
}

/**
 * The stacks of one folder and one project name (a folder of variant files, each a stack named by
 * the folder like compose names it), each labelled by its files: their project names stay as
 * compose computes them, so only the file tells them apart. Stacks named apart (`name:`) need none.
 */
function labelledByFile(projects: ComposeProject[]): ComposeProject[] {
  const key = (p: ComposeProject) => `${p.dir}\u0000${p.name}`;
  const count = new Map<string, number>();
  for (const p of projects) count.set(key(p), (count.get(key(p)) ?? 0) + 1);
  return projects.map((p) => {
    if ((count.get(key(p)) ?? 0) < 2) return p;
    const stackFile = p.composeFiles.map((f) => basename(f)).join(' + ');
    return { ...p, services: p.services.map((s) => ({ ...s, stackFile })) };
  });
}

/**
 * The stacks as the engine runs them. A project whose containers were created from other files
 * of the workspace than the folder's own (`-f compose.yaml -f docker-compose.dev.yml`) is read
 * from those, and other stacks of its name (a folder's variants, all named by the folder) give way
 * to it; one run from a variant under a name of its own (`name: app_build`) is added; one
 * run from the folder's files under another name (`-p other`) replaces the project of that
 * folder when nothing of it runs. Only files the walk found count: the engine's labels cannot
 * make the check read anything else.
 */
async function withRunningFiles(
  found: ComposeProject[],
  running: readonly RunningComposeProject[],
  known: ReadonlySet<string>,
  load: (files: string[]) => Promise<ComposeProject>,
): Promise<ComposeProject[]> {
  let out = [...found];
  const runs = new Set(running.map((r) => r.name));
  for (const r of running) {
    if (r.configFiles.length === 0 || !r.configFiles.every((f) => known.has(f))) continue;
    const same = (p: ComposeProject) => p.composeFiles.length === r.configFiles.length && p.composeFiles.every((f, i) => f === r.configFiles[i]);
    const named = out.filter((p) => p.name === r.name);
    if (named.length === 1 && same(named[0] as ComposeProject)) continue;
    const at = named.length > 0 ? out.indexOf(named[0] as ComposeProject) : out.findIndex((p) => same(p) && !runs.has(p.name));
    const loaded = renamed(await load(r.configFiles), r.name);
    if (at >= 0) out[at] = loaded;
    else out.push(loaded);
    // The other stacks of that name are the files it does not run from: one project, one stack.
    out = out.filter((p) => p === loaded || p.name !== r.name);
  }
  return out;
}

/** A project under the name the engine knows it by (compose's `-p`). */
function renamed(project: ComposeProject, name: string): ComposeProject {
  if (project.name === name) return project;
  return { ...project, name, services: project.services.map((s) => ({ ...s, project: name })) };
}

/** Exactly the files the user chose, merged like `docker compose -f a -f b`; each must be inside the workspace. */
async function loadComposeFiles(fs: FsLike, workspaceDir: string, chosen: string[], env: Env): Promise<ComposeProject> {
  const paths = chosen.map((f) => (isAbsolute(f) ? f : join(workspaceDir, f)));
  for (const p of paths) {
    const rel = relative(workspaceDir, p);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UserInputError(l10n.t`compose file ${p} is outside the workspace ${workspaceDir}`);
    if (!(await fs.stat(p))?.isFile) throw new UserInputError(l10n.t`compose file ${rel} not found`);
  }
  return loadFiles(fs, dirname(paths[0] as string), paths, env, workspaceDir);
}



/** Loads the compose project of one folder; undefined when it holds no compose file. */
export async function loadComposeProject(fs: FsLike, dir: string, env: Env, workspaceDir = dir): Promise<ComposeProject | undefined> {
  const base = await firstFile(fs, COMPOSE_FILE_NAMES.map((n) => join(dir, n)));
  if (base === undefined) return undefined;
  const override = await firstFile(fs, COMPOSE_OVERRIDE_NAMES.map((n) => join(dir, n)));
  return loadFiles(fs, dir, override === undefined ? [base] : [base, override], env, workspaceDir);
}

/** Compose files merged in order, from `dir` (relative paths, `.env`), with the files they reference inside the workspace. */
async function loadFiles(fs: FsLike, dir: string, paths: string[], env: Env, workspaceDir: string): Promise<ComposeProject> {
  const files = await Promise.all(paths.map(async (path) => ({ path, text: await fs.readFile(path) })));
  const dotenvPath = join(dir, '.env');
  const hasDotenv = (await fs.stat(dotenvPath))?.isFile === true;
  const dotenv = hasDotenv ? parseDotenv(await fs.readFile(dotenvPath), env) : {};
  const envExample = hasDotenv ? undefined : await readEnvExample(fs, dir, env);
  return parseComposeProject(files, { dir, env: mergeEnv(env, dotenv), extraFiles: await readReferenced(fs, files, dir, workspaceDir, mergeEnv(env, dotenv)), ...(envExample ? { envExample } : {}) });
}

/** The example `.env` a repository ships beside its compose file, for a hint only: never used as values. */
const ENV_EXAMPLE_NAMES = ['.env.example', '.env.sample', '.env.template', '.env.dist'] as const;

async function readEnvExample(fs: FsLike, dir: string, env: Env): Promise<{ file: string; names: string[] } | undefined> {
  const file = await firstFile(fs, ENV_EXAMPLE_NAMES.map((n) => join(dir, n)));
  if (file === undefined) return undefined;
  try {
    return { file: file.slice(dir.length + 1), names: Object.keys(parseDotenv(await fs.readFile(file), env)) };
  } catch {
    // An example that does not parse gives no hint; the check goes on without it.
    return undefined;
  }
}

/**
 * The texts of the files `extends.file` and `include:` name, transitively, as long as they stay
 * under the workspace: a compose file cannot make us read the rest of the host.
 */
async function readReferenced(fs: FsLike, files: ComposeFileText[], dir: string, root: string, env: Env): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  let pending = referencedFiles(files, dir, env);
  for (let depth = 0; depth < 5 && pending.length > 0; depth++) {
    const next: ComposeFileText[] = [];
    for (const file of pending) {
      if (texts.has(file)) continue;
      const rel = relative(root, file);
      if (rel.startsWith('..') || isAbsolute(rel) || !(await fs.stat(file))?.isFile) continue;
      const text = await fs.readFile(file);
      texts.set(file, text);
      next.push({ path: file, text });
    }
    pending = referencedFiles(next, dir, env);
  }
  return texts;
}


