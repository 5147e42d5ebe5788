// A service whose container only rebuilds the workspace on changes: a bare `nodemon` whose
// configuration (the nodemon.json the image copies into its WORKDIR) execs a build (`npm run build`,
// the package script being `tsc -b`), beside services bind-mounting the output. It serves nothing,
// so no server folder's routes are its. https://github.com/remy/nodemon#config-files
import { basename, join, posix } from 'node:path';
import { commandWords, type Stage } from '../dockerfile/parse';
import { serviceStartDockerfile } from '../dockerfile/serviceStart';
import { withStartScripts } from '../dockerfile/startScript';
import type { ServiceSpec } from '../model';
import type { FsLike } from '../ports';
import { builtStage } from './builtImage';
import { readJsonObject } from './tsconfig';
import { objectField } from './buildProject';

/** Compilers and bundlers run to build, not to serve (a dev server's `serve`/`dev` is not one). */
const BUILDER = /^(?:tsc|tsup|tsdown|esbuild|swc|babel|rollup|webpack|ncc)$/;

/** A package script run by name: `npm run build`, `yarn build`, `pnpm run build`. */
const SCRIPT_RUN = /^(?:npm|yarn|pnpm|bun)$/;

/** Whether the service's image starts a bare nodemon whose copied configuration execs only a build. */
export async function startsBuildWatcher(fs: FsLike, spec: ServiceSpec): Promise<boolean> {
  if (!spec.build || spec.drift.source !== undefined) return false;
  const parsed = await serviceStartDockerfile(fs, spec.build, spec.config);
  if (!parsed) return false;
  const df = await withStartScripts(fs, parsed, spec.build.context, [], spec.build.target, spec.config?.environment);
  const stage = builtStage(df, spec.build.target);
  if (!stage || commandWords(stage.start ?? '').join(' ') !== 'nodemon') return false;
  const config = copiedConfig(stage, spec.build.context);
  const exec = config === undefined ? undefined : (await readJsonObject(fs, config))?.['exec'];
  if (typeof exec !== 'string') return false;
  const scripts = objectField(await readJsonObject(fs, join(spec.build.context, 'package.json')), 'scripts');
  return buildsOnly(exec, (name) => (typeof scripts[name] === 'string' ? scripts[name] : undefined), 0);
}

/** The context's nodemon.json the stage copies into its WORKDIR, where nodemon reads it. */
function copiedConfig(stage: Stage, context: string): string | undefined {
  for (const copy of stage.copies) {
    if (copy.from !== undefined || copy.byRun !== undefined) continue;
    for (const src of copy.sources) {
      if (basename(src) !== 'nodemon.json') continue;
      const lands = copy.destIsDir || copy.dest === stage.workdir ? posix.join(copy.dest, 'nodemon.json') : copy.dest;
      if (lands === posix.join(stage.workdir, 'nodemon.json')) return join(context, src);
    }
  }
  return undefined;
}

/** Whether every command of `line` is a compiler or bundler run, package scripts followed (a few levels). */
function buildsOnly(line: string, script: (name: string) => string | undefined, depth: number): boolean {
  const commands = line.split(/&&|\|\||;/).map((c) => commandWords(c.trim())).filter((w) => w.length > 0);
  return commands.length > 0 && commands.every((words) => {
    const [first, second, third] = words;
    if (first !== undefined && SCRIPT_RUN.test(first) && depth < 4) {
      const body = script(second === 'run' ? (third ?? '') : (second ?? ''));
      return body !== undefined && buildsOnly(body, script, depth + 1);
    }
    const program = first === 'npx' ? second : first;
    return program !== undefined && BUILDER.test(program) && !words.some((w) => /^(?:serve|dev|--serve)$/.test(w));
  });
}
