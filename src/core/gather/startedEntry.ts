// Which source file a service's container starts. A repository of microservices builds every
// service from the same tree and starts a different file in each (`CMD ["npm", "run",
// "microservice", "--", "user/index.js"]`, compose `command: node tweet/index.js`): the service
// serves that file's routes, not every route of the tree.
import { join, posix } from 'node:path';
import type { ServiceSpec, SourceMapping } from '../model';
import type { FsLike } from '../ports';
import { commandWords } from '../dockerfile/parse';
import { readJsonObject } from '../mapping/tsconfig';
import { mapSourceFile } from '../mapping/mapFile';
import { denoTasks } from '../mapping/denoTasks';
import { VALUE_FLAG } from '../mapping/startedSource';
import { followScripts, packageScripts } from '../routes/serverApps';
import { isAtOrInside } from '../pathInside';

/** A word naming a JavaScript or TypeScript file (`user/index.js`, `/app/dist/main.js`, `./src/worker.ts`). */
const SCRIPT_FILE = /^[\w./@-]+\.[cm]?[jt]sx?$/;
/** How many `npm run` hops a script is followed through. */
const MAX_SCRIPT_HOPS = 3;

/**
 * The command line the container starts: compose `entrypoint` and `command` when set, else the
 * built stage's ENTRYPOINT and CMD (as the mapping read them from the Dockerfile); with the
 * stage's WORKDIR. Undefined when no Dockerfile says.
 */
function startedCommand(spec: ServiceSpec, mapping: SourceMapping): { words: string[]; workdir: string } | undefined {
  const stage = mapping.started;
  if (!stage) return undefined;
  const { command, entrypoint } = spec.config ?? {};
  const words = command !== undefined || entrypoint !== undefined ? [...(entrypoint ?? []), ...(command ?? [])] : commandWords(stage.command);
  let workdir = spec.config?.workingDir ?? stage.workdir;
  // `cd server && node index.js` (a start script's folder): the files are named from there.
  while (words[0] === 'cd' && words[1] !== undefined && words[2] === '&&') {
    workdir = posix.resolve(workdir, words[1]);
    words.splice(0, 3);
  }
  return words.length > 0 ? { words, workdir } : undefined;
}

/**
 * The files a service's container starts, among the files declaring routes; for a worker of another
 * service's image (ServiceSpec.ownStart), whose file may declare none, among all of the tree's.
 * Several when its command starts several programs (`node server/index.js & node collector/index.js`).
 */
export async function serviceEntry(fs: FsLike, spec: ServiceSpec, mapping: SourceMapping, scanned: { files: readonly string[]; extracted: readonly { file: string }[] }): Promise<string[] | undefined> {
  const declaring = await startedSourceFiles(fs, spec, mapping, scanned.extracted.map((e) => e.file));
  const found = declaring.length > 0 || !spec.ownStart ? declaring : await startedSourceFiles(fs, spec, mapping, scanned.files);
  return found.length > 0 ? found : undefined;
}

/**
 * The source files (among `files`, absolute) the container's command starts: the script words of
 * the command, or of the package.json script it runs in its working directory, each the container
 * path `mapping` gives one of them (a command starting two programs, `node a.js & node b.js`, names
 * two). None when no word names one, or when one names several files (which one runs is not known).
 */
export async function startedSourceFiles(fs: FsLike, spec: ServiceSpec, mapping: SourceMapping, files: readonly string[]): Promise<string[]> {
  const started = startedCommand(spec, mapping);
  if (!started) return [];
  const words = withNestedCommands(await withPackageScript(fs, spec, mapping, started.words, started.workdir));
  const wanted = new Set(words.filter((w, i) => SCRIPT_FILE.test(w) && !VALUE_FLAG.test(words[i - 1] ?? '')).map((w) => posix.resolve(started.workdir, w)));
  if (wanted.size === 0) return [];
  // Mapped only where the name may match (`main.ts` for `dist/main.js`): `files` is the whole tree.
  const stem = (f: string) => posix.basename(f).replace(/\.[^.]*$/, '');
  const stems = new Set([...wanted].map(stem));
  const byTarget = new Map<string, string[]>();
  for (const f of files) {
    if (!stems.has(stem(f.replace(/\\/g, '/')))) continue;
    const target = mapSourceFile(mapping, f);
    if (target !== undefined && wanted.has(target)) byTarget.set(target, [...(byTarget.get(target) ?? []), f]);
  }
  const hits = [...byTarget.values()];
  return hits.length > 0 && hits.every((h) => h.length === 1) ? hits.map((h) => h[0] as string) : [];
}

/**
 * The words, each holding a whole command line (one quoted argument with spaces: `tsc-watch
 * --onSuccess "node dist/index.js"`, `concurrently "node server.js" "vite"`) followed by that
 * command's own words: the program that watches or spawns runs the file that command names.
 */
function withNestedCommands(words: readonly string[]): string[] {
  return words.flatMap((w) => (/\s/.test(w.trim()) ? [w, ...commandWords(w)] : [w]));
}

/**
 * The words with the `npm run x` (or `deno task x`) they hold replaced by script x of the package.json (or deno.json) in the working
 * directory (and the arguments after it). That folder is found below the mapping's target, or above
 * it through the local build output the target stands for (`WORKDIR /app` holding package.json,
 * with the compiled src at /app/dist), within the build context.
 */
async function withPackageScript(fs: FsLike, spec: ServiceSpec, mapping: SourceMapping, words: string[], workdir: string): Promise<string[]> {
  const below = posix.relative(mapping.target, workdir);
  if (posix.isAbsolute(below)) return words;
  const host = below.startsWith('..') ? hostAbove(spec, mapping, below) : join(mapping.sourceRoot, ...below.split('/').filter(Boolean));
  if (host === undefined) return words;
  const pkg = await readJsonObject(fs, join(host, 'package.json'));
  // `deno task dev` runs a task of the folder's deno.json (Deno 2 runs package.json scripts too).
  return followScripts(words, { ...(await denoTasks(fs, host)), ...packageScripts(pkg) }, { hops: MAX_SCRIPT_HOPS });
}

/**
 * The host folder `below` (`..`, `../..`) names from the local folder the target stands for (the
 * build output; the source root itself when the image holds the source as copied: `COPY src ./src`
 * with WORKDIR /app holding package.json), when inside the build context.
 */
function hostAbove(spec: ServiceSpec, mapping: SourceMapping, below: string): string | undefined {
  const context = spec.build?.context;
  const local = mapping.buildOutDir ?? (asCopied(mapping) ? mapping.sourceRoot : undefined);
  if (local === undefined || context === undefined) return undefined;
  const host = join(local, ...below.split('/'));
  return isAtOrInside(context, host) ? host : undefined;
}

/** The image holds the source root as copied: no build output, no renamed file, no bundle. */
function asCopied(mapping: SourceMapping): boolean {
  return mapping.buildOutDir === undefined && !mapping.bundled && Object.keys(mapping.rewrites).length === 0;
}
