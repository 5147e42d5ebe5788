import assert from 'node:assert/strict';
import type { FileListing } from '../../../src/core/model';
import { applyChangedEntries, demuxer, digitsAt, findChangedCommand, findCommand, statLineParser } from '../../../src/engine/execListing';
import { packedListing } from '../../../src/engine/pathTable';

/** statLineParser over a whole output at once. */
function parseStatLines(text: string, root: string): FileListing {
  const parser = statLineParser(root);
  parser.push(Buffer.from(text, 'utf8'));
  return parser.end();
}

function frame(kind: number, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = kind;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

suite('execListing: find output and the exec stream', () => {
  test('find is given an absolute root with a trailing slash, and an argument list (no shell)', () => {
    assert.deepEqual(findCommand('/app/dist'), [
      'find', '/app/dist/', '(', '-type', 'f', '-o', '-type', 'l', ')', '-exec', 'stat', '-c', '%f %s %n', '{}', '+',
    ]);
    assert.equal(findCommand('/')[1], '/');
  });

  test('regular files get their size, symlinks are files without a size, others are ignored', () => {
    const listing = parseStatLines(
      ['81a4 14 /app/dist/main.js', 'a1ff 7 /app/dist/current.js', '41ed 4096 /app/dist/modules', '81ed 0 /app/dist/run.sh', ''].join('\n'),
      '/app/dist',
    );
    assert.deepEqual([...listing.files].sort(), ['/app/dist/current.js', '/app/dist/main.js', '/app/dist/run.sh']);
    assert.deepEqual(Object.fromEntries(listing.sizes ?? []), { '/app/dist/main.js': 14, '/app/dist/run.sh': 0 });
    assert.equal(listing.root, '/app/dist');
    assert.equal(listing.rootMissing, false);
  });

  test('names with spaces and newlines, and doubled slashes, come out whole', () => {
    const listing = parseStatLines('81a4 3 /app/dist/a b.js\n81a4 5 /app/dist//odd\nname.js\n81a4 1 /app/dist/z.js\n', '/app/dist');
    assert.deepEqual([...listing.files].sort(), ['/app/dist/a b.js', '/app/dist/odd\nname.js', '/app/dist/z.js']);
    assert.equal(listing.sizes?.get('/app/dist/odd\nname.js'), 5);
  });

  test('a name line that does not start "<hex> <decimal> /" continues the previous name; digits are read in place', () => {
    const listing = parseStatLines('81A4 12 /app/dist/a.js\nzz 1 /app/dist/b.js\n81a4 1x /app/dist/c.js\n81a4 2 /app/dist/d.js\n', '/app/dist');
    assert.deepEqual([...listing.files], ['/app/dist/a.js\nzz 1 /app/dist/b.js\n81a4 1x /app/dist/c.js', '/app/dist/d.js']);
    assert.equal(listing.sizes?.get('/app/dist/d.js'), 2);
    const at = (text: string, from: number, to: number, base: 10 | 16) => digitsAt(text, from, to, base);
    assert.equal(at('x81a4 ', 1, 5, 16), 0x81a4);
    assert.equal(at('41ED', 0, 4, 16), 0x41ed);
    assert.equal(at('4096', 0, 4, 10), 4096);
    assert.equal(at('12a', 0, 3, 10), -1);
    assert.equal(at('', 0, 0, 10), 0);
  });

  test('output parsed as it streams, cut anywhere (inside a line, a UTF-8 name, a name with a newline), is the whole output parsed at once', () => {
    const text = '81a4 14 /app/dist/main.js\n81a4 9 /app/dist/modules/wörkflow/stëps.js\n81a4 5 /app/dist/odd\nname.js\na1ff 7 /app/dist/current.js\n41ed 4096 /app/dist/modules\n81a4 3 /app/dist/last.js';
    const whole = parseStatLines(text, '/app/dist');
    const plain = (l: ReturnType<typeof parseStatLines>) => ({ files: [...l.files].sort(), sizes: [...(l.sizes ?? [])].sort() });
    assert.deepEqual(plain(whole).files, [
      '/app/dist/current.js', '/app/dist/last.js', '/app/dist/main.js', '/app/dist/modules/wörkflow/stëps.js', '/app/dist/odd\nname.js',
    ]);
    const bytes = Buffer.from(text, 'utf8');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const parser = statLineParser('/app/dist');
      parser.push(bytes.subarray(0, cut));
      parser.push(bytes.subarray(cut));
      assert.deepEqual(plain(parser.end()), plain(whole), `cut at byte ${cut}`);
      assert.equal(parser.bytes, bytes.length);
    }
    const byteByByte = statLineParser('/app/dist');
    for (let i = 0; i < bytes.length; i++) byteByByte.push(bytes.subarray(i, i + 1));
    assert.deepEqual(plain(byteByByte.end()), plain(whole));
  });

  test('a path printed twice (once with a doubled slash) is one file, with the size of the last regular file', () => {
    const listing = parseStatLines('81a4 3 /app/dist/m/a.js\n81a4 4 /app/dist/m//a.js\na1ff 9 /app/dist//m/a.js\n81a4 1 /app/dist/b.js\n', '/app/dist');
    assert.deepEqual([...listing.files], ['/app/dist/m/a.js', '/app/dist/b.js']);
    assert.deepEqual([...(listing.sizes ?? [])], [['/app/dist/m/a.js', 4], ['/app/dist/b.js', 1]]);
  });

  test('paths outside the root are dropped; the root "/" keeps everything', () => {
    assert.deepEqual([...parseStatLines('81a4 1 /etc/passwd\n81a4 1 /app/dist/a.js\n', '/app/dist').files], ['/app/dist/a.js']);
    assert.deepEqual([...parseStatLines('81a4 1 /etc/passwd\n', '/').files], ['/etc/passwd']);
  });

  test('the demuxer splits stdout from stderr across frames cut anywhere', () => {
    const stream = Buffer.concat([frame(1, 'one\ntwo\n'), frame(2, 'warning\n'), frame(1, 'three\n')]);
    for (let cut = 1; cut < stream.length; cut += 3) {
      let out = '';
      let err = '';
      const feed = demuxer((b) => (out += b.toString()), (b) => (err += b.toString()));
      feed(stream.subarray(0, cut));
      feed(stream.subarray(cut, cut + 5));
      feed(stream.subarray(cut + 5));
      assert.equal(out, 'one\ntwo\nthree\n', `cut at ${cut}`);
      assert.equal(err, 'warning\n', `cut at ${cut}`);
    }
  });
});

