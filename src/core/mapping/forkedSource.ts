// A started file that is only a dev tool's server (a webpack dev server in tools/) and forks the
// app's server as a child process (`cp.fork(path.join(__dirname, '../../src/server/index'))`, in
// a module it loads, a webpack plugin run when a build is done): the app's code is the forked
// file's, not the started file's folder.
import { dirname, extname, resolve } from 'node:path';
import type { FsLike } from '../ports';
import { isAtOrInside } from '../pathInside';
import { OUTPUT_DIRS } from '../routes/serverApps';

/** `fork(`, `spawn(`: a file starting a child process. */
const CHILD_PROCESS = /\b(?:fork|spawn|spawnSync|execFile|execFileSync|execa)\s*\(/;
/** `path.join(__dirname, '../../src/server/index')`, `resolve(__dirname, '..', 'src/app.js')`: its literal parts. */
const DIRNAME_PATH = /\b(?:join|resolve)\s*\(\s*__dirname\s*((?:,\s*(['"])[^'"$]*\2\s*)+)\)/g;
const QUOTED = /(['"])([^'"$]*)\1/g;
/** `require('./x')`, `from './y'`: modules a file loads by a relative path. */
const RELATIVE_MODULE = /(?:\brequire\s*\(|\bimport\s*\(|\bfrom|^\s*import)\s*['"](\.\.?\/[^'"]+?)(?<!\.json)['"]/gm;
const SCRIPT_EXTENSIONS = ['', '.js', '.cjs', '.mjs', '.ts', '.jsx', '/index.js', '/index.ts'];
/** How many of the folder's modules are read at most. */
const MAX_FILES = 40;

/** The file a module path names, as Node (or babel-node, ts-node) resolves it; undefined when none. */
async function resolvedFile(fs: FsLike, path: string): Promise<string | undefined> {
  for (const ext of SCRIPT_EXTENSIONS) if ((await fs.stat(path + ext))?.isFile && (ext !== '' || extname(path) !== '')) return path + ext;
  return undefined;
}

/**
 * The source file of `root` outside `folder` that `file`, or a module of `folder` it loads
 * (directly or through others), starts as a child process by a path from its own folder
 * (`__dirname`). Undefined when none does.
 */
export async function forkedSourceFile(fs: FsLike, file: string, folder: string, root: string): Promise<string | undefined> {
  const seen = new Set<string>([file]);
  const todo = [file];
  for (let at = todo.shift(); at !== undefined && seen.size <= MAX_FILES; at = todo.shift()) {
    const text = await fs.readFile(at).catch(() => '');
    if (CHILD_PROCESS.test(text)) {
      for (const m of text.matchAll(DIRNAME_PATH)) {
        const parts = [...(m[1] ?? '').matchAll(QUOTED)].map((q) => q[2] ?? '');
        const forked = await resolvedFile(fs, resolve(dirname(at), ...parts));
        // A build's output (`../dist/server.js`) is no source: launchedOutput (serverApps.ts) places it.
        const built = forked !== undefined && forked.slice(root.length).split(/[\\/]/).some((d) => OUTPUT_DIRS.has(d));
        if (forked !== undefined && !built && !isAtOrInside(folder, forked) && isAtOrInside(root, forked)) return forked;
      }
    }
    for (const m of text.matchAll(RELATIVE_MODULE)) {
      const loaded = await resolvedFile(fs, resolve(dirname(at), m[1] ?? ''));
      if (loaded !== undefined && isAtOrInside(folder, loaded) && !seen.has(loaded)) {
        seen.add(loaded);
        todo.push(loaded);
      }
    }
  }
  return undefined;
}
