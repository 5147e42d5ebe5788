// RUN commands that copy files around inside a stage, recorded as copies of that stage so that
// locating a context path follows them: `pnpm deploy` (a package out of the workspace) and
// `turbo prune` (the pruned workspace into out/). Each is a CopyInstr with `byRun` set, whose one
// source is context-relative: where the context put that folder before this point.
import { posix } from 'node:path';
import { copiesFromContext, findStage, type CopyInstr, type Dockerfile, type Stage } from './parse';
import { contextRoot, SCRIPT_FILE } from './locate';
import { isAtOrInside } from '../pathInside';

/** What one command of a RUN copies: a context-relative folder ('' for the whole context) to an absolute folder. */
export type RunCopy = { source: string; dest: string; fromRegistry?: true; from?: string };

/** The Dockerfile with a copy after each RUN command `copyOf` answers for (one or several), in that RUN's place. */
export function withRunCopies(df: Dockerfile, copyOf: (command: string, stage: Stage, before: readonly string[], workdir: string) => RunCopy | readonly RunCopy[] | undefined): Dockerfile {
  const stages = df.stages.map((stage) => {
    const copies = [...stage.copies];
    const runs = stage.runs.map((r) => ({ ...r }));
    for (const run of runs) {
      const commands = run.command.split(/&&|\|\||[;\n]/);
      // The RUN's copies in the order its commands make them, after the copies before it.
      let at = run.afterCopy + 1;
      for (const [i, command] of commands.entries()) {
        for (const found of [copyOf(withoutRedirections(command), stage, commands.slice(0, i), run.workdir ?? stage.workdir) ?? []].flat()) {
          // A script copied alone lands at its own path (scriptIntoFolder): the destination is that file, not a folder.
          const copy: CopyInstr = { instruction: 'COPY', sources: [found.source], dest: found.dest, destIsDir: !SCRIPT_FILE.test(found.dest), line: run.line, byRun: command.trim(), ...(found.fromRegistry ? { fromRegistry: true as const } : {}), ...(found.from !== undefined ? { from: found.from } : {}) };
          copies.splice(at, 0, copy);
          for (const r of runs) if (r.afterCopy >= at) r.afterCopy += 1;
          at += 1;
        }
      }
    }
    return { ...stage, copies, runs };
  });
  return { ...df, stages };
}

/**
 * The command without its shell redirections (`2>/dev/null`, `> log.txt`, `2>&1`, `< in`): they
 * name no argument of the program, so `cp -r public dist/ 2>/dev/null` copies into dist/, not into
 * a folder named `2>/dev/null`. https://www.gnu.org/software/bash/manual/html_node/Redirections.html
 */
function withoutRedirections(command: string): string {
  return command.replace(/(^|\s)(?:\d+|&)?(?:>>?|<)(?:&\d+|\s*[^\s&|;<>]+)/g, '$1');
}

/**
 * `turbo prune <pkg> [--docker] [--out-dir <dir>]` writes the pruned workspace, laid out as the
 * workspace is, to out/ (with --docker: the sources to out/full, the manifests to out/json):
 * https://turborepo.com/docs/reference/prune. Where out/ is, is read from the later stages'
 * `COPY --from=<this stage> /repo/out/full/ .` when they name it (the stage's WORKDIR may come
 * from a base image we cannot see), else from the stage's WORKDIR.
 */
