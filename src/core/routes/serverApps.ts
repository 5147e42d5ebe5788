// Where the servers of a repository are, without a compose file or a Dockerfile: each folder whose
// package.json depends on a server framework, or that a Nest CLI / Nx project file marks as an
// app. Each app's routes are then collected on their own (a monorepo's apps have their own
// global prefixes). Files in no app folder (shared libraries) belong to every app that could
// import them: the apps at or under the repository's root workspace.
import { dirname, join, sep } from 'node:path';
import type { FsLike } from '../ports';
import { readJsonObject } from '../mapping/tsconfig';

/** Dependencies that make a package a server whose routes we read. */
export const SERVER_FRAMEWORKS = [
  '@nestjs/core',
  'express',
  'fastify',
  'koa',
  '@koa/router',
  'koa-router',
  'hono',
  '@hono/node-server',
  'restify',
  'polka',
] as const;

export interface ServerApp {
  /** Absolute folder of the app (its package.json, project.json or nest-cli.json). */
  dir: string;
  /** Which file said so ("package.json depends on @nestjs/core"). */
  evidence: string;
}

const APP_MARKERS = ['project.json', 'nest-cli.json'] as const;

/** Folders holding app markers among `files` (absolute paths, as a walk returns them). */
export async function findServerApps(fs: FsLike, files: readonly string[]): Promise<ServerApp[]> {
  const apps = new Map<string, ServerApp>();
  for (const file of files) {
    const name = file.slice(file.lastIndexOf(sep) + 1);
    if (name === 'package.json') {
      const framework = await serverFrameworkOf(fs, file);
      if (framework) apps.set(dirname(file), { dir: dirname(file), evidence: `${name} depends on ${framework}` });
    }
  }
  for (const file of files) {
    const name = file.slice(file.lastIndexOf(sep) + 1);
    if (!(APP_MARKERS as readonly string[]).includes(name) || apps.has(dirname(file))) continue;
    if (name === 'project.json' && !(await isNxApplication(fs, file))) continue;
    apps.set(dirname(file), { dir: dirname(file), evidence: `${name} marks an application` });
  }
  return [...apps.values()].sort((a, b) => (a.dir < b.dir ? -1 : 1));
}

async function serverFrameworkOf(fs: FsLike, packageJson: string): Promise<string | undefined> {
  const pkg = await readJsonObject(fs, packageJson);
  if (!pkg) return undefined;
  const deps = { ...(pkg['dependencies'] as object | undefined), ...(pkg['devDependencies'] as object | undefined) } as Record<string, unknown>;
  return SERVER_FRAMEWORKS.find((f) => f in deps);
}

/** An Nx project.json of an application (not a library), with a build or serve target. */
async function isNxApplication(fs: FsLike, projectJson: string): Promise<boolean> {
  const project = await readJsonObject(fs, projectJson);
  if (!project) return false;
  if (project['projectType'] === 'library') return false;
  const targets = project['targets'];
  const hasServe = targets !== null && typeof targets === 'object' && ('serve' in targets || 'build' in targets);
  return project['projectType'] === 'application' || hasServe;
}

/**
 * Each app's files: those under its folder and under no deeper app, plus the files under no app
 * at all (shared libraries) for every app. One group of every file when there is no app.
 */
export function groupFilesByApp(root: string, apps: readonly ServerApp[], files: readonly string[]): Array<{ dir: string; files: string[] }> {
  if (apps.length === 0) return [{ dir: root, files: [...files] }];
  const dirs = apps.map((a) => a.dir).sort((a, b) => b.length - a.length);
  const own = new Map<string, string[]>(dirs.map((d) => [d, []]));
  const shared: string[] = [];
  for (const file of files) {
    const app = dirs.find((d) => file.startsWith(d + sep));
    if (app) own.get(app)?.push(file);
    else shared.push(file);
  }
  return [...own.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([dir, mine]) => ({ dir, files: mine.concat(shared) }));
}

/**
 * Where an app's source is: nest-cli.json `sourceRoot` (relative to the app), Nx project.json
 * `sourceRoot` (relative to the Nx workspace, so tried against each parent), else `src`, else
 * the folder itself.
 */
export async function appSourceDir(fs: FsLike, dir: string): Promise<string> {
  const isDir = async (p: string): Promise<boolean> => Boolean((await fs.stat(p))?.isDirectory);
  const nest = await readJsonObject(fs, join(dir, 'nest-cli.json'));
  if (typeof nest?.['sourceRoot'] === 'string' && (await isDir(join(dir, nest['sourceRoot'])))) return join(dir, nest['sourceRoot']);
  const nx = await readJsonObject(fs, join(dir, 'project.json'));
  if (typeof nx?.['sourceRoot'] === 'string') {
    for (let base = dir; ; base = dirname(base)) {
      if (await isDir(join(base, nx['sourceRoot']))) return join(base, nx['sourceRoot']);
      if (dirname(base) === base) break;
    }
  }
  const src = join(dir, 'src');
  return (await isDir(src)) ? src : dir;
}
