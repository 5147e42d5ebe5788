// An image starting several programs (`parallel node {} ::: apps/api/src/index.ts
// apps/worker/src/index.ts`, supervisord running a server and a Next.js front end, pm2 with two
// apps) holds the build of each: each program gets a mapping of its own, read as the mapping of an
// image starting only it would be (infer.ts, the image's start narrowed to that program). The first
// mapping, of the image's whole start, stays the primary; the others are kept where their source
// roots are apart from it and from each other.
import * as l10n from '@vscode/l10n';
import { relative, sep } from 'node:path';
import type { SourceMapping } from '../model';
import { isAtOrInside } from '../pathInside';
import { startedPrograms, type StartedProgram } from '../dockerfile/startedPrograms';
import { imageFile } from '../dockerfile/startScript';
import { builtStage } from './builtImage';
import type { Facts } from './facts';
import { readPackage, workspacePackageDirs } from './buildProject';

/**
 * The primary mapping with the mappings of the other programs the image starts (`programs`), and
 * the source files it starts that none of them maps (`alsoStarted`). `inferProgram` reads the
 * mapping of an image starting only the program it is given.
 */
export async function withProgramMappings(primary: SourceMapping, f: Facts, inferProgram: (program: StartedProgram) => Promise<SourceMapping | undefined>): Promise<SourceMapping> {
  const stage = f.df && builtStage(f.df, f.spec.build?.target);
  const df = f.df;
  const programs = stage && df ? await startedPrograms(stage, f.project.pkg?.scripts ?? {}, async (p) => (await imageFile(f.fs, df, stage, f.context, p))?.text, (name) => packagesWithScript(f, name)) : [];
  const found: SourceMapping[] = [];
  for (const program of programs.length > 1 ? programs : []) {
    const mapping = await inferProgram(program);
    if (mapping) found.push(mapping);
  }
  // The image's start read as the whole build context (a process manager's start names no package),
  // each program a package inside it (supervisord starting each package's server): the first
  // program's mapping leads, the others beside it.
  const led = found.length > 1 && primary.sourceRoot === f.context && found.every((m) => m.sourceRoot !== f.context && isAtOrInside(f.context, m.sourceRoot)) ? found[0] : undefined;
  const base = led ?? primary;
  const kept: SourceMapping[] = [];
  // A root holding another's (the whole workspace, read where the program names no package of its own) maps no program apart.
  const apart = (root: string) => [base, ...kept].every((m) => !isAtOrInside(m.sourceRoot, root) && !isAtOrInside(root, m.sourceRoot));
  for (const mapping of found) if (mapping !== led && apart(mapping.sourceRoot)) kept.push(mapping);
  if (led) led.evidence.unshift(l10n.t`the image's start reads as the whole build context; its first program's mapping leads`);
  const out: SourceMapping = kept.length > 0 ? { ...base, programs: kept } : base;
  const mapped = [out, ...kept];
  const others = f.started?.others?.filter((o) => !mapped.some((m) => isAtOrInside(m.sourceRoot, o)));
  if (others?.length) {
    out.alsoStarted = others;
    out.evidence.push(l10n.t`the image also starts ${others.map((o) => relative(f.context, o)).join(', ')}, outside the source root: not mapped`);
  }
  if (kept.length > 0) out.evidence.push(l10n.t`the image starts ${programs.length} programs: ${kept.length} more mapped (${kept.map((m) => relative(f.context, m.sourceRoot)).join(', ')})`);
  return out;
}

/** The workspace packages of the build context having the script `name` (a task run over the workspace starts each): folder relative to the context, and the script. */
async function packagesWithScript(f: Facts, name: string): Promise<{ dir: string; script: string }[]> {
  const out: { dir: string; script: string }[] = [];
  for (const dir of await workspacePackageDirs(f.fs, f.context)) {
    const script = (await readPackage(f.fs, dir))?.scripts?.[name];
    if (script !== undefined) out.push({ dir: relative(f.context, dir).split(sep).join('/'), script });
  }
  return out;
}

/** The evidence line opening a program's own mapping. */
export function programEvidence(program: StartedProgram): string {
  return l10n.t`one of the programs the image starts: ${program.command} (in ${program.workdir})`;
}
