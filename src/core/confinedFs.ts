// The workspace's files, and only them: a check reads paths that workspace files name (an
// env_file, a tsconfig's extends, a Dockerfile's COPY source, a package's main), and a link in the
// workspace can point anywhere on the host (`.env -> ~/.aws/credentials`). Every read, stat and
// listing through this view is of a path whose real location (links resolved) is the workspace
// folder or below it; anything else reads as absent, as if the file were not there, and is said
// once through `onRefused`. Without a realpath on the port (a test's in-memory files) the view is
// the port itself: there are no links to follow.
import { isAbsolute, relative, resolve } from 'node:path';
import type { FileStat, FsLike, LogSink, TreeWalkOptions } from './ports';
import type { ScanMessage } from './scanTexts';

export function confinedFs(fs: FsLike, workspaceDir: string, onRefused?: (path: string) => void): FsLike {
  const realpath = fs.realpath?.bind(fs);
  if (!realpath) return fs;
  const root = realpath(workspaceDir).then((r) => r ?? resolve(workspaceDir));
  const verdicts = new Map<string, Promise<boolean>>();
  const refused = new Set<string>();
  const inside = (path: string): Promise<boolean> => {
    let verdict = verdicts.get(path);
    if (verdict === undefined) {
      verdict = Promise.all([root, realpath(path)]).then(([r, real]) => {
        // Absent: the port answers so itself.
        if (real === undefined) return true;
        const rel = relative(r, real);
        const ok = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
        // A folder above the workspace, as spelt, is the check's own look upward (a build context's
        // parent): refused like the rest, but not said, for no workspace file led there.
        if (!ok && !refused.has(path) && !isAncestor(resolve(path), r) && !isAncestor(resolve(path), resolve(workspaceDir))) {
          refused.add(path);
          onRefused?.(path);
        }
        return ok;
      });
      verdicts.set(path, verdict);
    }
    return verdict;
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
    async realpath(path: string): Promise<string | undefined> {
      return (await inside(path)) ? realpath(path) : undefined;
    },
    ...confinedFastPaths(fs, inside, root),
    async outside(path: string): Promise<boolean> {
      if (!(await inside(path))) return true;
      // Absent: outside when its spelling is (`context: ../..` that does not exist either).
      const rel = relative(await root, resolve(path));
      return (await realpath(path)) === undefined && (rel.startsWith('..') || isAbsolute(rel));
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

/** `dir` is `path` or a folder above it. */
function isAncestor(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}
