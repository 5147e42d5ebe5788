import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import type { Header, Pack } from 'tar-stream';
import { readTarListing } from '../../../src/engine/tarListing';

const listTarStream = async (...args: Parameters<typeof readTarListing>) => (await readTarListing(...args)).listing;

type Entry = Partial<Header> & Pick<Header, 'name'> & { content?: string };

/** A tar shaped like the engine's: the archived folder first, then everything under it. */
function tarOf(entries: Entry[]): Readable {
  const p = pack();
  for (const { content, ...header } of entries) p.entry(header, content ?? '');
  p.finalize();
  return Readable.from(p);
}

const MiB = 1024 * 1024;

/** Writes `size` bytes into an entry chunk by chunk, honouring backpressure, never holding them all. */
async function writeLargeEntry(p: Pack, name: string, size: number, onChunk: () => void): Promise<void> {
  const sink = p.entry({ name, size, type: 'file' });
  for (let written = 0; written < size; written += MiB) {
    // A fresh chunk each time: a listing that kept chunks would hold `size` bytes.
    if (!sink.write(Buffer.alloc(MiB, written % 251))) await once(sink, 'drain');
    onChunk();
  }
  sink.end(undefined);
  await once(sink, 'finish');
}

suite('listTarStream', () => {
  test('maps "<basename>/rel" entries to absolute paths under the root and keeps only files', async () => {
    const listing = await listTarStream(
      tarOf([
        { name: 'dist/', type: 'directory' },
        { name: 'dist/main.js', content: 'x' },
        { name: 'dist/modules/', type: 'directory' },
        { name: 'dist/modules/workflow/', type: 'directory' },
        { name: 'dist/modules/workflow/steps.controller.js', content: 'y' },
        { name: 'dist/modules/empty/', type: 'directory' },
      ]),
      '/app/dist',
    );
    assert.equal(listing.root, '/app/dist');
    assert.equal(listing.rootMissing, false);
    assert.deepEqual([...listing.files].sort(), ['/app/dist/main.js', '/app/dist/modules/workflow/steps.controller.js']);
  });

  test('counts symlinks and hard links as files, since require() follows them', async () => {
    const listing = await listTarStream(
      tarOf([
        { name: 'dist/', type: 'directory' },
        { name: 'dist/real.js', content: 'x' },
        { name: 'dist/alias.js', type: 'symlink', linkname: 'real.js' },
        { name: 'dist/hard.js', type: 'link', linkname: 'dist/real.js' },
      ]),
      '/app/dist/',
    );
    assert.deepEqual([...listing.files].sort(), ['/app/dist/alias.js', '/app/dist/hard.js', '/app/dist/real.js']);
  });

  test('does not confuse a child folder named like the root with the root', async () => {
    const listing = await listTarStream(
      tarOf([
        { name: 'dist/', type: 'directory' },
        { name: 'dist/dist/', type: 'directory' },
        { name: 'dist/dist/inner.js', content: 'x' },
      ]),
      '/app/dist',
    );
    assert.deepEqual([...listing.files], ['/app/dist/dist/inner.js']);
  });

  test('reads the "./" form the engine uses for <root>/. archives', async () => {
    const listing = await listTarStream(
      tarOf([
        { name: './', type: 'directory' },
        { name: './a.js', content: 'x' },
        { name: './sub/b.js', content: 'y' },
      ]),
      '/srv/app/.',
    );
    assert.equal(listing.root, '/srv/app');
    assert.deepEqual([...listing.files].sort(), ['/srv/app/a.js', '/srv/app/sub/b.js']);
  });

  test('reads the "/" form of an archive of the filesystem root', async () => {
    const listing = await listTarStream(
      tarOf([
        { name: '/', type: 'directory' },
        { name: '/.dockerenv', content: '' },
        { name: '/app/', type: 'directory' },
        { name: '/app/index.js', content: 'x' },
      ]),
      '/',
    );
    assert.deepEqual([...listing.files].sort(), ['/.dockerenv', '/app/index.js']);
  });

  test('a root that is itself a file lists as that one file', async () => {
    const listing = await listTarStream(tarOf([{ name: 'main.js', content: 'x' }]), '/app/main.js');
    assert.deepEqual([...listing.files], ['/app/main.js']);
  });

  test('flags a root that is a symlink, so the caller can list its target', async () => {
    const linked = await readTarListing(tarOf([{ name: 'dist', type: 'symlink', linkname: 'build' }]), '/app/dist');
    assert.equal(linked.rootIsSymlink, true);
    const folder = await readTarListing(tarOf([{ name: 'dist/', type: 'directory' }, { name: 'dist/a.js', content: 'x' }]), '/app/dist');
    assert.equal(folder.rootIsSymlink, false);
  });

  test('an empty folder lists no files', async () => {
    const listing = await listTarStream(tarOf([{ name: 'dist/', type: 'directory' }]), '/app/dist');
    assert.equal(listing.files.size, 0);
    assert.equal(listing.rootMissing, false);
  });

  test('drains a large file without buffering its content', async () => {
    const size = 256 * MiB;
    const p = pack();
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = 0;
    // Sampled by the producer: timers would not fire while the streams hand chunks over.
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
    };
    const producing = (async () => {
      p.entry({ name: 'dist/', type: 'directory' });
      await writeLargeEntry(p, 'dist/huge.bin', size, sample);
      p.entry({ name: 'dist/after.js' }, 'x');
      p.finalize();
    })();

    const listing = await listTarStream(Readable.from(p), '/app/dist');
    await producing;
    assert.deepEqual([...listing.files].sort(), ['/app/dist/after.js', '/app/dist/huge.bin']);
    // Buffering the entry would hold 256 MiB at the end; streaming leaves chunks to the GC.
    assert.ok(peak < 128 * MiB, `peak extra ArrayBuffer memory ${Math.round(peak / MiB)} MiB`);
  });

  test('stops and rejects when the signal aborts mid-stream', async () => {
    const controller = new AbortController();
    // An engine that stalls mid-archive: only the abort can settle the listing.
    const endless = new Readable({ read() {} });
    const pending = listTarStream(endless, '/app/dist', controller.signal);
    setTimeout(() => controller.abort(new Error('cancelled by test')), 20);
    await assert.rejects(pending, /cancelled by test|aborted/);
    assert.equal(endless.destroyed, true);
  });
});
