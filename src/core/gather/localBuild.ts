// Whether a mapping has a local build output to compare with its sources (the build rung): the
// primary mapping's and each other program's (SourceMapping.programs) decided the same way.
import type { SourceMapping } from '../model';
import type { FsLike } from '../ports';

/**
 * A folder of compiled files on this machine that the image was built from: none for a bundle (no
 * 1:1 files), none where the image compiles the copied source itself (`builtInImage`: tsc without
 * outDir, then a build step in the Dockerfile, whose local compiled files are not its input), and
 * none where the folder does not exist.
 */
export async function hasLocalBuild(fs: FsLike, mapping: Pick<SourceMapping, 'buildOutDir' | 'bundled' | 'builtInImage'>): Promise<boolean> {
  if (mapping.buildOutDir === undefined || mapping.bundled || mapping.builtInImage) return false;
  return (await fs.stat(mapping.buildOutDir))?.isDirectory === true;
}
