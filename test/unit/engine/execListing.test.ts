import assert from 'node:assert/strict';
import { demuxer, digitsAt, findCommand, parseStatLines } from '../../../src/engine/execListing';

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
    assert.equal(digitsAt('x81a4 ', 1, 5, 16), 0x81a4);
    assert.equal(digitsAt('41ED', 0, 4, 16), 0x41ed);
    assert.equal(digitsAt('4096', 0, 4, 10), 4096);
    assert.equal(digitsAt('12a', 0, 3, 10), -1);
    assert.equal(digitsAt('', 0, 0, 10), 0);
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
