import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { readTarTexts } from '../../../src/engine/tarTexts';

/** A tar shaped like the engine's answer for "/srv/dist/.": "./" first, then "./x" under it. */
function tarOf(files: Record<string, string>): Readable {
  const p = pack();
  p.entry({ name: './', type: 'directory' });
  for (const [name, content] of Object.entries(files)) p.entry({ name: `./${name}` }, content);
  p.finalize();
  return Readable.from(p);
}

suite('served files from an archive (the page check)', () => {
  const wanted = (p: string) => /\.(js|html)$/.test(p);

  test('every file is listed under the root; the wanted ones are read', async () => {
    const served = await readTarTexts(tarOf({ 'index.html': '<div>', 'assets/main-1.js': 'path:"/workflow"', 'logo.png': 'PNG' }), { root: '/srv/dist/', wanted, maxBytes: 1024 });
    assert.deepEqual([...served.files].sort(), ['/srv/dist/assets/main-1.js', '/srv/dist/index.html', '/srv/dist/logo.png']);
    assert.deepEqual([...served.texts.keys()].sort(), ['/srv/dist/assets/main-1.js', '/srv/dist/index.html']);
    assert.equal(served.texts.get('/srv/dist/assets/main-1.js'), 'path:"/workflow"');
    assert.equal(served.truncated, false);
  });

  test('past the byte budget a wanted file is listed, not read, and the result says so', async () => {
    const served = await readTarTexts(tarOf({ 'a.js': 'x'.repeat(600), 'b.js': 'y'.repeat(600) }), { root: '/srv/dist', wanted, maxBytes: 1000 });
    assert.equal(served.files.size, 2);
    assert.equal(served.texts.size, 1);
    assert.equal(served.truncated, true);
  });
});
