// The aliases app-module-path's `addPath` calls make (modulePathCalls.ts reads them in each file):
// every bare module name (`require('resources/user')`) also resolves below each folder added, as
// below a tsconfig's `baseUrl`. No compiler here: collect.ts, in the engine's bundles, uses it.
import { posix } from 'node:path';
import type { ExtractedFile } from './extracted';
import type { PathAlias } from './collect';

/** The aliases the scanned files' app-module-path calls make: every bare name below each folder added. */
export function modulePathAliases(extracted: ReadonlyArray<{ file: string; x: ExtractedFile }>): PathAlias[] {
  return extracted.flatMap(({ file, x }) => (x.modulePaths ?? []).map((rel) => ({ pattern: '*', targets: [posix.join(posix.dirname(file.split('\\').join('/')), rel, '*')] })));
}
