import assert from 'node:assert/strict';
import type { ScanEntry } from '../../../src/core/routes/scanCache';
import { createMemoryScanCache } from '../../../src/engine/memoryScanCache';
import { SharedPackedFiles, type PackedFiles } from '../../../src/engine/pathTable';

const ROOT = '/w/svc/src';
const FILES = [`${ROOT}/a.ts`, `${ROOT}/b.json`, `${ROOT}/c.spec.ts`, `${ROOT}/d/e.ts`, `${ROOT}/d/f.ts`];
const MTIMES = new Float64Array([10, 20, 30, 40, 50]);
/** The route sources among FILES (not the JSON file, not the test): what a scan keeps entries for. */
function entries(): Map<string, ScanEntry> {
  return new Map<string, ScanEntry>([
    [`${ROOT}/a.ts`, { mtimeMs: 10, size: 100, extracted: null }],
    [`${ROOT}/d/e.ts`, { mtimeMs: 40, size: -1, extracted: null }],
    [`${ROOT}/d/f.ts`, { mtimeMs: 50, size: 0, extracted: { routes: [], mounts: [] } as unknown as ScanEntry['extracted'] }],
  ]);
}

suite('memory scan cache', () => {
  test('remembers exactly the stored entries, whether or not it was handed every file the scan found', () => {
    for (const scanned of [undefined, { files: FILES, mtimes: MTIMES }]) {
      const cache = createMemoryScanCache();
      cache.store(ROOT, entries(), false, scanned);
      const got = cache.previous(ROOT);
      assert.equal(got.size, 3);
      assert.deepEqual([...got], [...entries()]);
      for (const file of FILES) assert.deepEqual(got.get(file), entries().get(file), file);
      assert.equal(got.has(`${ROOT}/b.json`), false);
      assert.equal(got.has(`${ROOT}/d`), false);
      assert.deepEqual(cache.previous('/elsewhere').size, 0);
    }
  });

  test("files handed over with another mtime than an entry's are not used: the entries keep their own", () => {
    const cache = createMemoryScanCache();
    cache.store(ROOT, entries(), false, { files: FILES, mtimes: new Float64Array([11, 20, 30, 40, 50]) });
    assert.equal(cache.previous(ROOT).get(`${ROOT}/a.ts`)?.mtimeMs, 10);
  });

  test('a watched tree of the same walk gets the very table and mtimes the remembered scans keep', () => {
    const given: PackedFiles[] = [];
    const shared = new (class extends SharedPackedFiles {
      override of(prefix: string, files: readonly string[], mtimes: Float64Array): PackedFiles {
        const packed = super.of(prefix, files, mtimes);
        given.push(packed);
        return packed;
      }
    })();
    createMemoryScanCache(shared).store(ROOT, entries(), false, { files: FILES, mtimes: MTIMES });
    assert.equal(given.length, 1);
    const cached = given[0];
    assert.notEqual(cached?.mtimes, MTIMES, 'the scanner hands its array on: a copy is kept');
    assert.equal(shared.of(`${ROOT}/`, [...FILES], MTIMES.slice()), cached);
    // Anything else is packed afresh.
    assert.notEqual(shared.of(`${ROOT}/`, FILES.slice(1), MTIMES.slice(1)), cached);
    assert.notEqual(shared.of(`${ROOT}/`, FILES, new Float64Array([10, 20, 30, 40, 51])), cached);
    assert.notEqual(shared.of(`${ROOT}/`, [...FILES].reverse(), MTIMES), cached);
  });
});
