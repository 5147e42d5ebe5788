// Compiled output committed beside its sources: `apps/api/build/routes/router.js` next to
// `apps/api/src/routes/router.ts` (a tsc outDir checked in, or shipped for a Dockerfile that copies
// it). Such a file declares the same routes again, as JavaScript the scan reads less well (its
// imports `__importStar`-wrapped): the scan keeps the source and leaves the compiled copy out.

/** Folders a TypeScript build writes its output to. */
const OUTPUT_FOLDERS = new Set(['dist', 'build', 'out', 'lib']);
const COMPILED = /\.[cm]?js$/;
/** An output folder named for the folder it compiles: `dist-lib`, `dist_server`. */
const NAMED_OUTPUT = /^dist[-_]([\w.-]+)$/;
const SOURCE_EXTS = ['.ts', '.tsx', '.mts', '.cts'];

/**
 * The source files a compiled file may come from: for `a/build/x/y.js`, `a/src/x/y.ts` and `a/x/y.ts`
 * (a tsconfig rootDir of `src` or of the package itself), each TypeScript extension; for
 * `a/dist-lib/x/y.js`, `a/lib/x/y.ts` (each extension) and `a/lib/x/y.js`.
 */
function sourcesOf(key: string): string[] {
  if (!COMPILED.test(key)) return [];
  const parts = key.split('/');
  const out: string[] = [];
  for (let i = parts.length - 2; i >= 0; i--) {
    const above = parts.slice(0, i);
    const file = parts.slice(i + 1).join('/');
    const below = file.replace(COMPILED, '');
    const named = NAMED_OUTPUT.exec(parts[i] ?? '')?.[1];
    // `dist-lib/x.js` is `lib/` compiled (tsc's outDir beside its input folder): from `lib/x.ts`, or
    // `lib/x.js` itself with allowJs.
    if (named) out.push(...SOURCE_EXTS.map((ext) => [...above, named, below + ext].join('/')), [...above, named, file].join('/'));
    if (!OUTPUT_FOLDERS.has(parts[i] ?? '')) continue;
    for (const ext of SOURCE_EXTS) out.push([...above, 'src', below + ext].join('/'), [...above, below + ext].join('/'));
  }
  return out;
}

/** The files of a scan without the compiled copies of other files of it (keys with `/` separators). */
export function dropCompiledTwins<F extends { file: string }>(files: readonly F[], keyOf: (file: string) => string): F[] {
  const keys = new Set(files.map((f) => keyOf(f.file)));
  return files.filter((f) => !sourcesOf(keyOf(f.file)).some((s) => keys.has(s)));
}
