// An Nx project's configuration as Nx reads it: the project.json in its folder, else its entry in
// the workspace's workspace.json `projects` (Nx before v13, and workspaces never migrated), where a
// project's targets are its `architect` and their executors `builder`s (the Angular CLI's names) —
// in a workspace made by the Angular CLI (Nx before v11), that file is angular.json beside nx.json;
// else the `nx` field of its package.json (Nx 16+: a package-based project configured in its
// manifest, `"nx": { "name": "server", "targets": { "build": { "executor": ... } } }`).
// https://nx.dev/deprecated/workspace-json https://nx.dev/reference/project-configuration
import { dirname, join, resolve } from 'node:path';
import type { FsLike } from '../ports';
import { isRecord } from '../isRecord';
import { readJsonObject } from './tsconfig';

type Config = Record<string, unknown>;

/** The Nx project whose folder is `dir`: its project.json, else its workspace.json entry (normalised), else its package.json's `nx` field when that declares targets, with the file read; undefined when none names it. */
export async function readNxProject(fs: FsLike, dir: string): Promise<{ config: Config; file: string } | undefined> {
  const file = join(dir, 'project.json');
  const own = await readJsonObject(fs, file);
  if (own) return { config: own, file };
  for (const project of (await workspaceJsonProjects(fs, dir)).values()) if (project.dir === dir) return { config: project.config, file: project.file };
  return packageJsonProject(fs, dir);
}

/**
 * The project configuration a package.json carries in its `nx` field, named by `nx.name`, else the
 * package's name. Only one declaring `targets` is read as such: an `nx` field naming tags or
 * implicit dependencies alone leaves the targets to Nx's plugins, as a folder without it does.
 */
async function packageJsonProject(fs: FsLike, dir: string): Promise<{ config: Config; file: string } | undefined> {
  const file = join(dir, 'package.json');
  const pkg = await readJsonObject(fs, file);
  const nx = pkg?.['nx'];
  if (!isRecord(nx) || !isRecord(nx['targets'])) return undefined;
  const name = typeof nx['name'] === 'string' ? nx['name'] : pkg?.['name'];
  return { config: { ...(typeof name === 'string' ? { name } : {}), ...nx }, file };
}

/**
 * The projects an Nx workspace.json at or above `from` declares inline, by name: folder (its `root`,
 * from the workspace's folder) and configuration. An entry that is a path names a folder with its
 * own project.json, read as such. At the nx.json's folder with no workspace.json, its angular.json
 * (an Nx workspace on the Angular CLI, before Nx 11: the same `projects`). Empty when neither is
 * found below an nx.json.
 */
export async function workspaceJsonProjects(fs: FsLike, from: string): Promise<Map<string, { dir: string; config: Config; file: string }>> {
  const out = new Map<string, { dir: string; config: Config; file: string }>();
  const collect = (d: string, read: { file: string; projects: Record<string, unknown> }) => {
    for (const [name, entry] of Object.entries(read.projects)) {
      if (isRecord(entry) && typeof entry['root'] === 'string') out.set(name, { dir: resolve(d, entry['root']), config: normalised(name, entry), file: read.file });
    }
    return out;
  };
  for (let d = resolve(from); ; d = dirname(d)) {
    const workspace = await projectsIn(fs, join(d, 'workspace.json'));
    if (workspace) return collect(d, workspace);
    if ((await fs.stat(join(d, 'nx.json')))?.isFile) {
      const angular = await projectsIn(fs, join(d, 'angular.json'));
      return angular ? collect(d, angular) : out;
    }
    if (dirname(d) === d) return out;
  }
}

/** A workspace file's `projects`, with the file; undefined when there is no such file or it declares none. https://nx.dev/deprecated/workspace-json */
async function projectsIn(fs: FsLike, file: string): Promise<{ file: string; projects: Record<string, unknown> } | undefined> {
  const projects = (await readJsonObject(fs, file))?.['projects'];
  return isRecord(projects) ? { file, projects } : undefined;
}

/** workspace.json's Angular CLI names in Nx's: `architect` -> `targets`, `builder` -> `executor`. */
function normalised(name: string, entry: Config): Config {
  const targets = isRecord(entry['targets']) ? entry['targets'] : isRecord(entry['architect']) ? entry['architect'] : {};
  const renamed = Object.fromEntries(Object.entries(targets).map(([t, v]) => [t, isRecord(v) && v['executor'] === undefined && typeof v['builder'] === 'string' ? { ...v, executor: v['builder'] } : v]));
  return { name, ...entry, targets: renamed };
}
