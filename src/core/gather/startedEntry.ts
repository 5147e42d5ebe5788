// Which source file a service's container starts. A repository of microservices builds every
// service from the same tree and starts a different file in each (`CMD ["npm", "run",
// "microservice", "--", "user/index.js"]`, compose `command: node tweet/index.js`): the service
// serves that file's routes, not every route of the tree.
import { join, posix } from 'node:path';
import type { ServiceSpec, SourceMapping } from '../model';
import type { FsLike } from '../ports';
import { commandWords, findStage, parseDockerfile } from '../dockerfile/parse';
import { readJsonObject } from '../mapping/tsconfig';
import { mapSourceFile } from '../mapping/mapFile';
import { packageScripts } from '../routes/serverApps';

/** A word naming a JavaScript or TypeScript file (`user/index.js`, `/app/dist/main.js`, `./src/worker.ts`). */
const SCRIPT_FILE = /^[\w./@-]+\.[cm]?[jt]sx?$/;
/** `npm start`, `npm run x`, `yarn x`, `pnpm run x`, `bun run x`: the package script it runs. */
const PACKAGE_RUNNER = new Set(['npm', 'yarn', 'pnpm', 'bun']);
/** How many `npm run` hops a script is followed through. */
const MAX_SCRIPT_HOPS = 3;

/**
 * The command line the container starts: compose `entrypoint` and `command` when set, else the
 * built stage's ENTRYPOINT and CMD; with the stage's WORKDIR. Undefined when no Dockerfile says.
 */
export async function startedCommand(fs: FsLike, spec: ServiceSpec): Promise<{ words: string[]; workdir: string } | undefined> {
  const build = spec.build;
  if (!build || !(await fs.stat(build.dockerfile))?.isFile) return undefined;
  const df = parseDockerfile(await fs.readFile(build.dockerfile), build.args);
  const stage = build.target !== undefined ? findStage(df.stages, build.target) : df.stages[df.stages.length - 1];
  if (!stage) return undefined;
  const { command, entrypoint } = spec.config ?? {};
  const words = command !== undefined || entrypoint !== undefined ? [...(entrypoint ?? []), ...(command ?? [])] : commandWords(stage.start ?? '');
  return words.length > 0 ? { words, workdir: spec.config?.workingDir ?? stage.workdir } : undefined;
}

/**
 * The source file (among `files`, absolute) the container's command starts: the one script word
 * of the command, or of the package.json script it runs in its working directory, whose
 * container path is the path `mapping` gives that file. Undefined when none or several match.
 */
export async function startedSourceFile(fs: FsLike, spec: ServiceSpec, mapping: SourceMapping, files: readonly string[]): Promise<string | undefined> {
  const started = await startedCommand(fs, spec);
  if (!started) return undefined;
  const words = await withPackageScript(fs, mapping, started.words, started.workdir);
  const wanted = new Set(words.filter((w) => SCRIPT_FILE.test(w)).map((w) => posix.resolve(started.workdir, w)));
  if (wanted.size === 0) return undefined;
  const hits = files.filter((f) => {
    const target = mapSourceFile(mapping, f);
    return target !== undefined && wanted.has(target);
  });
  return hits.length === 1 ? hits[0] : undefined;
}

/** The words with each `npm run x` replaced by script x of the package.json in the working directory (and the arguments after it). */
async function withPackageScript(fs: FsLike, mapping: SourceMapping, words: string[], workdir: string): Promise<string[]> {
  const runner = words.findIndex((w) => PACKAGE_RUNNER.has(posix.basename(w)));
  if (runner < 0) return words;
  const below = posix.relative(mapping.target, workdir);
  if (below.startsWith('..') || posix.isAbsolute(below)) return words;
  const pkg = await readJsonObject(fs, join(mapping.sourceRoot, ...below.split('/').filter(Boolean), 'package.json'));
  const scripts = packageScripts(pkg);
  let out = words;
  for (let hop = 0; hop < MAX_SCRIPT_HOPS; hop++) {
    const at = out.findIndex((w) => PACKAGE_RUNNER.has(posix.basename(w)));
    if (at < 0) break;
    const nameAt = out[at + 1] === 'run' || out[at + 1] === 'run-script' ? at + 2 : at + 1;
    const script = scripts[out[nameAt] ?? ''];
    if (typeof script !== 'string') break;
    out = [...out.slice(0, at), ...commandWords(script), ...out.slice(nameAt + 1).filter((w) => w !== '--')];
  }
  return out;
}
