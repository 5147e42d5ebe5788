// A solution tsconfig (`"files": []` and `references`), which the image's build runs `tsc --build`
// with: it compiles nothing of its own, only each referenced project, with that project's own
// config into that project's own outDir. Which of them is the server is told by their packages
// (buildProject.ts referencedServer), not by the root's config.
// https://www.typescriptlang.org/docs/handbook/project-references.html
import { dirname, resolve } from 'node:path';
import type { Stage } from '../dockerfile/parse';
import type { FsLike } from '../ports';
import { isRecord } from '../isRecord';
import { tsconfigsRun } from './runTsconfig';
import { readJsonObject } from './tsconfig';

export interface SolutionBuild {
  /** The solution config the build runs tsc with, absolute. */
  config: string;
  /** The folders of the projects it references, absolute, in its order. */
  projects: string[];
}

/** The first config the stages' tsc runs that is a solution config, with the folders of the projects it references. */
export async function solutionBuild(fs: FsLike, stages: readonly Stage[], context: string): Promise<SolutionBuild | undefined> {
  for (const config of await tsconfigsRun(fs, stages, context, new Map())) {
    const json = await readJsonObject(fs, config);
    const files = json?.['files'];
    const references = json?.['references'];
    if (!Array.isArray(files) || files.length > 0 || json?.['include'] !== undefined || !Array.isArray(references)) continue;
    // A reference names a project's folder (its tsconfig.json) or one of its config files.
    const paths = references.flatMap((r) => (isRecord(r) && typeof r['path'] === 'string' ? [resolve(dirname(config), r['path'])] : []));
    const projects = paths.map((p) => (p.endsWith('.json') ? dirname(p) : p));
    if (projects.length > 0) return { config, projects: [...new Set(projects)] };
  }
  return undefined;
}
