// A deploy folder a shell script of the repository assembles from another folder (build.sh: `cp
// service/Dockerfile ./deploy/Dockerfile`, `cp -a service/dist/* ./deploy/dist`): its Dockerfile is
// a copy of that folder's, and the build output it holds (committed, bind-mounted) is that folder's
// build. The image built there is the one built in that folder, so its mapping is that folder's,
// read as if the service were declared there.
import * as l10n from '@vscode/l10n';
import { dirname, join, relative, resolve } from 'node:path';
import { commandWords } from '../dockerfile/parse';
import type { ServiceSpec } from '../model';
import type { FsLike } from '../ports';
import { isAtOrInside } from '../pathInside';

/** A copy a script makes, both paths absolute (`cp -a a/dist/* b/dist`: a/dist to b/dist). */
interface ScriptCopy {
  src: string;
  dest: string;
}

/**
 * The service as declared in the folder a script of the context's parent folder copies the
 * service's Dockerfile from, when that script also copies a build output of that folder into the
 * context; with the evidence. Undefined otherwise.
 */
export async function assembledFrom(fs: FsLike, spec: ServiceSpec): Promise<{ spec: ServiceSpec; why: string } | undefined> {
  const build = spec.build;
  if (!build || spec.drift.source !== undefined) return undefined;
  const parent = dirname(build.context);
  if (parent === build.context) return undefined;
  for (const name of (await fs.readdir(parent)).filter((n) => n.endsWith('.sh')).sort()) {
    const copies = scriptCopies(await fs.readFile(join(parent, name)).catch(() => ''), parent);
    const dockerfile = copies.find((c) => c.dest === build.dockerfile && c.src !== build.dockerfile);
    const from = dockerfile && dirname(dockerfile.src);
    if (dockerfile === undefined || from === undefined || isAtOrInside(build.context, from) || isAtOrInside(from, build.context)) continue;
    const output = await firstFolderCopy(fs, copies.filter((c) => c !== dockerfile && isAtOrInside(from, c.src) && c.src !== from && isAtOrInside(build.context, c.dest) && c.dest !== build.context));
    if (!output) continue;
    const rel = (p: string) => relative(parent, p) || '.';
    const why = l10n.t('{0} copies {1} to {2} and {3} to {4}: the folder is {5} assembled for deploying, read as there', name, rel(dockerfile.src), rel(dockerfile.dest), rel(output.src), rel(output.dest), rel(from));
    return { spec: rebased(spec, build.context, from), why };
  }
  return undefined;
}

/** The first copy whose destination is a folder of the workspace (a build output copied whole, not a manifest). */
async function firstFolderCopy(fs: FsLike, copies: readonly ScriptCopy[]): Promise<ScriptCopy | undefined> {
  for (const c of copies) if ((await fs.stat(c.dest))?.isDirectory) return c;
  return undefined;
}

/** The `cp SRC DEST` commands of a script (flags aside, one source; `dir/*` as dir), from the folder it is run in, following its `cd`s. */
function scriptCopies(text: string, dir: string): ScriptCopy[] {
  const out: ScriptCopy[] = [];
  let cwd = dir;
  for (const command of text.split(/\n|&&|;/)) {
    const words = commandWords(command.trim()).filter((w) => !w.startsWith('-'));
    if (words[0] === 'cd' && words[1] !== undefined && !/[$`~]/.test(words[1])) cwd = resolve(cwd, words[1]);
    if (words[0] !== 'cp' || words.length !== 3 || /[$`~]/.test(command)) continue;
    const [src, dest] = [words[1] ?? '', words[2] ?? ''].map((w) => resolve(cwd, w.replace(/\/\*$/, '')));
    if (src !== undefined && dest !== undefined && !src.includes('*')) out.push({ src, dest });
  }
  return out;
}

/** The spec with every path at or below `from` (its folder, compose files, build, bind mounts) moved to `to`. */
function rebased(spec: ServiceSpec, from: string, to: string): ServiceSpec {
  const move = (v: string): string => {
    const bind = v.startsWith('bind:') ? 'bind:' : '';
    const path = v.slice(bind.length);
    return isAtOrInside(from, path) ? bind + to + path.slice(from.length) : v;
  };
  return JSON.parse(JSON.stringify(spec), (_key, v: unknown) => (typeof v === 'string' ? move(v) : v)) as ServiceSpec;
}
