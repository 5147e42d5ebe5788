// Whether the image starts a file tsc writes: the package's build (a build script, or a RUN of the
// Dockerfile) runs tsc, and the started file is in the folder where the tsconfig's outDir puts the
// source root's output, or is a launcher copied as written that loads a module there (`app.js`
// requiring `./lib/main`). A bundler beside it, building a front end of the same package (`vite
// build --config widget/vite.config.ts` into public/), does not make that output a bundle.
import * as l10n from '@vscode/l10n';
import { join, posix, relative } from 'node:path';
import type { Location } from '../dockerfile/locate';
import type { FsLike } from '../ports';
import type { Emit } from './emit';
import type { TsConfigInfo } from './tsconfig';
import { isAtOrInside } from '../pathInside';
import { scriptsReached } from './scriptsReached';
import { RELATIVE_LOAD } from './loadedBeside';

/** tsc run to emit code: not a type check (`tsc --noEmit`), nor declarations only. */
const TSC_EMITS = /(?:^|[\s;&|(])tsc\b(?![^&|;]*--(?:noEmit|emitDeclarationOnly)\b)/;

export interface TscOutputInput {
  ts: TsConfigInfo | undefined;
  /**
   * The project is no server by its dependencies, and a bundler it depends on would make its output a bundle (bundler.ts
   * findBundler): only then is the image starting tsc's output worth a word (none when nothing else could be judged bundled).
   */
  noServer: boolean;
  emit: Emit | undefined;
  /** The package's scripts: those the image's build runs count (all named build* when it runs none by name). */
  scripts: Readonly<Record<string, string>>;
  /** The commands of the RUNs the built stages run. */
  runs: readonly string[];
  /** The files the image's start command runs, as image paths (builtImage.ts startedFilesOf). */
  started: readonly string[];
  /** The project's folder: a launcher is one of its files, copied as written. */
  projectDir: string;
  locate: (abs: string) => Location | undefined;
  /** For evidence: paths are shown relative to it. */
  context: string;
}

/** The started file running tsc's output, with an evidence line saying so; undefined when the image starts none. */
export async function startsTscOutput(fs: FsLike, input: TscOutputInput, evidence: string[]): Promise<string | undefined> {
  const { ts, emit, scripts, runs, started, locate, context } = input;
  // A server's bundler is read from its build scripts already: a front end's dependency does not count there.
  if (!input.noServer || !ts?.outDir || ts.noEmit === true || !emit || emit.bundledBy !== undefined || !isAtOrInside(ts.outDir.path, emit.dir)) return undefined;
  // The scripts the image's build runs by name, else (a build run by an install's prepare hook) the build* ones.
  const reached = scriptsReached(runs, scripts);
  const script = Object.entries(scripts).find(([name, body]) => (reached.size > 0 ? reached.has(name) : /^build/.test(name)) && TSC_EMITS.test(body))?.[0];
  if (script === undefined && !runs.some((r) => TSC_EMITS.test(r))) return undefined;
  const out = locate(emit.dir)?.path;
  if (out === undefined) return undefined;
  const inOut = (f: string) => f === out || f.startsWith(`${out}/`);
  const own = started.find(inOut);
  const launcher = own === undefined ? await launcherLoading(fs, input, inOut) : undefined;
  const file = own ?? launcher?.file;
  if (file === undefined) return undefined;
  const by = script === undefined ? l10n.t('a RUN of the Dockerfile') : l10n.t('its "{0}" script', script);
  const rel = relative(context, emit.dir) || '.';
  evidence.push(
    launcher
      ? l10n.t('not bundled: the image starts {0}, copied as written, which loads {1} of what tsc writes into {2} ({3} runs tsc), whatever else the build bundles', launcher.file, launcher.loads, rel, by)
      : l10n.t('not bundled: the image starts {0}, which tsc writes into {1} ({2} runs tsc), whatever else the build bundles', file, rel, by),
  );
  return file;
}

/** A started file that is a file of the project as copied (its image path found back), loading a module in tsc's output. */
async function launcherLoading(fs: FsLike, { started, projectDir, locate }: TscOutputInput, inOut: (f: string) => boolean): Promise<{ file: string; loads: string } | undefined> {
  for (const file of started) {
    const host = copiedFrom(file, projectDir, locate);
    const text = host === undefined ? undefined : await fs.readFile(host).catch(() => undefined);
    for (const m of text?.matchAll(RELATIVE_LOAD) ?? []) {
      const spec = m[1] ?? '';
      if (inOut(posix.join(posix.dirname(file), spec))) return { file, loads: spec };
    }
  }
  return undefined;
}

/** The project's file the image has at `file`: the one at the same path below the project as below a folder above `file`. */
function copiedFrom(file: string, projectDir: string, locate: (abs: string) => Location | undefined): string | undefined {
  for (let above = posix.dirname(file); ; above = posix.dirname(above)) {
    const host = join(projectDir, posix.relative(above, file));
    if (locate(host)?.path === file) return host;
    if (above === posix.dirname(above)) return undefined;
  }
}
