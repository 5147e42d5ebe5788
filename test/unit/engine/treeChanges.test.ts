// The pure part of a watched source tree: watcher changes applied to a sorted file list.
import assert from 'node:assert/strict';
import { applyTreeChanges, rangeOf, relationTo, treeDifference, type TreeFiles } from '../../../src/engine/treeChanges';

const tree = (entries: Array<[string, number]>): TreeFiles => {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { files: sorted.map((e) => e[0]), mtimes: Float64Array.from(sorted.map((e) => e[1])) };
};
const pairs = (t: TreeFiles): Array<[string, number]> => t.files.map((f, i) => [f, t.mtimes[i] as number]);

suite('tree changes: applying a file watcher\'s paths to a walked tree', () => {
  const base = tree([
    ['/r/a.ts', 1],
    ['/r/m/x.ts', 2],
    ['/r/m/y.ts', 3],
    ['/r/m-2/z.ts', 4],
    ['/r/m.ts', 5],
    ['/r/m/sub/deep.ts', 6],
    ['/r/n/w.ts', 7],
  ]);

  test('a folder\'s range is its files only, not siblings whose names start alike (m-2, m.ts)', () => {
    const [start, end] = rangeOf(base.files, '/r/m');
    assert.deepEqual(base.files.slice(start, end), ['/r/m/sub/deep.ts', '/r/m/x.ts', '/r/m/y.ts']);
    const [fs, fe] = rangeOf(base.files, '/r/m.ts');
    assert.deepEqual(base.files.slice(fs, fe), ['/r/m.ts']);
    const [ns, ne] = rangeOf(base.files, '/r/none');
    assert.equal(ns, ne);
  });

  test('a deleted folder takes every file under it, and only those', () => {
    const next = applyTreeChanges(base, { gone: ['/r/m'], present: new Map() });
    assert.deepEqual(pairs(next), [
      ['/r/a.ts', 1],
      ['/r/m-2/z.ts', 4],
      ['/r/m.ts', 5],
      ['/r/n/w.ts', 7],
    ]);
  });

  test('created files go in sorted, changed ones get their new mtime, deleted ones go; the old tree is untouched', () => {
    const before = pairs(base);
    const next = applyTreeChanges(base, { gone: ['/r/a.ts', '/r/gone-already.ts'], present: new Map([['/r/m/y.ts', 30], ['/r/b.ts', 8], ['/r/zz/new.ts', 9], ['/r/0.ts', 10]]) });
    assert.deepEqual(pairs(next), [
      ['/r/0.ts', 10],
      ['/r/b.ts', 8],
      ['/r/m-2/z.ts', 4],
      ['/r/m.ts', 5],
      ['/r/m/sub/deep.ts', 6],
      ['/r/m/x.ts', 2],
      ['/r/m/y.ts', 30],
      ['/r/n/w.ts', 7],
      ['/r/zz/new.ts', 9],
    ]);
    assert.deepEqual(pairs(base), before);
    assert.equal(next.mtimes.length, next.files.length);
  });

  test('a renamed folder: the old name gone, what the new one holds present (present wins over gone)', () => {
    const next = applyTreeChanges(base, { gone: ['/r/m', '/r/n'], present: new Map([['/r/n/x.ts', 2], ['/r/n/w.ts', 7]]) });
    assert.deepEqual(next.files, ['/r/a.ts', '/r/m-2/z.ts', '/r/m.ts', '/r/n/w.ts', '/r/n/x.ts']);
  });

  test('the result equals sorting the changed set from scratch, on random changes', () => {
    let seed = 7;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const names = ['a', 'b', 'c', 'a-b', 'a.b', 'é', 'Z'];
    const path = (): string => `/r/${Array.from({ length: 1 + rnd(3) }, () => names[rnd(names.length)]).join('/')}.ts`;
    for (let round = 0; round < 200; round++) {
      const files = new Map<string, number>();
      for (let i = 0; i < 30; i++) files.set(path(), rnd(100));
      // A tree never holds both p and p/x: drop files that are a prefix folder of another.
      for (const f of [...files.keys()]) if ([...files.keys()].some((g) => g.startsWith(`${f}/`))) files.delete(f);
      const t = tree([...files]);
      const gone = Array.from({ length: rnd(4) }, () => (rnd(2) ? path() : path().replace(/\/[^/]*$/, '')));
      const present = new Map(Array.from({ length: rnd(5) }, () => [path(), 100 + rnd(100)] as [string, number]));
      const expected = new Map(files);
      for (const g of gone) for (const f of [...expected.keys()]) if (f === g || f.startsWith(`${g}/`)) expected.delete(f);
      for (const [f, m] of present) expected.set(f, m);
      assert.deepEqual(pairs(applyTreeChanges(t, { gone, present })), pairs(tree([...expected])), `round ${round}`);
    }
  });

  test('a path is inside a root, is the root or one of its folders (walk it all again), or outside', () => {
    assert.equal(relationTo('/w/svc/src', '/w/svc/src/a.ts'), 'inside');
    assert.equal(relationTo('/w/svc/src', '/w/svc/src'), 'root');
    assert.equal(relationTo('/w/svc/src', '/w/svc'), 'root');
    assert.equal(relationTo('/w/svc/src', '/w/svc/src-old/a.ts'), 'outside');
    assert.equal(relationTo('/w/svc/src', '/w/svc/srcx'), 'outside');
  });

  test('the difference of two trees names files added, removed and with another mtime, up to a limit', () => {
    const after = tree([
      ['/r/a.ts', 1],
      ['/r/m/x.ts', 20],
      ['/r/m-2/z.ts', 4],
      ['/r/m.ts', 5],
      ['/r/m/sub/deep.ts', 6],
      ['/r/new.ts', 1],
    ]);
    assert.deepEqual(treeDifference(base, after, 10).sort(), ['/r/m/x.ts', '/r/m/y.ts', '/r/n/w.ts', '/r/new.ts']);
    assert.equal(treeDifference(base, after, 2).length, 2);
    assert.deepEqual(treeDifference(base, base, 10), []);
  });
});
