// A compose service that bind-mounts folders of its build context (`- .:/workspace`) into a
// container whose image copies none of the context where it runs (a dev container: tools installed,
// WORKDIR set, at most an entrypoint script copied elsewhere): what the container runs is the
// mounted source, so each such mount counts as a copy of that folder into the stage the service
// runs. An image that copies the context into its WORKDIR or a mounted folder keeps its own copies:
// which of the two a start reads is left to the rules that read the image. Copies of the package's
// manifests, lock files and tsconfig files only (`COPY package*.json tsconfig.json .` before an
// install) are no copy of its source: they leave the mounts in force.
// https://docs.docker.com/reference/compose-file/services/#volumes
import * as l10n from '@vscode/l10n';
import { posix, relative, sep } from 'node:path';
import type { DeclaredConfig } from '../model';
import { isAtOrInside } from '../pathInside';
import { copiesFromContext, stagesBuiltFor, type CopyInstr, type Dockerfile } from './parse';

/** A file an image copies to install or configure the package, not its source: a manifest, a lock file, a tsconfig. */
const SETUP_FILE = /^(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|bun\.lockb?|\.npmrc|\.yarnrc(?:\.yml)?|tsconfig(?:\.[\w-]+)*\.json)$/;

/** Whether a copy brings in only such setup files (`package*.json`, `tsconfig.json`), no folder or source file. */
function copiesSetupOnly(c: CopyInstr): boolean {
  return c.sources.length > 0 && c.sources.every((src) => SETUP_FILE.test(posix.basename(src).replace(/\*/g, '')));
}

/** The host path of a volume that is a bind mount (`bind:/ws/dist:ro` -> /ws/dist); undefined for a named volume or tmpfs. */
export function bindHost(volume: string): string | undefined {
  return /^bind:(.*?)(?::ro)?$/.exec(volume)?.[1];
}

/** The host paths of the service's bind mounts (`bind:/ws/dist:ro` -> /ws/dist). */
export function bindMountHosts(config: DeclaredConfig | undefined): string[] {
  return Object.values(config?.volumes ?? {}).flatMap((volume) => bindHost(volume) ?? []);
}

/** A bind mount of a path of the build context: where it is in the container (`at`), the host path, and that path relative to the context (`source`, '.' for the context itself). */
export interface ContextMount {
  at: string;
  host: string;
  source: string;
}

/** The service's bind mounts of paths of the build context (`- ..:/app` with the context `..`). */
export function contextBindMounts(config: DeclaredConfig | undefined, context: string): ContextMount[] {
  const mounts: ContextMount[] = [];
  for (const [at, volume] of Object.entries(config?.volumes ?? {})) {
    const host = bindHost(volume);
    if (host === undefined || !isAtOrInside(context, host) || !posix.isAbsolute(at)) continue;
    mounts.push({ at, host, source: relative(context, host).split(sep).join('/') || '.' });
  }
  return mounts;
}

/**
 * The Dockerfile with the service's bind mounts of context folders as copies of the stage it runs, when no stage it builds copies from the context into its WORKDIR or a mounted folder.
 * A mounted file (`./pm2.json:/app/pm2.json`, one of `files`) is that path, as `COPY pm2.json /app/pm2.json` puts it, not a folder holding it.
 */
export function withServiceMounts(df: Dockerfile, target: string | undefined, config: DeclaredConfig | undefined, context: string, evidence: string[], files: ReadonlySet<string> = new Set()): Dockerfile {
  const built = stagesBuiltFor(df, target);
  const stage = built.stages[built.stages.length - 1];
  if (!stage) return df;
  const mounts: CopyInstr[] = contextBindMounts(config, context).map(({ at, source, host }) => ({ instruction: 'COPY', sources: [source], dest: at, destIsDir: !files.has(host), line: 0, byMount: `${source}:${at}` }));
  // Only the context's copies into (or over) the WORKDIR or a mounted folder compete with the mounts (`COPY entrypoint.sh /usr/local/bin/` does not).
  const copied = built.stages.flatMap((s) => s.copies.filter((c) => copiesFromContext(c) && !copiesSetupOnly(c)));
  if (mounts.length === 0 || copied.some((c) => [stage.workdir, ...mounts.map((m) => m.dest)].some((at) => isAtOrInside(at, c.dest, '/') || isAtOrInside(c.dest, at, '/')))) return df;
  evidence.push(l10n.t("the image copies none of the context's source where it runs (package manifests and tsconfig files at most); the compose service bind-mounts {0}", mounts.map((m) => m.byMount).join(', ')));
  return { ...df, stages: df.stages.map((s) => (s.index === stage.index ? { ...s, copies: [...s.copies, ...mounts] } : s)) };
}
