// One scan pass against a cache (src/core/routes/scanCache.ts beginScanPass): what it hands the
// cache at the end, whatever order its files come in, is what a Map set in that order holds.
import assert from 'node:assert/strict';
import { beginScanPass, type ScanCache, type ScanEntry } from '../../../src/core/routes/scanCache';

const entryOf = (k: number): ScanEntry => ({ mtimeMs: 1000 + k, size: 10 + k, extracted: null });

/** A cache remembering `files` (file i at entryOf(i)) that records what the pass stores. */
function recordingCache(files: readonly string[]) {
  const previous = new Map(files.map((f, i) => [f, entryOf(i)]));
  const stored: { entries: [string, ScanEntry][]; size: number; same: boolean; asked: (ScanEntry | undefined)[] }[] = [];
  const cache: ScanCache = {
    previous: () => previous,
    store(_root, entries, same) {
      stored.push({ entries: [...entries], size: entries.size, same, asked: files.map((f) => entries.get(f)) });
    },
  };
  return { cache, previous, stored };
}

/** What the pass stored against a Map set in the same order: reuse for files the cache knows, keep for the others. */
function runPass(known: readonly string[], order: readonly string[]) {
  const { cache, previous, stored } = recordingCache(known);
  const pass = beginScanPass(cache, '/r');
  const expected = new Map<string, ScanEntry>();
  let kept = 0;
  for (const file of order) {
    const was = previous.get(file);
    if (was) {
      assert.ok(pass.remembers(file));
      assert.equal(pass.reuse(file, was.mtimeMs, was.size), null);
      expected.set(file, was);
    } else {
      const entry = { mtimeMs: 5, size: 6, extracted: null };
      pass.keep(file, entry.mtimeMs, entry.size, entry.extracted);
      expected.set(file, entry);
      kept += 1;
    }
  }
  pass.finish();
  assert.equal(stored.length, 1);
  const got = stored[0];
  assert.ok(got);
  assert.deepEqual(got.entries, [...expected]);
  assert.equal(got.size, expected.size);
  assert.deepEqual(got.asked, known.map((f) => expected.get(f)));
  return { same: got.same, expectedSame: kept === 0 && expected.size === previous.size };
}

suite('scan pass', () => {
  const sorted = ['/r/a.ts', '/r/a/b.ts', '/r/b.ts', '/r/c/d.ts', '/r/c/e.ts'];

  test('a pass that reused every file in sorted order hands over those entries, in order, as unchanged', () => {
    const r = runPass(sorted, sorted);
    assert.equal(r.same, true);
    assert.equal(r.expectedSame, true);
  });

  test('fewer files than remembered, a new file, or files out of order: the entries a Map set in that order holds', () => {
    const orders = [
      sorted.slice(1),
      [...sorted.slice(0, 2), '/r/aa.ts', ...sorted.slice(2)],
      [...sorted].reverse(),
      [sorted[2], sorted[0], sorted[1], sorted[4], sorted[3]].filter((f): f is string => f !== undefined),
      [...sorted, sorted[1]].filter((f): f is string => f !== undefined),
    ];
    for (const order of orders) {
      const r = runPass(sorted, order);
      assert.equal(r.same, r.expectedSame, order.join(' '));
    }
  });

  test('a file asked twice is one entry (its first place, its last entry), so the pass is not unchanged', () => {
    // Four of five files, one of them twice: as many additions as remembered files, yet one missing.
    const order = [sorted[0], sorted[1], sorted[1], sorted[2], sorted[3]].filter((f): f is string => f !== undefined);
    const r = runPass(sorted, order);
    assert.equal(r.same, false);
    assert.equal(r.expectedSame, false);
  });

  test('without a cache no file is remembered or reused, and the pass ends without one', () => {
    const pass = beginScanPass(undefined, '/r');
    assert.equal(pass.remembers('/r/a.ts'), false);
    assert.equal(pass.reuse('/r/a.ts', 1, 1), undefined);
    pass.keep('/r/a.ts', 1, 1, null);
    pass.finish();
  });
});
