// The TypeScript source files a compiled file may come from.
import type { FsLike } from '../ports';

/** The extensions of the TypeScript sources a compiler (tsc, swc, babel) turns into JavaScript files. */
export const TS_SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

/** Those and JavaScript's own: every extension a module of a server's source may have. */
export const CODE_SOURCE_EXTENSIONS = [...TS_SOURCE_EXTENSIONS, '.js', '.jsx', '.mjs', '.cjs'];

