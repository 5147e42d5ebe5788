// One source file -> the file the container (or the local build) should hold for it.
// Container paths are POSIX whatever the host is; host paths use the host's rules.
import { extname, isAbsolute, join, posix, relative, sep } from 'node:path';
import type { SourceMapping } from '../model';
import { relativeInside } from './fastRelative';

/** A test file (`x.spec.ts`, `x.test.mjs`...): not built into an image, declares no served route. */
export const TEST_SOURCE = /\.(spec|test)\.[cm]?[jt]sx?$/;

/** Declarations and tests are never emitted into a runnable build. */
const NOT_EMITTED = [/\.d\.[cm]?ts$/, TEST_SOURCE];

/** Path inside the container for `absSource`; undefined when it has no counterpart there. */
export function mapSourceFile(m: SourceMapping, absSource: string): string | undefined {
  const rel = mappedRelative(m, absSource);
  return rel === undefined ? undefined : posix.join(m.target, ...rel);
}

/** Path in the local build output for `absSource`; undefined when it has none or none is known. */
export function mapToBuildOutput(m: SourceMapping, absSource: string): string | undefined {
  if (m.buildOutDir === undefined) return undefined;
  const rel = mappedRelative(m, absSource);
  return rel === undefined ? undefined : join(m.buildOutDir, ...rel);
}

/** Path segments below the source root, extension rewritten; undefined when not mapped. */
function mappedRelative(m: SourceMapping, absSource: string): string[] | undefined {
  if (m.bundled) return undefined;
  const rel = relativeInside(m.sourceRoot, absSource) ?? relative(m.sourceRoot, absSource);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  const segments = rel.split(sep);
  const name = emittedName(m, segments[segments.length - 1] as string);
  if (name === undefined) return undefined;
  segments[segments.length - 1] = name;
  return segments;
}

/** The name the build emits for a source file's name (extension rewritten); undefined for none. */
function emittedName(m: SourceMapping, name: string): string | undefined {
  if (notEmitted(name)) return undefined;
  const ext = extname(name);
  const rewritten = m.rewrites[ext];
  return rewritten === undefined ? name : name.slice(0, name.length - ext.length) + rewritten;
}

/** A declaration or a test, by its name's end (the patterns hold no '/': a path's end tells as its name does). */
function notEmitted(nameOrPath: string): boolean {
  for (const re of NOT_EMITTED) if (re.test(nameOrPath)) return true;
  return false;
}

/**
 * Where the extension of the name starting at `nameStart` of `path` begins, as path.extname tells
 * it (none: a name without a dot, one starting with its only dot, and '..'): path.length for none.
 */
function extensionStart(path: string, nameStart: number): number {
  const dot = path.lastIndexOf('.');
  if (dot <= nameStart) return path.length;
  // '..' has no extension; any other name with a dot after its first character has one.
  if (dot === path.length - 1 && dot === nameStart + 1 && path.charCodeAt(nameStart) === 0x2e) return path.length;
  return dot;
}

/**
 * How the build names walked files (given as a path and where its name starts): -2 for a file it
 * does not emit (a declaration, a test, a name with nothing after its folder), -1 for one emitted
 * under its own name, else the index `k` of the rewrite: the name ends at `path.length -
 * exts[k].length` and gets `outs[k]`. Read in place: no name, extension or folder cut out of the
 * path (on 300,000 files those strings were a third of the main thread's allocations:
 * bench/README.md, twentieth round).
 */
export function emittedNames(m: SourceMapping): { exts: readonly string[]; outs: readonly string[]; rewriteOf: (path: string, nameStart: number) => number } {
  const exts = Object.keys(m.rewrites);
  const outs = exts.map((ext) => m.rewrites[ext] as string);
  const rewriteOf = (path: string, nameStart: number): number => {
    if (nameStart === path.length || notEmitted(path)) return -2;
    const dot = extensionStart(path, nameStart);
    for (let k = 0; k < exts.length; k++) {
      const ext = exts[k] as string;
      if (ext.length === path.length - dot && path.startsWith(ext, dot)) return k;
    }
    return -1;
  };
  return { exts, outs, rewriteOf };
}

/** The container folder below which a mapping puts the source root's files ('/app/dist/'). */
export function targetPrefix(m: SourceMapping): string {
  const clean = posix.normalize(m.target);
  return clean.endsWith('/') ? clean : `${clean}/`;
}
