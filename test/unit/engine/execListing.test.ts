import assert from 'node:assert/strict';
import type { FileListing } from '../../../src/core/model';
import { demuxer, digitsAt, findCommand, statLineParser } from '../../../src/engine/execListing';

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
    const at = (text: string, from: number, to: number, base: 10 | 16) => digitsAt(Buffer.from(text), from, to, base);
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
