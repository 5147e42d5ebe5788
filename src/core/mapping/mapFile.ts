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
 * mapSourceFile for many files of one tree, given by their path below the source root ("a/b.ts",
 * POSIX, as a walk yields them: no "." or ".." segments). String work only: the per-file
 * path.relative / path.join of mapSourceFile is most of its cost on a large tree.
 */
export function walkedFileMapper(m: SourceMapping): (relBelowRoot: string) => string | undefined {
  if (m.bundled) return () => undefined;
  const clean = posix.normalize(m.target);
  const prefix = clean.endsWith('/') ? clean : `${clean}/`;
  const exts = Object.keys(m.rewrites);
  const outs = exts.map((ext) => m.rewrites[ext] as string);
  // Read in place: no name, extension or folder cut out of the path (on 300,000 files those
  // strings were a third of the main thread's allocations: bench/README.md, twentieth round).
  return (relBelowRoot) => {
    const nameStart = relBelowRoot.lastIndexOf('/') + 1;
    if (nameStart === relBelowRoot.length || notEmitted(relBelowRoot)) return undefined;
    const dot = extensionStart(relBelowRoot, nameStart);
    for (let k = 0; k < exts.length; k++) {
      const ext = exts[k] as string;
      if (ext.length === relBelowRoot.length - dot && relBelowRoot.startsWith(ext, dot)) return prefix + relBelowRoot.slice(0, dot) + (outs[k] as string);
    }
    return prefix + relBelowRoot;
  };
}
