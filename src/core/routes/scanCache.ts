// What each source file declared, remembered across checks by path and modification time, for a
// long-lived process (the extension re-checks on every save and engine event). A file whose
// mtime is unchanged is not read again; anything else is. Per source root, only the files of the
// latest scan are kept, so deleted and renamed files drop out and memory follows the workspace.
import type { ExtractedFile } from './extract';

export interface ScanEntry {
  mtimeMs: number;
  /** null: the file cannot declare a route (the pre-filter said so). */
  extracted: ExtractedFile | null;
}

export interface ScanCache {
  /** The entries of the last scan of `sourceRoot` (empty when none). */
  previous(sourceRoot: string): ReadonlyMap<string, ScanEntry>;
  /** Replaces what is remembered for `sourceRoot` with this scan's entries. */
  store(sourceRoot: string, entries: Map<string, ScanEntry>): void;
}

const NOTHING: ReadonlyMap<string, ScanEntry> = new Map();

export function createScanCache(): ScanCache {
  const byRoot = new Map<string, Map<string, ScanEntry>>();
  return {
    previous: (sourceRoot) => byRoot.get(sourceRoot) ?? NOTHING,
    store: (sourceRoot, entries) => void byRoot.set(sourceRoot, entries),
  };
}
