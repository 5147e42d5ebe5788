// What every map-like view over packed or split storage answers the same way (the scan worker's
// packed entries, a path table's numbers, the explorer's states by folder): has, keys, values,
// iteration and forEach, from the `size`, `get` and `entries` each storage gives. A key is present
// when `get` answers something: none of them stores undefined.
export abstract class ReadonlyMapBase<K, V> implements ReadonlyMap<K, V> {
  abstract readonly size: number;
  abstract get(key: K): V | undefined;
  abstract entries(): IterableIterator<[K, V]>;

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  *keys(): IterableIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
