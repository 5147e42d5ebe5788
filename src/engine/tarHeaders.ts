// A tar reader that decodes headers and skips bodies, for file listings. Why not tar-stream's
// extract(): it makes a readable stream, listeners and a callback per entry, even for bodies
// nobody reads, which for an archive of 10,000 small files was most of the listing's CPU time
// (bench/README.md, "tarHeaders"). This reads the same formats the same way: ustar with its name
// prefix, GNU long names ('L', 'N', 'K'), PAX local and global records (path, linkpath, size),
// old-tar directories named with a trailing slash, base-256 sizes, checksums verified.
import { Writable } from 'node:stream';

const BLOCK = 512;
/** Longest PAX / GNU long-name record accepted: a name is never near this (tar-stream's own bound). */
const MAX_LONG_HEADER = 1024 * 1024;

/** Type flags, as numbers: '0' (or NUL) file, '1' hard link, '2' symlink, '5' directory, '7' contiguous file. */
export const TAR_FILE = 0;
export const TAR_LINK = 1;
export const TAR_SYMLINK = 2;
export const TAR_DIRECTORY = 5;
export const TAR_CONTIGUOUS = 7;
const PAX = 72; // 'x'
const PAX_GLOBAL = 55; // 'g'
const GNU_LONG_LINK = 27; // 'K'
const GNU_LONG_PATHS: ReadonlySet<number> = new Set([28, 30]); // 'L', 'N'

export interface TarHeader {
  name: string;
  /** The type flag as a number ('0' -> 0); a NUL flag is 0. */
  type: number;
  size: number;
}

/** A writable that calls `onEntry` for each archive member; rejects malformed or truncated input. */
export function tarHeaderReader(onEntry: (header: TarHeader) => void): Writable {
  const head = Buffer.alloc(BLOCK);
  let headFill = 0;
  let skip = 0; // body bytes (and padding) still to pass over
  let longType = -1; // collecting the body of a PAX / GNU long-name header when >= 0
  let longChunks: Buffer[] = [];
  let longMissing = 0;
  let longPadding = 0;
  let gnuLongPath: string | undefined;
  let pax: Record<string, string> | undefined;
  let paxGlobal: Record<string, string> | undefined;

  const finishLong = (): void => {
    const body = Buffer.concat(longChunks);
    longChunks = [];
    if (GNU_LONG_PATHS.has(longType)) gnuLongPath = cString(body, 0, body.length);
    else if (longType === PAX_GLOBAL) paxGlobal = decodePax(body);
    else if (longType === PAX) pax = paxGlobal ? { ...paxGlobal, ...decodePax(body) } : decodePax(body);
    // GNU long link names ('K') only change the link target, which a listing does not use.
    longType = -1;
    skip = longPadding;
  };

  const onHeader = (block: Buffer): void => {
    const sum = checksum(block);
    if (sum === 8 * 32) return; // an all-zero block: end-of-archive marker (or padding)
    if (sum !== octal(block, 148, 8)) throw new Error('Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?');
    let type = block[156] === 0 ? 0 : (block[156] as number) - 48;
    let name = cString(block, 0, 100);
    if (isUstar(block)) {
      if (block[345]) name = `${cString(block, 345, 155)}/${name}`;
    } else if (!isGnu(block)) {
      throw new Error('Invalid tar header: unknown format.');
    }
    if (type === 0 && name.endsWith('/')) type = TAR_DIRECTORY;
    let size = octal(block, 124, 12);

    if (type === PAX || type === PAX_GLOBAL || type === GNU_LONG_LINK || GNU_LONG_PATHS.has(type)) {
      if (size > MAX_LONG_HEADER) throw new Error('Header exceeds max size');
      longType = type;
      longMissing = size;
      longPadding = padding(size);
      if (longMissing === 0) finishLong();
      return;
    }

    if (gnuLongPath !== undefined) {
      name = gnuLongPath;
      gnuLongPath = undefined;
    }
    if (pax) {
      if (pax.path) name = pax.path;
      if (pax.size) size = Number.parseInt(pax.size, 10);
      pax = undefined;
    }
    if (!(size >= 0)) throw new Error('Invalid header');
    onEntry({ name, type, size });
    skip = size === 0 || type === TAR_DIRECTORY ? 0 : size + padding(size);
  };

  const consume = (chunk: Buffer): void => {
    let off = 0;
    while (off < chunk.length) {
      if (longType >= 0) {
        const n = Math.min(longMissing, chunk.length - off);
        longChunks.push(chunk.subarray(off, off + n));
        longMissing -= n;
        off += n;
        if (longMissing === 0) finishLong();
        continue;
      }
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - off);
        skip -= n;
        off += n;
        continue;
      }
      if (headFill === 0 && chunk.length - off >= BLOCK) {
        onHeader(chunk.subarray(off, off + BLOCK)); // whole header in this chunk: no copy
        off += BLOCK;
        continue;
      }
      const n = Math.min(BLOCK - headFill, chunk.length - off);
      chunk.copy(head, headFill, off, off + n);
      headFill += n;
      off += n;
      if (headFill === BLOCK) {
        headFill = 0;
        onHeader(head);
      }
    }
  };

  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      try {
        consume(chunk);
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
    final(callback) {
      const complete = skip === 0 && headFill === 0 && longType < 0;
      callback(complete ? null : new Error('Unexpected end of data'));
    },
  });
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

