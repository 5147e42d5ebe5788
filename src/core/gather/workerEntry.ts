// A Cloudflare Worker's started file. `wrangler deploy` (and `wrangler dev`) runs the module its
// configuration's `main` names, relative to the configuration's folder: a server of the package
// that no Dockerfile or compose service starts, beside the container the package may also build
// (a Worker in front of a media container, one package.json for both).
import { join } from 'node:path';
import type { FsLike } from '../ports';
import { parseJsonc } from '../mapping/tsconfig';

/** The configuration files wrangler reads in a folder, in the order it prefers them. */
const WRANGLER_CONFIGS = ['wrangler.json', 'wrangler.jsonc', 'wrangler.toml'];

/** `main = "src/index.ts"` of wrangler.toml's top level (before any `[table]`), quoted either way. */
const TOML_MAIN = /^[ \t]*main[ \t]*=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)')/m;
const TOML_TABLE = /^[ \t]*\[/m;

/** The `main` a wrangler configuration's text names (`name` tells its format); undefined when none or not read. */
function wranglerMain(name: string, text: string): string | undefined {
  if (name.endsWith('.toml')) {
    const table = text.search(TOML_TABLE);
    const m = TOML_MAIN.exec(table >= 0 ? text.slice(0, table) : text);
    return m ? (m[1] ?? m[2]) || undefined : undefined;
  }
  try {
    const v = parseJsonc(text) as { main?: unknown } | null;
    return v && typeof v.main === 'string' && v.main !== '' ? v.main : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The source file a Worker configured in `dir` starts (absolute), when that file is one of `files`
 * (a `main` naming a build's output, `dist/worker.js`, names no source: undefined).
 */
export async function workerEntry(fs: FsLike, dir: string, files: ReadonlySet<string>): Promise<string | undefined> {
  for (const name of WRANGLER_CONFIGS) {
    const file = join(dir, name);
    if (!(await fs.stat(file))?.isFile) continue;
    const main = wranglerMain(name, await fs.readFile(file));
    const entry = main !== undefined ? join(dir, main) : undefined;
    return entry !== undefined && files.has(entry) ? entry : undefined;
  }
  return undefined;
}
