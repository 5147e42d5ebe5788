// A stage that installs the project's own package from a tarball (`COPY *.tgz .` then `npm install
// my-server-1.2.0.tgz`, or `npm install "$t"` after `t=$(ls my-server-[0-9]*.tgz)`): the package's
// files land in node_modules/<name> of that folder (`-g`: the global one), so its build output is
// there, not where the context was copied. The tarball itself is made outside the Dockerfile (`npm
// pack` in CI): named as npm pack names the project's package, it is taken for this source packed.
// So is the package installed from the registry by its name (`npm install @acme/server`, or
// `@acme/server@latest`): its published release, whose version the files do not say.
import * as l10n from '@vscode/l10n';
import { posix, relative, sep } from 'node:path';
import type { CopyInstr, Dockerfile } from '../dockerfile/parse';
import { withRunCopies } from '../dockerfile/runCopies';
import type { BuildProject } from './buildProject';

/** npm's global prefix in the node images: `npm install -g` puts packages in its lib/node_modules. */
const GLOBAL_MODULES = '/usr/local/lib/node_modules';

const INSTALL = /^(?:npm\s+(?:install|i|add)|yarn\s+(?:global\s+)?add|pnpm\s+(?:add|install|i))\b/;

/** The tarball name npm pack gives a package (`@scope/name` -> `scope-name-<version>.tgz`), up to its version. */
const packedPrefix = (name: string): string => `${name.replace(/^@/, '').replace('/', '-')}-`;

/** A tarball word names the package when it starts with its packed name then a version, written or matched (`1.2.0`, `[0-9]*`, `*`). */
function namesPackage(word: string, prefix: string): boolean {
  const base = posix.basename(word.replace(/^(['"])(.*)\1$/, '$2'));
  return base.endsWith('.tgz') && base.startsWith(prefix) && /^(?:\d|\[0-9\]|\*)/.test(base.slice(prefix.length));
}

/** A word naming the package itself, as the registry knows it: `name`, `name@1.2.0`, `name@latest`. */
function namesRelease(word: string, name: string): boolean {
  const bare = word.replace(/^(['"])(.*)\1$/, '$2');
  return bare === name || bare.startsWith(`${name}@`);
}

/** Whether a command installs the package `name` by its name from the registry (`npm install --production @acme/server`). */
export function installsRelease(command: string, name: string): boolean {
  const text = command.trim();
  return INSTALL.test(text) && text.split(/\s+/).slice(2).some((w) => namesRelease(w, name));
}

/** A `$var` / `"${var}"` word written out from an earlier `var=$(ls pattern)` or `var=pattern` of the same RUN. */
function writtenOut(word: string, before: readonly string[]): string {
  const name = /^["']?\$\{?(\w+)\}?["']?$/.exec(word)?.[1];
  if (name === undefined) return word;
  for (const command of [...before].reverse()) {
    const m = new RegExp(`(?:^|\\s)${name}=(?:\\$\\(\\s*ls\\s+([^)]+?)\\s*\\)|(\\S+))`).exec(command);
    if (m) return (m[1] ?? m[2] ?? word).trim();
  }
  return word;
}

/** The Dockerfile with a copy of the project's folder to node_modules/<name> after each RUN installing its packed tarball. */
export function withPackedInstalls(df: Dockerfile, project: BuildProject, context: string): Dockerfile {
  const name = project.pkg?.name;
  const rel = relative(context, project.dir).split(sep).join('/');
  if (name === undefined || rel.startsWith('..')) return df;
  const prefix = packedPrefix(name);
  return withRunCopies(df, (command, _stage, before, workdir) => {
    const text = command.trim();
    if (!INSTALL.test(text)) return undefined;
    const words = text.split(/\s+/);
    const release = words.slice(2).some((w) => namesRelease(w, name));
    if (!release && !words.slice(2).some((w) => namesPackage(writtenOut(w, before), prefix))) return undefined;
    const global = words.includes('-g') || words.includes('--global') || /^yarn\s+global\b/.test(text);
    return { source: rel, dest: posix.join(global ? GLOBAL_MODULES : workdir, ...(global ? [] : ['node_modules']), name), ...(release ? { fromRegistry: true as const } : {}) };
  });
}

/** The copies withPackedInstalls recorded for the project's package: the RUNs installing its packed tarball. */
export function packedInstalls(df: Dockerfile | undefined, project: BuildProject): CopyInstr[] {
  const name = project.pkg?.name;
  if (!df || name === undefined) return [];
  return df.stages.flatMap((st) => st.copies.filter((c) => c.byRun !== undefined && INSTALL.test(c.byRun) && c.dest.endsWith(`/node_modules/${name}`)));
}

/** What a reader should know of each packed install: the tarball's content is taken, not seen. */
export function packedInstallEvidence(df: Dockerfile | undefined, project: BuildProject): string[] {
  const name = project.pkg?.name ?? '';
  return packedInstalls(df, project).map((c) =>
    installsRelease(c.byRun ?? '', name)
      ? l10n.t('the image installs package {0} from the registry by its name (line {1}: {2}) into {3}: its published release, taken for this source; which version the registry gives is not known from the files, and it may differ from this checkout', name, c.line, c.byRun ?? '', c.dest)
      : l10n.t('the image installs package {0} from a tarball named as npm pack names it (line {1}: {2}) into {3}: taken for this source packed and built; the tarball is made outside this Dockerfile, so what it holds is not known from the files', name, c.line, c.byRun ?? '', c.dest),
  );
}
