import assert from 'node:assert/strict';
import { looksBinary } from '../../../src/core/mapping/sourceLimits';

suite('binary content (files not read for routes)', () => {
  test('a source file holding one NUL byte as a literal is text', () => {
    // A template string joining two keys with the NUL byte itself, in a file of some 7 KB.
    const code = `export function keyOf(jobId, provider) {\n  return \`\${jobId}\0\${provider}\`;\n}\n${'// more code\n'.repeat(540)}`;
    const bytes = Buffer.from(code, 'utf8');
    assert.equal(bytes.filter((b) => b === 0).length, 1);
    assert.equal(looksBinary(bytes), false);
  });

  test('images, archives, UTF-16 text and zeroed files are binary; plain text is not', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(200, 0x41)]);
    assert.equal(looksBinary(png), true, 'a PNG header');
    assert.equal(looksBinary(Buffer.from('export const a = 1;\n', 'utf16le')), true, 'UTF-16');
    assert.equal(looksBinary(Buffer.alloc(4096, 0)), true, 'zeros');
    assert.equal(looksBinary(Buffer.concat([Buffer.from('export {};\n'), Buffer.from([0, 1, 2])])), true, 'a short file ending in bytes');
    assert.equal(looksBinary(Buffer.from('export const a = "é";\n', 'utf8')), false);
    assert.equal(looksBinary(new Uint8Array(0)), false);
  });

  test('only the first 8000 bytes are sniffed', () => {
    const late = Buffer.concat([Buffer.alloc(8000, 0x20), Buffer.alloc(1000, 0)]);
    assert.equal(looksBinary(late), false);
  });

  test('with a length, only that many bytes of a reused buffer are the file: what lies after them is not sniffed', () => {
    // A read buffer holding a short text file, after a binary one filled it.
    const buffer = Buffer.alloc(4096, 0);
    const text = Buffer.from('export const a = 1;\n');
    text.copy(buffer);
    assert.equal(looksBinary(buffer, text.length), false);
    assert.equal(looksBinary(buffer), true, 'the whole buffer');
    buffer[3] = 0;
    assert.equal(looksBinary(buffer, text.length), true, 'a NUL within the length');
    assert.equal(looksBinary(buffer, 0), false, 'an empty file');
  });
});
