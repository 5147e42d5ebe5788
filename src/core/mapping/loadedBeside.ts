// Whether a folder's code is all of a server's: a launcher at a package's top loading only ./src
// (`require('./src/cli')`) runs the code of src, unless modules of src load modules of the package
// beside it in turn (`require('../../install/web')`, `require('../public/src/utils')`): then the
// server's code spans the package, and its folder is the source root, as the corpus records
// backend/ and common/ under their common folder.
import { extname, relative, resolve, sep } from 'node:path';
import type { FsLike } from '../ports';
import { isAtOrInside } from '../pathInside';
import { walkFileStats } from './walk';

/** A module loaded by a path going up from the file's folder, JSON data left out (`require('../../package.json')` is read, not run). */
const PARENT_MODULE = /(?:\brequire\s*\(|\bimport\s*\(|\bfrom|^\s*import)\s*['"](\.\.\/[^'"]+?)(?<!\.json)['"]/gm;

const TEST_FILE = /(?:\.(?:spec|test)\.[cm]?[jt]sx?$|[\\/]__tests__[\\/])/;

const CODE = new Set(['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts']);

/**
 * The first module of `folder` (its code files, walked) that loads a module of `root` outside
 * `folder`, as `file: path`, relative to `root`; undefined when none does.
 */
export async function folderLoadsBeside(fs: FsLike, folder: string, root: string, counts: (loaded: string) => Promise<boolean> = async () => true): Promise<string | undefined> {
  const { files } = await walkFileStats(fs, folder);
  for (const file of files) {
    // A test beside the code (`x.spec.js` loading `../test/fixture`) is not the server's code.
    if (!CODE.has(extname(file)) || TEST_FILE.test(file)) continue;
    const text = await fs.readFile(file).catch(() => '');
    if (!text.includes('../')) continue;
    for (const m of text.matchAll(PARENT_MODULE)) {
      const loaded = resolve(file, '..', m[1] ?? '');
      if (!isAtOrInside(folder, loaded) && isAtOrInside(root, loaded) && (await counts(loaded))) return `${relative(root, file).split(sep).join('/')}: ${m[1] ?? ''}`;
    }
  }
  return undefined;
}

/**
 * `require('./../dist/cli')`, `from '../lib/x'`, `import('./y')`: the relative modules a file loads
 * (data too), as a launcher or a started file names them (sourceRoot.ts, startsTscOutput.ts).
 */
export const RELATIVE_LOAD = /(?:\brequire\s*\(|\bimport\s*\(|\bfrom)\s*['"](\.\.?\/[^'"]+)['"]/g;

/** A folder loaded as a package (`require('..')`, `import x from '../..'`): node loads its package.json main. */
const PACKAGE_FOLDER_LOAD = /(?:\brequire\s*\(|\bimport\s*\(|\bfrom)\s*['"](\.\.?(?:\/\.\.)*)\/?['"]/g;

/** The file node loads for a folder: its package.json's main, else its index.js. */
async function packageEntry(fs: FsLike, dir: string): Promise<string> {
  const text = await fs.readFile(resolve(dir, 'package.json')).catch(() => undefined);
  let main: unknown;
  try {
    main = text === undefined ? undefined : (JSON.parse(text) as { main?: unknown }).main;
  } catch {
    main = undefined;
  }
  return resolve(dir, typeof main === 'string' && main !== '' ? main : 'index.js');
}

/** Every module a file loads by a relative path (`./x`, `../y`), JSON data left out. */
const RELATIVE_MODULE = /(?:\brequire\s*\(|\bimport\s*\(|\bfrom|^\s*import)\s*['"](\.\.?\/[^'"]+?)(?<!\.json)['"]/gm;

/**
 * A launcher in a folder of its own (`bin/cli.js` loading `../server/start.js`): the modules of
 * `root` it loads, absolute, when it loads at least one and none inside `folder`; undefined
 * otherwise (a server file that loads its own folder's modules, and maybe a shared one beside it
 * too, is the server's code itself).
 */
export async function launcherLoadsOutside(fs: FsLike, file: string, folder: string, root: string): Promise<string[] | undefined> {
  const text = await fs.readFile(file).catch(() => '');
  const loaded = [...text.matchAll(RELATIVE_MODULE)].map((m) => resolve(file, '..', m[1] ?? ''));
  for (const m of text.matchAll(PACKAGE_FOLDER_LOAD)) loaded.push(await packageEntry(fs, resolve(file, '..', m[1] ?? '.')));
  return loaded.length === 0 || loaded.some((l) => isAtOrInside(folder, l) || !isAtOrInside(root, l)) ? undefined : loaded;
}