suite('execListing: a remembered listing brought up to date after a copy', () => {
  const before = (): FileListing =>
    packedListing(
      '/app/dist',
      new Set(['/app/dist/a.js', '/app/dist/b.js', '/app/dist/lib/x.js', '/app/dist/lib/deep/y.js', '/app/dist/link.js', '/app/dist/old/z.js']),
      new Map([
        ['/app/dist/a.js', 1],
        ['/app/dist/b.js', 2],
        ['/app/dist/lib/x.js', 3],
        ['/app/dist/lib/deep/y.js', 4],
        ['/app/dist/old/z.js', 5],
      ]),
    );
  const changesOf = (text: string) => {
    const parser = statLineParser('/app/dist');
    parser.push(Buffer.from(text, 'utf8'));
    return parser.endChanges();
  };

  test('find asks for files, links and folders by inode change time, in whole minutes', () => {
    assert.deepEqual(findChangedCommand('/app/dist', 3), [
      'find', '/app/dist/', '(', '-type', 'f', '-o', '-type', 'l', '-o', '-type', 'd', ')', '-cmin', '-3', '-exec', 'stat', '-c', '%f %s %n', '{}', '+',
    ]);
  });

  test('folders are kept apart from files (the root without its slash); links have no size', () => {
    const changes = changesOf('41ed 4096 /app/dist/\n41ed 4096 /app/dist/lib\n81a4 9 /app/dist/b.js\na1ff 7 /app/dist/l.js\n');
    assert.deepEqual([...changes.dirs].sort(), ['/app/dist', '/app/dist/lib']);
    assert.deepEqual(Object.fromEntries(changes.files), { '/app/dist/b.js': 9, '/app/dist/l.js': -1 });
  });

  test('added and replaced files come in with their new sizes; the rest is kept as it was', () => {
    const after = applyChangedEntries(before(), changesOf('41ed 4096 /app/dist/\n81a4 9 /app/dist/b.js\n81a4 6 /app/dist/new/c.js\n41ed 4096 /app/dist/new\n'));
    assert.deepEqual([...after.files].sort(), ['/app/dist/a.js', '/app/dist/b.js', '/app/dist/lib/deep/y.js', '/app/dist/lib/x.js', '/app/dist/link.js', '/app/dist/new/c.js', '/app/dist/old/z.js']);
    assert.equal(after.sizes?.get('/app/dist/b.js'), 9);
    assert.equal(after.sizes?.get('/app/dist/new/c.js'), 6);
    assert.equal(after.sizes?.get('/app/dist/a.js'), 1);
    assert.equal(after.sizes?.get('/app/dist/link.js'), undefined);
    assert.equal(after.files.has('/app/dist/nope.js'), false);
  });

  test('a file that became a folder, and the files of a folder that became a file or a link, are gone', () => {
    const after = applyChangedEntries(before(), changesOf('41ed 4096 /app/dist/a.js\n81a4 2 /app/dist/a.js/inner.js\n81a4 8 /app/dist/lib\na1ff 5 /app/dist/old\n'));
    assert.deepEqual([...after.files].sort(), ['/app/dist/a.js/inner.js', '/app/dist/b.js', '/app/dist/lib', '/app/dist/link.js', '/app/dist/old']);
    assert.equal(after.sizes?.get('/app/dist/lib'), 8);
  });

  test('nothing changed: the same files and sizes', () => {
    const after = applyChangedEntries(before(), changesOf(''));
    assert.deepEqual([...after.files].sort(), [...before().files].sort());
    assert.deepEqual([...(after.sizes ?? [])].sort(), [...(before().sizes ?? [])].sort());
  });
});

