// The workspace's files, and only them: a check reads paths that workspace files name (an
// env_file, a tsconfig's extends, a Dockerfile's COPY source, a package's main), and a link in the
// workspace can point anywhere on the host (`.env -> ~/.aws/credentials`). Every read, stat and
// listing through this view is of a path whose real location (links resolved) is the workspace
// folder or below it; anything else reads as absent, as if the file were not there, and is said
// once through `onRefused`.
// The check's own searches upward (the nearest nx.json, package.json, tsconfig, lock file or .git
// from a deep folder) stop at the workspace here, in one place, whatever each search's own stop:
// a path spelt above the workspace is absent without being read, and said once when something is
// there. Without a realpath on the port (a test's in-memory files) that spelling is the whole rule:
// there are no links to follow.
import { isAbsolute, relative, resolve } from 'node:path';
import type { FileStat, FsLike, LogSink, TreeWalkOptions } from './ports';
import type { ScanMessage } from './scanTexts';
import { isAtOrInside } from './pathInside';

export function confinedFs(fs: FsLike, workspaceDir: string, onRefused?: (path: string) => void): FsLike {
  const realpath = fs.realpath?.bind(fs);
  const given = resolve(workspaceDir);
  const root = realpath ? realpath(workspaceDir).then((r) => r ?? given) : Promise.resolve(given);
  const verdicts = new Map<string, Promise<boolean>>();
  const refused = new Set<string>();
  const say = (path: string) => {
    if (refused.has(path)) return;
    refused.add(path);
    onRefused?.(path);
  };
  const verdict = async (path: string): Promise<boolean> => {
    const r = await root;
    const resolved = resolve(path);
    if (!isAtOrInside(given, resolved) && !isAtOrInside(r, resolved)) {
      // Spelt outside: absent, never read. A folder holding the workspace is the check's own look
      // upward (a build context's parent): not said, for no workspace file led there; anything else
      // the port has there is said.
      if (!isAncestor(resolved, r) && !isAncestor(resolved, given) && ((realpath ? await realpath(path) : undefined) ?? (await fs.stat(path))) !== undefined) say(path);
      return false;
    }
    const real = realpath ? await realpath(path) : undefined;
    // Absent, or no links to follow: the port answers itself.
    if (real === undefined) return true;
    const rel = relative(r, real);
    const ok = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    if (!ok) say(path);
    return ok;
  };
  const inside = (path: string): Promise<boolean> => {
    let known = verdicts.get(path);
    if (known === undefined) {
      known = verdict(path);
      verdicts.set(path, known);
    }
    return known;
  };
  return {
    ...fs,
    async readFile(path: string): Promise<string> {
      if (!(await inside(path))) throw outsideError(path);
      return fs.readFile(path);
    },
    async stat(path: string): Promise<FileStat | undefined> {
      return (await inside(path)) ? fs.stat(path) : undefined;
    },
    async readdir(path: string): Promise<string[]> {
      return (await inside(path)) ? fs.readdir(path) : [];
    },
    ...(realpath ? { realpath: async (path: string) => ((await inside(path)) ? realpath(path) : undefined) } : {}),
    ...confinedFastPaths(fs, inside, root),
    async outside(path: string): Promise<boolean> {
      if (!(await inside(path))) return true;
      // Absent: outside when its spelling is (`context: ../..` that does not exist either).
      const rel = relative(await root, resolve(path));
      return (realpath ? await realpath(path) : undefined) === undefined && (rel.startsWith('..') || isAbsolute(rel));
    },
  };
}

/**
 * The fast paths confined too: a walk never follows a link out (the boundary its own walker
 * honours, given when the caller gave none), and a batch of reads holds only paths inside.
 */
function confinedFastPaths(fs: FsLike, inside: (path: string) => Promise<boolean>, root: Promise<string>): Pick<FsLike, 'walkTree' | 'readEach'> {
  const { walkTree, readEach } = fs;
  return {
    ...(walkTree
      ? {
          walkTree: async (dir: string, opts: TreeWalkOptions) => {
            if (!(await inside(dir))) return { files: [], mtimes: new Map<string, number>(), skipped: [] };
            return walkTree.call(fs, dir, { ...opts, boundary: opts.boundary ?? (await root) });
          },
        }
      : {}),
    ...(readEach
      ? {
          readEach: async (paths: readonly string[], onText: (path: string, text: string) => void, onSkip?: (path: string, reason: ScanMessage) => void) => {
            const ok = await Promise.all(paths.map(inside));
            await readEach.call(fs, paths.filter((_, i) => ok[i]), onText, onSkip);
          },
        }
      : {}),
  };
}

/** What a refused read throws: the same code as a missing file, so every caller's "not there" path handles it. */
function outsideError(path: string): Error {
  return Object.assign(new Error(`ENOENT: ${path} is outside the workspace (a link leaving it is not followed)`), { code: 'ENOENT' });
}

/** `deps` whose files are the workspace's only (see confinedFs); a refused path is logged and told to `onRefused`, never read. */
export function withinWorkspace<D extends { fs: FsLike; log?: LogSink }>(deps: D, workspaceDir: string, onRefused?: (path: string) => void): D {
  const log = deps.log;
  return {
    ...deps,
    fs: confinedFs(deps.fs, workspaceDir, (path) => {
      log?.log('warn', `not read: ${path} leads outside the workspace; treated as absent`);
      onRefused?.(path);
    }),
  };
}

/** `path` is spelt at or below the workspace, as given or as its real location (a workspace opened through a link). */
function spelledInside(path: string, given: string, real: string): boolean {
  const resolved = resolve(path);
  return isAtOrInside(given, resolved) || isAtOrInside(real, resolved);
}

/** `dir` is `path` or a folder above it. */
function isAncestor(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}
