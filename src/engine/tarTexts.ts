// The text files of an archive the engine made of a folder (GET /containers/{id}/archive): a
// front end's built assets, read for the page check. Bounded: files past the byte budget are
// listed but not read, and the result says so; past MAX_LISTED_ENTRIES entries it stops.
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar-stream';
import type { ServedFiles } from '../core/ports';
import { ListingTooLargeError, MAX_LISTED_ENTRIES } from './tarListing';

export interface TarTextOptions {
  /** Absolute folder the archive was made of. */
  root: string;
  /** Which files' contents to keep ("/srv/dist/assets/index-3f2a.js" -> true). */
  wanted: (path: string) => boolean;
  /** Total bytes of contents kept at most. */
  maxBytes: number;
  signal?: AbortSignal;
}

export async function readTarTexts(stream: NodeJS.ReadableStream, opts: TarTextOptions): Promise<ServedFiles> {
  const root = opts.root.replace(/\/+$/, '') || '/';
  const files = new Set<string>();
  const texts = new Map<string, string>();
  let prefix: string | undefined;
  let budget = opts.maxBytes;
  let truncated = false;
  const parser = extract();
  let entries = 0;
  parser.on('entry', (header, body, next) => {
    // Bounded like every listing (tarListing.ts): a folder flooded with entries is cut off, not held.
    if (++entries > MAX_LISTED_ENTRIES) {
      parser.destroy(new ListingTooLargeError(root));
      return;
    }
    const name = header.name.replace(/\/+$/, '');
    prefix ??= name;
    const rel = name === prefix ? '' : name.startsWith(`${prefix}/`) ? name.slice(prefix.length + 1) : undefined;
    const path = rel === undefined || rel === '' ? undefined : root === '/' ? `/${rel}` : `${root}/${rel}`;
    const isFile = header.type === 'file' || header.type === 'contiguous-file';
    if (path && isFile) files.add(path);
    const keep = path !== undefined && isFile && opts.wanted(path) && (header.size ?? 0) <= budget;
    if (path && isFile && opts.wanted(path) && !keep) truncated = true;
    const chunks: Buffer[] = [];
    body.on('data', (c: unknown) => {
      if (keep) chunks.push(c as Buffer);
    });
    body.on('end', () => {
      if (keep && path) {
        const text = Buffer.concat(chunks);
        budget -= text.length;
        texts.set(path, text.toString('utf8'));
      }
      next();
    });
    body.resume();
  });
  await pipeline(stream, parser, opts.signal ? { signal: opts.signal } : {});
  return { root, files, texts, truncated };
}
