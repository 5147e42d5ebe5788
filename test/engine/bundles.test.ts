// The bundles a long-lived process keeps loaded, as `npm run build` leaves them in dist/.
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

const DIST = path.resolve(__dirname, '../../dist');

suite('bundles in dist/', () => {
  // V8 keeps a script's source for the process's life, one byte a character only while every
  // character is Latin-1: one curly quote in a bundled library's comment doubles a 2-3 MB source.
  for (const name of ['engine.js', 'cliMain.js']) {
    test(`${name} is Latin-1 throughout, so V8 holds its source one byte a character`, async () => {
      const text = await readFile(path.join(DIST, name), 'utf8');
      const at = [...text].findIndex((c) => c.codePointAt(0)! > 0xff);
      assert.ok(text.length > 100_000, `${name} looks unbuilt (${text.length} characters)`);
      assert.equal(at, -1, `${name} has ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))}`);
    });
  }
});
