// What the image the service runs does: its stage, what it starts, what its COPYs cover.
import { basename, dirname, join, posix } from 'node:path';
import { findStage, type Dockerfile, type Stage } from '../dockerfile/parse';
import type { Location } from '../dockerfile/locate';
import type { BuildProject } from './buildProject';
import { contextCandidates, startedScripts } from './startedSource';
import { isAtOrInside } from '../pathInside';

/** The stage the service runs: its build target, else the last. */
export function builtStage(df: Dockerfile, target: string | undefined): Stage | undefined {
  return (target !== undefined ? findStage(df.stages, target) : undefined) ?? df.stages[df.stages.length - 1];
}

/**
 * The script the built stage's start command runs (package scripts followed) at a local path, or
 * in a local folder, as the image has them: what a bundler writes there is what the image runs. A
 * folder the image holds only a part of (`COPY bundle/dist .` of the output folder bundle) counts
 * by that part: the started file traced back to the context lies in the folder and lands there.
 */
export function startedIn(df: Dockerfile, target: string | undefined, project: BuildProject, locate: (abs: string) => Location | undefined, context: string): (path: string, isFile: boolean) => string | undefined {
  const files = startedFilesOf(df, target, project, locate);
  return (path, isFile) => {
    const at = locate(isFile ? dirname(path) : path)?.path;
    if (isFile) return at === undefined ? undefined : files.find((f) => f === posix.join(at, basename(path)));
    const inPart = (f: string): boolean => contextCandidates(df, f).some((c) => isAtOrInside(path, join(context, c)) && locate(join(context, c))?.path === f);
    return (at === undefined ? undefined : files.find((f) => f.startsWith(`${at}/`))) ?? files.find(inPart);
  };
}

/** The files the built stage's start command runs (package scripts followed), as image paths. */
export function startedFilesOf(df: Dockerfile, target: string | undefined, project: BuildProject, locate: (abs: string) => Location | undefined): string[] {
  const stage = builtStage(df, target);
  // `node .` in the folder the project's package.json is copied to runs its main.
  const manifestAt = project.pkg?.main === undefined ? undefined : locate(join(project.dir, 'package.json'))?.path;
  const mainOf = (dir: string) => (manifestAt !== undefined && posix.dirname(manifestAt) === dir ? project.pkg?.main : undefined);
  return stage ? startedScripts(stage, project.pkg?.scripts ?? {}, mainOf) : [];
}

/** A COPY of the whole context: any path at all is found in the image (copied, not guessed made by a RUN). */
export function coversAnyPath(locate: (abs: string) => Location | undefined, context: string): boolean {
  return locate(join(context, '.runtime-drift-probe', 'x'))?.madeByRun === false;
}
