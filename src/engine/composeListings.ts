// The walk for compose files (core/compose/walk.ts) made in the scan worker, keeping the folder
// listings it read for the source walks of the same check. The walk reads every folder down to
// four levels: on the bench's 30 services x 10,000 files that is 1,200 module folders and 300,000
// names, the very folders each service's source walk then read again (bench/README.md, eleventh
// round). Here each folder is read once, with its entries' types, so the walk also needs no stat
// for a plain file or folder (a link is still stat'ed, as FsLike.stat would).
//
// A listing serves one source walk of the check whose walk read it (SourceScanRequest.listings)
// and is then dropped; the next walk, a scan of another check, a file watcher's report and
// LISTINGS_MAX_AGE_MS drop them all. Kept packed, one string of a folder's names and a byte per
// entry: about 3.6 MB for the bench's 300,000 names, against about 12 MB as arrays of strings
// (which showed as 8-12 MB more peak RSS of a cold 30 x 10,000 check).
import type { Dirent } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { ComposeFolders } from '../core/ports';
import { walkComposeFolders, type ComposeWalkOptions } from '../core/compose/walk';
import { ENTRY_DIR, ENTRY_FILE, ENTRY_LINK, entryKind, fileStatSync, readFolderSync, type FolderListing } from './nodeFs';

/** Listings no source walk took in this long after their walk are dropped (memory only: a check's walks come sooner). */
export const LISTINGS_MAX_AGE_MS = 60_000;

interface Kept {
  /** The names in the folder's order, joined by '/' (which no name holds). */
  joined: string;
  kinds: Uint8Array;
  /** Name to kind, made when the walk first asks what an entry of this folder is. */
  byName?: Map<string, number>;
}

export class ComposeListings {
  private readonly kept = new Map<string, Kept>();
  /** The id of the walk whose listings `kept` holds (0: none yet). */
  private walkId = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The walk, with `listings` set to the id its source walks pass on. */
  async walk(workspaceDir: string, opts: ComposeWalkOptions): Promise<ComposeFolders> {
    this.drop();
    const id = ++this.walkId;
    const found = await walkComposeFolders({ readdir: async (dir) => this.read(dir), stat: async (path) => this.statOf(path) }, workspaceDir, opts);
    // A newer walk (or a drop) meanwhile: these listings are not the ones kept.
    if (id !== this.walkId) return found;
    this.timer = setTimeout(() => this.drop(), LISTINGS_MAX_AGE_MS);
    this.timer.unref?.();
    return { ...found, listings: id };
  }

  /** What a source walk of the check with `listings` may take: each folder's entries once; undefined when none are kept for it. */
  forScan(listings: number | undefined): ((dir: string) => FolderListing | undefined) | undefined {
    if (listings !== this.walkId || listings === undefined) {
      // Another check's (or none): what is kept is of no use to anyone any more.
      this.drop();
      return undefined;
    }
    return (dir) => this.take(dir);
  }

  /** Drops every kept listing (a file watcher reported changes, or nothing will use them). */
  drop(): void {
    this.kept.clear();
    this.walkId++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private read(dir: string): string[] {
    const entries = readFolderSync(dir);
    const names = entries.map((e) => e.name);
    // An unreadable folder gives [] here, as FsLike.readdir does: not kept, so the source walk
    // reads it itself and says why it could not.
    if (entries.length > 0) {
      const kinds = new Uint8Array(entries.length);
      for (let i = 0; i < entries.length; i++) kinds[i] = entryKind(entries[i] as Dirent);
      this.kept.set(dir, { joined: names.join('/'), kinds });
    }
    return names.sort();
  }

  /** FsLike.stat's answer on what the walk asks (a compose file's name, a folder to descend into): from the folder's entry unless it is a link. */
  private statOf(path: string): { isFile: boolean; isDirectory: boolean } | undefined {
    const kept = this.kept.get(dirname(path));
    const kind = kept ? kindIn(kept, basename(path)) : undefined;
    if (kind === undefined || kind === ENTRY_LINK) return fileStatSync(path);
    return { isFile: kind === ENTRY_FILE, isDirectory: kind === ENTRY_DIR };
  }

  private take(dir: string): FolderListing | undefined {
    const kept = this.kept.get(dir);
    if (!kept) return undefined;
    this.kept.delete(dir);
    return { names: kept.kinds.length === 0 ? [] : kept.joined.split('/'), kinds: kept.kinds };
  }
}

function kindIn(kept: Kept, name: string): number | undefined {
  if (!kept.byName) {
    kept.byName = new Map(kept.joined.split('/').map((n, i) => [n, kept.kinds[i] as number]));
  }
  return kept.byName.get(name);
}
