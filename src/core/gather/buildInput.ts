// What compose needs to build a service that the workspace does not give it: a context folder, the
// Dockerfile, the stage named by build.target. Said before anything else about the build, since a
// build that cannot start maps nothing.
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { ServiceBuild } from '../model';
import type { FsLike } from '../ports';
import { parseDockerfile } from '../dockerfile/parse';

/** Why compose cannot build a service (a warning), and what to do first (the service's fix: no `up` can build it meanwhile). */
export interface BuildInputMissing {
  warning: string;
  fix: string;
}

/** Why compose cannot build `build`, when it cannot; undefined when what it needs is there. */
export async function buildInputMissing(fs: FsLike, build: ServiceBuild, shown: (abs: string) => string): Promise<BuildInputMissing | undefined> {
  const missing = await missingInput(fs, build, shown);
  // `context: ${BACKEND}` with BACKEND unset: compose builds from the compose file's folder, which lacks what the build needs.
  const blank = build.blankContextVariables ?? [];
  if (missing === undefined || blank.length === 0) return missing;
  const names = blank.join(', ');
  return {
    warning: l10n.t`${missing.warning} (the build context is blank: ${names} is not set, so compose substitutes a blank string and builds from ${shown(build.context) || '.'})`,
    fix: l10n.t('set {0} in .env beside the compose file or in the environment, then check again', names),
  };
}

async function missingInput(fs: FsLike, build: ServiceBuild, shown: (abs: string) => string): Promise<BuildInputMissing | undefined> {
  const context = await fs.stat(build.context);
  if (context?.isFile) {
    return {
      warning: l10n.t`build context ${shown(build.context)} is a file, not a folder: compose cannot build this service (\`build: PATH\` names the context folder; the Dockerfile goes in build.dockerfile)`,
      fix: l10n.t`the build cannot run until build.context names a folder (${shown(build.context)} is a file): correct it, then check again`,
    };
  }
  if (!context?.isDirectory) {
    return {
      warning: l10n.t`build context ${shown(build.context)} does not exist: compose cannot build this service`,
      fix: l10n.t`the build cannot run until its context ${shown(build.context)} is there: add it (or correct build.context), then check again`,
    };
  }
  const named = build.defaultDockerfile ? [build.dockerfile, path.join(build.context, 'dockerfile')] : [build.dockerfile];
  const found = (await Promise.all(named.map(async (f) => ((await fs.stat(f))?.isFile ? f : undefined)))).find((f) => f !== undefined);
  if (found === undefined) {
    return {
      warning: l10n.t`${shown(build.dockerfile)} does not exist: compose cannot build this service`,
      fix: l10n.t`the build cannot run until ${shown(build.dockerfile)} is there: add it (or correct build.dockerfile), then check again`,
    };
  }
  const target = build.target === undefined ? undefined : await missingTarget(fs, found, build.target, build.args ?? {}, shown);
  return target === undefined ? undefined : { warning: target, fix: l10n.t`the build cannot run until ${shown(found)} has the stage ${build.target ?? ''} (or build.target names one it has): correct either, then check again` };
}

/**
 * A build.target the Dockerfile has no stage of (an override file naming a `development` stage the
 * Dockerfile no longer has): BuildKit stops before building anything ("target stage could not be found").
 */
async function missingTarget(fs: FsLike, dockerfile: string, target: string, args: Record<string, string>, shown: (abs: string) => string): Promise<string | undefined> {
  const text = await fs.readFile(dockerfile).catch(() => undefined);
  if (text === undefined) return undefined;
  const { stages } = parseDockerfile(text, args);
  const names = stages.flatMap((s) => (s.name === undefined ? [] : [s.name]));
  if (names.some((n) => n.toLowerCase() === target.toLowerCase())) return undefined;
  return names.length === 0
    ? l10n.t`build.target ${target} names a stage, but ${shown(dockerfile)} names none: compose cannot build this service`
    : l10n.t`build.target ${target} is not a stage of ${shown(dockerfile)} (its stages: ${names.join(', ')}): compose cannot build this service`;
}
