// An image of another language built from a folder of a repository whose root holds a package.json
// of its own (linters, docs tooling beside services in Go, Java, C++...): the Dockerfile copies
// neither that manifest nor the whole context, starts no JavaScript and is not built on Node's image.
// The root package is not what runs, so no folder of it is the image's source.
import { JS_RUNNER } from './buildProject';
import { builtStage } from './builtImage';
import { fromNodeImage } from './unstartedImage';
import type { Facts } from './facts';

/** A COPY source bringing in the context's own manifest: the whole context, a glob of its top level, or package.json itself. */
const ROOT_MANIFEST_SOURCE = /^(?:\.\/?|\*|(?:\.\/)?package(?:\*|-lock)?\.json)?$/;

/** Whether the package the mapping would read is the context root's, which this image neither holds nor runs. */
export function rootPackageNotInImage(f: Facts): boolean {
  if (!f.df || f.spec.drift.source !== undefined || f.project.dir !== f.context || f.project.server !== undefined) return false;
  const stage = builtStage(f.df, f.spec.build?.target);
  if (!stage || fromNodeImage(f.df, stage) || JS_RUNNER.test(stage.start ?? '')) return false;
  return !f.df.stages.some((s) => s.copies.some((c) => c.from === undefined && c.byRun === undefined && c.sources.some((src) => ROOT_MANIFEST_SOURCE.test(src.trim()))));
}
