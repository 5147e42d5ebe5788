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

  // Neither ssh2 (ssh:// engines go through the system's ssh) nor dockerode's BuildKit session
  // (gRPC: buildImage, never called): each had been half a megabyte of kept source (build.mjs).
  for (const name of ['engine.js', 'cliMain.js']) {
    test(`${name} bundles neither ssh2 nor gRPC`, async () => {
      const text = await readFile(path.join(DIST, name), 'utf8');
      assert.ok(text.length > 100_000, `${name} looks unbuilt (${text.length} characters)`);
      assert.ok(!text.includes('SSH-2.0-ssh2js'), `${name} bundles ssh2`);
      assert.ok(!text.includes('grpc-node-js/'), `${name} bundles @grpc/grpc-js`);
    });
  }
});
