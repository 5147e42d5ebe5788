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
  if (NOT_EMITTED.some((re) => re.test(name))) return undefined;
  const ext = extname(name);
  const rewritten = m.rewrites[ext];
  return rewritten === undefined ? name : name.slice(0, name.length - ext.length) + rewritten;
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
  return (relBelowRoot) => {
    const slash = relBelowRoot.lastIndexOf('/');
    const name = relBelowRoot.slice(slash + 1);
    const emitted = name === '' ? undefined : emittedName(m, name);
    return emitted === undefined ? undefined : prefix + relBelowRoot.slice(0, slash + 1) + emitted;
  };
}
