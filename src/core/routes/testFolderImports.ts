// The second wave of a route scan: a scan leaves out the files of test folders (isRouteSource:
// `test/`, `tests/`, `e2e/`...), whose harnesses build apps of their own; yet a server may import
// its own code from a folder so named (a Nest module in `src/api/tests/` that the app's module
// tree registers serves its controller's routes). The files of test folders that the code a scan
// read imports, and what those import in turn, are read too; a test folder nobody imports stays
// out. So are the JSON modules it imports (`require('./config/defaults')`): a configuration's values,
// which paths and settings may be built from (scanFile.ts reads one as `module.exports = <json>`). The one rule of the scan worker (engine/scanTree.ts), the inline scanner
// (engine/inlineScanner.ts), the watched trees (engine/watchedTrees.ts) and the corpus.
import type { ExtractedFile } from './extracted';
import { toSlash, type PathAlias } from './collect';
import { resolveSpecifier } from './moduleResolution';
import { readWhenImported } from './isRouteSource';

/**
 * The files of test folders under `root` among `files` (absolute) reached from what `add` is
 * given, found wave by wave: `add()` takes a scanned file's imports (its extraction: a file the
 * pre-filter passes over declares nothing and is followed no further), `wave()` names the files
 * reached and not handed out yet. Imports resolve as the join resolves them (collect.ts
 * resolveSpecifier: relative, or through the root's `aliases`). Driven in waves so a synchronous
 * reader (the scan worker) and a batched one (the inline scanner) share it.
 */
export class TestFolderImports {
  readonly reached = new Set<string>();
  private readonly byKey = new Map<string, string>();
  private todo: string[] = [];

  constructor(
    root: string,
    files: readonly string[],
    private readonly aliases: readonly PathAlias[] = [],
  ) {
    for (const f of files) if (readWhenImported(f, root)) this.byKey.set(toSlash(f), f);
  }

  /** What a scanned file imports. */
  add(file: string, x: ExtractedFile | null): void {
    if (!x || this.byKey.size === 0) return;
    const key = toSlash(file);
    for (const imp of x.imports) {
      const hit = resolveSpecifier(key, imp.source, this.byKey, this.aliases);
      if (hit === undefined || this.reached.has(hit)) continue;
      this.reached.add(hit);
      this.todo.push(hit);
    }
  }

  /** The files reached since the last wave, to scan and add(); empty when none is left. */
  wave(): string[] {
    const next = this.todo;
    this.todo = [];
    return next;
  }
}
