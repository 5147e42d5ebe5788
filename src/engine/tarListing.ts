// Turns the engine's archive stream (GET /containers/{id}/archive) into a file listing, reading
// headers only: entry contents are drained as they arrive, so a 100 MB file costs no memory.
import * as l10n from '@vscode/l10n';
import { pipeline } from 'node:stream/promises';
import type { FileListing } from '../core/model';
import { builtListing, listingBuilder, type PathTableBuilder } from './pathTable';
import { TAR_CONTIGUOUS, TAR_FILE, TAR_LINK, TAR_SYMLINK, tarHeaderReader } from './tarHeaders';

/** Entry types that behave as a file at run time: `require()` follows symlinks and hard links. */
const FILE_TYPES: ReadonlySet<number> = new Set([TAR_FILE, TAR_CONTIGUOUS, TAR_LINK, TAR_SYMLINK]);

/**
 * Entries a listing reads at most. A service's output holds thousands of files, a large one tens
 * of thousands; a target that reaches a million (a whole root file system, a data folder) is cut
 * off with one line instead of holding the engine stream and the memory for minutes.
 */
export const MAX_LISTED_ENTRIES = 500_000;

export class ListingTooLargeError extends Error {
  override readonly name = 'ListingTooLargeError';
  constructor(root: string) {
    super(l10n.t('the listing of {0} passed {1} entries and was stopped: point x-runtime-drift.target at the folder that holds the build output', root, MAX_LISTED_ENTRIES.toLocaleString('en-US')));
  }
}

export interface TarListing {
  listing: FileListing;
  /**
   * The archive held only the root itself, as a symlink: the engine archives a link, not its
   * target, so the caller asks again for `<root>/.` to list what it points to.
   */
  rootIsSymlink: boolean;
}

/**
 * The engine names entries relative to the archived path's parent: `dist/`, `dist/a.js` for
 * /app/dist; `./`, `./a.js` for /app/dist/.; `/`, `/etc/x` for /. The first entry is always the
 * root itself, so its name is the prefix to strip, whichever form the engine chose.
 */
export async function readTarListing(stream: NodeJS.ReadableStream, root: string, signal?: AbortSignal): Promise<TarListing> {
  const base = normaliseRoot(root);
  // Packed as the entries come (no Set and Map of whole paths first): a long-lived client keeps image listings by ID (dockerEngine.ts).
  const files = listingBuilder(base);
  let prefix: string | undefined;
  let entries = 0;
  let rootIsSymlink = false;

  // Headers only: bodies are skipped as they stream past, never buffered (see tarHeaders.ts).
  const parser = tarHeaderReader((header) => {
    entries += 1;
    if (entries > MAX_LISTED_ENTRIES) throw new ListingTooLargeError(base);
    const name = header.name;
    if (prefix === undefined) {
      prefix = topName(name);
      rootIsSymlink = header.type === TAR_SYMLINK;
    }
    if (FILE_TYPES.has(header.type)) addEntry(files, name, prefix, base, header.type === TAR_FILE ? header.size : -1);
  });

  // pipeline destroys both streams on abort or error, so a cancelled listing frees the socket.
  await pipeline(stream, parser, signal ? { signal } : {});
  return {
    listing: builtListing(base, files),
    rootIsSymlink: rootIsSymlink && entries === 1,
  };
}

function normaliseRoot(root: string): string {
  const trimmed = root.replace(/\/+$/, '').replace(/\/\.$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** "dist/" -> "dist", "./" -> ".", "/" -> "". */
function topName(name: string): string {
  return name.replace(/\/+$/, '');
}

/** The entry named `name` added to `files` as its path under `root` (the archive names it under `prefix`), unless it is not under it. */
function addEntry(files: PathTableBuilder, name: string, prefix: string, root: string, size: number): void {
  // Only folder names end in "/"; a file's name is used as it is (no regex per entry).
  const trimmed = name.charCodeAt(name.length - 1) === 47 /* / */ ? name.replace(/\/+$/, '') : name;
  if (trimmed === prefix) files.add(root, size);
  // The path is root + "/" + what follows the prefix and its "/": added without making it.
  else if (trimmed.length > prefix.length && trimmed.charCodeAt(prefix.length) === 47 && trimmed.startsWith(prefix)) files.addBelow(trimmed, prefix.length + 1, trimmed.length, size);
  // Otherwise not under the archived path: never produced by the engine.
}
