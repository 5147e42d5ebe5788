// A service whose container only rebuilds the workspace on changes: a compiler or bundler started
// in watch mode (`tsc -w`, `webpack --watch`, through a package script or `sh -c`), or a bare
// `nodemon` whose configuration (the nodemon.json the image copies into its WORKDIR) execs a build
// (`npm run build`, the package script being `tsc -b`), beside services bind-mounting the output.
// It serves nothing, so no server folder's routes are its. https://github.com/remy/nodemon#config-files
import { basename, join, posix } from 'node:path';
import { commandWords, type Stage } from '../dockerfile/parse';
import { serviceStartDockerfile } from '../dockerfile/serviceStart';
import { withStartScripts } from '../dockerfile/startScript';
import type { ServiceSpec } from '../model';
import type { FsLike } from '../ports';
import { builtStage } from './builtImage';
import { shellLineAt } from '../dockerfile/shellLine';
import { readJsonObject } from './tsconfig';
import { objectField } from './buildProject';

/** Compilers and bundlers run to build, not to serve (a dev server's `serve`/`dev` is not one). */
const BUILDER = /^(?:tsc|tsup|tsdown|esbuild|swc|babel|rollup|webpack|ncc)$/;

/**
 * A compiler or bundler started in watch mode (`tsc -w`, `tsc --build --watch`, `webpack --watch`,
 * `vite build --watch`, `rollup -c -w`): it rewrites its output on each change and serves nothing.
 * Not one that also serves or starts what it built (`webpack serve`, `esbuild --serve`, tsup's
 * `--onSuccess "node dist/index.js"`), nor Vite without `build` (its dev server). `words` start
 * with the program, a path or npx before it allowed.
 */
export function watchesBuild(words: readonly string[]): boolean {
  const at = basename(words[0] ?? '') === 'npx' ? 1 : 0;
  const program = basename(words[at] ?? '');
  const rest = words.slice(at + 1);
  if (!BUILDER.test(program) && !(program === 'vite' && rest.find((w) => !w.startsWith('-')) === 'build')) return false;
  return rest.some((w) => w === '-w' || w === '--watch' || w.startsWith('--watch=')) && !rest.some((w) => /^(?:serve|--serve(?:=.*)?|--onSuccess(?:=.*)?|--on-success(?:=.*)?)$/.test(w));
}

/** A package script run by name: `npm run build`, `yarn build`, `pnpm run build`. */
const SCRIPT_RUN = /^(?:npm|yarn|pnpm|bun)$/;

/**
 * Whether the service's container only rebuilds: its start is a compiler or bundler in watch mode
 * (`tsc -w`, `npm run watch` whose script is `webpack --watch`: watchesBuild), or a bare nodemon
 * whose copied configuration execs only a build.
 */
export async function startsBuildWatcher(fs: FsLike, spec: ServiceSpec): Promise<boolean> {
  if (!spec.build || spec.drift.source !== undefined) return false;
  const parsed = await serviceStartDockerfile(fs, spec.build, spec.config);
  if (!parsed) return false;
  const df = await withStartScripts(fs, parsed, spec.build.context, [], spec.build.target, spec.config?.environment);
  const stage = builtStage(df, spec.build.target);
  if (!stage) return false;
  const scripts = objectField(await readJsonObject(fs, join(spec.build.context, 'package.json')), 'scripts');
  const script = (name: string) => (typeof scripts[name] === 'string' ? scripts[name] : undefined);
  const started = builds(stage.start ?? '', script, 0);
  if (started?.some(watchesBuild)) return true;
  if (commandWords(stage.start ?? '').join(' ') !== 'nodemon') return false;
  const config = copiedConfig(stage, spec.build.context);
  const exec = config === undefined ? undefined : (await readJsonObject(fs, config))?.['exec'];
  return typeof exec === 'string' && builds(exec, script, 0) !== undefined;
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

/**
 * The compiler and bundler runs `line` is made of, package scripts followed (a few levels);
 * undefined when a command of it is anything else (a server, a dev server).
 */
function builds(line: string, script: (name: string) => string | undefined, depth: number): string[][] | undefined {
  const commands = line.split(/&&|\|\||;/).map((c) => commandWords(c.trim())).filter((w) => w.length > 0);
  const out: string[][] = [];
  for (const words of commands) {
    const [first, second, third] = words;
    const line = shellLineAt(words);
    if ((line >= 0 || (first !== undefined && SCRIPT_RUN.test(first))) && depth < 4) {
      const body = line >= 0 ? words.slice(line).join(' ') : script(second === 'run' ? (third ?? '') : (second ?? ''));
      const inner = body === undefined ? undefined : builds(body, script, depth + 1);
      if (!inner) return undefined;
      out.push(...inner);
      continue;
    }
    const program = first === 'npx' ? second : first;
    if (!(program !== undefined && (BUILDER.test(program) || watchesBuild(words)) && !words.some((w) => /^(?:serve|dev|--serve)$/.test(w)))) return undefined;
    out.push(words);
  }
  return out.length > 0 ? out : undefined;
}