function checksum(block: Buffer): number {
  let sum = 8 * 32;
  for (let i = 0; i < 148; i++) sum += block[i] as number;
  for (let i = 156; i < BLOCK; i++) sum += block[i] as number;
  return sum;
}

/** Bytes up to the first NUL (or `length`), as UTF-8. */
function cString(buf: Buffer, offset: number, length: number): string {
  const end = offset + length;
  let i = offset;
  while (i < end && buf[i] !== 0) i++;
  return buf.toString('utf8', offset, i);
}

/** A numeric field: octal text (leading spaces and NULs allowed), or base-256 when the high bit is set. */
function octal(buf: Buffer, offset: number, length: number): number {
  const first = buf[offset] as number;
  if (first & 0x80) return base256(buf, offset, length);
  const end = offset + length;
  let i = offset;
  while (i < end && buf[i] === 32) i++;
  let stop = i;
  while (stop < end && buf[stop] !== 32) stop++;
  while (i < stop && buf[i] === 0) i++;
  if (i === stop) return 0;
  // Number.parseInt(text, 8) without building the text: digits up to the first non-octal byte,
  // NaN when there is none.
  let n = Number.NaN;
  for (; i < stop; i++) {
    const digit = (buf[i] as number) - 48;
    if (digit < 0 || digit > 7) break;
    n = Number.isNaN(n) ? digit : n * 8 + digit;
  }
  return n;
}

function base256(buf: Buffer, offset: number, length: number): number {
  const first = buf[offset];
  const positive = first === 0x80;
  if (!positive && first !== 0xff) return Number.NaN;
  let sum = 0;
  for (let i = offset + 1; i < offset + length; i++) {
    const byte = buf[i] as number;
    sum = sum * 256 + (positive ? byte : 0xff - byte);
  }
  return positive ? sum : -sum; // as tar-stream reads it; a negative size is rejected by the caller
}

function isUstar(block: Buffer): boolean {
  // "ustar\0"
  return block[257] === 0x75 && block[258] === 0x73 && block[259] === 0x74 && block[260] === 0x61 && block[261] === 0x72 && block[262] === 0;
}

function isGnu(block: Buffer): boolean {
  // "ustar " then version " \0"
  return (
    block[257] === 0x75 && block[258] === 0x73 && block[259] === 0x74 && block[260] === 0x61 && block[261] === 0x72 && block[262] === 0x20 &&
    block[263] === 0x20 && block[264] === 0
  );
}

/** PAX records: "<len> <key>=<value>\n", len counting the whole record. */
function decodePax(buf: Buffer): Record<string, string> {
  const result: Record<string, string> = {};
  let rest = buf;
  while (rest.length > 0) {
    let i = 0;
    while (i < rest.length && rest[i] !== 32) i++;
    const len = Number.parseInt(rest.toString('utf8', 0, i), 10);
    if (!len) return result;
    const record = rest.toString('utf8', i + 1, len - 1);
    const eq = record.indexOf('=');
    if (eq === -1) return result;
    result[record.slice(0, eq)] = record.slice(eq + 1);
    rest = rest.subarray(len);
  }
  return result;
}
