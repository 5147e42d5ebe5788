// A file's imports by local name, for the join: it asks the same file's imports by name again and
// again (every export followed through a barrel of `export *`, every element of a route loop), and
// a linear search per question made that most of a large join (growthbook). Indexed once per list.
import type { ExtractedImport } from './extracted';

interface Index {
  size: number;
  byLocal: Map<string, ExtractedImport>;
  stars: ExtractedImport[];
}

const indexes = new WeakMap<readonly ExtractedImport[], Index>();

function indexOf(imports: readonly ExtractedImport[]): Index {
  const known = indexes.get(imports);
  // A list is filled while its file is extracted and never changed after: its length tells a list still growing.
  if (known && known.size === imports.length) return known;
  const byLocal = new Map<string, ExtractedImport>();
  const stars: ExtractedImport[] = [];
  for (const i of imports) {
    if (!byLocal.has(i.local)) byLocal.set(i.local, i);
    if (i.local === '*reexport*') stars.push(i);
  }
  const index = { size: imports.length, byLocal, stars };
  indexes.set(imports, index);
  return index;
}

/** The first import bound to `local` (`imports.find((i) => i.local === local)`). */
export function importNamed(imports: readonly ExtractedImport[], local: string | undefined): ExtractedImport | undefined {
  return local === undefined ? undefined : indexOf(imports).byLocal.get(local);
}

/** The file's `export * from '...'` re-exports, in order. */
export function starReexports(imports: readonly ExtractedImport[]): readonly ExtractedImport[] {
  return indexOf(imports).stars;
}
