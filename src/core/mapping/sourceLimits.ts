// Which source files are read whole for the route scan. A source tree can hold anything under
// a .ts name: generated bundles of megabytes, binary blobs. Such a file is still a source file
// (its place in the container is checked); it is only not read, and the report says so.

/**
 * Route sources above this size are not read: hand-written controllers are a few KB, and a
 * 50 MB .ts took 26 s and 1.6 GB to scan.
 */
export const MAX_SOURCE_READ_BYTES = 1024 * 1024;

/** How far into a file a NUL byte is looked for (git looks at the first 8000 bytes too). */
const BINARY_SNIFF_BYTES = 8000;

/**
 * Binary files are full of NUL bytes (images, archives, compiled code, UTF-16 text); a source
 * file may hold one or two as literals (a template string joining keys with `\x00` written as the
 * byte itself): 1 in 100 of the bytes sniffed or more is binary, fewer is text. `length`: only
 * head's first bytes are the file's (a reused read buffer: no subarray object a file).
 */
export function looksBinary(head: Uint8Array, length = head.length): boolean {
  const end = Math.min(length, head.length, BINARY_SNIFF_BYTES);
  let nuls = 0;
  for (let i = 0; i < end; i++) if (head[i] === 0) nuls++;
  return nuls > 0 && nuls * 100 >= end;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
