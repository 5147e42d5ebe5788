import assert from 'node:assert/strict';
import { ReadonlyMapBase } from '../../src/core/readonlyMapBase';

/** Squares of 1..n, stored as nothing but n: a view that answers like the Map it stands for. */
class Squares extends ReadonlyMapBase<number, number> {
  constructor(readonly size: number) {
    super();
  }
  get(key: number): number | undefined {
    return Number.isInteger(key) && key >= 1 && key <= this.size ? key * key : undefined;
  }
  *entries(): IterableIterator<[number, number]> {
    for (let k = 1; k <= this.size; k++) yield [k, k * k];
  }
}

suite('ReadonlyMapBase', () => {
  test('answers has, keys, values, iteration and forEach as the Map of its entries does', () => {
    const view = new Squares(4);
    const map = new Map(view.entries());
    assert.deepEqual([...view.keys()], [...map.keys()]);
    assert.deepEqual([...view.values()], [1, 4, 9, 16]);
    assert.deepEqual([...view], [...map]);
    assert.equal(view.has(3), true);
    assert.equal(view.has(5), false);
    const seen: string[] = [];
    view.forEach(function (this: { tag: string }, value, key, whole) {
      assert.equal(whole, view);
      seen.push(`${this.tag}${key}=${value}`);
    }, { tag: '#' });
    assert.deepEqual(seen, ['#1=1', '#2=4', '#3=9', '#4=16']);
  });
});
