import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, pack } from 'tar-stream';
import type { Header } from 'tar-stream';
import { TAR_DIRECTORY, TAR_FILE, TAR_SYMLINK, tarHeaderReader } from '../../../src/engine/tarHeaders';
import type { TarHeader } from '../../../src/engine/tarHeaders';

type Entry = Partial<Header> & Pick<Header, 'name'> & { content?: string };

function archive(entries: Entry[]): Promise<Buffer> {
  const p = pack();
  for (const { content, ...header } of entries) p.entry(header, content ?? '');
  p.finalize();
  return Readable.from(p)
    .toArray()
    .then((chunks: Buffer[]) => Buffer.concat(chunks));
}

/** The same bytes cut into chunks of `size`, so headers and bodies straddle chunk boundaries. */
function chunked(buf: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
}

async function read(stream: Readable): Promise<TarHeader[]> {
  const seen: TarHeader[] = [];
  await pipeline(stream, tarHeaderReader((h) => seen.push(h)));
  return seen;
}

async function readWithTarStream(buf: Buffer): Promise<{ name: string; type: string | null; size: number | undefined }[]> {
  const seen: { name: string; type: string | null; size: number | undefined }[] = [];
  const parser = extract();
  parser.on('entry', (header, body, next) => {
    seen.push({ name: header.name, type: header.type, size: header.size });
    body.on('end', () => next());
    body.resume();
  });
  await pipeline(Readable.from([buf]), parser);
  return seen;
}

const longName = `dist/${'deep/'.repeat(40)}file.js`;
const entries: Entry[] = [
  { name: 'dist/', type: 'directory' },
  { name: 'dist/main.js', content: 'x'.repeat(700) },
  { name: 'dist/empty.js', content: '' },
  { name: 'dist/alias.js', type: 'symlink', linkname: 'main.js' },
  { name: longName, content: 'long' }, // over 255 bytes: tar-stream writes a PAX header
  { name: 'dist/ünïcode.js', content: 'u' }, // not ASCII: PAX as well
];

suite('tarHeaderReader', () => {
  test('reads names, types and sizes as tar-stream does, whatever the chunk boundaries', async () => {
    const buf = await archive(entries);
    const reference = await readWithTarStream(buf);
    const typeName: Record<number, string> = { [TAR_FILE]: 'file', [TAR_SYMLINK]: 'symlink', [TAR_DIRECTORY]: 'directory' };
    for (const size of [1, 7, 511, 512, 513, 4096, buf.length]) {
      const got = await read(chunked(buf, size));
      assert.deepEqual(
        got.map((h) => ({ name: h.name, type: typeName[h.type] ?? String(h.type), size: h.size })),
        reference,
        `chunks of ${size}`,
      );
    }
  });

  test('takes the long name from the PAX record', async () => {
    const got = await read(chunked(await archive(entries), 100));
    assert.ok(got.some((h) => h.name === longName && h.size === 4));
  });

  test('rejects an archive cut in the middle of an entry', async () => {
    const buf = await archive(entries);
    await assert.rejects(read(chunked(buf.subarray(0, 1024 + 300), 64)), /Unexpected end of data/);
  });

  test('rejects bytes that are not a tar header', async () => {
    await assert.rejects(read(Readable.from([Buffer.alloc(512, 1)])), /Invalid tar header/);
  });
});