export function withTurboPrunes(df: Dockerfile): Dockerfile {
  return withRunCopies(df, (command, stage) => {
    if (!/\bturbo\b.*\sprune\b/.test(command)) return undefined;
    const out = /--out-dir(?:=|\s+)(\S+)/.exec(command)?.[1] ?? 'out';
    const tail = posix.join(posix.normalize(out).replace(/^\.\//, ''), /--docker\b/.test(command) ? 'full' : '');
    const named = laterSourcesFrom(df, stage)
      .map((src) => posix.resolve('/', src).replace(/\/+$/, ''))
      .find((src) => src.endsWith(`/${tail}`));
    return { source: '', dest: named ?? posix.resolve(stage.workdir, tail) };
  });
}

/** The source paths later stages `COPY --from=` this stage. */
function laterSourcesFrom(df: Dockerfile, stage: Stage): string[] {
  return df.stages
    .filter((s) => s.index > stage.index)
    .flatMap((s) => s.copies.filter((c) => c.from !== undefined && findStage(df.stages, c.from) === stage).flatMap((c) => c.sources));
}

/**
 * `mv build/* /usr/src/app/`, `cp -r dist/. /app/`: the contents of a folder of the context (or of
 * the build output made in it) moved into another folder of the stage, resolved against the
 * stage's WORKDIR and the place the stage copied the context to. With several sources the
 * destination is a folder and each lands in it by name: `cp -r dist LICENSE build` -> build/dist.
 */
export function withRunMoves(df: Dockerfile): Dockerfile {
  return withRunCopies(df, (command, stage, before, workdir) => {
    // The RUN works in the WORKDIR set before it, not the stage's last one, moved by its own `cd`s before this command.
    const cwd = shellCwd(before, workdir);
    const here = cwd === stage.workdir ? stage : { ...stage, workdir: cwd };
    const words = /^\s*(?:mv|cp)\s+(.*)$/.exec(command)?.[1]?.split(/\s+/).filter((w) => w !== '' && !w.startsWith('-')).flatMap(expandBraces);
    const dest = words?.pop();
    const root = contextRoot(stage.copies.filter(copiesFromContext));
    if (!words || dest === undefined || /[*?$]/.test(dest)) return undefined;
    const staged = movedFromStage(words, dest, here, before, root);
    if (staged || root === undefined) return staged;
    if (/^\s*cp\s(?:.*\s)?--parents\b/.test(command)) return withParents(words, dest, here, root);
    const renamed = renameOf(command, words, dest, here, root, before) ?? intoFolder(words, dest, here, root, before) ?? scriptIntoFolder(command, words, dest, here, root, before);
    if (renamed) return renamed;
    // Every folder of several sources lands in the destination: `cp -r bin/ dist/ node_modules/ LICENSE /app/` moves dist too.
    return words.flatMap((w) => {
      const contents = /^(.+?)\/(?:\*|\.)$/.exec(w)?.[1];
      const folder = contents ?? (words.length > 1 && !/\.[a-z]+$/i.test(w) ? w.replace(/\/+$/, '') : undefined);
      if (folder === undefined || /[*?$]/.test(folder)) return [];
      const rel = posix.relative(root, posix.resolve(here.workdir, folder));
      if (rel === '' || rel.startsWith('..')) return [];
      return [{ source: rel, dest: posix.resolve(here.workdir, dest, contents === undefined ? posix.basename(folder) : '') }];
    });
  });
}

/**
 * `mv /opt/app/dist/backend/src /opt/app/`: one folder of what a `COPY --from=<stage>` of the stage put
 * there (`COPY --from=build /build/dist /opt/app/dist`) moved or copied elsewhere in it: a copy of that
 * stage's folder to the new place (/build/dist/backend/src to /opt/app/src), read as the COPY would be.
 * Not for a folder inside where the stage copied the context (`root`): withRunMoves reads those.
 */
function movedFromStage(words: string[], dest: string, stage: Stage, before: readonly string[], root: string | undefined): RunCopy | undefined {
  const [source] = words;
  if (words.length !== 1 || source === undefined || /[*?$]/.test(source) || SCRIPT_FILE.test(source)) return undefined;
  const abs = posix.resolve(stage.workdir, source.replace(/\/+$/, ''));
  if (root !== undefined && isAtOrInside(root, abs, '/')) return undefined;
  const copy = [...stage.copies].reverse().find((c) => c.from !== undefined && c.byRun === undefined && c.sources.length === 1 && isAtOrInside(c.dest, abs, '/'));
  const [from] = copy?.sources ?? [];
  if (!copy?.from || from === undefined || /[*?$]/.test(from) || abs === copy.dest) return undefined;
  const into = posix.resolve(stage.workdir, dest);
  const lands = namesFolder(dest) && mayExist(into, stage, root ?? '/nonexistent', before) ? posix.join(into, posix.basename(abs)) : into;
  return { source: posix.join(posix.resolve('/', from), posix.relative(copy.dest, abs)), dest: lands, from: copy.from };
}

/**
 * `cp -r --parents ./backend/dist ./shared/dist /trimmed`: each source keeps the path it is written
 * with below the destination (/trimmed/backend/dist). Only sources inside where the stage put the context.
 * https://www.gnu.org/software/coreutils/manual/html_node/cp-invocation.html#index-_002d_002dparents
 */
function withParents(words: string[], dest: string, stage: Stage, root: string): RunCopy[] {
  const into = posix.resolve(stage.workdir, dest);
  return words.flatMap((w) => {
    if (/[*?$]/.test(w)) return [];
    const source = posix.relative(root, posix.resolve(stage.workdir, w));
    if (source === '' || source.startsWith('..')) return [];
    return [{ source, dest: posix.join(into, posix.isAbsolute(w) ? w : posix.normalize(w)) }];
  });
}

/**
 * A shell word's brace expansion, as bash does it (a Dockerfile with `SHELL ["/bin/bash", "-c"]`;
 * sh leaves the braces, and a command written with them would fail there): `./{a,b}/{dist,x}` ->
 * ./a/dist ./a/x ./b/dist ./b/x. Groups without a comma stay as written.
 */
function expandBraces(word: string): string[] {
  const m = /\{([^{}]*,[^{}]*)\}/.exec(word);
  if (!m) return [word];
  const before = word.slice(0, m.index);
  const after = word.slice(m.index + m[0].length);
  return (m[1] ?? '').split(',').flatMap((alt) => expandBraces(before + alt + after));
}

/**
 * `mv apps/community/dist dist`, `cp ./apps/api/server ./server`: one folder (or file) moved or
 * copied to a path of its own name, up the tree. Into an existing folder of that name it would
 * land at dist/dist, which no build means: it is renamed.
 */
function renameOf(command: string, words: string[], dest: string, stage: Stage, root: string, before: readonly string[]): RunCopy | undefined {
  const [source] = words;
  if (words.length !== 1 || source === undefined || !/^\s*(?:mv|cp)\s/.test(command) || dest.endsWith('/') || /[*?$]/.test(source)) return undefined;
  const folder = source.replace(/\/+$/, '');
  // `rm -rf package` then `mv dist package`: the destination is surely gone, so the folder takes its name.
  const cleared = before.some((c) => removes(c, dest));
  if ((posix.basename(folder) !== posix.basename(dest) && !cleared) || posix.resolve(stage.workdir, folder) === posix.resolve(stage.workdir, dest)) return undefined;
  const rel = posix.relative(root, posix.resolve(stage.workdir, folder));
  return rel === '' || rel.startsWith('..') ? undefined : { source: rel, dest: posix.resolve(stage.workdir, dest) };
}

/** Whether a command removes `path` recursively (`rm -rf package`, `rm -r -f ./package/`). */
function removes(command: string, path: string): boolean {
  const words = /^\s*rm\s+(.*)$/.exec(command)?.[1]?.split(/\s+/).filter((w) => w !== '');
  if (!words?.some((w) => /^-[a-zA-Z]*r/i.test(w))) return false;
  const norm = (p: string) => posix.normalize(p).replace(/\/+$/, '');
  return words.some((w) => !w.startsWith('-') && norm(w) === norm(path));
}

/** A destination written as a folder: a trailing slash, or the current one (`cp -R /source/api .`: the WORKDIR, which always exists). */
function namesFolder(dest: string): boolean {
  return dest.endsWith('/') || dest === '.';
}

/**
 * `mv /repo/dist/ /out/`, `cp -R /source/api .`: one folder moved or copied into a folder written as one (a trailing
 * slash), where it lands by its name (/out/dist). Into a folder nothing before made (`mv lib/ /mjolnir/` in a
 * stage that never names /mjolnir), mv and cp -r make the destination the folder itself: it is renamed.
 */
function intoFolder(words: string[], dest: string, stage: Stage, root: string, before: readonly string[]): RunCopy | undefined {
  const [source] = words;
  if (words.length !== 1 || source === undefined || !namesFolder(dest) || /\.[a-z]+$/i.test(source) || /[*?$]/.test(source)) return undefined;
  const folder = source.replace(/\/+$/, '');
  const rel = posix.relative(root, posix.resolve(stage.workdir, folder));
  if (rel === '' || rel.startsWith('..')) return undefined;
  const into = posix.resolve(stage.workdir, dest);
  return { source: rel, dest: mayExist(into, stage, root, before) ? posix.join(into, posix.basename(folder)) : into };
}

/** Folders every Linux base image has (the Filesystem Hierarchy Standard's), whatever the image. */
const BASE_FOLDERS = new Set(['/', '/bin', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/local/lib', '/usr/share', '/usr/src', '/var', '/var/lib', '/var/www']);

/**
 * Whether a folder may exist when a RUN of the stage writes into it: a base image's folder, a
 * WORKDIR, a copy's destination or a folder a `mkdir` of the stage makes (or one above them),
 * anything inside the context's copy, or any folder of a stage built FROM another stage or an
 * image whose folders we cannot see (one not FROM a registry base). False only when none names it.
 */
function mayExist(folder: string, stage: Stage, root: string, before: readonly string[]): boolean {
  if (stage.baseStage !== undefined || BASE_FOLDERS.has(folder) || isAtOrInside(root, folder, '/')) return true;
  const named = [stage.workdir, ...stage.runs.map((r) => r.workdir ?? stage.workdir), ...stage.copies.map((c) => c.dest), ...madeFolders(before, stage.workdir), ...stage.runs.flatMap((r) => madeFolders(r.command.split(/&&|\|\||[;\n]/), r.workdir ?? stage.workdir))];
  return named.some((p) => isAtOrInside(folder, p, '/'));
}

/**
 * `mv /src/api/production/app.js /src/out/api`, `cp /source/server.js .`: one script file (a bundle)
 * moved or copied into a folder an earlier command of the RUN made (`mkdir -p out/api`, resolved
 * where the RUN's `cd`s left it) or written as one (namesFolder). Recorded as the file moved to its path there, as
 * a renamed file is (`mv dist/app.js api/app.js`).
 */
function scriptIntoFolder(command: string, words: string[], dest: string, stage: Stage, root: string, before: readonly string[]): RunCopy | undefined {
  const [source] = words;
  if (words.length !== 1 || source === undefined || !/^\s*(?:mv|cp)\s/.test(command) || !SCRIPT_FILE.test(source) || /[*?$]/.test(source)) return undefined;
  const into = posix.resolve(stage.workdir, dest);
  if (!namesFolder(dest) && !madeFolders(before, stage.workdir).includes(into)) return undefined;
  const rel = posix.relative(root, posix.resolve(stage.workdir, source));
  return rel === '' || rel.startsWith('..') ? undefined : { source: rel, dest: posix.join(into, posix.basename(source)) };
}

/** Where the `cd`s of `commands` leave the shell that started in `workdir` (a `cd` to a path it cannot read stops the reading there). */
function shellCwd(commands: readonly string[], workdir: string): string {
  let cwd = workdir;
  for (const command of commands) {
    const words = command.trim().split(/\s+/);
    if (words[0] !== 'cd') continue;
    if (words[1] === undefined || /[$`*?~-]/.test(words[1])) return cwd;
    cwd = posix.resolve(cwd, words[1]);
  }
  return cwd;
}

/** The folders `mkdir` commands make (absolute), each resolved where the `cd`s before it left the shell, from `workdir`. */
function madeFolders(commands: readonly string[], workdir: string): string[] {
  let cwd = workdir;
  const made: string[] = [];
  for (const command of commands) {
    const words = command.trim().split(/\s+/);
    if (words[0] === 'cd' && words[1] !== undefined && !/[$`*?~-]/.test(words[1])) cwd = posix.resolve(cwd, words[1]);
    if (words[0] === 'mkdir') made.push(...words.slice(1).filter((w) => !w.startsWith('-') && !/[$`*?{]/.test(w)).map((w) => posix.resolve(cwd, w)));
  }
  return made;
}

/**
 * A command that only runs one script of the package, by name (group 2): `pnpm build`, `npm run
 * bundle`; the words after a `--` (group 3) are handed to the script (packageScriptCall).
 */
const RUNS_SCRIPT = /^(\s*)(?:pnpm|yarn|npm\s+run|pnpm\s+run|yarn\s+run|bun\s+run|deno\s+task)\s+([\w:.-]+)(?:\s+--\s+([^&|;\n]*?))?\s*$/;

/**
 * What a command running one package script by name runs: the script's body, with the words
 * after the command's `--` put at its end (`npm run build:bundle -- --compile --outfile=x`: the
 * manager appends them to the script's command line, so its last command gets them; npm, pnpm,
 * yarn and bun alike). Undefined when the command runs no script of `scripts`.
 */
export function packageScriptCall(part: string, scripts: Readonly<Record<string, string>>): string | undefined {
  const m = RUNS_SCRIPT.exec(part);
  const name = m?.[2];
  const body = name !== undefined && Object.hasOwn(scripts, name) ? scripts[name] : undefined;
  const args = m?.[3]?.trim();
  return body === undefined ? undefined : args ? `${body} ${args}` : body;
}

/**
 * RUN lines that run a script of the context's root package.json (`pnpm local:package`, `npm run
 * build`), in a stage whose WORKDIR is where it copied the context: the script's own commands in
 * their place (scripts of scripts too, a few levels down), so the copies they make are followed.
 * `dir` (context-relative) takes another package's scripts instead: the RUNs working in that
 * package's folder as the stage copied it (`WORKDIR /app/apps/api` then `RUN pnpm build:bundle`).
 */
export function withRootScripts(df: Dockerfile, scripts: Readonly<Record<string, string>>, dir = '', name?: string): Dockerfile {
  const expand = (command: string, depth: number): string =>
    command
      .split(/(&&|\|\||;|\n)/)
      .map((part) => {
        const body = packageScriptCall(part, scripts);
        return body !== undefined && depth < 3 ? ` ${expand(body, depth + 1)} ` : part;
      })
      .join('');
  // From the context root, a run selecting the package (`pnpm --filter @x/api run build:node`): the script in its folder.
  const back = dir.split('/').map(() => '..').join('/');
  const selected = (command: string): string =>
    command
      .split(/(&&|\|\||;|\n)/)
      .map((part) => {
        const script = name !== undefined ? selectedScript(part, name, dir) : undefined;
        const body = script !== undefined && Object.hasOwn(scripts, script) ? scripts[script] : undefined;
        return body !== undefined ? ` cd ${dir} && ${expand(body, 1)} && cd ${back} ` : part;
      })
      .join('');
  const stages = df.stages.map((stage) => {
    const root = contextRoot(stage.copies.filter(copiesFromContext));
    if (root === undefined) return stage;
    const atRoot = (r: Stage['runs'][number]) => posix.resolve(r.workdir ?? stage.workdir) === posix.resolve(root);
    if (dir === '') return posix.resolve(root) !== posix.resolve(stage.workdir) ? stage : { ...stage, runs: stage.runs.map((r) => ({ ...r, command: expand(r.command, 0) })) };
    const at = posix.resolve(root, dir);
    return { ...stage, runs: stage.runs.map((r) => (posix.resolve(r.workdir ?? stage.workdir) === at ? { ...r, command: expand(r.command, 0) } : atRoot(r) ? { ...r, command: selected(r.command) } : r)) };
  });
  return { ...df, stages };
}

/**
 * A start command run from the workspace root that selects the package `name` (folder `dir`,
 * context-relative) to run one of its `scripts` (`pnpm --filter api start`, `pnpm start -F api`,
 * `npm start -w api`, `yarn workspace api start`, `turbo start --filter api`): the package manager
 * runs the script in the package's folder, so the files it names are that folder's. The start is
 * written as `cd <dir> && <script>` (back to the WORKDIR after it when more follows). A stage whose
 * WORKDIR is already the package's folder is left as it is.
 */
export function withSelectedStart(df: Dockerfile, scripts: Readonly<Record<string, string>>, dir: string, name: string | undefined): Dockerfile {
  if (dir === '' || name === undefined) return df;
  const back = dir.split('/').map(() => '..').join('/');
  const rewrite = (start: string): string => {
    const parts = start.split(/(&&|\|\||;|\n)/);
    const last = parts.length - 1;
    return parts
      .map((part, i) => {
        const script = selectedScript(part, name, dir);
        const body = script !== undefined && Object.hasOwn(scripts, script) ? scripts[script] : undefined;
        if (body === undefined) return part;
        return i === last ? ` cd ${dir} && ${body}` : ` cd ${dir} && ${body} && cd ${back} `;
      })
      .join('')
      .trim();
  };
  const stages = df.stages.map((stage) => {
    if (stage.start === undefined || posix.resolve(stage.workdir).endsWith(`/${dir}`)) return stage;
    const start = rewrite(stage.start);
    return start === stage.start.trim() ? stage : { ...stage, start };
  });
  return { ...df, stages };
}

/** pnpm/turbo selector syntax around a name: `{./apps/api}`, `api...` (with dependencies), `...^api`. */
export function bareSelector(name: string): string {
  return name.replace(/^\.\.\.\^?|\^?\.\.\.$/g, '').replace(/^\{(.*)\}$/, '$1');
}

/**
 * The one task `turbo run <task>` (`turbo <task>`) runs, when it runs in the package named by one of
 * `names`: turbo runs a task's script in every workspace package that has it, or in those its
 * `--filter` / `-F` selects. https://turborepo.com/docs/reference/run
 */
export function turboTask(words: readonly string[], names: ReadonlySet<string>): string | undefined {
  let filtered = false;
  let picked = false;
  const tasks: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const inline = /^--filter=(.+)$/.exec(w);
    const named = inline ? inline[1] : w === '--filter' || w === '-F' ? words[++i] : undefined;
    if (named !== undefined || inline) {
      filtered = true;
      picked ||= names.has(bareSelector((named ?? '').replace(/^(['"])(.*)\1$/, '$2')));
    } else if (!w.startsWith('-') && w !== 'run') tasks.push(w);
  }
  return (!filtered || picked) && tasks.length === 1 ? tasks[0] : undefined;
}

/**
 * The script a command runs in the package named `name` (folder `dir`) of a workspace, selected by
 * a filter: `pnpm --filter @x/api run build`, `pnpm -F ./apps/api build`, `npm run build -w @x/api`,
 * `yarn workspace @x/api build`.
 */
function selectedScript(part: string, name: string, dir: string): string | undefined {
  const words = part.trim().split(/\s+/);
  const tool = words[0] ?? '';
  const names = new Set([name, dir, `./${dir}`]);
  if (tool === 'yarn' && words[1] === 'workspace') {
    const rest = words.slice(3).filter((w) => w !== 'run');
    return names.has(words[2] ?? '') && rest.length === 1 ? rest[0] : undefined;
  }
  const turbo = words.indexOf('turbo');
  if (turbo === 0 || (turbo === 1 && /^(?:npx|pnpx|bunx|pnpm|yarn)$/.test(tool))) return turboTask(words.slice(turbo + 1), names);
  if (!/^(?:pnpm|npm)$/.test(tool)) return undefined;
  let picked = false;
  const args: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? '';
    const inline = /^(?:--filter|--workspace)=(.+)$/.exec(w);
    if (inline) picked ||= names.has(inline[1] ?? '');
    else if (/^(?:--filter|-F|-w|--workspace)$/.test(w)) picked ||= names.has(words[++i] ?? '');
    else if (w.startsWith('-')) return undefined;
    else if (w !== 'run') args.push(w);
  }
  return picked && args.length === 1 ? args[0] : undefined;
}
